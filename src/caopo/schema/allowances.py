"""Schema of ``data/allowances/``: the pay components besides the scale salary
(eindejaarsuitkering, vakantie-uitkering, jaarlijkse uitkering OOP, woon-werkverkeer,
one-off payments) and the school-leader allowances."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.inputs import Category
from caopo.provenance import Status
from caopo.schema.base import (
    Amount,
    CategoryField,
    CodeText,
    DataDocument,
    ListAsTuple,
    Percentage,
    PositiveQuantity,
    Quantity,
    Quantum,
    Source,
    StrictModel,
    TableVersion,
)

Month = Annotated[int, Field(ge=1, le=12)]

Who = Literal["all"] | Annotated[tuple[CategoryField, ...], ListAsTuple, Field(min_length=1)]
"""Who a payment is for: ``all``, or a list of categories in the one vocabulary of
:class:`caopo.Category` (``teacher``, ``adjunct``, ``director``, ``support_staff``)."""


def is_for(who: Who, category: Category) -> bool:
    """Whether a payment for *who* is paid to someone of *category*."""
    return who == "all" or category in who


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


class AllowanceDerivation(StrictModel):
    """A derived version: the published *base* version times (1 + percentage/100), each
    amount rounded once to *quantum*, half up."""

    base: date
    percentage: Percentage
    quantum: Quantum
    rule: str = Field(min_length=1)


class EndOfYearPayment(TableVersion):
    """Eindejaarsuitkering: a percentage of the salary of the calendar year."""

    kind: Literal["end_of_year_payment"]
    percentage: Percentage
    paid_in_month: Month
    """Required: the month is data (a convention where no source states it; the notes
    say which)."""


class HolidayAllowance(TableVersion):
    """Vakantie-uitkering: a percentage of the salary; ``minimum_per_year: null`` means the
    minimum was not read (none is applied)."""

    kind: Literal["holiday_allowance"]
    percentage: Percentage
    minimum_per_year: Amount | None = None


class OopYearlyPayment(TableVersion):
    """Jaarlijkse uitkering OOP (art. 6.21): a yearly amount by scale bracket, pro rata the
    werktijdfactor capped at ``fte_cap``, accrued monthly, paid in ``paid_in_month``, for
    the categories in ``who`` (as for one-off payments)."""

    kind: Literal["oop_yearly_payment"]
    article: str | None = None
    who: Who
    brackets: Annotated[tuple[ScaleBracket, ...], ListAsTuple] = Field(min_length=1)
    not_read_from: int | None = Field(default=None, ge=1)
    """Numeric scales from this number have an amount no source read (a gap, not 0)."""
    fte_cap: PositiveQuantity
    accrual: str
    paid_in_month: Month
    derivation: AllowanceDerivation | None = None
    """For a ``derived`` version: the published base version and the percentage applied."""

    @model_validator(mode="after")
    def _check(self) -> OopYearlyPayment:
        if (self.status == "derived") != (self.derivation is not None):
            raise ValueError("a 'derivation' block is required for, and only for, status derived")
        return self


class YearlyAllowanceRow(StrictModel):
    """Who gets a yearly toelage and how much: categories (``who``), optionally only some
    scales (``scales``, or numeric ``numeric_from`` and up), at the top step or below it;
    ``amount: null`` with ``not_read`` names a gap (a source says the toelage exists, no
    source read gives its amount)."""

    who: Who
    scales: Annotated[tuple[CodeText, ...], ListAsTuple] | None = None
    numeric_from: int | None = Field(default=None, ge=1)
    steps: Literal["top", "below_top"]
    amount: Amount | None = None
    not_read: str | None = None

    @model_validator(mode="after")
    def _check(self) -> YearlyAllowanceRow:
        if (self.amount is None) == (self.not_read is None):
            raise ValueError("a row has exactly one of 'amount' or 'not_read'")
        if self.scales is not None and self.numeric_from is not None:
            raise ValueError("a row names 'scales' or 'numeric_from', not both")
        return self

    def holds(self, category: Category, scale: str) -> bool:
        """Whether someone of *category* in *scale* falls in this row (any step)."""
        if not is_for(self.who, category):
            return False
        if self.scales is not None:
            return scale in self.scales
        if self.numeric_from is not None:
            return scale.isdigit() and int(scale) >= self.numeric_from
        return True


class YearlyAllowance(TableVersion):
    """A toelage of a yearly amount by step position (bindingstoelage, oktobertoelage),
    pro rata the werktijdfactor, paid in ``paid_in_month``.

    ``accrual``: ``payment_day`` (the full amount to whoever holds a row's step on the
    first day of the payment month) or ``monthly`` (each month of the twelve up to and
    including the payment month accrues a twelfth where a row's step is held, by the part
    of the month in service)."""

    kind: Literal["yearly_allowance"]
    allowance: Literal["bindingstoelage", "oktobertoelage"]
    paid_in_month: Month
    accrual: Literal["payment_day", "monthly"]
    rows: Annotated[tuple[YearlyAllowanceRow, ...], ListAsTuple] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> YearlyAllowance:
        if self.allowance != self.table:
            raise ValueError(f"allowance {self.allowance!r} belongs in table {self.allowance!r}")
        return self


class JubileeShare(StrictModel):
    """At *years* of service, *percentage* of the month's salary."""

    years: int = Field(ge=1, le=60)
    percentage: Percentage


class JubileeRule(TableVersion):
    """Jubileumuitkering: a share of a month's salary at some years of service, plus the
    vakantie-uitkering on it where ``with_holiday_allowance``; paid in the jubilee month."""

    kind: Literal["jubilee_payment"]
    shares: Annotated[tuple[JubileeShare, ...], ListAsTuple] = Field(min_length=1)
    with_holiday_allowance: bool
    paid: Literal["jubilee_month"]

    @model_validator(mode="after")
    def _check(self) -> JubileeRule:
        years = [share.years for share in self.shares]
        if years != sorted(set(years)):
            raise ValueError("shares must be ascending by years, each once")
        return self


class ParentalLeaveRule(TableVersion):
    """Ouderschapsverlof: ``paid_hours`` at ``percentage`` of the salary
    (``first_year_percentage`` in the child's first year), then ``unpaid_hours``; for a
    full-time week of ``full_time_hours_per_week``, pro rata the werktijdfactor where
    ``pro_rata``."""

    kind: Literal["parental_leave"]
    paid_hours: PositiveQuantity
    percentage: Percentage
    first_year_percentage: Percentage
    unpaid_hours: PositiveQuantity
    full_time_hours_per_week: PositiveQuantity
    pro_rata: bool


class CommutingRule(TableVersion):
    """Reiskosten woon-werkverkeer. ``computable: false`` keeps a regime whose rule was not
    read in full: caopo then raises :class:`NotPublishedError` with ``reason``."""

    kind: Literal["commuting_allowance"]
    article: str | None = None
    computable: bool
    reason: str | None = None
    rate_per_km: Amount
    km_not_reimbursed: Quantity
    max_km_one_way: PositiveQuantity
    max_km_one_way_replacement: PositiveQuantity | None = None
    days_per_year: int | None = Field(default=None, ge=1)
    days_per_week_basis: int | None = Field(default=None, ge=1, le=7)
    instalments: int | None = Field(default=None, ge=1, le=12)
    months_without_payment: Annotated[tuple[Month, ...], ListAsTuple] = ()

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
            if (self.instalments or 0) + len(self.months_without_payment) != 12:
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
    ``who``: ``all``, or a list of categories in the one vocabulary of
    :class:`caopo.Category` (``teacher``, ``adjunct``, ``director``, ``support_staff``):
    :data:`Who`.
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
    who: Who
    basis: Literal["fixed", "monthly_salary", "annual_salary"]
    amount: Amount | None = None
    brackets: Annotated[tuple[ScaleBracket, ...], ListAsTuple] = ()
    percentage: Percentage | None = None
    salary_month: date | None = None
    pro_rata: Literal["fte_on_date", "accrual_months", "included"]
    reference_date: date | None = None
    accrual_from: date | None = None
    accrual_until: date | None = None
    eligible_if_employed_on: date | None = None
    computable: bool = True
    reason: str | None = None
    sources: Annotated[tuple[Source, ...], ListAsTuple] = Field(min_length=1)
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
    payments: Annotated[tuple[OneOffPayment, ...], ListAsTuple] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> OneOffPayments:
        ids = [p.id for p in self.payments]
        if len(set(ids)) != len(ids):
            raise ValueError("payment ids must be unique")
        months = [p.paid_in for p in self.payments]
        if months != sorted(months):
            raise ValueError("payments must be ascending by paid_in")
        return self


AllowanceName = Literal["directietoelage", "arbeidsmarkttoelage"]

ALLOWANCES: dict[str, str] = {
    "directietoelage": "school_leaders_directietoelage",
    "arbeidsmarkttoelage": "school_leaders_arbeidsmarkttoelage",
}
"""Allowance name -> table id of the school-leader allowances of their own kind (the
bindingstoelage is a :class:`YearlyAllowance` of every category)."""


class SchoolLeaderAllowanceTable(TableVersion):
    """One version of a school-leader allowance: amount per scale."""

    kind: Literal["school_leader_allowance"]
    allowance: AllowanceName
    period: Literal["month", "year"]
    paid: str | None = None
    condition: str = Field(min_length=1)
    amounts: dict[CodeText, Amount] = Field(min_length=1)
    derivation: AllowanceDerivation | None = None

    @model_validator(mode="after")
    def _check(self) -> SchoolLeaderAllowanceTable:
        if ALLOWANCES[self.allowance] != self.table:
            raise ValueError(
                f"allowance {self.allowance!r} belongs in table {ALLOWANCES[self.allowance]!r}"
            )
        if (self.status == "derived") != (self.derivation is not None):
            raise ValueError("a 'derivation' block is required for, and only for, status derived")
        if self.derivation is not None and self.derivation.base >= self.effective_from:
            raise ValueError("derivation.base must be before effective_from")
        return self
