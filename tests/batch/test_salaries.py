"""caopo.batch.salaries: every row reported, nothing priced by an unstated default, the
float policy, and exactly the cents of caopo.salary (vectorised or not)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo import salary
from caopo.batch import gather, salaries
from caopo.errors import InvalidInputError, StepOutOfRangeError

pd = pytest.importorskip("pandas")

ON = "2024-11-01"
FTES = ["1", "0.8", "0.4125", "1.2", "0.05", "0.0001", "0.6667", "0.3333", "1.1999"]
ROWS = st.lists(
    st.tuples(
        st.sampled_from(["LB", "LC", "LD", "LE", "lb", "XX"]),
        st.integers(min_value=0, max_value=14),
        st.dates(min_value=date(2024, 9, 1), max_value=date(2027, 2, 28)),
        st.sampled_from([*FTES, "0", "1.3", "x"]),
    ),
    min_size=0,
    max_size=30,
)


def _scalar(scale: str, step: int, on: date, fte: str) -> Decimal | None:
    try:
        return salary(scale, step, on=on, fte=fte)
    except Exception:
        return None


def _pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gather, "pandas", lambda: None)


def test_import_caopo_does_not_import_pandas_or_numpy() -> None:
    code = "import caopo, sys; caopo.salary('LB', 5, on='2024-11-01'); print('pandas' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


@settings(max_examples=60, deadline=None)
@given(rows=ROWS)
def test_the_cents_of_the_scalar_function_on_random_frames(
    rows: list[tuple[str, int, date, str]],
) -> None:
    frame = pd.DataFrame(rows, columns=["scale", "step", "on", "fte"])
    frame["on"] = pd.to_datetime(frame["on"]) if rows else frame["on"]
    out = salaries(frame)
    assert list(out.index) == list(frame.index)
    for (scale, step, on, fte), amount, error in zip(
        rows, out["salary"], out["error"], strict=True
    ):
        expected = _scalar(scale, step, on, fte)
        assert amount == expected and str(amount) == str(expected)
        assert (error == "") == (expected is not None)


@settings(max_examples=30, deadline=None)
@given(rows=ROWS)
def test_the_pure_python_path_gives_the_same_columns(
    rows: list[tuple[str, int, date, str]],
) -> None:
    columns = {name: [r[i] for r in rows] for i, name in enumerate(["scale", "step", "on", "fte"])}
    vectorised = salaries(columns)
    with pytest.MonkeyPatch.context() as patch:
        _pure_python(patch)
        plain = salaries(columns)
    assert {k: list(v) for k, v in vectorised.items()} == plain


def test_a_frame_without_fte_is_an_error_not_full_time() -> None:
    frame = pd.DataFrame({"schaal": ["LB"], "trede": [5], "werktijdfactor": ["0.4"]})
    with pytest.raises(InvalidInputError) as caught:
        salaries(frame, scale="schaal", step="trede", on=ON)
    message = str(caught.value)
    assert "no column 'fte'" in message and "'werktijdfactor'" in message and "fte=1" in message
    out = salaries(frame, scale="schaal", step="trede", on=ON, fte="werktijdfactor")
    # AMBT-PO-2024 (shared/reference/scales/SOURCES.md): LB 5 = 3868 full time; 0.4 of it
    assert list(out["salary"]) == [Decimal("1547.20")]
    assert list(salaries(frame, scale="schaal", step="trede", on=ON, fte=1)["salary"]) == [
        Decimal("3868.00")
    ]


def test_a_missing_column_names_the_columns_there_are() -> None:
    frame = pd.DataFrame({"schaal": ["LB"], "trede": [5], "fte": ["1"]})
    with pytest.raises(InvalidInputError, match=r"no column 'scale'.*'schaal', 'trede', 'fte'"):
        salaries(frame, on=ON)
    with pytest.raises(InvalidInputError, match=r"no column 'datum'.*'schaal'"):
        salaries(frame, scale="schaal", step="trede", on="datum")
    with pytest.raises(InvalidInputError, match="errors must be 'report'"):
        salaries(frame, scale="schaal", step="trede", on=ON, errors="ignore")
    with pytest.raises(InvalidInputError, match="mapping of column"):
        salaries([1, 2])


def test_errors_raise_names_the_first_bad_row() -> None:
    frame = pd.DataFrame({"scale": ["LB", "LB", "LB"], "step": [5, 13, "x"], "fte": ["1"] * 3})
    with pytest.raises(StepOutOfRangeError, match=r"^row 2: scale 'LB' has no step 13") as caught:
        salaries(frame, on=ON, errors="raise")
    assert isinstance(caught.value.__cause__, StepOutOfRangeError)
    out = salaries(frame, on=ON)
    assert list(out["error"])[1:] == [
        "row 2: scale 'LB' has no step 13 on 2024-11-01; its steps are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12",
        "row 3: column 'step' must be a whole number from 1 to 99, not 'x'",
    ]
    assert list(out["status"]) == ["published", "", ""]


def test_every_bad_value_of_a_row_is_named() -> None:
    out = salaries({"scale": ["LB"], "step": ["x"], "on": ["2024-13-01"], "fte": ["2"]})
    error = out["error"][0]
    assert error.startswith("row 1: column 'step' must be a whole number")
    assert "column 'on' '2024-13-01' is not a day of the calendar" in error
    assert "column 'fte' must be above 0 and at most 1.2" in error


def test_float_policy() -> None:
    frame = pd.DataFrame(
        {
            "scale": ["LB"] * 6,
            "step": [5.0, 5.5, float("nan"), 5.0, 5.0, 5.0],
            "fte": [0.1 + 0.7, 0.8, 0.8, 0.41255, float("nan"), 0.4125],
        }
    )
    out = salaries(frame, on=ON)
    assert list(out["salary"]) == [
        Decimal("3094.40"),
        None,
        None,
        None,
        None,
        salary("LB", 5, on=ON, fte="0.4125"),
    ]
    errors = list(out["error"])
    assert errors[1] == "row 2: column 'step' must be a whole number, not the float 5.5"
    assert errors[2] == "row 3: column 'step' is empty"
    assert errors[3] == (
        "row 4: column 'fte' 0.41255 is a float with more than 4 decimals (the CAO's "
        "precision); give it as text or Decimal"
    )
    assert errors[4] == "row 5: column 'fte' is empty"


def test_text_is_read_as_the_scalar_function_reads_it() -> None:
    out = salaries(
        {"scale": ["LB"] * 3, "step": ["5"] * 3, "fte": ["0,8", "0.41255", " 1 "]}, on=ON
    )
    assert out["salary"][0] == salary("LB", 5, on=ON, fte="0.8")
    assert out["error"][1].startswith("row 2: column 'fte' has at most four decimals")
    assert out["salary"][2] == Decimal("3868.00")


def test_dates_from_frames() -> None:
    frame = pd.DataFrame(
        {
            "scale": ["LB", "LB", "LB"],
            "step": [5, 5, 5],
            "on": pd.to_datetime(["2024-11-01", "2024-11-01 09:30", None], format="ISO8601"),
        }
    )
    out = salaries(frame, fte=1)
    assert out["salary"][0] == Decimal("3868.00")
    assert "must be a date, not a datetime" in out["error"][1]
    assert out["error"][2] == "row 3: column 'on' is empty"
    assert list(salaries(frame.iloc[:1], fte=1, on=date(2024, 11, 1))["salary"]) == [
        Decimal("3868.00")
    ]
    with pytest.raises(InvalidInputError, match="datetime"):
        salaries(frame, fte=1, on=datetime(2024, 11, 1))


def test_the_input_is_not_changed_and_its_index_is_kept() -> None:
    frame = pd.DataFrame({"scale": ["LB", "LC"], "step": [5, 1], "fte": ["1", "1"]}, index=[7, 3])
    out = salaries(frame, on=ON)
    assert list(frame.columns) == ["scale", "step", "fte"]
    assert list(out.index) == [7, 3]
    # AMBT-PO-2024: LC 1 = 3484 full time (from 2024-10-01)
    assert out.loc[3, "salary"] == Decimal("3484.00")
    with pytest.raises(InvalidInputError, match="already has a column named 'status'"):
        salaries(frame.assign(status="x"), on=ON)


def test_empty_inputs() -> None:
    frame = pd.DataFrame({"scale": [], "step": [], "on": [], "fte": []})
    assert len(salaries(frame)) == 0
    assert salaries({"scale": [], "step": [], "on": [], "fte": []})["salary"] == []


def test_mappings_of_numpy_values() -> None:
    np = pytest.importorskip("numpy")
    columns: dict[str, Any] = {
        "scale": np.array(["LB", "LB"]),
        "step": np.array([5, 6]),
        "on": np.array(["2024-11-01", "2024-11-01"], dtype="datetime64[D]"),
        "fte": np.array([0.8, 1.0]),
    }
    assert salaries(columns)["salary"] == [Decimal("3094.40"), Decimal("4001.00")]
    columns["on"] = np.array(["2024-11-01", "NaT"], dtype="datetime64[D]")
    with pytest.MonkeyPatch.context() as patch:
        _pure_python(patch)
        assert salaries(columns)["error"] == ["", "row 2: column 'on' is empty"]
    with pytest.raises(InvalidInputError, match="differ in length"):
        salaries({**columns, "fte": ["1"]})


def test_polars_frames() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({"scale": ["LB", "LB", None], "step": [5, 6, 5], "fte": [0.8, 1.0, 1.0]})
    out = salaries(frame, on=ON)
    assert out.columns == ["scale", "step", "fte", "salary", "status", "error"]
    assert out["salary"].to_list() == [Decimal("3094.40"), Decimal("4001.00"), None]
    assert out["error"].to_list()[2] == "row 3: column 'scale' is empty"


@settings(max_examples=30, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["LB", "LC", "LD"]),
            st.integers(min_value=1, max_value=12),
            st.sampled_from(FTES),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_float_columns_as_read_csv_makes_them(rows: list[tuple[str, int, str]]) -> None:
    frame = pd.DataFrame(
        {
            "scale": [r[0] for r in rows],
            "step": [float(r[1]) for r in rows],
            "fte": [float(r[2]) for r in rows],
        }
    )
    out = salaries(frame, on="2025-03-01")
    assert list(out["salary"]) == [salary(s, t, on="2025-03-01", fte=f) for s, t, f in rows]


@settings(max_examples=20, deadline=None)
@given(rows=ROWS)
def test_past_64_bits_the_same_columns(rows: list[tuple[str, int, date, str]]) -> None:
    """Keys and cents that would overflow int64 are factorised in steps and computed with
    Python integers; forcing that path (a tiny bound) changes nothing."""
    columns = {name: [r[i] for r in rows] for i, name in enumerate(["scale", "step", "on", "fte"])}
    usual = salaries(columns)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gather, "_INT64_SAFE", 4)
        assert salaries(columns) == usual
