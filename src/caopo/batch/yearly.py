"""A calendar year of pay for every row of a frame, exactly :func:`caopo.annual_income`.

Each distinct row (scale, step, start, werktijdfactor and the optional end, category and
commute) is priced once through :func:`caopo.annual_income`; rows that repeat reuse it.
Strict (the default), a line that cannot be computed is a row error; lenient, the row is
priced with that line missing and a ``missing`` column says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from caopo.batch.factors import Factor, column_factor, column_or_value
from caopo.batch.frames import Frame
from caopo.batch.gather import combine, constant, filled, rows_where, take
from caopo.batch.rows import check_errors, raise_row, row_message
from caopo.batch.values import (
    optional,
    to_frame_category,
    to_frame_date,
    to_frame_days_per_week,
    to_frame_fte,
    to_frame_km,
    to_frame_scale,
    to_frame_step,
)
from caopo.errors import CaopoError
from caopo.inputs import to_category, to_date, to_days_per_week, to_flag, to_fte, to_km, to_year
from caopo.pay.employment import Employment
from caopo.pay.income import annual_income

__all__ = ["annual_incomes"]

_FIELDS = ("scale", "step", "start", "fte", "end", "category", "commute_km", "travel_days")


@dataclass(frozen=True, slots=True)
class _Year:
    """One distinct row's year: totals by component, total and status, or why not."""

    totals: dict[str, Decimal]
    total: Decimal | None
    status: str
    problems: tuple[CaopoError, ...]
    missing: str = ""
    """Lenient mode: what is missing from the year (``AnnualIncome.gaps``)."""


def _optional(frame: Frame, given: object, role: str, parse: Any, value: Any, ex: str) -> Factor:
    if given is None:
        return Factor(constant(frame.length), [None])
    return column_or_value(frame, given, role=role, parse=optional(parse), value=value, example=ex)


def _factors(frame: Frame, given: dict[str, Any]) -> list[Factor]:
    return [
        column_factor(frame, given["scale"], role="scale", parse=to_frame_scale),
        column_factor(frame, given["step"], role="step", parse=to_frame_step),
        column_or_value(
            frame,
            given["start"],
            role="start",
            parse=to_frame_date,
            value=to_date,
            example="'2025-01-01'",
        ),
        column_or_value(
            frame, given["fte"], role="fte", parse=to_frame_fte, value=to_fte, example="1"
        ),
        _optional(frame, given["end"], "end", to_frame_date, to_date, "'2025-07-31'"),
        _optional(frame, given["category"], "category", to_frame_category, to_category, "'oop'"),
        _optional(frame, given["commute_km"], "commute_km", to_frame_km, to_km, "12"),
        _optional(
            frame,
            given["travel_days"],
            "travel_days_per_week",
            to_frame_days_per_week,
            to_days_per_week,
            "4",
        ),
    ]


def _year(values: dict[str, Any], year: int, flags: tuple[bool, bool, bool]) -> _Year:
    step_increase, projection, strict = flags
    problems = tuple(v for v in values.values() if isinstance(v, CaopoError))
    if problems:
        return _Year({}, None, "", problems)
    try:
        employment = Employment(
            values["scale"],
            values["step"],
            values["start"],
            fte=values["fte"],
            end=values["end"],
            category=values["category"],
            step_increase=step_increase,
            commute_km=values["commute_km"],
            travel_days_per_week=values["travel_days"],
        )
        income = annual_income(employment, year=year, strict=strict, projection=projection)
    except CaopoError as exc:
        return _Year({}, None, "", (exc,))
    return _Year(dict(income.totals), income.total, income.status, (), "; ".join(income.gaps))


def annual_incomes(
    data: Any,
    *,
    year: int,
    scale: str = "scale",
    step: str = "step",
    start: str | date = "start",
    fte: str | Decimal | int = "fte",
    end: str | date | None = None,
    category: str | None = None,
    commute_km: str | Decimal | int | None = None,
    travel_days_per_week: str | Decimal | int | None = None,
    step_increase: bool = True,
    projection: bool = False,
    strict: bool = True,
    errors: str = "report",
) -> Any:
    """The input with a column per pay component (the year's total of each, as in
    :attr:`caopo.AnnualIncome.totals`; 0.00 where a row has none of it), ``total``,
    ``status`` (the weakest of the year) and ``error`` (empty where the row priced).

    *scale* and *step* name columns (the step held on the start date); *start* and *fte*
    name a column or give one value for every row (there is no default werktijdfactor:
    say ``fte=1`` for full time). *end*, *category*, *commute_km* and
    *travel_days_per_week* are not read unless named (a column, where an empty cell means
    "none", or one value); *step_increase*, *projection* and *strict* are as in
    :func:`caopo.annual_income`, which prices every distinct row. With ``strict=False`` a
    row whose year misses a line (no table, a cell no source printed) is priced without it,
    ``provisional``, and a ``missing`` column (after ``status``) says what is missing.

    >>> out = annual_incomes({"scale": ["LB"], "step": [5], "start": ["2025-01-01"]}, year=2025, fte="0.8")
    >>> out["salaris"], out["total"], out["error"]
    ([Decimal('37959.20')], [Decimal('44157.91')], [''])
    """
    policy = check_errors(errors)
    calendar_year = to_year(year)
    flags = (
        to_flag(step_increase, name="step_increase"),
        to_flag(projection, name="projection"),
        to_flag(strict, name="strict"),
    )
    frame = Frame.of(data)
    given = dict(
        zip(
            _FIELDS,
            (scale, step, start, fte, end, category, commute_km, travel_days_per_week),
            strict=True,
        )
    )
    codes, years = _years(frame, given, calendar_year, flags)
    messages: dict[int, str] = {}
    for row in rows_where([y.total is None for y in years], codes):
        problems = years[codes[row]].problems
        if policy == "raise":
            raise_row(row + 1, problems)
        messages[row] = row_message(row + 1, problems)
    return frame.with_columns(_columns(years, codes, messages, lenient=not flags[2]))


def _years(
    frame: Frame, given: dict[str, Any], year: int, flags: tuple[bool, bool, bool]
) -> tuple[Any, list[_Year]]:
    """Codes per row, and the year of each distinct row."""
    factors = _factors(frame, given)
    codes, combos = combine([(f.codes, f.size) for f in factors], frame.length)
    years = [
        _year(
            {field: f.parsed[c] for field, f, c in zip(_FIELDS, factors, combo, strict=True)},
            year,
            flags,
        )
        for combo in combos
    ]
    return codes, years


def _columns(
    years: list[_Year], codes: Any, messages: dict[int, str], *, lenient: bool
) -> dict[str, Any]:
    names = list(dict.fromkeys(name for y in years for name in y.totals))
    none = Decimal("0.00")
    columns: dict[str, Any] = {}
    for name in [*names, "total"]:
        per_year = [
            None if y.total is None else y.total if name == "total" else y.totals.get(name, none)
            for y in years
        ]
        columns[name] = (take(per_year, codes), "decimal")
    columns["status"] = (take([y.status for y in years], codes), "text")
    if lenient:
        columns["missing"] = (take([y.missing for y in years], codes), "text")
    errors = filled(len(codes), "", codes)
    for row, message in messages.items():
        errors[row] = message
    columns["error"] = (errors, "text")
    return columns
