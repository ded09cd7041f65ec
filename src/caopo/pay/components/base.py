"""What every pay component is given and what it gives back.

A :class:`Component` of the registry :data:`caopo.pay.components.COMPONENTS` has a name
and a function ``post(context, earlier) -> entries``: given the frozen :class:`PayContext`
of one calendar year (employment, month plan, which tables count) and the lines the
components before it posted, by month, it gives back a tuple of :class:`Posting` (a line on
a month's payslip) or :class:`Gap` (what could not be computed, and why). Whether a gap
raises (strict) or becomes a ``missing`` line (lenient) is for
:func:`caopo.pay.income.annual_income` to decide, not the component.

A component that follows the salary tables month by month also declares ``accrue``: what
one month earns, from that month's earlier lines. :func:`caopo.back_pay` recomputes
exactly those, with the tables known on two days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from caopo.catalog.loader import catalog
from caopo.catalog.state import remember
from caopo.errors import CaopoError
from caopo.inputs import to_date
from caopo.pay.employment import Employment
from caopo.pay.lines import Line, Reference
from caopo.pay.plan import MonthPlan, PlannedMonth
from caopo.schema.base import TableVersion

__all__ = [
    "Accrue",
    "Component",
    "Entry",
    "Gap",
    "PayContext",
    "Payslips",
    "Posting",
    "line_in",
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
    holiday_month: int | None = None
    """The month the vakantie-uitkering is paid in (over the twelve months up to and
    including it), where the caller's payroll says so; ``None``: shown as accrued each
    month (no source read gives the CAO PO month)."""


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
Post = Callable[[PayContext, Payslips], tuple[Entry, ...]]
"""Reads the context and the earlier lines of the year, gives the component's entries."""
Accrue = Callable[[PayContext, PlannedMonth, tuple[Line, ...]], Line]
"""Reads the context, one planned month and that month's earlier lines, gives the line the
month accrues; raises where it cannot be computed."""


@dataclass(frozen=True, slots=True)
class Component:
    """One pay component, as listed in :data:`caopo.pay.components.COMPONENTS`."""

    name: str
    """The name of its lines (one-off payments: ``eenmalige_uitkering_<id>``)."""
    post: Post
    """Its lines of a year (:func:`caopo.annual_income`)."""
    accrue: Accrue | None = None
    """What one month accrues, for a component that follows the salary tables month by
    month (back pay recomputes these); ``None`` for one paid by its own table or once."""


def lines_of(earlier: Payslips, component: str) -> dict[date, Line]:
    """The line of *component* in each month that has one."""
    found: dict[date, Line] = {}
    for month, lines in earlier.items():
        for line in lines:
            if line.component == component:
                found[month] = line
    return found


def line_in(lines: tuple[Line, ...], component: str) -> Line:
    """The line of *component* among one month's *lines*."""
    for line in lines:
        if line.component == component:
            return line
    raise LookupError(f"no {component!r} line yet: it must come earlier in COMPONENTS")


def rule_reference(rule: TableVersion) -> Reference:
    """The version of a rule table a line rests on (built once per version object)."""
    found = _REFERENCES.get(id(rule))
    if found is not None and found[0] is rule:
        return found[1]
    reference = Reference(rule.table, rule.effective_from.isoformat(), rule.status)
    if len(_REFERENCES) >= _REFERENCES_LIMIT:
        _REFERENCES.clear()
    _REFERENCES[id(rule)] = (rule, reference)
    return reference


_REFERENCES: dict[int, tuple[TableVersion, Reference]] = {}
"""The reference of each version object seen, by identity; the version is held with it, so
an identity is never reused while it is listed (a version is frozen)."""
_REFERENCES_LIMIT = 4096


def rule_lookup(
    model: type[V], table: str, on: date | str, as_known_on: date | str | None = None
) -> V:
    """The version of the rule table *table* in force on *on*, as known on *as_known_on*
    (both a date or ISO text): what every ``*_rule()`` of a component answers; remembered
    per snapshot for dates (:func:`caopo.catalog.state.remember`)."""
    plain = type(on) is date and (as_known_on is None or type(as_known_on) is date)
    key = ("rule_lookup", model, table, on, as_known_on) if plain else None
    return remember(key, lambda: _version_on(model, table, on, as_known_on))


def _version_on(model: type[V], table: str, on: date | str, as_known_on: date | str | None) -> V:
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    return catalog().series(table, model).version_on(to_date(on), as_known_on=known)
