"""The table grammar of the one reader (caopo.catalog.yaml): what a plain scalar is read
as, what is refused and why, and that what it accepts YAML reads the same way."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.catalog import yaml as reader
from caopo.errors import DataFileError
from tests._helpers import data_files


def _read(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return reader.load_yaml(path)


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("3485.10", Decimal("3485.10")),
        ("-0.5", Decimal("-0.5")),
        ("0", 0),
        ("12", 12),
        ("-7", -7),
        ("123456789012345", 123456789012345),
        ("2024-02-29", date(2024, 2, 29)),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("LB", "LB"),
        ("DC+U", "DC+U"),
        ("schaal 8", "schaal 8"),
        ("2024-1-5", "2024-1-5"),
        ("CAO PO 2024-2025", "CAO PO 2024-2025"),
    ],
)
def test_plain_scalars_are_read_as_the_grammar_says(
    tmp_path: Path, plain: str, value: object
) -> None:
    read = _read(tmp_path, f"a: {plain}\n")["a"]
    assert read == value and type(read) is type(value)
    if isinstance(value, Decimal):
        assert str(read) == plain  # the cents as written


@pytest.mark.parametrize(
    ("plain", "words"),
    [
        ("1:30", "base-60"),
        ("-1:30:00", "base-60"),
        ("0x1F", "hexadecimal"),
        ("0o17", "octal"),
        ("0b101", "binary"),
        ("010", "leading zero"),
        ("08", "leading zero"),
        ("00.5", "leading zero"),
        ("1e3", "exponent"),
        ("1.0E+30", "exponent"),
        (".Inf", "not a finite number"),
        ("-.inf", "not a finite number"),
        ("1_000", "not a plain number"),
        ("+1", "not a plain number"),
        ("1.", "not a plain number"),
        (".5", "not a plain number"),
        ("yes", "boolean"),
        ("No", "boolean"),
        ("ON", "boolean"),
        ("y", "boolean"),
        ("True", "boolean"),
        ("FALSE", "boolean"),
        ("<<", "merge key"),
        ("=", "value key"),
        ("3.463,50", "Dutch notation"),
        ("1,5", "Dutch notation"),
        ("2024-01-01T10:00:00Z", "date with a time"),
        ("2023-02-29", "is not a date"),
        ("2024-13-01", "is not a date"),
        ("1234567890123456", "16 digits"),
        ("1234567890.123456", "16 digits"),
    ],
)
def test_surprising_plain_scalars_are_refused_with_line(
    tmp_path: Path, plain: str, words: str
) -> None:
    with pytest.raises(DataFileError) as info:
        _read(tmp_path, f"title: fine\nnotes:\n  a: {plain}\n")
    message = str(info.value)
    assert message.startswith(str(tmp_path / "t.yaml") + " (line 3, column 6): ")
    assert words in message


@pytest.mark.parametrize(("plain", "kind"), [("0x10", "int"), ("1:30", "int"), ("On", "bool")])
def test_yaml_1_1_is_the_safety_net_behind_the_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plain: str, kind: str
) -> None:
    monkeypatch.setattr(reader, "_SURPRISES", ())
    with pytest.raises(DataFileError, match=f"would be read by YAML 1.1 as {kind}"):
        _read(tmp_path, f"a: {plain}\n")


@pytest.mark.parametrize("quoted", ["'1:30'", '"0x10"', "'yes'", '"010"', "'1.0e+30'", '"<<"'])
def test_quoted_scalars_are_text(tmp_path: Path, quoted: str) -> None:
    assert _read(tmp_path, f"a: {quoted}\n")["a"] == quoted[1:-1]


def test_block_scalars_are_text(tmp_path: Path) -> None:
    assert _read(tmp_path, "a: |\n  0x10\n  yes\n")["a"] == "0x10\nyes\n"


@given(st.text(alphabet="0123456789:._-+eExXoObByYnNtTfFaAlLsS~<= ", min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_what_the_grammar_accepts_yaml_reads_the_same(text: str) -> None:
    """The grammar is a subset of YAML 1.1: a plain scalar it accepts is read by PyYAML's
    own safe loader as the same value (a Decimal as the float of the same number)."""
    try:
        theirs = yaml.safe_load(f"a: {text}\n")["a"]
        root = reader._compose(f"a: {text}\n")
        assert root is not None
        mine = reader._value(root)["a"]
    except (yaml.YAMLError, reader._Refused):
        return
    assert _kind(mine) == _kind(theirs), (text, mine, theirs)


def _kind(value: object) -> tuple[str, object]:
    if isinstance(value, bool) or value is None:
        return "literal", value
    if isinstance(value, (int, float, Decimal)):
        return "number", float(value)
    return type(value).__name__, value


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.name)
def test_shipped_files_read_alike_with_and_without_libyaml(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = reader.load_yaml(path)
    monkeypatch.setattr(reader, "_Loader", yaml.BaseLoader)
    assert reader.load_yaml(path) == fast
    plain = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert _numbers_as_floats(fast) == _numbers_as_floats(plain)


def _numbers_as_floats(value: Any) -> Any:
    if isinstance(value, dict):
        return {_numbers_as_floats(k): _numbers_as_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers_as_floats(item) for item in value]
    if isinstance(value, Decimal):
        return float(value)
    return value


def test_libyaml_is_used_where_available() -> None:
    assert reader._Loader is getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def test_line_of_uses_the_last_parse_and_follows_a_changed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("a:\n  b: 1\n  c: [p, q]\n", encoding="utf-8")
    reader.load_yaml(path)
    calls: list[int] = []
    compose = reader._compose

    def counting(text: str) -> reader._Node | None:
        calls.append(1)
        return compose(text)

    monkeypatch.setattr(reader, "_compose", counting)
    assert reader.line_of(path, ("a", "b")) == 2
    assert reader.line_of(path, ("a", "c", 1)) == 3
    assert reader.line_of(path, ("a", "missing", "deeper")) == 1
    assert reader.line_of(path, ()) == 1
    assert calls == []
    path.write_text("x: 1\na:\n  b: 1\n", encoding="utf-8")
    assert reader.line_of(path, ("a", "b")) == 3
    assert calls == [1]
    assert reader.line_of(tmp_path / "gone.yaml", ("a",)) is None


def test_line_of_is_per_thread(tmp_path: Path) -> None:
    """Each thread keeps the tree of its own last file, so threads loading different
    files at once place their errors in their own file."""
    paths = []
    for number in range(4):
        path = tmp_path / f"t{number}.yaml"
        path.write_text("\n" * number + "a: 1\n", encoding="utf-8")
        paths.append(path)
    lines: dict[int, int | None] = {}
    barrier = threading.Barrier(len(paths))

    def work(number: int) -> None:
        reader.load_yaml(paths[number])
        barrier.wait()
        lines[number] = reader.line_of(paths[number], ("a",))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(paths))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert lines == {0: 1, 1: 2, 2: 3, 3: 4}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: [1\n", "line 2"),
        ("a: 1\n  b: 2\n", "mapping values are not allowed"),
        ("a: 'x\n", "line 2"),
        ("- a\n- &x b\n", "anchors (&x)"),
        ("[*x]\n", "line 1"),
        ("a: !custom 1\n", "tags are not allowed, found '!custom'"),
        ("a: ! 1\n", "tags are not allowed, found '!'"),
        ("a: 1\n...\n---\nb: 2\n", "one YAML document"),
        ("a: 1\n" + "\u200b: 2\n", "U+200B"),
    ],
)
def test_malformed_yaml_is_one_line_with_path(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(DataFileError) as info:
        _read(tmp_path, text)
    message = str(info.value)
    assert message.startswith(str(tmp_path / "t.yaml"))
    assert words in message and "\n" not in message


def test_a_folder_or_missing_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot be read"):
        reader.load_yaml(tmp_path)
    with pytest.raises(DataFileError, match="cannot be read"):
        reader.load_yaml(tmp_path / "missing.yaml")


def test_empty_and_comment_only_files_are_none(tmp_path: Path) -> None:
    assert _read(tmp_path, "") is None
    assert _read(tmp_path, "# only a comment\n") is None


def test_nesting_up_to_the_bound_is_read(tmp_path: Path) -> None:
    depth = reader.MAX_DEPTH
    text = "[" * depth + "1" + "]" * depth + "\n"
    value = _read(tmp_path, text)
    for _ in range(depth - 1):
        value = value[0]
    assert value == [1]
    with pytest.raises(DataFileError, match=f"nested more than {depth} deep"):
        _read(tmp_path, "[" + text.strip() + "]\n")
