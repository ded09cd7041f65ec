"""One vocabulary: every leaders function taking a school type accepts every spelling of
every :class:`~caopo.inputs.SchoolType` member it has data for, gives the same answer for
all spellings of a member, and otherwise raises NotPublishedError (the member exists; the
source has no column for it) naming the member and the members with data.

Which members have data is written out here from the sources, not read from caopo: the
funding regulations print bo, sbo, "SO of VSO", SOVSO and the two MG columns (an SO or a
VSO school is read as "SO of VSO"); Bijlage A1 prints bo, sbo and so (a VSO school and
"SO of VSO" are read as so).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.catalog.loader import catalog
from caopo.errors import NotPublishedError
from caopo.inputs import SchoolType
from caopo.leaders._school_types import CAREER_PATTERN_READING, FUNDING_READING
from caopo.leaders.career_patterns import career_growth, career_pattern, career_pattern_detail
from caopo.leaders.funding import director_funding, director_funding_detail, funding_school_type
from caopo.schema.funding import DirectorFundingTable

S = SchoolType

SPELLINGS: dict[SchoolType, tuple[str, ...]] = {
    S.BO: ("bo", "bao", "basisonderwijs", "basisschool"),
    S.SBO: ("sbo", "sbao", "speciaal basisonderwijs"),
    S.SO: ("so", "speciaal onderwijs"),
    S.VSO: ("vso", "voortgezet speciaal onderwijs"),
    S.SO_VSO: ("so_vso", "SO/VSO", "so of vso", "so or vso"),
    S.SOVSO: ("sovso",),
    S.MG_SO_VSO: ("mg_so_vso", "mg so", "mg vso", "MG SO of VSO"),
    S.MG_SOVSO: ("mg_sovso", "MG SOVSO"),
}
"""The spellings the SchoolType documentation promises, per member."""

FUNDING_COLUMN = {S.SO: S.SO_VSO, S.VSO: S.SO_VSO}
CAREER_COLUMNS = {S.BO: S.BO, S.SBO: S.SBO, S.SO: S.SO, S.VSO: S.SO, S.SO_VSO: S.SO}


def test_every_member_has_spellings() -> None:
    assert set(SPELLINGS) == set(SchoolType)


def test_the_readings_are_the_ones_the_sources_state() -> None:
    # one home: both rule sets read their school types from caopo.leaders._school_types
    assert dict(FUNDING_READING) == FUNDING_COLUMN
    assert {m: c for m, c in CAREER_COLUMNS.items() if m != c} == dict(CAREER_PATTERN_READING)
    for module in ("funding", "career_patterns"):
        assert not hasattr(importlib.import_module(f"caopo.leaders.{module}"), "READING")


@st.composite
def spellings(draw: st.DrawFn) -> tuple[SchoolType, object]:
    """A member and one way of writing it: the member itself, or a documented spelling in
    any case, with ``-``, ``_``, ``/`` or a space between words and blanks around."""
    member = draw(st.sampled_from(list(SchoolType)))
    if draw(st.booleans()):
        return member, member
    words = draw(st.sampled_from(SPELLINGS[member])).replace("_", " ").replace("/", " ").split()
    joined = draw(st.sampled_from(["-", "_", "/", " "])).join(words)
    cased = draw(st.sampled_from([str.lower, str.upper, str.title]))(joined)
    return member, draw(st.sampled_from(["", " "])) + cased + draw(st.sampled_from(["", "  "]))


def _funding_table(year: str) -> DirectorFundingTable:
    versions = catalog().series("director_funding", DirectorFundingTable).versions
    return next(v for v in versions if v.school_year == year)


FUNDING_YEARS = [
    v.school_year for v in catalog().series("director_funding", DirectorFundingTable).versions
]


@settings(max_examples=150, deadline=None)
@given(
    spelled=spellings(),
    pupils=st.integers(min_value=1, max_value=400),
    year=st.sampled_from(FUNDING_YEARS),
)
def test_director_funding_accepts_every_spelling(
    spelled: tuple[SchoolType, object], pupils: int, year: str
) -> None:
    member, spelling = spelled
    column = FUNDING_COLUMN.get(member, member)
    assert funding_school_type(spelling) == funding_school_type(member) == column
    if column not in _funding_table(year).school_types:
        for function in (director_funding, director_funding_detail):
            with pytest.raises(NotPublishedError) as info:
                function(pupils, school_type=spelling, school_year=year)
            assert repr(member.value) in str(info.value)
        return
    try:
        expected = director_funding_detail(pupils, school_type=member, school_year=year)
    except NotPublishedError as refusal:  # a band the source did not print: the same refusal
        with pytest.raises(NotPublishedError) as info:
            director_funding_detail(pupils, school_type=spelling, school_year=year)
        assert str(info.value) == str(refusal)
        return
    assert expected.school_type == column
    assert director_funding_detail(pupils, school_type=spelling, school_year=year) == expected
    assert director_funding(pupils, school_type=spelling, school_year=year) == expected.amount


CAREER_DAYS = (date(2007, 1, 1), date(2020, 7, 31))


@settings(max_examples=150, deadline=None)
@given(
    spelled=spellings(),
    count=st.integers(min_value=0, max_value=1200),
    on=st.dates(min_value=CAREER_DAYS[0], max_value=CAREER_DAYS[1]),
)
def test_career_patterns_accept_every_spelling(
    spelled: tuple[SchoolType, object], count: int, on: date
) -> None:
    member, spelling = spelled
    counts = {2010: count, 2011: count + 40, 2012: count + 80}
    calls: list[Callable[[object], object]] = [
        lambda school_type: career_pattern_detail(count, school_type=school_type, on=on),
        lambda school_type: career_pattern(count, school_type=school_type, on=on),
        lambda school_type: career_growth(counts, school_type=school_type, start_scale="DA"),
    ]
    for call in calls:
        if member not in CAREER_COLUMNS:  # the member exists; Bijlage A1 has no column
            with pytest.raises(NotPublishedError) as info:
                call(spelling)
            assert repr(member.value) in str(info.value)
            for other in CAREER_COLUMNS:  # and names the members that have data
                assert other.value in str(info.value)
            continue
        assert call(spelling) == call(member)
    if member in CAREER_COLUMNS:
        detail = career_pattern_detail(count, school_type=spelling, on=on)
        assert detail.school_type == CAREER_COLUMNS[member]
