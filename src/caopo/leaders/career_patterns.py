"""Old career patterns of directors (carrièrepatronen, until 2020-08-01).

Until 1 August 2020 a director's scale followed the size of the school (CAO PO Bijlage A1,
art. 6.22 and 6.23): for bo and sbo the weighted pupil count ``Y`` (pupils on 1 October
plus 3 %, rounded down), for so the total normative formation ``Q``. Bands:

* bo: DA ``Y < 200``, DB ``200 <= Y < 400``, DC ``400 <= Y < 900``, DC+uitloop ``Y >= 900``
* sbo: DA ``Y < 200``, DB ``200 <= Y < 400``, DC ``Y >= 400``
* so: DA ``Q < 24``, DB ``24 <= Q < 42``, DC ``Q >= 42``

The printed bands overlap at 400 (bo/sbo "200-400" and "400-900") and at 42 (so "24-42" and
"42 and more"); caopo gives the boundary to the higher band, as AVS does ("growth to a
y-value above 399"). The bands, the weighting and the growth rule are data
(``data/career_patterns/``).

School types: every :class:`~caopo.inputs.SchoolType` spelling is accepted. Bijlage A1
prints three columns, bo, sbo and so; a VSO school (``vso``) and "SO of VSO" (``so_vso``)
are read as the so column (:data:`caopo.leaders._school_types.CAREER_PATTERN_READING`,
where every reading lives). No reading of the combined SOVSO school or the MG types was
found in the sources: ``sovso``, ``mg_so_vso`` and ``mg_sovso`` raise
:class:`~caopo.errors.NotPublishedError` naming the school types with career patterns.

A higher scale through growth applies only from the school year after three consecutive
1 October counts gave the right to it (CAO PO 2016-2017 art. 6.25 lid 1); a DA director whose
school grew to DB on the count of 1 October 2018 got DB from the following school year
already (lid 2). The scale does not go down when the school shrinks. See
:func:`career_growth`.

From 2020-08-01 placement follows the FUWA PO weighting of the function description, not the
pupil count; these functions refuse such dates.

>>> weighted_pupils(194), weighted_pupils(195)
(199, 200)
>>> career_pattern(195, school_type="bo", on="2015-01-01")
'DB'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from itertools import pairwise

from caopo.catalog.loader import catalog
from caopo.dates import SchoolYear
from caopo.display import Display
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError, shown
from caopo.inputs import SchoolType, scale_text, to_date, to_pupils, to_year
from caopo.leaders._school_types import (
    CAREER_PATTERN_READING,
    describe,
    members_with_data,
    read_school_type,
)
from caopo.money import Number, to_decimal
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.career_patterns import (
    SYMBOLS,
    CareerBand,
    CareerPatternTable,
    GrowthRule,
    SchoolTypePatterns,
)

__all__ = [
    "CareerBand",
    "CareerPatternDetail",
    "CareerPatternTable",
    "GrowthRule",
    "GrowthStep",
    "career_growth",
    "career_pattern",
    "career_pattern_detail",
    "weighted_pupils",
]

TABLE = "career_patterns"


@dataclass(frozen=True, slots=True)
class CareerPatternDetail(Display):
    """The scale a school size entitles a director to, with the band and its source."""

    scale: str
    school_type: SchoolType
    """The column read (``vso`` and ``so_vso`` are read as ``so``)."""
    count: Decimal
    """As given: pupils on 1 October (bo, sbo) or the normative formation Q (so)."""
    value: Decimal
    """The value compared with the bands: Y (weighted pupils) or Q."""
    measure: str
    band: str
    on: date
    effective_from: date
    effective_until: date
    status: Status
    """The status of the career-pattern table version the band was read from."""
    sources: tuple[Source, ...]

    @property
    def symbol(self) -> str:
        """``Y`` (weighted pupils) or ``Q`` (normative formation)."""
        return SYMBOLS[self.measure]


@dataclass(frozen=True, slots=True)
class GrowthStep(Display):
    """One 1 October count in a history, and the scale that applies after it."""

    teldatum: date
    count: Decimal
    value: Decimal
    """Y (weighted pupils) or Q."""
    entitled: str
    """The scale this count alone gives the right to."""
    scale: str
    """The scale that applies from :attr:`applies_from`."""
    applies_from: date
    """1 August after the count: the start of the following school year."""
    reason: str
    status: Status
    """The status of the career-pattern table version (bands and growth rule) used."""
    sources: tuple[Source, ...] = ()
    """The sources of that table version."""


def _table(on: date | None = None) -> CareerPatternTable:
    series = catalog().series(TABLE, CareerPatternTable)
    last = series.versions[-1]
    if on is None:
        return last
    if on >= last.effective_until:
        raise NoDataForDateError(
            f"career patterns by pupil count ended on {last.effective_until}; on {on} "
            f"{last.replaced_by}"
        )
    return series.version_on(on)


def _patterns(value: object, table: CareerPatternTable) -> tuple[SchoolType, SchoolTypePatterns]:
    member, column = read_school_type(value, CAREER_PATTERN_READING)
    patterns = table.school_types.get(column)
    if patterns is None:
        raise NotPublishedError(
            f"school_type {describe(member, column)} has no career patterns (Bijlage A1 prints "
            f"bo, sbo and so); school types with career patterns: "
            f"{members_with_data(table.school_types, CAREER_PATTERN_READING)}"
        )
    return column, patterns


def _pupils(value: object, *, name: str) -> int:
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        value = int(value)
    return to_pupils(value, name=name)


def _count(value: object, patterns: SchoolTypePatterns, *, name: str = "count") -> Decimal:
    if patterns.measure == "weighted_pupils":
        return Decimal(_pupils(value, name=name))
    number = to_decimal(value, name=name)
    if number < 0:
        raise InvalidInputError(
            f"{name} (normative formation Q) must be from 0, not {shown(value)}"
        )
    return number


def weighted_pupils(count: int | str) -> int:
    """Y: the pupil count on 1 October plus 3 %, rounded down (RPBO art. I-Q201 onder e;
    the percentage and the rounding are data).

    >>> weighted_pupils(380), weighted_pupils(420)
    (391, 432)
    """
    table = _table()
    pupils = _pupils(count, name="count")
    raw = pupils * (1 + table.weighting.percentage / 100)
    return int(raw.to_integral_value(rounding=ROUND_FLOOR))


def _entitled(count: Decimal, patterns: SchoolTypePatterns) -> tuple[Decimal, CareerBand]:
    value = count
    if patterns.measure == "weighted_pupils":
        value = Decimal(weighted_pupils(int(count)))
    return value, next(band for band in patterns.bands if band.contains(value))


def career_pattern_detail(count: Number, *, school_type: object, on: object) -> CareerPatternDetail:
    """The director scale a school's size gives the right to on *on* (before 2020-08-01;
    CAO PO Bijlage A1, art. 6.22 and 6.23).

    For bo and sbo *count* is the number of pupils on 1 October (weighted here: +3 %, rounded
    down); for so it is the total normative formation Q. This is the entitlement of one
    count; for the growth rule over several counts see :func:`career_growth`.
    """
    day = to_date(on)
    table = _table(day)
    column, patterns = _patterns(school_type, table)
    number = _count(count, patterns)
    value, band = _entitled(number, patterns)
    return CareerPatternDetail(
        scale=band.scale,
        school_type=column,
        count=number,
        value=value,
        measure=patterns.measure,
        band=band.describe(patterns.symbol),
        on=day,
        effective_from=table.effective_from,
        effective_until=table.effective_until,
        status=table.status,
        sources=table.sources,
    )


def career_pattern(count: Number, *, school_type: object, on: object) -> str:
    """The director scale (DA, DB, DC or DC+U) for a school size on a date before
    2020-08-01; see :func:`career_pattern_detail`.

    >>> career_pattern(900, school_type="bo", on="2019-01-01")
    'DC+U'
    >>> career_pattern(300, school_type="bo", on="2020-08-01")
    Traceback (most recent call last):
    ...
    caopo.errors.NoDataForDateError: career patterns by pupil count ended on 2020-08-01; on 2020-08-01 a director's scale follows the FUWA PO weighting of the function description (CAO PO 2019-2020: new scales A10..A13 and D11..D15), not the pupil count
    """
    return career_pattern_detail(count, school_type=school_type, on=on).scale


def _start_scale(value: object, table: CareerPatternTable) -> str:
    code = scale_text(value, name="start_scale")
    if code not in table.scale_order:
        raise InvalidInputError(
            f"start_scale {shown(value)} is not a career-pattern scale; scales: "
            f"{', '.join(table.scale_order)}"
        )
    return code


def _count_years(counts: object) -> dict[int, object]:
    if not isinstance(counts, Mapping):
        raise InvalidInputError(
            f"counts must be a mapping of the year of each 1 October count to the count, "
            f"like {{2014: 380, 2015: 412}}, not {shown(counts)}"
        )
    if not counts:
        raise InvalidInputError("counts must hold at least one 1 October count")
    by_year = {to_year(year, name="count year"): count for year, count in counts.items()}
    if len(by_year) != len(counts):
        raise InvalidInputError(f"count years must differ, not {shown(list(counts))}")
    years = sorted(by_year)
    gaps = [(a, b) for a, b in pairwise(years) if b != a + 1]
    if gaps:
        raise InvalidInputError(
            f"count years must be consecutive; missing between {gaps[0][0]} and {gaps[0][1]}"
        )
    return {year: by_year[year] for year in years}


def _check_in_force(year: SchoolYear, table: CareerPatternTable) -> None:
    if year.teldatum < table.effective_from:
        raise NoDataForDateError(
            f"the count of {year.teldatum} is before the career patterns shipped "
            f"(from {table.effective_from})"
        )
    if year.end >= table.effective_until:
        raise NoDataForDateError(
            f"the count of {year.teldatum} would set the scale from {year.end}, but career "
            f"patterns by pupil count ended on {table.effective_until}: {table.replaced_by}"
        )


def _grow(
    current: str, entitlements: list[str], year: SchoolYear, table: CareerPatternTable
) -> tuple[str, str]:
    """The scale from the end of *year* after its count (the last of *entitlements*), and
    why (art. 6.25); ``""`` where nothing needs saying.

    Lid 1 applies first; the lid 2 exception (DA -> DB on the count of 1 October 2018)
    applies besides it and only where it gives more: it favours the director, so it never
    yields less than lid 1 (REVIEW-2026-11-rules.md section 9)."""
    rule, rank = table.growth, table.scale_order.index
    entitled = entitlements[-1]
    window = entitlements[-rule.consecutive_counts :]
    target = min(window, key=rank)
    if len(window) == rule.consecutive_counts and rank(target) > rank(current):
        return target, (
            f"{rule.consecutive_counts} consecutive counts gave {target} or higher: "
            f"{target} from {year.end}"
        )
    if (
        year.teldatum == rule.exception_count_on
        and current == rule.exception_from
        and rank(entitled) >= rank(rule.exception_to)
    ):
        return rule.exception_to, (f"{rule.article} exception: {rule.exception_to} from {year.end}")
    if rank(entitled) > rank(current):
        return current, f"not yet {rule.consecutive_counts} consecutive counts, stays {current}"
    if rank(entitled) < rank(current):
        return current, f"the scale does not go down, stays {current}"
    return current, ""


def career_growth(
    counts: Mapping[int, Number], *, school_type: object, start_scale: str
) -> tuple[GrowthStep, ...]:
    """Apply the growth rule (CAO PO 2016-2017 art. 6.25) to a history of 1 October counts.

    *counts* maps the calendar year of each 1 October count to the count (pupils for bo and
    sbo, Q for so); the years must be consecutive. *start_scale* is the director's scale
    before the first count takes effect. For every count the result gives the scale that
    applies from the start of the following school year: a higher scale only after
    ``consecutive_counts`` (3) consecutive counts gave the right to it (lid 1), with the
    lid 2 exception (DA -> DB on the count of 1 October 2018) besides it, where it gives
    more; never a lower scale.

    A count whose scale would apply on or after 2020-08-01 raises: from then placement
    follows FUWA PO.
    """
    history = _count_years(counts)
    table = _table()
    _, patterns = _patterns(school_type, table)
    current = _start_scale(start_scale, table)
    steps: list[GrowthStep] = []
    entitlements: list[str] = []
    for year, count in history.items():
        school_year = SchoolYear(year)
        _check_in_force(school_year, table)
        number = _count(count, patterns, name=f"counts[{year}]")
        value, band = _entitled(number, patterns)
        entitlements.append(band.scale)
        current, why = _grow(current, entitlements, school_year, table)
        reason = f"count {number} -> {value} gives {band.scale}" + (f"; {why}" if why else "")
        steps.append(
            GrowthStep(
                teldatum=school_year.teldatum,
                count=number,
                value=value,
                entitled=band.scale,
                scale=current,
                applies_from=school_year.end,
                reason=reason,
                status=table.status,
                sources=table.sources,
            )
        )
    return tuple(steps)
