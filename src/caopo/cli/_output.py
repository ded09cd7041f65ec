"""Shared by the subcommands: Dutch euro amounts and the argparse types (JSON output is
:mod:`caopo.cli._json`)."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path

from caopo.errors import CaopoError, shown
from caopo.inputs import to_date, to_month, to_year

__all__ = ["as_date", "as_month", "as_number", "as_path", "as_year", "euro"]


def euro(amount: Decimal) -> str:
    """Dutch formatting: ``Decimal('3868')`` -> ``'€ 3.868,00'``.

    >>> euro(Decimal("1234567.5"))
    '€ 1.234.567,50'
    >>> euro(Decimal("-12.3"))
    '€ -12,30'
    """
    text = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


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
    """argparse type for a month (:func:`caopo.inputs.to_month`: YYYY-MM or a day in it), in
    a year caopo knows (:func:`caopo.inputs.to_year`)."""
    try:
        month = to_month(text)
        to_year(month.year, name=f"the year of month {text!r}")
        return month
    except CaopoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def as_path(text: str) -> Path:
    """argparse type for a file or folder: not empty, no NUL byte (the OS refuses both)."""
    if not text.strip() or "\x00" in text:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a file name")
    return Path(text)


def as_number(text: str) -> str:
    """argparse type for exact numbers: kept as text, validated by the API."""
    if not text.strip():
        raise argparse.ArgumentTypeError("a number is required")
    return text
