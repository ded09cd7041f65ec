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

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from caopo.catalog import state
from caopo.catalog.compiled import salary_index
from caopo.catalog.salary_index import SalaryIndex, SalaryVersion
from caopo.display import Display
from caopo.errors import (
    NoDataForDateError,
    NotPublishedError,
    StepOutOfRangeError,
    UnknownScaleError,
)
from caopo.inputs import scale_text, to_date, to_fte, to_step
from caopo.money import CONTEXT, Number, round_cents
from caopo.provenance import Source, Status

if TYPE_CHECKING:
    from caopo.salary_scales.codes import ScaleLike
    from caopo.schema.scales import ScaleTable

__all__ = [
    "Cell",
    "SalaryDetail",
    "cell",
    "salary",
    "salary_detail",
    "scales",
    "steps",
    "table_label",
    "version_holding",
]

P = TypeVar("P")
_MEMO_LIMIT = 4096
_KEYS: dict[tuple[object, object], tuple[str, int]] = {}
_DAYS: dict[object, date] = {}
_FTES: dict[object, Decimal] = {}


def _memo(cache: dict[Any, P], key: object, parse: Callable[[], P]) -> P:
    """*parse* (), remembered by *key*: the parsers of :mod:`caopo.inputs` are pure, so the
    warm path reads what they answered before (only answers are remembered; junk raises
    every time)."""
    found = parse()
    if len(cache) >= _MEMO_LIMIT:
        cache.clear()
    cache[key] = found
    return found


def _cell_key(scale: object, step: object) -> tuple[str, int]:
    """``(scale code, step)`` as :func:`~caopo.inputs.scale_text` and
    :func:`~caopo.inputs.to_step` read them; remembered for plain text and numbers (a bool
    is never remembered: ``True == 1``)."""
    of_scale, of_step = type(scale), type(step)
    if (of_scale is str or of_scale is int) and (of_step is int or of_step is str):
        found = _KEYS.get((scale, step))
        if found is not None:
            return found
        return _memo(_KEYS, (scale, step), lambda: (scale_text(scale), to_step(step)))
    return scale_text(scale), to_step(step)


def _day(on: object) -> date:
    if type(on) is date:
        return on
    if type(on) is str:
        found = _DAYS.get(on)
        return found if found is not None else _memo(_DAYS, on, lambda: to_date(on))
    return to_date(on)


def _fte(fte: object) -> Decimal:
    """The werktijdfactor as :func:`~caopo.inputs.to_fte` reads it, remembered by its exact
    text (``Decimal('0.80')`` and ``Decimal('0.8')`` are remembered apart)."""
    kind = type(fte)
    if kind is Decimal or kind is int or kind is str:
        key = str(fte) if kind is Decimal else fte
        found = _FTES.get(key)
        return found if found is not None else _memo(_FTES, key, lambda: to_fte(fte))
    return to_fte(fte)


def _index(as_known_on: date | None = None) -> SalaryIndex:
    snap = state.current()
    index = snap.index or salary_index()
    return index if as_known_on is None else index.as_known_on(as_known_on)


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


def _listing(versions: tuple[SalaryVersion, ...]) -> str:
    from caopo.salary_scales.codes import code_order

    return "; ".join(
        f"{', '.join(sorted(v.cells, key=code_order))} ({v.table} {v.effective_from})"
        for v in versions
    )


def _not_in_force(index: SalaryIndex, on: date, as_known_on: date | None) -> NoDataForDateError:
    covered = "; ".join(f"{table} from {start}" for table, start in index.first_starts().items())
    known = f" as known on {as_known_on}" if as_known_on else ""
    return NoDataForDateError(f"no salary table is in force on {on}{known}; shipped: {covered}")


def _find(
    scale: str, step: int, on: date, as_known_on: date | None = None
) -> tuple[Decimal, SalaryVersion, SalaryIndex]:
    """The amount of *scale* trede *step* on *on*, the version holding it and the index read.

    A :class:`NotPublishedError` names the cell first (``"LB trede 5 on 2022-08-01: ..."``);
    :class:`NoDataForDateError`, :class:`UnknownScaleError` and
    :class:`StepOutOfRangeError` name the date or the scale (:func:`cell` relies on it).
    """
    index = _index(as_known_on)
    hit = index.find(scale, step, on)
    if hit is not None:
        return hit[0], hit[1], index
    versions = index.versions_on(on)
    if not versions:
        raise _not_in_force(index, on, as_known_on)
    for version in versions:
        reason = version.omitted.get((scale, step))
        if reason is not None:
            raise NotPublishedError(
                f"{scale} trede {step} on {on}: left out of {version.table} "
                f"{version.effective_from}: {reason}"
            )
        steps_of = version.cells.get(scale)
        if steps_of is None:
            continue
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
    # The warm path, inlined: the remembered inputs, one bisect, one dictionary read, the
    # one rounding. Anything not remembered goes through the parsers of caopo.inputs.
    of_scale, of_step, of_fte = type(scale), type(step), type(fte)
    plain = (of_scale is str or of_scale is int) and (of_step is int or of_step is str)
    key = _KEYS.get((scale, step)) if plain else None
    if key is None:
        key = _cell_key(scale, step)
    day = on if type(on) is date else _day(on)
    index = state.current().index or salary_index()
    hit = index.cells[bisect_right(index.bounds, day)].get(key)
    amount = _find(*key, day)[0] if hit is None else hit[0]
    factor = None
    if of_fte is Decimal or of_fte is int or of_fte is str:
        factor = _FTES.get(str(fte) if of_fte is Decimal else fte)
    return round_cents(CONTEXT.multiply(amount, _fte(fte) if factor is None else factor))


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
    details = state.current().answers
    key = _detail_key(scale, step, on, fte) if as_known_on is None else None
    found = details.get(key) if key is not None else None
    if isinstance(found, SalaryDetail):
        return found
    (code, trede), day, factor = _cell_key(scale, step), _day(on), _fte(fte)
    known = None if as_known_on is None else to_date(as_known_on, name="as_known_on")
    amount, version, index = _find(code, trede, day, known)
    found = SalaryDetail(
        amount=round_cents(CONTEXT.multiply(amount, factor)),
        full_time_amount=amount,
        scale=code,
        step=trede,
        fte=factor,
        on=day,
        table=version.table,
        effective_from=version.effective_from,
        effective_until=index.end_of(version),
        status=version.status,
        cao=version.cao,
        sources=version.sources,
        basis=version.basis,
    )
    if key is not None:
        if len(details) >= state.ANSWERS_LIMIT:
            details.clear()
        details[key] = found
    return found


def _detail_key(scale: object, step: object, on: object, fte: object) -> tuple[object, ...] | None:
    """The key of plain inputs among the remembered answers of the snapshot
    (:func:`caopo.catalog.state.remember`, inlined: this is a warm path): text, int, an
    exact :class:`date`, the fte by its exact text and type (a bool is never a key:
    ``True == 1``), else ``None``."""
    of_scale, of_step, of_on, of_fte = type(scale), type(step), type(on), type(fte)
    if (
        (of_scale is str or of_scale is int)
        and (of_step is int or of_step is str)
        and (of_on is date or of_on is str)
        and (of_fte is Decimal or of_fte is int or of_fte is str)
    ):
        return ("salary_detail", of_scale, scale, of_step, step, on, of_fte, str(fte))
    return None


def scales(*, on: date | str) -> tuple[str, ...]:
    """The scale codes with shipped amounts on *on*, teachers first.

    >>> scales(on="2024-11-01")
    ('LB', 'LC', 'LD', 'LE')
    """
    from caopo.salary_scales.codes import code_order

    day = to_date(on)
    index = _index()
    versions = index.versions_on(day)
    if not versions:
        raise _not_in_force(index, day, None)
    return tuple(code for v in versions for code in sorted(v.cells, key=code_order))


def steps(scale: ScaleLike, *, on: date | str) -> tuple[int, ...]:
    """The steps (treden) of *scale* with shipped amounts on *on*, lowest first.

    >>> steps("LB", on="2024-11-01")
    (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
    """
    code, day = scale_text(scale), to_date(on)
    index = _index()
    versions = index.versions_on(day)
    if not versions:
        raise _not_in_force(index, day, None)
    for version in versions:
        if code in version.cells:
            return tuple(sorted(version.cells[code]))
    raise UnknownScaleError(
        f"scale {code!r} has no shipped amounts on {day}; scales with amounts on that date: "
        f"{_listing(versions)}"
    )


def table_label(version: ScaleTable | SalaryVersion) -> str:
    """``'teachers 2024-10-01'``: a table version as a timeline names it."""
    return f"{version.table} {version.effective_from}"


def version_holding(code: str, on: date) -> ScaleTable | None:
    """The salary table version in force on *on* that has amounts of *code*, if any."""
    from caopo.catalog.loader import catalog

    for series in catalog().salary_series():
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
        amount, version, _ = _find(scale, step, on)
    except NotPublishedError as exc:
        return _gap(scale, on, str(exc))
    except (NoDataForDateError, UnknownScaleError, StepOutOfRangeError) as exc:
        return _gap(scale, on, f"{scale} trede {step} on {on}: {exc}")
    return Cell(amount, table_label(version), version.status, None, version.sources)


def _gap(scale: str, on: date, reason: str) -> Cell:
    holder = next((v for v in _index().versions_on(on) if scale in v.cells), None)
    return Cell(None, table_label(holder) if holder else None, None, reason)
