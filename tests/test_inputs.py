"""The one parser per input concept (caopo.inputs) and the one status order (caopo.provenance)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import caopo
from caopo.errors import CaopoError, InvalidInputError, UnknownScaleError
from caopo.inputs import (
    Category,
    SchoolType,
    scale_text,
    to_category,
    to_date,
    to_fte,
    to_pupils,
    to_school_type,
    to_step,
    to_year,
)
from caopo.provenance import STATUS_ORDER, weakest

CATEGORY_SPELLINGS: dict[Category, tuple[str, ...]] = {
    Category.TEACHER: ("teacher", "leraar", "leerkracht"),
    Category.ADJUNCT: ("adjunct", "adjunct-directeur", "adjunct directeur", "adjunct_director"),
    Category.DIRECTOR: ("director", "directeur"),
    Category.SUPPORT_STAFF: (
        "support_staff",
        "support staff",
        "support-staff",
        "oop",
        "onderwijsondersteunend",
        "onderwijsondersteunend personeel",
    ),
    Category.BOARD: ("board", "bestuurder"),
}
"""The spellings the issue names (leraar/teacher, directeur/director,
adjunct-directeur/adjunct, oop/onderwijsondersteunend/support_staff) and a few more."""

SCHOOL_TYPE_SPELLINGS: dict[SchoolType, tuple[str, ...]] = {
    SchoolType.BO: ("bo", "bao", "basisonderwijs", "basisschool"),
    SchoolType.SBO: ("sbo", "sbao", "speciaal basisonderwijs"),
    SchoolType.SO: ("so", "speciaal onderwijs"),
    SchoolType.VSO: ("vso", "voortgezet speciaal onderwijs"),
    SchoolType.SO_VSO: ("so_vso", "SO/VSO", "so of vso", "so or vso", "(v)so"),
    SchoolType.SOVSO: ("sovso",),
    SchoolType.MG_SO_VSO: ("mg_so_vso", "MG SO/VSO", "mg so", "mg vso", "mg so of vso"),
    SchoolType.MG_SOVSO: ("mg_sovso", "MG SOVSO"),
}


def _variants(text: str) -> st.SearchStrategy[str]:
    """The same spelling as people type it: any case, '-', '_' or a space between words,
    padded with blanks."""
    words = text.replace("-", " ").replace("_", " ").replace("/", " ").split()
    return st.tuples(
        st.lists(st.sampled_from([" ", "-", "_", "  "]), min_size=len(words), max_size=len(words)),
        st.sampled_from([str.lower, str.upper, str.title]),
        st.sampled_from(["", " "]),
    ).map(
        lambda parts: (
            parts[2]
            + parts[1]("".join(w + s for w, s in zip(words, parts[0], strict=True)).rstrip(" -_"))
            + parts[2]
        )
    )


@pytest.mark.parametrize("member", list(Category))
@given(data=st.data())
def test_every_category_spelling_parses_to_its_member(
    member: Category, data: st.DataObject
) -> None:
    spelling = data.draw(st.sampled_from(CATEGORY_SPELLINGS[member]).flatmap(_variants))
    assert to_category(spelling) is member
    assert to_category(member) is member


@pytest.mark.parametrize("member", list(SchoolType))
@given(data=st.data())
def test_every_school_type_spelling_parses_to_its_member(
    member: SchoolType, data: st.DataObject
) -> None:
    spelling = data.draw(st.sampled_from(SCHOOL_TYPE_SPELLINGS[member]).flatmap(_variants))
    assert to_school_type(spelling) is member


def test_the_vocabulary_is_public_and_prints_as_its_value() -> None:
    assert caopo.Category is Category and caopo.SchoolType is SchoolType
    assert str(Category.SUPPORT_STAFF) == "support_staff" == f"{Category.SUPPORT_STAFF}"
    assert isinstance(Category.DIRECTOR, str) and Category("director") is Category.DIRECTOR
    assert SchoolType("bo") is SchoolType.BO


@pytest.mark.parametrize("junk", ["", "directielid", "school_leader", "bo", 3, None, b"oop"])
def test_an_unknown_category_names_the_input_and_the_members(junk: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        to_category(junk)
    assert repr(junk) in str(caught.value) and "support_staff" in str(caught.value)


@pytest.mark.parametrize("junk", ["", "vo", "teacher", 1, None])
def test_an_unknown_school_type_names_the_input_and_the_members(junk: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        to_school_type(junk)
    assert repr(junk) in str(caught.value) and "so_vso" in str(caught.value)


def test_dates_are_a_date_or_iso_text_and_a_datetime_is_refused_with_a_hint() -> None:
    assert to_date("2024-11-01") == to_date(date(2024, 11, 1)) == date(2024, 11, 1)
    with pytest.raises(InvalidInputError, match=r"not a datetime .*use \.date\(\)"):
        to_date(datetime(2024, 11, 1, 12, 0))


@pytest.mark.parametrize(
    ("parse", "good", "expected", "bad"),
    [
        (to_step, " 5 ", 5, ["²", "05.0", "100", 0, True, 5.0]),
        (to_year, "2021", 2021, ["²⁰²¹", "21", "1899", 10**5000, 2021.0]),
        (to_pupils, "98", 98, ["٩٨", "-1", 100_001, 1.5, False]),
        (to_fte, "0.8", Decimal("0.8"), ["1.3", "0", 0.8, "NaN", "Infinity"]),
    ],
)
def test_numbers_parse_exactly_and_junk_is_refused(
    parse: object, good: object, expected: object, bad: list[object]
) -> None:
    assert callable(parse)
    assert parse(good) == expected
    for value in bad:
        with pytest.raises(InvalidInputError):
            parse(value)


def test_scale_text_normalises_what_people_write() -> None:
    assert scale_text(" l11 ") == "L11"
    assert scale_text("Schaal 08") == scale_text(8) == "8"
    assert scale_text("DC + uitloop") == "DC+U"
    assert scale_text(caopo.scale_code("LB")) == "LB"
    with pytest.raises(UnknownScaleError, match="'LB²'"):
        scale_text("LB²")
    with pytest.raises(InvalidInputError, match="float"):
        scale_text(8.0)


def test_a_parsed_scale_code_is_accepted_wherever_a_scale_is() -> None:
    # Published: LB trede 5 from 1 October 2024 is EUR 3.868 (ambtenarensalaris.nl,
    # CAO PO 2024-2025), the same figure the README's first command prints.
    assert caopo.salary(caopo.scale_code("LB"), 5, on="2024-11-01") == Decimal("3868.00")


@given(st.lists(st.sampled_from(STATUS_ORDER)))
def test_weakest_is_the_latest_in_the_one_order(statuses: list[str]) -> None:
    expected = max(statuses, key=STATUS_ORDER.index, default="published")
    assert weakest(statuses) == expected  # type: ignore[arg-type]


def test_the_order_is_published_derived_provisional() -> None:
    assert weakest(["derived", "provisional"]) == "provisional"
    assert weakest(["published", "derived"]) == "derived"
    assert weakest([]) == "published"


def test_junk_never_escapes_as_a_raw_exception() -> None:
    for parse in (to_category, to_school_type, to_step, to_year, to_pupils, to_fte, scale_text):
        for junk in (object(), [], {}, float("nan"), "\x00", "1e999999"):
            with pytest.raises(CaopoError):
                parse(junk)


@pytest.mark.parametrize("value", ["0.12345678", "0.80001", Decimal(1) / Decimal(3)])
def test_werktijdfactor_has_at_most_four_decimals(value: Decimal | str) -> None:
    """Rechtspositiebesluit WPO/WEC art. 1 sub g: the wtf 'rekenkundig wordt afgerond op vier
    cijfers achter de komma'; AVS: 'kan de werktijdfactor uit 4 cijfers achter de komma
    bestaan' (REVIEW-2026-11-rules.md section 4, W6). More decimals are refused by name, in
    every function that takes a werktijdfactor."""
    with pytest.raises(InvalidInputError, match=r"four decimals.*Rechtspositiebesluit"):
        to_fte(value)
    with pytest.raises(InvalidInputError, match="four decimals"):
        caopo.salary("LB", 5, on="2024-11-01", fte=value)
    assert to_fte("0.1235") == Decimal("0.1235")
    assert to_fte("0.80000") == Decimal("0.80000")
