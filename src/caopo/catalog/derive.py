"""Derived salary tables: a published version carried forward by general raises.

A ``derived`` version declares a published *base* version of the same table and the
dates of percentage raises from the raise chain (``data/raises/``). Each cell is

    base cell x (1 + p1/100) x (1 + p2/100) x ...

rounded once to the declared quantum, half up. The base's omitted cells stay omitted.
The version's status is the weakest of ``derived`` and the raises it applies
(:func:`caopo.provenance.weakest`): a table carried forward by a provisional raise is
``provisional``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import cast

from caopo.catalog.series import Entry, Series
from caopo.errors import DataFileError
from caopo.money import quantize
from caopo.provenance import weakest
from caopo.schema.base import DataDocument, TableVersion
from caopo.schema.raises import RaiseChain, RaiseEvent, unquantified_between
from caopo.schema.scales import ScaleTable

__all__ = ["RAISE_CHAIN", "carried", "chain_factor", "materialise"]

RAISE_CHAIN = "general_raises"
"""The table id of the raise chain document."""


def chain_factor(events: tuple[RaiseEvent, ...], dates: tuple[date, ...], *, table: str) -> Decimal:
    """The product of the percentage raises on *dates* that apply to *table* (unrounded).

    Raises :class:`DataFileError` if a date is not a percentage raise for that table.
    """
    by_date = {event.on: event for event in events}
    factor = Decimal(1)
    for on in dates:
        event = by_date.get(on)
        if event is None or event.change != "percentage" or table not in event.applies_to:
            usable = ", ".join(
                str(e.on) for e in events if e.change == "percentage" and table in e.applies_to
            )
            raise DataFileError(
                f"no percentage raise on {on} applies to table {table!r}; raises that do: {usable}"
            )
        factor *= event.factor
    return factor


def carried(amount: Decimal, factor: Decimal, quantum: Decimal) -> Decimal:
    """The declared rule of every derived figure: *amount* times *factor* (the product of the
    raises it is carried through), rounded once to *quantum*, half up.

    >>> carried(Decimal("3868"), Decimal("1.046"), Decimal(1))
    Decimal('4046')
    """
    return quantize(amount * factor, quantum)


def _derive(
    entry: Entry[ScaleTable], base: ScaleTable, events: tuple[RaiseEvent, ...]
) -> Entry[ScaleTable]:
    version = entry.document
    rule = version.derivation
    if rule is None:
        return entry
    late = [str(on) for on in rule.raises if not rule.base < on <= version.effective_from]
    if late:
        raise DataFileError(
            f"{entry.path}: derivation.raises {', '.join(late)} are not between its base "
            f"{rule.base} (exclusive) and its own start {version.effective_from}: a derived "
            f"table may only apply raises in force on its start"
        )
    gap = unquantified_between(
        events, base.effective_from, version.effective_from, table=version.table
    )
    if gap is not None:
        raise DataFileError(
            f"{entry.path}: cannot derive across the raise of {gap.on}, whose percentage no "
            f"source gives ({gap.description}); the chain before 2014 is incomplete"
        )
    try:
        factor = chain_factor(events, rule.raises, table=version.table)
    except DataFileError as exc:
        raise DataFileError(f"{entry.path}: {exc}") from None
    cells = {
        scale: {step: carried(amount, factor, rule.quantum) for step, amount in steps.items()}
        for scale, steps in base.cells.items()
    }
    raised = {event.on: event.status for event in events}
    status = weakest([version.status, *(raised[on] for on in rule.raises)])
    derived = version.model_copy(
        update={
            "cells": cells,
            "omitted": base.omitted,
            "coverage": base.coverage,
            "status": status,
        }
    )
    return replace(entry, document=derived)


def _materialise_series(
    series: Series[ScaleTable], events: tuple[RaiseEvent, ...]
) -> Series[ScaleTable]:
    entries = []
    for entry in series.entries:
        rule = entry.document.derivation
        if rule is None:
            entries.append(entry)
            continue
        base = series.get(rule.base)
        if base is None or base.effective_from != rule.base or base.status != "published":
            raise DataFileError(
                f"{entry.path}: derivation.base {rule.base} must be a published version of "
                f"table {series.table!r}"
            )
        entries.append(_derive(entry, base, events))
    return Series(series.table, tuple(entries))


def materialise(
    all_series: dict[str, Series[TableVersion]], documents: dict[str, Entry[DataDocument]]
) -> dict[str, Series[TableVersion]]:
    """*all_series* with the cells of every derived salary version computed from its base
    and the raise chain in *documents*."""
    derived = {
        table
        for table, series in all_series.items()
        if any(isinstance(e.document, ScaleTable) and e.document.derivation for e in series.entries)
    }
    if not derived:
        return all_series
    chain = documents.get(RAISE_CHAIN)
    if chain is None or not isinstance(chain.document, RaiseChain):
        raise DataFileError(f"derived salary tables need the raise chain {RAISE_CHAIN!r}")
    result = dict(all_series)
    for table in derived:
        scale_series = cast("Series[ScaleTable]", all_series[table])  # one kind per table
        result[table] = _materialise_series(scale_series, chain.document.events)
    return result
