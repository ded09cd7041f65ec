"""``caopo income SCALE STEP --year YEAR [--fte F] [...] [--json]``: a year of pay.

Every option of :class:`caopo.Employment` and of :func:`caopo.annual_income` has a flag
here (a test checks the two signatures against the parser); values are passed on as text
and parsed by the API, so the command refuses what the function refuses."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal

from caopo.cli._json import emit
from caopo.cli._output import as_date, as_number, as_year, euro
from caopo.errors import InvalidInputError, shown
from caopo.inputs import Category, to_days, to_month_of_year
from caopo.money import to_decimal
from caopo.pay.employment import Employment
from caopo.pay.income import AnnualIncome, annual_income
from caopo.pay.lines import Line
from caopo.provenance import weakest
from caopo.salary_scales.periodiek import check_days_worked

__all__ = ["RESULT", "add_parser", "render"]

RESULT = AnnualIncome
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""

MARK = {"published": "P", "derived": "D", "provisional": "V"}
MISSING = "?"
LEGEND = (
    "status: P published (read in a source), D derived (computed by a declared rule), "
    "V provisional (agreed, not final); ? missing (not computable; lenient mode)"
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "income",
        help="a year of pay: month-by-month salary and every component, with status",
        description="Month-by-month salary, holiday allowance, eindejaarsuitkering, OOP payment, "
        "toelagen, one-off payments and woon-werkverkeer for one calendar year.",
    )
    parser.add_argument("scale", help="scale code, e.g. LB, L11, 8, D12")
    parser.add_argument("step", help="step (trede) on the start date, e.g. 5")
    parser.add_argument("--year", required=True, type=as_year, help="calendar year, e.g. 2025")
    _employment_options(parser)
    parser.add_argument(
        "--holiday-month",
        metavar="N",
        help="pay the vakantie-uitkering in month N (1-12) over the twelve months up to it, "
        "e.g. 5 (May); default: shown as accrued each month",
    )
    parser.add_argument(
        "--lenient", action="store_true", help="mark months without a table as missing"
    )
    parser.add_argument(
        "--project", action="store_true", help="project salaries by announced raises"
    )
    parser.add_argument(
        "--as-known-on",
        type=as_date,
        metavar="DATE",
        help="use only the tables known on DATE (what a payroll run then paid)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _employment_options(parser: argparse.ArgumentParser) -> None:
    """The options of :class:`caopo.Employment` besides scale and step."""
    parser.add_argument("--fte", default="1", type=as_number, help="werktijdfactor (default 1)")
    parser.add_argument("--start", type=as_date, help="first day in service (default 1 January)")
    parser.add_argument("--end", type=as_date, help="last day in service (default: none)")
    parser.add_argument(
        "--in-service-from",
        type=as_date,
        metavar="DATE",
        help="first day of service where before --start (diensttijd: the jubileumuitkering "
        "and the periodiek count from it)",
    )
    parser.add_argument(
        "--category",
        default=None,
        help=f"{', '.join(c.value for c in Category)} (or leraar, directeur, "
        "adjunct-directeur, oop); default: from the scale code",
    )
    parser.add_argument("--no-step-increase", action="store_true", help="no periodiek")
    parser.add_argument(
        "--days-worked",
        action="append",
        default=[],
        metavar="YEAR=DAYS",
        help="days worked and paid in the school year starting in YEAR, counted by the "
        "periodiek instead of the days in service (repeatable), e.g. 2024=150",
    )
    parser.add_argument(
        "--min-days", metavar="N", help="the periodiek's minimum days (default: the rule's 60)"
    )
    parser.add_argument("--km", type=as_number, help="one-way commute in km (woon-werkverkeer)")
    parser.add_argument(
        "--days",
        type=as_number,
        help="travel days per week (default: the commuting rule's full week)",
    )
    parser.add_argument(
        "--replacement",
        action="store_true",
        help="replacement staff: the commuting cap for replacements",
    )


def _days_worked(values: list[str]) -> dict[int, int] | None:
    """``YEAR=DAYS`` pairs as the mapping :class:`caopo.Employment` parses."""
    if not values:
        return None
    found: dict[str, str] = {}
    for value in values:
        year, sep, days = value.partition("=")
        if not sep or year.strip() in found:
            raise InvalidInputError(
                f"--days-worked {shown(value)} must look like YEAR=DAYS (e.g. 2024=150), "
                "each school year once"
            )
        found[year.strip()] = days
    return check_days_worked(found)


def _run(args: argparse.Namespace) -> int:
    employment = Employment(
        args.scale,
        args.step,
        start=args.start or date(args.year, 1, 1),
        fte=to_decimal(args.fte, name="fte"),
        end=args.end,
        category=args.category,
        step_increase=not args.no_step_increase,
        commute_km=None if args.km is None else to_decimal(args.km, name="km"),
        travel_days_per_week=None if args.days is None else to_decimal(args.days, name="days"),
        replacement=args.replacement,
        days_worked=_days_worked(args.days_worked),
        min_days=None if args.min_days is None else to_days(args.min_days, name="min_days"),
        in_service_from=args.in_service_from,
    )
    income = annual_income(
        employment,
        year=args.year,
        strict=not args.lenient,
        projection=args.project,
        as_known_on=args.as_known_on,
        holiday_month=None
        if args.holiday_month is None
        else to_month_of_year(args.holiday_month, name="holiday_month"),
    )
    if args.json:
        return emit(args, income, RESULT)
    print(render(income))
    return 0


def _cell(amount: Decimal, status: str, missing: bool = False) -> str:
    return f"{euro(amount)} {MISSING if missing else MARK[status]}"


def _line_cell(lines: list[Line]) -> str:
    amount = sum((ln.amount for ln in lines), Decimal(0))
    if not lines:
        return "-"
    return _cell(amount, weakest(ln.status for ln in lines), any(ln.missing for ln in lines))


def render(income: AnnualIncome) -> str:
    """The human table: one row per month, one column per component, totals."""
    e = income.employment
    names = list(income.components)
    head = ["month", "trede", *names, "total"]
    rows = [head]
    for month in income.months:
        row = [f"{month.month:%Y-%m}", "?" if month.step is None else str(month.step)]
        for name in names:
            row.append(_line_cell([ln for ln in month.lines if ln.component == name]))
        row.append(_cell(month.total, month.status, not month.complete))
        rows.append(row)
    rows.append(
        [
            "total",
            "",
            *(euro(income.totals[n]) for n in names),
            _cell(income.total, income.status, not income.complete),
        ]
    )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    service = "" if e.in_service_from == e.start else f" (in service from {e.in_service_from})"
    text = [
        f"{e.scale} trede {e.step} from {e.start}{service}, werktijdfactor {e.fte}, "
        f"{e.category}, calendar year {income.year}",
        "",
    ]
    for row in rows:
        text.append(
            "  ".join(
                cell.ljust(w) if i < 2 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    text += ["", LEGEND, f"convention: {income.convention}"]
    for gap in income.gaps:
        text.append(f"missing: {gap}")
    text += [f"note: {note}" for note in income.notes]
    text.append("basis:")
    seen: set[str] = set()
    for month in income.months:
        for line in month.lines:
            key = f"{line.component}: {line.basis}"
            if key not in seen:
                seen.add(key)
                text.append(f"  {month.month:%Y-%m} {key}")
    return "\n".join(text)
