"""Old director career patterns (until 2020-08-01): weighting, bands, growth rule.

Rules and figures from shared/reference/RULES.md section 3b (Bijlage A1 CAO PO; AVS helpdesk
on art. 6.25 CAO PO 2016-2017). Expected values are worked by hand from those rules.
"""

from __future__ import annotations

import json
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import catalog
from caopo.cli import main
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.schema.career_patterns import CareerPatternTable

ON = "2016-01-01"


@pytest.mark.parametrize(
    ("count", "weighted"),
    # AVS examples (floors): 380 -> 391, 412 -> 424, 425 -> 437, 420 -> 432
    [(380, 391), (412, 424), (425, 437), (420, 432), (0, 0), (100, 103), (199, 204)],
)
def test_weighted_pupils_is_plus_three_percent_rounded_down(count: int, weighted: int) -> None:
    assert caopo.weighted_pupils(count) == weighted


@pytest.mark.parametrize(
    ("count", "scale"),
    [
        (194, "DA"),  # 199.82 -> 199
        (195, "DB"),  # 200.85 -> 200
        (388, "DB"),  # 399.64 -> 399
        (389, "DC"),  # 400.67 -> 400
        (873, "DC"),  # 899.19 -> 899
        (874, "DC+U"),  # 900.22 -> 900
    ],
)
def test_bo_band_edges(count: int, scale: str) -> None:
    assert caopo.career_pattern(count, school_type="bo", on=ON) == scale


def test_sbo_has_no_uitloop_and_so_uses_q() -> None:
    assert caopo.career_pattern(874, school_type="sbo", on=ON) == "DC"
    assert caopo.career_pattern(389, school_type="sbo", on=ON) == "DC"
    assert caopo.career_pattern("23.9", school_type="so", on=ON) == "DA"
    assert caopo.career_pattern(24, school_type="so", on=ON) == "DB"
    assert caopo.career_pattern("41.99", school_type="so", on=ON) == "DB"
    assert caopo.career_pattern(42, school_type="so", on=ON) == "DC"
    detail = caopo.career_pattern_detail(24, school_type="so", on=ON)
    assert detail.value == Decimal(24)  # Q is not weighted


def test_refuses_from_2020_08_01_with_the_reason() -> None:
    assert caopo.career_pattern(300, school_type="bo", on="2020-07-31") == "DB"
    with pytest.raises(NoDataForDateError, match="FUWA PO"):
        caopo.career_pattern(300, school_type="bo", on="2020-08-01")
    with pytest.raises(NoDataForDateError):
        caopo.career_pattern(300, school_type="bo", on="2006-12-31")


def test_growth_rule_avs_example_shifted_three_years() -> None:
    # AVS: counts 380, 412, 425, 420 (Y 391, 424, 437, 432) give DB, DB, DB, then DC. The
    # example's own years (2017..2020) reach past 2020-08-01, so it is run three years earlier.
    steps = caopo.career_growth(
        {2014: 380, 2015: 412, 2016: 425, 2017: 420}, school_type="bo", start_scale="DB"
    )
    assert [s.scale for s in steps] == ["DB", "DB", "DB", "DC"]
    assert [s.value for s in steps] == [391, 424, 437, 432]
    assert steps[-1].applies_from.isoformat() == "2018-08-01"


def test_growth_rule_with_the_example_years_refuses_after_fuwa() -> None:
    with pytest.raises(NoDataForDateError, match="FUWA PO"):
        caopo.career_growth(
            {2017: 380, 2018: 412, 2019: 425, 2020: 420}, school_type="bo", start_scale="DB"
        )


def test_two_qualifying_counts_are_not_enough_and_a_dip_restarts() -> None:
    steps = caopo.career_growth(
        {2012: 300, 2013: 300, 2014: 150, 2015: 300, 2016: 300}, school_type="bo", start_scale="DA"
    )
    assert [s.entitled for s in steps] == ["DB", "DB", "DA", "DB", "DB"]
    assert [s.scale for s in steps] == ["DA", "DA", "DA", "DA", "DA"]


def test_three_counts_give_the_lowest_scale_all_three_qualify_for() -> None:
    steps = caopo.career_growth(
        {2010: 300, 2011: 500, 2012: 500, 2013: 500}, school_type="bo", start_scale="DA"
    )
    assert [s.scale for s in steps] == ["DA", "DA", "DB", "DC"]


def test_scale_does_not_go_down() -> None:
    steps = caopo.career_growth(
        {2014: 100, 2015: 100, 2016: 100}, school_type="bo", start_scale="DC"
    )
    assert {s.scale for s in steps} == {"DC"}


def test_2018_exception_da_to_db_after_one_count() -> None:
    steps = caopo.career_growth({2017: 150, 2018: 199}, school_type="bo", start_scale="DA")
    assert [s.scale for s in steps] == ["DA", "DB"]  # 199 -> Y 204 -> DB from 2019-08-01
    assert steps[-1].applies_from.isoformat() == "2019-08-01"
    # the exception is only for the 2018 count, and only DA -> DB
    later = caopo.career_growth({2016: 150, 2017: 199}, school_type="bo", start_scale="DA")
    assert later[-1].scale == "DA"
    db = caopo.career_growth({2018: 500}, school_type="bo", start_scale="DB")
    assert db[-1].scale == "DB"


def test_growth_input_errors() -> None:
    with pytest.raises(InvalidInputError, match="consecutive"):
        caopo.career_growth({2012: 300, 2014: 300}, school_type="bo", start_scale="DA")
    with pytest.raises(InvalidInputError, match="start_scale"):
        caopo.career_growth({2012: 300}, school_type="bo", start_scale="D12")
    with pytest.raises(InvalidInputError, match="school_type"):
        caopo.career_growth({2012: 300}, school_type="vo", start_scale="DA")
    with pytest.raises(InvalidInputError, match="whole number"):
        caopo.career_pattern("10.5", school_type="bo", on=ON)
    not_a_mapping: tuple[Any, ...] = ([300, 320, 330], "2014=300", None)
    for counts in not_a_mapping:
        with pytest.raises(InvalidInputError, match="counts must be a mapping"):
            caopo.career_growth(counts, school_type="bo", start_scale="DA")
    with pytest.raises(InvalidInputError, match=r"counts\[2013\]"):
        caopo.career_growth({2012: 300, 2013: -4}, school_type="bo", start_scale="DA")
    superscript: Any = {"²": 300}
    with pytest.raises(InvalidInputError, match="count year"):
        caopo.career_growth(superscript, school_type="bo", start_scale="DA")


def test_a_school_type_without_career_patterns_is_not_published() -> None:
    # Bijlage A1 prints bo, sbo and so; the member exists, the source has no column for it
    with pytest.raises(NotPublishedError) as info:
        caopo.career_growth({2012: 300}, school_type="SOVSO", start_scale="DA")
    assert "'sovso'" in str(info.value) and "bo, sbo, so, vso, so_vso" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_results_carry_the_status_of_the_table() -> None:
    # data/career_patterns/career_patterns_2007-01-01.yaml is read from Bijlage A1: published
    assert caopo.career_pattern_detail(195, school_type="bo", on=ON).status == "published"
    steps = caopo.career_growth({2014: 380, 2015: 412}, school_type="bo", start_scale="DB")
    assert [s.status for s in steps] == ["published", "published"]


def test_bands_cover_their_range_without_gaps() -> None:
    for version in catalog().series("career_patterns", CareerPatternTable).versions:
        for patterns in version.school_types.values():
            bands = patterns.bands
            assert bands[0].lower == 0 and bands[-1].below is None
            for low, high in pairwise(bands):
                assert low.below == high.lower


@settings(max_examples=60, deadline=None)
@given(count=st.integers(min_value=0, max_value=3000))
def test_weighting_matches_integer_arithmetic_and_scales_rise(count: int) -> None:
    assert caopo.weighted_pupils(count) == count * 103 // 100
    order = ["DA", "DB", "DC", "DC+U"]
    here = caopo.career_pattern(count, school_type="bo", on=ON)
    more = caopo.career_pattern(count + 1, school_type="bo", on=ON)
    assert order.index(more) >= order.index(here)


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["career-pattern", "195", "--school-type", "bo", "--on", "2015-01-01"]) == 0
    assert "DB" in capsys.readouterr().out
    assert main(["career-pattern", "195", "--school-type", "bo", "--on", "2021-01-01"]) == 3
    assert "FUWA PO" in capsys.readouterr().err
    growth = ["--growth", "2014=380", "2015=412", "2016=425", "2017=420", "--start-scale", "DB"]
    assert main(["career-pattern", "--school-type", "bo", *growth, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["result"]["rows"][-1]["scale"] == "DC"


@pytest.mark.parametrize(
    ("pair", "words"),
    [
        ("²=300", "--growth year in '²=300' must be a year like 2021, not '²'"),
        ("2014", "--growth takes YEAR=COUNT pairs, not '2014'"),
        ("2014=x", "counts[2014] must be a whole number of pupils"),
        ("2014=-3", "counts[2014]"),
    ],
)
def test_cli_growth_errors_are_one_line(
    pair: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["career-pattern", "--school-type", "bo", "--start-scale", "DA", "--growth", pair]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_lid_2_applies_besides_lid_1_not_instead() -> None:
    """CAO PO 2016-2017 art. 6.25 (AVS): lid 1 gives the scale of three consecutive counts;
    lid 2 (DA -> DB on the count of 1 October 2018) favours the director and never yields
    less. Three DC counts ending 1-10-2018 give DC (REVIEW-2026-11-rules.md section 9, W2)."""
    steps = caopo.career_growth(
        {2016: 400, 2017: 400, 2018: 400}, school_type="bo", start_scale="DA"
    )
    assert (steps[-1].entitled, steps[-1].scale, steps[-1].applies_from.isoformat()) == (
        "DC",
        "DC",
        "2019-08-01",
    )
