"""CLI hygiene (issue 12 item 6, issue 11 item 4, issue 14 item 5): ``python -m caopo``, a
quiet closed pipe, the exit codes, ``--version``, shell completion, a lean start, and a budget
statement that states the saving agreement and fails on an unfunded balance."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import caopo
from caopo.cli import exit_codes
from caopo.cli.completion import script
from tests.cli._run import run

ROOT = Path(__file__).resolve().parents[2]


def _python(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, input=stdin, check=False
    )


def test_python_dash_m_caopo_and_version() -> None:
    done = _python("-m", "caopo", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"caopo {caopo.__version__} (data {caopo.data_version()})\n"


def test_a_closed_pipe_ends_quietly() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "caopo", "tables", "--json"],  # more than a pipe holds
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()  # as `caopo tables --json | head -1` does
        err = process.stderr.read()
        assert process.wait() == 0
    assert err == ""


def test_only_the_subcommand_that_runs_is_imported() -> None:
    code = (
        "import sys; from caopo.cli import main; main(['salary', 'LB', '5', '--on', "
        "'2025-01-01']); print(sorted(m for m in sys.modules if m.startswith('caopo.cli')))"
    )
    done = _python("-c", code)
    assert done.returncode == 0, done.stderr
    loaded = eval(done.stdout.splitlines()[-1])
    assert loaded == [
        "caopo.cli",
        "caopo.cli._json",
        "caopo.cli._output",
        "caopo.cli.exit_codes",
        "caopo.cli.salary",
    ]


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["salary", "LB", "5", "--on", "2024-11-01"], exit_codes.OK),
        (["budget", "--category", "teacher", "--from-year", "2021", "--to-year", "2021",
          "--no-saving-agreed", "--spend", "2021-03-01=5000"], exit_codes.FAILED),
        (["salary", "LB", "5"], exit_codes.USAGE),
        (["salary", "LB", "5", "--on", "2024-11-01", "--fte", "3"], exit_codes.USAGE),
        (["salary", "LB", "5", "--on", "2001-01-01"], exit_codes.NO_DATA),
        (["director-funding", "5", "--school-type", "bo", "--school-year", "2016-2017"],
         exit_codes.NO_DATA),
    ],
)  # fmt: skip
def test_exit_codes(argv: list[str], code: int) -> None:
    assert run(argv)[0] == code


def test_the_exit_codes_are_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| (\d) \| `(\w+)` \|", text, flags=re.MULTILINE))
    constants = {str(getattr(exit_codes, n)): n for n in ("OK", "FAILED", "USAGE", "NO_DATA")}
    assert documented == constants


def test_errors_show_control_characters_escaped_on_one_line() -> None:
    code, _, err = run(["salary", "LB\n\x1b[31m", "5", "--on", "2024-11-01"])
    assert code == 2
    assert err.count("\n") == 1 and "\x1b" not in err and "\\n" in err


def test_bash_completion_completes_commands_options_and_choices() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    text = script("bash")
    probe = (
        text + '\nCOMP_WORDS=(caopo bud); COMP_CWORD=1; _caopo; echo "${COMPREPLY[*]}"'
        "\nCOMP_WORDS=(caopo budget --year-basis ''); COMP_CWORD=3; _caopo; "
        'echo "${COMPREPLY[*]}"'
        '\nCOMP_WORDS=(caopo salary --f); COMP_CWORD=2; _caopo; echo "${COMPREPLY[*]}"\n'
    )
    done = subprocess.run([bash, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["budget", "calendar school", "--fte"]


def test_zsh_completion_is_generated_from_the_parser() -> None:
    text = script("zsh")
    assert text.startswith("#compdef caopo")
    assert "'budget:individual professionalisation budget" in text
    assert "--year-basis[budget years are calendar years (default) or school years]" in text
    zsh = shutil.which("zsh")
    if zsh is not None:
        done = subprocess.run([zsh, "-n"], input=text, text=True, capture_output=True)
        assert done.returncode == 0, done.stderr


ZSH_PROBE = r"""
zmodload zsh/zpty || exit 3
zpty z 'zsh -f -i'
zpty -w z 'autoload -Uz compinit; compinit -u -D; caopo() { :; }'
zpty -w z "source ${(q)1}"
zpty -w z "dump() { print -r -- \$BUFFER > ${(q)3}; BUFFER=; }; zle -N dump; bindkey '^X' dump"
zpty -n -w z "$2"$'\t\x18'
for i in {1..300}; do [[ -s $3 ]] && break; sleep 0.1; done
zpty -d z
"""
"""Type a command line and TAB in an interactive zsh (under zpty), then write the completed
line to a file: completion as a user gets it."""


@pytest.mark.parametrize(
    ("typed", "completed"),
    [
        ("caopo bud", "caopo budget "),
        ("caopo budget --year-basis sc", "caopo budget --year-basis school "),
        ("caopo tables val", "caopo tables validate "),
        ("caopo tables validate --rep", "caopo tables validate --replace "),
        ("caopo tables import --sta", "caopo tables import --status "),
        ("caopo tables import t.csv --coverage p", "caopo tables import t.csv --coverage partial "),
    ],
)
def test_zsh_completes_commands_actions_options_and_choices(
    typed: str, completed: str, tmp_path: Path
) -> None:
    zsh = shutil.which("zsh")
    if zsh is None:
        pytest.skip("no zsh")
    (tmp_path / "caopo.zsh").write_text(script("zsh"), encoding="utf-8")
    out = tmp_path / "line.txt"
    args = [zsh, "-f", "-c", ZSH_PROBE, "probe", str(tmp_path / "caopo.zsh"), typed, str(out)]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
    if done.returncode == 3:
        pytest.skip("zsh has no zpty module")
    assert out.read_text(encoding="utf-8").rstrip("\n") == completed, done.stderr


STATEMENT = ["budget", "--category", "director", "--from-year", "2019", "--to-year", "2026"]


def test_a_statement_needs_the_saving_agreement_stated() -> None:
    code, out, err = run(STATEMENT)
    assert (code, out) == (exit_codes.USAGE, "")
    assert "--saving-agreed or --no-saving-agreed" in err


def test_a_statement_prints_what_lapsed() -> None:
    # Without an agreement a director's budget lapses at the end of its own year (art. 9.3
    # lid 4 CAO PO: saving needs the employer's agreement); 2019 grants EUR 3.000 (CAO PO
    # 2016-2017 director budget), all of which lapses on 2019-12-31.
    code, out, _ = run([*STATEMENT, "--no-saving-agreed"])
    assert code == exit_codes.OK
    assert "lapsed: € 3.000,00 of 2019 on 2019-12-31" in out


def test_an_unfunded_balance_fails_unless_report_only() -> None:
    argv = [*STATEMENT, "--no-saving-agreed", "--spend", "2022-03-01=25000"]
    code, out, err = run(argv)
    assert code == exit_codes.FAILED
    assert "unfunded" in out and "is not covered by the budget" in err
    assert run([*argv, "--report-only"])[0] == exit_codes.OK
    assert run([*argv, "--json"])[0] == exit_codes.FAILED


def test_the_budget_year_refuses_statement_options() -> None:
    code, _, err = run(["budget", "--category", "teacher", "--year", "2021", "--saving-agreed"])
    assert code == exit_codes.USAGE and "need --from-year" in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX pipes")
def test_back_pay_to_the_end_of_the_calendar_is_one_line() -> None:
    code, _, err = run(
        ["back-pay", "LB", "5", "--from", "2025-01", "--to", "9999-12",
         "--paid-as-known-on", "2025-01-01", "--owed-as-known-on", "2025-12-01"]
    )  # fmt: skip
    assert code == exit_codes.USAGE and "out of range 1900..2199" in err
