"""``vakantie_uitkering``: the holiday allowance, a percentage of each month's salary.

Its CAO PO reference period, payment month and minimum were not read (see the data file
``data/allowances/vakantie_uitkering_*``), so by default caopo shows it as accrued each
month (opbouw) and applies no minimum: a convention, not a rule read in a source. Where
a payroll pays it once a year, ``annual_income(holiday_month=5)`` pays the allowance
accrued over the twelve months up to and including that month (May: June to May, the
pattern of most Dutch CAOs), and on leaving, in the last month of service, what accrued
since the previous payment month (across calendar years: leaving in March after a May
payment pays June to March). Each payment sums the exact accruals and rounds once, so
over an employment the payments add up to the percentage of all salary paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.dates import add_months, months_from, since_last
from caopo.errors import CaopoError
from caopo.pay.components.base import (
    Entry,
    Gap,
    PayContext,
    Payslips,
    Posting,
    line_in,
    lines_of,
    rule_lookup,
    rule_reference,
)
from caopo.pay.components.salary import NAME as SALARY
from caopo.pay.components.salary import NOT_IN_TABLES, salary_line
from caopo.pay.lines import Line
from caopo.pay.plan import PlannedMonth, plan_months
from caopo.schema.allowances import HolidayAllowance

__all__ = ["NAME", "TABLE", "accrue", "accrued", "holiday_allowance", "holiday_rule"]

NAME = "vakantie_uitkering"
TABLE = "vakantie_uitkering"


def holiday_rule(on: date | str, *, as_known_on: date | str | None = None) -> HolidayAllowance:
    """The vakantie-uitkering version in force on *on*.

    >>> holiday_rule("2025-06-01").percentage
    Decimal('8')
    """
    return rule_lookup(HolidayAllowance, TABLE, on, as_known_on)


def accrued(salary: Line, rule: HolidayAllowance) -> Line:
    """The allowance accrued on one month's *salary* line."""
    minimum = (
        "no minimum applied (not read)"
        if rule.minimum_per_year is None
        else f"the minimum of EUR {rule.minimum_per_year} a year is not applied"
    )
    return Line.of(
        NAME,
        salary.amount * rule.percentage / 100,
        (rule_reference(rule), *salary.rests_on),
        f"{rule.percentage} % of this month's salary, accrued (opbouw); {TABLE} "
        f"{rule.effective_from}; {minimum}",
        rule.sources,
        missing=salary.missing,
    )


def accrue(context: PayContext, month: PlannedMonth, earlier: tuple[Line, ...]) -> Line:
    """The allowance one month accrues on its salary line, for back pay."""
    rule = holiday_rule(month.month, as_known_on=context.as_known_on)
    return accrued(line_in(earlier, SALARY), rule)


@dataclass(frozen=True, slots=True)
class _Accrual:
    """One month's salary line and the rule in force in it."""

    month: date
    salary: Line
    rule: HolidayAllowance


def _accruals(context: PayContext, earlier: Payslips) -> list[_Accrual | Gap]:
    """Every salary line of the year with the rule of its month, by month."""
    entries: list[_Accrual | Gap] = []
    for month, salary in lines_of(earlier, SALARY).items():
        try:
            rule = holiday_rule(month, as_known_on=context.as_known_on)
        except CaopoError as exc:
            entries.append(Gap(month, NAME, exc))
            continue
        entries.append(_Accrual(month, salary, rule))
    return entries


def _earlier_months(context: PayContext, start: date, paid: date) -> list[_Accrual | Gap]:
    """The months from *start* up to *paid* before the year (their salary lines computed
    here), for a payment early in the year."""
    months = months_from(start, paid)
    plan = plan_months(context.employment, [m for m in months if m.year < context.year])
    entries: list[_Accrual | Gap] = []
    for month in plan.months:
        try:
            rule = holiday_rule(month.month, as_known_on=context.as_known_on)
            entries.append(_Accrual(month.month, salary_line(context, month), rule))
        except NOT_IN_TABLES as exc:
            entries.append(Gap(month.month, NAME, exc))
    return entries


def _payment(paid: date, start: date, inside: list[_Accrual], month_number: int) -> Line:
    """The accruals *inside* the window, summed exactly and rounded once."""
    basis = (
        f"vakantie-uitkering accrued {start:%Y-%m} to {paid:%Y-%m}, paid in {paid:%Y-%m} "
        f"(holiday_month={month_number}: the caller's payroll month, not read for the CAO PO)"
    )
    return Line.of(
        NAME,
        sum((a.salary.amount * a.rule.percentage / 100 for a in inside), Decimal(0)),
        [ref for a in inside for ref in (rule_reference(a.rule), *a.salary.rests_on)],
        basis,
        [source for a in inside for source in a.rule.sources],
        missing=any(a.salary.missing for a in inside),
    )


def _paid(context: PayContext, earlier: Payslips, month_number: int) -> tuple[Entry, ...]:
    """One line in each payment month (and on leaving): the allowance accrued since the
    month after the previous payment month (:func:`caopo.dates.since_last`), rounded once."""
    this_year = _accruals(context, earlier)
    last = context.plan.months[-1].month
    leaving = context.employment.end is not None and context.employment.end < add_months(last, 1)
    due = [m.month for m in context.plan.months if m.month.month == month_number]
    if leaving and last not in due:
        due.append(last)
    entries: list[Entry] = []
    for paid in due:
        start = since_last(paid, month_number)
        window = [*_earlier_months(context, start, paid), *this_year]
        inside = [e for e in window if start <= e.month <= paid]
        gaps = [e for e in inside if isinstance(e, Gap)]
        if gaps:
            entries.append(Gap(paid, NAME, gaps[0].error))
            continue
        accruals = [e for e in inside if isinstance(e, _Accrual)]
        entries.append(Posting(paid, _payment(paid, start, accruals, month_number)))
    return tuple(entries)


def holiday_allowance(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """The allowance accrued in every month with a salary line, or paid in the caller's
    ``holiday_month`` (see the module docstring)."""
    if context.holiday_month is None:
        return tuple(
            e if isinstance(e, Gap) else Posting(e.month, accrued(e.salary, e.rule))
            for e in _accruals(context, earlier)
        )
    return _paid(context, earlier, context.holiday_month)
