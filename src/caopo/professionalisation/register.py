"""The Schoolleidersregister PO: registration types and the re-registration cycle.

Directors and adjunct-directors must be registered (from 1 January 2018) and re-register
periodically (art. 9.12 CAO PO). The rules are data (``data/register/``):

* Types: ``RDO`` (directors, basic qualifications at least *vakbekwaam*), ``RADO``
  (adjuncts, at least *basisbekwaam*) and ``aspirant`` (in training; no cycle was read).
* Cycle: every **four** years, per the register's own pages; a late re-registration does
  not move the next date, so the deadlines are ``registered_on + 4, + 8, ...`` years. A
  court decision (ECLI:NL:RBNHO:2025:1087) quotes the Registerreglement with **five**
  years; pass ``cycle_years=5`` for that reading.
* Status on a date: ``registered`` until the deadline (exclusive), ``under_conditions``
  ("onder voorwaarden") for the six months after it, then ``expired`` ("herregistratie
  verlopen") until the re-registration is done.

Each re-registration counts for the first deadline not yet met (even when it is late);
two re-registrations within one cycle are refused.

>>> status = register_status("2016-03-01", on="2020-05-01")
>>> status.status, status.next_deadline, status.under_conditions_until
('under_conditions', datetime.date(2020, 3, 1), datetime.date(2020, 9, 1))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from caopo.catalog.loader import catalog
from caopo.dates import add_months, add_years
from caopo.errors import InvalidInputError, NotPublishedError
from caopo.inputs import to_date
from caopo.schema.base import Source
from caopo.schema.register import CycleRule, Fee, RegisterRules, RegisterType

__all__ = [
    "REGISTER_TABLE",
    "CycleRule",
    "Fee",
    "RegisterRules",
    "RegisterStatus",
    "RegisterType",
    "Reregistration",
    "register_rules",
    "register_status",
]

REGISTER_TABLE = "schoolleidersregister"
StatusCode = Literal["not_registered", "registered", "under_conditions", "expired"]
DUTCH: dict[str, str] = {
    "not_registered": "niet geregistreerd",
    "registered": "geregistreerd",
    "under_conditions": "onder voorwaarden",
    "expired": "herregistratie verlopen",
}


@dataclass(frozen=True, slots=True)
class Reregistration:
    """A re-registration and the deadline it counts for."""

    deadline: date
    on: date
    late: bool


@dataclass(frozen=True, slots=True)
class RegisterStatus:
    """The register status on a date and the next deadline."""

    status: StatusCode
    status_nl: str
    on: date
    registered_on: date
    registration_type: str
    cycle_years: int
    cycle_reading: str
    next_deadline: date
    under_conditions_until: date
    reregistrations: tuple[Reregistration, ...]
    sources: tuple[Source, ...]


def register_rules() -> RegisterRules:
    """The shipped (or user-supplied) register rules."""
    return catalog().document(REGISTER_TABLE, RegisterRules)


def register_status(
    registered_on: object,
    *,
    on: object,
    reregistered: Iterable[object] = (),
    cycle_years: int | None = None,
    registration_type: str = "RDO",
) -> RegisterStatus:
    """The status in the Schoolleidersregister PO on *on* for a registration of
    *registered_on*, given the dates of the re-registrations done so far.

    >>> register_status("2016-03-01", on="2021-01-01", reregistered=["2020-02-15"]).next_deadline
    datetime.date(2024, 3, 1)
    >>> register_status("2016-03-01", on="2021-01-01", cycle_years=5).status
    'registered'
    """
    rules = register_rules()
    start = to_date(registered_on, name="registered_on")
    day = to_date(on)
    types = {t.code.lower(): t for t in rules.types}
    if not isinstance(registration_type, str) or registration_type.lower() not in types:
        raise InvalidInputError(
            f"registration_type {registration_type!r} is not known; use one of "
            f"{', '.join(t.code for t in rules.types)}"
        )
    kind = types[registration_type.lower()]
    if not kind.has_cycle:
        raise NotPublishedError(
            f"no re-registration cycle was read for {kind.code!r} registrations "
            f"({kind.description}); cycles are known for: "
            f"{', '.join(t.code for t in rules.types if t.has_cycle)}"
        )
    readings = {
        rules.cycle.years: rules.cycle,
        rules.alternative_cycle.years: rules.alternative_cycle,
    }
    if cycle_years is None:
        cycle = rules.cycle
    elif (
        isinstance(cycle_years, int)
        and not isinstance(cycle_years, bool)
        and cycle_years in readings
    ):
        cycle = readings[cycle_years]
    else:
        raise InvalidInputError(
            f"cycle_years {cycle_years!r} is not a sourced reading; use {rules.cycle.years} "
            f"(register pages, default) or {rules.alternative_cycle.years} (Registerreglement "
            f"as quoted by a court)"
        )
    if isinstance(reregistered, (str, date)):
        raise InvalidInputError(
            f"reregistered must be a list of dates, not a single {reregistered!r}"
        )
    dates = sorted(to_date(r, name="reregistered") for r in reregistered)

    def deadline(k: int) -> date:
        return add_years(start, k * cycle.years)

    done: list[Reregistration] = []
    for when in dates:
        if when <= start:
            raise InvalidInputError(
                f"re-registration {when} is not after the registration of {start}"
            )
        k = len(done) + 1
        if k > 1 and when <= done[-1].deadline:
            raise InvalidInputError(
                f"re-registration {when} falls in the cycle already covered by the "
                f"re-registration of {done[-1].on} (deadline {done[-1].deadline}); one "
                f"re-registration per {cycle.years}-year cycle"
            )
        done.append(Reregistration(deadline(k), when, late=when > deadline(k)))

    counted = tuple(r for r in done if r.on <= day)
    due = deadline(len(counted) + 1)
    grace_end = add_months(due, rules.grace_months)
    code: StatusCode
    if day < start:
        code = "not_registered"
    elif day < due:
        code = "registered"
    elif day < grace_end:
        code = "under_conditions"
    else:
        code = "expired"
    return RegisterStatus(
        status=code,
        status_nl=DUTCH[code],
        on=day,
        registered_on=start,
        registration_type=kind.code,
        cycle_years=cycle.years,
        cycle_reading=cycle.source.title,
        next_deadline=due,
        under_conditions_until=grace_end,
        reregistrations=counted,
        sources=(cycle.source, rules.grace_source),
    )
