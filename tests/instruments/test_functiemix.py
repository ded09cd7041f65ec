"""caopo.functiemix: the convenant targets and national counts as published (Convenant
Leerkracht van Nederland 2008, functiemix.nl; RULES.md section 7), shares that sum to 100 %
whatever the order of the staff list, and the stated reading of the renamed scales."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.errors import InvalidInputError, NoDataForDateError, UnknownScaleError

# A fictional basisschool in 2015: eight teachers, one of them part-time in LB, and an
# onderwijsassistent (support staff, not counted).
SCHOOL = [
    {"name": "Anna", "scale": "LA", "fte": "1"},
    {"name": "Bram", "scale": "LA", "fte": "0.8"},
    {"name": "Cato", "scale": "LA", "fte": "0.6"},
    {"name": "Daan", "scale": "LA", "fte": "1"},
    {"name": "Eva", "scale": "LA", "fte": "0.4"},
    {"name": "Fleur", "scale": "LB", "fte": "1"},
    {"name": "Gijs", "scale": "LB", "fte": "0.5"},
    {"name": "Hana", "scale": "LC", "fte": "1"},
    {"name": "Ivo", "scale": "schaal 5", "fte": "0.6"},
]


def test_bao_targets_are_the_published_58_40_2() -> None:
    # Convenant Leerkracht van Nederland (2008): bao LA 58 %, LB 40 %, LC 2 % (functiemix.nl).
    mix = caopo.functiemix(SCHOOL, sector="bao", on="2015-03-01")
    assert [(row.level, row.target) for row in mix.levels] == [
        ("LA", Decimal(58)),
        ("LB", Decimal(40)),
        ("LC", Decimal(2)),
    ]


def test_sbo_and_wec_targets_are_the_published_86_14() -> None:
    # Convenant 2008: sbo and wec LB 86 %, LC 14 % (functiemix.nl).
    for sector in ("sbo", "wec", "so/vso", "sbo_wec"):
        mix = caopo.functiemix(SCHOOL, sector=sector, on="2015-03-01")
        assert {row.level: row.target for row in mix.levels} == {
            "LA": Decimal(0),
            "LB": Decimal(86),
            "LC": Decimal(14),
        }


def test_vo_targets_randstad_and_elsewhere() -> None:
    # VO: Randstad LB 16 / LC 55 / LD 29; elsewhere LB 46 / LC 27 / LD 27 (functiemix.nl VO).
    staff = [{"scale": "LD", "fte": 1}, {"scale": "LB", "fte": 1}]
    randstad = caopo.functiemix(staff, sector="VO Randstad", on="2013-01-01")
    elsewhere = caopo.functiemix(staff, sector="vo niet-Randstad", on="2013-01-01")
    assert [r.target for r in randstad.levels] == [Decimal(16), Decimal(55), Decimal(29)]
    assert [r.target for r in elsewhere.levels] == [Decimal(46), Decimal(27), Decimal(27)]
    assert randstad.mapping == "VO scale names"
    assert randstad.national_teldatum is None


def test_the_national_count_of_that_school_year() -> None:
    # DUO, peildatum 1 October 2017: bao LA 72.9 / LB 26.7 / LC 0.3 (functiemix.nl 2017).
    mix = caopo.functiemix(SCHOOL, sector="basisschool", on="2018-03-01")
    assert mix.national_teldatum == date(2017, 10, 1)
    assert [row.national for row in mix.levels] == [
        Decimal("72.9"),
        Decimal("26.7"),
        Decimal("0.3"),
    ]


def test_a_fictional_school_by_head_count_and_by_fte() -> None:
    mix = caopo.functiemix(SCHOOL, sector="bao", on="2015-03-01")
    la, lb, lc = mix.levels
    assert (mix.heads, mix.fte) == (8, Decimal("6.3"))
    assert (la.heads, lb.heads, lc.heads) == (5, 2, 1)
    assert (la.fte, lb.fte, lc.fte) == (Decimal("3.8"), Decimal("1.5"), Decimal("1"))
    # 5/8, 2/8, 1/8 of the heads; 3.8/6.3, 1.5/6.3, 1/6.3 of the fte (to 0.01 %).
    assert (la.head_share, lb.head_share, lc.head_share) == (
        Decimal("62.50"),
        Decimal("25.00"),
        Decimal("12.50"),
    )
    assert (la.fte_share, lb.fte_share, lc.fte_share) == (
        Decimal("60.32"),
        Decimal("23.81"),
        Decimal("15.87"),
    )
    # The target share of 6.3 fte, and what each level is short of (negative: above).
    assert lb.target_fte == Decimal("2.52") and lb.gap_fte == Decimal("1.02")
    assert lc.gap_fte == Decimal("-0.874")
    assert [(e.row, e.scale) for e in mix.excluded] == [(9, "5")]
    assert mix.status == "published" and mix.mapping == "convenant scales"
    assert mix.national_teldatum == date(2014, 10, 1)


def test_the_renamed_scales_are_read_as_convenant_levels_and_say_so() -> None:
    staff = [{"scale": "L10", "fte": 1}, {"scale": "L11", "fte": 1}]
    mix = caopo.functiemix(staff, sector="bao", on="2019-03-01")
    assert dict(mix.scale_levels) == {"L10": "LA", "L11": "LB", "L12": "LC"}
    assert mix.status == "derived" and "reading" in mix.mapping
    assert "LA -> L10 on 2018-09-01" in mix.renames
    assert mix.convenant_note is not None and "replaced the functiemix" in mix.convenant_note
    later = caopo.functiemix(
        [{"scale": "LB", "fte": 1}, {"scale": "LE", "fte": 1}], sector="bao", on="2024-11-01"
    )
    assert dict(later.scale_levels) == {"LB": "LA", "LC": "LB", "LD": "LC"}
    assert [(e.scale, "no convenant level" in e.reason) for e in later.excluded] == [("LE", True)]


@pytest.mark.parametrize(
    ("staff", "sector", "on", "error", "words"),
    [
        ([{"scale": "LA", "fte": 1}], "bao", "2024-01-01", UnknownScaleError, "became L10"),
        ([{"scale": "LB", "fte": 1}], "bao", "2007-06-01", NoDataForDateError, "2008"),
        ([{"scale": "LB", "fte": 1}], "mbo", "2015-01-01", InvalidInputError, "sbo_wec"),
        ([{"scale": "8", "fte": 1}], "bao", "2015-01-01", InvalidInputError, "convenant level"),
        ([{"scale": "LB"}], "bao", "2015-01-01", InvalidInputError, "row 1 has no fte"),
        ([{"scale": "LB", "fte": 0.8}], "bao", "2015-01-01", InvalidInputError, "float"),
        ([], "bao", "2015-01-01", InvalidInputError, "empty"),
        ("LB", "bao", "2015-01-01", InvalidInputError, "sequence of mappings"),
    ],
)
def test_bad_input_raises_naming_it(
    staff: object, sector: str, on: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        caopo.functiemix(staff, sector=sector, on=on)


def test_a_dataframe_gives_the_same_result_as_its_rows() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(SCHOOL, dtype=str)
    assert caopo.functiemix(frame, sector="bao", on="2015-03-01") == caopo.functiemix(
        SCHOOL, sector="bao", on="2015-03-01"
    )


_ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "scale": st.sampled_from(["LA", "LB", "LC", "7"]),
            "fte": st.decimals(min_value="0.05", max_value="1.2", places=2),
        }
    ),
    min_size=1,
    max_size=25,
).filter(lambda rows: any(row["scale"] != "7" for row in rows))


@settings(max_examples=60, deadline=None)
@given(rows=_ROWS, data=st.data())
def test_shares_sum_to_100_and_do_not_depend_on_the_order(
    rows: list[dict[str, object]], data: st.DataObject
) -> None:
    mix = caopo.functiemix(rows, sector="bao", on="2016-01-01")
    assert sum(r.head_share for r in mix.levels) == Decimal(100)
    assert sum(r.fte_share for r in mix.levels) == Decimal(100)
    assert sum(r.gap_fte for r in mix.levels) == Decimal(0)
    shuffled = data.draw(st.permutations(rows))
    again = caopo.functiemix(shuffled, sector="bao", on="2016-01-01")
    assert again.levels == mix.levels


def test_fte_and_FTE_in_one_row_are_refused_naming_both() -> None:
    """The review's case: a staff row with 'FTE' and 'fte' (read without regard to case)
    would let the later column win silently; it is refused, naming both."""
    staff = [{"scale": "LB", "FTE": "1", "fte": "0.4"}]
    with pytest.raises(InvalidInputError, match="'FTE' and 'fte'"):
        caopo.functiemix(staff, sector="bao", on="2015-03-01")
