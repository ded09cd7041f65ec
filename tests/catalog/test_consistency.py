"""Catalog consistency: user versions that clash with shipped ones, derived tables that apply
only raises in force on their start, and use_tables/reset_tables/lookups from many threads."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest

import caopo
from caopo.catalog.loader import validate_folder
from caopo.catalog.series import Entry
from caopo.errors import CaopoError, DataFileError
from caopo.schema.base import DataDocument
from tests._helpers import user_tables

TEACHERS = """\
kind: salary_scales
table: teachers
title: "Test table (amounts for the test only)"
effective_from: {start}
cao: "test"
status: published
coverage: partial
sources: [{{title: "test fixture"}}]
cells:
  "LB": {{5: 5}}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_version_between_shipped_versions_is_a_clash(tmp_path: Path) -> None:
    # issue 14: a user version on 2025-01-01 silently overrode teachers 2024-10-01
    _write(tmp_path, "teachers_2025-01-01.yaml", TEACHERS.format(start="2025-01-01"))
    message = r"conflicts with the shipped teachers_2024-10-01\.yaml.*replace=True"
    with pytest.raises(DataFileError, match=message):
        caopo.use_tables(tmp_path)
    with pytest.raises(DataFileError, match=message):
        validate_folder(tmp_path)  # validate no longer always validates with replace=True
    assert caopo.salary("LB", 5, on="2025-06-01") == Decimal("3868.00")  # not added
    assert validate_folder(tmp_path, replace=True)
    with user_tables(tmp_path, replace=True):
        assert caopo.salary("LB", 5, on="2025-06-01") == Decimal("5.00")
        assert caopo.salary("LB", 5, on="2024-12-01") == Decimal("3868.00")
        row = next(t for t in caopo.tables() if t.path.parent == tmp_path)
        assert row.replaces is not None and row.replaces.name == "teachers_2024-10-01.yaml"


def test_a_user_version_on_a_shipped_start_is_a_clash(tmp_path: Path) -> None:
    _write(tmp_path, "teachers.yaml", TEACHERS.format(start="2024-10-01"))
    with pytest.raises(DataFileError, match=r"same table 'teachers' and start 2024-10-01"):
        validate_folder(tmp_path)
    assert validate_folder(tmp_path, replace=True)


def test_history_before_and_a_successor_after_the_shipped_versions_are_no_clash(
    tmp_path: Path,
) -> None:
    _write(tmp_path, "teachers_2015.yaml", TEACHERS.format(start="2015-01-01"))
    _write(tmp_path, "teachers_2027.yaml", TEACHERS.format(start="2027-03-01"))
    assert len(validate_folder(tmp_path)) == 2
    with user_tables(tmp_path):
        assert caopo.salary("LB", 5, on="2016-01-01") == Decimal("5.00")
        assert caopo.salary_detail("LB", 5, on="2016-01-01").effective_until == date(2018, 9, 1)
        assert caopo.salary("LB", 5, on="2027-03-01") == Decimal("5.00")


SUPPORT = """\
kind: salary_scales
table: support_staff
title: "Test table (amounts for the test only)"
effective_from: 2024-01-01
cao: "test"
status: published
coverage: complete
sources: [{title: "test fixture"}]
cells:
  "4": {1: 2500}
"""

DERIVED = """\
kind: salary_scales
table: support_staff
title: "Test derived table"
effective_from: 2025-01-01
cao: "test"
status: derived
sources: [{title: "test fixture"}]
derivation:
  base: 2024-01-01
  raises: [2024-10-01, 2025-11-01]
  quantum: 1
  rounding: half_up
  tolerance: 1
"""


def test_a_derived_table_may_not_apply_a_raise_after_its_start(tmp_path: Path) -> None:
    _write(tmp_path, "support_staff_2024-01-01.yaml", SUPPORT)
    _write(tmp_path, "support_staff_2025-01-01.yaml", DERIVED)
    with pytest.raises(DataFileError, match=r"2025-11-01 are not between its base.*own start"):
        validate_folder(tmp_path)
    _write(tmp_path, "support_staff_2025-01-01.yaml", DERIVED.replace(", 2025-11-01", ""))
    assert len(validate_folder(tmp_path)) == 2


def _board(folder: Path, number: int) -> Path:
    text = (
        SUPPORT.replace("support_staff", f"board_{number}")
        .replace('"4"', f'"X{number}"')
        .replace("2500", str(1000 + number))
    )
    return _write(folder, f"board_{number}.yaml", text)


def test_eight_threads_adding_eight_folders_end_with_all_eight(tmp_path: Path) -> None:
    folders = [tmp_path / f"board{n}" for n in range(1, 9)]
    for number, folder in enumerate(folders, start=1):
        _board(folder, number)
    barrier = threading.Barrier(len(folders))
    errors: list[BaseException] = []

    def add(folder: Path) -> None:
        barrier.wait()
        try:
            caopo.use_tables(folder)
        except BaseException as exc:  # collected: the assertion below names it
            errors.append(exc)

    caopo.reset_tables()
    threads = [threading.Thread(target=add, args=(folder,)) for folder in folders]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        for number in range(1, 9):
            assert caopo.salary(f"X{number}", 1, on="2024-06-01") == Decimal(1000 + number)
        assert len({t.table for t in caopo.tables() if t.origin == "user"}) == 8
    finally:
        caopo.reset_tables()


def test_lookups_during_use_tables_and_reset_tables_never_raise(tmp_path: Path) -> None:
    folder = tmp_path / "board"
    _board(folder, 1)
    stop = threading.Event()
    errors: list[BaseException] = []

    def look() -> None:
        while not stop.is_set():
            try:
                assert caopo.salary("LB", 5, on="2024-11-01") == Decimal("3868.00")
                detail = caopo.salary_detail("LB", 5, on=date(2024, 11, 1), fte="0.8")
                assert detail.effective_until == date(2025, 11, 1)
                caopo.salary_detail("LB", 5, on="2024-11-01", as_known_on="2025-01-01")
            except (AssertionError, CaopoError, ValueError) as exc:
                errors.append(exc)

    readers = [threading.Thread(target=look) for _ in range(4)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(15):
            caopo.use_tables(folder)
            caopo.reset_tables()
    finally:
        stop.set()
        for reader in readers:
            reader.join()
        caopo.reset_tables()
    assert errors == []


def test_sixteen_first_lookups_at_once_build_the_catalog_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caopo.catalog import loader

    folder = tmp_path / "board"
    _board(folder, 1)
    reads: list[Path] = []
    original = loader._load_folder

    def counting(path: Path, origin: Literal["shipped", "user"]) -> list[Entry[DataDocument]]:
        reads.append(path)
        return original(path, origin)

    monkeypatch.setattr(loader, "_load_folder", counting)
    monkeypatch.setenv("CAOPO_TABLES", str(folder))
    caopo.reset_tables()
    barrier = threading.Barrier(16)
    answers: list[Decimal] = []

    def first() -> None:
        barrier.wait()
        answers.append(caopo.salary("X1", 1, on="2024-06-01"))

    threads = [threading.Thread(target=first) for _ in range(16)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        monkeypatch.delenv("CAOPO_TABLES")
        caopo.reset_tables()
    assert answers == [Decimal("1001.00")] * 16
    assert reads.count(folder) == 1
