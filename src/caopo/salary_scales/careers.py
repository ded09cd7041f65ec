"""Step increases, conversions between CAO editions, and career timelines.

* **Periodiek**: one step (trede) up on each 1 August, up to the maximum of the scale, if
  in the previous school year the employee worked and was paid for at least 60 days
  (the threshold and date are data, ``data/mappings/scale_transitions.yaml``).
* **Conversions** (:func:`convert`): on 2018-09-01 LA/LB/LC became L10/L11/L12 in the same
  step; on 2022-01-01 the salary was raised by 0.8 % and then 2 % and placed on the step
  with the next higher amount of the new (VO-equal) scale, above the maximum on the top
  step. The arithmetic is exact (no intermediate rounding).
* **Careers** (:func:`career`): dated rows across periodieken, table changes, renames and
  conversions. ``mode="strict"`` raises :class:`~caopo.errors.NotPublishedError` where no
  shipped table has the amount; ``mode="lenient"`` yields the row with ``amount=None`` and
  the reason.

>>> c = convert("LA", 8, at="2018-09-01")
>>> (c.old_scale, c.old_step, c.new_scale, c.new_step, c.placement)
('LA', 8, 'L10', 8, 'same_step')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from caopo.catalog.loader import catalog
from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NoEquivalenceError,
    NotPublishedError,
    StepOutOfRangeError,
)
from caopo.inputs import to_date, to_step
from caopo.salary_scales.codes import (
    CodePeriod,
    ScaleCode,
    _as_code,
    _check_covered,
    _registry,
)
from caopo.salary_scales.periodiek import periodiek, periodiek_dates
from caopo.salary_scales.salary import salary_detail, salary_series
from caopo.schema.base import Source
from caopo.schema.mappings import Transition
from caopo.schema.scales import ScaleTable

__all__ = [
    "CareerRow",
    "Conversion",
    "Mode",
    "career_timeline",
    "conversion_dates",
    "convert",
]

Mode = Literal["strict", "lenient"]
Placement = Literal["same_step", "next_higher_amount", "top_step", "published_example"]


@dataclass(frozen=True, slots=True)
class Conversion:
    """One step placement at a transition between CAO editions, with its rule and source."""

    at: date
    transition: str
    old_scale: str
    old_step: int
    old_amount: Decimal | None
    """Full-time monthly amount the day before, ``None`` where not shipped and not needed."""
    new_scale: str
    new_step: int
    new_amount: Decimal | None
    target_amount: Decimal | None
    """The raised salary the placement compares against (exact; next_higher_amount only)."""
    placement: Placement
    rule: str
    old_table: str | None
    new_table: str | None
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CareerRow:
    """One dated row of a career timeline; the values hold from ``on`` until the next row."""

    on: date
    scale: str
    step: int | None
    """``None`` where the step cannot be determined from published data (lenient mode)."""
    amount: Decimal | None
    """Full-time monthly amount; ``None`` where no shipped table has it (lenient mode)."""
    table: str | None
    """The table version, e.g. ``'teachers 2024-10-01'``."""
    status: str
    """The table version's status (published, derived, provisional) or 'not published'."""
    event: str
    reason: str | None = None


# --------------------------------------------------------------------------- helpers


def _label(version: ScaleTable) -> str:
    return f"{version.table} {version.effective_from}"


def _version_holding(code: str, on: date) -> ScaleTable | None:
    for series in salary_series(catalog()):
        version = series.get(on)
        if version is not None and code in version.cells:
            return version
    return None


@dataclass(frozen=True, slots=True)
class _Cell:
    amount: Decimal | None
    table: str | None
    status: str
    reason: str | None


def _cell(code: str, step: int, on: date) -> _Cell:
    try:
        detail = salary_detail(code, step, on=on)
    except CaopoError as exc:
        if not isinstance(exc, LookupError):
            raise
        version = _version_holding(code, on)
        reason = str(exc)
        if not reason.startswith(f"{code} trede {step}"):
            reason = f"{code} trede {step} on {on}: {reason}"
        return _Cell(None, _label(version) if version else None, "not published", reason)
    return _Cell(
        detail.full_time_amount,
        f"{detail.table} {detail.effective_from}",
        detail.status,
        None,
    )


def _top_step(period: CodePeriod, version: ScaleTable | None, code: str) -> int | None:
    if period.steps is not None:
        return period.steps
    if version is not None and version.coverage == "complete":
        return max(version.cells[code])
    return None


def conversion_dates() -> tuple[date, ...]:
    """The dates of the transitions in the data (renames, lapses, conversions)."""
    return tuple(t.on for t in _registry().transitions)


def _transition(day: date) -> Transition:
    transition = _registry().transition_on(day)
    if transition is None:
        dates = ", ".join(str(d) for d in conversion_dates())
        raise InvalidInputError(f"there is no scale conversion on {day}; conversions: {dates}")
    return transition


# --------------------------------------------------------------------------- convert


def _place(
    code: str, period: CodePeriod, target: Decimal, on: date
) -> tuple[int, Decimal, Placement, ScaleTable]:
    version = _version_holding(code, on)
    if version is None:
        raise NotPublishedError(
            f"placing a salary of {target} in {code} on {on} needs the {code} table in force on "
            f"{on}, which is not shipped; load the official table with caopo.use_tables"
        )
    cells = version.cells[code]
    at_least = sorted(step for step, amount in cells.items() if amount >= target)
    below = [step for step, amount in cells.items() if amount < target]
    highest_below = max(below, default=0)
    if at_least:
        step = at_least[0]
        if highest_below == step - 1:
            return step, cells[step], "next_higher_amount", version
        missing = ", ".join(str(s) for s in range(highest_below + 1, step))
        raise NotPublishedError(
            f"placing a salary of {target} in {code} on {on} needs trede(n) {missing} of "
            f"{_label(version)}, a partial table (published treden of {code}: "
            f"{', '.join(str(s) for s in sorted(cells))}); load the official table with "
            f"caopo.use_tables"
        )
    top = _top_step(period, version, code)
    if top is not None and top in cells:
        return top, cells[top], "top_step", version
    raise NotPublishedError(
        f"placing a salary of {target} in {code} on {on}: every published amount of {code} in "
        f"{_label(version)} is lower, and the maximum trede of {code} is not published"
    )


def convert(scale: object, step: object, *, at: date | str) -> Conversion:
    """Apply the conversion in force on *at* to *scale* trede *step*.

    Conversions: 2018-09-01 (same step) and 2022-01-01 (salary + 0.8 % then + 2 %, exact,
    placed on the step with the next higher amount; above the maximum the top step).
    Where the tables needed for the placement are not shipped but a published example
    covers the case, the example gives the step (``placement='published_example'``);
    otherwise :class:`NotPublishedError` names the missing table cells. Where the code
    lapsed without mapping, :class:`NoEquivalenceError` gives the reason.
    """
    day = to_date(at, name="at")
    _check_covered(day)
    transition = _transition(day)
    code, trede = _as_code(scale), to_step(step)
    before = day - timedelta(days=1)
    old_period = code.period(before)
    if old_period.steps is not None and trede > old_period.steps:
        raise StepOutOfRangeError(
            f"scale {code.code!r} has treden 1..{old_period.steps} on {before}, not {trede}"
        )
    registry = _registry()
    if code.code in transition.lapsed:
        raise NoEquivalenceError(f"{code.code} trede {trede} on {day}: {transition.lapsed_reason}")
    target_code = transition.target(code.code)
    if target_code is None:
        converted = ", ".join(m.source_code for m in transition.map)
        raise NoEquivalenceError(
            f"the conversion of {day} ({transition.id}) does not apply to {code.code}; "
            f"it converts {converted}"
        )
    new = registry.codes[target_code]
    new_period = new.period(day)
    sources = registry.sources_of(transition.source)
    if transition.placement == "not_published":
        raise NoEquivalenceError(
            f"{code.code} became {new.code} on {day}, but no step rule is published for it: "
            f"{transition.note or transition.rule}"
        )
    old = _cell(code.code, trede, before)
    if transition.placement == "same_step":
        if new_period.steps is not None and trede > new_period.steps:
            raise StepOutOfRangeError(
                f"{new.code} has treden 1..{new_period.steps} on {day}; trede {trede} cannot be kept"
            )
        fresh = _cell(new.code, trede, day)
        notes = tuple(r for r in (old.reason, fresh.reason) if r)
        return Conversion(
            at=day, transition=transition.id, old_scale=code.code, old_step=trede,
            old_amount=old.amount, new_scale=new.code, new_step=trede, new_amount=fresh.amount,
            target_amount=None, placement="same_step", rule=transition.rule,
            old_table=old.table, new_table=fresh.table, sources=sources, notes=notes,
        )  # fmt: skip
    target: Decimal | None = None
    try:
        if old.amount is None:
            raise NotPublishedError(
                f"converting {code.code} trede {trede} on {day} needs its amount on {before}: "
                f"{old.reason}"
            )
        target = old.amount
        for uplift in transition.uplifts:
            target = target * (1 + uplift / 100)
        new_step, new_amount, placement, version = _place(new.code, new_period, target, day)
        return Conversion(
            at=day, transition=transition.id, old_scale=code.code, old_step=trede,
            old_amount=old.amount, new_scale=new.code, new_step=new_step, new_amount=new_amount,
            target_amount=target, placement=placement, rule=transition.rule,
            old_table=old.table, new_table=_label(version), sources=sources,
        )  # fmt: skip
    except NotPublishedError as exc:
        for example in transition.examples:
            if example.source_code == code.code and example.from_step == trede:
                fresh = _cell(new.code, example.to_step, day)
                return Conversion(
                    at=day, transition=transition.id, old_scale=code.code, old_step=trede,
                    old_amount=old.amount, new_scale=new.code, new_step=example.to_step,
                    new_amount=fresh.amount, target_amount=target,
                    placement="published_example", rule=transition.rule,
                    old_table=old.table, new_table=fresh.table,
                    sources=tuple(dict.fromkeys(registry.sources_of(example.source) + sources)),
                    notes=(f"step from the published example; the computation could not be "
                           f"done from shipped tables: {exc}",),
                )  # fmt: skip
        raise


# --------------------------------------------------------------------------- career


def _event_dates(since: date, until: date) -> list[date]:
    days: set[date] = set(periodiek_dates(since, until))
    days.update(conversion_dates())
    for series in salary_series(catalog()):
        for start, end in series.periods():
            days.add(start)
            if end is not None:
                days.add(end)
    return sorted(d for d in days if since < d <= until)


def career_timeline(
    scale: object,
    step: object,
    *,
    since: date | str,
    until: date | str,
    mode: Mode,
    days_worked: Mapping[int, int] | None = None,
    min_days: int | None = None,
) -> tuple[CareerRow, ...]:
    """The dated timeline of someone in *scale* trede *step* from *since* until *until*.

    A row is written on *since*, on every 1 August (periodiek), on every transition
    (rename, conversion, lapse) and whenever the table version holding the amount changes;
    the values of a row hold until the next row. *days_worked* maps a school year (by the
    year it starts) to the days worked and paid in it; without it the periodiek condition
    (at least *min_days*, by default the CAO's 60) counts the days in service from *since*
    (:mod:`caopo.salary_scales.periodiek`).

    *mode* is required: ``"strict"`` raises :class:`NotPublishedError` (or
    :class:`NoEquivalenceError`) where a row's amount or step cannot be determined from
    published data; ``"lenient"`` writes the row with ``None`` and the reason.
    """
    if mode not in ("strict", "lenient"):
        raise InvalidInputError(f"mode must be 'strict' or 'lenient', not {mode!r}")
    start, end = to_date(since, name="since"), to_date(until, name="until")
    if end < start:
        raise InvalidInputError(f"until ({end}) must not be before since ({start})")
    _check_covered(start)
    if min_days is not None and (
        isinstance(min_days, bool) or not isinstance(min_days, int) or min_days < 0
    ):
        raise InvalidInputError(f"min_days must be a whole number from 0, not {min_days!r}")
    code: ScaleCode = _as_code(scale)
    first_step = to_step(step)
    period = code.period(start)
    if period.steps is not None and first_step > period.steps:
        raise StepOutOfRangeError(
            f"scale {code.code!r} has treden 1..{period.steps} on {start}, not {first_step}"
        )
    trede: int | None = first_step
    registry = _registry()
    rows: list[CareerRow] = []
    unknown: str | None = None

    def fail(message: str, error: type[CaopoError] = NotPublishedError) -> None:
        if mode == "strict":
            raise error(message)

    def emit(day: date, event: str, force: bool) -> None:
        if trede is None:
            holder = _version_holding(code.code, day)
            cell = _Cell(None, _label(holder) if holder else None, "not published", unknown)
        else:
            cell = _cell(code.code, trede, day)
            if cell.amount is None:
                fail(cell.reason or f"{code.code} trede {trede} on {day}: no amount")
        row = CareerRow(
            day, code.code, trede, cell.amount, cell.table, cell.status, event, cell.reason
        )
        last = rows[-1] if rows else None
        changed = last is None or (row.scale, row.step, row.amount, row.table, row.status) != (
            last.scale, last.step, last.amount, last.table, last.status
        )  # fmt: skip
        if force or changed:
            rows.append(row)

    emit(start, "start", True)
    rule = registry.periodiek
    for day in _event_dates(start, end):
        events: list[str] = []
        if (day.month, day.day) == (rule.month, rule.day) and trede is not None:
            period = code.period(day - timedelta(days=1))
            step_up = periodiek(
                trede,
                on=day,
                period=period,
                start=start,
                days_worked=days_worked,
                min_days=min_days,
            )
            new_step, what = step_up.step, step_up.reason
            if new_step is None:
                unknown = (
                    f"the periodiek of {day} would take {code.code} past trede "
                    f"{period.steps_at_least}, and the number of treden of {code.code} "
                    f"({period.describe()}) is not published"
                )
                fail(unknown)
            trede = new_step
            events.append(what)
        elif (day.month, day.day) == (rule.month, rule.day):
            events.append("periodiek (step unknown)")
        transition = registry.transition_on(day)
        if transition is not None and code.code in transition.lapsed:
            reason = f"{code.code} lapsed on {day}: {transition.lapsed_reason}"
            fail(reason, NoEquivalenceError)
            rows.append(CareerRow(day, code.code, None, None, None, "lapsed", "lapsed", reason))
            return tuple(rows)
        target = transition.target(code.code) if transition is not None else None
        if transition is not None and target is not None:
            old = code.code
            if trede is None or transition.placement == "same_step":
                code = registry.codes[target]
            else:
                try:
                    result = convert(code, trede, at=day)
                    code, trede = registry.codes[result.new_scale], result.new_step
                except (NotPublishedError, NoEquivalenceError) as exc:
                    if mode == "strict":
                        raise
                    unknown = f"step after the conversion of {day} unknown: {exc}"
                    code, trede = registry.codes[target], None
            events.append(f"{transition.placement.replace('_', ' ')}: {old} -> {code.code}")
        emit(day, "; ".join(events) or "table", bool(events))
    return tuple(rows)
