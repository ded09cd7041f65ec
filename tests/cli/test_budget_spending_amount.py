"""A spending of 1e30 on the command line is a one-line error, not a traceback from the
ledger's quantize (issue 14: it used to reach ``decimal.InvalidOperation``)."""

from __future__ import annotations

from tests.cli._run import run


def test_a_spending_of_1e30_is_a_one_line_error() -> None:
    argv = [
        "budget", "--category", "teacher", "--from-year", "2022", "--to-year", "2023",
        "--no-saving-agreed", "--spend", "2022-03-01=1e30",
    ]  # fmt: skip
    code, out, err = run(argv)
    assert code != 0
    assert "Traceback" not in err and "Traceback" not in out
    assert err.startswith("caopo") and err.count("\n") == 1, err
    assert "1e30" in err and "at most two decimals" in err
