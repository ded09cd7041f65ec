"""Loading, validating and looking up the date-versioned table files.

Every table file (``.yaml`` or ``.yml``, any case) below the shipped ``data/`` folder, and below any folder the
user adds (:func:`use_tables` or the ``CAOPO_TABLES`` environment variable), is read
with the strict loader, validated against the schema its ``kind`` names, and checked
as a whole: versions of one table may not share a start date or overlap, and derived
versions are computed from their declared base. Nothing is read at import; the first
lookup builds the catalog once and caches it, so a warm lookup touches no file.

User folders add versions. A user version with the same table and start date as a
shipped one is a conflict and raises :class:`~caopo.errors.DataFileError`, unless the
folder was added with ``replace=True``, in which case the user version wins and the
catalog records which shipped file it replaced.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Literal, TypeVar, cast

from pydantic import ValidationError

from caopo.catalog.derive import materialise
from caopo.catalog.series import Entry, Series
from caopo.catalog.yaml import is_table_file, line_of, load_yaml
from caopo.errors import DataFileError, NoDataForDateError
from caopo.inputs import to_flag, to_folder
from caopo.schema import KIND_MODELS
from caopo.schema.base import DataDocument, TableVersion

__all__ = [
    "Catalog",
    "catalog",
    "data_version",
    "load_file",
    "reset_tables",
    "shipped_data_dir",
    "use_tables",
    "validate_folder",
]

ENV_FOLDERS = "CAOPO_TABLES"
ENV_REPLACE = "CAOPO_TABLES_REPLACE"

D = TypeVar("D", bound=DataDocument)
T = TypeVar("T", bound=TableVersion)


def shipped_data_dir() -> Path:
    """The folder holding the shipped tables: inside the installed package (wheel), or
    the repository's ``data/`` folder in an editable or development checkout."""
    packaged = resources.files("caopo") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "data"
    if checkout.is_dir():
        return checkout
    raise DataFileError(f"{checkout}: the shipped tables are missing; reinstall caopo")


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
    for item in error.errors(include_url=False):
        location = tuple(item["loc"])
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

    def table_ids(self, model: type[TableVersion] | None = None) -> tuple[str, ...]:
        """The ids of the versioned tables, optionally only those read by *model*, sorted."""
        return tuple(
            sorted(
                table
                for table, series in self.all_series.items()
                if model is None or isinstance(series.entries[0].document, model)
            )
        )

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


def _merge(
    shipped: Iterable[Entry[DataDocument]], user: Iterable[tuple[Entry[DataDocument], bool]]
) -> list[Entry[DataDocument]]:
    by_key: dict[tuple[str, date | None], Entry[DataDocument]] = {}
    for entry in shipped:
        key = _key(entry)
        if key in by_key:
            raise _duplicate(entry, by_key[key])
        by_key[key] = entry
    for entry, replace in user:
        key = _key(entry)
        previous = by_key.get(key)
        if previous is None:
            by_key[key] = entry
        elif previous.origin == "shipped" and replace:
            by_key[key] = Entry(entry.document, entry.path, "user", replaces=previous.path)
        elif previous.origin == "shipped":
            raise DataFileError(
                f"{entry.path}: conflicts with the shipped {previous.path.name} "
                f"(same table {key[0]!r} and start {key[1]}); to use yours instead, add the "
                f"folder with caopo.use_tables(folder, replace=True) or set {ENV_REPLACE}=1"
            )
        else:
            raise _duplicate(entry, previous)
    return list(by_key.values())


def _key(entry: Entry[DataDocument]) -> tuple[str, date | None]:
    document = entry.document
    start = document.effective_from if isinstance(document, TableVersion) else None
    return document.table, start


def _duplicate(entry: Entry[DataDocument], previous: Entry[DataDocument]) -> DataFileError:
    table, start = _key(entry)
    what = f"version {start} of table {table!r}" if start else f"document {table!r}"
    return DataFileError(f"{entry.path}: {what} is already defined in {previous.path}")


def _build(entries: list[Entry[DataDocument]]) -> Catalog:
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
    return Catalog(materialise(all_series, documents), documents)


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


@dataclass
class _State:
    user_folders: list[tuple[Path, bool]] = field(default_factory=list)
    catalog: Catalog | None = None


_STATE = _State()


def _env_folders() -> list[tuple[Path, bool]]:
    raw = os.environ.get(ENV_FOLDERS, "")
    replace = os.environ.get(ENV_REPLACE, "") not in ("", "0")
    return [(Path(part), replace) for part in raw.split(os.pathsep) if part.strip()]


def _load_folder(folder: Path, origin: Literal["shipped", "user"]) -> list[Entry[DataDocument]]:
    return [Entry(load_file(path), path, origin) for path in _yaml_files(folder)]


def _load(user_folders: list[tuple[Path, bool]]) -> Catalog:
    shipped = _load_folder(shipped_data_dir(), "shipped")
    user = [
        (entry, replace)
        for folder, replace in user_folders
        for entry in _load_folder(folder, "user")
    ]
    return _build(_merge(shipped, user))


def catalog() -> Catalog:
    """The loaded tables (shipped plus user folders), built on first use and cached."""
    if _STATE.catalog is None:
        _STATE.catalog = _load(_env_folders() + _STATE.user_folders)
    return _STATE.catalog


def use_tables(folder: str | os.PathLike[str], *, replace: bool = False) -> None:
    """Add a folder of your own table files (for example the official table typed in by
    your HR department). They get exactly the same validation as the shipped tables and
    then take part in every lookup. Loaded and checked at once: a broken file raises
    :class:`DataFileError` here, and the folder is not added.

    With ``replace=False`` a version with the same table and start date as a shipped
    version is an error; with ``replace=True`` yours is used instead of the shipped one.
    """
    candidate = [*_STATE.user_folders, (to_folder(folder), to_flag(replace, name="replace"))]
    loaded = _load(_env_folders() + candidate)
    _STATE.user_folders = candidate
    _STATE.catalog = loaded


def reset_tables() -> None:
    """Forget the folders added with :func:`use_tables` and drop the cache."""
    _STATE.user_folders = []
    _STATE.catalog = None


def validate_folder(folder: str | os.PathLike[str]) -> list[Path]:
    """Check every table file in *folder* together with the shipped tables, as
    :func:`use_tables` would, without adding it; returns the files checked."""
    path = Path(folder)
    files = [path] if path.is_file() else list(_yaml_files(path))
    shipped = _load_folder(shipped_data_dir(), "shipped")
    user = [(Entry(load_file(file), file, "user"), True) for file in files]
    _build(_merge(shipped, user))
    return files
