"""The one reader of table files: a strict subset of YAML, read safely and exactly.

The grammar (docs/data.md, "The table grammar"):

* **One document of mappings, lists and scalars.** No tags (``!!python/...``, ``!!str``),
  no anchors (``&a``) and no aliases (``*a``): an alias is refused when the parser meets
  it, before anything is expanded, so an alias bomb costs nothing. Merge keys (``<<``)
  are refused. Every mapping key is a scalar, and a key appears once per mapping (the
  error names both lines).
* **Plain scalars** (unquoted) are read as: ``null``, ``~`` or nothing -> ``None``;
  ``true``/``false``; ``-?(0|[1-9][0-9]*)`` -> ``int``; the same with a decimal point and
  digits after it -> :class:`~decimal.Decimal` built from its text (``3485.10`` keeps its
  cents; no float ever exists); ``YYYY-MM-DD`` -> a date that must exist (``2024-02-30``
  is refused). Anything else is text, unless YAML 1.1 (or 1.2) would have read it as
  something else: base 60 (``1:30``), hex, octal or binary (``0x10``, ``010``, ``0o10``),
  exponents (``1.0e+30``), ``.inf``/``.nan``, underscores or a ``+`` in a number,
  ``yes``/``no``/``on``/``off`` and other spellings of booleans, times of day, or a
  Dutch amount (``3.463,50``). Those are refused with a hint; quote a value that is
  meant as text. Quoted and block scalars are always text.
* **Bounds**, far beyond any real table: a file of at most :data:`MAX_FILE_BYTES`, nesting
  at most :data:`MAX_DEPTH` deep, numbers of at most :data:`MAX_DIGITS` digits.

Files ending in ``.yaml`` or ``.yml``, in any case, are table files (:func:`is_table_file`).

Every refusal is a :class:`~caopo.errors.DataFileError` whose message starts with the path
and, where there is one, the line. The parser is libyaml's (C) where PyYAML was built
with it, else PyYAML's pure-Python parser; both give the same events, and everything
after the events (the grammar above) is this module's.

:func:`line_of` points a schema error at its line from the node tree kept from the one
parse :func:`load_yaml` made (per thread, of the last file read), so a file with many
errors is not read again for each.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml import events

from caopo.errors import DataFileError, shown

__all__ = [
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_FILE_BYTES",
    "TABLE_SUFFIXES",
    "is_table_file",
    "line_of",
    "load_yaml",
]

MAX_FILE_BYTES = 1024 * 1024
"""1 MiB. The largest shipped table file is about 21 KB; a table of every scale and step
of a CAO edition is about 30 KB."""
MAX_DEPTH = 20
"""Nesting of mappings and lists; the shipped files nest at most 5 deep."""
MAX_DIGITS = 15
"""Digits in a plain number; an amount below ten million with cents has at most 9."""
TABLE_SUFFIXES = (".yaml", ".yml")
"""The suffixes of table files, compared case-insensitively (``.YML`` is one too)."""

_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
"""libyaml's parser where available; the grammar is applied to its events, not its
resolver, so the pure-Python fallback reads every file the same way."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "false": False}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    "|[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
"""What YAML does not allow in a file (outside its printable set), and the invisible and
direction-changing characters that would make a file read differently than it shows."""
_YAML11: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = yaml.resolver.Resolver().resolve
"""What YAML 1.1 (PyYAML's resolver) would read a plain scalar as: the safety net behind
the patterns of :data:`_SURPRISES`, should they miss a form that is not text."""


def is_table_file(path: Path) -> bool:
    """Is *path* named like a table file (``.yaml`` or ``.yml``, any case)?

    >>> is_table_file(Path("teachers_2025-11-01.YML")), is_table_file(Path("notes.txt"))
    (True, False)
    """
    return path.suffix.lower() in TABLE_SUFFIXES


@dataclass(slots=True)
class _Node:
    """A composed node: where it starts, and its text (scalar), items or key-value pairs."""

    line: int
    column: int
    scalar: str | None = None
    plain: bool = False
    items: list[_Node] | None = None
    pairs: list[tuple[_Node, _Node]] | None = None


class _Refused(Exception):
    """A grammar error at a node; :func:`load_yaml` adds the path."""

    def __init__(self, at: _Node, problem: str) -> None:
        super().__init__(problem)
        self.where = f" (line {at.line}, column {at.column})"
        self.problem = problem


def _at(event: events.Event) -> _Node:
    """An empty node where *event* starts (parser marks count from 0)."""
    mark = event.start_mark
    return _Node(0, 0) if mark is None else _Node(mark.line + 1, mark.column + 1)


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        size = os.stat(path).st_size if path.is_file() else len(data)
        raise DataFileError(
            f"{path}: {size} bytes is more than a table file may hold ({MAX_FILE_BYTES} bytes, "
            "1 MiB; the largest shipped table is about 21 KB): one file holds one version "
            "of one table"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path}: is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8"
        ) from None


class _Composer:
    """Builds the node tree from parser events, refusing what the grammar forbids at the
    event that shows it (an alias before it is followed, a tag before it is applied)."""

    def __init__(self, stream: Iterator[events.Event]) -> None:
        self._events = stream

    def document(self) -> _Node | None:
        next(self._events)  # the parser starts every stream with StreamStart
        if isinstance(next(self._events), events.StreamEndEvent):
            return None  # an empty file; else that was DocumentStart
        root = self._node(next(self._events), depth=1)
        next(self._events)  # DocumentEnd, as the parser guarantees
        extra = next(self._events)
        if not isinstance(extra, events.StreamEndEvent):
            raise _Refused(_at(extra), "a table file holds one YAML document, not more")
        return root

    def _node(self, event: events.Event, *, depth: int) -> _Node:
        node = _at(event)
        if isinstance(event, events.AliasEvent):
            raise _Refused(node, f"aliases (*{event.anchor}) are not allowed; write the value out")
        if isinstance(event, events.NodeEvent) and event.anchor is not None:
            raise _Refused(node, f"anchors (&{event.anchor}) are not allowed; write each value out")
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(node, f"tags are not allowed, found {shown(tag, limit=80)}")
        if depth > MAX_DEPTH and not isinstance(event, events.ScalarEvent):
            raise _Refused(
                node, f"nested more than {MAX_DEPTH} deep; no table needs that many levels"
            )
        if isinstance(event, events.ScalarEvent):
            node.scalar, node.plain = event.value, not event.style
        elif isinstance(event, events.SequenceStartEvent):
            node.items = []
            while not isinstance(item := next(self._events), events.SequenceEndEvent):
                node.items.append(self._node(item, depth=depth + 1))
        elif isinstance(event, events.MappingStartEvent):
            node.pairs = []
            while not isinstance(key := next(self._events), events.MappingEndEvent):
                key_node = self._node(key, depth=depth + 1)
                if key_node.scalar is None:
                    raise _Refused(
                        key_node,
                        "a mapping key must be a scalar (text, a number or a date), "
                        "not a list or mapping",
                    )
                node.pairs.append((key_node, self._node(next(self._events), depth=depth + 1)))
        return node


def _compose(text: str) -> _Node | None:
    return _Composer(iter(yaml.parse(text, Loader=_Loader))).document()


def _digits(text: str) -> int:
    return sum(character.isdigit() for character in text)


def _plain(node: _Node) -> Any:
    """The value of a plain scalar under the grammar (module docstring)."""
    text = node.scalar or ""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    numeric = _INT.fullmatch(text) or _DECIMAL.fullmatch(text)
    if numeric and _digits(text) > MAX_DIGITS:
        raise _Refused(
            node,
            f"a number of {_digits(text)} digits; table numbers have at most {MAX_DIGITS}",
        )
    if _INT.fullmatch(text):
        return int(text)
    if numeric:
        return Decimal(text)
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise _Refused(node, f"{text} is not a date ({exc})") from None
    problem = _surprise(text)
    if problem is not None:
        raise _Refused(node, f"{shown(text, limit=40)} {problem}")
    return text


# Each pattern reads a scalar in one pass (no two adjacent parts can match the same
# characters), so a scalar as long as the file is checked in linear time.
_SURPRISES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), problem)
    for pattern, problem in (
        (r"<<", "is a YAML merge key; merge keys are not allowed: write the keys out"),
        (r"=", "is a YAML 1.1 value key; quote it if you mean the text"),
        (
            r"(?i:y|yes|n|no|on|off|true|false)",
            "is a YAML 1.1 boolean; write true or false, or quote it if you mean the text",
        ),
        (
            r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?",
            "is a YAML 1.1 base-60 number (1:30 reads as 90); write the number, or quote "
            "it if you mean the text",
        ),
        (
            r"[-+]?0[xXoObB][0-9a-fA-F_]*",
            "is a hexadecimal, octal or binary number in YAML; write the decimal number",
        ),
        (
            r"[-+]?0[0-9_]+(?:\.[0-9_]*)?",
            "has a leading zero, which YAML 1.1 reads as octal (010 is 8); write the number "
            "without it, or quote it if you mean the text",
        ),
        (
            r"[-+]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+",
            "is in exponent notation; write the plain decimal number (e.g. 3463.50)",
        ),
        (r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)", "is not a finite number"),
        (
            r"[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+",
            "is in Dutch notation; write the amount with a decimal point and no thousands "
            "separator (3.463,50 is 3463.50)",
        ),
        (
            r"[-+]?(?=[0-9_.]*[0-9])(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)",
            "is not a plain number; write digits with an optional minus sign and decimal "
            "point, no underscores or plus sign (e.g. 1000.50 or 0.5)",
        ),
        (
            r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9].*",
            "is a date with a time; a table file holds dates (YYYY-MM-DD)",
        ),
    )
)


def _surprise(text: str) -> str | None:
    """Why a plain scalar that is not a value of the grammar may not be read as text."""
    for pattern, problem in _SURPRISES:
        if pattern.fullmatch(text):
            return problem
    tag = _YAML11(yaml.ScalarNode, text, (True, False))
    if tag != "tag:yaml.org,2002:str":
        return f"would be read by YAML 1.1 as {tag.rpartition(':')[2]}; quote it if you mean text"
    return None


def _value(node: _Node) -> Any:
    if node.items is not None:
        return [_value(item) for item in node.items]
    if node.pairs is not None:
        return _mapping(node.pairs)
    return _plain(node) if node.plain else node.scalar


def _mapping(pairs: list[tuple[_Node, _Node]]) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    first_line: dict[Any, int] = {}
    for key_node, value_node in pairs:
        key = _value(key_node)
        if key in first_line:
            raise _Refused(
                key_node,
                f"duplicate key {shown(key)} (line {key_node.line}; first defined on "
                f"line {first_line[key]})",
            )
        first_line[key] = key_node.line
        result[key] = _value(value_node)
    return result


class _LastRead(threading.local):
    """The node tree of the last file this thread read, for :func:`line_of`."""

    def __init__(self) -> None:
        self.key: tuple[str, int, int] | None = None
        self.root: _Node | None = None


_LAST = _LastRead()


def _identity(path: Path) -> tuple[str, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return str(path), status.st_mtime_ns, status.st_size


def _parse(path: Path) -> _Node | None:
    """Read and compose *path* once, keeping the tree for :func:`line_of`."""
    identity = _identity(path)
    text = _read_text(path)
    _check_characters(path, text)
    try:
        root = _compose(text)
    except _Refused as exc:
        raise DataFileError(f"{path}{exc.where}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}{_syntax_error(exc, text)}") from None
    _LAST.key, _LAST.root = identity, root
    return root


def _check_characters(path: Path, text: str) -> None:
    found = _NOT_PRINTABLE.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise DataFileError(
            f"{path} (line {line}, column {column}): character U+{ord(found.group()):04X} "
            "is not allowed in a table file (a control, invisible or direction-changing character)"
        )


def _syntax_error(error: yaml.YAMLError, text: str) -> str:
    """Where and what the parser refused, on one line."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return f"{where}: {error.problem or error.context or 'invalid YAML'}"
    return f": invalid YAML: {' '.join(str(error).split())}"


def load_yaml(path: Path) -> Any:
    """Read one table file under the grammar of this module (see its docstring)."""
    root = _parse(path)
    if root is None:
        return None
    try:
        return _value(root)
    except _Refused as exc:
        raise DataFileError(f"{path}{exc.where}: {exc.problem}") from None


def line_of(path: Path, location: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the node at *location* (keys and indexes from the document
    root) in *path*, or of its deepest existing ancestor; ``None`` if unknown.

    Uses the tree of the last :func:`load_yaml` of *path* on this thread when the file
    is unchanged, so describing many schema errors parses the file once.
    """
    if _LAST.key is None or _LAST.key != _identity(path):
        try:
            _parse(path)
        except DataFileError:
            return None
    node = _LAST.root
    line = None if node is None else node.line
    for part in location:
        child = _child(node, part) if node is not None else None
        if child is None:
            break
        line, node = child
    return line


def _child(node: _Node, part: int | str) -> tuple[int, _Node] | None:
    if node.pairs is not None:
        for key_node, value_node in node.pairs:
            if key_node.scalar == str(part):
                return key_node.line, value_node
    elif node.items is not None and isinstance(part, int) and 0 <= part < len(node.items):
        return node.items[part].line, node.items[part]
    return None
