"""Individual professionalisation budgets (money) of the CAO PO: the grant of one budget year.

Who has which budget, and how much, is data (``data/budgets/``, kind
``professionalisation_budget``): each version lists the ``categories`` it is for, in the one
vocabulary (:class:`caopo.Category`), and :func:`budget_tables` is built from those lists:

* directors and adjunct-directors (*directieleden* in an A or D scale; art. 9.6a lid 3
  CAO PO 2013, art. 9.6 lid 3 and art. 9.8 CAO PO 2019-2020): table ``director_budget``
  (EUR 2.000 from CAO PO 2013, EUR 3.000 from CAO PO 2016-2017, plus EUR 100 in the
  calendar years 2020 and 2021);
* teachers and support staff (OOP; art. 9.3 lid 2 and lid 4 CAO PO): table
  ``staff_budget`` (EUR 500 a year, EUR 600 in 2020 and 2021, pro rata werktijdfactor);
* the board (*bestuurder*) has no budget under these articles (no table lists it): asking
  raises :class:`~caopo.errors.NotPublishedError` naming the categories that have one.

Categories are :class:`caopo.Category` in any of its spellings (``leraar``, ``directeur``,
``adjunct-directeur``, ``oop``, ...). The carry-over ledger is
:func:`caopo.budget_statement` (:mod:`caopo.professionalisation.ledger`); the hour budgets
are :mod:`caopo.professionalisation.hours`.

Readings where the sources are silent, each an explicit parameter:

* ``year_basis="calendar"`` (default) or ``"school"``: a budget year is a calendar year
  (the EUR 100 extra is explicitly per calendar year) or a school year (1 August). The
  base amount is the one in force on the first day of the budget year; a calendar-year
  extra counts in the budget year that contains 1 January of that calendar year.
* ``pro_rata=None`` (default): as the data says. For directors the AVS FAQ on CAO PO
  2019-2020 says the budget "is niet afhankelijk van de werktijdfactor"; for the earlier
  editions (data: ``unread``) caopo applies the same: not pro rata
  (``BudgetGrant.pro_rata_basis == "default"``). Pass ``True`` to scale a director's
  budget by the werktijdfactor anyway.
* A werktijdfactor of 0 means "not employed in that year": nothing is granted.

A grant's status is the weakest (:func:`caopo.provenance.weakest`) of the rule versions it
used: the one in force on the first day and those of any calendar-year extra.

>>> professionalisation_budget("teacher", year=2020, fte="0.6")
Decimal('360.00')
>>> professionalisation_budget("directeur", year=2021)
Decimal('3100.00')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from caopo.catalog.loader import catalog
from caopo.catalog.series import Series
from caopo.dates import SchoolYear
from caopo.display import Display
from caopo.errors import DataFileError, InvalidInputError, NotPublishedError, shown
from caopo.inputs import Category, to_category, to_date, to_fte, to_year
from caopo.money import Number, round_cents
from caopo.provenance import Status, weakest
from caopo.schema.base import Source
from caopo.schema.budgets import BudgetDerivation, BudgetRule, SavingRule

__all__ = [
    "NOT_STATED",
    "BudgetDerivation",
    "BudgetGrant",
    "BudgetRule",
    "ProRataBasis",
    "SavingRule",
    "YearBasis",
    "budget_categories",
    "budget_category",
    "budget_detail",
    "budget_period",
    "budget_rule",
    "budget_tables",
    "professionalisation_budget",
    "to_year_basis",
    "year_label",
]

YearBasis = Literal["calendar", "school"]
"""A budget year is a calendar year (default) or a school year (1 August - 31 July)."""

ProRataBasis = Literal["source", "parameter", "default"]
"""Why a grant is (not) scaled by the werktijdfactor: the data read it in a source
(``source``), the caller passed ``pro_rata=`` (``parameter``), or the edition's rule was
not read and caopo's default applies: not pro rata (``default``)."""

NOT_STATED = "not stated in the sources read"
_DEFAULT_READING = (
    "not pro rata: not stated for this edition; caopo's default, as the AVS FAQ on "
    "CAO PO 2019-2020 says (pass pro_rata=True for the other reading)"
)


# --------------------------------------------------------------------------- inputs


def _budget_series() -> tuple[Series[BudgetRule], ...]:
    """Every loaded budget table (kind ``professionalisation_budget``)."""
    tables = catalog()
    return tuple(tables.series(table, BudgetRule) for table in tables.table_ids(BudgetRule))


def budget_tables() -> dict[Category, tuple[str, ...]]:
    """The budget tables whose versions list each category (their ``categories``), read
    from the data, in vocabulary order. A category no table lists has no budget.

    >>> {str(c): t for c, t in budget_tables().items()}
    {'teacher': ('staff_budget',), 'adjunct': ('director_budget',), 'director': ('director_budget',), 'support_staff': ('staff_budget',)}
    """
    listed: dict[Category, list[str]] = {}
    for series in _budget_series():
        for category in {c for version in series.versions for c in version.categories}:
            listed.setdefault(category, []).append(series.table)
    return {c: tuple(sorted(listed[c])) for c in Category if c in listed}


def budget_categories() -> tuple[Category, ...]:
    """The categories that have a professionalisation budget, in vocabulary order.

    >>> [str(c) for c in budget_categories()]
    ['teacher', 'adjunct', 'director', 'support_staff']
    """
    return tuple(budget_tables())


def budget_category(value: object) -> Category:
    """*value* as a :class:`~caopo.inputs.Category` that has a budget (any spelling).

    >>> budget_category("Adjunct-directeur")
    <Category.ADJUNCT: 'adjunct'>
    """
    category = to_category(value)
    with_budget = budget_categories()
    if category not in with_budget:
        raise NotPublishedError(
            f"category {str(category)!r} has no individual professionalisation budget in the "
            f"CAO PO; categories with a budget: {', '.join(map(str, with_budget))}"
        )
    return category


def to_year_basis(value: object) -> YearBasis:
    """``"calendar"`` or ``"school"``; anything else raises."""
    if value == "calendar":
        return "calendar"
    if value == "school":
        return "school"
    raise InvalidInputError(f"year_basis {shown(value)} is not known; use 'calendar' or 'school'")


def budget_period(year: int, year_basis: YearBasis = "calendar") -> tuple[date, date]:
    """``(first day, day after the last day)`` of budget *year*.

    >>> budget_period(2021)
    (datetime.date(2021, 1, 1), datetime.date(2022, 1, 1))
    >>> budget_period(2021, "school")
    (datetime.date(2021, 8, 1), datetime.date(2022, 8, 1))
    """
    if to_year_basis(year_basis) == "school":
        school = SchoolYear(year)
        return school.start, school.end
    return date(year, 1, 1), date(year + 1, 1, 1)


def year_label(year: int, year_basis: YearBasis) -> str:
    """``"2021"`` or ``"2021-2022"``."""
    return str(SchoolYear(year)) if year_basis == "school" else str(year)


# --------------------------------------------------------------------------- grant


def budget_rule(category: object, *, on: object) -> BudgetRule:
    """The budget rule of *category* in force on *on*: the version in force then whose
    ``categories`` list it. Raises :class:`~caopo.errors.NoDataForDateError` before the
    first version, :class:`~caopo.errors.NotPublishedError` when the versions in force are
    for other categories, and :class:`~caopo.errors.DataFileError` (naming the files) when
    two tables list it on that day.

    >>> budget_rule("adjunct-directeur", on="2021-06-01").annual_amount
    Decimal('3000')
    """
    cat = budget_category(category)
    day = to_date(on)
    series = [s for s in _budget_series() if any(cat in v.categories for v in s.versions)]
    entries = [e for s in series if (e := s.entry_on(day)) is not None]
    listing = [e for e in entries if cat in e.document.categories]
    if len(listing) > 1:
        raise DataFileError(
            f"{listing[0].path}: category {str(cat)!r} has a budget rule in more than one "
            f"table on {day}; also in {', '.join(str(e.path) for e in listing[1:])}"
        )
    if listing:
        return listing[0].document
    if not entries:
        series[0].version_on(day)  # raises NoDataForDateError naming the periods covered
    raise NotPublishedError(
        f"no budget rule for category {str(cat)!r} is in force on {day}; the versions in "
        f"force then are for other categories (tables: {', '.join(s.table for s in series)})"
    )


@dataclass(frozen=True, slots=True)
class BudgetGrant(Display):
    """The professionalisation budget of one budget year, with where it came from.

    ``status`` is the weakest of the rule versions used; ``pro_rata_basis`` says why the
    amount is (not) scaled by the werktijdfactor, ``pro_rata_reading`` says it in words.
    """

    category: Category
    year: int
    year_label: str
    year_basis: YearBasis
    period_start: date
    period_end: date
    fte: Decimal
    pro_rata: bool
    pro_rata_basis: ProRataBasis
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


def _calendar_extras(
    category: Category, start: date, end: date
) -> tuple[Decimal, tuple[BudgetRule, ...]]:
    """The calendar-year extras of the budget year ``[start, end)``: each 1 January inside
    it adds the ``extra_per_calendar_year`` of the rule in force on that day."""
    extra = Decimal(0)
    used: list[BudgetRule] = []
    for calendar_year in range(start.year, end.year + 1):
        new_year = date(calendar_year, 1, 1)
        if start <= new_year < end:
            rule = budget_rule(category, on=new_year)
            if rule.extra_per_calendar_year is not None:
                extra += rule.extra_per_calendar_year
                used.append(rule)
    return extra, tuple(used)


def _pro_rata(rule: BudgetRule, pro_rata: bool | None) -> tuple[bool, ProRataBasis, str]:
    """Whether the grant is scaled by the werktijdfactor, why, and the reading in words."""
    if pro_rata is not None:
        return pro_rata, "parameter", f"parameter pro_rata={pro_rata}"
    if rule.pro_rata == "werktijdfactor":
        return True, "source", "pro rata werktijdfactor (source)"
    if rule.pro_rata == "none":
        return False, "source", "not dependent on the werktijdfactor (source)"
    return False, "default", _DEFAULT_READING


def _explain(base: Decimal, extra: Decimal, scaled: bool, wtf: Decimal) -> str:
    if wtf == 0:
        return "werktijdfactor 0: not employed, nothing granted"
    explained = f"{base}" + (f" + {extra} (calendar-year extra)" if extra else "")
    return f"({explained}) x werktijdfactor {wtf}" if scaled else explained


def _sources(versions: tuple[BudgetRule, ...]) -> tuple[Source, ...]:
    found: list[Source] = []
    for version in versions:
        found.extend(s for s in version.sources if s not in found)
    return tuple(found)


def budget_detail(
    category: object,
    *,
    year: object,
    fte: Number = 1,
    year_basis: YearBasis = "calendar",
    pro_rata: bool | None = None,
) -> BudgetGrant:
    """The budget granted for budget *year*, with the rule, status and sources it rests on.

    The amount is ``(annual_amount + calendar-year extras) x werktijdfactor`` where the rule
    is pro rata, else ``annual_amount + extras``; 0 at werktijdfactor 0; rounded once to
    cents (art. 9.3 lid 2 CAO PO for staff, art. 9.6 lid 3 CAO PO 2019-2020 for directors).

    >>> grant = budget_detail("leraar", year=2021, fte="0.8")
    >>> grant.amount, grant.base_amount, grant.extra_amount, grant.status
    (Decimal('480.00'), Decimal('500'), Decimal('100'), 'published')
    """
    cat = budget_category(category)
    number, wtf, basis = (
        to_year(year),
        to_fte(fte, name="fte", allow_zero=True),
        to_year_basis(year_basis),
    )
    if pro_rata is not None and not isinstance(pro_rata, bool):
        raise InvalidInputError(f"pro_rata must be True, False or None, not {shown(pro_rata)}")
    start, end = budget_period(number, basis)
    rule = budget_rule(cat, on=start)
    extra, extra_rules = _calendar_extras(cat, start, end)
    versions = (rule, *(r for r in extra_rules if r is not rule))
    scaled, why, reading = _pro_rata(rule, pro_rata)
    full = rule.annual_amount + extra
    amount = Decimal(0) if wtf == 0 else (full * wtf if scaled else full)
    return BudgetGrant(
        category=cat,
        year=number,
        year_label=year_label(number, basis),
        year_basis=basis,
        period_start=start,
        period_end=end,
        fte=wtf,
        pro_rata=scaled,
        pro_rata_basis=why,
        pro_rata_reading=reading,
        base_amount=rule.annual_amount,
        extra_amount=extra,
        amount=round_cents(amount),
        table=rule.table,
        effective_from=rule.effective_from,
        cao=rule.cao,
        status=weakest(v.status for v in versions),
        saving=rule.saving,
        lapses_to=rule.saving.lapses_to or NOT_STATED,
        sources=_sources(versions),
        basis=_explain(rule.annual_amount, extra, scaled, wtf),
    )


def professionalisation_budget(
    category: object,
    *,
    year: object,
    fte: Number = 1,
    year_basis: YearBasis = "calendar",
    pro_rata: bool | None = None,
) -> Decimal:
    """The individual professionalisation budget of *category* for budget *year*, in euros
    (the amount of :func:`budget_detail`).

    >>> professionalisation_budget("director", year=2016)
    Decimal('2000.00')
    >>> professionalisation_budget("oop", year=2022, fte="0.5")
    Decimal('250.00')
    """
    return budget_detail(
        category, year=year, fte=fte, year_basis=year_basis, pro_rata=pro_rata
    ).amount
