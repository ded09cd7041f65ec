"""A money amount given as input has at most two decimals (issue 14, item 2).

``"4.861"`` is how Dutch writes four thousand eight hundred sixty-one euros; read as a
decimal point it would be EUR 4,86. caopo refuses it with a hint, everywhere an amount is
taken (:func:`caopo.money.to_amount`): ``new_salary`` of the garantietoelage and each
spending of a budget statement.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import caopo
from caopo.money import AMOUNT_MAX, to_amount


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        ("4861", "4861.00"),
        ("4861.5", "4861.50"),
        ("4861,50", "4861.50"),
        (" 0.75 ", "0.75"),
        (3500, "3500.00"),
        (Decimal("1.000"), "1.00"),
        ("10000000", "10000000.00"),
        (AMOUNT_MAX, "10000000.00"),
    ],
)
def test_amounts_are_read_exactly_in_cents(value: object, amount: str) -> None:
    assert str(to_amount(value)) == amount


@pytest.mark.parametrize("text", ["4.861", "1.000", "3.463,50", "1,000", "1.000.000"])
def test_a_thousands_separator_is_refused_with_a_hint(text: str) -> None:
    with pytest.raises(caopo.InvalidInputError, match="thousands separator") as caught:
        to_amount(text, name="new_salary")
    assert repr(text) in str(caught.value) and "new_salary" in str(caught.value)


@pytest.mark.parametrize(
    "value",
    ["4.8612", "1e3", "1E+999999", "0x10", "²", "", "-", "1.", ".5", Decimal("4.861"), "1_000"],
)
def test_anything_but_a_plain_amount_in_cents_is_refused(value: object) -> None:
    with pytest.raises(caopo.InvalidInputError):
        to_amount(value)


@pytest.mark.parametrize(
    "value",
    [0, "0", "0.00", "-1", -5, Decimal("-0.01"), "10000000.01", 10_000_001, "1e30"],
)
def test_an_amount_is_above_zero_and_sane(value: object) -> None:
    with pytest.raises(caopo.InvalidInputError):
        to_amount(value)


def test_a_five_thousand_digit_amount_is_refused() -> None:
    with pytest.raises(caopo.InvalidInputError, match="digits"):
        to_amount(10**5000)


def test_zero_is_accepted_only_when_asked() -> None:
    assert to_amount("0", allow_zero=True) == 0
    with pytest.raises(caopo.InvalidInputError, match="0 or more"):
        to_amount("-0.01", allow_zero=True)


@pytest.mark.parametrize("value", [0.75, True, None, [1], b"1"])
def test_floats_and_junk_are_refused(value: object) -> None:
    with pytest.raises(caopo.InvalidInputError):
        to_amount(value)


GUARANTEE = dict(old_scale="DB", old_step=15, new_scale="D11", on="2020-01-01")
"""The AVS worked example (tests/leaders/test_garantietoelage.py): DB trede 15 to D11 with
a new salary of EUR 4.861 gives a garantietoelage of EUR 439,95."""


@pytest.mark.parametrize("text", ["4.861", "1.000", "0", "-100"])
def test_garantietoelage_refuses_dutch_notation_and_no_salary(text: str) -> None:
    with pytest.raises(caopo.InvalidInputError, match="new_salary"):
        caopo.garantietoelage(**GUARANTEE, new_salary=text)  # type: ignore[arg-type]


def test_garantietoelage_reads_a_plain_amount_as_euros() -> None:
    for text in ("4861", "4861,00", "4861.00"):
        amount = caopo.garantietoelage(**GUARANTEE, new_salary=text)  # type: ignore[arg-type]
        assert amount == Decimal("439.95")


@pytest.mark.parametrize("text", ["1.000", "4.861", "0", "1e30"])
def test_a_spending_in_dutch_notation_or_of_nothing_is_refused(text: str) -> None:
    with pytest.raises(caopo.InvalidInputError, match="spending amount"):
        caopo.budget_statement(
            "director",
            first_year=2022,
            last_year=2022,
            saving_agreed=True,
            spending=[("2022-03-01", text)],
        )
