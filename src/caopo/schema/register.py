"""Schema of ``data/register/``: the Schoolleidersregister rules."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from caopo.schema.base import (
    Amount,
    DataDocument,
    ListAsTuple,
    Source,
    StrictModel,
)


class RegisterType(StrictModel):
    """A registration type (``RDO``, ``RADO``, ``aspirant``); ``has_cycle``: a
    re-registration cycle was read for it."""

    code: str = Field(min_length=1)
    description: str = Field(min_length=1)
    has_cycle: bool


class CycleRule(StrictModel):
    """A re-registration cycle of *years* years, with the source it was read in."""

    years: int = Field(ge=1, le=10)
    source: Source
    late_reregistration: str | None = None
    note: str | None = None


class Fee(StrictModel):
    """The yearly register fee from *year* (EUR)."""

    year: int = Field(ge=2013, le=2199)
    amount: Amount


class RegisterRules(DataDocument):
    """The rules of the Schoolleidersregister PO (one unversioned document)."""

    kind: Literal["register_rules"]
    enrolment_possible_from: date
    registration_required_by: date
    types: Annotated[tuple[RegisterType, ...], ListAsTuple] = Field(min_length=1)
    cycle: CycleRule
    alternative_cycle: CycleRule
    grace_months: int = Field(ge=0, le=24)
    grace_source: Source
    fees: Annotated[tuple[Fee, ...], ListAsTuple] = ()
    fees_source: Source | None = None
