"""``caopo career SCALE STEP --since DATE --until DATE [--mode strict|lenient] [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import Rows, emit
from caopo.cli._output import as_date, euro
from caopo.salary_scales.careers import CareerRow, career_timeline

__all__ = ["RESULT", "add_parser"]

RESULT = Rows[CareerRow]
"""The result of ``--json``: the rows of the timeline (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "career",
        help="dated salary timeline: periodieken, table changes, renames, conversions",
        description=(
            "Timeline of someone in SCALE trede STEP from --since to --until. --mode strict "
            "(default) fails where no shipped table has an amount; lenient prints the row "
            "without an amount and says why."
        ),
    )
    parser.add_argument("scale", help="scale code on --since, e.g. LA")
    parser.add_argument("step", help="step (trede) on --since")
    parser.add_argument(
        "--since",
        required=True,
        type=as_date,
        help="start date; the first periodiek counts the days in service from it",
    )
    parser.add_argument("--until", required=True, type=as_date, help="end date (inclusive)")
    parser.add_argument(
        "--in-service-from",
        type=as_date,
        default=None,
        help="start of service, where before --since (the periodiek counts days from it)",
    )
    parser.add_argument("--mode", choices=("strict", "lenient"), default="strict")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    rows = career_timeline(
        args.scale,
        args.step,
        since=args.since,
        until=args.until,
        mode=args.mode,
        in_service_from=args.in_service_from,
    )
    if args.json:
        return emit(args, Rows(tuple(rows)), RESULT)
    for row in rows:
        step = "?" if row.step is None else str(row.step)
        amount = "lapsed" if row.code_lapsed else "not published"
        if row.amount is not None:
            amount = euro(row.amount)
        print(
            f"{row.on}  {row.scale:<4} trede {step:>2}  {amount:>13}  "
            f"{row.table_version or '-':<26} {row.status:<13} {row.event}"
        )
        if row.reason and (row.missing or row.code_lapsed):
            print(f"{'':12}why: {row.reason}")
    return 0
