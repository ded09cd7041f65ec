"""Money and factors: the one place that knows the quantum and the rounding mode.

Amounts are :class:`decimal.Decimal` from the data file to the return value.
Intermediate results stay unrounded; a public function rounds once, here, with an
explicit rounding mode (``ROUND_HALF_UP``: the commercial rounding payroll uses,
``2.665 -> 2.67``), never with the ambient context (which rounds half-even).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from math import floor

from caopo.errors import InvalidInputError, shown

__all__ = [
    "CENT",
    "ROUNDING",
    "Number",
    "quantize",
    "round_cents",
    "round_quotient",
    "to_decimal",
]

CENT = Decimal("0.01")
ROUNDING = ROUND_HALF_UP

Number = Decimal | int | str
"""What public functions accept for an amount or a factor. ``float`` is refused:
``0.1`` has no exact binary value, so it cannot be trusted with a euro."""


def to_decimal(value: object, *, name: str = "value") -> Decimal:
    """Return *value* as a finite Decimal; refuse floats, bools and junk.

    >>> to_decimal("0.8", name="fte")
    Decimal('0.8')
    >>> to_decimal(0.8, name="fte")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: fte must be a Decimal, int or str, not float 0.8; write Decimal('0.8') or '0.8' to keep it exact
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        hint = ""
        if isinstance(value, float):
            hint = f"; write Decimal('{value!r}') or '{value!r}' to keep it exact"
        raise InvalidInputError(
            f"{name} must be a Decimal, int or str, not {type(value).__name__} {shown(value)}{hint}"
        )
    try:
        result = (
            Decimal(value.strip().replace(",", ".")) if isinstance(value, str) else Decimal(value)
        )
    except InvalidOperation:
        raise InvalidInputError(f"{name} {shown(value)} is not a number") from None
    if not result.is_finite():
        raise InvalidInputError(f"{name} {shown(value)} is not a finite number")
    return result


def quantize(amount: Decimal, quantum: Decimal) -> Decimal:
    """Round *amount* once to *quantum* (e.g. ``Decimal(1)`` or :data:`CENT`), half up.

    >>> quantize(Decimal("3622.298"), Decimal(1))
    Decimal('3622')
    """
    return amount.quantize(quantum, rounding=ROUNDING)


def round_cents(amount: Decimal) -> Decimal:
    """Round *amount* once to whole cents, half up: the one rounding point for euros.

    >>> round_cents(Decimal("2.665"))
    Decimal('2.67')
    """
    return quantize(amount, CENT)


def round_quotient(numerator: Decimal, denominator: int) -> Decimal:
    """``numerator / denominator`` rounded once to whole cents, half up, from the exact
    quotient: a part month is amount x werktijdfactor x days / days in the month, and
    ``1/28``, ``1/30`` and ``1/31`` have no exact Decimal, so the division is done in
    :class:`fractions.Fraction` and is the last step before the one rounding.

    >>> round_quotient(Decimal("2563.00") * Decimal("0.7") * 1, 28)  # 64.075 exactly
    Decimal('64.08')
    >>> round_quotient(Decimal("-0.05"), 2)
    Decimal('-0.03')
    """
    if denominator <= 0:
        raise InvalidInputError(f"a quotient needs a positive denominator, not {denominator}")
    cents = abs(Fraction(numerator) * 100 / denominator)
    rounded = floor(cents + Fraction(1, 2))
    return Decimal(-rounded if numerator < 0 else rounded).scaleb(-2)
