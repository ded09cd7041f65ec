"""Strict, safe YAML reading for table files.

* Safe loading only: any ``!!python/...`` (or other unknown) tag is refused.
* A YAML float becomes a :class:`~decimal.Decimal` built from its source text, so
  ``3485.10`` keeps its cents and no float ever exists. Integers stay ``int``.
* A mapping with a duplicate key is refused, naming the key and both lines.

Errors are :class:`~caopo.errors.DataFileError` whose message starts with the path.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from caopo.errors import DataFileError

__all__ = ["line_of", "load_yaml"]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with Decimal floats and duplicate-key detection."""


def _construct_decimal(loader: _StrictLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    try:
        return Decimal(text.replace("_", ""))
    except InvalidOperation:
        raise yaml.constructor.ConstructorError(
            None, None, f"number {text!r} cannot be read exactly", node.start_mark
        ) from None


def _construct_mapping(loader: _StrictLoader, node: yaml.Node) -> dict[Any, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, "expected a mapping", node.start_mark)
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (line {line}; first defined on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = line
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Read one YAML document from *path* strictly (see the module docstring)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read: {exc}") from None
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataFileError(f"{path}{where}: {problem}") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from None


def line_of(path: Path, location: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the node at *location* (keys and indexes from the document
    root) in *path*, or of its deepest existing ancestor; ``None`` if unknown.

    Used to point a schema error at its line. Only composes the node tree, so no
    object is constructed.
    """
    try:
        node: yaml.Node | None = yaml.compose(
            path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader
        )
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    line = None if node is None else node.start_mark.line + 1
    for part in location:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
