"""User tables follow the raises: a version without a successor is carried forward by the
later general raises of the chain (issue 10 item 4)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.inventory import periods
from caopo.cli import main
from caopo.errors import NotPublishedError
from tests._helpers import user_tables

OOP = """\
kind: salary_scales
table: support_staff
title: "Test OOP table (amounts for the test only)"
effective_from: {start}
cao: "test"
status: published
coverage: complete
sources: [{{title: "test fixture"}}]
cells:
  "4": {{1: {amount}, 2: 2600}}
  "10": {{1: 3000}}
"""


@pytest.fixture
def oop(tmp_path: Path) -> Path:
    (tmp_path / "support_staff_2025-01-01.yaml").write_text(
        OOP.format(start="2025-01-01", amount=2500), encoding="utf-8"
    )
    return tmp_path


def test_a_user_table_answers_december_2025_at_the_raised_amount(oop: Path) -> None:
    # data/raises/general_raises.yaml: +4,6 % on 2025-11-01 for all salary tables
    # (CNV 2025-11-06, RMU 2025-11-27; provisional): 2500 x 1,046 = 2615, rounded to euros
    with user_tables(oop):
        assert caopo.salary("4", 1, on="2025-10-31") == Decimal("2500.00")
        detail = caopo.salary_detail("4", 1, on="2025-12-01")
        assert detail.amount == Decimal("2615.00")
        assert detail.status == "provisional"  # the raise of 2025-11-01 is provisional
        assert detail.effective_from.isoformat() == "2025-11-01"
        assert str(oop / "support_staff_2025-01-01.yaml") in detail.basis
        assert "2025-11-01" in detail.basis
        # 2026-11-01 +1,2 %: from the user's cells, rounded once: 2500 x 1,046 x 1,012
        assert caopo.salary("4", 1, on="2026-12-01") == Decimal("2646.00")


def test_a_structural_change_leaves_the_scales_it_names_out(oop: Path) -> None:
    # 2026-07-01: OOP schaal 10 takes the amounts of LB (same_amounts_as in the chain)
    with user_tables(oop):
        assert caopo.salary("10", 1, on="2026-06-30") == Decimal("3138.00")  # 3000 x 1,046
        for day in ("2026-07-01", "2026-08-01", "2026-10-31", "2026-12-01"):
            with pytest.raises(NotPublishedError, match=r"takes the amounts of LB"):
                caopo.salary("10", 1, on=day)
        # from that day schaal 10 is LB: LB trede 1 on 2026-08-01 is 3463 (published
        # 2024-10-01 table) x 1,046, rounded once = 3622 (the research's derived
        # 2025-11-01 table, reference/scales/derived); the user's 3138 no longer answers
        assert caopo.projected_salary("10", 1, on="2026-08-01").full_time_amount == 3622
        # the other scales go on from the user's cells: 2500 x 1,046
        assert caopo.salary("4", 1, on="2026-08-01") == Decimal("2615.00")


def test_a_later_user_version_replaces_the_carried_one(oop: Path) -> None:
    (oop / "support_staff_2026-01-01.yaml").write_text(
        OOP.format(start="2026-01-01", amount=2550), encoding="utf-8"
    )
    with user_tables(oop):
        # a version with a successor is taken as typed: only the last one is carried forward
        assert caopo.salary("4", 1, on="2025-12-01") == Decimal("2500.00")
        assert caopo.salary_detail("4", 1, on="2026-02-01").status == "published"
        assert caopo.salary("4", 1, on="2026-02-01") == Decimal("2550.00")
        assert caopo.salary("4", 1, on="2026-12-01") == Decimal("2581.00")  # 2550 x 1,012


def test_tables_shows_each_tables_periods_by_status(
    oop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with user_tables(oop):
        spans = [
            (p.status, str(p.start), p.coverage) for p in periods() if p.table == "support_staff"
        ]
        assert spans == [
            ("published", "2025-01-01", "complete"),
            ("provisional", "2025-11-01", "complete"),
        ]
        assert main(["tables"]) == 0
    out = capsys.readouterr().out
    block = out[out.index("support_staff\n") :]
    assert "  published    2025-01-01..2025-11-01 complete" in block
    assert "  provisional  2025-11-01.. complete" in block
    assert "computed from support_staff_2025-01-01.yaml by the raises" in block


def test_a_table_in_cents_is_carried_in_cents(oop: Path) -> None:
    # +4,6 % on 2025-11-01 (CNV 2025-11-06): 2500.55 x 1,046 = 2615.5753, rounded once to
    # the cents the user's table is typed in, not to whole euros
    (oop / "support_staff_2025-01-01.yaml").write_text(
        OOP.format(start="2025-01-01", amount="2500.55"), encoding="utf-8"
    )
    with user_tables(oop):
        detail = caopo.salary_detail("4", 1, on="2025-12-01")
        assert detail.full_time_amount == Decimal("2615.58")
        assert "rounded once to 0.01 euro" in detail.basis
        # every cell of the table, the whole-euro ones too: 2600 x 1,046 = 2719.60
        assert caopo.salary_detail("4", 2, on="2025-12-01").full_time_amount == Decimal("2719.6")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(amount=st.decimals(min_value=1000, max_value=9000, places=2))
def test_a_carried_cell_is_the_users_cell_times_the_raise_rounded_once(
    tmp_path: Path, amount: Decimal
) -> None:
    # the declared rule (caopo.catalog.derive.carried): cell x 1,046, rounded once to the
    # table's own precision: cents if any cell has cents, else whole euros
    folder = tmp_path / str(amount)
    folder.mkdir()
    text = OOP.format(start="2025-01-01", amount=amount).replace("2: 2600", "2: 9999")
    (folder / "support_staff_2025-01-01.yaml").write_text(text, encoding="utf-8")
    quantum = Decimal("0.01") if amount % 1 else Decimal(1)
    with user_tables(folder):
        assert caopo.salary("4", 1, on="2025-10-01") == amount
        raised = (amount * Decimal("1.046")).quantize(quantum, rounding=ROUND_HALF_UP)
        assert caopo.salary("4", 1, on="2025-11-01") == raised
