"""The ``caopo`` command: thin wrappers that parse arguments, call the public API and print.

Each subcommand lives in its own module with an ``add_parser(subparsers)`` function that
registers it and sets ``handler``. Human output by default (Dutch money formatting),
``--json`` for scripts. Bad input exits 2 with a one-line message and no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from caopo.errors import CaopoError

__all__ = ["main"]

_COMMAND_MODULES = (
    "caopo.cli.salary",
    "caopo.cli.tables",
    "caopo.cli.director_funding",
    "caopo.cli.career_pattern",
    "caopo.cli.garantietoelage",
    "caopo.cli.school_leader_allowance",
    "caopo.cli.income",
    "caopo.cli.back_pay",
    "caopo.cli.scale",
    "caopo.cli.convert",
    "caopo.cli.career_timeline",
    "caopo.cli.budget",
    "caopo.cli.register",
    "caopo.cli.per_pupil",
    "caopo.cli.hours",
    "caopo.cli.batch",
)

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    from caopo import __version__

    parser = _Parser(
        prog="caopo",
        description="Exact, sourced CAO PO arithmetic: salary scales, allowances, budgets, funding.",
    )
    parser.add_argument("--version", action="version", version=f"caopo {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input or data)."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except CaopoError as exc:
        print(f"caopo: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
