"""docs/professionalisation.md: the worked ledger and every other example run."""

from __future__ import annotations

import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_professionalisation_page_examples_run() -> None:
    result = doctest.testfile(
        str(ROOT / "docs" / "professionalisation.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 10
    assert result.failed == 0
