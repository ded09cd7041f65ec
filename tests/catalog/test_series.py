"""The typed catalog: one series per table, read by its schema, with the one "not in force" error."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from caopo.catalog.loader import catalog
from caopo.errors import DataFileError, NoDataForDateError
from caopo.schema.allowances import HolidayAllowance
from caopo.schema.base import TableVersion
from caopo.schema.scales import ScaleTable

DATA = Path(__file__).resolve().parents[2] / "data"


def test_a_series_is_typed_by_its_schema() -> None:
    teachers = catalog().series("teachers", ScaleTable)
    assert all(isinstance(v, ScaleTable) for v in teachers.versions)
    assert teachers.version_on(date(2024, 11, 1)).cells["LB"][5] == 3868


def test_asking_for_the_wrong_schema_names_the_kind() -> None:
    with pytest.raises(DataFileError, match=r"salary_scales.*not read by HolidayAllowance"):
        catalog().series("teachers", HolidayAllowance)


def test_the_one_not_in_force_error_names_the_periods() -> None:
    teachers = catalog().series("teachers", ScaleTable)
    assert teachers.get(date(2000, 1, 1)) is None
    with pytest.raises(NoDataForDateError, match=r"'teachers'.*2018-09-01\.\.") as caught:
        teachers.version_on(date(2000, 1, 1))
    assert "an end date is exclusive" in str(caught.value)


def test_an_unknown_table_lists_the_tables() -> None:
    with pytest.raises(NoDataForDateError, match=r"tables: .*teachers"):
        catalog().series("teacher", ScaleTable)


def test_periods_are_half_open_and_follow_each_other() -> None:
    for table in catalog().table_ids():
        series = catalog().series(table, TableVersion)
        for (start, end), version in zip(series.periods(), series.versions, strict=True):
            assert series.end_of(version) == end
            assert series.get(start) is version
            if end is not None and end > start:
                assert series.get(end) is not version


def _raw(path: Path) -> dict[str, object]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_a_derived_table_is_as_weak_as_the_raises_it_applies() -> None:
    # Read from the files, not from caopo: a derived version through a provisional raise
    # is provisional; through published raises only, derived.
    chain = _raw(DATA / "raises" / "general_raises.yaml")
    events = chain["events"]
    assert isinstance(events, list)
    raise_status = {str(e["on"]): e["status"] for e in events}
    order = ["published", "derived", "provisional"]
    checked = 0
    for path in sorted((DATA / "scales").glob("*.yaml")):
        raw = _raw(path)
        rule = raw.get("derivation")
        if not isinstance(rule, dict):
            continue
        statuses = ["derived", *(raise_status[str(d)] for d in rule["raises"])]
        expected = max(statuses, key=order.index)
        version = catalog().series(str(raw["table"]), ScaleTable).version_on(raw["effective_from"])  # type: ignore[arg-type]
        assert version.status == expected, path.name
        checked += 1
    assert checked >= 2


def test_a_version_from_another_catalog_ends_where_it_says() -> None:
    # the same start day is not the same version: a copy from another catalog (here ended
    # on a day of its own) is not given this series' end
    teachers = catalog().series("teachers", ScaleTable)
    first = teachers.versions[0]
    end = teachers.end_of(first)
    assert end is not None
    other = first.model_copy(update={"effective_until": end - timedelta(days=1)})
    assert teachers.end_of(other) == end - timedelta(days=1)
    assert teachers.end_of(first.model_copy()) == first.effective_until  # its own, if any
