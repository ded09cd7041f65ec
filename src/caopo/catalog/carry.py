"""Salary tables follow the raises: the last version of a table is carried forward.

A salary version without a successor (no later version of its table, and no end of its
own) would otherwise answer for ever, although the CAO raises every salary table on the
dates of the raise chain (``data/raises/``). So, shipped or user, such a version is carried
forward: every later percentage raise that applies to its table gives a computed version
starting on the raise's date, with status ``derived`` (or ``provisional``, the weakest of
the raises it applies: :func:`caopo.provenance.weakest`). Each cell is the *root* cell (the
version's own; for a derived version its published base's) times every raise since,
rounded once (:func:`carry_cell`, the one carry routine: :func:`caopo.projected_salary`
uses it too) to the root's quantum: a derived version's declared quantum, else the table's
own precision (:func:`table_quantum`: cents if any cell has cents, else the chain's
``projection_quantum``). Its basis names the file it was computed from, so a result read
from it names the user's file. A later version of the table, shipped or the user's,
replaces the computed ones: only the last real version is carried.

A structural change of the chain is not a percentage and cannot be computed. One that gives
some scales another scale's amounts (``same_amounts_as``, schaal 10 -> LB on 2026-07-01)
starts a computed version on its date without those scales (``omitted``, with the reason),
so from that day they are not read from the carried table; any other, and a raise whose
percentage no source gives (``unquantified``, the chain before 2014), ends the carried
version on its date: nothing is carried across it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from caopo.catalog.derive import RAISE_CHAIN, carried, chain_factor
from caopo.catalog.series import Entry, Series
from caopo.money import CENT
from caopo.provenance import Status, weakest
from caopo.schema.base import DataDocument, Source, TableVersion
from caopo.schema.raises import RaiseChain, RaiseEvent
from caopo.schema.scales import Derivation, OmittedCell, ScaleTable

__all__ = ["Root", "carry_cell", "carry_forward", "root_of", "table_quantum"]


@dataclass(frozen=True, slots=True)
class Root:
    """What a carried cell is computed from: a version with cells of its own, the raises
    already applied to it, and the quantum every carried cell is rounded to once."""

    version: ScaleTable
    raises: tuple[date, ...]
    quantum: Decimal


def table_quantum(version: ScaleTable, chain: RaiseChain) -> Decimal:
    """The precision of *version*'s own cells: cents if any cell has cents, else the chain's
    ``projection_quantum`` (whole euros, as the published tables print them)."""
    cents = any(amount % 1 for steps in version.cells.values() for amount in steps.values())
    return CENT if cents else chain.projection_quantum


def root_of(series: Series[ScaleTable], version: ScaleTable, chain: RaiseChain) -> Root:
    """The root of *version* in *series*: for a derived (or carried) version its base, the
    raises it applies and its declared quantum; else the version itself, no raise, and
    :func:`table_quantum`."""
    rule = version.derivation
    if rule is not None and (base := series.get(rule.base)) is not None:
        return Root(base, rule.raises, rule.quantum)
    return Root(version, (), table_quantum(version, chain))


def _factor(root: Root, raises: tuple[date, ...], chain: RaiseChain) -> Decimal:
    return chain_factor(chain.events, (*root.raises, *raises), table=root.version.table)


def carry_cell(
    root: Root, scale: str, step: int, raises: tuple[date, ...], chain: RaiseChain
) -> Decimal:
    """*root*'s cell *scale* trede *step* times every raise it already applies and the
    later *raises*, rounded once to the root's quantum (:func:`~caopo.catalog.derive.carried`)."""
    return carried(root.version.cells[scale][step], _factor(root, raises, chain), root.quantum)


def carry_forward(
    all_series: dict[str, Series[TableVersion]], documents: dict[str, Entry[DataDocument]]
) -> dict[str, Series[TableVersion]]:
    """*all_series* with the last version of every salary table carried forward by the
    later raises of the chain in *documents* (see the module docstring)."""
    chain = documents.get(RAISE_CHAIN)
    if chain is None or not isinstance(chain.document, RaiseChain):
        return all_series
    result = dict(all_series)
    for table, series in all_series.items():
        last = series.entries[-1].document
        if isinstance(last, ScaleTable) and last.effective_until is None:
            scale_series = cast("Series[ScaleTable]", series)  # one kind per table
            entries = _carry(scale_series, chain.document)
            result[table] = cast("Series[TableVersion]", Series(table, entries))
    return result


def _reason(event: RaiseEvent, as_scale: str) -> str:
    return (
        f"from {event.on} takes the amounts of {as_scale} ({event.description}); caopo "
        f"does not carry it forward: see caopo.projected_salary, or load the table in "
        f"force as your own"
    )


def _ended(entry: Entry[ScaleTable], on: date) -> Entry[ScaleTable]:
    ended = entry.document.model_copy(update={"effective_until": on})
    return Entry(ended, entry.path, entry.origin, entry.replaces, entry.carried)


def _carry(series: Series[ScaleTable], chain: RaiseChain) -> tuple[Entry[ScaleTable], ...]:
    entries = list(series.entries)
    last = entries[-1]
    root = root_of(series, last.document, chain)
    by_date = {event.on: event for event in chain.events}
    raises: list[date] = []
    statuses: list[Status] = [root.version.status, *(by_date[on].status for on in root.raises)]
    known = last.document.known_from or last.document.effective_from
    dropped: dict[str, str] = {}
    for event in chain.events:
        if event.on <= last.document.effective_from or series.table not in event.applies_to:
            continue
        same = event.same_amounts_as
        if event.change == "structural" and same is not None:
            named = [s for s in same.scales if s in root.version.cells and s not in dropped]
            if not named:
                continue
            dropped.update(dict.fromkeys(named, _reason(event, same.as_scale)))
            statuses.append(event.status)  # the version's start and its gaps rest on it
        elif event.change != "percentage":  # structural, or a raise no source quantifies
            entries[-1] = _ended(entries[-1], event.on)
            break
        else:
            raises.append(event.on)
            statuses.append(event.status)
        known = max(known, event.known_from or event.on)
        version = _version(root, event, tuple(raises), chain, dropped)
        update = {"status": weakest(["derived", *statuses]), "known_from": known}
        carried_version = version.model_copy(update=update)
        entries.append(Entry(carried_version, last.path, last.origin, carried=True))
    return tuple(entries)


def _version(
    root: Root,
    event: RaiseEvent,
    raises: tuple[date, ...],
    chain: RaiseChain,
    dropped: dict[str, str],
) -> ScaleTable:
    base, quantum = root.version, root.quantum
    factor = _factor(root, raises, chain)
    cells = {
        scale: {step: carried(amount, factor, quantum) for step, amount in steps.items()}
        for scale, steps in base.cells.items()
        if scale not in dropped
    }
    left_out = tuple(
        OmittedCell.model_construct(scale=scale, step=step, printed=None, reason=dropped[scale])
        for scale, steps in base.cells.items()
        if scale in dropped
        for step in steps
    )
    sources: tuple[Source, ...] = tuple(dict.fromkeys((*base.sources, *event.sources)))
    applied = (*root.raises, *raises)
    rule = Derivation.model_construct(
        base=base.effective_from,
        raises=applied,
        quantum=quantum,
        rounding="half_up",
        tolerance=quantum,
    )
    return base.model_copy(
        update={
            "title": f"{base.title} (carried forward by the raises to {event.on})",
            "effective_from": event.on,
            "effective_until": None,
            "cao": event.cao,
            "cells": cells,
            "omitted": (*base.omitted, *left_out),
            "derivation": rule,
            "sources": sources,
            "notes": (
                f"Computed by caopo: {base.table} {base.effective_from} times the general "
                f"raises of {', '.join(str(d) for d in applied) or 'none'}, rounded once to "
                f"{quantum}."
            ),
        }
    )
