"""``caopo salary SCALE STEP --on DATE [--fte F] [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date, as_number, euro
from caopo.salary_scales.salary import SalaryDetail, salary_detail

__all__ = ["RESULT", "add_parser"]

RESULT = SalaryDetail
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "salary",
        help="monthly gross salary for a scale and step on a date",
        description="Monthly gross salary (schaal, trede) on a date, at a werktijdfactor.",
    )
    parser.add_argument("scale", help="scale code, e.g. LB, L11, 8, D12")
    parser.add_argument("step", help="step (trede), e.g. 5")
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2024-11-01")
    parser.add_argument("--fte", default="1", type=as_number, help="werktijdfactor (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    detail = salary_detail(args.scale, args.step, on=args.on, fte=args.fte)
    if args.json:
        return emit(args, detail, RESULT)
    print(
        f"{detail.scale} trede {detail.step} on {detail.on} at werktijdfactor {detail.fte}: "
        f"{euro(detail.amount)} per month"
    )
    print(f"  full-time amount: {euro(detail.full_time_amount)}")
    print(f"  table:  {detail.basis}, {detail.cao}")
    for source in detail.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
