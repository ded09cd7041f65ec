"""The one JSON contract of ``--json``: an envelope built from the result types.

Every ``--json`` output is one object::

    {"caopo": "0.1.0", "data": "2026.11.22", "command": "salary",
     "query": {...the parsed arguments...}, "result": {...}}

or, when the command failed, ``"error": {"type": ..., "message": ..., "exit_code": ...}``
in place of ``"result"`` (printed on stdout, with the same exit code as without ``--json``).
The result is the command's result type (``RESULT`` in its module) serialised by pydantic;
:func:`command_schema` generates the JSON Schema from the same type and the command's
parser, so the two cannot drift apart (``caopo schema COMMAND``).

One key means one thing in every command. A number under a key of :data:`MONEY_KEYS` is a
euro amount, always a string with two decimals (``"3868.00"``); a number under a key of
:data:`EXACT_KEYS` is an exact decimal that is not a payable amount (``"0.8"``). A test
fails when a result type has a decimal under a key in neither set.

pydantic is imported only when JSON is asked for.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from caopo.cli._output import as_date, as_month, as_year
from caopo.cli.exit_codes import OK
from caopo.money import CENT

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
    from pydantic_core import core_schema

__all__ = [
    "EXACT_KEYS",
    "INTERNAL",
    "MONEY_KEYS",
    "MONEY_PATTERN",
    "Rows",
    "command_schema",
    "dumps",
    "emit",
    "envelope",
    "error_envelope",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Rows(Generic[T]):
    """The result of a command that answers with a list (a timeline, the tables): its
    ``rows``, so that every result is an object."""

    rows: tuple[T, ...]


MONEY_KEYS = frozenset(
    {
        "actual_salary",
        "amount",
        "balance",
        "base_amount",
        "closing_balance",
        "closing_by_origin",
        "difference",
        "directietoelage_equivalent",
        "directietoelage_indexed",
        "drawn",
        "extra_amount",
        "full_time_amount",
        "granted",
        "guaranteed_amount",
        "includes_directeur_toelage_toeslag",
        "income_increase_eur_per_year",
        "increase_per_step",
        "increase_per_step_change",
        "lapsed",
        "lapsed_total",
        "maximum",
        "minimum",
        "new_amount",
        "old_amount",
        "old_salary",
        "old_salary_indexed",
        "opening_balance",
        "perspective_change",
        "perspective_change_eur_per_month",
        "rate",
        "spent",
        "spent_by_origin",
        "total",
        "totals",
        "unfunded",
    }
)
"""Keys whose decimals are euro amounts: a string with two decimals, ``"3868.00"``."""

EXACT_KEYS = frozenset(
    {
        "commute_km",
        "count",
        "fte",
        "fte_share",
        "gap_fte",
        "head_share",
        "hours_per_week",
        "hours_per_year",
        "income_increase_pct",
        "increase_range_pct",
        "indexation_factor",
        "national",
        "part",
        "percentage",
        "target",
        "target_amount",
        "target_fte",
        "travel_days_per_week",
        "value",
    }
)
"""Keys whose decimals are exact numbers that are not payable amounts (a werktijdfactor,
a factor, a percentage or share, fte, hours, a pupil count, and ``target_amount``: the unrounded raised
salary a conversion compares): the exact decimal as a string, ``"0.8"``."""

MONEY_PATTERN = r"^-?[0-9]+\.[0-9]{2}$"
INTERNAL = frozenset({"handler", "json", "command"})
"""Namespace entries that are not part of the query."""

_ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "why the command failed; the exit code is the process's",
    "properties": {
        "type": {"type": "string", "description": "the caopo error class, or UsageError"},
        "message": {"type": "string"},
        "exit_code": {"type": "integer", "enum": [1, 2, 3]},
    },
    "required": ["type", "message", "exit_code"],
    "additionalProperties": False,
}


def dumps(value: object) -> str:
    """Indented JSON, non-ASCII kept (``€``, ``ë``)."""
    return json.dumps(value, indent=2, ensure_ascii=False)


def emit(args: argparse.Namespace, result: object, kind: Any) -> int:
    """Print the envelope of *result*, serialised as its command's ``RESULT`` type *kind*."""
    print(dumps(envelope(args, result, kind)))
    return OK


def _versions() -> dict[str, str]:
    from caopo import __version__, data_version

    return {"caopo": __version__, "data": data_version()}


def envelope(args: argparse.Namespace, result: object, kind: Any) -> dict[str, Any]:
    """The envelope of a result: versions, command, query and the serialised result."""
    return {
        **_versions(),
        "command": args.command,
        "query": query(args),
        "result": _adapter(kind).dump_python(_cents(result), mode="json"),
    }


def error_envelope(
    command: str | None, args: argparse.Namespace | None, error: str, message: str, code: int
) -> dict[str, Any]:
    """The envelope of a failure; ``query`` is null when the arguments did not parse."""
    return {
        **_versions(),
        "command": command,
        "query": None if args is None else query(args),
        "error": {"type": error, "message": message, "exit_code": code},
    }


def query(args: argparse.Namespace) -> dict[str, Any]:
    """The parsed arguments as JSON values (dates in ISO form)."""
    return {k: _plain(v) for k, v in sorted(vars(args).items()) if k not in INTERNAL}


def _plain(value: object) -> Any:
    if isinstance(value, (date, Path, Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _cents(value: Any, key: str = "") -> Any:
    """*value* with every decimal under a money key at two decimals (exact: a decimal with
    more places is left as it is, and the schema's pattern then refuses it)."""
    if isinstance(value, Decimal):
        if key in MONEY_KEYS and value == value.quantize(CENT):
            return value.quantize(CENT)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _cents(getattr(value, f.name), f.name) for f in dataclasses.fields(value)
        }
        rounded = copy.copy(value)  # not replace(): a custom __init__ parses its input
        for name, new in changes.items():
            object.__setattr__(rounded, name, new)
        return rounded
    if isinstance(value, tuple):
        return tuple(_cents(v, key) for v in value)
    if isinstance(value, list):
        return [_cents(v, key) for v in value]
    if isinstance(value, dict):
        return {k: _cents(v, key) for k, v in value.items()}
    return value


def _generator() -> type[GenerateJsonSchema]:
    """pydantic's schema generator, with a decimal marked ``"format": "decimal"`` so that only
    decimals (not text) under a money key get the money pattern."""
    from pydantic.json_schema import GenerateJsonSchema

    class _Schema(GenerateJsonSchema):
        def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
            if self.mode == "serialization":
                return {"type": "string", "format": "decimal"}
            return super().decimal_schema(schema)

    return _Schema


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    # pydantic resolves the forward references of the pydantic-free results (see
    # forward_refs) in the frame that builds the adapter
    from caopo.schema.base import Source  # noqa: F401

    return TypeAdapter(kind)


def forward_refs() -> dict[str, Any]:
    """Names the pydantic-free results (``salary_scales.salary``) import for type checkers
    only, so that their annotations can be resolved (``typing.get_type_hints``)."""
    from caopo.schema.base import Source

    return {"Source": Source}


def command_schema(name: str, parser: argparse.ArgumentParser, kind: Any) -> dict[str, Any]:
    """The JSON Schema of ``caopo NAME --json``, from the command's parser and result type."""
    result = _adapter(kind).json_schema(mode="serialization", schema_generator=_generator())
    defs = result.pop("$defs", {})
    for schema in (result, *defs.values()):
        _money_schema(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"caopo {name} --json",
        "type": "object",
        "properties": {
            "caopo": {"type": "string", "description": "the version of the code"},
            "data": {"type": "string", "description": "the version of the shipped data"},
            "command": {"const": name},
            "query": {"anyOf": [_query_schema(parser), {"type": "null"}]},
            "result": result,
            "error": _ERROR_SCHEMA,
        },
        "required": ["caopo", "data", "command", "query"],
        "oneOf": [{"required": ["result"]}, {"required": ["error"]}],
        "additionalProperties": False,
        "$defs": defs,
    }


def _money_schema(schema: Any, money: bool = False) -> None:
    """Give every decimal under a money key the pattern of two decimals."""
    if isinstance(schema, list):
        for item in schema:
            _money_schema(item, money)
        return
    if not isinstance(schema, dict):
        return
    if money and schema.get("format") == "decimal":
        schema["pattern"] = MONEY_PATTERN
    for key, sub in schema.items():
        if key == "properties":
            for name, prop in sub.items():
                _money_schema(prop, name in MONEY_KEYS)
        elif key in ("items", "prefixItems", "anyOf", "additionalProperties"):
            _money_schema(sub, money)


def _leaf(action: argparse.Action) -> dict[str, Any]:
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return {"enum": list(action.choices)}
    if action.type in (as_date, as_month):
        return {"type": "string", "format": "date"}
    if action.type is as_year or action.type is int:
        return {"type": "integer"}
    return {"type": "string"}


def _action_schema(action: argparse.Action) -> dict[str, Any]:
    if isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction)):
        return {"type": "boolean"}
    if isinstance(action, argparse.BooleanOptionalAction):
        return {"type": ["boolean", "null"]} if action.default is None else {"type": "boolean"}
    if isinstance(action, argparse._AppendAction):
        return {"type": "array", "items": _leaf(action)}
    if action.nargs in ("+", "*"):
        return {"anyOf": [{"type": "array", "items": _leaf(action)}, {"type": "null"}]}
    if action.required or action.default is not None:
        return _leaf(action)
    return {"anyOf": [_leaf(action), {"type": "null"}]}


def _query_schema(parser: argparse.ArgumentParser) -> dict[str, Any]:
    """The query: one property per argument of the command (and of its actions)."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for action in parser._actions:
        if action.dest in INTERNAL or action.default == argparse.SUPPRESS:
            continue
        if isinstance(action, argparse._SubParsersAction):
            properties[action.dest] = {"enum": [*action.choices, None]}
            for sub in action.choices.values():
                properties.update(_query_schema(sub)["properties"])
            continue
        properties[action.dest] = _action_schema(action)
        required.append(action.dest)
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
