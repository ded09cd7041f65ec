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

from collections.abc import Iterable
from typing import Literal, Protocol, runtime_checkable

__all__ = ["MISSING_STATUS", "STATUS_ORDER", "SourceLike", "Sourced", "Status", "weakest"]

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
        rank = max(rank, STATUS_ORDER.index(status))
    return STATUS_ORDER[rank]


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
