"""``caopo functiemix STAFF.csv --sector S --on DATE``."""

from __future__ import annotations

import argparse
from decimal import Decimal

from caopo.cli._json import emit
from caopo.cli._output import as_date, as_path
from caopo.delimited import read_delimited
from caopo.instruments.functiemix import FunctiemixResult, functiemix

__all__ = ["RESULT", "add_parser"]

RESULT = FunctiemixResult
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "functiemix",
        help="shares of teachers per convenant level against the functiemix target (2008)",
        description="The functiemix of a staff list (CSV with the columns scale and fte) "
        "against the target of the Convenant Leerkracht van Nederland (2008).",
    )
    parser.add_argument(
        "staff",
        type=as_path,
        help="CSV file with the columns scale and fte (others ignored), or - for standard input",
    )
    parser.add_argument(
        "--sector", required=True, help="bo/basisschool, sbo or wec, vo_randstad, vo_niet_randstad"
    )
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2015-03-01")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _pct(value: Decimal | None) -> str:
    return "-" if value is None else f"{value}%"


def _run(args: argparse.Namespace) -> int:
    result = functiemix(read_delimited(args.staff).mappings(), sector=args.sector, on=args.on)
    if args.json:
        return emit(args, result, RESULT)
    print(
        f"functiemix {result.sector} ({result.sector_label}) on {result.on}: "
        f"{result.heads} teachers, {result.fte} fte ({result.status})"
    )
    print(
        f"  {'level':<6}{'heads':>6}{'share':>9}{'fte':>9}{'share':>9}{'target':>8}"
        f"{'national':>10}{'gap fte':>10}"
    )
    for row in result.levels:
        print(
            f"  {row.level:<6}{row.heads:>6}{_pct(row.head_share):>9}{row.fte!s:>9}"
            f"{_pct(row.fte_share):>9}{_pct(row.target):>8}{_pct(row.national):>10}"
            f"{row.gap_fte:>+10}"
        )
    levels = ", ".join(f"{code} = {level}" for code, level in result.scale_levels)
    print(f"  scales: {levels} ({result.mapping}): {result.mapping_note}")
    print(f"  national: {result.national_note}")
    if result.convenant_note:
        print(f"  note: {result.convenant_note}")
    for left in result.excluded:
        print(f"  not counted: row {left.row} {left.scale} ({left.fte} fte): {left.reason}")
    for source in result.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
