"""``vakantie_uitkering``: the holiday allowance, a percentage of each month's salary.

Its CAO PO reference period, payment month and minimum were not read (see the data file
``data/allowances/vakantie_uitkering_*``), so caopo shows it as accrued each month (opbouw)
and applies no minimum: a convention, not a rule read in a source.
"""

from __future__ import annotations

from datetime import date

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
from caopo.pay.lines import Line
from caopo.pay.plan import PlannedMonth
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


def holiday_allowance(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """The allowance accrued in every month with a salary line."""
    entries: list[Entry] = []
    for month, salary in lines_of(earlier, SALARY).items():
        try:
            rule = holiday_rule(month, as_known_on=context.as_known_on)
        except CaopoError as exc:
            entries.append(Gap(month, NAME, exc))
            continue
        entries.append(Posting(month, accrued(salary, rule)))
    return tuple(entries)
