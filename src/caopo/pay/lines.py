"""What a payslip line is made of: an amount, the versions it rests on, and the status
that follows from them.

A :class:`Line` never states its own status: :meth:`Line.of` computes it with
:func:`caopo.provenance.weakest` from the :class:`Reference` of every table version, rule
and raise the amount rests on. A line that could not be computed (lenient mode) is a
placeholder amount (0) until a table is loaded: it rests on :func:`placeholder`, which is
``provisional``, the weakest status, and its ``missing`` flag says so. A month or a year
with such a line is therefore ``provisional`` too, never ``published``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from caopo.display import Display
from caopo.errors import CaopoError
from caopo.money import round_cents
from caopo.provenance import MISSING_STATUS, Status, weakest
from caopo.schema.base import Source

__all__ = ["MISSING", "Line", "Reference", "placeholder"]

T = TypeVar("T")

MISSING = "missing"
"""The ``table`` of a :func:`placeholder` reference."""


@dataclass(frozen=True, slots=True)
class Reference:
    """One thing an amount rests on: a table version (``table`` and its ``effective_from``
    as ``version``), a raise (``general_raises`` and its date), a one-off payment
    (``eenmalige_uitkeringen`` and its id), caopo's own projection rule (``projection``,
    always ``derived``), or a :func:`placeholder` for what could not be computed
    (``missing``, always ``provisional``)."""

    table: str
    version: str
    status: Status


def placeholder(component: str) -> Reference:
    """What a line that could not be computed rests on: a placeholder amount (0) until a
    table is loaded, hence ``provisional``, the weakest status; ``version`` names the
    component whose table or cell is missing."""
    return Reference(MISSING, component, MISSING_STATUS)


def _each_once(items: Iterable[T]) -> tuple[T, ...]:
    """*items* in order, each once (a tuple of fewer than two is that already). The same
    object repeated (a version's reference, a rule's sources) is dropped by identity first,
    which is cheap; what is left is compared by value, as before."""
    if type(items) is tuple and len(items) < 2:
        return items
    distinct = tuple({id(item): item for item in items}.values())
    return distinct if len(distinct) < 2 else tuple(dict.fromkeys(distinct))


@dataclass(frozen=True, slots=True)
class Line(Display):
    """One named pay component in one month."""

    component: str
    amount: Decimal
    status: Status
    """The weakest status of ``rests_on``."""
    basis: str
    sources: tuple[Source, ...] = ()
    note: str | None = None
    rests_on: tuple[Reference, ...] = ()
    """Every table version, rule and raise the amount rests on."""
    missing: bool = False
    """True where the line could not be computed in full (lenient mode only): the amount
    counts only what could be computed (0 when nothing could), ``basis`` says why, and
    ``rests_on`` holds a :func:`placeholder`, so the status is ``provisional``."""

    @classmethod
    def of(
        cls,
        component: str,
        exact: Decimal,
        rests_on: Iterable[Reference],
        basis: str,
        sources: Iterable[Source] = (),
        *,
        note: str | None = None,
        missing: bool = False,
    ) -> Line:
        """A line rounded once to cents, with the status of what it rests on; a *missing*
        line rests on a :func:`placeholder` (unless it already does)."""
        refs = _each_once(rests_on)
        if missing and not any(ref.table == MISSING for ref in refs):
            refs += (placeholder(component),)
        return cls(
            component,
            round_cents(exact),
            weakest(ref.status for ref in refs),
            basis,
            _each_once(sources),
            note,
            refs,
            missing,
        )

    @classmethod
    def not_computable(cls, component: str, error: CaopoError) -> Line:
        """The line of a component that could not be computed: a placeholder amount 0,
        ``missing``, resting on :func:`placeholder` (so ``provisional``)."""
        return cls.of(
            component,
            Decimal(0),
            (placeholder(component),),
            f"not computable: {error}",
            missing=True,
        )
