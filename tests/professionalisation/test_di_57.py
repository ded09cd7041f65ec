"""The DI bijzonder budget from 57: the 45-hour minimum and the eigen bijdrage (PO-Raad)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import caopo
from caopo.errors import InvalidInputError


def _ids(fte: str) -> list[str]:
    hours = caopo.professionalisation_hours(on="2022-01-01", fte=fte, age=58)
    return [line.id for line in hours.lines]


def test_no_57_plus_budget_below_45_hours() -> None:
    """PO-Raad, 'Welke werknemers komen in aanmerking voor het bijzonder budget?': 'kan alleen
    dan aanspraak maken op het bijzonder budget als er sprake is van een recht van minimaal
    45 uur op jaarbasis'. At wtf 0.3: 130 x 0.3 = 39 h, no budget (review W3)."""
    assert "di_57" not in _ids("0.3")
    assert "di_57" in _ids("0.3462")  # 45.006 h
    assert "di_57" not in _ids("0.3461")  # 44.993 h


def test_own_contribution_po_raad_worked_example() -> None:
    """PO-Raad worked example (REVIEW-2026-11-rules.md section 11, rank 6): wtf 0.6957 ->
    90,4 h / 1.659 x EUR 3.000 x 50 % = EUR 81,60 a month."""
    result = caopo.di_own_contribution(3000, scale="11", on="2021-01-01", fte="0.6957")
    assert result.amount == Decimal("81.60")
    assert (result.hours, result.percentage) == (Decimal("90.4"), Decimal(50))


def test_own_contribution_40_percent_up_to_schaal_8_and_260_hours() -> None:
    """PO-Raad: '50% over het salaris en 40% voor werknemers in schaal 8 of lager'; with 340
    h taken 'wordt de eigen bijdrage gebaseerd op maximaal 260 uur'."""
    low = caopo.di_own_contribution(3000, scale="8", on="2021-01-01", fte="0.6957")
    assert low.percentage == 40
    capped = caopo.di_own_contribution(3000, scale="LB", on="2022-01-01", hours=340)
    assert capped.hours == 260
    with pytest.raises(InvalidInputError, match="below the minimum of 45"):
        caopo.di_own_contribution(3000, scale="LB", on="2022-01-01", fte="0.3")


def test_own_contribution_refuses_nonsense() -> None:
    with pytest.raises(InvalidInputError, match="above 0"):
        caopo.di_own_contribution(3000, scale="LB", on="2022-01-01", hours=-5)
    with pytest.raises(InvalidInputError, match="above 0"):
        caopo.di_own_contribution(0, scale="LB", on="2022-01-01")


def _contribution(
    salary: int | str = 3000,
    *,
    scale: str = "11",
    fte: str = "0.6957",
    hours: int | str | None = None,
) -> caopo.OwnContribution:
    """The PO-Raad worked example (2021, schaal 11, 0,6957), one input changed."""
    return caopo.di_own_contribution(salary, scale=scale, on="2021-01-01", fte=fte, hours=hours)


def test_own_contribution_hours_are_bounded_by_what_can_be_taken() -> None:
    """PO-Raad: 130 h x werktijdfactor a year (0,6957: 90,4 h), saved over at most five
    years, 'opname maximaal 340 uur per jaar'; the contribution is over at most 260 h.
    1.000 h a year cannot be taken; nor can a number too large to be hours."""
    assert _contribution(hours=340).hours == 260  # 340 taken, contribution over 260
    for hours in (341, 1000, "1e999999"):
        with pytest.raises(InvalidInputError, match="at most 340 h"):
            _contribution(hours=hours)
    # at 0,3462 the budget is 45,0 h: five years saved is 225 h, below the 340
    with pytest.raises(InvalidInputError, match="x 5 year"):
        _contribution(fte="0.3462", hours=226)


def test_own_contribution_hours_are_checked_after_rounding_to_tenths() -> None:
    """The PO-Raad example counts hours to one decimal (90,4 h): 0,00001 h is 0,0 h, which
    is no leave taken, not a contribution of EUR 0,00."""
    with pytest.raises(InvalidInputError, match="above 0"):
        _contribution(hours="0.00001")
    assert _contribution(hours="0.05").hours == Decimal("0.1")  # half up


def test_own_contribution_refuses_a_scale_that_does_not_exist_on_the_day() -> None:
    """The 40 % applies up to schaal 8: a scale that does not exist (99, or LB in 2021,
    between the 2018 and 2022 LB) cannot be told apart, so it is refused."""
    with pytest.raises(caopo.UnknownScaleError, match="99"):
        _contribution(scale="99")
    with pytest.raises(caopo.UnknownScaleError, match="does not exist on 2021-01-01"):
        _contribution(scale="LB")


def test_own_contribution_refuses_a_salary_it_cannot_read_as_euros() -> None:
    """'3.000' is three thousand in Dutch writing and three in English: refused, not
    guessed; 1e30 is refused as an input (not a decimal.InvalidOperation); the one money
    parser (``caopo.money.to_amount``) reads it, with the salary's own upper bound."""
    with pytest.raises(InvalidInputError, match="thousands separator"):
        _contribution("3.000")
    with pytest.raises(InvalidInputError, match="at most two decimals"):
        _contribution("1e30")
    with pytest.raises(InvalidInputError, match="at most EUR 100000"):
        _contribution(100_001)
    with pytest.raises(InvalidInputError, match="above 0"):
        _contribution(0)
    assert _contribution(100_000).amount > 0
    assert _contribution("3000.00").amount == Decimal("81.60")  # the worked example
