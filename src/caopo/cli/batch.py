"""``caopo batch salaries|income FILE [-o OUT]``: price a staff list from a CSV file.

Reads a file or ``-`` (standard input) with :func:`caopo.delimited.read_delimited`,
separated by ``,`` or ``;`` (found from the header line, or ``--sep``), with a decimal point
or comma; a file that is not a table (a row with more or fewer cells than the header, a
quote left open) stops with exit status 2 before any row is priced. Every value is read as
text by the scalar parsers, on the pure-Python path: a CLI call never imports pandas. Writes the input with the new columns of
:mod:`caopo.batch` as CSV (same separator; a decimal comma where it is ``;``) or, for an
``.xlsx`` name, as a workbook (optional extra ``caopo[excel]``). Each bad row is named by
number and reason in the ``error`` column, and a one-line summary on stderr names their
lines; the exit status is 1 when any row failed, 0 when all priced.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from caopo.batch import annual_incomes, salaries
from caopo.batch.gather import without_pandas
from caopo.cli import _one_line
from caopo.cli._output import as_year
from caopo.cli.exit_codes import FAILED, OK
from caopo.delimited import Delimited, read_delimited
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
    with without_pandas():
        result = salaries(
            _columns(table), scale=args.scale, step=args.step, on=args.on, fte=args.fte
        )
    return _finish(args, table, result)


def _run_income(args: argparse.Namespace) -> int:
    table = _read(args)
    with without_pandas():
        result = annual_incomes(
            _columns(table),
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


def _read(args: argparse.Namespace) -> Delimited:
    """The staff list, read by the one reader of delimited text: a file that cannot be
    read as a table (a ragged row, a quote left open) stops the batch before any row."""
    return read_delimited(args.file, separator=args.sep)


def _columns(table: Delimited) -> dict[str, list[str]]:
    return {name: [row.cells[name] for row in table.rows] for name in table.header}


def _finish(args: argparse.Namespace, table: Delimited, result: dict[str, Any]) -> int:
    _write(args.output, table, result)
    failed = [(row, e) for row, e in enumerate(result["error"]) if e]
    if not failed:
        return OK
    total = len(result["error"])
    lines = ", ".join(str(table.rows[row].line) for row, _ in failed[:SHOWN_LINES])
    more = ", ..." if len(failed) > SHOWN_LINES else ""
    first_row, first = failed[0]
    summary = (
        f"caopo: {total - len(failed)} of {total} rows priced, {len(failed)} failed at lines "
        f"{lines}{more} (the error column says why); first: line {table.rows[first_row].line}: "
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


def _write(output: str, table: Delimited, result: dict[str, Any]) -> None:
    names = list(result)
    rows = [[result[n][i] for n in names] for i in range(len(table.rows))]
    if output == "-":
        _write_csv(sys.stdout, table.separator, names, rows)
        return
    try:
        if output.lower().endswith(".xlsx"):
            _write_xlsx(Path(output), names, rows)
            return
        with Path(output).open("w", encoding="utf-8", newline="") as stream:
            _write_csv(stream, table.separator, names, rows)
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
