"""``caopo schema COMMAND``: the JSON Schema of ``caopo COMMAND --json``.

Generated from the command's parser (the query) and its result type (the result), the same
type its ``--json`` output is serialised from; docs/schemas/ holds them all.
"""

from __future__ import annotations

import argparse

from caopo.cli import COMMANDS, build_parser, command_module
from caopo.cli._json import command_schema, dumps
from caopo.cli.exit_codes import OK
from caopo.errors import InvalidInputError

__all__ = ["add_parser", "json_commands", "schema_of"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a command's --json output",
        description="The JSON Schema (draft 2020-12) of the envelope 'caopo COMMAND --json' "
        "prints: versions, command, query, and the result or the error.",
    )
    parser.add_argument("name", metavar="COMMAND", help="a command with --json, e.g. salary")
    parser.set_defaults(handler=_run)


def json_commands() -> tuple[str, ...]:
    """The commands that print JSON (their module names a ``RESULT`` type)."""
    return tuple(name for name in COMMANDS if hasattr(command_module(name), "RESULT"))


def schema_of(name: str) -> dict[str, object]:
    """The JSON Schema of ``caopo NAME --json``."""
    if name not in COMMANDS or not hasattr(command_module(name), "RESULT"):
        raise InvalidInputError(
            f"{name!r} is not a command with --json; commands with --json: "
            f"{', '.join(json_commands())}"
        )
    parser = build_parser((name,))
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return command_schema(name, subparsers.choices[name], command_module(name).RESULT)


def _run(args: argparse.Namespace) -> int:
    print(dumps(schema_of(args.name)))
    return OK
