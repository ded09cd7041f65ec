"""The exit codes of the ``caopo`` command, defined once (documented in docs/cli.md).

>>> exit_code(NoDataForDateError("no table in force"))
3
"""

from __future__ import annotations

from caopo.errors import (
    CaopoError,
    NoDataForDateError,
    NoEquivalenceError,
    NotPublishedError,
    OverspendingError,
)

__all__ = ["FAILED", "NO_DATA", "OK", "USAGE", "exit_code"]

OK = 0
"""Everything asked was answered."""
FAILED = 1
"""A row or a calculation failed: a batch row that could not be priced, an unfunded budget."""
USAGE = 2
"""The command line or an input value is wrong (a bad option, a date that is not a date,
a scale or step that does not exist)."""
NO_DATA = 3
"""The input is fine, but caopo has no data for the date or the cell asked (no table in
force, a cell no source printed, no published equivalence)."""

_NO_DATA_ERRORS = (NoDataForDateError, NotPublishedError, NoEquivalenceError)


def exit_code(error: CaopoError) -> int:
    """The exit code that reports *error*: :data:`NO_DATA` for missing data,
    :data:`FAILED` for a failed calculation, :data:`USAGE` for any other bad input."""
    if isinstance(error, _NO_DATA_ERRORS):
        return NO_DATA
    if isinstance(error, OverspendingError):
        return FAILED
    return USAGE
