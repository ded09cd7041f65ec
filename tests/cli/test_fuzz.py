"""No CLI run shows a traceback: every subcommand, fed junk in every value it takes, ends with
an exit code of the contract (0, 1, 2, 3) and, on failure, one line that is a CaopoError's
message or a usage error (issue 14 item 6).

The registry of subcommands is tests/cli/_registry.py; a test fails while a subcommand of the
parser is missing from it. ``CAOPO_FUZZ_EXAMPLES`` sets the number of random runs (default 60;
nightly: 5000).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caopo.cli import build_parser
from tests.cli._registry import REGISTRY, example_files, filled
from tests.cli._run import run

JUNK = (
    "", " ", "²", "\U0001d7dd", "0", "-1", "-0", "1e30", "1E+999999", "NaN", "inf", "1" * 5000,
    "0.0000001", "1,5", "3.463,50", "x", "\x00", "=", "0=1", "9999=380", "2022-03-01=1e30",
    "2022-03-01=-5", "9999-12", "9999-12-31", "0001-01-01", "2025-02-30", "2025-13", "LB",
    "teachers\nunit: injected",
)  # fmt: skip
"""Values that broke, or might break, a parser: superscripts and other Unicode digits,
huge and tiny numbers, Dutch notation, dates at the ends of the calendar, control bytes."""

EXAMPLES = int(os.environ.get("CAOPO_FUZZ_EXAMPLES", "60"))
CODES = {0, 1, 2, 3}


def _paths(parser: argparse.ArgumentParser, prefix: str = "") -> set[str]:
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix} {name}".strip()
                found.add(path)
                found |= _paths(sub, path)
    return found


def test_every_subcommand_is_in_the_registry() -> None:
    assert _paths(build_parser()) == set(REGISTRY), "add the subcommand to tests/cli/_registry.py"


def _slots(argv: tuple[str, ...]) -> list[int]:
    """The positions of values (not the command words, not option names)."""
    words = 2 if argv[0] == "tables" and len(argv) > 1 and argv[1] in ("validate", "import") else 1
    return [i for i in range(words, len(argv)) if not argv[i].startswith("--")]


def _check(command: str, argv: list[str]) -> None:
    try:
        code, out, err = run(argv)
    except Exception as exc:
        raise AssertionError(f"caopo {argv!r} escaped with {type(exc).__name__}: {exc}") from exc
    assert code in CODES, (argv, code)
    assert "Traceback" not in err and "Traceback" not in out, argv
    if code and "--json" not in argv:
        assert err.startswith("caopo") and err.count("\n") == 1, (argv, err)


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # a junk "-o" writes nowhere that matters
    return example_files(tmp_path)


@pytest.mark.parametrize("command", sorted(REGISTRY))
def test_every_value_of_every_subcommand_takes_junk(command: str, files: dict[str, str]) -> None:
    for example in REGISTRY[command]:
        for slot in _slots(example):
            for junk in JUNK:
                argv = filled(example, files)
                argv[slot] = junk
                _check(command, argv)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_junk_anywhere(data: st.DataObject, files: dict[str, str]) -> None:
    command = data.draw(st.sampled_from(sorted(REGISTRY)), label="command")
    example = data.draw(st.sampled_from(REGISTRY[command]), label="example")
    argv = filled(example, files)
    for slot in data.draw(st.lists(st.sampled_from(_slots(example) or [0]), max_size=3)):
        argv[slot] = data.draw(st.one_of(st.sampled_from(JUNK), st.text(max_size=12)))
    if data.draw(st.booleans(), label="--json") and command not in ("schema", "completion"):
        argv.append("--json")
    _check(command, argv)
