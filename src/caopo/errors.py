"""The exceptions caopo raises.

Every error is a :class:`CaopoError`. The precise subclasses also inherit the
built-in exception a Python programmer would reach for (``LookupError`` for
"that does not exist", ``ValueError`` for "that is not a valid value"), so
``except LookupError`` keeps working in code that does not know caopo.

Messages name the offending value with ``repr()`` and say what would be valid.
"""

from __future__ import annotations

__all__ = [
    "CaopoError",
    "DataFileError",
    "InvalidInputError",
    "NoDataForDateError",
    "NoEquivalenceError",
    "NotPublishedError",
    "OverspendingError",
    "StepOutOfRangeError",
    "UnknownScaleError",
    "shown",
]


class CaopoError(Exception):
    """Base class of every error raised by caopo."""


class InvalidInputError(CaopoError, ValueError):
    """An argument has the wrong type or a value outside what the CAO allows
    (a float amount, a werktijdfactor of 3, a date that is not a date)."""


class DataFileError(CaopoError, ValueError):
    """A table file is malformed. The message starts with the file's path."""


class UnknownScaleError(CaopoError, LookupError):
    """The scale does not exist on the date asked; the message lists the scales in force."""


class StepOutOfRangeError(CaopoError, LookupError):
    """The scale exists but has no such step (trede); the message lists its steps."""


class NoDataForDateError(CaopoError, LookupError):
    """No version of a table is in force on the date asked (before the first version,
    in a gap, or after the last); the message names the periods that are covered."""


class NotPublishedError(CaopoError, LookupError):
    """The cell exists in the CAO but no shipped source printed it; the message lists
    what is published for that version and why a cell was left out."""


class NoEquivalenceError(CaopoError, LookupError):
    """No published equivalence exists between two scale codes on the date asked (a scale
    lapsed without a mapping, or a numeric level has no code); the message says why."""


class OverspendingError(CaopoError, ValueError):
    """Spending exceeds the professionalisation budget available at the time
    (raised by ``BudgetStatement.check()``; the ledger itself reports it as ``unfunded``)."""


def shown(value: object, *, limit: int = 60) -> str:
    """``repr(value)`` for an error message, cut to *limit* characters: a million-digit
    number or a 128 KiB string is named, not printed.

    >>> shown(10**5000)
    '<int of about 5001 digits>'
    >>> shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... (102 characters)"
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"<int of about {int(value.bit_length() * 0.30103) + 1} digits>"
    try:
        text = repr(value)
    except ValueError:  # a container holding a 5,000-digit int has no repr
        return f"<{type(value).__name__} holding a number too long to show>"
    except Exception:  # a hostile __repr__: name the type, never let it escape
        return f"<{type(value).__name__} that cannot be shown>"
    return text if len(text) <= limit else f"{text[: limit - 2]}... ({len(text)} characters)"
