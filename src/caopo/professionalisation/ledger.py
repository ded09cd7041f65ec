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
   CAO PO 2023-2024 — save three years, lapse when not spent within four) lapses, for
   directors to the school's general scholingsbudget. Without a saving agreement a budget
   lapses at the end of its own year. Because the rule in force at the year end decides,
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

from caopo.errors import InvalidInputError, OverspendingError
from caopo.inputs import to_date, to_year
from caopo.money import CENT, Number, to_decimal
from caopo.professionalisation.budgets import (
    NOT_STATED,
    BudgetGrant,
    Category,
    YearBasis,
    budget_detail,
    budget_period,
    budget_rule,
    to_category,
    to_wtf,
)
from caopo.provenance import Status

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

    origin: int
    amount: Decimal
    on: date
    to: str
    rule: str


@dataclass(frozen=True, slots=True)
class ScheduledLapse:
    """What will lapse, and when, if nothing more is spent and the rule stays as it is."""

    origin: int
    amount: Decimal
    after: date
    to: str


@dataclass(frozen=True, slots=True)
class YearStatement:
    """One budget year of the ledger."""

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
    lapsed: tuple[Lapse, ...]
    lapsed_total: Decimal
    closing_by_origin: tuple[tuple[int, Decimal], ...]
    closing_balance: Decimal
    usable_years: int
    rule: str
    lapses_next: tuple[ScheduledLapse, ...]


@dataclass(frozen=True, slots=True)
class BudgetStatement:
    """The statement of a person's professionalisation budget over a run of budget years."""

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
    readings: tuple[str, ...]

    def row(self, year: int) -> YearStatement:
        """The row of budget *year*."""
        for row in self.rows:
            if row.year == year:
                return row
        raise InvalidInputError(
            f"year {year!r} is not in this statement ({self.rows[0].year}..{self.rows[-1].year})"
        )

    def check(self) -> BudgetStatement:
        """Return self, or raise :class:`OverspendingError` if any spending was unfunded."""
        if self.unfunded:
            years = ", ".join(f"{r.label}: {r.unfunded}" for r in self.rows if r.unfunded)
            raise OverspendingError(
                f"spending exceeds the available budget by {self.unfunded} in total ({years})"
            )
        return self


def _fte_by_year(fte: Number | Mapping[int, Number], years: range) -> dict[int, Decimal]:
    if isinstance(fte, Mapping):
        given = {to_year(k, name="fte year"): to_wtf(v, name=f"fte[{k!r}]") for k, v in fte.items()}
        missing = [y for y in years if y not in given]
        extra = sorted(set(given) - set(years))
        if missing or extra:
            raise InvalidInputError(
                f"fte must give a werktijdfactor for every year {years.start}..{years.stop - 1}"
                + (f"; missing: {missing}" if missing else "")
                + (f"; outside the statement: {extra}" if extra else "")
            )
        return given
    wtf = to_wtf(fte)
    return dict.fromkeys(years, wtf)


def _spending(
    items: Iterable[tuple[object, Number]], start: date, end: date
) -> list[tuple[date, Decimal]]:
    if isinstance(items, (str, bytes, Mapping)):
        raise InvalidInputError(
            f"spending must be a list of (date, amount) pairs, not {type(items).__name__}"
        )
    out: list[tuple[date, Decimal]] = []
    for item in items:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            raise InvalidInputError(f"each spending must be a (date, amount) pair, not {item!r}")
        on = to_date(item[0], name="spending date")
        amount = to_decimal(item[1], name="spending amount")
        if amount <= 0:
            raise InvalidInputError(f"spending amount {item[1]!r} must be positive")
        if amount != amount.quantize(CENT):
            raise InvalidInputError(f"spending amount {item[1]!r} has more than two decimals")
        amount = amount.quantize(CENT)
        if not start <= on < end:
            raise InvalidInputError(
                f"spending date {on} is outside the statement's budget years "
                f"({start} up to {end - timedelta(days=1)})"
            )
        out.append((on, amount))
    out.sort(key=lambda pair: pair[0])
    return out


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
    usable_years_when_unread: int | None = None,
) -> BudgetStatement:
    """The ledger of *category*'s individual professionalisation budget, per budget year.

    *fte* is one werktijdfactor for every year or a mapping ``{year: wtf}`` covering every
    year (0 = not employed that year). *spending* is a list of ``(date, amount)``.
    See the module documentation for the rules and readings.
    """
    cat = to_category(category)
    first = to_year(first_year, name="first_year")
    last = to_year(last_year, name="last_year")
    if last < first or last - first >= MAX_YEARS:
        raise InvalidInputError(
            f"last_year {last_year!r} must be from first_year {first_year!r} up to "
            f"{MAX_YEARS - 1} years later"
        )
    if not isinstance(saving_agreed, bool):
        raise InvalidInputError(f"saving_agreed must be True or False, not {saving_agreed!r}")
    if usable_years_when_unread is not None and (
        isinstance(usable_years_when_unread, bool)
        or not isinstance(usable_years_when_unread, int)
        or not 1 <= usable_years_when_unread <= 10
    ):
        raise InvalidInputError(
            f"usable_years_when_unread must be a whole number of years 1..10 or None, "
            f"not {usable_years_when_unread!r}"
        )
    years = range(first, last + 1)
    wtfs = _fte_by_year(fte, years)
    overall_start = budget_period(first, year_basis)[0]
    overall_end = budget_period(last, year_basis)[1]
    expenses = _spending(spending, overall_start, overall_end)

    balances: dict[int, Decimal] = {}
    rows: list[YearStatement] = []
    statuses: list[Status] = []
    for year in years:
        grant = budget_detail(
            cat, year=year, fte=wtfs[year], year_basis=year_basis, pro_rata=pro_rata
        )
        statuses.append(grant.status)
        start, end = grant.period_start, grant.period_end
        opening = sum(balances.values(), ZERO)
        balances[year] = balances.get(year, ZERO) + grant.amount

        drawn_total: dict[int, Decimal] = {}
        done: list[Spending] = []
        for on, amount in (e for e in expenses if start <= e[0] < end):
            need = amount
            drawn: list[tuple[int, Decimal]] = []
            for origin in sorted(balances):
                if need == 0:
                    break
                take = min(balances[origin], need)
                if take > 0:
                    balances[origin] -= take
                    need -= take
                    drawn.append((origin, take))
                    drawn_total[origin] = drawn_total.get(origin, ZERO) + take
            done.append(Spending(on, amount, tuple(drawn), need))

        last_day = end - timedelta(days=1)
        rule = budget_rule(cat, on=last_day)
        usable, how = rule.saving.usable_years, f"{rule.table} {rule.effective_from} ({rule.cao})"
        if rule.saving.usable_years_status == "derived" and usable_years_when_unread is not None:
            usable = usable_years_when_unread
            how += f", usable_years_when_unread={usable}"
        else:
            how += f", usable {usable} years ({rule.saving.usable_years_status})"
        if not saving_agreed:
            usable, how = 1, how + "; no saving agreed: usable in its own year only"
        destination = rule.saving.lapses_to or NOT_STATED
        lapses: list[Lapse] = []
        for origin in sorted(balances):
            held = year - origin + 1
            if held >= usable:
                amount_left = balances.pop(origin)
                if amount_left > 0:
                    lapses.append(
                        Lapse(
                            origin,
                            amount_left,
                            last_day,
                            destination,
                            f"held {held} of {usable} years",
                        )
                    )
        for origin in [o for o, v in balances.items() if v == 0]:
            del balances[origin]

        scheduled = tuple(
            ScheduledLapse(
                origin,
                amount,
                budget_period(origin + usable - 1, year_basis)[1] - timedelta(days=1),
                destination,
            )
            for origin, amount in sorted(balances.items())
        )
        spent = sum(drawn_total.values(), ZERO)
        rows.append(
            YearStatement(
                year=year,
                label=grant.year_label,
                period_start=start,
                period_end=end,
                fte=wtfs[year],
                grant=grant,
                opening_balance=opening,
                granted=grant.amount,
                spent=spent,
                spent_by_origin=tuple(sorted(drawn_total.items())),
                unfunded=sum((s.unfunded for s in done), ZERO),
                spending=tuple(done),
                lapsed=tuple(lapses),
                lapsed_total=sum((lapse.amount for lapse in lapses), ZERO),
                closing_by_origin=tuple(sorted(balances.items())),
                closing_balance=sum(balances.values(), ZERO),
                usable_years=usable,
                rule=how,
                lapses_next=scheduled,
            )
        )

    readings = [FIFO_READING, "a budget year's amount is granted in full on its first day"]
    if year_basis == "calendar":
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
    if any(r.grant.pro_rata_reading.startswith("not pro rata: not stated") for r in rows):
        readings.append(rows[0].grant.pro_rata_reading)
    total_status: Status = "published"
    if "derived" in statuses:
        total_status = "derived"
    elif "provisional" in statuses:
        total_status = "provisional"
    return BudgetStatement(
        category=cat,
        year_basis=year_basis,
        saving_agreed=saving_agreed,
        rows=tuple(rows),
        granted=sum((r.granted for r in rows), ZERO),
        spent=sum((r.spent for r in rows), ZERO),
        lapsed=sum((r.lapsed_total for r in rows), ZERO),
        balance=rows[-1].closing_balance,
        unfunded=sum((r.unfunded for r in rows), ZERO),
        status=total_status,
        readings=tuple(readings),
    )
