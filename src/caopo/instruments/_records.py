"""Rows of a table the caller passes in: a pandas DataFrame or a sequence of mappings.

Column names are read without regard to case or surrounding spaces; other columns are
ignored (a payroll export has many). A numpy scalar from a DataFrame is read as its Python
value (``int64`` as ``int``; a float stays a float, which the parsers refuse). A missing required column, or a row that is not a
mapping, raises :class:`~caopo.errors.InvalidInputError` naming the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from caopo.errors import InvalidInputError, shown

__all__ = ["Row", "records"]

Row = dict[str, object]


def _rows_of(table: object, name: str) -> list[object]:
    to_dict = getattr(table, "to_dict", None)
    if callable(to_dict) and hasattr(table, "columns"):
        found: Any = to_dict(orient="records")
        return list(found)
    if isinstance(table, (str, bytes, Mapping)) or not isinstance(table, Iterable):
        raise InvalidInputError(
            f"{name} must be a DataFrame or a sequence of mappings, not {shown(table)}"
        )
    return list(table)


def _plain(value: object) -> object:
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        found: object = item()
        return found
    return value


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
        columns = {str(key).strip().lower(): _plain(value) for key, value in row.items()}
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
