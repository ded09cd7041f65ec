"""Loading, validating and looking up the date-versioned table files.

Every ``*.yaml`` file below the shipped ``data/`` folder, and below any folder the
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

import importlib
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import ValidationError

from caopo._yaml import line_of, load_yaml
from caopo.errors import DataFileError, NoDataForDateError
from caopo.models import DataDocument, TableVersion

__all__ = [
    "KIND_MODELS",
    "Catalog",
    "Entry",
    "catalog",
    "data_version",
    "load_file",
    "reset_tables",
    "shipped_data_dir",
    "use_tables",
    "validate_folder",
]

KIND_MODELS: dict[str, str] = {
    "salary_scales": "caopo.models:ScaleTable",
    "raise_chain": "caopo.models:RaiseChain",
    "scale_codes": "caopo.codes:ScaleCodeRegistry",
    "scale_transitions": "caopo.codes:ScaleTransitions",
    "director_funding": "caopo.funding:DirectorFundingTable",
    "career_patterns": "caopo.career:CareerPatternTable",
    "guarantee_rules": "caopo.garantie:GuaranteeRules",
    "school_leader_allowance": "caopo.leader_allowances:SchoolLeaderAllowanceTable",
    "end_of_year_payment": "caopo.allowances:EndOfYearPayment",
    "holiday_allowance": "caopo.allowances:HolidayAllowance",
    "oop_yearly_payment": "caopo.allowances:OopYearlyPayment",
    "commuting_allowance": "caopo.allowances:CommutingRule",
    "one_off_payments": "caopo.allowances:OneOffPayments",
    "professionalisation_budget": "caopo.budgets:BudgetRule",
    "hour_budgets": "caopo.budgets:HourBudgets",
    "per_pupil_funding": "caopo.per_pupil:PerPupilFunding",
    "register_rules": "caopo.register:RegisterRules",
}
"""Which schema reads a file, by its ``kind`` (``"module:Class"``, imported on first use)."""

ENV_FOLDERS = "CAOPO_TABLES"
ENV_REPLACE = "CAOPO_TABLES_REPLACE"

D = TypeVar("D", bound=DataDocument)


def shipped_data_dir() -> Path:
    """The folder holding the shipped tables: inside the installed package (wheel), or
    the repository's ``data/`` folder in an editable or development checkout."""
    packaged = resources.files("caopo") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data"
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
    target = KIND_MODELS.get(kind) if isinstance(kind, str) else None
    if target is None:
        raise DataFileError(
            f"{path}: unknown kind {kind!r}; known kinds: {', '.join(sorted(KIND_MODELS))}"
        )
    module_name, _, class_name = target.partition(":")
    model: type[DataDocument] = getattr(importlib.import_module(module_name), class_name)
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


@dataclass(frozen=True, slots=True)
class Entry:
    """A loaded document with where it came from."""

    document: DataDocument
    path: Path
    origin: Literal["shipped", "user"]
    replaces: Path | None = None


@dataclass(frozen=True)
class _Series:
    versions: tuple[Entry, ...]
    starts: tuple[date, ...]

    def end_of(self, index: int) -> date | None:
        version = self.versions[index].document
        assert isinstance(version, TableVersion)
        following = self.starts[index + 1] if index + 1 < len(self.starts) else None
        if version.effective_until is not None:
            return version.effective_until
        return following


def _known_since(entry: Entry) -> date:
    document = entry.document
    assert isinstance(document, TableVersion)
    return document.known_from or document.effective_from


def _known_in_force(series: _Series, on: date, as_known_on: date) -> Entry | None:
    known = [e for e in series.versions if _known_since(e) <= as_known_on]
    starts = [e.document.effective_from for e in known]  # type: ignore[attr-defined]
    index = bisect_right(starts, on) - 1
    if index < 0:
        return None
    version = known[index].document
    assert isinstance(version, TableVersion)
    following = starts[index + 1] if index + 1 < len(starts) else None
    end = version.effective_until or following
    if end is not None and on >= end:
        return None
    return known[index]


def _period(start: date, end: date | None) -> str:
    return f"{start}..{end}" if end else f"{start}.."


@dataclass(frozen=True)
class Catalog:
    """Every loaded table: versioned tables by id, and unversioned documents by id."""

    series: dict[str, _Series]
    documents: dict[str, Entry]
    entries: tuple[Entry, ...] = field(repr=False)

    def table_ids(self, *, kind: str | None = None) -> tuple[str, ...]:
        """The ids of the versioned tables, optionally of one kind, sorted."""
        return tuple(
            sorted(
                table
                for table, series in self.series.items()
                if kind is None or series.versions[0].document.kind == kind
            )
        )

    def versions(self, table: str) -> tuple[TableVersion, ...]:
        """All versions of *table*, oldest first."""
        return tuple(entry.document for entry in self._series(table).versions)  # type: ignore[misc]

    def periods(self, table: str) -> tuple[tuple[date, date | None], ...]:
        """The ``(start, end)`` of every version of *table*; ``end`` is exclusive or open."""
        series = self._series(table)
        return tuple((start, series.end_of(i)) for i, start in enumerate(series.starts))

    def end_of(self, table: str, start: date) -> date | None:
        """The exclusive end of the version of *table* starting on *start* (``None``: open)."""
        series = self._series(table)
        return series.end_of(series.starts.index(start))

    def entry_in_force(
        self, table: str, *, on: date, as_known_on: date | None = None
    ) -> Entry | None:
        """The entry of the version of *table* in force on *on*, or ``None``.

        With *as_known_on*, only versions known by that day count (``known_from``, or
        ``effective_from`` where the file gives no ``known_from``): the answer a payroll
        run on that day would have given. Used for back pay.
        """
        series = self._series(table)
        if as_known_on is not None:
            return _known_in_force(series, on, as_known_on)
        index = bisect_right(series.starts, on) - 1
        if index < 0:
            return None
        end = series.end_of(index)
        if end is not None and on >= end:
            return None
        return series.versions[index]

    def in_force(self, table: str, *, on: date, kind: type[D] | None = None) -> TableVersion:
        """The version of *table* in force on *on*; raises :class:`NoDataForDateError`
        naming the periods that are covered."""
        entry = self.entry_in_force(table, on=on)
        if entry is None:
            covered = ", ".join(_period(start, end) for start, end in self.periods(table))
            raise NoDataForDateError(
                f"table {table!r} has no version in force on {on}; "
                f"versions cover: {covered} (an end date is exclusive)"
            )
        assert isinstance(entry.document, TableVersion)
        return entry.document

    def document(self, table: str, kind: type[D]) -> D:
        """The unversioned document *table* (e.g. the raise chain), checked to be a *kind*."""
        entry = self.documents.get(table)
        if entry is None or not isinstance(entry.document, kind):
            known = ", ".join(sorted(self.documents)) or "none"
            raise DataFileError(f"no data file defines {table!r}; documents loaded: {known}")
        return entry.document

    def _series(self, table: str) -> _Series:
        try:
            return self.series[table]
        except KeyError:
            known = ", ".join(sorted(self.series)) or "none"
            raise NoDataForDateError(f"no table {table!r} is loaded; tables: {known}") from None


def _yaml_files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        raise DataFileError(f"{folder}: not a folder of table files")
    yield from sorted(p for p in folder.rglob("*.yaml") if p.is_file())


def _merge(shipped: Iterable[Entry], user: Iterable[tuple[Entry, bool]]) -> list[Entry]:
    by_key: dict[tuple[str, date | None], Entry] = {}
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


def _key(entry: Entry) -> tuple[str, date | None]:
    document = entry.document
    start = document.effective_from if isinstance(document, TableVersion) else None
    return document.table, start


def _duplicate(entry: Entry, previous: Entry) -> DataFileError:
    table, start = _key(entry)
    what = f"version {start} of table {table!r}" if start else f"document {table!r}"
    return DataFileError(f"{entry.path}: {what} is already defined in {previous.path}")


def _build(entries: list[Entry]) -> Catalog:
    from caopo.derived import materialise

    grouped: dict[str, list[Entry]] = {}
    documents: dict[str, Entry] = {}
    for entry in entries:
        if isinstance(entry.document, TableVersion):
            grouped.setdefault(entry.document.table, []).append(entry)
        else:
            documents[entry.document.table] = entry
    series: dict[str, _Series] = {}
    for table, group in grouped.items():
        group.sort(key=lambda e: e.document.effective_from)  # type: ignore[attr-defined]
        _check_series(table, group)
        series[table] = _Series(
            tuple(group),
            tuple(e.document.effective_from for e in group),  # type: ignore[attr-defined]
        )
    catalog = Catalog(series, documents, tuple(entries))
    return materialise(catalog)


def _check_series(table: str, group: list[Entry]) -> None:
    kinds = {entry.document.kind for entry in group}
    if len(kinds) > 1:
        raise DataFileError(
            f"{group[-1].path}: table {table!r} mixes kinds {sorted(kinds)}; one table, one kind"
        )
    for before, after in pairwise(group):
        first, second = before.document, after.document
        assert isinstance(first, TableVersion) and isinstance(second, TableVersion)
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


def _load_folder(folder: Path, origin: Literal["shipped", "user"]) -> list[Entry]:
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
    candidate = [*_STATE.user_folders, (Path(folder), replace)]
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
