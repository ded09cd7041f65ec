"""Every shipped data file: schema, naming, provenance, order and table invariants."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from caopo.catalog.derive import chain_factor
from caopo.catalog.loader import catalog, load_file
from caopo.money import quantize
from caopo.schema.base import TableVersion
from caopo.schema.raises import RaiseChain
from caopo.schema.scales import ScaleTable
from tests._helpers import DATA, data_files

FILES = data_files()


def test_there_are_data_files() -> None:
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_file_loads_and_names_its_sources(path: Path) -> None:
    document = load_file(path)
    if isinstance(document, TableVersion):
        assert path.name == f"{document.table}_{document.effective_from}.yaml"
        assert document.sources, "every version names where it was read"
        assert all(s.title for s in document.sources)
    if isinstance(document, RaiseChain):
        assert all(event.sources for event in document.events)


def test_versions_are_ordered_and_do_not_overlap() -> None:
    cat = catalog()
    for table in cat.table_ids():
        periods = cat.series(table, TableVersion).periods()
        for (start, end), (next_start, _) in pairwise(periods):
            assert start < next_start
            assert end is not None and end <= next_start


def _scale_versions() -> list[ScaleTable]:
    cat = catalog()
    return [
        version
        for table in cat.table_ids(ScaleTable)
        for version in cat.series(table, ScaleTable).versions
        if isinstance(version, ScaleTable)
    ]


@pytest.mark.parametrize(
    "version", _scale_versions(), ids=lambda v: f"{v.table}_{v.effective_from}"
)
def test_amounts_rise_with_the_step(version: ScaleTable) -> None:
    for scale, steps in version.cells.items():
        amounts = [steps[s] for s in sorted(steps)]
        assert amounts == sorted(amounts) and len(set(amounts)) == len(amounts), scale
        assert all(a > 0 for a in amounts)


def test_each_derived_version_matches_its_declared_rule() -> None:
    cat = catalog()
    events = cat.document("general_raises", RaiseChain).events
    for version in _scale_versions():
        if version.derivation is None:
            continue
        rule = version.derivation
        base = next(
            v
            for v in cat.series(version.table, ScaleTable).versions
            if v.effective_from == rule.base
        )
        assert isinstance(base, ScaleTable) and base.status == "published"
        factor = chain_factor(events, rule.raises, table=version.table)
        for scale, steps in base.cells.items():
            for step, amount in steps.items():
                expected = quantize(amount * factor, rule.quantum)
                assert version.cells[scale][step] == expected


def test_no_general_raise_falls_inside_a_salary_version() -> None:
    """A raise that applies to a table must start a new version (or end the old one):
    otherwise the version would answer with pre-raise amounts after the raise."""
    cat = catalog()
    stale = []
    for table in cat.table_ids(ScaleTable):
        for start, end in cat.series(table, TableVersion).periods():
            for event in cat.document("general_raises", RaiseChain).events:
                inside = start < event.on and (end is None or event.on < end)
                if inside and table in event.applies_to:
                    stale.append(f"{table} {start}..{end} spans the {event.on} change")
    assert stale == []


def test_raise_chain_percentages_are_positive() -> None:
    for event in catalog().document("general_raises", RaiseChain).events:
        if event.change == "percentage":
            assert event.percentage is not None and event.percentage > Decimal(0)
