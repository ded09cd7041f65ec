"""Results show themselves in a notebook: a short repr, an HTML table, and (for results
made of rows) a DataFrame whose columns and Decimal values are the result's own."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.display import MAX_REPR, Display, Tabular
from caopo.provenance import weakest
from tests.test_provenance import _EMPLOYMENT, SAMPLES, VALUES

RESULTS: dict[str, Callable[[], object]] = {
    **SAMPLES,
    "CareerTimeline": lambda: caopo.career_timeline(
        "LB", 5, since="2024-10-01", until="2026-12-31", mode="lenient"
    ),
}
"""A real result of every public result type (those of tests/test_provenance.py and the
career timeline)."""

TABULAR = {"AnnualIncome", "BackPay", "BudgetStatement", "CareerTimeline"}

INSIDE: dict[str, Callable[[], object]] = {
    "MonthIncome": lambda: caopo.annual_income(_EMPLOYMENT, year=2025).months[0],
    "Line": lambda: caopo.annual_income(_EMPLOYMENT, year=2025).months[0].lines[0],
    "BackPayMonth": lambda: SAMPLES["BackPay"]().months[0],  # type: ignore[attr-defined]
    "YearStatement": lambda: SAMPLES["BudgetStatement"]().rows[0],  # type: ignore[attr-defined]
    "ProjectedSalary": lambda: caopo.projected_salary("D12", 12, on="2026-01-01"),
}
"""Result types that are parts of a result, or returned by a public function without being
exported themselves: their repr is short too."""


def test_every_public_result_type_displays() -> None:
    public = {
        name
        for name in caopo.__all__
        if isinstance(getattr(caopo, name), type) and dataclasses.is_dataclass(getattr(caopo, name))
    }
    assert public - VALUES == set(SAMPLES)
    assert set(RESULTS) == public - VALUES | {"CareerTimeline"}
    for name in RESULTS:
        assert issubclass(getattr(caopo, name), Tabular if name in TABULAR else Display), name


@pytest.mark.parametrize("name", sorted(RESULTS | INSIDE))
def test_the_repr_is_short_and_names_the_type(name: str) -> None:
    result = (RESULTS | INSIDE)[name]()
    text = repr(result)
    assert type(result).__name__ == name
    assert text.startswith(f"{name}(") and text.endswith(")")
    assert len(text) <= MAX_REPR
    assert "\n" not in text


class _Tags(HTMLParser):
    """Checks that every opened tag is closed in order; counts rows and cells."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.count: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.open.append(tag)
        self.count[tag] = self.count.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"


def _parsed(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    assert parser.open == []
    return parser


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_the_html_is_a_well_formed_table(name: str) -> None:
    result = RESULTS[name]()
    markup = result._repr_html_()  # type: ignore[attr-defined]
    assert markup.startswith("<table><caption>") and markup.endswith("</table>")
    tags = _parsed(markup)
    assert set(tags.count) <= {"table", "caption", "thead", "tbody", "tr", "th", "td"}
    assert f"<caption>{name}</caption>" in markup
    assert "<th>sources</th>" in markup


def test_the_html_escapes_text() -> None:
    @dataclasses.dataclass(frozen=True)
    class Note(Display):
        text: str

    markup = Note("<b>&</b>")._repr_html_()
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in markup
    _parsed(markup)


def test_a_year_of_pay_as_a_frame_is_its_lines() -> None:
    year = caopo.annual_income(_EMPLOYMENT, year=2025)
    frame = year.to_frame()
    lines = [(m, line) for m in year.months for line in m.lines]
    assert list(frame.columns) == [
        "month", "scale", "step", "fte", "component", "amount", "status", "missing", "basis",
    ]  # fmt: skip
    assert len(frame) == len(lines)
    for row, (month, line) in zip(frame.itertuples(index=False), lines, strict=True):
        assert (row.month, row.step, row.component) == (month.month, month.step, line.component)
        assert type(row.amount) is Decimal and row.amount == line.amount
        assert row.status == line.status
    assert sum(frame["amount"], Decimal(0)) == year.total
    # the cells show in the HTML table under the fields
    assert year._repr_html_().count("<tr>") >= len(lines)


def test_a_budget_statement_as_a_frame_is_its_years() -> None:
    statement = caopo.budget_statement(
        "director", first_year=2020, last_year=2022, saving_agreed=True
    )
    frame = statement.to_frame()
    assert list(frame["year"]) == [row.year for row in statement.rows]
    assert list(frame["granted"]) == [row.granted for row in statement.rows]
    assert list(frame["closing_balance"]) == [row.closing_balance for row in statement.rows]
    assert all(type(v) is Decimal for v in frame["closing_balance"])
    assert "grant" not in frame.columns and "spending" not in frame.columns


def test_a_career_timeline_as_a_frame_is_its_rows_and_still_a_tuple() -> None:
    timeline = caopo.career_timeline(
        "LB", 5, since="2024-10-01", until="2026-12-31", mode="lenient"
    )
    assert isinstance(timeline, tuple) and timeline == tuple(timeline)
    frame = timeline.to_frame()
    assert list(frame["on"]) == [row.on for row in timeline]
    assert list(frame["amount"]) == [row.amount for row in timeline]
    assert "sources" not in frame.columns
    assert timeline.status == weakest(row.status for row in timeline)


def test_back_pay_as_a_frame_is_paid_owed_and_difference() -> None:
    result = caopo.back_pay(
        caopo.Employment("L11", 15, start=date(2021, 1, 1)),
        paid_as_known_on="2021-06-30",
        owed_as_known_on="2021-12-31",
        months=["2021-01", "2021-02"],
    )
    frame = result.to_frame()
    assert list(frame.columns) == [
        "month", "step", "component", "paid", "owed", "difference", "status",
    ]  # fmt: skip
    assert all(frame["owed"] - frame["paid"] == frame["difference"])
    assert sum(frame["difference"], Decimal(0)) == result.total
    # the 2021 raise: EUR 4.434 paid, EUR 4.534 owed (docs/income.md)
    salary = frame[frame["component"] == "salaris"]
    assert list(salary["difference"]) == [Decimal("100.00"), Decimal("100.00")]


@settings(max_examples=15, deadline=None)
@given(
    step=st.integers(min_value=1, max_value=12),
    fte=st.decimals(min_value="0.1", max_value="1", places=4),
    start=st.dates(min_value=date(2024, 10, 1), max_value=date(2025, 12, 1)),
)
def test_any_year_of_pay_has_a_short_repr(step: int, fte: Decimal, start: date) -> None:
    # strict=False: at the top step in October 2025 the successor of the bindingstoelage has
    # no amount in the sources (a missing line; docs/data.md)
    employment = caopo.Employment("LB", step, start, fte=fte)
    year = caopo.annual_income(employment, year=2025, strict=False)
    assert len(repr(year)) <= MAX_REPR
    assert len(repr(year.months[-1])) <= MAX_REPR
    assert len(year.to_frame()) == sum(len(m.lines) for m in year.months)
