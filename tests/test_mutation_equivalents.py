"""The equivalent mutants that ``scripts/mutate.py`` leaves out of the score are named by a
snippet of their line: each snippet must still be in its module, or the list has rotted
(docs/testing.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _mutate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutate", ROOT / "scripts" / "mutate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


MUTATE = _mutate()


@pytest.mark.parametrize("name", sorted(MUTATE.EQUIVALENT))
def test_every_equivalent_mutant_names_a_line_of_its_module(name: str) -> None:
    path, _ = MUTATE.CORE[name]
    source = (ROOT / path).read_text(encoding="utf-8")
    tree = MUTATE.ast.parse(source)
    matched = [
        key
        for mutant in MUTATE.mutants(tree)
        for key in MUTATE.EQUIVALENT[name]
        if key[0] in source.splitlines()[mutant.line - 1] and key[1] == mutant.change
    ]
    # each entry names exactly one mutant: never a killable one on the same line
    assert sorted(matched) == sorted(MUTATE.EQUIVALENT[name])
