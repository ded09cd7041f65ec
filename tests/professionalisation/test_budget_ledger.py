"""The carry-over ledger: worked examples and properties (hypothesis)."""

from __future__ import annotations

import contextlib
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.cli import main
from caopo.errors import CaopoError, InvalidInputError, OverspendingError
from caopo.professionalisation.ledger import BudgetStatement

D = Decimal


def test_rules_example_old_regime() -> None:
    # RULES.md §2a example: director, nothing spent 2020-2023, saving agreed, old regime
    # ("save three years, lapse when not spent within four"): the 2020 budget (EUR 3.100) is
    # still usable in 2023 and lapses after 2023; 2021's EUR 3.100 after 2024. The old
    # reading of the lapse year is usable_years_when_unread=4.
    s = caopo.budget_statement(
        "director", first_year=2020, last_year=2024, saving_agreed=True, usable_years_when_unread=4
    )
    assert s.row(2022).lapses == ()
    assert [(lapse.origin_year, lapse.amount, lapse.on) for lapse in s.row(2023).lapses] == [
        (2020, D("3100"), date(2023, 12, 31))
    ]
    assert [(lapse.origin_year, lapse.amount) for lapse in s.row(2024).lapses] == [
        (2021, D("3100"))
    ]
    assert s.row(2023).lapses[0].to == "het algemene scholingsbudget van de school"


def test_regime_change_2023_default_reading() -> None:
    # From CAO PO 2023-2024 (2023-05-01) four years of saving: on 2023-12-31 the new rule is
    # in force, so the 2020 budget survives 2023 and lapses at the end of 2024 (5 usable
    # years, the derived reading). The 2019 budget lapsed at the end of 2022 (old rule).
    s = caopo.budget_statement("director", first_year=2019, last_year=2024, saving_agreed=True)
    assert [(x.origin_year, x.amount) for x in s.row(2022).lapses] == [(2019, D("3000"))]
    assert s.row(2023).lapses == ()
    assert s.row(2023).lapses_next[0].origin_year == 2020
    assert s.row(2023).lapses_next[0].on == date(2024, 12, 31)
    assert [(x.origin_year, x.amount) for x in s.row(2024).lapses] == [(2020, D("3100"))]


def test_without_saving_everything_lapses_in_its_year() -> None:
    s = caopo.budget_statement(
        "teacher",
        first_year=2020,
        last_year=2022,
        fte="0.5",
        saving_agreed=False,
        spending=[("2020-05-01", "100")],
    )
    # 0.5 x 600 = 300 granted in 2020, 100 spent, 200 lapse at the end of 2020
    assert s.row(2020).lapsed_total == D("200")
    assert s.row(2022).lapsed_total == D("250")  # 0.5 x 500
    assert all(row.closing_balance == 0 for row in s.rows)
    # teachers: where lapsed money goes is not stated in the sources
    assert "not stated" in s.row(2020).lapses[0].to


def test_oldest_budget_first() -> None:
    s = caopo.budget_statement(
        "director",
        first_year=2019,
        last_year=2021,
        saving_agreed=True,
        spending=[("2021-02-01", "4000")],
    )
    # 3000 (2019) first, then 1000 of 2020's 3100
    assert s.row(2021).spent_by_origin == ((2019, D("3000")), (2020, D("1000")))
    assert dict(s.row(2021).closing_by_origin) == {2020: D("2100"), 2021: D("3100")}


def test_overspending_is_reported_and_check_raises() -> None:
    s = caopo.budget_statement(
        "teacher",
        first_year=2022,
        last_year=2022,
        saving_agreed=True,
        spending=[("2022-03-01", "300"), ("2022-09-01", "350")],
    )
    assert s.spent == D("500")
    assert s.unfunded == D("150")
    assert s.row(2022).spending[1].unfunded == D("150")
    assert s.granted == s.spent + s.balance + s.lapsed
    with pytest.raises(OverspendingError, match="150"):
        s.check()


def test_fte_per_year() -> None:
    s = caopo.budget_statement(
        "teacher",
        first_year=2020,
        last_year=2022,
        fte={2020: "1", 2021: "0.8", 2022: "0"},
        saving_agreed=True,
    )
    assert [row.granted for row in s.rows] == [D("600"), D("480"), D("0")]
    with pytest.raises(InvalidInputError, match="missing"):
        caopo.budget_statement(
            "teacher", first_year=2020, last_year=2022, fte={2020: "1"}, saving_agreed=True
        )


@pytest.mark.parametrize(
    ("spending", "words"),
    [
        ([("2018-12-31", "10")], "outside"),
        ([("2020-01-01", "-5")], "positive"),
        ([("2020-01-01", "1.005")], "two decimals"),
        ([("2020-01-01", 1.5)], "float"),
        ([("yesterday", "1")], "'yesterday'"),
        ("2020-01-01=5", "pairs"),
    ],
)
def test_bad_spending(spending: object, words: str) -> None:
    with pytest.raises(InvalidInputError, match=words):
        caopo.budget_statement(
            "director",
            first_year=2019,
            last_year=2020,
            saving_agreed=True,
            spending=spending,  # type: ignore[arg-type]
        )


# ---------------------------------------------------------------- properties

YEARS = st.integers(min_value=2014, max_value=2027)


@st.composite
def histories(
    draw: st.DrawFn,
) -> tuple[str, int, int, bool, list[tuple[date, Decimal]], int | None, dict[int, str]]:
    category = draw(st.sampled_from(["director", "teacher", "support_staff"]))
    low = 2013 if category == "director" else 2020
    first = draw(st.integers(min_value=low, max_value=2026))
    last = draw(st.integers(min_value=first, max_value=min(first + 7, 2027)))
    saving = draw(st.booleans())
    n_days = (date(last + 1, 1, 1) - date(first, 1, 1)).days
    spending = draw(
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=n_days - 1).map(
                    lambda d: date(first, 1, 1) + timedelta(days=d)
                ),
                st.integers(min_value=1, max_value=700_000).map(lambda c: D(c) / 100),
            ),
            max_size=12,
        )
    )
    unread = draw(st.sampled_from([None, 4, 5]))
    fte = {
        year: draw(st.sampled_from(["0", "0.4", "0.6123", "1", "1.2"]))
        for year in range(first, last + 1)
    }
    return category, first, last, saving, spending, unread, fte


@settings(max_examples=60, deadline=None)
@given(histories())
def test_ledger_properties(
    history: tuple[str, int, int, bool, list[tuple[date, Decimal]], int | None, dict[int, str]],
) -> None:
    category, first, last, saving, spending, unread, fte = history
    s: BudgetStatement = caopo.budget_statement(
        category,
        first_year=first,
        last_year=last,
        saving_agreed=saving,
        fte=fte,
        spending=spending,
        usable_years_when_unread=unread,
    )
    # money is conserved, in total and per row
    assert s.granted == s.spent + s.balance + s.lapsed
    assert s.spent + s.unfunded == sum((amount for _, amount in spending), D(0))
    for row in s.rows:
        assert (
            row.opening_balance + row.granted == row.spent + row.lapsed_total + row.closing_balance
        )
        # nothing is negative
        assert all(amount > 0 for _, amount in row.closing_by_origin)
        assert all(lapse.amount > 0 for lapse in row.lapses)
        assert row.unfunded >= 0
        # nothing outlives its horizon
        for origin, _ in row.closing_by_origin:
            assert row.year - origin + 1 < row.usable_years
        if not saving:
            assert row.closing_balance == 0
        # overspending only when nothing was left
        if row.unfunded:
            assert row.closing_by_origin == ()
        # the 2023 regime is applied from its date
        if category == "director" and saving:
            expected = 4 if row.period_end <= date(2023, 5, 1) else (unread or 5)
            assert row.usable_years == expected


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=8), st.one_of(st.text(max_size=6), st.integers(), st.floats()))
def test_junk_raises_only_caopo_errors(category: str, year: object) -> None:
    with contextlib.suppress(CaopoError):
        caopo.budget_statement(category, first_year=year, last_year=year, saving_agreed=True)


def test_cli_statement(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "budget",
            "--category",
            "director",
            "--from-year",
            "2019",
            "--to-year",
            "2026",
            "--saving-agreed",
            "--spend",
            "2022-03-01=2500",
            "--json",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    data = json.loads(out)["result"]
    assert [row["year"] for row in data["rows"]] == list(range(2019, 2027))
    assert data["rows"][1]["granted"] == "3100.00"
    status = main(
        [
            "budget",
            "--category",
            "director",
            "--from-year",
            "2019",
            "--to-year",
            "2022",
            "--saving-agreed",
            "--spend",
            "2022-03-01=99999",
        ]
    )
    out = capsys.readouterr().out
    assert status == 1  # an unfunded balance fails the command (--report-only: 0)
    assert "unfunded" in out


def test_default_pro_rata_reading_is_stated_once_from_the_year_that_used_it() -> None:
    # 2020-2022 read the director rule in a source; only 2016-2019 (CAO PO 2016-2017,
    # unread) use caopo's default. The statement quotes that year's reading.
    later = caopo.budget_statement("director", first_year=2020, last_year=2022, saving_agreed=True)
    assert not any("not stated" in reading for reading in later.readings)
    both = caopo.budget_statement("director", first_year=2019, last_year=2020, saving_agreed=True)
    assert [r.grant.pro_rata_basis for r in both.rows] == ["default", "source"]
    assert sum("not stated for this edition" in reading for reading in both.readings) == 1


def test_statement_status_counts_the_derived_lapse_horizon() -> None:
    # staff usable_years (4) is derived from "save three years"; it decides the lapses
    # only when saving was agreed.
    saved = caopo.budget_statement("teacher", first_year=2022, last_year=2022, saving_agreed=True)
    assert saved.status == "derived"
    assert saved.row(2022).grant.status == "published"
    spent = caopo.budget_statement("teacher", first_year=2022, last_year=2022, saving_agreed=False)
    assert spent.status == "published"
