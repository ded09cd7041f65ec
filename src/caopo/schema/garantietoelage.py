"""Schema of ``data/garantietoelage/``: the parameters of the garantietoelage."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from caopo.schema.base import (
    Amount,
    CodeText,
    DataDocument,
    ListAsTuple,
    Source,
    StrictModel,
    TableId,
)


class DirectietoelageEquivalent(StrictModel):
    """The directietoelage converted to salary terms (no vakantie-uitkering, EJU or
    levensloop were paid over the toelage, so it is 'grossed' down)."""

    scales: Annotated[tuple[CodeText, ...], ListAsTuple] = Field(min_length=1)
    amount: Amount
    level_on: date
    printed_toelage: Amount
    sources: Annotated[tuple[Source, ...], ListAsTuple] = Field(min_length=1)
    note: str | None = None


class GuaranteeRules(DataDocument):
    """The parameters of the garantietoelage (one unversioned document)."""

    kind: Literal["guarantee_rules"]
    article: str = Field(min_length=1)
    comparison_from: date
    """The earliest date compared: the level of the 2019-2020 re-rating."""
    old_scales_lapse_on: date
    salary_table: TableId
    old_scales: Annotated[tuple[CodeText, ...], ListAsTuple] = Field(min_length=1)
    """The old scales compared; their number of steps is the scale-code registry's."""
    directietoelage: DirectietoelageEquivalent
    sources: Annotated[tuple[Source, ...], ListAsTuple] = Field(min_length=1)
