"""Batch salaries for notebooks and payroll runs: many (scale, step, on, fte) rows at once.

``import caopo`` does not import pandas; this module imports it only inside
:func:`salaries`, and only when given a DataFrame (install ``caopo[pandas]``). The cents are
exactly those of :func:`caopo.salary`, row by row (each distinct row is looked up once).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from caopo.errors import InvalidInputError
from caopo.salary_scales.salary import salary

__all__ = ["salaries"]


def _column(source: Any, name: str, length: int | None) -> list[Any]:
    try:
        values = source[name]
    except (KeyError, TypeError):
        raise InvalidInputError(f"no column {name!r} in the input") from None
    values = list(values)
    if length is not None and len(values) != length:
        raise InvalidInputError(
            f"column {name!r} has {len(values)} values, expected {length} like the others"
        )
    return values


def salaries(
    frame_or_columns: Any,
    *,
    scale: str = "scale",
    step: str = "step",
    on: str | date = "on",
    fte: str | Decimal | int | None = "fte",
) -> Any:
    """Monthly salaries for every row, exact :class:`~decimal.Decimal` amounts.

    *frame_or_columns* is a pandas DataFrame (the result is a Series of Decimal with the
    frame's index, ``dtype=object``) or a mapping of column name to sequence (the result is
    a list). *scale*, *step*, *on*, *fte* name the columns; *on* may be a single date for
    every row, *fte* a single value (``None`` means 1). Dates may be ``date`` or ISO
    strings; pandas ``Timestamp`` values are turned into dates. Floats are refused, as in
    :func:`caopo.salary` (use strings or Decimal for the werktijdfactor).

    >>> salaries({"scale": ["LB", "LB"], "step": [5, 6], "on": ["2024-11-01"] * 2, "fte": ["0.8", "1"]})
    [Decimal('3094.40'), Decimal('4001.00')]
    """
    is_frame = hasattr(frame_or_columns, "columns") and hasattr(frame_or_columns, "index")
    if not is_frame and not isinstance(frame_or_columns, Mapping):
        raise InvalidInputError(
            f"expected a pandas DataFrame or a mapping of columns, not "
            f"{type(frame_or_columns).__name__}"
        )
    scales = _column(frame_or_columns, scale, None)
    n = len(scales)
    steps = _column(frame_or_columns, step, n)
    names = _names(frame_or_columns)
    # *on* names a column, or is one date for every row (validated by caopo.salary)
    in_column = isinstance(on, str) and on in names
    days: Sequence[Any] = _column(frame_or_columns, str(on), n) if in_column else [on] * n
    ftes: Sequence[Any]
    if isinstance(fte, str) and fte in names:
        ftes = _column(frame_or_columns, fte, n)
    elif fte is None or fte == "fte":
        ftes = [1] * n  # no werktijdfactor column: full-time
    else:
        ftes = [fte] * n  # one werktijdfactor for every row
    cache: dict[tuple[Any, ...], Decimal] = {}
    out: list[Decimal] = []
    for row in zip(scales, steps, days, ftes, strict=True):
        key = tuple(_plain(v) for v in row)
        if key not in cache:
            s, t, d, f = key
            cache[key] = salary(s, t, on=d, fte=f)
        out.append(cache[key])
    if not is_frame:
        return out
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]  # optional extra, imported only here

    return pd.Series(out, index=frame_or_columns.index, dtype=object, name="salary")


def _names(source: Any) -> set[str]:
    keys = source.columns if hasattr(source, "columns") else source.keys()
    return {str(k) for k in keys}


def _plain(value: Any) -> Any:
    """numpy/pandas scalars to Python values, keeping floats as floats (refused later)."""
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value
