"""A year of pay: month-by-month salary and every pay component, by name, with provenance.

:func:`annual_income` turns an :class:`Employment` (scale, step, werktijdfactor, dates,
category) into twelve months of pay lines. :func:`projected_salary` carries a salary forward
by the announced raises where no table is shipped. :func:`back_pay` compares what was paid
with the tables known on one day against what is owed with the tables known later.

Conventions (see docs/income.md):

* **Months.** Each month is split at the days on which something changes (start or end of
  the employment, a table version, the periodiek on 1 August). Each part counts for its
  calendar days over the days of the month (kalenderdagenmethode); the month's line is the
  sum, rounded once to cents. The shipped tables change on the 1st, so in practice a month
  has one table; the split only matters for a start or end inside a month.
* **Periodiek.** One step up on 1 August when the previous school year (1 August - 31 July)
  had at least 60 days in service (RULES.md section 6), up to the highest step of the scale;
  ``step_increase=False`` turns it off. (A minimal rule inside this module; the career
  module may refine it.)
* **View.** Lines are what the month's payslip carries: salary each month; the
  eindejaarsuitkering and the OOP yearly payment in December (or in the last month of an
  employment that ends in the year); one-off payments in their payment month; woon-werk in
  11 instalments (none in August). The vakantie-uitkering is shown as accrued each month
  (8 % of that month's salary) because its reference period and payment month were not read.
* **Status.** Every line has the weakest status of what it rests on: ``published`` <
  ``derived`` < ``provisional`` (a derived table or projection resting on a provisional
  raise is provisional) < ``missing`` (lenient mode only: no table for that month).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Literal, Protocol

from caopo.catalog.inventory import raises
from caopo.catalog.loader import catalog
from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NoDataForDateError,
    NotPublishedError,
    UnknownScaleError,
)
from caopo.inputs import scale_text, to_date, to_fte, to_step
from caopo.money import Number, quantize, round_cents, to_decimal
from caopo.pay.allowances import (
    commuting_allowance,
    end_of_year_rule,
    holiday_rule,
    one_off_payments,
    oop_yearly_rule,
)
from caopo.salary_scales.salary import salary_detail, salary_series, steps
from caopo.schema.allowances import bracket_amount
from caopo.schema.base import Source
from caopo.schema.raises import RaiseEvent
from caopo.schema.scales import ScaleTable

__all__ = [
    "AnnualIncome",
    "BackPay",
    "BackPayMonth",
    "Category",
    "Employment",
    "Line",
    "LineStatus",
    "MonthIncome",
    "ProjectedSalary",
    "annual_income",
    "back_pay",
    "projected_salary",
    "step_on",
]

Category = Literal["teacher", "support_staff", "school_leader"]
LineStatus = Literal["published", "derived", "provisional", "missing"]
_RANK: dict[str, int] = {"published": 0, "derived": 1, "provisional": 2, "missing": 3}
_PERIODIEK_MIN_DAYS = 60

SALARY = "salaris"
HOLIDAY = "vakantie_uitkering"
END_OF_YEAR = "eindejaarsuitkering"
OOP_YEARLY = "jaarlijkse_uitkering_oop"
COMMUTING = "woon_werk"
ONE_OFF_PREFIX = "eenmalige_uitkering_"

CONVENTION = (
    "a month is split at each change (start/end of employment, table version, periodiek on "
    "1 August); each part counts for its calendar days over the days of the month; each line is "
    "rounded once to cents (half up)"
)


def _weakest(*statuses: str) -> LineStatus:
    worst = max(statuses, key=lambda s: _RANK[s], default="published")
    assert worst in _RANK
    return worst  # type: ignore[return-value]


def _infer_category(scale: str) -> Category:
    if scale.isdigit():
        return "support_staff"
    if scale[0] == "L":
        return "teacher"
    return "school_leader"


@dataclass(frozen=True)
class Employment:
    """One appointment: scale (schaal), the step (trede) held on *start*, werktijdfactor,
    first day and optional last day (inclusive), category and the periodiek condition.

    ``category`` is inferred from the scale when not given (L.. teacher, a number OOP,
    otherwise school leader); give it for numeric directie scales. ``commute_km`` (one way)
    and ``travel_days_per_week`` add the woon-werkverkeer allowance; ``replacement`` uses the
    cap for replacement staff.

    >>> Employment("lb", 5, start=date(2025, 1, 1), fte=Decimal("0.8")).scale
    'LB'
    """

    scale: str
    step: int
    start: date
    fte: Decimal = Decimal(1)
    end: date | None = None
    category: Category | None = None
    step_increase: bool = True
    commute_km: Decimal | None = None
    travel_days_per_week: Decimal = Decimal(5)
    replacement: bool = False

    def __post_init__(self) -> None:
        scale = scale_text(self.scale)
        step = to_step(self.step)
        start = to_date(self.start, name="start")
        end = None if self.end is None else to_date(self.end, name="end")
        if end is not None and end < start:
            raise InvalidInputError(f"end {end} is before start {start}")
        category = self.category or _infer_category(scale)
        if category not in ("teacher", "support_staff", "school_leader"):
            raise InvalidInputError(
                f"category must be 'teacher', 'support_staff' or 'school_leader', not {category!r}"
            )
        km = None if self.commute_km is None else to_decimal(self.commute_km, name="commute_km")
        if km is not None and km < 0:
            raise InvalidInputError(f"commute_km must be 0 or more, not {self.commute_km!r}")
        days = to_decimal(self.travel_days_per_week, name="travel_days_per_week")
        if not 0 <= days <= 7:
            raise InvalidInputError(
                f"travel_days_per_week must be from 0 to 7, not {self.travel_days_per_week!r}"
            )
        for name, value in (
            ("scale", scale),
            ("step", step),
            ("start", start),
            ("end", end),
            ("fte", to_fte(self.fte)),
            ("category", category),
            ("commute_km", km),
            ("travel_days_per_week", days),
        ):
            object.__setattr__(self, name, value)

    def employed_on(self, day: date) -> bool:
        """Whether *day* falls inside the employment."""
        return self.start <= day and (self.end is None or day <= self.end)


def _top_step(scale: str, on: date) -> int | None:
    try:
        return max(steps(scale, on=on))
    except CaopoError:
        return None


def step_on(employment: Employment, day: date | str) -> int:
    """The step on *day*: the step on start, plus one on every 1 August after the start
    when the school year before had at least 60 days in service, up to the highest step.

    >>> e = Employment("LB", 5, start=date(2025, 1, 1))
    >>> step_on(e, "2025-07-31"), step_on(e, "2025-08-01")
    (5, 6)
    """
    when = to_date(day)
    step = employment.step
    if not employment.step_increase:
        return step
    for year in range(employment.start.year, when.year + 1):
        periodiek = date(year, 8, 1)
        if not employment.start < periodiek <= when:
            continue
        first = max(employment.start, date(year - 1, 8, 1))
        last = date(year, 7, 31)
        if employment.end is not None:
            last = min(last, employment.end)
        if (last - first).days + 1 < _PERIODIEK_MIN_DAYS:
            continue
        top = _top_step(employment.scale, periodiek)
        if top is None or step < top:
            step += 1
    return step


# --------------------------------------------------------------------------- projection


@dataclass(frozen=True, slots=True)
class ProjectedSalary:
    """A monthly salary from a shipped table or carried forward by announced raises."""

    amount: Decimal
    full_time_amount: Decimal
    scale: str
    step: int
    fte: Decimal
    on: date
    status: LineStatus
    projected: bool
    """True when no shipped table covers the date and announced raises were applied."""
    base_table: str
    base_effective_from: date
    raises: tuple[date, ...]
    basis: str
    sources: tuple[Source, ...]


def _events() -> tuple[RaiseEvent, ...]:
    return raises()


def _derived_status(table: str, effective_from: date, status: str) -> LineStatus:
    """A derived table resting on a provisional raise is provisional."""
    if status != "derived":
        return _weakest(status)
    version = next(
        (
            v
            for v in catalog().series(table, ScaleTable).versions
            if v.effective_from == effective_from
        ),
        None,
    )
    if isinstance(version, ScaleTable) and version.derivation is not None:
        by_date = {e.on: e for e in _events()}
        raise_statuses = [by_date[d].status for d in version.derivation.raises if d in by_date]
        return _weakest("derived", *raise_statuses)
    return "derived"


def _lb_amount_for_schaal_10(step: int, on: date) -> tuple[Decimal, str, tuple[Source, ...]]:
    lb = projected_salary("LB", step, on=on)
    return lb.full_time_amount, lb.status, lb.sources


_SCHAAL_10 = ("10", "A10")
_PROJECTABLE_STRUCTURAL = {date(2026, 7, 1)}
"""Structural events caopo knows how to project: on 2026-07-01 OOP/directie schaal 10 gets
the LB step amounts (CAO PO 2025-2027 onderhandelaarsresultaat)."""


def projected_salary(
    scale: str | int, step: int, *, on: date | str, fte: Number = 1
) -> ProjectedSalary:
    """Monthly salary on *on*: from the table in force, or, where no shipped table covers
    the date, the latest earlier version holding the cell carried forward by the announced
    general raises (and the 2026-07-01 schaal 10 = LB change), rounded once to whole euros
    like the shipped derived tables, then times the werktijdfactor, rounded to cents.

    Status: ``derived`` for a projection from published raises, ``provisional`` when a
    provisional raise takes part. A structural change caopo cannot compute, or a date after
    the end of the known raises, raises instead of guessing.

    >>> p = projected_salary("LB", 5, on="2026-01-01")
    >>> p.full_time_amount, p.status, p.projected
    (Decimal('4046'), 'provisional', False)
    """
    code, day, factor = scale_text(scale), to_date(on), to_fte(fte)
    try:
        detail = salary_detail(code, step, on=day)
    except (NoDataForDateError, NotPublishedError, UnknownScaleError) as exc:
        reason: CaopoError = exc
    else:
        status = _derived_status(detail.table, detail.effective_from, detail.status)
        return ProjectedSalary(
            detail.amount,
            detail.full_time_amount,
            code,
            detail.step,
            factor,
            day,
            status,
            False,
            detail.table,
            detail.effective_from,
            (),
            detail.basis,
            detail.sources,
        )
    return _project(code, step, day, factor, reason)


def _project(
    code: str, step: int, day: date, factor: Decimal, reason: CaopoError
) -> ProjectedSalary:
    base: ScaleTable | None = None
    for series in salary_series(catalog()):
        for version in series.versions:
            if version.effective_from > day:
                continue
            if step in version.cells.get(code, {}) and (
                base is None or version.effective_from > base.effective_from
            ):
                base = version
    if base is None:
        raise type(reason)(f"{reason}; no earlier table holds {code} trede {step} to project from")
    amount = base.cells[code][step]
    statuses: list[str] = [_derived_status(base.table, base.effective_from, base.status)]
    applied: list[date] = []
    sources = list(base.sources)
    for event in _events():
        if not base.effective_from < event.on <= day or base.table not in event.applies_to:
            continue
        if event.change == "percentage":
            amount *= event.factor
        elif event.on in _PROJECTABLE_STRUCTURAL:
            if code not in _SCHAAL_10:
                continue
            amount, lb_status, lb_sources = _lb_amount_for_schaal_10(step, event.on)
            statuses.append(lb_status)
            sources.extend(lb_sources)
        else:
            raise NotPublishedError(
                f"{code} trede {step} on {day}: cannot project {base.table} {base.effective_from} "
                f"across the structural change of {event.on} ({event.description}); load the "
                f"table in force as your own (caopo.use_tables)"
            )
        statuses.append(event.status)
        applied.append(event.on)
        sources.extend(event.sources)
    end = base.effective_until
    if end is not None and day >= end and not any(on >= end for on in applied):
        raise NoDataForDateError(
            f"{code} trede {step} on {day}: {base.table} {base.effective_from} ends on {end} and "
            f"no raise after that date is known; caopo does not project a flat salary"
        )
    if not applied:
        raise reason
    full_time = quantize(amount, Decimal(1))
    raises = ", ".join(str(d) for d in applied)
    return ProjectedSalary(
        round_cents(full_time * factor),
        full_time,
        code,
        step,
        factor,
        day,
        _weakest("derived", *statuses),
        True,
        base.table,
        base.effective_from,
        tuple(applied),
        f"projection: {base.table} {base.effective_from} ({base.status}) carried forward by "
        f"{raises}, rounded once to whole euros",
        tuple(dict.fromkeys(sources)),
    )


# --------------------------------------------------------------------------- lines and months


@dataclass(frozen=True, slots=True)
class Line:
    """One named pay component in one month."""

    component: str
    amount: Decimal
    status: LineStatus
    basis: str
    sources: tuple[Source, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class MonthIncome:
    """The pay lines of one month."""

    month: date
    """The first day of the month."""
    scale: str
    step: int
    """The step at the end of the month's employed part."""
    fte: Decimal
    part: Decimal
    """The fraction of the month in service (calendar days)."""
    lines: tuple[Line, ...]
    total: Decimal
    status: LineStatus

    def amount(self, component: str) -> Decimal:
        """The amount of *component* this month (0 when it has no line)."""
        return sum((ln.amount for ln in self.lines if ln.component == component), Decimal(0))


@dataclass(frozen=True, slots=True)
class AnnualIncome:
    """Twelve months of pay (only the months in service), totals by component."""

    employment: Employment
    year: int
    months: tuple[MonthIncome, ...]
    totals: dict[str, Decimal]
    total: Decimal
    status: LineStatus
    strict: bool
    projection: bool
    as_known_on: date | None
    gaps: tuple[str, ...]
    """Lenient mode: what is missing (month and reason). Empty when complete."""
    convention: str = CONVENTION
    components: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class _Segment:
    start: date
    end: date  # exclusive
    step: int


def _month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    days = calendar.monthrange(first.year, first.month)[1]
    return first, first + timedelta(days=days)


def _change_days(first: date, after: date) -> set[date]:
    days: set[date] = set()
    for series in salary_series(catalog()):
        for start, end in series.periods():
            for day in (start, end):
                if day is not None and first < day < after:
                    days.add(day)
    return days


def _segments(employment: Employment, month: date) -> list[_Segment]:
    first, after = _month_bounds(month)
    lo = max(first, employment.start)
    hi = after if employment.end is None else min(after, employment.end + timedelta(days=1))
    if lo >= hi:
        return []
    cuts = sorted({lo, hi, date(first.year, 8, 1)} | _change_days(first, after))
    cuts = [c for c in cuts if lo <= c <= hi]
    return [_Segment(a, b, step_on(employment, a)) for a, b in pairwise(cuts)]


@dataclass(frozen=True, slots=True)
class _Cell:
    amount: Decimal
    status: LineStatus
    basis: str
    sources: tuple[Source, ...]


def _full_time(scale: str, step: int, day: date, known: date | None, projection: bool) -> _Cell:
    if known is not None:
        detail = salary_detail(scale, step, on=day, as_known_on=known)
        status = _derived_status(detail.table, detail.effective_from, detail.status)
        return _Cell(detail.full_time_amount, status, detail.basis, detail.sources)
    if projection:
        proj = projected_salary(scale, step, on=day)
        return _Cell(proj.full_time_amount, proj.status, proj.basis, proj.sources)
    detail = salary_detail(scale, step, on=day)
    status = _derived_status(detail.table, detail.effective_from, detail.status)
    return _Cell(detail.full_time_amount, status, detail.basis, detail.sources)


def _salary_line(
    employment: Employment, month: date, known: date | None, projection: bool
) -> tuple[Line, Decimal, int]:
    first, after = _month_bounds(month)
    days_in_month = (after - first).days
    exact = Decimal(0)
    part = Decimal(0)
    statuses: list[str] = []
    bases: list[str] = []
    sources: list[Source] = []
    segments = _segments(employment, month)
    for seg in segments:
        cell = _full_time(employment.scale, seg.step, seg.start, known, projection)
        fraction = Decimal((seg.end - seg.start).days) / days_in_month
        exact += cell.amount * employment.fte * fraction
        part += fraction
        statuses.append(cell.status)
        bases.append(f"trede {seg.step}: {cell.basis}")
        sources.extend(cell.sources)
    basis = "; ".join(dict.fromkeys(bases))
    if part != 1:
        basis += f" (x {part.normalize()} of the month, calendar days)"
    line = Line(
        SALARY, round_cents(exact), _weakest(*statuses), basis, tuple(dict.fromkeys(sources))
    )
    return line, part, segments[-1].step


def _months(employment: Employment, year: int) -> list[date]:
    return [date(year, m, 1) for m in range(1, 13) if _segments(employment, date(year, m, 1))]


def _payment_month(employment: Employment, year: int, month: int) -> date:
    if employment.end is not None and employment.end.year == year:
        return date(year, min(month, employment.end.month), 1)
    return date(year, month, 1)


def annual_income(
    employment: Employment,
    *,
    year: int,
    strict: bool = True,
    projection: bool = False,
    as_known_on: date | str | None = None,
) -> AnnualIncome:
    """Month-by-month pay for calendar *year*: salary and every component by name.

    *strict* (default) raises when a month has no shipped table (or the cell is not
    published); ``strict=False`` marks such a line ``missing`` (amount 0) and lists it in
    ``gaps``. *projection* carries salaries forward by announced raises where no table
    covers a month (see :func:`projected_salary`). *as_known_on* uses only the tables known
    on that day (what a payroll run then would have paid); it excludes *projection*.

    >>> income = annual_income(Employment("LB", 5, start=date(2025, 1, 1), fte=Decimal("0.8")), year=2025)
    >>> income.months[0].amount("salaris"), income.months[7].step, income.months[7].amount("salaris")
    (Decimal('3094.40'), 6, Decimal('3200.80'))
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 < year < 2200:
        raise InvalidInputError(f"year must be a calendar year such as 2025, not {year!r}")
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    if known is not None and projection:
        raise InvalidInputError("as_known_on and projection exclude each other")
    months = _months(employment, year)
    if not months:
        raise InvalidInputError(
            f"the employment ({employment.start}..{employment.end or ''}) has no day in {year}"
        )
    gaps: list[str] = []
    lines: dict[date, list[Line]] = {m: [] for m in months}
    info: dict[date, tuple[int, Decimal]] = {}

    def missing(month: date, component: str, exc: CaopoError) -> None:
        if strict:
            raise exc
        gaps.append(f"{month:%Y-%m} {component}: {exc}")
        lines[month].append(Line(component, Decimal(0), "missing", f"not computable: {exc}"))

    salary_by_month: dict[date, Line] = {}
    for month in months:
        try:
            line, part, step = _salary_line(employment, month, known, projection)
        except (NoDataForDateError, NotPublishedError, UnknownScaleError) as exc:
            segs = _segments(employment, month)
            info[month] = (
                segs[-1].step,
                sum((Decimal((s.end - s.start).days) for s in segs), Decimal(0))
                / Decimal((_month_bounds(month)[1] - month).days),
            )
            missing(month, SALARY, exc)
            salary_by_month[month] = lines[month][-1]
            continue
        info[month] = (step, part)
        lines[month].append(line)
        salary_by_month[month] = line

    _holiday_lines(salary_by_month, lines, known, missing)
    _end_of_year_line(employment, year, salary_by_month, lines, known, missing)
    if employment.category == "support_staff":
        _oop_line(employment, year, months, info, lines, known, missing)
    _one_off_lines(
        employment, year, months, salary_by_month, info, lines, known, projection, missing
    )
    if employment.commute_km is not None:
        _commuting_lines(employment, months, info, lines, known, missing)

    result: list[MonthIncome] = []
    totals: dict[str, Decimal] = {}
    for month in months:
        month_lines = tuple(lines[month])
        for ln in month_lines:
            totals[ln.component] = totals.get(ln.component, Decimal(0)) + ln.amount
        step, part = info[month]
        result.append(
            MonthIncome(
                month,
                employment.scale,
                step,
                employment.fte,
                part,
                month_lines,
                sum((ln.amount for ln in month_lines), Decimal(0)),
                _weakest(*(ln.status for ln in month_lines)),
            )
        )
    return AnnualIncome(
        employment=employment,
        year=year,
        months=tuple(result),
        totals=totals,
        total=sum(totals.values(), Decimal(0)),
        status=_weakest(*(m.status for m in result)),
        strict=strict,
        projection=projection,
        as_known_on=known,
        gaps=tuple(gaps),
        components=tuple(totals),
    )


def _holiday_lines(
    salary_by_month: dict[date, Line],
    lines: dict[date, list[Line]],
    known: date | None,
    missing: _Missing,
) -> None:
    for month, salary_line in salary_by_month.items():
        try:
            rule = holiday_rule(month, as_known_on=known)
        except CaopoError as exc:
            missing(month, HOLIDAY, exc)
            continue
        amount = round_cents(salary_line.amount * rule.percentage / 100)
        lines[month].append(
            Line(
                HOLIDAY,
                amount,
                _weakest(rule.status, salary_line.status),
                f"{rule.percentage} % of this month's salary, accrued (opbouw); "
                f"vakantie_uitkering {rule.effective_from}; no minimum applied (not read)",
                rule.sources,
            )
        )


def _end_of_year_line(
    employment: Employment,
    year: int,
    salary_by_month: dict[date, Line],
    lines: dict[date, list[Line]],
    known: date | None,
    missing: _Missing,
) -> None:
    exact = Decimal(0)
    statuses: list[str] = []
    rates: dict[Decimal, date] = {}
    sources: list[Source] = []
    paid = _payment_month(employment, year, 12)
    for month, salary_line in salary_by_month.items():
        try:
            rule = end_of_year_rule(month, as_known_on=known)
        except CaopoError as exc:
            missing(paid, END_OF_YEAR, exc)
            return
        exact += salary_line.amount * rule.percentage / 100
        statuses += [rule.status, salary_line.status]
        rates.setdefault(rule.percentage, rule.effective_from)
        sources.extend(rule.sources)
    rate_text = ", ".join(f"{p} % ({f})" for p, f in rates.items())
    lines[paid].append(
        Line(
            END_OF_YEAR,
            round_cents(exact),
            _weakest(*statuses),
            f"{rate_text} of the salary paid in {year}; paid in December or on leaving",
            tuple(dict.fromkeys(sources)),
        )
    )


def _oop_line(
    employment: Employment,
    year: int,
    months: list[date],
    info: dict[date, tuple[int, Decimal]],
    lines: dict[date, list[Line]],
    known: date | None,
    missing: _Missing,
) -> None:
    paid = _payment_month(employment, year, 12)
    exact = Decimal(0)
    statuses: list[str] = []
    sources: tuple[Source, ...] = ()
    basis = ""
    for month in months:
        try:
            rule = oop_yearly_rule(month, as_known_on=known)
        except CaopoError as exc:
            missing(paid, OOP_YEARLY, exc)
            return
        per_year = bracket_amount(rule.brackets, employment.scale)
        if per_year is None:
            continue
        exact += per_year / 12 * min(employment.fte, rule.fte_cap) * info[month][1]
        statuses.append(rule.status)
        sources = rule.sources
        basis = (
            f"EUR {per_year} a year ({rule.article}), pro rata the werktijdfactor capped at "
            f"{rule.fte_cap}, accrued monthly; paid in December or on leaving"
        )
    if statuses:
        lines[paid].append(
            Line(OOP_YEARLY, round_cents(exact), _weakest(*statuses), basis, sources)
        )


def _one_off_lines(
    employment: Employment,
    year: int,
    months: list[date],
    salary_by_month: dict[date, Line],
    info: dict[date, tuple[int, Decimal]],
    lines: dict[date, list[Line]],
    known: date | None,
    projection: bool,
    missing: _Missing,
) -> None:
    who = {
        "teacher": "teachers",
        "support_staff": "support_staff",
        "school_leader": "school_leaders",
    }[employment.category or "teacher"]
    for payment in one_off_payments():
        paid = payment.paid_in
        if paid.year != year or paid not in lines or payment.who not in ("all", who):
            continue
        if known is not None and known < paid:
            continue  # not yet paid on the day the tables were known
        if payment.eligible_if_employed_on and not employment.employed_on(
            payment.eligible_if_employed_on
        ):
            continue
        name = ONE_OFF_PREFIX + payment.id
        if not payment.computable:
            missing(
                paid, name, NotPublishedError(f"one-off payment {payment.id}: {payment.reason}")
            )
            continue
        statuses: list[str] = [payment.status]
        try:
            if payment.basis == "fixed":
                base = payment.amount or bracket_amount(payment.brackets, employment.scale)
                base_text = f"EUR {base} full-time"
            elif payment.basis == "monthly_salary":
                assert payment.salary_month and payment.percentage is not None
                ref = payment.salary_month
                cell = _full_time(
                    employment.scale, step_on(employment, ref), ref, known, projection
                )
                statuses.append(cell.status)
                base = cell.amount * payment.percentage / 100
                base_text = (
                    f"{payment.percentage} % of the full-time salary of {ref:%Y-%m} ({cell.amount})"
                )
            else:
                assert payment.percentage is not None
                annual = sum((ln.amount for ln in salary_by_month.values()), Decimal(0))
                statuses += [ln.status for ln in salary_by_month.values()]
                base = annual * payment.percentage / 100
                base_text = f"{payment.percentage} % of the salary paid in {year} ({annual})"
        except (NoDataForDateError, NotPublishedError, UnknownScaleError) as exc:
            missing(paid, name, exc)
            continue
        if base is None:
            continue
        share = _one_off_share(
            employment,
            payment.pro_rata,
            payment.reference_date,
            payment.accrual_from,
            payment.accrual_until,
        )
        if share == 0:
            continue
        lines[paid].append(
            Line(
                name,
                round_cents(base * share),
                _weakest(*statuses),
                f"{payment.description}: {base_text} x {share.normalize()} ({payment.pro_rata})",
                payment.sources,
                payment.note,
            )
        )


def _one_off_share(
    employment: Employment,
    pro_rata: str,
    reference: date | None,
    accrual_from: date | None,
    accrual_until: date | None,
) -> Decimal:
    if pro_rata == "included":
        return Decimal(1)
    if pro_rata == "fte_on_date":
        assert reference is not None
        return employment.fte if employment.employed_on(reference) else Decimal(0)
    assert accrual_from is not None and accrual_until is not None
    month = accrual_from.replace(day=1)
    parts: list[Decimal] = []
    while month < accrual_until:
        segs = _segments(employment, month)
        first, after = _month_bounds(month)
        days = sum((s.end - s.start).days for s in segs)
        parts.append(Decimal(days) / Decimal((after - first).days))
        month = after
    return employment.fte * sum(parts, Decimal(0)) / len(parts)


def _commuting_lines(
    employment: Employment,
    months: list[date],
    info: dict[date, tuple[int, Decimal]],
    lines: dict[date, list[Line]],
    known: date | None,
    missing: _Missing,
) -> None:
    assert employment.commute_km is not None
    cumulative = Decimal(0)
    paid_so_far = Decimal(0)
    for month in months:
        try:
            allowance = commuting_allowance(
                employment.commute_km,
                on=month,
                days_per_week=employment.travel_days_per_week,
                replacement=employment.replacement,
                as_known_on=known,
            )
        except CaopoError as exc:
            missing(month, COMMUTING, exc)
            continue
        if month.month in allowance.months_without_payment:
            continue
        cumulative += allowance.per_year_exact / allowance.instalments * info[month][1]
        amount = round_cents(cumulative) - paid_so_far
        paid_so_far += amount
        lines[month].append(
            Line(
                COMMUTING,
                amount,
                allowance.status,
                f"{allowance.reimbursable_km} reimbursable km one way x 2 x "
                f"{allowance.days_per_week}/5 days x 208 = EUR {allowance.per_year} a year "
                f"({allowance.article}, {allowance.effective_from}) in {allowance.instalments} "
                f"instalments, none in August; cents balanced cumulatively",
                allowance.sources,
            )
        )


class _Missing(Protocol):
    def __call__(self, month: date, component: str, exc: CaopoError) -> None: ...


# --------------------------------------------------------------------------- back pay


@dataclass(frozen=True, slots=True)
class BackPayMonth:
    """One month: paid (tables known then) against owed (tables known later)."""

    month: date
    step: int
    paid: tuple[Line, ...]
    owed: tuple[Line, ...]
    difference: dict[str, Decimal]
    total: Decimal


@dataclass(frozen=True, slots=True)
class BackPay:
    """Back pay (nabetaling) month by month and in total, by component."""

    employment: Employment
    paid_as_known_on: date
    owed_as_known_on: date
    months: tuple[BackPayMonth, ...]
    totals: dict[str, Decimal]
    total: Decimal


def _to_month(value: object) -> date:
    if isinstance(value, str) and len(value.strip()) == 7:
        value = value.strip() + "-01"
    return to_date(value, name="month").replace(day=1)


def back_pay(
    employment: Employment,
    *,
    paid_as_known_on: date | str,
    owed_as_known_on: date | str,
    months: Iterable[date | str],
) -> BackPay:
    """Per month: what was paid with the tables known on *paid_as_known_on* against what is
    owed with the tables known on *owed_as_known_on*, and the difference, by component:
    salary, and the vakantie-uitkering and eindejaarsuitkering accrued on it.

    *months* are dates or ``'YYYY-MM'`` strings (any day means its month).

    The canonical case: the +2,25 % of 2021 was agreed in October 2021 with effect from
    1 January 2021; an L11 teacher at the top step was paid EUR 4.434 (2020 table) and is owed
    EUR 4.534 (2021 table):

    >>> bp = back_pay(Employment("L11", 15, start=date(2021, 1, 1)),
    ...               paid_as_known_on="2021-06-30", owed_as_known_on="2021-12-31",
    ...               months=["2021-01", "2021-02"])
    >>> [m.difference["salaris"] for m in bp.months]
    [Decimal('100.00'), Decimal('100.00')]
    """
    paid_known = to_date(paid_as_known_on, name="paid_as_known_on")
    owed_known = to_date(owed_as_known_on, name="owed_as_known_on")
    if owed_known < paid_known:
        raise InvalidInputError(
            f"owed_as_known_on {owed_known} must not be before paid_as_known_on {paid_known}"
        )
    wanted = sorted({_to_month(m) for m in months})
    if not wanted:
        raise InvalidInputError("months must name at least one month")
    result: list[BackPayMonth] = []
    totals: dict[str, Decimal] = {}
    for month in wanted:
        if not _segments(employment, month):
            raise InvalidInputError(
                f"month {month:%Y-%m} is outside the employment "
                f"({employment.start}..{employment.end or ''})"
            )
        paid = _accrued_lines(employment, month, paid_known)
        owed = _accrued_lines(employment, month, owed_known)
        difference = {o.component: o.amount - p.amount for p, o in zip(paid, owed, strict=True)}
        for name, amount in difference.items():
            totals[name] = totals.get(name, Decimal(0)) + amount
        result.append(
            BackPayMonth(
                month,
                step_on(employment, _month_bounds(month)[1] - timedelta(days=1)),
                paid,
                owed,
                difference,
                sum(difference.values(), Decimal(0)),
            )
        )
    return BackPay(
        employment,
        paid_known,
        owed_known,
        tuple(result),
        totals,
        sum(totals.values(), Decimal(0)),
    )


def _accrued_lines(employment: Employment, month: date, known: date) -> tuple[Line, ...]:
    salary_line, _, _ = _salary_line(employment, month, known, False)
    out = [salary_line]
    for name, rule in (
        (HOLIDAY, holiday_rule(month, as_known_on=known)),
        (END_OF_YEAR, end_of_year_rule(month, as_known_on=known)),
    ):
        out.append(
            Line(
                name,
                round_cents(salary_line.amount * rule.percentage / 100),
                _weakest(rule.status, salary_line.status),
                f"{rule.percentage} % of this month's salary, accrued ({rule.table} "
                f"{rule.effective_from})",
                rule.sources,
            )
        )
    return tuple(out)
