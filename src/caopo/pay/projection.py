"""A monthly salary carried forward by the announced raises where no shipped table holds it.

:func:`projected_salary` answers from the table in force where there is one; otherwise it
takes the latest earlier version holding the cell and applies the raises of the chain
(:func:`caopo.raises`) up to the date by the one carry routine of the catalog
(:func:`caopo.catalog.carry.carry_cell`: the root cell, a derived version's published base,
times every raise since, rounded once to the root's quantum), so a projection equals the
carried table the catalog computes from the same version. Its status is the weakest of the
base version, the raises and the projection rule itself (``derived``). A structural change
caopo cannot compute, or a date after the last known raise, raises instead of guessing;
one that gives a scale another's amounts (schaal 10 = LB from 2026-07-01) answers that
scale's amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.carry import Root, carry_cell, root_of
from caopo.catalog.derive import RAISE_CHAIN
from caopo.catalog.loader import catalog
from caopo.catalog.series import Series
from caopo.display import Display
from caopo.errors import CaopoError, NoDataForDateError, NotPublishedError, UnknownScaleError
from caopo.inputs import scale_text, to_date, to_fte, to_step
from caopo.money import Number, round_cents
from caopo.pay.lines import Reference
from caopo.provenance import Status, weakest
from caopo.salary_scales.codes import scale_info
from caopo.salary_scales.salary import SalaryDetail, salary_detail
from caopo.schema.base import Source
from caopo.schema.raises import RaiseChain, RaiseEvent
from caopo.schema.scales import ScaleTable

__all__ = ["ProjectedSalary", "projected_salary", "table_reference"]

PROJECTION = Reference("projection", "carried forward by the raise chain", "derived")
"""What a projected amount rests on besides its base version and raises: caopo's own
declared rule (a computation, hence ``derived``)."""


@dataclass(frozen=True, slots=True)
class ProjectedSalary(Display):
    """A monthly salary from a shipped table or carried forward by announced raises."""

    amount: Decimal
    full_time_amount: Decimal
    scale: str
    step: int
    fte: Decimal
    on: date
    status: Status
    """The weakest status of ``rests_on``."""
    projected: bool
    """True when no shipped table covers the date and announced raises were applied."""
    base_table: str
    base_effective_from: date
    raises: tuple[date, ...]
    basis: str
    sources: tuple[Source, ...]
    rests_on: tuple[Reference, ...] = ()
    """The base version, each raise applied and, for a projection, the projection rule."""


def table_reference(detail: SalaryDetail) -> Reference:
    """The table version a :class:`~caopo.SalaryDetail` was read from."""
    return Reference(detail.table, detail.effective_from.isoformat(), detail.status)


def _version_reference(version: ScaleTable) -> Reference:
    return Reference(version.table, version.effective_from.isoformat(), version.status)


def _raise_reference(event: RaiseEvent) -> Reference:
    status: Status = event.status
    return Reference(RAISE_CHAIN, event.on.isoformat(), status)


def projected_salary(
    scale: object, step: object, *, on: date | str, fte: Number = 1
) -> ProjectedSalary:
    """Monthly salary on *on*: from the table in force, or, where no shipped table covers
    the date, the latest earlier version holding the cell carried forward by the announced
    general raises (and the 2026-07-01 schaal 10 = LB change), rounded once to the table's
    quantum (:func:`caopo.catalog.carry.table_quantum`: whole euros for the shipped tables),
    then times the werktijdfactor, rounded to cents.

    Status: the weakest of what it rests on: ``derived`` for a projection from published
    raises, ``provisional`` when a provisional raise or table takes part.

    >>> p = projected_salary("LB", 5, on="2026-01-01")
    >>> p.full_time_amount, p.status, p.projected
    (Decimal('4046'), 'provisional', False)
    """
    code, trede, day, factor = scale_text(scale), to_step(step), to_date(on), to_fte(fte)
    try:
        detail = salary_detail(code, trede, on=day)
    except (NoDataForDateError, NotPublishedError, UnknownScaleError) as exc:
        return _project(code, trede, day, factor, exc)
    ref = table_reference(detail)
    return ProjectedSalary(
        detail.amount,
        detail.full_time_amount,
        code,
        detail.step,
        factor,
        day,
        ref.status,
        False,
        detail.table,
        detail.effective_from,
        (),
        detail.basis,
        detail.sources,
        (ref,),
    )


def _base(code: str, step: int, day: date) -> tuple[Series[ScaleTable], ScaleTable] | None:
    """The latest version starting on or before *day* that holds *code* trede *step*, with
    its series."""
    found: tuple[Series[ScaleTable], ScaleTable] | None = None
    for series in catalog().salary_series():
        for version in series.versions:
            if version.effective_from > day or step not in version.cells.get(code, {}):
                continue
            if found is None or version.effective_from > found[1].effective_from:
                found = series, version
    return found


@dataclass(frozen=True, slots=True)
class _Carried:
    amount: Decimal
    """Rounded once to the root's quantum."""
    applied: tuple[date, ...]
    rests_on: tuple[Reference, ...]
    sources: tuple[Source, ...]
    root: Root


def _carry(
    series: Series[ScaleTable], base: ScaleTable, code: str, step: int, day: date
) -> _Carried:
    """Apply every raise of the chain after *base* up to *day* to the cell by the one carry
    routine of the catalog (:func:`caopo.catalog.carry.carry_cell`): the root cell (a
    derived version's published base) times every raise since, rounded once."""
    chain = catalog().document(RAISE_CHAIN, RaiseChain)
    root = root_of(series, base, chain)
    applied: list[date] = []
    refs = [_version_reference(base)]
    sources = list(base.sources)
    for event in chain.events:
        if not base.effective_from < event.on <= day or base.table not in event.applies_to:
            continue
        same = event.same_amounts_as
        if same is not None and code not in same.scales:
            continue
        if event.change != "percentage":
            what = "structural change" if event.change == "structural" else "unquantified raise"
            raise NotPublishedError(
                f"{code} trede {step} on {day}: cannot project {base.table} "
                f"{base.effective_from} across the {what} of {event.on} "
                f"({event.description}); load the table in force as your own "
                f"(caopo.use_tables)"
            )
        applied.append(event.on)
        refs.append(_raise_reference(event))
        sources.extend(event.sources)
    return _Carried(
        carry_cell(root, code, step, tuple(applied), chain),
        tuple(applied),
        tuple(refs),
        tuple(dict.fromkeys(sources)),
        root,
    )


def _taken_over(
    code: str, step: int, day: date, factor: Decimal, after: date | None
) -> ProjectedSalary | None:
    """Where a structural change of the chain after *after* and on or before *day* gave
    *code* the step amounts of another scale (2026-07-01: schaal 10 takes LB's): that
    scale's amount on *day* (its table, else its projection), resting on the change as well."""
    chain = catalog().document(RAISE_CHAIN, RaiseChain)
    events = [
        e
        for e in chain.events
        if e.on <= day
        and (after is None or e.on > after)
        and e.same_amounts_as is not None
        and code in e.same_amounts_as.scales
    ]
    if not events:
        return None
    scale_info(code, on=day)  # a code that no longer exists takes nobody's amounts (A10)
    event = events[-1]
    same = event.same_amounts_as
    if same is None:
        return None
    other = projected_salary(same.as_scale, step, on=day)
    refs = tuple(dict.fromkeys((*other.rests_on, _raise_reference(event), PROJECTION)))
    return ProjectedSalary(
        round_cents(other.full_time_amount * factor),
        other.full_time_amount,
        code,
        step,
        factor,
        day,
        weakest(ref.status for ref in refs),
        True,
        other.base_table,
        other.base_effective_from,
        (*other.raises, event.on),
        f"{code} has the step amounts of {same.as_scale} from {event.on} ({event.description}): "
        f"{other.basis}",
        tuple(dict.fromkeys((*other.sources, *event.sources))),
        refs,
    )


def _project(
    code: str, step: int, day: date, factor: Decimal, reason: CaopoError
) -> ProjectedSalary:
    found = _base(code, step, day)
    taken = _taken_over(code, step, day, factor, None if found is None else found[1].effective_from)
    if taken is not None:
        return taken
    if found is None:
        raise type(reason)(
            f"{reason}; no earlier table holds {code} trede {step} to project from (caopo "
            f"ships no such amounts, docs/data.md): load the official table as your own "
            f"(caopo.use_tables) to price it"
        )
    series, base = found
    forward = _carry(series, base, code, step, day)
    end = base.effective_until
    if end is not None and day >= end and not any(on >= end for on in forward.applied):
        raise NoDataForDateError(
            f"{code} trede {step} on {day}: {base.table} {base.effective_from} ends on {end} and "
            f"no raise after that date is known; caopo does not project a flat salary"
        )
    if not forward.applied:
        raise reason
    refs = tuple(dict.fromkeys((*forward.rests_on, PROJECTION)))
    root = forward.root.version
    return ProjectedSalary(
        round_cents(forward.amount * factor),
        forward.amount,
        code,
        step,
        factor,
        day,
        weakest(ref.status for ref in refs),
        True,
        base.table,
        base.effective_from,
        forward.applied,
        f"projection: {base.table} {base.effective_from} ({base.status}) carried forward by "
        f"{', '.join(str(d) for d in forward.applied)}: {root.table} {root.effective_from} "
        f"times every raise since, rounded once to EUR {forward.root.quantum} (the table's own "
        f"precision)",
        forward.sources,
        refs,
    )
