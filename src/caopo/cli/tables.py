"""``caopo tables [--json]``, ``caopo tables validate PATH``, ``caopo tables import CSV ...``."""

from __future__ import annotations

import argparse
from pathlib import Path

from caopo.catalog.importer import ImportOptions, read_cells, table_yaml, write_table
from caopo.catalog.inventory import Period, TableInfo, periods, tables
from caopo.catalog.loader import validate_folder
from caopo.catalog.yaml import is_table_file
from caopo.cli._json import Rows, emit
from caopo.cli._output import as_date, as_path
from caopo.errors import DataFileError

__all__ = ["RESULT", "add_parser"]

RESULT = Rows[TableInfo]
"""The result of ``caopo tables --json``: every loaded table version."""

_SHOWN = 20
"""How many ignored files ``validate`` names."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "tables",
        help="list, validate or import table files",
        description=(
            "Without a subcommand: every loaded table with its published, derived and "
            "provisional periods (complete or partial), then its versions."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_list)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    validate = actions.add_parser(
        "validate",
        help="check a table file or a folder of them, as caopo would load it",
        description=(
            "Reads every .yaml and .yml file (any case) in the folder and below, checks them "
            "together with the shipped tables, and lists the files it read and ignored."
        ),
    )
    validate.add_argument("path", type=as_path)
    validate.add_argument(
        "--replace",
        action="store_true",
        help="check as caopo.use_tables(path, replace=True): your versions may replace shipped ones",
    )
    validate.set_defaults(handler=_validate)

    importer = actions.add_parser(
        "import",
        help="turn a CSV salary table into a validated YAML table file",
        description=(
            "Layouts: wide (first column 'trede', one column per scale) or long "
            "('scale,step,amount'). Dutch amounts like 3.463,00 are understood; in a "
            "comma-separated file quote them. Never replaces an existing file without --force."
        ),
    )
    importer.add_argument("csv", type=as_path)
    importer.add_argument("--table", required=True, help="table id, e.g. teachers")
    importer.add_argument("--effective-from", required=True, type=as_date)
    importer.add_argument("--title", required=True, help="title of the table")
    importer.add_argument("--cao", required=True, help="CAO edition, e.g. 'CAO PO 2025-2027'")
    importer.add_argument("--source-url", required=True)
    importer.add_argument("--source-title", help="title of the source (default: --title)")
    importer.add_argument("--publisher")
    importer.add_argument("--article")
    importer.add_argument("--status", default="published", choices=["published", "provisional"])
    importer.add_argument("--coverage", default="complete", choices=["complete", "partial"])
    importer.add_argument("-o", "--output", type=as_path, help="write here instead of printing")
    importer.add_argument(
        "--force", action="store_true", help="replace the --output file if it exists"
    )
    importer.set_defaults(handler=_import)


_STATUSES = ("published", "derived", "provisional")


def _span(period: Period) -> str:
    end = period.end or ""
    coverage = f" {period.coverage}" if period.coverage else ""
    return f"{period.start}..{end}{coverage}"


def _version_line(row: TableInfo) -> str:
    until = f" until {row.effective_until}" if row.effective_until else ""
    where = "" if row.origin == "shipped" else f" [user: {row.path}]"
    if row.carried:
        where = f" [computed from {row.path.name} by the raises]"
    return f"    {row.effective_from}{until:17} {row.status:11} {row.cao}{where}"


def _list(args: argparse.Namespace) -> int:
    rows = tables()
    if args.json:
        return emit(args, Rows(tuple(rows)), RESULT)
    spans = periods(rows)
    for table in dict.fromkeys(row.table for row in rows):
        print(table)
        for status in _STATUSES:
            mine = [_span(p) for p in spans if p.table == table and p.status == status]
            print(f"  {status:12} {', '.join(mine) or '-'}")
        for row in rows:
            if row.table == table:
                print(_version_line(row))
    return 0


def _validate(args: argparse.Namespace) -> int:
    folder: Path = args.path
    files = validate_folder(folder, replace=args.replace)
    if not files:
        raise DataFileError(f"{folder}: no table files (.yaml or .yml) in it or below")
    base = folder if folder.is_dir() else folder.parent
    how = " (yours replacing shipped versions they clash with)" if args.replace else ""
    print(f"read {len(files)} table file(s) in {base}, all valid with the shipped tables{how}:")
    for file in files:
        print(f"  {file.relative_to(base)}")
    if folder.is_dir():
        ignored = sorted(p for p in folder.rglob("*") if p.is_file() and not is_table_file(p))
        if ignored:
            print(f"ignored {len(ignored)} file(s), not .yaml or .yml:")
            for file in ignored[:_SHOWN]:
                print(f"  {file.relative_to(base)}")
            if len(ignored) > _SHOWN:
                print(f"  ... and {len(ignored) - _SHOWN} more")
    return 0


def _import(args: argparse.Namespace) -> int:
    options = ImportOptions(
        table=args.table,
        title=args.title,
        effective_from=args.effective_from,
        cao=args.cao,
        source_title=args.source_title or args.title,
        source_url=args.source_url,
        status=args.status,
        coverage=args.coverage,
        publisher=args.publisher,
        article=args.article,
    )
    text = table_yaml(read_cells(args.csv), options)
    if args.output is None:
        print(text, end="")
    else:
        write_table(text, args.output, source=args.csv, force=args.force)
        print(f"wrote {args.output}")
    return 0
