"""Conversions: where a holder of a scale and step (trede) lands at a transition between
CAO PO editions.

The transitions are data (``data/mappings/scale_transitions.yaml``), each with its rule
and source:

* **same step** -- 2018-09-01: LA/LB/LC became L10/L11/L12 in the same trede (AOb FAQ 2018);
* **next higher amount** -- 2022-01-01: the salary is raised by the transition's uplifts
  in order (0.8 %, then 2 %), exactly, and placed on the trede of the new (VO-equal) scale
  with the next higher amount; above the maximum on the top trede (PO-Raad "Omzetting naar
  nieuwe salarisschalen", AVS "Rekenvoorbeelden onderhandelaarsakkoord");
* **not published** -- no step rule is published (a lapse, or AA -> AB in 2010):
  :class:`~caopo.errors.NoEquivalenceError` says why.

Where the tables a placement needs are not shipped but a published example covers the
case, the example gives the step (``placement="published_example"``); otherwise
:class:`~caopo.errors.NotPublishedError` names the missing cells. A conversion's status
is the weakest of the table versions whose amounts it used.

>>> c = convert("LA", 8, at="2018-09-01")
>>> (c.old_scale, c.old_step, c.new_scale, c.new_step, c.placement)
('LA', 8, 'L10', 8, 'same_step')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from caopo.display import Display
from caopo.errors import (
    InvalidInputError,
    NoEquivalenceError,
    NotPublishedError,
    StepOutOfRangeError,
)
from caopo.inputs import to_date, to_step
from caopo.provenance import Status, weakest
from caopo.salary_scales.codes import (
    CodePeriod,
    ScaleCode,
    ScaleLike,
    check_covered,
    registry,
    scale_code,
)
from caopo.salary_scales.salary import Cell, cell, table_label, version_holding
from caopo.schema.base import Source
from caopo.schema.mappings import ConversionExample, Transition
from caopo.schema.scales import ScaleTable

__all__ = ["Conversion", "Placement", "conversion_dates", "convert", "transition_at"]

Placement = Literal["same_step", "next_higher_amount", "top_step", "published_example"]


@dataclass(frozen=True, slots=True)
class Conversion(Display):
    """One step placement at a transition between CAO editions, with its rule and source."""

    at: date
    transition: str
    old_scale: str
    old_step: int
    old_amount: Decimal | None
    """Full-time monthly amount the day before, ``None`` where not shipped and not needed."""
    new_scale: str
    new_step: int
    new_amount: Decimal | None
    target_amount: Decimal | None
    """The raised salary the placement compares against (exact; next_higher_amount only)."""
    placement: Placement
    rule: str
    old_table: str | None
    new_table: str | None
    status: Status
    """The weakest status of the table versions whose amounts the conversion used
    (``published`` where it used none: the rule and examples are published)."""
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()


def conversion_dates() -> tuple[date, ...]:
    """The dates of the transitions in the data (renames, lapses, conversions)."""
    return tuple(t.on for t in registry().transitions)


def transition_at(day: date) -> Transition:
    """The transition on *day*; raises :class:`InvalidInputError` naming the dates."""
    transition = registry().transition_on(day)
    if transition is None:
        dates = ", ".join(str(d) for d in conversion_dates())
        raise InvalidInputError(f"there is no scale conversion on {day}; conversions: {dates}")
    return transition


@dataclass(frozen=True, slots=True)
class _Case:
    """What every placement of one conversion shares."""

    at: date
    transition: Transition
    old_scale: str
    old_step: int
    old: Cell
    new: ScaleCode
    new_period: CodePeriod

    def result(
        self,
        *,
        step: int,
        fresh: Cell,
        placement: Placement,
        target: Decimal | None = None,
        examples: tuple[ConversionExample, ...] = (),
        notes: tuple[str, ...] = (),
    ) -> Conversion:
        reg = registry()
        example_sources = tuple(s for e in examples for s in reg.sources_of(e.source))
        sources = example_sources + reg.sources_of(self.transition.source)
        used = [c.status for c in (self.old, fresh) if c.status is not None]
        if self.transition.placement_reason is not None:
            notes = (*notes, self.transition.placement_reason)
        return Conversion(
            at=self.at, transition=self.transition.id, old_scale=self.old_scale,
            old_step=self.old_step, old_amount=self.old.amount, new_scale=self.new.code,
            new_step=step, new_amount=fresh.amount, target_amount=target, placement=placement,
            rule=self.transition.rule, old_table=self.old.table, new_table=fresh.table,
            status=weakest([*used, self.transition.status]), sources=tuple(dict.fromkeys(sources)), notes=notes,
        )  # fmt: skip


def _top_step(period: CodePeriod, version: ScaleTable, code: str) -> int | None:
    if period.steps is not None:
        return period.steps
    if version.coverage == "complete":
        return max(version.cells[code])
    return None


def _place(code: str, period: CodePeriod, target: Decimal, on: date) -> tuple[int, Cell, Placement]:
    """The trede of *code* on *on* with the next higher amount than *target* (above the
    maximum: the top trede), from the shipped table; :class:`NotPublishedError` names the
    cells the placement needs where the table does not have them."""
    version = version_holding(code, on)
    if version is None:
        raise NotPublishedError(
            f"placing a salary of {target} in {code} on {on} needs the {code} table in force on "
            f"{on}, which is not shipped; load the official table with caopo.use_tables"
        )
    cells = version.cells[code]
    at_least = sorted(step for step, amount in cells.items() if amount >= target)
    highest_below = max((step for step, amount in cells.items() if amount < target), default=0)
    if at_least and highest_below == at_least[0] - 1:
        step = at_least[0]
        return step, _version_cell(version, code, step), "next_higher_amount"
    if at_least:
        missing = ", ".join(str(s) for s in range(highest_below + 1, at_least[0]))
        raise NotPublishedError(
            f"placing a salary of {target} in {code} on {on} needs trede(n) {missing} of "
            f"{table_label(version)}, a partial table (published treden of {code}: "
            f"{', '.join(str(s) for s in sorted(cells))}); load the official table with "
            f"caopo.use_tables"
        )
    top = _top_step(period, version, code)
    if top is not None and top in cells:
        return top, _version_cell(version, code, top), "top_step"
    raise NotPublishedError(
        f"placing a salary of {target} in {code} on {on}: every published amount of {code} in "
        f"{table_label(version)} is lower, and the maximum trede of {code} is not published"
    )


def _version_cell(version: ScaleTable, code: str, step: int) -> Cell:
    return Cell(
        version.cells[code][step], table_label(version), version.status, None, version.sources
    )


def _new_code(transition: Transition, code: str, trede: int) -> ScaleCode:
    """The code *code* becomes at *transition*; :class:`NoEquivalenceError` where it lapses,
    where the transition does not convert it, or where no step rule is published."""
    day = transition.on
    if code in transition.lapsed:
        raise NoEquivalenceError(f"{code} trede {trede} on {day}: {transition.lapsed_reason}")
    target = transition.target(code)
    if target is None:
        converted = ", ".join(m.source_code for m in transition.map)
        raise NoEquivalenceError(
            f"the conversion of {day} ({transition.id}) does not apply to {code}; "
            f"it converts {converted}"
        )
    if transition.placement == "not_published":
        raise NoEquivalenceError(
            f"{code} became {target} on {day}, but no step rule is published for it: "
            f"{transition.note or transition.rule}"
        )
    return registry().codes[target]


def convert(scale: ScaleLike, step: int | str, *, at: date | str) -> Conversion:
    """Apply the conversion of the transition on *at* to *scale* trede *step*.

    The transition's placement rule decides (see the module docstring): the same trede,
    or the raised salary placed on the next higher amount (above the maximum the top
    trede), or a published example where the shipped tables cannot place it.
    :class:`NotPublishedError` names the missing table cells; where the code lapsed
    without mapping, :class:`NoEquivalenceError` gives the reason.
    """
    day = to_date(at, name="at")
    check_covered(day)
    transition = transition_at(day)
    code, trede = scale_code(scale), to_step(step)
    before = day - timedelta(days=1)
    old_period = code.period(before)
    if old_period.steps is not None and trede > old_period.steps:
        raise StepOutOfRangeError(
            f"scale {code.code!r} has treden 1..{old_period.steps} on {before}, not {trede}"
        )
    new = _new_code(transition, code.code, trede)
    old = cell(code.code, trede, before)
    case = _Case(day, transition, code.code, trede, old, new, new.period(day))
    if transition.placement == "same_step":
        return _same_step(case)
    return _by_amount(case)


def _same_step(case: _Case) -> Conversion:
    trede, top = case.old_step, case.new_period.steps
    if top is not None and trede > top:
        raise StepOutOfRangeError(
            f"{case.new.code} has treden 1..{top} on {case.at}; trede {trede} cannot be kept"
        )
    fresh = cell(case.new.code, trede, case.at)
    notes = tuple(r for r in (case.old.reason, fresh.reason) if r)
    return case.result(step=trede, fresh=fresh, placement="same_step", notes=notes)


def _raised(case: _Case) -> Decimal:
    """The old amount times the transition's uplifts in order, exact (no rounding)."""
    if case.old.amount is None:
        raise NotPublishedError(
            f"converting {case.old_scale} trede {case.old_step} on {case.at} needs its amount "
            f"on {case.at - timedelta(days=1)}: {case.old.reason}"
        )
    target = case.old.amount
    for uplift in case.transition.uplifts:
        target = target * (1 + uplift / 100)
    return target


def _by_amount(case: _Case) -> Conversion:
    target: Decimal | None = None
    try:
        target = _raised(case)
        step, fresh, placement = _place(case.new.code, case.new_period, target, case.at)
    except NotPublishedError as exc:
        example = _example(case)
        if example is None:
            raise
        note = (
            f"step from the published example; the computation could not be done from "
            f"shipped tables: {exc}"
        )
        fresh = cell(case.new.code, example.to_step, case.at)
        return case.result(
            step=example.to_step, fresh=fresh, placement="published_example", target=target,
            examples=(example,), notes=(note,),
        )  # fmt: skip
    return case.result(step=step, fresh=fresh, placement=placement, target=target)


def _example(case: _Case) -> ConversionExample | None:
    for example in case.transition.examples:
        if example.source_code == case.old_scale and example.from_step == case.old_step:
            return example
    return None
