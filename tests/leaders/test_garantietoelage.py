"""Garantietoelage (art. 5.6 lid 8 CAO PO 2019-2020): the AVS example, indexation, properties.

AVS 'Welke gevolgen heeft het onderhandelaarsakkoord voor uw salaris?' (CAO PO 2019-2020):
DB trede 15 earns EUR 5.006 on 2020-01-01 plus a directietoelage of EUR 339,49, counted in
salary terms as EUR 294,95: comparison amount EUR 5.300,95. D11's final amount is EUR 4.861,
lower, so the salary guarantee applies; 5.300,95 - 4.861 = 439,95 per month (RULES.md 1).
In D12 the next-higher amount is EUR 5.345: no guarantee.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.cli import main
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError

# The shipped 2020-01-01 school-leader table prints DB trede 15 but not D11: the AVS example
# prints D11's final amount (4.861) without its trede. The test table stores it as D11 trede 16
# (the trede number is the test's choice; only the amount is from the source).
AVS_TABLE = """\
kind: salary_scales
table: school_leaders
title: "Test table: the amounts the AVS example prints (DB trede 15, D11 eindbedrag)"
effective_from: 2020-01-01
effective_until: 2020-08-01
cao: "CAO PO 2019-2020"
status: published
coverage: partial
sources:
  - title: "Welke gevolgen heeft het onderhandelaarsakkoord voor uw salaris? (CAO PO 2019-2020)"
    url: https://avs.nl/veelgestelde-vragen/welke-gevolgen-heeft-het-onderhandelaarsakkoord-voor-uw-salaris/
cells:
  "DB": {15: 5006}
  "D11": {16: 4861}
  "D12": {9: 5345}
"""


@pytest.fixture
def avs_table(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "school_leaders_2020-01-01.yaml").write_text(AVS_TABLE, encoding="utf-8")
    caopo.use_tables(tmp_path, replace=True)
    try:
        yield
    finally:
        caopo.reset_tables()


@pytest.mark.usefixtures("avs_table")
def test_avs_example_db15_to_d11() -> None:
    d = caopo.garantietoelage_detail(
        old_scale="DB", old_step=15, new_scale="D11", new_step=16, on="2020-01-01"
    )
    assert d.old_salary == Decimal("5006")
    assert d.directietoelage_equivalent == Decimal("294.95")
    assert d.guaranteed_amount == Decimal("5300.95")
    assert d.actual_salary == Decimal("4861")
    assert d.amount == Decimal("439.95")
    assert d.indexation_factor == 1 and not d.carried_forward


@pytest.mark.usefixtures("avs_table")
def test_avs_example_db15_to_d12_has_no_guarantee() -> None:
    assert caopo.garantietoelage(
        old_scale="DB", old_step=15, new_scale="D12", new_step=9, on="2020-01-01"
    ) == Decimal("0.00")


def test_avs_example_with_the_new_salary_given() -> None:
    # the shipped tables hold DB trede 15 of 2020-01-01 (5.006); D11 comes from the caller
    amount = caopo.garantietoelage(
        old_scale="DB", old_step=15, new_scale="D11", new_salary="4861", on="2020-01-01"
    )
    assert amount == Decimal("439.95")


def test_part_time_is_pro_rata() -> None:
    amount = caopo.garantietoelage(
        old_scale="DB", old_step=15, new_scale="D11", new_salary="4861", on="2020-01-01", fte="0.6"
    )
    assert amount == Decimal("263.97")  # 439.95 x 0.6 = 263.97


def test_old_step_is_capped_at_the_old_maximum() -> None:
    d = caopo.garantietoelage_detail(
        old_scale="DB", old_step=19, new_scale="D11", new_salary="4861", on="2020-01-01"
    )
    assert d.old_step_used == 15 and any("capped" in note for note in d.notes)


def test_carried_forward_by_the_indexation_chain() -> None:
    # 2021-01-01 +2,25 %: unresolved (counted by default); 2022-01-01 conversion: not
    # indexation; 2022-07-01 +4,75 %: counts (AVS 2022-11-07).
    d = caopo.garantietoelage_detail(
        old_scale="DB", old_step=15, new_scale="D12", new_salary="5000", on="2022-07-01"
    )
    assert d.carried_forward and d.status == "derived"
    assert d.indexation_factor == Decimal("1.0225") * Decimal("1.0475")
    expected = (Decimal("5006") + Decimal("294.95")) * Decimal("1.0225") * Decimal("1.0475")
    assert d.guaranteed_amount == expected.quantize(Decimal("0.01"))
    counted = {step.on.isoformat(): step.counted for step in d.indexation}
    assert counted == {"2021-01-01": True, "2022-01-01": False, "2022-07-01": True}
    strict = caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=15,
        new_scale="D12",
        new_salary="5000",
        on="2022-07-01",
        unresolved_raises_count=False,
    )
    assert strict.indexation_factor == Decimal("1.0475")


def test_a_conversion_that_raises_only_the_new_salary_shrinks_the_toelage() -> None:
    before = caopo.garantietoelage(
        old_scale="DB", old_step=15, new_scale="D12", new_salary="5000", on="2021-12-31"
    )
    after = caopo.garantietoelage(
        old_scale="DB", old_step=15, new_scale="D12", new_salary="5200", on="2022-01-01"
    )
    assert after == before - 200


def test_errors_name_the_value() -> None:
    with pytest.raises(NoDataForDateError, match="2019-12-31"):
        caopo.garantietoelage(
            old_scale="DB", old_step=15, new_scale="D11", new_salary="4861", on="2019-12-31"
        )
    with pytest.raises(InvalidInputError, match="'AC'"):
        caopo.garantietoelage(
            old_scale="AC", old_step=5, new_scale="A11", new_salary="4000", on="2020-01-01"
        )
    with pytest.raises(InvalidInputError, match="'AB'"):
        caopo.garantietoelage(
            old_scale="AB",
            old_step=13,
            new_scale="A11",
            new_salary="4000",
            on="2020-01-01",
            directietoelage=True,
        )
    with pytest.raises(NotPublishedError):  # DB trede 12 of 2020 is not published
        caopo.garantietoelage(
            old_scale="DB", old_step=12, new_scale="D11", new_salary="4000", on="2020-01-01"
        )
    with pytest.raises(InvalidInputError, match="new_step"):
        caopo.garantietoelage(old_scale="DB", old_step=15, new_scale="D11", on="2020-01-01")


salaries = st.decimals(min_value=Decimal("2000"), max_value=Decimal("9000"), places=2)
dates = st.sampled_from(["2020-01-01", "2020-08-01", "2021-06-01", "2022-07-01", "2024-11-01"])


@settings(max_examples=50, deadline=None)
@given(low=salaries, high=salaries, on=dates)
def test_never_negative_and_does_not_grow_when_only_the_new_salary_rises(
    low: Decimal, high: Decimal, on: str
) -> None:
    low, high = min(low, high), max(low, high)
    args = {"old_scale": "DB", "old_step": 15, "new_scale": "D12", "on": on}
    at_low = caopo.garantietoelage(**args, new_salary=low)  # type: ignore[arg-type]
    at_high = caopo.garantietoelage(**args, new_salary=high)  # type: ignore[arg-type]
    assert at_low >= 0 and at_high >= 0
    assert at_high <= at_low


@settings(max_examples=30, deadline=None)
@given(extra=st.decimals(min_value=Decimal("0"), max_value=Decimal("3000"), places=2), on=dates)
def test_zero_after_a_promotion_above_the_guarantee(extra: Decimal, on: str) -> None:
    guaranteed = caopo.garantietoelage_detail(
        old_scale="DB", old_step=15, on=on, new_scale="D12", new_salary="1000"
    ).guaranteed_amount
    promoted = caopo.garantietoelage(
        old_scale="DB", old_step=15, on=on, new_scale="D13", new_salary=guaranteed + extra
    )
    assert promoted == 0


def test_cli_explains_each_factor(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["garantietoelage", "--old-scale", "DB", "--old-step", "15", "--new-scale", "D11"]
    assert main([*args, "--new-salary", "4861", "--on", "2020-01-01"]) == 0
    out = capsys.readouterr().out
    for words in ("€ 439,95", "€ 5.006,00", "€ 294,95", "€ 5.300,95", "€ 4.861,00", "5.6 lid 8"):
        assert words in out
    assert main([*args, "--new-salary", "5000", "--on", "2022-07-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["carried_forward"] is True and len(data["indexation"]) == 3
