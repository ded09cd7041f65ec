"""One home per rule (issue 9, review): who a budget is for is data in the one vocabulary,
statuses come from the data, every result type is :class:`~caopo.provenance.Sourced`, and
whole numbers of years are parsed the same way everywhere."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.catalog.loader import catalog, load_file
from caopo.errors import DataFileError, InvalidInputError, NotPublishedError
from caopo.inputs import Category, to_years
from caopo.professionalisation.budgets import (
    budget_categories,
    budget_rule,
    budget_tables,
)
from caopo.professionalisation.per_pupil import KIND_SPELLINGS
from caopo.provenance import STATUS_ORDER, Sourced
from caopo.schema.budgets import BudgetRule
from tests._helpers import DATA, user_tables

# --------------------------------------------------------------------------- categories


def _budget_days() -> list[date]:
    """Every day on which a budget version starts or ends, and the day before each."""
    tables = catalog()
    days: set[date] = set()
    for table in tables.table_ids(BudgetRule):
        for start, end in tables.series(table, BudgetRule).periods():
            for day in (start, end):
                if day is not None:
                    days.update((day, day - timedelta(days=1)))
    return sorted(days)


def test_each_category_is_in_exactly_one_budget_table_on_any_date() -> None:
    tables = catalog()
    series = [tables.series(t, BudgetRule) for t in tables.table_ids(BudgetRule)]
    for category in budget_categories():
        first = min(
            v.effective_from for s in series for v in s.versions if category in v.categories
        )
        for day in _budget_days():
            in_force = [s.table for s in series if (v := s.get(day)) and category in v.categories]
            if day < first:
                assert in_force == [], (category, day)
            else:
                assert len(in_force) == 1, f"{category} on {day}: {in_force}"
                assert budget_rule(category, on=day).table == in_force[0]


def test_the_category_mapping_is_read_from_the_data() -> None:
    assert budget_tables() == {
        Category.TEACHER: ("staff_budget",),
        Category.ADJUNCT: ("director_budget",),
        Category.DIRECTOR: ("director_budget",),
        Category.SUPPORT_STAFF: ("staff_budget",),
    }
    assert Category.BOARD not in budget_categories()


def _copy(source: str, folder: Path, name: str, **changes: str) -> Path:
    """A copy of a shipped budget file with some top-level lines replaced."""
    lines = (DATA / "budgets" / source).read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        key = line.partition(":")[0]
        out.append(f"{key}: {changes.pop(key)}" if key in changes else line)
    assert not changes, changes
    path = folder / name
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_a_category_in_two_tables_on_one_date_is_a_data_error(tmp_path: Path) -> None:
    _copy(
        "director_budget_2024-10-01.yaml",
        tmp_path,
        "director_budget_2030-01-01.yaml",
        effective_from="2030-01-01",
        categories="[adjunct, director, teacher]",
    )
    with user_tables(tmp_path):
        assert budget_rule("teacher", on="2029-12-31").table == "staff_budget"
        with pytest.raises(
            DataFileError,
            match=r"director_budget_2030-01-01.yaml: .*'teacher'.*staff_budget_2024-10-01.yaml",
        ):
            budget_rule("teacher", on="2030-01-01")


def test_a_category_dropped_by_a_later_version_is_named(tmp_path: Path) -> None:
    _copy(
        "staff_budget_2024-10-01.yaml",
        tmp_path,
        "staff_budget_2030-01-01.yaml",
        effective_from="2030-01-01",
        categories="[teacher]",
    )
    with user_tables(tmp_path):
        assert caopo.budget_detail("teacher", year=2030).amount == Decimal("524.50")
        with pytest.raises(NotPublishedError, match=r"'support_staff'.*2030-01-01"):
            caopo.budget_detail("oop", year=2030)


def test_a_category_listed_twice_is_refused(tmp_path: Path) -> None:
    path = _copy(
        "staff_budget_2019-03-01.yaml",
        tmp_path,
        "staff_budget_2019-03-01.yaml",
        categories="[teacher, leraar]",
    )
    with pytest.raises(DataFileError, match=str(path.name)):
        load_file(path)
    _copy(
        "staff_budget_2019-03-01.yaml",
        tmp_path,
        "staff_budget_2019-03-01.yaml",
        categories="[teacher, teacher]",
    )
    with pytest.raises(DataFileError, match="twice"):
        load_file(path)


# --------------------------------------------------------------------------- provenance


def _results() -> dict[str, object]:
    statement = caopo.budget_statement(
        "director", first_year=2022, last_year=2025, saving_agreed=True
    )
    return {
        "BudgetGrant": caopo.budget_detail("teacher", year=2021, fte="0.8"),
        "BudgetStatement": statement,
        "YearStatement": statement.rows[-1],
        "HoursEntitlement": caopo.professionalisation_hours(on="2021-01-01", age=58),
        "PerPupilResult": caopo.per_pupil_funding_detail(
            "prestatiebox", 100, school_type="bo", school_year="2013-2014"
        ),
    }


@pytest.mark.parametrize("name", sorted(_results()))
def test_every_result_type_is_sourced(name: str) -> None:
    result = _results()[name]
    assert type(result).__name__ == name
    assert isinstance(result, Sourced)
    assert result.status in STATUS_ORDER
    assert isinstance(result.sources, tuple) and result.sources
    assert all(source.title for source in result.sources)


def test_statement_sources_are_those_of_its_rows_and_rules() -> None:
    statement = caopo.budget_statement(
        "director", first_year=2022, last_year=2025, saving_agreed=True
    )
    for row in statement.rows:
        assert set(row.grant.sources) <= set(row.sources)
        rule = budget_rule("director", on=row.period_end - timedelta(days=1))
        assert set(rule.sources) <= set(row.sources)
        assert set(row.sources) <= set(statement.sources)
    assert len(set(statement.sources)) == len(statement.sources)


def test_hours_status_of_the_per_week_line_comes_from_the_data(tmp_path: Path) -> None:
    text = (DATA / "budgets" / "professionalisation_hours_2019-03-01.yaml").read_text(
        encoding="utf-8"
    )
    assert "working_weeks_status: derived" in text
    later = text.replace("effective_from: 2019-03-01", "effective_from: 2030-01-01").replace(
        "working_weeks_status: derived", "working_weeks_status: published"
    )
    (tmp_path / "professionalisation_hours_2030-01-01.yaml").write_text(later, encoding="utf-8")
    with user_tables(tmp_path):
        line = caopo.professionalisation_hours(on="2030-01-01").line("professionalisation")
        assert line.status == "published"
        assert "(published: " in line.how
        assert line.hours_per_year == Decimal(83)


# --------------------------------------------------------------------------- inputs


def test_whole_years_accept_digit_strings_everywhere() -> None:
    assert caopo.professionalisation_hours(on="2021-01-01", age=" 58 ") == (
        caopo.professionalisation_hours(on="2021-01-01", age=58)
    )
    assert caopo.register_status("2016-03-01", on="2021-01-01", cycle_years="5") == (
        caopo.register_status("2016-03-01", on="2021-01-01", cycle_years=5)
    )
    statements = [
        caopo.budget_statement(
            "director",
            first_year=2020,
            last_year=2025,
            saving_agreed=True,
            usable_years_when_unread=unread,
        )
        for unread in ("4", 4)
    ]
    assert statements[0] == statements[1]


@pytest.mark.parametrize("age", [-1, "57.5", 57.0, True, "abc", 121, 10**100, "0057"])
def test_age_junk_is_refused_naming_it(age: object) -> None:
    with pytest.raises(InvalidInputError, match="age must be a whole number of years") as info:
        caopo.professionalisation_hours(on="2021-01-01", age=age)
    assert "digits>" in str(info.value) or repr(age)[:20] in str(info.value)


@pytest.mark.parametrize("years", ["7", 7, "4.0", "", "four", 10**100, True])
def test_cycle_years_not_a_reading_names_the_readings(years: object) -> None:
    with pytest.raises(InvalidInputError, match=r"not a sourced reading; use 4 .* or 5"):
        caopo.register_status("2016-03-01", on="2021-01-01", cycle_years=years)


def test_to_years_names_the_input() -> None:
    assert to_years(7, name="n", minimum=1, maximum=10) == 7
    with pytest.raises(InvalidInputError, match=r"n must be .* from 1 to 10, not '11'"):
        to_years("11", name="n", minimum=1, maximum=10)
    with pytest.raises(InvalidInputError, match=r"<int of about 101 digits>"):
        to_years(10**100, name="n", minimum=1, maximum=10)


# --------------------------------------------------------------------------- per-pupil kind


@pytest.mark.parametrize(
    "spelling", [*KIND_SPELLINGS, "Professionalisering", "starters schoolleiders", "PRESTATIEBOX"]
)
def test_per_pupil_kind_spellings(spelling: str) -> None:
    kind = "prestatiebox" if spelling.lower() == "prestatiebox" else "professionalisation"
    year = "2013-2014" if kind == "prestatiebox" else "2021-2022"
    expected = caopo.per_pupil_funding(kind, 10, school_type="bo", school_year=year)
    assert caopo.per_pupil_funding(spelling, 10, school_type="bo", school_year=year) == expected


def test_per_pupil_kind_error_names_the_input_shortly() -> None:
    with pytest.raises(InvalidInputError, match=r"kind <int of about 101 digits> is not known"):
        caopo.per_pupil_funding(10**100, 10, school_type="bo", school_year="2021-2022")
    with pytest.raises(InvalidInputError, match=r"\(102 characters\).*professionalisering"):
        caopo.per_pupil_funding("x" * 100, 10, school_type="bo", school_year="2021-2022")
