"""``caopo school-leader-allowance NAME --scale S --on DATE [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date, euro
from caopo.leaders.allowances import (
    ALLOWANCE_NAMES,
    SchoolLeaderAllowanceDetail,
    school_leader_allowance_detail,
)

__all__ = ["RESULT", "add_parser"]

RESULT = SchoolLeaderAllowanceDetail
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "school-leader-allowance",
        help="directietoelage, bindingstoelage or arbeidsmarkttoelage of a school leader",
        description="School-leader allowances per scale and date, with their source.",
    )
    parser.add_argument("allowance", help=f"one of: {', '.join(ALLOWANCE_NAMES)}")
    parser.add_argument("--scale", required=True, help="scale, e.g. DB, D12, A11")
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2023-07-01")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    d = school_leader_allowance_detail(args.allowance, scale=args.scale, on=args.on)
    if args.json:
        return emit(args, d, RESULT)
    print(f"{d.allowance} {d.scale} on {d.on}: {euro(d.amount)} per {d.period} (full-time)")
    print(f"  condition: {d.condition}")
    if d.payment_schedule:
        print(f"  paid:      {d.payment_schedule}")
    print(f"  table:     {d.basis}, {d.cao}")
    for source in d.sources:
        print(f"  source:    {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
