"""docs/design.md matches the tree: its module map names every module, and only those."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "caopo"


def test_the_module_map_names_every_module_once() -> None:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([\w/]+\.py)` \|", text, flags=re.MULTILINE)
    modules = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py"))
    assert len(listed) == len(set(listed)), "a module is listed twice"
    assert sorted(listed) == modules, (
        f"missing from docs/design.md: {sorted(set(modules) - set(listed))}; "
        f"listed but not in the tree: {sorted(set(listed) - set(modules))}"
    )
