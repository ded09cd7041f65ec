"""Derived salary tables: a published version carried forward by general raises.

A ``derived`` version declares a published *base* version of the same table and the
dates of percentage raises from the raise chain (``data/raises/``). Each cell is

    base cell x (1 + p1/100) x (1 + p2/100) x ...

rounded once to the declared quantum, half up. The base's omitted cells stay omitted.
Every result built on a derived version says ``derived``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from caopo.catalog import Catalog, Entry, _Series
from caopo.errors import DataFileError
from caopo.models import RaiseChain, RaiseEvent, ScaleTable
from caopo.money import quantize

__all__ = ["RAISE_CHAIN", "chain_factor", "materialise", "raise_events"]

RAISE_CHAIN = "general_raises"
"""The table id of the raise chain document."""


def raise_events(catalog: Catalog) -> tuple[RaiseEvent, ...]:
    """The general raises and structural changes, oldest first."""
    return catalog.document(RAISE_CHAIN, RaiseChain).events


def chain_factor(
    events: tuple[RaiseEvent, ...], dates: tuple[object, ...], *, table: str
) -> Decimal:
    """The product of the percentage raises on *dates* that apply to *table* (unrounded).

    Raises :class:`DataFileError` if a date is not a percentage raise for that table.
    """
    by_date = {event.on: event for event in events}
    factor = Decimal(1)
    for on in dates:
        event = by_date.get(on)  # type: ignore[call-overload]
        if event is None or event.change != "percentage" or table not in event.applies_to:
            usable = ", ".join(
                str(e.on) for e in events if e.change == "percentage" and table in e.applies_to
            )
            raise DataFileError(
                f"no percentage raise on {on} applies to table {table!r}; raises that do: {usable}"
            )
        factor *= event.factor
    return factor


def _derive(entry: Entry, base: ScaleTable, events: tuple[RaiseEvent, ...]) -> Entry:
    version = entry.document
    assert isinstance(version, ScaleTable) and version.derivation is not None
    rule = version.derivation
    try:
        factor = chain_factor(events, rule.raises, table=version.table)
    except DataFileError as exc:
        raise DataFileError(f"{entry.path}: {exc}") from None
    cells = {
        scale: {step: quantize(amount * factor, rule.quantum) for step, amount in steps.items()}
        for scale, steps in base.cells.items()
    }
    derived = version.model_copy(
        update={"cells": cells, "omitted": base.omitted, "coverage": base.coverage}
    )
    return replace(entry, document=derived)


def materialise(catalog: Catalog) -> Catalog:
    """Return *catalog* with the cells of every derived salary version computed."""
    pending = [
        (table, index)
        for table, series in catalog.series.items()
        for index, entry in enumerate(series.versions)
        if isinstance(entry.document, ScaleTable) and entry.document.status == "derived"
    ]
    if not pending:
        return catalog
    events = raise_events(catalog)
    series = dict(catalog.series)
    for table, index in pending:
        versions = list(series[table].versions)
        entry = versions[index]
        assert isinstance(entry.document, ScaleTable) and entry.document.derivation is not None
        base_date = entry.document.derivation.base
        base = next((e.document for e in versions if e.document.effective_from == base_date), None)  # type: ignore[attr-defined]
        if not isinstance(base, ScaleTable) or base.status != "published":
            raise DataFileError(
                f"{entry.path}: derivation.base {base_date} must be a published version of "
                f"table {table!r}"
            )
        versions[index] = _derive(entry, base, events)
        series[table] = _Series(tuple(versions), series[table].starts)
    return Catalog(series, catalog.documents, catalog.entries)
