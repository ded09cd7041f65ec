"""``caopo example-function NAME --on DATE`` (or ``--list``)."""

from __future__ import annotations

import argparse

from caopo.cli._json import Rows, emit
from caopo.cli._output import as_date
from caopo.errors import InvalidInputError
from caopo.instruments.example_functions import ExampleFunction, example_function, example_functions

__all__ = ["RESULT", "add_parser"]

RESULT = ExampleFunction | Rows[ExampleFunction]
"""The result of ``--json``: one example function, or (``--list``) all of them."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "example-function",
        help="the scale(s) and category of an example function (voorbeeldfunctie)",
        description="The scale(s) of an example function on a date, or (--list) every "
        "example function on that date.",
    )
    parser.add_argument("name", nargs="?", help="e.g. 'onderwijsassistent B' (any case)")
    parser.add_argument("--on", required=True, type=as_date, help="date, e.g. 2024-11-01")
    parser.add_argument("--list", action="store_true", help="list every example function")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_run)


def _line(found: ExampleFunction) -> str:
    scales = ", ".join(found.scales) or f"scale not read ({found.scales_note})"
    return f"{found.name} [{found.category}]: {scales}"


def _run(args: argparse.Namespace) -> int:
    if args.list == (args.name is not None):
        raise InvalidInputError("give an example function's name, or --list (not both)")
    if args.list:
        listing = example_functions(on=args.on)
        if args.json:
            return emit(args, Rows(tuple(listing)), RESULT)
        print(f"example functions on {args.on}:")
        for found in listing:
            print(f"  {_line(found)}")
        return 0
    found = example_function(args.name, on=args.on)
    if args.json:
        return emit(args, found, RESULT)
    print(f"{_line(found)} on {found.on} ({found.status})")
    print(f"  series: {found.series} ({found.valid_from}..{found.valid_until or ''})")
    if found.note:
        print(f"  note: {found.note}")
    for source in found.sources:
        print(f"  source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return 0
