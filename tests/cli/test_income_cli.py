"""``caopo income`` has a flag for every option of ``caopo.Employment`` and
``caopo.annual_income``, and its ``--json`` validates against ``caopo schema income``."""

from __future__ import annotations

import argparse
import inspect
import json
from typing import Any

import jsonschema

import caopo
from caopo.cli import build_parser
from caopo.cli.schema import schema_of
from tests.cli._run import run

FLAG_OF = {
    "step_increase": "no_step_increase",
    "commute_km": "km",
    "travel_days_per_week": "days",
    "strict": "lenient",
    "projection": "project",
}
"""Parameter -> the option's dest where the two names differ."""


def _income_parser() -> argparse.ArgumentParser:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    parser: argparse.ArgumentParser = sub.choices["income"]
    return parser


def test_every_option_of_employment_and_annual_income_has_a_flag() -> None:
    dests = {action.dest for action in _income_parser()._actions}
    names = [*inspect.signature(caopo.Employment).parameters]
    names += [p for p in inspect.signature(caopo.annual_income).parameters if p != "employment"]
    assert [n for n in names if FLAG_OF.get(n, n) not in dests] == []


def _json(*argv: str) -> dict[str, Any]:
    """The envelope of ``caopo income ARGV --json``, validated against its schema."""
    code, out, err = run(["income", *argv, "--json"])
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    jsonschema.Draft202012Validator(schema_of("income")).validate(data)
    return data


def _component(data: dict[str, Any], name: str) -> list[tuple[str, str]]:
    return [
        (month["month"], line["amount"])
        for month in data["result"]["months"]
        for line in month["lines"]
        if line["component"] == name
    ]


def test_holiday_month_end_to_end() -> None:
    """8 % of LB trede 5 (EUR 3.868, ambtenarensalaris.nl, table of 2024-10-01) is EUR 309,44
    a month; paid in May over October 2024 to May 2025: 8 x 309,44 = EUR 2.475,52. Leaving on
    15 September: June, July 309,44, August 320,08 (trede 6, EUR 4.001), half of September
    160,04 = EUR 1.099,00 in the last month."""
    data = _json(
        "LB", "5", "--year", "2025", "--start", "2024-10-01", "--end", "2025-09-15",
        "--holiday-month", "5",
    )  # fmt: skip
    assert _component(data, "vakantie_uitkering") == [
        ("2025-05-01", "2475.52"),
        ("2025-09-01", "1099.00"),
    ]
    assert data["query"]["holiday_month"] == "5"
    assert data["result"]["holiday_month"] == 5


def test_in_service_from_brings_the_jubilee() -> None:
    """Akorda: at 25 years of service 50 % of the month's salary plus 8 %: LB trede 12 is
    EUR 5.277 on 2025-03-01 (ambtenarensalaris.nl), so EUR 2.849,58 in March 2025."""
    argv = ["LB", "12", "--year", "2025", "--start", "2024-08-01", "--lenient"]
    data = _json(*argv, "--in-service-from", "2000-03-15")
    assert _component(data, "jubileumuitkering") == [("2025-03-01", "2849.58")]
    assert _component(_json(*argv), "jubileumuitkering") == []


def test_days_worked_and_min_days_decide_the_periodiek() -> None:
    """The periodiek of 1 August needs 60 days in the school year before (the rule's own
    minimum): 40 days worked in 2024-2025 give none, unless the minimum is 30."""
    argv = ["LB", "5", "--year", "2025", "--start", "2024-10-01", "--days-worked", "2024=40"]
    steps = [m["step"] for m in _json(*argv)["result"]["months"]]
    assert set(steps) == {5}
    steps = [m["step"] for m in _json(*argv, "--min-days", "30")["result"]["months"]]
    assert steps[7:] == [6] * 5


def test_bad_values_are_refused_by_name() -> None:
    base = ["income", "LB", "5", "--year", "2025"]
    for extra, word in (
        (["--holiday-month", "13"], "holiday_month"),
        (["--holiday-month", "mei"], "holiday_month"),
        (["--days-worked", "2024"], "--days-worked"),
        (["--days-worked", "2024=40", "--days-worked", "2024=50"], "--days-worked"),
        (["--min-days", "-1"], "min_days"),
        (["--in-service-from", "2026-01-01"], "in_service_from"),
    ):
        code, _, err = run([*base, *extra])
        assert code == 2 and word in err, (extra, err)
