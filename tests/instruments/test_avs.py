"""caopo.avs_contribution: the AVS rates of 2014-2015 as published (avs.nl 'Contributie',
per 1 augustus 2014: personal part EUR 160; management part 1-100 EUR 215, 101-200 EUR 227,
201-400 EUR 249, 400 or more EUR 286; bovenschools < 600 EUR 286, > 600 EUR 308; aspirant,
buitengewoon and postactief EUR 79; aspirant maillid EUR 31), paid once per school."""

from __future__ import annotations

from decimal import Decimal

import pytest

import caopo
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError


def _one(pupils: int, role: str | None = None) -> caopo.AvsContribution:
    member = {"name": "X", "school": "00AA", "pupils": pupils, "role": role}
    return caopo.avs_contribution([member], school_year="2014-2015")


def test_three_members_at_two_schools() -> None:
    members = [
        {"name": "Ans", "school": "12AB", "pupils": 250, "role": "directeur"},
        {"name": "Bert", "school": "12AB", "pupils": 250, "role": "adjunct-directeur"},
        {"name": "Carla", "school": "34CD", "pupils": 90},
    ]
    result = caopo.avs_contribution(members, school_year="2014-2015")
    assert [(p.name, p.amount) for p in result.personal] == [
        ("Ans", Decimal(160)),
        ("Bert", Decimal(160)),
        ("Carla", Decimal(160)),
    ]
    assert [(m.key, m.band, m.amount, m.members) for m in result.management] == [
        ("12AB", "201-400 leerlingen", Decimal(249), ("Ans", "Bert")),
        ("34CD", "1-100 leerlingen", Decimal(215), ("Carla",)),
    ]
    assert result.total == Decimal(160 * 3 + 249 + 215)
    assert result.status == "published"
    assert result.sources[0].url == "http://www.avs.nl/vereniging/lidworden/contributie/"


def test_two_members_at_one_school_pay_the_management_part_once() -> None:
    # RULES.md section 9: two members at one 250-pupil school: 2 x 160 + 1 x 249 = 569.
    members = [{"name": n, "school": "12AB", "pupils": "250"} for n in ("A", "B")]
    assert caopo.avs_contribution(members, school_year="2014/15").total == Decimal(569)


@pytest.mark.parametrize(
    ("pupils", "amount", "status"),
    [
        (1, 215, "published"),
        (100, 215, "published"),
        (101, 227, "published"),
        (200, 227, "published"),
        (201, 249, "published"),
        (399, 249, "published"),
        (400, 249, "derived"),  # printed in '201-400' and in '400 of meer': read as 201-400
        (401, 286, "published"),
        (5000, 286, "published"),
    ],
)
def test_school_band_edges(pupils: int, amount: int, status: str) -> None:
    result = _one(pupils)
    (part,) = result.management
    assert (part.amount, part.status, result.status) == (Decimal(amount), status, status)
    assert (part.reading is not None) == (status == "derived")


@pytest.mark.parametrize(
    ("pupils", "amount", "status"),
    [
        (1, 286, "published"),
        (599, 286, "published"),
        (600, 286, "derived"),
        (601, 308, "published"),
    ],
)
def test_board_band_edges(pupils: int, amount: int, status: str) -> None:
    result = _one(pupils, role="Bovenschools manager")
    (part,) = result.management
    assert (part.scope, part.amount, part.status) == ("board", Decimal(amount), status)


def test_a_board_and_one_of_its_schools_each_pay_once() -> None:
    members = [
        {"name": "Bo", "school": "Stichting X", "pupils": 1200, "role": "meerscholendirecteur"},
        {"name": "Cy", "school": "Stichting X", "pupils": 1200, "role": "bovenschools"},
        {"name": "Di", "school": "Stichting X", "pupils": 350},
    ]
    result = caopo.avs_contribution(members, school_year="2014-2015")
    assert [(m.scope, m.amount, m.members) for m in result.management] == [
        ("board", Decimal(308), ("Bo", "Cy")),
        ("school", Decimal(249), ("Di",)),
    ]


@pytest.mark.parametrize(
    ("role", "amount"),
    [("aspirant", 79), ("Buitengewoon lid", 79), ("postactief", 79), ("aspirant maillid", 31)],
)
def test_reduced_rates_are_the_whole_contribution(role: str, amount: int) -> None:
    result = caopo.avs_contribution([{"name": "Q", "role": role}], school_year="2014-2015")
    assert [p.amount for p in result.personal] == [Decimal(amount)]
    assert result.management == () and result.total == Decimal(amount)


@pytest.mark.parametrize(
    ("members", "year", "error", "words"),
    [
        ([{"name": "A", "school": "1", "pupils": 5}], "2015-2016", NoDataForDateError, "2014-2015"),
        ([{"name": "A", "school": "1", "pupils": 0}], "2014-2015", NotPublishedError, "start at 1"),
        (
            [{"name": "A", "school": "1", "pupils": 5}, {"name": "B", "school": "1", "pupils": 6}],
            "2014-2015",
            InvalidInputError,
            "one pupil count",
        ),
        (
            [{"name": "A", "school": "1", "pupils": 5, "role": "koning"}],
            "2014-2015",
            InvalidInputError,
            "bovenschools",
        ),
        ([{"name": "A", "pupils": 5}], "2014-2015", InvalidInputError, "school is empty"),
        ([{"name": "A", "school": "1", "pupils": 5}], "2014", InvalidInputError, "consecutive"),
    ],
)
def test_bad_input_raises_naming_it(
    members: list[dict[str, object]], year: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        caopo.avs_contribution(members, school_year=year)


def test_a_dataframe_with_numeric_columns() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {"name": ["A", "B"], "school": ["12AB", "12AB"], "pupils": [250, 250], "role": [None, ""]}
    )
    assert caopo.avs_contribution(frame, school_year="2014-2015").total == Decimal(569)


def test_a_member_listed_twice_is_refused_naming_the_rows() -> None:
    """avs.nl: the personal part is paid per member; the same name at the same school twice
    is one member listed twice (an export joined twice), not two personal parts of EUR 160."""
    members = [
        {"name": "Ans", "school": "12AB", "pupils": 250},
        {"name": "Bert", "school": "12AB", "pupils": 250},
        {"name": " ans ", "school": "12ab", "pupils": 250},
    ]
    with pytest.raises(InvalidInputError, match="member rows 1 and 3 are the same member"):
        caopo.avs_contribution(members, school_year="2014-2015")
    # the same name at another school is another member
    members[2]["school"] = "34CD"
    assert caopo.avs_contribution(members, school_year="2014-2015").total == Decimal(
        3 * 160 + 249 + 249
    )


def test_two_columns_that_read_as_one_are_refused_naming_both() -> None:
    """Column names are read without regard to case: 'Pupils' and 'pupils' in one row cannot
    both be the pupil count, so neither silently wins."""
    members = [{"name": "A", "school": "12AB", "Pupils": 90, "pupils": 250}]
    with pytest.raises(InvalidInputError, match="'Pupils' and 'pupils'"):
        caopo.avs_contribution(members, school_year="2014-2015")
    # a column that is not read may come twice (a payroll export has many)
    extra = [{"name": "A", "school": "12AB", "pupils": 250, "Notes": "x", "notes": "y"}]
    assert caopo.avs_contribution(extra, school_year="2014-2015").total == Decimal(160 + 249)
