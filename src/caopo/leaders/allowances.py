"""School-leader allowances: directietoelage (until 2020-08-01), bindingstoelage (2022) and
the arbeidsmarkttoelage for directie (from 2022), per scale, as data with sources.

Amounts are full-time amounts as the sources print them, per month or per year (the result
says which). How part-timers are paid was not read, so no werktijdfactor is applied here.

>>> school_leader_allowance("directietoelage", scale="DB", on="2020-01-01")
Decimal('339.49')
>>> school_leader_allowance("arbeidsmarkttoelage", scale="D12", on="2023-07-01")
Decimal('2640.00')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.catalog.series import Series, describe_periods
from caopo.display import Display
from caopo.errors import InvalidInputError, NoDataForDateError, UnknownScaleError, shown
from caopo.inputs import scale_text, to_date
from caopo.provenance import Status, weakest
from caopo.schema.allowances import ALLOWANCES, AllowanceDerivation, SchoolLeaderAllowanceTable
from caopo.schema.base import Source

__all__ = [
    "ALLOWANCES",
    "AllowanceDerivation",
    "SchoolLeaderAllowanceDetail",
    "SchoolLeaderAllowanceTable",
    "school_leader_allowance",
    "school_leader_allowance_detail",
]


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
    paid: str | None
    table: str
    effective_from: date
    effective_until: date | None
    status: Status
    cao: str
    basis: str
    sources: tuple[Source, ...]


def _name(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in ALLOWANCES:
        return value.strip().lower()
    raise InvalidInputError(
        f"allowance {shown(value)} is not known; school-leader allowances: {', '.join(ALLOWANCES)}"
    )


def _status(
    series: Series[SchoolLeaderAllowanceTable], version: SchoolLeaderAllowanceTable
) -> Status:
    """The weakest of the version and, for a derived version, the version it rests on."""
    statuses = [version.status]
    if version.derivation is not None:
        statuses.append(series.version_on(version.derivation.base).status)
    return weakest(statuses)


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
    table_id = ALLOWANCES[name]
    day = to_date(on)
    code = scale_text(scale)
    series = catalog().series(table_id, SchoolLeaderAllowanceTable)
    version = series.get(day)
    if version is None:
        raise NoDataForDateError(
            f"no {name} amounts on {day}; the {name} data covers "
            f"{describe_periods(series.periods())} (an end date is exclusive)"
        )
    amount = version.amounts.get(code)
    if amount is None:
        raise UnknownScaleError(
            f"the {name} of {version.effective_from} has no amount for scale {code!r}; "
            f"scales: {', '.join(version.amounts)}"
        )
    end = series.end_of(version)
    basis = f"{table_id} {version.effective_from} ({version.status})"
    if version.derivation is not None:
        basis += f": {version.derivation.rule}"
    return SchoolLeaderAllowanceDetail(
        amount=amount,
        period=version.period,
        allowance=name,
        scale=code,
        on=day,
        condition=version.condition,
        paid=version.paid,
        table=table_id,
        effective_from=version.effective_from,
        effective_until=end,
        status=_status(series, version),
        cao=version.cao,
        basis=basis,
        sources=version.sources,
    )


def school_leader_allowance(allowance: str, *, scale: str, on: object) -> Decimal:
    """The full-time amount of a school-leader allowance (per month or per year, see
    :func:`school_leader_allowance_detail`)."""
    return school_leader_allowance_detail(allowance, scale=scale, on=on).amount
