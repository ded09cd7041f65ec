"""Dates as the CAO uses them. No implicit "today": every date is passed in.

* The school year (schooljaar) runs from 1 August to 31 July.
* The periodiek (one step up) is granted on 1 August.
* The teldatum (pupil count date) is 1 October.
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from caopo.errors import InvalidInputError

__all__ = ["add_months", "add_years", "to_date"]


def to_date(value: object, *, name: str = "on") -> date:
    """Return *value* as a :class:`datetime.date`; accept a date or an ISO string.

    A ``datetime`` is refused: CAO rules work on calendar days, and silently
    dropping a time (or a time zone) would hide a mistake.

    >>> to_date("2024-03-01")
    datetime.date(2024, 3, 1)
    >>> to_date("1 maart")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: on must be a date or an ISO date string like '2024-03-01', not '1 maart'
    """
    if isinstance(value, datetime):
        raise InvalidInputError(f"{name} must be a date, not a datetime ({value!r}); use .date()")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidInputError(
        f"{name} must be a date or an ISO date string like '2024-03-01', not {value!r}"
    )


def add_years(day: date, years: int) -> date:
    """*day* plus whole calendar years; 29 February falls back to 28 February.

    >>> add_years(date(2016, 2, 29), 5)
    datetime.date(2021, 2, 28)
    """
    result: date = day + relativedelta(years=years)
    return result


def add_months(day: date, months: int) -> date:
    """*day* plus whole calendar months; a missing day falls back to the month's last day.

    >>> add_months(date(2019, 8, 31), 6)
    datetime.date(2020, 2, 29)
    """
    result: date = day + relativedelta(months=months)
    return result
