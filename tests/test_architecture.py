"""The layout keeps its promises: dependencies run one way, nothing imports in a cycle,
modules and functions stay small, and each vocabulary has one home.

The import graph is read from the source (every ``import`` and ``from ... import``,
including those inside functions and under ``TYPE_CHECKING``), so a test cannot be fooled
by lazy imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from caopo.inputs import _CATEGORY_SPELLINGS, _SCHOOL_TYPE_SPELLINGS

SRC = Path(__file__).resolve().parents[1] / "src" / "caopo"

LAYERS: dict[str, int] = {
    "errors": 0,
    "money": 1,
    "inputs": 2,
    "items": 2,
    "provenance": 2,
    "display": 2,
    "delimited": 2,
    "dates": 3,
    "schema": 4,
    "catalog": 5,
    "salary_scales": 6,
    "leaders": 7,
    "pay": 7,
    "professionalisation": 7,
    "instruments": 7,
    "batch": 8,
    "__init__": 8,
    "cli": 9,
    "__main__": 10,
}
"""foundation -> schema -> tables (catalog) -> rules -> public API -> CLI -> ``python -m caopo``. A module may
import from a lower layer, or from its own package; never upward or sideways."""

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
LONG_FUNCTIONS: dict[str, str] = {}
"""``module:function`` -> the written reason it may run over MAX_FUNCTION_LINES."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            targets.add(module)
            targets.update(f"{module}.{alias.name}" for alias in node.names)
    return {t for t in targets if t in MODULES and t != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> tuple[int, str]:
    """The layer of a module and its package (``caopo`` itself is the public API)."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS[top], top


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        assert _layer(module)[1] in LAYERS, f"{module}: add its package to LAYERS"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_dependencies_run_one_way(module: str) -> None:
    rank, package = _layer(module)
    for target in sorted(GRAPH[module]):
        target_rank, target_package = _layer(target)
        if target_package == package:
            continue
        assert target_rank < rank, (
            f"{module} imports {target}: {package} (layer {rank}) may only import from "
            f"lower layers, not {target_package} (layer {target_rank})"
        )


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycle = [*stack[stack.index(target) :], target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


def test_the_cycle_check_finds_a_cycle() -> None:
    GRAPH["caopo.errors"].add("caopo.money")
    try:
        with pytest.raises(AssertionError, match="import cycle"):
            test_no_import_cycle()
    finally:
        GRAPH["caopo.errors"].discard("caopo.money")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_and_functions_are_small(module: str) -> None:
    path = MODULES[module]
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        raise AssertionError(f"{path} has {lines} lines, over {MAX_MODULE_LINES}: split it")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno is not None
            length = node.end_lineno - node.lineno + 1
            key = f"{module}:{node.name}"
            if length > MAX_FUNCTION_LINES and key not in LONG_FUNCTIONS:
                raise AssertionError(
                    f"{path}:{node.lineno} {node.name} is {length} lines (over "
                    f"{MAX_FUNCTION_LINES}); split it, or add a written reason to LONG_FUNCTIONS"
                )


def _spelling_key(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("_", " ").replace("/", " ").split())


ALIAS_SPELLINGS = {
    spelling
    for spelling, member in (*_CATEGORY_SPELLINGS.items(), *_SCHOOL_TYPE_SPELLINGS.items())
    if _spelling_key(spelling) != _spelling_key(member.value)
} | {"school_leader", "schoolleider", "directielid"}
"""Spellings of the Category and SchoolType vocabularies other than the members' own values
(which are the words of the data files): only caopo.inputs may know them. The last three are
words the vocabulary refuses as ambiguous."""

LAZY_IMPORTERS = {"caopo", "caopo.cli"}
"""The only modules that may import by a string name (the lazy public API, and the CLI's
subcommand registry): an import the graph above cannot see."""


def _code_strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value.strip().lower()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "caopo.inputs"))
def test_one_home_for_each_vocabulary(module: str) -> None:
    keys = {_spelling_key(s) for s in ALIAS_SPELLINGS}
    stray = {s for s in _code_strings(MODULES[module]) if _spelling_key(s) in keys}
    assert not stray, (
        f"{module} spells {sorted(stray)} itself: parse with caopo.inputs.to_category or "
        f"to_school_type instead"
    )


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_isinstance_asserts_casts_or_type_ignores_in_rules(module: str) -> None:
    rules = ("salary_scales", "leaders", "pay", "professionalisation", "instruments")
    if _layer(module)[1] not in rules:
        return
    text = MODULES[module].read_text(encoding="utf-8")
    assert "assert " not in text, f"{module}: raise a CaopoError, or let the types say it"
    assert "type: ignore" not in text, f"{module}: fix the types instead"
    assert "cast(" not in text, f"{module}: the typed catalog makes a cast unneeded"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_hidden_imports(module: str) -> None:
    if module in LAZY_IMPORTERS:
        return
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            raise AssertionError(f"{module}:{node.lineno} imports by a string name")
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            raise AssertionError(f"{module}:{node.lineno} imports by a string name")
