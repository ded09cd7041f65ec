"""How the school-leader rules read a :class:`~caopo.inputs.SchoolType`.

Every function here parses a school type with :func:`caopo.inputs.to_school_type`, so all
spellings of the one vocabulary are accepted. A rule whose source prints one column for
several school types says so in a *reading* (member -> the column it is read as); a member
the rule has no column for is refused by name, with the members that do have data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from caopo.inputs import SchoolType, to_school_type

__all__ = ["describe", "members_with_data", "read_school_type"]


def read_school_type(
    value: object, reading: Mapping[SchoolType, SchoolType]
) -> tuple[SchoolType, SchoolType]:
    """The member *value* spells, and the column the rule reads it as."""
    member = to_school_type(value)
    return member, reading.get(member, member)


def describe(member: SchoolType, column: SchoolType) -> str:
    """``'vso' (read as 'so_vso')``, or ``'bo'`` where the member is its own column."""
    if member == column:
        return repr(member.value)
    return f"{member.value!r} (read as {column.value!r})"


def members_with_data(
    columns: Iterable[SchoolType], reading: Mapping[SchoolType, SchoolType]
) -> str:
    """Every member a rule can answer for, given the *columns* it has data for:
    ``bo, sbo, so, vso, so_vso``."""
    present = set(columns)
    return ", ".join(
        member.value for member in SchoolType if reading.get(member, member) in present
    )
