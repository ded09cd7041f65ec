"""Old career patterns of directors (carrièrepatronen, until 2020-08-01).

Until 1 August 2020 a director's scale followed the size of the school (CAO PO Bijlage A1,
art. 6.22 and 6.23): for bo and sbo the weighted pupil count ``Y`` (pupils on 1 October
plus 3 %, rounded down), for (v)so the total normative formation ``Q``. Bands:

* bo: DA ``Y < 200``, DB ``200 <= Y < 400``, DC ``400 <= Y < 900``, DC+uitloop ``Y >= 900``
* sbo: DA ``Y < 200``, DB ``200 <= Y < 400``, DC ``Y >= 400``
* so: DA ``Q < 24``, DB ``24 <= Q < 42``, DC ``Q >= 42``

The printed bands overlap at 400 (bo/sbo "200-400" and "400-900") and at 42 (so "24-42" and
"42 and more"); caopo gives the boundary to the higher band, as AVS does ("growth to a
y-value above 399"). The bands are data (``data/career_patterns/``).

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
from caopo.errors import InvalidInputError, NoDataForDateError
from caopo.inputs import SchoolType, to_date, to_school_type
from caopo.money import Number, to_decimal
from caopo.schema.base import Source
from caopo.schema.career_patterns import (
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
class CareerPatternDetail:
    """The scale a school size entitles a director to, with the band and its source."""

    scale: str
    school_type: str
    count: Decimal
    """As given: pupils on 1 October (bo, sbo) or the normative formation Q (so)."""
    value: Decimal
    """The value compared with the bands: Y (weighted pupils) or Q."""
    measure: str
    band: str
    on: date
    effective_from: date
    effective_until: date
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class GrowthStep:
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


def _table(on: date | None = None) -> CareerPatternTable:
    series = catalog().series(TABLE, CareerPatternTable)
    last = series.versions[-1]
    if on is None:
        return last
    if last.effective_until is not None and on >= last.effective_until:
        raise NoDataForDateError(
            f"career patterns by pupil count ended on {last.effective_until}; on {on} "
            f"{last.replaced_by}"
        )
    return series.version_on(on)


def _school_type(value: object, table: CareerPatternTable) -> SchoolType:
    found = to_school_type("so" if value == "(v)so" else value)
    key = SchoolType.SO if found in (SchoolType.VSO, SchoolType.SO_VSO) else found
    if key in table.school_types:
        return key
    raise InvalidInputError(
        f"school_type {value!r} has no career patterns; school types: "
        f"{', '.join(table.school_types)}"
    )


def _to_count(value: object, *, whole: bool) -> Decimal:
    number = to_decimal(value, name="count")
    if number < 0 or (whole and number != number.to_integral_value()):
        kind = "a whole number of pupils from 0" if whole else "a number from 0"
        raise InvalidInputError(f"count must be {kind}, not {value!r}")
    return number


def weighted_pupils(count: int | str) -> int:
    """Y: the pupil count on 1 October plus 3 %, rounded down (the percentage and the
    rounding are data).

    >>> weighted_pupils(380), weighted_pupils(420)
    (391, 432)
    """
    table = _table()
    pupils = _to_count(count, whole=True)
    raw = pupils * (1 + table.weighting.percentage / 100)
    return int(raw.to_integral_value(rounding=ROUND_FLOOR))


def _measure(count: Decimal, patterns: SchoolTypePatterns) -> Decimal:
    if patterns.measure == "weighted_pupils":
        return Decimal(weighted_pupils(int(count)))
    return count


def _band(value: Decimal, patterns: SchoolTypePatterns) -> CareerBand:
    return next(band for band in patterns.bands if band.contains(value))


def career_pattern_detail(count: Number, *, school_type: str, on: object) -> CareerPatternDetail:
    """The director scale a school's size gives the right to on *on* (before 2020-08-01).

    For bo and sbo *count* is the number of pupils on 1 October (weighted here: +3 %, rounded
    down); for so it is the total normative formation Q. This is the entitlement of one
    count; for the growth rule over several counts see :func:`career_growth`.
    """
    day = to_date(on)
    table = _table(day)
    kind = _school_type(school_type, table)
    patterns = table.school_types[kind]
    number = _to_count(count, whole=patterns.measure == "weighted_pupils")
    value = _measure(number, patterns)
    band = _band(value, patterns)
    symbol = "Y" if patterns.measure == "weighted_pupils" else "Q"
    assert table.effective_until is not None
    return CareerPatternDetail(
        scale=band.scale,
        school_type=kind,
        count=number,
        value=value,
        measure=patterns.measure,
        band=band.describe(symbol),
        on=day,
        effective_from=table.effective_from,
        effective_until=table.effective_until,
        sources=table.sources,
    )


def career_pattern(count: Number, *, school_type: str, on: object) -> str:
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


def career_growth(
    counts: Mapping[int, Number], *, school_type: str, start_scale: str
) -> tuple[GrowthStep, ...]:
    """Apply the growth rule to a history of 1 October counts.

    *counts* maps the calendar year of each 1 October count to the count (pupils for bo and
    sbo, Q for so); the years must be consecutive. *start_scale* is the director's scale
    before the first count takes effect. For every count the result gives the scale that
    applies from the following 1 August: a higher scale only after
    ``consecutive_counts`` (3) consecutive counts gave the right to it, with the lid 2
    exception for DA -> DB on the count of 1 October 2018; never a lower scale.

    A count whose scale would apply on or after 2020-08-01 raises: from then placement
    follows FUWA PO.
    """
    if not counts:
        raise InvalidInputError("counts must hold at least one 1 October count")
    table = _table()
    kind = _school_type(school_type, table)
    patterns = table.school_types[kind]
    rule = table.growth
    order = table.scale_order
    current = start_scale.strip().upper().replace("+UITLOOP", "+U")
    if current not in order:
        raise InvalidInputError(
            f"start_scale {start_scale!r} is not a career-pattern scale; scales: {', '.join(order)}"
        )
    years = sorted(counts)
    if any(not isinstance(y, int) or isinstance(y, bool) for y in years):
        raise InvalidInputError(f"count years must be ints (the year of 1 October), not {years!r}")
    gaps = [(a, b) for a, b in pairwise(years) if b != a + 1]
    if gaps:
        raise InvalidInputError(
            f"count years must be consecutive; missing between {gaps[0][0]} and {gaps[0][1]}"
        )
    assert table.effective_until is not None
    steps: list[GrowthStep] = []
    entitlements: list[str] = []
    for year in years:
        teldatum = date(year, 10, 1)
        applies_from = date(year + 1, 8, 1)
        if teldatum < table.effective_from:
            raise NoDataForDateError(
                f"the count of {teldatum} is before the career patterns shipped "
                f"(from {table.effective_from})"
            )
        if applies_from >= table.effective_until:
            raise NoDataForDateError(
                f"the count of {teldatum} would set the scale from {applies_from}, but career "
                f"patterns by pupil count ended on {table.effective_until}: "
                f"{table.replaced_by}"
            )
        number = _to_count(counts[year], whole=patterns.measure == "weighted_pupils")
        value = _measure(number, patterns)
        entitled = _band(value, patterns).scale
        entitlements.append(entitled)
        window = entitlements[-rule.consecutive_counts :]
        reason = f"count {number} -> {value} gives {entitled}"
        if (
            teldatum == rule.exception_count_on
            and current == rule.exception_from
            and order.index(entitled) >= order.index(rule.exception_to)
        ):
            current = rule.exception_to
            reason += f"; {rule.article} exception: {rule.exception_to} from {applies_from}"
        elif len(window) == rule.consecutive_counts:
            target = min(window, key=order.index)
            if order.index(target) > order.index(current):
                current = target
                reason += (
                    f"; {rule.consecutive_counts} consecutive counts gave {target} or higher: "
                    f"{target} from {applies_from}"
                )
        if order.index(entitled) > order.index(current) and not reason.endswith(str(applies_from)):
            reason += f"; not yet {rule.consecutive_counts} consecutive counts, stays {current}"
        elif order.index(entitled) < order.index(current):
            reason += f"; the scale does not go down, stays {current}"
        steps.append(
            GrowthStep(
                teldatum=teldatum,
                count=number,
                value=value,
                entitled=entitled,
                scale=current,
                applies_from=applies_from,
                reason=reason,
            )
        )
    return tuple(steps)
