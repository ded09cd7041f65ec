"""``salaris``: the scale amount times the werktijdfactor, each month.

Each part of the month (:class:`caopo.pay.plan.Segment`) counts for its calendar days over
the days of the month: the month's line is the sum of amount x werktijdfactor x days over
the parts, divided once by the days of the month and then rounded once to cents
(:func:`caopo.money.round_quotient`), so a part month is exact (``1/28`` is no Decimal).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.state import remember
from caopo.errors import NoDataForDateError, NotPublishedError, UnknownScaleError
from caopo.money import round_quotient
from caopo.pay.components.base import Entry, Gap, PayContext, Payslips, Posting
from caopo.pay.lines import Line, Reference
from caopo.pay.plan import PlannedMonth
from caopo.pay.projection import projected_salary, table_reference
from caopo.salary_scales.salary import salary_detail
from caopo.schema.base import Source

__all__ = ["NAME", "Cell", "accrue", "salary", "salary_cell", "salary_line"]

NAME = "salaris"
NOT_IN_TABLES = (NoDataForDateError, NotPublishedError, UnknownScaleError)
"""What a month without a table (or without the cell) raises; lenient mode records it."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A full-time monthly amount with what it rests on."""

    amount: Decimal
    rests_on: tuple[Reference, ...]
    basis: str
    sources: tuple[Source, ...]


def salary_cell(scale: str, step: int, day: date, context: PayContext) -> Cell:
    """The full-time amount of *scale* trede *step* on *day*: from the tables known on
    ``as_known_on``, projected where ``projection`` is on, else from the table in force;
    remembered per snapshot (:func:`caopo.catalog.state.remember`)."""
    key = ("salary_cell", scale, step, day, context.as_known_on, context.projection)
    return remember(key, lambda: _cell(scale, step, day, context))


def _cell(scale: str, step: int, day: date, context: PayContext) -> Cell:
    if context.projection:
        projected = projected_salary(scale, step, on=day)
        return Cell(
            projected.full_time_amount, projected.rests_on, projected.basis, projected.sources
        )
    detail = salary_detail(scale, step, on=day, as_known_on=context.as_known_on)
    return Cell(detail.full_time_amount, (table_reference(detail),), detail.basis, detail.sources)


def salary_line(context: PayContext, month: PlannedMonth) -> Line:
    """The salary of one planned month; raises where a part has no table or no step."""
    employment = context.employment
    by_days = Decimal(0)
    refs: list[Reference] = []
    bases: list[str] = []
    sources: list[Source] = []
    for segment in month.segments:
        step = segment.change.held()
        cell = salary_cell(employment.scale, step, segment.start, context)
        by_days += cell.amount * employment.fte * segment.days
        refs.extend(cell.rests_on)
        bases.append(f"trede {step}: {cell.basis}")
        sources.extend(cell.sources)
    basis = "; ".join(dict.fromkeys(bases))
    days = sum(segment.days for segment in month.segments)
    if days != month.days:
        basis += f" (x {days}/{month.days} of the month, calendar days)"
    return Line.of(NAME, round_quotient(by_days, month.days), refs, basis, sources)


def accrue(context: PayContext, month: PlannedMonth, earlier: tuple[Line, ...]) -> Line:
    """The salary of one month, for back pay (:func:`salary_line`)."""
    return salary_line(context, month)


def salary(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """The salary line of every month in service."""
    entries: list[Entry] = []
    for month in context.plan.months:
        try:
            entries.append(Posting(month.month, salary_line(context, month)))
        except NOT_IN_TABLES as exc:
            entries.append(Gap(month.month, NAME, exc))
    return tuple(entries)
