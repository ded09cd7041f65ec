"""Money and factors: the one place that knows the quantum and the rounding mode.

Amounts are :class:`decimal.Decimal` from the data file to the return value.
Intermediate results stay unrounded; a public function rounds once, here, with an
explicit rounding mode (``ROUND_HALF_UP``: the commercial rounding payroll uses,
``2.665 -> 2.67``), never with the ambient context (which rounds half-even).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from caopo.errors import InvalidInputError, shown

__all__ = ["CENT", "ROUNDING", "Number", "quantize", "round_cents", "to_decimal", "truncate"]

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


def truncate(amount: Decimal, quantum: Decimal) -> Decimal:
    """Cut *amount* to *quantum*, towards zero: only where a source's worked example shows
    it (the 57+ leave fraction of the PO-Raad).

    >>> truncate(Decimal("0.054490"), Decimal("0.0001"))
    Decimal('0.0544')
    """
    return amount.quantize(quantum, rounding=ROUND_DOWN)


def round_cents(amount: Decimal) -> Decimal:
    """Round *amount* once to whole cents, half up: the one rounding point for euros.

    >>> round_cents(Decimal("2.665"))
    Decimal('2.67')
    """
    return quantize(amount, CENT)
