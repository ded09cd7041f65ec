"""``caopo back-pay SCALE STEP --from YYYY-MM --to YYYY-MM --paid-as-known-on D
--owed-as-known-on D [--fte F] [--json]``: back pay after a retroactive raise."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import as_date, as_month, as_number, euro
from caopo.dates import add_months
from caopo.errors import InvalidInputError
from caopo.money import to_decimal
from caopo.pay.back_pay import BackPay, back_pay
from caopo.pay.employment import Employment

__all__ = ["RESULT", "add_parser"]

RESULT = BackPay
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "back-pay",
        help="back pay: paid with the tables known then against owed with the tables known later",
        description="Per month: salary (and holiday and year-end accrual) paid with the tables "
        "known on one day against what is owed with the tables known on a later day.",
    )
    parser.add_argument("scale", help="scale code, e.g. L11")
    parser.add_argument("step", help="step (trede) on the start date, e.g. 15")
    parser.add_argument(
        "--from", dest="first", required=True, type=as_month, help="first month, YYYY-MM"
    )
    parser.add_argument(
        "--to", dest="last", required=True, type=as_month, help="last month, YYYY-MM"
    )
    parser.add_argument("--paid-as-known-on", required=True, type=as_date)
    parser.add_argument("--owed-as-known-on", required=True, type=as_date)
    parser.add_argument("--fte", default="1", type=as_number, help="werktijdfactor (default 1)")
    parser.add_argument("--start", type=as_date, help="first day in service (default: --from)")
    parser.add_argument("--no-step-increase", action="store_true")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    first, last = args.first, args.last
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    if count < 1:
        raise InvalidInputError(f"--to {last:%Y-%m} is before --from {first:%Y-%m}")
    months = [add_months(first, n) for n in range(count)]
    employment = Employment(
        args.scale,
        args.step,
        start=args.start or first,
        fte=to_decimal(args.fte, name="fte"),
        step_increase=not args.no_step_increase,
    )
    result = back_pay(
        employment,
        paid_as_known_on=args.paid_as_known_on,
        owed_as_known_on=args.owed_as_known_on,
        months=months,
    )
    if args.json:
        return emit(args, result, RESULT)
    print(
        f"{employment.scale} trede {employment.step}, werktijdfactor {employment.fte}: paid with "
        f"the tables known on {result.paid_as_known_on}, owed with those known on "
        f"{result.owed_as_known_on}"
    )
    for m in result.months:
        paid, owed = m.paid[0], m.owed[0]
        print(
            f"  {m.month:%Y-%m} trede {m.step}: paid {euro(paid.amount)} ({paid.status}), owed "
            f"{euro(owed.amount)} ({owed.status}), difference "
            + ", ".join(f"{k} {euro(v)}" for k, v in m.difference.items())
        )
    print("  total: " + ", ".join(f"{k} {euro(v)}" for k, v in result.totals.items()))
    print(f"  back pay in total: {euro(result.total)}")
    print(f"  paid basis: {result.months[0].paid[0].basis}")
    print(f"  owed basis: {result.months[-1].owed[0].basis}")
    return 0
