"""A table's versions in date order, typed by their schema: ``Series[ScaleTable]``.

A version holds from its ``effective_from`` (inclusive) until the next version starts, or
until its own ``effective_until`` (exclusive) where the data knows it ended without a
shipped successor. With ``as_known_on``, only versions known by that day count
(``known_from``, else ``effective_from``): the answer a payroll run on that day would have
given. :meth:`Series.version_on` raises the one "not in force" error of caopo.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, Literal, TypeVar

from caopo.errors import NoDataForDateError
from caopo.schema.base import DataDocument, TableVersion

__all__ = ["Entry", "Series", "describe_periods"]

D = TypeVar("D", bound=DataDocument, covariant=True)
T = TypeVar("T", bound=TableVersion, covariant=True)


@dataclass(frozen=True, slots=True)
class Entry(Generic[D]):
    """A loaded document with the file it came from."""

    document: D
    path: Path
    origin: Literal["shipped", "user"]
    replaces: Path | None = None
    """The shipped file this user file replaces (``use_tables(..., replace=True)``)."""
    carried: bool = False
    """Computed by caopo from *path*'s version and later raises (:mod:`caopo.catalog.carry`)."""


def describe_periods(periods: tuple[tuple[date, date | None], ...]) -> str:
    """``2018-09-01..2020-01-01, 2024-10-01..`` (an end date is exclusive)."""
    return ", ".join(f"{start}..{end}" if end else f"{start}.." for start, end in periods)


@dataclass(frozen=True)
class Series(Generic[T]):
    """The versions of one table, oldest first (checked not to overlap when loaded)."""

    table: str
    entries: tuple[Entry[T], ...]
    starts: tuple[date, ...] = field(init=False, repr=False)
    ends: tuple[date | None, ...] = field(init=False, repr=False)
    _periods: tuple[tuple[date, date | None], ...] = field(init=False, repr=False, compare=False)
    _known_cache: dict[date, Series[T]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = tuple(entry.document.effective_from for entry in self.entries)
        ends = tuple(
            entry.document.effective_until
            or (starts[index + 1] if index + 1 < len(starts) else None)
            for index, entry in enumerate(self.entries)
        )
        object.__setattr__(self, "starts", starts)
        object.__setattr__(self, "ends", ends)
        object.__setattr__(self, "_periods", tuple(zip(starts, ends, strict=True)))
        object.__setattr__(self, "_known_cache", {})

    @property
    def versions(self) -> tuple[T, ...]:
        """Every version, oldest first."""
        return tuple(entry.document for entry in self.entries)

    def periods(self) -> tuple[tuple[date, date | None], ...]:
        """The ``(start, end)`` of every version; ``end`` is exclusive, ``None`` open
        (worked out once, when the series is built)."""
        return self._periods

    def end_of(self, version: TableVersion) -> date | None:
        """The exclusive end of *version* (``None``: open); a version not in this series
        (from another catalog, even one starting on the same day) ends where it says, if it
        says."""
        index = bisect_right(self.starts, version.effective_from) - 1
        if index >= 0 and self.entries[index].document is version:
            return self.ends[index]
        return version.effective_until

    def entry_on(self, on: date, *, as_known_on: date | None = None) -> Entry[T] | None:
        """The entry in force on *on* (as known on *as_known_on*), or ``None``."""
        if as_known_on is not None:
            return self._known(as_known_on).entry_on(on)
        index = bisect_right(self.starts, on) - 1
        if index < 0:
            return None
        end = self.ends[index]
        if end is not None and on >= end:
            return None
        return self.entries[index]

    def get(self, on: date, *, as_known_on: date | None = None) -> T | None:
        """The version in force on *on*, or ``None``."""
        entry = self.entry_on(on, as_known_on=as_known_on)
        return None if entry is None else entry.document

    def version_on(self, on: date, *, as_known_on: date | None = None) -> T:
        """The version in force on *on*; raises :class:`NoDataForDateError` naming the
        periods that are covered."""
        entry = self.entry_on(on, as_known_on=as_known_on)
        if entry is None:
            known = f" as known on {as_known_on}" if as_known_on is not None else ""
            raise NoDataForDateError(
                f"table {self.table!r} has no version in force on {on}{known}; versions "
                f"cover: {describe_periods(self.periods())} (an end date is exclusive)"
            )
        return entry.document

    def _known(self, as_known_on: date) -> Series[T]:
        found = self._known_cache.get(as_known_on)
        if found is None:
            found = Series(
                self.table,
                tuple(
                    e
                    for e in self.entries
                    if (e.document.known_from or e.document.effective_from) <= as_known_on
                ),
            )
            if len(self._known_cache) > 256:
                self._known_cache.clear()
            self._known_cache[as_known_on] = found
        return found
