"""Salary by scale (schaal), step (trede), date and werktijdfactor.

The CAO PO salary tables give monthly gross amounts at a full-time appointment
(werktijdfactor 1). The salary of a part-timer is the table amount times the
werktijdfactor (CAO PO, chapter on salary and working hours: wtf = hours per week
/ 40), rounded once to cents, half up.

The werktijdfactor accepted here runs from above 0 up to and including 1.2: a
full-time week is 40 hours (wtf 1) and the CAO caps the working week at 48 hours
(48 / 40 = 1.2).

A scale is given as text (``"lb"``, ``"schaal 8"``), a support-staff number or a parsed
:class:`~caopo.salary_scales.codes.ScaleCode`. A result's status is its table version's:
for a derived version that is already the weakest of ``derived`` and the raises it
applies (:mod:`caopo.catalog.derive`, :func:`caopo.provenance.weakest`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caopo.catalog.loader import Catalog, catalog
from caopo.catalog.series import Series
from caopo.display import Display
from caopo.errors import (
    NoDataForDateError,
    NotPublishedError,
    StepOutOfRangeError,
    UnknownScaleError,
)
from caopo.inputs import scale_text, to_date, to_fte, to_step
from caopo.money import Number, round_cents
from caopo.provenance import Status
from caopo.salary_scales.codes import ScaleLike, code_order
from caopo.schema.base import Source
from caopo.schema.scales import ScaleTable

__all__ = [
    "Cell",
    "SalaryDetail",
    "cell",
    "salary",
    "salary_detail",
    "salary_series",
    "scales",
    "steps",
    "table_label",
    "version_holding",
]


_TABLE_ORDER = {"teachers": 0, "support_staff": 1, "school_leaders": 2}


@dataclass(frozen=True, slots=True)
class SalaryDetail(Display):
    """A salary with where every cent came from."""

    amount: Decimal
    """Monthly gross at the werktijdfactor, rounded once to cents (half up)."""
    full_time_amount: Decimal
    """The table amount at werktijdfactor 1, as the table holds it."""
    scale: str
    step: int
    fte: Decimal
    on: date
    table: str
    effective_from: date
    effective_until: date | None
    """Exclusive end of the version, or ``None`` while no end is known."""
    status: Status
    """The table version's status (see the module docstring)."""
    cao: str
    sources: tuple[Source, ...]
    basis: str
    """One line: the table version, and for a derived version the rule that computed it."""


_SERIES_CACHE: list[tuple[Catalog, tuple[Series[ScaleTable], ...]]] = []


def salary_series(cat: Catalog) -> tuple[Series[ScaleTable], ...]:
    """The salary tables (teachers, support staff, school leaders, then any other), each
    as its series of versions; worked out once per catalog."""
    if _SERIES_CACHE and _SERIES_CACHE[0][0] is cat:
        return _SERIES_CACHE[0][1]
    ids = cat.table_ids(ScaleTable)
    ordered = sorted(ids, key=lambda t: (_TABLE_ORDER.get(t, len(_TABLE_ORDER)), t))
    found = tuple(cat.series(table, ScaleTable) for table in ordered)
    _SERIES_CACHE[:] = [(cat, found)]
    return found


def _in_force(cat: Catalog, on: date, as_known_on: date | None = None) -> list[ScaleTable]:
    every = salary_series(cat)
    found = [
        version
        for series in every
        if (version := series.get(on, as_known_on=as_known_on)) is not None
    ]
    if not found:
        covered = "; ".join(f"{series.table} from {series.starts[0]}" for series in every)
        known = f" as known on {as_known_on}" if as_known_on else ""
        raise NoDataForDateError(f"no salary table is in force on {on}{known}; shipped: {covered}")
    return found


def _listing(versions: list[ScaleTable]) -> str:
    return "; ".join(
        f"{', '.join(sorted(v.cells, key=code_order))} ({v.table} {v.effective_from})"
        for v in versions
    )


def _find(
    scale: str, step: int, on: date, as_known_on: date | None = None
) -> tuple[ScaleTable, Decimal]:
    """The version holding *scale* trede *step* on *on*, and the amount.

    A :class:`NotPublishedError` names the cell first (``"LB trede 5 on 2022-08-01: ..."``);
    :class:`NoDataForDateError`, :class:`UnknownScaleError` and
    :class:`StepOutOfRangeError` name the date or the scale (:func:`cell` relies on it).
    """
    versions = _in_force(catalog(), on, as_known_on)
    for version in versions:
        steps_of = version.cells.get(scale)
        if steps_of is None:
            continue
        amount = steps_of.get(step)
        if amount is not None:
            return version, amount
        for cell in version.omitted:
            if cell.scale == scale and cell.step == step:
                raise NotPublishedError(
                    f"{scale} trede {step} on {on}: left out of {version.table} "
                    f"{version.effective_from}: {cell.reason.strip()}"
                )
        published = ", ".join(str(s) for s in sorted(steps_of))
        if version.coverage == "partial":
            raise NotPublishedError(
                f"{scale} trede {step} on {on}: {version.table} {version.effective_from} is a "
                f"partial table; published steps of {scale}: {published}. Load the official "
                f"table as your own (caopo.use_tables) to fill it in"
            )
        raise StepOutOfRangeError(
            f"scale {scale!r} has no step {step} on {on}; its steps are {published}"
        )
    raise UnknownScaleError(
        f"scale {scale!r} has no shipped amounts on {on}; scales with amounts on that date: "
        f"{_listing(versions)}"
    )


def salary(scale: ScaleLike, step: int | str, *, on: date | str, fte: Number = 1) -> Decimal:
    """Monthly gross salary in euros for *scale* and *step* on date *on*.

    The amount is the table amount times the werktijdfactor *fte*, rounded once to
    cents (half up). *fte* is a Decimal, int or str from above 0 to 1.2; floats are
    refused.

    >>> salary("LB", 5, on=date(2024, 11, 1))
    Decimal('3868.00')
    >>> salary("LB", 5, on="2024-11-01", fte="0.8")
    Decimal('3094.40')
    """
    _, amount = _find(scale_text(scale), to_step(step), to_date(on))
    return round_cents(amount * to_fte(fte))


def salary_detail(
    scale: ScaleLike,
    step: int | str,
    *,
    on: date | str,
    fte: Number = 1,
    as_known_on: date | str | None = None,
) -> SalaryDetail:
    """Like :func:`salary`, with the table version, status and sources it rests on.

    With *as_known_on*, only table versions known by that day are used: what a payroll
    run on that day would have paid (see :meth:`caopo.catalog.series.Series.entry_on`).

    >>> detail = salary_detail("LB", 5, on=date(2024, 11, 1))
    >>> detail.amount, detail.status, detail.effective_from
    (Decimal('3868.00'), 'published', datetime.date(2024, 10, 1))
    """
    code, trede, day, factor = scale_text(scale), to_step(step), to_date(on), to_fte(fte)
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    version, amount = _find(code, trede, day, known)
    end = catalog().series(version.table, ScaleTable).end_of(version)
    return SalaryDetail(
        amount=round_cents(amount * factor),
        full_time_amount=amount,
        scale=code,
        step=trede,
        fte=factor,
        on=day,
        table=version.table,
        effective_from=version.effective_from,
        effective_until=end,
        status=version.status,
        cao=version.cao,
        sources=version.sources,
        basis=_basis(version),
    )


def _basis(version: ScaleTable) -> str:
    name = f"{version.table} {version.effective_from} ({version.status})"
    rule = version.derivation
    if rule is None:
        return name
    raises = ", ".join(str(d) for d in rule.raises)
    return (
        f"{name}: {version.table} {rule.base} carried forward by the general raises of "
        f"{raises}, rounded once to {rule.quantum} euro"
    )


def scales(*, on: date | str) -> tuple[str, ...]:
    """The scale codes with shipped amounts on *on*, teachers first.

    >>> scales(on="2024-11-01")
    ('LB', 'LC', 'LD', 'LE')
    """
    versions = _in_force(catalog(), to_date(on))
    return tuple(code for v in versions for code in sorted(v.cells, key=code_order))


def steps(scale: ScaleLike, *, on: date | str) -> tuple[int, ...]:
    """The steps (treden) of *scale* with shipped amounts on *on*, lowest first.

    >>> steps("LB", on="2024-11-01")
    (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
    """
    code, day = scale_text(scale), to_date(on)
    versions = _in_force(catalog(), day)
    for version in versions:
        if code in version.cells:
            return tuple(sorted(version.cells[code]))
    raise UnknownScaleError(
        f"scale {code!r} has no shipped amounts on {day}; scales with amounts on that date: "
        f"{_listing(versions)}"
    )


def table_label(version: ScaleTable) -> str:
    """``'teachers 2024-10-01'``: a table version as a timeline names it."""
    return f"{version.table} {version.effective_from}"


def version_holding(code: str, on: date) -> ScaleTable | None:
    """The salary table version in force on *on* that has amounts of *code*, if any."""
    for series in salary_series(catalog()):
        version = series.get(on)
        if version is not None and code in version.cells:
            return version
    return None


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell as a conversion or timeline sees it: the amount and its table, or why no
    shipped table has it."""

    amount: Decimal | None
    """Full-time monthly amount; ``None`` where no shipped table has it."""
    table: str | None
    """The version holding the amount (or, without an amount, the scale), as
    :func:`table_label` names it."""
    status: Status | None
    """The version's status; ``None`` without an amount."""
    reason: str | None
    """Why there is no amount (names the cell); ``None`` with an amount."""
    sources: tuple[Source, ...] = ()
    """The sources of the version holding the amount."""


def cell(scale: str, step: int, on: date) -> Cell:
    """The full-time amount of *scale* trede *step* on *on*, or why there is none: the
    lenient form of :func:`salary_detail` for callers that report gaps rather than raise.

    >>> cell("LB", 5, date(2024, 11, 1)).amount
    Decimal('3868')
    >>> print(cell("LB", 5, date(2022, 8, 1)).reason)
    LB trede 5 on 2022-08-01: teachers 2022-07-01 is a partial table; published steps of LB: 1, 10, 12. Load the official table as your own (caopo.use_tables) to fill it in
    """
    try:
        version, amount = _find(scale, step, on)
    except NotPublishedError as exc:
        return _gap(scale, on, str(exc))
    except (NoDataForDateError, UnknownScaleError, StepOutOfRangeError) as exc:
        return _gap(scale, on, f"{scale} trede {step} on {on}: {exc}")
    return Cell(amount, table_label(version), version.status, None, version.sources)


def _gap(scale: str, on: date, reason: str) -> Cell:
    holder = version_holding(scale, on)
    return Cell(None, table_label(holder) if holder else None, None, reason)
