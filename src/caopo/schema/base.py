"""The shared parts of every table file's schema (pydantic v2: frozen, strict, unknown keys
refused): the header of a date-versioned file (:class:`TableVersion`), of an unversioned
document (:class:`DataDocument`), a :class:`Source`, and the field types the kinds share.

One YAML file is one *version* of one *table*: a header that says what the table is, when
it holds and where it was read, and a body whose shape depends on the ``kind``. Each
``data/`` folder has its schema module beside this one; :mod:`caopo.schema` maps each
``kind`` to its schema.
"""

from __future__ import annotations

import re
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
    "MAX_AMOUNT",
    "MAX_QUANTITY",
    "Amount",
    "CategoryField",
    "CodeText",
    "DataDocument",
    "ListAsTuple",
    "Percentage",
    "PositiveQuantity",
    "Quantity",
    "Quantum",
    "SchoolTypeField",
    "Source",
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


MAX_AMOUNT = Decimal(10) ** 7
"""Every amount in a table is below ten million euros (the largest shipped is about 62,500)."""
MAX_QUANTITY = Decimal(10) ** 6
"""Every quantity (kilometres, hours, weeks, pupils) is below a million."""

_DUTCH_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


# pydantic refuses NaN and infinities for Decimal before these run.


def _amount(value: Decimal) -> Decimal:
    if _decimals(value) > 2:
        hint = (
            f"; in Dutch notation {value} is {str(value).replace('.', '')} euros: write that"
            if _DUTCH_THOUSANDS.fullmatch(str(value))
            else ""
        )
        raise ValueError(f"{value} has {_decimals(value)} decimals; an amount has at most 2{hint}")
    if not 0 < value < MAX_AMOUNT:
        raise ValueError(f"must be a positive amount below {MAX_AMOUNT:,}, got {value}")
    return value


def _quantum(value: Decimal) -> Decimal:
    if not (value > 0 and value.normalize().as_tuple().digits == (1,)):
        raise ValueError(f"a quantum is a power of ten (0.01, 1, ...), got {value}")
    if not Decimal("0.01") <= value <= 100:
        raise ValueError(f"a quantum is from 0.01 (cents) to 100 euros, got {value}")
    return value


def _percentage(value: Decimal) -> Decimal:
    if not -100 < value <= 100 or _decimals(value) > 4:
        raise ValueError(
            f"a percentage is above -100 and at most 100, with at most 4 decimals, got {value}"
        )
    return value


def _quantity(value: Decimal) -> Decimal:
    if not 0 <= value < MAX_QUANTITY or _decimals(value) > 4:
        raise ValueError(
            f"a quantity is 0 or more and below {MAX_QUANTITY:,}, with at most 4 decimals, "
            f"got {value}"
        )
    return value


Amount = Annotated[Decimal, BeforeValidator(_int_as_decimal), AfterValidator(_amount)]
"""A euro amount: above 0 and below :data:`MAX_AMOUNT`, with at most two decimals
(cents), exact (an int or plain decimal in the file). ``3.463`` is refused with a hint:
it is 3463 euros in Dutch notation, never three euros."""

Quantum = Annotated[Decimal, BeforeValidator(_int_as_decimal), AfterValidator(_quantum)]
"""What an amount is rounded to: a power of ten from 0.01 (cents) to 100 euros."""

Percentage = Annotated[Decimal, BeforeValidator(_int_as_decimal), AfterValidator(_percentage)]
"""A percentage as printed (``4.75`` means 4,75 %): above -100, at most 100, at most four
decimals."""

Quantity = Annotated[Decimal, BeforeValidator(_int_as_decimal), AfterValidator(_quantity)]
"""A measure that is not money (kilometres, hours, weeks, a werktijdfactor, a pupil
count bound): 0 or more, below :data:`MAX_QUANTITY`, at most four decimals."""

PositiveQuantity = Annotated[Quantity, Field(gt=0)]
"""A :data:`Quantity` above 0."""


TableId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
CodeText = Annotated[str, Field(pattern=r"^(?:[A-Z]{1,2}\d{0,2}(?:\+U)?|[1-9]\d?)$")]
"""A scale code as the tables write it (``LB``, ``L11``, ``8``, ``D12``, ``DC+U``)."""
Step = Annotated[int, Field(ge=1, le=99)]
"""A step (trede): a plain integer from 1 to 99 (strict: ``5.0``, ``"5"`` or ``true`` is not
a step)."""


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
