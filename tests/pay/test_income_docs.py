"""docs/income.md ('A year of pay') runs as a doctest, and the CLI prints what it shows."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

from caopo.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "income.md"


def test_income_page_examples() -> None:
    result = doctest.testfile(str(DOCS), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 5


def test_cli_income_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["income", "LB", "5", "--fte", "0.8", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "2025-01  5" in out and "€ 3.094,40 P" in out
    assert "€ 3.348,00 V" in out  # November 2025: provisional raise
    assert "eindejaarsuitkering" in out and "status: P published" in out


def test_cli_income_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["income", "LB", "5", "--fte", "0.8", "--year", "2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["result"]
    assert data["months"][0]["lines"][0] == {
        **data["months"][0]["lines"][0],
        "component": "salaris",
        "amount": "3094.40",
        "status": "published",
    }


def test_cli_back_pay(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["back-pay", "L11", "15", "--from", "2021-01", "--to", "2021-12"]
    args += ["--paid-as-known-on", "2021-09-30", "--owed-as-known-on", "2021-12-31", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)["result"]
    assert data["totals"]["salaris"] == "1200.00"


def test_cli_income_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["income", "LB", "5", "--fte", "3", "--year", "2025"]) == 2
    assert "fte" in capsys.readouterr().err
