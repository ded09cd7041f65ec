"""What the fuzz suite feeds the public API: junk of every type, and plausible values.

Junk alone stops at the first parser, so every argument is drawn from a mix: usually a
plausible value for its parameter (a real scale, a date the tables cover, a valid fte),
sometimes junk. That reaches the rules behind the parsers with one bad argument at a
time, which is where escapes hide.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import caopo

# --------------------------------------------------------------------------- junk

TRICKY_TEXT = (
    "",
    " ",
    "²",
    "١٢",
    "\uff15",  # a full-width 5
    "1E+999999",
    "1e30",
    "-1e30",
    "1e-30",
    "4.861",
    "1.000",
    "3.463,50",
    "0x10",
    "010",
    "1_000",
    "+5",
    "-0",
    "-1",
    "NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "9" * 400,
    "1" + "0" * 5000,
    "0." + "0" * 400 + "1",
    "2024-02-30",
    "9999-12-31",
    "0001-01-01",
    "2024-13",
    "9999-12",
    "2024-1-1",
    "2021-2022",
    "2021/2022",
    "\x00",
    "\n",
    "LB\nunit: injected",
    "schaal ²",
    "DC+uitloop",
    "x" * 5000,
)

TRICKY_NUMBERS: tuple[object, ...] = (
    0,
    -1,
    10**20,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1e30"),
    Decimal("1e-30"),
    Decimal("1E+999999"),
    Decimal("4.861"),
    Decimal("-0"),
    float("nan"),
    float("inf"),
    0.8,
    True,
    False,
)

JUNK_SCALAR = st.one_of(
    st.sampled_from(TRICKY_TEXT),
    st.sampled_from(TRICKY_NUMBERS),
    st.sampled_from((1, -1)).map(lambda sign: sign * 10**5000),  # mapped: no repr of it
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(),
    st.decimals(),
    st.text(max_size=12),
    st.binary(max_size=6),
    st.dates(),
    st.datetimes(),
    st.just(object()),
    st.just(Path("/")),
    st.fractions(),
    st.complex_numbers(),
)

JUNK: st.SearchStrategy[object] = st.recursive(
    JUNK_SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.integers(), st.text(max_size=4)), inner, max_size=3),
        st.frozensets(st.integers(), max_size=3),
    ),
    max_leaves=8,
)

# --------------------------------------------------------------------------- plausible

SCALES = (
    "LA",
    "LB",
    "LC",
    "LD",
    "LE",
    "L10",
    "L11",
    "L12",
    "8",
    "11",
    "DA",
    "DB",
    "DC",
    "DC+U",
    "DD",
    "D12",
    "D13",
    "A11",
    "A12",
    "AB",
    "schaal 8",
    "lb",
)
DATES = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))
DAY = st.one_of(DATES, DATES.map(date.isoformat))
YEARS = st.integers(min_value=2012, max_value=2030)
FTE: st.SearchStrategy[Decimal | int | str] = st.sampled_from(
    ("1", "0.8", Decimal("0.7"), 1, "1.2", "0.4", Decimal("0.5333"))
)
MONEY = st.one_of(
    st.sampled_from(("4861.00", "4861", "3463,50", Decimal("5020.12"), 3500, "0.75")),
    st.decimals(min_value=0, max_value=10**5, places=2),
)
PUPILS = st.one_of(st.integers(min_value=0, max_value=2000), st.integers(0, 2000).map(str))
SCHOOL_TYPES = st.sampled_from(("bo", "sbo", "so", "vso", "so_vso", "sovso", "basisschool"))
SCHOOL_YEARS = st.integers(min_value=2012, max_value=2028).map(lambda y: f"{y}-{y + 1}")
CATEGORIES = st.sampled_from(("teacher", "director", "adjunct", "oop", "support_staff", "leraar"))


@st.composite
def employments(draw: st.DrawFn) -> caopo.Employment:
    """A valid :class:`caopo.Employment` (the draw is retried where one is refused)."""
    scale = draw(st.sampled_from(("LB", "L10", "LC", "DB", "8", "D12", "A11")))
    start = draw(st.dates(min_value=date(2014, 1, 1), max_value=date(2027, 12, 31)))
    try:
        return caopo.Employment(
            scale,
            draw(st.integers(min_value=1, max_value=12)),
            start,
            fte=draw(FTE),
            end=draw(st.one_of(st.none(), st.just(start.replace(day=28)))),
            commute_km=draw(st.one_of(st.none(), st.sampled_from(("12", "0", "40.5")))),
        )
    except caopo.CaopoError:
        from hypothesis import reject

        reject()


SPENDING = st.lists(
    st.tuples(DAY, MONEY),
    max_size=4,
)

PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "scale": st.sampled_from(SCALES),
    "step": st.one_of(st.integers(min_value=0, max_value=16), st.integers(1, 16).map(str)),
    "on": DAY,
    "at": DAY,
    "since": DAY,
    "until": DAY,
    "held_on": st.one_of(st.none(), DAY),
    "as_known_on": st.one_of(st.none(), DAY),
    "paid_as_known_on": DAY,
    "owed_as_known_on": DAY,
    "months": st.lists(DAY, max_size=14),
    "in_service_from": st.one_of(st.none(), DAY),
    "fte": FTE,
    "year": YEARS,
    "first_year": YEARS,
    "last_year": YEARS,
    "strict": st.booleans(),
    "holiday_month": st.one_of(st.none(), st.integers(min_value=1, max_value=12)),
    "projection": st.booleans(),
    "employment": employments(),
    "category": CATEGORIES,
    "year_basis": st.sampled_from(("calendar", "school")),
    "pro_rata": st.one_of(st.none(), st.booleans()),
    "saving_agreed": st.booleans(),
    "spending": SPENDING,
    "usable_years_when_unread": st.one_of(st.none(), st.integers(1, 6)),
    "counts": st.dictionaries(YEARS, PUPILS, max_size=4),
    "school_type": SCHOOL_TYPES,
    "start_scale": st.sampled_from(("DA", "DB", "DC", "DD", "DE")),
    "count": PUPILS,
    "mode": st.sampled_from(("strict", "lenient")),
    "days_worked": st.one_of(st.none(), st.dictionaries(YEARS, st.integers(0, 366), max_size=3)),
    "min_days": st.one_of(st.none(), st.integers(0, 366)),
    "numeric": st.integers(min_value=1, max_value=18),
    "km_one_way": st.sampled_from(("0", "12", "40.5", 75, Decimal("9.9"))),
    "days_per_week": st.one_of(st.none(), st.sampled_from(("5", "4.5", 1))),
    "replacement": st.booleans(),
    "code": st.sampled_from(SCALES),
    "pupils": PUPILS,
    "school_year": SCHOOL_YEARS,
    "teldatum": DAY,
    "value": st.one_of(st.sampled_from(SCALES), SCHOOL_YEARS, YEARS),
    "old_scale": st.sampled_from(("DA", "DB", "DC", "DD", "DE", "LB", "L11")),
    "old_step": st.integers(min_value=1, max_value=12),
    "new_scale": st.sampled_from(("D11", "D12", "D13", "D14", "LB", "DC")),
    "new_step": st.one_of(st.none(), st.integers(min_value=1, max_value=12)),
    "new_salary": st.one_of(st.none(), MONEY),
    "directietoelage": st.one_of(st.none(), st.booleans()),
    "unresolved_raises_count": st.booleans(),
    "old_step_on": st.one_of(st.none(), DAY),
    "kind": st.sampled_from(("professionalisation", "prestatiebox", "professionalisering")),
    "age": st.one_of(st.none(), st.integers(15, 70)),
    "starter": st.booleans(),
    "past_aow_age": st.booleans(),
    "registered_on": DAY,
    "reregistered": st.lists(DAY, max_size=3),
    "cycle_years": st.one_of(st.none(), st.integers(1, 6)),
    "registration_type": st.sampled_from(("RDO", "RVDO", "rdo")),
    "allowance": st.sampled_from(("directietoelage", "bindingstoelage", "arbeidsmarkttoelage")),
    "folder": st.sampled_from(("/nonexistent-caopo-folder", "")),
    "replace": st.booleans(),
    "members": st.lists(
        st.fixed_dictionaries(
            {"name": st.sampled_from("AB"), "school": st.just("12AB"), "pupils": PUPILS}
        ),
        max_size=3,
    ),
    "before": DAY,
    "after": DAY,
    "salary": MONEY,
    "hours": st.one_of(st.none(), st.sampled_from(("40", "16.5", 0))),
    "name": st.sampled_from(("eenpitter", "Functie onderwijsassistent B", "leraar")),
    "staff": st.lists(
        st.fixed_dictionaries({"scale": st.sampled_from(("LA", "LB", "LC", "8")), "fte": FTE}),
        max_size=4,
    ),
    "sector": st.sampled_from(("bao", "sbao", "so")),
    "years": st.sampled_from((12, 25, 40, "25")),
    "child_born": DAY,
    "hours_per_week": st.sampled_from(("8", "4.5", 0, "40")),
    # Employment's own parameters
    "start": DAY,
    "end": st.one_of(st.none(), DAY),
    "step_increase": st.booleans(),
    "commute_km": st.one_of(st.none(), st.sampled_from(("12", "0"))),
    "travel_days_per_week": st.one_of(st.none(), st.sampled_from(("5", "3"))),
}
"""A plausible value for every parameter name of the public API (the suite checks that
every parameter of every registered function has one)."""


def argument(name: str) -> st.SearchStrategy[Any]:
    """Mostly plausible, sometimes junk: one bad argument at a time reaches the rules."""
    return st.one_of(PLAUSIBLE[name], PLAUSIBLE[name], PLAUSIBLE[name], JUNK)


__all__ = ["JUNK", "PLAUSIBLE", "argument", "employments"]
