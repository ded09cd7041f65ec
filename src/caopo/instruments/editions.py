"""Comparing two CAO editions for one scale: the change of the maximum (the perspective),
of the number of steps to the top, and of the increase per step.

:func:`compare_editions` computes these from the salary tables in force on the two dates
(shipped, or your own through :func:`caopo.use_tables`) where both are complete for the
scale. Where a table is missing or partial it says which table would let it compute them,
and shows the figures a source published for that pair of dates instead, labelled
``published`` (``data/editions/``: the AVS table of what the onderhandelaarsakkoord CAO PO
2022 means for A10..D14, with how its pair of dates was established).

A scale is followed across the renames between the two dates (L10 on 2021-12-31 is LB on
2022-01-01); a scale that lapsed without a published successor raises
:class:`~caopo.errors.NoEquivalenceError`.

>>> change = compare_editions("A12", before="2021-12-31", after="2022-01-01")
>>> change.computed is None, change.published.perspective_change_eur_per_month, change.published.steps_change
(True, Decimal('600'), -3)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.display import Display
from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NoEquivalenceError,
    NotPublishedError,
)
from caopo.inputs import to_date
from caopo.money import round_cents
from caopo.provenance import Status, weakest
from caopo.salary_scales.codes import ScaleCode, ScaleLike, registry, scale_code
from caopo.salary_scales.renames import successor
from caopo.salary_scales.salary import table_label, version_holding
from caopo.schema.base import Source
from caopo.schema.editions import ComparisonRow, EditionComparisonTable

__all__ = [
    "ComputedChange",
    "EditionComparison",
    "PublishedChange",
    "ScaleEdition",
    "compare_editions",
    "published_changes",
]


@dataclass(frozen=True, slots=True)
class ScaleEdition(Display):
    """One scale in one complete table version: its steps, minimum and maximum."""

    scale: str
    on: date
    table: str
    steps: int
    minimum: Decimal
    maximum: Decimal
    increase_per_step: Decimal
    """(maximum - minimum) / (steps - 1), rounded once to cents: the average step."""
    status: Status
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class ComputedChange(Display):
    """The change between two complete tables, computed by caopo."""

    earlier: ScaleEdition
    """The scale in the table in force on the comparison's ``before`` date."""
    later: ScaleEdition
    """The scale in the table in force on the comparison's ``after`` date."""
    perspective_change: Decimal
    """Maximum later minus maximum earlier (EUR a month, full time)."""
    steps_change: int
    """Steps later minus steps earlier (negative: fewer steps to the top)."""
    increase_per_step_change: Decimal
    status: Status


@dataclass(frozen=True, slots=True)
class PublishedChange(Display):
    """The figures a source published for one scale and a pair of dates, as printed."""

    scale: str
    akkoord: str
    table: str
    before_from: date
    before_until: date
    after_from: date
    after_until: date
    example_before: date
    example_after: date
    printed: str
    income_increase_eur_per_year: Decimal
    income_increase_pct: Decimal
    increase_range_pct: tuple[Decimal, Decimal]
    perspective_change_eur_per_month: Decimal
    years_to_top_change: int
    """Negative: the top step is reached that many years earlier."""
    years_to_top: str
    steps_change: int | None
    """Where the source states it in words (else ``None``)."""
    footnote: str | None
    """The source's footnote where the row carries it."""
    note: str | None
    identification: str
    reading: str | None
    status: Status
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class EditionComparison(Display):
    """One scale between two dates: computed from tables where they are complete, and the
    published figures where a source printed them for that pair of dates."""

    scale_before: str
    scale_after: str
    before: date
    after: date
    computed: ComputedChange | None
    missing_tables: tuple[str, ...]
    """Which tables would let caopo compute the change (empty when it did)."""
    published: PublishedChange | None
    status: Status
    sources: tuple[Source, ...]


def _codes(scale: ScaleLike, before: date, after: date) -> tuple[ScaleCode, ScaleCode]:
    parsed = scale_code(scale)
    if parsed.exists_on(before):
        return parsed, successor(parsed, on=after, held_on=before)
    parsed.period(after)  # raises naming the periods in which the code exists
    for code in registry().codes.values():
        if not code.exists_on(before):
            continue
        try:
            if successor(code, on=after, held_on=before) == parsed:
                return code, parsed
        except CaopoError:
            continue
    raise NoEquivalenceError(f"{parsed.code} exists on {after} but no scale of {before} became it")


def _edition(code: str, day: date) -> tuple[ScaleEdition | None, str]:
    wanted = f"a complete {code} table in force on {day}"
    version = version_holding(code, day)
    if version is None:
        return None, f"{wanted} (no shipped table has {code} on that date)"
    cells = version.cells[code]
    steps = sorted(cells)
    omitted = [c for c in version.omitted if c.scale == code]
    if version.coverage != "complete" or omitted or steps != list(range(1, len(steps) + 1)):
        held = ", ".join(map(str, steps))
        why = "a partial table" if version.coverage != "complete" else "it omits a step"
        return None, f"{wanted} ({table_label(version)} is {why}: {code} trede {held})"
    low, high = cells[steps[0]], cells[steps[-1]]
    per_step = round_cents((high - low) / (len(steps) - 1)) if len(steps) > 1 else Decimal(0)
    edition = ScaleEdition(
        code,
        day,
        table_label(version),
        len(steps),
        low,
        high,
        per_step,
        version.status,
        version.sources,
    )
    return edition, ""


def _years(row: ComparisonRow) -> str:
    count = abs(row.years_to_top_change)
    unit = "year" if count == 1 else "years"
    if row.years_to_top_change == 0:
        return "the same year"
    return f"{count} {unit} {'earlier' if row.years_to_top_change < 0 else 'later'}"


def _published(doc: EditionComparisonTable, row: ComparisonRow) -> PublishedChange:
    keys = dict.fromkeys([*doc.source, *doc.identification_source])
    return PublishedChange(
        scale=row.scale,
        akkoord=doc.akkoord,
        table=doc.table,
        before_from=doc.before_from,
        before_until=doc.before_until,
        after_from=doc.after_from,
        after_until=doc.after_until,
        example_before=doc.example_before,
        example_after=doc.example_after,
        printed=row.printed,
        income_increase_eur_per_year=row.income_increase_eur_per_year,
        income_increase_pct=row.income_increase_pct,
        increase_range_pct=row.increase_range_pct,
        perspective_change_eur_per_month=row.perspective_change_eur_per_month,
        years_to_top_change=row.years_to_top_change,
        years_to_top=_years(row),
        steps_change=row.steps_change,
        footnote=doc.footnote if row.guarantee_footnote else None,
        note=row.note,
        identification=doc.identification.strip(),
        reading=doc.reading.strip() if doc.reading else None,
        status="published",
        sources=tuple(doc.sources[key] for key in keys),
    )


def published_changes(scale: ScaleLike) -> tuple[PublishedChange, ...]:
    """Every published comparison with a row for *scale*, oldest pair of dates first.

    >>> [(c.example_before.isoformat(), c.example_after.isoformat()) for c in published_changes("A12")]
    [('2021-12-31', '2022-01-01')]
    """
    code = scale_code(scale).code
    found = [
        _published(entry.document, row)
        for entry in catalog().documents.values()
        if isinstance(entry.document, EditionComparisonTable)
        for row in entry.document.rows
        if row.scale == code
    ]
    return tuple(sorted(found, key=lambda change: change.before_from))


def _matching(old: str, new: str, before: date, after: date) -> PublishedChange | None:
    for change in published_changes(new) + published_changes(old):
        if (
            change.before_from <= before < change.before_until
            and change.after_from <= after < change.after_until
        ):
            return change
    return None


def compare_editions(
    scale: ScaleLike, *, before: date | str, after: date | str
) -> EditionComparison:
    """*scale* in the tables in force on *before* against those in force on *after*.

    ``computed`` holds caopo's own figures where both tables are complete for the scale;
    ``missing_tables`` names the tables that would let it compute them; ``published`` holds what a
    source printed for this scale and pair of dates. Raises :class:`NotPublishedError` when
    there is neither.
    """
    first, second = to_date(before, name="before"), to_date(after, name="after")
    if not first < second:
        raise InvalidInputError(f"before ({first}) must be earlier than after ({second})")
    old, new = _codes(scale, first, second)
    old_edition, why_old = _edition(old.code, first)
    new_edition, why_new = _edition(new.code, second)
    missing = tuple(why for why in (why_old, why_new) if why)
    computed = None
    if old_edition is not None and new_edition is not None:
        computed = ComputedChange(
            earlier=old_edition,
            later=new_edition,
            perspective_change=new_edition.maximum - old_edition.maximum,
            steps_change=new_edition.steps - old_edition.steps,
            increase_per_step_change=new_edition.increase_per_step - old_edition.increase_per_step,
            status=weakest([old_edition.status, new_edition.status]),
        )
    published = _matching(old.code, new.code, first, second)
    if computed is None and published is None:
        raise NotPublishedError(
            f"{old.code} on {first} against {new.code} on {second}: caopo needs "
            f"{' and '.join(missing)}, and no published comparison covers this pair of dates; "
            f"add the tables with caopo.use_tables"
        )
    sources: list[Source] = []
    for part in (old_edition, new_edition, published):
        if part is not None:
            sources.extend(s for s in part.sources if s not in sources)
    statuses = [part.status for part in (computed, published) if part is not None]
    return EditionComparison(
        old.code,
        new.code,
        first,
        second,
        computed,
        missing,
        published,
        weakest(statuses),
        tuple(sources),
    )
