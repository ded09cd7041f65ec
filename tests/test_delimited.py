"""caopo.delimited: the one reader of delimited text. Every command that reads a CSV file
goes through it (tests/cli/test_hostile_csv.py runs the hostile files through each)."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caopo.delimited import MAX_CELL_CHARS, SEPARATORS, Row, read_delimited
from caopo.errors import InvalidInputError


def _file(tmp_path: Path, data: str | bytes) -> Path:
    path = tmp_path / "list.csv"
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def test_rows_with_their_lines_and_the_separator(tmp_path: Path) -> None:
    path = _file(tmp_path, '\n\nscale;fte\n\nLB; 0,8 \n"LC";"1\n2"\nLD;1\n')
    table = read_delimited(path)
    assert (table.name, table.separator, table.header, table.header_line) == (
        str(path),
        ";",
        ("scale", "fte"),
        3,
    )
    assert table.rows == (
        Row(5, {"scale": "LB", "fte": "0,8"}),
        Row(6, {"scale": "LC", "fte": "1\n2"}),
        Row(8, {"scale": "LD", "fte": "1"}),
    )
    assert table.mappings() == [dict(row.cells) for row in table.rows]


@pytest.mark.parametrize(
    ("header", "separator"),
    [("a;b,c;d", ";"), ("a\tb\tc,d", "\t"), ("a,b,c;d", ","), ("a;b,c", ";"), ("a", ",")],
)
def test_the_separator_is_the_one_the_header_uses_most(
    tmp_path: Path, header: str, separator: str
) -> None:
    cells = header.split(separator)
    row = separator.join("1" for _ in cells)
    assert read_delimited(_file(tmp_path, f"{header}\n{row}\n")).separator == separator


def test_a_named_separator_wins(tmp_path: Path) -> None:
    table = read_delimited(_file(tmp_path, "a;b,c\n1;2,3\n"), separator=",")
    assert table.header == ("a;b", "c") and table.rows[0].cells == {"a;b": "1;2", "c": "3"}


def test_a_separator_caopo_does_not_read_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"separator '\|' is not one of"):
        read_delimited(_file(tmp_path, "a|b\n1|2\n"), separator="|")


def test_functiemix_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.cli._run import run

    monkeypatch.setattr("sys.stdin", io.StringIO("scale;fte\nLB;1\nLC;0,5\n"))
    code, out, err = run(["functiemix", "-", "--sector", "bao", "--on", "2015-03-01"])
    assert code == 0 and "2 teachers, 1.5 fte" in out, err


def test_trailing_separators_are_not_extra_cells(tmp_path: Path) -> None:
    table = read_delimited(_file(tmp_path, b"\xef\xbb\xbfa;b;\r\n1;;\r\n2;3;;;\r\n"))
    assert table.header == ("a", "b")
    assert table.mappings() == [{"a": "1", "b": ""}, {"a": "2", "b": "3"}]
    with pytest.raises(InvalidInputError, match=r"\(line 2\): 3 cells but the header has 2"):
        read_delimited(_file(tmp_path, "a;b\n1;2;3\n"))


def test_standard_input_as_bytes_and_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO("\ufeffa,b\n1,é\n".encode())

    monkeypatch.setattr("sys.stdin", Stdin())
    assert read_delimited("-").mappings() == [{"a": "1", "b": "é"}]
    monkeypatch.setattr("sys.stdin", io.StringIO("a,b\n1,2,3\n"))
    with pytest.raises(InvalidInputError, match=r"^standard input \(line 2\): 3 cells"):
        read_delimited("-")


def test_the_size_limit_counts_bytes(tmp_path: Path) -> None:
    path = _file(tmp_path, "a,b\n1,2\n")
    assert read_delimited(path, max_bytes=8).rows
    with pytest.raises(InvalidInputError, match=r": larger than 7 bytes; split the file"):
        read_delimited(path, max_bytes=7)


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"none.csv: cannot be read: No such file"):
        read_delimited(tmp_path / "none.csv")
    with pytest.raises(InvalidInputError, match=r": cannot be read: Is a directory"):
        read_delimited(tmp_path)


_CHAR = st.characters(codec="utf-8", exclude_characters="\x00")
_CELL = st.text(_CHAR, max_size=12)


_NAME = st.text(_CHAR, min_size=1, max_size=8).map(str.strip).filter(bool)


@given(
    names=st.lists(
        _NAME, min_size=1, max_size=5, unique_by=lambda n: " ".join(n.split()).casefold()
    ),
    data=st.data(),
)
def test_what_a_csv_writer_writes_reads_back(names: list[str], data: st.DataObject) -> None:
    """Any table csv.writer writes (quoting what needs it) reads back cell for cell, with
    the spaces around each cell removed; blank rows are skipped."""
    separator = data.draw(st.sampled_from(SEPARATORS))
    rows = data.draw(st.lists(st.lists(_CELL, min_size=len(names), max_size=len(names))))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, quoting=csv.QUOTE_ALL).writerows([names, *rows])
    with tempfile.TemporaryDirectory() as folder:
        path = _file(Path(folder), buffer.getvalue())
        if not rows:
            with pytest.raises(InvalidInputError, match="but no rows"):
                read_delimited(path, separator=separator)
            return
        table = read_delimited(path, separator=separator)
    assert table.header == tuple(names)
    assert table.mappings() == [
        {name: cell.strip() for name, cell in zip(names, row, strict=True)} for row in rows
    ]


def test_a_cell_at_the_limit_is_read(tmp_path: Path) -> None:
    cell = "x" * MAX_CELL_CHARS
    assert read_delimited(_file(tmp_path, f"a\n{cell}\n")).rows[0].cells == {"a": cell}
