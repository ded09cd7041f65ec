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
    capped = caopo.di_own_contribution(3000, scale="LB", on="2021-01-01", hours=340)
    assert capped.hours == 260
    with pytest.raises(InvalidInputError, match="below the minimum of 45"):
        caopo.di_own_contribution(3000, scale="LB", on="2021-01-01", fte="0.3")


def test_own_contribution_refuses_nonsense() -> None:
    with pytest.raises(InvalidInputError, match="above 0"):
        caopo.di_own_contribution(3000, scale="LB", on="2021-01-01", hours=-5)
    with pytest.raises(InvalidInputError, match="above 0"):
        caopo.di_own_contribution(0, scale="LB", on="2021-01-01")
