"""The shared parts of every table file's schema (pydantic v2: frozen, strict, unknown keys
refused): the header of a date-versioned file (:class:`TableVersion`), of an unversioned
document (:class:`DataDocument`), a :class:`Source`, and the field types the kinds share.

One YAML file is one *version* of one *table*: a header that says what the table is, when
it holds and where it was read, and a body whose shape depends on the ``kind``. Each
``data/`` folder has its schema module beside this one; :mod:`caopo.schema` maps each
``kind`` to its schema.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    model_validator,
)

from caopo.inputs import Category, SchoolType
from caopo.provenance import Status

__all__ = [
    "Amount",
    "CategoryField",
    "CodeText",
    "DataDocument",
    "ListAsTuple",
    "Percentage",
    "SchoolTypeField",
    "Source",
    "Step",
    "StrictModel",
    "TableId",
    "TableVersion",
    "int_as_decimal",
]


class StrictModel(BaseModel):
    """Base of every schema: frozen, strict types, unknown keys refused."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")


def int_as_decimal(value: Any) -> Any:
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


Amount = Annotated[Decimal, BeforeValidator(int_as_decimal), AfterValidator(_finite_positive)]
"""A positive euro amount, exact (int or Decimal in the file; never float)."""

Percentage = Annotated[Decimal, BeforeValidator(int_as_decimal), AfterValidator(_finite)]
"""A percentage as printed (``4.75`` means 4,75 %)."""


TableId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
CodeText = Annotated[str, Field(pattern=r"^(?:[A-Z]{1,2}\d{0,2}(?:\+U)?|[1-9]\d?)$")]
"""A scale code as the tables write it (``LB``, ``L11``, ``8``, ``D12``, ``DC+U``)."""
Step = Annotated[int, Field(ge=1, le=99)]


CategoryField = Annotated[Category, Strict(False)]
"""A :class:`~caopo.inputs.Category` written as its value (``teacher``, ``director``, ...)."""

SchoolTypeField = Annotated[SchoolType, Strict(False)]
"""A :class:`~caopo.inputs.SchoolType` written as its value (``bo``, ``sbo``, ``so_vso``, ...)."""

ListAsTuple = BeforeValidator(_as_tuple)
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
    sources: Annotated[tuple[Source, ...], ListAsTuple] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_header(self) -> TableVersion:
        if self.effective_until is not None and self.effective_until <= self.effective_from:
            raise ValueError(
                f"effective_until {self.effective_until} must be after "
                f"effective_from {self.effective_from}"
            )
        return self
