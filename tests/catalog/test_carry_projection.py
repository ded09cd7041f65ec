"""One carry routine: a projection and the catalog's carried tables agree, and schaal 10 is
LB from 2026-07-01 (CNV 2025-11-06: 'functieschaal 10 van de OOP/directieschalen per 1 juli
2026 dezelfde tredebedragen als de leraarschaal LB')."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caopo
from caopo.errors import CaopoError
from tests._helpers import user_tables

TABLE = """\
kind: salary_scales
table: support_staff
title: "Test OOP table (amounts for the test only)"
effective_from: {start}
{until}cao: "test"
status: published
coverage: complete
sources: [{{title: "test fixture"}}]
cells:
  "4": {{1: {low}, 2: {high}}}
  "10": {{{ten}}}
"""

SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _write(
    folder: Path,
    start: date,
    cells: tuple[Decimal, Decimal, list[Decimal]],
    *,
    until: date | None = None,
) -> Path:
    folder.mkdir(parents=True)
    low, high, ten = cells
    text = TABLE.format(
        start=start,
        until="" if until is None else f"effective_until: {until}\n",
        low=low,
        high=high,
        ten=", ".join(f"{step}: {amount}" for step, amount in enumerate(ten, start=1)),
    )
    (folder / f"support_staff_{start}.yaml").write_text(text, encoding="utf-8")
    return folder


@st.composite
def _cells(draw: st.DrawFn) -> tuple[Decimal, Decimal, list[Decimal]]:
    """Rising cells, in whole euros or in cents."""
    places = draw(st.sampled_from([0, 2]))
    amounts = st.decimals(min_value=1000, max_value=3000, places=places)
    low = draw(amounts)
    start = draw(amounts)
    ten = [start + 100 * step for step in range(12)]
    return low, low + 100, ten


def test_schaal_10_from_a_user_table_is_the_published_lb_chain_after_2026_07_01(
    tmp_path: Path,
) -> None:
    # the research's derived 2026-11-01 teacher table (reference/scales/derived): the
    # published 2024-10-01 LB amount x 1,046 x 1,012, rounded once to whole euros
    ten = [Decimal(3000 + 100 * step) for step in range(12)]
    folder = _write(tmp_path / "u", date(2025, 1, 1), (Decimal(2500), Decimal(2600), ten))
    with user_tables(folder):
        for step, published in ((1, 3666), (5, 4094), (8, 4587), (9, 4799)):
            projected = caopo.projected_salary("10", step, on="2026-12-01")
            assert projected.full_time_amount == published
            assert caopo.salary("LB", step, on="2026-12-01") == published


DAYS = st.dates(min_value=date(2026, 7, 1), max_value=date(2029, 12, 31))


def _ten_is_lb(step: int, day: date) -> None:
    try:
        lb = caopo.salary("LB", step, on=day)
    except CaopoError:  # no LB amount that day (the 2026-11-01 table ends on 2027-03-01)
        with pytest.raises(CaopoError):
            caopo.projected_salary("10", step, on=day)
        return
    assert caopo.projected_salary("10", step, on=day).full_time_amount == lb


@SETTINGS
@given(cells=st.none() | _cells(), day=DAYS, step=st.integers(1, 12))
def test_schaal_10_is_lb_wherever_both_exist_after_2026_07_01(
    tmp_path_factory: pytest.TempPathFactory,
    cells: tuple[Decimal, Decimal, list[Decimal]] | None,
    day: date,
    step: int,
) -> None:
    # CNV / RMU: from 2026-07-01 schaal 10 has the step amounts of LB, with or without a
    # schaal 10 table of the user's before that day
    if cells is None:
        _ten_is_lb(step, day)
        return
    folder = _write(tmp_path_factory.mktemp("u") / "t", date(2025, 1, 1), cells)
    with user_tables(folder):
        _ten_is_lb(step, day)


STARTS = st.sampled_from([date(2024, 11, 1), date(2025, 1, 1), date(2026, 1, 1), date(2026, 8, 1)])


def _next_raise(start: date) -> date:
    return next(r.on for r in caopo.raises() if r.on > start and r.change == "percentage")


@SETTINGS
@given(cells=_cells(), start=STARTS, offset=st.integers(0, 1500), data=st.data())
def test_a_projection_equals_the_carried_table_of_the_same_version(
    tmp_path_factory: pytest.TempPathFactory,
    cells: tuple[Decimal, Decimal, list[Decimal]],
    start: date,
    offset: int,
    data: st.DataObject,
) -> None:
    # The same user version twice: open (the catalog carries it forward by the raises)
    # and ended on the next raise (caopo.projected_salary carries it across): both apply
    # the one rule, root cell x every raise since, rounded once to the table's precision.
    day = _next_raise(start) + timedelta(days=offset)
    scale, step = data.draw(
        st.sampled_from([("4", 1), ("4", 2), *(("10", s) for s in range(1, 13))])
    )
    root = tmp_path_factory.mktemp("t")
    open_table = _write(root / "open", start, cells)
    ended = _write(root / "ended", start, cells, until=_next_raise(start))
    with user_tables(open_table):
        try:
            carried = caopo.projected_salary(scale, step, on=day)
        except CaopoError as exc:
            carried_error: CaopoError | None = exc
        else:
            carried_error = None
    with user_tables(ended):
        if carried_error is not None:
            with pytest.raises(type(carried_error)):
                caopo.projected_salary(scale, step, on=day)
            return
        projected = caopo.projected_salary(scale, step, on=day)
    assert projected.full_time_amount == carried.full_time_amount
    assert projected.status == carried.status
