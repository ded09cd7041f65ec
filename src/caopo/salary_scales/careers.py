"""Career timelines: the dated salary rows of someone in a scale and step (trede).

A row is written on the start date, on every periodiek date, on every transition between
CAO editions (rename, conversion, lapse) and whenever the table version holding the
amount changes; the values of a row hold until the next row. The rules come from the
modules that own them:

* the periodiek (one trede up each 1 August if at least 60 days were worked in the school
  year before, counted from the start date; the rule is data):
  :mod:`caopo.salary_scales.periodiek`;
* renames and conversions (``data/mappings/scale_transitions.yaml``):
  :mod:`caopo.salary_scales.conversions`;
* amounts: the salary tables, :mod:`caopo.salary_scales.salary`.

``mode="strict"`` raises :class:`~caopo.errors.NotPublishedError` (or
:class:`~caopo.errors.NoEquivalenceError`) where no shipped table has the amount or the
step cannot be determined; ``mode="lenient"`` writes the row with ``None`` and the reason.
A row's ``status`` is a :data:`~caopo.provenance.Status`: the weakest
(:func:`caopo.provenance.weakest`) of the table version of its amount and of the tables a
conversion used to place its step. A row without an amount says so in ``missing`` (and
why in ``reason``); the row of a code that lapsed says so in ``code_lapsed``.

>>> rows = career_timeline("LB", 5, since="2025-06-15", until="2025-08-01", mode="strict")
>>> [(str(r.on), r.step, r.event) for r in rows]
[('2025-06-15', 5, 'start'), ('2025-08-01', 5, 'no periodiek: 47 days in service in 2024-2025 (< 60)')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from caopo.catalog.loader import catalog
from caopo.display import Display, Tabular, record
from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NoEquivalenceError,
    NotPublishedError,
    StepOutOfRangeError,
    shown,
)
from caopo.inputs import to_date, to_step
from caopo.provenance import MISSING_STATUS, Status, weakest
from caopo.salary_scales.codes import ScaleCode, ScaleLike, check_covered, registry, scale_code
from caopo.salary_scales.conversions import conversion_dates, convert
from caopo.salary_scales.periodiek import (
    check_days_worked,
    check_min_days,
    is_periodiek_date,
    periodiek,
    periodiek_dates,
)
from caopo.salary_scales.salary import cell, table_label, version_holding
from caopo.schema.base import Source
from caopo.schema.mappings import Transition

__all__ = ["CareerRow", "CareerTimeline", "Mode", "career_timeline"]

Mode = Literal["strict", "lenient"]


@dataclass(frozen=True, slots=True)
class CareerRow(Display):
    """One dated row of a career timeline; the values hold from ``on`` until the next row."""

    on: date
    scale: str
    step: int | None
    """``None`` where the step cannot be determined from published data (lenient mode)."""
    amount: Decimal | None
    """Full-time monthly amount; ``None`` where no shipped table has it (lenient mode)."""
    table_version: str | None
    """The table version, e.g. ``'teachers 2024-10-01'`` (``table``, in every result, is a
    table id alone)."""
    status: Status
    """The weakest status of what the row rests on: the table version of its amount and
    the tables a conversion used to place its step. A row without an amount is
    ``provisional`` (:data:`caopo.provenance.MISSING_STATUS`) and says ``missing``; the row of
    a lapse rests on the published transition rules only; ``code_lapsed`` says so."""
    event: str
    reason: str | None = None
    """Why the row has no amount, or why the code lapsed; ``None`` otherwise."""
    missing: bool = False
    """No shipped table has the amount, or the step is unknown (lenient mode): ``amount``
    is ``None`` and ``reason`` says why."""
    code_lapsed: bool = False
    """The code lapsed on this day without a successor; the timeline ends here."""
    sources: tuple[Source, ...] = ()
    """The sources of the table version of the amount (none without an amount)."""


class CareerTimeline(Tabular, tuple[CareerRow, ...]):
    """The rows of :func:`career_timeline`, oldest first: a tuple of :class:`CareerRow`
    that also has a status (the weakest of its rows), sources and ``to_frame()``."""

    __slots__ = ()

    @property
    def status(self) -> Status:
        """The weakest status of the rows."""
        return weakest(row.status for row in self)

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the rows rest on, each once."""
        return tuple(dict.fromkeys(s for row in self for s in row.sources))

    def _display_fields(self) -> list[tuple[str, object]]:
        first, last = self[0], self[-1]
        shown = {"scale": first.scale, "since": first.on, "last_row": last.on}
        return [*shown.items(), ("rows", len(self)), ("status", self.status)]

    def _frame_rows(self) -> list[dict[str, object]]:
        """One row per :class:`CareerRow`, every field but its sources."""
        return [record(row) for row in self]


@dataclass(frozen=True, slots=True)
class _Walk:
    """The fixed inputs of one timeline."""

    start: date
    mode: Mode
    days_worked: Mapping[int, int] | None
    min_days: int | None
    in_service_from: date
    """Where the periodiek condition counts the days in service from."""

    def fail(self, message: str, error: type[CaopoError] = NotPublishedError) -> None:
        """Raise in strict mode; in lenient mode the caller writes the reason in the row."""
        if self.mode == "strict":
            raise error(message)


@dataclass(frozen=True, slots=True)
class _Position:
    """Where the timeline stands on a day."""

    code: ScaleCode
    step: int | None
    unknown: str | None = None
    """Why the step is unknown (``step`` is ``None``)."""
    basis: Status = "published"
    """The status of what placed the step (a conversion that used tables)."""


def career_timeline(
    scale: ScaleLike,
    step: int | str,
    *,
    since: date | str,
    until: date | str,
    mode: Mode,
    days_worked: Mapping[int, int] | None = None,
    min_days: int | None = None,
    in_service_from: date | str | None = None,
) -> CareerTimeline:
    """The dated timeline of someone in *scale* trede *step* from *since* until *until*.

    The first periodiek condition counts the days in service from *in_service_from*, by
    default *since* (the start of the employment: someone starting on 15 June has 47 days
    before 1 August and keeps the step); give it for someone in service before *since*. *days_worked* maps a school year (by the year it starts) to the days worked
    and paid in it and then replaces the count; *min_days* overrides the rule's minimum.
    Both are parsed up front (a year; whole days 0..366): anything else raises
    :class:`InvalidInputError` naming the entry, e.g. ``days_worked[2024]``.

    *mode* is required: ``"strict"`` raises :class:`NotPublishedError` (or
    :class:`NoEquivalenceError`) where a row's amount or step cannot be determined from
    published data; ``"lenient"`` writes the row with ``None`` and the reason.
    """
    walk, end, position = _begin(scale, step, since, until, mode, days_worked, min_days)
    if in_service_from is not None:
        walk = replace(walk, in_service_from=_in_service(in_service_from, walk.start))
    rows = [_row(walk, position, walk.start, "start")]
    for day in _event_dates(walk.start, end):
        position, events = _periodiek_event(walk, position, day)
        transition = registry().transition_on(day)
        if transition is not None and position.code.code in transition.lapsed:
            rows.append(_lapse(walk, position.code, transition))
            break
        if transition is not None:
            position, moved = _transition_event(walk, position, transition)
            events += moved
        row = _row(walk, position, day, "; ".join(events) or "table")
        if events or _changed(rows[-1], row):
            rows.append(row)
    return CareerTimeline(rows)


def _begin(
    scale: ScaleLike,
    step: int | str,
    since: date | str,
    until: date | str,
    mode: Mode,
    days_worked: Mapping[int, int] | None,
    min_days: int | None,
) -> tuple[_Walk, date, _Position]:
    """Check the arguments of :func:`career_timeline`."""
    if mode not in ("strict", "lenient"):
        raise InvalidInputError(f"mode must be 'strict' or 'lenient', not {shown(mode)}")
    start, end = to_date(since, name="since"), to_date(until, name="until")
    if end < start:
        raise InvalidInputError(f"until ({end}) must not be before since ({start})")
    check_covered(start)
    code, first_step = scale_code(scale), to_step(step)
    period = code.period(start)
    if period.steps is not None and first_step > period.steps:
        raise StepOutOfRangeError(
            f"scale {code.code!r} has treden 1..{period.steps} on {start}, not {first_step}"
        )
    walk = _Walk(start, mode, check_days_worked(days_worked), check_min_days(min_days), start)
    return walk, end, _Position(code, first_step)


def _in_service(value: date | str, since: date) -> date:
    day = to_date(value, name="in_service_from")
    if day > since:
        raise InvalidInputError(f"in_service_from ({day}) must not be after since ({since})")
    return day


def _event_dates(since: date, until: date) -> list[date]:
    days: set[date] = set(periodiek_dates(since, until))
    days.update(conversion_dates())
    for series in catalog().salary_series():
        for start, end in series.periods():
            days.add(start)
            if end is not None:
                days.add(end)
    return sorted(d for d in days if since < d <= until)


def _periodiek_event(walk: _Walk, position: _Position, day: date) -> tuple[_Position, list[str]]:
    """The position after the periodiek of *day* (none where *day* is no periodiek date)."""
    if not is_periodiek_date(day):
        return position, []
    if position.step is None:
        return position, ["periodiek (step unknown)"]
    code = position.code
    period = code.period(day - timedelta(days=1))
    result = periodiek(
        position.step,
        on=day,
        period=period,
        start=walk.in_service_from,
        days_worked=walk.days_worked,
        min_days=walk.min_days,
    )
    if result.step is None:
        walk.fail(result.reason)
        return replace(position, step=None, unknown=result.reason), ["periodiek"]
    return replace(position, step=result.step), [result.reason]


def _transition_event(
    walk: _Walk, position: _Position, transition: Transition
) -> tuple[_Position, list[str]]:
    """The position after *transition* (unchanged where it does not convert the code)."""
    target = transition.target(position.code.code)
    if target is None:
        return position, []
    if position.step is not None and transition.placement != "same_step":
        moved = _converted(walk, position, position.step, transition, target)
    else:
        moved = replace(position, code=registry().codes[target])
    what = transition.placement.replace("_", " ")
    return moved, [f"{what}: {position.code.code} -> {moved.code.code}"]


def _converted(
    walk: _Walk, position: _Position, step: int, transition: Transition, target: str
) -> _Position:
    """The position after a conversion that places the step by amount."""
    try:
        result = convert(position.code, step, at=transition.on)
    except (NotPublishedError, NoEquivalenceError) as exc:
        if walk.mode == "strict":
            raise
        unknown = f"step after the conversion of {transition.on} unknown: {exc}"
        return _Position(registry().codes[target], None, unknown, position.basis)
    return _Position(
        registry().codes[result.new_scale],
        result.new_step,
        basis=weakest([position.basis, result.status]),
    )


def _row(walk: _Walk, position: _Position, day: date, event: str) -> CareerRow:
    code = position.code.code
    if position.step is None:
        holder = version_holding(code, day)
        table = table_label(holder) if holder else None
        status = weakest([position.basis, MISSING_STATUS])
        return CareerRow(
            day, code, None, None, table, status, event, position.unknown, missing=True
        )
    found = cell(code, position.step, day)
    if found.amount is None or found.status is None:
        reason = found.reason or f"{code} trede {position.step} on {day}: no amount"
        walk.fail(reason)
        status = weakest([position.basis, MISSING_STATUS])
        return CareerRow(day, code, position.step, None, found.table, status, event, reason, True)
    status = weakest([found.status, position.basis])
    return CareerRow(
        day, code, position.step, found.amount, found.table, status, event, sources=found.sources
    )


def _state(row: CareerRow) -> tuple[object, ...]:
    return (row.scale, row.step, row.amount, row.table_version, row.status, row.missing)


def _changed(last: CareerRow, row: CareerRow) -> bool:
    return _state(last) != _state(row)


def _lapse(walk: _Walk, code: ScaleCode, transition: Transition) -> CareerRow:
    reason = f"{code.code} lapsed on {transition.on}: {transition.lapsed_reason}"
    walk.fail(reason, NoEquivalenceError)
    return CareerRow(
        transition.on,
        code.code,
        None,
        None,
        None,
        "published",
        "lapsed",
        reason,
        code_lapsed=True,
        sources=registry().sources_of(transition.source),
    )
