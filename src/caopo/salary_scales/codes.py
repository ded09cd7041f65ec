"""Scale codes across CAO PO editions: the one ScaleCode, its category and FUWA PO level.

A payroll record says "L11 trede 8 since 2019"; a notebook asks for numeric scale 12 of an
adjunct-directeur. This module turns what people write (``"l11"``, ``"schaal 8"``,
``"DC+uitloop"``) into a :class:`ScaleCode` that knows its category, the dates on which it
exists and its FUWA PO numeric level where a source publishes one (the conversion table of
FUWA PO, 1 August 2006: AVS salary FAQ, seed 004). Every fact comes from
``data/mappings/scale_codes.yaml`` with its source; the transitions between CAO editions
and the periodiek rule come from ``data/mappings/scale_transitions.yaml`` and are read
here once, into one registry. Where no equivalence is published the functions raise
:class:`~caopo.errors.NoEquivalenceError` with the reason instead of guessing. Renames
between editions are :mod:`caopo.salary_scales.renames`.

>>> numeric_scale("AD", on="2010-01-01")
12
>>> category_scale(12, category="adjunct", on="2010-01-01").code
'AD'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from string import ascii_uppercase, digits
from typing import Literal, TypeAlias

from caopo.catalog.loader import Catalog, catalog
from caopo.display import Display
from caopo.errors import (
    DataFileError,
    NoDataForDateError,
    NoEquivalenceError,
    UnknownScaleError,
    shown,
)
from caopo.inputs import (
    Category,
    HasCode,
    category_of_code,
    scale_text,
    to_category,
    to_date,
    to_step,
)
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.mappings import (
    CodeEntry,
    PeriodiekRule,
    ScaleCodeRegistry,
    ScaleTransitions,
    Transition,
)

__all__ = [
    "CodePeriod",
    "Registry",
    "ScaleCode",
    "ScaleInfo",
    "ScaleLike",
    "category_scale",
    "check_consistency",
    "check_covered",
    "code_order",
    "numeric_scale",
    "periodiek_rule",
    "registry",
    "scale_code",
    "scale_info",
]


CODES_TABLE = "scale_codes"
TRANSITIONS_TABLE = "scale_transitions"

ScaleLike: TypeAlias = str | int | HasCode
"""What every function taking a scale accepts: text (``"lb"``, ``"schaal 8"``), a
support-staff number, or a parsed :class:`ScaleCode`."""


@dataclass(frozen=True, slots=True)
class CodePeriod:
    """One period in which a code exists, with what is known about it then."""

    code: str
    start: date
    end: date | None
    """Exclusive; ``None`` while the code still exists."""
    numeric: int | None
    numeric_status: Literal["published", "derived"]
    numeric_note: str | None
    steps: int | None
    steps_at_least: int | None
    sources: tuple[Source, ...]
    note: str | None

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)

    def describe(self) -> str:
        return f"{self.start}..{self.end}" if self.end else f"from {self.start}"


@dataclass(frozen=True, slots=True)
class ScaleCode:
    """A parsed scale code: ``ScaleCode.parse("l11")`` -> ``L11`` (teacher).

    Equality and hashing use the code only; ``periods`` say when it exists. Every function
    that takes a scale accepts one.
    """

    code: str
    category: Category
    periods: tuple[CodePeriod, ...] = field(compare=False, repr=False)

    def __repr__(self) -> str:
        return f"ScaleCode(code={self.code!r}, category={self.category.value!r})"

    @classmethod
    def parse(cls, value: object) -> ScaleCode:
        """Same as :func:`scale_code`."""
        return scale_code(value)

    def __str__(self) -> str:
        return self.code

    def exists_on(self, on: date | str) -> bool:
        day = to_date(on)
        return any(p.covers(day) for p in self.periods)

    def period(self, on: date | str) -> CodePeriod:
        """The period in force on *on*; raises :class:`UnknownScaleError` naming the periods
        in which the code exists and what it became."""
        day = to_date(on)
        for period in self.periods:
            if period.covers(day):
                return period
        raise UnknownScaleError(
            f"scale {self.code!r} does not exist on {day}; it exists "
            f"{', '.join(p.describe() for p in self.periods)}{_fate(self, day)}"
        )


@dataclass(frozen=True, slots=True)
class ScaleInfo(Display):
    """What the data says about one code on one date, with its sources."""

    code: str
    category: Category
    on: date
    numeric: int | None
    numeric_status: Literal["published", "derived", "none"]
    """How the numeric level is known (``none``: no level is published)."""
    numeric_note: str | None
    exists_from: date
    exists_until: date | None
    steps: int | None
    steps_at_least: int | None
    becomes: str | None
    """What the code becomes when its period ends (``None``: still in force or lapsed)."""
    note: str | None
    sources: tuple[Source, ...]

    @property
    def status(self) -> Status:
        """``derived`` where the numeric level is derived, else ``published``."""
        return "derived" if self.numeric_status == "derived" else "published"


@dataclass(frozen=True)
class Registry:
    """Both mapping files, read once: the codes, the transitions and the periodiek rule."""

    codes: dict[str, ScaleCode]
    not_modelled: dict[str, str]
    board_note: str
    transitions: tuple[Transition, ...]
    transition_sources: dict[str, Source]
    periodiek: PeriodiekRule
    first_day: date

    def transition_on(self, day: date) -> Transition | None:
        for transition in self.transitions:
            if transition.on == day:
                return transition
        return None

    def sources_of(self, keys: tuple[str, ...]) -> tuple[Source, ...]:
        return tuple(self.transition_sources[key] for key in keys)


_CACHE: list[tuple[Catalog, Registry]] = []


def registry() -> Registry:
    """The registry of the current catalog (rebuilt when the tables are replaced)."""
    cat = catalog()
    if _CACHE and _CACHE[0][0] is cat:
        return _CACHE[0][1]
    built = _build(cat)
    _CACHE[:] = [(cat, built)]
    return built


def _period(entry: CodeEntry, document: ScaleCodeRegistry) -> CodePeriod:
    return CodePeriod(
        entry.code,
        entry.start,
        entry.until,
        entry.numeric,
        entry.numeric_status,
        entry.numeric_note,
        entry.steps,
        entry.steps_at_least,
        tuple(document.sources[k] for k in entry.source),
        entry.note,
    )


def _build(cat: Catalog) -> Registry:
    document = cat.document(CODES_TABLE, ScaleCodeRegistry)
    moves = cat.document(TRANSITIONS_TABLE, ScaleTransitions)
    grouped: dict[str, list[CodeEntry]] = {}
    for entry in document.codes:
        grouped.setdefault(entry.code, []).append(entry)
    codes = {
        code: ScaleCode(
            code,
            entries[0].category,
            tuple(_period(e, document) for e in sorted(entries, key=lambda e: e.start)),
        )
        for code, entries in grouped.items()
    }
    board = next(c for c in document.categories if c.name == Category.BOARD)
    built = Registry(
        codes=codes,
        not_modelled={n.code: n.reason for n in document.not_modelled},
        board_note=board.note or "no board (B-scale) codes are in the data",
        transitions=moves.transitions,
        transition_sources=dict(moves.sources),
        periodiek=moves.periodiek,
        first_day=min(e.start for e in document.codes),
    )
    problems = check_consistency(built)
    if problems:
        raise DataFileError(f"data/mappings: inconsistent scale data: {'; '.join(problems)}")
    return built


def _transition_problems(reg: Registry, transition: Transition) -> list[str]:
    problems = []
    before = transition.on - timedelta(days=1)
    for m in transition.map:
        old, new = reg.codes.get(m.source_code), reg.codes.get(m.target_code)
        if old is None or not old.exists_on(before):
            problems.append(f"{transition.id}: {m.source_code} does not exist on {before}")
        if new is None or not new.exists_on(transition.on):
            problems.append(f"{transition.id}: {m.target_code} does not exist on {transition.on}")
    for name in transition.lapsed:
        gone = reg.codes.get(name)
        if gone is None or not gone.exists_on(before) or gone.exists_on(transition.on):
            problems.append(
                f"{transition.id}: {name} must exist on {before} and not on {transition.on}"
            )
    return problems


def check_consistency(reg: Registry) -> list[str]:
    """Cross-file checks: every mapped code exists the day before its transition and its
    target exists on the day; lapsed codes end on that day; every period that ends is
    ended by a transition."""
    problems = [p for t in reg.transitions for p in _transition_problems(reg, t)]
    for scale in reg.codes.values():
        for period in scale.periods:
            if period.end is None:
                continue
            ending = reg.transition_on(period.end)
            if ending is None or (
                ending.target(scale.code) is None and scale.code not in ending.lapsed
            ):
                problems.append(f"{scale.code} ends on {period.end} without a transition")
    return problems


def periodiek_rule() -> PeriodiekRule:
    """The periodiek rule as the data gives it (date, minimum days, source keys)."""
    return registry().periodiek


def scale_code(value: object) -> ScaleCode:
    """Parse what people write into a :class:`ScaleCode`.

    Case and spacing do not matter; ``"schaal 8"`` and ``8`` are support-staff scale 8;
    ``"DC+uitloop"`` is stored as ``"DC+U"``.

    >>> scale_code(" l11 ")
    ScaleCode(code='L11', category='teacher')
    >>> scale_code("DC + uitloop").code
    'DC+U'
    >>> scale_code("XYZ")
    Traceback (most recent call last):
    ...
    caopo.errors.UnknownScaleError: scale 'XYZ' is not a CAO PO scale code (valid forms: 'LB', 'L11', 'schaal 8', '8', 'D12', 'DC+uitloop', 'A11')
    """
    if isinstance(value, ScaleCode):
        return value
    code = scale_text(value)
    reg = registry()
    found = reg.codes.get(code)
    if found is not None:
        return found
    if code in reg.not_modelled:
        raise UnknownScaleError(
            f"scale {shown(value)} ({code}) is not in the data: {reg.not_modelled[code]}"
        )
    if category_of_code(code) == Category.BOARD:
        raise UnknownScaleError(
            f"scale {shown(value)} looks like a board (B) scale: {reg.board_note}"
        )
    known = ", ".join(sorted(reg.codes, key=code_order))
    raise UnknownScaleError(f"{shown(value)} is not a CAO PO scale code; known codes: {known}")


def code_order(code: str) -> tuple[int, str, int, str]:
    """The one sort order of scale codes: by category (teachers, adjuncts, directors,
    support staff, board), then letters, then number, then a suffix (``+U``).

    >>> sorted(["D12", "DC+U", "A11", "8", "LB", "DC", "AB", "10"], key=code_order)
    ['LB', 'A11', 'AB', 'D12', 'DC', 'DC+U', '8', '10']
    """
    category = category_of_code(code)
    rank = list(Category).index(category) if category is not None else len(Category)
    tail = code.lstrip(ascii_uppercase)
    rest = tail.lstrip(digits)
    number = tail[: len(tail) - len(rest)]
    return rank, code[: len(code) - len(tail)], int(number) if number else 0, rest


def _fate(code: ScaleCode, day: date) -> str:
    """'; it became L10 on 2018-09-01' for a date after the code's last period."""
    last = code.periods[-1]
    if last.end is None or day < last.end:
        return ""
    transition = registry().transition_on(last.end)
    if transition is None:
        return ""
    target = transition.target(code.code)
    if target is not None:
        return f"; it became {target} on {last.end}"
    return f"; {transition.lapsed_reason}"


def check_covered(day: date) -> None:
    """Raise :class:`NoDataForDateError` for a day before the code data starts."""
    first = registry().first_day
    if day < first:
        raise NoDataForDateError(
            f"the scale code data starts on {first} (introduction of FUWA PO); {day} is earlier"
        )


def numeric_scale(code: ScaleLike, *, on: date | str) -> int:
    """The FUWA PO numeric level of *code* on *on*.

    >>> numeric_scale("DB", on="2015-01-01")
    11
    >>> numeric_scale("DC+uitloop", on="2015-01-01")
    Traceback (most recent call last):
    ...
    caopo.errors.NoEquivalenceError: DC+U on 2015-01-01 has no published numeric level: DC with uitloop (BO with 900 or more pupils) is a variant of DC; seed 004 lists DC = 12 but gives no level for the uitloop variant, so none is published.
    """
    parsed, day = scale_code(code), to_date(on)
    check_covered(day)
    period = parsed.period(day)
    if period.numeric is None:
        raise NoEquivalenceError(
            f"{parsed.code} on {day} has no published numeric level: {period.numeric_note}"
        )
    return period.numeric


def _lapse_of_level(reg: Registry, kind: Category, level: int, day: date) -> str:
    """': DA (level 10) ended on 2020-08-01: <reason>' where a code of *kind* at *level*
    lapsed on or before *day* without a mapping; else ``""``."""
    why = ""
    for code in reg.codes.values():
        if code.category != kind:
            continue
        ends = [p.end for p in code.periods if p.numeric == level and p.end is not None]
        ended = [end for end in ends if end <= day]
        if not ended:
            continue
        transition = reg.transition_on(ended[-1])
        if transition is not None and code.code in transition.lapsed:
            why = f": {code.code} (level {level}) ended on {ended[-1]}: {transition.lapsed_reason}"
    return why


def category_scale(numeric: int | str, *, category: Category | str, on: date | str) -> ScaleCode:
    """The code of *category* at FUWA PO level *numeric* on *on*.

    *category* is a :class:`~caopo.inputs.Category` or any of its spellings (``"adjunct"``,
    ``"adjunct-directeur"``, ``"Directeur"``, ...); ``board`` has no codes in the data and
    raises :class:`NoEquivalenceError` saying so.

    >>> category_scale(12, category="adjunct", on="2021-01-01").code
    'A12'
    >>> category_scale(10, category="director", on="2021-01-01")
    Traceback (most recent call last):
    ...
    caopo.errors.NoEquivalenceError: no director scale at numeric level 10 on 2021-01-01: DA (level 10) ended on 2020-08-01: AB..AE and DA..DE lapsed on 2020-08-01 without a one-to-one mapping onto A10..A13 / D11..D15 (DA is not D11): placement follows the FUWA PO weighting of the actual function description by a certified assessor (CAO PO 2019-2020 art. 5.6), at the next higher amount of the new scale.
    """
    level, kind, day = to_step(numeric, name="numeric scale"), to_category(category), to_date(on)
    check_covered(day)
    reg = registry()
    if kind == Category.BOARD:
        raise NoEquivalenceError(
            f"no {kind} scale at numeric level {level} on {day}: {reg.board_note}"
        )
    in_force = [
        (code, code.period(day))
        for code in reg.codes.values()
        if code.category == kind and code.exists_on(day)
    ]
    for code, period in in_force:
        if period.numeric == level:
            return code
    levels = ", ".join(
        f"{p.numeric} ({c.code})" if p.numeric is not None else f"none ({c.code})"
        for c, p in sorted(in_force, key=lambda cp: (cp[1].numeric or 0, cp[0].code))
    )
    why = _lapse_of_level(reg, kind, level, day)
    raise NoEquivalenceError(
        f"no {kind} scale at numeric level {level} on {day}"
        + (why or f"; {kind} levels on that date: {levels or 'none'}")
    )


def scale_info(code: ScaleLike, *, on: date | str) -> ScaleInfo:
    """Everything the data says about *code* on *on*, with the sources.

    >>> scale_info("L10", on="2019-01-01").becomes
    'LB'
    """
    parsed, day = scale_code(code), to_date(on)
    check_covered(day)
    period = parsed.period(day)
    becomes = None
    if period.end is not None:
        transition = registry().transition_on(period.end)
        becomes = transition.target(parsed.code) if transition is not None else None
    return ScaleInfo(
        code=parsed.code,
        category=parsed.category,
        on=day,
        numeric=period.numeric,
        numeric_status=period.numeric_status if period.numeric is not None else "none",
        numeric_note=period.numeric_note,
        exists_from=period.start,
        exists_until=period.end,
        steps=period.steps,
        steps_at_least=period.steps_at_least,
        becomes=becomes,
        note=period.note,
        sources=period.sources,
    )
