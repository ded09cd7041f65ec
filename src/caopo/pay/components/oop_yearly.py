"""``jaarlijkse_uitkering_oop``: the yearly payment for support staff (art. 6.21): an
amount a year by scale bracket, pro rata the werktijdfactor up to ``fte_cap``, accrued
monthly by the part of each month in service (amount x factor x days / 12 / days in the
month, summed exactly and rounded once), paid in ``paid_in_month`` or on leaving.
Who gets it is data too (``who``, in the vocabulary of :class:`caopo.Category`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from caopo.catalog.loader import catalog
from caopo.errors import CaopoError, NotPublishedError
from caopo.money import round_fraction
from caopo.pay.components.base import (
    Entry,
    Gap,
    PayContext,
    Payslips,
    Posting,
    rule_lookup,
    rule_reference,
)
from caopo.pay.lines import Line, Reference
from caopo.schema.allowances import OopYearlyPayment, bracket_amount, is_for

__all__ = ["NAME", "TABLE", "oop_yearly_payment", "oop_yearly_rule"]

NAME = "jaarlijkse_uitkering_oop"
TABLE = "oop_jaarlijkse_uitkering"
MONTHS_PER_YEAR = 12
"""A yearly amount accrues by twelfths (calendar arithmetic, not a payment month)."""


def oop_yearly_rule(on: date | str, *, as_known_on: date | str | None = None) -> OopYearlyPayment:
    """The version of the jaarlijkse uitkering OOP in force on *on*."""
    return rule_lookup(OopYearlyPayment, TABLE, on, as_known_on)


def _amount(version: OopYearlyPayment, scale: str) -> Decimal | None:
    """The yearly amount of *scale*; raises where the version names it a gap."""
    if (
        version.not_read_from is not None
        and scale.isdigit()
        and int(scale) >= version.not_read_from
    ):
        raise NotPublishedError(
            f"jaarlijkse uitkering OOP {version.effective_from}: no amount was read for schaal "
            f"{version.not_read_from} and up (docs/data.md)"
        )
    return bracket_amount(version.brackets, scale)


def oop_yearly_payment(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """One line in the payment month, for a category some version names in ``who`` and a
    scale with an amount; each month accrues by the version in force in it (the 10 % of
    2023-07-01 counts from July)."""
    employment = context.employment
    versions = catalog().series(TABLE, OopYearlyPayment).versions
    if not any(is_for(version.who, employment.category) for version in versions):
        return ()
    exact = Fraction(0)
    refs: list[Reference] = []
    rule: OopYearlyPayment | None = None
    amounts: dict[Decimal, None] = {}
    for month in context.plan.months:
        try:
            version = oop_yearly_rule(month.month, as_known_on=context.as_known_on)
            amount = _amount(version, employment.scale)
        except CaopoError as exc:
            return (Gap(context.plan.months[-1].month, NAME, exc),)
        if amount is None or not is_for(version.who, employment.category):
            continue
        rule = version
        amounts[amount] = None
        share = amount * min(employment.fte, version.fte_cap) * month.served_days
        exact += Fraction(share) / (MONTHS_PER_YEAR * month.days)
        refs.append(rule_reference(version))
    if rule is None:
        return ()
    paid = context.plan.payment_month(context.year, rule.paid_in_month)
    per_year = " then ".join(f"EUR {amount}" for amount in amounts)
    basis = (
        f"{per_year} a year ({rule.article}), pro rata the werktijdfactor capped at "
        f"{rule.fte_cap}, accrued monthly; paid in {paid:%Y-%m} (month {rule.paid_in_month}, "
        f"or the last month of service)"
    )
    line = Line.of(NAME, round_fraction(exact), refs, basis, rule.sources)
    return (Posting(paid, line),)
