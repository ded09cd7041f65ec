"""A director's scale with no table in force and none to project from (D12 from 2022-07-01:
the +4,75 % of that date has no shipped school-leader table, docs/data.md section 2.2) is
refused, with what to do; with the official table loaded as the user's own, it is priced
(issue 14: ``annual_income(projection=True)`` for a D12 director in August 2023)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from tests._helpers import user_tables

LEADERS = """\
kind: salary_scales
table: school_leaders
title: "Test table: D12 trede 1 (amount for the test only)"
effective_from: 2023-07-01
cao: "test"
status: published
coverage: partial
sources: [{title: "test fixture"}]
cells:
  "D12": {1: 4000}
"""


def test_d12_in_august_2023_has_nothing_to_project_from_and_says_what_to_do() -> None:
    director = caopo.Employment("D12", 1, start="2023-08-01", step_increase=False)
    with pytest.raises(caopo.UnknownScaleError) as caught:
        caopo.annual_income(director, year=2023, projection=True)
    message = str(caught.value)
    assert "no earlier table holds D12 trede 1 to project from" in message
    assert "caopo.use_tables" in message


def test_d12_is_priced_from_a_table_the_user_loads(tmp_path: Path) -> None:
    (tmp_path / "school_leaders_2023-07-01.yaml").write_text(LEADERS, encoding="utf-8")
    director = caopo.Employment("D12", 1, start="2023-08-01", step_increase=False)
    with user_tables(tmp_path):
        income = caopo.annual_income(director, year=2023, projection=True, strict=False)
    assert income.months[0].amount("salaris") == Decimal("4000.00")
