"""back_pay: the retroactive 2021 raise, and zero when nothing changed retroactively."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caopo.errors import InvalidInputError
from caopo.pay.back_pay import back_pay
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
