"""The month plan: which months an employment is paid in, and each month split at the days
on which something changes.

A change day is the start or the end of the employment, the first or last day of a salary
table version, or a periodiek date. :func:`plan_months` finds them once for the whole span
asked and cuts every month with them; each part (:class:`Segment`) counts for its
calendar days over the days of the month (kalenderdagenmethode) and carries the step held
in it (:func:`caopo.pay.employment.step_history`, also walked once).
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from caopo.catalog.loader import catalog
from caopo.catalog.state import remember
from caopo.errors import InvalidInputError
from caopo.pay.employment import Employment, StepChange, step_history
from caopo.salary_scales.periodiek import periodiek_dates

__all__ = [
    "MonthPlan",
    "PlannedMonth",
    "Segment",
    "month_bounds",
    "plan_months",
    "plan_year",
    "service_part",
]


def month_bounds(month: date) -> tuple[date, date]:
    """The first day of *month*'s month and the first day of the next month."""
    if type(month) is date:
        return _bounds(month.year, month.month)
    first = month.replace(day=1)
    days = calendar.monthrange(first.year, first.month)[1]
    return first, first + timedelta(days=days)


@lru_cache(maxsize=4096)
def _bounds(year: int, month: int) -> tuple[date, date]:
    """:func:`month_bounds` of a plain date, worked out once per month."""
    first = date(year, month, 1)
    days = calendar.monthrange(first.year, first.month)[1]
    return first, first + timedelta(days=days)


def _in_service(employment: Employment, month: date) -> tuple[date, date] | None:
    first, after = month_bounds(month)
    lo = max(first, employment.start)
    hi = after if employment.end is None else min(after, employment.end + timedelta(days=1))
    return (lo, hi) if lo < hi else None


def service_part(employment: Employment, month: date) -> Decimal:
    """The part of *month* in service: calendar days in service over the days of the month."""
    first, after = month_bounds(month)
    span = _in_service(employment, month)
    if span is None:
        return Decimal(0)
    return Decimal((span[1] - span[0]).days) / Decimal((after - first).days)


@dataclass(frozen=True, slots=True)
class Segment:
    """A part of a month in which nothing changes."""

    start: date
    end: date
    """Exclusive."""
    change: StepChange
    """The step held in the part, and how it came about (or why it is unknown)."""

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def step(self) -> int | None:
        return self.change.step


@dataclass(frozen=True, slots=True)
class PlannedMonth:
    """One month in service, cut at its change days."""

    month: date
    """The first day of the month."""
    days: int
    """The days of the month."""
    segments: tuple[Segment, ...]

    @property
    def served_days(self) -> int:
        """The calendar days of the month in service."""
        return sum(s.days for s in self.segments)

    @property
    def part(self) -> Decimal:
        """The part of the month in service (calendar days); inexact for most part months
        (``1/28``): an amount divides by :attr:`days` last (:func:`caopo.money.round_quotient`)."""
        return Decimal(self.served_days) / Decimal(self.days)

    @property
    def step(self) -> int | None:
        """The step at the end of the month's part in service."""
        return self.segments[-1].step


@dataclass(frozen=True, slots=True)
class MonthPlan:
    """The months of an employment that were asked for and are in service, oldest first."""

    employment: Employment
    months: tuple[PlannedMonth, ...]

    def payment_month(self, year: int, month: int) -> date:
        """The month in which something due in *month* of *year* is paid: that month, or
        the last month in service when the employment ends earlier in the year (final
        settlement), never before the first month in service."""
        in_year = [m.month for m in self.months if m.month.year == year]
        if not in_year:
            raise InvalidInputError(f"the plan has no month of {year} in service")
        due = date(year, month, 1)
        return max(min(due, in_year[-1]), in_year[0])


def _change_days(first: date, after: date) -> set[date]:
    """Every first or last day of a salary table version, and every periodiek date, in
    ``first < day < after``: the one scan of the catalog for a whole plan, remembered per
    snapshot (:func:`caopo.catalog.state.remember`)."""
    return set(remember(("plan_change_days", first, after), lambda: _scan(first, after)))


def _scan(first: date, after: date) -> tuple[date, ...]:
    days = set(periodiek_dates(first, after - timedelta(days=1)))
    for series in catalog().salary_series():
        for start, end in series.periods():
            days.update(d for d in (start, end) if d is not None)
    return tuple(d for d in days if first < d < after)


def _step_at(history: tuple[StepChange, ...], days: list[date], day: date) -> StepChange:
    return history[max(bisect_right(days, day) - 1, 0)]


def plan_months(employment: Employment, months: Iterable[date]) -> MonthPlan:
    """The plan of the *months* (any day means its month) that are in service."""
    wanted = sorted({m.replace(day=1) for m in months})
    spans = {m: s for m in wanted if (s := _in_service(employment, m)) is not None}
    if not spans:
        return MonthPlan(employment, ())
    first, after = min(spans), month_bounds(max(spans))[1]
    cuts = sorted(_change_days(first, after))
    history = step_history(employment, after - timedelta(days=1))
    changed = [c.on for c in history]
    planned: list[PlannedMonth] = []
    for month, (lo, hi) in spans.items():
        inside = [lo, *(c for c in cuts if lo < c < hi), hi]
        segments = tuple(Segment(a, b, _step_at(history, changed, a)) for a, b in pairwise(inside))
        bounds = month_bounds(month)
        planned.append(PlannedMonth(month, (bounds[1] - bounds[0]).days, segments))
    return MonthPlan(employment, tuple(planned))


def plan_year(employment: Employment, year: int) -> MonthPlan:
    """The months of calendar *year* in service; raises where there is none."""
    plan = plan_months(employment, (date(year, m, 1) for m in range(1, 13)))
    if not plan.months:
        raise InvalidInputError(
            f"the employment ({employment.start}..{employment.end or ''}) has no day in {year}"
        )
    return plan
