"""Done when: a 50-row staff CSV with three bad rows, read by ``pd.read_csv`` with default
dtypes, prices the 47 good rows exactly as the scalar function and reports the three with
their row numbers and reasons; the same from the shell with ``caopo batch``.

tests/batch/staff.csv: columns naam, schaal, trede, werktijdfactor. ``read_csv`` makes
trede and werktijdfactor float64 (trede has an empty cell). The bad rows: 12 (no trede),
27 (werktijdfactor 0.41255: five decimals; a float under the float policy, text
under caopo.inputs.to_fte) and 41 (LD trede 14: LD has 12 treden).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from caopo import salary
from caopo.batch import salaries
from caopo.cli import main

STAFF = Path(__file__).with_name("staff.csv")
ON = "2025-01-01"
BAD = {
    12: "column 'trede' is empty",
    27: "column 'werktijdfactor' 0.41255 is a float with more than 4 decimals",
    41: "scale 'LD' has no step 14 on 2025-01-01; its steps are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12",
}


def _rows() -> list[dict[str, str]]:
    with STAFF.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _expected() -> dict[int, Decimal]:
    """The scalar salary of every good row, from the file's exact text."""
    return {
        number: salary(r["schaal"], r["trede"], on=ON, fte=r["werktijdfactor"])
        for number, r in enumerate(_rows(), start=1)
        if number not in BAD
    }


def _check(amounts: list[object], errors: list[str]) -> None:
    assert len(amounts) == len(errors) == 50
    expected = _expected()
    assert len(expected) == 47
    for number, amount in enumerate(amounts, start=1):
        if number in BAD:
            assert amount is None
            assert errors[number - 1].startswith(f"row {number}: {BAD[number]}")
        else:
            assert errors[number - 1] == ""
            assert amount == expected[number] and str(amount) == str(expected[number])
    # AMBT-PO-2024 (shared/reference/scales/SOURCES.md): LB 5 = 3868, LC 12 = 6149 full time
    assert amounts[0] == Decimal("3868.00")
    assert amounts[1] == Decimal("3074.50")


def test_read_csv_with_default_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(STAFF)
    assert frame["trede"].dtype == "float64" and frame["werktijdfactor"].dtype == "float64"
    out = salaries(frame, scale="schaal", step="trede", fte="werktijdfactor", on=ON)
    _check(list(out["salary"]), list(out["error"]))
    assert list(out.columns) == [*frame.columns, "salary", "status", "error"]
    assert set(out["status"][out["error"] == ""]) == {"published"}


def test_caopo_batch_from_the_shell(tmp_path: Path) -> None:
    priced = tmp_path / "priced.csv"
    args = ["batch", "salaries", str(STAFF), "--on", ON, "-o", str(priced)]
    args += ["--scale", "schaal", "--step", "trede", "--fte", "werktijdfactor"]
    command = [sys.executable, "-m", "caopo.cli", *args]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert run.stderr.count("\n") == 1
    assert "47 of 50 rows priced, 3 failed at lines 13, 28, 42 (the error column says why)" in (
        run.stderr
    )
    assert f"first: line 13: row 12: {BAD[12]}" in run.stderr
    with priced.open(encoding="utf-8", newline="") as stream:
        out = list(csv.DictReader(stream))
    amounts = [Decimal(r["salary"]) if r["salary"] else None for r in out]
    errors = [r["error"] for r in out]
    expected = _expected()
    for number in (n for n in range(1, 51) if n not in BAD):
        assert amounts[number - 1] == expected[number]
        assert errors[number - 1] == ""
    from_text = {**BAD, 27: "column 'werktijdfactor' has at most four decimals"}
    for number, reason in from_text.items():
        assert amounts[number - 1] is None
        assert errors[number - 1].startswith(f"row {number}: {reason}")
    assert main(args) == 1
