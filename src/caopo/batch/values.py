"""The frame-value adapter: a cell of a DataFrame (or of a CSV read as text) as the value
the one parser of its concept in :mod:`caopo.inputs` reads.

A frame holds what its reader made of the file: numpy integers and floats, ``NaN`` and
``NaT`` for empty cells, pandas ``Timestamp`` for dates. This module only turns those into
plain Python values and applies the **float policy**; every reading itself is done by
:func:`caopo.inputs.to_fte`, :func:`~caopo.inputs.to_step`, :func:`~caopo.inputs.to_date`
and :func:`~caopo.inputs.scale_text`, so a batch accepts and refuses what the scalar
functions do.

The float policy (a float has no exact decimal value, so it is read only where that
cannot change a cent):

* a werktijdfactor float (and a distance or days a week) is accepted only within ``1e-9`` of a number with at most four
  decimals (the CAO's precision, e.g. ``0.4125``), and converted exactly to that number;
  any other float is refused, naming the value;
* a step (or a numeric scale) that is an integral float (``5.0``) is read as ``5``;
* ``NaN``, ``NaT``, ``None`` and a blank text are empty: a row error for a required value.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from caopo.errors import InvalidInputError, shown
from caopo.inputs import (
    Category,
    scale_text,
    to_category,
    to_date,
    to_days_per_week,
    to_fte,
    to_km,
    to_step,
)

__all__ = [
    "FTE_DECIMALS",
    "FTE_TOLERANCE",
    "is_empty",
    "optional",
    "plain",
    "to_frame_category",
    "to_frame_date",
    "to_frame_days_per_week",
    "to_frame_fte",
    "to_frame_km",
    "to_frame_scale",
    "to_frame_step",
]

FTE_DECIMALS = 4
"""The precision of a werktijdfactor: at most four decimals (e.g. 0.4125), as
:func:`caopo.inputs.to_fte` requires of text and Decimal too (Rechtspositiebesluit WPO/WEC
art. 1 sub g)."""
FTE_TOLERANCE = 1e-9
"""How far a float werktijdfactor may be from its four-decimal number (binary noise)."""

_EMPTY_TYPES = frozenset({"NAType", "NaTType"})


def plain(value: object) -> object:
    """A frame cell as a plain Python value: numpy scalars to ``int``/``float``/``str``,
    a ``Timestamp`` or ``datetime64`` at midnight (no time zone) to a ``date``.

    A date-time with a time of day stays a ``datetime`` (which :func:`caopo.inputs.to_date`
    refuses, naming it).

    >>> plain(datetime(2025, 1, 1)), plain(datetime(2025, 1, 1, 9, 30))
    (datetime.date(2025, 1, 1), datetime.datetime(2025, 1, 1, 9, 30))
    """
    if type(value).__name__ == "datetime64":
        value = value.astype("datetime64[us]").item()  # type: ignore[attr-defined]
    elif hasattr(value, "to_pydatetime") and type(value).__name__ not in _EMPTY_TYPES:
        value = value.to_pydatetime()
    elif type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if (
        isinstance(value, datetime)
        and value.tzinfo is None
        and value == datetime.combine(value.date(), datetime.min.time())
    ):
        return value.date()
    return value


def is_empty(value: object) -> bool:
    """``None``, ``NaN``, ``NaT``, ``pd.NA`` or blank text: a cell with nothing in it.

    >>> is_empty(float("nan")), is_empty(" "), is_empty(0)  # float-ok
    (True, True, False)
    """
    if value is None or type(value).__name__ in _EMPTY_TYPES:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if type(value).__name__ == "datetime64":  # numpy's NaT is not equal to itself
        return bool(value != value)
    return isinstance(value, str) and not value.strip()


def _filled(value: object, name: str) -> object:
    if is_empty(value):
        raise InvalidInputError(f"{name} is empty")
    return plain(value)


def _whole_float(value: float, name: str) -> int:  # float-ok
    if not value.is_integer():
        raise InvalidInputError(f"{name} must be a whole number, not the float {shown(value)}")
    return int(value)


def to_frame_step(value: object, *, name: str) -> int:
    """A step (trede) from a frame: an integral float (``5.0``) is ``5``.

    >>> to_frame_step(5.0, name="column 'trede'")
    5
    >>> to_frame_step(float("nan"), name="column 'trede'")  # float-ok
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: column 'trede' is empty
    """
    cell = _filled(value, name)
    return to_step(_whole_float(cell, name) if isinstance(cell, float) else cell, name=name)


def to_frame_scale(value: object, *, name: str) -> str:
    """A scale code from a frame: a numeric scale read as an integral float (``8.0``) is
    ``"8"``."""
    cell = _filled(value, name)
    return scale_text(_whole_float(cell, name) if isinstance(cell, float) else cell, name=name)


def to_frame_date(value: object, *, name: str) -> date:
    """A date from a frame: a ``date``, ISO text, or a date-time at midnight."""
    return to_date(_filled(value, name), name=name)


def to_frame_category(value: object, *, name: str) -> Category:
    """A category of staff from a frame, any spelling :func:`caopo.inputs.to_category` reads."""
    return to_category(_filled(value, name), name=name)


def to_frame_fte(value: object, *, name: str) -> Decimal:
    """A werktijdfactor from a frame, under the float policy of this module.

    >>> to_frame_fte(0.4125, name="column 'fte'"), to_frame_fte(0.1 + 0.7, name="column 'fte'")
    (Decimal('0.4125'), Decimal('0.8'))
    >>> to_frame_fte(0.41255, name="column 'fte'")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: column 'fte' 0.41255 is a float with more than 4 decimals (the CAO's precision); give it as text or Decimal
    """
    return to_fte(_decimal(value, name), name=name)


def to_frame_km(value: object, *, name: str) -> Decimal:
    """A one-way commuting distance from a frame (float policy as the werktijdfactor)."""
    return to_km(_decimal(value, name), name=name)


def to_frame_days_per_week(value: object, *, name: str) -> Decimal:
    """Travel days a week from a frame (float policy as the werktijdfactor)."""
    return to_days_per_week(_decimal(value, name), name=name)


def optional(parse: Callable[..., object]) -> Callable[..., object]:
    """*parse*, where an empty cell means "not given" (``None``): an end date, a
    category, a commute."""

    def read(value: object, *, name: str) -> object:
        return None if is_empty(value) else parse(value, name=name)

    return read


def _decimal(value: object, name: str) -> object:
    cell = _filled(value, name)
    return _float_decimal(cell, name) if isinstance(cell, float) else cell


def _float_decimal(value: float, name: str) -> Decimal:  # float-ok
    if not math.isfinite(value):
        raise InvalidInputError(f"{name} {shown(value)} is not a finite number")
    scaled = round(value * 10**FTE_DECIMALS)
    if abs(value - scaled / 10**FTE_DECIMALS) > FTE_TOLERANCE:
        raise InvalidInputError(
            f"{name} {shown(value)} is a float with more than {FTE_DECIMALS} decimals (the CAO's "
            f"precision); give it as text or Decimal"
        )
    return Decimal(scaled) / Decimal(10) ** FTE_DECIMALS
