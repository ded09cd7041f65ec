"""Per-pupil professionalisation funding: the prestatiebox and its successor.

Two kinds, each a table in ``data/funding/per_pupil_*.yaml`` with one version per school
year (kind ``per_pupil_funding``):

* ``professionalisation``: the *bijzondere bekostiging professionalisering en begeleiding
  starters en schoolleiders*, which replaced the prestatiebox from school year 2021-2022
  (EUR 94,20 per pupil, the same for bao, sbo, so and vso).
* ``prestatiebox``: the prestatiebox amounts per pupil and per school for the school
  years that were read (2012-2013 last seven months, 2013-2014, 2014-2015, 2015-2016,
  2019-2020).

The total for one school is ``pupils x the per-pupil amounts + the per-school amounts``,
rounded once to cents. A school type the version does not cover raises
:class:`~caopo.errors.NotPublishedError`; a school year without a version raises
:class:`~caopo.errors.NoDataForDateError` listing the school years that are shipped.

>>> per_pupil_funding("professionalisation", 200, school_type="bao", school_year="2021-2022")
Decimal('18840.00')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.dates import SchoolYear
from caopo.dates import school_year as to_school_year
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.inputs import SchoolType, to_school_type
from caopo.money import round_cents
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.funding import FundingComponent, PerPupilFunding

__all__ = [
    "FUNDING_KINDS",
    "FundingComponent",
    "FundingLine",
    "PerPupilFunding",
    "PerPupilResult",
    "per_pupil_funding",
    "per_pupil_funding_detail",
]

FUNDING_KINDS: dict[str, str] = {
    "professionalisation": "per_pupil_professionalisation",
    "prestatiebox": "per_pupil_prestatiebox",
}
_KIND_ALIASES = {
    "professionalisering": "professionalisation",
    "starters_schoolleiders": "professionalisation",
    "professionalisation_starters_school_leaders": "professionalisation",
}
MAX_PUPILS = 100_000


@dataclass(frozen=True, slots=True)
class FundingLine:
    """One component applied to the school: ``count x rate = amount`` (unrounded)."""

    id: str
    description: str
    per: str
    rate: Decimal
    count: int
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PerPupilResult:
    """The funding of one school for one school year, with its provenance."""

    kind: str
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
    notes: str | None


def _kind(value: object) -> str:
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_")
        key = _KIND_ALIASES.get(key, key)
        if key in FUNDING_KINDS:
            return key
    raise InvalidInputError(f"kind {value!r} is not known; use one of {', '.join(FUNDING_KINDS)}")


def _pupils(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidInputError(f"pupils must be a whole number, not {value!r}")
    try:
        count = int(value)
    except ValueError:
        raise InvalidInputError(f"pupils must be a whole number, not {value!r}") from None
    if not 0 <= count <= MAX_PUPILS:
        raise InvalidInputError(f"pupils {value!r} is outside 0..{MAX_PUPILS}")
    return count


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


def per_pupil_funding_detail(
    kind: object, pupils: object, *, school_type: object, school_year: object
) -> PerPupilResult:
    """The funding of one school of *school_type* with *pupils* pupils, with every line.

    >>> result = per_pupil_funding_detail(
    ...     "prestatiebox", 100, school_type="bao", school_year="2013-2014")
    >>> [(line.id, line.amount) for line in result.lines]
    [('opbrengstgericht_werken', Decimal('4655.00')), ('professionalisering_leraren', Decimal('3204.00')), ('cultuureducatie', Decimal('1126.00')), ('per_school', Decimal('1986'))]
    """
    key = _kind(kind)
    count = _pupils(pupils)
    stype = to_school_type(school_type)
    year = to_school_year(school_year)
    table = FUNDING_KINDS[key]
    version = _version(table, year)
    if version.school_types is not None and stype not in version.school_types:
        raise NotPublishedError(
            f"{key} {year}: no amounts for school type {stype!r} were read (table {table!r}); "
            f"types covered: {', '.join(version.school_types)}"
        )
    lines: list[FundingLine] = []
    for component in version.components:
        if component.school_types is not None and stype not in component.school_types:
            continue
        n = count if component.per == "pupil" else 1
        lines.append(
            FundingLine(
                id=component.id,
                description=component.description,
                per=component.per,
                rate=component.amount,
                count=n,
                amount=component.amount * n,
            )
        )
    total = round_cents(sum((line.amount for line in lines), Decimal(0)))
    return PerPupilResult(
        kind=key,
        school_type=stype,
        school_year=str(year),
        pupils=count,
        amount=total,
        lines=tuple(lines),
        table=table,
        effective_from=version.effective_from,
        effective_until=version.effective_until,
        cao=version.cao,
        status=version.status,
        school_types_stated=version.school_types is not None,
        payment_schedule=version.payment_schedule,
        sources=version.sources,
        notes=version.notes,
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
