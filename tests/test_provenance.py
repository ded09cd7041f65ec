"""Every result type carries its provenance: a status in the one order and its sources
(caopo.provenance.Sourced). The list of result types is read from the public API."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

import caopo
from caopo.provenance import STATUS_ORDER, Sourced
from caopo.schema.base import Source

_EMPLOYMENT = caopo.Employment("LB", 5, date(2024, 10, 1))

SAMPLES: dict[str, Callable[[], object]] = {
    "AnnualIncome": lambda: caopo.annual_income(_EMPLOYMENT, year=2025),
    "AvsContribution": lambda: caopo.avs_contribution(
        [{"name": "A", "school": "00AA", "pupils": 120}], school_year="2014-2015"
    ),
    "BackPay": lambda: caopo.back_pay(
        _EMPLOYMENT,
        months=["2025-11"],
        paid_as_known_on="2025-10-31",
        owed_as_known_on="2025-12-01",
    ),
    "BudgetGrant": lambda: caopo.budget_detail("teacher", year=2021),
    "BudgetStatement": lambda: caopo.budget_statement(
        "director", first_year=2020, last_year=2022, saving_agreed=True
    ),
    "CareerPatternDetail": lambda: caopo.career_pattern_detail(
        300, school_type="bo", on="2015-01-01"
    ),
    "CareerRow": lambda: caopo.career_timeline(
        "LB", 5, since="2024-10-01", until="2025-12-31", mode="strict"
    )[-1],
    "Conversion": lambda: caopo.convert("A11", 14, at="2022-01-01"),
    "DirectorFundingDetail": lambda: caopo.director_funding_detail(
        150, school_type="bo", school_year="2013-2014"
    ),
    "EditionComparison": lambda: caopo.compare_editions(
        "A12", before="2021-12-31", after="2022-01-01"
    ),
    "ExampleFunction": lambda: caopo.example_function("onderwijsassistent A", on="2021-01-01"),
    "FunctiemixResult": lambda: caopo.functiemix(
        [{"scale": "LB", "fte": 1}], sector="bao", on="2015-01-01"
    ),
    "GarantietoelageDetail": lambda: caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=15,
        new_scale="D12",
        new_step=1,
        on="2020-08-01",
        new_salary="4861",
    ),
    "GrowthStep": lambda: caopo.career_growth(
        {2014: 300, 2015: 320, 2016: 330}, school_type="bo", start_scale="DB"
    )[-1],
    "HoursEntitlement": lambda: caopo.professionalisation_hours(on="2021-01-01"),
    "PerPupilResult": lambda: caopo.per_pupil_funding_detail(
        "professionalisation", 200, school_type="bo", school_year="2021-2022"
    ),
    "PublishedChange": lambda: caopo.published_changes("A12")[0],
    "RegisterStatus": lambda: caopo.register_status("2016-03-01", on="2020-05-01"),
    "Rename": lambda: caopo.rename_chain("LA", on="2024-01-01")[-1],
    "SalaryDetail": lambda: caopo.salary_detail("LB", 5, on="2024-11-01"),
    "ScaleInfo": lambda: caopo.scale_info("AD", on="2010-01-01"),
    "SchoolLeaderAllowanceDetail": lambda: caopo.school_leader_allowance_detail(
        "directietoelage", scale="DB", on="2019-01-01"
    ),
    "TableInfo": lambda: caopo.tables()[0],
    "Jubileum": lambda: caopo.jubileum("LB", 12, on="2025-03-01", years=25),
    "ParentalLeave": lambda: caopo.parental_leave(
        caopo.Employment("LB", 5, start="2025-01-01"),
        child_born="2025-01-10",
        start="2025-03-01",
        end="2025-03-31",
        hours_per_week=8,
    ),
    "OwnContribution": lambda: caopo.di_own_contribution(
        3000, scale="11", on="2021-01-01", fte="0.6957"
    ),
}
"""A real result of every public result type."""

VALUES = {"Employment", "ScaleCode", "SchoolYear"}
"""Public types that are inputs or values, not results."""


def test_every_public_result_type_is_listed() -> None:
    public = {
        name
        for name in caopo.__all__
        if isinstance(getattr(caopo, name), type) and dataclasses.is_dataclass(getattr(caopo, name))
    }
    assert public == set(SAMPLES) | VALUES


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_result_says_its_status_and_sources(name: str) -> None:
    result = SAMPLES[name]()
    assert type(result).__name__ == name
    assert isinstance(result, Sourced)
    assert result.status in STATUS_ORDER
    assert result.sources and all(isinstance(s, Source) for s in result.sources)


def test_a_year_of_pay_names_the_sources_of_its_lines() -> None:
    year = caopo.annual_income(_EMPLOYMENT, year=2025)
    assert year.total > Decimal(0)
    assert set(year.sources) == {s for m in year.months for line in m.lines for s in line.sources}
