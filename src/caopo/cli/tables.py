"""``caopo tables [--json]``, ``caopo tables validate PATH``, ``caopo tables import CSV ...``."""

from __future__ import annotations

import argparse

from caopo.catalog.importer import ImportOptions, read_cells, table_yaml
from caopo.catalog.inventory import TableInfo, tables
from caopo.catalog.loader import validate_folder
from caopo.cli._json import Rows, emit
from caopo.cli._output import as_date, as_path

__all__ = ["RESULT", "add_parser"]

RESULT = Rows[TableInfo]
"""The result of ``caopo tables --json``: every loaded table version."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "tables",
        help="list, validate or import table files",
        description="Without a subcommand: list every loaded table version.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_list)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    validate = actions.add_parser(
        "validate", help="check a table file or a folder of them, as caopo would load it"
    )
    validate.add_argument("path", type=as_path)
    validate.set_defaults(handler=_validate)

    importer = actions.add_parser(
        "import",
        help="turn a CSV salary table into a validated YAML table file",
        description=(
            "Layouts: wide (first column 'trede', one column per scale) or long "
            "('scale,step,amount'). Dutch amounts like 3.463,00 are understood."
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
    importer.set_defaults(handler=_import)


def _list(args: argparse.Namespace) -> int:
    rows = tables()
    if args.json:
        return emit(args, Rows(tuple(rows)), RESULT)
    for row in rows:
        until = f" until {row.effective_until}" if row.effective_until else ""
        where = "" if row.origin == "shipped" else f" [user: {row.path}]"
        print(f"{row.table:16} {row.effective_from}{until:17} {row.status:11} {row.cao}{where}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    files = validate_folder(args.path)
    print(f"{len(files)} file(s) valid: " + ", ".join(p.name for p in files))
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
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0
