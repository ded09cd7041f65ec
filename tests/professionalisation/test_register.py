"""Schoolleidersregister PO: re-registration cycle and status on a date.

Rules read on the register's pages (schoolleidersregisterpo.nl/registreren/ and the 2019
news item on the 'onder voorwaarden' status): re-registration every four years, a late
re-registration does not move the next date, six months 'onder voorwaarden' after expiry,
then 'herregistratie verlopen'. The five-year reading is the Registerreglement as quoted in
ECLI:NL:RBNHO:2025:1087. Dates below are computed by hand from those rules.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

import caopo
from caopo.cli import main
from caopo.errors import CaopoError, InvalidInputError, NotPublishedError


@pytest.mark.parametrize(
    ("on", "status", "deadline"),
    [
        ("2016-02-29", "not_registered", date(2020, 3, 1)),
        ("2016-03-01", "registered", date(2020, 3, 1)),
        ("2020-02-29", "registered", date(2020, 3, 1)),
        ("2020-03-01", "under_conditions", date(2020, 3, 1)),
        ("2020-08-31", "under_conditions", date(2020, 3, 1)),
        ("2020-09-01", "expired", date(2020, 3, 1)),
        ("2030-01-01", "expired", date(2020, 3, 1)),
    ],
)
def test_four_year_cycle_without_reregistration(on: str, status: str, deadline: date) -> None:
    result = caopo.register_status("2016-03-01", on=on)
    assert result.register_state == status
    assert result.next_deadline == deadline
    assert result.under_conditions_until == date(2020, 9, 1)


def test_dutch_labels() -> None:
    assert (
        caopo.register_status("2016-03-01", on="2020-05-01").register_state_nl
        == "onder voorwaarden"
    )
    assert caopo.register_status("2016-03-01", on="2021-05-01").register_state_nl == (
        "herregistratie verlopen"
    )


def test_late_reregistration_does_not_move_the_next_date() -> None:
    # re-registered late (under conditions) on 2020-06-15: next deadline stays 2024-03-01
    result = caopo.register_status("2016-03-01", on="2021-01-01", reregistered=["2020-06-15"])
    assert result.register_state == "registered"
    assert result.next_deadline == date(2024, 3, 1)
    assert result.reregistrations[0].late is True
    # before the re-registration happened, it does not count
    before = caopo.register_status("2016-03-01", on="2020-06-14", reregistered=["2020-06-15"])
    assert before.register_state == "under_conditions"


def test_two_cycles() -> None:
    result = caopo.register_status(
        "2014-09-01", on="2026-01-01", reregistered=["2018-06-01", "2022-08-01"]
    )
    assert result.next_deadline == date(2026, 9, 1)
    assert result.register_state == "registered"
    assert [r.deadline for r in result.reregistrations] == [date(2018, 9, 1), date(2022, 9, 1)]


def test_five_year_alternative() -> None:
    result = caopo.register_status("2016-03-01", on="2020-05-01", cycle_years=5)
    assert result.register_state == "registered"
    assert result.next_deadline == date(2021, 3, 1)
    assert "RBNHO" in result.cycle_reading


def test_leap_day_registration() -> None:
    assert caopo.register_status("2016-02-29", on="2016-03-01").next_deadline == date(2020, 2, 29)
    assert caopo.register_status(
        "2016-02-29", on="2016-03-01", cycle_years=5
    ).next_deadline == date(2021, 2, 28)


def test_aspirant_has_no_sourced_cycle() -> None:
    with pytest.raises(NotPublishedError, match="aspirant"):
        caopo.register_status("2016-03-01", on="2017-01-01", registration_type="aspirant")
    assert (
        caopo.register_status(
            "2016-03-01", on="2017-01-01", registration_type="rado"
        ).registration_type
        == "RADO"
    )


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"cycle_years": 3}, "3"),
        ({"reregistered": ["2015-01-01"]}, "not after"),
        ({"reregistered": ["2017-01-01", "2018-01-01"]}, "one re-registration per"),
        ({"reregistered": "2020-01-01"}, "list of dates"),
        ({"registration_type": "XYZ"}, "'XYZ'"),
        ({"on": "soon"}, "'soon'"),
    ],
)
def test_bad_input(kwargs: dict[str, object], words: str) -> None:
    arguments: dict[str, object] = {"on": "2020-01-01", **kwargs}
    with pytest.raises(InvalidInputError, match=words):
        caopo.register_status("2016-03-01", **arguments)  # type: ignore[arg-type]


def test_junk_registration_date() -> None:
    with pytest.raises(CaopoError, match="registered_on"):
        caopo.register_status(20160301, on="2020-01-01")


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["register-status", "2016-03-01", "--on", "2020-05-01"]) == 0
    out = capsys.readouterr().out
    assert "under_conditions" in out and "2020-03-01" in out and "2020-09-01" in out
    assert (
        main(
            [
                "register-status",
                "2016-03-01",
                "--on",
                "2021-01-01",
                "--reregistered",
                "2020-02-01",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)["result"]
    assert data["register_state"] == "registered" and data["status"] == "published"
    assert data["next_deadline"] == "2024-03-01"
    assert main(["register-status", "2016-03-01", "--on", "2021-01-01", "--cycle-years", "7"]) == 2
    assert capsys.readouterr().err.startswith("caopo: error:")
