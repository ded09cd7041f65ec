"""Turn a salary table in CSV into a validated table file.

Two layouts are read, told apart by the header:

* **wide** (as printed in the PO-Raad tables): the first column holds the step
  (header ``trede`` or ``step``), every other column is a scale, e.g.
  ``trede,LB,LC,LD,LE``; an empty cell means the step does not exist in that scale.
* **long**: the columns ``scale,step,amount`` (``schaal,trede,bedrag`` works too).

Amounts may be written the Dutch way (``3.463``, ``3.463,00``, ``€ 3.463,00``) or
plainly (``3463``, ``3463.00``): a comma is the decimal separator; without a comma,
dots between groups of three digits (``3.463``, ``12.345``) are thousands separators,
since no salary table holds amounts below ten euros. Cents are kept exactly as typed.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from caopo.catalog.loader import load_file
from caopo.errors import CaopoError, DataFileError
from caopo.inputs import scale_text, to_step

__all__ = ["ImportOptions", "parse_amount", "read_cells", "table_yaml"]

_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_STEP_HEADERS = {"trede", "step", "treden", "steps"}
_LONG_HEADERS = ({"scale", "step", "amount"}, {"schaal", "trede", "bedrag"})


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
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount") from None
    if not amount.is_finite() or amount <= 0:
        raise ValueError(f"{text!r} is not a positive amount")
    return amount


def read_cells(path: Path) -> dict[str, dict[int, Decimal]]:
    """The cells of a CSV salary table in either layout; errors name the file and row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read: {exc}") from None
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]
    if len(rows) < 2:
        raise DataFileError(f"{path}: needs a header row and at least one row of amounts")
    header = [cell.strip().lower() for cell in rows[0]]
    cells: dict[str, dict[int, Decimal]] = {}
    for number, row in enumerate(rows[1:], start=2):
        try:
            if set(header) in _LONG_HEADERS:
                record = dict(zip(header, row, strict=False))
                scale = scale_text(record.get("scale", record.get("schaal", "")))
                step = to_step(record.get("step", record.get("trede", "")))
                amount = parse_amount(record.get("amount", record.get("bedrag", "")))
                _put(cells, scale, step, amount)
            elif header[0] in _STEP_HEADERS:
                step = to_step(row[0])
                for name, value in zip(rows[0][1:], row[1:], strict=False):
                    if value.strip():
                        _put(cells, scale_text(name), step, parse_amount(value))
            else:
                raise ValueError(
                    "header must be 'scale,step,amount' (long) or start with 'trede' (wide), "
                    f"not {','.join(rows[0])!r}"
                )
        except (ValueError, CaopoError) as exc:
            raise DataFileError(f"{path} (line {number}): {exc}") from None
    return cells


def _put(cells: dict[str, dict[int, Decimal]], scale: str, step: int, amount: Decimal) -> None:
    if step in cells.setdefault(scale, {}):
        raise ValueError(f"{scale} trede {step} appears twice")
    cells[scale][step] = amount


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """The header of the table file to write."""

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


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def table_yaml(cells: dict[str, dict[int, Decimal]], options: ImportOptions) -> str:
    """The YAML text of a salary table file, validated by the same loader as every
    shipped table before it is returned."""
    lines = [
        "kind: salary_scales",
        f"table: {options.table}",
        f"title: {_quote(options.title)}",
        f"effective_from: {options.effective_from.isoformat()}",
        f"cao: {_quote(options.cao)}",
        f"status: {options.status}",
        f"coverage: {options.coverage}",
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
