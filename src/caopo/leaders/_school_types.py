"""How the school-leader rules read a :class:`~caopo.inputs.SchoolType`: the one place.

Every function here parses a school type with :func:`caopo.inputs.to_school_type`, so all
spellings of the one vocabulary are accepted. A rule whose source prints one column for
several school types says so in its *reading* below (member -> the column it is read as),
one table per rule set, each with the reason for every entry. A member the rule has no
column for is refused by name with :class:`~caopo.errors.NotPublishedError` (the member
exists; the source has no amounts for it), listing the members that do have data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from caopo.inputs import SchoolType, to_school_type

__all__ = [
    "CAREER_PATTERN_READING",
    "FUNDING_READING",
    "describe",
    "describe_reading",
    "members_with_data",
    "read_school_type",
]

FUNDING_READING: Mapping[SchoolType, SchoolType] = {
    SchoolType.SO: SchoolType.SO_VSO,
    SchoolType.VSO: SchoolType.SO_VSO,
}
"""The aanvullende bekostiging schoolleiding (``data/funding/director_funding_*``).

* ``so`` and ``vso`` are read as ``so_vso``: the yearly Regeling bekostiging personeel PO
  prints one column "SO of VSO" for a school that is either, and Besluit bekostiging WEC
  art. 35 sets one amount per onderwijssoort, not per SO or VSO school apart.

Every other member (bo, sbo, so_vso, sovso, mg_so_vso, mg_sovso) is its own column."""

CAREER_PATTERN_READING: Mapping[SchoolType, SchoolType] = {
    SchoolType.VSO: SchoolType.SO,
    SchoolType.SO_VSO: SchoolType.SO,
}
"""The director career patterns (``data/career_patterns/``, CAO PO Bijlage A1).

* ``vso`` and ``so_vso`` are read as ``so``: Bijlage A1 prints three columns, bo, sbo and
  so; its so column measures the total normative formation Q of a school for (voortgezet)
  speciaal onderwijs, so a VSO school, or one that is SO or VSO, is measured by it.

No reading of the combined SOVSO school or of the MG types was found in the sources:
``sovso``, ``mg_so_vso`` and ``mg_sovso`` have no career patterns."""


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


def describe_reading(reading: Mapping[SchoolType, SchoolType]) -> str:
    """``so as so_vso, vso as so_vso``: a reading in words (for help texts).

    >>> describe_reading(CAREER_PATTERN_READING)
    'vso as so, so_vso as so'
    """
    return ", ".join(f"{member} as {column}" for member, column in reading.items())


def members_with_data(
    columns: Iterable[SchoolType], reading: Mapping[SchoolType, SchoolType]
) -> str:
    """Every member a rule can answer for, given the *columns* it has data for:
    ``bo, sbo, so, vso, so_vso``."""
    present = set(columns)
    return ", ".join(
        member.value for member in SchoolType if reading.get(member, member) in present
    )
