"""Issue 9 for pay: one periodiek, one status order, one vocabulary, one registry.

The properties compare pay with the modules it must agree with (careers, the catalog),
never with its own earlier output.
"""

from __future__ import annotations

import ast
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.catalog.inventory import raises
from caopo.catalog.loader import catalog
from caopo.errors import InvalidInputError, NotPublishedError
from caopo.inputs import Category, to_category
from caopo.pay import plan as plan_module
from caopo.pay.components import COMPONENTS
from caopo.pay.components.end_of_year import end_of_year_rule
from caopo.pay.components.holiday import holiday_rule
from caopo.pay.components.one_off import one_off_payments
from caopo.pay.employment import Employment, step_history, step_on
from caopo.pay.income import AnnualIncome, annual_income
from caopo.pay.lines import Reference
from caopo.provenance import weakest
from caopo.salary_scales.careers import CareerRow, career_timeline
from caopo.salary_scales.periodiek import periodiek_dates
from caopo.salary_scales.salary import salary_detail
from caopo.schema.base import TableVersion
from tests._helpers import user_tables

ROOT = Path(__file__).resolve().parents[2]
TEACHER_SCALES = st.sampled_from(["LB", "LC", "LD", "LE"])
STARTS = st.dates(min_value=date(2024, 10, 1), max_value=date(2026, 6, 30))
UNTIL = date(2026, 12, 31)


# --------------------------------------------------------------------------- one periodiek


def _career_step(rows: tuple[CareerRow, ...], day: date) -> int | None:
    return [row for row in rows if row.on <= day][-1].step


def test_the_issue_example_lb5_hired_15_june_2025() -> None:
    # 47 days in service in 2024-2025 (< 60): no periodiek on 2025-08-01, in both
    rows = career_timeline("LB", 5, since="2025-06-15", until="2025-12-31", mode="lenient")
    income = annual_income(Employment("LB", 5, start=date(2025, 6, 15)), year=2025)
    august = next(m for m in income.months if m.month == date(2025, 8, 1))
    assert _career_step(rows, date(2025, 8, 1)) == 5
    assert august.step == 5
    assert step_on(Employment("LB", 5, start=date(2025, 6, 15)), "2026-08-01") == 6


@settings(max_examples=40, deadline=None)
@given(scale=TEACHER_SCALES, step=st.integers(min_value=1, max_value=12), start=STARTS)
def test_career_timeline_and_annual_income_agree_on_every_periodiek(
    scale: str, step: int, start: date
) -> None:
    rows = career_timeline(scale, step, since=start, until=UNTIL, mode="lenient")
    employment = Employment(scale, step, start=start)
    incomes = {
        year: annual_income(employment, year=year, strict=False)
        for year in range(start.year, UNTIL.year + 1)
    }
    for day in periodiek_dates(start, UNTIL):
        month = next(m for m in incomes[day.year].months if m.month == day)
        assert month.step == _career_step(rows, day), day
        assert step_on(employment, day) == _career_step(rows, day), day


def test_an_unknown_maximum_raises_naming_why() -> None:
    # D12 has at least 12 treden (scale_codes.yaml); the number is not published, so the
    # periodiek of 2022-08-01 from trede 12 has no known result: no guess
    employment = Employment("D12", 12, start=date(2022, 1, 1))
    assert [c.step for c in step_history(employment, "2022-08-01")] == [12, None]
    with pytest.raises(NotPublishedError, match="number of treden of D12"):
        step_on(employment, "2022-08-01")
    with pytest.raises(NotPublishedError, match="number of treden of D12"):
        annual_income(employment, year=2022, projection=True)
    lenient = annual_income(employment, year=2022, projection=True, strict=False)
    august = lenient.months[7]
    assert august.step is None and august.lines[0].missing and not august.complete
    assert any("number of treden of D12" in gap for gap in lenient.gaps)


def test_change_days_are_found_once_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[date, date]] = []
    original = plan_module._change_days

    def counting(first: date, after: date) -> set[date]:
        calls.append((first, after))
        return original(first, after)

    monkeypatch.setattr(plan_module, "_change_days", counting)
    annual_income(Employment("LB", 5, start=date(2025, 3, 16)), year=2025)
    assert calls == [(date(2025, 3, 1), date(2026, 1, 1))]


# --------------------------------------------------------------------------- one status


def _catalog_status(ref: Reference) -> str:
    """The status of what *ref* names, looked up in the data, not in pay."""
    if ref.table == "general_raises":
        return next(e.status for e in raises() if e.on.isoformat() == ref.version)
    if ref.table == "eenmalige_uitkeringen":
        return next(p.status for p in one_off_payments() if p.id == ref.version)
    if ref.table == "projection":
        return "derived"
    series = catalog().series(ref.table, TableVersion)
    return next(v.status for v in series.versions if v.effective_from.isoformat() == ref.version)


def _check_statuses(income: AnnualIncome) -> None:
    for month in income.months:
        for line in month.lines:
            assert line.status == weakest(ref.status for ref in line.rests_on), line
            for ref in line.rests_on:
                assert ref.status == _catalog_status(ref), ref
        assert month.status == weakest(line.status for line in month.lines)
        assert month.complete == (not any(line.missing for line in month.lines))
    assert income.status == weakest(month.status for month in income.months)


@settings(max_examples=30, deadline=None)
@given(
    scale=TEACHER_SCALES,
    step=st.integers(min_value=1, max_value=12),
    start=STARTS,
    km=st.sampled_from([None, 12, 30]),
    projection=st.booleans(),
    later=st.booleans(),
)
def test_every_status_is_the_weakest_of_what_it_rests_on(
    scale: str, step: int, start: date, km: int | None, projection: bool, later: bool
) -> None:
    employment = Employment(scale, step, start=start, commute_km=km, fte=Decimal("0.8"))
    year = start.year + 1 if later else start.year
    income = annual_income(employment, year=year, strict=False, projection=projection)
    _check_statuses(income)
    for month in income.months:
        salary = next(ln for ln in month.lines if ln.component == "salaris")
        if projection or salary.missing or month.part != 1 or month.step is None:
            continue
        detail = salary_detail(scale, month.step, on=month.month)
        assert {(r.table, r.version) for r in salary.rests_on} == {
            (detail.table, detail.effective_from.isoformat())
        }
        holiday = next(ln for ln in month.lines if ln.component == "vakantie_uitkering")
        rule = holiday_rule(month.month)
        assert ("vakantie_uitkering", rule.effective_from.isoformat()) in {
            (r.table, r.version) for r in holiday.rests_on
        }


def test_lc_12_in_december_2025_is_provisional_everywhere() -> None:
    # teachers 2025-11-01 is derived through the provisional +4,6 %: provisional from
    # salary_detail and from annual_income alike (it was 'derived' from salary_detail)
    income = annual_income(Employment("LC", 12, start=date(2025, 1, 1)), year=2025)
    assert salary_detail("LC", 12, on="2025-12-01").status == "provisional"
    assert income.months[-1].lines[0].status == "provisional"


def test_a_year_with_one_off_payments_rests_on_them() -> None:
    # 2020: the February one-offs and the December 0,7 % (all published)
    income = annual_income(Employment("L11", 5, start=date(2020, 1, 1)), year=2020, strict=False)
    _check_statuses(income)
    names = set(income.totals)
    assert {"eenmalige_uitkering_2020-02-fixed", "eenmalige_uitkering_2020-12"} <= names


# --------------------------------------------------------------------------- one vocabulary


@pytest.mark.parametrize(
    "spelling",
    ["teacher", "leraar", "Leerkracht", "director", "directeur", "adjunct",
     "Adjunct-directeur", "support_staff", "oop", "onderwijsondersteunend",
     Category.DIRECTOR],
)  # fmt: skip
def test_employment_accepts_every_spelling_of_the_category(spelling: str | Category) -> None:
    employment = Employment("LB", 5, start=date(2025, 1, 1), category=spelling)
    assert employment.category is to_category(spelling)


def test_category_from_the_scale_code() -> None:
    assert [
        Employment(code, 1, start=date(2025, 1, 1)).category for code in ("LB", "A11", "D12", "8")
    ] == [Category.TEACHER, Category.ADJUNCT, Category.DIRECTOR, Category.SUPPORT_STAFF]


def test_school_leader_is_refused_with_the_members_to_use() -> None:
    # the old income-only member: refused by the one parser, which names the members to use
    with pytest.raises(InvalidInputError, match="adjunct, director") as refused:
        Employment("D12", 5, start=date(2025, 1, 1), category="school_leader")
    assert "directeur, adjunct-directeur" in str(refused.value)
    with pytest.raises(InvalidInputError, match="category 'dean' is not known"):
        Employment("LB", 5, start=date(2025, 1, 1), category="dean")


def test_one_off_who_uses_the_category_vocabulary() -> None:
    # 2018-10-teachers: 42 % of the full-time September 2018 salary (L10 trede 15 = 3.875,
    # AVS-NIVEAU-2018), accrued over January-August 2018, for teachers only. (L10 starts on
    # 2018-09-01, so the months before have no table: lenient mode.)
    def year_2018(category: str) -> AnnualIncome:
        employment = Employment(
            "L10", 15, start=date(2018, 1, 1), category=category, step_increase=False
        )
        return annual_income(employment, year=2018, strict=False)

    teacher = year_2018("leraar").totals
    assert teacher["eenmalige_uitkering_2018-10-teachers"] == Decimal("1627.50")  # 3875 x 0,42
    assert "eenmalige_uitkering_2018-10-teachers" not in year_2018("oop").totals
    teachers_only = next(p for p in one_off_payments() if p.id == "2018-10-teachers")
    assert teachers_only.who == (Category.TEACHER,)


# --------------------------------------------------------------------------- numbers in data

END_OF_YEAR_IN_JUNE = """\
kind: end_of_year_payment
table: eindejaarsuitkering
title: "Test: 8,33 %, paid in June"
effective_from: 2022-01-01
cao: "test"
status: published
percentage: 8.33
paid_in_month: 6
sources: [{title: "test fixture"}]
"""


def test_the_payment_month_is_read_from_the_data(tmp_path: Path) -> None:
    (tmp_path / "eindejaarsuitkering_2022-01-01.yaml").write_text(
        END_OF_YEAR_IN_JUNE, encoding="utf-8"
    )
    with user_tables(tmp_path, replace=True):
        assert end_of_year_rule("2025-01-01").paid_in_month == 6
        income = annual_income(Employment("LB", 5, start=date(2025, 1, 1)), year=2025)
        paid = [m.month.month for m in income.months if m.amount("eindejaarsuitkering")]
        assert paid == [6]


def _python_files() -> list[Path]:
    return sorted((ROOT / "src" / "caopo" / "pay").rglob("*.py"))


def test_no_periodiek_date_days_or_month_literals_in_pay() -> None:
    # the periodiek (1 August, 60 days) and payment months are data
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "date":
                args = [a.value for a in node.args if isinstance(a, ast.Constant)]
                assert args[1:3] != [8, 1], f"{path.name}: a hard-coded 1 August"
            if isinstance(node, ast.Constant) and node.value == 60:
                pytest.fail(f"{path.name}: a hard-coded 60")


def test_no_assert_isinstance_or_type_ignore_in_pay() -> None:
    for path in _python_files():
        text = path.read_text(encoding="utf-8")
        assert "type: ignore" not in text, path.name
        tree = ast.parse(text)
        assert not any(isinstance(node, ast.Assert) for node in ast.walk(tree)), path.name


# --------------------------------------------------------------------------- one registry


def test_every_component_module_is_in_the_registry_and_the_docs() -> None:
    folder = ROOT / "src" / "caopo" / "pay" / "components"
    units = {p.stem for p in folder.glob("*.py")} - {"__init__", "base"}
    registered = {component.__module__.rpartition(".")[2] for component in COMPONENTS}
    assert registered == units
    docs = (ROOT / "docs" / "income.md").read_text(encoding="utf-8")
    for component in COMPONENTS:
        module = __import__(component.__module__, fromlist=["NAME"])
        name = getattr(module, "NAME", None) or getattr(module, "PREFIX", "") + "<id>"
        assert f"`{name}`" in docs, name


def test_a_month_of_service_cut_at_the_start_keeps_its_calendar_days() -> None:
    income = annual_income(Employment("LB", 5, start=date(2025, 8, 20)), year=2025)
    august = income.months[0]
    assert august.part == Decimal(12) / 31
    # LB trede 5 = 3.868 (teachers 2024-10-01): 12 of 31 days, no periodiek before the start
    assert august.step == 5
    assert august.amount("salaris") == (Decimal(3868) * 12 / 31).quantize(Decimal("0.01"))
