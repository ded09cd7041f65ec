"""``jubileumuitkering``: the jubilee payment at 25, 40 and 50 years of service.

The share of a month's salary at each number of years, and whether the vakantie-uitkering
is added, are data (``data/allowances/jubileumuitkering_*``; Akorda: 25 years 50 %, 40 and
50 years 100 % of the month's gross salary plus 8 % vakantie-uitkering). The base is the
salary of the month the jubilee falls in (scale amount x werktijdfactor), and it is paid in
that month. Years of service count from ``Employment(in_service_from=)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import catalog
from caopo.dates import add_years
from caopo.display import Display
from caopo.errors import CaopoError, InvalidInputError
from caopo.inputs import scale_text, to_date, to_fte, to_step, to_years
from caopo.money import Number, round_cents
from caopo.pay.components.base import (
    Entry,
    Gap,
    PayContext,
    Payslips,
    Posting,
    rule_lookup,
    rule_reference,
)
from caopo.pay.components.holiday import holiday_rule
from caopo.pay.components.salary import Cell, salary_cell
from caopo.pay.employment import step_on
from caopo.pay.lines import Line, Reference
from caopo.pay.projection import table_reference
from caopo.provenance import Status, weakest
from caopo.salary_scales.salary import salary_detail
from caopo.schema.allowances import JubileeRule, JubileeShare
from caopo.schema.base import Source

__all__ = ["NAME", "TABLE", "Jubileum", "jubilee", "jubilee_rule", "jubileum"]

NAME = "jubileumuitkering"
TABLE = "jubileumuitkering"
MAX_YEARS = 75
"""Input guard, not a CAO number: the most years of service accepted."""


def jubilee_rule(on: date | str, *, as_known_on: date | str | None = None) -> JubileeRule:
    """The jubileumuitkering version in force on *on*."""
    return rule_lookup(JubileeRule, TABLE, on, as_known_on)


@dataclass(frozen=True, slots=True)
class Jubileum(Display):
    """A jubileumuitkering: the amount, the rule it follows and where that was read."""

    amount: Decimal
    """Rounded once to cents."""
    years: int
    percentage: Decimal
    """The share of the month's salary (50 or 100)."""
    monthly_salary: Decimal
    """The month's salary it is a share of: scale amount x werktijdfactor."""
    holiday_percentage: Decimal | None
    """The vakantie-uitkering added to the salary first (8), or ``None``."""
    on: date
    rule: str
    status: Status
    """The weakest of the jubilee rule, the salary table and the vakantie-uitkering rule."""
    sources: tuple[Source, ...]
    rests_on: tuple[Reference, ...]


def _share(rule: JubileeRule, years: int) -> JubileeShare:
    for share in rule.shares:
        if share.years == years:
            return share
    known = ", ".join(str(s.years) for s in rule.shares)
    raise InvalidInputError(
        f"there is no jubileumuitkering at {years} years of service; years that have one: {known}"
    )


def _compute(rule: JubileeRule, years: int, cell: Cell, fte: Decimal, day: date) -> Jubileum:
    share = _share(rule, years)
    month = cell.amount * fte
    refs = [rule_reference(rule), *cell.rests_on]
    sources = [*rule.sources, *cell.sources]
    holiday: Decimal | None = None
    factor = Decimal(1)
    if rule.with_holiday_allowance:
        holiday_version = holiday_rule(day)
        holiday = holiday_version.percentage
        factor += holiday / 100
        refs.append(rule_reference(holiday_version))
        sources.extend(holiday_version.sources)
    text = (
        f"{share.percentage} % of the month's salary EUR {round_cents(month)} (scale amount "
        f"{cell.amount} x werktijdfactor {fte})"
        + (f" plus {holiday} % vakantie-uitkering" if holiday is not None else "")
        + f" at {years} years of service ({TABLE} {rule.effective_from})"
    )
    return Jubileum(
        amount=round_cents(month * factor * share.percentage / 100),
        years=years,
        percentage=share.percentage,
        monthly_salary=round_cents(month),
        holiday_percentage=holiday,
        on=day,
        rule=text,
        status=weakest(ref.status for ref in refs),
        sources=tuple(dict.fromkeys(sources)),
        rests_on=tuple(dict.fromkeys(refs)),
    )


def jubileum(
    scale: object, step: object, *, on: date | str, years: object, fte: Number = 1
) -> Jubileum:
    """The jubileumuitkering of someone in *scale* trede *step* whose jubilee of *years*
    years of service falls on *on*: 50 % (25 years) or 100 % (40, 50 years) of the month's
    salary plus 8 % vakantie-uitkering (Akorda; the shares are data).

    >>> j = jubileum("LB", 12, on="2025-03-01", years=25, fte="0.8")
    >>> j.amount, j.percentage, j.status
    (Decimal('2279.66'), Decimal('50'), 'published')
    """
    day, wtf = to_date(on), to_fte(fte)
    count = to_years(years, name="years", minimum=1, maximum=MAX_YEARS)
    rule = jubilee_rule(day)
    _share(rule, count)
    detail = salary_detail(scale_text(scale), to_step(step), on=day)
    cell = Cell(detail.full_time_amount, (table_reference(detail),), detail.basis, detail.sources)
    return _compute(rule, count, cell, wtf, day)


def jubilee(context: PayContext, earlier: Payslips) -> tuple[Entry, ...]:
    """A line in the month of every jubilee of the year that falls in service."""
    employment = context.employment
    entries: list[Entry] = []
    months = {m.month for m in context.plan.months}
    versions = catalog().series(TABLE, JubileeRule).versions
    for years in sorted({share.years for version in versions for share in version.shares}):
        day = add_years(employment.in_service_from, years)
        if day.year != context.year or not employment.employed_on(day):
            continue
        try:
            rule = jubilee_rule(day, as_known_on=context.as_known_on)
        except CaopoError:
            continue
        if all(share.years != years for share in rule.shares):
            continue
        month = day.replace(day=1)
        if month not in months:
            continue
        try:
            cell = salary_cell(employment.scale, step_on(employment, day), day, context)
            found = _compute(rule, years, cell, employment.fte, day)
        except CaopoError as exc:
            entries.append(Gap(month, NAME, exc))
            continue
        line = Line.of(NAME, found.amount, found.rests_on, found.rule, found.sources)
        entries.append(Posting(month, line))
    return tuple(entries)
