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
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from caopo.catalog import Catalog, catalog
from caopo.dates import to_date
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.models import (
    Amount,
    DataDocument,
    Percentage,
    Sequence,
    Source,
    Status,
    StrictModel,
    TableVersion,
)
from caopo.money import Number, round_cents, to_decimal

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

Month = Annotated[int, Field(ge=1, le=12)]


def _int_as_decimal(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


Distance = Annotated[Decimal, BeforeValidator(_int_as_decimal), Field(ge=0)]
"""Kilometres, 0 or more (int or Decimal in the file)."""


# --------------------------------------------------------------------------- schemas


class ScaleBracket(StrictModel):
    """An amount for a range of numeric scales (``numeric_from``..``numeric_to``, inclusive;
    ``numeric_to: null`` = and up), or for every other scale (``other_scales: true``)."""

    numeric_from: int | None = Field(default=None, ge=1)
    numeric_to: int | None = Field(default=None, ge=1)
    other_scales: bool = False
    amount: Amount

    @model_validator(mode="after")
    def _check(self) -> ScaleBracket:
        if self.other_scales == (self.numeric_from is not None):
            raise ValueError("a bracket has either numeric_from (and numeric_to) or other_scales")
        if self.numeric_to is not None and (
            self.numeric_from is None or self.numeric_to < self.numeric_from
        ):
            raise ValueError("numeric_to must be at least numeric_from")
        return self

    def matches(self, scale: str) -> bool:
        """Whether *scale* (a normalised code) falls in this bracket (not for other_scales)."""
        if not scale.isdigit() or self.numeric_from is None:
            return False
        number = int(scale)
        return self.numeric_from <= number and (
            self.numeric_to is None or number <= self.numeric_to
        )


def bracket_amount(brackets: tuple[ScaleBracket, ...], scale: str) -> Decimal | None:
    """The amount of the first numeric bracket that holds *scale*, else the ``other_scales``
    bracket, else ``None`` (the scale gets nothing)."""
    for bracket in brackets:
        if bracket.matches(scale):
            return bracket.amount
    for bracket in brackets:
        if bracket.other_scales:
            return bracket.amount
    return None


class EndOfYearPayment(TableVersion):
    """Eindejaarsuitkering: a percentage of the salary of the calendar year."""

    kind: Literal["end_of_year_payment"]
    percentage: Percentage
    paid_in_month: Month = 12


class HolidayAllowance(TableVersion):
    """Vakantie-uitkering: a percentage of the salary; ``minimum_per_year: null`` means the
    minimum was not read (none is applied)."""

    kind: Literal["holiday_allowance"]
    percentage: Percentage
    minimum_per_year: Amount | None = None


class OopYearlyPayment(TableVersion):
    """Jaarlijkse uitkering OOP (art. 6.21): a yearly amount by scale bracket, pro rata the
    werktijdfactor capped at ``fte_cap``, accrued monthly, paid in ``paid_in_month``."""

    kind: Literal["oop_yearly_payment"]
    article: str | None = None
    brackets: Annotated[tuple[ScaleBracket, ...], Sequence] = Field(min_length=1)
    fte_cap: Amount
    accrual: str
    paid_in_month: Month = 12


class CommutingRule(TableVersion):
    """Reiskosten woon-werkverkeer. ``computable: false`` keeps a regime whose rule was not
    read in full: caopo then raises :class:`NotPublishedError` with ``reason``."""

    kind: Literal["commuting_allowance"]
    article: str | None = None
    computable: bool
    reason: str | None = None
    rate_per_km: Amount
    km_not_reimbursed: Distance
    max_km_one_way: Amount
    max_km_one_way_replacement: Amount | None = None
    days_per_year: int | None = Field(default=None, ge=1)
    days_per_week_basis: int | None = Field(default=None, ge=1, le=7)
    instalments: int | None = Field(default=None, ge=1, le=12)
    months_without_payment: Annotated[tuple[Month, ...], Sequence] = ()

    @model_validator(mode="after")
    def _check(self) -> CommutingRule:
        if self.computable:
            missing = [
                name
                for name in ("days_per_year", "days_per_week_basis", "instalments")
                if getattr(self, name) is None
            ]
            if missing:
                raise ValueError(f"a computable rule needs {', '.join(missing)}")
            assert self.instalments is not None
            if self.instalments + len(self.months_without_payment) != 12:
                raise ValueError("instalments plus months_without_payment must make 12 months")
        elif not self.reason:
            raise ValueError("computable: false needs a 'reason'")
        if self.km_not_reimbursed >= self.max_km_one_way:
            raise ValueError("km_not_reimbursed must be below max_km_one_way")
        return self


class OneOffPayment(StrictModel):
    """One eenmalige uitkering.

    ``basis``: ``fixed`` (``amount``, or ``brackets`` by scale), ``monthly_salary``
    (``percentage`` of the full-time salary of ``salary_month``) or ``annual_salary``
    (``percentage`` of the salary paid in the calendar year of ``paid_in``).
    ``pro_rata``: ``fte_on_date`` (times the werktijdfactor on ``reference_date``),
    ``accrual_months`` (accrued evenly over the months from ``accrual_from`` up to
    ``accrual_until``, exclusive, by the part of each month in service and the
    werktijdfactor), or ``included`` (the basis already reflects it).
    """

    id: str = Field(pattern=r"^[0-9a-z-]+$")
    paid_in: date
    description: str = Field(min_length=1)
    cao: str = Field(min_length=1)
    status: Status
    who: Literal["all", "teachers", "support_staff", "school_leaders"]
    basis: Literal["fixed", "monthly_salary", "annual_salary"]
    amount: Amount | None = None
    brackets: Annotated[tuple[ScaleBracket, ...], Sequence] = ()
    percentage: Percentage | None = None
    salary_month: date | None = None
    pro_rata: Literal["fte_on_date", "accrual_months", "included"]
    reference_date: date | None = None
    accrual_from: date | None = None
    accrual_until: date | None = None
    eligible_if_employed_on: date | None = None
    computable: bool = True
    reason: str | None = None
    sources: Annotated[tuple[Source, ...], Sequence] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> OneOffPayment:
        if self.paid_in.day != 1:
            raise ValueError("paid_in is the first day of the payment month")
        if self.basis == "fixed" and (self.amount is None) == (not self.brackets):
            raise ValueError("basis fixed needs exactly one of 'amount' or 'brackets'")
        if self.basis != "fixed" and (self.percentage is None or self.amount or self.brackets):
            raise ValueError(f"basis {self.basis} needs 'percentage' and no amount/brackets")
        if self.basis == "monthly_salary" and self.salary_month is None:
            raise ValueError("basis monthly_salary needs 'salary_month'")
        if self.pro_rata == "fte_on_date" and self.reference_date is None:
            raise ValueError("pro_rata fte_on_date needs 'reference_date'")
        if self.pro_rata == "accrual_months" and (
            self.accrual_from is None
            or self.accrual_until is None
            or self.accrual_until <= self.accrual_from
        ):
            raise ValueError("pro_rata accrual_months needs accrual_from < accrual_until")
        if self.pro_rata == "included" and self.basis != "annual_salary":
            raise ValueError("pro_rata included only goes with basis annual_salary")
        if not self.computable and not self.reason:
            raise ValueError("computable: false needs a 'reason'")
        return self


class OneOffPayments(DataDocument):
    """Every one-off payment, ascending by payment month."""

    kind: Literal["one_off_payments"]
    payments: Annotated[tuple[OneOffPayment, ...], Sequence] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> OneOffPayments:
        ids = [p.id for p in self.payments]
        if len(set(ids)) != len(ids):
            raise ValueError("payment ids must be unique")
        months = [p.paid_in for p in self.payments]
        if months != sorted(months):
            raise ValueError("payments must be ascending by paid_in")
        return self


# --------------------------------------------------------------------------- lookups


def _rule(
    table: str, model: type[TableVersion], on: date, as_known_on: date | None, cat: Catalog
) -> TableVersion:
    entry = cat.entry_in_force(table, on=on, as_known_on=as_known_on)
    if entry is None:
        covered = ", ".join(
            f"{start}..{end}" if end else f"{start}.." for start, end in cat.periods(table)
        )
        known = f" as known on {as_known_on}" if as_known_on else ""
        raise NoDataForDateError(
            f"table {table!r} has no version in force on {on}{known}; versions cover: "
            f"{covered} (an end date is exclusive)"
        )
    assert isinstance(entry.document, model)
    return entry.document


def end_of_year_rule(on: date | str, *, as_known_on: date | str | None = None) -> EndOfYearPayment:
    """The eindejaarsuitkering version in force on *on*.

    >>> end_of_year_rule("2025-06-01").percentage
    Decimal('8.33')
    >>> end_of_year_rule("2021-06-01").percentage, end_of_year_rule("2021-06-01", as_known_on="2021-06-30").percentage
    (Decimal('6.5'), Decimal('6.3'))
    """
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    rule = _rule(END_OF_YEAR, EndOfYearPayment, to_date(on), known, catalog())
    assert isinstance(rule, EndOfYearPayment)
    return rule


def holiday_rule(on: date | str, *, as_known_on: date | str | None = None) -> HolidayAllowance:
    """The vakantie-uitkering version in force on *on*.

    >>> holiday_rule("2025-06-01").percentage
    Decimal('8')
    """
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    rule = _rule(HOLIDAY, HolidayAllowance, to_date(on), known, catalog())
    assert isinstance(rule, HolidayAllowance)
    return rule


def oop_yearly_rule(on: date | str, *, as_known_on: date | str | None = None) -> OopYearlyPayment:
    """The version of the jaarlijkse uitkering OOP in force on *on*."""
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    rule = _rule(OOP_YEARLY, OopYearlyPayment, to_date(on), known, catalog())
    assert isinstance(rule, OopYearlyPayment)
    return rule


def commuting_rule(on: date | str, *, as_known_on: date | str | None = None) -> CommutingRule:
    """The woon-werkverkeer regime in force on *on*."""
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    rule = _rule(COMMUTING, CommutingRule, to_date(on), known, catalog())
    assert isinstance(rule, CommutingRule)
    return rule


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
