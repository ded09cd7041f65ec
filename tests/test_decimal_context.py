"""The caller's decimal context changes no cent and no remembered answer.

caopo computes under its own context (``caopo.money.CONTEXT``, Python's default precision);
a notebook that set ``decimal.getcontext().prec = 6`` for display must still get the
published amounts. LB trede 5 on 2024-11-01 is EUR 3.868 (ambtenarensalaris.nl, the
teachers' table of 2024-10-01), so at werktijdfactor 0.8 it is EUR 3.094,40.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

import caopo
from caopo.errors import shown


def test_a_low_precision_context_changes_no_salary() -> None:
    caopo.reset_tables()
    with decimal.localcontext(prec=4):
        detail = caopo.salary_detail("LB", 5, on="2024-11-01", fte="0.8")
        plain = caopo.salary("LB", 5, on="2024-11-01", fte="0.8")
    assert detail.amount == plain == Decimal("3094.40")


def test_a_remembered_answer_does_not_carry_the_first_callers_context() -> None:
    def guarantee() -> Decimal:
        return caopo.garantietoelage(
            old_scale="DB", old_step=15, new_scale="D12", new_salary="5000", on="2022-07-01"
        )

    caopo.reset_tables()
    with decimal.localcontext(prec=6):
        first = guarantee()
    caopo.reset_tables()
    assert first == guarantee()


def test_a_hostile_repr_is_named_not_raised() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert shown(Hostile()) == "<Hostile that cannot be shown>"
