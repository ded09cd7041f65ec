"""The oktobertoelage is accrued exactly and rounded once.

RMU (2025): the oktobertoelage is EUR 302,50 a year below the top step, pro rata the
werktijdfactor. A full year at werktijdfactor 0.442 is 302.50 x 0.442 = 133.705 exactly,
which rounds half up to EUR 133,71; summing twelve inexact twelfths gave 133.70.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import caopo

RMU_OKTOBERTOELAGE = Decimal("302.50")


def _october(fte: Decimal) -> Decimal:
    employment = caopo.Employment("LB", 5, start="2024-01-01", fte=fte, step_increase=False)
    return caopo.annual_income(employment, year=2026).months[9].amount("oktobertoelage")


def test_a_full_year_on_a_half_cent_rounds_up() -> None:
    assert _october(Decimal("0.442")) == Decimal("133.71")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=10_000))
def test_a_full_year_is_the_yearly_amount_times_the_werktijdfactor_rounded_once(m: int) -> None:
    fte = Decimal(m) / 10_000
    exact = Fraction(RMU_OKTOBERTOELAGE) * Fraction(fte)
    expected = (exact * 100 + Fraction(1, 2)).__floor__()
    assert _october(fte) == Decimal(expected) / 100
