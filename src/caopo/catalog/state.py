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

import functools
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from enum import Enum
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

from caopo.errors import DataFileError
from caopo.money import CONTEXT

if TYPE_CHECKING:
    from caopo.catalog.salary_index import SalaryIndex

__all__ = [
    "ENV_FOLDERS",
    "ENV_REPLACE",
    "LOCK",
    "Snapshot",
    "clear",
    "current",
    "plain_key",
    "remember",
    "remembered",
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
    answers: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False)
    """The answers of pure functions worked out on these tables (:func:`remember`): each an
    immutable value, gone with the snapshot."""


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


P = ParamSpec("P")
R = TypeVar("R")
ANSWERS_LIMIT = 1024
"""At most this many answers are remembered per snapshot (then they are forgotten at once)."""
_MISSING = object()
_PLAIN = frozenset({str, int, bool, date, type(None), Decimal})


def plain_key(*values: object) -> tuple[object, ...] | None:
    """A key for *values* if every one is plain (text, int, bool, ``None``, an enum member,
    an exact :class:`date`, or a :class:`Decimal` by its exact text), else ``None``. The key
    holds the types too, so ``1``, ``True``, ``"1"`` and ``Decimal("1.0")`` are apart."""
    kinds = tuple(map(type, values))
    if not _PLAIN.issuperset(kinds):
        for kind in kinds:
            if kind not in _PLAIN and not issubclass(kind, Enum):
                return None
    if Decimal in kinds:
        values = tuple(str(v) if type(v) is Decimal else v for v in values)
    return kinds, values


def remember(key: tuple[object, ...] | None, compute: Callable[[], R]) -> R:
    """The answer of *compute* for *key* on the snapshot in use, worked out once (``None``:
    not remembered). Only for a pure function of the tables whose answer is immutable; an
    error is never remembered. A new snapshot (:func:`~caopo.use_tables`,
    :func:`~caopo.reset_tables`) starts with none."""
    if key is None:
        with localcontext(CONTEXT):
            return compute()
    answers = current().answers
    found = answers.get(key, _MISSING)
    if found is not _MISSING:
        return cast("R", found)
    with localcontext(CONTEXT):
        value = compute()
    if len(answers) >= ANSWERS_LIMIT:
        answers.clear()
    answers[key] = value
    return value


def remembered(function: Callable[P, R]) -> Callable[P, R]:
    """*function*, its answers remembered per snapshot (:func:`remember`) when every argument
    is plain (:func:`plain_key`). Only for a pure function of its arguments and the tables
    whose answer is immutable (frozen, tuples, no dict or list inside)."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        key = plain_key(name, *args, *kwargs, *kwargs.values())  # names, then values
        return remember(key, lambda: function(*args, **kwargs))

    return wrapper
