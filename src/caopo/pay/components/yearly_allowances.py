"""``bindingstoelage`` and ``oktobertoelage``: yearly toelagen by step position.

Both are a yearly amount for some categories and scales, at the top step of the scale or
below it (``data/allowances/bindingstoelage_*``, ``oktobertoelage_*``, kind
``yearly_allowance``), pro rata the werktijdfactor, paid in the version's
``paid_in_month``:

* ``accrual: payment_day`` (the bindingstoelage 2022-2024, August): the full amount to
  whoever holds a row's step on the first day of the payment month;
* ``accrual: monthly`` (the oktobertoelage, October): each of the twelve months up to and
  including the payment month accrues a twelfth of the amount of the version in force in
  it, for the calendar days at a row's step; on leaving, the last month of service pays
  what accrued since the previous payment month (a reading: see the data file's notes).

A row without an amount (``not_read``) is a documented gap: it raises in strict mode and
becomes a ``missing`` line in lenient mode. The top step is the scale's last step
(:func:`caopo.salary_scales.periodiek.top_step`); where that is unknown, the line is a gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from caopo.catalog.loader import catalog
from caopo.catalog.state import remember
from caopo.dates import add_months, months_from, since_last
from caopo.errors import CaopoError, NoDataForDateError, NotPublishedError
from caopo.money import round_quotient
from caopo.pay.components.base import Entry, Gap, PayContext, Payslips, Posting, rule_lookup
from caopo.pay.components.base import rule_reference as reference
from caopo.pay.employment import Employment
from caopo.pay.lines import Line, Reference
from caopo.pay.plan import PlannedMonth, plan_months
from caopo.salary_scales.codes import scale_code
from caopo.salary_scales.periodiek import top_step
from caopo.schema.allowances import YearlyAllowance, YearlyAllowanceRow

__all__ = ["BINDING", "OCTOBER", "bindingstoelage", "oktobertoelage", "yearly_allowance_rule"]

BINDING = "bindingstoelage"
OCTOBER = "oktobertoelage"
MONTHS_PER_YEAR = 12
"""A yearly amount accrues by twelfths (calendar arithmetic, not a payment month)."""


def yearly_allowance_rule(
    table: str, on: date | str, *, as_known_on: date | str | None = None
) -> YearlyAllowance:
    """The version of the yearly toelage *table* (``bindingstoelage``, ``oktobertoelage``)
    in force on *on*."""
    return rule_lookup(YearlyAllowance, table, on, as_known_on)


def _in_force(table: str, month: date, as_known_on: date | None) -> YearlyAllowance | None:
    """The version of *table* in force in *month* (``None`` where there is none: before
    the toelage existed), remembered per snapshot for the year's months."""
    key = ("yearly_allowance_in_force", table, month, as_known_on)
    return remember(key, lambda: _version_or_none(table, month, as_known_on))


def _version_or_none(table: str, month: date, as_known_on: date | None) -> YearlyAllowance | None:
    try:
        return yearly_allowance_rule(table, month, as_known_on=as_known_on)
    except NoDataForDateError:
        return None


def _at_top(employment: Employment, step: int, day: date) -> bool:
    """Whether *step* is the top step on *day*; below the least number of treden the scale
    is known to have (``steps_at_least``, e.g. D12 from 2022) it is not, though the top
    itself is not published. Remembered per snapshot (a pure function of the tables)."""
    key = ("yearly_allowance_at_top", employment.scale, step, day)
    return remember(key, lambda: _top(employment.scale, step, day))


def _top(scale: str, step: int, day: date) -> bool:
    period = scale_code(scale).period(day)
    top = top_step(period, on=day)
    if top is not None:
        return step >= top
    if period.steps_at_least is not None and step < period.steps_at_least:
        return False
    bound = "" if period.steps_at_least is None else f" (at least {period.steps_at_least})"
    raise NotPublishedError(
        f"{scale} on {day}: the number of treden is not published{bound}, so "
        f"whether trede {step} is the top step (which decides the toelage) cannot be told; "
        "a complete table of the scale (caopo.use_tables) tells it"
    )


def _rows(version: YearlyAllowance, employment: Employment) -> list[YearlyAllowanceRow]:
    """The rows that hold the employment's category and scale (any step)."""
    return [r for r in version.rows if r.holds(employment.category, employment.scale)]


def _row(version: YearlyAllowance, employment: Employment, step: int, day: date) -> Decimal:
    """The yearly amount for *step* on *day* (0 where no row holds it); a row without an
    amount raises."""
    rows = _rows(version, employment)
    position = "top" if _at_top(employment, step, day) else "below_top"
    found: YearlyAllowanceRow | None = next((r for r in rows if r.steps == position), None)
    if found is None:
        return Decimal(0)
    if found.amount is None:
        raise NotPublishedError(
            f"{version.allowance} {version.effective_from} for {employment.scale} trede {step} "
            f"({position.replace('_', ' ')}): {found.not_read}; strict=False (caopo income "
            f"--lenient) shows the year with this line missing"
        )
    return found.amount


@dataclass(frozen=True, slots=True)
class _Accrued:
    exact: Decimal
    refs: tuple[Reference, ...]
    version: YearlyAllowance


def _on_payment_day(version: YearlyAllowance, context: PayContext, paid: date) -> _Accrued | None:
    employment = context.employment
    if not _rows(version, employment):
        return None
    plan = plan_months(employment, [paid])
    if not plan.months or plan.months[0].segments[0].start != paid:
        return None  # not in service on the first day of the payment month
    step = plan.months[0].segments[0].change.held()
    amount = _row(version, employment, step, paid)
    if amount == 0:
        return None
    return _Accrued(amount * employment.fte, (reference(version),), version)


def _monthly(table: str, context: PayContext, paid: date, since: int) -> _Accrued | None:
    employment = context.employment
    months = months_from(since_last(paid, since), paid)
    this_year = [m for m in context.plan.months if months[0] <= m.month <= paid]
    earlier = [  # only the months with a version in force are planned
        m
        for m in months
        if m.year < context.year and _in_force(table, m, context.as_known_on) is not None
    ]
    exact, refs, last = Fraction(0), list[Reference](), None
    for month in (*plan_months(employment, earlier).months, *this_year):
        version = _in_force(table, month.month, context.as_known_on)
        if version is None:
            continue  # before the toelage existed: nothing accrues
        if not _rows(version, employment):
            continue
        for segment in month.segments:
            amount = _row(version, employment, segment.change.held(), segment.start)
            if amount:
                # a twelfth of the days' share, kept exact: 1/31 has no exact Decimal
                exact += (
                    Fraction(amount * employment.fte)
                    * segment.days
                    / (MONTHS_PER_YEAR * month.days)
                )
                refs.append(reference(version))
                last = version
    if last is None:
        return None
    return _Accrued(round_quotient(Decimal(exact.numerator), exact.denominator), tuple(refs), last)


def _leaving_month(context: PayContext) -> PlannedMonth | None:
    """The last month of service where the employment ends in the year: a monthly accrual
    is paid in it (as the eindejaarsuitkering and the jaarlijkse uitkering OOP are)."""
    last = context.plan.months[-1]
    end = context.employment.end
    return last if end is not None and end < add_months(last.month, 1) else None


def _post(table: str, context: PayContext) -> tuple[Entry, ...]:
    if not catalog().series(table, YearlyAllowance).versions:
        return ()
    entries: list[Entry] = []
    leaving = _leaving_month(context)
    for month in context.plan.months:
        version = _in_force(table, month.month, context.as_known_on)
        if version is None:
            continue
        on_leaving = version.accrual == "monthly" and month is leaving
        if month.month.month != version.paid_in_month and not on_leaving:
            continue
        try:
            if version.accrual == "payment_day":
                accrued = _on_payment_day(version, context, month.month)
            else:
                accrued = _monthly(table, context, month.month, version.paid_in_month)
        except CaopoError as exc:
            entries.append(Gap(month.month, table, exc))
            continue
        if accrued is None:
            continue
        rule = accrued.version
        basis = (
            f"{table}: yearly amount x werktijdfactor {context.employment.fte}, "
            f"{'in full on' if rule.accrual == 'payment_day' else 'accrued monthly up to'} "
            f"{month.month:%Y-%m} ({rule.cao}; see the data file's notes for the readings)"
        )
        line = Line.of(table, accrued.exact, accrued.refs, basis, rule.sources)
        entries.append(Posting(month.month, line))
    return tuple(entries)


def bindingstoelage(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """The bindingstoelage line of the year (August 2022-2024), where one is due."""
    return _post(BINDING, context)


def oktobertoelage(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """The oktobertoelage line of the year (October, from 2025), where one is due."""
    return _post(OCTOBER, context)
