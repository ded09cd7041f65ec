"""``caopo career-pattern COUNT --school-type T --on DATE [--json]`` and
``caopo career-pattern --growth YEAR=COUNT ... --school-type T --start-scale S [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import Rows, emit
from caopo.cli._output import as_date
from caopo.errors import InvalidInputError
from caopo.inputs import to_year
from caopo.leaders._school_types import CAREER_PATTERN_READING, describe_reading
from caopo.leaders.career_patterns import (
    CareerPatternDetail,
    GrowthStep,
    career_growth,
    career_pattern_detail,
)

__all__ = ["RESULT", "add_parser"]

RESULT = CareerPatternDetail | Rows[GrowthStep]
"""The result of ``--json``: the scale of one count, or the steps of a growth history."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "career-pattern",
        help="old director scale (DA/DB/DC/DC+U) by school size, until 2020-08-01",
        description=(
            "Director scale by school size until 2020-08-01 (Bijlage A1 CAO PO). With COUNT "
            "and --on: the scale one 1 October count gives the right to. With --growth: the "
            "growth rule (three consecutive counts; the 2018 DA -> DB exception) over a history."
        ),
    )
    parser.add_argument(
        "count", nargs="?", help="pupils on 1 October (bo, sbo) or normative formation Q (so)"
    )
    readings = describe_reading(CAREER_PATTERN_READING)
    parser.add_argument("--school-type", required=True, help=f"bo, sbo or so (read {readings})")
    parser.add_argument(
        "--on", type=as_date, help="date the scale is asked for (before 2020-08-01)"
    )
    parser.add_argument(
        "--growth",
        nargs="+",
        metavar="YEAR=COUNT",
        help="1 October counts by year, e.g. 2014=380 2015=412 2016=425 2017=420",
    )
    parser.add_argument("--start-scale", help="scale before the first count (with --growth)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _parse_history(items: list[str]) -> dict[int, str]:
    """``2014=380`` pairs: the year parsed here (:func:`caopo.inputs.to_year`), the count
    left as text for :func:`career_growth`, which parses it as the API does."""
    history: dict[int, str] = {}
    for item in items:
        text, sep, count = item.partition("=")
        if not sep:
            raise InvalidInputError(f"--growth takes YEAR=COUNT pairs, not {item!r}")
        year = to_year(text, name=f"--growth year in {item!r}")
        if year in history:
            raise InvalidInputError(f"--growth names the count of {year} twice")
        history[year] = count.strip()
    return history


def _run(args: argparse.Namespace) -> int:
    if args.growth:
        if not args.start_scale:
            raise InvalidInputError("--growth needs --start-scale (the scale before the counts)")
        steps = career_growth(
            _parse_history(args.growth), school_type=args.school_type, start_scale=args.start_scale
        )
        if args.json:
            return emit(args, Rows(tuple(steps)), RESULT)
        for step in steps:
            print(f"{step.teldatum}: {step.scale} from {step.applies_from} ({step.reason})")
        return 0
    if args.count is None or args.on is None:
        raise InvalidInputError("give COUNT and --on, or --growth YEAR=COUNT ... --start-scale S")
    detail = career_pattern_detail(args.count, school_type=args.school_type, on=args.on)
    if args.json:
        return emit(args, detail, RESULT)
    print(
        f"{detail.school_type}, count {detail.count} ({detail.symbol} = {detail.value}) on "
        f"{detail.on}: {detail.scale} ({detail.band}; status {detail.status})"
    )
    for source in detail.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
