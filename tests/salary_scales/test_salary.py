"""The salary API: lookups, errors and properties over every shipped cell."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import catalog
from caopo.errors import shown
from caopo.schema.scales import ScaleTable

CELLS = [
    (version.table, version.effective_from, scale, step)
    for table in catalog().table_ids(ScaleTable)
    for version in catalog().series(table, ScaleTable).versions
    if isinstance(version, ScaleTable)
    for scale, steps in version.cells.items()
    for step in steps
]
PERIODS = {
    table: catalog().series(table, ScaleTable).periods()
    for table in catalog().table_ids(ScaleTable)
}


def _last_day(table: str, start: dt.date) -> dt.date:
    end = dict(PERIODS[table])[start]
    return (end or start + dt.timedelta(days=3650)) - dt.timedelta(days=1)


@settings(max_examples=150, deadline=None)
@given(cell=st.sampled_from(CELLS), data=st.data())
def test_lookup_is_constant_inside_a_version(
    cell: tuple[str, dt.date, str, int], data: st.DataObject
) -> None:
    table, start, scale, step = cell
    day = data.draw(st.dates(min_value=start, max_value=_last_day(table, start)))
    assert caopo.salary(scale, step, on=day) == caopo.salary(scale, step, on=start)


@settings(max_examples=100, deadline=None)
@given(cell=st.sampled_from(CELLS))
def test_monotone_in_step(cell: tuple[str, dt.date, str, int]) -> None:
    _, start, scale, step = cell
    higher = [s for s in caopo.steps(scale, on=start) if s > step]
    if higher:
        assert caopo.salary(scale, higher[0], on=start) > caopo.salary(scale, step, on=start)


@settings(max_examples=150, deadline=None)
@given(
    cell=st.sampled_from(CELLS),
    fte=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1.2"), places=4),
)
def test_fte_scaling_is_linear_and_capped_at_full_time(
    cell: tuple[str, dt.date, str, int], fte: Decimal
) -> None:
    _, start, scale, step = cell
    full = caopo.salary(scale, step, on=start)
    part = caopo.salary(scale, step, on=start, fte=fte)
    assert abs(part - full * fte) <= Decimal("0.005")
    if fte <= 1:
        assert part <= full


JUNK = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-5, max_value=400),
    st.floats(allow_nan=True),
    st.none(),
    st.booleans(),
    st.dates(),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(scale=JUNK, step=JUNK, on=JUNK, fte=JUNK)
def test_junk_raises_only_caopo_errors_naming_the_input(
    scale: object, step: object, on: object, fte: object
) -> None:
    try:
        caopo.salary(scale, step, on=on, fte=fte)  # type: ignore[arg-type]
    except caopo.CaopoError as exc:
        message = str(exc)
        assert any(
            shown(value) in message or str(value) in message for value in (scale, step, on, fte)
        ), message


def test_float_fte_is_refused_with_a_hint() -> None:
    with pytest.raises(caopo.InvalidInputError, match=r"not float 0\.8; write Decimal\('0\.8'\)"):
        caopo.salary("LB", 5, on="2024-11-01", fte=0.8)  # type: ignore[arg-type]


@pytest.mark.parametrize("fte", ["0", "-1", "1.21", "2"])
def test_fte_outside_the_cao_bounds_is_refused(fte: str) -> None:
    with pytest.raises(caopo.InvalidInputError, match=r"at most 1\.2"):
        caopo.salary("LB", 5, on="2024-11-01", fte=fte)


def test_unknown_scale_names_the_valid_ones() -> None:
    with pytest.raises(caopo.UnknownScaleError, match=r"'LX'.*LB, LC, LD, LE") as info:
        caopo.salary("LX", 1, on="2024-11-01")
    assert isinstance(info.value, LookupError)


def test_step_beyond_a_complete_scale() -> None:
    with pytest.raises(caopo.StepOutOfRangeError, match=r"no step 13.*1, 2, 3"):
        caopo.salary("LB", 13, on="2024-11-01")


def test_step_not_printed_in_a_partial_table_lists_what_is() -> None:
    with pytest.raises(
        caopo.NotPublishedError, match="partial table; published steps of LB: 1, 10, 12"
    ):
        caopo.salary("LB", 5, on="2022-08-01")


def test_omitted_cell_says_why() -> None:
    with pytest.raises(caopo.NotPublishedError, match="left out of teachers 2024-10-01: Doubtful"):
        caopo.salary("LE", 12, on="2024-11-01")


def test_before_the_first_table_names_the_first_dates() -> None:
    with pytest.raises(caopo.NoDataForDateError, match="teachers from 2018-09-01"):
        caopo.salary("L10", 1, on="2006-12-31")


def test_after_the_last_table_names_the_covered_periods() -> None:
    with pytest.raises(caopo.NoDataForDateError, match=r"no salary table"):
        caopo.salary("LB", 1, on="2027-03-01")


def test_detail_carries_provenance() -> None:
    detail = caopo.salary_detail("lb", "5", on=dt.date(2024, 11, 1), fte="0.8")
    assert (detail.scale, detail.step, detail.fte) == ("LB", 5, Decimal("0.8"))
    assert detail.full_time_amount == Decimal(3868)
    assert detail.amount == Decimal("3094.40")
    assert detail.table == "teachers"
    assert detail.effective_until == dt.date(2025, 11, 1)
    assert detail.sources[0].url == "https://ambtenarensalaris.nl/salarisschalen-primair-onderwijs"


def test_as_known_on_uses_only_the_tables_known_then() -> None:
    # The +2,25 % of 1 January 2021 was agreed in October 2021 (NHN-2021, FLEX-2021):
    # a payroll run in June 2021 still paid the 2020 amount of L11 trede 15 (4.434).
    known = caopo.salary_detail("L11", 15, on="2021-06-01", as_known_on="2021-06-25")
    later = caopo.salary_detail("L11", 15, on="2021-06-01")
    assert (known.amount, later.amount) == (Decimal(4434), Decimal(4534))


def test_scales_and_steps() -> None:
    assert caopo.scales(on="2024-11-01") == ("LB", "LC", "LD", "LE")
    assert caopo.steps("LE", on="2024-11-01") == tuple(range(1, 12))
    with pytest.raises(caopo.UnknownScaleError):
        caopo.steps("LX", on="2024-11-01")


def test_raise_chain_is_exposed() -> None:
    by_date = {event.on: event for event in caopo.raises()}
    assert by_date[dt.date(2022, 7, 1)].percentage == Decimal("4.75")
    assert by_date[dt.date(2023, 7, 1)].percentage == Decimal(10)


def test_data_version_is_separate_from_the_code_version() -> None:
    assert caopo.data_version()
    assert caopo.__version__
