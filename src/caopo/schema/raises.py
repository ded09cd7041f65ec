"""Schema of ``data/raises/``: the chain of general raises and structural changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.schema.base import (
    CodeText,
    DataDocument,
    ListAsTuple,
    Percentage,
    Quantum,
    Source,
    StrictModel,
    TableId,
)


class SameAmounts(StrictModel):
    """A structural change that gives *scales* the step amounts of *as_scale*, step for
    step (e.g. OOP and directie schaal 10 -> LB on 2026-07-01)."""

    scales: Annotated[tuple[CodeText, ...], ListAsTuple] = Field(min_length=1)
    as_scale: CodeText


class RaiseEvent(StrictModel):
    """One general raise or structural change of the salary tables. ``unquantified``: a
    general raise that a source names but whose percentage no source read gives (2007 and
    2008): nothing may be derived or projected across it."""

    on: date
    change: Literal["percentage", "structural", "unquantified"]
    percentage: Percentage | None = None
    description: str = Field(min_length=1)
    applies_to: Annotated[tuple[TableId, ...], ListAsTuple]
    cao: str = Field(min_length=1)
    status: Literal["published", "provisional"]
    known_from: date | None = None
    sources: Annotated[tuple[Source, ...], ListAsTuple] = Field(min_length=1)
    note: str | None = None
    same_amounts_as: SameAmounts | None = None
    """For a structural change whose new amounts are another scale's, step for step: which.
    A projection can carry a table across it; across any other structural change it refuses."""
    guarantee_indexation: bool | None = None
    """Does this raise count as indexation of the garantietoelage (art. 5.6 lid 8 CAO PO
    2019-2020)? ``True``/``False`` where a source says so; ``None``: not resolved by the
    sources (the caller's ``unresolved_raises_count`` parameter decides)."""

    @model_validator(mode="after")
    def _check_percentage(self) -> RaiseEvent:
        if (self.change == "percentage") != (self.percentage is not None):
            raise ValueError("'percentage' is required for, and only for, change: percentage")
        if self.change == "structural" and self.guarantee_indexation:
            raise ValueError("a structural change has no percentage and cannot be indexation")
        if self.same_amounts_as is not None and self.change != "structural":
            raise ValueError("'same_amounts_as' belongs to a structural change")
        if self.change == "unquantified" and self.guarantee_indexation:
            raise ValueError("an unquantified raise has no percentage and cannot be indexation")
        return self

    @property
    def factor(self) -> Decimal:
        """The multiplier of a percentage raise (``4.75`` -> ``1.0475``)."""
        if self.percentage is None:
            raise ValueError(f"the event of {self.on} is structural and has no factor")
        return 1 + self.percentage / 100


class RaiseChain(DataDocument):
    """The chain of general raises and structural changes, strictly ascending by date.

    Not date-versioned itself: one file holds the whole history.
    """

    kind: Literal["raise_chain"]
    projection_quantum: Quantum
    """What a projected cell is rounded to, once (1: whole euros, as the tables print)."""
    events: Annotated[tuple[RaiseEvent, ...], ListAsTuple] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_order(self) -> RaiseChain:
        dates = [event.on for event in self.events]
        if dates != sorted(set(dates)):
            raise ValueError("events must be strictly ascending by date, one per date")
        return self


def unquantified_between(
    events: tuple[RaiseEvent, ...], start: date, end: date, *, table: str
) -> RaiseEvent | None:
    """The first raise for *table* in ``start < on <= end`` whose percentage no source
    gives: a gap in the chain that nothing may be derived across."""
    for event in events:
        if event.change == "unquantified" and start < event.on <= end and table in event.applies_to:
            return event
    return None
