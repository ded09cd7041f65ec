"""The console examples of docs/cli.md run as shown (stdout, then stderr)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.cli._run import run

ROOT = Path(__file__).resolve().parents[2]


def _examples() -> list[tuple[str, str]]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((command, output))
    return found


def test_the_console_examples_run_as_shown() -> None:
    examples = _examples()
    assert examples
    for command, expected in examples:
        words = shlex.split(command)
        assert words[0] == "caopo"
        _, out, err = run(words[1:])
        assert out + err == expected, command
