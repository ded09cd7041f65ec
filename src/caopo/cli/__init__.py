"""The ``caopo`` command: thin wrappers that parse arguments, call the public API and print.

Each subcommand lives in its own module under ``caopo.cli`` with an ``add_parser(subparsers)``
function that registers it and sets ``handler``; commands with ``--json`` also name their
result type (``RESULT``) for the JSON contract (:mod:`caopo.cli._json`). :data:`COMMANDS`
is the one registry: a new subcommand is one line there. Only the module of the subcommand
that runs is imported (``caopo --help`` and a misspelt command import them all).

Human output by default (Dutch money formatting), ``--json`` for scripts. Errors are one
line (on stderr; as a JSON envelope on stdout under ``--json``) with the exit codes of
:mod:`caopo.cli.exit_codes`; a closed pipe (``caopo tables | head``) ends quietly.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any, NoReturn

from caopo.cli.exit_codes import OK, USAGE, exit_code
from caopo.errors import CaopoError, shown

__all__ = ["COMMANDS", "build_parser", "command_module", "main"]

COMMANDS: dict[str, str] = {
    "salary": "salary",
    "tables": "tables",
    "director-funding": "director_funding",
    "career-pattern": "career_pattern",
    "garantietoelage": "garantietoelage",
    "school-leader-allowance": "school_leader_allowance",
    "income": "income",
    "back-pay": "back_pay",
    "scale": "scale",
    "convert": "convert",
    "career": "career_timeline",
    "budget": "budget",
    "register-status": "register",
    "per-pupil-funding": "per_pupil",
    "professionalisation-hours": "hours",
    "functiemix": "functiemix",
    "avs-contribution": "avs_contribution",
    "example-function": "example_function",
    "compare-editions": "compare_editions",
    "schema": "schema",
    "completion": "completion",
    "batch": "batch",
}
"""Subcommand -> its module under ``caopo.cli`` (in ``caopo --help`` order)."""

Handler = Callable[[argparse.Namespace], int]
_HELP = ("-h", "--help")


class UsageError(Exception):
    """A command line argparse refused; the message is the one line to print."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message} (see {self.prog} --help)")


class _Version(argparse.Action):
    """``--version``: the code and the data version (read only when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="print the code and data versions",
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        from caopo import __version__, data_version

        print(f"caopo {__version__} (data {data_version()})")
        parser.exit(OK)


def command_module(name: str) -> ModuleType:
    """The module of subcommand *name* (a key of :data:`COMMANDS`)."""
    return importlib.import_module(f"caopo.cli.{COMMANDS[name]}")


def build_parser(names: Sequence[str] = tuple(COMMANDS)) -> argparse.ArgumentParser:
    """The ``caopo`` parser with the subcommands *names* registered (default: all)."""
    parser = _Parser(
        prog="caopo",
        description="Exact, sourced CAO PO arithmetic: salary scales, allowances, budgets, "
        "funding. Exit codes: 0 ok, 1 a row or calculation failed, 2 usage, 3 no data for "
        "the date or cell asked.",
    )
    parser.add_argument("--version", action=_Version)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in names:
        command_module(name).add_parser(subparsers)
    return parser


def _needed(argv: Sequence[str]) -> tuple[str, ...]:
    """The subcommands to register: the one named, unless help comes first or none is."""
    for index, arg in enumerate(argv):
        if not arg.startswith("-"):
            if arg in COMMANDS and not set(argv[:index]) & set(_HELP):
                return (arg,)
            break
    if list(argv[:1]) == ["--version"]:
        return ()
    return tuple(COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (:mod:`caopo.cli.exit_codes`)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except BrokenPipeError:
        _quiet_stdout()
        return OK


def _run(argv: list[str]) -> int:
    names = _needed(argv)
    as_json = "--json" in argv
    try:
        args = build_parser(names).parse_args(argv)
    except UsageError as exc:
        return _fail(
            names[0] if len(names) == 1 else None, None, "UsageError", str(exc), USAGE, as_json
        )
    handler: Handler = args.handler
    json_out = bool(getattr(args, "json", False))
    try:
        return handler(args)
    except CaopoError as exc:
        message = f"caopo: error: {exc}"
        return _fail(args.command, args, type(exc).__name__, message, exit_code(exc), json_out)
    except BrokenPipeError:
        raise
    except OSError as exc:  # a file named on the command line cannot be read or written
        where = "" if exc.filename is None else f"{shown(exc.filename)}: "
        message = f"caopo: error: {where}{exc.strerror or exc}"
        return _fail(args.command, args, type(exc).__name__, message, USAGE, json_out)


def _fail(
    command: str | None,
    args: argparse.Namespace | None,
    error: str,
    message: str,
    code: int,
    as_json: bool,
) -> int:
    if as_json:
        from caopo.cli._json import dumps, error_envelope

        text = message.partition(": error: ")[2] or message
        print(dumps(error_envelope(command, args, error, text, code)))
    else:
        print(_one_line(message), file=sys.stderr)
    return code


def _one_line(text: str) -> str:
    """*text* on one line, with newlines and other control characters from the input shown
    escaped (``\\n``), so a message cannot break lines or drive the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _quiet_stdout() -> None:
    """The reader closed the pipe: point stdout at /dev/null so the final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
