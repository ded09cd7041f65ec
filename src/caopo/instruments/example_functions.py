"""Example functions (voorbeeldfuncties) and the scales they are placed in.

The social partners publish example functions for the sector; an employer may adopt one
without a certified FUWA PO assessor (seed 004; CAO PO art. 5.5 and 5.8). Which functions
exist, on which dates, and in which scale(s) a source places them is data
(``data/example_functions/example_functions.yaml``), each with its source: the
onderwijsassistent A/B/C (schaal 4/5/6) and leraarondersteuner A/B (schaal 7/8) of the CAO
PO 2019-2020, the directie example functions of 2019-2020 and 2024-2025, and the teachers'
functions. Where no source that was read prints a function's scale, caopo names the
function and raises :class:`~caopo.errors.NotPublishedError` instead of giving a scale.

Names are read as people type them: any case, with or without accents, and with or
without the word "functie" (:func:`caopo.inputs.function_name_key`); the other names of a
function are in the data file. An unknown name lists the close matches.

>>> found = example_function("Functie onderwijsassistent B", on="2024-01-01")
>>> found.name, found.scales, str(found.category)
('onderwijsassistent B', ('5',), 'support_staff')
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from caopo.catalog.loader import catalog
from caopo.display import Display
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError, shown
from caopo.inputs import Category, function_name_key, to_date
from caopo.provenance import Status
from caopo.schema.base import Source
from caopo.schema.example_functions import ExampleFunctionEntry, ExampleFunctions

__all__ = ["ExampleFunction", "example_function", "example_functions"]

FUNCTIONS_TABLE = "example_functions"


@dataclass(frozen=True, slots=True)
class ExampleFunction(Display):
    """An example function on one date: its scale(s) and category, with its sources."""

    name: str
    category: Category
    series: str
    on: date
    scales: tuple[str, ...]
    """The scale(s) on *on*; empty where no source that was read prints them."""
    scales_note: str | None
    """Why there is no scale (empty *scales*)."""
    valid_from: date
    valid_until: date | None
    """Exclusive; ``None``: no end is known."""
    aliases: tuple[str, ...]
    note: str | None
    status: Status
    """``published``: the function and its scales are read in the sources named."""
    sources: tuple[Source, ...]


def _document() -> ExampleFunctions:
    return catalog().document(FUNCTIONS_TABLE, ExampleFunctions)


def _valid(entry: ExampleFunctionEntry, day: date) -> bool:
    return entry.start <= day and (entry.until is None or day < entry.until)


def _describe(entry: ExampleFunctionEntry) -> str:
    return f"{entry.start}..{entry.until}" if entry.until else f"from {entry.start}"


def _find(document: ExampleFunctions, name: object) -> ExampleFunctionEntry:
    key = function_name_key(name)
    spellings = {
        function_name_key(spelling): entry
        for entry in document.functions
        for spelling in (entry.name, *entry.aliases)
    }
    found = spellings.get(key)
    if found is not None:
        return found
    close = difflib.get_close_matches(key, list(spellings), n=5, cutoff=0.6)
    names = list(dict.fromkeys(spellings[match].name for match in close))
    hint = f"close matches: {', '.join(names)}" if names else "no close match"
    raise InvalidInputError(
        f"{shown(name)} is not an example function caopo knows; {hint} "
        f"(caopo.example_functions(on=...) lists them)"
    )


def _result(document: ExampleFunctions, entry: ExampleFunctionEntry, day: date) -> ExampleFunction:
    period = next(
        (p for p in entry.scales if p.start <= day and (p.until is None or day < p.until)), None
    )
    keys = [*entry.source, *(period.source if period is not None else ())]
    return ExampleFunction(
        name=entry.name,
        category=entry.category,
        series=entry.series,
        on=day,
        scales=period.scales if period is not None else (),
        scales_note=entry.scales_note,
        valid_from=entry.start,
        valid_until=entry.until,
        aliases=entry.aliases,
        note=entry.note,
        status="published",
        sources=tuple(document.sources[key] for key in dict.fromkeys(keys)),
    )


def example_function(name: str, *, on: date | str) -> ExampleFunction:
    """The example function *name* on *on*: its scale code(s) and category.

    Raises :class:`InvalidInputError` listing close matches for an unknown name,
    :class:`NoDataForDateError` where *name* is not an example function on *on* (naming
    its dates), and :class:`NotPublishedError` where no source that was read prints its
    scale.

    >>> example_function("eenpitter", on="2021-01-01").scales
    ('D11', 'D12')
    """
    day, document = to_date(on), _document()
    entry = _find(document, name)
    if not _valid(entry, day):
        then = [
            f"{f.name} ({', '.join(f.scales) or 'scale not read'})"
            for f in (
                _result(document, e, day)
                for e in document.functions
                if e.category == entry.category and _valid(e, day)
            )
        ]
        also = (
            f"; {entry.category} example functions on that date: {'; '.join(then)}" if then else ""
        )
        raise NoDataForDateError(
            f"{entry.name!r} is an example function {_describe(entry)}, not on {day}{also}"
        )
    if not entry.scales:
        titles = "; ".join(document.sources[key].title for key in entry.source)
        raise NotPublishedError(
            f"{entry.name!r} on {day}: {entry.scales_note} (listed in: {titles})"
        )
    return _result(document, entry, day)


def example_functions(*, on: date | str) -> tuple[ExampleFunction, ...]:
    """Every example function on *on*, with its scale(s) where a source prints them
    (empty ``scales`` and a ``scales_note`` where none does).

    >>> [(f.name, f.scales) for f in example_functions(on="2021-01-01")][:2]
    [('onderwijsassistent A', ('4',)), ('onderwijsassistent B', ('5',))]
    """
    day, document = to_date(on), _document()
    found = [_result(document, e, day) for e in document.functions if _valid(e, day)]
    if not found:
        first = min(e.start for e in document.functions)
        raise NoDataForDateError(f"no example function is known on {day}; the data starts {first}")
    return tuple(found)
