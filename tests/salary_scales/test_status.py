"""One status order: a salary's status is the weakest of its table version and the raises
the version was derived through (published > derived > provisional).

The expected status is computed here from the raw data files (data/scales/*.yaml and
data/raises/general_raises.yaml, read with plain yaml), not from caopo's catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.catalog.loader import shipped_data_dir
from caopo.provenance import Status, weakest
from caopo.salary_scales.salary import salary_detail

DATA = shipped_data_dir()


def _load(path: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


RAISE_STATUS: dict[date, Status] = {
    event["on"]: event["status"]
    for event in _load(DATA / "raises" / "general_raises.yaml")["events"]
}


@dataclass(frozen=True)
class _Version:
    start: date
    end: date
    """Exclusive: the next version's start, the file's own end, or a year on."""
    status: Status
    cells: tuple[tuple[str, int], ...]


def _teacher_versions() -> list[_Version]:
    raw = sorted(
        (_load(path) for path in (DATA / "scales").glob("teachers_*.yaml")),
        key=lambda doc: doc["effective_from"],
    )
    by_start = {doc["effective_from"]: doc for doc in raw}
    versions = []
    for index, doc in enumerate(raw):
        following = raw[index + 1]["effective_from"] if index + 1 < len(raw) else None
        own = doc.get("effective_until")
        end = min(d for d in (following, own) if d) if following or own else None
        rule = doc.get("derivation")
        statuses: list[Status] = [doc["status"]]
        source = doc if rule is None else by_start[rule["base"]]
        cells: dict[str, dict[int, Any]] = source["cells"]
        if rule is not None:
            statuses += [RAISE_STATUS[on] for on in rule["raises"]]
        versions.append(
            _Version(
                start=doc["effective_from"],
                end=end or doc["effective_from"] + timedelta(days=365),
                status=weakest(statuses),
                cells=tuple(
                    (str(scale), int(step)) for scale, steps in cells.items() for step in steps
                ),
            )
        )
    return versions


VERSIONS = _teacher_versions()


def test_the_property_is_not_vacuous() -> None:
    assert any(v.status == "published" for v in VERSIONS)
    assert any(v.status != "published" for v in VERSIONS)


@settings(max_examples=200, deadline=None)
@given(version=st.sampled_from(VERSIONS), data=st.data())
def test_salary_status_is_the_weakest_of_table_and_raises(
    version: _Version, data: st.DataObject
) -> None:
    scale, step = data.draw(st.sampled_from(version.cells))
    on = data.draw(st.dates(version.start, version.end - timedelta(days=1)))
    assert salary_detail(scale, step, on=on).status == version.status
