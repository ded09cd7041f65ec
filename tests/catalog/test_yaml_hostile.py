"""Hostile table files (tests/hostile/): each is refused with its path, and its line where
it has one, through every way in (``load_file``, ``use_tables``, ``caopo tables
validate``), or is read correctly where valid. The big cases are generated here.

The inputs are bounded (the biggest is read only up to the size limit), so every case
ends quickly without a timing assertion.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import caopo
from caopo.catalog import yaml as reader
from caopo.catalog.loader import load_file
from caopo.cli import main
from caopo.errors import DataFileError
from caopo.schema.scales import ScaleTable

HOSTILE = Path(__file__).parents[1] / "hostile"

# file -> (words the message must contain, the line it must name or None)
EXPECTED: dict[str, tuple[list[str], int | None]] = {
    "alias.yaml": (["anchors (&name) are not allowed"], 9),
    "alias_bomb_under_kind.yaml": (["anchors (&a) are not allowed"], 1),
    "amount_dutch_comma.yaml": (["3.463 has 3 decimals", "3463 euros"], 12),
    "amount_dutch_comma_block.yaml": (["'3.463,50' is in Dutch notation", "3463.50"], 13),
    "amount_dutch_thousands.yaml": (["3.463 has 3 decimals", "Dutch notation", "3463"], 12),
    "amount_exponent.yaml": (["'1.0e+30' is in exponent notation"], 12),
    "amount_nan.yaml": (["'.nan' is not a finite number"], 12),
    "amount_plus_sign.yaml": (["'+3463' is not a plain number"], 12),
    "amount_three_decimals.yaml": (["3463.105 has 3 decimals", "at most 2"], 12),
    "amount_too_large.yaml": (["below 10,000,000", "10000000"], 12),
    "amount_underscores.yaml": (["'3_463' is not a plain number", "underscores"], 12),
    "base60_step_key.yaml": (["'1:30'", "base-60", "90"], 14),
    "bidi_override.yaml": (["U+202E", "direction-changing"], 3),
    "billion_laughs.yaml": (["anchors (&a) are not allowed"], 1),
    "date_with_time.yaml": (["'2030-01-01 00:00:00' is a date with a time"], 4),
    "deep_block_25.yaml": (["nested more than 20 deep"], 31),
    "deep_flow_3000.yaml": (["nest"], 11),
    "derived_quantum_exponent.yaml": (["'1.0e-30' is in exponent notation"], 13),
    "derived_quantum_not_power_of_ten.yaml": (["derivation.quantum", "0.000001"], 13),
    "duplicate_step.yaml": (["duplicate key 1", "first defined on line 13"], 15),
    "empty.yaml": (["must be a mapping"], None),
    "explicit_str_tag.yaml": (["tags are not allowed", "str"], 12),
    "hex_amount.yaml": (["'0x10' is a hexadecimal"], 12),
    "impossible_date.yaml": (["2024-02-30 is not a date", "day is out of range"], 4),
    "latin1.yaml": (["not UTF-8", "byte 61"], None),
    "long_number.yaml": (["a number of 5000 digits", "at most 15"], 12),
    "mapping_key.yaml": (["a mapping key must be a scalar"], 12),
    "merge_key.yaml": (["'<<' is a YAML merge key"], 10),
    "nul_character.yaml": (["U+0000", "control"], 3),
    "octal_amount.yaml": (["'010' has a leading zero", "octal"], 12),
    "octal_step_key.yaml": (["'010' has a leading zero"], 12),
    "off_boolean_key.yaml": (["'off' is a YAML 1.1 boolean"], 13),
    "python_tag.yaml": (["tags are not allowed", "python/object/apply"], 12),
    "step_boolean_key.yaml": (["cells.LB", "valid integer"], 12),
    "step_decimal_key.yaml": (["cells.LB", "valid integer"], 12),
    "step_too_large.yaml": (["cells.LB.100", "less than or equal to 99"], 12),
    "two_documents.yaml": (["one YAML document"], 13),
    "unhashable_flow_key.yaml": (["a mapping key must be a scalar"], 12),
    "unhashable_key.yaml": (["a mapping key must be a scalar"], 13),
    "yes_boolean.yaml": (["'yes' is a YAML 1.1 boolean", "true or false"], 7),
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _check(message: str, path: Path, words: list[str], line: int | None) -> None:
    assert message.startswith(str(path)), message
    for word in words:
        assert word in message, (word, message)
    if line is not None:
        assert f"(line {line}" in message, message


def test_every_fixture_is_listed() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir() if p.is_file()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_refused_with_path_and_line(name: str) -> None:
    path = HOSTILE / name
    words, line = EXPECTED[name]
    with pytest.raises(DataFileError) as info:
        load_file(path)
    _check(str(info.value), path, words, line)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pure_python_parser_refuses_alike(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml the same grammar applies (libyaml's own nesting limit aside)."""
    monkeypatch.setattr(reader, "_Loader", yaml.BaseLoader)
    path = HOSTILE / name
    words, line = EXPECTED[name]
    if name == "deep_flow_3000.yaml":
        words = ["nested more than 20 deep"]
    with pytest.raises(DataFileError) as info:
        load_file(path)
    _check(str(info.value), path, words, line)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_folder_is_refused_by_validate_and_use_tables(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / name
    shutil.copy(HOSTILE / name, copy)
    words, line = EXPECTED[name]
    status, out, err = _run(capsys, "tables", "validate", str(tmp_path))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and "Traceback" not in err
    _check(err.removeprefix("caopo: error: "), copy, words, line)
    with pytest.raises(DataFileError, match=name):
        caopo.use_tables(tmp_path)
    caopo.reset_tables()


def test_valid_lookalikes_are_read_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = HOSTILE / "valid"
    table = load_file(folder / "quoted_lookalikes.yaml")
    assert isinstance(table, ScaleTable)
    assert (table.title, table.cao) == ("1:30", "010")
    assert table.notes == "yes, 0x10 and 1.0e+30 are text when quoted"
    assert table.cells["LB"] == {1: Decimal(3463), 2: Decimal("3547.5"), 3: Decimal("3653.25")}
    assert str(table.cells["LB"][3]) == "3653.25"
    marked = load_file(folder / "byte_order_mark.yaml")
    assert isinstance(marked, ScaleTable) and marked.kind == "salary_scales"
    status, out, _ = _run(capsys, "tables", "validate", str(folder / "upper_suffix.YML"))
    assert status == 0 and "upper_suffix.YML" in out


def test_every_suffix_spelling_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``.yaml``, ``.yml`` and their upper-case spellings are all table files; anything
    else is named as ignored."""
    text = (HOSTILE / "valid" / "upper_suffix.YML").read_text(encoding="utf-8")
    for number, suffix in enumerate((".yaml", ".yml", ".YAML", ".Yml"), start=1):
        body = text.replace("hostile_fixture", f"hostile_{number}")
        (tmp_path / f"table{suffix}").write_text(body, encoding="utf-8")
    (tmp_path / "README.txt").write_text("not a table\n", encoding="utf-8")
    status, out, _ = _run(capsys, "tables", "validate", str(tmp_path))
    assert status == 0
    assert "read 4 table file(s)" in out
    for suffix in (".yaml", ".yml", ".YAML", ".Yml"):
        assert f"  table{suffix}\n" in out
    assert "ignored 1 file(s), not .yaml or .yml:\n  README.txt" in out
    caopo.use_tables(tmp_path)
    try:
        loaded = {row.table for row in caopo.tables() if row.origin == "user"}
        assert loaded == {"hostile_1", "hostile_2", "hostile_3", "hostile_4"}
    finally:
        caopo.reset_tables()


def test_an_empty_folder_is_not_reported_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(capsys, "tables", "validate", str(tmp_path))
    assert status == 2 and "no table files" in err


# ------------------------------------------------------------------ generated big cases


def test_a_50_mb_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: costs no disk and is never read in full
        handle.write(b"kind: salary_scales\nnotes: ")
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(DataFileError) as info:
        load_file(path)
    _check(str(info.value), path, [f"{50 * 1024 * 1024} bytes", "1 MiB"], None)


def test_a_valid_9_mb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    valid = (HOSTILE / "valid" / "upper_suffix.YML").read_text(encoding="utf-8")
    path.write_text(valid + "notes: |\n" + "  padding\n" * 900_000, encoding="utf-8")
    with pytest.raises(DataFileError, match="more than a table file may hold"):
        load_file(path)


def test_the_size_limit_is_exact(tmp_path: Path) -> None:
    head = "kind: salary_scales\nnotes: "
    path = tmp_path / "edge.yaml"
    path.write_text(head + "x" * (reader.MAX_FILE_BYTES - len(head)), encoding="utf-8")
    assert reader.load_yaml(path)["notes"].startswith("xxx")
    path.write_text(head + "x" * (reader.MAX_FILE_BYTES - len(head) + 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="more than a table file may hold"):
        reader.load_yaml(path)


def test_many_errors_in_a_big_file_are_placed_from_one_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """200+ schema errors in a file near the size limit: every error names its line, and
    the file is parsed once (the issue saw one re-read per error: 268 s)."""
    header = (HOSTILE / "valid" / "upper_suffix.YML").read_text(encoding="utf-8")
    header = header.split("cells:")[0]
    rows = "".join(f'    {step}: "x"\n' for step in range(1, 251))
    padding = "notes: |\n" + "  padding line of the notes\n" * 33_000
    path = tmp_path / "errors.yaml"
    path.write_text(header + padding + 'cells:\n  "LB":\n' + rows, encoding="utf-8")
    assert 900_000 < path.stat().st_size <= reader.MAX_FILE_BYTES
    calls: list[str] = []
    compose = reader._compose

    def counting(text: str) -> reader._Node | None:
        calls.append(text[:10])
        return compose(text)

    monkeypatch.setattr(reader, "_compose", counting)
    with pytest.raises(DataFileError) as info:
        load_file(path)
    message = str(info.value)
    first_row = header.count("\n") + padding.count("\n") + 3
    assert f"cells.LB.1 (line {first_row})" in message
    assert f"cells.LB.250 (line {first_row + 249})" in message
    assert message.count("(line ") >= 250
    assert len(calls) == 1


@pytest.mark.parametrize(
    "scalar",
    ["1_" * 400_000 + "x", "1" * 800_000 + "e", "-" + "1" * 800_000 + ".x", "1:" * 400_000 + "1x"],
)
def test_a_number_like_scalar_as_long_as_the_file_is_read_in_one_pass(
    tmp_path: Path, scalar: str
) -> None:
    """Every pattern of the grammar reads a scalar in linear time: with a pattern that
    backtracks, these took hours (the suite would hang here, not fail)."""
    path = tmp_path / "long.yaml"
    path.write_text(f"notes: {scalar}\n", encoding="utf-8")
    try:
        assert reader.load_yaml(path) == {"notes": scalar}
    except DataFileError as exc:
        _check(str(exc), path, ["(line 1, column 8)", "characters)"], 1)
