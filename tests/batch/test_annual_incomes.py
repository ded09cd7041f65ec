"""caopo.batch.annual_incomes: a year of pay per row, exactly caopo.annual_income."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo import Employment, annual_income
from caopo.batch import annual_incomes, gather
from caopo.errors import InvalidInputError, UnknownScaleError

pd = pytest.importorskip("pandas")


def test_every_row_is_the_scalar_year() -> None:
    frame = pd.DataFrame(
        {
            "scale": ["LB", "LC", "LB", "XX"],
            "step": [5, 3, 5, 1],
            "start": ["2025-01-01", "2025-03-15", "2025-01-01", "2025-01-01"],
            "fte": [0.8, 1.0, 0.8, 1.0],
            "end": ["", "2025-10-31", None, ""],
        }
    )
    out = annual_incomes(frame, year=2025, end="end")
    for row in (0, 1, 2):
        end = frame["end"][row]
        expected = annual_income(
            Employment(
                frame["scale"][row],
                int(frame["step"][row]),
                start=frame["start"][row],
                fte=str(frame["fte"][row]),
                end=end if isinstance(end, str) and end else None,
            ),
            year=2025,
        )
        assert out["total"][row] == expected.total
        assert out["status"][row] == expected.status
        for name, amount in expected.totals.items():
            assert out[name][row] == amount
        assert out["error"][row] == ""
    assert out["total"][3] is None and out["status"][3] == ""
    assert out["error"][3].startswith("row 4: ")
    with pytest.raises(UnknownScaleError, match=r"^row 4: "):
        annual_incomes(frame, year=2025, end="end", errors="raise")


def test_no_default_werktijdfactor_or_start() -> None:
    frame = pd.DataFrame({"scale": ["LB"], "step": [5], "start": ["2025-01-01"]})
    with pytest.raises(InvalidInputError, match=r"no column 'fte'.*fte=1"):
        annual_incomes(frame, year=2025)
    with pytest.raises(InvalidInputError, match=r"no column 'begin'"):
        annual_incomes(frame, year=2025, fte=1, start="begin")
    out = annual_incomes(frame.drop(columns="start"), year=2025, fte=1, start="2025-01-01")
    assert out["error"][0] == ""


@settings(max_examples=10, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["LB", "LC", "LD"]),
            st.integers(min_value=1, max_value=11),
            st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 12, 31)),
            st.sampled_from(["1", "0.8", "0.4125"]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_the_pure_python_path_agrees(rows: list[tuple[str, int, date, str]]) -> None:
    columns = {n: [r[i] for r in rows] for i, n in enumerate(["scale", "step", "start", "fte"])}
    vectorised = annual_incomes(columns, year=2025)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gather, "pandas", lambda: None)
        plain = annual_incomes(columns, year=2025)
    assert {k: list(v) for k, v in vectorised.items()} == plain
    for row, (scale, step, start, fte) in enumerate(rows):
        try:
            total: Decimal | None = annual_income(
                Employment(scale, step, start=start, fte=fte), year=2025
            ).total
        except Exception:
            total = None
        assert plain["total"][row] == total


def test_lenient_prices_the_year_and_says_what_is_missing() -> None:
    frame = pd.DataFrame({"scale": ["LB", "LC"], "step": [5, 12], "fte": ["1", "1"]})
    strict = annual_incomes(frame, year=2025, start="2025-01-01")
    assert "missing" not in strict.columns
    assert strict["total"][1] is None and strict["error"][1].startswith("row 2: ")
    out = annual_incomes(frame, year=2025, start="2025-01-01", strict=False)
    for row, (scale, step) in enumerate([("LB", 5), ("LC", 12)]):
        expected = annual_income(
            Employment(scale, step, start="2025-01-01"), year=2025, strict=False
        )
        assert out["total"][row] == expected.total
        assert out["status"][row] == expected.status
        assert out["missing"][row] == "; ".join(expected.gaps)
        assert out["error"][row] == ""
    assert out["missing"][0] == "" and out["missing"][1] != ""
