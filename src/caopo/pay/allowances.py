"""Pay components besides the scale salary: year-end payment, holiday allowance, the OOP
yearly payment, one-off payments and the commuting allowance (woon-werkverkeer).

The figures live in ``data/allowances/`` (one file per version, each sourced); this module
holds their schemas and the rules that combine them. Every function takes its date
explicitly and returns exact :class:`~decimal.Decimal` amounts, rounded once to cents.

* **Eindejaarsuitkering** (end-of-year payment): a percentage of the salary of the calendar
  year (6,3 % until 2021, 6,5 % once in 2021, 8,33 % from 2022-01-01).
* **Vakantie-uitkering** (holiday allowance): 8 %; the CAO PO basis and minimum were not
  read, so no minimum is applied (a documented gap, see the data file).
* **Jaarlijkse uitkering OOP** (art. 6.21): EUR 1.475 (schaal 1-8) or EUR 275 (schaal 9 and up)
  a year, pro rata the werktijdfactor capped at 1, accrued monthly, paid in December.
* **Eenmalige uitkeringen**: one-off payments with their own pro-rata rules.
* **Woon-werkverkeer** (art. 7.2a, from 2024-01-01): reimbursable km one way x 2 x days per week
  / 5 x 208 x rate, paid in 11 instalments (none in August).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.errors import InvalidInputError, NotPublishedError
from caopo.inputs import to_date
from caopo.money import Number, round_cents, to_decimal
from caopo.provenance import Status
from caopo.schema.allowances import (
    CommutingRule,
    EndOfYearPayment,
    HolidayAllowance,
    OneOffPayment,
    OneOffPayments,
    OopYearlyPayment,
    ScaleBracket,
    bracket_amount,
)
from caopo.schema.base import Source

__all__ = [
    "COMMUTING",
    "END_OF_YEAR",
    "HOLIDAY",
    "ONE_OFF",
    "OOP_YEARLY",
    "CommutingAllowance",
    "CommutingRule",
    "EndOfYearPayment",
    "HolidayAllowance",
    "OneOffPayment",
    "OneOffPayments",
    "OopYearlyPayment",
    "ScaleBracket",
    "bracket_amount",
    "commuting_allowance",
    "end_of_year_rule",
    "holiday_rule",
    "one_off_payments",
    "oop_yearly_rule",
]

END_OF_YEAR = "eindejaarsuitkering"
HOLIDAY = "vakantie_uitkering"
OOP_YEARLY = "oop_jaarlijkse_uitkering"
COMMUTING = "woon_werk"
ONE_OFF = "eenmalige_uitkeringen"


# --------------------------------------------------------------------------- lookups


def end_of_year_rule(on: date | str, *, as_known_on: date | str | None = None) -> EndOfYearPayment:
    """The eindejaarsuitkering version in force on *on*.

    >>> end_of_year_rule("2025-06-01").percentage
    Decimal('8.33')
    >>> end_of_year_rule("2021-06-01").percentage, end_of_year_rule("2021-06-01", as_known_on="2021-06-30").percentage
    (Decimal('6.5'), Decimal('6.3'))
    """
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    return (
        catalog().series(END_OF_YEAR, EndOfYearPayment).version_on(to_date(on), as_known_on=known)
    )


def holiday_rule(on: date | str, *, as_known_on: date | str | None = None) -> HolidayAllowance:
    """The vakantie-uitkering version in force on *on*.

    >>> holiday_rule("2025-06-01").percentage
    Decimal('8')
    """
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    return catalog().series(HOLIDAY, HolidayAllowance).version_on(to_date(on), as_known_on=known)


def oop_yearly_rule(on: date | str, *, as_known_on: date | str | None = None) -> OopYearlyPayment:
    """The version of the jaarlijkse uitkering OOP in force on *on*."""
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    return catalog().series(OOP_YEARLY, OopYearlyPayment).version_on(to_date(on), as_known_on=known)


def commuting_rule(on: date | str, *, as_known_on: date | str | None = None) -> CommutingRule:
    """The woon-werkverkeer regime in force on *on*."""
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    return catalog().series(COMMUTING, CommutingRule).version_on(to_date(on), as_known_on=known)


def one_off_payments() -> tuple[OneOffPayment, ...]:
    """Every shipped one-off payment, oldest first."""
    return catalog().document(ONE_OFF, OneOffPayments).payments


# --------------------------------------------------------------------------- commuting


@dataclass(frozen=True, slots=True)
class CommutingAllowance:
    """The yearly woon-werkverkeer amount and its monthly instalment, with provenance."""

    km_one_way: Decimal
    reimbursable_km: Decimal
    days_per_week: Decimal
    per_year: Decimal
    """Rounded once to cents."""
    per_instalment: Decimal
    """``per_year`` / instalments, rounded to cents (caopo pays the rounding remainder in
    the last instalment of a full year; see :mod:`caopo.income`)."""
    per_year_exact: Decimal
    """Unrounded yearly amount (for instalment arithmetic)."""
    instalments: int
    months_without_payment: tuple[int, ...]
    on: date
    effective_from: date
    status: Status
    article: str | None
    sources: tuple[Source, ...]


def commuting_allowance(
    km_one_way: Number,
    *,
    on: date | str,
    days_per_week: Number = 5,
    replacement: bool = False,
    as_known_on: date | str | None = None,
) -> CommutingAllowance:
    """Woon-werkverkeer (art. 7.2a CAO PO from 2024-01-01) for a one-way distance.

    Yearly amount = reimbursable km one way x 2 x *days_per_week* / 5 x 208 x rate, where the
    reimbursable km are the km up to the cap (25, or 34,5 for a *replacement*) minus the first
    7 (from 2026-01-01, provisional: 5 km at EUR 0,18). Paid in 11 instalments, none in August.
    Not pro rata the werktijdfactor: it depends on the travel days.

    >>> allowance = commuting_allowance(30, on="2024-03-01")
    >>> allowance.reimbursable_km, allowance.per_year, allowance.per_instalment
    (Decimal('18'), Decimal('1272.96'), Decimal('115.72'))
    """
    day = to_date(on)
    km = to_decimal(km_one_way, name="km_one_way")
    if km < 0:
        raise InvalidInputError(f"km_one_way must be 0 or more, not {km_one_way!r}")
    days = to_decimal(days_per_week, name="days_per_week")
    if not 0 <= days <= 7:
        raise InvalidInputError(f"days_per_week must be from 0 to 7, not {days_per_week!r}")
    rule = commuting_rule(day, as_known_on=as_known_on)
    if not rule.computable:
        raise NotPublishedError(
            f"woon-werkverkeer on {day}: the regime of {rule.effective_from} ({rule.article}) "
            f"is not computable from the sources: {rule.reason}"
        )
    assert rule.days_per_year and rule.days_per_week_basis and rule.instalments
    cap = rule.max_km_one_way
    if replacement:
        if rule.max_km_one_way_replacement is None:
            raise NotPublishedError(f"no cap for replacement staff is known on {day}")
        cap = rule.max_km_one_way_replacement
    reimbursable = max(Decimal(0), min(km, cap) - rule.km_not_reimbursed)
    exact = (
        reimbursable * 2 * days / rule.days_per_week_basis * rule.days_per_year * rule.rate_per_km
    )
    return CommutingAllowance(
        km_one_way=km,
        reimbursable_km=reimbursable,
        days_per_week=days,
        per_year=round_cents(exact),
        per_instalment=round_cents(exact / rule.instalments),
        per_year_exact=exact,
        instalments=rule.instalments,
        months_without_payment=rule.months_without_payment,
        on=day,
        effective_from=rule.effective_from,
        status=rule.status,
        article=rule.article,
        sources=rule.sources,
    )
