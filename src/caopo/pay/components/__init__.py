"""The pay components, one small unit each, and the one registry that lists them.

Each component is a function ``(PayContext, Payslips) -> tuple[Posting | Gap, ...]``
(:mod:`caopo.pay.components.base`). :func:`caopo.pay.income.annual_income` runs them in
the order of :data:`COMPONENTS`; a component may read the lines of those before it (the
holiday allowance reads the salary). Adding a component is one data file, one schema, one
module here and one line below.
"""

from __future__ import annotations

from caopo.pay.components.base import Component
from caopo.pay.components.commuting import commuting
from caopo.pay.components.end_of_year import end_of_year_payment
from caopo.pay.components.holiday import holiday_allowance
from caopo.pay.components.one_off import one_off
from caopo.pay.components.oop_yearly import oop_yearly_payment
from caopo.pay.components.salary import salary

__all__ = ["COMPONENTS"]

COMPONENTS: tuple[Component, ...] = (
    salary,
    holiday_allowance,
    end_of_year_payment,
    oop_yearly_payment,
    one_off,
    commuting,
)
"""Every pay component, in the order they run (and their lines appear in a month)."""
