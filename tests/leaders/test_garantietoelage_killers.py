"""Tests that kill mutants of leaders/garantietoelage.py (``scripts/mutate.py``): which raises
count as indexation and why, as the result says it (docs/testing.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import caopo


def _avs(on: str, *, unresolved: bool = True) -> caopo.GarantietoelageDetail:
    """The AVS worked example: DB trede 15 (EUR 5.006) plus the directietoelage in salary
    terms (EUR 294,95) against D11 at EUR 4.861, on *on*."""
    return caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=15,
        new_scale="D11",
        new_salary="4861",
        on=on,
        unresolved_raises_count=unresolved,
    )


@pytest.mark.parametrize(
    ("unresolved", "factor", "amount", "whys"),
    [
        (
            True,
            Decimal("1.178175625"),  # 1,0225 x 1,0475 x 1,10
            Decimal("1384.45"),  # 5.300,95 x 1,178175625 - 4.861
            (
                "not settled by the sources; counted because unresolved_raises_count=True",
                "structural change, not indexation (source: does not count for the guarantee)",
                "counts (source)",
                "not settled by the sources; counted because unresolved_raises_count=True",
            ),
        ),
        (
            False,
            Decimal("1.0475"),  # only the +4,75 % of 2022-07-01, which the AVS counts
            Decimal("691.75"),  # 5.300,95 x 1,0475 - 4.861 = 691,745
            (
                "not settled by the sources; not counted (unresolved_raises_count=False)",
                "structural change, not indexation (source: does not count for the guarantee)",
                "counts (source)",
                "not settled by the sources; not counted (unresolved_raises_count=False)",
            ),
        ),
    ],
)
def test_the_raises_since_2020_count_as_the_sources_say(
    unresolved: bool, factor: Decimal, amount: Decimal, whys: tuple[str, ...]
) -> None:
    # Raise chain (data/raises/general_raises.yaml): +2,25 % on 2021-01-01 and +10 % on
    # 2023-07-01 (not settled for the guarantee), the 2022-01-01 conversion to the VO tables
    # (AVS: a technical operation, does not count), +4,75 % on 2022-07-01 (counts).
    detail = _avs("2024-01-01", unresolved=unresolved)
    steps = detail.indexation
    assert [str(step.on) for step in steps] == [
        "2021-01-01", "2022-01-01", "2022-07-01", "2023-07-01",
    ]  # fmt: skip
    assert tuple(step.why for step in steps) == whys
    assert [step.counted for step in steps] == [unresolved, False, True, unresolved]
    assert detail.indexation_factor == factor
    assert detail.amount == amount


def test_the_directietoelage_shares_the_old_tables_level_date() -> None:
    # The directietoelage is counted at the 2020-01-01 level, the date of the last old table
    # (school_leaders 2020-01-01): both are indexed by the same raises, so no note says the
    # toelage has its own level date.
    detail = _avs("2024-01-01")
    assert detail.old_table_from.isoformat() == "2020-01-01"
    assert not any("own level date" in note for note in detail.notes)
    assert any("(2020-01-01 level)" in note for note in detail.notes)


def test_one_periodiek_reaches_the_avs_step() -> None:
    # Kills ``found[-1]`` to ``found[-2]``: DB trede 14 held on 2019-07-01 (in service since
    # 2015) reaches trede 15, DB's maximum, by the one periodiek of 2019-08-01; then the AVS
    # figure: EUR 5.006 + 294,95 - 4.861 = EUR 439,95 on 2020-01-01.
    detail = caopo.garantietoelage_detail(
        old_scale="DB",
        old_step=14,
        old_step_on="2019-07-01",
        in_service_from="2015-01-01",
        new_scale="D11",
        new_salary="4861",
        on="2020-01-01",
    )
    assert [(p.on.isoformat(), p.step) for p in detail.periodieken] == [("2019-08-01", 15)]
    assert (detail.old_step_used, detail.amount) == (15, Decimal("439.95"))
