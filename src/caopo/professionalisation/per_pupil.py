"""Per-pupil professionalisation funding: the prestatiebox and its successor.

Two kinds, each a table in ``data/funding/per_pupil_*.yaml`` with one version per school
year (kind ``per_pupil_funding``):

* ``professionalisation``: the *bijzondere bekostiging professionalisering en begeleiding
  starters en schoolleiders*, which replaced the prestatiebox from school year 2021-2022
  (EUR 94,20 per pupil, the same for bao, sbo, so and vso).
* ``prestatiebox``: the prestatiebox amounts per pupil and per school for the school
  years that were read (2012-2013 last seven months, 2013-2014, 2014-2015, 2015-2016,
  2019-2020).

The rule (art. 40 Regeling bekostiging personeel PO 2021-2022; the prestatiebox articles
of the earlier regelingen): the total for one school is ``pupils x the per-pupil amounts +
the per-school amounts`` of the components for its school type, rounded once to cents.

The kind is ``professionalisation`` (also ``professionalisering``) or ``prestatiebox``:
a vocabulary of this one function, its spellings in :data:`KIND_SPELLINGS`.

The school type is a :class:`caopo.SchoolType` in any spelling (``bao``, ``basisschool``,
``SO/VSO``, ...). A type no version of the scheme has amounts for (``so_vso``, ``sovso``,
the MG types) raises :class:`~caopo.errors.NotPublishedError` naming it and the types
with data; so does a type the version of that school year does not cover. A school year
without a version raises :class:`~caopo.errors.NoDataForDateError` listing the school years
that are shipped.

>>> per_pupil_funding("professionalisation", 200, school_type="bo", school_year="2021-2022")
Decimal('18840.00')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.dates import SchoolYear
from caopo.dates import school_year as to_school_year
from caopo.display import Display
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError, shown
from caopo.inputs import SchoolType, to_pupils, to_school_type
from caopo.money import round_cents
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.funding import FundingComponent, PerPupilFunding

__all__ = [
    "FUNDING_KINDS",
    "KIND_SPELLINGS",
    "FundingComponent",
    "FundingLine",
    "PerPupilFunding",
    "PerPupilResult",
    "per_pupil_funding",
    "per_pupil_funding_detail",
    "per_pupil_school_types",
]

FUNDING_KINDS: dict[str, str] = {
    "professionalisation": "per_pupil_professionalisation",
    "prestatiebox": "per_pupil_prestatiebox",
}
"""The funding kinds this function knows, and the table (``data/funding/``) of each."""

KIND_SPELLINGS: dict[str, str] = {
    "professionalisering": "professionalisation",
    "starters_schoolleiders": "professionalisation",
    "professionalisation_starters_school_leaders": "professionalisation",
}
"""Other names of a funding kind: the Dutch word and the words of the regeling's title
(*professionalisering en begeleiding starters en schoolleiders*). The kind is a vocabulary
of this one function (no other rule takes it), so its spellings live here. Any case;
``-``, ``_`` and spaces alike."""


@dataclass(frozen=True, slots=True)
class FundingLine:
    """One component applied to the school: ``quantity x rate = amount`` (unrounded)."""

    id: str
    description: str
    per: str
    rate: Decimal
    """EUR per :attr:`per` (a pupil or the school)."""
    quantity: int
    """The pupils for a per-pupil component, 1 for a per-school one."""
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PerPupilResult(Display):
    """The funding of one school for one school year, with its provenance."""

    funding_kind: str
    """A key of :data:`FUNDING_KINDS` (a table's ``kind`` is its data kind)."""
    school_type: SchoolType
    school_year: str
    pupils: int
    amount: Decimal
    lines: tuple[FundingLine, ...]
    table: str
    effective_from: date
    effective_until: date | None
    cao: str
    status: Status
    school_types_stated: bool
    payment_schedule: str | None
    sources: tuple[Source, ...]
    notes: tuple[str, ...]
    """The table version's notes (none or one)."""


def _kind(value: object) -> str:
    """The funding kind of *value*: a key of :data:`FUNDING_KINDS` or one of its
    :data:`KIND_SPELLINGS`."""
    if isinstance(value, str):
        key = "_".join(value.lower().replace("-", " ").replace("_", " ").split())
        key = KIND_SPELLINGS.get(key, key)
        if key in FUNDING_KINDS:
            return key
    raise InvalidInputError(
        f"kind {shown(value)} is not known; use one of {', '.join(FUNDING_KINDS)} "
        f"(or {', '.join(KIND_SPELLINGS)})"
    )


def per_pupil_school_types(kind: object) -> tuple[SchoolType, ...]:
    """The school types some version of funding *kind* has amounts for (read from the data:
    each version's and component's ``school_types``), in vocabulary order.

    >>> [str(t) for t in per_pupil_school_types("prestatiebox")]
    ['bo', 'sbo', 'so', 'vso']
    """
    found: set[SchoolType] = set()
    for version in catalog().series(FUNDING_KINDS[_kind(kind)], PerPupilFunding).versions:
        found.update(version.school_types or ())
        for component in version.components:
            found.update(component.school_types or ())
    return tuple(t for t in SchoolType if t in found)


def _school_type(key: str, value: object) -> SchoolType:
    stype = to_school_type(value)
    known = per_pupil_school_types(key)
    if stype not in known:
        raise NotPublishedError(
            f"{key}: no per-pupil amounts for school type {str(stype)!r} were read; "
            f"school types with data: {', '.join(map(str, known))}"
        )
    return stype


def _version(table: str, year: SchoolYear) -> PerPupilFunding:
    versions = catalog().series(table, PerPupilFunding).versions
    for version in versions:
        if version.school_year == str(year):
            return version
    shipped = ", ".join(v.school_year for v in versions) or "none"
    raise NoDataForDateError(
        f"table {table!r} has no version for school year {str(year)!r}; "
        f"school years shipped: {shipped}"
    )


def _lines(version: PerPupilFunding, stype: SchoolType, pupils: int) -> tuple[FundingLine, ...]:
    """The components of *version* for *stype*: ``pupils x rate`` or ``1 x rate``."""
    lines: list[FundingLine] = []
    for component in version.components:
        if component.school_types is not None and stype not in component.school_types:
            continue
        quantity = pupils if component.per == "pupil" else 1
        lines.append(
            FundingLine(
                id=component.id,
                description=component.description,
                per=component.per,
                rate=component.amount,
                quantity=quantity,
                amount=component.amount * quantity,
            )
        )
    return tuple(lines)


def per_pupil_funding_detail(
    kind: object, pupils: object, *, school_type: object, school_year: object
) -> PerPupilResult:
    """The funding of one school of *school_type* with *pupils* pupils, with every line:
    ``pupils x rate`` per per-pupil component, ``1 x rate`` per per-school component, the
    total rounded once to cents. The status is the version's.

    >>> result = per_pupil_funding_detail(
    ...     "prestatiebox", 100, school_type="basisschool", school_year="2013-2014")
    >>> [(line.id, line.amount) for line in result.lines]
    [('opbrengstgericht_werken', Decimal('4655.00')), ('professionalisering_leraren', Decimal('3204.00')), ('cultuureducatie', Decimal('1126.00')), ('per_school', Decimal('1986'))]
    """
    key = _kind(kind)
    count = to_pupils(pupils)
    stype = _school_type(key, school_type)
    year = to_school_year(school_year)
    table = FUNDING_KINDS[key]
    version = _version(table, year)
    if version.school_types is not None and stype not in version.school_types:
        raise NotPublishedError(
            f"{key} {year}: no amounts for school type {str(stype)!r} were read (table "
            f"{table!r}); types covered: {', '.join(map(str, version.school_types))}"
        )
    lines = _lines(version, stype, count)
    total = round_cents(sum((line.amount for line in lines), Decimal(0)))
    return PerPupilResult(
        funding_kind=key,
        school_type=stype,
        school_year=str(year),
        pupils=count,
        amount=total,
        lines=lines,
        table=table,
        effective_from=version.effective_from,
        effective_until=version.effective_until,
        cao=version.cao,
        status=version.status,
        school_types_stated=version.school_types is not None,
        payment_schedule=version.payment_schedule,
        sources=version.sources,
        notes=() if version.notes is None else (version.notes,),
    )


def per_pupil_funding(
    kind: object, pupils: object, *, school_type: object, school_year: object
) -> Decimal:
    """The per-pupil (and per-school) funding of one school for a school year, in euros.

    >>> per_pupil_funding("prestatiebox", 250, school_type="bao", school_year="2019-2020")
    Decimal('49117.50')
    """
    return per_pupil_funding_detail(
        kind, pupils, school_type=school_type, school_year=school_year
    ).amount
