"""Career timelines (caopo.salary_scales.careers).

Dates and steps follow the rules with their sources (RULES.md section 4; the periodiek rule
of data/mappings/scale_transitions.yaml, sources ONSONDERWIJS and PORAAD-OMZETTING);
amounts are compared with the table lookup, never copied from caopo's output.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caopo
from caopo.cli import main
from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NotPublishedError,
    StepOutOfRangeError,
)
from caopo.salary_scales.careers import CareerRow, career_timeline
from caopo.salary_scales.codes import registry
from caopo.salary_scales.salary import salary_detail


def test_la_teacher_2017_timeline() -> None:
    rows = career_timeline("LA", 3, since="2017-08-01", until="2026-12-31", mode="lenient")
    by_day = {row.on: row for row in rows}
    assert (by_day[date(2018, 8, 1)].scale, by_day[date(2018, 8, 1)].step) == ("LA", 4)
    assert (by_day[date(2018, 9, 1)].scale, by_day[date(2018, 9, 1)].step) == ("L10", 4)
    assert (by_day[date(2021, 8, 1)].scale, by_day[date(2021, 8, 1)].step) == ("L10", 7)
    assert by_day[date(2022, 1, 1)].scale == "LB"
    assert all(row.status in ("published", "derived", "provisional") for row in rows)
    assert all(row.missing == (row.amount is None) for row in rows)
    assert all(row.reason for row in rows if row.amount is None)
    for year in range(2018, 2027):
        assert date(year, 8, 1) in by_day
    with pytest.raises(NotPublishedError, match="2017-08-01"):
        career_timeline("LA", 3, since="2017-08-01", until="2026-12-31", mode="strict")


def test_timeline_amounts_come_from_the_tables() -> None:
    rows = career_timeline("LB", 9, since="2024-10-01", until="2027-02-01", mode="strict")
    assert [r.step for r in rows if r.event.startswith("periodiek")] == [10, 11]
    for row in rows:
        assert row.step is not None
        assert row.amount == salary_detail(row.scale, row.step, on=row.on).full_time_amount


def test_periodiek_condition_is_a_parameter() -> None:
    rows = career_timeline(
        "LB",
        9,
        since="2024-10-01",
        until="2026-09-01",
        mode="strict",
        days_worked={2024: 59, 2025: 60},
    )
    steps = {row.on: row.step for row in rows}
    assert steps[date(2025, 8, 1)] == 9 and steps[date(2026, 8, 1)] == 10
    rows = career_timeline(
        "LB",
        9,
        since="2024-10-01",
        until="2025-09-01",
        mode="strict",
        days_worked={2024: 59},
        min_days=50,
    )
    assert {row.on: row.step for row in rows}[date(2025, 8, 1)] == 10
    with pytest.raises(InvalidInputError, match="2025-2026"):
        career_timeline(
            "LB", 9, since="2024-10-01", until="2026-09-01", mode="strict", days_worked={2024: 80}
        )


def test_lapse_ends_the_timeline() -> None:
    rows = career_timeline("DB", 3, since="2019-01-01", until="2021-01-01", mode="lenient")
    assert rows[-1].code_lapsed and rows[-1].event == "lapsed"
    assert rows[-1].amount is None and "FUWA PO" in (rows[-1].reason or "")
    assert all(not row.code_lapsed for row in rows[:-1])
    with pytest.raises(NotPublishedError, match="partial table"):
        career_timeline("DB", 3, since="2019-01-01", until="2021-01-01", mode="strict")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("LB", 3, "2024-10-01", "2025-01-01", "loose"), InvalidInputError),
        (("LB", 13, "2024-10-01", "2025-01-01", "strict"), StepOutOfRangeError),
        (("LB", 3, "2025-01-01", "2024-10-01", "strict"), InvalidInputError),
        (("LA", 3, "2019-01-01", "2020-01-01", "strict"), CaopoError),
    ],
)
def test_career_bad_input(args: tuple[str, int, str, str, str], error: type[Exception]) -> None:
    scale, step, since, until, mode = args
    with pytest.raises(error):
        career_timeline(scale, step, since=since, until=until, mode=mode)  # type: ignore[arg-type]


def test_the_first_periodiek_counts_from_the_start_date() -> None:
    # Periodiek rule (ONSONDERWIJS, PORAAD-OMZETTING): 60 days in the school year before.
    # Hired 2025-06-15: 47 days to 2025-07-31, so LB trede 5 stays on 2025-08-01.
    rows = career_timeline("LB", 5, since="2025-06-15", until="2025-09-01", mode="strict")
    steps = {row.on: row.step for row in rows}
    assert steps[date(2025, 8, 1)] == 5
    assert "47 days" in next(r.event for r in rows if r.on == date(2025, 8, 1))
    # Hired 2025-05-01: 92 days, so trede 6.
    rows = career_timeline("LB", 5, since="2025-05-01", until="2025-09-01", mode="strict")
    assert {row.on: row.step for row in rows}[date(2025, 8, 1)] == 6


def test_the_periodiek_stops_at_the_maximum() -> None:
    # LB has 12 treden (AMBT-PO-2024).
    rows = career_timeline("LB", 12, since="2024-10-01", until="2025-09-01", mode="strict")
    assert [r.step for r in rows] == [12, 12]
    assert "at the maximum" in rows[-1].event


@pytest.fixture
def tables(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    caopo.reset_tables()


def _fixture_table(folder: Path, start: str, status: str, cells: dict[str, dict[int, int]]) -> None:
    lines = [
        "kind: salary_scales",
        "table: teachers",
        f'title: "FIXTURE teachers {start}"',
        f"effective_from: {start}",
        'cao: "test"',
        f"status: {status}",
        "coverage: partial",
        "sources:",
        '  - {title: "FIXTURE, not a published figure"}',
        "cells:",
        *(f'  "{scale}": {{{", ".join(f"{k}: {v}" for k, v in steps.items())}}}'
          for scale, steps in cells.items()),
    ]  # fmt: skip
    (folder / f"teachers_{start}.yaml").write_text("\n".join(lines) + "\n")


def test_a_step_placed_by_a_provisional_table_stays_provisional(tables: Path) -> None:
    # FIXTURE amounts: L10 trede 7 = 3000 in a provisional 2021 table; 3000 x 1.008 x 1.02 =
    # 3084.48 lands on LB trede 4 (3100) of a published 2022 table.
    _fixture_table(tables, "2021-01-01", "provisional", {"L10": {7: 3000}})
    _fixture_table(tables, "2022-01-01", "published", {"LB": {3: 3000, 4: 3100}})
    caopo.use_tables(tables, replace=True)
    rows = career_timeline("L10", 7, since="2021-09-01", until="2022-03-01", mode="strict")
    assert [(r.scale, r.step, r.status) for r in rows] == [
        ("L10", 7, "provisional"),
        ("LB", 4, "provisional"),  # the 2022 table is published; the step rests on 2021's
    ]
    assert rows[-1].table_version == "teachers 2022-01-01"


# --------------------------------------------------------------------------- properties

CODES_2018 = ["L10", "L11", "L12"]
CODES_2024 = ["LB", "LC", "LD", "LE"]


def _max_step(row: CareerRow) -> int | None:
    period = registry().codes[row.scale].period(row.on)
    return period.steps or period.steps_at_least


def _check(rows: tuple[CareerRow, ...]) -> None:
    for row in rows:
        top = _max_step(row)
        if row.step is not None and top is not None:
            assert row.step <= top
    for before, after in pairwise(rows):
        assert before.on < after.on
        if before.step is not None and after.step is not None and "->" not in after.event:
            assert after.step >= before.step


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scale=st.sampled_from(CODES_2024),
    step=st.integers(1, 12),
    start=st.dates(date(2024, 10, 1), date(2026, 6, 1)),
    days=st.integers(1, 270),
    probe=st.integers(0, 10_000),
)
def test_career_properties_complete_tables(
    scale: str, step: int, start: date, days: int, probe: int
) -> None:
    end = start + timedelta(days=days)
    rows = career_timeline(scale, step, since=start, until=end, mode="lenient")
    _check(rows)
    # constant between events: on any day the row in force matches the table lookup,
    # and a career cut at that day ends in the same state
    day = start + timedelta(days=probe % (days + 1))
    current = [r for r in rows if r.on <= day][-1]
    assert current.step is not None
    if current.amount is None:  # a cell the shipped table leaves out (LE 12 of 2024-10-01)
        with pytest.raises(NotPublishedError):
            salary_detail(current.scale, current.step, on=day)
    else:
        assert current.amount == salary_detail(current.scale, current.step, on=day).full_time_amount
    cut = career_timeline(scale, step, since=start, until=day, mode="lenient")[-1]
    assert (cut.scale, cut.step, cut.amount, cut.table_version) == (
        current.scale, current.step, current.amount, current.table_version
    )  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scale=st.sampled_from(CODES_2018),
    step=st.integers(1, 15),
    start=st.dates(date(2018, 9, 1), date(2021, 12, 1)),
    years=st.integers(0, 6),
)
def test_career_properties_across_the_2022_conversion(
    scale: str, step: int, start: date, years: int
) -> None:
    end = date(start.year + years, 12, 31)
    rows = career_timeline(scale, step, since=start, until=end, mode="lenient")
    _check(rows)
    assert all(row.reason for row in rows if row.amount is None)


# --------------------------------------------------------------------------- CLI


def test_cli_career(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["career", "LA", "3", "--since", "2017-08-01", "--until", "2026-12-31"]
    assert main([*argv, "--mode", "lenient"]) == 0
    out = capsys.readouterr().out
    assert "L10" in out and "LB" in out and "same step: LA -> L10" in out and "why:" in out
    assert main(argv) == 3  # strict by default: no data for that cell
    assert "NotPublished" not in capsys.readouterr().err
    assert main([*argv, "--mode", "lenient", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["result"]["rows"]
    assert rows[0]["on"] == "2017-08-01" and rows[0]["amount"] is None
    assert rows[0]["missing"] is True and rows[0]["status"] == "provisional"  # a placeholder


@pytest.mark.parametrize(
    ("days_worked", "words"),
    [
        ({2024: "x"}, "days_worked[2024]"),
        ({2024: -5}, "days_worked[2024]"),
        ({"next": 60}, "days_worked year"),
        ([59, 60], "days_worked must be a mapping"),
    ],
)
def test_career_days_worked_are_checked_up_front(days_worked: Any, words: str) -> None:
    # refused before any row is written, even where no periodiek falls in the range
    with pytest.raises(InvalidInputError, match=re.escape(words)):
        career_timeline(
            "LB", 9, since="2024-10-01", until="2024-12-01", mode="strict", days_worked=days_worked
        )
