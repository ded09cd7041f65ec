"""A table file with one bad item gets one error, naming the item, not a second one
saying the list it sits in is too short."""

from __future__ import annotations

from pathlib import Path

import pytest

from caopo.catalog.loader import load_file
from caopo.errors import DataFileError

# one source only: the list of sources is left empty after its one item fails
SHIPPED = Path(__file__).resolve().parents[2] / "data" / "scales" / "school_leaders_2021-01-01.yaml"


def test_a_bad_source_is_one_error(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    first_title = next(line for line in text.splitlines() if line.strip().startswith("- title:"))
    indent = first_title[: first_title.index("-")]
    broken = tmp_path / SHIPPED.name
    broken.write_text(text.replace(first_title, f'{indent}- title: ""', 1), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_file(broken)
    message = str(caught.value)
    assert "sources.0.title" in message
    assert "at least 1 item" not in message
