"""Batches for notebooks and payroll runs: a whole staff list at once, every row reported.

:func:`salaries` prices monthly salaries and :func:`annual_incomes` a calendar year of pay
for every row of a pandas or polars DataFrame (or a mapping of columns). Each returns the
input with new columns: the amount(s), ``status`` and ``error`` (empty where the row
priced). The cents are exactly those of :func:`caopo.salary` and
:func:`caopo.annual_income`; docs/batch.md has the float policy and the error reporting.

``import caopo`` imports neither pandas nor numpy: they are optional extras
(``caopo[pandas]``, ``caopo[polars]``), imported only when a batch runs.
"""

from __future__ import annotations

from caopo.batch.pricing import salaries
from caopo.batch.yearly import annual_incomes

__all__ = ["annual_incomes", "salaries"]
