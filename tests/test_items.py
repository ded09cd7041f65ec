"""Lists and mappings given as input are bounded before any work is done (issue 14, Deliver
1: "Counts are bounded (... list lengths) before any work is done"): one reader,
:mod:`caopo.items`, refuses a longer list with an InvalidInputError that names the input
and the bound, and reads a generator only up to one item past the bound."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import caopo
from caopo.errors import InvalidInputError
from caopo.items import (
    MAX_DATES,
    MAX_MONTHS,
    MAX_ROWS,
    MAX_SPENDINGS,
    MAX_YEAR_ENTRIES,
    to_items,
    to_pairs,
)


@given(st.lists(st.integers(), max_size=30), st.integers(min_value=0, max_value=30))
def test_to_items_reads_a_list_up_to_its_bound_and_refuses_one_more(
    values: list[int], at_most: int
) -> None:
    if len(values) <= at_most:
        assert to_items(values, name="x", at_most=at_most, expected="a list") == tuple(values)
    else:
        with pytest.raises(InvalidInputError, match=f"x has {len(values)} items; at most"):
            to_items(values, name="x", at_most=at_most, expected="a list")


def test_an_endless_generator_is_read_only_one_past_the_bound() -> None:
    counter = itertools.count()
    with pytest.raises(InvalidInputError, match="more than 5 items"):
        to_items(counter, name="months", at_most=5, expected="a list")
    assert next(counter) == 6  # items 0..5 read: one past the bound, then stopped


@pytest.mark.parametrize("junk", ["2021-01", b"x", {"2021-01": 1}, 7, None])
def test_to_items_refuses_what_is_not_a_list(junk: object) -> None:
    with pytest.raises(InvalidInputError, match="months must be a list of months"):
        to_items(junk, name="months", at_most=10, expected="a list of months")


def test_to_pairs_reads_a_mapping_and_refuses_a_longer_one_or_a_list() -> None:
    assert to_pairs({2024: 180}, name="d", at_most=1, expected="a mapping") == ((2024, 180),)
    with pytest.raises(InvalidInputError, match="d has 2 items; at most 1"):
        to_pairs({2024: 1, 2025: 2}, name="d", at_most=1, expected="a mapping")
    with pytest.raises(InvalidInputError, match="d must be a mapping"):
        to_pairs([(2024, 180)], name="d", at_most=1, expected="a mapping")


def test_the_documented_bounds() -> None:
    # input guards, not CAO figures: a hundred years of months, and far above real use
    assert (MAX_MONTHS, MAX_SPENDINGS, MAX_ROWS, MAX_YEAR_ENTRIES, MAX_DATES) == (
        1_200, 10_000, 100_000, 200, 1_000,
    )  # fmt: skip


TEACHER = caopo.Employment("L11", 15, start="2021-01-01")

CALLS: dict[str, tuple[Callable[[list[Any]], object], int]] = {
    "months": (
        lambda items: caopo.back_pay(
            TEACHER, paid_as_known_on="2021-06-30", owed_as_known_on="2021-12-31", months=items
        ),
        MAX_MONTHS,
    ),
    "spending": (
        lambda items: caopo.budget_statement(
            "teacher", first_year=2022, last_year=2023, saving_agreed=False, spending=items
        ),
        MAX_SPENDINGS,
    ),
    "staff": (
        lambda items: caopo.functiemix(items, sector="bao", on="2015-03-01"),
        MAX_ROWS,
    ),
    "members": (
        lambda items: caopo.avs_contribution(items, school_year="2014-2015"),
        MAX_ROWS,
    ),
    "reregistered": (
        lambda items: caopo.register_status("2016-03-01", on="2021-01-01", reregistered=items),
        MAX_DATES,
    ),
}
"""Public functions that take a list: the input's name in the error, and its bound."""


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_list_past_its_bound_is_refused_before_any_item_is_read(name: str) -> None:
    call, bound = CALLS[name]
    # junk items: had one been parsed, the error would name the item, not the count
    with pytest.raises(InvalidInputError, match=rf"{name} has {bound + 1} items; at most"):
        call(["junk"] * (bound + 1))


def test_a_mapping_of_years_past_its_bound_is_refused() -> None:
    many = {year: 1 for year in range(1800, 1800 + MAX_YEAR_ENTRIES + 1)}
    with pytest.raises(InvalidInputError, match="days_worked has 201 items"):
        caopo.Employment("L10", 1, start="2024-08-01", days_worked=many)
    with pytest.raises(InvalidInputError, match="fte has 201 items"):
        caopo.budget_statement(
            "teacher", first_year=2022, last_year=2023, saving_agreed=False, fte=many
        )
