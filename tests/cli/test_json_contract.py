"""One JSON contract (issue 12 item 5): every ``--json`` output is one envelope
``{"caopo", "data", "command", "query", "result" | "error"}`` that validates against
``caopo schema COMMAND``; amounts are strings with two decimals; one key means one thing."""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import re
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import caopo
from caopo.cli import COMMANDS, build_parser, command_module
from caopo.cli._json import EXACT_KEYS, MONEY_KEYS, MONEY_PATTERN, forward_refs
from caopo.cli.schema import json_commands, schema_of
from caopo.provenance import STATUS_ORDER
from tests.cli._registry import REGISTRY, example_files, filled
from tests.cli._run import run

ROOT = Path(__file__).resolve().parents[2]


def _validator(command: str) -> jsonschema.Draft202012Validator:
    schema = schema_of(command)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_salary_validates_against_its_schema_with_the_published_amount() -> None:
    # LB trede 5 from 2024-10-01: EUR 3.868 (ambtenarensalaris.nl, salarisschalen PO 2024)
    code, out, _ = run(["salary", "LB", "5", "--on", "2024-11-01", "--json"])
    assert code == 0
    data = json.loads(out)
    _validator("salary").validate(data)
    assert data["caopo"] == caopo.__version__ and data["data"] == caopo.data_version()
    assert data["query"] == {"scale": "LB", "step": "5", "on": "2024-11-01", "fte": "1"}
    assert data["result"]["amount"] == data["result"]["full_time_amount"] == "3868.00"
    assert data["result"]["table"] == "teachers"


def _outputs(tmp: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    files = example_files(tmp)
    for command in json_commands():
        for example in REGISTRY[command]:
            code, out, err = run([*filled(example, files), "--json"])
            assert code == 0, err
            yield command, json.loads(out)


def test_every_json_output_validates_against_its_schema(tmp_path: Path) -> None:
    seen = set()
    for command, data in _outputs(tmp_path):
        _validator(command).validate(data)
        seen.add(command)
    assert seen == set(json_commands())


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from _walk(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, key)


def test_one_key_means_one_thing(tmp_path: Path) -> None:
    tables = {row.table for row in caopo.tables()}
    for command, data in _outputs(tmp_path):
        for key, value in _walk(data["result"]):
            if key == "status":
                assert value in STATUS_ORDER, (command, value)
            elif key == "table" and value is not None:  # an id, never "teachers 2024-10-01"
                assert value in tables or re.fullmatch(r"[a-z][a-z0-9_]*", value), (command, value)


def _kinds(result: Any) -> Iterator[Any]:
    """The classes a command's RESULT names: union members, and the rows of ``Rows[T]``."""
    if typing.get_origin(result) is None:
        yield result
    else:
        for arg in typing.get_args(result):
            yield from _kinds(arg)
        yield typing.get_origin(result)


def _decimal_keys(kind: Any, seen: set[Any]) -> Iterator[tuple[str, str]]:
    """(key, owner) of every field of *kind* (recursively) whose type holds a Decimal."""
    if kind in seen or not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        return
    seen.add(kind)
    for name, hint in typing.get_type_hints(kind, localns=forward_refs()).items():
        stack = [hint]
        while stack:
            part = stack.pop()
            if part is Decimal:
                yield name, kind.__name__
            elif isinstance(part, type) and dataclasses.is_dataclass(part):
                yield from _decimal_keys(part, seen)
            stack.extend(typing.get_args(part))


def test_every_decimal_key_is_money_or_exact() -> None:
    assert not MONEY_KEYS & EXACT_KEYS
    seen: set[Any] = set()
    for command in json_commands():
        for kind in _kinds(command_module(command).RESULT):
            for key, owner in _decimal_keys(kind, seen):
                assert key in MONEY_KEYS | EXACT_KEYS, (
                    f"{owner}.{key} holds a Decimal: add {key!r} to MONEY_KEYS (an amount in "
                    f"euros, two decimals) or EXACT_KEYS (an exact number) in caopo/cli/_json.py"
                )


def test_amounts_have_two_decimals(tmp_path: Path) -> None:
    amounts = 0
    for _command, data in _outputs(tmp_path):
        for key, value in _walk(data["result"]):
            # text under a money key is always an amount (one key, one meaning)
            if key in MONEY_KEYS and isinstance(value, str):
                assert re.fullmatch(MONEY_PATTERN, value), (key, value)
                amounts += 1
    assert amounts > 100


@pytest.mark.parametrize(
    ("argv", "error", "code"),
    [
        (["salary", "LB", "5", "--on", "2001-01-01"], "NoDataForDateError", 3),
        (["salary", "LB", "5", "--on", "2024-11-01", "--fte", "3"], "InvalidInputError", 2),
        (["salary", "LB", "--on", "2024-11-01"], "UsageError", 2),
    ],
)
def test_errors_under_json_are_json_on_stdout(argv: list[str], error: str, code: int) -> None:
    status, out, err = run([*argv, "--json"])
    assert (status, err) == (code, "")
    data = json.loads(out)
    _validator("salary").validate(data)
    assert data["error"]["type"] == error and data["error"]["exit_code"] == code
    assert "result" not in data


def test_schema_of_a_command_without_json_is_refused() -> None:
    code, out, err = run(["schema", "completion"])
    assert code == 2 and out == ""
    assert "commands with --json: salary" in err


def test_the_schemas_in_the_docs_are_current() -> None:
    spec = importlib.util.spec_from_file_location("json_schemas", ROOT / "scripts/json_schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = ROOT / "docs" / "schemas"
    stored = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.json")}
    assert stored == module.schemas(), "a --json result changed: run python scripts/json_schemas.py"


def test_every_command_with_json_names_its_result_type() -> None:
    for name in COMMANDS:
        parser = build_parser((name,))
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        has_json = "--json" in sub.choices[name]._option_string_actions
        assert has_json == (name in json_commands()), name


def _shape(hint: Any) -> str:
    """The JSON shape of a type: what a consumer sees, not which class made it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, typing.TypeVar):
        return "object"
    if origin in (typing.Union, types.UnionType):
        shapes = sorted({_shape(a) for a in args if a is not type(None)})
        return " | ".join(shapes)
    if origin is typing.Literal:
        return "text" if all(isinstance(a, str) for a in args) else "literal"
    if origin in (tuple, list):
        if (len(args) == 2 and args[1] is Ellipsis) or origin is list:
            return f"list[{_shape(args[0])}]"
        return "pair"
    if origin is dict:
        return f"map[{_shape(args[1])}]"
    if isinstance(hint, type) and issubclass(hint, str):
        return "text"
    if isinstance(hint, type) and (dataclasses.is_dataclass(hint) or hasattr(hint, "model_fields")):
        return "object"
    return getattr(hint, "__name__", str(hint))


def _fields(kind: Any) -> dict[str, Any]:
    if hasattr(kind, "model_fields"):
        return {name: field.annotation for name, field in kind.model_fields.items()}
    return typing.get_type_hints(kind, localns=forward_refs())


def _keys(kind: Any, seen: set[Any], found: dict[str, set[tuple[str, str]]]) -> None:
    if kind in seen or not isinstance(kind, type):
        return
    if not (dataclasses.is_dataclass(kind) or hasattr(kind, "model_fields")):
        return
    seen.add(kind)
    for name, hint in _fields(kind).items():
        found.setdefault(name, set()).add((_shape(hint), kind.__name__))
        stack = [hint]
        while stack:
            part = stack.pop()
            _keys(part, seen, found)
            stack.extend(typing.get_args(part))


def test_a_key_has_one_shape_across_results() -> None:
    found: dict[str, set[tuple[str, str]]] = {}
    seen: set[Any] = set()
    for command in json_commands():
        for kind in _kinds(command_module(command).RESULT):
            _keys(kind, seen, found)
    clashes = {key: sorted(v) for key, v in found.items() if len({s for s, _ in v}) > 1}
    assert not clashes, f"a key holds different shapes: rename one of them: {clashes}"
