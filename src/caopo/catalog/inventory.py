"""What is loaded: one row per table version, and the chain of general raises."""

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

__all__ = ["TableInfo", "raises", "tables"]


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
    replaces: Path | None


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
                )
            )
    return tuple(rows)


def raises() -> tuple[RaiseEvent, ...]:
    """The chain of general raises and structural changes of the CAO PO, oldest first."""
    return catalog().document(RAISE_CHAIN, RaiseChain).events
