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

>>> from caopo.leaders.funding import director_funding
>>> director_funding(97, school_type="bo", school_year="2013-2014")
Decimal('19704.11')
>>> director_funding(98, school_type="bo", school_year="2013-2014")
Decimal('36842.22')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.dates import SchoolYear, school_year
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.inputs import SchoolType, to_school_type
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.funding import DirectorFundingTable, FundingBand, Regulation, SchoolTypeFunding

__all__ = [
    "SCHOOL_TYPES",
    "DirectorFundingDetail",
    "DirectorFundingTable",
    "FundingBand",
    "Regulation",
    "SchoolTypeFunding",
    "director_funding",
    "director_funding_detail",
    "funding_school_type",
    "shipped_school_years",
]

TABLE = "director_funding"


SCHOOL_TYPES: dict[str, str] = {
    "bo": "basisschool (Besluit bekostiging WPO art. 26 lid 1)",
    "sbo": "speciale school voor basisonderwijs (Besluit bekostiging WPO art. 26 lid 2)",
    "so_vso": "school voor speciaal onderwijs of voortgezet speciaal onderwijs (SO of VSO)",
    "sovso": "school voor speciaal en voortgezet speciaal onderwijs (SOVSO)",
    "mg_so_vso": "SO of VSO voor meervoudig gehandicapte leerlingen (MG SO of VSO)",
    "mg_sovso": "SOVSO voor meervoudig gehandicapte leerlingen (MG SOVSO)",
}
"""The school types of the funding tables, with what they mean."""


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


def funding_school_type(value: object) -> SchoolType:
    """The school type whose amounts apply: SO and VSO schools share the "SO of VSO"
    amounts of the funding tables (``so_vso``).

    >>> str(funding_school_type("VSO"))
    'so_vso'
    """
    found = to_school_type(value)
    return SchoolType.SO_VSO if found in (SchoolType.SO, SchoolType.VSO) else found


def _to_pupils(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError(f"pupils must be a whole number from 0, not {value!r}")
    return value


def shipped_school_years() -> tuple[SchoolYear, ...]:
    """The school years with a shipped (or user-supplied) funding table, oldest first."""
    return tuple(
        school_year(version.school_year)
        for version in catalog().series(TABLE, DirectorFundingTable).versions
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
    kind = funding_school_type(school_type)
    year = parse_year(school_year)
    table = catalog().series(TABLE, DirectorFundingTable).get(year.start)
    if table is None:
        shipped = ", ".join(str(y) for y in shipped_school_years())
        raise NoDataForDateError(
            f"no aanvullende bekostiging schoolleiding is shipped for school year {str(year)!r}; "
            f"shipped school years: {shipped}"
        )
    funding = table.school_types.get(kind)
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
