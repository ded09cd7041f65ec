"""``caopo professionalisation-hours --on DATE [--fte F] [--age N] [--starter]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date
from caopo.professionalisation.hours import HoursEntitlement, professionalisation_hours

__all__ = ["RESULT", "add_parser"]

RESULT = HoursEntitlement
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "professionalisation-hours",
        help="yearly professionalisation and duurzame-inzetbaarheid hours",
        description="Hour budgets on a date: professionalisation, starters, DI basis and 57+.",
    )
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2024-11-01")
    parser.add_argument("--fte", default="1", help="werktijdfactor above 0 (default 1)")
    parser.add_argument(
        "--age", default=None, help="age in whole years (for the age-bound DI budget)"
    )
    parser.add_argument("--starter", action="store_true", help="a starting teacher")
    parser.add_argument("--past-aow-age", action="store_true", help="working past AOW age")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    hours = professionalisation_hours(
        on=args.on,
        fte=args.fte,
        age=args.age,
        starter=args.starter,
        past_aow_age=args.past_aow_age,
    )
    if args.json:
        return emit(args, hours, RESULT)
    print(
        f"hour budgets on {hours.on} at werktijdfactor {hours.fte} ({hours.cao}; {hours.status}):"
    )
    for line in hours.lines:
        saving = (
            f"save up to {line.max_saving_years} years"
            if line.max_saving_years
            else ("saveable" if line.saveable else "not saveable")
        )
        print(f"  {line.id}: {line.hours_per_year} h/year ({line.status}; {line.how}); {saving}")
    return 0
