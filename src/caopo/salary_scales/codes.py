"""Scale codes across CAO PO editions: categories, FUWA PO numeric levels, renames.

A payroll record says "L11 trede 8 since 2019"; a notebook asks for numeric scale 12 of an
adjunct-directeur. This module turns what people write (``"l11"``, ``"schaal 8"``,
``"DC+uitloop"``) into a :class:`ScaleCode` that knows its category, the dates on which it
exists and its FUWA PO numeric level where a source publishes one, and follows the renames
between CAO editions. Every fact comes from ``data/mappings/`` with its source; where no
equivalence is published the functions raise :class:`~caopo.errors.NoEquivalenceError`
with the reason instead of guessing.

>>> numeric_scale("AD", on="2010-01-01")
12
>>> category_scale(12, category="adjunct", on="2010-01-01").code
'AD'
>>> successor("LA", on="2024-01-01").code
'LB'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from caopo.catalog.loader import Catalog, catalog
from caopo.errors import (
    DataFileError,
    InvalidInputError,
    NoDataForDateError,
    NoEquivalenceError,
    UnknownScaleError,
)
from caopo.inputs import Category, category_of_code, scale_text, to_category, to_date
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
    "Rename",
    "ScaleCode",
    "ScaleCodeRegistry",
    "ScaleInfo",
    "ScaleTransitions",
    "category_scale",
    "numeric_scale",
    "periodiek_rule",
    "rename_chain",
    "scale_code",
    "scale_info",
    "successor",
]


CODES_TABLE = "scale_codes"
TRANSITIONS_TABLE = "scale_transitions"

# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class CodePeriod:
    """One period in which a code exists, with what is known about it then."""

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

    Equality and hashing use the code only; ``periods`` say when it exists.
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
class Rename:
    """One step of a rename chain."""

    on: date
    source_code: str
    target_code: str | None
    """``None`` where the code lapsed without a mapping."""
    placement: str
    transition: str
    rule: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class ScaleInfo:
    """What the data says about one code on one date, with its sources."""

    code: str
    category: Category
    on: date
    numeric: int | None
    numeric_status: str
    numeric_note: str | None
    exists_from: date
    exists_until: date | None
    steps: int | None
    steps_at_least: int | None
    becomes: str | None
    """What the code becomes when its period ends (``None``: still in force or lapsed)."""
    note: str | None
    sources: tuple[Source, ...]


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class _Registry:
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


_CACHE: list[tuple[Catalog, _Registry]] = []


def _registry() -> _Registry:
    cat = catalog()
    if _CACHE and _CACHE[0][0] is cat:
        return _CACHE[0][1]
    built = _build(cat)
    _CACHE[:] = [(cat, built)]
    return built


def _build(cat: Catalog) -> _Registry:
    document = cat.document(CODES_TABLE, ScaleCodeRegistry)
    moves = cat.document(TRANSITIONS_TABLE, ScaleTransitions)
    grouped: dict[str, list[CodeEntry]] = {}
    for entry in document.codes:
        grouped.setdefault(entry.code, []).append(entry)
    codes = {
        code: ScaleCode(
            code,
            entries[0].category,
            tuple(
                CodePeriod(
                    e.start,
                    e.until,
                    e.numeric,
                    e.numeric_status,
                    e.numeric_note,
                    e.steps,
                    e.steps_at_least,
                    tuple(document.sources[k] for k in e.source),
                    e.note,
                )
                for e in sorted(entries, key=lambda e: e.start)
            ),
        )
        for code, entries in grouped.items()
    }
    board = next(c for c in document.categories if c.name == "board")
    registry = _Registry(
        codes=codes,
        not_modelled={n.code: n.reason for n in document.not_modelled},
        board_note=board.note or "no board (B-scale) codes are in the data",
        transitions=moves.transitions,
        transition_sources=dict(moves.sources),
        periodiek=moves.periodiek,
        first_day=min(e.start for e in document.codes),
    )
    problems = check_consistency(registry)
    if problems:
        raise DataFileError(f"data/mappings: inconsistent scale data: {'; '.join(problems)}")
    return registry


def check_consistency(registry: _Registry) -> list[str]:
    """Cross-file checks: every mapped code exists the day before its transition and its
    target exists on the day; lapsed codes end on that day; every period that ends is
    ended by a transition."""
    problems = []
    for t in registry.transitions:
        before = t.on - timedelta(days=1)
        for m in t.map:
            old, new = registry.codes.get(m.source_code), registry.codes.get(m.target_code)
            if old is None or not old.exists_on(before):
                problems.append(f"{t.id}: {m.source_code} does not exist on {before}")
            if new is None or not new.exists_on(t.on):
                problems.append(f"{t.id}: {m.target_code} does not exist on {t.on}")
        for name in t.lapsed:
            gone = registry.codes.get(name)
            if gone is None or not gone.exists_on(before) or gone.exists_on(t.on):
                problems.append(f"{t.id}: {name} must exist on {before} and not on {t.on}")
    for scale in registry.codes.values():
        for period in scale.periods:
            if period.end is None:
                continue
            ending = registry.transition_on(period.end)
            if ending is None or (
                ending.target(scale.code) is None and scale.code not in ending.lapsed
            ):
                problems.append(f"{scale.code} ends on {period.end} without a transition")
    return problems


# --------------------------------------------------------------------------- parsing


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
    registry = _registry()
    found = registry.codes.get(code)
    if found is not None:
        return found
    if code in registry.not_modelled:
        raise UnknownScaleError(
            f"scale {value!r} ({code}) is not in the data: {registry.not_modelled[code]}"
        )
    if code.startswith("B") and code[1:].isdigit():
        raise UnknownScaleError(
            f"scale {value!r} looks like a board (B) scale: {registry.board_note}"
        )
    known = ", ".join(sorted(registry.codes, key=_order))
    raise UnknownScaleError(f"{value!r} is not a CAO PO scale code; known codes: {known}")


def _order(code: str) -> tuple[int, str, int]:
    letters = code.rstrip("0123456789+U") if not code[0].isdigit() else ""
    digits = "".join(ch for ch in code if ch.isdigit())
    category = category_of_code(code)
    return (
        list(Category).index(category) if category else len(Category),
        letters,
        int(digits) if digits else 0,
    )


def _as_code(value: object) -> ScaleCode:
    return scale_code(value)


def periodiek_rule() -> PeriodiekRule:
    """The periodiek rule as the data gives it (date, minimum days, source keys)."""
    return _registry().periodiek


def _fate(code: ScaleCode, day: date) -> str:
    """' (renamed L10 on 2018-09-01)' for a date after the code's last period."""
    last = code.periods[-1]
    if last.end is None or day < last.end:
        return ""
    transition = _registry().transition_on(last.end)
    if transition is None:
        return ""
    target = transition.target(code.code)
    if target is not None:
        return f"; it became {target} on {last.end}"
    return f"; {transition.lapsed_reason}"


def _check_covered(day: date) -> None:
    first = _registry().first_day
    if day < first:
        raise NoDataForDateError(
            f"the scale code data starts on {first} (introduction of FUWA PO); {day} is earlier"
        )


# --------------------------------------------------------------------------- API


def numeric_scale(code: object, *, on: date | str) -> int:
    """The FUWA PO numeric level of *code* on *on*.

    >>> numeric_scale("DB", on="2015-01-01")
    11
    >>> numeric_scale("DC+uitloop", on="2015-01-01")
    Traceback (most recent call last):
    ...
    caopo.errors.NoEquivalenceError: DC+U on 2015-01-01 has no published numeric level: DC with uitloop (BO with 900 or more pupils) is a variant of DC; seed 004 lists DC = 12 but gives no level for the uitloop variant, so none is published.
    """
    parsed, day = _as_code(code), to_date(on)
    _check_covered(day)
    period = parsed.period(day)
    if period.numeric is None:
        raise NoEquivalenceError(
            f"{parsed.code} on {day} has no published numeric level: {period.numeric_note}"
        )
    return period.numeric


def _to_level(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 99:
        raise InvalidInputError(f"numeric scale must be a whole number 1..99, not {value!r}")
    return value


def category_scale(numeric: object, *, category: object, on: date | str) -> ScaleCode:
    """The code of *category* at FUWA PO level *numeric* on *on*.

    >>> category_scale(12, category="adjunct", on="2021-01-01").code
    'A12'
    >>> category_scale(10, category="director", on="2021-01-01")
    Traceback (most recent call last):
    ...
    caopo.errors.NoEquivalenceError: no director scale at numeric level 10 on 2021-01-01: DA (level 10) ended on 2020-08-01: AB..AE and DA..DE lapsed on 2020-08-01 without a one-to-one mapping onto A10..A13 / D11..D15 (DA is not D11): placement follows the FUWA PO weighting of the actual function description by a certified assessor (CAO PO 2019-2020 art. 5.6), at the next higher amount of the new scale.
    """
    level, kind, day = _to_level(numeric), to_category(category), to_date(on)
    _check_covered(day)
    registry = _registry()
    if kind == "board":
        raise NoEquivalenceError(
            f"no board scale at numeric level {level} on {day}: {registry.board_note}"
        )
    in_force = [
        (code, code.period(day))
        for code in registry.codes.values()
        if code.category == kind and code.exists_on(day)
    ]
    for code, period in in_force:
        if period.numeric == level:
            return code
    why = ""
    for code in registry.codes.values():
        ended = [
            p for p in code.periods if p.numeric == level and p.end is not None and p.end <= day
        ]
        if code.category == kind and ended:
            transition = registry.transition_on(ended[-1].end)  # type: ignore[arg-type]
            if transition is not None and code.code in transition.lapsed:
                why = f": {code.code} (level {level}) ended on {ended[-1].end}: {transition.lapsed_reason}"
    levels = ", ".join(
        f"{p.numeric} ({c.code})" if p.numeric is not None else f"none ({c.code})"
        for c, p in sorted(in_force, key=lambda cp: (cp[1].numeric or 0, cp[0].code))
    )
    raise NoEquivalenceError(
        f"no {kind} scale at numeric level {level} on {day}"
        + (why or f"; {kind} levels on that date: {levels or 'none'}")
    )


def scale_info(code: object, *, on: date | str) -> ScaleInfo:
    """Everything the data says about *code* on *on*, with the sources."""
    parsed, day = _as_code(code), to_date(on)
    _check_covered(day)
    period = parsed.period(day)
    becomes = None
    if period.end is not None:
        transition = _registry().transition_on(period.end)
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


def _held_period(code: ScaleCode, held_on: date | None, on: date) -> CodePeriod:
    if held_on is not None:
        return code.period(held_on)
    candidates = [p for p in code.periods if p.start <= on]
    if not candidates:
        raise UnknownScaleError(
            f"scale {code.code!r} does not exist yet on {on}; it exists "
            f"{', '.join(p.describe() for p in code.periods)}"
        )
    return candidates[-1]


def rename_chain(
    code: object, *, on: date | str, held_on: date | str | None = None
) -> tuple[Rename, ...]:
    """The renames and conversions a holder of *code* went through up to *on*.

    *held_on* is a date on which the code was held; by default the latest period of the
    code that starts on or before *on* (``"LB"`` before 2018 is the old LB, from 2022
    the VO-equal LB). A lapse without mapping is the last link (``target_code`` None).

    >>> [(r.on.isoformat(), r.source_code, r.target_code) for r in rename_chain("LA", on="2024-01-01")]
    [('2018-09-01', 'LA', 'L10'), ('2022-01-01', 'L10', 'LB')]
    """
    parsed, day = _as_code(code), to_date(on)
    held = to_date(held_on, name="held_on") if held_on is not None else None
    registry = _registry()
    period = _held_period(parsed, held, day)
    chain: list[Rename] = []
    current, since = parsed, held or period.start
    for transition in registry.transitions:
        if not since < transition.on <= day:
            continue
        target = transition.target(current.code)
        lapsed = current.code in transition.lapsed
        if target is None and not lapsed:
            continue
        chain.append(
            Rename(
                on=transition.on,
                source_code=current.code,
                target_code=target,
                placement=transition.placement if target else "lapsed",
                transition=transition.id,
                rule=transition.rule if target else str(transition.lapsed_reason),
                sources=registry.sources_of(transition.source),
            )
        )
        if target is None:
            break
        current = registry.codes[target]
    return tuple(chain)


def successor(code: object, *, on: date | str, held_on: date | str | None = None) -> ScaleCode:
    """The code a holder of *code* has on *on*, following the renames.

    Raises :class:`NoEquivalenceError` with the reason where the code lapsed without a
    published mapping.

    >>> successor("LB", on="2019-01-01", held_on="2017-01-01").code
    'L11'
    >>> successor("DB", on="2021-01-01")
    Traceback (most recent call last):
    ...
    caopo.errors.NoEquivalenceError: DB has no published successor on 2021-01-01: AB..AE and DA..DE lapsed on 2020-08-01 without a one-to-one mapping onto A10..A13 / D11..D15 (DA is not D11): placement follows the FUWA PO weighting of the actual function description by a certified assessor (CAO PO 2019-2020 art. 5.6), at the next higher amount of the new scale.
    """
    parsed, day = _as_code(code), to_date(on)
    chain = rename_chain(parsed, on=day, held_on=held_on)
    if chain and chain[-1].target_code is None:
        raise NoEquivalenceError(
            f"{chain[-1].source_code} has no published successor on {day}: {chain[-1].rule}"
        )
    result = _registry().codes[chain[-1].target_code] if chain else parsed  # type: ignore[index]
    result.period(day)
    return result
