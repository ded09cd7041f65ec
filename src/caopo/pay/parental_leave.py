"""Ouderschapsverlof: what a leave plan does to the monthly pay.

The rule is data (``data/allowances/ouderschapsverlof_*``; Concent 2022, AOb): 415 hours
paid at 55 % of the salary, at 75 % in the child's first year (from 2022-08-02), then 625
hours unpaid, for a full-time appointment and pro rata the werktijdfactor. A leave of *h*
hours a week takes *h*/7 hours each calendar day from its first to its last day, paid hours
first; each day lowers the salary by *h*/40 of that day's full-time salary times (1 - the
paid percentage). The month's effect is the sum over its days, rounded once to cents.

Each day follows the rule in force on it: a leave across a new version of the rule takes
its percentages from that day on, and its hours against the new entitlement less the hours
already taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.catalog.series import Series
from caopo.dates import add_years
from caopo.display import Display, Tabular, record
from caopo.errors import InvalidInputError
from caopo.inputs import to_date
from caopo.money import Number, quantize, round_cents, to_decimal
from caopo.pay.components.base import rule_lookup, rule_reference
from caopo.pay.employment import Employment, step_on, to_employment
from caopo.pay.lines import Reference
from caopo.pay.plan import month_bounds
from caopo.pay.projection import table_reference
from caopo.provenance import Status, weakest
from caopo.salary_scales.salary import salary_detail
from caopo.schema.allowances import ParentalLeaveRule
from caopo.schema.base import Source

__all__ = ["LeaveMonth", "ParentalLeave", "parental_leave", "parental_leave_rule"]

TABLE = "ouderschapsverlof"
DAYS_PER_WEEK = 7
HOURS_QUANTUM = Decimal("0.01")


def parental_leave_rule(on: date | str) -> ParentalLeaveRule:
    """The ouderschapsverlof rule in force on *on*."""
    return rule_lookup(ParentalLeaveRule, TABLE, on)


@dataclass(frozen=True, slots=True)
class LeaveMonth(Display):
    """One month of the leave plan."""

    month: date
    hours: Decimal
    """Leave hours taken in the month (to hundredths, as all hours here)."""
    paid_hours: Decimal
    unpaid_hours: Decimal
    pay_effect: Decimal
    """What the leave does to the month's salary (0 or negative), rounded once to cents."""
    status: Status


@dataclass(frozen=True, slots=True)
class ParentalLeave(Tabular):
    """The monthly pay effect of a parental leave plan, with the hours used."""

    months: tuple[LeaveMonth, ...]
    paid_hours: Decimal
    """The paid hours of the entitlement (415 x werktijdfactor), under the rule in force
    on the last day of the leave."""
    unpaid_hours: Decimal
    paid_hours_used: Decimal
    unpaid_hours_used: Decimal
    total_effect: Decimal
    status: Status
    sources: tuple[Source, ...]
    rests_on: tuple[Reference, ...]

    def _frame_rows(self) -> list[dict[str, object]]:
        """One row per month of the plan."""
        fields = ("month", "hours", "paid_hours", "unpaid_hours", "pay_effect", "status")
        return [record(month, fields) for month in self.months]


@dataclass
class _Month:
    hours: Decimal = Decimal(0)
    paid: Decimal = Decimal(0)
    unpaid: Decimal = Decimal(0)
    effect: Decimal = Decimal(0)


def _hours(exact: Decimal) -> Decimal:
    """Hours as shown: to hundredths (the walk itself stays exact)."""
    return quantize(exact, HOURS_QUANTUM)


def _day_effect(full: Decimal, day: date, share: Decimal, reduction: Decimal) -> Decimal:
    """One day's salary cut for *share* of the full-time week on leave at *reduction*."""
    days = (month_bounds(day)[1] - month_bounds(day)[0]).days
    return -full * share * reduction / days


@dataclass(frozen=True, slots=True)
class _Plan:
    job: Employment
    rules: Series[ParentalLeaveRule]
    born: date
    first: date
    last: date
    weekly: Decimal


def _plan(
    employment: Employment, child_born: object, start: object, end: object, hours: Number
) -> _Plan:
    job = to_employment(employment)
    born = to_date(child_born, name="child_born")
    first, last = to_date(start, name="start"), to_date(end, name="end")
    if last < first or first < born:
        raise InvalidInputError(
            f"the leave {first}..{last} must run forward and start after the birth {born}"
        )
    if not (job.employed_on(first) and job.employed_on(last)):
        raise InvalidInputError(f"the leave {first}..{last} must fall inside the employment")
    rules = catalog().series(TABLE, ParentalLeaveRule)
    return _Plan(job, rules, born, first, last, to_decimal(hours, name="hours_per_week"))


def _rule_on(plan: _Plan, day: date) -> ParentalLeaveRule:
    """The rule in force on *day*; raises where the leave's hours do not fit its week."""
    rule = plan.rules.version_on(day)
    week = rule.full_time_hours_per_week * plan.job.fte
    if not 0 < plan.weekly <= week:
        raise InvalidInputError(
            f"hours_per_week must be above 0 and at most {week} (werktijdfactor "
            f"{plan.job.fte}; {TABLE} {rule.effective_from}), not {plan.weekly}"
        )
    return rule


def _scale(plan: _Plan, rule: ParentalLeaveRule) -> Decimal:
    """The werktijdfactor where the rule's hours are pro rata, else 1."""
    return plan.job.fte if rule.pro_rata else Decimal(1)


def _walk(plan: _Plan) -> tuple[dict[date, _Month], list[Reference], list[Source]]:
    """Every day of the leave, under the rule in force on that day: its hours (paid first,
    against the hours the rule gives less those already taken), its salary cut, by month."""
    job = plan.job
    paid_used = unpaid_used = Decimal(0)
    first_year_end = add_years(plan.born, 1)
    per_day = plan.weekly / DAYS_PER_WEEK
    months: dict[date, _Month] = {}
    refs: list[Reference] = []
    sources: list[Source] = []
    rule: ParentalLeaveRule | None = None
    day = plan.first
    while day <= plan.last:
        if rule is None or not _in_force(plan, rule, day):
            rule = _rule_on(plan, day)
            refs.append(rule_reference(rule))
            sources.extend(rule.sources)
        detail = salary_detail(job.scale, step_on(job, day), on=day)
        refs.append(table_reference(detail))
        sources.extend(detail.sources)
        pct = rule.first_year_percentage if day < first_year_end else rule.percentage
        paid = max(min(per_day, rule.paid_hours * _scale(plan, rule) - paid_used), Decimal(0))
        unpaid = per_day - paid
        if unpaid_used + unpaid > rule.unpaid_hours * _scale(plan, rule):
            total = (rule.paid_hours + rule.unpaid_hours) * _scale(plan, rule)
            raise InvalidInputError(
                f"the plan takes more than the {total} hours of ouderschapsverlof (by {day})"
            )
        paid_used, unpaid_used = paid_used + paid, unpaid_used + unpaid
        entry = months.setdefault(day.replace(day=1), _Month())
        entry.hours += per_day
        entry.paid += paid
        entry.unpaid += unpaid
        cut = (paid / per_day) * (1 - pct / 100) + unpaid / per_day
        share = plan.weekly / rule.full_time_hours_per_week
        entry.effect += _day_effect(detail.full_time_amount, day, share, cut)
        day += timedelta(days=1)
    return months, refs, sources


def _in_force(plan: _Plan, rule: ParentalLeaveRule, day: date) -> bool:
    end = plan.rules.end_of(rule)
    return end is None or day < end


def parental_leave(
    employment: Employment,
    *,
    child_born: date | str,
    start: date | str,
    end: date | str,
    hours_per_week: Number,
) -> ParentalLeave:
    """The monthly pay effect of taking *hours_per_week* ouderschapsverlof from *start* to
    *end* (inclusive) for a child born on *child_born*.

    >>> leave = parental_leave(Employment("LB", 5, start="2025-01-01"), child_born="2025-01-10",
    ...                        start="2025-03-01", end="2025-03-31", hours_per_week=8)
    >>> leave.months[0].paid_hours, leave.months[0].pay_effect
    (Decimal('35.43'), Decimal('-193.40'))
    """
    plan = _plan(employment, child_born, start, end, hours_per_week)
    months, refs, sources = _walk(plan)
    entitlement = plan.rules.version_on(plan.last)
    refs = list(dict.fromkeys(refs))
    status = weakest(ref.status for ref in refs)
    result = tuple(
        LeaveMonth(
            month, _hours(m.hours), _hours(m.paid), _hours(m.unpaid), round_cents(m.effect), status
        )
        for month, m in months.items()
    )
    return ParentalLeave(
        months=result,
        paid_hours=entitlement.paid_hours * _scale(plan, entitlement),
        unpaid_hours=entitlement.unpaid_hours * _scale(plan, entitlement),
        paid_hours_used=_hours(sum((m.paid for m in months.values()), Decimal(0))),
        unpaid_hours_used=_hours(sum((m.unpaid for m in months.values()), Decimal(0))),
        total_effect=sum((m.pay_effect for m in result), Decimal(0)),
        status=status,
        sources=tuple(dict.fromkeys(sources)),
        rests_on=tuple(refs),
    )
