"""caopo.batch.salaries gives exactly the cents of caopo.salary; import caopo stays pandas-free."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo import salary
from caopo.batch import salaries
from caopo.errors import InvalidInputError

ROWS = st.lists(
    st.tuples(
        st.sampled_from(["LB", "LC", "LD"]),
        st.integers(min_value=1, max_value=12),
        st.dates(min_value=date(2024, 10, 1), max_value=date(2027, 2, 28)),
        st.sampled_from(["1", "0.8", "0.4125", "1.2", "0.05"]),
    ),
    min_size=1,
    max_size=8,
)


def test_import_caopo_does_not_import_pandas() -> None:
    code = (
        "import caopo, sys; caopo.salary('LB', 5, on='2024-11-01'); print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_columns_without_pandas() -> None:
    columns = {"scale": ["LB", "LB"], "step": [5, 6], "on": ["2024-11-01", "2024-11-01"]}
    assert salaries(columns, fte="0.8") == [Decimal("3094.40"), Decimal("3200.80")]
    with pytest.raises(InvalidInputError, match="'stap'"):
        salaries(columns, step="stap")
    with pytest.raises(InvalidInputError, match="list"):
        salaries([1, 2])


@settings(max_examples=25, deadline=None)
@given(rows=ROWS)
def test_batch_equals_scalar_with_pandas(rows: list[tuple[str, int, date, str]]) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(rows, columns=["scale", "step", "on", "fte"])
    result = salaries(frame)
    assert list(result.index) == list(frame.index)
    assert list(result) == [salary(s, t, on=d, fte=f) for s, t, d, f in rows]
    assert all(isinstance(v, Decimal) for v in result)
