"""``caopo tables import``: CSV to a validated table file, refusing what it cannot read
exactly (with the line), never writing YAML it did not mean, never replacing a file
unless told to."""

from __future__ import annotations

import re
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.catalog.importer import (
    MAX_FIELD_CHARS,
    ImportOptions,
    parse_amount,
    read_cells,
    table_yaml,
    write_table,
)
from caopo.catalog.loader import load_file
from caopo.catalog.yaml import MAX_FILE_BYTES
from caopo.cli import main
from caopo.errors import DataFileError, InvalidInputError
from caopo.schema.scales import ScaleTable

OPTIONS = ImportOptions(
    table="teachers",
    title="t",
    effective_from=date(2030, 1, 1),
    cao="c",
    source_title="s",
    source_url="https://example.org/table.pdf",
    coverage="partial",
)
COMMON = ["--table", "teachers", "--effective-from", "2030-01-01", "--title", "t",
          "--cao", "c", "--source-url", "https://example.org"]  # fmt: skip


def _csv(tmp_path: Path, text: str, name: str = "table.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("3463", "3463"),
        ("3463.5", "3463.5"),
        ("3463.50", "3463.50"),
        ("3.463", "3463"),
        ("3.463,5", "3463.5"),
        ("€ 3.463,50", "3463.50"),
        ("12.345,67", "12345.67"),
        ("\u00a03463,00", "3463.00"),
    ],
)
def test_amounts_are_read_exactly(text: str, amount: str) -> None:
    read = parse_amount(text)
    assert str(read) == amount


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("3463.105", "3 decimals"),
        ("3,463.50", "5 decimals"),
        ("1e3", "not an amount"),
        ("NaN", "not an amount"),
        ("-5", "not an amount"),
        ("0", "not a positive amount"),
        ("²", "not an amount"),
        ("", "not an amount"),
    ],
)
def test_amounts_that_cannot_be_read_exactly_are_refused(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_amount(text)


def test_a_semicolon_table_with_dutch_amounts(tmp_path: Path) -> None:
    cells = read_cells(_csv(tmp_path, "trede;LB;LC\n1;€ 3.463,00;3.484\n2;3.547,50;\n"))
    assert cells == {
        "LB": {1: Decimal("3463.00"), 2: Decimal("3547.50")},
        "LC": {1: Decimal(3484)},
    }


def test_excel_line_endings_and_a_trailing_separator(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"trede;LB;LC;\r\n1;3.463,00;3.484;\r\n2;3.547;;\r\n")
    assert read_cells(path) == {
        "LB": {1: Decimal("3463.00"), 2: Decimal(3547)},
        "LC": {1: Decimal(3484)},
    }


def test_a_comma_table_with_quoted_dutch_amounts(tmp_path: Path) -> None:
    cells = read_cells(_csv(tmp_path, 'trede,LB\n1,"3.463,50"\n2,3547.5\n'))
    assert cells == {"LB": {1: Decimal("3463.50"), 2: Decimal("3547.5")}}


def test_unquoted_dutch_amounts_in_a_comma_table_are_not_read_as_thousands(
    tmp_path: Path,
) -> None:
    """The issue: ``1,3.463,50`` imported as 3463. Refused with the line and a hint."""
    path = _csv(tmp_path, "trede,LB\n1,3.463,50\n")
    with pytest.raises(DataFileError) as info:
        read_cells(path)
    message = str(info.value)
    assert message.startswith(f"{path} (line 2): the amount 3.463,50 has a decimal comma")
    assert '"3.463,50"' in message


def test_a_row_with_more_cells_than_the_header_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, "trede,LB\n1,3463\n2,3547,50\n")
    with pytest.raises(DataFileError, match=r"\(line 3\): 3 cells but the header has 2"):
        read_cells(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("trede\n1\n", "(line 1): the header 'trede' has one column"),
        ("", ": is empty; it needs a header line and rows"),
        ("trede;LB\n", ": has a header (line 1) but no rows below it"),
        ("naam;LB\n1;3463\n", "(line 1): the header must be 'scale,step,amount'"),
        ("trede;LB\n1;3463\n1;3547\n", "(line 3): LB trede 1 appears twice"),
        ("trede;LB\n²;3463\n", "(line 2): step (trede)"),
        ("trede;XYZ\n1;3463\n", "(line 2): scale 'XYZ'"),
        ("scale,step,amount\nLB,1,3463\nLB,2\n", "(line 3): 2 cells but the header has 3"),
        ('trede,LB\n1,"3463\n', '(line 2): a quote (") opened in this row is never closed'),
        ("trede;LB\n1;" + "9" * (MAX_FIELD_CHARS + 1) + "\n", "(line 2): a cell of 65 characters"),
        ("trede;LB\n1;" + "9" * 131_073 + "\n", "(line 2): a cell longer than 256 characters"),
        ("scale,step,amount\nLB,1,3463.105\n", "(line 2): '3463.105' has 3 decimals"),
    ],
)
def test_bad_csv_is_one_line_with_path_and_line(tmp_path: Path, text: str, words: str) -> None:
    path = _csv(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        read_cells(path)
    message = str(info.value)
    assert message.startswith(str(path)) and words in message, message
    assert "\n" not in message and len(message) < 400


def test_unreadable_csv_files(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot be read"):
        read_cells(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("trede;LB\n1;3463 caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        read_cells(latin)
    big = _csv(tmp_path, "trede;LB\n" + "1;3463\n" * (MAX_FILE_BYTES // 7 + 1))
    with pytest.raises(DataFileError, match="larger than"):
        read_cells(big)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("table", "teachers\nunit: injected", "U+000A"),
        ("table", "Teachers", "is not a table id"),
        ("table", "../teachers", "is not a table id"),
        ("title", "a\nb", "U+000A"),
        ("title", "a\rb", "U+000D"),
        ("cao", "a\x00b", "U+0000"),
        ("source_title", "a\tb", "U+0009"),
        ("source_url", "https://x.org/\u202e", "U+202E"),
        ("status", "published\nunit: x", "U+000A"),
        ("article", "x" * 1001, "1001 characters"),
        ("effective_from", "2030-01-01", "must be a date"),
        ("publisher", 5, "must be text"),
    ],
)
def test_options_that_would_write_other_yaml_are_refused(
    field: str, value: object, words: str
) -> None:
    values = {
        "table": "teachers",
        "title": "t",
        "effective_from": date(2030, 1, 1),
        "cao": "c",
        "source_title": "s",
        "source_url": "https://example.org",
    }
    values[field] = value
    with pytest.raises(InvalidInputError, match=re.escape(words)):
        ImportOptions(**values)  # type: ignore[arg-type]


def test_quotes_and_backslashes_survive_the_round_trip(tmp_path: Path) -> None:
    title = 'Tabel "2030" \\ PO-Raad: #1, {a: b} & *x'
    options = ImportOptions(
        table="teachers",
        title=title,
        effective_from=date(2030, 1, 1),
        cao="CAO PO 2030: 'test'",
        source_title="s",
        source_url="https://example.org",
        coverage="partial",
    )
    path = tmp_path / "teachers_2030-01-01.yaml"
    path.write_text(table_yaml({"LB": {1: Decimal("3463.50")}}, options), encoding="utf-8")
    table = load_file(path)
    assert isinstance(table, ScaleTable)
    assert table.title == title and table.cao == "CAO PO 2030: 'test'"
    assert table.cells == {"LB": {1: Decimal("3463.50")}}


amounts = st.decimals(min_value=Decimal(10), max_value=Decimal(99999), places=2)


@given(
    st.dictionaries(
        st.sampled_from(["LB", "LC", "LD", "L11", "8", "D12", "DC+U"]),
        st.lists(amounts, min_size=1, max_size=12, unique=True),
        min_size=1,
    )
)
@settings(max_examples=40, deadline=None)
def test_cells_round_trip_exactly(columns: dict[str, list[Decimal]]) -> None:
    cells = {
        scale: {step: amount for step, amount in enumerate(sorted(values), start=1)}
        for scale, values in columns.items()
    }
    text = table_yaml(cells, OPTIONS)
    assert "\nunit:" not in text
    for scale, steps in cells.items():
        for step, amount in steps.items():
            assert f"{step}: {amount}" in text.split(f'"{scale}": ', 1)[1].split("\n")[0]


def test_write_table_never_replaces_without_force(tmp_path: Path) -> None:
    source = _csv(tmp_path, "trede;LB\n1;3463\n")
    target = tmp_path / "out.yaml"
    target.write_text("mine\n", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(DataFileError, match="already exists; pass --force"):
        write_table("new\n", target, source=source)
    assert target.read_text(encoding="utf-8") == "mine\n"
    write_table("new\n", target, source=source, force=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml", "table.csv"]
    fresh = tmp_path / "fresh.yaml"
    write_table("x\n", fresh, source=source, force=True)
    assert fresh.read_text(encoding="utf-8") == "x\n"


@pytest.mark.parametrize("force", [False, True])
def test_write_table_refuses_the_csv_itself_a_folder_and_a_missing_folder(
    tmp_path: Path, force: bool
) -> None:
    source = _csv(tmp_path, "trede;LB\n1;3463\n")
    with pytest.raises(DataFileError, match="is the CSV being imported"):
        write_table("x\n", tmp_path / "." / "table.csv", source=source, force=force)
    assert source.read_text(encoding="utf-8") == "trede;LB\n1;3463\n"
    with pytest.raises(DataFileError, match="is a folder"):
        write_table("x\n", tmp_path, source=source, force=force)
    with pytest.raises(DataFileError, match=r"the folder .* does not exist"):
        write_table("x\n", tmp_path / "missing" / "out.yaml", source=source, force=force)


def test_cli_import_refuses_to_overwrite_and_injection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv(tmp_path, "trede;LB\n1;3463\n2;3547\n")
    target = tmp_path / "teachers.yaml"
    status, out, err = _run(capsys, "tables", "import", str(source), *COMMON, "-o", str(target))
    assert (status, out.strip()) == (0, f"wrote {target}"), err
    first = target.read_text(encoding="utf-8")
    for argv in (
        ["-o", str(target)],
        ["-o", str(source)],
        ["-o", str(source), "--force"],
        ["-o", str(tmp_path / "missing" / "x.yaml")],
        ["--table", "teachers\nunit: injected", "-o", str(tmp_path / "other.yaml")],
    ):
        status, out, err = _run(capsys, "tables", "import", str(source), *COMMON, *argv)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1 and "Traceback" not in err, err
    assert target.read_text(encoding="utf-8") == first
    assert source.read_text(encoding="utf-8") == "trede;LB\n1;3463\n2;3547\n"
    assert not (tmp_path / "other.yaml").exists()
    status, _, err = _run(
        capsys, "tables", "import", str(source), *COMMON, "-o", str(target), "--force"
    )
    assert status == 0, err


@pytest.mark.parametrize(
    "text",
    ["trede\n1\n", "trede,LB\n1," + "9" * 131_072 + "\n", "trede,LB\n1,3.463,50\n"],
    ids=["one-column header", "128 KiB field", "unquoted Dutch amount"],
)
def test_cli_import_bad_csv_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    source = _csv(tmp_path, text)
    status, out, err = _run(capsys, "tables", "import", str(source), *COMMON)
    assert (status, out) == (2, "")
    assert err.startswith(f"caopo: error: {source} (line ")
    assert err.count("\n") == 1 and "Traceback" not in err
