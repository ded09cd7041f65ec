"""What every pay component is given and what it gives back.

A component is a function ``(context, earlier) -> entries``: the frozen
:class:`PayContext` of one calendar year (employment, month plan, which tables count), the
lines the components before it in :data:`caopo.pay.components.COMPONENTS` posted, by month,
and back a tuple of :class:`Posting` (a line on a month's payslip) or :class:`Gap` (what
could not be computed, and why). Whether a gap raises (strict) or becomes a ``missing``
line (lenient) is for :func:`caopo.pay.income.annual_income` to decide, not the component.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from caopo.catalog.loader import catalog
from caopo.errors import CaopoError
from caopo.pay.employment import Employment
from caopo.pay.lines import Line, Reference
from caopo.pay.plan import MonthPlan
from caopo.schema.base import TableVersion

__all__ = [
    "Component",
    "Entry",
    "Gap",
    "PayContext",
    "Payslips",
    "Posting",
    "lines_of",
    "rule_lookup",
    "rule_reference",
]

V = TypeVar("V", bound=TableVersion)


@dataclass(frozen=True, slots=True)
class PayContext:
    """Everything a component may read about the year it computes."""

    employment: Employment
    year: int
    plan: MonthPlan
    as_known_on: date | None
    """Only the tables known on this day count (what a payroll run then would have paid)."""
    projection: bool
    """Carry salaries forward by announced raises where no table covers a month."""


@dataclass(frozen=True, slots=True)
class Posting:
    """A line on the payslip of *month* (its first day)."""

    month: date
    line: Line


@dataclass(frozen=True, slots=True)
class Gap:
    """*component* could not be computed for *month*: *error* says why."""

    month: date
    component: str
    error: CaopoError


Entry = Posting | Gap
Payslips = Mapping[date, tuple[Line, ...]]
"""The lines posted so far, by month (the first day), in registry order."""
Component = Callable[[PayContext, Payslips], tuple[Entry, ...]]
"""A pay component: reads the context and the earlier lines, gives its entries."""


def lines_of(earlier: Payslips, component: str) -> dict[date, Line]:
    """The line of *component* in each month that has one."""
    found: dict[date, Line] = {}
    for month, lines in earlier.items():
        for line in lines:
            if line.component == component:
                found[month] = line
    return found


def rule_reference(rule: TableVersion) -> Reference:
    """The version of a rule table a line rests on."""
    return Reference(rule.table, rule.effective_from.isoformat(), rule.status)


def rule_lookup(model: type[V], table: str, on: date, as_known_on: date | None) -> V:
    """The version of *table* in force on *on* (as known on *as_known_on*)."""
    return catalog().series(table, model).version_on(on, as_known_on=as_known_on)
