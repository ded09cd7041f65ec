"""Reading a CSV file a subcommand takes (a staff list, a list of members): comma,
semicolon (as Dutch spreadsheets write it) or tab separated, UTF-8 with or without BOM.
Every value stays text; the public API parses it."""

from __future__ import annotations

import csv
from pathlib import Path

from caopo.errors import InvalidInputError

__all__ = ["read_rows"]


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """The rows of the CSV file at *path* as dicts (header row = column names)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"{path}: cannot be read: {exc}") from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [dict(row) for row in csv.DictReader(text.splitlines(), dialect=dialect)]
    if not rows:
        raise InvalidInputError(f"{path}: no rows below the header")
    return [{str(k): (v or "").strip() for k, v in row.items() if k is not None} for row in rows]
