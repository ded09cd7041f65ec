"""``salary()`` reads the index inline for speed; ``salary_detail()`` through ``_find``. The
two must answer alike: the same amount (the table amount times the werktijdfactor, rounded
once to cents, CAO PO salary chapter), or the same error, for every shipped or user cell,
any date and any werktijdfactor."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import catalog
from caopo.errors import CaopoError
from tests._helpers import user_tables

USER = """\
kind: salary_scales
table: support_staff
title: "Test OOP table (amounts for the test only)"
effective_from: 2025-01-01
cao: "test"
status: published
coverage: complete
sources: [{title: "test fixture"}]
cells:
  "4": {1: 2500.55, 2: 2600}
  "10": {1: 3000, 2: 3100.10, 3: 3200}
"""


def _cells() -> list[tuple[str, int, date, date | None]]:
    """Every cell of every salary version in use, with the version's period."""
    return [
        (scale, step, start, end)
        for series in catalog().salary_series()
        for (start, end), version in zip(series.periods(), series.versions, strict=True)
        for scale, steps in version.cells.items()
        for step in steps
    ]


FTES = st.one_of(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1.2"), places=4),
    st.sampled_from([1, "0.8", "1,0", "0.4567"]),
)
LATER = date(2100, 1, 1)
"""After every ``known_from``: as known then, every version counts."""


def _outcome(call: Callable[[], Decimal]) -> Decimal | type[CaopoError]:
    try:
        return call()
    except CaopoError as exc:
        return type(exc)


def _alike(scale: str, step: int, day: date, fte: Decimal | int | str) -> None:
    fast = _outcome(lambda: caopo.salary(scale, step, on=day, fte=fte))
    detail = _outcome(lambda: caopo.salary_detail(scale, step, on=day, fte=fte).amount)
    known = _outcome(
        lambda: caopo.salary_detail(scale, step, on=day, fte=fte, as_known_on=LATER).amount
    )
    assert fast == detail == known, (scale, step, day, fte)


def _check_cells(data: st.DataObject, fte: Decimal | int | str) -> None:
    scale, step, start, end = data.draw(st.sampled_from(_cells()))
    last = (end or start + timedelta(days=3650)) - timedelta(days=1)
    day = data.draw(st.dates(min_value=start, max_value=last))
    _alike(scale, step, day, fte)
    # and anywhere, for any code and step: the same amount or the same error
    other = data.draw(st.sampled_from(sorted({cell[0] for cell in _cells()} | {"ZZ"})))
    anywhere = data.draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
    _alike(other, data.draw(st.integers(1, 20)), anywhere, fte)


@settings(max_examples=150, deadline=None)
@given(fte=FTES, data=st.data())
def test_salary_and_salary_detail_agree_on_the_shipped_tables(
    fte: Decimal | int | str, data: st.DataObject
) -> None:
    caopo.reset_tables()
    _check_cells(data, fte)


@pytest.fixture(scope="module")
def user_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("user")
    (folder / "support_staff_2025-01-01.yaml").write_text(USER, encoding="utf-8")
    yield folder


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fte=FTES, data=st.data())
def test_salary_and_salary_detail_agree_with_user_tables(
    user_folder: Path, fte: Decimal | int | str, data: st.DataObject
) -> None:
    with user_tables(user_folder):
        _check_cells(data, fte)
