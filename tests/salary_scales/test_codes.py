"""Scale codes and FUWA PO levels (caopo.salary_scales.codes, data/mappings).

Published facts are typed from the sources named in each test (seed 004 = the AVS salary
FAQ in shared/seeds/004_*.txt; RULES.md section 4), not from caopo's output.
"""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import load_file, shipped_data_dir
from caopo.cli import main
from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NoDataForDateError,
    NoEquivalenceError,
    UnknownScaleError,
    shown,
)
from caopo.inputs import Category
from caopo.salary_scales.careers import career_timeline
from caopo.salary_scales.codes import (
    ScaleCode,
    category_scale,
    check_consistency,
    code_order,
    numeric_scale,
    registry,
    scale_code,
    scale_info,
)
from caopo.salary_scales.conversions import convert
from caopo.salary_scales.renames import successor
from caopo.schema.mappings import ScaleCodeRegistry, ScaleTransitions

MAPPINGS = sorted((shipped_data_dir() / "mappings").glob("*.yaml"))
DOCS = Path(__file__).resolve().parents[2] / "docs" / "scales.md"


@pytest.mark.parametrize("path", MAPPINGS, ids=[p.name for p in MAPPINGS])
def test_every_mapping_file_validates(path: Path) -> None:
    document = load_file(path)
    assert isinstance(document, (ScaleCodeRegistry, ScaleTransitions))
    assert document.sources  # every fact cites a key of this registry (checked by the schema)


def test_mapping_files_are_the_two_kinds() -> None:
    kinds = sorted(load_file(p).kind for p in MAPPINGS)
    assert kinds == ["scale_codes", "scale_transitions"]


def test_rename_chain_is_consistent() -> None:
    reg = registry()
    assert check_consistency(reg) == []
    for transition in reg.transitions:
        before = transition.on - timedelta(days=1)
        for mapping in transition.map:
            assert reg.codes[mapping.source_code].exists_on(before)
            assert reg.codes[mapping.target_code].exists_on(transition.on)


@pytest.mark.parametrize(
    ("text", "code", "category"),
    [
        ("L11", "L11", "teacher"),
        ("l11", "L11", "teacher"),
        (" lb ", "LB", "teacher"),
        ("schaal 8", "8", "support_staff"),
        ("Schaal 8", "8", "support_staff"),
        ("8", "8", "support_staff"),
        (8, "8", "support_staff"),
        ("D12", "D12", "director"),
        ("d 12", "D12", "director"),
        ("DC+uitloop", "DC+U", "director"),
        ("DC + uitloop", "DC+U", "director"),
        ("DC+U", "DC+U", "director"),
        ("A11", "A11", "adjunct"),
    ],
)
def test_parse(text: object, code: str, category: str) -> None:
    parsed = ScaleCode.parse(text)
    assert (parsed.code, parsed.category, str(parsed)) == (code, category, code)
    assert caopo.scale_code(text) == parsed


@pytest.mark.parametrize(
    ("value", "error", "words"),
    [
        ("LX", UnknownScaleError, ["'LX'", "known codes"]),
        ("", UnknownScaleError, ["''"]),
        ("L13", UnknownScaleError, ["'L13'", "webwoordenboek"]),
        ("schaal 16", UnknownScaleError, ["'schaal 16'", "no OOP scale 16"]),
        ("B3", UnknownScaleError, ["'B3'", "board"]),
        (1.5, InvalidInputError, ["1.5"]),
        (True, InvalidInputError, ["True"]),
        (None, InvalidInputError, ["None"]),
    ],
)
def test_junk_names_the_input(value: object, error: type[Exception], words: list[str]) -> None:
    with pytest.raises(error) as info:
        scale_code(value)
    for word in words:
        assert word in str(info.value)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=12), st.integers(), st.floats(), st.none(), st.binary()))
def test_arbitrary_input_raises_only_caopo_errors(value: object) -> None:
    try:
        parsed = scale_code(value)
    except CaopoError as exc:
        assert shown(value) in str(exc)
    else:
        assert parsed.code in registry().codes


# Seed 004 (AVS, "Functiecategorieen"): numeric scale -> category code since FUWA PO 2006-08-01.
SEED_004 = [
    ("teacher", 9, "LA"),
    ("teacher", 10, "LB"),
    ("teacher", 11, "LC"),
    ("adjunct", 10, "AB"),
    ("adjunct", 11, "AC"),
    ("adjunct", 12, "AD"),
    ("adjunct", 13, "AE"),
    ("director", 10, "DA"),
    ("director", 11, "DB"),
    ("director", 12, "DC"),
    ("director", 13, "DD"),
    ("director", 14, "DE"),
]


@pytest.mark.parametrize(("category", "level", "code"), SEED_004)
def test_seed_004_mapping(category: str, level: int, code: str) -> None:
    on = date(2010, 1, 1)
    assert category_scale(level, category=category, on=on).code == code
    assert numeric_scale(code, on=on) == level


def test_numeric_category_round_trip_for_every_code_period() -> None:
    for code in registry().codes.values():
        for period in code.periods:
            for day in (period.start, (period.end or date(2030, 1, 1)) - timedelta(days=1)):
                if period.numeric is None:
                    with pytest.raises(NoEquivalenceError, match=code.code.replace("+", r"\+")):
                        numeric_scale(code, on=day)
                    continue
                assert numeric_scale(code.code, on=day) == period.numeric
                back = category_scale(period.numeric, category=code.category, on=day)
                assert back == code


def test_new_scales_carry_their_level() -> None:
    assert category_scale("12", category="adjunct", on="2021-01-01").code == "A12"
    assert category_scale(13, category="director", on="2023-01-01").code == "D13"
    assert category_scale(10, category="teacher", on="2023-01-01").code == "LB"
    assert category_scale(10, category="teacher", on="2019-01-01").code == "L10"


@pytest.mark.parametrize(
    ("level", "category", "on", "words"),
    [
        (10, "director", "2021-01-01", ["DA", "FUWA PO", "2020-08-01"]),
        (12, "adjunct", "2020-09-01", []),  # A12 exists: no error (checked below)
        (10, "adjunct", "2025-01-01", ["A10", "2025-07-01"]),
        (11, "director", "2024-10-01", ["D11", "CAO PO 2024-2025"]),
        (12, "teacher", "2010-01-01", ["teacher levels on that date", "9 (LA)"]),
        (14, "board", "2024-01-01", ["B-schalen", "No B-scale codes"]),
    ],
)
def test_no_published_equivalence_explains(
    level: int, category: str, on: str, words: list[str]
) -> None:
    if not words:
        assert category_scale(level, category=category, on=on).code == "A12"
        return
    with pytest.raises(NoEquivalenceError) as info:
        category_scale(level, category=category, on=on)
    for word in words:
        assert word in str(info.value)


@pytest.mark.parametrize(
    ("category", "level", "code"),
    [
        ("adjunct-directeur", 12, "A12"),
        ("Adjunct Directeur", 11, "A11"),
        ("Directeur", 13, "D13"),
        ("DIRECTOR", 12, "D12"),
        (Category.DIRECTOR, 14, "D14"),
        (Category.ADJUNCT, 13, "A13"),
        ("leraar", 11, "LC"),
        ("oop", 8, "8"),
        ("onderwijsondersteunend personeel", 6, "6"),
    ],
)
def test_category_scale_accepts_every_spelling_of_the_one_category(
    category: Category | str, level: int, code: str
) -> None:
    # The A/D levels are the FUWA PO levels of the codes since 2020-08-01 (PO-Raad 2020,
    # CAO PO 2019-2020 art. 5.6); teachers LB/LC/LD = 10/11/12 since 2022 (PORAAD-OMZETTING).
    assert category_scale(level, category=category, on="2023-01-01").code == code


@pytest.mark.parametrize("board", ["board", "bestuurder", Category.BOARD])
def test_board_has_no_scale_codes_and_says_so(board: Category | str) -> None:
    with pytest.raises(NoEquivalenceError, match="no board scale at numeric level 14"):
        category_scale(14, category=board, on="2024-01-01")


def test_the_one_scale_code_is_accepted_wherever_a_scale_is() -> None:
    lb, l11 = scale_code("LB"), scale_code("L11")
    assert numeric_scale(l11, on="2019-03-01") == 11
    assert scale_info(lb, on="2024-11-01").code == "LB"
    assert caopo.steps(lb, on="2024-11-01") == caopo.steps("LB", on="2024-11-01")
    detail = caopo.salary_detail(lb, 5, on="2024-11-01")
    assert (detail.scale, detail.amount) == ("LB", caopo.salary("LB", 5, on="2024-11-01"))
    assert convert(scale_code("LA"), 8, at="2018-09-01").new_scale == "L10"
    rows = career_timeline(lb, 5, since="2024-10-01", until="2024-12-01", mode="strict")
    assert rows == career_timeline("LB", 5, since="2024-10-01", until="2024-12-01", mode="strict")
    assert successor(scale_code("LA"), on="2024-01-01") == lb


def test_dates_before_the_data_raise() -> None:
    with pytest.raises(NoDataForDateError, match="2006-08-01"):
        numeric_scale("LA", on="2005-01-01")
    with pytest.raises(InvalidInputError, match="'teachers'"):
        category_scale(10, category="teachers", on="2010-01-01")


def test_code_outside_its_period_names_the_periods_and_fate() -> None:
    with pytest.raises(UnknownScaleError) as info:
        numeric_scale("LA", on="2019-01-01")
    assert "2006-08-01..2018-09-01" in str(info.value)
    assert "L10" in str(info.value)


def test_scale_info_has_sources() -> None:
    info = scale_info("DC+uitloop", on="2015-01-01")
    assert info.code == "DC+U" and info.numeric is None and info.steps == 18
    assert info.sources
    assert scale_info("L10", on="2019-01-01").becomes == "LB"


def test_cli_scale_answers_with_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scale", "12", "--category", "adjunct", "--on", "2010-01-01"]) == 0
    out = capsys.readouterr().out
    assert ": AD" in out and "source: " in out and "avs.nl" in out


def test_cli_scale_without_equivalence_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scale", "10", "--category", "director", "--on", "2021-01-01"]) == 3
    assert "FUWA PO" in capsys.readouterr().err


def test_cli_scale_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scale", "l11", "--on", "2019-01-01", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"code": "L11"' in out and '"numeric": 11' in out


def test_docs_scales_page() -> None:
    result = doctest.testfile(str(DOCS), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("level", [0, 100, "12a", "", True, 12.0, None, -1])
def test_the_numeric_scale_is_parsed_as_a_step_is(level: Any) -> None:
    with pytest.raises(InvalidInputError) as info:
        category_scale(level, category="adjunct", on="2021-01-01")
    assert str(info.value).startswith("numeric scale must be a whole number from 1 to 99, not ")


def test_one_sort_order_for_scale_codes() -> None:
    # by category (teachers, adjuncts, directors, support staff), then letters, then number
    codes = ["8", "DC+U", "D12", "LB", "A11", "DC", "10", "AB", "L11", "D9"]
    assert sorted(codes, key=code_order) == [
        "L11", "LB", "A11", "AB", "D9", "D12", "DC", "DC+U", "8", "10"
    ]  # fmt: skip
