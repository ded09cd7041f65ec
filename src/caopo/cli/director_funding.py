"""``caopo director-funding PUPILS --school-type T --school-year Y [--json]``."""

from __future__ import annotations

import argparse

from caopo.cli._json import emit
from caopo.cli._output import euro
from caopo.inputs import SchoolType
from caopo.leaders._school_types import FUNDING_READING, describe_reading
from caopo.leaders.funding import DirectorFundingDetail, director_funding_detail

__all__ = ["RESULT", "add_parser"]

RESULT = DirectorFundingDetail
"""The result of ``--json`` (:mod:`caopo.cli._json`)."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "director-funding",
        help="aanvullende bekostiging schoolleiding for a pupil count and school year",
        description=(
            "Supplementary funding for the school leadership (aanvullende bekostiging "
            "schoolleiding), EUR per school per school year. The count on 1 October "
            "determines the amount of the following school year."
        ),
    )
    parser.add_argument("pupils", help="pupils on the teldatum (1 October before the year)")
    parser.add_argument(
        "--school-type",
        required=True,
        help=f"one of: {', '.join(SchoolType)} (read {describe_reading(FUNDING_READING)})",
    )
    parser.add_argument("--school-year", required=True, help="school year, e.g. 2013-2014")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    detail = director_funding_detail(
        args.pupils, school_type=args.school_type, school_year=args.school_year
    )
    if args.json:
        return emit(args, detail, RESULT)
    print(
        f"{detail.school_type} school, {detail.pupils} pupils on {detail.teldatum}, school year "
        f"{detail.school_year}: {euro(detail.amount)}"
    )
    print(f"  band:       {detail.band}")
    print(f"  boundary:   {detail.boundary}")
    regulation = detail.regulation
    ident = f" ({regulation.bwbr})" if regulation.bwbr else ""
    print(f"  regulation: {regulation.title}{ident}")
    if regulation.url:
        print(f"              {regulation.url}")
    if detail.includes_directeur_toelage_toeslag is not None:
        print(
            f"  includes a toeslag of {euro(detail.includes_directeur_toelage_toeslag)} for the "
            f"monthly directeur toelage"
        )
    print(f"  status:     {detail.status}")
    for source in detail.sources:
        print(f"  source:     {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
