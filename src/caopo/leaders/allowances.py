"""School-leader allowances: directietoelage (until 2020-08-01), bindingstoelage (2022) and
the arbeidsmarkttoelage for directie (from 2022), per scale, as data with sources.

Amounts are full-time amounts as the sources print them, per month or per year (the result
says which). How part-timers are paid was not read, so no werktijdfactor is applied here.
The bindingstoelage is one table for every category (kind ``yearly_allowance``,
``data/allowances/bindingstoelage_*``): this module reads its (adjunct-)director rows, and
:func:`caopo.annual_income` pays the same rows as a line in August.

>>> school_leader_allowance("directietoelage", scale="DB", on="2020-01-01")
Decimal('339.49')
>>> school_leader_allowance("arbeidsmarkttoelage", scale="D12", on="2023-07-01")
Decimal('2640.00')
>>> school_leader_allowance("bindingstoelage", scale="D12", on="2022-08-01")
Decimal('1591.09')
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from caopo.catalog.loader import catalog
from caopo.catalog.series import Series, describe_periods
from caopo.display import Display
from caopo.errors import InvalidInputError, NoDataForDateError, UnknownScaleError, shown
from caopo.inputs import Category, scale_text, to_date
from caopo.provenance import Status, weakest
from caopo.schema.allowances import (
    ALLOWANCES,
    AllowanceDerivation,
    SchoolLeaderAllowanceTable,
    YearlyAllowance,
    is_for,
)
from caopo.schema.base import Source, TableVersion

__all__ = [
    "ALLOWANCES",
    "ALLOWANCE_NAMES",
    "YEARLY_ALLOWANCES",
    "AllowanceDerivation",
    "SchoolLeaderAllowanceDetail",
    "SchoolLeaderAllowanceTable",
    "school_leader_allowance",
    "school_leader_allowance_detail",
]

YEARLY_ALLOWANCES: dict[str, str] = {"bindingstoelage": "bindingstoelage"}
"""School-leader allowances kept as rows of a yearly toelage of every category (kind
``yearly_allowance``): name -> table id."""

ALLOWANCE_NAMES = ("directietoelage", "bindingstoelage", "arbeidsmarkttoelage")
"""Every school-leader allowance by name."""

LEADERS = (Category.ADJUNCT, Category.DIRECTOR)
CONDITION = {
    "top": "only at the highest step (trede) of the scale",
    "below_top": "only below the highest step (trede) of the scale",
}

V = TypeVar("V", bound=TableVersion)


@dataclass(frozen=True, slots=True)
class SchoolLeaderAllowanceDetail(Display):
    """An allowance amount with its conditions and provenance."""

    amount: Decimal
    """Full-time amount per :attr:`period`."""
    period: str
    allowance: str
    scale: str
    on: date
    condition: str
    payment_schedule: str | None
    """How the allowance is paid, as the source states it."""
    table: str
    effective_from: date
    effective_until: date | None
    status: Status
    cao: str
    basis: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class _Found:
    """What a table of either kind says for one scale on one day."""

    amount: Decimal
    period: str
    condition: str
    payment_schedule: str | None
    status: Status
    rule: str | None
    end: date | None


def _name(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in ALLOWANCE_NAMES:
        return value.strip().lower()
    raise InvalidInputError(
        f"allowance {shown(value)} is not known; school-leader allowances: "
        f"{', '.join(ALLOWANCE_NAMES)}"
    )


def _status(
    series: Series[SchoolLeaderAllowanceTable], version: SchoolLeaderAllowanceTable
) -> Status:
    """The weakest of the version and, for a derived version, the version it rests on."""
    statuses = [version.status]
    if version.derivation is not None:
        statuses.append(series.version_on(version.derivation.base).status)
    return weakest(statuses)


def _version(series: Series[V], name: str, day: date) -> V:
    version = series.get(day)
    if version is None:
        raise NoDataForDateError(
            f"no {name} amounts on {day}; the {name} data covers "
            f"{describe_periods(series.periods())} (an end date is exclusive)"
        )
    return version


def _no_scale(name: str, version: TableVersion, code: str, scales: list[str]) -> UnknownScaleError:
    return UnknownScaleError(
        f"the {name} of {version.effective_from} has no amount for scale {code!r}; "
        f"scales: {', '.join(scales)}"
    )


def _own_kind(name: str, code: str, day: date) -> tuple[SchoolLeaderAllowanceTable, _Found]:
    series = catalog().series(ALLOWANCES[name], SchoolLeaderAllowanceTable)
    version = _version(series, name, day)
    amount = version.amounts.get(code)
    if amount is None:
        raise _no_scale(name, version, code, list(version.amounts))
    rule = None if version.derivation is None else version.derivation.rule
    found = _Found(
        amount,
        version.period,
        version.condition,
        version.paid,
        _status(series, version),
        rule,
        series.end_of(version),
    )
    return version, found


def _yearly(name: str, code: str, day: date) -> tuple[YearlyAllowance, _Found]:
    """The (adjunct-)director row for *code* of the yearly toelage *name*."""
    series = catalog().series(YEARLY_ALLOWANCES[name], YearlyAllowance)
    version = _version(series, name, day)
    rows = {
        scale: row
        for row in version.rows
        if row.scales and row.amount is not None and any(is_for(row.who, c) for c in LEADERS)
        for scale in row.scales
    }
    row = rows.get(code)
    if row is None or row.amount is None:
        raise _no_scale(name, version, code, list(rows))
    schedule = f"once a year, in {calendar.month_name[version.paid_in_month]}"
    found = _Found(
        row.amount,
        "year",
        CONDITION[row.steps],
        schedule,
        version.status,
        None,
        series.end_of(version),
    )
    return version, found


def school_leader_allowance_detail(
    allowance: str, *, scale: str, on: object
) -> SchoolLeaderAllowanceDetail:
    """The allowance *allowance* for *scale* on *on*, with its condition and source.

    The directietoelage (CAO PO 2016-2017 art. 6.29a; until 2020-08-01), the bindingstoelage
    and the arbeidsmarkttoelage directie (CAO PO 2022) are full-time amounts per scale, read
    from ``data/allowances/``; each version names its CAO (:attr:`~SchoolLeaderAllowanceDetail.cao`). A derived version (a percentage
    applied to an earlier published version) is ``derived`` at best: the status is the
    weakest of the version and the version it was derived from.
    """
    name = _name(allowance)
    day = to_date(on)
    code = scale_text(scale)
    version: TableVersion
    if name in YEARLY_ALLOWANCES:
        version, found = _yearly(name, code, day)
    else:
        version, found = _own_kind(name, code, day)
    basis = f"{version.table} {version.effective_from} ({version.status})"
    if found.rule is not None:
        basis += f": {found.rule}"
    return SchoolLeaderAllowanceDetail(
        amount=found.amount,
        period=found.period,
        allowance=name,
        scale=code,
        on=day,
        condition=found.condition,
        payment_schedule=found.payment_schedule,
        table=version.table,
        effective_from=version.effective_from,
        effective_until=found.end,
        status=found.status,
        cao=version.cao,
        basis=basis,
        sources=version.sources,
    )


def school_leader_allowance(allowance: str, *, scale: str, on: object) -> Decimal:
    """The full-time amount of a school-leader allowance (per month or per year, see
    :func:`school_leader_allowance_detail`)."""
    return school_leader_allowance_detail(allowance, scale=scale, on=on).amount
