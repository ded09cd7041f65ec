"""Issue 9 for pay: one periodiek, one status order, one vocabulary, one registry.

The properties compare pay with the modules it must agree with (careers, the catalog),
never with its own earlier output.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.catalog.loader import shipped_data_dir
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
from caopo.salary_scales.careers import CareerRow, career_timeline
from caopo.salary_scales.periodiek import periodiek_dates
from caopo.salary_scales.salary import salary_detail
from tests._helpers import user_tables

ROOT = Path(__file__).resolve().parents[2]
DATA = shipped_data_dir()
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


def test_days_worked_decide_the_periodiek_in_both() -> None:
    # 59 days worked and paid in 2024-2025: fewer than the 60 of the rule, so no periodiek
    # on 2025-08-01, though in service the whole year (data/mappings/scale_transitions.yaml)
    worked = {2024: 59, 2025: 60}
    rows = career_timeline(
        "LB", 5, since="2024-10-01", until="2026-12-31", mode="strict", days_worked=worked
    )
    employment = Employment("LB", 5, start="2024-10-01", days_worked=worked)
    assert _career_step(rows, date(2025, 8, 1)) == step_on(employment, "2025-08-01") == 5
    assert _career_step(rows, date(2026, 8, 1)) == step_on(employment, "2026-08-01") == 6


WORKED = st.none() | st.fixed_dictionaries(
    {year: st.integers(min_value=0, max_value=366) for year in range(2024, 2027)}
)
"""Days worked and paid per school year (by the year it starts), or unknown (None: the
days in service count)."""


@settings(max_examples=60, deadline=None)
@given(
    scale=TEACHER_SCALES,
    step=st.integers(min_value=1, max_value=12),
    start=STARTS,
    days_worked=WORKED,
)
def test_career_timeline_and_annual_income_agree_on_every_periodiek(
    scale: str, step: int, start: date, days_worked: dict[int, int] | None
) -> None:
    rows = career_timeline(
        scale, step, since=start, until=UNTIL, mode="lenient", days_worked=days_worked
    )
    employment = Employment(scale, step, start=start, days_worked=days_worked)
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
#
# The expected statuses are read here from the raw data files (plain yaml, not caopo's
# catalog) and combined by the order of docs/design.md: published > derived > provisional.

RANK = {"published": 0, "derived": 1, "provisional": 2}


def _worst(statuses: Iterable[str]) -> str:
    return max(statuses, key=RANK.__getitem__, default="published")


def _raw(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


RAW = [_raw(path) for path in sorted(DATA.rglob("*.yaml"))]
RAISE_STATUS: dict[str, str] = {
    str(event["on"]): event["status"]
    for doc in RAW
    if doc["kind"] == "raise_chain"
    for event in doc["events"]
}
ONE_OFF_STATUS: dict[str, str] = {
    payment["id"]: payment["status"]
    for doc in RAW
    if doc["kind"] == "one_off_payments"
    for payment in doc["payments"]
}


def _version_status(doc: dict[str, Any]) -> str:
    """A version's own status, weakened by the raises a derived salary table declares."""
    raises_ = (doc.get("derivation") or {}).get("raises", [])
    return _worst([doc["status"], *(RAISE_STATUS[str(on)] for on in raises_)])


VERSION_STATUS: dict[tuple[str, str], str] = {
    (doc["table"], str(doc["effective_from"])): _version_status(doc)
    for doc in RAW
    if "effective_from" in doc
}


def _in_force(table: str, day: date) -> str:
    """The status of the raw version of *table* in force on *day*."""
    starts = sorted(doc["effective_from"] for doc in RAW if doc.get("table") == table)
    start = [d for d in starts if d <= day][-1]
    return VERSION_STATUS[(table, str(start))]


def _expected_status(ref: Reference) -> str:
    """The status of what *ref* names, read in the raw data files, not in caopo."""
    if ref.table == "general_raises":
        return RAISE_STATUS[ref.version]
    if ref.table == "eenmalige_uitkeringen":
        return ONE_OFF_STATUS[ref.version]
    if ref.table == "projection":
        # caopo's own projection rule is in no data file: it computes from the figures it
        # rests on by a declared rule, which principle 2 (docs/design.md) calls 'derived'
        return "derived"
    if ref.table == "missing":
        # a placeholder amount (0) until a table is loaded: provisional (docs/income.md)
        return "provisional"
    return VERSION_STATUS[(ref.table, ref.version)]


def _check_statuses(income: AnnualIncome) -> None:
    for month in income.months:
        for line in month.lines:
            assert line.status == _worst(_expected_status(r) for r in line.rests_on), line
            assert line.missing == any(r.table == "missing" for r in line.rests_on), line
        assert month.status == _worst(line.status for line in month.lines)
        assert month.complete == (not any(line.missing for line in month.lines))
    assert income.status == _worst(month.status for month in income.months)


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
        holiday = next(ln for ln in month.lines if ln.component == "vakantie_uitkering")
        if salary.missing:
            assert salary.status == holiday.status == month.status == "provisional"
            continue
        if projection or month.part != 1 or month.step is None:
            continue
        # a full month from the tables: the teachers version in force, and the holiday rule
        assert salary.status == _in_force("teachers", month.month), month.month
        assert holiday.status == _worst(
            [salary.status, _in_force("vakantie_uitkering", month.month)]
        )
        detail = salary_detail(scale, month.step, on=month.month)
        assert {(r.table, r.version) for r in salary.rests_on} == {
            (detail.table, detail.effective_from.isoformat())
        }
        rule = holiday_rule(month.month)
        assert ("vakantie_uitkering", rule.effective_from.isoformat()) in {
            (r.table, r.version) for r in holiday.rests_on
        }


def test_known_statuses_from_the_data_files() -> None:
    # teachers 2024-10-01 is published: an LB line of November 2024 is published
    november_2024 = annual_income(Employment("LB", 5, start="2024-10-01"), year=2024).months[1]
    assert VERSION_STATUS[("teachers", "2024-10-01")] == "published"
    assert november_2024.month == date(2024, 11, 1)
    assert november_2024.lines[0].status == november_2024.status == "published"
    # teachers 2025-11-01 is derived through the +4,6 % of 2025-11-01, which is provisional
    assert VERSION_STATUS[("teachers", "2025-11-01")] == "provisional"
    assert RAISE_STATUS["2025-11-01"] == "provisional"
    # strict=False: the top-step oktobertoelage of October 2025 has no amount in the sources
    # (oktobertoelage_2024-10-01.yaml), a gap that strict mode raises
    december_2025 = annual_income(
        Employment("LC", 12, start="2025-01-01"), year=2025, strict=False
    ).months[-1]
    assert december_2025.lines[0].status == "provisional"


def test_a_missing_line_is_provisional_and_so_is_its_month_and_year() -> None:
    # LB has no shipped amounts in 2019 (teachers 2018-09-01 prints L10, L11, L12): every
    # salary line is a placeholder 0, so nothing of 2019 may say 'published'
    income = annual_income(Employment("LB", 3, start="2019-01-01"), year=2019, strict=False)
    assert income.gaps and not income.complete
    for month in income.months:
        salary = month.lines[0]
        assert salary.missing and salary.amount == 0
        assert salary.status == month.status == "provisional"
        assert Reference("missing", "salaris", "provisional") in salary.rests_on
    assert income.status == "provisional"
    _check_statuses(income)


def test_lc_12_in_december_2025_is_provisional_everywhere() -> None:
    # teachers 2025-11-01 is derived through the provisional +4,6 %: provisional from
    # salary_detail and from annual_income alike (it was 'derived' from salary_detail)
    income = annual_income(Employment("LC", 12, start=date(2025, 1, 1)), year=2025, strict=False)
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


def _literal_dates_and_months(tree: ast.AST) -> list[str]:
    """Every date or month written into code: ``date(_, 8, 1)`` or any ``date()`` with a
    month literal, ``.replace(month=<literal>)``, ``<x>.month == 12`` and the like, and the
    60 days of the periodiek."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "date"
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
        ):
            found.append(f"line {node.lineno}: date() with month {node.args[1].value!r}")
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "replace":
            for keyword in node.keywords:
                if keyword.arg == "month" and isinstance(keyword.value, ast.Constant):
                    found.append(f"line {node.lineno}: replace(month={keyword.value.value!r})")
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            months = [x for x in sides if isinstance(x, ast.Attribute) and x.attr == "month"]
            literals = [x for x in sides if isinstance(x, ast.Constant)]
            if months and literals:
                found.append(f"line {node.lineno}: .month compared with {literals[0].value!r}")
        if isinstance(node, ast.Constant) and node.value == 60:
            found.append(f"line {node.lineno}: 60")
    return found


def test_no_periodiek_date_days_or_month_literals_in_pay() -> None:
    # the periodiek (1 August, 60 days) and payment months (December) are data; this walks
    # every module of src/caopo/pay (tests/test_architecture.py does not look at literals)
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert _literal_dates_and_months(tree) == [], path.relative_to(ROOT)


@pytest.mark.parametrize(
    "code",
    ["date(year, 8, 1)", "date(year, 12, 1)", "day.replace(month=12)",
     "month.month == 12", "12 != month.month", "x = 60"],
)  # fmt: skip
def test_the_literal_check_finds_a_literal(code: str) -> None:
    assert len(_literal_dates_and_months(ast.parse(code))) == 1


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
    registered = {component.post.__module__.rpartition(".")[2] for component in COMPONENTS}
    assert registered == units
    docs = (ROOT / "docs" / "income.md").read_text(encoding="utf-8")
    for component in COMPONENTS:
        assert f"`{component.name}`" in docs, component.name
        assert component.accrue is None or component.accrue.__module__ == component.post.__module__


def test_a_month_of_service_cut_at_the_start_keeps_its_calendar_days() -> None:
    income = annual_income(Employment("LB", 5, start=date(2025, 8, 20)), year=2025)
    august = income.months[0]
    assert august.part == Decimal(12) / 31
    # LB trede 5 = 3.868 (teachers 2024-10-01): 12 of 31 days, no periodiek before the start
    assert august.step == 5
    assert august.amount("salaris") == (Decimal(3868) * 12 / 31).quantize(Decimal("0.01"))
