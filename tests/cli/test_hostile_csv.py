"""Hostile CSV files through every command that reads one: ``caopo tables import``,
``caopo functiemix``, ``caopo avs-contribution`` and ``caopo batch``. All four read with
:func:`caopo.delimited.read_delimited`, so each refuses the same file with the same one-line
error, naming the file and the line, and exit status 2; none shows a traceback. The files a
spreadsheet writes (a byte-order mark, CRLF, ``;`` with a decimal comma, a trailing
separator) read as their plain form does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caopo.delimited import MAX_BYTES, MAX_CELL_CHARS
from tests.cli._registry import REGISTRY, example_files, filled
from tests.cli._run import run

READERS = {
    "tables import": "{csv}",
    "functiemix": "{staff}",
    "avs-contribution": "{members}",
    "batch": "{batch}",
}
"""Each command that reads a CSV file (by its first invocation in the registry; ``batch`` is
``caopo batch salaries``), and the placeholder of that file there."""

HEADER = "scale,step,fte\n"

REFUSED: dict[str, tuple[bytes, str]] = {
    "more cells": (
        b"scale,fte\nLB,1,2\nLC,1\n",
        " (line 2): 3 cells but the header has 2 ('scale,fte'); quote a cell that holds the "
        "separator (a decimal comma: \"0,8\"), write 0.8, or separate the columns with ';'",
    ),
    "fewer cells": (
        b"scale,step,fte\nLB,5,1\n\nLC,3\n",
        " (line 4): 2 cells but the header has 3 ('scale,step,fte'); give every column a cell",
    ),
    "unquoted Dutch amount": (
        b"scale,step,fte,amount\nLB,5,3.463,50\n",
        " (line 2): the amount 3.463,50 has a decimal comma in a comma-separated file",
    ),
    "unterminated quote": (
        b'scale,fte\nLB,"1\nLC,1\n',
        ' (line 2): a quote (") opened in this row is never closed',
    ),
    "stray quote": (
        b'scale,fte\nLB,"1"x\n',
        " (line 2): not readable as CSV",
    ),
    "huge field": (
        HEADER.encode() + b"LB,5," + b"1" * 200_000 + b"\n",
        f" (line 2): a cell longer than {MAX_CELL_CHARS} characters",
    ),
    "long field": (
        HEADER.encode() + b"LB,5," + b"1" * (MAX_CELL_CHARS + 1) + b"\n",
        f" (line 2): a cell longer than {MAX_CELL_CHARS} characters",
    ),
    "NUL": (HEADER.encode() + b"LB,5,1\nLB\x00,5,1\n", " (line 3): a NUL character"),
    "not UTF-8": (HEADER.encode() + "LB,5,1 café\n".encode("latin-1"), ": is not UTF-8 text"),
    "UTF-16": (HEADER.encode("utf-16"), ": is not UTF-8 text (byte 0"),
    "duplicate header": (b"scale,step,fte,step\nLB,5,1,6\n", " (line 1): the columns 'step'"),
    "duplicate header by case": (
        b"scale,step,fte, Step\nLB,5,1,6\n",
        " (line 1): the columns 'step' and 'Step' have the same name (case and spaces do not",
    ),
    "nameless column": (b"scale,,fte\nLB,5,1\n", " (line 1): column 2 of the header has no name"),
    "empty file": (b"", ": is empty; it needs a header line and rows below it"),
    "blank file": (b"\r\n \n", ": is empty; it needs a header line and rows below it"),
    "separators only": (b";;\n\t;\n", ": is empty; it needs a header line and rows below it"),
    "header only": (b"\xef\xbb\xbf" + HEADER.encode(), ": has a header (line 1) but no rows"),
}
"""name -> (the file, what the error says after the file's name)."""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return example_files(tmp_path_factory.mktemp("examples"))


def _argv(command: str, files: dict[str, str], path: Path) -> list[str]:
    return filled(REGISTRY[command][0], {**files, READERS[command]: str(path)})


def _refused(command: str, files: dict[str, str], path: Path) -> str:
    code, out, err = run(_argv(command, files, path))
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(f"caopo: error: {path}"), err
    return err


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_every_reader_refuses_a_hostile_file_with_the_same_line(
    name: str, files: dict[str, str], tmp_path: Path
) -> None:
    data, words = REFUSED[name]
    path = tmp_path / f"{name.replace(' ', '_')}.csv"
    path.write_bytes(data)
    errors = {command: _refused(command, files, path) for command in READERS}
    assert len(set(errors.values())) == 1, errors
    assert errors["functiemix"].startswith(f"caopo: error: {path}{words}"), errors["functiemix"]


def test_a_file_over_the_size_limit(files: dict[str, str], tmp_path: Path) -> None:
    """A salary table stops at 1 MiB (as a table file does), the other lists at 16 MiB."""
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.write(HEADER.encode())
        handle.write(b"LB,5,1\n" * (MAX_BYTES // 7 + 1))
    for command in READERS:
        limit = "1 MiB" if command == "tables import" else "16 MiB"
        err = _refused(command, files, path)
        assert err.startswith(f"caopo: error: {path}: larger than {limit}"), err


SPREADSHEET = {
    "tables import": ("trede;LB;\n1;3.463,50;\n2;3.547;\n", 'trede,LB\n1,"3.463,50"\n2,3547\n'),
    "functiemix": (
        "naam;scale;fte;\nA;LA;1;\nB;LB;0,5;\nC;LB;1;\n",
        'naam,scale,fte\nA,LA,1\nB,LB,"0,5"\nC,LB,1\n',
    ),
    "avs-contribution": (
        "name;school;pupils;role\nAns;12AB;250;directeur\nBert;12AB;250;\n",
        "name,school,pupils,role\nAns,12AB,250,directeur\nBert,12AB,250,\n",
    ),
    "batch": (
        "naam;scale;step;fte\nA;LB;5;0,8\nB;LC;3;1\n",
        "naam;scale;step;fte\n\nA;LB;5;0,8\nB;LC;3;1\n",
    ),
}
"""command -> (a file as a Dutch spreadsheet writes it, the same list written plainly)."""


@pytest.mark.parametrize("command", sorted(SPREADSHEET))
def test_bom_crlf_semicolons_and_decimal_commas_read_as_the_plain_file(
    command: str, files: dict[str, str], tmp_path: Path
) -> None:
    dutch, plain = SPREADSHEET[command]
    excel = tmp_path / "excel.csv"
    excel.write_bytes(b"\xef\xbb\xbf" + dutch.replace("\n", "\r\n").encode())
    other = tmp_path / "plain.csv"
    other.write_text(plain, encoding="utf-8")
    first, second = run(_argv(command, files, excel)), run(_argv(command, files, other))
    assert first[0] == 0, first
    assert first == second
