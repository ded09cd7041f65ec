"""Vectorised pieces of a batch: factorise columns, and apply a werktijdfactor in integer
cents exactly as :func:`caopo.salary` rounds it.

With pandas installed (``caopo[pandas]``, which brings numpy) a column is factorised by
``pandas.factorize`` and the cents are numpy integer arrays; without it the same steps
run on Python lists. Both give the same codes and the same cents.

The rounding: :func:`caopo.salary` returns ``round_cents(amount * fte)``, half up
(:mod:`caopo.money`). With the full-time amount ``A / 10**m`` and the werktijdfactor
``F / 10**k`` (both exact, as integers), the salary in cents is
``floor(A * F * 100 / 10**(m + k) + 1/2) = (2 * A * F * 100 + D) // (2 * D)`` with
``D = 10**(m + k)``: integer arithmetic, no float anywhere. Where those products could
overflow 64 bits the arrays hold Python integers instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

__all__ = [
    "Codes",
    "cents",
    "combine",
    "constant",
    "factorise",
    "filled",
    "pandas",
    "rows_where",
    "scaled",
    "take",
    "without_pandas",
]

Codes = Any
"""One code per row: a numpy integer array (with pandas) or a list of ints."""

_INT64_SAFE = 2**62


_PURE_PYTHON: ContextVar[bool] = ContextVar("caopo_batch_pure_python", default=False)


@contextmanager
def without_pandas() -> Iterator[None]:
    """Within this block a batch takes the pure-Python path, pandas installed or not (the
    command line: a call prices one file and need not pay for importing pandas)."""
    token = _PURE_PYTHON.set(True)
    try:
        yield
    finally:
        _PURE_PYTHON.reset(token)


def pandas() -> Any:
    """The pandas module, or ``None`` where the optional extra is not installed or the
    caller is :func:`without_pandas`."""
    if _PURE_PYTHON.get():
        return None
    try:
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    return pd


def factorise(values: Any) -> tuple[Codes, list[Any]]:
    """One code per row and the distinct values, in the order they first appear.

    >>> codes, distinct = factorise(["LB", "LC", "LB"])
    >>> [int(c) for c in codes], distinct
    ([0, 1, 0], ['LB', 'LC'])
    """
    if hasattr(values, "to_numpy") and type(values).__module__.startswith("polars"):
        values = values.to_numpy()
    pd = pandas()
    if pd is not None:
        if isinstance(values, (list, tuple)) or not hasattr(values, "dtype"):
            values = pd.Series(list(values), dtype=object)
        codes, uniques = pd.factorize(values)
        found = list(uniques)
        empty = codes < 0  # an empty cell (NaN, NaT, None): one more distinct value
        if empty.any():
            codes[empty] = len(found)
            found.append(None)
        return codes, found
    lookup: dict[tuple[type, Any], int] = {}
    distinct: list[Any] = []
    codes_list: list[int] = []
    for value in values:
        key = (type(value), value)
        code = lookup.get(key)
        if code is None:
            code = lookup[key] = len(distinct)
            distinct.append(value)
        codes_list.append(code)
    return codes_list, distinct


def constant(length: int) -> Codes:
    """Code 0 for every row: one value given for the whole batch."""
    pd = pandas()
    if pd is not None:
        import numpy as np

        return np.zeros(length, dtype=np.intp)
    return [0] * length


def filled(length: int, value: object, like: Codes) -> Any:
    """*value* in every row: a numpy object array where *like* is numpy, else a list."""
    if isinstance(like, list):
        return [value] * length
    import numpy as np

    return np.full(length, value, dtype=object)


def combine(
    columns: Sequence[tuple[Codes, int]], length: int
) -> tuple[Codes, list[tuple[int, ...]]]:
    """Factorise rows by several columns at once: one code per row and, per code, the
    tuple of column codes it stands for. *columns* are (codes, number of distinct)."""
    if pandas() is None:
        lookup: dict[tuple[int, ...], int] = {}
        codes = [
            lookup.setdefault(row, len(lookup))
            for row in zip(*(c for c, _ in columns), strict=True)
        ]
        return codes, list(lookup)
    key: Codes = constant(length).astype("int64")
    tuples: list[tuple[int, ...]] = [()]
    sizes: list[int] = []  # the columns folded into *key* since it was last factorised
    for codes, size in columns:
        if math.prod(sizes) * size * len(tuples) >= _INT64_SAFE:
            key, tuples = _refactorise(key, sizes, tuples)
            sizes = []
        key = key * size + codes
        sizes.append(size)
    return _refactorise(key, sizes, tuples)


def _refactorise(
    key: Codes, sizes: list[int], tuples: list[tuple[int, ...]]
) -> tuple[Codes, list[tuple[int, ...]]]:
    """Factorise *key* (the codes of *tuples* times the *sizes*, mixed-radix) and decode
    each distinct key into its tuple of column codes."""
    codes, uniques = factorise(key)
    decoded = []
    for unique in uniques:
        rest, digits = int(unique), []
        for size in reversed(sizes):
            rest, digit = divmod(rest, size)
            digits.append(digit)
        decoded.append((*tuples[rest], *reversed(digits)))
    return codes, decoded


def rows_where(flags: Sequence[bool], codes: Codes) -> list[int]:
    """The rows (from 0, in order) whose code's flag is set.

    >>> rows_where([False, True], [0, 1, 1, 0])
    [1, 2]
    """
    if isinstance(codes, list):
        return [row for row, code in enumerate(codes) if flags[code]]
    import numpy as np

    return [int(r) for r in np.flatnonzero(np.array(flags, dtype=bool)[codes])]


def scaled(values: Sequence[Decimal | None]) -> tuple[list[int], int]:
    """Exact integers and their common number of decimals: ``[3868.00, 0.8]`` ->
    ``([386800, 80], 2)``; ``None`` (no value) becomes 0."""
    places = max((-int(v.as_tuple().exponent) for v in values if v is not None), default=0)
    places = max(places, 0)
    return [0 if v is None else int(v.scaleb(places)) for v in values], places


def take(table: Sequence[Any], codes: Codes) -> Any:
    """``table[code]`` for every row (a numpy object array with pandas, else a list)."""
    if isinstance(codes, list):
        return [table[c] for c in codes]
    import numpy as np

    return np.array(list(table), dtype=object)[codes]


def cents(
    amounts: Sequence[Decimal | None],
    amount_codes: Codes,
    factors: Sequence[Decimal | None],
    factor_codes: Codes,
) -> Codes:
    """Per row, ``amounts[a] * factors[f]`` in whole cents, rounded half up (see the module
    docstring); a row whose amount or factor is ``None`` gets 0.

    >>> [int(c) for c in cents([Decimal("3868"), Decimal("3868.00")], [0, 1], [Decimal("0.8"), Decimal("0.4125")], [0, 1])]
    [309440, 159555]
    """
    a, m = scaled(amounts)
    f, k = scaled(factors)
    denominator = 10 ** (m + k)
    if isinstance(amount_codes, list):
        return [
            (200 * a[i] * f[j] + denominator) // (2 * denominator)
            for i, j in zip(amount_codes, factor_codes, strict=True)
        ]
    import numpy as np

    bound = 200 * max(a, default=0) * max(f, default=0) + denominator
    dtype: Any = np.int64 if bound < _INT64_SAFE else object
    rows_a = np.array(a, dtype=dtype)[amount_codes]
    rows_f = np.array(f, dtype=dtype)[factor_codes]
    return (200 * rows_a * rows_f + denominator) // (2 * denominator)
