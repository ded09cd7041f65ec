"""One vocabulary: every public function that takes a category or a school type accepts every
spelling of every member, gives one answer per member, and names a member it has no data for.

The list of such functions is read from the public API, so a new one fails here until it is
added to CALLS.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.errors import CaopoError
from caopo.inputs import Category, SchoolType
from tests.test_inputs import CATEGORY_SPELLINGS, SCHOOL_TYPE_SPELLINGS, _variants

CALLS: dict[str, Callable[[str], object]] = {
    "Employment": lambda c: caopo.Employment("LB", 5, date(2025, 1, 1), category=c).category,
    "budget_detail": lambda c: caopo.budget_detail(c, year=2021),
    "professionalisation_budget": lambda c: caopo.professionalisation_budget(c, year=2021),
    "budget_statement": lambda c: caopo.budget_statement(
        c, first_year=2020, last_year=2022, saving_agreed=True
    ),
    "category_scale": lambda c: caopo.category_scale(12, category=c, on="2010-01-01").code,
    "director_funding": lambda s: caopo.director_funding(
        150, school_type=s, school_year="2013-2014"
    ),
    "director_funding_detail": lambda s: caopo.director_funding_detail(
        150, school_type=s, school_year="2013-2014"
    ),
    "career_pattern": lambda s: caopo.career_pattern(300, school_type=s, on="2015-01-01"),
    "career_pattern_detail": lambda s: caopo.career_pattern_detail(
        300, school_type=s, on="2015-01-01"
    ),
    "career_growth": lambda s: caopo.career_growth(
        {2014: 300, 2015: 320, 2016: 330}, school_type=s, start_scale="DB"
    ),
    "per_pupil_funding": lambda s: caopo.per_pupil_funding(
        "professionalisation", 200, school_type=s, school_year="2021-2022"
    ),
    "per_pupil_funding_detail": lambda s: caopo.per_pupil_funding_detail(
        "professionalisation", 200, school_type=s, school_year="2021-2022"
    ),
}
"""A call of each public function with a category or school type, all else fixed."""

RESULT_TYPES = {
    "BudgetGrant",
    "BudgetStatement",
    "CareerPatternDetail",
    "DirectorFundingDetail",
    "ExampleFunction",
    "PerPupilResult",
    "ScaleCode",
    "ScaleInfo",
}
"""Public result types that carry a category or school type; they take no input."""


def _takes(name: str) -> str | None:
    try:
        parameters = inspect.signature(getattr(caopo, name)).parameters
    except (TypeError, ValueError):
        return None
    for word in ("category", "school_type"):
        if word in parameters:
            return word
    return None


def test_every_function_taking_the_vocabulary_is_checked() -> None:
    takers = {n for n in caopo.__all__ if _takes(n) is not None} - RESULT_TYPES
    assert takers == set(CALLS)


def _cases() -> list[tuple[str, Category | SchoolType]]:
    cases: list[tuple[str, Category | SchoolType]] = []
    for name in sorted(CALLS):
        members: list[Category | SchoolType]
        members = list(Category) if _takes(name) == "category" else list(SchoolType)
        cases.extend((name, member) for member in members)
    return cases


def _answer(call: Callable[[str], object], spelling: str) -> tuple[str, object, str]:
    """``("value", result, "")`` or ``("error", error type, message)``."""
    try:
        return "value", call(spelling), ""
    except CaopoError as error:
        return "error", type(error), str(error)


@pytest.mark.parametrize(("name", "member"), _cases())
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_every_spelling_gives_the_members_answer(
    name: str, member: Category | SchoolType, data: st.DataObject
) -> None:
    call = CALLS[name]
    spellings = (
        CATEGORY_SPELLINGS[member]
        if isinstance(member, Category)
        else SCHOOL_TYPE_SPELLINGS[member]
    )
    expected = _answer(call, member.value)
    if expected[0] == "error":
        assert re.search(rf"\b{re.escape(member.value)}\b", expected[2]), expected[2]
    spelling = data.draw(st.sampled_from(spellings).flatmap(_variants))
    got = _answer(call, spelling)
    if expected[0] == "value":
        assert got == expected, f"{name}({spelling!r}) differs from {name}({member.value!r})"
    else:
        assert got[0] == "error", f"{name}({spelling!r}) priced what {member.value!r} refuses"


def test_a_member_without_data_is_named() -> None:
    with pytest.raises(CaopoError, match="board"):
        caopo.budget_detail("bestuurder", year=2021)
    with pytest.raises(CaopoError, match="sovso"):
        caopo.career_pattern(300, school_type="SOVSO", on="2015-01-01")


def test_spellings_of_one_member_price_alike() -> None:
    # The directors' budget of 2021: EUR 3.000 + EUR 100 extra (CAO PO 2019-2020; see
    # tests/professionalisation for the sources), for a directeur and an adjunct-directeur.
    assert caopo.professionalisation_budget("Adjunct-directeur", year=2021) == Decimal("3100.00")
    assert caopo.professionalisation_budget("directeur", year=2021) == Decimal("3100.00")
