"""One tiny broken file per error kind: each is refused with its path and a clear reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import caopo
from caopo.catalog.loader import load_file
from caopo.errors import DataFileError
from tests._helpers import DATA, user_tables

INVALID = Path(__file__).parent / "invalid"

# file -> words the message must contain (besides the path, which always comes first)
EXPECTED = {
    "amount_as_text.yaml": ["cells.LB.1", "line 12", "Decimal"],
    "amount_not_positive.yaml": ["cells.LB.1", "positive amount"],
    "bad_coverage.yaml": ["coverage", "line 7", "'complete' or 'partial'"],
    "bad_date.yaml": ["effective_from", "line 4", "date"],
    "bad_table_id.yaml": ["table", "line 2", "pattern"],
    "derived_without_rule.yaml": ["derivation"],
    "duplicate_key.yaml": ["duplicate key 'LB'", "line 13", "line 12"],
    "ends_before_start.yaml": ["effective_until 2029-12-01", "after effective_from 2030-01-01"],
    "no_sources.yaml": ["sources", "at least 1"],
    "not_a_mapping.yaml": ["mapping"],
    "python_tag.yaml": ["line 12", "python/object/apply"],
    "steps_fall.yaml": ["'LB'", "step 2 (3000) does not rise above step 1 (3100)"],
    "syntax_error.yaml": ["line 13"],
    "unknown_key.yaml": ["salary_note", "line 11", "Extra inputs"],
    "unknown_kind.yaml": ["unknown kind 'salary_tables'", "salary_scales"],
}


def test_every_fixture_is_listed() -> None:
    assert sorted(p.name for p in INVALID.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_is_refused(name: str) -> None:
    path = INVALID / name
    with pytest.raises(DataFileError) as info:
        load_file(path)
    message = str(info.value)
    assert message.startswith(str(path))
    for words in EXPECTED[name]:
        assert words in message


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f"kind: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="python/object/apply"):
        load_file(evil)
    assert not marker.exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_user_folder_is_refused_and_not_added(tmp_path: Path, name: str) -> None:
    shutil.copy(INVALID / name, tmp_path / name)
    with pytest.raises(DataFileError, match=name):
        caopo.use_tables(tmp_path)
    caopo.reset_tables()
    assert all(t.origin == "shipped" for t in caopo.tables())


def _version(effective_from: str, *, until: str | None = None, amount: int = 3000) -> str:
    end = f"effective_until: {until}\n" if until else ""
    return (
        "kind: salary_scales\ntable: teachers\ntitle: t\n"
        f"effective_from: {effective_from}\n{end}cao: c\nstatus: published\ncoverage: partial\n"
        "sources:\n  - title: s\n"
        f'cells:\n  "LB": {{1: {amount}}}\n'
    )


def test_overlapping_versions_are_refused(tmp_path: Path) -> None:
    (tmp_path / "teachers_2030-01-01.yaml").write_text(_version("2030-01-01", until="2030-09-01"))
    (tmp_path / "teachers_2030-06-01.yaml").write_text(_version("2030-06-01"))
    with pytest.raises(DataFileError, match="overlapping the version starting 2030-06-01"):
        caopo.use_tables(tmp_path)
    caopo.reset_tables()


def test_two_files_with_the_same_version_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_version("2030-01-01"))
    (tmp_path / "b.yaml").write_text(_version("2030-01-01", amount=3100))
    with pytest.raises(DataFileError, match="already defined"):
        caopo.use_tables(tmp_path)
    caopo.reset_tables()


def test_a_conflict_with_a_shipped_version_is_reported(tmp_path: Path) -> None:
    (tmp_path / "teachers_2024-10-01.yaml").write_text(_version("2024-10-01"))
    with pytest.raises(
        DataFileError, match=r"conflicts with the shipped teachers_2024-10-01\.yaml"
    ):
        caopo.use_tables(tmp_path)
    caopo.reset_tables()


def test_replace_lets_a_user_version_win_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "teachers_2024-10-01.yaml").write_text(_version("2024-10-01", amount=3333))
    with user_tables(tmp_path, replace=True):
        assert caopo.salary("LB", 1, on="2024-11-01") == 3333
        row = next(
            t
            for t in caopo.tables()
            if t.table == "teachers" and str(t.effective_from) == "2024-10-01"
        )
        assert row.origin == "user"
        assert row.replaces == DATA / "scales" / "teachers_2024-10-01.yaml"
