"""Individual professionalisation budgets (money) and hours of the CAO PO.

Money. Directors and adjunct-directors (*directieleden* in an A or D scale) have an
individual budget per year (EUR 2.000 from CAO PO 2013, EUR 3.000 from CAO PO 2016-2017,
plus EUR 100 in the calendar years 2020 and 2021). Teachers and support staff (OOP) have
EUR 500 a year (EUR 600 in 2020 and 2021), pro rata werktijdfactor. The amounts and the
saving rules are data (``data/budgets/``, kind ``professionalisation_budget``); this
module turns them into the grant of one budget year. The carry-over ledger is
:func:`caopo.budget_statement` (module :mod:`caopo.ledger`).

Readings where the sources are silent, each an explicit parameter:

* ``year_basis="calendar"`` (default) or ``"school"``: a budget year is a calendar year
  (the EUR 100 extra is explicitly per calendar year) or a school year (1 August). The
  base amount is the one in force on the first day of the budget year; a calendar-year
  extra counts in the budget year that contains 1 January of that calendar year.
* ``pro_rata=None`` (default): as the data says. For directors the AVS FAQ on CAO PO
  2019-2020 says the budget "is niet afhankelijk van de werktijdfactor"; for the earlier
  editions (data: ``unread``) caopo applies the same: not pro rata. Pass ``True`` to scale
  a director's budget by the werktijdfactor anyway.
* A werktijdfactor of 0 means "not employed in that year": nothing is granted.

>>> professionalisation_budget("teacher", year=2020, fte="0.6")
Decimal('360.00')
>>> professionalisation_budget("director", year=2021)
Decimal('3100.00')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from caopo.catalog.loader import catalog
from caopo.dates import SchoolYear
from caopo.errors import InvalidInputError
from caopo.inputs import to_date, to_year
from caopo.money import Number, round_cents, to_decimal
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.budgets import (
    BudgetDerivation,
    BudgetRule,
    HourBudgetItem,
    HourBudgets,
    SavingRule,
)

__all__ = [
    "CATEGORIES",
    "BudgetDerivation",
    "BudgetGrant",
    "BudgetRule",
    "Category",
    "HourBudgetItem",
    "HourBudgets",
    "HourLine",
    "HoursEntitlement",
    "SavingRule",
    "YearBasis",
    "budget_detail",
    "budget_period",
    "budget_rule",
    "professionalisation_budget",
    "professionalisation_hours",
    "to_category",
    "to_wtf",
]

Category = Literal["director", "teacher", "support_staff"]
"""Who the budget is for: ``director`` (directeur or adjunct-directeur in an A/D scale),
``teacher`` (leraar), ``support_staff`` (onderwijsondersteunend personeel, OOP)."""

YearBasis = Literal["calendar", "school"]

CATEGORIES: tuple[Category, ...] = ("director", "teacher", "support_staff")
_TABLE_OF: dict[str, str] = {
    "director": "director_budget",
    "teacher": "staff_budget",
    "support_staff": "staff_budget",
}
_ALIASES: dict[str, Category] = {
    "director": "director",
    "directeur": "director",
    "adjunct": "director",
    "adjunct-directeur": "director",
    "directielid": "director",
    "teacher": "teacher",
    "leraar": "teacher",
    "leerkracht": "teacher",
    "support_staff": "support_staff",
    "support-staff": "support_staff",
    "oop": "support_staff",
}
HOURS_TABLE = "professionalisation_hours"
NOT_STATED = "not stated in the sources read"


# --------------------------------------------------------------------------- inputs


def to_category(value: object) -> Category:
    """``"teacher"``, ``"leraar"``, ``"OOP"``, ... -> the category; anything else raises."""
    if isinstance(value, str):
        found = _ALIASES.get(value.strip().lower())
        if found is not None:
            return found
    raise InvalidInputError(f"category {value!r} is not known; use one of {', '.join(CATEGORIES)}")


def to_wtf(value: object, *, name: str = "fte") -> Decimal:
    """A werktijdfactor for a budget year: 0 (not employed) up to 1.2."""
    wtf = to_decimal(value, name=name)
    if not Decimal(0) <= wtf <= Decimal("1.2"):
        raise InvalidInputError(
            f"{name} {value!r} is outside 0..1.2 (0 = not employed that year, 1 = full-time)"
        )
    return wtf


def _basis(value: object) -> YearBasis:
    if value == "calendar":
        return "calendar"
    if value == "school":
        return "school"
    raise InvalidInputError(f"year_basis {value!r} is not known; use 'calendar' or 'school'")


def budget_period(year: int, year_basis: YearBasis = "calendar") -> tuple[date, date]:
    """``(first day, day after the last day)`` of budget *year*.

    >>> budget_period(2021)
    (datetime.date(2021, 1, 1), datetime.date(2022, 1, 1))
    >>> budget_period(2021, "school")
    (datetime.date(2021, 8, 1), datetime.date(2022, 8, 1))
    """
    if _basis(year_basis) == "school":
        school = SchoolYear(year)
        return school.start, school.end
    return date(year, 1, 1), date(year + 1, 1, 1)


def year_label(year: int, year_basis: YearBasis) -> str:
    """``"2021"`` or ``"2021-2022"``."""
    return str(SchoolYear(year)) if year_basis == "school" else str(year)


# --------------------------------------------------------------------------- grant


def budget_rule(category: object, *, on: date) -> BudgetRule:
    """The budget rule for *category* in force on *on* (raises NoDataForDateError)."""
    table = _TABLE_OF[to_category(category)]
    return catalog().series(table, BudgetRule).version_on(on)


@dataclass(frozen=True, slots=True)
class BudgetGrant:
    """The professionalisation budget of one budget year, with where it came from."""

    category: Category
    year: int
    year_label: str
    year_basis: YearBasis
    period_start: date
    period_end: date
    fte: Decimal
    pro_rata: bool
    pro_rata_reading: str
    base_amount: Decimal
    extra_amount: Decimal
    amount: Decimal
    table: str
    effective_from: date
    cao: str
    status: Status
    saving: SavingRule
    lapses_to: str
    sources: tuple[Source, ...]
    basis: str


def _worst(statuses: Iterable[Status]) -> Status:
    found = set(statuses)
    for status in ("derived", "provisional"):
        if status in found:
            return status
    return "published"


def budget_detail(
    category: object,
    *,
    year: object,
    fte: Number = 1,
    year_basis: YearBasis = "calendar",
    pro_rata: bool | None = None,
) -> BudgetGrant:
    """The budget granted for budget *year*, with the rule, status and sources it rests on.

    >>> grant = budget_detail("teacher", year=2021, fte="0.8")
    >>> grant.amount, grant.base_amount, grant.extra_amount, grant.status
    (Decimal('480.00'), Decimal('500'), Decimal('100'), 'published')
    """
    cat = to_category(category)
    number = to_year(year)
    wtf = to_wtf(fte)
    basis = _basis(year_basis)
    if pro_rata is not None and not isinstance(pro_rata, bool):
        raise InvalidInputError(f"pro_rata must be True, False or None, not {pro_rata!r}")
    start, end = budget_period(number, basis)
    rule = budget_rule(cat, on=start)
    versions = [rule]
    extra = Decimal(0)
    for calendar_year in range(start.year, end.year + 1):
        new_year = date(calendar_year, 1, 1)
        if start <= new_year < end:
            extra_rule = budget_rule(cat, on=new_year)
            if extra_rule.extra_per_calendar_year is not None:
                extra += extra_rule.extra_per_calendar_year
                if extra_rule is not rule:
                    versions.append(extra_rule)
    if pro_rata is not None:
        scaled, reading = pro_rata, "parameter pro_rata=" + str(pro_rata)
    elif rule.pro_rata == "werktijdfactor":
        scaled, reading = True, "pro rata werktijdfactor (source)"
    elif rule.pro_rata == "none":
        scaled, reading = False, "not dependent on the werktijdfactor (source)"
    else:
        scaled, reading = (
            False,
            "not pro rata: not stated for this edition; caopo's default, as the AVS FAQ on "
            "CAO PO 2019-2020 says (pass pro_rata=True for the other reading)",
        )
    full = rule.annual_amount + extra
    if wtf == 0:
        amount = Decimal(0)
    elif scaled:
        amount = full * wtf
    else:
        amount = full
    amount = round_cents(amount)
    sources: list[Source] = []
    for version in versions:
        sources.extend(s for s in version.sources if s not in sources)
    explained = f"{rule.annual_amount}"
    if extra:
        explained += f" + {extra} (calendar-year extra)"
    if scaled:
        explained = f"({explained}) x werktijdfactor {wtf}"
    if wtf == 0:
        explained = "werktijdfactor 0: not employed, nothing granted"
    return BudgetGrant(
        category=cat,
        year=number,
        year_label=year_label(number, basis),
        year_basis=basis,
        period_start=start,
        period_end=end,
        fte=wtf,
        pro_rata=scaled,
        pro_rata_reading=reading,
        base_amount=rule.annual_amount,
        extra_amount=extra,
        amount=amount,
        table=rule.table,
        effective_from=rule.effective_from,
        cao=rule.cao,
        status=_worst(v.status for v in versions),
        saving=rule.saving,
        lapses_to=rule.saving.lapses_to or NOT_STATED,
        sources=tuple(sources),
        basis=explained,
    )


def professionalisation_budget(
    category: object,
    *,
    year: object,
    fte: Number = 1,
    year_basis: YearBasis = "calendar",
    pro_rata: bool | None = None,
) -> Decimal:
    """The individual professionalisation budget of *category* for budget *year*, in euros.

    >>> professionalisation_budget("director", year=2016)
    Decimal('2000.00')
    >>> professionalisation_budget("support_staff", year=2022, fte="0.5")
    Decimal('250.00')
    """
    return budget_detail(
        category, year=year, fte=fte, year_basis=year_basis, pro_rata=pro_rata
    ).amount


# --------------------------------------------------------------------------- hours


@dataclass(frozen=True, slots=True)
class HourLine:
    """One hour entitlement: hours a year at the werktijdfactor asked."""

    id: str
    description: str
    hours_per_year: Decimal
    hours_per_week: Decimal | None
    status: Literal["published", "derived"]
    how: str
    saveable: bool
    max_saving_years: int | None
    saving_note: str | None
    article: str | None


@dataclass(frozen=True, slots=True)
class HoursEntitlement:
    """The hour budgets of one employee on a date."""

    on: date
    fte: Decimal
    lines: tuple[HourLine, ...]
    table: str
    effective_from: date
    cao: str
    sources: tuple[Source, ...]

    def line(self, id: str) -> HourLine:
        """The line with this id (``professionalisation``, ``starter``, ``di_basis``, ``di_57``)."""
        for item in self.lines:
            if item.id == id:
                return item
        known = ", ".join(item.id for item in self.lines)
        raise InvalidInputError(f"no hour line {id!r} here; lines: {known}")


def professionalisation_hours(
    *,
    on: object,
    fte: Number = 1,
    age: int | None = None,
    starter: bool = False,
    past_aow_age: bool = False,
) -> HoursEntitlement:
    """The yearly hour budgets on date *on* at werktijdfactor *fte*.

    Always: personal professionalisation (2 hours per working week x werktijdfactor; the
    yearly figure is ``derived`` as 2 x 41,5 working weeks = 83 hours) and the duurzame
    inzetbaarheid basis (40 h). With ``starter=True`` the starters' 40 h; from *age* 57
    (and not working past the AOW age) the bijzonder budget of 130 h. Hours are exact, not
    rounded.

    >>> hours = professionalisation_hours(on="2020-03-01", fte="0.6")
    >>> hours.line("professionalisation").hours_per_year
    Decimal('49.80')
    """

    day = to_date(on)
    wtf = to_wtf(fte)
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or age < 0):
        raise InvalidInputError(f"age must be a whole number of years, not {age!r}")
    version = catalog().series(HOURS_TABLE, HourBudgets).version_on(day)
    lines: list[HourLine] = []
    for item in version.budgets:
        if item.id == "starter" and not starter:
            continue
        if item.from_age is not None and (age is None or age < item.from_age or past_aow_age):
            continue
        if item.hours_per_year is None:
            weekly = version.personal_hours_per_week * wtf
            yearly = weekly * version.working_weeks_per_year
            lines.append(
                HourLine(
                    id=item.id,
                    description=item.description,
                    hours_per_year=yearly,
                    hours_per_week=weekly,
                    status="derived",
                    how=(
                        f"{version.personal_hours_per_week} h per working week x werktijdfactor "
                        f"{wtf} (published); per year x {version.working_weeks_per_year} working "
                        f"weeks (derived: {version.working_weeks_source.title})"
                    ),
                    saveable=item.saveable,
                    max_saving_years=item.max_saving_years,
                    saving_note=item.saving_note,
                    article=item.article,
                )
            )
            continue
        yearly = item.hours_per_year * wtf if item.pro_rata else item.hours_per_year
        lines.append(
            HourLine(
                id=item.id,
                description=item.description,
                hours_per_year=yearly,
                hours_per_week=None,
                status="published",
                how=f"{item.hours_per_year} h per year"
                + (f" x werktijdfactor {wtf}" if item.pro_rata else ""),
                saveable=item.saveable,
                max_saving_years=item.max_saving_years,
                saving_note=item.saving_note,
                article=item.article,
            )
        )
    return HoursEntitlement(
        on=day,
        fte=wtf,
        lines=tuple(lines),
        table=version.table,
        effective_from=version.effective_from,
        cao=version.cao,
        sources=(*version.sources, version.working_weeks_source),
    )
