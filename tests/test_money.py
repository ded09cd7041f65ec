"""money.py: the quantum, the rounding mode and the exact quotient (issue 14, items 2, 7)."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

import caopo
from caopo.errors import InvalidInputError
from caopo.money import CENT, quantize, round_cents, round_quotient, to_decimal


def test_a_cent_is_one_hundredth_of_a_euro() -> None:
    assert Decimal(100) * CENT == 1


@pytest.mark.parametrize(
    ("exact", "cents"),
    [("2.665", "2.67"), ("2.664", "2.66"), ("-2.665", "-2.67"), ("0.005", "0.01"), ("0", "0.00")],
)
def test_cents_round_half_up_whatever_the_ambient_context(exact: str, cents: str) -> None:
    with localcontext() as context:
        context.rounding = "ROUND_HALF_EVEN"
        assert str(round_cents(Decimal(exact))) == cents


def test_quantize_rounds_to_the_quantum_given() -> None:
    assert quantize(Decimal("3622.5"), Decimal(1)) == Decimal(3623)
    assert quantize(Decimal("3622.49"), Decimal(1)) == Decimal(3622)


def test_the_published_part_time_salary_rounds_once() -> None:
    # README / docs: LB trede 5 on 2024-11-01 is EUR 3868 full time; x 0.8 = 3094.40.
    assert caopo.salary("LB", 5, on="2024-11-01", fte="0.8") == Decimal("3094.40")


@pytest.mark.parametrize(
    ("numerator", "denominator", "cents"),
    [("1794.1", 28, "64.08"), ("1", 3, "0.33"), ("2", 3, "0.67"), ("-0.05", 2, "-0.03")],
)
def test_round_quotient_is_exact(numerator: str, denominator: int, cents: str) -> None:
    assert str(round_quotient(Decimal(numerator), denominator)) == cents


@pytest.mark.parametrize("denominator", [0, -1])
def test_round_quotient_needs_a_positive_denominator(denominator: int) -> None:
    with pytest.raises(InvalidInputError, match="positive denominator"):
        round_quotient(Decimal(1), denominator)


@pytest.mark.parametrize("value", [0.8, True, None, [], "abc", "NaN", "Infinity", Decimal("sNaN")])
def test_to_decimal_refuses_floats_bools_and_non_finite(value: object) -> None:
    with pytest.raises(InvalidInputError, match="fte"):
        to_decimal(value, name="fte")


def test_a_float_gets_the_exact_spelling_as_a_hint() -> None:
    with pytest.raises(InvalidInputError, match=r"not float 0\.8; write Decimal\('0\.8'\)"):
        to_decimal(0.8, name="fte")


def test_round_quotient_by_one_is_rounding_to_cents() -> None:
    assert round_quotient(Decimal("2.665"), 1) == Decimal("2.67")


def test_to_decimal_reads_text_exactly_with_a_decimal_comma() -> None:
    assert to_decimal(" 0,8 ") == Decimal("0.8")
    assert to_decimal(3) == Decimal(3)
