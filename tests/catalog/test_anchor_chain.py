"""Published figures carried forward by the raise chain against later tables.

Every published cell of an earlier version is multiplied by the general raises between
its date and a later version's date (when only percentage raises lie between) and
compared with the later version's cell. A derived version must agree within the
tolerance it declares; two published versions within one euro, because the sources
print whole euros. Disagreements are listed; the known ones are explained below, and
any new one fails the test with the full list.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.catalog.loader import catalog
from caopo.errors import DataFileError, NotPublishedError
from caopo.schema.raises import RaiseChain
from caopo.schema.scales import ScaleTable
from tests._helpers import user_tables

PUBLISHED_TOLERANCE = Decimal(1)

FUNCTIEMIX_GAP = (
    "GAP: the functiemix money was added to teacher salaries on 2019-01-01 and 2020-01-01 "
    "(ambtenarensalaris.nl, 2018-06-07: 'Per 1 januari 2019 en 1 januari 2020 wordt het geld "
    "toegevoegd aan de salarissen'), but no source gives its amounts per cell, so it cannot be "
    "a structural event with amounts; the 2020-01-01 event's note says it includes the second "
    "tranche"
)

# (table, anchor date, scale, step): why the chain does not hold from that anchor on.
KNOWN = {
    ("teachers", "2018-09-01", "L10", 15): (
        "the L10 maximum of 2020-01-01 is not the 2018 one x 1,045 (3.875 x 1,045 = 4.049, "
        "4.113 published): the functiemix money of 2019-01-01 and 2020-01-01. " + FUNCTIEMIX_GAP
    ),
    ("teachers", "2018-09-01", "L11", 15): (
        "as L10: 4.228 x 1,045 = 4.418, 4.434 published for 2020-01-01. " + FUNCTIEMIX_GAP
    ),
}


def comparisons() -> tuple[list[str], list[tuple[str, str, str, int]], int]:
    cat = catalog()
    events = cat.document("general_raises", RaiseChain).events
    mismatches: list[str] = []
    keys: list[tuple[str, str, str, int]] = []
    compared = 0
    for table in cat.table_ids(ScaleTable):
        versions = list(cat.series(table, ScaleTable).versions)
        for later in versions:
            tolerance = (
                later.derivation.tolerance if later.derivation is not None else PUBLISHED_TOLERANCE
            )
            for anchor in versions:
                if anchor.status != "published" or anchor.effective_from >= later.effective_from:
                    continue
                if later.derivation is not None and later.derivation.base == anchor.effective_from:
                    continue  # the base itself: checked exactly by test_data_files
                if anchor.effective_until is not None:
                    continue  # the table's history breaks off after the anchor
                between = [
                    e
                    for e in events
                    if anchor.effective_from < e.on <= later.effective_from
                    and table in e.applies_to
                ]
                if any(e.change != "percentage" for e in between):
                    continue
                factor = Decimal(1)
                for event in between:
                    factor *= event.factor
                for scale, steps in anchor.cells.items():
                    for step, amount in steps.items():
                        other = later.cells.get(scale, {}).get(step)
                        if other is None:
                            continue
                        compared += 1
                        carried = amount * factor
                        if abs(carried - other) > tolerance:
                            key = (table, str(anchor.effective_from), scale, step)
                            keys.append(key)
                            mismatches.append(
                                f"{table} {scale} t{step}: {anchor.effective_from} {amount} x "
                                f"{factor:.6f} = {carried:.2f}, {later.effective_from} has {other}"
                            )
    return mismatches, keys, compared


def test_published_anchors_agree_with_later_tables() -> None:
    mismatches, keys, compared = comparisons()
    assert compared > 20
    unexplained = [m for m, k in zip(mismatches, keys, strict=True) if k not in KNOWN]
    assert unexplained == [], "\n".join(unexplained)


def test_the_chain_before_2014_is_a_named_gap_nothing_is_derived_across() -> None:
    """REVIEW-2026-11-data.md section 1: VOS/ABB names general raises on 2007-08-01 and
    2008-08-01 without percentages; the chain from 2014 explains only 9,0 % of the 15 % rise of
    the director maxima 2007-2018. The events are 'unquantified' and refuse a projection."""
    events = catalog().document("general_raises", RaiseChain).events
    gaps = [e.on.isoformat() for e in events if e.change == "unquantified"]
    assert gaps == ["2007-08-01", "2008-08-01"]
    with pytest.raises(NotPublishedError, match="unquantified raise of 2007-08-01"):
        caopo.projected_salary("DB", 15, on="2015-01-01")


def test_a_derivation_across_the_pre_2014_gap_is_refused(tmp_path: Path) -> None:
    """A derived table whose base lies before the unquantified 2007/2008 raises is refused
    with the gap named, even if it lists only the known raises after it."""
    (tmp_path / "school_leaders_2014-09-01.yaml").write_text(
        "kind: salary_scales\ntable: school_leaders\ntitle: t\neffective_from: 2014-09-01\n"
        "effective_until: 2014-10-01\ncao: x\nstatus: derived\n"
        "unit: EUR per month, full-time (werktijdfactor 1)\nsources: [{title: s}]\n"
        "derivation: {base: 2007-01-01, raises: [2014-09-01], quantum: 1, rounding: half_up, "
        "tolerance: 1}\n",
        encoding="utf-8",
    )
    refused = pytest.raises(DataFileError, match="cannot derive across the raise of 2007-08-01")
    with refused, user_tables(tmp_path):
        caopo.salary("DB", 15, on="2014-09-01")
