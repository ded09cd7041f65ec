"""Schema of ``data/functiemix/``: the functiemix targets of the Convenant Leerkracht van
Nederland (2008) per sector, and the national realisation on the DUO count dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.dates import TELDATUM
from caopo.schema.base import (
    CodeText,
    ListAsTuple,
    Percentage,
    SchoolTypeField,
    StrictModel,
    TableId,
)
from caopo.schema.mappings import SourceKeys, _SourcedDocument

__all__ = ["FunctiemixRules", "Realisation", "SectorTarget"]


def _check_shares(shares: dict[str, Decimal], levels: tuple[str, ...], where: str) -> None:
    if tuple(shares) != levels:
        raise ValueError(f"{where}: shares must name the levels {list(levels)} in that order")
    if any(share < 0 or share > 100 for share in shares.values()):
        raise ValueError(f"{where}: a share must be from 0 to 100 %")


class SectorTarget(StrictModel):
    """The convenant's target for one sector: a share (%) per level, summing to 100.

    ``school_types`` and ``spellings`` say which names of a sector people write
    (a school type is read through :class:`~caopo.inputs.SchoolType`).
    ``scale_names`` says how a staff list's scales are read: ``po_history`` through the
    CAO PO scale codes and their renames, ``vo_names`` by the VO scale names as written.
    """

    sector: TableId
    label: str = Field(min_length=1)
    levels: Annotated[tuple[CodeText, ...], ListAsTuple] = Field(min_length=2)
    target: dict[CodeText, Percentage]
    school_types: Annotated[tuple[SchoolTypeField, ...], ListAsTuple] = ()
    spellings: Annotated[tuple[str, ...], ListAsTuple] = ()
    scale_names: Literal["po_history", "vo_names"]
    target_note: str | None = None
    source: SourceKeys

    @model_validator(mode="after")
    def _check(self) -> SectorTarget:
        _check_shares(self.target, self.levels, f"sector {self.sector!r} target")
        if sum(self.target.values()) != 100:
            raise ValueError(f"sector {self.sector!r}: the target shares must sum to 100")
        return self


class Realisation(StrictModel):
    """The national shares (%) of one sector on one count date (1 October), as printed
    (rounded by the source, so they may not sum to exactly 100)."""

    sector: TableId
    teldatum: date
    shares: dict[CodeText, Percentage]
    source: SourceKeys


class FunctiemixRules(_SourcedDocument):
    """The functiemix targets, the national realisation, and the readings caopo makes."""

    kind: Literal["functiemix"]
    convenant: str = Field(min_length=1)
    convenant_year: int = Field(ge=2000, le=2100)
    ended: str = Field(min_length=1)
    ended_source: SourceKeys
    renamed_reading: str = Field(min_length=1)
    renamed_reading_source: SourceKeys
    realisation_basis: Literal["fte", "head count"]
    sectors: Annotated[tuple[SectorTarget, ...], ListAsTuple] = Field(min_length=1)
    realisations: Annotated[tuple[Realisation, ...], ListAsTuple] = ()

    @model_validator(mode="after")
    def _check(self) -> FunctiemixRules:
        self._check_keys(self.ended_source, "ended_source")
        self._check_keys(self.renamed_reading_source, "renamed_reading_source")
        levels = {s.sector: s.levels for s in self.sectors}
        if len(levels) != len(self.sectors):
            raise ValueError("a sector is listed twice")
        for sector in self.sectors:
            self._check_keys(sector.source, f"sector {sector.sector!r}")
        seen: set[tuple[str, date]] = set()
        for row in self.realisations:
            where = f"realisation {row.sector} {row.teldatum}"
            if row.sector not in levels:
                raise ValueError(f"{where}: unknown sector; sectors: {sorted(levels)}")
            if (row.teldatum.month, row.teldatum.day) != TELDATUM:
                raise ValueError(f"{where}: the count date (teldatum) is 1 October")
            if (row.sector, row.teldatum) in seen:
                raise ValueError(f"{where}: listed twice")
            seen.add((row.sector, row.teldatum))
            _check_shares(row.shares, levels[row.sector], where)
            self._check_keys(row.source, where)
        return self
