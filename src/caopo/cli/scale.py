"""``caopo scale CODE --on DATE [--category C] [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date
from caopo.inputs import Category
from caopo.salary_scales.codes import ScaleInfo, category_scale, scale_info

__all__ = ["RESULT", "add_parser"]

RESULT = ScaleInfo
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scale",
        help="what a scale code means on a date (category, FUWA PO level, renames)",
        description=(
            "Describe a scale code on a date: category, FUWA PO numeric level, the period it "
            "exists, what it became, with sources. With --category, CODE is a numeric level "
            "and the answer is that category's code."
        ),
    )
    parser.add_argument("code", help="scale code (LB, L11, 'schaal 8', DC+uitloop) or a level")
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2010-01-01")
    parser.add_argument(
        "--category",
        help="read CODE as a numeric level of this category ("
        + ", ".join(c.value for c in Category)
        + "; Dutch names too)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    if args.category is not None:
        found = category_scale(args.code, category=args.category, on=args.on)
        info = scale_info(found, on=args.on)
    else:
        info = scale_info(args.code, on=args.on)
    if args.json:
        return emit(args, info, RESULT)
    _print(info, args.code if args.category else None)
    return 0


def _print(info: ScaleInfo, level: str | None) -> None:
    if level is not None:
        print(f"{info.category} numeric scale {level} on {info.on}: {info.code}")
    else:
        print(f"{info.code} on {info.on}: {info.category}")
    if info.numeric is not None:
        print(f"  FUWA PO numeric level: {info.numeric} ({info.numeric_status})")
    else:
        print(f"  FUWA PO numeric level: none published ({info.numeric_note})")
    until = f" until {info.exists_until} (exclusive)" if info.exists_until else ""
    print(f"  exists: from {info.exists_from}{until}")
    if info.becomes:
        print(f"  became: {info.becomes} on {info.exists_until}")
    if info.steps is not None:
        print(f"  treden: {info.steps}")
    elif info.steps_at_least is not None:
        print(f"  treden: at least {info.steps_at_least} (maximum not published)")
    if info.note:
        print(f"  note: {info.note}")
    for source in info.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
