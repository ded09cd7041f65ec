"""Hours for professionalisation and duurzame inzetbaarheid (DI) of the CAO PO.

The rules (the hours and who has them are data: ``data/budgets/professionalisation_hours_*``,
kind ``hour_budgets``):

* personal professionalisation: 2 clock hours per working week x werktijdfactor (art. 9.3
  lid 2 CAO PO). The yearly figure is ``derived``: x 41,5 working weeks (the 40-hour week
  spreads 1.659 hours over 41,5 weeks), so 83 hours full-time;
* starting teachers (``for_starters`` in the data): 40 hours a year extra, pro rata;
* DI basis budget: 40 hours a year, pro rata (art. 8A.4 CAO PO 2019-2020);
* DI bijzonder budget from age 57 (``from_age``): 130 hours a year, pro rata, not when
  working past the AOW age (``ends_past_aow_age``; art. 8A.6, 8A.7 CAO PO), and only where
  the pro-rata hours reach ``min_hours_per_year`` (45; PO-Raad);
* its eigen bijdrage when taken as leave (:func:`di_own_contribution`): 50 % of the salary
  (40 % up to schaal 8) over at most 260 hours (PO-Raad).

Hours are exact, not rounded. Each line's status is the weakest of the table version and of
how the line was computed: for the per-week line, the data's ``working_weeks_status``
(``derived``: the 41,5 weeks are not a CAO figure); the entitlement's status is the weakest
of its lines.

>>> hours = professionalisation_hours(on="2020-03-01", fte="0.6")
>>> hours.line("professionalisation").hours_per_year
Decimal('49.80')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.display import Display
from caopo.errors import InvalidInputError, shown
from caopo.inputs import scale_text, to_date, to_flag, to_fte, to_years
from caopo.money import Number, quantize, round_cents, to_amount, to_decimal, truncate
from caopo.provenance import Status, weakest
from caopo.salary_scales.codes import scale_code
from caopo.schema.base import Source
from caopo.schema.budgets import HourBudgetItem, HourBudgets
from caopo.schema.budgets import OwnContribution as ContributionRule

__all__ = [
    "HOURS_TABLE",
    "HourBudgetItem",
    "HourBudgets",
    "HourLine",
    "HoursEntitlement",
    "OwnContribution",
    "di_own_contribution",
    "professionalisation_hours",
]

HOURS_TABLE = "professionalisation_hours"
MAX_AGE = 120
"""Input guard, not a CAO number: the highest age accepted."""
MAX_SALARY = Decimal(100_000)
"""Input guard, not a CAO number: the highest full-time monthly salary accepted (EUR)."""


@dataclass(frozen=True, slots=True)
class HourLine:
    """One hour entitlement: hours a year at the werktijdfactor asked."""

    id: str
    description: str
    hours_per_year: Decimal
    hours_per_week: Decimal | None
    status: Status
    how: str
    saveable: bool
    max_saving_years: int | None
    saving_note: str | None
    article: str | None


@dataclass(frozen=True, slots=True)
class HoursEntitlement(Display):
    """The hour budgets of one employee on a date; ``status`` is the weakest of its lines."""

    on: date
    fte: Decimal
    lines: tuple[HourLine, ...]
    table: str
    effective_from: date
    cao: str
    status: Status
    sources: tuple[Source, ...]

    def line(self, id: str) -> HourLine:
        """The line with this id (``professionalisation``, ``starter``, ``di_basis``, ``di_57``)."""
        for item in self.lines:
            if item.id == id:
                return item
        known = ", ".join(item.id for item in self.lines)
        raise InvalidInputError(f"no hour line {shown(id)} here; lines: {known}")


def _applies(item: HourBudgetItem, *, age: int | None, starter: bool, past_aow_age: bool) -> bool:
    """Whether the employee has *item*: starters' hours only for a starter; hours from an
    age only from that age, and not past the AOW age where the item says so."""
    if item.for_starters and not starter:
        return False
    if item.from_age is not None and (age is None or age < item.from_age):
        return False
    return not (item.ends_past_aow_age and past_aow_age)


def _reaches_minimum(item: HourBudgetItem, line: HourLine) -> bool:
    """Whether the pro-rata hours reach the item's minimum (57+: at least 45 hours a year,
    PO-Raad); an item without a minimum always does."""
    return item.min_hours_per_year is None or line.hours_per_year >= item.min_hours_per_year


def _line(item: HourBudgetItem, version: HourBudgets, wtf: Decimal) -> HourLine:
    """One line: the per-week hours x working weeks (as strong as the data's
    ``working_weeks_status``) where the item gives no yearly figure, else its yearly hours
    (x werktijdfactor where pro rata)."""
    weekly: Decimal | None = None
    if item.hours_per_year is None:
        weekly = version.personal_hours_per_week * wtf
        yearly = weekly * version.working_weeks_per_year
        status = weakest([version.status, version.working_weeks_status])
        how = (
            f"{version.personal_hours_per_week} h per working week x werktijdfactor {wtf} "
            f"({version.status}); per year x {version.working_weeks_per_year} working weeks "
            f"({version.working_weeks_status}: {version.working_weeks_source.title})"
        )
    else:
        yearly = item.hours_per_year * wtf if item.pro_rata else item.hours_per_year
        status = version.status
        how = f"{item.hours_per_year} h per year" + (
            f" x werktijdfactor {wtf}" if item.pro_rata else ""
        )
    return HourLine(
        id=item.id,
        description=item.description,
        hours_per_year=yearly,
        hours_per_week=weekly,
        status=status,
        how=how,
        saveable=item.saveable,
        max_saving_years=item.max_saving_years,
        saving_note=item.saving_note,
        article=item.article,
    )


def professionalisation_hours(
    *,
    on: object,
    fte: Number = 1,
    age: object = None,
    starter: bool = False,
    past_aow_age: bool = False,
) -> HoursEntitlement:
    """The yearly hour budgets on date *on* at werktijdfactor *fte* (above 0, at most 1.2).

    Always: personal professionalisation (art. 9.3 lid 2 CAO PO) and the DI basis budget
    (art. 8A.4 CAO PO 2019-2020). With ``starter=True`` the starters' hours; from *age* 57
    (and not working past the AOW age) the DI bijzonder budget (art. 8A.6 CAO PO). *age*
    is a whole number of years (an int or a string of digits).

    >>> h = professionalisation_hours(on="2021-01-01", age=58)
    >>> [(line.id, line.hours_per_year) for line in h.lines], h.status
    ([('professionalisation', Decimal('83.0')), ('di_basis', Decimal('40')), ('di_57', Decimal('130'))], 'derived')
    """
    day = to_date(on)
    wtf = to_fte(fte, name="fte")
    years = None if age is None else to_years(age, name="age", minimum=0, maximum=MAX_AGE)
    to_flag(starter, name="starter"), to_flag(past_aow_age, name="past_aow_age")
    version = catalog().series(HOURS_TABLE, HourBudgets).version_on(day)
    lines = tuple(
        line
        for item in version.budgets
        if _applies(item, age=years, starter=starter, past_aow_age=past_aow_age)
        if _reaches_minimum(item, line := _line(item, version, wtf))
    )
    return HoursEntitlement(
        on=day,
        fte=wtf,
        lines=lines,
        table=version.table,
        effective_from=version.effective_from,
        cao=version.cao,
        status=weakest([version.status, *(line.status for line in lines)]),
        sources=(*version.sources, version.working_weeks_source),
    )


@dataclass(frozen=True, slots=True)
class OwnContribution(Display):
    """The eigen bijdrage a month over the 57+ hours taken as leave, with how it was found."""

    amount: Decimal
    """EUR a month, rounded once to cents."""
    hours: Decimal
    """The hours taken as leave a year that the contribution is based on (capped)."""
    fraction: Decimal
    """``hours`` over the normjaartaak, as the rule rounds it."""
    percentage: Decimal
    salary: Decimal
    """The full-time monthly salary it is a percentage of."""
    on: date
    basis: str
    status: Status
    sources: tuple[Source, ...]


def _contribution_rule(version: HourBudgets) -> tuple[HourBudgetItem, ContributionRule]:
    for item in version.budgets:
        if item.own_contribution is not None:
            return item, item.own_contribution
    raise InvalidInputError(f"the hour budgets of {version.effective_from} have no eigen bijdrage")


def _hours_taken(
    hours: Number | None, budget: HourLine, rule: ContributionRule, quantum: Decimal
) -> Decimal:
    """The 57+ hours taken as leave a year, to the rule's decimals: above 0 after that
    rounding, and at most what can be taken in a year: the year's budget saved over at most
    ``max_saving_years`` (the year's budget where it cannot be saved), and at most the
    rule's ``max_hours_taken`` (PO-Raad: 'opname maximaal 340 uur per jaar')."""
    yearly = quantize(budget.hours_per_year, quantum)
    years = budget.max_saving_years if budget.saveable and budget.max_saving_years else 1
    limits = [(yearly * years, f"the {budget.id} budget of {yearly} h a year x {years} year(s)")]
    if rule.max_hours_taken is not None:
        limits.append((rule.max_hours_taken, f"at most {rule.max_hours_taken} h taken a year"))
    limit, why = min(limits, key=lambda pair: pair[0])
    raw = yearly if hours is None else to_decimal(hours, name="hours")
    # rounded only where it is near the limit: a huge number (1e999999) cannot be quantized
    taken = quantize(raw, quantum) if abs(raw) <= limit + 1 else raw
    if not 0 < taken <= limit:
        raise InvalidInputError(
            f"hours {shown(hours)} (to {quantum} h: {taken}) must be above 0 and at most "
            f"{limit} h: {why}"
        )
    return taken


def di_own_contribution(
    salary: Number, *, scale: object, on: object, fte: Number = 1, hours: Number | None = None
) -> OwnContribution:
    """The eigen bijdrage a month when the DI bijzonder budget (57+) is taken as leave:
    the leave hours a year over the normjaartaak (1.659) x the full-time monthly *salary*
    x 50 % (40 % up to schaal 8), over at most 260 hours (PO-Raad). *hours* are the 57+
    hours taken as leave a year (default: the whole budget, 130 x *fte*), at most what
    can be taken (the budget saved over at most five years, at most 340 h a year); a
    budget below 45 hours does not exist. *scale* must exist on *on*.

    PO-Raad worked example: werktijdfactor 0,6957 -> 90,4 h / 1.659 x EUR 3.000 x 50 %:

    >>> di_own_contribution(3000, scale="11", on="2021-01-01", fte="0.6957").amount
    Decimal('81.60')
    """
    day, wtf, full = to_date(on), to_fte(fte), to_amount(salary, name="salary", at_most=MAX_SALARY)
    code = scale_text(scale)
    scale_code(code).period(day)  # refuses a code that does not exist on the day
    version = catalog().series(HOURS_TABLE, HourBudgets).version_on(day)
    item, rule = _contribution_rule(version)
    budget = _line(item, version, wtf)
    if not _reaches_minimum(item, budget):
        raise InvalidInputError(
            f"at werktijdfactor {wtf} the {item.id} budget is {budget.hours_per_year} h a year, "
            f"below the minimum of {item.min_hours_per_year} h: there is no budget to take"
        )
    taken = _hours_taken(hours, budget, rule, Decimal(1).scaleb(-rule.hours_decimals))
    base = min(taken, rule.max_hours)
    quantum = Decimal(1).scaleb(-rule.fraction_decimals)
    exact = base / rule.norm_hours_per_year
    fraction = (
        truncate(exact, quantum) if rule.fraction_rounding == "down" else quantize(exact, quantum)
    )
    reduced = code.isdigit() and int(code) <= rule.reduced_up_to_scale
    pct = rule.reduced_percentage if reduced else rule.percentage
    return OwnContribution(
        amount=round_cents(fraction * full * pct / 100),
        hours=base,
        fraction=fraction,
        percentage=pct,
        salary=full,
        on=day,
        basis=(
            f"{base} h / {rule.norm_hours_per_year} = {fraction} x EUR {full} x {pct} % "
            f"(schaal {code}; at most {rule.max_hours} h)"
        ),
        status=weakest([version.status, rule.status]),
        sources=version.sources,
    )
