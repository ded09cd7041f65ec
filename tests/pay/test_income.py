"""annual_income and projected_salary: published figures, conventions and properties."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.errors import (
    InvalidInputError,
    NoDataForDateError,
    NotPublishedError,
    UnknownScaleError,
)
from caopo.pay.employment import Employment, step_on
from caopo.pay.income import annual_income
from caopo.pay.projection import projected_salary
from tests._helpers import user_tables

LB5 = Employment("LB", 5, start=date(2025, 1, 1), fte=Decimal("0.8"))


def test_lb5_2025_month_by_month() -> None:
    # teachers 2024-10-01 (ambtenarensalaris.nl): LB trede 5 = 3.868, trede 6 = 4.001
    income = annual_income(LB5, year=2025)
    months = {m.month.month: m for m in income.months}
    assert months[1].amount("salaris") == Decimal("3094.40")  # 3868 x 0,8
    assert months[1].status == "published"
    assert months[8].step == 6  # periodiek on 1 August
    assert months[8].amount("salaris") == Decimal("3200.80")  # 4001 x 0,8
    # 2025-11-01 +4,6 % (provisional): 4001 x 1,046 = 4185,046 -> 4185; x 0,8
    assert months[11].amount("salaris") == Decimal("3348.00")
    assert months[11].status == "provisional"
    # vakantie-uitkering 8 % accrued monthly
    assert months[1].amount("vakantie_uitkering") == Decimal("247.55")  # 3094,40 x 0,08 = 247,552
    # eindejaarsuitkering 8,33 % of the year's salary, in December
    year_salary = 7 * Decimal("3094.40") + 3 * Decimal("3200.80") + 2 * Decimal("3348.00")
    assert income.totals["salaris"] == year_salary
    assert months[12].amount("eindejaarsuitkering") == (year_salary * Decimal("0.0833")).quantize(
        Decimal("0.01")
    )
    assert income.status == "provisional"


def test_public_api_exports() -> None:
    assert caopo.annual_income is annual_income
    assert caopo.Employment is Employment


def test_partial_first_month_counts_calendar_days() -> None:
    # start on 16 March: 16 of 31 days of 3868
    income = annual_income(Employment("LB", 5, start=date(2025, 3, 16)), year=2025)
    march = income.months[0]
    assert march.month == date(2025, 3, 1)
    assert march.amount("salaris") == (Decimal(3868) * 16 / 31).quantize(Decimal("0.01"))
    assert march.part == Decimal(16) / 31


def test_periodiek_needs_60_days_in_the_school_year() -> None:
    assert step_on(Employment("LB", 5, start=date(2025, 6, 1)), date(2025, 8, 1)) == 6
    assert step_on(Employment("LB", 5, start=date(2025, 6, 15)), date(2025, 8, 1)) == 5
    assert step_on(Employment("LB", 12, start=date(2025, 1, 1)), date(2025, 8, 1)) == 12  # top
    assert (
        step_on(Employment("LB", 5, start=date(2025, 1, 1), step_increase=False), "2026-09-01") == 5
    )


def test_strict_raises_and_lenient_marks_missing_months() -> None:
    # 2023: teachers 2022-07-01 and 2023-07-01 are partial tables without LB trede 5
    employment = Employment("LB", 5, start=date(2023, 1, 1), step_increase=False)
    with pytest.raises(NotPublishedError, match="LB trede 5"):
        annual_income(employment, year=2023)
    income = annual_income(employment, year=2023, strict=False)
    # 'missing' is a flag beside the three statuses, not a fourth status
    assert not income.complete
    assert len(income.gaps) >= 12
    assert all(m.lines[0].missing and m.lines[0].amount == 0 for m in income.months)
    assert all(not m.complete for m in income.months)


def test_travel_is_paid_in_11_instalments_summing_to_the_year() -> None:
    income = annual_income(
        Employment("LB", 5, start=date(2025, 1, 1), commute_km=Decimal(30)), year=2025
    )
    assert income.totals["woon_werk"] == Decimal("1272.96")  # 18 x 2 x 208 x 0,17
    august = next(m for m in income.months if m.month.month == 8)
    assert august.amount("woon_werk") == 0
    assert {m.amount("woon_werk") for m in income.months if m.month.month != 8} <= {
        Decimal("115.72"),
        Decimal("115.73"),
    }


def test_projection_of_a_school_leader_cell() -> None:
    # school_leaders 2022-01-01: D12 trede 12 = 5.784 (ends 2022-07-01);
    # +4,75 % (2022-07-01) and +10 % (2023-07-01): 5784 x 1,0475 x 1,10 = 6664,614 -> 6665
    projected = projected_salary("D12", 12, on="2023-08-01")
    assert projected.projected
    assert projected.full_time_amount == 6665
    assert projected.status == "derived"
    assert projected.raises == (date(2022, 7, 1), date(2023, 7, 1))


def test_projection_refuses_a_flat_future() -> None:
    # the CAO 2025-2027 ends 2027-03-01 and no later raise is known
    with pytest.raises(NoDataForDateError, match="does not project a flat salary"):
        projected_salary("LB", 5, on="2027-06-01")


def test_schaal_10_gets_the_lb_amounts_on_1_july_2026(tmp_path: Path) -> None:
    (tmp_path / "support_staff_2024-10-01.yaml").write_text(
        "kind: salary_scales\ntable: support_staff\ntitle: test\neffective_from: 2024-10-01\n"
        "effective_until: 2025-11-01\ncao: test\nstatus: published\ncoverage: partial\n"
        'sources: [{title: "test fixture"}]\ncells:\n  "10": {1: 3000}\n',
        encoding="utf-8",
    )
    with user_tables(tmp_path):
        # 3000 x 1,046 before July 2026
        assert projected_salary("10", 1, on="2026-06-01").full_time_amount == 3138
        # LB trede 1 from 2026-07-01: 3463 x 1,046 = 3622,298 -> 3622 (CNV/RMU 2025)
        july = projected_salary("10", 1, on="2026-07-01")
        assert july.full_time_amount == 3622
        assert july.status == "provisional"
        # then LB's amount on 2026-11-01, rounded once from the published 2024-10-01 cell:
        # 3463 x 1,046 x 1,012 = 3665,77 -> 3666 (the research's derived 2026-11-01 table,
        # reference/scales/derived; rounding 3622 again would give 3665, not LB's amount)
        assert projected_salary("10", 1, on="2026-12-01").full_time_amount == 3666


def test_bad_employment_input() -> None:
    with pytest.raises(InvalidInputError, match="before start"):
        Employment("LB", 5, start=date(2025, 3, 1), end=date(2025, 2, 1))
    with pytest.raises(InvalidInputError, match="float"):
        Employment("LB", 5, start=date(2025, 3, 1), fte=0.8)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="no day in 2024"):
        annual_income(LB5, year=2024)


FTES = st.sampled_from([Decimal(n) / 20 for n in range(1, 21)])


@settings(max_examples=15, deadline=None)
@given(fte=FTES, step=st.integers(min_value=1, max_value=11), km=st.sampled_from([None, 12, 30]))
def test_components_sum_to_totals_and_are_never_negative(
    fte: Decimal, step: int, km: int | None
) -> None:
    income = annual_income(
        Employment(
            "LB",
            step,
            start=date(2025, 1, 1),
            fte=fte,
            commute_km=None if km is None else Decimal(km),
        ),
        year=2025,
        strict=False,  # trede 11 reaches the top in August: the top-step oktobertoelage of
        # October 2025 has no amount in the sources, a missing line (0) in lenient mode
    )
    for month in income.months:
        assert month.total == sum((ln.amount for ln in month.lines), Decimal(0))
        assert all(ln.amount >= 0 for ln in month.lines)
    assert income.total == sum(income.totals.values(), Decimal(0))
    assert income.total == sum((m.total for m in income.months), Decimal(0))


@settings(max_examples=15, deadline=None)
@given(fte=FTES, step=st.integers(min_value=1, max_value=10))  # 11 reaches the top in August:
# the top-step oktobertoelage of October 2025 has no amount in the sources (a strict gap)
def test_everything_scales_linearly_with_the_werktijdfactor(fte: Decimal, step: int) -> None:
    full = annual_income(Employment("LB", step, start=date(2025, 1, 1)), year=2025)
    part = annual_income(Employment("LB", step, start=date(2025, 1, 1), fte=fte), year=2025)
    for name, amount in full.totals.items():
        lines = sum(1 for m in full.months for ln in m.lines if ln.component == name)
        # each line is rounded once: at most half a cent per line, plus the salary cents that
        # the year-end payment rests on
        assert abs(part.totals[name] - amount * fte) <= Decimal("0.01") * (lines + 12), name


@pytest.mark.parametrize("employment", ["LB", None, 5, ("LB", 5)])
def test_annual_income_refuses_what_is_not_an_employment(employment: object) -> None:
    with pytest.raises(InvalidInputError, match="employment must be an Employment") as refused:
        annual_income(employment, year=2025)  # type: ignore[arg-type]
    assert type(employment).__name__ in str(refused.value)


@pytest.mark.parametrize("flag", ["step_increase", "replacement"])
@pytest.mark.parametrize("value", ["no", "False", 0, 1, None])
def test_employment_flags_are_true_or_false(flag: str, value: object) -> None:
    with pytest.raises(InvalidInputError, match=f"{flag} must be True or False"):
        Employment("LB", 5, start="2025-01-01", **{flag: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", ["strict", "projection"])
def test_annual_income_flags_are_true_or_false(flag: str) -> None:
    with pytest.raises(InvalidInputError, match=f"{flag} must be True or False, not 'no'"):
        annual_income(LB5, year=2025, **{flag: "no"})  # type: ignore[arg-type]


def test_an_unknown_scale_is_refused_when_the_employment_is_made() -> None:
    # as career_timeline does: the one ScaleCode parser names the known codes
    with pytest.raises(UnknownScaleError, match="'LX' is not a CAO PO scale code; known codes"):
        Employment("LX", 5, start="2025-01-01")
    assert Employment(caopo.scale_code("l11"), 5, start="2025-01-01").scale == "L11"
    assert Employment("schaal 8", 5, start="2025-01-01").scale == "8"


def test_cli_year_is_parsed_by_to_year(capsys: pytest.CaptureFixture[str]) -> None:
    from caopo.cli import main

    fullwidth_2025 = "\uff12\uff10\uff12\uff15"  # int() reads it; the one year parser does not
    # argparse refuses it before the API runs
    assert main(["income", "LB", "5", "--year", fullwidth_2025]) == 2
    assert "year must be a year like 2021" in capsys.readouterr().err
