"""2026-07-01: OOP and directie schaal 10 take the LB amounts (REVIEW-2026-11-rules.md
section 3, W5). CNV (2025-11-06): 'functieschaal 10 van de OOP/directieschalen per 1 juli
2026 dezelfde tredebedragen als de leraarschaal LB'; RMU (2025-11-27): 'Per 1 juli 2026 wordt
schaal 10 gelijk aan schaal LB. Alle werknemers die op 30 juni 2026 in dienst zijn, worden
op dat moment ingepast in de nieuwe schaal.'"""

from __future__ import annotations

import caopo


def test_the_2026_change_is_a_transition_in_the_chain() -> None:
    chain = caopo.rename_chain("10", on="2026-08-01", held_on="2026-06-30")
    assert [(r.on.isoformat(), r.source_code, r.target_code, r.status) for r in chain] == [
        ("2026-07-01", "10", "10", "provisional")
    ]
    new = caopo.successor("10", on="2026-08-01", held_on="2026-06-30")
    assert new.period("2026-08-01").steps == 12  # LB's treden


def test_convert_keeps_the_step_provisionally_and_says_why() -> None:
    """No inpassing method is published: the documented reading (same trede) is
    provisional, with the reason in the notes."""
    conversion = caopo.convert("10", 5, at="2026-07-01")
    assert (conversion.new_scale, conversion.new_step, conversion.placement) == (
        "10",
        5,
        "same_step",
    )
    assert conversion.status == "provisional"
    assert any("No inpassing method is published" in note for note in conversion.notes)


def test_schaal_10_is_projected_at_the_lb_amount_without_its_own_table() -> None:
    """CNV: schaal 10 gets 'dezelfde tredebedragen als de leraarschaal LB' from 2026-07-01,
    so where no schaal 10 table is shipped its projection is LB's amount, provisional."""
    ten = caopo.projected_salary("10", 5, on="2026-07-01")
    lb = caopo.projected_salary("LB", 5, on="2026-07-01")
    assert (ten.full_time_amount, ten.status, ten.projected) == (
        lb.full_time_amount,
        "provisional",
        True,
    )
