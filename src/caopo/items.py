"""The one reader of a list (or mapping) given as input: bounded before any work is done.

A public function that takes a list of months, spendings, dates, staff rows or a mapping of
years reads it through :func:`to_items` (a mapping through :func:`to_pairs`): a string, a single
value or a mapping where a list is wanted is refused, and a list longer than its documented bound is refused before one item
is parsed (a generator is read only up to one item past the bound). The bounds are input
guards, not CAO figures: far above any real use, low enough that junk cannot make a call slow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sized
from datetime import date
from itertools import islice

from caopo.errors import InvalidInputError, shown

__all__ = [
    "MAX_DATES",
    "MAX_MONTHS",
    "MAX_ROWS",
    "MAX_SPENDINGS",
    "MAX_YEAR_ENTRIES",
    "check_length",
    "to_items",
    "to_pairs",
]

MAX_MONTHS = 1_200
"""Months in one call (back pay): a hundred years."""
MAX_SPENDINGS = 10_000
"""Spendings in one budget statement."""
MAX_ROWS = 100_000
"""Rows of a table passed in (functiemix staff, AVS members)."""
MAX_YEAR_ENTRIES = 200
"""Entries of a mapping by year (days worked per school year, werktijdfactor per year)."""
MAX_DATES = 1_000
"""Dates in one list (re-registrations)."""


def _refuse_length(name: str, at_most: int, found: str) -> InvalidInputError:
    return InvalidInputError(
        f"{name} has {found} items; at most {at_most} are read in one call (an input guard, "
        f"not a CAO figure): split the call"
    )


def check_length(count: int, *, name: str, at_most: int) -> None:
    """Refuse *count* items of *name* above *at_most* (for a table measured before it is
    converted, such as a DataFrame)."""
    if count > at_most:
        raise _refuse_length(name, at_most, str(count))


def _bounded(source: Iterable[object], name: str, at_most: int) -> tuple[object, ...]:
    if isinstance(source, Sized):
        check_length(len(source), name=name, at_most=at_most)
    items = tuple(islice(source, at_most + 1))
    if len(items) > at_most:
        raise _refuse_length(name, at_most, f"more than {at_most}")
    return items


def to_items(value: object, *, name: str, at_most: int, expected: str) -> tuple[object, ...]:
    """The items of the list (any iterable but a string, a mapping or a date) *value*, at
    most *at_most* of them; *expected* says what was wanted (``"a list of months like
    ['2021-01']"``) in the error for anything else.

    >>> to_items(["2021-01", "2021-02"], name="months", at_most=1200, expected="a list")
    ('2021-01', '2021-02')
    >>> to_items(["2021-01"] * 2000, name="months", at_most=1200, expected="a list")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: months has 2000 items; at most 1200 are read in one call (an input guard, not a CAO figure): split the call
    """
    if isinstance(value, (str, bytes, Mapping, date)) or not isinstance(value, Iterable):
        raise InvalidInputError(
            f"{name} must be {expected}, not {type(value).__name__} {shown(value)}"
        )
    return _bounded(value, name, at_most)


def to_pairs(
    value: object, *, name: str, at_most: int, expected: str
) -> tuple[tuple[object, object], ...]:
    """The ``(key, value)`` pairs of the mapping *value*, at most *at_most* of them.

    >>> to_pairs({2024: 180}, name="days_worked", at_most=200, expected="a mapping")
    ((2024, 180),)
    """
    if not isinstance(value, Mapping):
        raise InvalidInputError(
            f"{name} must be {expected}, not {type(value).__name__} {shown(value)}"
        )
    check_length(len(value), name=name, at_most=at_most)
    return tuple(islice(value.items(), at_most))
