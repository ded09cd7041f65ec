"""Schema of ``data/funding/``: the aanvullende bekostiging schoolleiding and the
per-pupil funding schemes."""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.dates import school_year
from caopo.schema.base import (
    Amount,
    ListAsTuple,
    SchoolTypeField,
    StrictModel,
    TableVersion,
)


class Regulation(StrictModel):
    """The ministerial regulation (Regeling bekostiging personeel PO) that sets the amounts."""

    title: str = Field(min_length=1)
    bwbr: str | None = Field(default=None, pattern=r"^BWBR\d{7}$")
    url: str | None = Field(default=None, pattern=r"^https?://")
    articles: str | None = None


class FundingBand(StrictModel):
    """A pupil band, inclusive at both ends (``pupils_to: null`` = no upper limit).

    ``amount`` is the yearly funding per school in euros; where a source did not print the
    amount (or printed one that is not trusted) ``not_published`` says why, and ``printed``
    keeps what the source printed.
    """

    band: str = Field(min_length=1)
    pupils_from: int = Field(ge=1)
    """At least 1: a school with no pupils on the teldatum has no claim to funding
    (Besluit bekostiging WPO art. 3a lid 6), so no band holds 0."""
    pupils_to: int | None = Field(default=None, ge=1)
    amount: Amount | None = None
    not_published: str | None = None
    printed: Amount | None = None

    @model_validator(mode="after")
    def _check(self) -> FundingBand:
        if (self.amount is None) == (self.not_published is None):
            raise ValueError("a band needs either 'amount' or 'not_published' (the reason)")
        if self.printed is not None and self.amount is not None:
            raise ValueError("'printed' is only for a band whose amount is not published")
        if self.pupils_to is not None and self.pupils_to < self.pupils_from:
            raise ValueError(f"band {self.band!r}: pupils_to is below pupils_from")
        return self

    def contains(self, pupils: int) -> bool:
        return self.pupils_from <= pupils and (self.pupils_to is None or pupils <= self.pupils_to)

    def describe(self) -> str:
        if self.pupils_to is None:
            return f"{self.band} ({self.pupils_from} pupils or more)"
        return f"{self.band} ({self.pupils_from} to {self.pupils_to} pupils)"


class SchoolTypeFunding(StrictModel):
    """The bands of one school type. Bands are ascending, contiguous (no gaps, no overlaps)
    and the last one is open-ended."""

    boundary: str = Field(min_length=1)
    """The legal wording the band boundaries come from."""
    bands: Annotated[tuple[FundingBand, ...], ListAsTuple] = Field(min_length=1)
    includes_directeur_toelage_toeslag: Amount | None = None
    """Part of the amount the regulation says is meant for the monthly directeur toelage."""
    note: str | None = None

    @model_validator(mode="after")
    def _check_bands(self) -> SchoolTypeFunding:
        for low, high in pairwise(self.bands):
            if low.pupils_to is None or high.pupils_from != low.pupils_to + 1:
                raise ValueError(
                    f"bands {low.band!r} and {high.band!r} must be contiguous: "
                    f"{high.band!r} must start at {low.band!r}'s pupils_to + 1"
                )
        if self.bands[-1].pupils_to is not None:
            raise ValueError("the last band must be open-ended (pupils_to: null)")
        return self


class DirectorFundingTable(TableVersion):
    """One school year of aanvullende bekostiging schoolleiding (EUR per school per year)."""

    kind: Literal["director_funding"]
    school_year: str = Field(pattern=r"^\d{4}-\d{4}$")
    unit: str = "EUR per school per school year"
    regulation: Regulation
    school_types: dict[SchoolTypeField, SchoolTypeFunding] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_year(self) -> DirectorFundingTable:
        year = school_year(self.school_year)
        if self.effective_from != year.start:
            raise ValueError(f"effective_from must be {year.start} for school year {year}")
        if self.effective_until != year.end:
            raise ValueError(f"effective_until must be {year.end} for school year {year}")
        return self


class FundingComponent(StrictModel):
    """One amount of a version: per pupil or per school, for some school types."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str = Field(min_length=1)
    per: Literal["pupil", "school"]
    amount: Amount
    school_types: Annotated[tuple[SchoolTypeField, ...], ListAsTuple] | None = None


class PerPupilFunding(TableVersion):
    """One school year of a per-pupil funding scheme.

    ``school_types``: the types this version covers; ``None`` when the source gives
    one amount without naming school types (results then say so).
    """

    kind: Literal["per_pupil_funding"]
    school_year: str = Field(pattern=r"^\d{4}-\d{4}$")
    school_types: Annotated[tuple[SchoolTypeField, ...], ListAsTuple] | None = None
    components: Annotated[tuple[FundingComponent, ...], ListAsTuple] = Field(min_length=1)
    payment_schedule: str | None = None
