"""Rows of a table the caller passes in: a pandas DataFrame or a sequence of mappings.

Column names are read without regard to case or surrounding spaces; other columns are
ignored (a payroll export has many). A numpy scalar from a DataFrame is read as its Python
value (``int64`` as ``int``; a float stays a float, which the parsers refuse). A missing
required column, a row that is not a mapping, or two columns that read as the same column
that is read (``FTE`` and ``fte``: which one counts cannot be told) raise
:class:`~caopo.errors.InvalidInputError` naming the row (and the columns).
"""

from __future__ import annotations

from collections.abc import Mapping, Sized
from typing import Any

from caopo.errors import InvalidInputError, shown
from caopo.items import MAX_ROWS, check_length, to_items

__all__ = ["Row", "records"]

Row = dict[str, object]


def _rows_of(table: object, name: str) -> list[object]:
    """The rows of a DataFrame or a sequence, at most :data:`~caopo.items.MAX_ROWS` (a
    DataFrame is measured before it is converted)."""
    to_dict = getattr(table, "to_dict", None)
    if callable(to_dict) and hasattr(table, "columns"):
        if isinstance(table, Sized):
            check_length(len(table), name=name, at_most=MAX_ROWS)
        found: Any = to_dict(orient="records")
        return list(found)
    expected = "a DataFrame or a sequence of mappings"
    return list(to_items(table, name=name, at_most=MAX_ROWS, expected=expected))


def _plain(value: object) -> object:
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        found: object = item()
        return found
    return value


def _columns(row: Mapping[object, object], wanted: set[str], where: str) -> dict[str, object]:
    """*row*'s columns by their read name; two that read as the same wanted name raise."""
    columns: dict[str, object] = {}
    spelled: dict[str, object] = {}
    for key, value in row.items():
        column = str(key).strip().lower()
        if column in spelled and column in wanted:
            raise InvalidInputError(
                f"{where} has the columns {shown(spelled[column])} and {shown(key)}, which both "
                f"read as {column!r}: keep one"
            )
        spelled[column] = key
        columns[column] = _plain(value)
    return columns


def records(
    table: object, *, required: tuple[str, ...], optional: tuple[str, ...] = (), name: str
) -> list[Row]:
    """The rows of *table* as dicts holding the *required* and *optional* columns (an
    optional column left out, empty or NaN is ``None``)."""
    rows = _rows_of(table, name)
    if not rows:
        raise InvalidInputError(f"{name} is empty: give at least one row")
    result = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise InvalidInputError(f"{name} row {number} is not a mapping: {shown(row)}")
        columns = _columns(row, {*required, *optional}, f"{name} row {number}")
        missing = [column for column in required if column not in columns]
        if missing:
            raise InvalidInputError(
                f"{name} row {number} has no {', '.join(missing)} (columns: "
                f"{', '.join(sorted(columns)) or 'none'}); needed: {', '.join(required)}"
            )
        picked: Row = {column: columns[column] for column in required}
        for column in optional:
            value = columns.get(column)
            blank = value is None or value == "" or (isinstance(value, float) and value != value)
            picked[column] = None if blank else value
        result.append(picked)
    return result
