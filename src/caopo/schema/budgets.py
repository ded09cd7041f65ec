"""Schema of ``data/budgets/``: professionalisation budget rules and hour budgets."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from caopo.provenance import Status
from caopo.schema.base import (
    Amount,
    CategoryField,
    ListAsTuple,
    Percentage,
    PositiveQuantity,
    Quantum,
    Source,
    StrictModel,
    TableVersion,
)

# --------------------------------------------------------------------------- schemas


class SavingRule(StrictModel):
    """How long a year's budget may be kept.

    ``max_saving_years``: years it may be saved after the year of grant (with the
    employer's agreement). ``usable_years``: the number of budget years, the year of grant
    included, in which it can be spent; at the end of the last one the rest lapses.
    """

    max_saving_years: int = Field(ge=0, le=10)
    usable_years: int = Field(ge=1, le=11)
    usable_years_status: Literal["published", "derived"]
    requires_agreement: bool
    lapses_to: str | None = None

    @model_validator(mode="after")
    def _check(self) -> SavingRule:
        if self.usable_years < self.max_saving_years:
            raise ValueError(
                f"usable_years {self.usable_years} is shorter than max_saving_years "
                f"{self.max_saving_years}"
            )
        return self


class BudgetDerivation(StrictModel):
    """How a ``derived`` budget version was computed from a published one."""

    base: date
    percentage: Percentage
    quantum: Quantum
    rule: str = Field(min_length=1)


class BudgetRule(TableVersion):
    """One version of a professionalisation budget rule (``data/budgets/``).

    ``categories``: who the rule is for, in the one vocabulary (:class:`caopo.Category`
    values: ``[adjunct, director]``, ``[teacher, support_staff]``). A category is in at most
    one budget table on any date; a category no table lists has no budget.
    """

    kind: Literal["professionalisation_budget"]
    categories: Annotated[tuple[CategoryField, ...], ListAsTuple] = Field(min_length=1)
    unit: str = "EUR per year, full-time"
    annual_amount: Amount
    extra_per_calendar_year: Amount | None = None
    pro_rata: Literal["werktijdfactor", "none", "unread"]
    saving: SavingRule
    derivation: BudgetDerivation | None = None

    @model_validator(mode="after")
    def _check_categories(self) -> BudgetRule:
        if len(set(self.categories)) != len(self.categories):
            raise ValueError(
                f"categories lists a category twice: {list(map(str, self.categories))}"
            )
        return self

    @model_validator(mode="after")
    def _check_derivation(self) -> BudgetRule:
        if (self.status == "derived") != (self.derivation is not None):
            raise ValueError("a 'derivation' block is required for, and only for, status derived")
        if self.derivation is not None and self.derivation.base >= self.effective_from:
            raise ValueError("derivation.base must be before effective_from")
        return self


class OwnContribution(StrictModel):
    """The eigen bijdrage over hours taken as leave: ``percentage`` of the salary
    (``reduced_percentage`` up to schaal ``reduced_up_to_scale``), over at most
    ``max_hours`` a year, of at most ``max_hours_taken`` taken as leave a year (``None``:
    not read). A month's contribution is the hours (to ``hours_decimals``) over
    ``norm_hours_per_year``, that fraction to ``fraction_decimals`` (``fraction_rounding``),
    times the full-time monthly salary times the percentage."""

    percentage: Percentage
    reduced_percentage: Percentage
    reduced_up_to_scale: int = Field(ge=1, le=18)
    max_hours: PositiveQuantity
    max_hours_taken: PositiveQuantity | None = None
    norm_hours_per_year: PositiveQuantity
    hours_decimals: int = Field(ge=0, le=4)
    fraction_decimals: int = Field(ge=1, le=8)
    fraction_rounding: Literal["down", "half_up"]
    status: Status
    note: str = Field(min_length=1)


class HourBudgetItem(StrictModel):
    """One hour budget (starters, duurzame inzetbaarheid, ...) as the sources give it.

    ``hours_per_year: null`` means the table's ``personal_hours_per_week`` x its
    ``working_weeks_per_year``. Who has it: ``for_starters`` (starting teachers only),
    ``from_age`` (from that age), ``ends_past_aow_age`` (not when working past the AOW age).
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str = Field(min_length=1)
    hours_per_year: PositiveQuantity | None = None
    pro_rata: bool
    from_age: int | None = Field(default=None, ge=16, le=80)
    for_starters: bool = False
    ends_past_aow_age: bool = False
    saveable: bool
    max_saving_years: int | None = Field(default=None, ge=1, le=10)
    saving_note: str | None = None
    article: str | None = None
    min_hours_per_year: PositiveQuantity | None = None
    """The budget exists only where its yearly hours (after pro rata) reach this (57+: 45)."""
    own_contribution: OwnContribution | None = None
    """What the employee pays when the hours are taken as leave (57+ bijzonder budget)."""


class HourBudgets(TableVersion):
    """The hour budgets in force from a date (``data/budgets/professionalisation_hours_*``)."""

    kind: Literal["hour_budgets"]
    personal_hours_per_week: PositiveQuantity
    working_weeks_per_year: PositiveQuantity
    working_weeks_source: Source
    working_weeks_status: Status
    """How the yearly figure of a per-week budget stands: ``derived`` where the working
    weeks per year are not a CAO figure (the per-week hours x these weeks)."""
    budgets: Annotated[tuple[HourBudgetItem, ...], ListAsTuple] = Field(min_length=1)
