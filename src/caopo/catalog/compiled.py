"""The shipped salary tables compiled, the way tzdata compiles its sources.

The YAML under ``data/`` is the source of truth: it is validated by the full schema in the
tests and when the wheel is built. The compiled form is the salary index of the shipped
tables (:mod:`caopo.catalog.salary_index`, derived cells already computed) as one JSON
file, which loads with the standard library alone: no pydantic, no PyYAML. It is found

* in the wheel, as ``caopo/_compiled_tables.json`` (written by the build hook,
  ``hatch_build.py``), or
* in the user cache folder (``CAOPO_CACHE_DIR``, else ``$XDG_CACHE_HOME/caopo`` or
  ``~/.cache/caopo``), written on the first lookup of an editable or development checkout.

Each compiled file records the *key* it was built from: a hash of every file under the
shipped data folder and of every module the compile imports (``catalog/``, ``schema/``,
and the foundation modules such as ``money.py``, whose rounding shapes the derived cells:
:func:`key_files`). On first use caopo hashes the same files again; a compiled file whose key
differs is stale and is never used: the tables are then read and validated from the YAML,
and a fresh compiled file is written to the cache folder (where it can be).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from decimal import Decimal
from typing import Any

from caopo.catalog import state
from caopo.catalog.salary_index import SalaryIndex, SalaryVersion
from caopo.catalog.state import shipped_data_path

__all__ = [
    "COMPILER_MODULES",
    "COMPILER_PACKAGES",
    "ENV_CACHE",
    "FORMAT",
    "cache_file",
    "compile_to",
    "data_key",
    "decode",
    "encode",
    "key_files",
    "read_compiled",
    "salary_index",
]

FORMAT = 1
"""The layout of the compiled file; part of its key."""

ENV_CACHE = "CAOPO_CACHE_DIR"
PACKAGED = "_compiled_tables.json"
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
"""The ``caopo`` package folder."""


def _files(root: str, pattern_suffix: str = "") -> list[tuple[str, str]]:
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(pattern_suffix):
                path = os.path.join(folder, name)
                found.append((os.path.relpath(path, root).replace(os.sep, "/"), path))
    return sorted(found)


COMPILER_PACKAGES = ("catalog", "schema")
"""The packages that read, validate and derive the tables: every module in them is keyed."""

COMPILER_MODULES = (
    "__init__.py",
    "dates.py",
    "errors.py",
    "inputs.py",
    "money.py",
    "provenance.py",
)
"""The other modules the compile imports (the rounding of derived and carried cells lives in
``money.py``, the status order in ``provenance.py``); tests/catalog/test_compiled.py checks
that these and :data:`COMPILER_PACKAGES` hold every module a compile imports."""


def key_files(code_dir: str = _PACKAGE) -> list[tuple[str, str]]:
    """The modules of *code_dir* a compiled file depends on, as ``(relative name, path)``."""
    found = [(name, os.path.join(code_dir, name)) for name in COMPILER_MODULES]
    for package in COMPILER_PACKAGES:
        found += [
            (f"{package}/{name}", path)
            for name, path in _files(os.path.join(code_dir, package), ".py")
            if "/" not in name
        ]
    return found


def data_key(data_dir: str, code_dir: str = _PACKAGE) -> str:
    """The hash a compiled file must carry to be used: every file under *data_dir* and
    every module of *code_dir* the compile imports (:func:`key_files`), by relative path."""
    digest = hashlib.sha256(f"caopo-compiled-{FORMAT}".encode())
    for name, path in _files(data_dir) + key_files(code_dir):
        with open(path, "rb") as handle:
            digest.update(b"\0" + name.encode() + b"\0" + handle.read())
    return digest.hexdigest()


def _plain(version: SalaryVersion, data_dir: str) -> dict[str, Any]:
    return {
        "table": version.table,
        "effective_from": version.effective_from.isoformat(),
        "effective_until": _iso(version.effective_until),
        "known_from": _iso(version.known_from),
        "status": version.status,
        "cao": version.cao,
        "coverage": version.coverage,
        "cells": {
            scale: {str(step): str(amount) for step, amount in steps.items()}
            for scale, steps in version.cells.items()
        },
        "omitted": [[scale, step, reason] for (scale, step), reason in version.omitted.items()],
        "basis": version.basis,
        "path": os.path.relpath(version.path, data_dir).replace(os.sep, "/"),
        "origin": version.origin,
        "sources": list(version.raw_sources),
    }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def encode(index: SalaryIndex, key: str, data_dir: str) -> str:
    """The compiled form of *index* (shipped versions under *data_dir*), carrying *key*."""
    versions = [_plain(v, data_dir) for v in index.every_version()]
    return json.dumps({"format": FORMAT, "key": key, "versions": versions}, ensure_ascii=False)


def decode(text: str, key: str, data_dir: str) -> SalaryIndex | None:
    """The index in a compiled file, or ``None`` if it is stale (another key or format)."""
    raw = json.loads(text)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("key") != key:
        return None
    return SalaryIndex(
        SalaryVersion(
            table=item["table"],
            effective_from=date.fromisoformat(item["effective_from"]),
            effective_until=_day(item["effective_until"]),
            known_from=_day(item["known_from"]),
            status=item["status"],
            cao=item["cao"],
            coverage=item["coverage"],
            cells={
                scale: {int(step): Decimal(amount) for step, amount in steps.items()}
                for scale, steps in item["cells"].items()
            },
            omitted={(scale, step): reason for scale, step, reason in item["omitted"]},
            basis=item["basis"],
            path=os.path.join(data_dir, *item["path"].split("/")),
            origin=item["origin"],
            raw_sources=tuple(item["sources"]),
        )
        for item in raw["versions"]
    )


def read_compiled(path: str, key: str, data_dir: str) -> SalaryIndex | None:
    """The index compiled in *path* if it exists and carries *key*; else ``None``."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return None
    try:
        return decode(text, key, data_dir)
    except (ValueError, KeyError, TypeError, ArithmeticError):
        return None


def cache_file(key: str) -> str:
    """Where the compiled file for *key* is cached for an editable or development checkout."""
    folder = os.environ.get(ENV_CACHE) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "caopo",
    )
    return os.path.join(folder, f"tables-{key[:24]}.json")


def _write(path: str, text: str) -> None:
    """Write atomically (a reader sees the old file or the whole new one); a cache that
    cannot be written is skipped."""
    import tempfile

    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:
        return


def compile_to(path: str | os.PathLike[str]) -> None:
    """Validate every shipped file with the full schema and write the compiled form to
    *path* (the build hook's step)."""
    from caopo.catalog.loader import shipped_catalog

    data_dir = shipped_data_path()
    index = SalaryIndex.from_series(shipped_catalog().salary_series())
    with open(path, "w", encoding="utf-8") as out:
        out.write(encode(index, data_key(data_dir), data_dir))


_SHIPPED: list[SalaryIndex] = []
"""The shipped index once read (the shipped files do not change while caopo runs)."""


def _shipped_index(snap: state.Snapshot) -> SalaryIndex:
    if _SHIPPED:
        return _SHIPPED[0]
    data_dir = shipped_data_path()
    key = data_key(data_dir)
    for candidate in (os.path.join(_PACKAGE, PACKAGED), cache_file(key)):
        found = read_compiled(candidate, key, data_dir)
        if found is not None:
            _SHIPPED.append(found)
            return found
    index = _from_catalog(snap)
    _write(cache_file(key), encode(index, key, data_dir))
    return index


def _from_catalog(snap: state.Snapshot) -> SalaryIndex:
    from caopo.catalog.loader import loaded_for

    return SalaryIndex.from_series(loaded_for(snap).catalog.salary_series())


def salary_index() -> SalaryIndex:
    """The salary index of the tables in use: the compiled shipped tables while no user
    folder is in use (and the typed catalog is not built), else built once from the typed
    catalog of the same snapshot."""
    snap = state.current()
    index = snap.index
    if index is None:
        with state.LOCK:
            if snap.index is None:
                if snap.folders or snap.loaded is not None:
                    snap.index = _from_catalog(snap)
                else:
                    snap.index = _shipped_index(snap)
            index = snap.index
    return index
