"""Loading, validating and looking up the date-versioned table files.

Every table file (``.yaml`` or ``.yml``, any case) below the shipped ``data/`` folder, and below any folder the
user adds (:func:`use_tables` or the ``CAOPO_TABLES`` environment variable), is read
with the strict loader, validated against the schema its ``kind`` names, and checked
as a whole: versions of one table may not share a start date or overlap, derived
versions are computed from their declared base, and the last version of every salary
table is carried forward by the later general raises (:mod:`caopo.catalog.carry`).
Nothing is read at import; the first lookup that needs the typed catalog builds it once
(the ``caopo.salary()`` path reads the compiled tables instead:
:mod:`caopo.catalog.compiled`).

User folders add versions. A user version *clashes* with the shipped tables when it
starts on the same day as a shipped version of its table ("over") or inside the period
of a shipped version that has a shipped end ("between": it would change shipped
answers up to that end). A clash raises :class:`~caopo.errors.DataFileError`, in
:func:`use_tables` as in :func:`validate_folder`, unless the folder is added with
``replace=True``: then the user version wins and the catalog records which shipped
file it replaced. A user version before the first shipped version, in a gap, or after
the last (open) shipped version is no clash: it adds history or a successor.

:func:`use_tables` reads and validates only the folder it adds, then merges it into the
current catalog under a lock and swaps the result in (:mod:`caopo.catalog.state`): adding
folders one by one costs what reading them does, and no added folder is lost to a
concurrent call.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import Literal, TypeVar, cast

from pydantic import ValidationError

from caopo.catalog import state
from caopo.catalog.carry import carry_forward
from caopo.catalog.derive import materialise
from caopo.catalog.salary_index import table_rank
from caopo.catalog.series import Entry, Series
from caopo.catalog.state import shipped_data_path
from caopo.catalog.yaml import is_table_file, line_of, load_yaml
from caopo.errors import DataFileError, NoDataForDateError
from caopo.inputs import to_flag, to_folder
from caopo.schema.base import DataDocument, TableVersion
from caopo.schema.registry import KIND_MODELS
from caopo.schema.scales import ScaleTable

__all__ = [
    "Catalog",
    "Loaded",
    "catalog",
    "data_version",
    "load_file",
    "reset_tables",
    "shipped_catalog",
    "shipped_data_dir",
    "use_tables",
    "validate_folder",
]

ENV_FOLDERS = state.ENV_FOLDERS
ENV_REPLACE = state.ENV_REPLACE

D = TypeVar("D", bound=DataDocument)
T = TypeVar("T", bound=TableVersion)


def shipped_data_dir() -> Path:
    """The folder holding the shipped tables: inside the installed package (wheel), or
    the repository's ``data/`` folder in an editable or development checkout."""
    return Path(shipped_data_path())


def data_version() -> str:
    """The version of the shipped data (``data/VERSION``), apart from the code version."""
    path = shipped_data_dir() / "VERSION"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read: {exc}") from None


def _model_for(kind: object, path: Path) -> type[DataDocument]:
    model = KIND_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise DataFileError(
            f"{path}: unknown kind {kind!r}; known kinds: {', '.join(sorted(KIND_MODELS))}"
        )
    return model


def _describe(error: ValidationError, path: Path) -> str:
    problems = []
    items = error.errors(include_url=False)
    locations = [tuple(item["loc"]) for item in items]
    for item, location in zip(items, locations, strict=True):
        if item["type"] == "too_short" and any(
            other[: len(location)] == location and len(other) > len(location) for other in locations
        ):
            continue  # short only because an item of it failed, and that item is named
        line = line_of(path, location)
        where = ".".join(str(part) for part in location) or "(document)"
        at = f" (line {line})" if line else ""
        problems.append(f"{where}{at}: {item['msg'].removeprefix('Value error, ')}")
    return f"{path}: " + "; ".join(problems)


def load_file(path: str | os.PathLike[str]) -> DataDocument:
    """Read and validate one table file; every failure is a :class:`DataFileError`
    whose message starts with the path."""
    file = Path(path)
    raw = load_yaml(file)
    if not isinstance(raw, dict):
        raise DataFileError(f"{file}: a table file must be a mapping with a 'kind' key")
    model = _model_for(raw.get("kind"), file)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(_describe(exc, file)) from None


@dataclass(frozen=True)
class Catalog:
    """Every loaded table: date-versioned tables by id, and unversioned documents by id."""

    all_series: dict[str, Series[TableVersion]]
    documents: dict[str, Entry[DataDocument]]

    @cached_property
    def _ids(self) -> dict[type[TableVersion] | None, tuple[str, ...]]:
        return {}

    def table_ids(self, model: type[TableVersion] | None = None) -> tuple[str, ...]:
        """The ids of the versioned tables, optionally only those read by *model*, sorted."""
        found = self._ids.get(model)
        if found is None:
            found = tuple(
                sorted(
                    table
                    for table, series in self.all_series.items()
                    if model is None or isinstance(series.entries[0].document, model)
                )
            )
            self._ids[model] = found
        return found

    def salary_series(self) -> tuple[Series[ScaleTable], ...]:
        """The salary tables (teachers, support staff, school leaders, then any other), each
        as its series of versions."""
        return self._salary_series

    @cached_property
    def _salary_series(self) -> tuple[Series[ScaleTable], ...]:
        ordered = sorted(self.table_ids(ScaleTable), key=table_rank)
        return tuple(self.series(table, ScaleTable) for table in ordered)

    def series(self, table: str, model: type[T]) -> Series[T]:
        """The versions of *table*, checked to be read by *model* (``Series[ScaleTable]``)."""
        found = self.all_series.get(table)
        if found is None:
            known = ", ".join(sorted(self.all_series)) or "none"
            raise NoDataForDateError(f"no table {table!r} is loaded; tables: {known}")
        if not isinstance(found.entries[0].document, model):
            raise DataFileError(
                f"{found.entries[0].path}: table {table!r} is of kind "
                f"{found.entries[0].document.kind!r}, not read by {model.__name__}"
            )
        return cast("Series[T]", found)

    def document(self, table: str, model: type[D]) -> D:
        """The unversioned document *table* (e.g. the raise chain), checked to be a *model*."""
        entry = self.documents.get(table)
        if entry is None or not isinstance(entry.document, model):
            known = ", ".join(sorted(self.documents)) or "none"
            raise DataFileError(f"no data file defines {table!r}; documents loaded: {known}")
        return entry.document


def _yaml_files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        raise DataFileError(f"{folder}: not a folder of table files")
    yield from sorted(p for p in folder.rglob("*") if is_table_file(p) and p.is_file())


_Key = tuple[str, date | None]
_Period = tuple[date, date | None, Path]


def _key(entry: Entry[DataDocument]) -> _Key:
    document = entry.document
    start = document.effective_from if isinstance(document, TableVersion) else None
    return document.table, start


def _duplicate(entry: Entry[DataDocument], previous: Entry[DataDocument]) -> DataFileError:
    table, start = _key(entry)
    what = f"version {start} of table {table!r}" if start else f"document {table!r}"
    return DataFileError(f"{entry.path}: {what} is already defined in {previous.path}")


def _shipped_periods(shipped: dict[_Key, Entry[DataDocument]]) -> dict[str, list[_Period]]:
    """Per table, the ``(start, end, file)`` of every shipped version (``end``: the next
    shipped start or the version's own end; ``None`` for the open last one)."""
    starts: dict[str, list[Entry[TableVersion]]] = {}
    for entry in shipped.values():
        document = entry.document
        if isinstance(document, TableVersion):
            starts.setdefault(document.table, []).append(Entry(document, entry.path, entry.origin))
    periods: dict[str, list[_Period]] = {}
    for table, group in starts.items():
        group.sort(key=lambda e: e.document.effective_from)
        nexts = [e.document.effective_from for e in group[1:]] + [None]
        periods[table] = [
            (e.document.effective_from, e.document.effective_until or after, e.path)
            for e, after in zip(group, nexts, strict=True)
        ]
    return periods


def _clash(entry: Entry[DataDocument], periods: dict[str, list[_Period]]) -> _Period | None:
    """The shipped version whose closed period *entry* starts strictly inside, if any."""
    table, start = _key(entry)
    if start is None:
        return None
    for period in periods.get(table, ()):
        begin, end, _ = period
        if end is not None and begin < start < end:
            return period
    return None


def _clash_error(entry: Entry[DataDocument], shipped: Path, what: str) -> DataFileError:
    return DataFileError(
        f"{entry.path}: conflicts with the shipped {shipped.name} ({what}); to use yours "
        f"instead, add the folder with caopo.use_tables(folder, replace=True) or set "
        f"{ENV_REPLACE}=1 (caopo tables validate --replace)"
    )


@dataclass(frozen=True)
class Loaded:
    """The typed catalog of one snapshot, with what the next folder is merged into."""

    merged: dict[_Key, Entry[DataDocument]]
    """Every real (not computed) version and document, by (table, start)."""
    periods: dict[str, list[_Period]]
    """The shipped versions' periods, for finding clashes."""
    catalog: Catalog


def _add(base: Loaded, user: Iterable[tuple[Entry[DataDocument], bool]]) -> Loaded:
    """*base* with the user *entries* merged in (see the module docstring for clashes)."""
    merged = dict(base.merged)
    for entry, replace in user:
        key = _key(entry)
        previous = merged.get(key)
        if previous is not None and previous.origin == "user":
            raise _duplicate(entry, previous)
        if previous is not None:
            if not replace:
                same = f"same table {key[0]!r} and start {key[1]}" if key[1] else "same id"
                raise _clash_error(entry, previous.path, same)
            merged[key] = Entry(entry.document, entry.path, "user", replaces=previous.path)
            continue
        inside = _clash(entry, base.periods)
        if inside is not None and not replace:
            raise _clash_error(
                entry,
                inside[2],
                f"it starts on {key[1]}, inside that version of table {key[0]!r}, which "
                f"holds until {inside[1]}: yours would change its amounts",
            )
        replaces = None if inside is None else inside[2]
        merged[key] = Entry(entry.document, entry.path, "user", replaces=replaces)
    return Loaded(merged, base.periods, _build(merged.values()))


def _build(entries: Iterable[Entry[DataDocument]]) -> Catalog:
    grouped: dict[str, list[Entry[TableVersion]]] = {}
    documents: dict[str, Entry[DataDocument]] = {}
    for entry in entries:
        document = entry.document
        if isinstance(document, TableVersion):
            grouped.setdefault(document.table, []).append(
                Entry(document, entry.path, entry.origin, entry.replaces)
            )
        else:
            documents[document.table] = entry
    all_series: dict[str, Series[TableVersion]] = {}
    for table, group in grouped.items():
        group.sort(key=lambda e: e.document.effective_from)
        _check_series(table, group)
        all_series[table] = Series(table, tuple(group))
    return Catalog(carry_forward(materialise(all_series, documents), documents), documents)


def _check_series(table: str, group: list[Entry[TableVersion]]) -> None:
    kinds = {entry.document.kind for entry in group}
    if len(kinds) > 1:
        raise DataFileError(
            f"{group[-1].path}: table {table!r} mixes kinds {sorted(kinds)}; one table, one kind"
        )
    for before, after in pairwise(group):
        first, second = before.document, after.document
        if first.effective_until is not None and first.effective_until > second.effective_from:
            raise DataFileError(
                f"{before.path}: version {first.effective_from} of {table!r} runs until "
                f"{first.effective_until}, overlapping the version starting "
                f"{second.effective_from} ({after.path})"
            )


def _load_folder(folder: Path, origin: Literal["shipped", "user"]) -> list[Entry[DataDocument]]:
    return [Entry(load_file(path), path, origin) for path in _yaml_files(folder)]


_SHIPPED: list[Loaded] = []


def _shipped() -> Loaded:
    """The shipped tables alone, read and validated once per process."""
    with state.LOCK:
        if not _SHIPPED:
            merged: dict[_Key, Entry[DataDocument]] = {}
            for entry in _load_folder(shipped_data_dir(), "shipped"):
                key = _key(entry)
                if key in merged:
                    raise _duplicate(entry, merged[key])
                merged[key] = entry
            _SHIPPED.append(Loaded(merged, _shipped_periods(merged), _build(merged.values())))
        return _SHIPPED[0]


def shipped_catalog() -> Catalog:
    """The shipped tables alone, validated by the full schema (whatever folders are in use)."""
    return _shipped().catalog


def loaded_for(snap: state.Snapshot) -> Loaded:
    """The typed catalog of *snap*, built once (under the lock) from the shipped tables and
    its folders."""
    loaded = snap.loaded
    if isinstance(loaded, Loaded):
        return loaded
    with state.LOCK:
        loaded = snap.loaded
        if not isinstance(loaded, Loaded):
            loaded = _shipped()
            for folder, replace in snap.folders:
                entries = _load_folder(Path(folder), "user")
                loaded = _add(loaded, ((entry, replace) for entry in entries))
            snap.loaded = loaded
        return loaded


def catalog() -> Catalog:
    """The loaded tables (shipped plus user folders), built on first use and cached."""
    return loaded_for(state.current()).catalog


def use_tables(folder: str | os.PathLike[str], *, replace: bool = False) -> None:
    """Add a folder of your own table files (for example the official table typed in by
    your HR department). They get exactly the same validation as the shipped tables and
    then take part in every lookup. Loaded and checked at once: a broken file raises
    :class:`DataFileError` here, and the folder is not added.

    With ``replace=False`` a version that clashes with a shipped version (the same table
    and start date, or a start inside a shipped version's period) is an error; with
    ``replace=True`` yours is used instead of the shipped one. Safe from any thread.
    """
    path, replace = to_folder(folder), to_flag(replace, name="replace")
    entries = _load_folder(path, "user")
    with state.LOCK:
        snap = state.current()
        added = _add(loaded_for(snap), ((entry, replace) for entry in entries))
        state.swap(state.Snapshot((*snap.folders, (str(path), replace)), added))


def reset_tables() -> None:
    """Forget the folders added with :func:`use_tables` and drop the cache."""
    state.clear()


def validate_folder(folder: str | os.PathLike[str], *, replace: bool = False) -> list[Path]:
    """Check every table file in *folder* together with the shipped tables, as
    :func:`use_tables` would with the same *replace*, without adding it; returns the
    files checked."""
    path = Path(folder)
    files = [path] if path.is_file() else list(_yaml_files(path))
    user = [(Entry(load_file(file), file, "user"), replace) for file in files]
    _add(_shipped(), user)
    return files
