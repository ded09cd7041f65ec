"""A part month is exact: amount x werktijdfactor x days / days in the month, rounded once
after the division (issue 14, item 2), checked against :class:`fractions.Fraction`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from math import floor

from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.money import round_quotient


def _oracle(amount: Decimal, fte: Decimal, days: int, month_days: int) -> Decimal:
    """Half up to cents from the exact rational value."""
    cents = Fraction(amount) * Fraction(fte) * days * 100 / month_days
    whole = floor(cents)
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole) / 100


@settings(max_examples=300, deadline=None)
@given(
    amount=st.decimals(min_value=1, max_value=12_000, places=2),
    fte=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("1.2"), places=4),
    month_days=st.sampled_from((28, 29, 30, 31)),
    data=st.data(),
)
def test_part_month_matches_the_exact_fraction_for_every_month_length(
    amount: Decimal, fte: Decimal, month_days: int, data: st.DataObject
) -> None:
    days = data.draw(st.integers(min_value=1, max_value=month_days))
    assert round_quotient(amount * fte * days, month_days) == _oracle(amount, fte, days, month_days)


def test_one_day_of_february_2019_at_wtf_0_7_is_64_08_not_64_07() -> None:
    # L10 trede 1 is EUR 2563 from 2018-09-01 (data/scales/teachers_2018-09-01.yaml, AOb
    # figures via libelle.nl); 2563 x 0.7 x 1 / 28 = 64.075 exactly -> EUR 64,08.
    employment = caopo.Employment("L10", 1, "2019-02-28", fte="0.7", step_increase=False)
    month = caopo.annual_income(employment, year=2019, strict=False).months[0]
    salary = next(line for line in month.lines if line.component == "salaris")
    assert salary.amount == Decimal("64.08")
    assert "1/28 of the month" in salary.basis


MONTHS = (date(2019, 2, 1), date(2020, 2, 1), date(2021, 4, 1), date(2021, 3, 1))
"""February 2019 (28 days), February 2020 (29), April 2021 (30), March 2021 (31)."""


@settings(max_examples=40, deadline=None)
@given(
    month=st.sampled_from(MONTHS),
    first_day=st.integers(min_value=1, max_value=31),
    fte=st.decimals(min_value=Decimal("0.05"), max_value=Decimal("1.2"), places=2),
)
def test_the_salary_line_of_a_part_month_is_exact_for_every_month_length(
    month: date, first_day: int, fte: Decimal
) -> None:
    month_days = {2019: 28, 2020: 29}.get(month.year, 30 if month.month == 4 else 31)
    start = month.replace(day=min(first_day, month_days))
    employment = caopo.Employment("L10", 1, start, fte=fte, step_increase=False)
    planned = caopo.annual_income(employment, year=month.year, strict=False).months[0]
    line = next(ln for ln in planned.lines if ln.component == "salaris")
    full = caopo.salary_detail("L10", 1, on=start).full_time_amount
    days = month_days - start.day + 1
    assert line.amount == _oracle(full, fte, days, month_days)
