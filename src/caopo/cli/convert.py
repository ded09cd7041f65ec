"""``caopo convert SCALE STEP --at DATE [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date, euro
from caopo.salary_scales.conversions import Conversion, convert

__all__ = ["RESULT", "add_parser"]

RESULT = Conversion
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="apply the scale conversion of a transition between CAO editions",
        description=(
            "Place a scale and step into the new scale at a transition between CAO editions "
            "(the transitions and their rules are in data/mappings/scale_transitions.yaml)."
        ),
    )
    parser.add_argument("scale", help="scale code before the transition, e.g. L10, A11")
    parser.add_argument("step", help="step (trede) before the transition")
    parser.add_argument("--at", required=True, type=as_date, help="transition date")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    result = convert(args.scale, args.step, at=args.at)
    if args.json:
        return emit(args, result, RESULT)
    old = f" ({euro(result.old_amount)})" if result.old_amount is not None else ""
    new = f" ({euro(result.new_amount)})" if result.new_amount is not None else ""
    print(
        f"{result.at}: {result.old_scale} trede {result.old_step}{old} -> "
        f"{result.new_scale} trede {result.new_step}{new} [{result.placement}]"
    )
    if result.target_amount is not None:
        print(f"  raised salary compared: {result.target_amount} (exact)")
    if result.old_table or result.new_table:
        print(f"  tables: {result.old_table or 'none'} -> {result.new_table or 'none'}")
    print(f"  rule: {result.rule}")
    print(f"  status: {result.status}")
    for note in result.notes:
        print(f"  note: {note}")
    for source in result.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
