"""Monthly salaries for every row of a frame, exactly the cents of :func:`caopo.salary`.

Vectorised: the scale, step and date columns are factorised, each distinct
(scale, step, date) is priced once through the scalar path
(:func:`caopo.salary_scales.salary.salary_detail` at werktijdfactor 1), each distinct
werktijdfactor is read once by :func:`caopo.inputs.to_fte`, and the rows are gathered in
integer cents (:func:`caopo.batch.gather.cents`, the same half-up rounding as
:func:`caopo.money.round_cents`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from caopo.batch.factors import Factor, column_factor, column_or_value
from caopo.batch.frames import Frame
from caopo.batch.gather import Codes, cents, combine, factorise, filled, rows_where, take
from caopo.batch.rows import check_errors, raise_row, row_message
from caopo.batch.values import to_frame_date, to_frame_fte, to_frame_scale, to_frame_step
from caopo.errors import CaopoError
from caopo.inputs import to_date, to_fte
from caopo.salary_scales.salary import salary_detail

__all__ = ["salaries"]


@dataclass(frozen=True, slots=True)
class _Cell:
    """A distinct (scale, step, date): its full-time amount and status, or why not."""

    amount: Decimal | None
    status: str
    problems: tuple[CaopoError, ...]


def _cell(scale: Any, step: Any, day: Any) -> _Cell:
    problems = tuple(v for v in (scale, step, day) if isinstance(v, CaopoError))
    if problems:
        return _Cell(None, "", problems)
    try:
        detail = salary_detail(scale, step, on=day)
    except CaopoError as exc:
        return _Cell(None, "", (exc,))
    return _Cell(detail.full_time_amount, detail.status, ())


def salaries(
    data: Any,
    *,
    scale: str = "scale",
    step: str = "step",
    on: str | date = "on",
    fte: str | Decimal | int = "fte",
    errors: str = "report",
) -> Any:
    """The input with three columns added: ``salary`` (the monthly gross at the
    werktijdfactor, an exact :class:`~decimal.Decimal`, empty where the row failed),
    ``status`` (the table's: published, derived or provisional) and ``error`` (empty
    where the row priced; else ``"row N: reason"``).

    *data* is a pandas or polars DataFrame or a mapping of column name to values (the
    result is then a ``dict`` of lists). *scale* and *step* name columns; *on* and *fte*
    name a column or give one value for every row. There is no default werktijdfactor:
    without an ``fte`` column say ``fte=1`` for full time. Column values are read by the
    scalar parsers under the float policy of :mod:`caopo.batch.values`. With
    ``errors="raise"`` the first bad row raises, naming the row.

    >>> out = salaries({"scale": ["LB", "LB"], "step": [5, 13], "on": ["2024-11-01"] * 2}, fte="0.8")
    >>> out["salary"], out["status"]
    ([Decimal('3094.40'), None], ['published', ''])
    >>> out["error"][1]
    "row 2: scale 'LB' has no step 13 on 2024-11-01; its steps are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"
    """
    policy = check_errors(errors)
    frame = Frame.of(data)
    scales = column_factor(frame, scale, role="scale", parse=to_frame_scale)
    steps = column_factor(frame, step, role="step", parse=to_frame_step)
    days = column_or_value(
        frame, on, role="on", parse=to_frame_date, value=to_date, example="'2025-01-01'"
    )
    ftes = column_or_value(frame, fte, role="fte", parse=to_frame_fte, value=to_fte, example="1")
    codes, combos = combine(
        [(scales.codes, scales.size), (steps.codes, steps.size), (days.codes, days.size)],
        frame.length,
    )
    priced = [_cell(scales.parsed[s], steps.parsed[t], days.parsed[d]) for s, t, d in combos]
    bad = _bad_rows(priced, codes, ftes)
    messages: dict[int, str] = {}
    for row in bad:
        problems = [*priced[codes[row]].problems, *_errors(ftes.parsed[ftes.codes[row]])]
        if policy == "raise":
            raise_row(row + 1, problems)
        messages[row] = row_message(row + 1, problems)
    return frame.with_columns(_columns(priced, codes, ftes, messages, frame.length))


def _errors(value: object) -> tuple[CaopoError, ...]:
    return (value,) if isinstance(value, CaopoError) else ()


def _bad_rows(priced: list[_Cell], codes: Codes, ftes: Factor) -> list[int]:
    """The rows (from 0) whose cell or werktijdfactor failed, in order."""
    cells = rows_where([c.amount is None for c in priced], codes)
    factors = rows_where([isinstance(v, CaopoError) for v in ftes.parsed], ftes.codes)
    return sorted({*cells, *factors})


def _columns(
    priced: list[_Cell], codes: Codes, ftes: Factor, messages: dict[int, str], length: int
) -> dict[str, tuple[Any, str]]:
    factors = [None if isinstance(v, CaopoError) else v for v in ftes.parsed]
    row_cents = cents([c.amount for c in priced], codes, factors, ftes.codes)
    amount_codes, distinct = factorise(row_cents)
    amounts = take([Decimal(int(c)).scaleb(-2) for c in distinct], amount_codes)
    statuses = take([c.status for c in priced], codes)
    errors = filled(length, "", codes)
    for row, message in messages.items():
        amounts[row], statuses[row], errors[row] = None, "", message
    return {"salary": (amounts, "decimal"), "status": (statuses, "text"), "error": (errors, "text")}
