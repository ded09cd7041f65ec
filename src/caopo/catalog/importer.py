"""Turn a salary table in CSV into a validated table file.

Two layouts are read, told apart by the header:

* **wide** (as printed in the PO-Raad tables): the first column holds the step
  (header ``trede`` or ``step``), every other column is a scale, e.g.
  ``trede,LB,LC,LD,LE``; an empty cell means the step does not exist in that scale.
* **long**: the columns ``scale,step,amount`` (``schaal,trede,bedrag`` works too).

The file is read by :func:`caopo.delimited.read_delimited` (UTF-8, the separator the header
uses most of ``;``, tab and ``,``, every row as many cells as the header; a salary table is
at most 1 MiB and its cells at most 64 characters). Amounts
may be written the Dutch way (``3.463``, ``3.463,00``, ``€ 3.463,00``) or plainly
(``3463``, ``3463.00``): a comma is the decimal separator; without a comma, dots between
groups of three digits (``3.463``, ``12.345``) are thousands separators, since no salary
table holds amounts below ten euros. Cents are kept exactly as typed; more than two
decimals are refused.

In a comma-separated file a Dutch amount must be quoted (``"3.463,50"``): unquoted, its
decimal comma splits it into two cells, so the reader refuses a row with more cells
than the header, and any unquoted ``3.463,50``, instead of reading 3463 and 50.

Everything written into the YAML is checked first: the table id against its pattern, and
every text for control characters (a newline in ``--table`` or ``--title`` would
otherwise write a key of its own). The result is validated by the same loader as every
shipped table before it is returned, and :func:`write_table` never replaces a file
unless told to.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from pathlib import Path

from caopo.catalog.loader import load_file
from caopo.catalog.yaml import MAX_FILE_BYTES
from caopo.delimited import read_delimited
from caopo.errors import CaopoError, DataFileError, InvalidInputError, shown
from caopo.inputs import scale_text, to_step

__all__ = [
    "MAX_FIELD_CHARS",
    "ImportOptions",
    "parse_amount",
    "read_cells",
    "table_yaml",
    "write_table",
]

MAX_FIELD_CHARS = 64
"""The longest cell of a CSV table: a step, a scale code or an amount needs far fewer."""
MAX_TEXT_CHARS = 1000
"""The longest title, CAO name, source or article written into the table file."""

_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_STEP_HEADERS = {"trede", "step", "treden", "steps"}
_LONG_HEADERS = ({"scale", "step", "amount"}, {"schaal", "trede", "bedrag"})
_TABLE_ID = re.compile(r"[a-z][a-z0-9_]*")


def parse_amount(text: str) -> Decimal:
    """Read an amount as typed in a salary table.

    >>> parse_amount("€ 3.463,10"), parse_amount("3.463"), parse_amount("3463.10")
    (Decimal('3463.10'), Decimal('3463'), Decimal('3463.10'))
    """
    cleaned = text.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        raise ValueError(f"{shown(text)} is not an amount (e.g. 3463.50 or 3.463,50)")
    amount = Decimal(cleaned)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError(f"{shown(text)} has {-exponent} decimals; an amount has at most 2")
    if amount <= 0:
        raise ValueError(f"{shown(text)} is not a positive amount")
    return amount


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """The header and the rows, each with its line, as read by the one reader of
    delimited text; then the table's own rules: at least two columns, short cells."""
    try:
        table = read_delimited(path, max_bytes=MAX_FILE_BYTES)
    except InvalidInputError as exc:
        raise DataFileError(str(exc)) from None
    if len(table.header) < 2:
        raise DataFileError(
            f"{path} (line {table.header_line}): the header {shown(table.header[0])} has "
            "one column; it needs 'trede' and a column per scale (wide), or "
            "'scale,step,amount' (long), separated by ';', ',' or a tab"
        )
    rows = [(table.header_line, list(table.header))]
    for row in table.rows:
        cells = list(row.cells.values())
        if too_long := next((cell for cell in cells if len(cell) > MAX_FIELD_CHARS), None):
            raise DataFileError(
                f"{path} (line {row.line}): a cell of {len(too_long)} characters; "
                f"a step, scale or amount takes at most {MAX_FIELD_CHARS}"
            )
        rows.append((row.line, cells))
    return rows


def read_cells(path: Path) -> dict[str, dict[int, Decimal]]:
    """The cells of a CSV salary table in either layout; errors name the file and line."""
    rows = _rows(path)
    names = rows[0][1]
    header = [cell.strip().lower() for cell in names]
    long = set(header) in _LONG_HEADERS
    if not long and header[0] not in _STEP_HEADERS:
        raise DataFileError(
            f"{path} (line {rows[0][0]}): the header must be 'scale,step,amount' (long) or "
            f"start with 'trede' (wide), not {shown(','.join(names), limit=80)}"
        )
    cells: dict[str, dict[int, Decimal]] = {}
    for line, row in rows[1:]:
        try:
            if long:
                record = dict(zip(header, row, strict=False))
                scale = scale_text(record.get("scale", record.get("schaal", "")))
                step = to_step(record.get("step", record.get("trede", "")))
                _put(
                    cells, scale, step, parse_amount(record.get("amount", record.get("bedrag", "")))
                )
            else:
                step = to_step(row[0])
                for name, value in zip(names[1:], row[1:], strict=False):
                    if value.strip():
                        _put(cells, scale_text(name), step, parse_amount(value))
        except (ValueError, CaopoError) as exc:
            raise DataFileError(f"{path} (line {line}): {exc}") from None
    return cells


def _put(cells: dict[str, dict[int, Decimal]], scale: str, step: int, amount: Decimal) -> None:
    if step in cells.setdefault(scale, {}):
        raise ValueError(f"{scale} trede {step} appears twice")
    cells[scale][step] = amount


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """The header of the table file to write; checked when made (see the module docstring)."""

    table: str
    title: str
    effective_from: date
    cao: str
    source_title: str
    source_url: str
    status: str = "published"
    coverage: str = "complete"
    publisher: str | None = None
    article: str | None = None

    def __post_init__(self) -> None:
        for option in fields(self):
            value = getattr(self, option.name)
            if option.name == "effective_from":
                if not isinstance(value, date):
                    raise InvalidInputError(f"effective_from must be a date, not {shown(value)}")
            elif value is not None:
                _check_text(value, name=option.name)
        if not _TABLE_ID.fullmatch(self.table):
            raise InvalidInputError(
                f"table {shown(self.table)} is not a table id: lower-case letters, digits and "
                "'_', starting with a letter (e.g. teachers)"
            )


def _check_text(value: object, *, name: str) -> None:
    if not isinstance(value, str):
        raise InvalidInputError(f"{name} must be text, not {type(value).__name__}")
    if len(value) > MAX_TEXT_CHARS:
        raise InvalidInputError(
            f"{name} has {len(value)} characters; at most {MAX_TEXT_CHARS} are written"
        )
    control = next((c for c in value if unicodedata.category(c).startswith("C")), None)
    if control is not None:
        raise InvalidInputError(
            f"{name} {shown(value)} contains the control character U+{ord(control):04X}; "
            "a table file takes one line of plain text here"
        )


def _quote(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar; _check_text kept control characters out.
    return json.dumps(text, ensure_ascii=False)


def table_yaml(cells: dict[str, dict[int, Decimal]], options: ImportOptions) -> str:
    """The YAML text of a salary table file, validated by the same loader as every
    shipped table before it is returned."""
    lines = [
        "kind: salary_scales",
        f"table: {options.table}",
        f"title: {_quote(options.title)}",
        f"effective_from: {options.effective_from.isoformat()}",
        f"cao: {_quote(options.cao)}",
        f"status: {_quote(options.status)}",
        f"coverage: {_quote(options.coverage)}",
        "sources:",
        f"  - title: {_quote(options.source_title)}",
        f"    url: {_quote(options.source_url)}",
    ]
    if options.publisher:
        lines.append(f"    publisher: {_quote(options.publisher)}")
    if options.article:
        lines.append(f"    article: {_quote(options.article)}")
    lines.append("cells:")
    for scale in cells:
        body = ", ".join(f"{step}: {amount}" for step, amount in sorted(cells[scale].items()))
        lines.append(f"  {_quote(scale)}: {{{body}}}")
    text = "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / f"{options.table}_{options.effective_from}.yaml"
        probe.write_text(text, encoding="utf-8")
        try:
            load_file(probe)
        except DataFileError as exc:
            message = str(exc).replace(str(probe), "the imported table")
            raise DataFileError(message) from None
    return text


def write_table(text: str, output: Path, *, source: Path, force: bool = False) -> None:
    """Write *text* to *output*: never over an existing file unless *force*, never over
    the CSV being imported (*source*), and never half: a forced write replaces the file
    in one step. Every refusal is a one-line :class:`DataFileError`."""
    if not output.parent.is_dir():
        raise DataFileError(f"{output}: the folder {output.parent} does not exist; create it first")
    if output.is_dir():
        raise DataFileError(f"{output}: is a folder; name the table file to write")
    if output.exists() and source.exists() and output.samefile(source):
        raise DataFileError(f"{output}: is the CSV being imported; write the table elsewhere")
    try:
        if force and output.exists():
            _replace(output, text)
            return
        with output.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise DataFileError(
            f"{output}: already exists; pass --force to replace it (or choose another name)"
        ) from None
    except OSError as exc:
        raise DataFileError(f"{output}: cannot be written: {exc.strerror or exc}") from None


def _replace(output: Path, text: str) -> None:
    """Write *text* beside the existing *output*, with its permissions, then put it in
    its place in one step."""
    handle_number, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    temporary = Path(name)
    try:
        with os.fdopen(handle_number, "w", encoding="utf-8") as handle:
            handle.write(text)
        temporary.chmod(stat.S_IMODE(output.stat().st_mode))
        temporary.replace(output)
    finally:
        temporary.unlink(missing_ok=True)
