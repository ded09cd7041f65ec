"""Professionalisation budgets of one year and the hour budgets: sourced figures.

Every expected amount is read in a source (cited) or computed by hand from one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import caopo
from caopo.catalog.loader import catalog
from caopo.cli import main
from caopo.errors import CaopoError, InvalidInputError, NoDataForDateError
from caopo.inputs import to_date
from caopo.money import quantize
from caopo.professionalisation.budgets import budget_rule
from caopo.schema.budgets import BudgetRule

D = Decimal

# --- directors: AVS cao2014/vgv (EUR 2.000), AVS helpdesk FAQ footnote (EUR 3.000 from CAO PO
# 2016-2017), AVS "wat betekent de verhoging" (EUR 100 extra in calendar years 2020 and 2021),
# seed 002 (AVS FAQ: EUR 3.100 in 2020 and 2021, "niet afhankelijk van de werktijdfactor").


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2013, D("2000")),
        (2015, D("2000")),
        (2017, D("3000")),
        (2019, D("3000")),
        (2020, D("3100")),
        (2021, D("3100")),
        (2022, D("3000")),
        (2023, D("3000")),
    ],
)
def test_director_budget_by_year(year: int, expected: Decimal) -> None:
    assert caopo.professionalisation_budget("director", year=year) == expected


def test_director_budget_is_not_pro_rata_by_default() -> None:
    # seed 002: "niet afhankelijk van de werktijdfactor"
    assert caopo.professionalisation_budget("director", year=2021, fte="0.5") == D("3100")
    grant = caopo.budget_detail("director", year=2017, fte="0.5")
    assert grant.amount == D("3000")
    assert "not stated" in grant.pro_rata_reading  # 2016-2017 edition: unread, default applied


def test_director_pro_rata_is_an_explicit_parameter() -> None:
    assert caopo.professionalisation_budget("director", year=2019, fte="0.8", pro_rata=True) == D(
        "2400"
    )


def test_cao_2016_2017_starts_mid_year_calendar_reading() -> None:
    # CAO PO 2016-2017 from 2016-07-01: the amount on 1 January decides the calendar year.
    assert caopo.professionalisation_budget("director", year=2016) == D("2000")
    # school-year reading: school year 2016-2017 starts 2016-08-01, EUR 3.000 is in force
    assert caopo.professionalisation_budget("director", year=2016, year_basis="school") == D("3000")


def test_extra_follows_calendar_years_in_school_year_mode() -> None:
    # the extra of calendar year 2020 counts in school year 2019-2020 (contains 1 Jan 2020),
    # that of 2021 in 2020-2021; school year 2021-2022 contains 1 Jan 2022: no extra.
    got = [
        caopo.professionalisation_budget("director", year=y, year_basis="school")
        for y in (2018, 2019, 2020, 2021)
    ]
    assert got == [D("3000"), D("3100"), D("3100"), D("3000")]


# --- teachers and OOP: PO-Raad FAQ (EUR 500, naar rato), AOb/CNV (EUR 600 in 2020 and 2021).


@pytest.mark.parametrize(
    ("category", "year", "fte", "expected"),
    [
        ("teacher", 2020, "0.6", D("360")),  # RULES.md §2b worked example: 0.6 x (500 + 100)
        ("teacher", 2021, "0.8", D("480")),  # 0.8 x 600
        ("teacher", 2020, "1", D("600")),  # AOb: 600 euro in 2020 and 2021
        ("support_staff", 2021, "1", D("600")),
        ("teacher", 2022, "1", D("500")),
        ("support_staff", 2022, "0.5", D("250")),
        ("teacher", 2019, "1", None),  # before the individual right was read: a gap
    ],
)
def test_staff_budget_pro_rata(
    category: str, year: int, fte: str, expected: Decimal | None
) -> None:
    if expected is None:
        with pytest.raises(NoDataForDateError, match="staff_budget"):
            caopo.professionalisation_budget(category, year=year, fte=fte)
        return
    assert caopo.professionalisation_budget(category, year=year, fte=fte) == expected


def test_not_employed_gets_nothing() -> None:
    assert caopo.professionalisation_budget("director", year=2021, fte=0) == 0
    assert caopo.professionalisation_budget("teacher", year=2021, fte=0) == 0


def test_grant_carries_its_source_and_status() -> None:
    grant = caopo.budget_detail("teacher", year=2021, fte="0.8")
    assert grant.status == "published"
    assert grant.cao == "CAO PO 2019-2020"
    assert any("aob.nl" in (s.url or "") for s in grant.sources)
    assert grant.saving.max_saving_years == 3


def test_indexation_2024_2025_is_labelled_derived() -> None:
    grant = caopo.budget_detail("director", year=2025)
    assert grant.status == "derived"
    assert grant.cao == "CAO PO 2024-2025"
    assert grant.amount == quantize(D(3000) * (1 + D("4.9") / 100), D("0.01"))


@pytest.mark.parametrize("table", ["director_budget", "staff_budget"])
def test_derived_budget_versions_match_their_rule(table: str) -> None:
    versions = list(catalog().series(table, BudgetRule).versions)
    by_start = {v.effective_from: v for v in versions}
    derived = [v for v in versions if v.status == "derived"]
    assert derived
    for version in derived:
        assert version.derivation is not None
        base = by_start[version.derivation.base]
        assert base.status == "published"
        expected = quantize(
            base.annual_amount * (1 + version.derivation.percentage / 100),
            version.derivation.quantum,
        )
        assert version.annual_amount == expected


def test_saving_regime_2023() -> None:
    # ijk.nl: from CAO PO 2023-2024 directors may save four years instead of three
    old = budget_rule("director", on=caopo_date("2023-04-30"))
    new = budget_rule("director", on=caopo_date("2023-05-01"))
    assert (old.saving.max_saving_years, old.saving.usable_years) == (3, 4)
    assert new.saving.max_saving_years == 4
    assert new.saving.usable_years_status == "derived"  # the lapse year was not read


def caopo_date(text: str) -> date:
    return to_date(text)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"category": "janitor", "year": 2021}, "'janitor'"),
        ({"category": "teacher", "year": "twenty"}, "'twenty'"),
        ({"category": "teacher", "year": 2021, "fte": 0.8}, "float"),
        ({"category": "teacher", "year": 2021, "fte": "1.5"}, "'1.5'"),
        ({"category": "teacher", "year": 2021, "year_basis": "fiscal"}, "'fiscal'"),
        ({"category": "director", "year": 2012}, "2012-01-01"),
    ],
)
def test_bad_input_fails_loudly(kwargs: dict[str, object], words: str) -> None:
    category = kwargs.pop("category")
    with pytest.raises(CaopoError, match=words):
        caopo.professionalisation_budget(category, **kwargs)  # type: ignore[arg-type]


def test_bad_category_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError):
        caopo.budget_detail("", year=2021)


# --- hours: PO-Raad FAQ (2 h per working week, naar rato); AVS/PO-Raad DI pages (40 h basis,
# 130 h from 57); AVS cao-2014 (starters 40 h). 83 h = 2 x 41.5 weeks is derived (RULES §2b).


def test_hours_worked_example() -> None:
    hours = caopo.professionalisation_hours(on="2020-06-01", fte="0.6")
    line = hours.line("professionalisation")
    assert line.hours_per_week == D("1.2")
    assert line.hours_per_year == D("49.8")  # RULES.md §2b: 0.6 x 83 = 49.8
    assert line.status == "derived"
    assert hours.line("di_basis").hours_per_year == D("24")
    assert [item.id for item in hours.lines] == ["professionalisation", "di_basis"]


def test_hours_full_time_is_83_derived() -> None:
    line = caopo.professionalisation_hours(on="2021-01-01").line("professionalisation")
    assert line.hours_per_year == D(83)
    assert "derived" in line.how


def test_hours_starter_and_57_plus() -> None:
    hours = caopo.professionalisation_hours(on="2021-01-01", age=57, starter=True)
    assert hours.line("starter").hours_per_year == D(40)
    assert hours.line("starter").saveable is False
    assert hours.line("di_57").hours_per_year == D(130)
    assert hours.line("di_57").max_saving_years == 5
    assert hours.line("di_basis").max_saving_years == 3
    younger = caopo.professionalisation_hours(on="2021-01-01", age=56)
    with pytest.raises(InvalidInputError, match="di_57"):
        younger.line("di_57")
    past_aow = caopo.professionalisation_hours(on="2021-01-01", age=67, past_aow_age=True)
    assert "di_57" not in [item.id for item in past_aow.lines]


def test_hours_before_data_raise() -> None:
    with pytest.raises(NoDataForDateError):
        caopo.professionalisation_hours(on="2018-01-01")


# --- command line


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_budget_teacher_2021(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "budget", "--category", "teacher", "--fte", "0.8", "--year", "2021"
    )
    assert status == 0
    assert "€ 480,00" in out
    assert "aob.nl" in out
    status, out, _ = run(
        capsys, "budget", "--category", "teacher", "--fte", "0.8", "--year", "2021", "--json"
    )
    import json

    data = json.loads(out)["result"]
    assert data["amount"] == "480.00"
    assert data["sources"]


def test_cli_budget_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "budget", "--category", "teacher", "--fte", "2", "--year", "2021")
    assert status == 2
    assert err.startswith("caopo: error:") and "'2'" in err


def test_cli_hours(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "professionalisation-hours", "--on", "2021-01-01", "--fte", "0.6", "--age", "58"
    )
    assert status == 0
    assert "49.8" in out and "di_57: 78.0" in out


# --- issue 9: structured readings and the one fte parser


@pytest.mark.parametrize(
    ("category", "year", "pro_rata", "basis"),
    [
        ("director", 2017, None, "default"),  # CAO PO 2016-2017: pro rata rule not read
        ("director", 2021, None, "source"),  # AVS FAQ: not dependent on the werktijdfactor
        ("teacher", 2021, None, "source"),  # PO-Raad FAQ: naar rato
        ("director", 2017, True, "parameter"),
    ],
)
def test_pro_rata_basis_is_structured(
    category: str, year: int, pro_rata: bool | None, basis: str
) -> None:
    grant = caopo.budget_detail(category, year=year, fte="0.5", pro_rata=pro_rata)
    assert grant.pro_rata_basis == basis


def test_hours_need_a_werktijdfactor_above_zero() -> None:
    with pytest.raises(InvalidInputError, match="above 0"):
        caopo.professionalisation_hours(on="2021-01-01", fte=0)


def test_budget_year_fte_zero_or_a_werktijdfactor() -> None:
    with pytest.raises(InvalidInputError, match=r"or 0: not employed.*'-0.1'"):
        caopo.budget_detail("teacher", year=2021, fte="-0.1")
