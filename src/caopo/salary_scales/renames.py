"""Renames of scale codes between CAO PO editions: who a holder of a code became.

The transitions are data (``data/mappings/scale_transitions.yaml``, each with its source):
on 2010-08-01 the adjunct scale AA became AB (verlengde CAO-PO 2009 art. 6.22); on
2018-09-01 LA/LB/LC became L10/L11/L12 (AOb FAQ 2018); on 2022-01-01 L10/L11/L12 became
the VO-equal LB/LC/LD (PO-Raad "Omzetting naar nieuwe salarisschalen"). Some codes lapsed
without a published mapping (AB..AE and DA..DE on 2020-08-01, CAO PO 2019-2020 art. 5.6;
A10 and D11 on 2024-10-01, CAO PO 2024-2025): there the chain ends and
:func:`successor` raises :class:`~caopo.errors.NoEquivalenceError` with the reason.
How the step (trede) is placed at a transition is :mod:`caopo.salary_scales.conversions`.

>>> successor("LA", on="2024-01-01").code
'LB'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from caopo.display import Display
from caopo.errors import NoEquivalenceError, UnknownScaleError
from caopo.inputs import to_date
from caopo.provenance import Status
from caopo.salary_scales.codes import CodePeriod, ScaleCode, ScaleLike, registry, scale_code
from caopo.schema.base import Source
from caopo.schema.mappings import Transition

__all__ = ["Rename", "rename_chain", "successor"]


@dataclass(frozen=True, slots=True)
class Rename(Display):
    """One step of a rename chain."""

    on: date
    source_code: str
    target_code: str | None
    """``None`` where the code lapsed without a mapping."""
    placement: Literal["same_step", "next_higher_amount", "not_published", "lapsed"]
    transition: str
    rule: str
    sources: tuple[Source, ...]
    status: Status = "published"
    """The transition's status: ``published`` where read in the sources it names,
    ``provisional`` where agreed but not final (2026-07-01 schaal 10)."""


def _held_period(code: ScaleCode, held_on: date | None, on: date) -> CodePeriod:
    if held_on is not None:
        return code.period(held_on)
    candidates = [p for p in code.periods if p.start <= on]
    if not candidates:
        raise UnknownScaleError(
            f"scale {code.code!r} does not exist yet on {on}; it exists "
            f"{', '.join(p.describe() for p in code.periods)}"
        )
    return candidates[-1]


def _link(transition: Transition, code: str) -> Rename | None:
    """What *transition* does to *code*: a rename, a lapse, or nothing (``None``)."""
    target = transition.target(code)
    if target is None and code not in transition.lapsed:
        return None
    return Rename(
        on=transition.on,
        source_code=code,
        target_code=target,
        placement=transition.placement if target else "lapsed",
        transition=transition.id,
        rule=transition.rule if target else str(transition.lapsed_reason),
        sources=registry().sources_of(transition.source),
        status=transition.status,
    )


def rename_chain(
    code: ScaleLike, *, on: date | str, held_on: date | str | None = None
) -> tuple[Rename, ...]:
    """The renames and conversions a holder of *code* went through up to *on*.

    *held_on* is a date on which the code was held; by default the latest period of the
    code that starts on or before *on* (``"LB"`` before 2018 is the old LB, from 2022
    the VO-equal LB). A lapse without mapping is the last link (``target_code`` None).

    >>> [(r.on.isoformat(), r.source_code, r.target_code) for r in rename_chain("LA", on="2024-01-01")]
    [('2018-09-01', 'LA', 'L10'), ('2022-01-01', 'L10', 'LB')]
    """
    parsed, day = scale_code(code), to_date(on)
    held = to_date(held_on, name="held_on") if held_on is not None else None
    period = _held_period(parsed, held, day)  # also checks that the code was held then
    since = held or period.start
    chain: list[Rename] = []
    current = parsed.code
    for transition in registry().transitions:
        link = _link(transition, current) if since < transition.on <= day else None
        if link is None:
            continue
        chain.append(link)
        if link.target_code is None:
            break
        current = link.target_code
    return tuple(chain)


def successor(code: ScaleLike, *, on: date | str, held_on: date | str | None = None) -> ScaleCode:
    """The code a holder of *code* has on *on*, following the renames.

    Raises :class:`NoEquivalenceError` with the reason where the code lapsed without a
    published mapping.

    >>> successor("LB", on="2019-01-01", held_on="2017-01-01").code
    'L11'
    >>> successor("DB", on="2021-01-01")
    Traceback (most recent call last):
    ...
    caopo.errors.NoEquivalenceError: DB has no published successor on 2021-01-01: AB..AE and DA..DE lapsed on 2020-08-01 without a one-to-one mapping onto A10..A13 / D11..D15 (DA is not D11): placement follows the FUWA PO weighting of the actual function description by a certified assessor (CAO PO 2019-2020 art. 5.6), at the next higher amount of the new scale.
    """
    parsed, day = scale_code(code), to_date(on)
    chain = rename_chain(parsed, on=day, held_on=held_on)
    result = parsed
    if chain:
        last = chain[-1]
        if last.target_code is None:
            raise NoEquivalenceError(
                f"{last.source_code} has no published successor on {day}: {last.rule}"
            )
        result = registry().codes[last.target_code]
    result.period(day)
    return result
