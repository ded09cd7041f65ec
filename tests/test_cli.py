"""The command line: human and JSON output, exit status 2 with one line on bad input (3 where
there is no data for the date). More in tests/cli/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import caopo
from caopo.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_salary_human(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "salary", "LB", "5", "--on", "2024-11-01")
    assert status == 0
    assert "€ 3.868,00" in out
    assert "ambtenarensalaris.nl" in out


def test_salary_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "salary", "LB", "5", "--on", "2024-11-01", "--fte", "0.8", "--json"
    )
    data = json.loads(out)["result"]
    assert status == 0
    assert data["amount"] == "3094.40"
    assert data["status"] == "published"
    assert (
        data["sources"][0]["url"] == "https://ambtenarensalaris.nl/salarisschalen-primair-onderwijs"
    )


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["salary", "LX", "1", "--on", "2024-11-01"], "LB, LC, LD, LE"),
        (["salary", "LB", "1", "--on", "2024-11-01", "--fte", "1,5"], "at most 1.2"),
        (["salary", "LB", "x", "--on", "2024-11-01"], "step (trede)"),
        (["salary", "LB", "1", "--on", "morgen"], "ISO date"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert words in err
    assert "Traceback" not in err


def test_no_data_for_the_date_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "salary", "LB", "1", "--on", "2001-01-01")
    assert (status, out) == (3, "")
    assert "teachers from 2018-09-01" in err


def test_tables_lists_versions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "tables")
    assert status == 0
    assert "teachers" in out and "2024-10-01" in out and "derived" in out
    status, out, _ = run(capsys, "tables", "--json")
    assert any(row["table"] == "teachers" for row in json.loads(out)["result"]["rows"])


def test_tables_validate_reports_path_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "teachers_2030-01-01.yaml"
    broken.write_text("kind: salary_scales\ntable: teachers\ntable: again\n", encoding="utf-8")
    status, _, err = run(capsys, "tables", "validate", str(tmp_path))
    assert status == 2
    assert str(broken) in err and "line 3" in err


WIDE = """trede;LB;LC
1;€ 3.463,00;€ 3.484,00
2;3.547;3.649,50
3;3.653;
"""


def test_tables_import_wide_csv_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "table.csv"
    source.write_text(WIDE, encoding="utf-8")
    folder = tmp_path / "mine"
    folder.mkdir()
    target = folder / "teachers_2030-01-01.yaml"
    status, out, err = run(
        capsys, "tables", "import", str(source), "--table", "teachers",
        "--effective-from", "2030-01-01", "--title", "Officiële tabel", "--cao", "CAO PO test",
        "--source-url", "https://www.poraad.nl/example.pdf", "--coverage", "partial",
        "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    assert "wrote" in out
    status, _, err = run(capsys, "tables", "validate", str(target))
    assert status == 0, err
    caopo.use_tables(folder)
    try:
        assert caopo.salary("LC", 2, on="2030-02-01") == caopo.salary("LC", "2", on="2030-01-01")
        assert str(caopo.salary("LC", 2, on="2030-02-01")) == "3649.50"
        assert str(caopo.salary("LB", 1, on="2030-02-01")) == "3463.00"
    finally:
        caopo.reset_tables()


def test_tables_import_long_csv_and_refuses_bad_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "long.csv"
    good.write_text("scale,step,amount\nLB,1,3463\nLB,2,3547\n", encoding="utf-8")
    common = ["--table", "teachers", "--effective-from", "2030-01-01", "--title", "t",
              "--cao", "c", "--source-url", "https://example.org"]  # fmt: skip
    status, out, _ = run(capsys, "tables", "import", str(good), *common)
    assert status == 0
    assert '"LB": {1: 3463, 2: 3547}' in out
    bad = tmp_path / "bad.csv"
    bad.write_text("scale,step,amount\nLB,1,3463\nLB,2,3400\n", encoding="utf-8")
    status, _, err = run(capsys, "tables", "import", str(bad), *common)
    assert status == 2
    assert "does not rise" in err


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "salary", "LB")
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and "required: step, --on" in err
