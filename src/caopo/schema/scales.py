"""Schema of ``data/scales/``: salary tables by scale (schaal) and step (trede)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.schema.base import (
    Amount,
    CodeText,
    ListAsTuple,
    Quantum,
    Step,
    StrictModel,
    TableVersion,
)


class OmittedCell(StrictModel):
    """A cell a source printed that is deliberately not shipped, with the reason."""

    scale: CodeText
    step: Step
    printed: Amount | None = None
    reason: str = Field(min_length=1)


class Derivation(StrictModel):
    """How a ``derived`` version is computed: a published base version of the same table
    times the general raises on the listed dates, each cell rounded once."""

    base: date
    raises: Annotated[tuple[date, ...], ListAsTuple] = Field(min_length=1)
    quantum: Quantum
    rounding: Literal["half_up"]
    tolerance: Amount


class ScaleTable(TableVersion):
    """Monthly full-time salary amounts by scale (schaal) and step (trede).

    ``coverage: complete`` means every step of every scale named is present, so a
    missing step does not exist. ``coverage: partial`` means only the cells a source
    printed are present, so a missing step exists but is not published.
    Amounts rise with the step within every scale.
    """

    kind: Literal["salary_scales"]
    unit: str = "EUR per month, full-time (werktijdfactor 1)"
    coverage: Literal["complete", "partial"] | None = None
    cells: dict[CodeText, dict[Step, Amount]] = Field(default_factory=dict)
    omitted: Annotated[tuple[OmittedCell, ...], ListAsTuple] = ()
    derivation: Derivation | None = None

    @model_validator(mode="after")
    def _check_cells(self) -> ScaleTable:
        if self.status == "derived":
            if self.derivation is None:
                raise ValueError("a derived version needs a 'derivation' block")
            if self.derivation.base >= self.effective_from:
                raise ValueError("derivation.base must be before effective_from")
            if self.cells or self.omitted or self.coverage:
                raise ValueError(
                    "a derived version has no 'cells', 'omitted' or 'coverage': "
                    "they come from its base"
                )
            return self
        if self.coverage is None:
            raise ValueError(
                "'coverage' is required: 'complete' (every step of every scale named) "
                "or 'partial' (only the cells a source printed)"
            )
        if self.derivation is not None:
            raise ValueError(
                f"'derivation' is only allowed with status 'derived', not {self.status!r}"
            )
        if not self.cells or not all(self.cells.values()):
            raise ValueError(
                "a published or provisional version needs cells for every scale it names"
            )
        for scale, steps in self.cells.items():
            ordered = sorted(steps.items())
            for (low_step, low), (high_step, high) in pairwise(ordered):
                if high <= low:
                    raise ValueError(
                        f"scale {scale!r}: step {high_step} ({high}) does not rise above "
                        f"step {low_step} ({low})"
                    )
        return self
