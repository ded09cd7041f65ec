"""Schema of ``data/example_functions/``: the example functions (voorbeeldfuncties) of the
CAO PO, the dates they are example functions and the scales they are placed in."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.inputs import function_name_key
from caopo.schema.base import CategoryField, CodeText, ListAsTuple, StrictModel
from caopo.schema.mappings import SourceKeys, _SourcedDocument

__all__ = ["ExampleFunctionEntry", "ExampleFunctions", "FunctionScales"]


class FunctionScales(StrictModel):
    """The scale(s) of a function from *from* until *until* (exclusive; none: open)."""

    scales: Annotated[tuple[CodeText, ...], ListAsTuple] = Field(min_length=1)
    start: date = Field(alias="from")
    until: date | None = None
    source: SourceKeys


class ExampleFunctionEntry(StrictModel):
    """One example function: its name (and other names people write), category, series,
    the dates it is an example function, and its scales where a source prints them
    (``scales_note`` says why there are none)."""

    name: str = Field(min_length=1)
    category: CategoryField
    series: str = Field(min_length=1)
    start: date = Field(alias="from")
    until: date | None = None
    aliases: Annotated[tuple[str, ...], ListAsTuple] = ()
    scales: Annotated[tuple[FunctionScales, ...], ListAsTuple] = ()
    scales_note: str | None = None
    source: SourceKeys
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ExampleFunctionEntry:
        where = f"function {self.name!r}"
        if self.until is not None and self.until <= self.start:
            raise ValueError(f"{where}: 'until' must be after 'from'")
        if bool(self.scales) == (self.scales_note is not None):
            raise ValueError(f"{where}: give 'scales' or 'scales_note' (why none is read)")
        for period in self.scales:
            ends_inside = self.until is None or (
                period.until is not None and period.until <= self.until
            )
            if period.start < self.start or not ends_inside:
                raise ValueError(f"{where}: a scale period runs outside the function's dates")
        for before, after in pairwise(self.scales):
            if before.until != after.start:
                raise ValueError(f"{where}: scale periods must follow each other without gaps")
        return self


class ExampleFunctions(_SourcedDocument):
    """The example functions caopo knows (one unversioned document)."""

    kind: Literal["example_functions"]
    functions: Annotated[tuple[ExampleFunctionEntry, ...], ListAsTuple] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_functions(self) -> ExampleFunctions:
        seen: dict[str, str] = {}
        for entry in self.functions:
            for spelling in (entry.name, *entry.aliases):
                key = function_name_key(spelling)
                if seen.setdefault(key, entry.name) != entry.name:
                    raise ValueError(f"{spelling!r} names both {seen[key]!r} and {entry.name!r}")
            self._check_keys(entry.source, f"function {entry.name!r}")
            for period in entry.scales:
                self._check_keys(period.source, f"function {entry.name!r} scales")
        return self
