"""The one periodiek (caopo.salary_scales.periodiek).

The rule is read from data/mappings/scale_transitions.yaml (``periodiek``; sources
ONSONDERWIJS 'Periodieke verhoging' and PORAAD-OMZETTING): one trede up on 1 August if in
the previous school year the employee worked and was paid for at least 60 days. The
expected values below are computed in the test from the raw file and the calendar, not from
caopo's output.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import shipped_data_dir
from caopo.errors import InvalidInputError
from caopo.salary_scales.codes import CodePeriod, periodiek_rule, scale_code
from caopo.salary_scales.periodiek import (
    is_periodiek_date,
    periodiek,
    periodiek_dates,
    service_days,
)

RAW: dict[str, Any] = yaml.safe_load(
    (shipped_data_dir() / "mappings" / "scale_transitions.yaml").read_text(encoding="utf-8")
)["periodiek"]
MIN_DAYS: int = RAW["min_days"]
AUGUST_1 = date(2025, RAW["month"], RAW["day"])


def _lb() -> CodePeriod:
    """LB as it is on the day before the periodiek: 12 treden (AMBT-PO-2024)."""
    return scale_code("LB").period(AUGUST_1 - timedelta(days=1))


def test_the_rule_is_the_data_file() -> None:
    assert (RAW["month"], RAW["day"], RAW["min_days"]) == (8, 1, 60)
    assert set(RAW["source"]) == {"ONSONDERWIJS", "PORAAD-OMZETTING"}
    rule = periodiek_rule()
    assert (rule.month, rule.day, rule.min_days, rule.source) == (
        RAW["month"], RAW["day"], RAW["min_days"], tuple(RAW["source"])
    )  # fmt: skip


def test_appointed_on_15_june_gets_no_periodiek_on_1_august() -> None:
    # 15 June .. 31 July 2025 = 16 + 31 = 47 days, fewer than 60.
    assert service_days(AUGUST_1, start=date(2025, 6, 15)) == 47
    result = periodiek(5, on=AUGUST_1, period=_lb(), start=date(2025, 6, 15))
    assert (result.step, result.raised) == (5, False)
    assert "47 days" in result.reason and "2024-2025" in result.reason


def test_appointed_on_1_may_gets_the_periodiek() -> None:
    # 1 May .. 31 July 2025 = 31 + 30 + 31 = 92 days.
    assert service_days(AUGUST_1, start=date(2025, 5, 1)) == 92
    result = periodiek(5, on=AUGUST_1, period=_lb(), start=date(2025, 5, 1))
    assert (result.step, result.raised) == (6, True)


def test_a_full_year_counts_from_the_previous_1_august() -> None:
    assert service_days(AUGUST_1, start=date(2020, 1, 1)) == 365


def test_the_employment_end_is_counted_inclusive() -> None:
    # In service 1 May .. 29 June 2025: 31 + 29 = 60 days, just enough.
    assert service_days(AUGUST_1, start=date(2025, 5, 1), end=date(2025, 6, 29)) == 60
    result = periodiek(5, on=AUGUST_1, period=_lb(), start=date(2025, 5, 1), end=date(2025, 6, 29))
    assert result.raised


def test_at_the_maximum_the_step_stays() -> None:
    result = periodiek(12, on=AUGUST_1, period=_lb(), start=date(2020, 1, 1))
    assert (result.step, result.raised) == (12, False)
    assert "at the maximum (trede 12)" in result.reason


def test_days_worked_override_the_days_in_service() -> None:
    # Appointed 15 June (47 days in service), but 60 days worked and paid are declared.
    late = periodiek(5, on=AUGUST_1, period=_lb(), start=date(2025, 6, 15), days_worked={2024: 60})
    assert (late.step, late.raised) == (6, True)
    # A full year in service, but only 59 days worked and paid (for example long leave).
    absent = periodiek(5, on=AUGUST_1, period=_lb(), start=date(2020, 1, 1), days_worked={2024: 59})
    assert (absent.step, absent.raised) == (5, False)
    assert "59 days worked" in absent.reason
    with pytest.raises(InvalidInputError, match="2024-2025"):
        periodiek(5, on=AUGUST_1, period=_lb(), start=date(2020, 1, 1), days_worked={2023: 99})


def test_min_days_overrides_the_rule() -> None:
    result = periodiek(5, on=AUGUST_1, period=_lb(), start=date(2025, 6, 15), min_days=40)
    assert result.raised
    with pytest.raises(InvalidInputError, match="min_days"):
        periodiek(5, on=AUGUST_1, period=_lb(), start=date(2025, 6, 15), min_days=-1)


def test_only_the_periodiek_date_has_a_periodiek() -> None:
    assert is_periodiek_date(AUGUST_1) and not is_periodiek_date(date(2025, 9, 1))
    with pytest.raises(InvalidInputError, match="not on 2025-09-01"):
        periodiek(5, on=date(2025, 9, 1), period=_lb(), start=date(2020, 1, 1))
    assert periodiek_dates(date(2024, 8, 1), date(2026, 7, 31)) == (AUGUST_1,)


def _expected_days(start: date, on: date) -> int:
    """Days in service from *start* in the school year before *on* (1 August .. 31 July)."""
    first = max(start, date(on.year - 1, RAW["month"], RAW["day"]))
    return max((on - first).days, 0)


@settings(max_examples=200, deadline=None)
@given(start=st.dates(date(2023, 1, 1), date(2026, 7, 31)), step=st.integers(1, 11))
def test_the_decision_is_at_least_60_days_in_service(start: date, step: int) -> None:
    on = date(start.year + (start >= date(start.year, 8, 1)), 8, 1)  # the next 1 August
    period = scale_code("LB").period(on - timedelta(days=1))
    result = periodiek(step, on=on, period=period, start=start)
    assert result.raised == (_expected_days(start, on) >= MIN_DAYS)
    assert result.step == (step + 1 if result.raised else step)


@pytest.mark.parametrize(
    ("days_worked", "words"),
    [
        ({2024: "x"}, "days_worked[2024] must be a whole number of days from 0 to 366, not 'x'"),
        ({2024: -1}, "days_worked[2024] must be a whole number of days from 0 to 366, not -1"),
        ({2024: 367}, "days_worked[2024]"),
        ({2024: True}, "days_worked[2024]"),
        ({2024: 60.0}, "days_worked[2024]"),
        ({"20x4": 60}, "days_worked year must be a year like 2021, not '20x4'"),
        ({2024: 60, "2024": 60}, "school year 2024 twice"),
        ([60], "days_worked must be a mapping"),
        (60, "days_worked must be a mapping"),
    ],
)
def test_days_worked_are_parsed_or_refused(days_worked: Any, words: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        periodiek(5, on=AUGUST_1, period=_lb(), start=date(2020, 1, 1), days_worked=days_worked)
    assert words in str(info.value)


def test_days_worked_accept_text_as_people_write_it() -> None:
    as_text: Any = {"2024": "59"}
    text = periodiek(5, on=AUGUST_1, period=_lb(), start=date(2020, 1, 1), days_worked=as_text)
    assert (text.step, text.raised) == (5, False)
    assert "59 days worked" in text.reason


def test_a_career_of_someone_in_service_before_since_counts_from_then() -> None:
    # In service since 2010: the whole school year 2024-2025 counts (at least 60 days,
    # data/mappings/scale_transitions.yaml), so the periodiek of 2025-08-01 is granted
    # although the timeline is asked from 15 June.
    def step_on_1_august(in_service_from: str | None = None) -> int | None:
        rows = caopo.career_timeline(
            "LB",
            5,
            since="2025-06-15",
            until="2025-08-31",
            mode="strict",
            in_service_from=in_service_from,
        )
        return [row for row in rows if str(row.on) <= "2025-08-01"][-1].step

    assert step_on_1_august() == 5
    assert step_on_1_august(in_service_from="2010-01-01") == 6
    with pytest.raises(InvalidInputError, match="in_service_from"):
        step_on_1_august(in_service_from="2025-07-01")
