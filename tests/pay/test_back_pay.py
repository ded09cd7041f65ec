"""back_pay: the retroactive 2021 raise, and zero when nothing changed retroactively."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.errors import InvalidInputError
from caopo.pay.back_pay import back_pay
from caopo.pay.components import COMPONENTS
from caopo.pay.employment import Employment

L11_TOP = Employment("L11", 15, start=date(2021, 1, 1))


def test_2021_raise_for_l11_top_step_is_100_a_month() -> None:
    # L11 trede 15: EUR 4.434 for 2020-01-01 (nu.nl / AOb, PO-Raad 'max-bedrag') and EUR 4.534
    # for 2021-01-01 (Onderwijsloket); the +2,25 % was agreed in October 2021 (NHN-2021,
    # FLEX-2021) with effect from 1 January 2021.
    result = back_pay(
        L11_TOP,
        paid_as_known_on="2021-09-30",
        owed_as_known_on="2021-12-31",
        months=[f"2021-{m:02d}" for m in range(1, 13)],
    )
    assert [m.paid[0].amount for m in result.months] == [Decimal("4434.00")] * 12
    assert [m.owed[0].amount for m in result.months] == [Decimal("4534.00")] * 12
    assert [m.difference["salaris"] for m in result.months] == [Decimal("100.00")] * 12
    assert result.totals["salaris"] == Decimal("1200.00")
    # holiday allowance 8 % of the difference; year-end 6,5 % of 4534 - 6,3 % of 4434
    assert result.months[0].difference["vakantie_uitkering"] == Decimal("8.00")
    assert result.months[0].difference["eindejaarsuitkering"] == Decimal("294.71") - Decimal(
        "279.34"
    )


def test_back_pay_part_time_and_month_formats() -> None:
    result = back_pay(
        Employment("L11", 15, start=date(2021, 1, 1), fte=Decimal("0.5")),
        paid_as_known_on=date(2021, 6, 30),
        owed_as_known_on=date(2022, 1, 1),
        months=[date(2021, 3, 17), "2021-04"],
    )
    assert [m.month for m in result.months] == [date(2021, 3, 1), date(2021, 4, 1)]
    assert [m.difference["salaris"] for m in result.months] == [Decimal("50.00")] * 2


def test_back_pay_input_errors() -> None:
    with pytest.raises(InvalidInputError, match="must not be before"):
        back_pay(
            L11_TOP,
            paid_as_known_on="2022-01-01",
            owed_as_known_on="2021-01-01",
            months=["2021-01"],
        )
    with pytest.raises(InvalidInputError, match="outside the employment"):
        back_pay(
            L11_TOP,
            paid_as_known_on="2021-01-01",
            owed_as_known_on="2022-01-01",
            months=["2020-12"],
        )


@settings(max_examples=25, deadline=None)
@given(
    step=st.integers(min_value=1, max_value=11),
    month=st.integers(min_value=1, max_value=10),
    paid=st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 10, 31)),
    delay=st.integers(min_value=0, max_value=200),
)
def test_back_pay_is_zero_when_nothing_changed_retroactively(
    step: int, month: int, paid: date, delay: int
) -> None:
    # the 2024-10-01 table was known before it took effect (onderhandelaarsakkoord 2024-09-30),
    # so any payroll run in 2025 paid the months up to October 2025 right
    owed = date.fromordinal(paid.toordinal() + delay)
    result = back_pay(
        Employment("LB", step, start=date(2025, 1, 1)),
        paid_as_known_on=paid,
        owed_as_known_on=owed,
        months=[date(2025, month, 1)],
    )
    assert result.total == 0
    assert all(v == 0 for v in result.months[0].difference.values())


@pytest.mark.parametrize("employment", [None, "L11", 15])
def test_back_pay_refuses_what_is_not_an_employment(employment: object) -> None:
    with pytest.raises(InvalidInputError, match="employment must be an Employment"):
        back_pay(
            employment,  # type: ignore[arg-type]
            paid_as_known_on="2021-06-30",
            owed_as_known_on="2021-12-31",
            months=["2021-01"],
        )


@pytest.mark.parametrize("months", ["2021-03-01", "2021-03", date(2021, 3, 1), 202103, None])
def test_back_pay_months_must_be_a_list(months: object) -> None:
    # a string is not iterated character by character
    with pytest.raises(InvalidInputError, match="months must be a list of months"):
        back_pay(
            L11_TOP,
            paid_as_known_on="2021-06-30",
            owed_as_known_on="2021-12-31",
            months=months,  # type: ignore[arg-type]
        )


def test_back_pay_months_are_parsed_by_to_month() -> None:
    result = back_pay(
        L11_TOP,
        paid_as_known_on="2021-06-30",
        owed_as_known_on="2021-12-31",
        months=("2021-03-01", "2021-03", "2021-03-17", date(2021, 3, 31)),
    )
    assert [m.month for m in result.months] == [date(2021, 3, 1)]
    with pytest.raises(InvalidInputError, match="month must be a month like '2025-03'"):
        back_pay(
            L11_TOP,
            paid_as_known_on="2021-06-30",
            owed_as_known_on="2021-12-31",
            months=["March 2021"],
        )


def test_back_pay_recomputes_every_component_that_accrues() -> None:
    # the registry says which components follow the salary tables month by month
    accruing = [c.name for c in COMPONENTS if c.accrue is not None]
    result = back_pay(
        L11_TOP,
        paid_as_known_on="2021-06-30",
        owed_as_known_on="2021-12-31",
        months=["2021-01"],
    )
    month = result.months[0]
    assert [ln.component for ln in month.paid] == [ln.component for ln in month.owed] == accruing
    assert list(month.difference) == list(result.totals) == accruing
    assert accruing == ["salaris", "vakantie_uitkering", "eindejaarsuitkering"]


def test_cli_back_pay_months(capsys: pytest.CaptureFixture[str]) -> None:
    from caopo.cli import main

    args = ["--paid-as-known-on", "2021-09-30", "--owed-as-known-on", "2021-12-31", "--json"]
    assert main(["back-pay", "L11", "15", "--from", "2021-01-01", "--to", "2021-02", *args]) == 0
    assert len(json.loads(capsys.readouterr().out)["result"]["months"]) == 2
    # argparse refuses it before the API runs; under --json the error is JSON on stdout
    assert main(["back-pay", "L11", "15", "--from", "2021-13", "--to", "2021-02", *args]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["type"] == "UsageError"
    assert "month '2021-13' is not a month of the year" in error["message"]
