"""``jaarlijkse_uitkering_oop``: the yearly payment for support staff (art. 6.21): an
amount a year by scale bracket, pro rata the werktijdfactor up to ``fte_cap``, accrued
monthly by the part of each month in service, paid in ``paid_in_month`` or on leaving."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from caopo.errors import CaopoError
from caopo.inputs import Category, to_date
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
from caopo.schema.allowances import OopYearlyPayment, bracket_amount

__all__ = ["NAME", "TABLE", "oop_yearly_payment", "oop_yearly_rule"]

NAME = "jaarlijkse_uitkering_oop"
TABLE = "oop_jaarlijkse_uitkering"
MONTHS_PER_YEAR = 12


def oop_yearly_rule(on: date | str, *, as_known_on: date | str | None = None) -> OopYearlyPayment:
    """The version of the jaarlijkse uitkering OOP in force on *on*."""
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    return rule_lookup(OopYearlyPayment, TABLE, to_date(on), known)


def oop_yearly_payment(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """One line in the payment month, for support staff in a scale with an amount."""
    employment = context.employment
    if employment.category is not Category.SUPPORT_STAFF:
        return ()
    exact = Decimal(0)
    refs: list[Reference] = []
    rule: OopYearlyPayment | None = None
    per_year: Decimal | None = None
    for month in context.plan.months:
        try:
            version = oop_yearly_rule(month.month, as_known_on=context.as_known_on)
        except CaopoError as exc:
            return (Gap(context.plan.months[-1].month, NAME, exc),)
        amount = bracket_amount(version.brackets, employment.scale)
        if amount is None:
            continue
        rule, per_year = version, amount
        exact += amount / MONTHS_PER_YEAR * min(employment.fte, version.fte_cap) * month.part
        refs.append(rule_reference(version))
    if rule is None or per_year is None:
        return ()
    paid = context.plan.payment_month(context.year, rule.paid_in_month)
    basis = (
        f"EUR {per_year} a year ({rule.article}), pro rata the werktijdfactor capped at "
        f"{rule.fte_cap}, accrued monthly; paid in {paid:%Y-%m} (month {rule.paid_in_month}, "
        f"or the last month of service)"
    )
    return (Posting(paid, Line.of(NAME, exact, refs, basis, rule.sources)),)
