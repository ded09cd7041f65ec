"""The jaarlijkse uitkering OOP and the woon-werk instalments of a part month are exact:
amount x factor x days / days in the month, summed exactly and rounded once after the last
division (issue 14, item 2), checked against :class:`fractions.Fraction` for every month
length (28, 29, 30, 31 days)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from math import floor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.pay.components.commuting import commuting_allowance
from caopo.pay.components.oop_yearly import oop_yearly_rule
from caopo.pay.employment import Employment
from caopo.pay.income import annual_income
from caopo.schema.allowances import bracket_amount
from tests._helpers import user_tables
from tests.pay.test_allowances import SUPPORT_STAFF

MONTHS = (date(2022, 2, 1), date(2024, 2, 1), date(2022, 4, 1), date(2022, 3, 1))
"""February 2022 (28 days), February 2024 (29), April 2022 (30), March 2022 (31)."""
LENGTH = {date(2022, 2, 1): 28, date(2024, 2, 1): 29, date(2022, 4, 1): 30, date(2022, 3, 1): 31}


def _half_up(value: Fraction) -> Decimal:
    """Half up to cents, from the exact rational value (an oracle independent of caopo)."""
    cents = value * 100
    whole = floor(cents)
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole) / 100


@pytest.fixture(scope="module")
def support_staff_tables(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("oop")
    for start in ("2022-01-01", "2022-08-01", "2024-01-01"):
        text = SUPPORT_STAFF.replace("2022-01-01", start)
        (folder / f"support_staff_{start}.yaml").write_text(text, encoding="utf-8")
    with user_tables(folder):
        yield folder


def _month_days(year: int, month: int) -> int:
    first = date(year, month, 1)
    after = date(year + month // 12, month % 12 + 1, 1)
    return (after - first).days


@settings(max_examples=30, deadline=None)
@given(
    month=st.sampled_from(MONTHS),
    first_day=st.integers(min_value=2, max_value=31),
    fte=st.decimals(min_value=Decimal("0.05"), max_value=Decimal("1.2"), places=4),
)
def test_the_oop_yearly_payment_of_a_part_year_is_the_exact_sum_rounded_once(
    support_staff_tables: Path, month: date, first_day: int, fte: Decimal
) -> None:
    # art. 6.21 (PO-Raad FAQ): a yearly amount, pro rata the werktijdfactor up to 1,
    # accrued monthly by the calendar days in service; paid in December.
    start = month.replace(day=min(first_day, LENGTH[month]))
    employment = Employment("6", 1, start=start, fte=fte, step_increase=False)
    income = annual_income(employment, year=start.year)
    exact = Fraction(0)
    for number in range(start.month, 13):
        first = date(start.year, number, 1)
        amount = bracket_amount(oop_yearly_rule(first).brackets, "6")
        assert amount is not None
        days = _month_days(start.year, number)
        served = days - (start.day - 1 if number == start.month else 0)
        exact += Fraction(amount) * Fraction(min(fte, Decimal(1))) * served / (12 * days)
    assert income.totals["jaarlijkse_uitkering_oop"] == _half_up(exact)


@settings(max_examples=30, deadline=None)
@given(
    month=st.sampled_from(MONTHS),
    first_day=st.integers(min_value=2, max_value=31),
    km=st.integers(min_value=8, max_value=40),
)
def test_the_first_commuting_instalment_of_a_part_month_is_exact(
    month: date, first_day: int, km: int
) -> None:
    # art. 7.2a (from 2024-01-01): a yearly amount in 11 instalments; a first month in
    # service counts its calendar days over the days of the month.
    year = 2024 if month.year == 2022 else 2025
    first = month.replace(year=year)
    days = _month_days(year, first.month)
    start = first.replace(day=min(first_day, days))
    employment = Employment("LB", 5, start=start, commute_km=km, step_increase=False)
    income = annual_income(employment, year=year, strict=False)
    instalment = income.months[0].amount("woon_werk")
    allowance = commuting_allowance(km, on=start)
    served = days - start.day + 1
    expected = _half_up(
        Fraction(allowance.per_year_exact) * served / (allowance.instalments * days)
    )
    assert instalment == expected


def test_the_commuting_amounts_are_rounded_once_from_the_exact_year() -> None:
    # 18 reimbursable km x 2 x 208 days x EUR 0,17 = EUR 1.272,96 a year (art. 7.2a; the
    # figure of tests/pay/test_income.py), 1.272,96 / 11 = 115,7236... -> EUR 115,72.
    allowance = commuting_allowance(30, on="2024-03-01")
    assert allowance.per_year == Decimal("1272.96")
    assert allowance.per_instalment == Decimal("115.72")
    # 3 days a week: 18 x 2 x 3/5 x 208 x 0,17 = 763,776 exactly -> EUR 763,78
    assert commuting_allowance(30, on="2024-03-01", days_per_week=3).per_year == Decimal("763.78")
