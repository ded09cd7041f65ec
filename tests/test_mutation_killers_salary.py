"""Tests written to kill surviving mutants of the salary lookup (issue 14, item 7).

``scripts/mutate.py salary`` mutates ``caopo/salary_scales/salary.py``; its warm path keeps
remembered parser answers (``_KEYS``, ``_DAYS``, ``_FTES``) and remembered results per catalog
snapshot. Each test rests on a published figure or an invariant: the warm path answers what
the cold path answers, ``salary() == salary_detail().amount``, a cache is bounded and never
outlives ``use_tables``, and a bool is never read as 1.

Published cells (data/scales/teachers_2024-10-01.yaml, ambtenarensalaris.nl "Salarisschalen
primair onderwijs per 01-10-2024"): LB trede 1 EUR 3.463, trede 5 EUR 3.868, trede 12
EUR 5.277.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog import state
from caopo.errors import (
    CaopoError,
    NoDataForDateError,
    NotPublishedError,
    StepOutOfRangeError,
    UnknownScaleError,
)
from caopo.salary_scales import salary as lookup
from tests._helpers import TEACHERS, user_tables

LB_2024 = {1: Decimal(3463), 5: Decimal(3868), 12: Decimal(5277)}

# --------------------------------------------------------------- the memo is bounded and keeps


def test_the_memo_keeps_what_it_remembered_and_never_exceeds_its_limit() -> None:
    # Kills `len(cache) >= _MEMO_LIMIT` negated (every answer forgotten at once) and `>=` -> `>`
    # (one entry over the bound): a remembered answer stays until the bound is reached.
    cache: dict[int, int] = {}
    for number in range(lookup._MEMO_LIMIT + 10):
        assert lookup._memo(cache, number, partial(int.__mul__, number, 2)) == number * 2
        assert len(cache) <= lookup._MEMO_LIMIT
    assert cache[lookup._MEMO_LIMIT + 9] == 2 * (lookup._MEMO_LIMIT + 9)
    assert cache[lookup._MEMO_LIMIT + 8] == 2 * (lookup._MEMO_LIMIT + 8)


def test_plain_inputs_are_remembered_after_one_lookup() -> None:
    # the warm path only works if the parsers' answers are remembered (`_cell_key`, `_day`,
    # `_fte` with their type tests): after one lookup the three answers are there.
    for remembered in (lookup._KEYS, lookup._DAYS, lookup._FTES):
        remembered.clear()
    assert caopo.salary("lb", "5", on="2024-11-01", fte="0.8") == Decimal("3094.40")
    assert lookup._KEYS[("lb", "5")] == ("LB", 5)
    assert lookup._DAYS["2024-11-01"] == date(2024, 11, 1)
    assert lookup._FTES["0.8"] == Decimal("0.8")
    assert caopo.salary("lb", "5", on="2024-11-01", fte=Decimal("0.80")) == Decimal("3094.40")
    assert lookup._FTES["0.80"] == Decimal("0.80")


# --------------------------------------------------------------- warm path == cold path


@pytest.mark.parametrize("step", sorted(LB_2024))
@pytest.mark.parametrize("fte", ["1", "0.8", Decimal("0.6"), 1, "1.2"])
def test_warm_and_cold_answers_agree_with_the_published_cells(step: int, fte: object) -> None:
    # LB on 2024-11-01 at the published cell times the werktijdfactor, rounded once
    expected = (LB_2024[step] * Decimal(str(fte))).quantize(Decimal("0.01"))
    for _ in range(2):  # cold, then warm
        assert caopo.salary("LB", step, on="2024-11-01", fte=fte) == expected  # type: ignore[arg-type]
        assert caopo.salary_detail("LB", step, on="2024-11-01", fte=fte).amount == expected  # type: ignore[arg-type]
        assert caopo.salary("LB", str(step), on=date(2024, 11, 1), fte=fte) == expected  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    step=st.integers(1, 12),
    day=st.dates(date(2024, 10, 1), date(2025, 10, 31)),
    fte=st.decimals("0.01", "1.2", places=2),
    as_text=st.booleans(),
)
def test_salary_is_salary_detail_amount(step: int, day: date, fte: Decimal, as_text: bool) -> None:
    on: date | str = day.isoformat() if as_text else day
    given_fte: Decimal | str = str(fte) if as_text else fte
    detail = caopo.salary_detail("LB", step, on=on, fte=given_fte)
    assert caopo.salary("LB", step, on=on, fte=given_fte) == detail.amount
    assert detail.full_time_amount == caopo.salary("LB", step, on=on)
    assert detail.effective_from == date(2024, 10, 1)
    assert detail.effective_until == date(2025, 11, 1)


# --------------------------------------------------------------- a bool is never 1, junk raises


@pytest.mark.parametrize(
    ("scale", "step", "on", "fte"),
    [
        ("LB", True, "2024-11-01", 1),
        (True, 5, "2024-11-01", 1),
        ("LB", 5, "2024-11-01", True),
        ("LB", 5, ["2024-11-01"], 1),
        ("LB", 5, "2024-11-01", [1]),
        ("LB", [5], "2024-11-01", 1),
        (["LB"], 5, "2024-11-01", 1),
        ("LB", 5, 20241101, 1),
        ("LB", 5, "2024-11-01", 1.0),
    ],
)
def test_junk_and_bools_are_refused_after_the_plain_answers_are_remembered(
    scale: object, step: object, on: object, fte: object
) -> None:
    # `True == 1` and `hash(True) == hash(1)`: a remembered answer for step 1 or fte 1 must
    # never answer a bool; an unhashable value must reach the parser, not a dict lookup.
    for call in (caopo.salary, caopo.salary_detail):
        call("LB", 1, on="2024-11-01", fte=1)
        with pytest.raises(CaopoError):
            call(scale, step, on=on, fte=fte)  # type: ignore[arg-type]


# --------------------------------------------------------------- a cache never outlives use_tables


def test_no_remembered_answer_survives_use_tables_or_reset(tmp_path: Path) -> None:
    (tmp_path / "teachers.yaml").write_text(TEACHERS, encoding="utf-8")
    for _ in range(2):
        assert caopo.salary("LB", 5, on="2024-11-01") == Decimal("3868.00")
        assert caopo.salary_detail("LB", 5, on="2024-11-01").amount == Decimal("3868.00")
    with user_tables(tmp_path, replace=True):
        for _ in range(2):
            assert caopo.salary("LB", 5, on="2024-11-01") == Decimal("5.00")
            assert caopo.salary_detail("LB", 5, on="2024-11-01").amount == Decimal("5.00")
            with pytest.raises(NotPublishedError, match="partial table"):
                caopo.salary("LB", 1, on="2024-11-01")
    assert caopo.salary("LB", 5, on="2024-11-01") == Decimal("3868.00")
    assert caopo.salary_detail("LB", 5, on="2024-11-01").amount == Decimal("3868.00")


def test_a_remembered_answer_is_the_same_answer_until_the_tables_change() -> None:
    # the snapshot remembers results of plain inputs: the second call returns the first
    # answer itself; reset_tables starts a new snapshot with nothing remembered
    first = caopo.salary_detail("LB", 12, on="2024-11-01", fte="0.5")
    assert first.amount == Decimal("2638.50")  # 5277 x 0,5
    other = caopo.salary_detail("LB", 1, on="2024-11-01")
    assert caopo.salary_detail("LB", 12, on="2024-11-01", fte="0.5") is first
    assert caopo.salary_detail("LB", 1, on="2024-11-01") is other
    caopo.reset_tables()
    again = caopo.salary_detail("LB", 12, on="2024-11-01", fte="0.5")
    assert again == first and again is not first


def test_the_warm_path_answers_from_memory_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # once plain inputs were read, salary() reads the remembered scale, step and fte and one
    # index cell: the parsers and the cold lookup are not called again, and the answer is the
    # published cell times the werktijdfactor (LB trede 5 EUR 3.868 x 0,8)
    for fte in ("0.8", Decimal("0.8"), 1):
        expected = (Decimal(3868) * Decimal(fte)).quantize(Decimal("0.01"))
        assert caopo.salary("LB", 5, on=date(2024, 11, 1), fte=fte) == expected
        with monkeypatch.context() as patched:
            for name in ("_cell_key", "_day", "_fte", "_find"):
                patched.setattr(lookup, name, _not_called)
            assert caopo.salary("LB", 5, on=date(2024, 11, 1), fte=fte) == expected
        detail = caopo.salary_detail("LB", 5, on="2024-11-01", fte=fte)
        with monkeypatch.context() as patched:
            patched.setattr(lookup, "_find", _not_called)
            assert caopo.salary_detail("LB", 5, on="2024-11-01", fte=fte) is detail


def _not_called(*args: object) -> None:
    raise AssertionError(f"the warm path called the cold path with {args}")


def test_the_remembered_answers_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    caopo.reset_tables()
    monkeypatch.setattr(state, "ANSWERS_LIMIT", 3)
    for step in range(1, 8):
        caopo.salary_detail("LB", step, on="2024-11-01")
        assert len(state.current().answers) <= 3
    caopo.reset_tables()


def test_a_signalling_nan_fte_is_refused_not_hashed() -> None:
    # hash(Decimal("sNaN")) raises TypeError: the fte is remembered by its text
    for call in (caopo.salary, caopo.salary_detail):
        with pytest.raises(CaopoError, match="not a finite number"):
            call("LB", 5, on="2024-11-01", fte=Decimal("sNaN"))


def test_no_salary_table_in_force_names_where_each_table_starts() -> None:
    # the first shipped versions: teachers 2018-09-01, school leaders 2007-01-01
    shipped = "shipped: teachers from 2018-09-01; school_leaders from 2007-01-01"
    with pytest.raises(NoDataForDateError, match=shipped):
        caopo.salary("LB", 5, on="1990-01-01")


def test_no_salary_table_known_on_a_day_names_that_day() -> None:
    with pytest.raises(NoDataForDateError, match="in force on 2019-01-01 as known on 2000-01-01"):
        caopo.salary_detail("L10", 1, on="2019-01-01", as_known_on="2000-01-01")
    with pytest.raises(NoDataForDateError) as info:
        caopo.salary_detail("L10", 1, on="2000-01-01")
    assert "as known on" not in str(info.value)


def test_as_known_on_is_never_answered_from_remembered_results() -> None:
    # L10 trede 1: EUR 2.678 from 2020-01-01 and EUR 2.738 from 2021-01-01, the latter known
    # from 2021-11-04 (data/scales/teachers_2021-01-01.yaml)
    assert caopo.salary_detail("L10", 1, on="2021-06-01").amount == Decimal("2738.00")
    early = caopo.salary_detail("L10", 1, on="2021-06-01", as_known_on="2021-11-03")
    assert early.amount == Decimal("2678.00") and early.effective_from == date(2020, 1, 1)
    assert early.effective_until is None  # on 2021-11-03 no successor was known
    assert caopo.salary_detail("L10", 1, on="2021-06-01").amount == Decimal("2738.00")


# --------------------------------------------------------------- why there is no amount


@pytest.mark.parametrize(
    ("scale", "step", "on", "error", "words"),
    [
        (
            "LB",
            5,
            "2022-08-01",
            NotPublishedError,
            "partial table; published steps of LB: 1, 10, 12",
        ),
        ("LB", 13, "2024-11-01", StepOutOfRangeError, "its steps are 1, 2, 3"),
        ("LA", 5, "2024-11-01", UnknownScaleError, "LB, LC, LD, LE (teachers 2024-10-01)"),
        ("LB", 5, "1990-01-01", NoDataForDateError, "no salary table is in force on 1990-01-01"),
    ],
)
def test_each_gap_raises_its_own_error_and_cell_reports_it(
    scale: str, step: int, on: str, error: type[CaopoError], words: str
) -> None:
    for _ in range(2):
        with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")):
            caopo.salary(scale, step, on=on)
        with pytest.raises(error):
            caopo.salary_detail(scale, step, on=on)
    found = lookup.cell(scale, step, date.fromisoformat(on))
    assert found.amount is None and found.status is None and found.reason is not None
    assert found.reason.startswith(f"{scale} trede {step} on {on}")
    assert words in found.reason


def test_cell_names_the_table_holding_the_scale_or_none() -> None:
    assert lookup.cell("LB", 13, date(2024, 11, 1)).table == "teachers 2024-10-01"
    assert lookup.cell("LA", 5, date(2024, 11, 1)).table is None
    held = lookup.cell("LB", 5, date(2024, 11, 1))
    assert held.amount == Decimal(3868) and held.table == "teachers 2024-10-01"
    assert held.status == "published" and held.reason is None and held.sources


def test_scales_and_steps_on_a_day() -> None:
    caopo.reset_tables()  # the first lookup of a fresh snapshot builds the index
    # the teacher scales of the 2024-10-01 table (VO tables since 2022-01-01) and the
    # directors' scales, teachers first
    assert lookup.scales(on="2024-11-01")[:4] == ("LB", "LC", "LD", "LE")
    assert lookup.steps("LB", on="2024-11-01") == tuple(range(1, 13))
    with pytest.raises(NoDataForDateError):
        lookup.scales(on="1990-01-01")
    with pytest.raises(NoDataForDateError):
        lookup.steps("LB", on="1990-01-01")
    with pytest.raises(UnknownScaleError, match="LB, LC, LD, LE"):
        lookup.steps("LA", on="2024-11-01")


def test_version_holding_finds_the_version_with_the_scale() -> None:
    caopo.reset_tables()
    held = lookup.version_holding("LB", date(2024, 11, 1))
    assert held is not None and lookup.table_label(held) == "teachers 2024-10-01"
    assert lookup.version_holding("LA", date(2024, 11, 1)) is None
