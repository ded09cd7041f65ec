"""How a batch reports a row it could not price: every row (``errors="report"``), or the
first one as an exception (``errors="raise"``).

A row is numbered from 1 in the order of the input (the first row under a CSV header is
row 1). Its message names the row, the value and the reason, e.g. ``row 7: column 'fte'
0.41255 is a float with more than 4 decimals ...``; where several values of a row are
bad, it names each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from caopo.errors import CaopoError, InvalidInputError, shown

__all__ = ["ErrorPolicy", "check_errors", "raise_row", "row_message"]

ErrorPolicy = Literal["report", "raise"]


def check_errors(value: object) -> ErrorPolicy:
    """``"report"`` or ``"raise"``, nothing else."""
    if value == "report":
        return "report"
    if value == "raise":
        return "raise"
    raise InvalidInputError(
        f"errors must be 'report' (an error column, every row) or 'raise' (stop at the "
        f"first bad row), not {shown(value)}"
    )


def row_message(row: int, problems: Sequence[CaopoError]) -> str:
    """``"row 7: <reason>; <reason>"`` (*row* counts from 1)."""
    return f"row {row}: " + "; ".join(str(p) for p in problems)


def raise_row(row: int, problems: Sequence[CaopoError]) -> None:
    """Raise the first problem's error type with the whole row's message."""
    first = problems[0]
    raise type(first)(row_message(row, problems)) from first
