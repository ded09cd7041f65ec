"""``caopo batch``: files or stdin, ``,`` or ``;``, decimal comma, CSV or xlsx out, exit codes."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from caopo import Employment, annual_income
from caopo.batch import gather
from caopo.cli import main

SEMICOLON = "naam;schaal;trede;fte\nAnna;LB;5;0,8\nBert;LC;x;1\n\nCees;LB;4;1\n"


def test_semicolons_decimal_comma_and_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SEMICOLON))
    status = main(
        ["batch", "salaries", "-", "--on", "2024-11-01", "--scale", "schaal", "--step", "trede"]
    )
    out, err = capsys.readouterr()
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == "naam;schaal;trede;fte;salary;status;error"
    # AMBT-PO-2024 (shared/reference/scales/SOURCES.md): LB 5 = 3868 full time; 0.8 of it
    assert lines[1] == "Anna;LB;5;0,8;3094,40;published;"
    assert lines[2].endswith(
        ";;;row 2: column 'trede' must be a whole number from 1 to 99, not 'x'"
    )
    assert lines[3].startswith("Cees;LB;4;1;") and lines[3].endswith(";published;")
    assert err.startswith("caopo: 2 of 3 rows priced, 1 failed at lines 3 (the error")
    assert err.endswith(
        "; first: line 3: row 2: column 'trede' must be a whole number from 1 to 99, not 'x'\n"
    )


def test_a_row_with_more_fields_stops_the_batch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell too many is a file that is not a table (an unquoted decimal comma, most
    likely): exit 2 before any row is priced, naming the line, not a row error."""
    monkeypatch.setattr("sys.stdin", io.StringIO("scale,step,fte\nLB,5,1\nLC,3,0,8\n"))
    assert main(["batch", "salaries", "-", "--on", "2024-11-01"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        "caopo: error: standard input (line 3): 4 cells but the header has 3 ('scale,step,fte')"
    )
    assert 'a decimal comma: "0,8"' in err and err.count("\n") == 1


def test_all_rows_priced_exits_0_and_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("scale,step,on\nLB,5,2024-11-01\nLC,1,2024-11-01\n", encoding="utf-8")
    priced = tmp_path / "priced.csv"
    assert main(["batch", "salaries", str(staff), "--fte", "1", "-o", str(priced)]) == 0
    assert capsys.readouterr().err == ""
    assert priced.read_text(encoding="utf-8").splitlines()[1:] == [
        "LB,5,2024-11-01,3868.00,published,",
        "LC,1,2024-11-01,3484.00,published,",
    ]


def test_without_pandas_the_same_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = Path(__file__).with_name("staff.csv")
    args = ["batch", "salaries", str(staff), "--on", "2025-01-01", "--scale", "schaal"]
    args += ["--step", "trede", "--fte", "werktijdfactor"]
    assert main(args) == 1
    with_pandas = capsys.readouterr()
    monkeypatch.setattr(gather, "pandas", lambda: None)
    assert main(args) == 1
    assert capsys.readouterr() == with_pandas


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("schaal,trede\nLB,5\n", encoding="utf-8")
    assert main(["batch", "salaries", str(staff), "--on", "2024-11-01"]) == 2
    assert (
        "no column 'scale' in the input (its columns: 'schaal', 'trede')" in capsys.readouterr().err
    )
    args = ["batch", "salaries", str(staff), "--on", "2024-11-01", "--scale", "schaal"]
    assert main([*args, "--step", "trede"]) == 2
    assert "no column 'fte'" in capsys.readouterr().err
    assert main(["batch", "salaries", str(tmp_path / "none.csv")]) == 2
    assert "none.csv: cannot be read" in capsys.readouterr().err
    doubled = tmp_path / "doubled.csv"
    doubled.write_text("\ufeffscale,step,step\nLB,5,6\n", encoding="utf-8")
    assert main(["batch", "salaries", str(doubled), "--fte", "1", "--on", "2024-11-01"]) == 2
    assert "(line 1): the columns 'step' and 'step' have the same name" in capsys.readouterr().err
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert main(["batch", "salaries", str(empty)]) == 2
    assert f"{empty}: is empty; it needs a header line" in capsys.readouterr().err


def test_income(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("scale,step,fte\nLB,5,0.8\n", encoding="utf-8")
    args = ["batch", "income", str(staff), "--year", "2025", "--start", "2025-01-01"]
    assert main(args) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split(",")[3:] == [
        "salaris",
        "vakantie_uitkering",
        "eindejaarsuitkering",
        "total",
        "status",
        "error",
    ]
    expected = annual_income(Employment("LB", 5, start="2025-01-01", fte="0.8"), year=2025)
    assert row.split(",")[3:] == [
        *(str(expected.totals[name]) for name in expected.totals),
        str(expected.total),
        expected.status,
        "",
    ]


def test_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    staff = tmp_path / "staff.csv"
    staff.write_text("scale,step,fte\nLB,5,1\nLB,x,1\n", encoding="utf-8")
    book = tmp_path / "priced.xlsx"
    assert main(["batch", "salaries", str(staff), "--on", "2024-11-01", "-o", str(book)]) == 1
    sheet = openpyxl.load_workbook(book).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("scale", "step", "fte", "salary", "status", "error")
    assert rows[1][3] == 3868 and rows[1][4] == "published"
    assert rows[2][3] is None and rows[2][5].startswith("row 2: ")


def test_income_lenient(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("scale,step,fte\nLC,12,1\n", encoding="utf-8")
    args = ["batch", "income", str(staff), "--year", "2025", "--start", "2025-01-01"]
    assert main(args) == 1
    assert "0 of 1 rows priced, 1 failed at lines 2" in capsys.readouterr().err
    assert main([*args, "--lenient"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.endswith(",total,status,missing,error")
    assert row.endswith(",") and ",provisional," in row


def test_a_cli_batch_never_imports_pandas(tmp_path: Path) -> None:
    """``caopo batch`` takes the pure-Python path even where pandas is installed: one file
    priced from the shell need not pay for importing pandas and numpy."""
    staff = tmp_path / "staff.csv"
    staff.write_text("scale,step,fte\nLB,5,0.8\n", encoding="utf-8")
    script = (
        "import sys\nfrom caopo.cli import main\n"
        f"main(['batch', 'salaries', {str(staff)!r}, '--on', '2024-11-01'])\n"
        f"main(['batch', 'income', {str(staff)!r}, '--year', '2025', '--start', '2025-01-01'])\n"
        "print(sorted({'pandas', 'numpy'} & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
