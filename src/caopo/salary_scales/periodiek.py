"""The periodiek: one step (trede) up each year, the one rule every caller uses.

The rule is data (``data/mappings/scale_transitions.yaml``, ``periodiek``, sources
ONSONDERWIJS and PORAAD-OMZETTING): on the periodiek date (1 August) the step goes up by
one, up to the maximum of the scale, if in the school year before the employee worked and
was paid for at least ``min_days`` days (60). Careers, annual income, projection and the
garantietoelage all ask this module; none of them knows the date or the 60 days.

The condition counts from the start date: someone appointed on 15 June has 47 days in
service before 1 August and gets no periodiek that year. Where the days actually worked
are known, pass them as ``days_worked`` (school year by the year it starts -> days).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from caopo.errors import InvalidInputError
from caopo.inputs import to_days, to_year
from caopo.items import MAX_YEAR_ENTRIES, to_pairs
from caopo.salary_scales.codes import CodePeriod, periodiek_rule
from caopo.salary_scales.salary import version_holding

__all__ = [
    "Periodiek",
    "check_days_worked",
    "check_min_days",
    "is_periodiek_date",
    "periodiek",
    "periodiek_dates",
    "service_days",
    "top_step",
]


@dataclass(frozen=True, slots=True)
class Periodiek:
    """What the periodiek of one date did to a step."""

    on: date
    step: int | None
    """The step after the periodiek; ``None`` where the scale's number of steps is not
    published and the step would pass the known lower bound (``reason`` says so)."""
    raised: bool
    """Whether the step went up."""
    reason: str
    """``periodiek``, or why there was none (the days, or the maximum)."""


def periodiek_dates(after: date, until: date) -> tuple[date, ...]:
    """The periodiek dates strictly after *after* and up to *until* (inclusive).

    >>> periodiek_dates(date(2024, 8, 1), date(2026, 8, 1))
    (datetime.date(2025, 8, 1), datetime.date(2026, 8, 1))
    """
    rule = periodiek_rule()
    days = (date(year, rule.month, rule.day) for year in range(after.year, until.year + 1))
    return tuple(day for day in days if after < day <= until)


def is_periodiek_date(day: date) -> bool:
    """Whether *day* is a periodiek date (the rule's month and day).

    >>> is_periodiek_date(date(2025, 8, 1)), is_periodiek_date(date(2025, 8, 2))
    (True, False)
    """
    rule = periodiek_rule()
    return (day.month, day.day) == (rule.month, rule.day)


def check_min_days(value: object) -> int | None:
    """*value* as a minimum number of days (a whole number of days, 0..366), or ``None``
    for the rule's own minimum; :class:`InvalidInputError` otherwise."""
    return None if value is None else to_days(value, name="min_days")


def check_days_worked(value: object) -> dict[int, int] | None:
    """*value* as the days worked and paid per school year (by the year it starts), each a
    whole number of days 0..366, or ``None``; :class:`InvalidInputError` otherwise.

    >>> check_days_worked({"2024": "40"})
    {2024: 40}
    >>> check_days_worked({2024: -1})
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: days_worked[2024] must be a whole number of days from 0 to 366, not -1
    """
    if value is None:
        return None
    pairs = to_pairs(
        value,
        name="days_worked",
        at_most=MAX_YEAR_ENTRIES,
        expected="a mapping of school year (the year it starts) to days, like {2024: 180}",
    )
    found: dict[int, int] = {}
    for key, days in pairs:
        year = to_year(key, name="days_worked year")
        if year in found:
            raise InvalidInputError(f"days_worked names school year {year} twice")
        found[year] = to_days(days, name=f"days_worked[{year}]")
    return found


def _year_before(on: date) -> date:
    rule = periodiek_rule()
    return date(on.year - 1, rule.month, rule.day)


def service_days(on: date, *, start: date, end: date | None = None) -> int:
    """Days in service in the school year before the periodiek of *on*, counted from
    *start* (and up to *end*, inclusive, where the employment ended).

    >>> service_days(date(2025, 8, 1), start=date(2025, 6, 15))
    47
    """
    first = max(start, _year_before(on))
    last = on - timedelta(days=1)
    if end is not None:
        last = min(last, end)
    return max((last - first).days + 1, 0)


def periodiek(
    step: int,
    *,
    on: date,
    period: CodePeriod,
    start: date,
    end: date | None = None,
    days_worked: Mapping[int, int] | None = None,
    min_days: int | None = None,
) -> Periodiek:
    """The periodiek of *on* for someone at *step* of a scale in *period* (the scale's
    period on the day before), in service from *start* (to *end*).

    The condition is at least *min_days* (by default the rule's 60) days in the school
    year before: the days in *days_worked* for that year where given, else the days in
    service counted from *start*.

    >>> from caopo.salary_scales.codes import scale_code
    >>> lb = scale_code("LB").period("2025-07-31")
    >>> periodiek(5, on=date(2025, 8, 1), period=lb, start=date(2025, 6, 15)).reason
    'no periodiek: 47 days in service in 2024-2025 (< 60)'
    >>> periodiek(5, on=date(2025, 8, 1), period=lb, start=date(2025, 5, 1)).step
    6
    """
    rule = periodiek_rule()
    if not is_periodiek_date(on):
        raise InvalidInputError(
            f"the periodiek falls on day {rule.day} of month {rule.month}, not on {on}"
        )
    minimum = check_min_days(min_days)
    threshold = rule.min_days if minimum is None else minimum
    school_year = _year_before(on).year
    label = f"{school_year}-{school_year + 1}"
    worked = check_days_worked(days_worked)
    if worked is not None:
        if school_year not in worked:
            raise InvalidInputError(
                f"days_worked has no entry for school year {label} (key {school_year}), "
                f"needed for the periodiek of {on}"
            )
        days, what = worked[school_year], "days worked"
    else:
        days, what = service_days(on, start=start, end=end), "days in service"
    if days < threshold:
        return Periodiek(on, step, False, f"no periodiek: {days} {what} in {label} (< {threshold})")
    top = top_step(period, on=on - timedelta(days=1))
    if top is not None and step >= top:
        return Periodiek(on, step, False, f"periodiek: at the maximum (trede {top})")
    if top is None and (period.steps_at_least is None or step + 1 > period.steps_at_least):
        bound = f" (at least {period.steps_at_least})" if period.steps_at_least else ""
        return Periodiek(
            on,
            None,
            True,
            f"the periodiek of {on} raises trede {step} of {period.code}, but the number of "
            f"treden of {period.code} ({period.describe()}) is not published{bound}",
        )
    return Periodiek(on, step + 1, True, "periodiek")


def top_step(period: CodePeriod, *, on: date) -> int | None:
    """The highest step of the scale in *period* on *on*: the number of steps the scale-code
    data publishes; where it publishes none, the highest step of a salary table in force
    that declares itself ``complete`` (it holds every step of every scale it names);
    otherwise ``None`` (not known).

    >>> from caopo.salary_scales.codes import scale_code
    >>> top_step(scale_code("LB").period("2025-07-31"), on=date(2025, 7, 31))
    12
    """
    if period.steps is not None:
        return period.steps
    version = version_holding(period.code, on)
    if version is None or version.coverage != "complete":
        return None
    return max(version.cells[period.code])
