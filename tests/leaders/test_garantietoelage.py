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
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import catalog
from caopo.cli import main
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.salary_scales.codes import scale_code
from caopo.schema.garantietoelage import GuaranteeRules

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


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (
            {"directietoelage": "no"},
            "directietoelage (or None: by scale) must be True or False, not 'no'",
        ),
        ({"directietoelage": 0}, "directietoelage (or None: by scale) must be True or False"),
        (
            {"unresolved_raises_count": "false"},
            "unresolved_raises_count must be True or False, not 'false'",
        ),
        ({"unresolved_raises_count": None}, "unresolved_raises_count must be True or False"),
    ],
)
def test_flags_must_be_bool(flags: dict[str, Any], words: str) -> None:
    # "no" is truthy: read as yes it would add the directietoelage the caller refused
    with pytest.raises(InvalidInputError) as info:
        caopo.garantietoelage(
            old_scale="DB", old_step=15, new_scale="D11", new_salary="4861", on="2020-01-01",
            **flags,
        )  # fmt: skip
    assert words in str(info.value)


salaries = st.decimals(min_value=Decimal("2000"), max_value=Decimal("9000"), places=2)
dates = st.sampled_from(["2020-01-01", "2020-08-01", "2021-06-01", "2022-07-01", "2024-11-01"])


@settings(max_examples=50, deadline=None)
@given(low=salaries, high=salaries, on=dates)
def test_never_negative_and_does_not_grow_when_only_the_new_salary_rises(
    low: Decimal, high: Decimal, on: str
) -> None:
    low, high = min(low, high), max(low, high)
    at_low, at_high = (
        caopo.garantietoelage(old_scale="DB", old_step=15, new_scale="D12", on=on, new_salary=x)
        for x in (low, high)
    )
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
    data = json.loads(capsys.readouterr().out)["result"]
    assert data["carried_forward"] is True and len(data["indexation"]) == 3


@pytest.mark.usefixtures("avs_table")
def test_avs_example_reached_by_the_periodiek() -> None:
    # DB trede 13 on 2018-01-01: the periodieken of 2018-08-01 and 2019-08-01 give trede 15
    # on 2020-01-01, the step of the AVS example (5.006 + 294,95 - 4.861 = 439,95).
    d = caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=13,
        old_step_on="2018-01-01",
        new_scale="D11",
        new_step=16,
        on="2020-01-01",
    )
    assert [(str(p.on), p.step) for p in d.periodieken] == [("2018-08-01", 14), ("2019-08-01", 15)]
    assert d.old_step == 13 and d.old_step_used == 15
    assert d.amount == Decimal("439.95")


def _from_db13(
    *, on: str, old_step_on: str | None = None, in_service_from: str | None = None
) -> Decimal:
    return caopo.garantietoelage(
        old_scale="DB",
        old_step=13,
        old_step_on=old_step_on,
        in_service_from=in_service_from,
        new_scale="D11",
        new_salary="4861",
        on=on,
    )


def test_the_periodiek_condition_counts_from_the_start_of_service() -> None:
    # 17 days in service before 2018-08-01 (< 60, the rule in data): no periodiek then, so
    # only trede 14 is reached by 2020-07-31 (not published in the shipped 2020 table).
    with pytest.raises(NotPublishedError, match="DB trede 14"):
        _from_db13(old_step_on="2018-07-15", on="2020-07-31")
    settled = caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=13,
        old_step_on="2018-07-15",
        in_service_from="2010-08-01",
        new_scale="D11",
        new_salary="4861",
        on="2020-07-31",
    )
    assert [p.raised for p in settled.periodieken] == [True, True]
    assert settled.old_step_used == 15 and settled.amount == Decimal("439.95")
    late = caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=13,
        old_step_on="2018-07-15",
        new_scale="D11",
        new_salary="4861",
        on="2021-09-01",
    )
    assert [p.raised for p in late.periodieken] == [False, True, True, False]
    assert "17 days" in late.periodieken[0].reason


def test_periodieken_after_the_lapse_follow_the_old_scale() -> None:
    # the guarantee keeps the prospect of the old scale: DB 14 -> 15 on 2020-08-01, then the
    # maximum (15) stays.
    d = caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=14,
        old_step_on="2020-07-31",
        in_service_from="2015-08-01",
        new_scale="D12",
        new_salary="5000",
        on="2021-09-01",
    )
    assert [(str(p.on), p.step, p.raised) for p in d.periodieken] == [
        ("2020-08-01", 15, True),
        ("2021-08-01", 15, False),
    ]
    assert d.old_step_used == 15 and d.carried_forward


def test_every_old_scale_lapses_on_the_date_and_has_a_published_maximum() -> None:
    # The maxima as printed in the PO-Raad 2020 and the 2007 salary tables (source keys
    # PORAAD-2020, YUMPU-2007 in data/mappings/scale_codes.yaml), read from the one registry.
    rules = catalog().document("garantietoelage", GuaranteeRules)
    last_day = rules.old_scales_lapse_on - timedelta(days=1)
    expected = {"DA": 13, "DB": 15, "DC": 16, "DC+U": 18, "DD": 18, "DE": 18, "AB": 13}
    assert set(rules.old_scales) == set(expected)
    for code in rules.old_scales:
        period = scale_code(code).period(last_day)
        assert period.end == rules.old_scales_lapse_on, code
        assert period.steps == expected[code], code


def test_periodiek_input_errors() -> None:
    with pytest.raises(InvalidInputError, match="old_step_on"):
        _from_db13(in_service_from="2010-08-01", on="2020-01-01")
    with pytest.raises(InvalidInputError, match="2020-02-01"):
        _from_db13(old_step_on="2020-02-01", on="2020-01-01")
    with pytest.raises(InvalidInputError, match="old_step_on"):
        _from_db13(old_step_on="1 januari", on="2020-01-01")


def test_cli_applies_the_periodieken(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["garantietoelage", "--old-scale", "DB", "--old-step", "13", "--new-scale", "D11"]
    when = ["--old-step-on", "2018-01-01", "--new-salary", "4861", "--on", "2020-01-01"]
    assert main([*args, *when]) == 0
    out = capsys.readouterr().out
    assert (
        "€ 439,95" in out
        and "trede 13 on 2018-01-01" in out
        and "periodiek of 2019-08-01: trede 15" in out
    )
