"""What is loaded: one row per table version, each table's periods by status, and the chain of
general raises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from caopo.catalog.derive import RAISE_CHAIN
from caopo.catalog.loader import catalog
from caopo.display import Display
from caopo.provenance import Status
from caopo.schema.base import Source, TableVersion
from caopo.schema.raises import RaiseChain, RaiseEvent
from caopo.schema.scales import ScaleTable

__all__ = ["Period", "TableInfo", "periods", "raises", "tables"]


@dataclass(frozen=True, slots=True)
class TableInfo(Display):
    """One loaded table version."""

    table: str
    kind: str
    title: str
    effective_from: date
    effective_until: date | None
    """Exclusive end: the next version's start or the version's own end; ``None`` if open."""
    status: Status
    cao: str
    known_from: date | None
    sources: tuple[Source, ...]
    origin: str
    """``"shipped"`` or ``"user"``."""
    path: Path
    """The file the version was read from (for a carried version: computed from)."""
    replaces: Path | None
    coverage: str | None = None
    """For a salary table: ``"complete"`` or ``"partial"``; ``None`` for other tables."""
    carried: bool = False
    """Computed by caopo: the version in *path* carried forward by later general raises."""


def tables() -> tuple[TableInfo, ...]:
    """Every loaded table version (shipped and user), by table id then date.

    >>> any(t.table == "teachers" and str(t.effective_from) == "2024-10-01" for t in tables())
    True
    """
    cat = catalog()
    rows = []
    for table in cat.table_ids():
        series = cat.series(table, TableVersion)
        for entry, end in zip(series.entries, series.ends, strict=True):
            version = entry.document
            rows.append(
                TableInfo(
                    table=table,
                    kind=version.kind,
                    title=version.title,
                    effective_from=version.effective_from,
                    effective_until=end,
                    status=version.status,
                    cao=version.cao,
                    known_from=version.known_from,
                    sources=version.sources,
                    origin=entry.origin,
                    path=entry.path,
                    replaces=entry.replaces,
                    coverage=version.coverage if isinstance(version, ScaleTable) else None,
                    carried=entry.carried,
                )
            )
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class Period:
    """Consecutive versions of one table with the same status and coverage."""

    table: str
    status: Status
    coverage: str | None
    start: date
    end: date | None
    """Exclusive; ``None`` if open."""
    versions: int


def periods(rows: tuple[TableInfo, ...] | None = None) -> tuple[Period, ...]:
    """Each table's periods by status (published, derived, provisional) and coverage
    (complete or partial): consecutive versions that agree on both are one period.

    >>> [(p.status, str(p.start)) for p in periods() if p.table == "teachers"][-2:]
    [('published', '2024-10-01'), ('provisional', '2025-11-01')]
    """
    found: list[Period] = []
    for row in tables() if rows is None else rows:
        last = found[-1] if found else None
        if (
            last is not None
            and last.table == row.table
            and (last.status, last.coverage) == (row.status, row.coverage)
            and last.end == row.effective_from
        ):
            found[-1] = Period(
                last.table, last.status, last.coverage, last.start, row.effective_until,
                last.versions + 1,
            )  # fmt: skip
            continue
        found.append(
            Period(row.table, row.status, row.coverage, row.effective_from, row.effective_until, 1)
        )
    return tuple(found)


def raises() -> tuple[RaiseEvent, ...]:
    """The chain of general raises and structural changes of the CAO PO, oldest first."""
    return catalog().document(RAISE_CHAIN, RaiseChain).events
