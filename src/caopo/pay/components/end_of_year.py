"""``eindejaarsuitkering``: a percentage of the salary of the calendar year, paid in the
month the data gives (``paid_in_month``), or in the last month of an employment that ends
in the year (the final settlement)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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
from caopo.pay.lines import Line, Reference
from caopo.pay.plan import PlannedMonth
from caopo.schema.allowances import EndOfYearPayment
from caopo.schema.base import Source

__all__ = ["NAME", "TABLE", "accrue", "accrued", "end_of_year_payment", "end_of_year_rule"]

NAME = "eindejaarsuitkering"
TABLE = "eindejaarsuitkering"


def end_of_year_rule(on: date | str, *, as_known_on: date | str | None = None) -> EndOfYearPayment:
    """The eindejaarsuitkering version in force on *on*.

    >>> end_of_year_rule("2025-06-01").percentage
    Decimal('8.33')
    >>> end_of_year_rule("2021-06-01").percentage, end_of_year_rule("2021-06-01", as_known_on="2021-06-30").percentage
    (Decimal('6.5'), Decimal('6.3'))
    """
    return rule_lookup(EndOfYearPayment, TABLE, on, as_known_on)


def accrued(salary: Line, rule: EndOfYearPayment) -> Line:
    """The payment accrued on one month's *salary* line."""
    return Line.of(
        NAME,
        salary.amount * rule.percentage / 100,
        (rule_reference(rule), *salary.rests_on),
        f"{rule.percentage} % of this month's salary, accrued ({rule.table} {rule.effective_from})",
        rule.sources,
        missing=salary.missing,
    )


def accrue(context: PayContext, month: PlannedMonth, earlier: tuple[Line, ...]) -> Line:
    """The payment one month accrues on its salary line, for back pay."""
    rule = end_of_year_rule(month.month, as_known_on=context.as_known_on)
    return accrued(line_in(earlier, SALARY), rule)


def end_of_year_payment(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """One line in the payment month: the rate in force in each month times that month's
    salary, summed and rounded once."""
    salaries = lines_of(earlier, SALARY)
    last = context.plan.months[-1].month
    exact = Decimal(0)
    refs: list[Reference] = []
    rates: dict[Decimal, date] = {}
    sources: list[Source] = []
    rule: EndOfYearPayment | None = None
    for month, salary in salaries.items():
        try:
            rule = end_of_year_rule(month, as_known_on=context.as_known_on)
        except CaopoError as exc:
            return (Gap(last, NAME, exc),)
        exact += salary.amount * rule.percentage / 100
        refs += [rule_reference(rule), *salary.rests_on]
        rates.setdefault(rule.percentage, rule.effective_from)
        sources.extend(rule.sources)
    if rule is None:
        return ()
    rate_text = ", ".join(f"{p} % ({f})" for p, f in rates.items())
    paid = context.plan.payment_month(context.year, rule.paid_in_month)
    basis = (
        f"{rate_text} of the salary paid in {context.year}; paid in {paid:%Y-%m} "
        f"(month {rule.paid_in_month}, or the last month of service)"
    )
    missing = any(s.missing for s in salaries.values())
    return (Posting(paid, Line.of(NAME, exact, refs, basis, sources, missing=missing)),)
