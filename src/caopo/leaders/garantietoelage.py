"""Garantietoelage (salarisperspectiefgarantie), CAO PO 2019-2020 art. 5.6 lid 8.

When the 2019/2020 re-rating put a director or OOP employee in a new scale with a lower salary
or a lower prospect, the employee keeps the old salary including toelagen, the prospect of
periodieken up to the old maximum and future indexation as if still in the old scale. The
difference is paid as a separate toelage. caopo computes it, per month, as::

    O = old-scale amount at the step reached (capped at the old maximum)
        + the directietoelage in salary terms (EUR 294,95 at the 2020-01-01 level)
        each x the general raises since their level that count as indexation
    N = the actual salary in the new scale
    G = max(0, O - N)                   full-time, per month
    paid = G x werktijdfactor           rounded once to cents

Which raises count is a flag per raise in the raise chain (``guarantee_indexation``): the
2022-01-01 conversion to the VO tables does not (AVS: a technical operation), the +4,75 % of
2022-07-01 does. For raises the sources do not settle, ``unresolved_raises_count`` decides
(default ``True``: the CAO keeps "future indexation", and these are generic raises).

The step reached in the old scale: the caller gives it for the date asked, or gives the step
held on an earlier date (``old_step_on``) and caopo applies the one periodiek rule
(:mod:`caopo.salary_scales.periodiek`, read from data) on every periodiek date since, in the
old scale as it stood before it lapsed (the guarantee keeps its prospect).

The status is the weakest (:func:`caopo.provenance.weakest`) of the old and new salary
tables, the raises counted as indexation, and ``derived`` where the old amount is carried
past the end of the old tables.

Assumptions (the handreiking's own computation was not available; docs/school-leaders.md):
the part-time amount is pro rata the werktijdfactor; the value is computed pointwise for the
date asked, so it is zero while the new salary is at or above the guarantee and would come
back if the guaranteed amount rose above the new salary again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caopo.catalog.inventory import raises
from caopo.catalog.loader import catalog
from caopo.catalog.state import remembered
from caopo.display import Display
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError, shown
from caopo.inputs import scale_text, to_date, to_flag, to_fte, to_step
from caopo.money import Number, round_cents, to_amount
from caopo.provenance import Status, weakest
from caopo.salary_scales.codes import scale_code
from caopo.salary_scales.periodiek import Periodiek, periodiek, periodiek_dates
from caopo.salary_scales.salary import SalaryDetail, salary_detail
from caopo.schema.base import Source
from caopo.schema.garantietoelage import GuaranteeRules

__all__ = [
    "GarantietoelageDetail",
    "GuaranteeRules",
    "IndexationStep",
    "garantietoelage",
    "garantietoelage_detail",
]

RULES = "garantietoelage"


@dataclass(frozen=True, slots=True)
class IndexationStep:
    """One change in the raise chain between a level and the date asked."""

    on: date
    percentage: Decimal | None
    counted: bool
    why: str
    status: Status = "published"
    """The raise's status (a counted raise passes it on to the result)."""


@dataclass(frozen=True, slots=True)
class GarantietoelageDetail(Display):
    """The garantietoelage with every factor that made it."""

    amount: Decimal
    """Monthly toelage at the werktijdfactor, rounded once to cents."""
    full_time_amount: Decimal
    """max(0, guaranteed - actual) at werktijdfactor 1, rounded to cents (display)."""
    guaranteed_amount: Decimal
    """O: old salary + directietoelage equivalent, indexed (rounded to cents for display)."""
    actual_salary: Decimal
    """N: the full-time salary in the new scale."""
    old_scale: str
    old_step: int
    """The old step as given (held on :attr:`old_step_on`, or on :attr:`on`)."""
    old_step_used: int
    """The old step reached on :attr:`on`, capped at the old scale's maximum."""
    old_salary: Decimal
    """The old-scale amount as the old table prints it."""
    old_table_from: date
    """Start of the old-table version the amount was read from."""
    old_salary_indexed: Decimal
    directietoelage_equivalent: Decimal
    """The directietoelage in salary terms at its level (0 where it does not apply)."""
    directietoelage_indexed: Decimal
    indexation_factor: Decimal
    """Product of the counted raises after the old table's level (unrounded)."""
    indexation: tuple[IndexationStep, ...]
    carried_forward: bool
    """True where the old scale no longer exists on the date and its amount is carried by
    the indexation chain from the last published old table."""
    new_scale: str
    new_step: int | None
    new_salary_basis: str
    fte: Decimal
    on: date
    status: Status
    """The weakest of the old and new tables, the counted raises, and ``derived`` where
    the old amount is carried forward."""
    article: str
    notes: tuple[str, ...]
    sources: tuple[Source, ...]
    old_step_on: date | None = None
    """The date the person held :attr:`old_step`; ``None``: the step is for :attr:`on`."""
    periodieken: tuple[Periodiek, ...] = ()
    """The periodieken in the old scale from :attr:`old_step_on` up to :attr:`on`."""


@dataclass(frozen=True, slots=True)
class _Indexed:
    """An amount at its level, and the counted raises since."""

    factor: Decimal
    steps: tuple[IndexationStep, ...]

    @property
    def statuses(self) -> tuple[Status, ...]:
        return tuple(step.status for step in self.steps if step.counted)


@dataclass(frozen=True, slots=True)
class _OldStep:
    given: int
    held_on: date | None
    periodieken: tuple[Periodiek, ...]
    used: int
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Actual:
    """N: the actual full-time salary in the new scale, and where it came from."""

    amount: Decimal
    scale: str
    step: int | None
    basis: str
    status: Status
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class _Guaranteed:
    """O: the old amount and the directietoelage equivalent, each with its indexation."""

    old: SalaryDetail
    carried: bool
    old_index: _Indexed
    toelage: Decimal
    toelage_index: _Indexed

    @property
    def old_indexed(self) -> Decimal:
        return self.old.full_time_amount * self.old_index.factor

    @property
    def toelage_indexed(self) -> Decimal:
        return self.toelage * self.toelage_index.factor

    @property
    def statuses(self) -> tuple[Status, ...]:
        """What O rests on: the old table, ``derived`` if carried, the counted raises."""
        toelage = self.toelage_index.statuses if self.toelage else ()
        carried: tuple[Status, ...] = ("derived",) if self.carried else ()
        return (self.old.status, *carried, *self.old_index.statuses, *toelage)


def _rules() -> GuaranteeRules:
    return catalog().document(RULES, GuaranteeRules)


def _counts(percentage: Decimal | None, flag: bool | None, unresolved: bool) -> tuple[bool, str]:
    """Whether a raise counts as indexation of the guarantee, and why."""
    if percentage is None:
        why = "structural change, not indexation"
        return False, why + (" (source: does not count for the guarantee)" if flag is False else "")
    if flag is not None:
        return flag, "counts (source)" if flag else "does not count (source)"
    if unresolved:
        return True, "not settled by the sources; counted because unresolved_raises_count=True"
    return False, "not settled by the sources; not counted (unresolved_raises_count=False)"


def _indexation(since: date, until: date, *, table: str, unresolved_count: bool) -> _Indexed:
    """The raises of *table* in (*since*, *until*] and the product of those that count."""
    factor = Decimal(1)
    steps = []
    for event in raises():
        if not since < event.on <= until or table not in event.applies_to:
            continue
        percentage = event.percentage if event.change == "percentage" else None
        counted, why = _counts(percentage, event.guarantee_indexation, unresolved_count)
        if counted:
            factor *= event.factor
        steps.append(IndexationStep(event.on, percentage, counted, why, event.status))
    return _Indexed(factor, tuple(steps))


def _comparison_date(on: object, rules: GuaranteeRules) -> date:
    day = to_date(on)
    if day < rules.comparison_from:
        raise NoDataForDateError(
            f"the garantietoelage compares from {rules.comparison_from} (the level of the "
            f"2019-2020 re-rating, {rules.article}); {day} is before that"
        )
    return day


def _old_scale(value: object, rules: GuaranteeRules) -> str:
    old = scale_text(value, name="old_scale")
    if old not in rules.old_scales:
        raise InvalidInputError(
            f"old_scale {shown(value)} is not an old scale; old scales: {', '.join(rules.old_scales)}"
        )
    return old


def _old_maximum(old: str, rules: GuaranteeRules) -> int:
    """The top step of *old* in its last period (data/mappings/scale_codes.yaml)."""
    period = scale_code(old).period(rules.old_scales_lapse_on - timedelta(days=1))
    if period.steps is None:
        raise NotPublishedError(
            f"the number of steps of old scale {old} is not published; the garantietoelage "
            f"needs it to cap the old step"
        )
    return period.steps


def _periodieken(
    old: str, step: int, *, since: date, until: date, start: date, rules: GuaranteeRules
) -> tuple[Periodiek, ...]:
    """The periodieken in *old* after *since* up to *until*, in the old scale as it stood
    on the day before each periodiek (at the latest the day before the old scales lapsed)."""
    code = scale_code(old)
    last_day = rules.old_scales_lapse_on - timedelta(days=1)
    found: list[Periodiek] = []
    for when in periodiek_dates(since, until):
        period = code.period(min(when - timedelta(days=1), last_day))
        result = periodiek(step, on=when, period=period, start=start)
        if result.step is None:
            raise NotPublishedError(
                f"the periodiek of {when} in {old} passes the steps known for it; give the "
                f"step reached on {until} as old_step"
            )
        step = result.step
        found.append(result)
    return tuple(found)


def _old_step(
    old: str, value: object, day: date, rules: GuaranteeRules, *, held_on: object, start: object
) -> _OldStep:
    """The old step reached on *day*: as given, or advanced by the periodieken since
    *held_on*; then capped at the old maximum."""
    given = to_step(value, name="old_step")
    since = None if held_on is None else to_date(held_on, name="old_step_on")
    if since is None and start is not None:
        raise InvalidInputError("in_service_from needs old_step_on (the date old_step was held)")
    found: tuple[Periodiek, ...] = ()
    if since is not None:
        begin = since if start is None else to_date(start, name="in_service_from")
        if not begin <= since <= day:
            raise InvalidInputError(
                f"old_step_on ({since}) must be on or before on ({day}) and on or after "
                f"in_service_from ({begin})"
            )
        found = _periodieken(old, given, since=since, until=day, start=begin, rules=rules)
    reached = found[-1].step if found and found[-1].step is not None else given
    maximum = _old_maximum(old, rules)
    notes = [
        f"periodiek of {p.on}: trede {p.step}" if p.raised else f"{p.on}: {p.reason}" for p in found
    ]
    if reached > maximum:
        notes.append(f"old step {reached} capped at the maximum of {old}: step {maximum}")
    return _OldStep(given, since, found, min(reached, maximum), tuple(notes))


def _old_salary(old: str, step: int, day: date, rules: GuaranteeRules) -> SalaryDetail:
    """The old-scale amount on *day*, or on the last day of the old tables after they lapsed."""
    carried = day >= rules.old_scales_lapse_on
    lookup_on = rules.old_scales_lapse_on - timedelta(days=1) if carried else day
    return salary_detail(old, step, on=lookup_on)


def _directietoelage(old: str, given: bool | None, rules: GuaranteeRules) -> Decimal:
    """The directietoelage in salary terms, or 0 where it does not apply."""
    toelage = rules.directietoelage
    eligible = old in toelage.scales
    if given and not eligible:
        raise InvalidInputError(
            f"the directietoelage applied to scales {', '.join(toelage.scales)}, not {old!r}"
        )
    return toelage.amount if (eligible if given is None else given) else Decimal(0)


def _actual(scale: str, step: int | str | None, salary: Number | None, day: date) -> _Actual:
    if salary is not None:
        amount = to_amount(salary, name="new_salary")
        code = scale_text(scale, name="new_scale")
        return _Actual(amount, code, None, "new_salary given by the caller", "published", ())
    if step is None:
        raise InvalidInputError("give new_step (to look the new salary up) or new_salary")
    found = salary_detail(scale, step, on=day)
    return _Actual(
        found.full_time_amount, found.scale, found.step, found.basis, found.status, found.sources
    )


def _guaranteed(
    old: str, step: int, day: date, rules: GuaranteeRules, *, toelage: bool | None, unresolved: bool
) -> _Guaranteed:
    old_detail = _old_salary(old, step, day, rules)
    table = rules.salary_table
    return _Guaranteed(
        old=old_detail,
        carried=day >= rules.old_scales_lapse_on,
        old_index=_indexation(
            old_detail.effective_from, day, table=table, unresolved_count=unresolved
        ),
        toelage=_directietoelage(old, toelage, rules),
        toelage_index=_indexation(
            rules.directietoelage.level_on, day, table=table, unresolved_count=unresolved
        ),
    )


def _notes(
    step: _OldStep, guaranteed: _Guaranteed, gap: Decimal, rules: GuaranteeRules
) -> tuple[str, ...]:
    notes = list(step.notes)
    old = guaranteed.old
    if guaranteed.carried:
        notes.append(
            f"the old scales lapsed on {rules.old_scales_lapse_on}; the {old.scale} amount is "
            f"carried from the last old table ({old.table} {old.effective_from}) by the "
            f"raises that count as indexation (derived, not published)"
        )
    if guaranteed.toelage:
        toelage = rules.directietoelage
        notes.append(
            f"directietoelage {toelage.printed_toelage} per month counted in salary terms as "
            f"{toelage.amount} ({toelage.level_on} level)"
        )
        if guaranteed.toelage_index.steps != guaranteed.old_index.steps:
            notes.append("the directietoelage is indexed from its own level date")
    if gap == 0:
        notes.append("the actual salary is at or above the guaranteed amount: no toelage")
    notes.append("part-time: the full-time toelage x werktijdfactor (assumption, not read)")
    return tuple(notes)


def _result(
    rules: GuaranteeRules,
    day: date,
    step: _OldStep,
    guaranteed: _Guaranteed,
    actual: _Actual,
    fte: Decimal,
) -> GarantietoelageDetail:
    old = guaranteed.old
    total = guaranteed.old_indexed + guaranteed.toelage_indexed
    gap = max(Decimal(0), total - actual.amount)
    return GarantietoelageDetail(
        amount=round_cents(gap * fte),
        full_time_amount=round_cents(gap),
        guaranteed_amount=round_cents(total),
        actual_salary=actual.amount,
        old_scale=old.scale,
        old_step=step.given,
        old_step_used=step.used,
        old_salary=old.full_time_amount,
        old_table_from=old.effective_from,
        old_salary_indexed=guaranteed.old_indexed,
        directietoelage_equivalent=guaranteed.toelage,
        directietoelage_indexed=guaranteed.toelage_indexed,
        indexation_factor=guaranteed.old_index.factor,
        indexation=guaranteed.old_index.steps,
        carried_forward=guaranteed.carried,
        new_scale=actual.scale,
        new_step=actual.step,
        new_salary_basis=actual.basis,
        fte=fte,
        on=day,
        status=weakest([*guaranteed.statuses, actual.status]),
        article=rules.article,
        notes=_notes(step, guaranteed, gap, rules),
        sources=tuple(dict.fromkeys((*rules.sources, *old.sources, *actual.sources))),
        old_step_on=step.held_on,
        periodieken=step.periodieken,
    )


@remembered
def garantietoelage_detail(
    *,
    old_scale: str,
    old_step: int | str,
    new_scale: str,
    new_step: int | str | None = None,
    on: object,
    fte: Number = 1,
    new_salary: Number | None = None,
    directietoelage: bool | None = None,
    unresolved_raises_count: bool = True,
    old_step_on: object = None,
    in_service_from: object = None,
) -> GarantietoelageDetail:
    """The garantietoelage (CAO PO 2019-2020 art. 5.6 lid 8) on *on*, with the guaranteed
    amount, the actual salary and every factor.

    *old_step* is the step in the old scale on *on*, or, with *old_step_on*, the step held
    on that earlier date: the periodieken since are then applied by the one periodiek rule,
    its days condition counted from *in_service_from* (default *old_step_on*). The step is
    capped at the old maximum. The actual salary is looked up as *new_scale* / *new_step* on
    *on*, or given as *new_salary* (full-time, per month) where the new table is not shipped.
    *directietoelage* (default: yes for DA..DC+uitloop) adds the directietoelage in salary
    terms. *unresolved_raises_count* decides for raises the sources do not settle.
    """
    rules = _rules()
    day = _comparison_date(on, rules)
    fte_value = to_fte(fte)
    toelage = None
    if directietoelage is not None:
        toelage = to_flag(directietoelage, name="directietoelage (or None: by scale)")
    unresolved = to_flag(unresolved_raises_count, name="unresolved_raises_count")
    old = _old_scale(old_scale, rules)
    step = _old_step(old, old_step, day, rules, held_on=old_step_on, start=in_service_from)
    guaranteed = _guaranteed(old, step.used, day, rules, toelage=toelage, unresolved=unresolved)
    actual = _actual(new_scale, new_step, new_salary, day)
    return _result(rules, day, step, guaranteed, actual, fte_value)


@remembered
def garantietoelage(
    *,
    old_scale: str,
    old_step: int | str,
    new_scale: str,
    new_step: int | str | None = None,
    on: object,
    fte: Number = 1,
    new_salary: Number | None = None,
    directietoelage: bool | None = None,
    unresolved_raises_count: bool = True,
    old_step_on: object = None,
    in_service_from: object = None,
) -> Decimal:
    """The monthly garantietoelage at the werktijdfactor; see :func:`garantietoelage_detail`."""
    return garantietoelage_detail(
        old_scale=old_scale,
        old_step=old_step,
        new_scale=new_scale,
        new_step=new_step,
        on=on,
        fte=fte,
        new_salary=new_salary,
        directietoelage=directietoelage,
        unresolved_raises_count=unresolved_raises_count,
        old_step_on=old_step_on,
        in_service_from=in_service_from,
    ).amount
