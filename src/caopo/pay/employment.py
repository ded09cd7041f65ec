"""One appointment (aanstelling) and the step (trede) it holds on each day.

The step goes up by the one periodiek of :mod:`caopo.salary_scales.periodiek` (date,
minimum days and maximum step are data); this module only walks the periodiek dates of an
employment. Where the periodiek would pass a number of treden that is not published, the
step is unknown: :func:`step_on` raises, :func:`step_history` says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from caopo.errors import (
    CaopoError,
    InvalidInputError,
    NotPublishedError,
    UnknownScaleError,
    shown,
)
from caopo.inputs import (
    Category,
    to_category,
    to_date,
    to_days_per_week,
    to_flag,
    to_fte,
    to_km,
    to_step,
)
from caopo.money import Number
from caopo.salary_scales.codes import scale_code
from caopo.salary_scales.periodiek import (
    check_days_worked,
    check_min_days,
    periodiek,
    periodiek_dates,
)

__all__ = [
    "Employment",
    "StepChange",
    "step_history",
    "step_on",
    "to_employment",
]


@dataclass(frozen=True, slots=True, init=False)
class Employment:
    """One appointment: scale (schaal), the step (trede) held on *start*, werktijdfactor,
    first day and optional last day (inclusive), category and the periodiek condition.

    ``scale`` is parsed by :func:`caopo.scale_code`: a code that is in none of the data's
    editions raises :class:`~caopo.errors.UnknownScaleError` naming the known codes.
    ``step_increase`` (the periodiek) and ``replacement`` are ``True`` or ``False``;
    ``days_worked`` and ``min_days`` are the periodiek condition's, as in
    :func:`caopo.career_timeline`.

    ``category`` takes every spelling of :class:`caopo.Category` (teacher/leraar,
    director/directeur, adjunct/adjunct-directeur, support_staff/oop, ...); without it
    the scale code says it (``L..`` teacher, ``A..`` adjunct, ``D..`` director, a number
    support staff): give it for a school leader in a numeric scale. ``in_service_from`` is
    the first day of service where it is before *start* (diensttijd, CAO PO bijlage VI:
    the jubileumuitkering and the periodiek condition count from it). **It defaults to
    start**: a long-serving employee modelled from the current contract gets no
    jubileumuitkering unless it is given (:func:`caopo.annual_income` says so in its
    ``notes``). ``commute_km`` (one way) and ``travel_days_per_week`` add the
    woon-werkverkeer allowance; ``replacement`` uses the cap for replacement staff.

    >>> e = Employment("lb", 5, start=date(2025, 1, 1), fte=Decimal("0.8"))
    >>> e.scale, e.category
    ('LB', <Category.TEACHER: 'teacher'>)
    """

    scale: str
    step: int
    start: date
    fte: Decimal
    end: date | None
    category: Category
    step_increase: bool
    commute_km: Decimal | None
    travel_days_per_week: Decimal | None
    """``None``: the commuting rule's own full week."""
    replacement: bool
    days_worked: tuple[tuple[int, int], ...] | None
    """The days worked and paid per school year (by the year it starts), where known: the
    periodiek condition then counts these instead of the days in service."""
    min_days: int | None
    """The periodiek's minimum days, where not the rule's own (60)."""
    in_service_from: date
    """The first day of service (diensttijd), by default ``start``: the periodiek condition
    counts the days in service from it (as :func:`caopo.career_timeline` does) and the
    jubileumuitkering falls 25, 40 and 50 years after it."""

    def __init__(
        self,
        scale: object,
        step: object,
        start: date | str,
        *,
        fte: Number = 1,
        end: date | str | None = None,
        category: Category | str | None = None,
        step_increase: bool = True,
        commute_km: Number | None = None,
        travel_days_per_week: Number | None = None,
        replacement: bool = False,
        days_worked: Mapping[int, int] | None = None,
        min_days: int | None = None,
        in_service_from: date | str | None = None,
    ) -> None:
        worked = check_days_worked(days_worked)
        parsed = scale_code(scale)
        first = to_date(start, name="start")
        last = None if end is None else to_date(end, name="end")
        if last is not None and last < first:
            raise InvalidInputError(f"end {last} is before start {first}")
        service = (
            first if in_service_from is None else to_date(in_service_from, name="in_service_from")
        )
        if service > first:
            raise InvalidInputError(
                f"in_service_from ({service}) must not be after start ({first})"
            )
        for name, value in (
            ("scale", parsed.code),
            ("step", to_step(step)),
            ("start", first),
            ("fte", to_fte(fte)),
            ("end", last),
            ("category", parsed.category if category is None else to_category(category)),
            ("step_increase", to_flag(step_increase, name="step_increase")),
            ("commute_km", None if commute_km is None else to_km(commute_km, name="commute_km")),
            (
                "travel_days_per_week",
                None
                if travel_days_per_week is None
                else to_days_per_week(travel_days_per_week, name="travel_days_per_week"),
            ),
            ("replacement", to_flag(replacement, name="replacement")),
            ("days_worked", None if worked is None else tuple(sorted(worked.items()))),
            ("min_days", check_min_days(min_days)),
            ("in_service_from", service),
        ):
            object.__setattr__(self, name, value)

    def employed_on(self, day: date) -> bool:
        """Whether *day* falls inside the employment."""
        return self.start <= day and (self.end is None or day <= self.end)


def to_employment(value: object, *, name: str = "employment") -> Employment:
    """*value* if it is an :class:`Employment`; anything else is refused by name."""
    if not isinstance(value, Employment):
        raise InvalidInputError(
            f"{name} must be an Employment, e.g. Employment('LB', 5, start='2025-01-01'), "
            f"not {type(value).__name__} {shown(value)}"
        )
    return value


@dataclass(frozen=True, slots=True)
class StepChange:
    """The step from ``on``: the start, or what a periodiek did."""

    on: date
    step: int | None
    """``None`` where the step cannot be known (see ``reason``)."""
    reason: str
    """``start``, the periodiek's reason, or why the step is unknown."""
    error: CaopoError | None = None
    """Where the step is unknown: the error that says why."""

    def held(self) -> int:
        """The step; raises the error that says why it is unknown."""
        if self.step is None:
            raise self.error if self.error is not None else NotPublishedError(self.reason)
        return self.step


def _periodiek(employment: Employment, step: int, on: date) -> StepChange:
    """What the periodiek of *on* does to *step* (the scale's period of the day before)."""
    try:
        period = scale_code(employment.scale).period(on - timedelta(days=1))
    except UnknownScaleError as exc:
        reason = f"{employment.scale} trede {step}: no periodiek can be applied on {on}: {exc}"
        return StepChange(on, None, reason, UnknownScaleError(reason))
    result = periodiek(
        step,
        on=on,
        period=period,
        start=employment.in_service_from,
        end=employment.end,
        days_worked=dict(employment.days_worked) if employment.days_worked is not None else None,
        min_days=employment.min_days,
    )
    if result.step is None:
        reason = (
            f"{result.reason}; give the step held after it as a new start, or step_increase=False"
        )
        return StepChange(on, None, reason, NotPublishedError(reason))
    return StepChange(on, result.step, result.reason)


def step_history(employment: Employment, until: date | str) -> tuple[StepChange, ...]:
    """The step on *start* and after every periodiek date up to *until* (inclusive) and
    up to the end of the employment; once unknown, the step stays unknown.

    >>> [(c.on.isoformat(), c.step) for c in step_history(Employment("LB", 5, start="2025-06-15"), "2026-08-01")]
    [('2025-06-15', 5), ('2025-08-01', 5), ('2026-08-01', 6)]
    """
    last = to_date(until, name="until")
    if employment.end is not None:
        last = min(last, employment.end)
    changes = [StepChange(employment.start, employment.step, "start")]
    if not employment.step_increase:
        return tuple(changes)
    for on in periodiek_dates(employment.start, last):
        before = changes[-1]
        if before.step is None:
            changes.append(StepChange(on, None, before.reason, before.error))
        else:
            changes.append(_periodiek(employment, before.step, on))
    return tuple(changes)


def step_on(employment: Employment, day: date | str) -> int:
    """The step on *day*: the step on start, moved by every periodiek after the start
    (:func:`caopo.salary_scales.periodiek.periodiek`: at least 60 days in service in the
    school year before, counted from the start; up to the maximum of the scale).

    Raises :class:`~caopo.errors.NotPublishedError` where a periodiek would pass a number
    of treden that is not published (:class:`~caopo.errors.UnknownScaleError` where the
    scale does not exist on the day before a periodiek).

    >>> e = Employment("LB", 5, start=date(2025, 1, 1))
    >>> step_on(e, "2025-07-31"), step_on(e, "2025-08-01")
    (5, 6)
    """
    return step_history(employment, day)[-1].held()
