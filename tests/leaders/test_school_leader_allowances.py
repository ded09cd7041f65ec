"""School-leader allowances: figures from shared/reference/RULES.md section 6 and
rules/toelagen_en_uitkeringen.yaml (AVS, PO-Raad, AOb, goc-consultants)."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest

import caopo
from caopo.catalog.loader import catalog
from caopo.cli import main
from caopo.errors import InvalidInputError, NoDataForDateError, UnknownScaleError
from caopo.schema.allowances import SchoolLeaderAllowanceTable


@pytest.mark.parametrize(
    ("on", "amount"),
    [
        ("2009-01-01", "275"),
        ("2016-07-01", "316.95"),
        ("2018-08-31", "316.95"),
        ("2018-09-01", "324.87"),
        ("2019-12-31", "324.87"),
        ("2020-01-01", "339.49"),
        ("2020-07-31", "339.49"),
    ],
)
def test_directietoelage_history(on: str, amount: str) -> None:
    for scale in ("DA", "DB", "DC", "DC+uitloop"):
        assert caopo.school_leader_allowance("directietoelage", scale=scale, on=on) == Decimal(
            amount
        )


def test_directietoelage_gaps_and_end() -> None:
    with pytest.raises(NoDataForDateError, match="2016-07-01") as info:
        caopo.school_leader_allowance("directietoelage", scale="DB", on="2012-01-01")
    assert str(info.value).startswith("no directietoelage amounts on 2012-01-01; ")
    assert "school_leaders_directietoelage" not in str(info.value)
    with pytest.raises(NoDataForDateError):
        caopo.school_leader_allowance("directietoelage", scale="DB", on="2020-08-01")
    with pytest.raises(UnknownScaleError, match="'DD'"):
        caopo.school_leader_allowance("directietoelage", scale="DD", on="2020-01-01")


@pytest.mark.parametrize(
    ("scale", "amount"),
    [
        ("A10", "1591.09"),
        ("A11", "1591.09"),
        ("D11", "1591.09"),
        ("A12", "1591.09"),
        ("D12", "1591.09"),
        ("A13", "263.94"),
        ("D13", "263.94"),
        ("D15", "263.94"),
    ],
)
def test_bindingstoelage_2022(scale: str, amount: str) -> None:
    assert caopo.school_leader_allowance("bindingstoelage", scale=scale, on="2022-08-01") == (
        Decimal(amount)
    )
    # not raised by the 10 % of 2023-07-01
    assert caopo.school_leader_allowance("bindingstoelage", scale=scale, on="2023-08-01") == (
        Decimal(amount)
    )


def test_arbeidsmarkttoelage_published_and_derived() -> None:
    published = {"A10": 1600, "A11": 1600, "A12": 800, "D11": 2400, "D12": 2400, "D13": 1200}
    for scale, amount in published.items():
        assert caopo.school_leader_allowance(
            "arbeidsmarkttoelage", scale=scale, on="2022-01-01"
        ) == Decimal(amount)
        after = caopo.school_leader_allowance_detail(
            "arbeidsmarkttoelage", scale=scale, on="2023-07-01"
        )
        assert after.amount == Decimal(amount) * Decimal("1.1")
        assert after.status == "derived" and "derived" in after.basis
    with pytest.raises(UnknownScaleError, match="'D14'"):
        caopo.school_leader_allowance("arbeidsmarkttoelage", scale="D14", on="2022-01-01")
    with pytest.raises(NoDataForDateError):
        caopo.school_leader_allowance("arbeidsmarkttoelage", scale="D12", on="2024-10-01")


def test_each_derived_version_matches_its_declared_rule() -> None:
    # The declared rule, written out here (not caopo's): each amount of the published base
    # version x (1 + percentage / 100), rounded once to the quantum, half up.
    cat = catalog()
    for table in cat.table_ids(SchoolLeaderAllowanceTable):
        versions = cat.series(table, SchoolLeaderAllowanceTable).versions
        for version in versions:
            if version.derivation is None:
                continue
            base = next(v for v in versions if v.effective_from == version.derivation.base)
            assert base.status == "published"
            assert set(base.amounts) == set(version.amounts)
            rule = version.derivation
            factor = 1 + rule.percentage / 100
            for scale, amount in base.amounts.items():
                expected = (amount * factor).quantize(rule.quantum, rounding=ROUND_HALF_UP)
                assert version.amounts[scale] == expected, (version.table, scale)


def test_the_derived_arbeidsmarkttoelage_by_hand() -> None:
    # 2022-01-01 as printed (goc-consultants): A10/A11 1600, A12 800, D11/D12 2400, D13 1200;
    # +10 % on 2023-07-01 (onderhandelaarsakkoord), worked by hand: 1600 x 1.10 = 1760 etc.
    by_hand = {"A10": "1760", "A11": "1760", "A12": "880", "D11": "2640", "D12": "2640"}
    by_hand["D13"] = "1320"
    for scale, amount in by_hand.items():
        assert caopo.school_leader_allowance(
            "arbeidsmarkttoelage", scale=scale, on="2023-07-01"
        ) == Decimal(amount)


def test_unknown_allowance() -> None:
    with pytest.raises(InvalidInputError, match="'toelage'"):
        caopo.school_leader_allowance("toelage", scale="D12", on="2022-01-01")


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["school-leader-allowance", "bindingstoelage", "--scale", "D12", "--on", "2022-08-01"]
    assert main(args) == 0
    assert "€ 1.591,09 per year" in capsys.readouterr().out
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["result"]["amount"] == "1591.09"
