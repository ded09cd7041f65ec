"""The functiemix of a school or board: the shares of its teachers per convenant level
against the target of the Convenant Leerkracht van Nederland (2008).

The convenant set targets for the share of teachers in the higher scales: in the
basisonderwijs (bao) LA 58 %, LB 40 %, LC 2 %; in sbo and wec LB 86 %, LC 14 %; in the VO
separate Randstad and non-Randstad targets in LB, LC and LD. DUO counted the national shares
on 1 October (2011-2017 shipped). All of it is data (``data/functiemix/functiemix.yaml``).

:func:`functiemix` takes a staff list (a scale and a werktijdfactor per person) and returns the
shares by head count and by fte per level, next to the target and the national realisation of
that school year, and the fte a level is short of (or above) its target. Shares are
percentages to two decimals that sum to exactly 100 (largest remainder: each share is rounded
down, and the hundredths left go to the largest remainders, ties to the lower level), so
they do not depend on the order of the list.

Scales after the 2018 and 2022 renames are counted at the convenant level they were renamed
from (L10, later LB, counts as LA): a reading, stated in the result, because the CAO 2018
ended the functiemix. VO staff lists are read by their VO scale names. Staff in a scale
without a convenant level (support staff, directors, LE) are listed as excluded, not counted.

>>> mix = functiemix([{"scale": "LA", "fte": 1}, {"scale": "LB", "fte": "0.5"}],
...                  sector="bao", on="2015-03-01")
>>> [(row.level, row.head_share, row.fte_share, row.target) for row in mix.levels]
[('LA', Decimal('50.00'), Decimal('66.67'), Decimal('58')), ('LB', Decimal('50.00'), Decimal('33.33'), Decimal('40')), ('LC', Decimal('0.00'), Decimal('0.00'), Decimal('2'))]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from caopo.catalog.loader import catalog
from caopo.dates import school_year_of
from caopo.display import Display, Tabular, record
from caopo.errors import InvalidInputError, NoDataForDateError, UnknownScaleError, shown
from caopo.inputs import Category, scale_text, spelling_key, to_date, to_fte, to_school_type
from caopo.instruments._records import Row, records
from caopo.provenance import Status, weakest
from caopo.salary_scales.codes import scale_code
from caopo.salary_scales.renames import rename_chain
from caopo.schema.base import Source
from caopo.schema.functiemix import FunctiemixRules, Realisation, SectorTarget

__all__ = ["ExcludedStaff", "FunctiemixResult", "LevelShare", "functiemix", "functiemix_rules"]

RULES_TABLE = "functiemix"


@dataclass(frozen=True, slots=True)
class LevelShare(Display):
    """One convenant level: the school's heads and fte in it, their shares, the target and
    the national share, and the gap to the target in fte."""

    level: str
    heads: int
    fte: Decimal
    head_share: Decimal
    """% of the heads counted, two decimals (the shares of all levels sum to 100)."""
    fte_share: Decimal
    """% of the fte counted, two decimals (the shares of all levels sum to 100)."""
    target: Decimal
    """The convenant's target share (%)."""
    national: Decimal | None
    """The national share (%) on the count date of that school year, where shipped."""
    target_fte: Decimal
    """The target share of the fte counted (exact)."""
    gap_fte: Decimal
    """``target_fte - fte``: positive is fte short of the target, negative above it."""


@dataclass(frozen=True, slots=True)
class ExcludedStaff(Display):
    """A staff row that has no convenant level, and why."""

    row: int
    scale: str
    fte: Decimal
    reason: str


@dataclass(frozen=True, slots=True)
class FunctiemixResult(Tabular):
    """The functiemix of a staff list on one date, with its readings and sources."""

    sector: str
    sector_label: str
    on: date
    levels: tuple[LevelShare, ...]
    heads: int
    fte: Decimal
    mapping: str
    """How scales were read: ``convenant scales``, ``renamed scales (a reading)`` or
    ``VO scale names``."""
    scale_levels: tuple[tuple[str, str], ...]
    """Which scale code counts at which level on that date (``("L10", "LA")``)."""
    renames: tuple[str, ...]
    """The published renames the mapping follows (``LA -> L10 on 2018-09-01``)."""
    mapping_note: str
    national_teldatum: date | None
    national_note: str
    target_note: str | None
    convenant_note: str | None
    """Set where the CAO had replaced the functiemix by *on*."""
    excluded: tuple[ExcludedStaff, ...]
    status: Status
    """``published`` with the convenant's own scales; ``derived`` where the renamed scales
    were read as convenant levels."""
    sources: tuple[Source, ...]

    def _frame_rows(self) -> list[dict[str, object]]:
        return [record(level) for level in self.levels]


def functiemix_rules() -> FunctiemixRules:
    """The shipped (or user) functiemix document."""
    return catalog().document(RULES_TABLE, FunctiemixRules)


def _sector(rules: FunctiemixRules, value: object) -> SectorTarget:
    key = spelling_key(value, name="sector")
    for sector in rules.sectors:
        if key in {spelling_key(sector.sector), *map(spelling_key, sector.spellings)}:
            return sector
    try:
        school_type = to_school_type(value, name="sector")
    except InvalidInputError:
        school_type = None
    for sector in rules.sectors:
        if school_type is not None and school_type in sector.school_types:
            return sector
    known = "; ".join(
        f"{s.sector} ({', '.join([*map(str, s.school_types), *s.spellings]) or s.label})"
        for s in rules.sectors
    )
    raise InvalidInputError(f"sector {shown(value)} is not known; sectors: {known}")


def _po_levels(
    sector: SectorTarget, day: date
) -> tuple[dict[str, str], tuple[str, ...], tuple[Source, ...]]:
    """The code of each convenant level on *day*, following the published renames, with
    the renames and their sources."""
    codes: dict[str, str] = {}
    renames: list[str] = []
    sources: list[Source] = []
    for level in sector.levels:
        first = scale_code(level).periods[0].start
        current = level
        for link in rename_chain(level, on=day, held_on=first):
            if link.target_code is None:
                break
            renames.append(f"{link.source_code} -> {link.target_code} on {link.on}")
            sources.extend(s for s in link.sources if s not in sources)
            current = link.target_code
        codes[current] = level
    return codes, tuple(renames), tuple(sources)


def _level_of(
    row: Row, number: int, sector: SectorTarget, codes: dict[str, str], day: date
) -> tuple[str, str | None, str]:
    """(scale code, its convenant level or None, why none) for one staff row."""
    if sector.scale_names == "vo_names":
        code = scale_text(row["scale"], name=f"staff row {number} scale")
        if code in codes:
            return code, codes[code], ""
        return code, None, f"not a VO convenant level ({', '.join(sector.levels)})"
    try:
        parsed = scale_code(row["scale"])
        if parsed.category != Category.TEACHER:
            return parsed.code, None, f"a {parsed.category} scale, not a teacher scale"
        parsed.period(day)
    except UnknownScaleError as exc:
        raise UnknownScaleError(f"staff row {number}: {exc}") from None
    if parsed.code in codes:
        return parsed.code, codes[parsed.code], ""
    levels = ", ".join(f"{code} = {level}" for code, level in codes.items())
    return parsed.code, None, f"no convenant level on {day} (levels: {levels})"


def _percentages(values: list[Fraction]) -> list[Decimal]:
    """Shares of *values* in % to two decimals summing to exactly 100 (largest remainder)."""
    total = sum(values, Fraction(0))
    units = [value * 10000 / total for value in values]
    floors = [int(unit) for unit in units]
    order = sorted(range(len(units)), key=lambda i: (floors[i] - units[i], i))
    for index in order[: 10000 - sum(floors)]:
        floors[index] += 1
    return [Decimal(hundredths).scaleb(-2) for hundredths in floors]


def _national(
    rules: FunctiemixRules, sector: SectorTarget, day: date
) -> tuple[Realisation | None, date, str]:
    teldatum = school_year_of(day).teldatum
    rows = [r for r in rules.realisations if r.sector == sector.sector]
    for row in rows:
        if row.teldatum == teldatum:
            note = (
                f"DUO count of {teldatum} (by {rules.realisation_basis}), the count date of "
                f"the school year of {day}"
            )
            return row, teldatum, note
    shipped = ", ".join(str(r.teldatum) for r in rows) or "none"
    note = f"no national count of {teldatum} is shipped for {sector.sector}; counts: {shipped}"
    return None, teldatum, note


def _counted(
    staff: object, sector: SectorTarget, codes: dict[str, str], day: date
) -> tuple[dict[str, tuple[int, Decimal]], list[ExcludedStaff]]:
    totals = {level: (0, Decimal(0)) for level in sector.levels}
    excluded = []
    rows = records(staff, required=("scale", "fte"), name="staff")
    for number, row in enumerate(rows, start=1):
        fte = to_fte(row["fte"], name=f"staff row {number} fte")
        code, level, why = _level_of(row, number, sector, codes, day)
        if level is None:
            excluded.append(ExcludedStaff(number, code, fte, why))
            continue
        heads, total = totals[level]
        totals[level] = (heads + 1, total + fte)
    if not any(heads for heads, _ in totals.values()):
        raise InvalidInputError(
            f"no staff row has a convenant level ({', '.join(sector.levels)}) on {day}: "
            + "; ".join(f"row {e.row} {e.scale}: {e.reason}" for e in excluded[:5])
        )
    return totals, excluded


def _shares(
    sector: SectorTarget, totals: dict[str, tuple[int, Decimal]], national: Realisation | None
) -> tuple[LevelShare, ...]:
    heads = _percentages([Fraction(totals[level][0]) for level in sector.levels])
    ftes = _percentages([Fraction(totals[level][1]) for level in sector.levels])
    fte_total = sum((fte for _, fte in totals.values()), Decimal(0))
    shares = []
    for index, level in enumerate(sector.levels):
        target_fte = fte_total * sector.target[level] / 100
        shares.append(
            LevelShare(
                level=level,
                heads=totals[level][0],
                fte=totals[level][1],
                head_share=heads[index],
                fte_share=ftes[index],
                target=sector.target[level],
                national=national.shares[level] if national is not None else None,
                target_fte=target_fte,
                gap_fte=target_fte - totals[level][1],
            )
        )
    return tuple(shares)


def functiemix(staff: object, *, sector: str, on: date | str) -> FunctiemixResult:
    """The functiemix of *staff* on *on* against the convenant target of *sector*.

    *staff* is a pandas DataFrame or a sequence of mappings with a ``scale`` (``"LB"``,
    ``"L11"``, ...) and an ``fte`` (werktijdfactor) per person; other columns are ignored.
    *sector* is ``bao`` (or any spelling of the school type bo), ``sbo_wec`` (sbo, so, vso,
    wec, ...), ``vo_randstad`` or ``vo_niet_randstad``.

    Raises :class:`NoDataForDateError` before the convenant's year, and
    :class:`UnknownScaleError` for a scale that does not exist on *on* (naming what it became).
    """
    day, rules = to_date(on), functiemix_rules()
    chosen = _sector(rules, sector)
    if day.year < rules.convenant_year:
        raise NoDataForDateError(
            f"the functiemix targets are those of the {rules.convenant}; {day} is before "
            f"{rules.convenant_year}"
        )
    vo = chosen.scale_names == "vo_names"
    renames: tuple[str, ...] = ()
    rename_sources: tuple[Source, ...] = ()
    if vo:
        codes, renames, rename_sources = {level: level for level in chosen.levels}, (), ()
    else:
        codes, renames, rename_sources = _po_levels(chosen, day)
    totals, excluded = _counted(staff, chosen, codes, day)
    national, teldatum, national_note = _national(rules, chosen, day)
    keys = [*chosen.source, *(national.source if national is not None else ())]
    if renames:
        keys += [*rules.renamed_reading_source, *rules.ended_source]
    sources: list[Source] = [rules.sources[key] for key in dict.fromkeys(keys)]
    sources += [s for s in rename_sources if s not in sources]
    if vo:
        mapping, note = (
            "VO scale names",
            "a VO staff list is read by its VO scale names, as written",
        )
    elif renames:
        mapping, note = "renamed scales (a reading)", rules.renamed_reading.strip()
    else:
        mapping, note = "convenant scales", "the staff list holds the convenant's own scales"
    return FunctiemixResult(
        sector=chosen.sector,
        sector_label=chosen.label,
        on=day,
        levels=_shares(chosen, totals, national),
        heads=sum(heads for heads, _ in totals.values()),
        fte=sum((fte for _, fte in totals.values()), Decimal(0)),
        mapping=mapping,
        scale_levels=tuple(codes.items()),
        renames=renames,
        mapping_note=note,
        national_teldatum=teldatum if national is not None else None,
        national_note=national_note,
        target_note=chosen.target_note,
        convenant_note=rules.ended.strip() if renames else None,
        excluded=tuple(excluded),
        status=weakest(["published", "derived" if renames else "published"]),
        sources=tuple(sources),
    )
