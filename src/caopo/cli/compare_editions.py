"""``caopo compare-editions SCALE [--before DATE --after DATE]``."""

from __future__ import annotations

import argparse
from datetime import date

from caopo.cli._json import emit
from caopo.cli._output import as_date, euro
from caopo.errors import InvalidInputError
from caopo.instruments.editions import EditionComparison, compare_editions, published_changes

__all__ = ["RESULT", "add_parser"]

RESULT = EditionComparison
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "compare-editions",
        help="a scale in two CAO editions: maximum, steps to the top, increase per step",
        description="Compare a scale in the tables in force on two dates; without dates, "
        "the pair of dates of the published comparison that lists the scale.",
    )
    parser.add_argument("scale", help="scale code, e.g. A12")
    parser.add_argument("--before", type=as_date, help="a date in the earlier edition")
    parser.add_argument("--after", type=as_date, help="a date in the later edition")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _dates(args: argparse.Namespace) -> tuple[date, date, str]:
    if args.before is not None and args.after is not None:
        return args.before, args.after, ""
    if args.before is not None or args.after is not None:
        raise InvalidInputError("give both --before and --after, or neither")
    found = published_changes(args.scale)
    if not found:
        raise InvalidInputError(
            f"no published comparison lists {args.scale!r}: give --before and --after"
        )
    latest = found[-1]
    why = f"dates of the published comparison: {latest.akkoord}"
    return latest.example_before, latest.example_after, why


def _print(result: EditionComparison, why: str) -> None:
    print(
        f"{result.scale_before} on {result.before} -> {result.scale_after} on {result.after} "
        f"({result.status})"
    )
    if why:
        print(f"  {why}")
    computed = result.computed
    if computed is not None:
        print(
            f"  computed: maximum {euro(computed.earlier.maximum)} -> "
            f"{euro(computed.later.maximum)} (perspective {euro(computed.perspective_change)} "
            f"a month), steps {computed.earlier.steps} -> {computed.later.steps} "
            f"({computed.steps_change:+}), increase per step {euro(computed.earlier.increase_per_step)}"
            f" -> {euro(computed.later.increase_per_step)} ({computed.status})"
        )
    for need in result.missing_tables:
        print(f"  not computed: caopo needs {need}")
    published = result.published
    if published is not None:
        steps = ""
        if published.steps_change:
            count = abs(published.steps_change)
            steps = f", {count} steps {'fewer' if published.steps_change < 0 else 'more'}"
        sign = "+" if published.perspective_change_eur_per_month >= 0 else ""
        print(
            f"  published ({published.akkoord}): perspective {sign}"
            f"{euro(published.perspective_change_eur_per_month)} a month, top step "
            f"{published.years_to_top}{steps}; yearly income "
            f"+{euro(published.income_increase_eur_per_year)} (+{published.income_increase_pct}%, "
            f"{published.increase_range_pct[0]}% to {published.increase_range_pct[1]}%)"
        )
        print(
            f"    pair of dates: the tables in force {published.before_from}.."
            f"{published.before_until} against {published.after_from}..{published.after_until}"
            f" (how this was established: docs/editions.md, or --json 'identification')"
        )
        if published.footnote:
            print(f"    {published.footnote}")
        if published.note:
            print(f"    {published.note}")
    for source in result.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))


def _run(args: argparse.Namespace) -> int:
    before, after, why = _dates(args)
    result = compare_editions(args.scale, before=before, after=after)
    if args.json:
        return emit(args, result, RESULT)
    _print(result, why)
    return 0
