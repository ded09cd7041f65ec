"""The one reader of delimited text (CSV) that caopo takes from a user: a salary table to
import, a staff list, a list of AVS members, a staff list to price in a batch.

A file (or ``-``, standard input) is read as UTF-8, with or without a byte-order mark, and
at most *max_bytes* long. The first non-blank line is the header; its separator is the
one of ``;``, tab and ``,`` it uses most (``;`` as Dutch spreadsheets write it), unless
the caller names one. Every row is returned as a mapping of column name to its cell
(surrounding spaces removed, every value text: :mod:`caopo.inputs` parses it) with the
line it starts on. Blank lines are skipped.

Refused, each with one line naming the file, the line and what to do: an empty file, a
header without rows, a column without a name, two columns whose names differ only in
case or spaces (caopo matches column names that way), a NUL character, a cell longer
than :data:`MAX_CELL_CHARS`, a quote that is never closed, and a row with more or fewer
cells than the header. Empty cells after the last column (a trailing separator, as
spreadsheets write) are not extra cells; a row that stops short is refused, since its
missing cells would otherwise be read as empty. In a comma-separated file a number with
a decimal comma splits in two cells unless quoted: that row has a cell too many, and an
unquoted Dutch amount (``3.463,50``) is refused even where the cells happen to add up.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from caopo.errors import InvalidInputError, shown

__all__ = [
    "MAX_BYTES",
    "MAX_CELL_CHARS",
    "SEPARATORS",
    "Delimited",
    "Row",
    "read_delimited",
]

MAX_BYTES = 16 * 1024 * 1024
"""The largest file read by default: a staff list of a large school board is a few MiB."""
MAX_CELL_CHARS = 256
"""The longest cell: a name, a code, a date or an amount takes far fewer."""
SEPARATORS = (";", "\t", ",")
"""The separators a header may use, preferred in this order where it uses two as often."""
STDIN = "-"

_QUOTED = re.compile(r'"(?:[^"]|"")*"')
_UNQUOTED_DUTCH = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d)")


@dataclass(frozen=True, slots=True)
class Row:
    """One row: the line of the file it starts on, and its cells by column name."""

    line: int
    cells: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Delimited:
    """A file read: its name in messages, separator, column names (and their line) and rows."""

    name: str
    separator: str
    header: tuple[str, ...]
    header_line: int
    rows: tuple[Row, ...]

    def mappings(self) -> list[dict[str, str]]:
        """The rows as plain dicts (what the public functions take as a table)."""
        return [dict(row.cells) for row in self.rows]


def read_delimited(
    source: str | Path, *, separator: str | None = None, max_bytes: int = MAX_BYTES
) -> Delimited:
    """Read the file at *source* (``"-"``: standard input); see the module docstring for
    what is refused. Every refusal is a one-line :class:`~caopo.errors.InvalidInputError`
    that starts with the file's name."""
    if separator is not None and separator not in SEPARATORS:
        raise InvalidInputError(f"separator {shown(separator)} is not one of ';', tab or ','")
    name = "standard input" if str(source) == STDIN else str(source)
    text = _decode(name, _read_bytes(source, name, max_bytes), max_bytes)
    nul = text.find("\x00")
    if nul >= 0:
        raise InvalidInputError(
            f"{name} (line {text.count(chr(10), 0, nul) + 1}): a NUL character; this is not "
            "a text file (a spreadsheet's own format, or UTF-16): save it as CSV UTF-8"
        )
    chosen = separator or _separator(text)
    records = _records(name, text, chosen)
    first = next(records, None)
    if first is None:
        raise InvalidInputError(f"{name}: is empty; it needs a header line and rows below it")
    line, header = first
    names = _names(name, line, header)
    rows = tuple(
        Row(number, _cells(name, number, names, cells, chosen)) for number, cells in records
    )
    if not rows:
        raise InvalidInputError(f"{name}: has a header (line {line}) but no rows below it")
    return Delimited(name, chosen, names, line, rows)


def _read_bytes(source: str | Path, name: str, max_bytes: int) -> bytes:
    try:
        if str(source) == STDIN:
            stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
            if stream is None:  # a text stream put in place of stdin (tests, notebooks)
                return sys.stdin.read(max_bytes + 1).encode("utf-8", "surrogateescape")
            return stream.read(max_bytes + 1)
        with Path(source).open("rb") as handle:
            return handle.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InvalidInputError(f"{name}: cannot be read: {reason}") from None


def _decode(name: str, data: bytes, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise InvalidInputError(
            f"{name}: larger than {_size(max_bytes)}; split the file, or write it without "
            "the columns caopo does not read"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"{name}: is not UTF-8 text (byte {exc.start} cannot be read); save it as CSV UTF-8"
        ) from None


def _size(count: int) -> str:
    mib, rest = divmod(count, 1024 * 1024)
    return f"{mib} MiB" if mib and not rest else f"{count} bytes"


def _separator(text: str) -> str:
    header = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    return max(SEPARATORS, key=header.count) if any(s in header for s in SEPARATORS) else ","


def _records(name: str, text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank records with the line each starts on; a record that cannot be read
    (a quote never closed, a cell too long) is refused with its line."""
    taken: list[str] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            taken.append(line)
            yield line

    reader = csv.reader(lines(), delimiter=separator, strict=True)
    start = 1
    while True:
        start += len(taken)
        taken.clear()
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise InvalidInputError(f"{name} (line {start}): {_unreadable(str(exc))}") from None
        if cells is None:
            return
        if separator == ",":
            _refuse_unquoted_dutch(name, start, "".join(taken))
        if any(len(cell) > MAX_CELL_CHARS for cell in cells):
            raise InvalidInputError(f"{name} (line {start}): {_too_long()}")
        if any(cell.strip() for cell in cells):
            yield start, [cell.strip() for cell in cells]


def _unreadable(reason: str) -> str:
    if "field larger than field limit" in reason:
        return _too_long()
    if "unexpected end of data" in reason:
        return 'a quote (") opened in this row is never closed; close it, or remove the stray quote'
    return f"not readable as CSV ({reason}); quote a cell that holds a quote or a separator"


def _too_long() -> str:
    return (
        f"a cell longer than {MAX_CELL_CHARS} characters; a name, code, date or amount takes "
        "far fewer (is a quote left open?)"
    )


def _refuse_unquoted_dutch(name: str, line: int, record: str) -> None:
    """In a comma-separated file, ``3.463,50`` unquoted is two cells: refuse, with a hint."""
    found = _UNQUOTED_DUTCH.search(_QUOTED.sub('""', record))
    if found is not None:
        dutch = found.group()
        raise InvalidInputError(
            f"{name} (line {line}): the amount {dutch} has a decimal comma in a "
            f'comma-separated file, so it splits in two cells; quote it ("{dutch}"), '
            "write it as 3463.50, or separate the columns with ';'"
        )


def _names(name: str, line: int, header: list[str]) -> tuple[str, ...]:
    """The column names: trailing empty ones (a trailing separator) dropped; an empty or
    a doubled name (case and spaces do not count) refused."""
    while header and not header[-1]:
        header.pop()
    seen: dict[str, str] = {}
    for number, column in enumerate(header, start=1):
        if not column:
            raise InvalidInputError(
                f"{name} (line {line}): column {number} of the header has no name; name it "
                "or remove the column"
            )
        key = " ".join(column.split()).casefold()
        if key in seen:
            raise InvalidInputError(
                f"{name} (line {line}): the columns {shown(seen[key])} and {shown(column)} "
                "have the same name (case and spaces do not count); rename one"
            )
        seen[key] = column
    return tuple(header)


def _cells(
    name: str, line: int, names: tuple[str, ...], cells: list[str], separator: str
) -> dict[str, str]:
    """A row as a mapping; a row with more cells (other than empty ones after the last
    column) or fewer cells than the header is refused."""
    count = len(cells)
    while len(cells) > len(names) and not cells[-1]:
        cells.pop()
    if len(cells) != len(names):
        columns = shown(separator.join(names), limit=80)
        if len(cells) > len(names):
            hint = "quote a cell that holds the separator" + (
                " (a decimal comma: \"0,8\"), write 0.8, or separate the columns with ';'"
                if separator == ","
                else ""
            )
        else:
            hint = "give every column a cell (an empty one is fine)"
        raise InvalidInputError(
            f"{name} (line {line}): {count} cell{'s' * (count != 1)} but the header has "
            f"{len(names)} "
            f"({columns}); {hint}"
        )
    return dict(zip(names, cells, strict=True))
