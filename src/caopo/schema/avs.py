"""Schema of ``data/avs/``: the AVS membership contribution of one contributiejaar (the
personal part, the management part by pupil band, and the reduced rates)."""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.schema.base import Amount, ListAsTuple, StrictModel, TableId, TableVersion

__all__ = ["AvsRates", "PupilBand", "ReducedRate"]


class PupilBand(StrictModel):
    """A management-part band: *from* to *to* pupils (inclusive; no *to*: open), as printed.

    Where the printed bands overlap or leave a count open, the band that caopo reads that
    count into says so: ``reading_at`` is the count, ``reading`` the reason."""

    printed: str = Field(min_length=1)
    low: int = Field(alias="from", ge=0)
    high: int | None = Field(default=None, alias="to")
    amount: Amount
    reading_at: int | None = None
    reading: str | None = None

    @model_validator(mode="after")
    def _check(self) -> PupilBand:
        if self.high is not None and self.high < self.low:
            raise ValueError(f"band {self.printed!r}: 'to' is below 'from'")
        if (self.reading_at is None) != (self.reading is None):
            raise ValueError(f"band {self.printed!r}: give 'reading_at' and 'reading' together")
        if self.reading_at is not None and not self.contains(self.reading_at):
            raise ValueError(f"band {self.printed!r}: reading_at is outside the band")
        return self

    def contains(self, pupils: int) -> bool:
        return self.low <= pupils and (self.high is None or pupils <= self.high)


class ReducedRate(StrictModel):
    """A reduced contribution (aspirant, buitengewoon, postactief lid, ...): the whole
    contribution of such a member, with the names people write for the role."""

    role: TableId
    printed: str = Field(min_length=1)
    amount: Amount
    spellings: Annotated[tuple[str, ...], ListAsTuple] = ()


def _check_bands(bands: tuple[PupilBand, ...], where: str) -> None:
    if bands[0].low != 1:
        raise ValueError(f"{where}: the first band must start at 1 pupil")
    for before, after in pairwise(bands):
        if before.high is None or after.low != before.high + 1:
            raise ValueError(
                f"{where}: band {after.printed!r} must start right after {before.printed!r}"
            )
    if bands[-1].high is not None:
        raise ValueError(f"{where}: the last band must be open ('to' left out)")


class AvsRates(TableVersion):
    """The AVS contribution of one contributiejaar (EUR per year)."""

    kind: Literal["avs_contribution"]
    personal_part: Amount
    personal_printed: str = Field(min_length=1)
    school_bands: Annotated[tuple[PupilBand, ...], ListAsTuple] = Field(min_length=1)
    board_bands: Annotated[tuple[PupilBand, ...], ListAsTuple] = Field(min_length=1)
    board_role_spellings: Annotated[tuple[str, ...], ListAsTuple] = Field(min_length=1)
    reduced: Annotated[tuple[ReducedRate, ...], ListAsTuple] = ()

    @model_validator(mode="after")
    def _check_rates(self) -> AvsRates:
        _check_bands(self.school_bands, "school_bands")
        _check_bands(self.board_bands, "board_bands")
        roles = [rate.role for rate in self.reduced]
        if len(set(roles)) != len(roles):
            raise ValueError("reduced: a role is listed twice")
        return self
