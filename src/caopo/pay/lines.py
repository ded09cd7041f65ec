"""What a payslip line is made of: an amount, the versions it rests on, and the status
that follows from them.

A :class:`Line` never states its own status: :meth:`Line.of` computes it with
:func:`caopo.provenance.weakest` from the :class:`Reference` of every table version, rule
and raise the amount rests on. A line that could not be computed in full (lenient mode)
says so with ``missing``; its status is still one of the three statuses, of what it
could rest on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from caopo.errors import CaopoError
from caopo.money import round_cents
from caopo.provenance import Status, weakest
from caopo.schema.base import Source

__all__ = ["Line", "Reference", "statuses"]


@dataclass(frozen=True, slots=True)
class Reference:
    """One thing an amount rests on: a table version (``table`` and its ``effective_from``
    as ``version``), a raise (``general_raises`` and its date), a one-off payment
    (``eenmalige_uitkeringen`` and its id), or caopo's own projection rule
    (``projection``, always ``derived``)."""

    table: str
    version: str
    status: Status


def statuses(references: Iterable[Reference]) -> Status:
    """The weakest status of *references* (``published`` when there are none)."""
    return weakest(ref.status for ref in references)


@dataclass(frozen=True, slots=True)
class Line:
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
    counts only what could be computed (0 when nothing could) and ``basis`` says why."""

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
        """A line rounded once to cents, with the status of what it rests on."""
        refs = tuple(dict.fromkeys(rests_on))
        return cls(
            component,
            round_cents(exact),
            statuses(refs),
            basis,
            tuple(dict.fromkeys(sources)),
            note,
            refs,
            missing,
        )

    @classmethod
    def not_computable(cls, component: str, error: CaopoError) -> Line:
        """The line of a component that could not be computed: amount 0, ``missing``."""
        return cls.of(component, Decimal(0), (), f"not computable: {error}", missing=True)
