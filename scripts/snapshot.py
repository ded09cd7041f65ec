"""Write every (table, version, scale, step) -> amount to tests/catalog/golden/salaries.json.

Run after a data change and commit the result: the diff shows reviewers exactly which
euros moved. tests/catalog/test_golden.py fails while the snapshot is stale.

    python scripts/snapshot.py
"""

from __future__ import annotations

import json
from pathlib import Path

from caopo.catalog.loader import catalog
from caopo.schema.scales import ScaleTable

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "catalog" / "golden" / "salaries.json"


def snapshot() -> str:
    """The snapshot text: sorted JSON, amounts as exact strings."""
    cat = catalog()
    tables: dict[str, dict[str, object]] = {}
    for table in cat.table_ids(ScaleTable):
        for version in cat.series(table, ScaleTable).versions:
            tables.setdefault(table, {})[str(version.effective_from)] = {
                "status": version.status,
                "cells": {
                    scale: {str(step): str(amount) for step, amount in sorted(steps.items())}
                    for scale, steps in version.cells.items()
                },
            }
    return json.dumps(tables, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(snapshot(), encoding="utf-8")
    print(f"wrote {GOLDEN}")
