"""Schemas of the table files (pydantic v2: frozen, strict, unknown keys refused).

One YAML file is one *version* of one *table*: a header (:class:`TableVersion`)
that says what the table is, when it holds and where it was read, and a body whose
shape depends on the ``kind``. This module holds the shared header and the kinds
the salary engine needs; other kinds live beside the code that uses them and are
registered in :data:`caopo.catalog.KIND_MODELS`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

__all__ = [
    "Amount",
    "DataDocument",
    "Derivation",
    "OmittedCell",
    "Percentage",
    "RaiseChain",
    "RaiseEvent",
    "ScaleCode",
    "ScaleTable",
    "Sequence",
    "Source",
    "Status",
    "Step",
    "StrictModel",
    "TableId",
    "TableVersion",
]


class StrictModel(BaseModel):
    """Base of every schema: frozen, strict types, unknown keys refused."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")


def _int_as_decimal(value: Any) -> Any:
    # The YAML loader gives ``3463`` as int and ``3485.10`` as Decimal; both are exact.
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def _as_tuple(value: Any) -> Any:
    # YAML gives sequences as lists; the frozen models hold tuples.
    return tuple(value) if isinstance(value, list) else value


def _finite_positive(value: Decimal) -> Decimal:
    if not value.is_finite() or value <= 0:
        raise ValueError(f"must be a positive amount, got {value}")
    return value


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError(f"must be a finite number, got {value}")
    return value


Amount = Annotated[Decimal, BeforeValidator(_int_as_decimal), AfterValidator(_finite_positive)]
"""A positive euro amount, exact (int or Decimal in the file; never float)."""

Percentage = Annotated[Decimal, BeforeValidator(_int_as_decimal), AfterValidator(_finite)]
"""A percentage as printed (``4.75`` means 4,75 %)."""

Status = Literal["published", "derived", "provisional"]
"""``published``: read in a source. ``derived``: computed by a declared rule from published
figures. ``provisional``: agreed but not final."""

TableId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
ScaleCode = Annotated[str, Field(pattern=r"^[A-Z0-9][A-Z0-9+]*$")]
Step = Annotated[int, Field(ge=1, le=99)]


Sequence = BeforeValidator(_as_tuple)
"""Annotate a ``tuple[X, ...]`` field with this to read a YAML list into it."""


class Source(StrictModel):
    """Where a figure was read."""

    title: str = Field(min_length=1)
    url: str | None = Field(default=None, pattern=r"^https?://")
    publisher: str | None = None
    article: str | None = None
    published_on: date | None = None
    note: str | None = None


class DataDocument(StrictModel):
    """What every data file has: its kind (which schema), table id, title and notes."""

    kind: str
    table: TableId
    title: str = Field(min_length=1)
    notes: str | None = None


class TableVersion(DataDocument):
    """Header of a date-versioned table file: one file is one version of one table.

    The version holds from ``effective_from`` (inclusive) until the next version of the
    same table starts, or until ``effective_until`` (exclusive) when the data knows the
    version ended without a shipped successor.
    """

    effective_from: date
    effective_until: date | None = None
    cao: str = Field(min_length=1)
    status: Status
    known_from: date | None = None
    sources: Annotated[tuple[Source, ...], Sequence] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_header(self) -> TableVersion:
        if self.effective_until is not None and self.effective_until <= self.effective_from:
            raise ValueError(
                f"effective_until {self.effective_until} must be after "
                f"effective_from {self.effective_from}"
            )
        return self


class OmittedCell(StrictModel):
    """A cell a source printed that is deliberately not shipped, with the reason."""

    scale: ScaleCode
    step: Step
    printed: Amount | None = None
    reason: str = Field(min_length=1)


class Derivation(StrictModel):
    """How a ``derived`` version is computed: a published base version of the same table
    times the general raises on the listed dates, each cell rounded once."""

    base: date
    raises: Annotated[tuple[date, ...], Sequence] = Field(min_length=1)
    quantum: Amount
    rounding: Literal["half_up"]
    tolerance: Amount


class ScaleTable(TableVersion):
    """Monthly full-time salary amounts by scale (schaal) and step (trede).

    ``coverage: complete`` means every step of every scale named is present, so a
    missing step does not exist. ``coverage: partial`` means only the cells a source
    printed are present, so a missing step exists but is not published.
    Amounts rise with the step within every scale.
    """

    kind: Literal["salary_scales"]
    unit: str = "EUR per month, full-time (werktijdfactor 1)"
    coverage: Literal["complete", "partial"] | None = None
    cells: dict[ScaleCode, dict[Step, Amount]] = Field(default_factory=dict)
    omitted: Annotated[tuple[OmittedCell, ...], Sequence] = ()
    derivation: Derivation | None = None

    @model_validator(mode="after")
    def _check_cells(self) -> ScaleTable:
        if self.status == "derived":
            if self.derivation is None:
                raise ValueError("a derived version needs a 'derivation' block")
            if self.derivation.base >= self.effective_from:
                raise ValueError("derivation.base must be before effective_from")
            if self.cells or self.omitted or self.coverage:
                raise ValueError(
                    "a derived version has no 'cells', 'omitted' or 'coverage': "
                    "they come from its base"
                )
            return self
        if self.coverage is None:
            raise ValueError(
                "'coverage' is required: 'complete' (every step of every scale named) "
                "or 'partial' (only the cells a source printed)"
            )
        if self.derivation is not None:
            raise ValueError(
                f"'derivation' is only allowed with status 'derived', not {self.status!r}"
            )
        if not self.cells or not all(self.cells.values()):
            raise ValueError(
                "a published or provisional version needs cells for every scale it names"
            )
        for scale, steps in self.cells.items():
            ordered = sorted(steps.items())
            for (low_step, low), (high_step, high) in pairwise(ordered):
                if high <= low:
                    raise ValueError(
                        f"scale {scale!r}: step {high_step} ({high}) does not rise above "
                        f"step {low_step} ({low})"
                    )
        return self


class RaiseEvent(StrictModel):
    """One general raise or structural change of the salary tables."""

    on: date
    change: Literal["percentage", "structural"]
    percentage: Percentage | None = None
    description: str = Field(min_length=1)
    applies_to: Annotated[tuple[TableId, ...], Sequence]
    cao: str = Field(min_length=1)
    status: Literal["published", "provisional"]
    known_from: date | None = None
    sources: Annotated[tuple[Source, ...], Sequence] = Field(min_length=1)
    note: str | None = None
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
    events: Annotated[tuple[RaiseEvent, ...], Sequence] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_order(self) -> RaiseChain:
        dates = [event.on for event in self.events]
        if dates != sorted(set(dates)):
            raise ValueError("events must be strictly ascending by date, one per date")
        return self
