"""One input of a batch, read once per distinct value: a column of the frame, or one value
the caller gave for every row.

A :class:`Factor` holds one code per row and, per distinct value, its parsed value or the
:class:`~caopo.errors.CaopoError` that says why it cannot be read. Nothing is read by a
default the caller did not state: a column name that is not in the frame is an error
naming the columns it has (:meth:`caopo.batch.frames.Frame.column`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from caopo.batch.frames import Frame
from caopo.batch.gather import Codes, constant, factorise
from caopo.errors import CaopoError, InvalidInputError, shown

__all__ = ["Factor", "column_factor", "column_or_value", "parsed_or_error"]

Parse = Callable[..., Any]


@dataclass(frozen=True)
class Factor:
    """Codes per row, and per code the parsed value or the error that refused it."""

    codes: Codes
    parsed: list[Any]

    @property
    def size(self) -> int:
        return len(self.parsed)


def parsed_or_error(parse: Parse, value: object, name: str) -> Any:
    """``parse(value, name=name)``, or the :class:`CaopoError` it raised."""
    try:
        return parse(value, name=name)
    except CaopoError as exc:
        return exc


def column_factor(frame: Frame, name: object, *, role: str, parse: Parse) -> Factor:
    """The column *name*, each distinct value read by *parse* (a frame-value reader)."""
    codes, distinct = factorise(frame.column(name, role=role))
    label = f"column {name!r}"
    return Factor(codes, [parsed_or_error(parse, value, label) for value in distinct])


def column_or_value(
    frame: Frame, given: object, *, role: str, parse: Parse, value: Parse, example: str
) -> Factor:
    """A column when *given* names one, else one value for every row read by *value*
    (the scalar parser, so an argument is read as :func:`caopo.salary` reads it).

    Text that is neither a column nor a value is an error naming the columns.
    """
    if isinstance(given, str) and frame.has(given):
        return column_factor(frame, given, role=role, parse=parse)
    try:
        one = value(given, name=role)
    except CaopoError as exc:
        if not isinstance(given, str):
            raise
        raise InvalidInputError(
            f"no column {given!r} in the input (its columns: {frame.listing()}), and "
            f"{shown(given)} is not one {role} for every row ({exc}); name the {role} column "
            f"({role}='...') or give one value for every row, e.g. {role}={example}"
        ) from None
    return Factor(constant(frame.length), [one])
