"""Money and factors: the one place that knows the quantum and the rounding mode.

Amounts are :class:`decimal.Decimal` from the data file to the return value.
Intermediate results stay unrounded; a public function rounds once, here, with an
explicit rounding mode (``ROUND_HALF_UP``: the commercial rounding payroll uses,
``2.665 -> 2.67``), never with the ambient context (which rounds half-even). The arithmetic
itself runs under :data:`CONTEXT`, whatever precision the caller's ambient context has.
"""

from __future__ import annotations

import re
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from fractions import Fraction

from caopo.errors import InvalidInputError, shown

__all__ = [
    "AMOUNT_MAX",
    "CENT",
    "CONTEXT",
    "ROUNDING",
    "Number",
    "quantize",
    "round_cents",
    "round_fraction",
    "round_quotient",
    "to_amount",
    "to_decimal",
    "truncate",
]

CENT = Decimal("0.01")
ROUNDING = ROUND_HALF_UP
CONTEXT = Context(
    prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow]
)
"""The arithmetic of every computation: Python's default precision, whatever the caller's
ambient context (``decimal.localcontext(prec=4)`` around a call must not change a cent, nor
a remembered answer: :func:`caopo.catalog.state.remember` computes under it)."""

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
    return amount.quantize(quantum, rounding=ROUNDING, context=CONTEXT)


def truncate(amount: Decimal, quantum: Decimal) -> Decimal:
    """Cut *amount* to *quantum*, towards zero: only where a source's worked example shows
    it (the 57+ leave fraction of the PO-Raad).

    >>> truncate(Decimal("0.054490"), Decimal("0.0001"))
    Decimal('0.0544')
    """
    return amount.quantize(quantum, rounding=ROUND_DOWN, context=CONTEXT)


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
    exact integers (the numerator's integer ratio) and is the last step before the one rounding.

    >>> round_quotient(Decimal("2563.00") * Decimal("0.7") * 1, 28)  # 64.075 exactly
    Decimal('64.08')
    >>> round_quotient(Decimal("-0.05"), 2)
    Decimal('-0.03')
    """
    if denominator <= 0:
        raise InvalidInputError(f"a quotient needs a positive denominator, not {denominator}")
    top, bottom = numerator.as_integer_ratio()  # exact, as a Fraction would hold it
    bottom *= denominator
    rounded = (200 * abs(top) + bottom) // (2 * bottom)  # floor(|top / bottom| x 100 + 1/2)
    return Decimal(-rounded if numerator < 0 else rounded).scaleb(-2)


def round_fraction(value: Fraction) -> Decimal:
    """An exact rational amount rounded once to whole cents, half up (away from zero): for
    a sum of part months, each a quotient by its own month length (:func:`round_quotient`).

    >>> round_fraction(Fraction(2563 * 7, 10 * 28) + Fraction(1, 3))
    Decimal('64.41')
    """
    top, bottom = value.numerator, value.denominator
    rounded = (200 * abs(top) + bottom) // (2 * bottom)  # floor(|top / bottom| x 100 + 1/2)
    return Decimal(-rounded if value < 0 else rounded).scaleb(-2)


AMOUNT_MAX = Decimal(10_000_000)
"""The largest euro amount taken as input: above anything one person is paid or spends,
so a typo or junk (``"1e30"``) is refused before any arithmetic."""

_AMOUNT_TEXT = re.compile(r"^([-+]?)(\d{1,12})(?:([.,])(\d{1,20}))?$", re.ASCII)
_GROUPED = re.compile(r"^\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:(?!\1)[.,]\d{1,2})?$", re.ASCII)


def _amount_text(text: str, *, name: str) -> Decimal:
    """A euro amount from text: digits, and at most two decimals after ``.`` or ``,``."""
    match = _AMOUNT_TEXT.match(text.strip())
    if match is None or len(match[4] or "") > 2:
        hint = ""
        if _GROUPED.match(text.strip()):
            hint = (
                "; a thousands separator is not read (Dutch '4.861' is four thousand eight "
                "hundred sixty-one, English '4,861' too): write '4861' or '4861.00'"
            )
        raise InvalidInputError(
            f"{name} {shown(text)} is not an amount in euros with at most two decimals, "
            f"like '4861.00' or '4861,00'{hint}"
        )
    return Decimal(f"{match[1]}{match[2]}.{match[4] or '0'}")


def to_amount(
    value: object,
    *,
    name: str = "amount",
    allow_zero: bool = False,
    at_most: Decimal = AMOUNT_MAX,
) -> Decimal:
    """A euro amount given as input, in cents: a Decimal, int or str above 0 (0 too with
    *allow_zero*) up to *at_most* (default :data:`AMOUNT_MAX`; a caller may guard a
    tighter bound, such as a monthly salary), with at most two decimals.

    Text is plain: digits, then ``.`` or ``,`` and one or two decimals. A third decimal is
    refused, not rounded: ``"4.861"`` and ``"1.000"`` are how Dutch writes 4861 and 1000
    euros, so reading them as EUR 4,86 or EUR 1 would silently lose money.

    >>> to_amount("4861,5"), to_amount(3500), to_amount(Decimal("0.75"))
    (Decimal('4861.50'), Decimal('3500.00'), Decimal('0.75'))
    >>> to_amount("1.000", name="spending amount")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: spending amount '1.000' is not an amount in euros with at most two decimals, like '4861.00' or '4861,00'; a thousands separator is not read (Dutch '4.861' is four thousand eight hundred sixty-one, English '4,861' too): write '4861' or '4861.00'
    """
    amount = (
        _amount_text(value, name=name) if isinstance(value, str) else to_decimal(value, name=name)
    )
    low = "0 or more" if allow_zero else "positive (above 0)"
    if not (amount >= 0 if allow_zero else amount > 0) or amount > at_most:
        raise InvalidInputError(
            f"{name} must be an amount in euros, {low} and at most EUR {at_most}, "
            f"not {shown(value)}"
        )
    if amount != amount.quantize(CENT):
        raise InvalidInputError(
            f"{name} {shown(value)} has more than two decimals; an amount is in whole cents"
        )
    return amount.quantize(CENT)
