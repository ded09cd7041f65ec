"""Allowance data and rules: figures from the sources, each test citing where it was read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.catalog.loader import catalog, load_file
from caopo.errors import DataFileError, InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.inputs import Category
from caopo.money import round_cents
from caopo.pay.components.commuting import commuting_allowance
from caopo.pay.components.end_of_year import end_of_year_rule
from caopo.pay.components.holiday import holiday_rule
from caopo.pay.components.one_off import one_off_payments
from caopo.pay.components.oop_yearly import oop_yearly_rule
from caopo.pay.employment import Employment
from caopo.pay.income import annual_income
from caopo.schema.allowances import CommutingRule, bracket_amount
from tests._helpers import user_tables


def test_commuting_worked_example_30_km_5_days() -> None:
    # art. 7.2a lid 6 and 8 (AVS, corrected text): min(30, 25) - 7 = 18 km; 18 x 2 x 5/5 x 208 x 0,17
    allowance = commuting_allowance(30, on=date(2024, 3, 1), days_per_week=5)
    assert allowance.reimbursable_km == 18
    assert allowance.per_year == Decimal("1272.96")
    assert allowance.per_instalment == Decimal("115.72")  # 1272.96 / 11 (lid 9), rounded
    assert allowance.months_without_payment == (8,)
    assert allowance.status == "published"


def test_commuting_first_7_km_and_cap_and_days() -> None:
    assert commuting_allowance(7, on="2024-01-01").per_year == 0
    assert commuting_allowance("3.5", on="2024-01-01").per_year == 0
    # 12 km, 3 days: 5 x 2 x 3/5 x 208 x 0,17 = 212,16
    assert commuting_allowance(12, on="2024-01-01", days_per_week=3).per_year == Decimal("212.16")
    # replacement staff: cap 34,5 km (lid 7): 27,5 x 2 x 208 x 0,17 = 1944,80
    assert commuting_allowance(40, on="2024-01-01", replacement=True).per_year == Decimal("1944.80")


def test_commuting_2026_is_provisional_18_cents_from_5_km() -> None:
    # CNV 2025-11-06 / RMU 2025-11-27: EUR 0,18 per km, ondergrens 5 km from 2026-01-01
    allowance = commuting_allowance(30, on="2026-02-01")
    assert allowance.reimbursable_km == 20
    assert allowance.per_year == Decimal("1497.60")  # 20 x 2 x 208 x 0,18
    assert allowance.status == "provisional"
    # known on 2025-06-01, 2026 would still be paid under the 2024 rule
    assert commuting_allowance(30, on="2026-02-01", as_known_on="2025-06-01").per_year == Decimal(
        "1272.96"
    )


def test_old_commuting_regime_is_not_computable() -> None:
    with pytest.raises(NotPublishedError, match="not computable"):
        commuting_allowance(30, on="2023-06-01")


def test_commuting_rejects_bad_input() -> None:
    with pytest.raises(InvalidInputError, match="-1"):
        commuting_allowance(-1, on="2024-03-01")
    with pytest.raises(InvalidInputError, match="float"):
        commuting_allowance(30.0, on="2024-03-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="days_per_week"):
        commuting_allowance(30, on="2024-03-01", days_per_week=8)


def test_end_of_year_rates() -> None:
    # 6,3 % until 2021; 6,5 % once in 2021 (NHN-2021, FLEX-2021); 8,33 % from 2022 (CAO PO 2022)
    assert end_of_year_rule("2019-12-01").percentage == Decimal("6.3")
    assert end_of_year_rule("2021-12-01").percentage == Decimal("6.5")
    assert end_of_year_rule("2021-12-01", as_known_on="2021-10-01").percentage == Decimal("6.3")
    assert end_of_year_rule("2022-01-01").percentage == Decimal("8.33")


def test_holiday_allowance_is_8_percent_without_a_minimum() -> None:
    rule = holiday_rule("2025-05-01")
    assert rule.percentage == 8
    assert rule.minimum_per_year is None  # documented gap: not read


def test_oop_yearly_payment_brackets() -> None:
    rule = oop_yearly_rule("2023-06-01")
    assert bracket_amount(rule.brackets, "8") == 1475  # PO-Raad FAQ, art. 6.21
    assert bracket_amount(rule.brackets, "9") == 275
    assert bracket_amount(rule.brackets, "14") == 275
    assert bracket_amount(rule.brackets, "LB") is None
    assert rule.fte_cap == 1


def test_oop_yearly_payment_raised_10_percent_on_1_july_2023() -> None:
    """VO-raad Q&A CAO 2023/2024: the VO accruals these PO amounts equal rose 10 % on
    2023-07-01; RMU (2025-11-27) prints EUR 302,50 for OOP schaal 9+ (= 275 x 1,10)
    (REVIEW-2026-11-rules.md section 5, W4)."""
    rule = oop_yearly_rule("2023-07-01")
    assert bracket_amount(rule.brackets, "9") == Decimal("302.50")  # RMU
    assert bracket_amount(rule.brackets, "8") == Decimal("1622.50")  # 1475 x 1,10
    assert rule.status == "derived" and rule.derivation is not None
    base = oop_yearly_rule("2022-06-01")
    factor = 1 + rule.derivation.percentage / 100
    for old, new in zip(base.brackets, rule.brackets, strict=True):
        assert round_cents(old.amount * factor) == new.amount


def test_oop_yearly_payment_before_2022_where_sourced() -> None:
    """ambtenarensalaris.nl (21-12-2017): 'Medewerkers in schaal 1 tot en met 5 ontvangen
    1.138,34 euro. Voor medewerkers in schaal 6 tot en met 8 bedraagt de extra uitkering
    1.090,47 euro.'"""
    rule = oop_yearly_rule("2017-06-01")
    assert bracket_amount(rule.brackets, "5") == Decimal("1138.34")
    assert bracket_amount(rule.brackets, "6") == Decimal("1090.47")
    assert rule.not_read_from == 9
    with pytest.raises(NoDataForDateError):
        oop_yearly_rule("2018-06-01")


def test_one_off_payments_are_listed_in_order() -> None:
    payments = one_off_payments()
    ids = [p.id for p in payments]
    assert "2022-07" in ids and "2023-11" in ids
    nov = next(p for p in payments if p.id == "2023-11")
    assert [bracket_amount(nov.brackets, s) for s in ("1", "5", "6", "9", "10", "LB", "D12")] == [
        1000,
        1000,
        600,
        600,
        350,
        350,
        350,
    ]


def test_the_commuting_versions_do_not_overlap() -> None:
    periods = catalog().series("woon_werk", CommutingRule).periods()
    assert periods[0] == (date(2023, 5, 1), date(2024, 1, 1))
    assert [start for start, _ in periods] == [
        date(2023, 5, 1),
        date(2024, 1, 1),
        date(2026, 1, 1),
    ]


def test_a_broken_commuting_file_names_its_path(tmp_path: Path) -> None:
    path = tmp_path / "woon_werk_2030-01-01.yaml"
    path.write_text(
        "kind: commuting_allowance\ntable: woon_werk\ntitle: t\neffective_from: 2030-01-01\n"
        "cao: x\nstatus: published\ncomputable: true\nrate_per_km: 0.2\nkm_not_reimbursed: 7\n"
        "max_km_one_way: 25\nsources: [{title: s}]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"woon_werk_2030-01-01\.yaml"):
        load_file(path)


SUPPORT_STAFF = """\
kind: salary_scales
table: support_staff
title: "Test table: OOP schaal 5, 6 (amounts for the test only)"
effective_from: 2022-01-01
cao: "test"
status: published
coverage: partial
sources: [{title: "test fixture"}]
cells:
  "5": {1: 2500}
  "6": {1: 2600}
"""


@pytest.fixture
def oop_tables(tmp_path: Path) -> Path:
    # A user table ends at a structural change of the chain it cannot be carried across
    # (2022-08-01 VO tables, 2024-01-01 re-issue): one test version after each.
    for start in ("2022-01-01", "2022-08-01", "2024-01-01"):
        text = SUPPORT_STAFF.replace("2022-01-01", start)
        (tmp_path / f"support_staff_{start}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_oop_yearly_payment_worked_example(oop_tables: Path) -> None:
    # RULES.md section 6: OOP schaal 6, wtf 0,6 all year -> 0,6 x EUR 1.475 = EUR 885 in
    # December; from 2023-07-01 the amount is 10 % higher (VO-raad Q&A 2023; RMU 2025 prints
    # 302,50 = 275 x 1,10 for schaal 9+), so 2024: 0,6 x EUR 1.622,50 = EUR 973,50
    with user_tables(oop_tables):
        income = annual_income(
            Employment("6", 1, start=date(2024, 1, 1), fte=Decimal("0.6"), step_increase=False),
            year=2024,
        )
        december = income.months[-1]
        assert december.amount("jaarlijkse_uitkering_oop") == Decimal("973.50")
        assert income.totals["jaarlijkse_uitkering_oop"] == Decimal("973.50")
        # capped at werktijdfactor 1 (art. 6.21)
        capped = annual_income(
            Employment("6", 1, start=date(2024, 1, 1), fte=Decimal("1.1"), step_increase=False),
            year=2024,
        )
        assert capped.totals["jaarlijkse_uitkering_oop"] == Decimal("1622.50")
        # a leaver on 30 June gets half, at the final settlement in June
        leaver = annual_income(
            Employment("6", 1, start=date(2024, 1, 1), end=date(2024, 6, 30), step_increase=False),
            year=2024,
        )
        assert leaver.months[-1].month == date(2024, 6, 1)
        assert leaver.months[-1].amount("jaarlijkse_uitkering_oop") == Decimal("811.25")


def test_one_off_november_2023_brackets_and_accrual(oop_tables: Path) -> None:
    # IJK / salaris-informatie 2023: schaal 1-5 EUR 1.000, accrued over August-October 2023
    with user_tables(oop_tables):
        full = annual_income(
            Employment("5", 1, start=date(2023, 1, 1), step_increase=False), year=2023
        )
        assert full.totals["eenmalige_uitkering_2023-11"] == Decimal("1000.00")
        # in service from 1 October at wtf 0,5: one of three months, half -> 1000 / 3 / 2
        late = annual_income(
            Employment("5", 1, start=date(2023, 10, 1), fte=Decimal("0.5"), step_increase=False),
            year=2023,
        )
        assert late.totals["eenmalige_uitkering_2023-11"] == Decimal("166.67")


def test_one_off_july_2022_needs_service_on_1_july(oop_tables: Path) -> None:
    # De Cirkel 2022: EUR 500 full-time, pro rata, if in service on 1 July 2022
    with user_tables(oop_tables):
        income = annual_income(
            Employment("6", 1, start=date(2022, 1, 1), fte=Decimal("0.5"), step_increase=False),
            year=2022,
        )
        assert income.totals["eenmalige_uitkering_2022-07"] == Decimal("250.00")
        later = annual_income(
            Employment("6", 1, start=date(2022, 7, 2), step_increase=False), year=2022
        )
        assert "eenmalige_uitkering_2022-07" not in later.totals


@settings(max_examples=40, deadline=None)
@given(
    km=st.decimals(min_value=0, max_value=200, places=1),
    days=st.integers(min_value=0, max_value=7),
    replacement=st.booleans(),
    on=st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
)
def test_commuting_is_never_negative_and_capped(
    km: Decimal, days: int, replacement: bool, on: date
) -> None:
    allowance = commuting_allowance(km, on=on, days_per_week=days, replacement=replacement)
    rule = catalog().series("woon_werk", CommutingRule).version_on(on)
    assert isinstance(rule, CommutingRule)
    cap = rule.max_km_one_way_replacement if replacement else rule.max_km_one_way
    assert cap is not None
    assert allowance.per_year >= 0
    assert allowance.reimbursable_km <= cap - rule.km_not_reimbursed


# --------------------------------------------------------------------------- numbers in data

END_OF_YEAR_WITHOUT_MONTH = """\
kind: end_of_year_payment
table: eindejaarsuitkering
title: "Test: no payment month"
effective_from: 2030-01-01
cao: "test"
status: published
percentage: 8.33
sources: [{title: "test fixture"}]
"""


def test_the_payment_month_is_required_in_the_data(tmp_path: Path) -> None:
    # no December in code: a file without paid_in_month is refused, naming the field
    path = tmp_path / "eindejaarsuitkering_2030-01-01.yaml"
    path.write_text(END_OF_YEAR_WITHOUT_MONTH, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"eindejaarsuitkering_2030-01-01\.yaml.*paid_in_month"):
        load_file(path)
    oop = Path(__file__).resolve().parents[2] / "data" / "allowances"
    text = (oop / "oop_jaarlijkse_uitkering_2022-01-01.yaml").read_text(encoding="utf-8")
    bare = tmp_path / "oop_jaarlijkse_uitkering_2022-01-01.yaml"
    bare.write_text(text.replace("paid_in_month: 12\n", ""), encoding="utf-8")
    with pytest.raises(DataFileError, match="paid_in_month"):
        load_file(bare)


def test_who_gets_the_oop_payment_is_data(tmp_path: Path) -> None:
    # PO-Raad FAQ (art. 6.21): for OOP; the shipped file says who: [support_staff]
    assert oop_yearly_rule("2024-06-01").who == (Category.SUPPORT_STAFF,)
    shipped = Path(__file__).resolve().parents[2] / "data" / "allowances"
    text = (shipped / "oop_jaarlijkse_uitkering_2022-01-01.yaml").read_text(encoding="utf-8")
    for_directors = text.replace("who: [support_staff]", "who: [director]")
    assert "who: [director]" in for_directors
    plain, directors = tmp_path / "plain", tmp_path / "directors"
    for folder in (plain, directors):
        folder.mkdir()
        for start in ("2022-01-01", "2022-08-01"):  # the 2022-08-01 VO tables end the first
            text = SUPPORT_STAFF.replace("2022-01-01", start)
            (folder / f"support_staff_{start}.yaml").write_text(text, encoding="utf-8")
    (directors / "oop_jaarlijkse_uitkering_2022-01-01.yaml").write_text(
        for_directors, encoding="utf-8"
    )

    def oop_total(category: str) -> Decimal | None:
        employment = Employment(
            "6", 1, start=date(2022, 1, 1), category=category, step_increase=False
        )
        return annual_income(employment, year=2022).totals.get("jaarlijkse_uitkering_oop")

    with user_tables(plain):
        assert oop_total("oop") == Decimal("1475.00")  # schaal 6, werktijdfactor 1
        assert oop_total("directeur") is None
    with user_tables(directors, replace=True):
        assert oop_total("oop") is None
        assert oop_total("directeur") == Decimal("1475.00")


def test_one_parser_for_km_and_travel_days() -> None:
    # the same words from Employment and commuting_allowance, each naming its own argument
    for call, name in (
        (lambda: commuting_allowance(-1, on="2024-03-01"), "km_one_way"),
        (lambda: Employment("LB", 5, start="2024-03-01", commute_km=-1), "commute_km"),
    ):
        with pytest.raises(InvalidInputError, match=f"{name} must be 0 or more km, not -1"):
            call()
    for call, name in (
        (lambda: commuting_allowance(30, on="2024-03-01", days_per_week="8"), "days_per_week"),
        (
            lambda: Employment("LB", 5, start="2024-03-01", travel_days_per_week="8"),
            "travel_days_per_week",
        ),
    ):
        with pytest.raises(InvalidInputError, match=f"{name} must be from 0 to 7 days a week"):
            call()
    with pytest.raises(InvalidInputError, match="replacement must be True or False"):
        commuting_allowance(30, on="2024-03-01", replacement="no")  # type: ignore[arg-type]
