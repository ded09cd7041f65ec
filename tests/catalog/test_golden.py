"""The golden snapshot of every salary cell is up to date (see scripts/snapshot.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_snapshot_is_current() -> None:
    spec = importlib.util.spec_from_file_location("snapshot", ROOT / "scripts" / "snapshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = (ROOT / "tests" / "catalog" / "golden" / "salaries.json").read_text(encoding="utf-8")
    assert stored == module.snapshot(), "salary data changed: run python scripts/snapshot.py"
