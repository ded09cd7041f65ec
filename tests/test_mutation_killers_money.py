"""Tests written to kill surviving mutants that change a euro amount (issue 14, item 7).

Each test names the mutant it kills (``scripts/mutate.py``, docs/testing.md) and rests on
a published figure or on an invariant, never on caopo's own output.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import caopo

# --------------------------------------------------------------- as_known_on: boundary day


@pytest.mark.parametrize(
    ("known", "amount", "version"),
    [("2021-11-03", "2678.00", date(2020, 1, 1)), ("2021-11-04", "2738.00", date(2021, 1, 1))],
)
def test_a_table_counts_from_the_day_it_became_known(
    known: str, amount: str, version: date
) -> None:
    # Kills `known_from <= as_known_on` -> `<` (catalog/series.py). L10 trede 1: EUR 2678
    # from 2020-01-01 (nu.nl, AOb) and EUR 2738 from 2021-01-01, published on 2021-11-04
    # (known_from in data/scales/teachers_2021-01-01.yaml): on that day it is known.
    detail = caopo.salary_detail("L10", 1, on="2021-06-01", as_known_on=known)
    assert detail.amount == Decimal(amount) and detail.effective_from == version


def test_back_pay_starts_on_the_day_the_raise_became_known() -> None:
    employment = caopo.Employment("L10", 1, "2021-01-01", step_increase=False)
    owed = caopo.back_pay(
        employment,
        paid_as_known_on="2021-11-03",
        owed_as_known_on="2021-11-04",
        months=["2021-06"],
    )
    same = caopo.back_pay(
        employment,
        paid_as_known_on="2021-11-04",
        owed_as_known_on="2021-11-04",
        months=["2021-06"],
    )
    # the salary alone differs by 2738 - 2678 = 60 (published cells); allowances add to it
    assert owed.total >= Decimal("60.00")
    assert same.total == 0


# --------------------------------------------------------------- the ledger draws to the cent


def _statement(*spending: tuple[str, str]) -> caopo.BudgetStatement:
    # a director's budget is EUR 3.000 a year in 2022 (AVS, art. 9.6 CAO PO 2019-2020)
    return caopo.budget_statement(
        "director", first_year=2022, last_year=2022, saving_agreed=True, spending=spending
    )


def test_a_spending_of_75_cents_is_drawn_not_unfunded() -> None:
    row = _statement(("2022-03-01", "0.75")).rows[0]
    assert row.spent == Decimal("0.75") and row.unfunded == 0
    assert row.closing_balance == Decimal("2999.25")


def test_the_last_cent_of_the_budget_is_drawn_and_the_next_is_unfunded() -> None:
    exact = _statement(("2022-03-01", "2999.25"), ("2022-04-01", "0.75")).rows[0]
    assert exact.unfunded == 0 and exact.closing_balance == 0
    over = _statement(("2022-03-01", "2999.25"), ("2022-04-01", "0.76")).rows[0]
    assert over.unfunded == Decimal("0.01")


def test_the_ledger_conserves_money() -> None:
    # invariants: opening + granted = drawn + lapsed + closing; asked = drawn + unfunded
    row = _statement(("2022-03-01", "1234.56"), ("2022-09-01", "2000")).rows[0]
    assert row.opening_balance + row.granted == (row.spent + row.lapsed_total + row.closing_balance)
    assert row.spent + row.unfunded == Decimal("3234.56")
    assert row.unfunded == Decimal("234.56")


# --------------------------------------------------------------- garantietoelage: directietoelage

AVS = dict(old_scale="DB", old_step=15, new_scale="D11", new_salary="4861", on="2020-01-01")
"""The AVS worked example: DB trede 15 (EUR 5.006) plus the directietoelage in salary terms
(EUR 294,95) against D11 at EUR 4.861: a garantietoelage of EUR 439,95."""


def test_without_the_directietoelage_only_the_old_salary_is_guaranteed() -> None:
    # 5006 - 4861 = 145.00: the same published figures with the toelage left out
    detail = caopo.garantietoelage_detail(**AVS, directietoelage=False)  # type: ignore[arg-type]
    assert detail.directietoelage_equivalent == 0
    assert detail.amount == Decimal("145.00")
    assert caopo.garantietoelage(**AVS) == Decimal("439.95")  # type: ignore[arg-type]


def test_an_old_scale_without_a_directietoelage_gets_none_unasked_and_refuses_one() -> None:
    # AB is an old scale (data/garantietoelage) that never had the directietoelage
    # (it applied to DA, DB, DC and DC+uitloop): no toelage unasked, an error when asked.
    ab = dict(old_scale="AB", old_step=13, new_scale="A11", new_salary="3000", on="2020-01-01")
    detail = caopo.garantietoelage_detail(**ab)  # type: ignore[arg-type]
    assert detail.directietoelage_equivalent == 0
    assert detail.guaranteed_amount == detail.old_salary
    with pytest.raises(caopo.InvalidInputError, match="directietoelage applied to scales"):
        caopo.garantietoelage_detail(**ab, directietoelage=True)  # type: ignore[arg-type]


@pytest.mark.parametrize(("on", "carried"), [("2020-07-31", False), ("2020-08-01", True)])
def test_the_old_scales_lapse_on_their_day_and_the_amount_is_carried(
    on: str, carried: bool
) -> None:
    # Kills `carried = day >= old_scales_lapse_on` -> `>`: the old scales lapsed on
    # 2020-08-01 (data/garantietoelage); from that day the DB amount is carried, and with no
    # raise in between the AVS figure stands: EUR 439,95.
    detail = caopo.garantietoelage_detail(**AVS)  # type: ignore[arg-type]
    assert detail.amount == Decimal("439.95")
    moved = caopo.garantietoelage_detail(**{**AVS, "on": on})  # type: ignore[arg-type]
    assert moved.amount == Decimal("439.95") and moved.carried_forward is carried
    assert any("lapsed on 2020-08-01" in note for note in moved.notes) is carried


def test_the_notes_say_what_was_counted() -> None:
    detail = caopo.garantietoelage_detail(**AVS)  # type: ignore[arg-type]
    assert any("directietoelage 339.49 per month" in note for note in detail.notes)
    assert not any("capped" in note for note in detail.notes)  # trede 15 is DB's maximum
    assert not any("no toelage" in note for note in detail.notes)
    above = caopo.garantietoelage_detail(**{**AVS, "new_salary": "5400"})  # type: ignore[arg-type]
    assert above.amount == 0 and any("no toelage" in note for note in above.notes)
    without = caopo.garantietoelage_detail(**AVS, directietoelage=False)  # type: ignore[arg-type]
    assert not any("directietoelage 339.49" in note for note in without.notes)


def test_a_back_pay_month_totals_its_differences() -> None:
    # invariant: the month's total is the sum of its lines' differences (kills a start of 1)
    employment = caopo.Employment("L10", 1, "2021-01-01", step_increase=False)
    result = caopo.back_pay(
        employment,
        paid_as_known_on="2021-11-03",
        owed_as_known_on="2021-11-04",
        months=["2021-05", "2021-06"],
    )
    for month in result.months:
        assert month.total == sum(month.difference.values(), Decimal(0))
    assert result.total == sum((m.total for m in result.months), Decimal(0))


def test_a_remainder_of_75_cents_lapses_after_its_usable_years() -> None:
    # A director's budget saved by agreement is usable 4 years (art. 9.8 CAO PO 2019-2020,
    # data/budgets): the EUR 0,75 left of 2019 lapses on 2022-12-31, and only it.
    statement = caopo.budget_statement(
        "director",
        first_year=2019,
        last_year=2022,
        saving_agreed=True,
        spending=[("2019-03-01", "2999.25")],
    )
    lapsed = [(lapse.origin_year, lapse.amount) for row in statement.rows for lapse in row.lapses]
    assert lapsed == [(2019, Decimal("0.75"))]
    last = statement.rows[-1]
    assert last.closing_balance == sum(a for _, a in last.closing_by_origin)
    granted = sum(row.granted for row in statement.rows)
    assert granted == Decimal("2999.25") + Decimal("0.75") + last.closing_balance


def test_spending_is_drawn_in_date_order_whatever_the_order_given() -> None:
    row = _statement(("2022-09-01", "100"), ("2022-03-01", "2950")).rows[0]
    first, second = row.spending
    assert first.on == date(2022, 3, 1) and first.unfunded == 0
    assert second.unfunded == Decimal("50.00")  # 3000 - 2950 = 50 left of the 100


@pytest.mark.parametrize(("on", "fits"), [("2022-12-31", True), ("2023-01-01", False)])
def test_a_spending_must_fall_inside_the_statement(on: str, fits: bool) -> None:
    if fits:
        assert _statement((on, "10")).rows[0].spent == Decimal("10.00")
    else:
        with pytest.raises(caopo.InvalidInputError, match="outside the statement"):
            _statement((on, "10"))


def test_a_statement_spans_at_most_sixty_years_before_any_work() -> None:
    # the bound is caopo's own (MAX_YEARS, professionalisation/ledger.py): 60 years refused
    # by name before a table is read; 59 get past the bound to the tables
    with pytest.raises(caopo.InvalidInputError, match="first_year"):
        caopo.budget_statement("director", first_year=2000, last_year=2060, saving_agreed=True)
    with pytest.raises(caopo.CaopoError) as caught:
        caopo.budget_statement("director", first_year=2000, last_year=2059, saving_agreed=True)
    assert "first_year" not in str(caught.value)


@pytest.mark.parametrize("item", [("2022-03-01", "10", "extra"), ["2022-03-01"]])
def test_a_spending_is_exactly_a_pair(item: object) -> None:
    with pytest.raises(caopo.InvalidInputError, match="pair"):
        _statement(item)  # type: ignore[arg-type]


def test_usable_years_when_unread_are_bounded_and_a_year_off_gets_nothing() -> None:
    # caopo's bound (MAX_USABLE_YEARS = 10): 11 is refused by name before any work
    with pytest.raises(caopo.InvalidInputError, match="usable_years_when_unread"):
        caopo.budget_statement(
            "director",
            first_year=2022,
            last_year=2022,
            saving_agreed=True,
            usable_years_when_unread=11,
        )
    # werktijdfactor 0: a year without employment grants nothing (fte allows 0 here)
    row = caopo.budget_statement(
        "director", first_year=2022, last_year=2022, saving_agreed=True, fte=0
    ).rows[0]
    assert row.granted == 0
