"""A year of pay: month-by-month salary and every pay component, by name, with provenance.

:func:`annual_income` only orchestrates: it builds the month plan once
(:mod:`caopo.pay.plan`), runs every component of the registry
(:data:`caopo.pay.components.COMPONENTS`) on one frozen context, and gathers their lines
into months and totals. What each component computes, and from which data, is in its own
module (see docs/income.md).

* **Status.** Every line has the weakest status (:func:`caopo.provenance.weakest`) of the
  table versions, rules and raises it rests on (``Line.rests_on``); a month the weakest of
  its lines, the year the weakest of its months.
* **Strict or lenient.** By default a component that cannot be computed raises. With
  ``strict=False`` it gets a placeholder line with amount 0 and ``missing=True``, resting
  on a ``provisional`` placeholder (:func:`caopo.pay.lines.placeholder`), the reason is
  listed in ``gaps``, and the month and year say ``complete=False`` and ``provisional``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from caopo.display import Display, Tabular, record
from caopo.errors import InvalidInputError
from caopo.inputs import to_date, to_flag, to_month_of_year, to_year
from caopo.pay.components import COMPONENTS
from caopo.pay.components.base import Gap, PayContext
from caopo.pay.employment import Employment, to_employment
from caopo.pay.lines import Line
from caopo.pay.plan import PlannedMonth, plan_year
from caopo.provenance import Status, weakest
from caopo.schema.base import Source

__all__ = ["CONVENTION", "AnnualIncome", "MonthIncome", "annual_income", "service_note"]

CONVENTION = (
    "a month is split at each change (start/end of employment, table version, periodiek); "
    "each part counts for its calendar days over the days of the month; each line is "
    "rounded once to cents (half up)"
)


@dataclass(frozen=True, slots=True)
class MonthIncome(Display):
    """The pay lines of one month."""

    month: date
    """The first day of the month."""
    scale: str
    step: int | None
    """The step at the end of the month's part in service (``None`` where the periodiek
    passed the published number of treden; lenient mode)."""
    fte: Decimal
    part: Decimal
    """The fraction of the month in service (calendar days)."""
    lines: tuple[Line, ...]
    total: Decimal
    status: Status
    """The weakest status of the lines."""
    complete: bool = True

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the lines rest on, each once."""
        return tuple(dict.fromkeys(s for line in self.lines for s in line.sources))

    """False where a line is ``missing`` (lenient mode)."""

    def amount(self, component: str) -> Decimal:
        """The amount of *component* this month (0 when it has no line)."""
        return sum((ln.amount for ln in self.lines if ln.component == component), Decimal(0))


@dataclass(frozen=True, slots=True)
class AnnualIncome(Tabular):
    """Twelve months of pay (only the months in service), totals by component."""

    employment: Employment
    year: int
    months: tuple[MonthIncome, ...]
    totals: dict[str, Decimal]
    total: Decimal
    status: Status
    """The weakest status of the months."""
    strict: bool
    projection: bool
    as_known_on: date | None
    gaps: tuple[str, ...]
    """Lenient mode: what is missing (month and reason). Empty when complete."""
    holiday_month: int | None = None
    """The month the vakantie-uitkering was paid in (``None``: shown as accrued)."""
    convention: str = CONVENTION
    components: tuple[str, ...] = field(default=())
    complete: bool = True
    """False where a line is ``missing`` (lenient mode; ``gaps`` says why)."""
    notes: tuple[str, ...] = ()
    """What changes a euro and no line shows: years of service counted from ``start``
    (:func:`service_note`)."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the year rests on, each once."""
        return tuple(dict.fromkeys(s for month in self.months for s in month.sources))

    def _frame_rows(self) -> list[dict[str, object]]:
        """One row per line: its month, scale, step and fte, then the line."""
        return [
            record(month, ("month", "scale", "step", "fte"))
            | record(line, ("component", "amount", "status", "missing", "basis"))
            for month in self.months
            for line in month.lines
        ]


def _month(planned: PlannedMonth, employment: Employment, lines: list[Line]) -> MonthIncome:
    return MonthIncome(
        planned.month,
        employment.scale,
        planned.step,
        employment.fte,
        planned.part,
        tuple(lines),
        sum((ln.amount for ln in lines), Decimal(0)),
        weakest(ln.status for ln in lines),
        not any(ln.missing for ln in lines),
    )


def service_note(employment: Employment) -> str | None:
    """The note an income carries where years of service count from ``start`` (by
    default, ``in_service_from`` is ``start``): a jubileumuitkering for service before it
    is not paid, so the reader is told, not left to notice a missing line.

    >>> service_note(Employment("LB", 12, start="2024-08-01", in_service_from="2000-03-15"))
    >>> service_note(Employment("LB", 12, start="2024-08-01"))[:58]
    'years of service counted from start (2024-08-01), as in_se'
    """
    if employment.in_service_from != employment.start:
        return None
    return (
        f"years of service counted from start ({employment.start}), as in_service_from is "
        f"start (its default): no jubileumuitkering (25, 40, 50 years) for service before it, "
        f"and the periodiek counts days in service from it; for a longer diensttijd give the "
        f"first day of service (Employment(in_service_from=...), caopo income --in-service-from)"
    )


def _post_all(context: PayContext, strict: bool) -> tuple[dict[date, list[Line]], list[str]]:
    """Run every component in registry order; a gap raises (strict) or becomes a
    ``missing`` line (lenient)."""
    payslips: dict[date, list[Line]] = {m.month: [] for m in context.plan.months}
    gaps: list[str] = []
    for component in COMPONENTS:
        earlier = {month: tuple(lines) for month, lines in payslips.items()}
        for entry in component.post(context, earlier):
            if isinstance(entry, Gap):
                if strict:
                    raise entry.error
                gaps.append(f"{entry.month:%Y-%m} {entry.component}: {entry.error}")
                payslips[entry.month].append(Line.not_computable(entry.component, entry.error))
            else:
                payslips[entry.month].append(entry.line)
    return payslips, gaps


def annual_income(
    employment: Employment,
    *,
    year: int,
    strict: bool = True,
    projection: bool = False,
    as_known_on: date | str | None = None,
    holiday_month: int | None = None,
) -> AnnualIncome:
    """Month-by-month pay for calendar *year*: salary and every component by name.

    *strict* (default) raises when a month has no shipped table (or the cell is not
    published, or the step is unknown); ``strict=False`` gives such a line a placeholder
    amount 0, ``missing=True`` and status ``provisional`` (so its month and year are
    provisional too) and lists it in ``gaps``. *projection* carries salaries forward by
    announced raises where no table covers a month (see :func:`caopo.projected_salary`).
    *as_known_on* uses only the tables known on that day (what a payroll run then would
    have paid); it excludes *projection*. *holiday_month* (1-12) pays the vakantie-uitkering
    in that month (and on leaving) over what accrued since the previous one, as the caller's
    payroll does (no source read gives the CAO PO month); by default it accrues each month.
    **Years of service count from** ``employment.in_service_from``, **which defaults to
    start**: no jubileumuitkering for service before it unless given; ``notes`` says so.

    >>> income = annual_income(Employment("LB", 5, start=date(2025, 1, 1), fte=Decimal("0.8")), year=2025)
    >>> income.months[0].amount("salaris"), income.months[7].step, income.months[7].amount("salaris")
    (Decimal('3094.40'), 6, Decimal('3200.80'))
    """
    employment = to_employment(employment)
    calendar_year = to_year(year)
    strict, projection = to_flag(strict, name="strict"), to_flag(projection, name="projection")
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    if known is not None and projection:
        raise InvalidInputError("as_known_on and projection exclude each other")
    plan = plan_year(employment, calendar_year)
    holiday = (
        None if holiday_month is None else to_month_of_year(holiday_month, name="holiday_month")
    )
    context = PayContext(employment, calendar_year, plan, known, projection, holiday)
    payslips, gaps = _post_all(context, strict)
    months = tuple(_month(m, employment, payslips[m.month]) for m in plan.months)
    totals: dict[str, Decimal] = {}
    for month in months:
        for line in month.lines:
            totals[line.component] = totals.get(line.component, Decimal(0)) + line.amount
    return AnnualIncome(
        employment=employment,
        year=calendar_year,
        months=months,
        totals=totals,
        total=sum(totals.values(), Decimal(0)),
        status=weakest(m.status for m in months),
        strict=strict,
        projection=projection,
        as_known_on=known,
        gaps=tuple(gaps),
        holiday_month=holiday,
        components=tuple(totals),
        complete=all(m.complete for m in months),
        notes=tuple(note for note in (service_note(employment),) if note is not None),
    )
