"""Schema of ``data/career_patterns/``: the director career patterns by school size."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.schema.base import (
    CodeText,
    ListAsTuple,
    Percentage,
    Quantity,
    SchoolTypeField,
    Source,
    StrictModel,
    TableVersion,
)

Measure = Literal["weighted_pupils", "normative_formation"]
"""What a school type's bands compare: Y (weighted pupils) or Q (normative formation)."""

SYMBOLS: dict[str, str] = {"weighted_pupils": "Y", "normative_formation": "Q"}
"""The letter Bijlage A1 writes for each measure."""


class CareerBand(StrictModel):
    """A band ``lower <= value < below`` (``below: null``: no upper limit)."""

    scale: CodeText
    lower: Quantity
    below: Quantity | None = None

    def contains(self, value: Decimal) -> bool:
        return self.lower <= value and (self.below is None or value < self.below)

    def describe(self, symbol: str) -> str:
        if self.below is None:
            return f"{symbol} >= {self.lower}"
        if self.lower == 0:
            return f"{symbol} < {self.below}"
        return f"{self.lower} <= {symbol} < {self.below}"


class SchoolTypePatterns(StrictModel):
    """The bands of one school type: ascending, contiguous, from 0, last one open."""

    measure: Measure
    printed: str = Field(min_length=1)
    """The bands as the source prints them."""
    bands: Annotated[tuple[CareerBand, ...], ListAsTuple] = Field(min_length=1)

    @property
    def symbol(self) -> str:
        """``Y`` or ``Q``, as Bijlage A1 writes the measure."""
        return SYMBOLS[self.measure]

    @model_validator(mode="after")
    def _check_bands(self) -> SchoolTypePatterns:
        if self.bands[0].lower != 0:
            raise ValueError("the first band must start at 0")
        for low, high in pairwise(self.bands):
            if low.below is None or high.lower != low.below:
                raise ValueError(
                    f"bands {low.scale!r} and {high.scale!r} must be contiguous "
                    f"({high.scale!r}.lower must equal {low.scale!r}.below)"
                )
        if self.bands[-1].below is not None:
            raise ValueError("the last band must be open-ended (below: null)")
        return self


class Weighting(StrictModel):
    """Y = pupils on 1 October + percentage, rounded down."""

    percentage: Percentage
    rounding: Literal["down"]
    sources: Annotated[tuple[Source, ...], ListAsTuple] = Field(min_length=1)


class GrowthRule(StrictModel):
    """Art. 6.25 CAO PO 2016-2017: growth to a higher scale."""

    consecutive_counts: int = Field(ge=1)
    article: str
    exception_count_on: date
    """Lid 2: a count on this date that entitles a ``exception_from`` director to
    ``exception_to`` gives that scale from the following school year already."""
    exception_from: CodeText
    exception_to: CodeText
    sources: Annotated[tuple[Source, ...], ListAsTuple] = Field(min_length=1)
    note: str | None = None


class CareerPatternTable(TableVersion):
    """The director career patterns by school size (Bijlage A1 CAO PO)."""

    kind: Literal["career_patterns"]
    scale_order: Annotated[tuple[CodeText, ...], ListAsTuple] = Field(min_length=2)
    weighting: Weighting
    growth: GrowthRule
    school_types: dict[SchoolTypeField, SchoolTypePatterns]
    replaced_by: str = Field(min_length=1)
    """What applies after ``effective_until`` (FUWA PO function weighting)."""
    effective_until: date
    """The career patterns ended (placement follows FUWA PO): the end is required."""

    @model_validator(mode="after")
    def _check_scales(self) -> CareerPatternTable:
        for kind, patterns in self.school_types.items():
            scales = [band.scale for band in patterns.bands]
            unknown = [s for s in scales if s not in self.scale_order]
            if unknown:
                raise ValueError(f"{kind}: scales {unknown} are not in scale_order")
            if scales != sorted(scales, key=self.scale_order.index):
                raise ValueError(f"{kind}: bands must follow scale_order")
        return self
