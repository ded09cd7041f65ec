"""Periodiek, conversions between CAO editions and career timelines (caopo.careers).

The published conversion examples (RULES.md section 4; shared/reference/scales/
cao-po_conversion-examples.csv) are the tests. Their amounts are typed from the sources
(AVS 'Rekenvoorbeelden onderhandelaarsakkoord', avs.nl/actueel/nieuws/rekenvoorbeelden-
onderhandelaarsakkoord/; PO-Raad 'Omzetting naar nieuwe salarisschalen') and loaded as test
tables; none is copied from caopo's output. Amounts marked FIXTURE are not published: they
only exercise the placement rule and are chosen to be obviously artificial.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caopo
from caopo.cli import main
from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NoEquivalenceError,
    NotPublishedError,
    StepOutOfRangeError,
    UnknownScaleError,
)
from caopo.salary_scales.careers import CareerRow, career_timeline, convert
from caopo.salary_scales.codes import _registry
from caopo.salary_scales.salary import salary_detail

AVS = "https://avs.nl/actueel/nieuws/rekenvoorbeelden-onderhandelaarsakkoord/"


def _table(
    folder: Path, name: str, start: str, cells: dict[str, dict[int, int]], **extra: str
) -> None:
    lines = [
        "kind: salary_scales",
        "table: school_leaders" if name.startswith("school") else f"table: {name}",
        f'title: "test table {name} {start}"',
        f"effective_from: {start}",
        *(f"{k}: {v}" for k, v in extra.items()),
        'cao: "test"',
        "status: published",
        "sources:",
        f'  - {{title: "Rekenvoorbeelden onderhandelaarsakkoord", url: "{AVS}"}}',
        "cells:",
    ]
    for scale, steps in cells.items():
        body = ", ".join(f"{s}: {a}" for s, a in steps.items())
        lines.append(f'  "{scale}": {{{body}}}')
    (folder / f"{name}_{start}.yaml").write_text("\n".join(x for x in lines if x) + "\n")


@pytest.fixture
def tables(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    caopo.reset_tables()


def _avs_tables(folder: Path, *, fixture_below: dict[str, int] | None = None) -> None:
    # AVS prints: A11 trede 14 EUR 4.345 and D12 trede 13 EUR 5.286 before the conversion;
    # A11 (VO) trede 12 EUR 4.470 and D12 (VO) trede 12 EUR 5.784 after it.
    before = {"A11": {14: 4345}, "D12": {13: 5286}}
    after: dict[str, dict[int, int]] = {"A11": {12: 4470}, "D12": {12: 5784}}
    for scale, amount in (fixture_below or {}).items():
        after[scale] = {11: amount, **after[scale]}
    _table(folder, "school_leaders", "2021-01-01", before, coverage="partial")
    _table(
        folder,
        "school_leaders",
        "2022-01-01",
        after,
        coverage="partial",
        effective_until="2022-07-01",
    )
    caopo.use_tables(folder, replace=True)


def test_avs_a11_example(tables: Path) -> None:
    _avs_tables(tables)
    result = convert("A11", 14, at="2022-01-01")
    assert (result.old_scale, result.old_step, result.old_amount) == ("A11", 14, Decimal(4345))
    assert (result.new_scale, result.new_step, result.new_amount) == ("A11", 12, Decimal(4470))
    # exact: 4345 x 1.008 x 1.02, no intermediate rounding
    assert result.target_amount == Decimal(4345) * Decimal("1.008") * Decimal("1.02")
    # AVS prints the rounded intermediates 4.380 and 4.467 ("getallen zijn afgerond")
    assert (Decimal(4345) * Decimal("1.008")).quantize(Decimal(1)) == 4380
    assert result.target_amount is not None
    assert result.target_amount.quantize(Decimal(1)) == 4467
    # only the printed cells are known, so the step comes from the published example
    assert result.placement == "published_example"
    assert any(s.url == AVS for s in result.sources)
    assert "trede(n) 1, 2" in result.notes[0]


def test_avs_d12_example(tables: Path) -> None:
    _avs_tables(tables)
    result = convert("D12", 13, at="2022-01-01")
    assert (result.new_scale, result.new_step, result.new_amount) == ("D12", 12, Decimal(5784))
    assert result.target_amount is not None
    assert (Decimal(5286) * Decimal("1.008")).quantize(Decimal(1)) == 5328
    assert result.target_amount.quantize(Decimal(1)) == 5435


def test_next_higher_amount_is_computed_when_the_step_below_is_known(tables: Path) -> None:
    # FIXTURE: trede 11 amounts below the raised salaries (not published figures).
    _avs_tables(tables, fixture_below={"A11": 4000, "D12": 5000})
    a11 = convert("A11", 14, at="2022-01-01")
    d12 = convert("D12", 13, at="2022-01-01")
    assert (a11.placement, a11.new_step, a11.new_amount) == (
        "next_higher_amount",
        12,
        Decimal(4470),
    )
    assert (d12.placement, d12.new_step, d12.new_amount) == (
        "next_higher_amount",
        12,
        Decimal(5784),
    )
    assert a11.notes == ()


def test_above_the_maximum_goes_to_the_top_step(tables: Path) -> None:
    # FIXTURE: a complete 3-step A11 ladder entirely below 4345 x 1.0282.
    _table(tables, "school_leaders", "2021-01-01", {"A11": {14: 4345}}, coverage="partial")
    _table(
        tables, "school_leaders", "2022-01-01", {"A11": {1: 1000, 2: 2000, 3: 3000}},
        coverage="complete", effective_until="2022-07-01",
    )  # fmt: skip
    caopo.use_tables(tables, replace=True)
    result = convert("A11", 14, at="2022-01-01")
    assert (result.placement, result.new_step, result.new_amount) == ("top_step", 3, Decimal(3000))


@pytest.mark.parametrize(
    ("old", "step", "new", "new_step"),
    [("L10", 11, "LB", 10), ("D12", 9, "D12", 10), ("6", 9, "6", 9)],
)
def test_poraad_examples(old: str, step: int, new: str, new_step: int) -> None:
    # PO-Raad 'Omzetting naar nieuwe salarisschalen' / VBS: steps only, no amounts printed.
    result = convert(old, step, at="2022-01-01")
    assert (result.new_scale, result.new_step) == (new, new_step)
    assert result.placement == "published_example"
    assert any("poraad.nl" in (s.url or "") for s in result.sources)


@pytest.mark.parametrize(
    ("old", "step", "new"), [("LA", 8, "L10"), ("LB", 4, "L11"), ("LC", 12, "L12")]
)
def test_2018_same_step(old: str, step: int, new: str) -> None:
    # AOb FAQ 2018: LA8 -> L10 trede 8; LB4 -> L11 trede 4.
    result = convert(old, step, at=date(2018, 9, 1))
    assert (result.new_scale, result.new_step, result.placement) == (new, step, "same_step")
    assert any("aob.nl" in (s.url or "") for s in result.sources)


def test_conversion_errors() -> None:
    with pytest.raises(NotPublishedError, match="teachers 2021-01-01"):
        convert("L10", 7, at="2022-01-01")
    with pytest.raises(NoEquivalenceError, match="FUWA PO"):
        convert("DB", 15, at="2020-08-01")
    with pytest.raises(NoEquivalenceError, match="no step rule"):
        convert("AA", 3, at="2010-08-01")
    with pytest.raises(InvalidInputError, match="2022-01-01"):
        convert("L10", 3, at="2022-02-01")
    with pytest.raises(StepOutOfRangeError):
        convert("L10", 16, at="2022-01-01")
    with pytest.raises(UnknownScaleError, match="does not exist on 2021-12-31"):
        convert("LB", 3, at="2022-01-01")
    with pytest.raises(NoEquivalenceError, match="does not apply to DB"):
        convert("DB", 3, at="2018-09-01")


def test_la_teacher_2017_timeline() -> None:
    rows = career_timeline("LA", 3, since="2017-08-01", until="2026-12-31", mode="lenient")
    by_day = {row.on: row for row in rows}
    assert (by_day[date(2018, 8, 1)].scale, by_day[date(2018, 8, 1)].step) == ("LA", 4)
    assert (by_day[date(2018, 9, 1)].scale, by_day[date(2018, 9, 1)].step) == ("L10", 4)
    assert (by_day[date(2021, 8, 1)].scale, by_day[date(2021, 8, 1)].step) == ("L10", 7)
    assert by_day[date(2022, 1, 1)].scale == "LB"
    assert all(row.status for row in rows)
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
    assert rows[-1].status == "lapsed" and "FUWA PO" in (rows[-1].reason or "")
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


# --------------------------------------------------------------------------- properties

CODES_2018 = ["L10", "L11", "L12"]
CODES_2024 = ["LB", "LC", "LD", "LE"]


def _max_step(row: CareerRow) -> int | None:
    period = _registry().codes[row.scale].period(row.on)
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
    assert (cut.scale, cut.step, cut.amount, cut.table) == (
        current.scale, current.step, current.amount, current.table
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


def test_cli_convert(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "LA", "8", "--at", "2018-09-01"]) == 0
    assert "L10 trede 8" in capsys.readouterr().out
    assert main(["convert", "L10", "11", "--at", "2022-01-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["new_scale"], data["new_step"]) == ("LB", 10)
    assert main(["convert", "DB", "15", "--at", "2020-08-01"]) == 2
    assert "FUWA PO" in capsys.readouterr().err


def test_cli_career(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["career", "LA", "3", "--since", "2017-08-01", "--until", "2026-12-31"]
    assert main([*argv, "--mode", "lenient"]) == 0
    out = capsys.readouterr().out
    assert "L10" in out and "LB" in out and "same step: LA -> L10" in out and "why:" in out
    assert main(argv) == 2  # strict by default
    assert "NotPublished" not in capsys.readouterr().err
    assert main([*argv, "--mode", "lenient", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["on"] == "2017-08-01" and rows[0]["status"] == "not published"
