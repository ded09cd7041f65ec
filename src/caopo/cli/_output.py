"""Formatting shared by the subcommands: Dutch euro amounts and exact JSON."""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from caopo.errors import CaopoError
from caopo.inputs import to_date, to_month, to_year

__all__ = ["as_date", "as_number", "dump_json", "euro", "to_jsonable"]


def euro(amount: Decimal) -> str:
    """Dutch formatting: ``Decimal('3868')`` -> ``'€ 3.868,00'``.

    >>> euro(Decimal("1234567.5"))
    '€ 1.234.567,50'
    >>> euro(Decimal("-12.3"))
    '€ -12,30'
    """
    text = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


def to_jsonable(value: Any) -> Any:
    """Turn results into JSON-ready values; amounts become strings to stay exact."""
    if isinstance(value, BaseModel):
        return to_jsonable(value.model_dump())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (Decimal, date, Path)):
        return str(value)
    return value


def dump_json(value: Any) -> str:
    """Indented JSON of *value* (see :func:`to_jsonable`)."""
    return json.dumps(to_jsonable(value), indent=2, ensure_ascii=False)


def as_date(text: str) -> date:
    """argparse type for ISO dates."""
    try:
        return to_date(text, name="date")
    except CaopoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def as_year(text: str) -> int:
    """argparse type for a calendar year (:func:`caopo.inputs.to_year`)."""
    try:
        return to_year(text)
    except CaopoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def as_month(text: str) -> date:
    """argparse type for a month (:func:`caopo.inputs.to_month`: YYYY-MM or a day in it)."""
    try:
        return to_month(text)
    except CaopoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def as_number(text: str) -> str:
    """argparse type for exact numbers: kept as text, validated by the API."""
    if not text.strip():
        raise argparse.ArgumentTypeError("a number is required")
    return text
