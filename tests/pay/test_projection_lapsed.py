"""A scale that no longer exists takes no other scale's amounts.

The raise chain's 2026-07-01 event (CNV, 2025-11-06: "OOP en directie schaal 10 krijgen de
bedragen van LB") names both "10" and "A10"; but directie schaal A10 was removed on
2024-10-01 (CAO PO 2024-2025, data/mappings/scale_transitions.yaml), so from 2026-07-01 only
OOP schaal 10 has the LB amounts.
"""

from __future__ import annotations

import pytest

import caopo


def test_a10_removed_in_2024_does_not_come_back_with_the_lb_amounts() -> None:
    with pytest.raises(caopo.UnknownScaleError, match="removed by the CAO PO 2024-2025"):
        caopo.projected_salary("A10", 5, on="2026-08-01")
