"""``caopo budget``: the individual professionalisation budget of one year, or a ledger.

One year::

    caopo budget --category teacher --fte 0.8 --year 2021

A statement (ledger) over several years, with spending::

    caopo budget --category director --from-year 2019 --to-year 2026 --saving-agreed \\
        --spend 2022-03-01=2500 --spend 2025-09-01=8000

A statement must say whether saving was agreed (``--saving-agreed`` or
``--no-saving-agreed``), as :func:`caopo.budget_statement` does: without an agreement a
budget lapses at the end of its own year, so a silent default would lose money. The lapsed
amounts are printed; an unfunded balance (spending no budget covers) exits with
:data:`~caopo.cli.exit_codes.FAILED` unless ``--report-only``.
"""

from __future__ import annotations

import argparse
import sys

from caopo.cli._json import emit
from caopo.cli._output import euro
from caopo.cli.exit_codes import FAILED, OK
from caopo.errors import InvalidInputError, shown
from caopo.inputs import to_year
from caopo.professionalisation.budgets import BudgetGrant, budget_detail
from caopo.professionalisation.ledger import BudgetStatement, budget_statement

__all__ = ["RESULT", "add_parser"]

RESULT = BudgetGrant | BudgetStatement
"""The result of ``--json``: one year, or a statement (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "budget",
        help="individual professionalisation budget of a year, or a carry-over statement",
        description=(
            "Individual professionalisation budget (directors; teachers and support staff) "
            "for one budget year (--year), or a ledger over --from-year..--to-year."
        ),
    )
    parser.add_argument(
        "--category",
        required=True,
        help="teacher (leraar), adjunct (adjunct-directeur), director (directeur) or "
        "support_staff (oop)",
    )
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", help="one budget year, e.g. 2021")
    when.add_argument("--from-year", help="first year of a statement")
    parser.add_argument("--to-year", help="last year of a statement (with --from-year)")
    parser.add_argument("--fte", default="1", help="werktijdfactor (default 1)")
    _statement_options(parser)
    parser.add_argument(
        "--year-basis",
        choices=("calendar", "school"),
        default="calendar",
        help="budget years are calendar years (default) or school years",
    )
    parser.add_argument(
        "--pro-rata",
        choices=("data", "yes", "no"),
        default="data",
        help="scale by the werktijdfactor: as the data says (default), or force yes/no",
    )
    parser.add_argument(
        "--usable-years-when-unread",
        default=None,
        help="usable years where the lapse rule was not read (directors from 2023-05-01; "
        "default: the data's derived reading)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _statement_options(parser: argparse.ArgumentParser) -> None:
    """The options of a statement (with --from-year)."""
    parser.add_argument(
        "--fte-year",
        action="append",
        default=[],
        metavar="YEAR=FTE",
        help="werktijdfactor of one year of a statement (repeatable; others use --fte)",
    )
    parser.add_argument(
        "--saving-agreed",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="saving was (or was not) agreed with the employer; a statement needs one of them",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="exit 0 on an unfunded balance (report it, do not fail)",
    )
    parser.add_argument(
        "--spend",
        action="append",
        default=[],
        metavar="DATE=AMOUNT",
        help="an expense, e.g. 2022-03-01=2500 (repeatable)",
    )


def _pairs(values: list[str], what: str) -> list[tuple[str, str]]:
    out = []
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise InvalidInputError(f"{what} {shown(value)} must look like KEY=VALUE")
        out.append((key.strip(), rest.strip()))
    return out


def _run(args: argparse.Namespace) -> int:
    pro_rata = {"data": None, "yes": True, "no": False}[args.pro_rata]
    if args.year is not None:
        if args.to_year or args.spend or args.fte_year or args.saving_agreed is not None:
            raise InvalidInputError(
                "--to-year, --spend, --fte-year and --(no-)saving-agreed need --from-year"
            )
        return _one_year(args, pro_rata)
    if args.to_year is None:
        raise InvalidInputError("--from-year needs --to-year")
    if args.saving_agreed is None:
        raise InvalidInputError(
            "a statement needs --saving-agreed or --no-saving-agreed: without an agreement "
            "each budget lapses at the end of its own year"
        )
    return _statement(args, pro_rata)


def _one_year(args: argparse.Namespace, pro_rata: bool | None) -> int:
    grant = budget_detail(
        args.category,
        year=args.year,
        fte=args.fte,
        year_basis=args.year_basis,
        pro_rata=pro_rata,
    )
    if args.json:
        return emit(args, grant, RESULT)
    print(
        f"{grant.category} {grant.year_label} at werktijdfactor {grant.fte}: {euro(grant.amount)}"
    )
    print(f"  how:    {grant.basis}; {grant.pro_rata_reading}")
    print(f"  rule:   {grant.table} from {grant.effective_from}, {grant.cao} ({grant.status})")
    print(
        f"  saving: up to {grant.saving.max_saving_years} years with the employer's "
        f"agreement; unspent lapses to: {grant.lapses_to}"
    )
    for source in grant.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0


def _fte(args: argparse.Namespace) -> str | dict[int, str]:
    if not args.fte_year:
        return str(args.fte)
    first = to_year(args.from_year, name="--from-year")
    last = to_year(args.to_year, name="--to-year")
    given = dict(_pairs(args.fte_year, "--fte-year"))
    fte = {y: given.pop(str(y), args.fte) for y in range(first, last + 1)}
    if given:
        raise InvalidInputError(f"--fte-year outside the statement: {sorted(given)}")
    return fte


def _statement(args: argparse.Namespace, pro_rata: bool | None) -> int:
    statement = budget_statement(
        args.category,
        first_year=args.from_year,
        last_year=args.to_year,
        fte=_fte(args),
        saving_agreed=args.saving_agreed,
        spending=_pairs(args.spend, "--spend"),
        year_basis=args.year_basis,
        pro_rata=pro_rata,
        usable_years_when_unread=args.usable_years_when_unread,
    )
    code = OK if args.report_only or not statement.unfunded else FAILED
    if args.json:
        emit(args, statement, RESULT)
        return code
    _print_statement(statement)
    if code != OK:
        print(
            f"caopo: error: spending of {euro(statement.unfunded)} is not covered by the "
            f"budget (unfunded); --report-only reports it without failing",
            file=sys.stderr,
        )
    return code


def _print_statement(statement: BudgetStatement) -> None:
    saving = "agreed" if statement.saving_agreed else "not agreed"
    print(f"{statement.category}, saving {saving} ({statement.status})")
    print(f"{'year':<10}{'granted':>14}{'spent':>14}{'lapsed':>14}{'balance':>14}  rule")
    for row in statement.rows:
        print(
            f"{row.label:<10}{euro(row.granted):>14}{euro(row.spent):>14}"
            f"{euro(row.lapsed_total):>14}{euro(row.closing_balance):>14}  {row.rule}"
        )
        for lapse in row.lapses:
            print(
                f"{'':<10}lapsed: {euro(lapse.amount)} of {lapse.origin_year} on {lapse.on} "
                f"to {lapse.to}"
            )
        if row.unfunded:
            print(f"{'':<10}unfunded (overspent): {euro(row.unfunded)}")
        if row.lapses_next:
            nxt = row.lapses_next[0]
            print(f"{'':<10}next lapse: {euro(nxt.amount)} of {nxt.origin_year} after {nxt.on}")
    print(
        f"{'total':<10}{euro(statement.granted):>14}{euro(statement.spent):>14}"
        f"{euro(statement.lapsed):>14}{euro(statement.balance):>14}"
    )
    if statement.unfunded:
        print(f"unfunded in total: {euro(statement.unfunded)}")
    for reading in statement.readings:
        print(f"  reading: {reading}")
