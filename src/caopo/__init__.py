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
    "DataFileError": "caopo.errors",
    "InvalidInputError": "caopo.errors",
    "NoDataForDateError": "caopo.errors",
    "NotPublishedError": "caopo.errors",
    "StepOutOfRangeError": "caopo.errors",
    "UnknownScaleError": "caopo.errors",
    "SalaryDetail": "caopo.lookup",
    "salary": "caopo.lookup",
    "salary_detail": "caopo.lookup",
    "scales": "caopo.lookup",
    "steps": "caopo.lookup",
    "TableInfo": "caopo.inventory",
    "tables": "caopo.inventory",
    "raises": "caopo.inventory",
    "AnnualIncome": "caopo.income",
    "BackPay": "caopo.income",
    "Employment": "caopo.income",
    "annual_income": "caopo.income",
    "back_pay": "caopo.income",
    "projected_salary": "caopo.income",
    "commuting_allowance": "caopo.allowances",
    "data_version": "caopo.catalog",
    "reset_tables": "caopo.catalog",
    "use_tables": "caopo.catalog",
    "BudgetGrant": "caopo.budgets",
    "BudgetStatement": "caopo.ledger",
    "HoursEntitlement": "caopo.budgets",
    "PerPupilResult": "caopo.per_pupil",
    "RegisterStatus": "caopo.register",
    "budget_detail": "caopo.budgets",
    "budget_statement": "caopo.ledger",
    "per_pupil_funding": "caopo.per_pupil",
    "per_pupil_funding_detail": "caopo.per_pupil",
    "professionalisation_budget": "caopo.budgets",
    "professionalisation_hours": "caopo.budgets",
    "register_status": "caopo.register",
    "OverspendingError": "caopo.errors",
    "DirectorFundingDetail": "caopo.funding",
    "director_funding": "caopo.funding",
    "director_funding_detail": "caopo.funding",
    "CareerPatternDetail": "caopo.career",
    "GrowthStep": "caopo.career",
    "career_growth": "caopo.career",
    "career_pattern": "caopo.career",
    "career_pattern_detail": "caopo.career",
    "weighted_pupils": "caopo.career",
    "GarantietoelageDetail": "caopo.garantie",
    "garantietoelage": "caopo.garantie",
    "garantietoelage_detail": "caopo.garantie",
    "SchoolLeaderAllowanceDetail": "caopo.leader_allowances",
    "school_leader_allowance": "caopo.leader_allowances",
    "school_leader_allowance_detail": "caopo.leader_allowances",
    "SchoolYear": "caopo.dates",
    "school_year": "caopo.dates",
    "funded_school_year": "caopo.dates",
    "NoEquivalenceError": "caopo.errors",
    "ScaleCode": "caopo.codes",
    "ScaleInfo": "caopo.codes",
    "Rename": "caopo.codes",
    "scale_code": "caopo.codes",
    "scale_info": "caopo.codes",
    "numeric_scale": "caopo.codes",
    "category_scale": "caopo.codes",
    "successor": "caopo.codes",
    "rename_chain": "caopo.codes",
    "Conversion": "caopo.careers",
    "CareerRow": "caopo.careers",
    "convert": "caopo.careers",
    "career_timeline": "caopo.careers",
}

__all__ = [
    "AnnualIncome",
    "BackPay",
    "BudgetGrant",
    "BudgetStatement",
    "CaopoError",
    "CareerPatternDetail",
    "CareerRow",
    "Conversion",
    "DataFileError",
    "DirectorFundingDetail",
    "Employment",
    "GarantietoelageDetail",
    "GrowthStep",
    "HoursEntitlement",
    "InvalidInputError",
    "NoDataForDateError",
    "NoEquivalenceError",
    "NotPublishedError",
    "OverspendingError",
    "PerPupilResult",
    "RegisterStatus",
    "Rename",
    "SalaryDetail",
    "ScaleCode",
    "ScaleInfo",
    "SchoolLeaderAllowanceDetail",
    "SchoolYear",
    "StepOutOfRangeError",
    "TableInfo",
    "UnknownScaleError",
    "__version__",
    "annual_income",
    "back_pay",
    "budget_detail",
    "budget_statement",
    "career_growth",
    "career_pattern",
    "career_pattern_detail",
    "career_timeline",
    "category_scale",
    "commuting_allowance",
    "convert",
    "data_version",
    "director_funding",
    "director_funding_detail",
    "funded_school_year",
    "garantietoelage",
    "garantietoelage_detail",
    "numeric_scale",
    "per_pupil_funding",
    "per_pupil_funding_detail",
    "professionalisation_budget",
    "professionalisation_hours",
    "projected_salary",
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
    from caopo.allowances import commuting_allowance
    from caopo.budgets import (
        BudgetGrant,
        HoursEntitlement,
        budget_detail,
        professionalisation_budget,
        professionalisation_hours,
    )
    from caopo.career import (
        CareerPatternDetail,
        GrowthStep,
        career_growth,
        career_pattern,
        career_pattern_detail,
        weighted_pupils,
    )
    from caopo.careers import CareerRow, Conversion, career_timeline, convert
    from caopo.catalog import data_version, reset_tables, use_tables
    from caopo.codes import (
        Rename,
        ScaleCode,
        ScaleInfo,
        category_scale,
        numeric_scale,
        rename_chain,
        scale_code,
        scale_info,
        successor,
    )
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
    from caopo.funding import DirectorFundingDetail, director_funding, director_funding_detail
    from caopo.garantie import GarantietoelageDetail, garantietoelage, garantietoelage_detail
    from caopo.income import (
        AnnualIncome,
        BackPay,
        Employment,
        annual_income,
        back_pay,
        projected_salary,
    )
    from caopo.inventory import TableInfo, raises, tables
    from caopo.leader_allowances import (
        SchoolLeaderAllowanceDetail,
        school_leader_allowance,
        school_leader_allowance_detail,
    )
    from caopo.ledger import BudgetStatement, budget_statement
    from caopo.lookup import SalaryDetail, salary, salary_detail, scales, steps
    from caopo.per_pupil import PerPupilResult, per_pupil_funding, per_pupil_funding_detail
    from caopo.register import RegisterStatus, register_status


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'caopo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
