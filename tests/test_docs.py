"""The README and the general docs: examples run, set-up commands match CI."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["README.md", "docs/index.md", "docs/design.md", "docs/data.md"])
def test_examples_run(name: str) -> None:
    result = doctest.testfile(
        str(ROOT / name),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_same_tests() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.DOTALL)
    main_job, tests = blocks[0], blocks[1]
    assert "pip install ." in main_job and "caopo salary" in main_job
    assert readme.index(main_job) < readme.index("## ")
    test_command = tests.split("&&")[-1].strip()
    assert test_command == "python -m pytest -q"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"\n{test_command}\n" in ci or f" {test_command}\n" in ci


def test_readme_links_work_on_a_package_index_page() -> None:
    """A package index shows the README without the repository: no relative link or image."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)", readme) + re.findall(
        r"^\[[^]]+\]:\s*(\S+)", readme, re.M
    )
    targets += re.findall(r"<(?:a|img)\b[^>]*(?:href|src)=\"([^\"]+)\"", readme)
    assert all(re.match(r"https?://", target) for target in targets), targets
