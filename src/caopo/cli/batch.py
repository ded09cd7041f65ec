"""``caopo batch salaries|income FILE [-o OUT]``: price a staff list from a CSV file.

Reads a file or ``-`` (standard input), separated by ``,`` or ``;`` (found from the header
line, or ``--sep``), with a decimal point or comma; every value is read as text by the
scalar parsers (no pandas needed). Writes the input with the new columns of
:mod:`caopo.batch` as CSV (same separator; a decimal comma where it is ``;``) or, for an
``.xlsx`` name, as a workbook (optional extra ``caopo[excel]``). Each bad row is named by
number and reason in the ``error`` column, and a one-line summary on stderr names their
lines; the exit status is 1 when any row failed, 0 when all priced.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from caopo.batch import annual_incomes, salaries
from caopo.cli import _one_line
from caopo.cli._output import as_year
from caopo.cli.exit_codes import FAILED, OK
from caopo.errors import InvalidInputError, shown

__all__ = ["add_parser"]

SHOWN_LINES = 20
"""How many failed rows the one-line summary on stderr names (all are in the error column)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="price a staff list (CSV) row by row: salaries or a year of income",
        description="Price every row of a CSV staff list; bad rows are reported, not skipped. "
        "Exit status 1 when any row failed.",
    )
    kinds = parser.add_subparsers(dest="batch", metavar="KIND", required=True)
    pay = kinds.add_parser("salaries", help="monthly salary per row (scale, step, date, fte)")
    _common(pay)
    pay.add_argument("--on", default="on", help="date for every row, or its column (default on)")
    pay.set_defaults(handler=_run_salaries)
    year = kinds.add_parser("income", help="a calendar year of pay per row")
    _common(year)
    year.add_argument("--year", required=True, type=as_year, help="calendar year, e.g. 2025")
    year.add_argument(
        "--start", default="start", help="first day in service, or its column (default start)"
    )
    year.add_argument("--end", help="column of the last day in service (empty: none)")
    year.add_argument("--category", help="column of the category (default: from the scale)")
    year.add_argument("--km", help="column of the one-way commute in km")
    year.add_argument("--days", help="column of the travel days per week")
    year.add_argument("--no-step-increase", action="store_true", help="no periodiek")
    year.add_argument("--project", action="store_true", help="project by announced raises")
    year.add_argument(
        "--lenient", action="store_true", help="price a year with a missing line (missing column)"
    )
    year.set_defaults(handler=_run_income)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="CSV file with a header line, or - for standard input")
    parser.add_argument("-o", "--output", default="-", help="CSV or .xlsx file (default: stdout)")
    parser.add_argument(
        "--sep", choices=[",", ";"], metavar="SEP", help=", or ; (default: from the header)"
    )
    parser.add_argument("--scale", default="scale", help="column of the scale (default scale)")
    parser.add_argument("--step", default="step", help="column of the step (default step)")
    parser.add_argument(
        "--fte", default="fte", help="column of the werktijdfactor, or one value (1: full time)"
    )


def _run_salaries(args: argparse.Namespace) -> int:
    table = _read(args)
    result = salaries(table.columns, scale=args.scale, step=args.step, on=args.on, fte=args.fte)
    return _finish(args, table, result)


def _run_income(args: argparse.Namespace) -> int:
    table = _read(args)
    result = annual_incomes(
        table.columns,
        year=args.year,
        scale=args.scale,
        step=args.step,
        start=args.start,
        fte=args.fte,
        end=args.end,
        category=args.category,
        commute_km=args.km,
        travel_days_per_week=args.days,
        step_increase=not args.no_step_increase,
        projection=args.project,
        strict=not args.lenient,
    )
    return _finish(args, table, result)


class _Table:
    """A CSV file read as text: its columns, separator and the line of every row."""

    def __init__(self, text: str, sep: str | None, name: str) -> None:
        text = text.removeprefix("\ufeff")  # a byte-order mark, as spreadsheets write
        lines = text.splitlines()
        header_line = next((line for line in lines if line.strip()), "")
        self.sep = sep or (";" if header_line.count(";") > header_line.count(",") else ",")
        reader = csv.reader(io.StringIO(text), delimiter=self.sep)
        header = next(reader, None)
        if not header:
            raise InvalidInputError(f"{name} has no header line (and no rows)")
        self.header = [h.strip() for h in header]
        doubled = sorted({h for h in self.header if self.header.count(h) > 1})
        if doubled:
            raise InvalidInputError(f"{name} has more than one column named {doubled}")
        self.lines: list[int] = []
        self.extra: dict[int, str] = {}
        rows: list[list[str]] = []
        for fields in reader:
            if not any(f.strip() for f in fields):
                continue
            self.lines.append(reader.line_num)
            if len(fields) > len(self.header):
                self.extra[len(rows)] = (
                    f"row {len(rows) + 1}: has {len(fields)} fields, the header {len(self.header)}"
                )
            rows.append((fields + [""] * len(self.header))[: len(self.header)])
        self.columns = {h: [r[i] for r in rows] for i, h in enumerate(self.header)}


def _read(args: argparse.Namespace) -> _Table:
    if args.file == "-":
        return _Table(sys.stdin.read(), args.sep, "standard input")
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte, or not UTF-8
        raise InvalidInputError(f"cannot read {shown(args.file)}: {exc}") from None
    return _Table(text, args.sep, args.file)


def _finish(args: argparse.Namespace, table: _Table, result: dict[str, Any]) -> int:
    for row, message in table.extra.items():
        for name in result:
            if name not in table.header and name not in ("error", "status", "missing"):
                result[name][row] = None
        result["status"][row], result["error"][row] = "", message
    _write(args.output, table, result)
    failed = [(row, e) for row, e in enumerate(result["error"]) if e]
    if not failed:
        return OK
    total = len(result["error"])
    lines = ", ".join(str(table.lines[row]) for row, _ in failed[:SHOWN_LINES])
    more = ", ..." if len(failed) > SHOWN_LINES else ""
    first_row, first = failed[0]
    summary = (
        f"caopo: {total - len(failed)} of {total} rows priced, {len(failed)} failed at lines "
        f"{lines}{more} (the error column says why); first: line {table.lines[first_row]}: "
        f"{first}"
    )
    print(_one_line(summary), file=sys.stderr)
    return FAILED


def _cell(value: object, comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value).replace(".", ",") if comma else str(value)
    return str(value)


def _write(output: str, table: _Table, result: dict[str, Any]) -> None:
    names = list(result)
    rows = [[result[n][i] for n in names] for i in range(len(table.lines))]
    if output == "-":
        _write_csv(sys.stdout, table.sep, names, rows)
        return
    try:
        if output.lower().endswith(".xlsx"):
            _write_xlsx(Path(output), names, rows)
            return
        with Path(output).open("w", encoding="utf-8", newline="") as stream:
            _write_csv(stream, table.sep, names, rows)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise InvalidInputError(f"cannot write {shown(output)}: {exc}") from None


def _write_csv(stream: TextIO, sep: str, names: list[str], rows: Sequence[list[Any]]) -> None:
    writer = csv.writer(stream, delimiter=sep, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([_cell(v, sep == ";") for v in row] for row in rows)


def _write_xlsx(path: Path, names: list[str], rows: Sequence[list[Any]]) -> None:
    try:
        from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise InvalidInputError(
            f"writing {path.name} needs openpyxl: pip install 'caopo[excel]', or write a .csv"
        ) from None
    book = Workbook()
    sheet = book.active
    sheet.append(names)
    for row in rows:
        sheet.append([v if isinstance(v, Decimal) or v is None else str(v) for v in row])
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
    book.save(path)
