"""The salary tables as plain dictionaries, indexed once by date: what ``caopo.salary()`` reads.

Every start and end date of a salary table version is a *bound*; between two bounds nothing
changes, so the index holds, per bound, one dictionary ``(scale, step) -> (amount,
version)`` and the versions in force (teachers, support staff, school leaders, then any
other table). A lookup is one bisect over the bounds and one dictionary read, however many
tables are loaded. The first version in that order that names a scale answers for it, as
it always has: a later table cannot shadow a scale an earlier one names.

The index is built from the typed catalog (:meth:`SalaryIndex.from_series`) or from the
compiled form of the shipped tables (:mod:`caopo.catalog.compiled`), without pydantic.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from caopo.provenance import Status

if TYPE_CHECKING:
    from caopo.catalog.series import Entry, Series
    from caopo.schema.base import Source
    from caopo.schema.scales import ScaleTable

__all__ = ["TABLE_ORDER", "SalaryIndex", "SalaryVersion", "basis_of", "table_rank"]

TABLE_ORDER = {"teachers": 0, "support_staff": 1, "school_leaders": 2}
"""Which salary table answers first for a scale named by more than one."""


def table_rank(table: str) -> tuple[int, str]:
    """The sort key of a salary table id: the known tables in :data:`TABLE_ORDER`, then by name."""
    return TABLE_ORDER.get(table, len(TABLE_ORDER)), table


@dataclass(eq=False, slots=True)
class SalaryVersion:
    """One salary table version as plain data (cells already derived where it is derived)."""

    table: str
    effective_from: date
    effective_until: date | None
    """The version's own end, if the data gives one (its end in a series may be earlier)."""
    known_from: date | None
    status: Status
    cao: str
    coverage: str | None
    cells: Mapping[str, Mapping[int, Decimal]]
    omitted: Mapping[tuple[str, int], str]
    """The reason of every printed cell left out, by (scale, step)."""
    basis: str
    """One line: the version, and for a derived version how it was computed (and from which file)."""
    path: str
    """The file the version was read (or computed) from."""
    origin: str
    raw_sources: tuple[dict[str, Any], ...] = ()
    _sources: tuple[Source, ...] | None = field(default=None, repr=False)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources, as :class:`~caopo.schema.base.Source` (built on first use)."""
        if self._sources is None:
            from caopo.schema.base import Source

            self._sources = tuple(
                Source.model_validate(raw, strict=False) for raw in self.raw_sources
            )
        return self._sources

    @property
    def label(self) -> str:
        """``'teachers 2024-10-01'``."""
        return f"{self.table} {self.effective_from}"


def basis_of(entry: Entry[ScaleTable]) -> str:
    """The one-line basis of a version: its name and status, and for a derived version the
    rule that computed it; a version computed from a user's file names that file."""
    version = entry.document
    name = f"{version.table} {version.effective_from} ({version.status})"
    rule = version.derivation
    if rule is None:
        return name
    raises = ", ".join(str(d) for d in rule.raises)
    base = f"{version.table} {rule.base}"
    if entry.origin == "user":
        base += f" (your file {entry.path})"
    if not raises:  # carried across a structural change only (catalog/carry.py)
        return f"{name}: {base} carried forward unchanged"
    return (
        f"{name}: {base} carried forward by the general raises of {raises}, "
        f"rounded once to {rule.quantum} euro"
    )


def _version(entry: Entry[ScaleTable]) -> SalaryVersion:
    v = entry.document
    return SalaryVersion(
        table=v.table,
        effective_from=v.effective_from,
        effective_until=v.effective_until,
        known_from=v.known_from,
        status=v.status,
        cao=v.cao,
        coverage=v.coverage,
        cells=v.cells,
        omitted={(cell.scale, cell.step): cell.reason.strip() for cell in v.omitted},
        basis=basis_of(entry),
        path=str(entry.path),
        origin=entry.origin,
        raw_sources=tuple(s.model_dump(mode="json") for s in v.sources),
        _sources=v.sources,
    )


_Hit = tuple[Decimal, SalaryVersion]


class SalaryIndex:
    """The salary versions indexed by date (see the module docstring)."""

    __slots__ = ("_ends", "_known", "bounds", "cells", "in_force", "versions")

    def __init__(self, versions: Iterable[SalaryVersion]) -> None:
        by_table: dict[str, list[SalaryVersion]] = {}
        for version in versions:
            by_table.setdefault(version.table, []).append(version)
        self.versions: dict[str, tuple[SalaryVersion, ...]] = {
            table: tuple(sorted(by_table[table], key=lambda v: v.effective_from))
            for table in sorted(by_table, key=table_rank)
        }
        self._ends: dict[tuple[str, date], date | None] = {}
        for table, group in self.versions.items():
            for index, version in enumerate(group):
                following = group[index + 1].effective_from if index + 1 < len(group) else None
                self._ends[table, version.effective_from] = version.effective_until or following
        self.bounds: tuple[date, ...] = tuple(
            sorted({d for (_, start), end in self._ends.items() for d in (start, end) if d})
        )
        self.in_force: list[tuple[SalaryVersion, ...]] = [()]
        self.cells: list[dict[tuple[str, int], _Hit]] = [{}]
        for bound in self.bounds:
            active = tuple(v for group in self.versions.values() if (v := self._at(group, bound)))
            self.in_force.append(active)
            self.cells.append(_cells(active))
        self._known: dict[date, SalaryIndex] = {}

    def _at(self, group: tuple[SalaryVersion, ...], day: date) -> SalaryVersion | None:
        for version in reversed(group):
            if version.effective_from <= day:
                end = self._ends[version.table, version.effective_from]
                return version if end is None or day < end else None
        return None

    def find(self, scale: str, step: int, day: date) -> _Hit | None:
        """The amount of *scale* trede *step* on *day* and its version, or ``None``."""
        return self.cells[bisect_right(self.bounds, day)].get((scale, step))

    def versions_on(self, day: date) -> tuple[SalaryVersion, ...]:
        """The versions in force on *day*, in table order."""
        return self.in_force[bisect_right(self.bounds, day)]

    def end_of(self, version: SalaryVersion) -> date | None:
        """The exclusive end of *version* in its table (``None``: open)."""
        return self._ends[version.table, version.effective_from]

    def first_starts(self) -> dict[str, date]:
        """The first start of every salary table."""
        return {table: group[0].effective_from for table, group in self.versions.items()}

    def as_known_on(self, day: date) -> SalaryIndex:
        """The index of the versions known on *day* (``known_from``, else the start)."""
        found = self._known.get(day)
        if found is None:
            found = SalaryIndex(
                v
                for group in self.versions.values()
                for v in group
                if (v.known_from or v.effective_from) <= day
            )
            if len(self._known) > 256:
                self._known.clear()
            self._known[day] = found
        return found

    def every_version(self) -> tuple[SalaryVersion, ...]:
        """Every version, by table order then date."""
        return tuple(v for group in self.versions.values() for v in group)

    @classmethod
    def from_series(cls, series: Iterable[Series[ScaleTable]]) -> SalaryIndex:
        """The index of the salary *series* of a typed catalog."""
        return cls(_version(entry) for one in series for entry in one.entries)


def _cells(active: tuple[SalaryVersion, ...]) -> dict[tuple[str, int], _Hit]:
    found: dict[tuple[str, int], _Hit] = {}
    named: set[str] = set()
    for version in active:
        for scale, steps in version.cells.items():
            if scale in named:
                continue
            named.add(scale)
            for step, amount in steps.items():
                found[scale, step] = (amount, version)
    return found
