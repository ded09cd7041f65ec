"""``caopo garantietoelage --old-scale S --old-step N [--old-step-on DATE
[--in-service-from DATE]] --new-scale S (--new-step N | --new-salary A) --on DATE [--fte F]
[--no-directietoelage] [--unresolved-raises count|ignore] [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date, as_number, euro
from caopo.leaders.garantietoelage import GarantietoelageDetail, garantietoelage_detail

__all__ = ["RESULT", "add_parser"]

RESULT = GarantietoelageDetail
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "garantietoelage",
        help="salary guarantee after the 2020 re-rating (art. 5.6 lid 8 CAO PO 2019-2020)",
        description=(
            "Garantietoelage: old-scale amount (step reached, capped) + directietoelage in "
            "salary terms, indexed by the raises that count, minus the new salary; never "
            "negative; times the werktijdfactor."
        ),
    )
    parser.add_argument("--old-scale", required=True, help="old scale, e.g. DB, DC, DC+U, AB")
    parser.add_argument(
        "--old-step", required=True, help="old step reached on the date (or on --old-step-on)"
    )
    parser.add_argument(
        "--old-step-on",
        type=as_date,
        help="date the old step was held; the periodieken since are applied",
    )
    parser.add_argument(
        "--in-service-from",
        type=as_date,
        help="start of service, for the periodiek condition (default: --old-step-on)",
    )
    parser.add_argument("--new-scale", required=True, help="new scale, e.g. D11, D12")
    parser.add_argument("--new-step", help="new step (looked up in the salary tables)")
    parser.add_argument(
        "--new-salary", type=as_number, help="actual full-time monthly salary in the new scale"
    )
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2020-01-01")
    parser.add_argument("--fte", default="1", type=as_number, help="werktijdfactor (default 1)")
    parser.add_argument(
        "--no-directietoelage",
        action="store_true",
        help="the person did not receive the directietoelage",
    )
    parser.add_argument(
        "--unresolved-raises",
        choices=("count", "ignore"),
        default="count",
        help="raises the sources do not settle: count them as indexation (default) or not",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    d = garantietoelage_detail(
        old_scale=args.old_scale,
        old_step=args.old_step,
        new_scale=args.new_scale,
        new_step=args.new_step,
        new_salary=args.new_salary,
        on=args.on,
        fte=args.fte,
        directietoelage=False if args.no_directietoelage else None,
        unresolved_raises_count=args.unresolved_raises == "count",
        old_step_on=args.old_step_on,
        in_service_from=args.in_service_from,
    )
    if args.json:
        return emit(args, d, RESULT)
    print(
        f"garantietoelage on {d.on} at werktijdfactor {d.fte}: {euro(d.amount)} per month "
        f"({d.article}; status {d.status})"
    )
    held = f" (trede {d.old_step} on {d.old_step_on})" if d.old_step_on is not None else ""
    capped = f" (asked {d.old_step}, capped)" if not held and d.old_step_used != d.old_step else ""
    step = f" trede {d.old_step_used}{held}{capped}"
    print(f"  old salary    {d.old_scale}{step}: {euro(d.old_salary)} ({d.old_table_from} table)")
    print(f"  indexation    x {d.indexation_factor}")
    for item in d.indexation:
        pct = f"+{item.percentage} %" if item.percentage is not None else "structural"
        print(f"    {item.on} {pct}: {'counted' if item.counted else 'not counted'} ({item.why})")
    print(f"  old indexed   {euro(d.old_salary_indexed)}")
    print(
        f"  directietoelage in salary terms: {euro(d.directietoelage_equivalent)}, indexed "
        f"{euro(d.directietoelage_indexed)}"
    )
    print(f"  guaranteed    {euro(d.guaranteed_amount)}")
    new = f" trede {d.new_step}" if d.new_step is not None else ""
    print(f"  actual salary {d.new_scale}{new}: {euro(d.actual_salary)} ({d.new_salary_basis})")
    print(f"  difference    {euro(d.full_time_amount)} full-time, never below 0")
    print(f"  x werktijdfactor {d.fte} = {euro(d.amount)}")
    for note in d.notes:
        print(f"  note: {note}")
    for source in d.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
