"""Renames between CAO PO editions (caopo.salary_scales.renames, data/mappings).

Published facts are typed from the sources named in each test (RULES.md section 4; the
source keys of data/mappings/scale_transitions.yaml), not from caopo's output.
"""

from __future__ import annotations

import pytest

from caopo.errors import NoEquivalenceError, UnknownScaleError
from caopo.salary_scales.codes import scale_code
from caopo.salary_scales.renames import rename_chain, successor


def test_renames() -> None:
    # RULES.md section 4: LA -> L10 (2018-09-01) -> LB (2022-01-01); old LB -> L11 -> LC.
    assert successor("LA", on="2024-01-01").code == "LB"
    assert successor("LB", on="2024-01-01", held_on="2017-01-01").code == "LC"
    assert successor("LB", on="2024-01-01").code == "LB"  # the VO-equal LB of 2022
    assert successor("LC", on="2019-01-01").code == "L12"
    assert successor("AA", on="2015-01-01").code == "AB"
    assert successor("A11", on="2023-01-01").code == "A11"
    chain = rename_chain("LA", on="2024-01-01")
    assert [(r.source_code, r.target_code, r.placement) for r in chain] == [
        ("LA", "L10", "same_step"),
        ("L10", "LB", "next_higher_amount"),
    ]
    assert all(r.sources for r in chain)


def test_lapsed_successor_explains() -> None:
    with pytest.raises(NoEquivalenceError, match="FUWA PO"):
        successor("AA", on="2021-01-01")
    with pytest.raises(NoEquivalenceError, match="2025-07-01"):
        successor("D11", on="2025-01-01")


def test_a_lapse_is_the_last_link() -> None:
    # PORAAD-2020 (CAO PO 2019-2020 art. 5.6): DB lapsed on 2020-08-01 without a mapping.
    chain = rename_chain("DB", on="2024-01-01")
    assert [(str(r.on), r.source_code, r.target_code, r.placement) for r in chain] == [
        ("2020-08-01", "DB", None, "lapsed")
    ]
    assert "FUWA PO" in chain[-1].rule


def test_held_on_must_be_a_date_the_code_was_held() -> None:
    with pytest.raises(UnknownScaleError, match=r"2006-08-01\.\.2018-09-01"):
        rename_chain("LA", on="2024-01-01", held_on="2019-01-01")


def test_a_scale_code_value_is_accepted() -> None:
    assert successor(scale_code("LA"), on="2024-01-01") == scale_code("LB")
