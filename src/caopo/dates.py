"""Dates as the CAO uses them. No implicit "today": every date is passed in.

* The school year (schooljaar) runs from 1 August to 31 July.
* The teldatum (pupil count date) is 1 October.

(The periodiek date is data: :mod:`caopo.salary_scales.periodiek`.)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from caopo.errors import InvalidInputError, shown
from caopo.inputs import to_date

__all__ = [
    "SCHOOL_YEAR_START",
    "TELDATUM",
    "SchoolYear",
    "add_months",
    "add_years",
    "funded_school_year",
    "months_from",
    "school_year",
    "school_year_of",
    "since_last",
]


def add_years(day: date, years: int) -> date:
    """*day* plus whole calendar years; 29 February falls back to 28 February.

    >>> add_years(date(2016, 2, 29), 5)
    datetime.date(2021, 2, 28)
    """
    return add_months(day, 12 * years)


def add_months(day: date, months: int) -> date:
    """*day* plus whole calendar months; a missing day falls back to the month's last day.

    >>> add_months(date(2019, 8, 31), 6)
    datetime.date(2020, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def since_last(month: date, month_number: int) -> date:
    """The first month after the most recent *month_number* (1-12) before *month*'s
    month (this calendar year or the one before): the first month a payment in *month*
    covers, when the previous payment was in *month_number*.

    >>> since_last(date(2025, 5, 1), 5), since_last(date(2025, 3, 1), 5)
    (datetime.date(2024, 6, 1), datetime.date(2024, 6, 1))
    >>> since_last(date(2025, 9, 1), 5)
    datetime.date(2025, 6, 1)
    """
    year = month.year if month.month > month_number else month.year - 1
    return add_months(date(year, month_number, 1), 1)


def months_from(first: date, last: date) -> list[date]:
    """The first days of the months from *first*'s month up to and including *last*'s.

    >>> months_from(date(2024, 11, 1), date(2025, 1, 31))
    [datetime.date(2024, 11, 1), datetime.date(2024, 12, 1), datetime.date(2025, 1, 1)]
    """
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return [add_months(first.replace(day=1), k) for k in range(count)]


SCHOOL_YEAR_START = (8, 1)
"""(month, day) a school year starts: 1 August (WPO; see docs/design.md, decision 11)."""

TELDATUM = (10, 1)
"""(month, day) of the pupil count: 1 October (Besluit bekostiging WPO)."""

_SCHOOL_YEAR_TEXT = re.compile(r"^\s*(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})\s*$", re.ASCII)


@dataclass(frozen=True, order=True, slots=True)
class SchoolYear:
    """A school year (schooljaar): 1 August of :attr:`first_year` up to 1 August of the next
    calendar year (exclusive). Written ``"2013-2014"``; not a calendar year.

    >>> year = school_year("2013-2014")
    >>> year.start, year.end, year.teldatum
    (datetime.date(2013, 8, 1), datetime.date(2014, 8, 1), datetime.date(2013, 10, 1))
    >>> str(year.next()), str(year)
    ('2014-2015', '2013-2014')
    """

    first_year: int

    def __post_init__(self) -> None:
        if isinstance(self.first_year, bool) or not isinstance(self.first_year, int):
            raise InvalidInputError(f"first_year must be an int, not {shown(self.first_year)}")
        if not 1900 <= self.first_year <= 2199:
            raise InvalidInputError(
                f"school year {shown(self.first_year)} is out of range 1900..2199"
            )

    @property
    def start(self) -> date:
        """1 August of the first calendar year (inclusive)."""
        return date(self.first_year, *SCHOOL_YEAR_START)

    @property
    def end(self) -> date:
        """1 August of the next calendar year (exclusive)."""
        return date(self.first_year + 1, *SCHOOL_YEAR_START)

    @property
    def teldatum(self) -> date:
        """1 October inside this school year: the pupil count date (teldatum)."""
        return date(self.first_year, *TELDATUM)

    def next(self) -> SchoolYear:
        return SchoolYear(self.first_year + 1)

    def previous(self) -> SchoolYear:
        return SchoolYear(self.first_year - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end

    def __str__(self) -> str:
        return f"{self.first_year}-{self.first_year + 1}"


def school_year(value: object, *, name: str = "school_year") -> SchoolYear:
    """Parse a school year: ``"2013-2014"``, ``"2013/2014"``, ``"2013-14"`` or a
    :class:`SchoolYear`. The two years must follow each other.

    >>> school_year("2015/16")
    SchoolYear(first_year=2015)
    >>> school_year("2013-2015")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: school_year must be two consecutive years like '2013-2014', not '2013-2015'
    """
    if isinstance(value, SchoolYear):
        return value
    if isinstance(value, str):
        match = _SCHOOL_YEAR_TEXT.match(value)
        if match:
            first = int(match.group(1))
            second_text = match.group(2)
            second = (
                int(second_text)
                if len(second_text) == 4
                else (first // 100) * 100 + int(second_text)
            )
            if len(second_text) == 2 and second < first:
                second += 100
            if second == first + 1:
                return SchoolYear(first)
    raise InvalidInputError(
        f"{name} must be two consecutive years like '2013-2014', not {shown(value)}"
    )


def school_year_of(day: object, *, name: str = "on") -> SchoolYear:
    """The school year a date falls in (1 August to 31 July).

    >>> str(school_year_of("2014-07-31")), str(school_year_of("2014-08-01"))
    ('2013-2014', '2014-2015')
    """
    found = to_date(day, name=name)
    return SchoolYear(
        found.year if (found.month, found.day) >= SCHOOL_YEAR_START else found.year - 1
    )


def funded_school_year(teldatum: object) -> SchoolYear:
    """The school year whose funding a pupil count on the teldatum (1 October) determines:
    the *following* school year (count on 1 October 2014 -> school year 2015-2016).

    >>> str(funded_school_year("2014-10-01"))
    '2015-2016'
    >>> funded_school_year("2014-09-30")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: the teldatum is 1 October, not 2014-09-30
    """
    day = to_date(teldatum, name="teldatum")
    if (day.month, day.day) != TELDATUM:
        raise InvalidInputError(f"the teldatum is 1 October, not {day}")
    return SchoolYear(day.year + 1)
