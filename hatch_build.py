"""Build hook: validate every shipped table with the full schema and put the compiled salary
tables into the wheel (``caopo/_compiled_tables.json``), as tzdata compiles its sources.

An editable install gets no compiled file: caopo writes one to the user cache folder on
first use (see ``caopo.catalog.compiled``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTables(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "compile-tables"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        try:
            from caopo.catalog.compiled import PACKAGED, compile_to

            target = Path(tempfile.mkdtemp(prefix="caopo-compiled-")) / PACKAGED
            compile_to(target)  # raises on any invalid shipped file: no wheel is built
        finally:
            sys.path.pop(0)
        build_data["force_include"][str(target)] = f"caopo/{PACKAGED}"
