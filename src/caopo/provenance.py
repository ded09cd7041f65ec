"""Where an answer comes from: the status order and the one rule that combines statuses.

Every table version, raise and result carries a :data:`Status`:

* ``published`` — read in a source;
* ``derived`` — computed by a declared rule from published figures;
* ``provisional`` — agreed but not final, or resting on something that is.

The order is ``published`` > ``derived`` > ``provisional``: a result is as strong as the
weakest thing it rests on, so a table derived through a provisional raise is
``provisional``. :func:`weakest` is the only place that order is applied; every result
type computes its status with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = [
    "MISSING_STATUS",
    "STATUS_ORDER",
    "Source",
    "SourceLike",
    "Sourced",
    "Status",
    "weakest",
]

Status = Literal["published", "derived", "provisional"]
"""``published``: read in a source. ``derived``: computed by a declared rule from published
figures. ``provisional``: agreed but not final."""

STATUS_ORDER: tuple[Status, ...] = ("published", "derived", "provisional")
"""Strongest first."""

MISSING_STATUS: Status = "provisional"
"""The status of a figure that could not be computed and stands as a placeholder (an amount
of 0 in a lenient year of pay, no amount on a career row): the weakest, so nothing that
includes it looks stronger than it is. A ``missing`` flag on the result says which it is."""


def weakest(statuses: Iterable[Status]) -> Status:
    """The weakest of *statuses*; ``published`` when there are none.

    >>> weakest(["published", "provisional", "derived"])
    'provisional'
    >>> weakest(["derived", "published"])
    'derived'
    """
    rank = 0
    for status in statuses:
        found = _RANK.get(status)
        rank = max(rank, STATUS_ORDER.index(status) if found is None else found)
    return STATUS_ORDER[rank]


_RANK: dict[str, int] = {status: rank for rank, status in enumerate(STATUS_ORDER)}
"""The index of each status in :data:`STATUS_ORDER` (an unknown one is looked up there,
which raises as it always did)."""


class SourceLike(Protocol):
    """What a source names (:class:`caopo.schema.base.Source` is one): a title and,
    where there is one, a URL."""

    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str | None: ...


@runtime_checkable
class Sourced(Protocol):
    """What every result type carries: its status and the sources it rests on."""

    @property
    def status(self) -> Status: ...

    @property
    def sources(self) -> tuple[SourceLike, ...]: ...


class _Strict:
    """How pydantic reads a field of :class:`Source` (a core-schema hook: this module does not
    import pydantic): strict types, with the text constraints :meth:`check` also applies to
    a source built directly."""

    __slots__ = ("min_length", "pattern")

    def __init__(self, *, min_length: int | None = None, pattern: str | None = None) -> None:
        self.min_length = min_length
        self.pattern = pattern

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        if source_type is date:
            return core_schema.date_schema(strict=True)
        return core_schema.str_schema(strict=True, min_length=self.min_length, pattern=self.pattern)

    def check(self, name: str, value: object) -> None:
        if not isinstance(value, str):
            raise ValueError(f"{name} must be text, got {value!r}")
        if self.min_length is not None and len(value) < self.min_length:
            raise ValueError(f"{name} must have at least {self.min_length} character(s)")
        if self.pattern is not None and not re.match(self.pattern, value):
            raise ValueError(f"{name} must match {self.pattern!r}, got {value!r}")


_TITLE = _Strict(min_length=1)
_URL = _Strict(pattern=r"^https?://")
_PLAIN = _Strict()


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where a figure was read."""

    title: Annotated[str, _TITLE]
    url: Annotated[str, _URL] | None = None
    publisher: Annotated[str, _PLAIN] | None = None
    article: Annotated[str, _PLAIN] | None = None
    published_on: Annotated[date, _PLAIN] | None = None
    note: Annotated[str, _PLAIN] | None = None

    __pydantic_config__ = {"extra": "forbid"}  # noqa: RUF012
    """How the table schemas read a source (:mod:`caopo.schema.base`): every field strict,
    unknown keys refused, as in every schema model; a mapping or a :class:`Source`."""

    def __post_init__(self) -> None:
        _TITLE.check("title", self.title)
        if self.url is not None:
            _URL.check("url", self.url)
        for name in ("publisher", "article", "note"):
            if getattr(self, name) is not None:
                _PLAIN.check(name, getattr(self, name))
        if self.published_on is not None and type(self.published_on) is not date:
            raise ValueError(f"published_on must be a date, got {self.published_on!r}")

    @classmethod
    def from_plain(cls, raw: dict[str, Any]) -> Source:
        """A source from its JSON form (``published_on`` as ISO text), as compiled tables
        store it."""
        day = raw.get("published_on")
        return cls(**{**raw, "published_on": None if day is None else date.fromisoformat(day)})

    def to_plain(self) -> dict[str, Any]:
        """The JSON form :meth:`from_plain` reads."""
        return {
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "article": self.article,
            "published_on": None if self.published_on is None else self.published_on.isoformat(),
            "note": self.note,
        }
