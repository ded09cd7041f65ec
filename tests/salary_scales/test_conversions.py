"""Conversions between CAO editions (caopo.salary_scales.conversions).

The published conversion examples (RULES.md section 4; shared/reference/scales/
cao-po_conversion-examples.csv) are the tests. Their amounts are typed from the sources
(AVS 'Rekenvoorbeelden onderhandelaarsakkoord', avs.nl/actueel/nieuws/rekenvoorbeelden-
onderhandelaarsakkoord/; PO-Raad 'Omzetting naar nieuwe salarisschalen') and loaded as test
tables; none is copied from caopo's output. Amounts marked FIXTURE are not published: they
only exercise the placement rule and are chosen to be obviously artificial.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.cli import main
from caopo.errors import (
    InvalidInputError,
    NoEquivalenceError,
    NotPublishedError,
    StepOutOfRangeError,
    UnknownScaleError,
)
from caopo.salary_scales.conversions import conversion_dates, convert

AVS = "https://avs.nl/actueel/nieuws/rekenvoorbeelden-onderhandelaarsakkoord/"


def _table(
    folder: Path, name: str, start: str, cells: dict[str, dict[int, int]], **extra: str
) -> None:
    lines = [
        "kind: salary_scales",
        "table: school_leaders" if name.startswith("school") else f"table: {name}",
        f'title: "test table {name} {start}"',
        f"effective_from: {start}",
        *(f"{k}: {v}" for k, v in extra.items()),
        'cao: "test"',
        "status: published",
        "sources:",
        f'  - {{title: "Rekenvoorbeelden onderhandelaarsakkoord", url: "{AVS}"}}',
        "cells:",
    ]
    for scale, steps in cells.items():
        body = ", ".join(f"{s}: {a}" for s, a in steps.items())
        lines.append(f'  "{scale}": {{{body}}}')
    (folder / f"{name}_{start}.yaml").write_text("\n".join(x for x in lines if x) + "\n")


@pytest.fixture
def tables(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    caopo.reset_tables()


def _avs_tables(folder: Path, *, fixture_below: dict[str, int] | None = None) -> None:
    # AVS prints: A11 trede 14 EUR 4.345 and D12 trede 13 EUR 5.286 before the conversion;
    # A11 (VO) trede 12 EUR 4.470 and D12 (VO) trede 12 EUR 5.784 after it.
    before = {"A11": {14: 4345}, "D12": {13: 5286}}
    after: dict[str, dict[int, int]] = {"A11": {12: 4470}, "D12": {12: 5784}}
    for scale, amount in (fixture_below or {}).items():
        after[scale] = {11: amount, **after[scale]}
    _table(folder, "school_leaders", "2021-01-01", before, coverage="partial")
    _table(
        folder,
        "school_leaders",
        "2022-01-01",
        after,
        coverage="partial",
        effective_until="2022-07-01",
    )
    caopo.use_tables(folder, replace=True)


def test_avs_a11_example(tables: Path) -> None:
    _avs_tables(tables)
    result = convert("A11", 14, at="2022-01-01")
    assert (result.old_scale, result.old_step, result.old_amount) == ("A11", 14, Decimal(4345))
    assert (result.new_scale, result.new_step, result.new_amount) == ("A11", 12, Decimal(4470))
    # exact: 4345 x 1.008 x 1.02, no intermediate rounding
    assert result.target_amount == Decimal(4345) * Decimal("1.008") * Decimal("1.02")
    # AVS prints the rounded intermediates 4.380 and 4.467 ("getallen zijn afgerond")
    assert (Decimal(4345) * Decimal("1.008")).quantize(Decimal(1)) == 4380
    assert result.target_amount is not None
    assert result.target_amount.quantize(Decimal(1)) == 4467
    # only the printed cells are known, so the step comes from the published example
    assert result.placement == "published_example"
    assert any(s.url == AVS for s in result.sources)
    assert "trede(n) 1, 2" in result.notes[0]


def test_avs_d12_example(tables: Path) -> None:
    _avs_tables(tables)
    result = convert("D12", 13, at="2022-01-01")
    assert (result.new_scale, result.new_step, result.new_amount) == ("D12", 12, Decimal(5784))
    assert result.target_amount is not None
    assert (Decimal(5286) * Decimal("1.008")).quantize(Decimal(1)) == 5328
    assert result.target_amount.quantize(Decimal(1)) == 5435


def test_next_higher_amount_is_computed_when_the_step_below_is_known(tables: Path) -> None:
    # FIXTURE: trede 11 amounts below the raised salaries (not published figures).
    _avs_tables(tables, fixture_below={"A11": 4000, "D12": 5000})
    a11 = convert("A11", 14, at="2022-01-01")
    d12 = convert("D12", 13, at="2022-01-01")
    assert (a11.placement, a11.new_step, a11.new_amount) == (
        "next_higher_amount",
        12,
        Decimal(4470),
    )
    assert (d12.placement, d12.new_step, d12.new_amount) == (
        "next_higher_amount",
        12,
        Decimal(5784),
    )
    assert a11.notes == ()


def test_above_the_maximum_goes_to_the_top_step(tables: Path) -> None:
    # FIXTURE: a complete 3-step A11 ladder entirely below 4345 x 1.0282.
    _table(tables, "school_leaders", "2021-01-01", {"A11": {14: 4345}}, coverage="partial")
    _table(
        tables, "school_leaders", "2022-01-01", {"A11": {1: 1000, 2: 2000, 3: 3000}},
        coverage="complete", effective_until="2022-07-01",
    )  # fmt: skip
    caopo.use_tables(tables, replace=True)
    result = convert("A11", 14, at="2022-01-01")
    assert (result.placement, result.new_step, result.new_amount) == ("top_step", 3, Decimal(3000))


@pytest.mark.parametrize(
    ("old", "step", "new", "new_step"),
    [("L10", 11, "LB", 10), ("D12", 9, "D12", 10), ("6", 9, "6", 9)],
)
def test_poraad_examples(old: str, step: int, new: str, new_step: int) -> None:
    # PO-Raad 'Omzetting naar nieuwe salarisschalen' / VBS: steps only, no amounts printed.
    result = convert(old, step, at="2022-01-01")
    assert (result.new_scale, result.new_step) == (new, new_step)
    assert result.placement == "published_example"
    assert any("poraad.nl" in (s.url or "") for s in result.sources)


@pytest.mark.parametrize(
    ("old", "step", "new"), [("LA", 8, "L10"), ("LB", 4, "L11"), ("LC", 12, "L12")]
)
def test_2018_same_step(old: str, step: int, new: str) -> None:
    # AOb FAQ 2018: LA8 -> L10 trede 8; LB4 -> L11 trede 4.
    result = convert(old, step, at=date(2018, 9, 1))
    assert (result.new_scale, result.new_step, result.placement) == (new, step, "same_step")
    assert any("aob.nl" in (s.url or "") for s in result.sources)


def test_conversion_errors() -> None:
    with pytest.raises(NotPublishedError, match="teachers 2021-01-01"):
        convert("L10", 7, at="2022-01-01")
    with pytest.raises(NoEquivalenceError, match="FUWA PO"):
        convert("DB", 15, at="2020-08-01")
    with pytest.raises(NoEquivalenceError, match="no step rule"):
        convert("AA", 3, at="2010-08-01")
    with pytest.raises(InvalidInputError, match="2022-01-01"):
        convert("L10", 3, at="2022-02-01")
    with pytest.raises(StepOutOfRangeError):
        convert("L10", 16, at="2022-01-01")
    with pytest.raises(UnknownScaleError, match="does not exist on 2021-12-31"):
        convert("LB", 3, at="2022-01-01")
    with pytest.raises(NoEquivalenceError, match="does not apply to DB"):
        convert("DB", 3, at="2018-09-01")


def test_status_is_the_weakest_of_the_tables_used(tables: Path) -> None:
    # FIXTURE: a provisional 2021 table behind the AVS 2022 cells.
    _table(tables, "school_leaders", "2021-01-01", {"A11": {14: 4345}}, coverage="partial")
    text = (tables / "school_leaders_2021-01-01.yaml").read_text()
    (tables / "school_leaders_2021-01-01.yaml").write_text(
        text.replace("status: published", "status: provisional")
    )
    _table(
        tables, "school_leaders", "2022-01-01", {"A11": {11: 4000, 12: 4470}},
        coverage="partial", effective_until="2022-07-01",
    )  # fmt: skip
    caopo.use_tables(tables, replace=True)
    result = convert("A11", 14, at="2022-01-01")
    assert (result.placement, result.status) == ("next_higher_amount", "provisional")


def test_status_without_tables_rests_on_the_published_rule() -> None:
    # AOb FAQ 2018: LA8 -> L10 trede 8; no shipped table holds LA 8 or L10 8.
    result = convert("LA", 8, at="2018-09-01")
    assert (result.old_amount, result.new_amount, result.status) == (None, None, "published")
    assert result.notes


def test_conversion_dates_are_the_transitions_in_the_data() -> None:
    # data/mappings/scale_transitions.yaml: AVS-AA-2010, AOB-FAQ-2018, PORAAD-2020,
    # PORAAD-OMZETTING (2022), AVS 2024, CNV/RMU 2025 (schaal 10 -> LB amounts, 2026).
    assert conversion_dates() == (
        date(2010, 8, 1), date(2018, 9, 1), date(2020, 8, 1), date(2022, 1, 1), date(2024, 10, 1),
        date(2026, 7, 1),
    )  # fmt: skip


# --------------------------------------------------------------------------- CLI


def test_cli_convert(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "LA", "8", "--at", "2018-09-01"]) == 0
    assert "L10 trede 8" in capsys.readouterr().out
    assert main(["convert", "L10", "11", "--at", "2022-01-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["result"]
    assert (data["new_scale"], data["new_step"]) == ("LB", 10)
    assert main(["convert", "DB", "15", "--at", "2020-08-01"]) == 3  # no published mapping
    assert "FUWA PO" in capsys.readouterr().err
