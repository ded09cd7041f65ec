"""``woon_werk``: the commuting allowance (reiskosten woon-werkverkeer, art. 7.2a CAO PO
from 2024-01-01), its yearly amount and its monthly instalments.

Yearly amount = reimbursable km one way x 2 x days per week / ``days_per_week_basis`` x
``days_per_year`` x ``rate_per_km``, where the reimbursable km are the km up to the cap
minus ``km_not_reimbursed``; paid in ``instalments``, none in ``months_without_payment``
(every figure is data: ``data/allowances/woon_werk_*``). Not pro rata the werktijdfactor:
it depends on the travel days.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from caopo.errors import CaopoError, NotPublishedError
from caopo.inputs import to_date, to_days_per_week, to_flag, to_km
from caopo.money import Number, round_fraction, round_quotient
from caopo.pay.components.base import (
    Entry,
    Gap,
    PayContext,
    Payslips,
    Posting,
    rule_lookup,
)
from caopo.pay.lines import Line, Reference
from caopo.provenance import Status
from caopo.schema.allowances import CommutingRule
from caopo.schema.base import Source

__all__ = [
    "NAME",
    "TABLE",
    "CommutingAllowance",
    "commuting",
    "commuting_allowance",
    "commuting_rule",
]

NAME = "woon_werk"
TABLE = "woon_werk"


def commuting_rule(on: date | str, *, as_known_on: date | str | None = None) -> CommutingRule:
    """The woon-werkverkeer regime in force on *on*."""
    return rule_lookup(CommutingRule, TABLE, on, as_known_on)


@dataclass(frozen=True, slots=True)
class CommutingAllowance:
    """The yearly woon-werkverkeer amount and its monthly instalment, with provenance."""

    km_one_way: Decimal
    reimbursable_km: Decimal
    days_per_week: Decimal
    per_year: Decimal
    """Rounded once to cents."""
    per_instalment: Decimal
    """``per_year`` / instalments, rounded to cents (in a year of pay the instalments are
    balanced cumulatively, so they add up to ``per_year``)."""
    per_year_exact: Decimal
    """Unrounded yearly amount (for instalment arithmetic): exact, as the rule's
    ``days_per_week_basis`` (5) divides a power of ten."""
    instalments: int
    months_without_payment: tuple[int, ...]
    on: date
    effective_from: date
    status: Status
    article: str | None
    sources: tuple[Source, ...]
    days_per_year: int
    """The travel days a year of the rule (208)."""
    days_per_week_basis: int
    """The days a week the yearly days stand for (5)."""


def commuting_allowance(
    km_one_way: Number,
    *,
    on: date | str,
    days_per_week: Number | None = None,
    replacement: bool = False,
    as_known_on: date | str | None = None,
) -> CommutingAllowance:
    """Woon-werkverkeer for a one-way distance, by the regime in force on *on*.

    From 2024-01-01: the km up to the cap (25, or 34,5 for a *replacement*) minus the
    first 7 (from 2026-01-01, provisional: 5 km at EUR 0,18), x 2 x *days_per_week* / 5 x
    208 x EUR 0,17, in 11 instalments, none in August. Without *days_per_week*, the rule's
    own full week (``days_per_week_basis``) is travelled.

    >>> allowance = commuting_allowance(30, on="2024-03-01")
    >>> allowance.reimbursable_km, allowance.per_year, allowance.per_instalment
    (Decimal('18'), Decimal('1272.96'), Decimal('115.72'))
    """
    day = to_date(on)
    km = to_km(km_one_way)
    replacement = to_flag(replacement, name="replacement")
    rule = commuting_rule(day, as_known_on=as_known_on)
    per_year, basis, instalments = rule.days_per_year, rule.days_per_week_basis, rule.instalments
    if not rule.computable or per_year is None or basis is None or instalments is None:
        raise NotPublishedError(
            f"woon-werkverkeer on {day}: the regime of {rule.effective_from} ({rule.article}) "
            f"is not computable from the sources: {rule.reason}"
        )
    days = Decimal(basis) if days_per_week is None else to_days_per_week(days_per_week)
    cap = rule.max_km_one_way
    if replacement:
        if rule.max_km_one_way_replacement is None:
            raise NotPublishedError(f"no cap for replacement staff is known on {day}")
        cap = rule.max_km_one_way_replacement
    reimbursable = max(Decimal(0), min(km, cap) - rule.km_not_reimbursed)
    by_basis = reimbursable * 2 * days * per_year * rule.rate_per_km
    return CommutingAllowance(
        km_one_way=km,
        reimbursable_km=reimbursable,
        days_per_week=days,
        per_year=round_quotient(by_basis, basis),
        per_instalment=round_quotient(by_basis, basis * instalments),
        per_year_exact=by_basis / basis,
        instalments=instalments,
        months_without_payment=rule.months_without_payment,
        on=day,
        effective_from=rule.effective_from,
        status=rule.status,
        article=rule.article,
        sources=rule.sources,
        days_per_year=per_year,
        days_per_week_basis=basis,
    )


def _basis(allowance: CommutingAllowance) -> str:
    without = ", ".join(calendar.month_name[m] for m in allowance.months_without_payment)
    return (
        f"{allowance.reimbursable_km} reimbursable km one way x 2 x "
        f"{allowance.days_per_week}/{allowance.days_per_week_basis} days x "
        f"{allowance.days_per_year} = EUR {allowance.per_year} a year ({allowance.article}, "
        f"{allowance.effective_from}) in {allowance.instalments} instalments"
        f"{f', none in {without}' if without else ''}; cents balanced cumulatively"
    )


def commuting(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """The instalments of the year, where the employment has a commute."""
    employment = context.employment
    if employment.commute_km is None:
        return ()
    entries: list[Entry] = []
    cumulative, paid = Fraction(0), Decimal(0)
    for month in context.plan.months:
        try:
            allowance = commuting_allowance(
                employment.commute_km,
                on=month.month,
                days_per_week=employment.travel_days_per_week,
                replacement=employment.replacement,
                as_known_on=context.as_known_on,
            )
        except CaopoError as exc:
            entries.append(Gap(month.month, NAME, exc))
            continue
        if month.month.month in allowance.months_without_payment:
            continue
        cumulative += (
            Fraction(allowance.per_year_exact)
            * month.served_days
            / (allowance.instalments * month.days)
        )
        amount = round_fraction(cumulative) - paid
        paid += amount
        ref = Reference(TABLE, allowance.effective_from.isoformat(), allowance.status)
        line = Line.of(NAME, amount, (ref,), _basis(allowance), allowance.sources)
        entries.append(Posting(month.month, line))
    return tuple(entries)
