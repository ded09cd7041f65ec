"""Schema of ``data/editions/``: a published comparison of two CAO PO editions per scale
(what an akkoord means for the maximum, the steps to the top and yearly income)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from caopo.schema.base import (
    MAX_AMOUNT,
    Amount,
    CodeText,
    ListAsTuple,
    Percentage,
    StrictModel,
)
from caopo.schema.mappings import SourceKeys, _SourcedDocument

__all__ = ["ComparisonRow", "EditionComparisonTable", "EuroChange"]


def _exact(value: Any) -> Any:
    return Decimal(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _euro_change(value: Decimal) -> Decimal:
    if not value.is_finite() or abs(value) >= MAX_AMOUNT or (value * 100) % 1 != 0:
        raise ValueError(
            f"a change in euros is finite, below {MAX_AMOUNT} either way and in cents, got {value}"
        )
    return value


EuroChange = Annotated[Decimal, BeforeValidator(_exact), AfterValidator(_euro_change)]
"""A change of a euro amount as printed: may be negative, in whole cents."""


class ComparisonRow(StrictModel):
    """One printed row: the figures for one scale, as published (``printed`` is the row
    as the source shows it; ``steps_change`` only where the source states it)."""

    scale: CodeText
    printed: str = Field(min_length=1)
    guarantee_footnote: bool = False
    income_increase_eur_per_year: Amount
    income_increase_pct: Percentage
    increase_range_pct: Annotated[tuple[Percentage, Percentage], ListAsTuple]
    perspective_change_eur_per_month: EuroChange
    years_to_top_change: int = Field(ge=-40, le=40)
    steps_change: int | None = Field(default=None, ge=-40, le=40)
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ComparisonRow:
        low, high = self.increase_range_pct
        if low > high:
            raise ValueError(f"row {self.scale}: the range runs from low to high")
        return self


class EditionComparisonTable(_SourcedDocument):
    """A comparison a source published between the tables in force from *before_from*
    until *before_until* and those from *after_from* until *after_until* (ends exclusive),
    with how the pair of dates was established (``identification``)."""

    kind: Literal["edition_comparison"]
    akkoord: str = Field(min_length=1)
    before_from: date
    before_until: date
    after_from: date
    after_until: date
    example_before: date
    example_after: date
    source: SourceKeys
    identification: str = Field(min_length=1)
    identification_source: SourceKeys
    reading: str | None = None
    columns: dict[str, str]
    footnote: str | None = None
    rows: Annotated[tuple[ComparisonRow, ...], ListAsTuple] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_table(self) -> EditionComparisonTable:
        self._check_keys(self.source, "source")
        self._check_keys(self.identification_source, "identification_source")
        if not self.before_from < self.before_until <= self.after_from < self.after_until:
            raise ValueError(
                "the periods must run before_from < before_until <= after_from < after_until"
            )
        if not (
            self.before_from <= self.example_before < self.before_until
            and self.after_from <= self.example_after < self.after_until
        ):
            raise ValueError("example_before and example_after must fall in their periods")
        scales = [row.scale for row in self.rows]
        if len(set(scales)) != len(scales):
            raise ValueError("a scale has two rows")
        return self
