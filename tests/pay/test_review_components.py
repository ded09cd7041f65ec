"""The pay components the review of November 2026 found missing (REVIEW-2026-11-rules.md
section 11), each against the figures its source prints."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.errors import InvalidInputError, NotPublishedError


def _lines(income: caopo.AnnualIncome, name: str) -> list[tuple[date, Decimal, str]]:
    return [
        (m.month, line.amount, line.status)
        for m in income.months
        for line in m.lines
        if line.component == name
    ]


def test_bindingstoelage_teachers_at_the_top_step_in_august() -> None:
    """AOb: 'Voor leraren in de hoogste trede van hun schaal is het EUR 1591,09 bruto'; paid
    once a year, in August (goc-consultants 2022; rules research)."""
    top = caopo.annual_income(caopo.Employment("LB", 12, start="2023-01-01"), year=2023)
    assert _lines(top, "bindingstoelage") == [(date(2023, 8, 1), Decimal("1591.09"), "published")]
    part = caopo.annual_income(caopo.Employment("LB", 12, start="2023-01-01", fte="0.8"), year=2023)
    assert part.totals["bindingstoelage"] == Decimal("1272.87")  # x werktijdfactor (a reading)
    below = caopo.annual_income(
        caopo.Employment("LB", 1, start="2023-01-01", step_increase=False), year=2023
    )
    assert "bindingstoelage" not in below.totals


def test_bindingstoelage_oop_at_the_top_of_schaal_9() -> None:
    """AOb: 'Voor OOP-ers in de hoogste trede van schaal 9 is de toelage EUR 263,94 bruto'."""
    from caopo.pay.components.yearly_allowances import yearly_allowance_rule

    rule = yearly_allowance_rule("bindingstoelage", "2023-08-01")
    oop = [row for row in rule.rows if row.scales == ("9",)]
    assert [(row.steps, row.amount) for row in oop] == [("top", Decimal("263.94"))]
    assert rule.paid_in_month == 8 and rule.effective_until == date(2024, 10, 1)


def test_oktobertoelage_below_the_top_step_from_november_2025() -> None:
    """RMU (2025-11-27): teachers and directors below the top step 'krijgen ... recht op een
    oktobertoelage van EUR 302,50 per jaar. De opbouw ... gaat ... in op 1 november 2025.'
    CNV prints EUR 302,60: provisional until a primary source settles the cents."""
    income = caopo.annual_income(caopo.Employment("LB", 5, start="2025-01-01"), year=2026)
    assert _lines(income, "oktobertoelage") == [
        (date(2026, 10, 1), Decimal("302.50"), "provisional")
    ]
    # accrual from 1 November 2025: the 2025 October payment is nothing
    first = caopo.annual_income(caopo.Employment("LB", 5, start="2025-01-01"), year=2025)
    assert "oktobertoelage" not in first.totals
    # someone starting in 2026 accrues from the start: 10 of 12 months at werktijdfactor 0.8
    late = caopo.annual_income(caopo.Employment("LB", 5, start="2026-01-01", fte="0.8"), year=2026)
    assert late.totals["oktobertoelage"] == Decimal("201.67")  # 302.50 x 0.8 x 10/12


def test_the_top_step_successor_is_a_named_gap() -> None:
    """PO-Raad (CAO PO 2024-2025): a yearly toelage at the top steps replaced the
    bindingstoelage; its amount was not read. Strict mode raises, lenient mode has a missing
    line that says why."""
    employment = caopo.Employment("LB", 12, start="2025-01-01")
    with pytest.raises(NotPublishedError, match="amount was not read"):
        caopo.annual_income(employment, year=2025)
    lenient = caopo.annual_income(employment, year=2025, strict=False)
    assert any("oktobertoelage" in gap for gap in lenient.gaps)


def test_a_teacher_in_2026_carries_every_component_with_its_status() -> None:
    """The issue's 'done when': salary, vakantie-uitkering, eindejaarsuitkering and the
    oktobertoelage, each line with its status."""
    income = caopo.annual_income(caopo.Employment("LB", 5, start="2025-01-01"), year=2026)
    assert {"salaris", "vakantie_uitkering", "eindejaarsuitkering", "oktobertoelage"} <= set(
        income.totals
    )
    assert all(line.status for month in income.months for line in month.lines)


def test_jubileum_25_years_is_half_a_month_plus_8_percent() -> None:
    """Akorda, 'Gratificatie bij jubileum in het onderwijs': 25 years 50 %, 40 or 50 years
    100 % of the month's gross salary, 'vermeerderd met 8% vakantietoeslag'. LB trede 12 on
    2025-03-01 is EUR 5.277 (ambtenarensalaris.nl, 2024-10-01 table)."""
    j = caopo.jubileum("LB", 12, on="2025-03-01", years=25)
    assert j.amount == Decimal("2849.58")  # 5277 x 1,08 x 50 %
    assert caopo.jubileum("LB", 12, on="2025-03-01", years=40).amount == Decimal("5699.16")
    with pytest.raises(InvalidInputError, match="25, 40, 50"):
        caopo.jubileum("LB", 12, on="2025-03-01", years=30)


def test_jubileum_falls_in_its_month_of_a_year_of_pay() -> None:
    employment = caopo.Employment("LB", 12, start="2024-08-01", in_service_from="2000-03-15")
    income = caopo.annual_income(employment, year=2025, strict=False)
    assert _lines(income, "jubileumuitkering") == [
        (date(2025, 3, 1), Decimal("2849.58"), "published")
    ]
    with pytest.raises(InvalidInputError, match="in_service_from"):
        caopo.Employment("LB", 12, start="2024-08-01", in_service_from="2024-09-01")


def test_ouderschapsverlof_75_percent_in_the_first_year_then_55_then_unpaid() -> None:
    """Concent 2022 / AOb: 415 hours paid, at 75 % in the child's first year (from
    2022-08-02), otherwise 55 %; then 625 hours unpaid. 8 hours a week of a full-time LB
    trede 5 (EUR 3.868) costs 8/40 x 3.868 x 25 % = EUR 193,40 a full month at 75 %."""
    job = caopo.Employment("LB", 5, start="2025-01-01", step_increase=False)
    march = caopo.parental_leave(
        job, child_born="2025-01-10", start="2025-03-01", end="2025-03-31", hours_per_week=8
    )
    assert march.months[0].pay_effect == Decimal("-193.40")
    later = caopo.parental_leave(
        job, child_born="2023-01-10", start="2025-03-01", end="2025-03-31", hours_per_week=8
    )
    assert later.months[0].pay_effect == Decimal("-348.12")  # 8/40 x 3.868 x 45 %
    assert march.paid_hours == 415 and march.unpaid_hours == 625
    long = caopo.parental_leave(
        job, child_born="2023-01-10", start="2025-03-01", end="2025-06-30", hours_per_week=40
    )
    assert long.paid_hours_used == 415
    june = long.months[-1]
    assert june.unpaid_hours > 0 and june.paid_hours == 0
    assert june.pay_effect == Decimal("-3868.00")  # unpaid: the whole month
    with pytest.raises(InvalidInputError, match="1040 hours"):  # 26 weeks x 40 h
        caopo.parental_leave(
            job, child_born="2023-01-10", start="2025-03-01", end="2025-12-31", hours_per_week=40
        )


def test_vakantie_uitkering_paid_in_the_payroll_month_or_accrued() -> None:
    """No source read gives the CAO PO payment month (docs/data.md); where a payroll pays in
    May over June-May (the CAO MBO art. 6.1 pattern), holiday_month=5 does so: 8 % of LB
    trede 5 (EUR 3.868) for October 2024 to May 2025 = 8 x 309,44 = EUR 2.475,52."""
    job = caopo.Employment("LB", 5, start="2024-10-01", end="2025-09-15")
    paid = caopo.annual_income(job, year=2025, holiday_month=5)
    lines = _lines(paid, "vakantie_uitkering")
    assert [(m, a) for m, a, _ in lines] == [
        (date(2025, 5, 1), Decimal("2475.52")),
        # leaving on 15 September: June, July at 309,44, August 320,08 (trede 6), half of
        # September 160,04
        (date(2025, 9, 1), Decimal("1099.00")),
    ]
    accrued = caopo.annual_income(job, year=2025)
    assert len(_lines(accrued, "vakantie_uitkering")) == 9  # the default: every month
    with pytest.raises(InvalidInputError, match="holiday_month"):
        caopo.annual_income(job, year=2025, holiday_month=13)


@pytest.mark.parametrize(
    ("year", "expected"), [(2022, "885.00"), (2023, "929.25"), (2024, "973.50"), (2025, "973.50")]
)
def test_review_w4_oop_yearly_payment_follows_the_10_percent(year: int, expected: str) -> None:
    """REVIEW-2026-11-rules.md section 12, W4: OOP schaal 6 at werktijdfactor 0,6 'would get
    about EUR 929,25 in 2023 (half a year at each rate) and EUR 973,50 a year from 2024'
    (0,6 x 1.475, then 0,6 x 1.622,50; VO-raad +10 % on 2023-07-01)."""
    employment = caopo.Employment("6", 9, start=date(year, 1, 1), fte=Decimal("0.6"))
    income = caopo.annual_income(employment, year=year, strict=False)
    assert income.totals["jaarlijkse_uitkering_oop"] == Decimal(expected)


def test_the_allowance_notes_name_files_that_exist() -> None:
    """REVIEW-2026-11-rules.md section 1: the school leaders' bindingstoelage note pointed to
    teacher and OOP files that did not exist. Every category's bindingstoelage is now one file,
    and no allowance file names a file that is not there."""
    import re
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "data" / "allowances"
    for path in folder.glob("*.yaml"):
        named = re.findall(r"[a-z_]+_\d{4}-\d\d-\d\d\.yaml", path.read_text(encoding="utf-8"))
        assert all((folder / name).is_file() for name in named), (path.name, named)
    assert not list(folder.glob("school_leaders_bindingstoelage_*"))


@settings(max_examples=20, deadline=None)
@given(
    hours=st.sampled_from([1, 4, 8, 16, 24, 40]),
    days=st.integers(min_value=0, max_value=200),
    born_before=st.integers(min_value=0, max_value=900),
)
def test_parental_leave_never_raises_pay_and_never_exceeds_its_hours(
    hours: int, days: int, born_before: int
) -> None:
    job = caopo.Employment("LB", 5, start="2025-01-01", step_increase=False)
    start = date(2025, 3, 1)
    born = date.fromordinal(start.toordinal() - born_before)
    end = date.fromordinal(start.toordinal() + days)
    try:
        leave = caopo.parental_leave(
            job, child_born=born, start=start, end=end, hours_per_week=hours
        )
    except InvalidInputError as exc:
        assert "1040 hours" in str(exc)  # only a plan beyond 26 x 40 h is refused
        return
    assert all(m.pay_effect <= 0 for m in leave.months)
    assert leave.paid_hours_used <= 415 and leave.unpaid_hours_used <= 625
