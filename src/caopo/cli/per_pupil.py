"""``caopo per-pupil-funding KIND PUPILS --school-type T --school-year Y``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import euro
from caopo.professionalisation.per_pupil import (
    FUNDING_KINDS,
    KIND_SPELLINGS,
    PerPupilResult,
    per_pupil_funding_detail,
)

__all__ = ["RESULT", "add_parser"]

RESULT = PerPupilResult
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "per-pupil-funding",
        help="prestatiebox / professionalisation funding per pupil for one school",
        description="Per-pupil (and per-school) professionalisation funding for a school year.",
    )
    parser.add_argument(
        "kind", help=f"one of: {', '.join(FUNDING_KINDS)} (or {', '.join(KIND_SPELLINGS)})"
    )
    parser.add_argument("pupils", help="number of pupils")
    parser.add_argument(
        "--school-type", required=True, help="bo (bao, basisschool), sbo, so or vso"
    )
    parser.add_argument("--school-year", required=True, help="school year, e.g. 2021-2022")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    result = per_pupil_funding_detail(
        args.kind, args.pupils, school_type=args.school_type, school_year=args.school_year
    )
    if args.json:
        return emit(args, result, RESULT)
    print(
        f"{result.funding_kind} {result.school_year}, {result.school_type}, {result.pupils} pupils: "
        f"{euro(result.amount)} ({result.status})"
    )
    for line in result.lines:
        print(f"  {line.description}: {line.quantity} x {euro(line.rate)} = {euro(line.amount)}")
    if not result.school_types_stated:
        print("  note: the source gives one amount without naming school types")
    print(f"  table: {result.table} ({result.cao})")
    for source in result.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
