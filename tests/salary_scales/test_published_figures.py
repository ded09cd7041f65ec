"""Published salary figures, each with the source that printed it.

These numbers were typed from the sources listed in
shared/reference/scales/SOURCES.md (keys in the ids), not from caopo's output.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import caopo

# (source key, scale, step, date, published monthly amount, full-time)
PUBLISHED = [
    ("AMBT-PO-2024", "LB", 1, date(2024, 10, 1), 3463),
    ("AMBT-PO-2024", "LB", 5, date(2024, 11, 1), 3868),
    ("AMBT-PO-2024", "LB", 12, date(2025, 3, 1), 5277),
    ("AMBT-PO-2024", "LC", 1, date(2024, 10, 1), 3484),
    ("AMBT-PO-2024", "LC", 12, date(2024, 10, 1), 6149),
    ("AMBT-PO-2024", "LD", 12, date(2024, 10, 1), 6992),
    ("AMBT-PO-2024", "LE", 1, date(2024, 10, 1), 4489),
    ("AMBT-PO-2024", "LE", 11, date(2025, 10, 31), 7271),
    ("OL-VO-2023", "LB", 1, date(2023, 7, 1), 3301),
    ("OL-VO-2023", "LB", 12, date(2023, 7, 1), 5030),
    ("OL-VO-2023", "LE", 12, date(2023, 7, 1), 7225),
    ("OI-PO-2022", "LB", 1, date(2022, 7, 1), 3001),
    ("OI-PO-2022", "LB", 10, date(2022, 7, 1), 4122),
    ("OI-PO-2022", "LB", 12, date(2022, 7, 1), 4573),
    ("OI-PO-2022", "LC", 10, date(2022, 7, 1), 4755),
    ("OI-PO-2022", "LD", 12, date(2022, 7, 1), 6059),
    ("POOLWEST-2022", "LE", 12, date(2022, 7, 1), 6568),
    ("ED-2022", "LB", 1, date(2022, 1, 1), 2865),
    ("ED-2022", "LB", 12, date(2022, 1, 1), 4366),
    ("OL-PO-2021", "L10", 1, date(2021, 1, 1), 2738),
    ("OL-PO-2021", "L11", 15, date(2021, 1, 1), 4534),
    ("OL-PO-2021", "L12", 15, date(2021, 6, 1), 5184),
    ("NU-2021", "L11", 15, date(2020, 1, 1), 4434),
    ("AVS-NIVEAU-2018", "L10", 15, date(2018, 9, 1), 3875),
    ("AVS-NIVEAU-2018", "AB", 13, date(2018, 9, 1), 4176),
    ("AVS-NIVEAU-2018", "DB", 15, date(2018, 9, 1), 4791),
    ("AVS-FAQ-2020", "DB", 15, date(2020, 1, 1), 5006),
    ("AVS-FAQ-2020", "DC", 16, date(2020, 1, 1), 5591),
    ("AVS-FAQ-2020", "AB", 13, date(2020, 1, 1), 4364),
    ("AVS-REKEN-2022", "A11", 14, date(2021, 1, 1), 4345),
    ("AVS-REKEN-2022", "D12", 13, date(2021, 1, 1), 5286),
    ("AVS-REKEN-2022", "A11", 12, date(2022, 1, 1), 4470),
    ("AVS-REKEN-2022", "D12", 12, date(2022, 1, 1), 5784),
    ("YUMPU-2007", "DA", 1, date(2007, 1, 1), 2492),
    ("YUMPU-2007", "DC+U", 18, date(2007, 1, 1), 4847),
    ("YUMPU-2007", "DE", 18, date(2007, 1, 31), 5443),
]


@pytest.mark.parametrize(
    ("source", "scale", "step", "on", "amount"),
    PUBLISHED,
    ids=[f"{p[0]}-{p[1]}{p[2]}-{p[3]}" for p in PUBLISHED],
)
def test_published_amount(source: str, scale: str, step: int, on: date, amount: int) -> None:
    detail = caopo.salary_detail(scale, step, on=on)
    assert detail.amount == Decimal(amount)
    assert detail.status == "published"


def test_the_one_scale_code_gives_the_published_amount() -> None:
    # AMBT-PO-2024: LB trede 5 = 3.868 from 1 October 2024.
    lb = caopo.scale_code("LB")
    assert caopo.salary(lb, 5, on="2024-11-01") == Decimal("3868.00")
    assert caopo.salary_detail(lb, 5, on="2024-11-01").amount == Decimal("3868.00")
    assert caopo.salary(caopo.scale_code("lb"), "5", on=date(2024, 11, 1), fte="0.8") == Decimal(
        "3094.40"
    )


def test_part_time_is_the_table_amount_times_the_werktijfactor() -> None:
    # LB 5 on 2024-11-01 is 3.868 (AMBT-PO-2024); 0,8 x 3.868 = 3.094,40.
    assert caopo.salary("LB", 5, on=date(2024, 11, 1), fte=Decimal("0.8")) == Decimal("3094.40")
    # 0,45 x 3.463 = 1.558,35
    assert caopo.salary("LB", 1, on=date(2024, 11, 1), fte="0.45") == Decimal("1558.35")


def test_derived_2025_table_is_the_published_table_times_4_6_percent() -> None:
    # CNV-2025: +4,6 % per 1 November 2025 on the AMBT-PO-2024 amounts.
    # 3.868 x 1,046 = 4.045,928 -> 4.046 (whole euros, half up, as the file declares).
    detail = caopo.salary_detail("LB", 5, on=date(2025, 11, 1))
    assert detail.amount == Decimal("4046.00")
    # derived through the 2025-11-01 raise, which is provisional: the weaker status wins
    assert detail.status == "provisional"
    assert "2024-10-01" in detail.basis


def test_derived_2026_table_rounds_once() -> None:
    # 3.463 x 1,046 x 1,012 = 3.665,70... -> 3.666 (rounded once, not 3.622 x 1,012 = 3.665,46 -> 3.665)
    assert caopo.salary("LB", 1, on=date(2026, 11, 1)) == Decimal("3666.00")
