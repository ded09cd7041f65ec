"""caopo: exact, sourced, date-versioned arithmetic for the Dutch CAO PO.

Every public function takes its date explicitly, works in :class:`decimal.Decimal`,
and can tell which table, CAO article and source an answer rests on.

``import caopo`` is cheap: the public names are imported on first use, and the
tables are read on the first lookup, then cached.

>>> import caopo
>>> caopo.salary("LB", 5, on="2024-11-01", fte="0.8")
Decimal('3094.40')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "CaopoError": "caopo.errors",
    "Category": "caopo.inputs",
    "SchoolType": "caopo.inputs",
    "DataFileError": "caopo.errors",
    "InvalidInputError": "caopo.errors",
    "NoDataForDateError": "caopo.errors",
    "NotPublishedError": "caopo.errors",
    "StepOutOfRangeError": "caopo.errors",
    "UnknownScaleError": "caopo.errors",
    "SalaryDetail": "caopo.salary_scales.salary",
    "salary": "caopo.salary_scales.salary",
    "salary_detail": "caopo.salary_scales.salary",
    "scales": "caopo.salary_scales.salary",
    "steps": "caopo.salary_scales.salary",
    "TableInfo": "caopo.catalog.inventory",
    "tables": "caopo.catalog.inventory",
    "raises": "caopo.catalog.inventory",
    "AnnualIncome": "caopo.pay.income",
    "BackPay": "caopo.pay.back_pay",
    "Employment": "caopo.pay.employment",
    "annual_income": "caopo.pay.income",
    "back_pay": "caopo.pay.back_pay",
    "projected_salary": "caopo.pay.projection",
    "commuting_allowance": "caopo.pay.components.commuting",
    "Jubileum": "caopo.pay.components.jubilee",
    "jubileum": "caopo.pay.components.jubilee",
    "ParentalLeave": "caopo.pay.parental_leave",
    "parental_leave": "caopo.pay.parental_leave",
    "data_version": "caopo.catalog.loader",
    "reset_tables": "caopo.catalog.loader",
    "use_tables": "caopo.catalog.loader",
    "BudgetGrant": "caopo.professionalisation.budgets",
    "BudgetStatement": "caopo.professionalisation.ledger",
    "HoursEntitlement": "caopo.professionalisation.hours",
    "OwnContribution": "caopo.professionalisation.hours",
    "di_own_contribution": "caopo.professionalisation.hours",
    "PerPupilResult": "caopo.professionalisation.per_pupil",
    "RegisterStatus": "caopo.professionalisation.register",
    "budget_detail": "caopo.professionalisation.budgets",
    "budget_statement": "caopo.professionalisation.ledger",
    "per_pupil_funding": "caopo.professionalisation.per_pupil",
    "per_pupil_funding_detail": "caopo.professionalisation.per_pupil",
    "professionalisation_budget": "caopo.professionalisation.budgets",
    "professionalisation_hours": "caopo.professionalisation.hours",
    "register_status": "caopo.professionalisation.register",
    "OverspendingError": "caopo.errors",
    "DirectorFundingDetail": "caopo.leaders.funding",
    "director_funding": "caopo.leaders.funding",
    "director_funding_detail": "caopo.leaders.funding",
    "CareerPatternDetail": "caopo.leaders.career_patterns",
    "GrowthStep": "caopo.leaders.career_patterns",
    "career_growth": "caopo.leaders.career_patterns",
    "career_pattern": "caopo.leaders.career_patterns",
    "career_pattern_detail": "caopo.leaders.career_patterns",
    "weighted_pupils": "caopo.leaders.career_patterns",
    "GarantietoelageDetail": "caopo.leaders.garantietoelage",
    "garantietoelage": "caopo.leaders.garantietoelage",
    "garantietoelage_detail": "caopo.leaders.garantietoelage",
    "SchoolLeaderAllowanceDetail": "caopo.leaders.allowances",
    "school_leader_allowance": "caopo.leaders.allowances",
    "school_leader_allowance_detail": "caopo.leaders.allowances",
    "SchoolYear": "caopo.dates",
    "school_year": "caopo.dates",
    "funded_school_year": "caopo.dates",
    "NoEquivalenceError": "caopo.errors",
    "ScaleCode": "caopo.salary_scales.codes",
    "ScaleInfo": "caopo.salary_scales.codes",
    "Rename": "caopo.salary_scales.renames",
    "scale_code": "caopo.salary_scales.codes",
    "scale_info": "caopo.salary_scales.codes",
    "numeric_scale": "caopo.salary_scales.codes",
    "category_scale": "caopo.salary_scales.codes",
    "successor": "caopo.salary_scales.renames",
    "rename_chain": "caopo.salary_scales.renames",
    "Conversion": "caopo.salary_scales.conversions",
    "CareerRow": "caopo.salary_scales.careers",
    "CareerTimeline": "caopo.salary_scales.careers",
    "convert": "caopo.salary_scales.conversions",
    "career_timeline": "caopo.salary_scales.careers",
    "FunctiemixResult": "caopo.instruments.functiemix",
    "functiemix": "caopo.instruments.functiemix",
    "AvsContribution": "caopo.instruments.avs",
    "avs_contribution": "caopo.instruments.avs",
    "ExampleFunction": "caopo.instruments.example_functions",
    "example_function": "caopo.instruments.example_functions",
    "example_functions": "caopo.instruments.example_functions",
    "EditionComparison": "caopo.instruments.editions",
    "PublishedChange": "caopo.instruments.editions",
    "compare_editions": "caopo.instruments.editions",
    "published_changes": "caopo.instruments.editions",
}

__all__ = [
    "AnnualIncome",
    "AvsContribution",
    "BackPay",
    "BudgetGrant",
    "BudgetStatement",
    "CaopoError",
    "CareerPatternDetail",
    "CareerRow",
    "CareerTimeline",
    "Category",
    "Conversion",
    "DataFileError",
    "DirectorFundingDetail",
    "EditionComparison",
    "Employment",
    "ExampleFunction",
    "FunctiemixResult",
    "GarantietoelageDetail",
    "GrowthStep",
    "HoursEntitlement",
    "InvalidInputError",
    "Jubileum",
    "NoDataForDateError",
    "NoEquivalenceError",
    "NotPublishedError",
    "OverspendingError",
    "OwnContribution",
    "ParentalLeave",
    "PerPupilResult",
    "PublishedChange",
    "RegisterStatus",
    "Rename",
    "SalaryDetail",
    "ScaleCode",
    "ScaleInfo",
    "SchoolLeaderAllowanceDetail",
    "SchoolType",
    "SchoolYear",
    "StepOutOfRangeError",
    "TableInfo",
    "UnknownScaleError",
    "__version__",
    "annual_income",
    "avs_contribution",
    "back_pay",
    "budget_detail",
    "budget_statement",
    "career_growth",
    "career_pattern",
    "career_pattern_detail",
    "career_timeline",
    "category_scale",
    "commuting_allowance",
    "compare_editions",
    "convert",
    "data_version",
    "di_own_contribution",
    "director_funding",
    "director_funding_detail",
    "example_function",
    "example_functions",
    "functiemix",
    "funded_school_year",
    "garantietoelage",
    "garantietoelage_detail",
    "jubileum",
    "numeric_scale",
    "parental_leave",
    "per_pupil_funding",
    "per_pupil_funding_detail",
    "professionalisation_budget",
    "professionalisation_hours",
    "projected_salary",
    "published_changes",
    "raises",
    "register_status",
    "rename_chain",
    "reset_tables",
    "salary",
    "salary_detail",
    "scale_code",
    "scale_info",
    "scales",
    "school_leader_allowance",
    "school_leader_allowance_detail",
    "school_year",
    "steps",
    "successor",
    "tables",
    "use_tables",
    "weighted_pupils",
]

if TYPE_CHECKING:
    from caopo.catalog.inventory import TableInfo, raises, tables
    from caopo.catalog.loader import data_version, reset_tables, use_tables
    from caopo.dates import SchoolYear, funded_school_year, school_year
    from caopo.errors import (
        CaopoError,
        DataFileError,
        InvalidInputError,
        NoDataForDateError,
        NoEquivalenceError,
        NotPublishedError,
        OverspendingError,
        StepOutOfRangeError,
        UnknownScaleError,
    )
    from caopo.inputs import Category, SchoolType
    from caopo.instruments.avs import AvsContribution, avs_contribution
    from caopo.instruments.editions import (
        EditionComparison,
        PublishedChange,
        compare_editions,
        published_changes,
    )
    from caopo.instruments.example_functions import (
        ExampleFunction,
        example_function,
        example_functions,
    )
    from caopo.instruments.functiemix import FunctiemixResult, functiemix
    from caopo.leaders.allowances import (
        SchoolLeaderAllowanceDetail,
        school_leader_allowance,
        school_leader_allowance_detail,
    )
    from caopo.leaders.career_patterns import (
        CareerPatternDetail,
        GrowthStep,
        career_growth,
        career_pattern,
        career_pattern_detail,
        weighted_pupils,
    )
    from caopo.leaders.funding import (
        DirectorFundingDetail,
        director_funding,
        director_funding_detail,
    )
    from caopo.leaders.garantietoelage import (
        GarantietoelageDetail,
        garantietoelage,
        garantietoelage_detail,
    )
    from caopo.pay.back_pay import BackPay, back_pay
    from caopo.pay.components.commuting import commuting_allowance
    from caopo.pay.components.jubilee import Jubileum, jubileum
    from caopo.pay.employment import Employment
    from caopo.pay.income import AnnualIncome, annual_income
    from caopo.pay.parental_leave import ParentalLeave, parental_leave
    from caopo.pay.projection import projected_salary
    from caopo.professionalisation.budgets import (
        BudgetGrant,
        budget_detail,
        professionalisation_budget,
    )
    from caopo.professionalisation.hours import (
        HoursEntitlement,
        OwnContribution,
        di_own_contribution,
        professionalisation_hours,
    )
    from caopo.professionalisation.ledger import BudgetStatement, budget_statement
    from caopo.professionalisation.per_pupil import (
        PerPupilResult,
        per_pupil_funding,
        per_pupil_funding_detail,
    )
    from caopo.professionalisation.register import RegisterStatus, register_status
    from caopo.salary_scales.careers import CareerRow, CareerTimeline, career_timeline
    from caopo.salary_scales.codes import (
        ScaleCode,
        ScaleInfo,
        category_scale,
        numeric_scale,
        scale_code,
        scale_info,
    )
    from caopo.salary_scales.conversions import Conversion, convert
    from caopo.salary_scales.renames import Rename, rename_chain, successor
    from caopo.salary_scales.salary import SalaryDetail, salary, salary_detail, scales, steps


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'caopo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
