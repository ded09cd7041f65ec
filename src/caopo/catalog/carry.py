"""Salary tables follow the raises: the last version of a table is carried forward.

A salary version without a successor (no later version of its table, and no end of its
own) would otherwise answer for ever, although the CAO raises every salary table on the
dates of the raise chain (``data/raises/``). So, shipped or user, such a version is carried
forward: every later percentage raise that applies to its table gives a computed version
starting on the raise's date, with status ``derived`` (or ``provisional``, the weakest of
the raises it applies: :func:`caopo.provenance.weakest`). Each cell is the version's own
cell (for a derived version: its published base's) times every raise since, rounded once
(:func:`caopo.catalog.derive.carried`) to the version's quantum, else the chain's
``projection_quantum``. Its basis names the file it was computed from, so a result read
from it names the user's file. A later version of the table, shipped or the user's,
replaces the computed ones: only the last real version is carried.

A structural change of the chain is not a percentage and cannot be computed. One that gives
some scales another scale's amounts (``same_amounts_as``, schaal 10 -> LB on 2026-07-01)
leaves those scales out of the later computed versions (``omitted``, with the reason);
any other, and a raise whose percentage no source gives (``unquantified``, the chain before
2014), ends the carried version on its date: nothing is carried across it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from caopo.catalog.derive import RAISE_CHAIN, carried, chain_factor
from caopo.catalog.series import Entry, Series
from caopo.provenance import Status, weakest
from caopo.schema.base import DataDocument, Source, TableVersion
from caopo.schema.raises import RaiseChain, RaiseEvent
from caopo.schema.scales import Derivation, OmittedCell, ScaleTable

__all__ = ["carry_forward"]


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


def _root(
    series: Series[ScaleTable], last: ScaleTable, chain: RaiseChain
) -> tuple[ScaleTable, tuple[date, ...], Decimal]:
    """The version whose cells are carried, the raises already applied, and the quantum."""
    rule = last.derivation
    base = None if rule is None else series.get(rule.base)
    if rule is None or base is None:
        return last, (), chain.projection_quantum
    return base, rule.raises, rule.quantum


def _carry(series: Series[ScaleTable], chain: RaiseChain) -> tuple[Entry[ScaleTable], ...]:
    entries = list(series.entries)
    last = entries[-1]
    root, applied, quantum = _root(series, last.document, chain)
    by_date = {event.on: event for event in chain.events}
    raises = list(applied)
    statuses: list[Status] = [root.status, *(by_date[on].status for on in applied)]
    known = last.document.known_from or last.document.effective_from
    dropped: dict[str, str] = {}
    for event in chain.events:
        if event.on <= last.document.effective_from or series.table not in event.applies_to:
            continue
        if event.change == "structural" and event.same_amounts_as is not None:
            reason = (
                f"from {event.on} takes the amounts of {event.same_amounts_as.as_scale} "
                f"({event.description}); caopo does not carry it forward: see "
                f"caopo.projected_salary, or load the table in force as your own"
            )
            dropped.update(dict.fromkeys(event.same_amounts_as.scales, reason))
            continue
        if event.change != "percentage":  # structural, or a raise no source quantifies
            previous = entries[-1]
            ended = previous.document.model_copy(update={"effective_until": event.on})
            entries[-1] = Entry(
                ended, previous.path, previous.origin, previous.replaces, previous.carried
            )
            break
        raises.append(event.on)
        statuses.append(event.status)
        known = max(known, event.known_from or event.on)
        version = _version(root, event, tuple(raises), quantum, chain, dropped)
        update = {"status": weakest(["derived", *statuses]), "known_from": known}
        carried_version = version.model_copy(update=update)
        entries.append(Entry(carried_version, last.path, last.origin, carried=True))
    return tuple(entries)


def _version(
    root: ScaleTable,
    event: RaiseEvent,
    raises: tuple[date, ...],
    quantum: Decimal,
    chain: RaiseChain,
    dropped: dict[str, str],
) -> ScaleTable:
    factor = chain_factor(chain.events, raises, table=root.table)
    cells = {
        scale: {step: carried(amount, factor, quantum) for step, amount in steps.items()}
        for scale, steps in root.cells.items()
        if scale not in dropped
    }
    left_out = tuple(
        OmittedCell.model_construct(scale=scale, step=step, printed=None, reason=dropped[scale])
        for scale, steps in root.cells.items()
        if scale in dropped
        for step in steps
    )
    sources: tuple[Source, ...] = tuple(dict.fromkeys((*root.sources, *event.sources)))
    rule = Derivation.model_construct(
        base=root.effective_from,
        raises=raises,
        quantum=quantum,
        rounding="half_up",
        tolerance=quantum,
    )
    return root.model_copy(
        update={
            "title": f"{root.title} (carried forward by the raises to {event.on})",
            "effective_from": event.on,
            "effective_until": None,
            "cao": event.cao,
            "cells": cells,
            "omitted": (*root.omitted, *left_out),
            "derivation": rule,
            "sources": sources,
            "notes": (
                f"Computed by caopo: {root.table} {root.effective_from} times the general "
                f"raises of {', '.join(str(d) for d in raises)}, rounded once to {quantum}."
            ),
        }
    )
