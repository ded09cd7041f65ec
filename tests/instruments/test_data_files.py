"""The instrument data files: a broken copy of each shipped file is refused with its path
and the reason, and junk input to the instruments raises only caopo errors."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import load_file
from caopo.errors import CaopoError, DataFileError
from tests._helpers import DATA

BROKEN = [
    ("avs/avs_contribution_2014-08-01.yaml", "from: 401", "from: 400", "must start right after"),
    (
        "avs/avs_contribution_2014-08-01.yaml",
        "reading_at: 600",
        "reading_at: 700",
        "outside the band",
    ),
    ("functiemix/functiemix.yaml", '"LB": 40, "LC": 2', '"LB": 39, "LC": 2', "sum to 100"),
    ("functiemix/functiemix.yaml", "teldatum: 2013-10-01", "teldatum: 2013-09-01", "1 October"),
    (
        "functiemix/functiemix.yaml",
        "source: [FM-2017]}",
        "source: [FM-2099]}",
        "unknown source key",
    ),
    (
        "example_functions/example_functions.yaml",
        'aliases: ["leerkrachtondersteuner A"]',
        'aliases: ["leraarondersteuner B"]',
        "names both",
    ),
    (
        "example_functions/example_functions.yaml",
        "scales_note: \"Seed 004 lists 'Functiebeschrijving adjunct-directeuren'; no source that was read prints its scale (the A-scales run A10..A13).\", ",
        "",
        "give 'scales' or 'scales_note'",
    ),
    (
        "editions/onderhandelaarsakkoord_2022.yaml",
        "after_until: 2022-07-01",
        "after_until: 2021-07-01",
        "must run",
    ),
    ("editions/onderhandelaarsakkoord_2022.yaml", '- {scale: "A11"', '- {scale: "A10"', "two rows"),
]


@pytest.mark.parametrize(("file", "old", "new", "words"), BROKEN)
def test_a_broken_copy_is_refused(
    tmp_path: Path, file: str, old: str, new: str, words: str
) -> None:
    text = (DATA / file).read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r} is not in {file}"
    broken = tmp_path / Path(file).name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_file(broken)
    assert str(info.value).startswith(str(broken)) and words in str(info.value)


_JUNK = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=12),
    st.lists(
        st.dictionaries(
            st.sampled_from(["scale", "fte", "name", "school", "pupils", "role", "x"]),
            st.one_of(st.none(), st.integers(-5, 2000), st.text(max_size=8)),
        ),
        max_size=4,
    ),
)


@settings(max_examples=150, deadline=None)
@given(table=_JUNK, word=st.one_of(st.text(max_size=12), st.integers(), st.none()))
def test_junk_raises_only_caopo_errors(table: object, word: object) -> None:
    calls: list[Callable[[], object]] = [
        lambda: caopo.functiemix(table, sector="bao", on="2015-01-01"),
        lambda: caopo.functiemix([{"scale": "LB", "fte": 1}], sector=word, on="2015-01-01"),  # type: ignore[arg-type]
        lambda: caopo.avs_contribution(table, school_year="2014-2015"),
        lambda: caopo.example_function(word, on="2024-01-01"),  # type: ignore[arg-type]
        lambda: caopo.compare_editions(word, before="2021-12-31", after="2022-01-01"),  # type: ignore[arg-type]
    ]
    for call in calls:
        with contextlib.suppress(CaopoError):
            call()
