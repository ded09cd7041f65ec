"""A carried version that starts at a structural change rests on it: its status is the
weakest of the change's too. The 2026-07-01 change (OOP schaal 10 takes the LB amounts,
CNV 2025-11-06) is provisional in the raise chain, so a user OOP table typed in after the
2025-11-01 raise is provisional from 2026-07-01, though no raise touched its amounts."""

from __future__ import annotations

from pathlib import Path

import caopo

TABLE = """kind: salary_scales
table: support_staff
title: OOP test (a user's table)
effective_from: 2026-01-01
cao: CAO PO test
status: published
coverage: partial
sources:
  - title: test fixture
    url: https://example.org/fixture
cells:
  "5":
    1: 2500
  "10":
    1: 3000
"""


def test_a_version_starting_at_a_provisional_structural_change_is_provisional(
    tmp_path: Path,
) -> None:
    (tmp_path / "support_staff_2026-01-01.yaml").write_text(TABLE, encoding="utf-8")
    caopo.reset_tables()
    try:
        caopo.use_tables(tmp_path)
        before = caopo.salary_detail("5", 1, on="2026-06-01")
        after = caopo.salary_detail("5", 1, on="2026-08-01")
    finally:
        caopo.reset_tables()
    assert before.status == "published" and before.amount == 2500
    assert after.status == "provisional" and after.amount == 2500
