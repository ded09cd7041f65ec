"""The Schoolleidersregister PO: registration types and the re-registration cycle.

Directors and adjunct-directors must be registered (from 1 January 2018) and re-register
periodically (art. 9.12 CAO PO). The rules are data (``data/register/``):

* Types: ``RDO`` (directors, basic qualifications at least *vakbekwaam*), ``RADO``
  (adjuncts, at least *basisbekwaam*) and ``aspirant`` (in training; no cycle was read).
* Cycle: every **four** years, per the register's own pages; a late re-registration does
  not move the next date, so the deadlines are ``registered_on + 4, + 8, ...`` years. A
  court decision (ECLI:NL:RBNHO:2025:1087) quotes the Registerreglement with **five**
  years; pass ``cycle_years=5`` for that reading.
* State on a date (``register_state``; ``status`` is the provenance, as in every result):
  ``registered`` until the deadline (exclusive), ``under_conditions``
  ("onder voorwaarden") for the six months after it, then ``expired`` ("herregistratie
  verlopen") until the re-registration is done.

Each re-registration counts for the first deadline not yet met (even when it is late);
two re-registrations within one cycle are refused.

>>> status = register_status("2016-03-01", on="2020-05-01")
>>> status.register_state, status.next_deadline, status.under_conditions_until
('under_conditions', datetime.date(2020, 3, 1), datetime.date(2020, 9, 1))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from caopo.catalog.loader import catalog
from caopo.dates import add_months, add_years
from caopo.display import Display
from caopo.errors import InvalidInputError, NotPublishedError, shown
from caopo.inputs import to_date, to_years
from caopo.items import MAX_DATES, to_items
from caopo.provenance import Status
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
MAX_CYCLE_YEARS = 10
"""Input guard, as the schema's: no cycle is longer than ten years."""
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
class RegisterStatus(Display):
    """The register state on a date and the next deadline. ``register_state`` is the state
    in the register (``registered``, ``expired``, ...; ``register_state_nl`` in Dutch);
    ``status`` is the provenance, as in every result: ``published``, because the cycle and
    the grace period are read in the sources named and the dates follow from them."""

    register_state: StatusCode
    register_state_nl: str
    on: date
    registered_on: date
    registration_type: str
    cycle_years: int
    cycle_reading: str
    next_deadline: date
    under_conditions_until: date
    reregistrations: tuple[Reregistration, ...]
    status: Status
    sources: tuple[Source, ...]


def register_rules() -> RegisterRules:
    """The shipped (or user-supplied) register rules."""
    return catalog().document(REGISTER_TABLE, RegisterRules)


def _registration_type(rules: RegisterRules, value: object) -> RegisterType:
    """The registration type (``RDO``, ``RADO``, ``aspirant``; any case) that has a cycle."""
    types = {t.code.lower(): t for t in rules.types}
    kind = types.get(value.strip().lower()) if isinstance(value, str) else None
    if kind is None:
        raise InvalidInputError(
            f"registration_type {shown(value)} is not known; use one of "
            f"{', '.join(t.code for t in rules.types)}"
        )
    if not kind.has_cycle:
        raise NotPublishedError(
            f"no re-registration cycle was read for {kind.code!r} registrations "
            f"({kind.description}); cycles are known for: "
            f"{', '.join(t.code for t in rules.types if t.has_cycle)}"
        )
    return kind


def _cycle(rules: RegisterRules, cycle_years: object) -> CycleRule:
    """The cycle of the register's pages (default) or the other sourced reading; *cycle_years*
    is a whole number of years (an int or a string of digits)."""
    if cycle_years is None:
        return rules.cycle
    try:
        years = to_years(cycle_years, name="cycle_years", minimum=1, maximum=MAX_CYCLE_YEARS)
    except InvalidInputError:
        years = None
    for reading in (rules.cycle, rules.alternative_cycle):
        if years == reading.years:
            return reading
    raise InvalidInputError(
        f"cycle_years {shown(cycle_years)} is not a sourced reading; use {rules.cycle.years} "
        f"(register pages, default) or {rules.alternative_cycle.years} (Registerreglement "
        f"as quoted by a court)"
    )


def _reregistrations(
    start: date, dates: Iterable[object], cycle: CycleRule
) -> tuple[Reregistration, ...]:
    """Each re-registration counts for the first deadline not yet met (even when late);
    two within one cycle are refused."""
    items = to_items(dates, name="reregistered", at_most=MAX_DATES, expected="a list of dates")
    done: list[Reregistration] = []
    for when in sorted(to_date(d, name="reregistered") for d in items):
        if when <= start:
            raise InvalidInputError(
                f"re-registration {when} is not after the registration of {start}"
            )
        if done and when <= done[-1].deadline:
            raise InvalidInputError(
                f"re-registration {when} falls in the cycle already covered by the "
                f"re-registration of {done[-1].on} (deadline {done[-1].deadline}); one "
                f"re-registration per {cycle.years}-year cycle"
            )
        deadline = add_years(start, (len(done) + 1) * cycle.years)
        done.append(Reregistration(deadline, when, late=when > deadline))
    return tuple(done)


def _status_code(day: date, start: date, due: date, grace_end: date) -> StatusCode:
    if day < start:
        return "not_registered"
    if day < due:
        return "registered"
    return "under_conditions" if day < grace_end else "expired"


def register_status(
    registered_on: object,
    *,
    on: object,
    reregistered: Iterable[object] = (),
    cycle_years: object = None,
    registration_type: str = "RDO",
) -> RegisterStatus:
    """The status in the Schoolleidersregister PO on *on* for a registration of
    *registered_on*, given the dates of the re-registrations done so far (art. 9.12 CAO PO;
    the register's rules: every *cycle* years from the registration date, then
    ``grace_months`` "onder voorwaarden", then expired).

    >>> register_status("2016-03-01", on="2021-01-01", reregistered=["2020-02-15"]).next_deadline
    datetime.date(2024, 3, 1)
    >>> register_status("2016-03-01", on="2021-01-01", cycle_years="5").register_state
    'registered'
    """
    rules = register_rules()
    start = to_date(registered_on, name="registered_on")
    day = to_date(on)
    kind = _registration_type(rules, registration_type)
    cycle = _cycle(rules, cycle_years)
    counted = tuple(r for r in _reregistrations(start, reregistered, cycle) if r.on <= day)
    due = add_years(start, (len(counted) + 1) * cycle.years)
    grace_end = add_months(due, rules.grace_months)
    code = _status_code(day, start, due, grace_end)
    return RegisterStatus(
        register_state=code,
        register_state_nl=DUTCH[code],
        on=day,
        registered_on=start,
        registration_type=kind.code,
        cycle_years=cycle.years,
        cycle_reading=cycle.source.title,
        next_deadline=due,
        under_conditions_until=grace_end,
        reregistrations=counted,
        status="published",
        sources=(cycle.source, rules.grace_source),
    )
