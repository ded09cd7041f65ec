"""The catalog in use: an immutable snapshot swapped atomically, safe from any thread.

A :class:`Snapshot` names the user folders in use (the ``CAOPO_TABLES`` environment
variable and every :func:`~caopo.use_tables` call) and caches what was built from them:
the typed catalog (built on the first lookup that needs it) and the light salary index
(:mod:`caopo.catalog.salary_index`). A lookup reads the current snapshot once and works on
it to the end, so a concurrent :func:`~caopo.use_tables` or :func:`~caopo.reset_tables`
can never hand it half of one catalog and half of another. Changing the snapshot, and
filling its caches, happens under one lock: sixteen threads making their first lookup at
once build the catalog once, and eight threads adding eight folders at once end with all
eight (each adds to the snapshot current when it takes the lock).

It also knows where the shipped tables are. This module imports neither pydantic nor PyYAML:
the ``caopo.salary()`` path runs through it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from caopo.errors import DataFileError

if TYPE_CHECKING:
    from caopo.catalog.salary_index import SalaryIndex

__all__ = [
    "ENV_FOLDERS",
    "ENV_REPLACE",
    "LOCK",
    "Snapshot",
    "clear",
    "current",
    "shipped_data_path",
    "swap",
]

ENV_FOLDERS = "CAOPO_TABLES"
ENV_REPLACE = "CAOPO_TABLES_REPLACE"

LOCK = threading.RLock()
"""Held while a snapshot is swapped or one of its caches is filled (re-entrant: filling
the salary index may build the catalog)."""


def shipped_data_path() -> str:
    """The folder holding the shipped tables: inside the installed package (wheel), or
    the repository's ``data/`` folder in an editable or development checkout. (A string:
    this module is on the ``caopo.salary()`` path, which does not import :mod:`pathlib`.)"""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    checkout = os.path.join(os.path.dirname(os.path.dirname(package)), "data")
    for folder in (os.path.join(package, "data"), checkout):
        if os.path.isdir(folder):
            return folder
    raise DataFileError(f"{checkout}: the shipped tables are missing; reinstall caopo")


@dataclass(eq=False)
class Snapshot:
    """The user folders in use and what was built from them. The folders never change; the
    caches are filled once, under :data:`LOCK`."""

    folders: tuple[tuple[str, bool], ...]
    """``(folder, replace)`` in the order they were added, environment folders first."""
    loaded: object = None
    """The typed catalog built for these folders (a ``caopo.catalog.loader.Loaded``; typed
    loosely so that this module needs no pydantic)."""
    index: SalaryIndex | None = None


def _env_folders() -> tuple[tuple[str, bool], ...]:
    raw = os.environ.get(ENV_FOLDERS, "")
    replace = os.environ.get(ENV_REPLACE, "") not in ("", "0")
    return tuple((part, replace) for part in raw.split(os.pathsep) if part.strip())


_current: Snapshot | None = None


def current() -> Snapshot:
    """The snapshot in use (the first call reads ``CAOPO_TABLES``)."""
    global _current
    snap = _current
    if snap is None:
        with LOCK:
            if _current is None:
                _current = Snapshot(_env_folders())
            snap = _current
    return snap


def swap(snapshot: Snapshot) -> None:
    """Make *snapshot* the one in use (call with :data:`LOCK` held)."""
    global _current
    _current = snapshot


def clear() -> None:
    """Forget the folders added and every cache; the next lookup starts afresh."""
    global _current
    with LOCK:
        _current = None
