"""The schemas of the table files, one module per ``data/`` folder, and the registry that
says which schema reads a file by its ``kind``.

The registry is built from real imports: a new kind is one schema class in the module of
its folder and one line here.
"""

from __future__ import annotations

from caopo.schema.allowances import (
    CommutingRule,
    EndOfYearPayment,
    HolidayAllowance,
    JubileeRule,
    OneOffPayments,
    OopYearlyPayment,
    ParentalLeaveRule,
    SchoolLeaderAllowanceTable,
    YearlyAllowance,
)
from caopo.schema.avs import AvsRates
from caopo.schema.base import DataDocument
from caopo.schema.budgets import BudgetRule, HourBudgets
from caopo.schema.career_patterns import CareerPatternTable
from caopo.schema.editions import EditionComparisonTable
from caopo.schema.example_functions import ExampleFunctions
from caopo.schema.functiemix import FunctiemixRules
from caopo.schema.funding import DirectorFundingTable, PerPupilFunding
from caopo.schema.garantietoelage import GuaranteeRules
from caopo.schema.mappings import ScaleCodeRegistry, ScaleTransitions
from caopo.schema.raises import RaiseChain
from caopo.schema.register import RegisterRules
from caopo.schema.scales import ScaleTable

__all__ = ["KIND_MODELS"]

KIND_MODELS: dict[str, type[DataDocument]] = {
    "salary_scales": ScaleTable,
    "raise_chain": RaiseChain,
    "scale_codes": ScaleCodeRegistry,
    "scale_transitions": ScaleTransitions,
    "director_funding": DirectorFundingTable,
    "career_patterns": CareerPatternTable,
    "guarantee_rules": GuaranteeRules,
    "school_leader_allowance": SchoolLeaderAllowanceTable,
    "end_of_year_payment": EndOfYearPayment,
    "holiday_allowance": HolidayAllowance,
    "oop_yearly_payment": OopYearlyPayment,
    "yearly_allowance": YearlyAllowance,
    "jubilee_payment": JubileeRule,
    "parental_leave": ParentalLeaveRule,
    "commuting_allowance": CommutingRule,
    "one_off_payments": OneOffPayments,
    "professionalisation_budget": BudgetRule,
    "hour_budgets": HourBudgets,
    "per_pupil_funding": PerPupilFunding,
    "register_rules": RegisterRules,
    "functiemix": FunctiemixRules,
    "avs_contribution": AvsRates,
    "example_functions": ExampleFunctions,
    "edition_comparison": EditionComparisonTable,
}
"""Which schema reads a file, by its ``kind``."""
