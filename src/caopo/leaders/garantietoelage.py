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

Assumptions (the handreiking's own computation was not available; docs/school-leaders.md):
the part-time amount is pro rata the werktijdfactor; the value is computed pointwise for the
date asked, so it is zero while the new salary is at or above the guarantee and would come
back if the guaranteed amount rose above the new salary again; the caller gives the old step
the person would have reached on the date (periodiek on 1 August), which is capped at the
old maximum here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caopo.catalog.inventory import raises
from caopo.catalog.loader import catalog
from caopo.errors import InvalidInputError, NoDataForDateError
from caopo.inputs import scale_text, to_date, to_fte, to_step
from caopo.money import Number, round_cents, to_decimal
from caopo.provenance import Status
from caopo.salary_scales.salary import salary_detail
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


@dataclass(frozen=True, slots=True)
class GarantietoelageDetail:
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
    old_step_used: int
    """The old step after capping at the old scale's maximum."""
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
    article: str
    notes: tuple[str, ...]
    sources: tuple[Source, ...]


def _rules() -> GuaranteeRules:
    return catalog().document(RULES, GuaranteeRules)


def _indexation(
    since: date, until: date, *, table: str, unresolved_count: bool
) -> tuple[Decimal, tuple[IndexationStep, ...], bool]:
    factor = Decimal(1)
    steps = []
    provisional = False
    for event in raises():
        if not since < event.on <= until or table not in event.applies_to:
            continue
        if event.change != "percentage" or event.percentage is None:
            why = "structural change, not indexation"
            if event.guarantee_indexation is False:
                why += " (source: does not count for the guarantee)"
            steps.append(IndexationStep(event.on, None, False, why))
            continue
        if event.guarantee_indexation is None:
            counted = unresolved_count
            why = (
                "not settled by the sources; counted because unresolved_raises_count=True"
                if counted
                else "not settled by the sources; not counted (unresolved_raises_count=False)"
            )
        else:
            counted = event.guarantee_indexation
            why = "counts (source)" if counted else "does not count (source)"
        if counted:
            factor *= event.factor
            provisional = provisional or event.status == "provisional"
        steps.append(IndexationStep(event.on, event.percentage, counted, why))
    return factor, tuple(steps), provisional


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
) -> GarantietoelageDetail:
    """The garantietoelage on *on*, with the guaranteed amount, the actual salary and every
    factor.

    *old_step* is the step the person would have reached in the old scale on *on* (capped at
    the old maximum). The actual salary is looked up as *new_scale* / *new_step* on *on*, or
    given as *new_salary* (full-time, per month) where the new table is not shipped.
    *directietoelage* (default: yes for DA..DC+uitloop) adds the directietoelage in salary
    terms. *unresolved_raises_count* decides for raises the sources do not settle.
    """
    rules = _rules()
    day = to_date(on)
    if day < rules.comparison_from:
        raise NoDataForDateError(
            f"the garantietoelage compares from {rules.comparison_from} (the level of the "
            f"2019-2020 re-rating, {rules.article}); {day} is before that"
        )
    old = scale_text(old_scale)
    if old not in rules.old_scale_max_steps:
        known = ", ".join(rules.old_scale_max_steps)
        raise InvalidInputError(
            f"old_scale {old_scale!r} is not an old scale with a known maximum; old scales: {known}"
        )
    old_step = to_step(old_step, name="old_step")
    maximum = rules.old_scale_max_steps[old]
    step_used = min(old_step, maximum)
    fte_value = to_fte(fte)
    notes: list[str] = []
    if step_used != old_step:
        notes.append(f"old step {old_step} capped at the maximum of {old}: step {maximum}")

    carried = day >= rules.old_scales_lapse_on
    lookup_on = rules.old_scales_lapse_on - timedelta(days=1) if carried else day
    old_detail = salary_detail(old, step_used, on=lookup_on)
    if carried:
        notes.append(
            f"the old scales lapsed on {rules.old_scales_lapse_on}; the {old} amount is carried "
            f"from the last old table ({old_detail.table} {old_detail.effective_from}) by the "
            f"raises that count as indexation (derived, not published)"
        )
    old_factor, old_steps, provisional = _indexation(
        old_detail.effective_from,
        day,
        table=rules.salary_table,
        unresolved_count=unresolved_raises_count,
    )

    toelage = rules.directietoelage
    eligible = old in toelage.scales
    with_toelage = eligible if directietoelage is None else directietoelage
    if with_toelage and not eligible:
        raise InvalidInputError(
            f"the directietoelage applied to scales {', '.join(toelage.scales)}, not {old!r}"
        )
    equivalent = toelage.amount if with_toelage else Decimal(0)
    toelage_factor, toelage_steps, toelage_provisional = _indexation(
        toelage.level_on, day, table=rules.salary_table, unresolved_count=unresolved_raises_count
    )
    if with_toelage:
        notes.append(
            f"directietoelage {toelage.printed_toelage} per month counted in salary terms as "
            f"{toelage.amount} ({toelage.level_on} level)"
        )
    if toelage_steps != old_steps and with_toelage:
        notes.append("the directietoelage is indexed from its own level date")

    if new_salary is not None:
        actual = to_decimal(new_salary, name="new_salary")
        if actual <= 0:
            raise InvalidInputError(f"new_salary must be a positive amount, not {new_salary!r}")
        new_code = scale_text(new_scale)
        basis = "new_salary given by the caller"
        step_value: int | None = None
        new_status: Status = "published"
        new_sources: tuple[Source, ...] = ()
    else:
        if new_step is None:
            raise InvalidInputError("give new_step (to look the new salary up) or new_salary")
        new_detail = salary_detail(new_scale, new_step, on=day)
        actual = new_detail.full_time_amount
        new_code = new_detail.scale
        step_value = new_detail.step
        basis = new_detail.basis
        new_status = new_detail.status
        new_sources = new_detail.sources

    old_indexed = old_detail.full_time_amount * old_factor
    toelage_indexed = equivalent * toelage_factor
    guaranteed = old_indexed + toelage_indexed
    gap = max(Decimal(0), guaranteed - actual)
    if gap == 0:
        notes.append("the actual salary is at or above the guaranteed amount: no toelage")
    notes.append("part-time: the full-time toelage x werktijdfactor (assumption, not read)")

    statuses = {old_detail.status, new_status}
    if provisional or (with_toelage and toelage_provisional) or "provisional" in statuses:
        status: Status = "provisional"
    elif carried or "derived" in statuses:
        status = "derived"
    else:
        status = "published"
    return GarantietoelageDetail(
        amount=round_cents(gap * fte_value),
        full_time_amount=round_cents(gap),
        guaranteed_amount=round_cents(guaranteed),
        actual_salary=actual,
        old_scale=old,
        old_step=old_step,
        old_step_used=step_used,
        old_salary=old_detail.full_time_amount,
        old_table_from=old_detail.effective_from,
        old_salary_indexed=old_indexed,
        directietoelage_equivalent=equivalent,
        directietoelage_indexed=toelage_indexed,
        indexation_factor=old_factor,
        indexation=old_steps,
        carried_forward=carried,
        new_scale=new_code,
        new_step=step_value,
        new_salary_basis=basis,
        fte=fte_value,
        on=day,
        status=status,
        article=rules.article,
        notes=tuple(notes),
        sources=tuple(dict.fromkeys((*rules.sources, *old_detail.sources, *new_sources))),
    )


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
    ).amount
