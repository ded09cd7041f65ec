"""Tests that kill mutants of the income components (``scripts/mutate.py``): each names the
mutant it kills and asserts a published figure or an invariant (docs/testing.md)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.errors import NotPublishedError
from caopo.pay.components.commuting import commuting_allowance
from caopo.pay.plan import plan_year
from tests._helpers import user_tables


def test_projection_carries_the_last_table_forward_and_without_it_the_month_is_missing() -> None:
    # Kills ``if context.projection`` negated (pay/components/salary.py). D12 trede 12 is
    # EUR 5.784 from 2022-01-01 (AVS 'Rekenvoorbeelden onderhandelaarsakkoord'); the +4,75 %
    # of 2022-07-01 has no shipped school-leader table, so only a projection prices July:
    # 5.784 x 1,0475 = 6.058,74 -> EUR 6.059 (whole euros, the table's precision), which is
    # LD trede 12 of 2022-07-01 as published (D12 has the amounts of VO schaal 12).
    director = caopo.Employment("D12", 12, start="2022-07-01", step_increase=False)
    projected = caopo.annual_income(director, year=2022, projection=True, strict=False)
    july = projected.months[0].lines[0]
    assert (july.component, july.amount, july.missing) == ("salaris", Decimal("6059.00"), False)
    assert july.amount == caopo.salary("LD", 12, on="2022-07-01")
    from_tables = caopo.annual_income(director, year=2022, strict=False).months[0].lines[0]
    assert from_tables.missing and from_tables.amount == 0


def test_the_oop_yearly_payment_of_2017_has_no_amount_from_schaal_9_and_says_so() -> None:
    # Kills ``int(scale) >= version.not_read_from`` to ``>``, and the gap dated a month early
    # (``plan.months[-1]`` to ``[-2]``) in pay/components/oop_yearly.py.
    # 2017: EUR 1.090,47 for OOP schaal 6-8 (data/allowances/oop_jaarlijkse_uitkering_2017-01-01
    # .yaml, as published); schaal 9 and up were not read: a gap, never a silent zero.
    def income(scale: str) -> caopo.AnnualIncome:
        employment = caopo.Employment(scale, 1, start="2017-01-01", step_increase=False)
        return caopo.annual_income(employment, year=2017, strict=False)

    assert income("8").totals["jaarlijkse_uitkering_oop"] == Decimal("1090.47")
    nine = income("9")
    # the gap stands where the payment would be: December (paid_in_month 12)
    assert any(
        gap.startswith("2017-12 jaarlijkse_uitkering_oop")
        and "no amount was read for schaal 9 and up" in gap
        for gap in nine.gaps
    )
    assert nine.totals.get("jaarlijkse_uitkering_oop", Decimal(0)) == 0


def _lb12_2024(end: str) -> caopo.AnnualIncome:
    employment = caopo.Employment("LB", 12, start="2024-01-01", end=end, step_increase=False)
    return caopo.annual_income(employment, year=2024, holiday_month=5, strict=False)


def test_a_leaver_is_paid_the_vakantie_uitkering_on_leaving_and_a_stayer_is_not() -> None:
    # Kills ``employment.end < add_months(last, 1)`` to ``<=`` (pay/components/holiday.py).
    # LB trede 12: EUR 5.030 (teachers 2023-07-01), EUR 5.277 from 2024-10-01 (published);
    # 8 % (WML art. 15). Paid in May: 5 x 5.030 x 8 % = EUR 2.012. Leaving on 31 December:
    # June-December (4 x 5.030 + 3 x 5.277) x 8 % = EUR 2.876,08 in December. Still employed
    # on 1 January 2025: nothing in December (the next payment is May 2025).
    leaver = {
        m.month.month: m.amount("vakantie_uitkering") for m in _lb12_2024("2024-12-31").months
    }
    assert (leaver[5], leaver[12]) == (Decimal("2012.00"), Decimal("2876.08"))
    stayer = {
        m.month.month: m.amount("vakantie_uitkering") for m in _lb12_2024("2025-01-01").months
    }
    assert (stayer[5], stayer[12]) == (Decimal("2012.00"), Decimal(0))


def test_the_accrued_vakantie_uitkering_says_no_minimum_was_read() -> None:
    # Kills the negated ``rule.minimum_per_year is None`` (pay/components/holiday.py): the
    # minimum vakantie-uitkering was not read (data/allowances/vakantie_uitkering_2007-01-01
    # .yaml: minimum_per_year null), and the line must not claim a minimum of "EUR None".
    employment = caopo.Employment("LB", 12, start="2024-01-01", step_increase=False)
    month = caopo.annual_income(employment, year=2024, strict=False).months[0]
    line = next(ln for ln in month.lines if ln.component == "vakantie_uitkering")
    assert line.amount == Decimal("402.40")  # 8 % of EUR 5.030
    assert line.basis.endswith("no minimum applied (not read)")


def test_the_vakantie_uitkering_window_with_one_month_outside_the_tables_is_a_gap() -> None:
    # Kills ``gaps[0]`` to ``gaps[1]`` (pay/components/holiday.py). L10 trede 1 is EUR 2.563
    # from 2018-09-01 (the first shipped teachers table): paid in May 2019, September
    # 2018-May 2019 accrue 9 x 2.563 x 8 % = EUR 1.845,36; started on 2018-08-01, August 2018
    # has no table, so the May payment is one gap naming that month, never a guess.
    def may(start: str) -> tuple[Decimal, list[str]]:
        employment = caopo.Employment("L10", 1, start=start, step_increase=False)
        income = caopo.annual_income(employment, year=2019, holiday_month=5, strict=False)
        gaps = [gap for gap in income.gaps if "vakantie_uitkering" in gap]
        return income.months[4].amount("vakantie_uitkering"), gaps

    assert may("2018-09-01") == (Decimal("1845.36"), [])
    amount, gaps = may("2018-08-01")
    assert amount == 0
    assert len(gaps) == 1 and gaps[0].startswith("2019-05") and "2018-08-01" in gaps[0]


NOT_COMPUTABLE = """\
kind: commuting_allowance
table: woon_werk
title: "Test regime: figures present, rule not read in full (for the test only)"
effective_from: 2030-01-01
cao: "test"
status: published
computable: false
reason: "the test says the rule was not read in full"
rate_per_km: 0.2
km_not_reimbursed: 7
max_km_one_way: 25
days_per_year: 208
days_per_week_basis: 5
instalments: 11
months_without_payment: [8]
sources: [{title: "test fixture"}]
"""


def test_a_regime_marked_not_computable_is_refused_even_with_its_figures(tmp_path: Path) -> None:
    # Kills ``not rule.computable or ...`` to ``and`` (pay/components/commuting.py): a
    # regime whose rule was not read in full is never priced, whatever figures it holds.
    (tmp_path / "woon_werk_2030-01-01.yaml").write_text(NOT_COMPUTABLE, encoding="utf-8")
    with user_tables(tmp_path), pytest.raises(NotPublishedError, match="not read in full"):
        commuting_allowance(30, on="2030-03-01")


def test_a_month_is_cut_only_inside_it_every_part_has_a_day() -> None:
    # Kills ``lo < c < hi`` to ``lo <= c`` (pay/plan.py): a change on the first day of a
    # month (the periodiek of 1 August, the LB table of 2024-10-01) starts the month, it does
    # not cut it: kalenderdagenmethode, the days of the parts add up to the days in service.
    employment = caopo.Employment("LB", 11, start="2024-01-01", end="2025-02-10")
    for year in (2024, 2025):
        for month in plan_year(employment, year).months:
            assert all(segment.days >= 1 for segment in month.segments), month
            assert sum(segment.days for segment in month.segments) == month.served_days
    august = plan_year(employment, 2024).months[7]
    assert [(s.start.day, s.days) for s in august.segments] == [(1, 31)]


@pytest.mark.parametrize(("start", "paid"), [("2022-08-01", "1591.09"), ("2022-08-02", None)])
def test_the_bindingstoelage_is_for_who_is_in_service_on_the_payment_day(
    start: str, paid: str | None
) -> None:
    # Kills ``not plan.months or ...start != paid`` to ``and`` (pay/components/
    # yearly_allowances.py). Bindingstoelage CAO PO 2022: EUR 1.591,09 for a teacher at the
    # top step, paid in August to who is in service then (data/allowances/
    # bindingstoelage_2022-01-01.yaml); a start on 2 August misses the payment day.
    employment = caopo.Employment("LB", 12, start=start, step_increase=False)
    totals = caopo.annual_income(employment, year=2022, strict=False).totals
    assert totals.get("bindingstoelage") == (None if paid is None else Decimal(paid))


@pytest.mark.parametrize(("end", "december"), [("2026-12-31", "50.42"), ("2027-01-01", "0")])
def test_the_oktobertoelage_accrued_since_october_is_paid_on_leaving_only(
    end: str, december: str
) -> None:
    # Kills ``end < add_months(last.month, 1)`` to ``<=`` (pay/components/
    # yearly_allowances.py). Oktobertoelage from 2025-11-01: EUR 302,50 a year for a teacher
    # below the top step, accrued monthly, paid in October (CNV, RMU; data/allowances/
    # oktobertoelage_2025-11-01.yaml): January-October 2026 = 10/12 x 302,50 = EUR 252,08;
    # a leaver on 31 December gets November-December, 2/12 x 302,50 = EUR 50,42, in December;
    # still employed on 1 January 2027, nothing until October 2027.
    employment = caopo.Employment("LB", 1, start="2026-01-01", end=end, step_increase=False)
    months = caopo.annual_income(employment, year=2026, strict=False).months
    assert months[9].amount("oktobertoelage") == Decimal("252.08")
    assert months[11].amount("oktobertoelage") == Decimal(december)


def test_the_oktobertoelage_is_pro_rata_the_werktijdfactor() -> None:
    # Kills ``x employment.fte`` to ``/`` (pay/components/yearly_allowances.py): EUR 302,50 a
    # year (oktobertoelage 2025-11-01) x 10/12 x werktijdfactor 0,5 = 126,041.. -> EUR 126,04.
    employment = caopo.Employment("LB", 1, start="2026-01-01", fte="0.5", step_increase=False)
    months = caopo.annual_income(employment, year=2026, strict=False).months
    assert months[9].amount("oktobertoelage") == Decimal("126.04")


def _l10_2020(end: str | None = None) -> dict[str, Decimal]:
    employment = caopo.Employment("L10", 1, start="2020-01-01", end=end, step_increase=False)
    return caopo.annual_income(employment, year=2020, strict=False).totals


def test_the_one_off_of_december_2020_is_0_7_percent_of_the_salary_paid_in_2020() -> None:
    # Kills the annual-salary basis mutants (sum from 0, ``x percentage / 100``) in
    # pay/components/one_off.py. AOb 29-10-2020: 0,7 % of the 2020 annual salary; L10 trede 1
    # is EUR 2.678 a month in 2020 (the 2020-01-01 teachers table): 0,7 % x 12 x 2.678 =
    # 224,952 -> EUR 224,95.
    totals = _l10_2020()
    assert totals["salaris"] == Decimal("32136.00")
    assert totals["eenmalige_uitkering_2020-12"] == Decimal("224.95")


def test_a_one_off_is_for_who_is_in_service_in_its_month() -> None:
    # Kills ``paid.year != context.year or all(...)`` to ``and``: a leaver on 30 November
    # 2020 gets the payments of February 2020, not the one of December.
    totals = _l10_2020(end="2020-11-30")
    assert "eenmalige_uitkering_2020-02-fixed" in totals
    assert "eenmalige_uitkering_2020-12" not in totals


@pytest.mark.parametrize(("known", "paid"), [("2020-11-30", False), ("2020-12-01", True)])
def test_a_one_off_counts_from_the_day_it_is_paid(known: str, paid: bool) -> None:
    # Kills ``as_known_on < paid`` to ``<=`` and its ``return False`` to ``True``: with the
    # tables as known on a day, a payment made on 1 December 2020 exists from that day.
    employment = caopo.Employment("L10", 1, start="2020-01-01", step_increase=False)
    income = caopo.annual_income(employment, year=2020, strict=False, as_known_on=known)
    assert ("eenmalige_uitkering_2020-12" in income.totals) is paid


def test_a_one_off_accrued_before_the_start_of_service_is_no_line() -> None:
    # Kills ``base is None or share == 0`` to ``and``: the payments of October 2018 accrue
    # January-August 2018 (data/allowances/one_off_payments.yaml); who starts on 1 October
    # 2018 accrued nothing, so no line (not a line of EUR 0).
    employment = caopo.Employment("L10", 1, start="2018-10-01", step_increase=False)
    totals = caopo.annual_income(employment, year=2018, strict=False).totals
    assert not [name for name in totals if name.startswith("eenmalige_uitkering")]


def test_a_one_off_pro_rata_a_reference_day_is_for_who_is_employed_that_day() -> None:
    # Kills ``employment.fte if employed_on(reference_date) else Decimal(0)`` to ``1``: the
    # February 2020 payments (data/allowances/one_off_payments.yaml) are EUR 875 for who is
    # employed on 1 February and a third of a month's salary for who was on 1 January; a
    # start on 1 February gets the first only.
    employment = caopo.Employment("L10", 1, start="2020-02-01", step_increase=False)
    totals = caopo.annual_income(employment, year=2020, strict=False).totals
    assert totals["eenmalige_uitkering_2020-02-fixed"] == Decimal("875.00")
    assert "eenmalige_uitkering_2020-02-third" not in totals
