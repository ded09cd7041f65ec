"""One vocabulary (issue 9): every function taking a category or a school type accepts every
spelling of :class:`caopo.Category` / :class:`caopo.SchoolType` with the same result, and
names the member it has no data for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.errors import CaopoError, InvalidInputError, NotPublishedError
from caopo.inputs import _CATEGORY_SPELLINGS, _SCHOOL_TYPE_SPELLINGS, Category, SchoolType
from caopo.professionalisation.budgets import (
    YearBasis,
    budget_categories,
    budget_rule,
    budget_tables,
)
from caopo.professionalisation.per_pupil import FUNDING_KINDS, per_pupil_school_types

CATEGORIES_WITH_DATA: list[Category] = [c for c in Category if c is not Category.BOARD]


def spellings_of(member: Category | SchoolType) -> list[str]:
    table: dict[str, Category] | dict[str, SchoolType] = (
        _CATEGORY_SPELLINGS if isinstance(member, Category) else _SCHOOL_TYPE_SPELLINGS
    )
    return sorted(text for text, found in table.items() if found is member)


@st.composite
def written(draw: st.DrawFn, text: str) -> str:
    """*text* as people write it: any case, ``-``/``_``/space between words, padding."""
    words = text.split()
    joined = words[0]
    for word in words[1:]:
        joined += draw(st.sampled_from(["-", "_", " "])) + word
    cased = "".join(c.upper() if draw(st.booleans()) else c for c in joined)
    return draw(st.sampled_from(["", " "])) + cased + draw(st.sampled_from(["", "  "]))


@st.composite
def category_spellings(draw: st.DrawFn, members: Sequence[Category]) -> tuple[Category, object]:
    member = draw(st.sampled_from(members))
    choice = draw(st.sampled_from([member, *spellings_of(member)]))
    return member, choice if isinstance(choice, Category) else draw(written(choice))


def outcome(call: Callable[..., object], *args: object, **kwargs: object) -> tuple[str, object]:
    """The value, or the error's type and message: two spellings must give the same."""
    try:
        return "value", call(*args, **kwargs)
    except CaopoError as exc:
        return type(exc).__name__, str(exc)


def test_every_category_has_spellings() -> None:
    for member in Category:
        assert str(member).replace("_", " ") in spellings_of(member)
    assert budget_categories() == tuple(CATEGORIES_WITH_DATA)
    assert set(budget_tables()) == set(CATEGORIES_WITH_DATA)


# --------------------------------------------------------------------------- categories


@settings(max_examples=80, deadline=None)
@given(
    category_spellings(CATEGORIES_WITH_DATA),
    st.integers(min_value=2012, max_value=2027),
    st.sampled_from(["0", "0.6", "1", "1.2"]),
    st.sampled_from(["calendar", "school"]),
)
def test_budget_every_spelling_same_result(
    spelled: tuple[Category, object], year: int, fte: str, basis: YearBasis
) -> None:
    member, text = spelled
    options: dict[str, object] = {"year": year, "fte": fte, "year_basis": basis}
    for function in (caopo.budget_detail, caopo.professionalisation_budget):
        assert outcome(function, text, **options) == outcome(function, member, **options)
    if outcome(caopo.budget_detail, member, **options)[0] == "value":
        assert caopo.budget_detail(text, year=year, year_basis=basis).category is member


@settings(max_examples=40, deadline=None)
@given(
    category_spellings(CATEGORIES_WITH_DATA),
    st.integers(min_value=2013, max_value=2026),
    st.integers(min_value=0, max_value=4),
    st.booleans(),
)
def test_statement_every_spelling_same_result(
    spelled: tuple[Category, object], first: int, length: int, saving: bool
) -> None:
    member, text = spelled
    last = min(first + length, 2027)
    spending = [(date(first, 6, 1), Decimal("250.00"))]

    options = {"first_year": first, "last_year": last, "saving_agreed": saving}
    expected = outcome(caopo.budget_statement, member, spending=spending, **options)
    assert outcome(caopo.budget_statement, text, spending=spending, **options) == expected


@settings(max_examples=30, deadline=None)
@given(category_spellings([Category.BOARD]))
def test_board_has_no_budget_and_says_so(spelled: tuple[Category, object]) -> None:
    _, text = spelled
    calls: list[Callable[[], object]] = [
        lambda: caopo.professionalisation_budget(text, year=2021),
        lambda: caopo.budget_detail(text, year=2021),
        lambda: caopo.budget_statement(text, first_year=2021, last_year=2022, saving_agreed=True),
        lambda: budget_rule(text, on="2021-06-01"),
    ]
    for call in calls:
        with pytest.raises(NotPublishedError) as info:
            call()
        message = str(info.value)
        assert "'board'" in message
        assert all(str(c) in message for c in CATEGORIES_WITH_DATA)


@pytest.mark.parametrize("year", [2013, 2016, 2020, 2023, 2025])
def test_adjunct_has_the_director_budget(year: int) -> None:
    adjunct = caopo.budget_detail("adjunct-directeur", year=year)
    director = caopo.budget_detail("directeur", year=year)
    assert adjunct.category is Category.ADJUNCT and director.category is Category.DIRECTOR
    assert adjunct.table == director.table == "director_budget"
    assert adjunct.amount == director.amount
    as_text: str = adjunct.category  # str-valued: comparisons with text keep working
    assert as_text == "adjunct"


def test_directielid_is_ambiguous_and_refused() -> None:
    # 'directielid' was accepted for the director budget before issue 9; it means an adjunct
    # or a director, so it is not in the vocabulary.
    with pytest.raises(InvalidInputError, match=r"'directielid'.*adjunct-directeur"):
        caopo.budget_detail("directielid", year=2021)


# --------------------------------------------------------------------------- school types


SCHOOL_YEARS = ["2012-2013", "2013-2014", "2014-2015", "2015-2016", "2019-2020", "2021-2022"]


@st.composite
def school_type_spellings(draw: st.DrawFn) -> tuple[SchoolType, object]:
    member = draw(st.sampled_from(list(SchoolType)))
    choice = draw(st.sampled_from([member, *spellings_of(member)]))
    return member, choice if isinstance(choice, SchoolType) else draw(written(choice))


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(sorted(FUNDING_KINDS)),
    school_type_spellings(),
    st.sampled_from(SCHOOL_YEARS),
    st.integers(min_value=0, max_value=2000),
)
def test_per_pupil_every_spelling_same_result(
    kind: str, spelled: tuple[SchoolType, object], year: str, pupils: int
) -> None:
    member, text = spelled
    for function in (caopo.per_pupil_funding, caopo.per_pupil_funding_detail):
        expected = outcome(function, kind, pupils, school_type=member, school_year=year)
        assert outcome(function, kind, pupils, school_type=text, school_year=year) == expected
    with_data = per_pupil_school_types(kind)
    if member not in with_data:
        with pytest.raises(NotPublishedError) as info:
            caopo.per_pupil_funding(kind, pupils, school_type=text, school_year=year)
        assert f"'{member}'" in str(info.value)
        assert all(str(t) in str(info.value) for t in with_data)
    elif expected[0] == "value":
        detail = caopo.per_pupil_funding_detail(kind, pupils, school_type=text, school_year=year)
        assert detail.school_type is member


def test_per_pupil_types_with_data_come_from_the_data() -> None:
    bo_sbo_so_vso = (SchoolType.BO, SchoolType.SBO, SchoolType.SO, SchoolType.VSO)
    for kind in FUNDING_KINDS:
        assert per_pupil_school_types(kind) == bo_sbo_so_vso


@pytest.mark.parametrize("text", ["so_vso", "SO/VSO", "sovso", "mg so", "MG_SOVSO"])
def test_per_pupil_member_without_data_is_named(text: str) -> None:
    with pytest.raises(NotPublishedError, match="school types with data: bo, sbo, so, vso"):
        caopo.per_pupil_funding(
            "professionalisation", 10, school_type=text, school_year="2021-2022"
        )


def test_per_pupil_result_school_type_is_the_member() -> None:
    result = caopo.per_pupil_funding_detail(
        "professionalisation", 10, school_type="bao", school_year="2021-2022"
    )
    assert result.school_type is SchoolType.BO
    as_text: str = result.school_type
    assert as_text == "bo"
