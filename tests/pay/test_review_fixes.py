"""The pay-rule defects a review found on 2026-11-28, each with the test that would have
caught it: a published figure (its source named) or an invariant of the rule."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import caopo
from caopo.dates import add_months
from tests._helpers import user_tables

CENT = Decimal("0.01")


def _lines(income: caopo.AnnualIncome, name: str) -> list[tuple[date, Decimal]]:
    return [
        (m.month, line.amount) for m in income.months for line in m.lines if line.component == name
    ]


def _years(employment: caopo.Employment, holiday_month: int | None) -> list[caopo.AnnualIncome]:
    """Every calendar year of an employment that ends (lenient: the top-step gaps)."""
    assert employment.end is not None
    return [
        caopo.annual_income(employment, year=year, strict=False, holiday_month=holiday_month)
        for year in range(employment.start.year, employment.end.year + 1)
    ]


def test_vakantie_uitkering_on_leaving_counts_only_since_the_last_payment() -> None:
    """Leaving on 31 March 2025 after the May 2024 payment pays June 2024 to March 2025,
    not April and May 2024 again (docs/income.md: on leaving, 'what accrued since'). LB
    trede 12: EUR 5.030 to September 2024 (Onderwijsloket, the 2023-07-01 table), EUR 5.277
    from October 2024 (Salarisschalen PO per 01-10-2024)."""
    job = caopo.Employment("LB", 12, start="2024-01-01", end="2025-03-31", step_increase=False)
    paid = [
        line
        for income in _years(job, holiday_month=5)
        for line in _lines(income, "vakantie_uitkering")
    ]
    assert paid == [
        (date(2024, 5, 1), Decimal("2012.00")),  # 8 % x 5 x 5.030
        (date(2025, 3, 1), Decimal("4142.56")),  # 8 % x (4 x 5.030 + 6 x 5.277)
    ]


def test_vakantie_uitkering_is_rounded_once_per_payment() -> None:
    """LB trede 5 is EUR 3.868 (Salarisschalen PO per 01-10-2024); at werktijdfactor 0,8
    that is EUR 3.094,40 a month. October 2024 to May 2025: 8 % x 8 x 3.094,40 =
    8 % x 24.755,20 = 1.980,416, paid as EUR 1.980,42 (not eight rounded accruals, 1.980,40)."""
    job = caopo.Employment("LB", 5, start="2024-10-01", fte="0.8")
    income = caopo.annual_income(job, year=2025, holiday_month=5)
    assert _lines(income, "vakantie_uitkering") == [(date(2025, 5, 1), Decimal("1980.42"))]


@settings(max_examples=25, deadline=None)
@given(
    start=st.dates(date(2024, 10, 1), date(2025, 12, 31)),
    months=st.integers(1, 30),
    holiday_month=st.none() | st.integers(1, 12),
    fte=st.sampled_from(["1", "0.8", "0.6957", "0.4"]),
    step=st.integers(1, 11),
)
def test_vakantie_uitkering_paid_over_an_employment_is_8_percent_of_its_salary(
    start: date, months: int, holiday_month: int | None, fte: str, step: int
) -> None:
    """The invariant: whatever the payment month, every euro of salary earns 8 % once
    (WML art. 15; data/allowances/vakantie_uitkering_2007-01-01.yaml), up to the one
    rounding of each payment. From October 2024, where the LB table is complete (a month
    whose salary is a gap is left out)."""
    end = add_months(start, months) - timedelta(days=1)
    job = caopo.Employment("LB", step, start=start, end=end, fte=fte)
    incomes = _years(job, holiday_month=holiday_month)
    assume(
        not any(
            line.missing
            for i in incomes
            for m in i.months
            for line in m.lines
            if line.component in ("salaris", "vakantie_uitkering")
        )
    )
    salary = sum(income.totals.get("salaris", Decimal(0)) for income in incomes)
    payments = [line for income in incomes for line in _lines(income, "vakantie_uitkering")]
    total = sum((amount for _, amount in payments), Decimal(0))
    assert abs(total - salary * Decimal("0.08")) <= Decimal("0.005") * len(payments)


def test_oktobertoelage_accrued_is_paid_on_leaving() -> None:
    """RMU (2025-11-27): EUR 302,50 a year below the top step, accrued ('opbouw') from
    1 November 2025. Leaving on 30 June 2026 pays the 8 months accrued, in June, as the
    eindejaarsuitkering is paid on leaving: 8/12 x 302,50 = EUR 201,67 (a reading written
    in oktobertoelage_2025-11-01.yaml)."""
    job = caopo.Employment("LB", 5, start="2025-01-01", end="2026-06-30")
    income = caopo.annual_income(job, year=2026)
    assert _lines(income, "oktobertoelage") == [(date(2026, 6, 1), Decimal("201.67"))]
    # leaving in October: the one October payment; in November: October's and one twelfth
    october = caopo.Employment("LB", 5, start="2025-01-01", end="2026-10-31")
    assert _lines(caopo.annual_income(october, year=2026), "oktobertoelage") == [
        (date(2026, 10, 1), Decimal("302.50"))
    ]
    november = caopo.Employment("LB", 5, start="2025-01-01", end="2026-11-30")
    assert _lines(caopo.annual_income(november, year=2026), "oktobertoelage") == [
        (date(2026, 10, 1), Decimal("302.50")),
        (date(2026, 11, 1), Decimal("25.21")),  # 302,50 / 12
    ]


def test_bindingstoelage_is_not_an_accrual_and_is_not_paid_on_leaving() -> None:
    """AOb/GOC: the bindingstoelage goes to whoever holds the top step on 1 August; leaving
    on 30 June 2023 earns none of it."""
    job = caopo.Employment("LB", 12, start="2023-01-01", end="2023-06-30")
    assert "bindingstoelage" not in caopo.annual_income(job, year=2023).totals


def test_an_income_says_when_years_of_service_count_from_start() -> None:
    """No silent default that changes a euro: a teacher with 25 years of service modelled
    from her current contract (in_service_from defaults to start) would miss the
    jubileumuitkering, EUR 2.849,58 at LB trede 12 in 2025 (Akorda: 50 % of the month's
    salary plus 8 %; 5.277 x 1,08 / 2), so the income says years were counted from start."""
    current = caopo.Employment("LB", 12, start="2024-08-01")
    silent = caopo.annual_income(current, year=2025, strict=False)
    assert "jubileumuitkering" not in silent.totals
    assert any("counted from start (2024-08-01)" in note for note in silent.notes)
    assert any("in_service_from" in note for note in silent.notes)
    served = caopo.Employment("LB", 12, start="2024-08-01", in_service_from="2000-03-15")
    income = caopo.annual_income(served, year=2025, strict=False)
    assert income.totals["jubileumuitkering"] == Decimal("2849.58")
    assert income.notes == ()


HYPOTHETICAL_LEAVE_RULE = """\
kind: parental_leave
table: ouderschapsverlof
title: "A hypothetical later rule, for this test only: the first year paid in full"
effective_from: 2025-03-16
cao: "test"
status: provisional
known_from: 2025-03-01
paid_hours: 415
percentage: 55
first_year_percentage: 100
unpaid_hours: 625
full_time_hours_per_week: 40
pro_rata: true
sources:
  - title: "none: a test fixture"
notes: "Not a CAO figure: a test of which rule each day follows."
"""


def test_parental_leave_follows_the_rule_in_force_on_each_day(tmp_path: Path) -> None:
    """Invariant: a leave across a change of the rule costs, month by month, what its parts
    before and after the change cost under their own rules. Concent 2022 / AOb: 75 % in
    the child's first year from 2022-08-02; the later version (100 %) is a test table."""
    (tmp_path / "ouderschapsverlof_2025-03-16.yaml").write_text(
        HYPOTHETICAL_LEAVE_RULE, encoding="utf-8"
    )
    job = caopo.Employment("LB", 5, start="2025-01-01", step_increase=False)

    def leave(start: str, end: str) -> caopo.ParentalLeave:
        return caopo.parental_leave(
            job, child_born="2025-01-10", start=start, end=end, hours_per_week=8
        )

    with user_tables(tmp_path):
        whole = leave("2025-03-01", "2025-03-31")
        before = leave("2025-03-01", "2025-03-15")
        after = leave("2025-03-16", "2025-03-31")
    assert after.total_effect == 0  # the first year paid in full: no cut
    assert before.total_effect < 0
    assert abs(whole.total_effect - before.total_effect) <= CENT
    assert whole.status == "provisional"  # it rests on the provisional test version
