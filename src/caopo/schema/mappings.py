"""Schema of ``data/mappings/``: scale codes with their categories and periods, and the
transitions (renames, lapses, conversions) between CAO editions with the periodiek rule."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.inputs import Category, category_of_code
from caopo.provenance import Status
from caopo.schema.base import (
    Amount,
    CategoryField,
    CodeText,
    DataDocument,
    ListAsTuple,
    Percentage,
    Source,
    Step,
    StrictModel,
)

SourceKeys = Annotated[tuple[str, ...], ListAsTuple, Field(min_length=1)]

# --------------------------------------------------------------------------- schemas


class _SourcedDocument(DataDocument):
    """A document with a registry of sources that its facts cite by key."""

    sources: dict[str, Source] = Field(min_length=1)

    def _check_keys(self, keys: tuple[str, ...], where: str) -> None:
        unknown = [key for key in keys if key not in self.sources]
        if unknown:
            raise ValueError(
                f"{where}: unknown source key(s) {unknown}; defined: {sorted(self.sources)}"
            )


class CategoryEntry(StrictModel):
    name: CategoryField
    label: str = Field(min_length=1)
    source: SourceKeys
    note: str | None = None


class CodeEntry(StrictModel):
    """One code in one period (``until`` exclusive)."""

    code: CodeText
    category: CategoryField
    start: date = Field(alias="from")
    until: date | None = None
    numeric: int | None = Field(default=None, ge=1, le=99)
    numeric_status: Literal["published", "derived"] = "published"
    numeric_note: str | None = None
    steps: Step | None = None
    steps_at_least: Step | None = None
    source: SourceKeys
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> CodeEntry:
        if self.until is not None and self.until <= self.start:
            raise ValueError(f"{self.code}: 'until' {self.until} must be after 'from'")
        if (self.numeric is None) == (self.numeric_note is None):
            raise ValueError(
                f"{self.code}: give either 'numeric' or 'numeric_note' (why none is published)"
            )
        if self.steps is not None and self.steps_at_least is not None:
            raise ValueError(f"{self.code}: give 'steps' or 'steps_at_least', not both")
        expected = category_of_code(self.code)
        if expected != self.category:
            raise ValueError(
                f"{self.code}: the code's form says {expected!r}, not {self.category!r}"
            )
        return self


class NotModelled(StrictModel):
    code: CodeText
    source: SourceKeys
    reason: str = Field(min_length=1)


class ScaleCodeRegistry(_SourcedDocument):
    """``kind: scale_codes`` — every scale code with its category, periods and level."""

    kind: Literal["scale_codes"]
    categories: Annotated[tuple[CategoryEntry, ...], ListAsTuple] = Field(min_length=1)
    codes: Annotated[tuple[CodeEntry, ...], ListAsTuple] = Field(min_length=1)
    not_modelled: Annotated[tuple[NotModelled, ...], ListAsTuple] = ()

    @model_validator(mode="after")
    def _check_registry(self) -> ScaleCodeRegistry:
        if tuple(c.name for c in self.categories) != tuple(Category):
            raise ValueError(f"categories must be, in this order: {[c.value for c in Category]}")
        for category in self.categories:
            self._check_keys(category.source, category.name)
        for entry in self.codes:
            self._check_keys(entry.source, entry.code)
        for missing in self.not_modelled:
            self._check_keys(missing.source, missing.code)
        by_code: dict[str, list[CodeEntry]] = {}
        for entry in self.codes:
            by_code.setdefault(entry.code, []).append(entry)
        for code, entries in by_code.items():
            entries.sort(key=lambda e: e.start)
            for before, after in pairwise(entries):
                if before.until is None or before.until > after.start:
                    raise ValueError(
                        f"{code}: periods from {before.start} and {after.start} overlap"
                    )
        clash = sorted({n.code for n in self.not_modelled} & set(by_code))
        if clash:
            raise ValueError(f"codes both modelled and not_modelled: {clash}")
        return self


class CodeMapping(StrictModel):
    source_code: CodeText = Field(alias="from")
    target_code: CodeText = Field(alias="to")


class ConversionExample(StrictModel):
    """A published conversion example, with the amounts it prints (rounded as printed)."""

    source_code: CodeText = Field(alias="from")
    from_step: Step
    from_amount: Amount | None = None
    after_uplifts: Annotated[tuple[Amount, ...], ListAsTuple] = ()
    target_code: CodeText = Field(alias="to")
    to_step: Step
    to_amount: Amount | None = None
    source: SourceKeys


class Transition(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    on: date = Field(alias="date")
    cao: str = Field(min_length=1)
    rule: str = Field(min_length=1)
    placement: Literal["same_step", "next_higher_amount", "not_published"]
    status: Status = "published"
    """``provisional`` for a transition agreed but not final (schaal 10 -> LB amounts)."""
    placement_reason: str | None = None
    """Why the placement is a reading where no method is published (then the status says
    how strong it is)."""
    uplifts: Annotated[tuple[Percentage, ...], ListAsTuple] = ()
    map: Annotated[tuple[CodeMapping, ...], ListAsTuple] = ()
    lapsed: Annotated[tuple[CodeText, ...], ListAsTuple] = ()
    lapsed_reason: str | None = None
    source: SourceKeys
    note: str | None = None
    examples: Annotated[tuple[ConversionExample, ...], ListAsTuple] = ()

    @model_validator(mode="after")
    def _check(self) -> Transition:
        if bool(self.uplifts) != (self.placement == "next_higher_amount"):
            raise ValueError(f"{self.id}: 'uplifts' go with, and only with, next_higher_amount")
        if bool(self.lapsed) != (self.lapsed_reason is not None):
            raise ValueError(f"{self.id}: 'lapsed' needs 'lapsed_reason' and vice versa")
        if not self.map and not self.lapsed:
            raise ValueError(f"{self.id}: a transition maps or lapses at least one code")
        sources = [m.source_code for m in self.map] + list(self.lapsed)
        if len(sources) != len(set(sources)):
            raise ValueError(f"{self.id}: a code is mapped or lapsed twice")
        return self

    def target(self, code: str) -> str | None:
        """The code *code* becomes at this transition, or ``None``."""
        for mapping in self.map:
            if mapping.source_code == code:
                return mapping.target_code
        return None


class PeriodiekRule(StrictModel):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    min_days: int = Field(ge=0)
    rule: str = Field(min_length=1)
    source: SourceKeys


class ScaleTransitions(_SourcedDocument):
    """``kind: scale_transitions`` — renames, lapses, conversions and the periodiek rule."""

    kind: Literal["scale_transitions"]
    periodiek: PeriodiekRule
    transitions: Annotated[tuple[Transition, ...], ListAsTuple] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_transitions(self) -> ScaleTransitions:
        self._check_keys(self.periodiek.source, "periodiek")
        days = [t.on for t in self.transitions]
        if days != sorted(set(days)):
            raise ValueError("transitions must be strictly ascending by date, one per date")
        for transition in self.transitions:
            self._check_keys(transition.source, transition.id)
            for example in transition.examples:
                self._check_keys(example.source, f"{transition.id} example")
                if transition.target(example.source_code) != example.target_code:
                    raise ValueError(
                        f"{transition.id}: example {example.source_code} -> "
                        f"{example.target_code} contradicts the transition's map"
                    )
        return self
