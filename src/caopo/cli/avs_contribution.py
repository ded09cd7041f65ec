"""``caopo avs-contribution MEMBERS.csv --school-year Y``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_path, euro
from caopo.delimited import read_delimited
from caopo.instruments.avs import AvsContribution, avs_contribution

__all__ = ["RESULT", "add_parser"]

RESULT = AvsContribution
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "avs-contribution",
        help="AVS membership contribution: personal parts and one management part per school",
        description="The AVS contribution of a list of members (CSV with the columns name, "
        "school (BRIN; the board for a bovenschools manager), pupils and optionally role).",
    )
    parser.add_argument(
        "members", type=as_path, help="CSV file: name, school, pupils[, role]; - for standard input"
    )
    parser.add_argument("--school-year", required=True, help="school year, e.g. 2014-2015")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    result = avs_contribution(read_delimited(args.members).mappings(), school_year=args.school_year)
    if args.json:
        return emit(args, result, RESULT)
    print(f"AVS contribution {result.school_year}: {euro(result.total)} ({result.status})")
    for part in result.personal:
        where = f" at {part.school}" if part.school else ""
        print(f"  {part.name}{where}: {part.rate_name} {euro(part.amount)}")
    for shared in result.management:
        print(
            f"  management part {shared.scope} {shared.key} ({shared.pupils} pupils, band "
            f"'{shared.band}'): {euro(shared.amount)} for {', '.join(shared.members)}"
        )
        if shared.reading:
            print(f"    reading: {shared.reading}")
    for source in result.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
