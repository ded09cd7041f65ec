"""The docs site (mkdocs.yml) and its notebook keep up with the code: every chapter and the
notebook are in the navigation, every module of the public API has its reference page, and
the notebook, executed in CI, uses only public names and keeps its plot."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import caopo

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
NOTEBOOK = DOCS / "notebooks" / "school-costs.ipynb"


def _nav_pages(entries: object) -> list[str]:
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, list):
        return [page for entry in entries for page in _nav_pages(entry)]
    if isinstance(entries, dict):
        return [page for value in entries.values() for page in _nav_pages(value)]
    return []


def _config() -> dict[str, object]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert isinstance(config, dict)
    return config


def test_every_page_is_in_the_navigation_once() -> None:
    pages = _nav_pages(_config()["nav"])
    on_disk = sorted(
        str(p.relative_to(DOCS)) for p in (*DOCS.rglob("*.md"), *DOCS.rglob("*.ipynb"))
    )
    assert len(pages) == len(set(pages))
    assert sorted(pages) == on_disk


def test_the_site_builds_strictly() -> None:
    assert _config()["strict"] is True


def test_every_public_module_has_its_reference() -> None:
    documented = {
        line.removeprefix("::: ").strip()
        for page in DOCS.glob("api*.md")
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("::: ")
    }
    assert set(caopo._EXPORTS.values()) <= documented, set(caopo._EXPORTS.values()) - documented


def _cells(kind: str) -> list[str]:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == kind]


def test_the_notebook_says_its_school_is_fictional_and_uses_the_public_api() -> None:
    first = _cells("markdown")[0]
    assert "fictional" in first.lower()
    code = "\n".join(_cells("code"))
    used = set(re.findall(r"\bcaopo\.(\w+)", code))
    assert used and used <= set(caopo.__all__), used - set(caopo.__all__)
    assert "batch" not in used
    staff = re.findall(r'^\s+\("([TOD]\d\d)",', code, flags=re.MULTILINE)
    assert len(staff) == len(set(staff)) == 40


def test_the_notebook_keeps_its_outputs_and_plot() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code_cells), "run the notebook before committing"
    outputs = [o for c in code_cells for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)


def test_the_docs_hook_fences_doctests() -> None:
    pytest.importorskip("markdown", reason="the docs extra is not installed")
    import importlib.util

    spec = importlib.util.spec_from_file_location("hooks", ROOT / "scripts" / "mkdocs_hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    lines = ["Text.", ">>> f()", "[('a', 1)]", "", "```python", ">>> g()", "```"]
    assert hooks.fence_doctests(lines) == [
        "Text.", "", "```pycon", ">>> f()", "[('a', 1)]", "```", "",
        "```python", ">>> g()", "```",
    ]  # fmt: skip
