"""The instrument subcommands: human output, --json, and one line on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caopo.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_compare_editions_a12_without_dates(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare-editions", "A12")
    assert status == 0
    assert "A12 on 2021-12-31 -> A12 on 2022-01-01 (published)" in out
    assert "perspective +€ 600,00 a month, top step 3 years earlier, 3 steps fewer" in out
    assert "caopo needs a complete A12 table in force on 2021-12-31" in out
    assert "caopo needs a complete A12 table in force on 2022-01-01" in out


def test_compare_editions_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "compare-editions",
        "A12",
        "--before",
        "2021-12-31",
        "--after",
        "2022-01-01",
        "--json",
    )
    data = json.loads(out)["result"]
    assert status == 0 and data["computed"] is None
    assert data["published"]["perspective_change_eur_per_month"] == "600.00"
    assert data["published"]["status"] == "published"


def test_functiemix_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("naam;scale;fte\nA;LA;1\nB;LB;0,5\nC;LB;1\nD;8;1\n", encoding="utf-8")
    status, out, _ = run(capsys, "functiemix", str(staff), "--sector", "bao", "--on", "2015-03-01")
    assert status == 0
    assert "3 teachers, 2.5 fte (published)" in out
    assert "not counted: row 4 8" in out
    status, out, _ = run(
        capsys, "functiemix", str(staff), "--sector", "bao", "--on", "2015-03-01", "--json"
    )
    data = json.loads(out)["result"]
    assert [row["target"] for row in data["levels"]] == ["58", "40", "2"]


def test_avs_contribution_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    members = tmp_path / "members.csv"
    members.write_text(
        "name,school,pupils,role\nAns,12AB,250,directeur\nBert,12AB,250,\nCarla,34CD,400,\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "avs-contribution", str(members), "--school-year", "2014-2015")
    assert status == 0
    assert "AVS contribution 2014-2015: € 978,00 (derived)" in out
    assert "band '201-400 leerlingen'" in out and "reading: 400 pupils" in out
    status, out, _ = run(
        capsys, "avs-contribution", str(members), "--school-year", "2014-2015", "--json"
    )
    assert json.loads(out)["result"]["total"] == "978.00"


def test_example_function(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "example-function", "Functie onderwijsassistent B", "--on", "2024-11-01"
    )
    assert status == 0 and out.startswith("onderwijsassistent B [support_staff]: 5")
    status, out, _ = run(capsys, "example-function", "--list", "--on", "2024-11-01", "--json")
    assert {"leraar L10", "directeur D13"} <= {f["name"] for f in json.loads(out)["result"]["rows"]}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["example-function", "onderwijsasistent", "--on", "2024-11-01"], "close matches"),
        (["example-function", "--on", "2024-11-01"], "--list"),
        (["compare-editions", "A12", "--before", "2021-12-31"], "both --before and --after"),
        (["compare-editions", "LB"], "no published comparison lists"),
        (
            ["functiemix", "/nonexistent/staff.csv", "--sector", "bao", "--on", "2015-01-01"],
            "cannot be read",
        ),
        (["avs-contribution", "/nonexistent.csv", "--school-year", "2014-2015"], "cannot be read"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert words in err and "Traceback" not in err
