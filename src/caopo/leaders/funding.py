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

School types: every :class:`~caopo.inputs.SchoolType` spelling is accepted. The regulations
print one column "SO of VSO" (``so_vso``) for a school that is either; an SO school
(``so``) and a VSO school (``vso``) are read as that column
(:data:`caopo.leaders._school_types.FUNDING_READING`, where every reading lives). Every
other member has its own column.

>>> from caopo.leaders.funding import director_funding
>>> director_funding(97, school_type="bo", school_year="2013-2014")
Decimal('19704.11')
>>> director_funding(98, school_type="bo", school_year="2013-2014")
Decimal('36842.22')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.dates import SchoolYear
from caopo.dates import school_year as parse_school_year
from caopo.display import Display
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.inputs import SchoolType, to_pupils
from caopo.leaders._school_types import (
    FUNDING_READING,
    describe,
    members_with_data,
    read_school_type,
)
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.funding import DirectorFundingTable, FundingBand, Regulation, SchoolTypeFunding

__all__ = [
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
NO_PUPILS = (
    "no pupils: no funding (Besluit bekostiging WPO art. 3a lid 6: 'een school die op de "
    "teldatum geen leerlingen heeft [heeft] geen aanspraak op bekostiging')"
)
"""The band of a count of 0: the law, not a figure of a funding table."""


@dataclass(frozen=True, slots=True)
class DirectorFundingDetail(Display):
    """The funding amount with the band it falls in and where it was read."""

    amount: Decimal
    """EUR per school for the whole school year, as the regulation prints it."""
    pupils: int
    """The pupil count on the teldatum (1 October) before the school year."""
    school_type: SchoolType
    """The column read (``so`` and ``vso`` are read as ``so_vso``)."""
    school_year: str
    """The school year funded, written ``"2013-2014"``."""
    teldatum: date
    """The 1 October whose count determines this school year's amount."""
    band: str
    boundary: str
    regulation: Regulation
    status: Status
    sources: tuple[Source, ...]
    includes_directeur_toelage_toeslag: Decimal | None
    notes: tuple[str, ...]
    """The source's note on this school type's amounts (none or one)."""


def funding_school_type(value: object) -> SchoolType:
    """The school type whose amounts apply to *value* (any spelling): SO and VSO schools
    share the "SO of VSO" amounts of the funding tables (``so_vso``).

    >>> str(funding_school_type("VSO"))
    'so_vso'
    """
    return read_school_type(value, FUNDING_READING)[1]


def shipped_school_years() -> tuple[SchoolYear, ...]:
    """The school years with a shipped (or user-supplied) funding table, oldest first."""
    return tuple(
        parse_school_year(version.school_year)
        for version in catalog().series(TABLE, DirectorFundingTable).versions
    )


def _table(year: SchoolYear) -> DirectorFundingTable:
    table = catalog().series(TABLE, DirectorFundingTable).get(year.start)
    if table is None:
        shipped = ", ".join(str(y) for y in shipped_school_years())
        raise NoDataForDateError(
            f"no aanvullende bekostiging schoolleiding is shipped for school year {str(year)!r}; "
            f"shipped school years: {shipped}"
        )
    return table


def _funding(table: DirectorFundingTable, value: object) -> tuple[SchoolType, SchoolTypeFunding]:
    member, column = read_school_type(value, FUNDING_READING)
    funding = table.school_types.get(column)
    if funding is None:
        raise NotPublishedError(
            f"school year {table.school_year} has no amounts for school type "
            f"{describe(member, column)} in the sources read; school types with amounts: "
            f"{members_with_data(table.school_types, FUNDING_READING)}"
        )
    return column, funding


def _amount(
    table: DirectorFundingTable, column: SchoolType, funding: SchoolTypeFunding, pupils: int
) -> tuple[str, Decimal]:
    if pupils == 0:
        return NO_PUPILS, Decimal(0)
    band = next((b for b in funding.bands if b.contains(pupils)), None)
    if band is None:
        valid = ", ".join(b.describe() for b in funding.bands)
        raise InvalidInputError(
            f"pupils {pupils!r} is outside the bands of school type {column.value!r}: {valid}"
        )
    if band.amount is None:
        printed = f" (the source printed {band.printed})" if band.printed is not None else ""
        raise NotPublishedError(
            f"school year {table.school_year}, school type {column.value!r}, band "
            f"{band.describe()}: amount not published{printed}: {band.not_published}"
        )
    return band.describe(), band.amount


def director_funding_detail(
    pupils: int | str, *, school_type: object, school_year: SchoolYear | str
) -> DirectorFundingDetail:
    """The aanvullende bekostiging schoolleiding (Besluit bekostiging WPO art. 26, Besluit
    bekostiging WEC art. 35) for a school of *school_type* with *pupils* pupils on the
    teldatum before *school_year*, with band, regulation and source. A count of 0 gets no
    funding (amount 0; Besluit bekostiging WPO art. 3a lid 6).

    >>> detail = director_funding_detail(98, school_type="bo", school_year="2013-2014")
    >>> detail.band, detail.regulation.bwbr
    ('large (98 pupils or more)', 'BWBR0035590')
    >>> director_funding_detail(0, school_type="bo", school_year="2015-2016").amount
    Decimal('0')
    """
    count = to_pupils(pupils, name="pupils")
    year = parse_school_year(school_year)
    table = _table(year)
    column, funding = _funding(table, school_type)
    band, amount = _amount(table, column, funding, count)
    return DirectorFundingDetail(
        amount=amount,
        pupils=count,
        school_type=column,
        school_year=str(year),
        teldatum=year.previous().teldatum,
        band=band,
        boundary=funding.boundary,
        regulation=table.regulation,
        status=table.status,
        sources=table.sources,
        includes_directeur_toelage_toeslag=funding.includes_directeur_toelage_toeslag,
        notes=() if funding.note is None else (funding.note,),
    )


def director_funding(
    pupils: int | str, *, school_type: object, school_year: SchoolYear | str
) -> Decimal:
    """The aanvullende bekostiging schoolleiding (EUR per school per school year); see
    :func:`director_funding_detail`."""
    return director_funding_detail(pupils, school_type=school_type, school_year=school_year).amount
