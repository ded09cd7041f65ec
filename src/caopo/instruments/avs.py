"""The AVS membership contribution of a set of members: a personal part per member and a
management part once per school (BRIN), or once per board for bovenschools managers.

The AVS (Algemene Vereniging Schoolleiders) splits its contribution into a personal part
(later "Vakbondsdeel") and a management part (later "Netwerkdeel") that a school pays once,
however many of its leaders are members (seed 000; avs.nl "Hoe is mijn contributie
opgebouwd?"). The management part depends on the pupils of the school, or of the board for
a bovenschools manager or multi-school director. The rates are data
(``data/avs/avs_contribution_<from>.yaml``), one file per contributiejaar (August to August).

The printed school bands overlap at 400 pupils and the board bands leave 600 open; caopo
reads both boundaries into the band that ends there (the data file says why), and a
management part that rests on that reading is ``derived``, not ``published``.

>>> result = avs_contribution(
...     [{"name": "A", "school": "12AB", "pupils": 250}, {"name": "B", "school": "12AB", "pupils": 250}],
...     school_year="2014-2015")
>>> [part.amount for part in result.personal], [part.amount for part in result.management], result.total
([Decimal('160'), Decimal('160')], [Decimal('249')], Decimal('569'))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from caopo.catalog.loader import catalog
from caopo.dates import SchoolYear, school_year_of
from caopo.dates import school_year as parse_school_year
from caopo.display import Display, Tabular
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError, shown
from caopo.inputs import Category, spelling_key, to_category, to_pupils
from caopo.instruments._records import Row, records
from caopo.provenance import Status, weakest
from caopo.schema.avs import AvsRates, PupilBand, ReducedRate
from caopo.schema.base import Source

__all__ = ["AvsContribution", "ManagementPart", "PersonalPart", "avs_contribution"]

RATES_TABLE = "avs_contribution"

Scope = Literal["school", "board"]


@dataclass(frozen=True, slots=True)
class PersonalPart(Display):
    """What one member pays personally: the personal part, or a reduced rate."""

    name: str
    role: str
    """``school`` (a leader at a school), ``board`` (bovenschools / multi-school) or the
    reduced role (``aspirant``, ...)."""
    school: str | None
    rate_name: str
    """The name of the rate applied, as printed (``persoonlijk deel``, a reduced rate)."""
    amount: Decimal


@dataclass(frozen=True, slots=True)
class ManagementPart(Display):
    """The management part of one school (BRIN) or board, paid once for all its members."""

    scope: Scope
    key: str
    """The school's BRIN, or the board, as given in the members' ``school`` column."""
    pupils: int
    band: str
    """The band used, as printed."""
    amount: Decimal
    members: tuple[str, ...]
    reading: str | None
    """Why the pupils fall in this band, where the printed bands leave it open."""
    status: Status


@dataclass(frozen=True, slots=True)
class AvsContribution(Tabular):
    """The contribution of a set of members for one contributiejaar, with its sources."""

    school_year: str
    personal: tuple[PersonalPart, ...]
    management: tuple[ManagementPart, ...]
    total: Decimal
    table: str
    effective_from: date
    status: Status
    """``derived`` where a management part rests on a band reading, else ``published``."""
    sources: tuple[Source, ...]

    def _frame_rows(self) -> list[dict[str, object]]:
        personal: list[dict[str, object]] = [
            {
                "part": "personal",
                "who": p.name,
                "school": p.school,
                "rate_name": p.rate_name,
                "amount": p.amount,
            }
            for p in self.personal
        ]
        return personal + [
            {
                "part": f"management ({m.scope})",
                "who": ", ".join(m.members),
                "school": m.key,
                "rate_name": f"{m.band} ({m.pupils} pupils)",
                "amount": m.amount,
            }
            for m in self.management
        ]


def _rates(year: object) -> tuple[SchoolYear, AvsRates]:
    wanted = parse_school_year(year)
    series = catalog().series(RATES_TABLE, AvsRates)
    version = series.get(wanted.start)
    end = None if version is None else series.end_of(version)
    if version is None or (end is not None and end < wanted.end):
        shipped = ", ".join(str(school_year_of(v.effective_from)) for v in series.versions)
        raise NoDataForDateError(
            f"no AVS contribution rates are shipped for school year {wanted}; school years "
            f"shipped: {shipped}"
        )
    return wanted, version


def _role(rates: AvsRates, value: object, number: int) -> tuple[str, ReducedRate | None]:
    if value is None:
        return "school", None
    key = spelling_key(value, name=f"member row {number} role")
    if key in {spelling_key(s) for s in rates.board_role_spellings}:
        return "board", None
    for rate in rates.reduced:
        if key in {spelling_key(rate.role), *map(spelling_key, rate.spellings)}:
            return rate.role, rate
    try:
        to_category(value)
    except InvalidInputError:
        pass
    else:
        return "school", None
    raise InvalidInputError(
        f"member row {number} role {shown(value)} is not known; leave it empty for a leader at "
        f"a school, or use a staff category ({', '.join(c.value for c in Category)}), "
        f"{', '.join(rates.board_role_spellings)}, or a reduced rate "
        f"({', '.join(r.role for r in rates.reduced)})"
    )


def _band(bands: tuple[PupilBand, ...], pupils: int, where: str) -> PupilBand:
    for band in bands:
        if band.contains(pupils):
            return band
    raise NotPublishedError(
        f"{where}: no printed band holds {pupils} pupils; the bands start at {bands[0].low}"
    )


def _text(value: object, what: str) -> str:
    if value is None or not str(value).strip():
        raise InvalidInputError(f"{what} is empty")
    return str(value).strip()


@dataclass
class _Group:
    pupils: int
    row: int
    members: list[str]


def _member(
    rates: AvsRates, row: Row, number: int, groups: dict[tuple[Scope, str], _Group]
) -> PersonalPart:
    name = _text(row["name"], f"member row {number} name")
    role, reduced = _role(rates, row["role"], number)
    if reduced is not None:
        school = None if row["school"] is None else str(row["school"]).strip() or None
        return PersonalPart(name, role, school, reduced.printed, reduced.amount)
    scope: Scope = "board" if role == "board" else "school"
    school = _text(row["school"], f"member row {number} school")
    pupils = to_pupils(row["pupils"], name=f"member row {number} pupils")
    group = groups.setdefault((scope, school), _Group(pupils, number, []))
    if group.pupils != pupils:
        raise InvalidInputError(
            f"member row {number} gives {school!r} {pupils} pupils, row {group.row} gave "
            f"{group.pupils}: one {scope} has one pupil count"
        )
    group.members.append(name)
    return PersonalPart(name, role, school, rates.personal_printed, rates.personal_part)


def _check_unique(personal: tuple[PersonalPart, ...]) -> None:
    """A member listed twice (the same name and school, regardless of case) would pay two
    personal parts: refused, naming the rows."""
    seen: dict[tuple[str, str], int] = {}
    for number, part in enumerate(personal, start=1):
        key = (part.name.casefold(), (part.school or "").casefold())
        if key in seen:
            raise InvalidInputError(
                f"member rows {seen[key]} and {number} are the same member ({part.name!r} at "
                f"{part.school or 'no school'!r}): each member pays one personal part; "
                f"give each member once"
            )
        seen[key] = number


def _management(rates: AvsRates, scope: Scope, key: str, group: _Group) -> ManagementPart:
    bands = rates.board_bands if scope == "board" else rates.school_bands
    band = _band(bands, group.pupils, f"{scope} {key!r}")
    reading = band.reading if band.reading_at == group.pupils else None
    return ManagementPart(
        scope=scope,
        key=key,
        pupils=group.pupils,
        band=band.printed,
        amount=band.amount,
        members=tuple(group.members),
        reading=reading,
        status="derived" if reading else "published",
    )


def avs_contribution(members: object, *, school_year: object) -> AvsContribution:
    """The AVS contribution of *members* for *school_year* (``"2014-2015"``).

    *members* is a pandas DataFrame or a sequence of mappings with ``name``, ``school``
    (the BRIN; for a bovenschools manager, the board), ``pupils`` (that school's or board's
    count) and optionally ``role``: empty or a staff category for a leader at the school,
    a bovenschools spelling (``bovenschools``, ``meerscholendirecteur``, ...) for a board
    level manager, or a reduced rate (``aspirant``, ``buitengewoon``, ``postactief``,
    ``aspirant_mail``), which is that member's whole contribution.

    Raises :class:`NoDataForDateError` naming the school years shipped.
    """
    wanted, rates = _rates(school_year)
    rows = records(
        members, required=("name",), optional=("school", "pupils", "role"), name="members"
    )
    groups: dict[tuple[Scope, str], _Group] = {}
    personal = tuple(_member(rates, row, n, groups) for n, row in enumerate(rows, start=1))
    _check_unique(personal)
    management = tuple(_management(rates, scope, key, g) for (scope, key), g in groups.items())
    total = sum((p.amount for p in personal), Decimal(0)) + sum(
        (m.amount for m in management), Decimal(0)
    )
    return AvsContribution(
        school_year=str(wanted),
        personal=personal,
        management=management,
        total=total,
        table=RATES_TABLE,
        effective_from=rates.effective_from,
        status=weakest(m.status for m in management),
        sources=rates.sources,
    )
