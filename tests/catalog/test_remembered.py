"""Remembered answers (caopo.catalog.state.remember) belong to one catalog snapshot: a new
snapshot (use_tables, reset_tables) never sees an answer worked out on another, and a key
keeps apart inputs that are equal but print differently."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.catalog.state import plain_key, remember
from tests._helpers import TEACHERS, user_tables


def test_no_remembered_answer_survives_use_tables_or_reset_tables(tmp_path: Path) -> None:
    (tmp_path / "teachers.yaml").write_text(TEACHERS, encoding="utf-8")
    employment = caopo.Employment("LB", 5, start="2025-01-01", step_increase=False)
    shipped = caopo.salary_detail("LB", 5, on="2025-01-01")
    shipped_year = caopo.annual_income(employment, year=2025)
    assert caopo.salary_detail("LB", 5, on="2025-01-01") is shipped
    with user_tables(tmp_path, replace=True):
        detail = caopo.salary_detail("LB", 5, on="2025-01-01")
        assert detail.full_time_amount == 5
        assert detail.sources[0].title == "test fixture"
        year = caopo.annual_income(employment, year=2025)
        assert year.months[0].amount("salaris") == Decimal("5.00")
    assert caopo.salary_detail("LB", 5, on="2025-01-01") == shipped
    assert caopo.annual_income(employment, year=2025) == shipped_year


def test_a_remembered_year_keeps_the_werktijdfactor_as_written() -> None:
    first = caopo.Employment("LB", 5, start="2025-01-01", fte=Decimal("0.8"))
    second = caopo.Employment("LB", 5, start="2025-01-01", fte=Decimal("0.80"))
    assert first == second  # equal decimals, so the key must keep their text apart
    assert str(caopo.annual_income(first, year=2025).months[0].fte) == "0.8"
    assert str(caopo.annual_income(second, year=2025).months[0].fte) == "0.80"
    assert str(caopo.salary_detail("LB", 5, on="2025-01-01", fte=Decimal("0.80")).fte) == "0.80"


def test_a_returned_year_is_a_fresh_copy_of_its_totals() -> None:
    employment = caopo.Employment("LB", 5, start="2025-01-01")
    caopo.annual_income(employment, year=2025).totals.clear()
    assert caopo.annual_income(employment, year=2025).totals


def test_plain_keys_keep_equal_values_of_other_types_apart() -> None:
    keys = [
        plain_key(1),
        plain_key(True),
        plain_key("1"),
        plain_key(Decimal("1")),
        plain_key(Decimal("1.0")),
    ]
    assert None not in keys
    assert len(set(keys)) == len(keys)
    assert plain_key("a", None, date(2025, 1, 1), caopo.Category.TEACHER) is not None


@pytest.mark.parametrize("value", [[1], {"a": 1}, 0.5, datetime(2025, 1, 1), object()])
def test_other_values_are_not_remembered(value: object) -> None:
    assert plain_key("x", value) is None
    calls: list[int] = []
    remember(None, lambda: calls.append(1))
    remember(None, lambda: calls.append(1))
    assert len(calls) == 2


def test_an_error_is_not_remembered() -> None:
    for _ in range(2):
        with pytest.raises(caopo.errors.CaopoError):
            caopo.salary_detail("LB", 99, on="2025-01-01")
