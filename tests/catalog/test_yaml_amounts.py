"""The field types every schema shares (caopo.schema.base): what an amount, quantum,
percentage, quantity and step in a table file may be."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from caopo.schema.base import (
    MAX_AMOUNT,
    Amount,
    Percentage,
    PositiveQuantity,
    Quantity,
    Quantum,
    Step,
)

AMOUNT: TypeAdapter[Decimal] = TypeAdapter(Amount)
QUANTUM: TypeAdapter[Decimal] = TypeAdapter(Quantum)
PERCENTAGE: TypeAdapter[Decimal] = TypeAdapter(Percentage)
QUANTITY: TypeAdapter[Decimal] = TypeAdapter(Quantity)
POSITIVE_QUANTITY: TypeAdapter[Decimal] = TypeAdapter(PositiveQuantity)
STEP: TypeAdapter[int] = TypeAdapter(Step)


def _refused(adapter: TypeAdapter[Decimal] | TypeAdapter[int], value: object) -> str:
    with pytest.raises(ValidationError) as info:
        adapter.validate_python(value, strict=True)
    return str(info.value)


@given(st.decimals(min_value=Decimal("0.01"), max_value=MAX_AMOUNT - Decimal("0.01"), places=2))
@settings(max_examples=200, deadline=None)
def test_every_amount_with_cents_below_the_bound_is_read_as_is(amount: Decimal) -> None:
    assert AMOUNT.validate_python(amount, strict=True) == amount


@given(st.integers(min_value=3, max_value=12), st.integers(min_value=1, max_value=10**9))
@settings(max_examples=100, deadline=None)
def test_an_amount_with_more_than_two_decimals_is_refused(places: int, digits: int) -> None:
    amount = Decimal(digits).scaleb(-places)
    if amount.as_tuple().exponent == -places and 0 < amount < MAX_AMOUNT:
        assert "at most 2" in _refused(AMOUNT, amount)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (Decimal("3.463"), "in Dutch notation 3.463 is 3463 euros"),
        (Decimal("12.345"), "in Dutch notation 12.345 is 12345 euros"),
        (Decimal("3463.100"), "3 decimals"),
        (Decimal(0), "positive amount"),
        (Decimal(-1), "positive amount"),
        (MAX_AMOUNT, "below 10,000,000"),
        (10**7, "below 10,000,000"),
        (Decimal("1.0E+30"), "below 10,000,000"),
        ("3463", "instance of Decimal"),
        (3463.0, "instance of Decimal"),
        (True, "instance of Decimal"),
    ],
)
def test_amounts_refused(value: object, words: str) -> None:
    assert words in _refused(AMOUNT, value)


def test_an_int_amount_becomes_a_decimal() -> None:
    read = AMOUNT.validate_python(3463, strict=True)
    assert read == Decimal(3463) and isinstance(read, Decimal)


@pytest.mark.parametrize("value", ["0.01", "0.1", "1", "10", "100", "1.00", "1E+1"])
def test_quantum_is_a_power_of_ten_from_a_cent_to_a_hundred(value: str) -> None:
    assert QUANTUM.validate_python(Decimal(value), strict=True) == Decimal(value)


@pytest.mark.parametrize("value", ["1.0E-30", "0.000001", "0.001", "1000", "0.05", "2", "0", "-1"])
def test_other_quanta_are_refused(value: str) -> None:
    assert "quantum" in _refused(QUANTUM, Decimal(value))


@pytest.mark.parametrize("value", ["4.75", "8.33", "-2.5", "100", "0.0001", "33"])
def test_percentages(value: str) -> None:
    assert PERCENTAGE.validate_python(Decimal(value), strict=True) == Decimal(value)


@pytest.mark.parametrize("value", ["100.01", "-100", "0.00001", "1E+30"])
def test_percentages_refused(value: str) -> None:
    assert "a percentage" in _refused(PERCENTAGE, Decimal(value))


@pytest.mark.parametrize("adapter", [AMOUNT, QUANTUM, PERCENTAGE, QUANTITY])
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_no_type_takes_a_number_that_is_not_finite(
    adapter: TypeAdapter[Decimal], value: str
) -> None:
    assert "finite" in _refused(adapter, Decimal(value))


def test_quantities() -> None:
    assert QUANTITY.validate_python(Decimal("41.5"), strict=True) == Decimal("41.5")
    assert QUANTITY.validate_python(0, strict=True) == 0
    assert "a quantity" in _refused(QUANTITY, Decimal(10) ** 6)
    assert "a quantity" in _refused(QUANTITY, Decimal("0.00001"))
    assert "a quantity" in _refused(QUANTITY, Decimal("-1"))
    assert "greater than 0" in _refused(POSITIVE_QUANTITY, 0)


@pytest.mark.parametrize("value", [1, 12, 99])
def test_steps(value: int) -> None:
    assert STEP.validate_python(value, strict=True) == value


@pytest.mark.parametrize("value", [0, 100, True, Decimal(1), "1", 1.0])
def test_steps_refused(value: object) -> None:
    _refused(STEP, value)
