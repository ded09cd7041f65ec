"""The registry of the public Python API for the fuzz suite.

Every name in ``caopo._EXPORTS`` is here: either in :data:`CALLED` (a function, or a class
a caller constructs, fed arbitrary values by ``test_public_api.py``) or in
:data:`NOT_CALLED` with the reason it takes no input of its own. A public name added
without an entry fails ``test_every_public_name_is_registered``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """How one public callable is fuzzed."""

    negative: frozenset[str] = field(default_factory=frozenset)
    """Attribute names of the result whose amounts may rightly be below zero (a
    difference, not an amount paid)."""
    changes_tables: bool = False
    """The call may change the loaded tables: the suite resets them afterwards."""
    skip: frozenset[str] = field(default_factory=frozenset)
    """Parameters left at their defaults (documented where used)."""


CALLED: dict[str, Entry] = {
    "salary": Entry(),
    "salary_detail": Entry(),
    "scales": Entry(),
    "steps": Entry(),
    "tables": Entry(),
    "raises": Entry(),
    "data_version": Entry(),
    "reset_tables": Entry(changes_tables=True),
    "use_tables": Entry(changes_tables=True),
    "Employment": Entry(),
    "annual_income": Entry(),
    "back_pay": Entry(negative=frozenset({"difference", "amount", "total"})),
    "projected_salary": Entry(),
    "commuting_allowance": Entry(),
    "budget_detail": Entry(),
    "budget_statement": Entry(),
    "per_pupil_funding": Entry(),
    "per_pupil_funding_detail": Entry(),
    "professionalisation_budget": Entry(),
    "professionalisation_hours": Entry(),
    "register_status": Entry(),
    "director_funding": Entry(),
    "director_funding_detail": Entry(),
    "career_growth": Entry(),
    "career_pattern": Entry(),
    "career_pattern_detail": Entry(),
    "weighted_pupils": Entry(),
    "garantietoelage": Entry(),
    "garantietoelage_detail": Entry(),
    "school_leader_allowance": Entry(),
    "school_leader_allowance_detail": Entry(),
    "school_year": Entry(skip=frozenset({"name"})),
    "funded_school_year": Entry(),
    "scale_code": Entry(),
    "scale_info": Entry(),
    "numeric_scale": Entry(),
    "category_scale": Entry(),
    "successor": Entry(),
    "rename_chain": Entry(),
    "convert": Entry(),
    "career_timeline": Entry(),
    "avs_contribution": Entry(),
    "compare_editions": Entry(negative=frozenset({"change", "amount", "difference", "percent"})),
    "di_own_contribution": Entry(),
    "example_function": Entry(),
    "example_functions": Entry(),
    "functiemix": Entry(negative=frozenset({"gap_fte", "gap", "gap_share"})),
    "jubileum": Entry(),
    "parental_leave": Entry(negative=frozenset({"pay_effect", "total_pay_effect"})),
    "published_changes": Entry(negative=frozenset({"change", "amount", "difference"})),
}
"""Every public callable that takes input, and how it is fuzzed."""

_RESULT = "a result type: built by caopo, never from a caller's input"
_ERROR = "an exception class"
_VOCABULARY = "an enum of words: members are used, parsing goes through the functions"

NOT_CALLED: dict[str, str] = {
    "__version__": "a string",
    "CaopoError": _ERROR,
    "DataFileError": _ERROR,
    "InvalidInputError": _ERROR,
    "NoDataForDateError": _ERROR,
    "NoEquivalenceError": _ERROR,
    "NotPublishedError": _ERROR,
    "OverspendingError": _ERROR,
    "StepOutOfRangeError": _ERROR,
    "UnknownScaleError": _ERROR,
    "Category": _VOCABULARY,
    "SchoolType": _VOCABULARY,
    "AnnualIncome": _RESULT,
    "BackPay": _RESULT,
    "BudgetGrant": _RESULT,
    "BudgetStatement": _RESULT,
    "CareerPatternDetail": _RESULT,
    "CareerRow": _RESULT,
    "Conversion": _RESULT,
    "DirectorFundingDetail": _RESULT,
    "GarantietoelageDetail": _RESULT,
    "GrowthStep": _RESULT,
    "HoursEntitlement": _RESULT,
    "PerPupilResult": _RESULT,
    "RegisterStatus": _RESULT,
    "Rename": _RESULT,
    "SalaryDetail": _RESULT,
    "ScaleCode": _RESULT + " (a caller parses one with scale_code)",
    "ScaleInfo": _RESULT,
    "SchoolLeaderAllowanceDetail": _RESULT,
    "SchoolYear": _RESULT + " (a caller parses one with school_year)",
    "TableInfo": _RESULT,
    "AvsContribution": _RESULT,
    "CareerTimeline": _RESULT,
    "EditionComparison": _RESULT,
    "ExampleFunction": _RESULT,
    "FunctiemixResult": _RESULT,
    "Jubileum": _RESULT,
    "OwnContribution": _RESULT,
    "ParentalLeave": _RESULT,
    "PublishedChange": _RESULT,
}
"""Public names that are not called with arbitrary input, and why."""
