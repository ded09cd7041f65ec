"""Shared test helpers (not a conftest: plain functions imported where needed)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import caopo
from caopo.catalog.loader import shipped_data_dir

DATA = shipped_data_dir()


def data_files() -> list[Path]:
    """Every shipped YAML file."""
    return sorted(DATA.rglob("*.yaml"))


@contextmanager
def user_tables(folder: Path, *, replace: bool = False) -> Iterator[None]:
    """Use *folder* as a user table folder for the duration of the block."""
    caopo.use_tables(folder, replace=replace)
    try:
        yield
    finally:
        caopo.reset_tables()


# A user table replacing the shipped teachers 2024-10-01 with LB trede 5 = EUR 5 (amounts for
# tests only): what was remembered on the shipped tables must not answer through it.
TEACHERS = """\
kind: salary_scales
table: teachers
title: "Test table (amounts for the test only)"
effective_from: 2024-10-01
cao: "test"
status: published
coverage: partial
sources: [{title: "test fixture"}]
cells:
  "LB": {5: 5}
"""
