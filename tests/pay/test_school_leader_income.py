"""School leaders in a year of pay: the bindingstoelage (one table for every category, an
August line) and the oktobertoelage below the top step, against the figures their sources
print (data/allowances/bindingstoelage_2022-01-01.yaml, oktobertoelage_2025-11-01.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.errors import NotPublishedError
from caopo.pay.components.yearly_allowances import yearly_allowance_rule

BINDING = {
    # AVS 'Onderwijsakkoord: loonkloof gedicht en extra's voor schoolleiders' (2022): at the
    # top of schaal 12 EUR 1.591,09, of schaal 13 and higher EUR 263,94; the high amount also
    # for adjuncts at the top of schaal 10 or 11 and directors at the top of schaal 11.
    "A10": "1591.09",
    "A11": "1591.09",
    "A12": "1591.09",
    "D11": "1591.09",
    "D12": "1591.09",
    "A13": "263.94",
    "D13": "263.94",
    "D14": "263.94",
    "D15": "263.94",
}

COMPLETE = """\
kind: salary_scales
table: school_leaders
title: "A user's complete table (a fixture: its amounts are not asserted, it tells the top step)"
effective_from: 2023-07-01
cao: "CAO PO 2023-2024"
status: published
coverage: complete
sources:
  - {title: "test fixture", url: "https://example.org"}
cells:
  D12: {1: 4001, 2: 4002, 3: 4003, 4: 4004, 5: 4005, 6: 4006, 7: 4007, 8: 4008, 9: 4009,
        10: 4010, 11: 4011, 12: 4012}
  D13: {1: 5001, 2: 5002, 3: 5003}
"""


def _lines(income: caopo.AnnualIncome, name: str) -> list[tuple[date, Decimal, str]]:
    return [
        (m.month, line.amount, line.status)
        for m in income.months
        for line in m.lines
        if line.component == name
    ]


@pytest.fixture
def complete_table(tmp_path: Path) -> Iterator[None]:
    """A user's complete school-leader table from 2023-07-01: D12 has 12 treden, D13 3."""
    (tmp_path / "school_leaders_2023-07-01.yaml").write_text(COMPLETE, encoding="utf-8")
    caopo.use_tables(tmp_path)
    try:
        yield
    finally:
        caopo.reset_tables()


@pytest.mark.parametrize(("scale", "amount"), sorted(BINDING.items()))
def test_one_bindingstoelage_table_holds_the_school_leaders_rows(scale: str, amount: str) -> None:
    rule = yearly_allowance_rule("bindingstoelage", "2023-08-01")
    category = "adjunct" if scale.startswith("A") else "director"
    rows = [r for r in rule.rows if r.holds(caopo.Category(category), scale)]
    assert [(r.steps, r.amount) for r in rows] == [("top", Decimal(amount))]
    assert rule.paid_in_month == 8
    detail = caopo.school_leader_allowance_detail("bindingstoelage", scale=scale, on="2023-08-01")
    assert (detail.amount, detail.period, detail.table) == (Decimal(amount), "year", rule.table)
    assert detail.payment_schedule == "once a year, in August" and detail.status == "published"


def test_a_director_at_the_top_is_paid_the_bindingstoelage_in_august(complete_table: None) -> None:
    top = caopo.Employment("D12", 12, start="2023-07-01", step_increase=False)
    income = caopo.annual_income(top, year=2023)
    assert _lines(income, "bindingstoelage") == [
        (date(2023, 8, 1), Decimal("1591.09"), "published")
    ]
    part = caopo.Employment("D12", 12, start="2023-07-01", step_increase=False, fte="0.8")
    assert caopo.annual_income(part, year=2023).totals["bindingstoelage"] == Decimal("1272.87")
    high = caopo.Employment("D13", 3, start="2023-07-01", step_increase=False)
    assert caopo.annual_income(high, year=2023).totals["bindingstoelage"] == Decimal("263.94")
    below = caopo.Employment("D12", 11, start="2023-07-01", step_increase=False)
    assert "bindingstoelage" not in caopo.annual_income(below, year=2023).totals


def test_without_the_number_of_treden_the_top_is_a_named_gap() -> None:
    """D12 from 2022 has at least 12 treden (scale_codes.yaml); its top is not published: a
    trede below 12 is below the top, trede 12 may be the top, so it is a gap, not a guess."""
    below = caopo.Employment("D12", 11, start="2023-01-01", step_increase=False)
    assert "bindingstoelage" not in caopo.annual_income(below, year=2023, strict=False).totals
    at_bound = caopo.Employment("D12", 12, start="2023-01-01", step_increase=False)
    lenient = caopo.annual_income(at_bound, year=2023, strict=False)
    gaps = [g for g in lenient.gaps if "toelage" in g]
    assert len(gaps) == 1 and gaps[0].startswith("2023-08 bindingstoelage: D12 on 2023-08-01")
    assert "not published (at least 12)" in gaps[0]


@pytest.mark.parametrize("scale", ["D12", "A11"])
def test_a_school_leader_below_the_top_accrues_the_oktobertoelage_from_november_2025(
    scale: str,
) -> None:
    """RMU (2025-11-27), quoted in oktobertoelage_2025-11-01.yaml: 'Directieleden en leraren
    die niet in de hoogste trede van hun schaal zitten, krijgen ... recht op een
    oktobertoelage van EUR 302,50 per jaar. De opbouw van de toelage gaat voor deze
    functiegroepen in op 1 november 2025.' Paid in October (CNV: 'vanaf oktober 2026'); CNV
    prints EUR 302,60, so it is provisional. Trede 5 is below the least number of treden of
    D12 (12) and A11 (13)."""
    job = caopo.Employment(scale, 5, start="2025-01-01")
    first = caopo.annual_income(job, year=2025, strict=False)
    assert "oktobertoelage" not in first.totals  # nothing accrued before November 2025
    year = caopo.annual_income(job, year=2026, strict=False)
    assert _lines(year, "oktobertoelage") == [(date(2026, 10, 1), Decimal("302.50"), "provisional")]
    late = caopo.Employment(scale, 5, start="2026-01-01", fte="0.8")
    assert caopo.annual_income(late, year=2026, strict=False).totals["oktobertoelage"] == (
        Decimal("201.67")  # 302,50 x 0,8 x 10/12 (January to October 2026)
    )


def test_a_director_at_the_top_has_the_successor_as_a_gap(complete_table: None) -> None:
    """The toelage that replaced the bindingstoelage on 2024-10-01 also covers 'schalen 13+'
    (AVS blurb), which only school leaders had: a director at the top has a gap in October
    2025 and 2026 (its amount was not read), not a silent zero."""
    top = caopo.Employment("D12", 12, start="2024-01-01", step_increase=False)
    for year in (2025, 2026):
        with pytest.raises(NotPublishedError, match="amount was not read"):
            caopo.annual_income(top, year=year)
        lenient = caopo.annual_income(top, year=year, strict=False)
        assert [g[:22] for g in lenient.gaps] == [f"{year}-10 oktobertoelage"]
