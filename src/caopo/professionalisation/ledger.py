"""The carry-over ledger of an individual professionalisation budget.

:func:`budget_statement` is a pure function: category, werktijdfactor per year, whether
saving was agreed with the employer, and dated spending in; a statement per budget year
out. It reads, and states, these rules:

1. **Grant.** Each budget year grants the amount of :func:`caopo.budget_detail` in full on
   its first day (calendar years by default; ``year_basis="school"`` for school years).
2. **Spending draws from the oldest budget still available first** (FIFO by year of
   origin). The CAO says nothing about the order; oldest-first is the reading that lets
   the least money lapse, and caopo states it on every statement.
3. **Lapse.** At the end of each budget year, a budget that has been held for as many
   years as the saving rule *in force on that last day* allows (``usable_years``: 4 until
   CAO PO 2023-2024 — save three years, lapse when not spent within four; art. 9.6a lid 3
   CAO PO 2013, art. 9.3 lid 4 CAO PO) lapses, for directors to the school's general
   scholingsbudget. Where the rule requires the employer's agreement to save and none was
   given, a budget lapses at the end of its own year. Because the rule in force at the year end decides,
   the CAO PO 2023-2024 change (from 2023-05-01: save up to four years) applies from its
   date to the balances held then.
4. **The lapse year after 2023 was not read.** Where the data marks ``usable_years`` as
   ``derived`` (directors from 2023-05-01: 5, i.e. save four years + the year of grant),
   ``usable_years_when_unread=4`` takes the other reading (still "spent within four").
5. **Overspending is reported, not raised**: spending that no available budget covers is
   ``unfunded`` in the year it happens; it is not part of ``spent`` and draws nothing. The
   statement's :attr:`BudgetStatement.unfunded` is the total; call
   :meth:`BudgetStatement.check` to turn it into an :class:`~caopo.errors.OverspendingError`.

Money is conserved in every row and in total: opening + granted = spent + lapsed + closing.

**Status.** A row's status is the weakest (:func:`caopo.provenance.weakest`) of its grant,
the saving rule version read on its last day and, where it decided the lapse, that rule's
``usable_years_status``; the statement's is the weakest of its rows. Each row names the
sources of the rule versions it read, and the statement those of all its rows.

>>> s = budget_statement("teacher", first_year=2020, last_year=2021, fte="0.5",
...                      saving_agreed=True, spending=[("2021-03-01", "400")])
>>> [(r.year, r.granted, r.spent, r.closing_balance) for r in s.rows]
[(2020, Decimal('300.00'), Decimal('0.00'), Decimal('300.00')), (2021, Decimal('300.00'), Decimal('400.00'), Decimal('200.00'))]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caopo.catalog.state import remembered
from caopo.display import Display, Tabular, record
from caopo.errors import InvalidInputError, OverspendingError, shown
from caopo.inputs import Category, to_date, to_flag, to_fte, to_year, to_years
from caopo.items import MAX_SPENDINGS, to_items, to_pairs
from caopo.money import Number, to_amount
from caopo.professionalisation.budgets import (
    NOT_STATED,
    BudgetGrant,
    YearBasis,
    budget_category,
    budget_detail,
    budget_period,
    budget_rule,
    to_year_basis,
)
from caopo.provenance import Status, weakest
from caopo.schema.base import Source

__all__ = [
    "FIFO_READING",
    "BudgetStatement",
    "Lapse",
    "ScheduledLapse",
    "Spending",
    "YearStatement",
    "budget_statement",
]

FIFO_READING = (
    "spending is drawn from the oldest budget still available first (FIFO by year of origin); "
    "the CAO does not say, this is caopo's reading"
)
MAX_YEARS = 60
"""Input guard, not a CAO number: a statement covers at most a working life of years."""
MAX_USABLE_YEARS = 10
"""Input guard for ``usable_years_when_unread`` (the data's saving rules allow at most 11)."""
ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Spending:
    """One dated expense and how it was covered."""

    on: date
    amount: Decimal
    drawn: tuple[tuple[int, Decimal], ...]
    unfunded: Decimal


@dataclass(frozen=True, slots=True)
class Lapse:
    """Money of one year of origin that lapsed at the end of a budget year."""

    origin_year: int
    """The budget year the money was granted in."""
    amount: Decimal
    on: date
    """The last day of the budget year at whose end it lapsed."""
    to: str
    rule: str


@dataclass(frozen=True, slots=True)
class ScheduledLapse:
    """What will lapse, and when, if nothing more is spent and the rule stays as it is."""

    origin_year: int
    """The budget year the money was granted in."""
    amount: Decimal
    on: date
    """The last day of the budget year at whose end it will lapse (as :attr:`Lapse.on`)."""
    to: str


@dataclass(frozen=True, slots=True)
class YearStatement(Display):
    """One budget year of the ledger; ``sources``: those of its grant and of the saving
    rule read on its last day."""

    year: int
    label: str
    period_start: date
    period_end: date
    fte: Decimal
    grant: BudgetGrant
    opening_balance: Decimal
    granted: Decimal
    spent: Decimal
    spent_by_origin: tuple[tuple[int, Decimal], ...]
    unfunded: Decimal
    spending: tuple[Spending, ...]
    lapses: tuple[Lapse, ...]
    lapsed_total: Decimal
    closing_by_origin: tuple[tuple[int, Decimal], ...]
    closing_balance: Decimal
    usable_years: int
    rule: str
    lapses_next: tuple[ScheduledLapse, ...]
    status: Status
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class BudgetStatement(Tabular):
    """The statement of a person's professionalisation budget over a run of budget years;
    ``sources``: those of its rows, each once."""

    category: Category
    year_basis: YearBasis
    saving_agreed: bool
    rows: tuple[YearStatement, ...]
    granted: Decimal
    spent: Decimal
    lapsed: Decimal
    balance: Decimal
    unfunded: Decimal
    status: Status
    sources: tuple[Source, ...]
    readings: tuple[str, ...]

    def _frame_rows(self) -> list[dict[str, object]]:
        """One row per budget year: its dates, balances, rule and status."""
        return [record(row) for row in self.rows]

    def row(self, year: int) -> YearStatement:
        """The row of budget *year*."""
        for row in self.rows:
            if row.year == year:
                return row
        raise InvalidInputError(
            f"year {shown(year)} is not in this statement "
            f"({self.rows[0].year}..{self.rows[-1].year})"
        )

    def check(self) -> BudgetStatement:
        """Return self, or raise :class:`OverspendingError` if any spending was unfunded."""
        if self.unfunded:
            years = ", ".join(f"{r.label}: {r.unfunded}" for r in self.rows if r.unfunded)
            raise OverspendingError(
                f"spending exceeds the available budget by {self.unfunded} in total ({years})"
            )
        return self


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class _Terms:
    """The options of one statement, parsed once; the same for every budget year."""

    category: Category
    saving_agreed: bool
    year_basis: YearBasis
    pro_rata: bool | None
    usable_years_when_unread: int | None


def _years(first_year: object, last_year: object) -> range:
    first = to_year(first_year, name="first_year")
    last = to_year(last_year, name="last_year")
    if last < first or last - first >= MAX_YEARS:
        raise InvalidInputError(
            f"last_year {shown(last_year)} must be from first_year {shown(first_year)} up to "
            f"{MAX_YEARS - 1} years later"
        )
    return range(first, last + 1)


def _usable_override(value: object) -> int | None:
    if value is None:
        return None
    return to_years(value, name="usable_years_when_unread", minimum=1, maximum=MAX_USABLE_YEARS)


def _fte_by_year(fte: Number | Mapping[int, Number], years: range) -> dict[int, Decimal]:
    if isinstance(fte, Mapping):
        pairs = to_pairs(fte, name="fte", at_most=MAX_YEARS, expected="a mapping of year to fte")
        given = {
            to_year(k, name="fte year"): to_fte(v, name=f"fte[{shown(k)}]", allow_zero=True)
            for k, v in pairs
        }
        missing = [y for y in years if y not in given]
        extra = sorted(set(given) - set(years))
        if missing or extra:
            raise InvalidInputError(
                f"fte must give a werktijdfactor for every year {years.start}..{years.stop - 1}"
                + (f"; missing: {missing}" if missing else "")
                + (f"; outside the statement: {extra}" if extra else "")
            )
        return given
    wtf = to_fte(fte, name="fte", allow_zero=True)
    return dict.fromkeys(years, wtf)


def _expense(item: object, start: date, end: date) -> tuple[date, Decimal]:
    if not isinstance(item, (tuple, list)) or len(item) != 2:
        raise InvalidInputError(f"each spending must be a (date, amount) pair, not {shown(item)}")
    on = to_date(item[0], name="spending date")
    amount = to_amount(item[1], name="spending amount")
    if not start <= on < end:
        raise InvalidInputError(
            f"spending date {on} is outside the statement's budget years "
            f"({start} up to {end - timedelta(days=1)})"
        )
    return on, amount


def _spending(
    items: Iterable[tuple[object, Number]], start: date, end: date
) -> list[tuple[date, Decimal]]:
    """The expenses, checked to lie in ``[start, end)``, in date order."""
    pairs = to_items(
        items, name="spending", at_most=MAX_SPENDINGS, expected="a list of (date, amount) pairs"
    )
    return sorted((_expense(item, start, end) for item in pairs), key=lambda pair: pair[0])


# --------------------------------------------------------------------------- the ledger


@dataclass(frozen=True, slots=True)
class _LapseRule:
    """The lapse rule of one budget year, read on its last day (rule 3 and 4)."""

    usable: int
    destination: str
    how: str
    status: Status
    sources: tuple[Source, ...]


def _lapse_rule(terms: _Terms, last_day: date) -> _LapseRule:
    """How many budget years a budget may be held under the saving rule in force on
    *last_day*, where it lapses to, and the status of what decided it."""
    rule = budget_rule(terms.category, on=last_day)
    saving = rule.saving
    how = f"{rule.table} {rule.effective_from} ({rule.cao})"
    statuses: list[Status] = [rule.status]
    if saving.usable_years_status == "derived" and terms.usable_years_when_unread is not None:
        usable = terms.usable_years_when_unread
        how += f", usable_years_when_unread={usable}"
    else:
        usable = saving.usable_years
        how += f", usable {usable} years ({saving.usable_years_status})"
        statuses.append(saving.usable_years_status)
    if saving.requires_agreement and not terms.saving_agreed:
        usable, how = 1, how + "; no saving agreed: usable in its own year only"
        statuses = [rule.status]
    return _LapseRule(usable, saving.lapses_to or NOT_STATED, how, weakest(statuses), rule.sources)


class _Pots:
    """The balance of each year of origin: granted into, drawn oldest first, lapsed."""

    __slots__ = ("_by_origin",)

    def __init__(self) -> None:
        self._by_origin: dict[int, Decimal] = {}

    def total(self) -> Decimal:
        return sum(self._by_origin.values(), ZERO)

    def by_origin(self) -> tuple[tuple[int, Decimal], ...]:
        return tuple(sorted(self._by_origin.items()))

    def grant(self, origin: int, amount: Decimal) -> None:
        self._by_origin[origin] = self._by_origin.get(origin, ZERO) + amount

    def draw(self, on: date, amount: Decimal) -> Spending:
        """Rule 2 and 5: draw *amount* from the oldest pots first; what no pot covers is
        unfunded and draws nothing."""
        need = amount
        drawn: list[tuple[int, Decimal]] = []
        for origin in sorted(self._by_origin):
            take = min(self._by_origin[origin], need)
            if take > 0:
                self._by_origin[origin] -= take
                need -= take
                drawn.append((origin, take))
        return Spending(on, amount, tuple(drawn), need)

    def lapse(self, year: int, rule: _LapseRule, on: date) -> tuple[Lapse, ...]:
        """Rule 3: at the end of budget *year*, each pot held *rule.usable* years lapses;
        empty pots are dropped."""
        lapses: list[Lapse] = []
        for origin, amount in sorted(self._by_origin.items()):
            held = year - origin + 1
            if held >= rule.usable and amount > 0:
                lapses.append(
                    Lapse(
                        origin, amount, on, rule.destination, f"held {held} of {rule.usable} years"
                    )
                )
        self._by_origin = {
            origin: amount
            for origin, amount in self._by_origin.items()
            if amount > 0 and year - origin + 1 < rule.usable
        }
        return tuple(lapses)

    def schedule(self, rule: _LapseRule, year_basis: YearBasis) -> tuple[ScheduledLapse, ...]:
        """When each remaining pot lapses if nothing more is spent and the rule stays."""
        return tuple(
            ScheduledLapse(
                origin,
                amount,
                budget_period(origin + rule.usable - 1, year_basis)[1] - timedelta(days=1),
                rule.destination,
            )
            for origin, amount in self.by_origin()
        )


def _distinct(sources: list[Source]) -> tuple[Source, ...]:
    """*sources* without repeats, in order of first use."""
    return tuple(dict.fromkeys(sources))


def _spent_by_origin(done: tuple[Spending, ...]) -> tuple[tuple[int, Decimal], ...]:
    total: dict[int, Decimal] = {}
    for spending in done:
        for origin, amount in spending.drawn:
            total[origin] = total.get(origin, ZERO) + amount
    return tuple(sorted(total.items()))


def _year(
    terms: _Terms,
    year: int,
    fte: Decimal,
    expenses: list[tuple[date, Decimal]],
    pots: _Pots,
) -> YearStatement:
    """One budget year: grant on its first day (rule 1), spend (rules 2 and 5), lapse on
    its last day (rules 3 and 4)."""
    grant = budget_detail(
        terms.category,
        year=year,
        fte=fte,
        year_basis=terms.year_basis,
        pro_rata=terms.pro_rata,
    )
    start, end = grant.period_start, grant.period_end
    opening = pots.total()
    pots.grant(year, grant.amount)
    done = tuple(pots.draw(on, amount) for on, amount in expenses if start <= on < end)
    last_day = end - timedelta(days=1)
    rule = _lapse_rule(terms, last_day)
    spent_by_origin = _spent_by_origin(done)
    lapses = pots.lapse(year, rule, last_day)
    return YearStatement(
        year=year,
        label=grant.year_label,
        period_start=start,
        period_end=end,
        fte=fte,
        grant=grant,
        opening_balance=opening,
        granted=grant.amount,
        spent=sum((amount for _, amount in spent_by_origin), ZERO),
        spent_by_origin=spent_by_origin,
        unfunded=sum((s.unfunded for s in done), ZERO),
        spending=done,
        lapses=lapses,
        lapsed_total=sum((lapse.amount for lapse in lapses), ZERO),
        closing_by_origin=pots.by_origin(),
        closing_balance=pots.total(),
        usable_years=rule.usable,
        rule=rule.how,
        lapses_next=pots.schedule(rule, terms.year_basis),
        status=weakest([grant.status, rule.status]),
        sources=_distinct([*grant.sources, *rule.sources]),
    )


def _readings(terms: _Terms, rows: list[YearStatement]) -> tuple[str, ...]:
    """The readings the statement rests on where the sources are silent, in words."""
    readings = [FIFO_READING, "a budget year's amount is granted in full on its first day"]
    if terms.year_basis == "calendar":
        readings.append("budget years are calendar years (year_basis='calendar')")
    else:
        readings.append(
            "budget years are school years (year_basis='school'); a calendar-year extra counts "
            "in the school year that contains its 1 January"
        )
    readings.append(
        "a budget lapses at the end of the budget year in which it has been held for the "
        "usable years of the saving rule in force on that year's last day"
    )
    defaults = [r.grant for r in rows if r.grant.pro_rata_basis == "default"]
    if defaults:
        readings.append(defaults[0].pro_rata_reading)
    return tuple(readings)


@remembered
def budget_statement(
    category: object,
    *,
    first_year: object,
    last_year: object,
    saving_agreed: bool,
    fte: Number | Mapping[int, Number] = 1,
    spending: Iterable[tuple[object, Number]] = (),
    year_basis: YearBasis = "calendar",
    pro_rata: bool | None = None,
    usable_years_when_unread: object = None,
) -> BudgetStatement:
    """The ledger of *category*'s individual professionalisation budget, per budget year.

    *fte* is one werktijdfactor for every year or a mapping ``{year: wtf}`` covering every
    year (0 = not employed that year). *spending* is a list of ``(date, amount)``.
    See the module documentation for the rules and readings.
    """
    to_flag(saving_agreed, name="saving_agreed")
    years = _years(first_year, last_year)
    terms = _Terms(
        category=budget_category(category),
        saving_agreed=saving_agreed,
        year_basis=to_year_basis(year_basis),
        pro_rata=pro_rata,
        usable_years_when_unread=_usable_override(usable_years_when_unread),
    )
    wtfs = _fte_by_year(fte, years)
    expenses = _spending(
        spending,
        budget_period(years.start, year_basis)[0],
        budget_period(years.stop - 1, year_basis)[1],
    )
    pots = _Pots()
    rows = [_year(terms, year, wtfs[year], expenses, pots) for year in years]
    return BudgetStatement(
        category=terms.category,
        year_basis=year_basis,
        saving_agreed=saving_agreed,
        rows=tuple(rows),
        granted=sum((r.granted for r in rows), ZERO),
        spent=sum((r.spent for r in rows), ZERO),
        lapsed=sum((r.lapsed_total for r in rows), ZERO),
        balance=rows[-1].closing_balance,
        unfunded=sum((r.unfunded for r in rows), ZERO),
        status=weakest(r.status for r in rows),
        sources=_distinct([source for row in rows for source in row.sources]),
        readings=_readings(terms, rows),
    )
