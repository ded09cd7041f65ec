"""Aanvullende bekostiging schoolleiding: the supplementary funding a school receives for its
school leadership, by school type and pupil count, per school year.

Legal basis: Besluit bekostiging WPO art. 26 (basisschool: pupils on the teldatum "niet hoger
dan 97" vs "hoger dan 97"; speciale school voor basisonderwijs: 99) and Besluit bekostiging WEC
art. 35 ((v)so by onderwijssoort, 1 t/m 49 and 50 or more pupils). The amounts are set per
school year in the yearly Regeling bekostiging personeel PO. The count on the teldatum
(1 October) determines the amount for the *following* school year
(:func:`caopo.dates.funded_school_year`).

The band boundaries are data (``data/funding/``), read from the legal text. AVS paraphrases
the boundary as "< 97 / 97 of meer"; at exactly 97 (sbo: 99) pupils that differs, and caopo
follows the legal text (docs/school-leaders.md).

>>> from caopo.funding import director_funding
>>> director_funding(97, school_type="bo", school_year="2013-2014")
Decimal('19704.11')
>>> director_funding(98, school_type="bo", school_year="2013-2014")
Decimal('36842.22')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.catalog import catalog
from caopo.dates import SchoolYear, school_year
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.models import Amount, Sequence, Source, Status, StrictModel, TableVersion

__all__ = [
    "SCHOOL_TYPES",
    "DirectorFundingDetail",
    "DirectorFundingTable",
    "FundingBand",
    "Regulation",
    "SchoolTypeFunding",
    "director_funding",
    "director_funding_detail",
    "normalise_school_type",
    "shipped_school_years",
]

TABLE = "director_funding"

SchoolType = Literal["bo", "sbo", "so_vso", "sovso", "mg_so_vso", "mg_sovso"]

SCHOOL_TYPES: dict[str, str] = {
    "bo": "basisschool (Besluit bekostiging WPO art. 26 lid 1)",
    "sbo": "speciale school voor basisonderwijs (Besluit bekostiging WPO art. 26 lid 2)",
    "so_vso": "school voor speciaal onderwijs of voortgezet speciaal onderwijs (SO of VSO)",
    "sovso": "school voor speciaal en voortgezet speciaal onderwijs (SOVSO)",
    "mg_so_vso": "SO of VSO voor meervoudig gehandicapte leerlingen (MG SO of VSO)",
    "mg_sovso": "SOVSO voor meervoudig gehandicapte leerlingen (MG SOVSO)",
}
"""The school types of the funding tables, with what they mean."""

_ALIASES = {
    "basisschool": "bo",
    "bao": "bo",
    "sbao": "sbo",
    "so": "so_vso",
    "vso": "so_vso",
    "so_of_vso": "so_vso",
    "so_or_vso": "so_vso",
    "mg_so": "mg_so_vso",
    "mg_vso": "mg_so_vso",
    "mg_so_of_vso": "mg_so_vso",
}


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
    pupils_from: int = Field(ge=0)
    pupils_to: int | None = Field(default=None, ge=0)
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
    bands: Annotated[tuple[FundingBand, ...], Sequence] = Field(min_length=1)
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
    school_types: dict[SchoolType, SchoolTypeFunding] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_year(self) -> DirectorFundingTable:
        year = school_year(self.school_year)
        if self.effective_from != year.start:
            raise ValueError(f"effective_from must be {year.start} for school year {year}")
        if self.effective_until != year.end:
            raise ValueError(f"effective_until must be {year.end} for school year {year}")
        return self


@dataclass(frozen=True, slots=True)
class DirectorFundingDetail:
    """The funding amount with the band it falls in and where it was read."""

    amount: Decimal
    """EUR per school for the whole school year, as the regulation prints it."""
    pupils: int
    """The pupil count on the teldatum (1 October) before the school year."""
    school_type: str
    school_year: SchoolYear
    teldatum: str
    """The 1 October whose count determines this school year's amount."""
    band: str
    boundary: str
    regulation: Regulation
    status: Status
    sources: tuple[Source, ...]
    includes_directeur_toelage_toeslag: Decimal | None
    notes: str | None


def normalise_school_type(value: object) -> str:
    """``"BO"`` -> ``"bo"``, ``"so/vso"`` -> ``"so_vso"``, ``"MG SOVSO"`` -> ``"mg_sovso"``.

    >>> normalise_school_type("SO/VSO")
    'so_vso'
    """
    if not isinstance(value, str):
        raise InvalidInputError(f"school_type must be a str, not {type(value).__name__} {value!r}")
    key = "_".join(value.strip().lower().replace("/", " ").replace("-", " ").split())
    key = _ALIASES.get(key, key)
    if key not in SCHOOL_TYPES:
        raise InvalidInputError(
            f"school_type {value!r} is not known; school types: {', '.join(SCHOOL_TYPES)}"
        )
    return key


def _to_pupils(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError(f"pupils must be a whole number from 0, not {value!r}")
    return value


def shipped_school_years() -> tuple[SchoolYear, ...]:
    """The school years with a shipped (or user-supplied) funding table, oldest first."""
    return tuple(
        school_year(version.school_year)  # type: ignore[attr-defined]
        for version in catalog().versions(TABLE)
    )


def director_funding_detail(
    pupils: int | str, *, school_type: str, school_year: SchoolYear | str
) -> DirectorFundingDetail:
    """The aanvullende bekostiging schoolleiding for a school of *school_type* with *pupils*
    pupils on the teldatum before *school_year*, with band, regulation and source.

    >>> detail = director_funding_detail(98, school_type="bo", school_year="2013-2014")
    >>> detail.band, detail.regulation.bwbr
    ('large (98 pupils or more)', 'BWBR0035590')
    """
    from caopo.dates import school_year as parse_year

    count = _to_pupils(pupils)
    kind = normalise_school_type(school_type)
    year = parse_year(school_year)
    cat = catalog()
    entry = cat.entry_in_force(TABLE, on=year.start)
    if entry is None:
        shipped = ", ".join(str(y) for y in shipped_school_years())
        raise NoDataForDateError(
            f"no aanvullende bekostiging schoolleiding is shipped for school year {str(year)!r}; "
            f"shipped school years: {shipped}"
        )
    table = entry.document
    assert isinstance(table, DirectorFundingTable)
    funding = table.school_types.get(kind)  # type: ignore[call-overload]
    if funding is None:
        raise NotPublishedError(
            f"school year {table.school_year} has no amounts for school type {kind!r} in the "
            f"sources read; school types with amounts: {', '.join(table.school_types)}"
        )
    band = next((b for b in funding.bands if b.contains(count)), None)
    if band is None:
        valid = ", ".join(b.describe() for b in funding.bands)
        raise InvalidInputError(
            f"pupils {count!r} is outside the bands of school type {kind!r}: {valid}"
        )
    if band.amount is None:
        printed = f" (the source printed {band.printed})" if band.printed is not None else ""
        raise NotPublishedError(
            f"school year {table.school_year}, school type {kind!r}, band {band.describe()}: "
            f"amount not published{printed}: {band.not_published}"
        )
    return DirectorFundingDetail(
        amount=band.amount,
        pupils=count,
        school_type=kind,
        school_year=year,
        teldatum=str(year.previous().teldatum),
        band=band.describe(),
        boundary=funding.boundary,
        regulation=table.regulation,
        status=table.status,
        sources=table.sources,
        includes_directeur_toelage_toeslag=funding.includes_directeur_toelage_toeslag,
        notes=funding.note,
    )


def director_funding(
    pupils: int | str, *, school_type: str, school_year: SchoolYear | str
) -> Decimal:
    """The aanvullende bekostiging schoolleiding (EUR per school per school year); see
    :func:`director_funding_detail`."""
    return director_funding_detail(pupils, school_type=school_type, school_year=school_year).amount
