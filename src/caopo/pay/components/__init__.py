"""The pay components, one small unit each, and the one registry that lists them.

Each entry of :data:`COMPONENTS` is a :class:`~caopo.pay.components.base.Component`: the
name of its lines, its ``post`` function ``(PayContext, Payslips) -> tuple[Posting | Gap,
...]`` and, for a component that follows the salary tables month by month, its ``accrue``
function (:mod:`caopo.pay.components.base`). :func:`caopo.pay.income.annual_income` runs
every ``post`` in this order; a component may read the lines of those before it (the
holiday allowance reads the salary). :func:`caopo.pay.back_pay.back_pay` runs every
``accrue``. Adding a component is one data file, one schema, one module here and one line
below; neither annual_income nor back pay changes.
"""

from __future__ import annotations

from caopo.pay.components.base import Component
from caopo.pay.components.commuting import NAME as COMMUTING
from caopo.pay.components.commuting import commuting
from caopo.pay.components.end_of_year import NAME as END_OF_YEAR
from caopo.pay.components.end_of_year import accrue as end_of_year_accrue
from caopo.pay.components.end_of_year import end_of_year_payment
from caopo.pay.components.holiday import NAME as HOLIDAY
from caopo.pay.components.holiday import accrue as holiday_accrue
from caopo.pay.components.holiday import holiday_allowance
from caopo.pay.components.jubilee import NAME as JUBILEE
from caopo.pay.components.jubilee import jubilee
from caopo.pay.components.one_off import PREFIX as ONE_OFF
from caopo.pay.components.one_off import one_off
from caopo.pay.components.oop_yearly import NAME as OOP_YEARLY
from caopo.pay.components.oop_yearly import oop_yearly_payment
from caopo.pay.components.salary import NAME as SALARY
from caopo.pay.components.salary import accrue as salary_accrue
from caopo.pay.components.salary import salary
from caopo.pay.components.yearly_allowances import BINDING, OCTOBER, bindingstoelage, oktobertoelage

__all__ = ["COMPONENTS"]

COMPONENTS: tuple[Component, ...] = (
    Component(SALARY, salary, accrue=salary_accrue),
    Component(HOLIDAY, holiday_allowance, accrue=holiday_accrue),
    Component(END_OF_YEAR, end_of_year_payment, accrue=end_of_year_accrue),
    Component(OOP_YEARLY, oop_yearly_payment),
    Component(BINDING, bindingstoelage),
    Component(OCTOBER, oktobertoelage),
    Component(JUBILEE, jubilee),
    Component(ONE_OFF + "<id>", one_off),
    Component(COMMUTING, commuting),
)
"""Every pay component, in the order they run (and their lines appear in a month)."""
