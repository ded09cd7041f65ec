"""``eenmalige_uitkering_<id>``: the one-off payments, each in its payment month, for the
categories it names (``who``), with its own basis and pro-rata rule
(``data/allowances/one_off_payments.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.errors import NotPublishedError
from caopo.pay.components.base import Entry, Gap, PayContext, Payslips, Posting, lines_of
from caopo.pay.components.salary import NAME as SALARY
from caopo.pay.components.salary import NOT_IN_TABLES, salary_cell
from caopo.pay.employment import Employment, step_on
from caopo.pay.lines import Line, Reference
from caopo.pay.plan import month_bounds, service_part
from caopo.schema.allowances import OneOffPayment, OneOffPayments, bracket_amount, is_for

__all__ = ["PREFIX", "TABLE", "one_off", "one_off_payments"]

PREFIX = "eenmalige_uitkering_"
TABLE = "eenmalige_uitkeringen"


def one_off_payments() -> tuple[OneOffPayment, ...]:
    """Every shipped one-off payment, oldest first."""
    return catalog().document(TABLE, OneOffPayments).payments


@dataclass(frozen=True, slots=True)
class _Base:
    amount: Decimal
    text: str
    rests_on: tuple[Reference, ...]
    missing: bool = False


def _incomplete(payment: OneOffPayment, what: str) -> NotPublishedError:
    return NotPublishedError(f"one-off payment {payment.id}: the data gives no {what}")


def _base(payment: OneOffPayment, context: PayContext, earlier: Payslips) -> _Base | None:
    """The full-time amount before the pro-rata share; ``None``: the scale gets nothing."""
    employment, percentage = context.employment, payment.percentage
    if payment.basis == "fixed":
        amount = payment.amount or bracket_amount(payment.brackets, employment.scale)
        return None if amount is None else _Base(amount, f"EUR {amount} full-time", ())
    if percentage is None:
        raise _incomplete(payment, "percentage")
    if payment.basis == "monthly_salary":
        month = payment.salary_month
        if month is None:
            raise _incomplete(payment, "salary_month")
        cell = salary_cell(employment.scale, step_on(employment, month), month, context)
        return _Base(
            cell.amount * percentage / 100,
            f"{percentage} % of the full-time salary of {month:%Y-%m} ({cell.amount})",
            cell.rests_on,
        )
    salaries = lines_of(earlier, SALARY).values()
    annual = sum((ln.amount for ln in salaries), Decimal(0))
    return _Base(
        annual * percentage / 100,
        f"{percentage} % of the salary paid in {context.year} ({annual})",
        tuple(ref for ln in salaries for ref in ln.rests_on),
        any(ln.missing for ln in salaries),
    )


def _share(employment: Employment, payment: OneOffPayment) -> Decimal:
    """The part of the full-time amount this employment gets."""
    if payment.pro_rata == "included":
        return Decimal(1)
    if payment.pro_rata == "fte_on_date":
        if payment.reference_date is None:
            raise _incomplete(payment, "reference_date")
        return employment.fte if employment.employed_on(payment.reference_date) else Decimal(0)
    if payment.accrual_from is None or payment.accrual_until is None:
        raise _incomplete(payment, "accrual_from and accrual_until")
    month, parts = payment.accrual_from.replace(day=1), []
    while month < payment.accrual_until:
        parts.append(service_part(employment, month))
        month = month_bounds(month)[1]
    return employment.fte * sum(parts, Decimal(0)) / len(parts)


def _due(payment: OneOffPayment, context: PayContext) -> bool:
    """Whether *payment* is paid to this employment in this year (as known then)."""
    employment, paid = context.employment, payment.paid_in
    if paid.year != context.year or all(m.month != paid for m in context.plan.months):
        return False
    if not is_for(payment.who, employment.category):
        return False
    if context.as_known_on is not None and context.as_known_on < paid:
        return False  # not yet paid on the day the tables were known
    eligible = payment.eligible_if_employed_on
    return eligible is None or employment.employed_on(eligible)


def _line(payment: OneOffPayment, context: PayContext, earlier: Payslips) -> Line | None:
    if not payment.computable:
        raise NotPublishedError(f"one-off payment {payment.id}: {payment.reason}")
    base = _base(payment, context, earlier)
    share = _share(context.employment, payment)
    if base is None or share == 0:
        return None
    payment_ref = Reference(TABLE, payment.id, payment.status)
    return Line.of(
        PREFIX + payment.id,
        base.amount * share,
        (payment_ref, *base.rests_on),
        f"{payment.description}: {base.text} x {share.normalize()} ({payment.pro_rata})",
        payment.sources,
        note=payment.note,
        missing=base.missing,
    )


def one_off(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """A line for every one-off payment due in the year."""
    entries: list[Entry] = []
    for payment in one_off_payments():
        if not _due(payment, context):
            continue
        try:
            line = _line(payment, context, earlier)
        except NOT_IN_TABLES as exc:
            entries.append(Gap(payment.paid_in, PREFIX + payment.id, exc))
            continue
        if line is not None:
            entries.append(Posting(payment.paid_in, line))
    return tuple(entries)
