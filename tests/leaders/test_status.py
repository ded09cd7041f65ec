"""One status: a leaders result is as strong as the weakest thing it used.

The expected status is computed here from the tables and raises the result used, with the
order written out (published > derived > provisional), not with caopo.provenance.weakest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.inventory import raises
from caopo.catalog.loader import catalog
from caopo.errors import CaopoError
from caopo.leaders.allowances import school_leader_allowance_detail
from caopo.leaders.garantietoelage import garantietoelage_detail
from caopo.provenance import Status
from caopo.salary_scales.salary import salary_detail
from caopo.schema.allowances import ALLOWANCES, SchoolLeaderAllowanceTable
from caopo.schema.garantietoelage import GuaranteeRules

RANK: dict[Status, int] = {"published": 0, "derived": 1, "provisional": 2}


def expected_status(statuses: Iterable[Status]) -> Status:
    return max(statuses, key=RANK.__getitem__, default="published")


def test_expected_status_order() -> None:
    assert expected_status(["derived", "provisional", "published"]) == "provisional"
    assert expected_status(["published", "derived"]) == "derived"
    assert expected_status([]) == "published"


RULES = catalog().document("garantietoelage", GuaranteeRules)


def _counted(since: date, until: date, unresolved: bool) -> list[Status]:
    """The statuses of the raises of the school-leader tables in (since, until] that count
    as indexation of the guarantee."""
    found: list[Status] = []
    for event in raises():
        if not since < event.on <= until or RULES.salary_table not in event.applies_to:
            continue
        if event.change != "percentage":
            continue
        flag = event.guarantee_indexation
        if (unresolved if flag is None else flag) is True:
            found.append(event.status)
    return found


def _garantie_status(
    old: str, step: int, on: date, *, unresolved: bool, toelage: bool, new: Status | None
) -> Status:
    lapse = RULES.old_scales_lapse_on
    old_detail = salary_detail(old, step, on=min(on, lapse - timedelta(days=1)))
    used: list[Status] = [old_detail.status]
    if on >= lapse:
        used.append("derived")  # carried past the old tables by a declared rule
    used += _counted(old_detail.effective_from, on, unresolved)
    if toelage:
        used += _counted(RULES.directietoelage.level_on, on, unresolved)
    if new is not None:
        used.append(new)
    return expected_status(used)


OLD = [("DB", 15), ("DC", 16), ("AB", 13)]


@settings(max_examples=80, deadline=None)
@given(
    old=st.sampled_from(OLD),
    on=st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 12, 31)),
    unresolved=st.booleans(),
    no_toelage=st.booleans(),
    look_up=st.booleans(),
)
def test_garantietoelage_status_is_the_weakest_of_what_it_used(
    old: tuple[str, int], on: date, unresolved: bool, no_toelage: bool, look_up: bool
) -> None:
    scale, step = old
    new: Status | None = None
    new_args: dict[str, str] = {"new_salary": "4000"}
    if look_up:
        try:
            new = salary_detail("D12", 13, on=on).status
            new_args = {"new_step": "13"}
        except CaopoError:
            pass
    detail = garantietoelage_detail(
        old_scale=scale,
        old_step=step,
        new_scale="D12",
        on=on,
        directietoelage=False if no_toelage else None,
        unresolved_raises_count=unresolved,
        **new_args,
    )
    toelage = not no_toelage and scale in RULES.directietoelage.scales
    assert detail.status == _garantie_status(
        scale, step, on, unresolved=unresolved, toelage=toelage, new=new
    )


PROVISIONAL_NEW_TABLE = """\
kind: salary_scales
table: school_leaders
title: "Test table: a provisional D12 amount"
effective_from: 2021-06-01
cao: "test"
status: provisional
coverage: partial
sources:
  - title: "test fixture"
cells:
  "D12": {13: 5300}
"""


@pytest.fixture
def provisional_new_table(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "school_leaders_2021-06-01.yaml").write_text(PROVISIONAL_NEW_TABLE, "utf-8")
    caopo.use_tables(tmp_path, replace=True)  # it starts inside a shipped version
    try:
        yield
    finally:
        caopo.reset_tables()


@pytest.mark.usefixtures("provisional_new_table")
def test_a_provisional_new_table_makes_the_guarantee_provisional() -> None:
    detail = garantietoelage_detail(
        old_scale="DB", old_step=15, new_scale="D12", new_step=13, on="2021-07-01"
    )
    assert detail.actual_salary == 5300
    assert detail.status == "provisional"  # old table published, carried (derived), new provisional


ALLOWANCE_VERSIONS = [
    (name, version.effective_from)
    for name, table in ALLOWANCES.items()
    for version in catalog().series(table, SchoolLeaderAllowanceTable).versions
]


def _allowance_status(table: str, on: date) -> Status:
    series = catalog().series(table, SchoolLeaderAllowanceTable)
    version = series.version_on(on)
    used = [version.status]
    if version.derivation is not None:
        base = next(v for v in series.versions if v.effective_from == version.derivation.base)
        used.append(base.status)
    return expected_status(used)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), chosen=st.sampled_from(ALLOWANCE_VERSIONS))
def test_allowance_status_is_the_weakest_of_what_it_used(
    data: st.DataObject, chosen: tuple[str, date]
) -> None:
    name, start = chosen
    series = catalog().series(ALLOWANCES[name], SchoolLeaderAllowanceTable)
    version = next(v for v in series.versions if v.effective_from == start)
    end = series.end_of(version) or start + timedelta(days=366)
    on = data.draw(st.dates(min_value=start, max_value=end - timedelta(days=1)))
    scale = data.draw(st.sampled_from(sorted(version.amounts)))
    detail = school_leader_allowance_detail(name, scale=scale, on=on)
    assert detail.status == _allowance_status(ALLOWANCES[name], on)


PROVISIONAL_BASE = """\
kind: school_leader_allowance
table: school_leaders_arbeidsmarkttoelage
allowance: arbeidsmarkttoelage
title: "Test: the 2022 arbeidsmarkttoelage as if it were provisional"
effective_from: 2022-01-01
cao: "test"
status: provisional
period: year
condition: "test"
sources:
  - title: "test fixture"
amounts: {"A10": 1600, "A11": 1600, "A12": 800, "D11": 2400, "D12": 2400, "D13": 1200}
"""


@pytest.fixture
def provisional_base(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "school_leaders_arbeidsmarkttoelage_2022-01-01.yaml").write_text(
        PROVISIONAL_BASE, "utf-8"
    )
    caopo.use_tables(tmp_path, replace=True)
    try:
        yield
    finally:
        caopo.reset_tables()


@pytest.mark.usefixtures("provisional_base")
def test_a_version_derived_from_a_provisional_one_is_provisional() -> None:
    derived = school_leader_allowance_detail("arbeidsmarkttoelage", scale="D12", on="2023-07-01")
    assert derived.status == "provisional" and "derived" in derived.basis
    assert _allowance_status("school_leaders_arbeidsmarkttoelage", date(2023, 7, 1)) == (
        "provisional"
    )
