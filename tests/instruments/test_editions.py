"""caopo.compare_editions: the seed's onderhandelaarsakkoord table (A10..D14) as published,
its pair of dates, and the change computed from complete tables where they exist."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.errors import InvalidInputError, NoEquivalenceError, NotPublishedError
from tests._helpers import user_tables

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "004_27ca8b459618e034.txt"


def test_a12_shows_the_published_figures_and_which_tables_are_missing() -> None:
    # Seed 004 (AVS FAQ on the onderhandelaarsakkoord): A12 'het perspectief ... neemt met
    # 600 euro per maand toe en het aantal treden in de schaal neemt met 3 af'.
    change = caopo.compare_editions("A12", before="2021-12-31", after="2022-01-01")
    assert change.computed is None
    published = change.published
    assert published is not None and published.status == "published"
    assert published.perspective_change_eur_per_month == Decimal(600)
    assert published.steps_change == -3 and published.years_to_top == "3 years earlier"
    assert published.income_increase_eur_per_year == Decimal(7618)
    assert published.increase_range_pct == (Decimal("8.4"), Decimal("15.2"))
    assert [m.split(" (")[0] for m in change.missing_tables] == [
        "a complete A12 table in force on 2021-12-31",
        "a complete A12 table in force on 2022-01-01",
    ]
    assert change.status == "published"


@pytest.mark.parametrize(
    ("scale", "perspective", "years", "steps"),
    [
        # Seed 004, the table and the text below it.
        ("A10", 160, -2, None),
        ("A11", 553, 1, None),
        ("D11", 116, 3, 3),
        ("D12", 133, -3, None),
        ("D13", 145, -3, -3),
        ("D14", 531, -7, None),
    ],
)
def test_every_published_row(scale: str, perspective: int, years: int, steps: int | None) -> None:
    (published,) = caopo.published_changes(scale)
    assert published.perspective_change_eur_per_month == Decimal(perspective)
    assert (published.years_to_top_change, published.steps_change) == (years, steps)
    assert (published.footnote is not None) == (scale in ("D12", "D13"))


def test_the_printed_rows_are_the_seed_text() -> None:
    if not SEED.exists():
        pytest.skip("the shared seed documents are not next to this checkout")
    text = SEED.read_text(encoding="utf-8")
    for scale in ("A10", "A11", "A12", "D11", "D12", "D13", "D14"):
        (published,) = caopo.published_changes(scale)
        assert published.printed in text


def test_the_pair_of_dates_and_how_it_was_established() -> None:
    (published,) = caopo.published_changes("D11")
    assert (published.before_from, published.before_until) == (date(2021, 1, 1), date(2022, 1, 1))
    assert (published.after_from, published.after_until) == (date(2022, 1, 1), date(2022, 7, 1))
    assert "22 April 2022" in published.akkoord
    assert "salarisperspectiefgarantie" in published.identification
    # Before the CAO PO 2021 tables (the +2,25 % of 2021-01-01) the published figures do not hold.
    with pytest.raises(NotPublishedError, match="no published comparison covers"):
        caopo.compare_editions("A12", before="2020-09-01", after="2022-01-01")


def test_outside_the_pair_and_without_tables_it_raises_naming_the_tables() -> None:
    with pytest.raises(NotPublishedError, match="a complete A12 table in force on 2022-08-01"):
        caopo.compare_editions("A12", before="2021-12-31", after="2022-08-01")


def test_renames_are_followed_and_lapses_raise() -> None:
    with pytest.raises(NotPublishedError, match="L10 on 2021-12-31 against LB on 2022-01-01"):
        caopo.compare_editions("L10", before="2021-12-31", after="2022-01-01")
    with pytest.raises(NotPublishedError, match="L10 on 2021-12-31 against LB"):
        caopo.compare_editions("LB", before="2021-12-31", after="2022-01-01")
    with pytest.raises(NoEquivalenceError):
        caopo.compare_editions("DB", before="2019-01-01", after="2021-01-01")
    with pytest.raises(InvalidInputError, match="earlier"):
        caopo.compare_editions("A12", before="2022-01-01", after="2021-12-31")


def test_complete_tables_are_compared() -> None:
    # teachers 2024-10-01 (ambtenarensalaris.nl, complete): LB trede 1 3.463, trede 12 5.277.
    change = caopo.compare_editions("LB", before="2024-10-01", after="2025-11-01")
    computed = change.computed
    assert computed is not None and change.missing_tables == () and change.published is None
    assert (computed.earlier.minimum, computed.earlier.maximum) == (Decimal(3463), Decimal(5277))
    assert computed.earlier.steps == 12 and computed.steps_change == 0
    assert computed.earlier.increase_per_step == Decimal("164.91")  # (5277 - 3463) / 11
    after_top = caopo.salary("LB", 12, on="2025-11-01")
    assert computed.perspective_change == after_top - Decimal(5277)
    assert change.status == computed.status == "provisional"  # the 2025 raise is provisional


_USER_TABLE = """\
kind: salary_scales
table: my_school_leaders
title: "Own A12 table (fictional figures for a test)"
effective_from: {start}
cao: "test"
status: published
coverage: complete
sources:
  - title: "test fixture, not a real table"
cells:
  "A12": {cells}
"""


def test_a_users_tables_let_it_compute_next_to_the_published_figures(tmp_path: Path) -> None:
    (tmp_path / "my_school_leaders_2021-01-01.yaml").write_text(
        _USER_TABLE.format(start="2021-01-01", cells="{1: 3000, 2: 3100, 3: 3200, 4: 3300}")
    )
    (tmp_path / "my_school_leaders_2022-01-01.yaml").write_text(
        _USER_TABLE.format(start="2022-01-01", cells="{1: 3100, 2: 3500}")
    )
    with user_tables(tmp_path):
        change = caopo.compare_editions("A12", before="2021-12-31", after="2022-01-01")
    computed = change.computed
    assert computed is not None and change.published is not None and change.missing_tables == ()
    assert computed.perspective_change == Decimal(200)
    assert computed.steps_change == -2
    assert (computed.earlier.increase_per_step, computed.later.increase_per_step) == (
        Decimal("100.00"),
        Decimal("400.00"),
    )
