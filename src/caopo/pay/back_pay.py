"""Back pay (nabetaling): what was paid with the tables known on one day against what is
owed with the tables known later, month by month.

Each month is computed twice by the same component units as :func:`caopo.annual_income`,
once per ``as_known_on``: every component of the registry
(:data:`caopo.pay.components.COMPONENTS`) that declares how a month accrues (``accrue``:
today the salary, and the holiday allowance and eindejaarsuitkering accrued on it). The
difference is the back pay. A new component that accrues month by month declares its
``accrue`` in the registry; nothing here changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.display import Display, Tabular, record
from caopo.errors import InvalidInputError
from caopo.inputs import to_date, to_month
from caopo.items import MAX_MONTHS, to_items
from caopo.pay.components import COMPONENTS
from caopo.pay.components.base import PayContext
from caopo.pay.employment import Employment, to_employment
from caopo.pay.lines import Line
from caopo.pay.plan import MonthPlan, PlannedMonth, plan_months
from caopo.provenance import Status, weakest
from caopo.schema.base import Source

__all__ = ["BackPay", "BackPayMonth", "back_pay"]


@dataclass(frozen=True, slots=True)
class BackPayMonth(Display):
    """One month: paid (tables known then) against owed (tables known later)."""

    month: date
    step: int | None
    paid: tuple[Line, ...]
    owed: tuple[Line, ...]
    difference: dict[str, Decimal]
    total: Decimal

    @property
    def status(self) -> Status:
        """The weakest status of the lines paid and owed."""
        return weakest(line.status for line in (*self.paid, *self.owed))

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the lines paid and owed rest on, each once."""
        return tuple(dict.fromkeys(s for line in (*self.paid, *self.owed) for s in line.sources))


@dataclass(frozen=True, slots=True)
class BackPay(Tabular):
    """Back pay (nabetaling) month by month and in total, by component."""

    employment: Employment
    paid_as_known_on: date
    owed_as_known_on: date
    months: tuple[BackPayMonth, ...]
    totals: dict[str, Decimal]
    total: Decimal

    @property
    def status(self) -> Status:
        """The weakest status of the months."""
        return weakest(month.status for month in self.months)

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the months rest on, each once."""
        return tuple(dict.fromkeys(s for month in self.months for s in month.sources))

    def _frame_rows(self) -> list[dict[str, object]]:
        """One row per month and component: paid, owed and their difference."""
        return [
            record(m, ("month", "step"))
            | {
                "component": p.component,
                "paid": p.amount,
                "owed": o.amount,
                "difference": m.difference[o.component],
                "status": o.status,
            }
            for m in self.months
            for p, o in zip(m.paid, m.owed, strict=True)
        ]


def _months(months: object) -> list[date]:
    """The distinct months asked for, oldest first (each parsed by :func:`to_month`)."""
    items = to_items(
        months,
        name="months",
        at_most=MAX_MONTHS,
        expected="a list of months like ['2021-01', '2021-02']",
    )
    wanted = sorted({to_month(m) for m in items})
    if not wanted:
        raise InvalidInputError("months must name at least one month")
    return wanted


def _accrued_lines(plan: MonthPlan, month: PlannedMonth, known: date) -> tuple[Line, ...]:
    """The lines *month* accrues with the tables known on *known*, in registry order."""
    context = PayContext(plan.employment, month.month.year, plan, known, False)
    lines: list[Line] = []
    for component in COMPONENTS:
        if component.accrue is not None:
            lines.append(component.accrue(context, month, tuple(lines)))
    return tuple(lines)


def _compare(
    plan: MonthPlan, month: PlannedMonth, paid_known: date, owed_known: date
) -> BackPayMonth:
    paid = _accrued_lines(plan, month, paid_known)
    owed = _accrued_lines(plan, month, owed_known)
    difference = {o.component: o.amount - p.amount for p, o in zip(paid, owed, strict=True)}
    return BackPayMonth(
        month.month, month.step, paid, owed, difference, sum(difference.values(), Decimal(0))
    )


def back_pay(
    employment: Employment,
    *,
    paid_as_known_on: date | str,
    owed_as_known_on: date | str,
    months: Iterable[date | str],
) -> BackPay:
    """Per month: what was paid with the tables known on *paid_as_known_on* against what is
    owed with the tables known on *owed_as_known_on*, and the difference, by component:
    every component that accrues month by month (salary, and the vakantie-uitkering and
    eindejaarsuitkering accrued on it).

    *months* is a list (any iterable but a string) of dates or ``'YYYY-MM'`` or
    ``'YYYY-MM-01'`` strings (a date means its month; :func:`caopo.inputs.to_month`).

    The canonical case: the +2,25 % of 2021 was agreed in October 2021 with effect from
    1 January 2021; an L11 teacher at the top step was paid EUR 4.434 (2020 table) and is owed
    EUR 4.534 (2021 table):

    >>> bp = back_pay(Employment("L11", 15, start=date(2021, 1, 1)),
    ...               paid_as_known_on="2021-06-30", owed_as_known_on="2021-12-31",
    ...               months=["2021-01", "2021-02"])
    >>> [m.difference["salaris"] for m in bp.months]
    [Decimal('100.00'), Decimal('100.00')]
    """
    employment = to_employment(employment)
    paid_known = to_date(paid_as_known_on, name="paid_as_known_on")
    owed_known = to_date(owed_as_known_on, name="owed_as_known_on")
    if owed_known < paid_known:
        raise InvalidInputError(
            f"owed_as_known_on {owed_known} must not be before paid_as_known_on {paid_known}"
        )
    wanted = _months(months)
    plan = plan_months(employment, wanted)
    outside = sorted(set(wanted) - {m.month for m in plan.months})
    if outside:
        raise InvalidInputError(
            f"month {outside[0]:%Y-%m} is outside the employment "
            f"({employment.start}..{employment.end or ''})"
        )
    result = tuple(_compare(plan, m, paid_known, owed_known) for m in plan.months)
    totals: dict[str, Decimal] = {}
    for month in result:
        for name, amount in month.difference.items():
            totals[name] = totals.get(name, Decimal(0)) + amount
    return BackPay(
        employment, paid_known, owed_known, result, totals, sum(totals.values(), Decimal(0))
    )
