"""``caopo register-status REGISTERED_ON --on DATE [--reregistered DATE ...]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date
from caopo.professionalisation.register import RegisterStatus, register_status

__all__ = ["RESULT", "add_parser"]

RESULT = RegisterStatus
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "register-status",
        help="Schoolleidersregister PO status on a date and the next deadline",
        description="Status in the Schoolleidersregister PO and the next re-registration date.",
    )
    parser.add_argument("registered_on", type=as_date, help="date of registration")
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2024-11-01")
    parser.add_argument(
        "--reregistered",
        action="append",
        default=[],
        type=as_date,
        metavar="DATE",
        help="a re-registration date (repeatable)",
    )
    parser.add_argument(
        "--cycle-years",
        default=None,
        help="4 (register pages, default) or 5 (Registerreglement as quoted by a court)",
    )
    parser.add_argument("--type", default="RDO", help="RDO (default), RADO or aspirant")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    status = register_status(
        args.registered_on,
        on=args.on,
        reregistered=args.reregistered,
        cycle_years=args.cycle_years,
        registration_type=args.type,
    )
    if args.json:
        return emit(args, status, RESULT)
    print(
        f"{status.registration_type} registered {status.registered_on}, on {status.on}: "
        f"{status.register_state} ({status.register_state_nl})"
    )
    print(f"  next re-registration deadline: {status.next_deadline}")
    print(f"  'onder voorwaarden' until:     {status.under_conditions_until} (then expired)")
    for done in status.reregistrations:
        late = " (late)" if done.late else ""
        print(f"  re-registered {done.on} for the deadline of {done.deadline}{late}")
    print(f"  cycle: {status.cycle_years} years: {status.cycle_reading}")
    return 0
