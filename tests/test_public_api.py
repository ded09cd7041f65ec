"""The public API: cheap import, no module shadowing an exported name, typed package."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import types
from pathlib import Path

import caopo


def test_every_public_name_resolves_to_a_function_or_class_after_all_imports() -> None:
    for module in pkgutil.walk_packages(caopo.__path__, "caopo."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in caopo.__all__:
        value = getattr(caopo, name)
        assert not isinstance(value, types.ModuleType), f"caopo.{name} is shadowed by a module"


def test_all_is_sorted_and_complete() -> None:
    assert caopo.__all__ == sorted(caopo.__all__)
    assert set(caopo.__all__) - {"__version__"} == set(caopo._EXPORTS)


def test_import_loads_no_table_and_no_optional_library() -> None:
    code = (
        "import sys, caopo; "
        "loaded = [m for m in ('pydantic', 'yaml', 'pandas', 'numpy', 'caopo.catalog') "
        "if m in sys.modules]; print(loaded)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_package_is_typed() -> None:
    assert (Path(caopo.__file__).parent / "py.typed").exists()


def test_the_type_checking_imports_match_the_lazy_exports() -> None:
    """``_EXPORTS`` (what ``caopo.<name>`` imports at run time) and the ``TYPE_CHECKING``
    imports (what mypy sees) name the same module for every public name."""
    import ast

    tree = ast.parse(Path(caopo.__file__).read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for item in node.body:
                assert isinstance(item, ast.ImportFrom) and item.module is not None
                seen.update({alias.name: item.module for alias in item.names})
    assert seen == caopo._EXPORTS
