"""Write the JSON Schema of every ``caopo COMMAND --json`` to docs/schemas/COMMAND.json.

The schemas are generated from the commands' parsers and result types (``caopo schema
COMMAND`` prints one). Run after changing a result type or a command's options, and commit
the result: tests/cli/test_json_contract.py fails while a schema here is stale.

    python scripts/json_schemas.py
"""

from __future__ import annotations

import json
from pathlib import Path

from caopo.cli.schema import json_commands, schema_of

FOLDER = Path(__file__).resolve().parents[1] / "docs" / "schemas"


def schemas() -> dict[str, str]:
    """File name -> text of every command's schema."""
    return {
        f"{name}.json": json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n"
        for name in json_commands()
    }


if __name__ == "__main__":
    FOLDER.mkdir(parents=True, exist_ok=True)
    for stale in FOLDER.glob("*.json"):
        stale.unlink()
    for name, text in schemas().items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(schemas())} schemas to {FOLDER}")
