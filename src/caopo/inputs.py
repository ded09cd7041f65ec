"""The one parser per input concept: what every public function accepts, and how.

Each concept a caller passes in has exactly one parser here, so every public function
accepts the same spellings and refuses the same junk with the same message:

* a date: a :class:`datetime.date` or ISO text (a ``datetime`` is refused with a hint);
* a year, a step (trede), a werktijdfactor (fte), a count of pupils;
* a scale as text (``"lb"``, ``"schaal 8"``, ``"DC+uitloop"``) or a parsed scale code;
* a :class:`Category` of staff and a :class:`SchoolType`, each with the Dutch and English
  names people write.

Amounts (two decimals at most) and factors are parsed in :mod:`caopo.money`. Every refusal is an
:class:`~caopo.errors.InvalidInputError` (or :class:`~caopo.errors.UnknownScaleError` for
text that is no scale code) naming the input and what would be valid.
"""

from __future__ import annotations

import os
import re
import unicodedata
from contextlib import suppress
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Protocol

from caopo.errors import InvalidInputError, UnknownScaleError, shown
from caopo.money import to_decimal

__all__ = [
    "FTE_MAX",
    "Category",
    "HasCode",
    "SchoolType",
    "category_of_code",
    "function_name_key",
    "scale_text",
    "spelling_key",
    "to_category",
    "to_date",
    "to_days",
    "to_days_per_week",
    "to_flag",
    "to_folder",
    "to_fte",
    "to_km",
    "to_month",
    "to_month_of_year",
    "to_pupils",
    "to_school_type",
    "to_step",
    "to_year",
    "to_years",
]

FTE_MAX = Decimal("1.2")
"""The highest werktijdfactor: 48 hours a week over the 40-hour full-time week."""


def _whole(value: object, *, name: str, minimum: int, maximum: int, unit: str = "") -> int:
    """An int, or a string of ASCII digits, from *minimum* to *maximum*: the one reading of
    every whole-number input (``"²"`` is a digit to :meth:`str.isdigit`, not to caopo)."""
    number = value
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= len(str(maximum)):
            number = int(text)
    if isinstance(number, bool) or not isinstance(number, int) or not minimum <= number <= maximum:
        raise InvalidInputError(
            f"{name} must be a whole number{unit} from {minimum} to {maximum}, not {shown(value)}"
        )
    return number


def to_date(value: object, *, name: str = "on") -> date:
    """Return *value* as a :class:`datetime.date`; accept a date or an ISO string.

    A ``datetime`` is refused: CAO rules work on calendar days, and silently
    dropping a time (or a time zone) would hide a mistake.

    >>> to_date("2024-03-01")
    datetime.date(2024, 3, 1)
    >>> to_date("1 maart")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: on must be a date or an ISO date string like '2024-03-01', not '1 maart'
    """
    if isinstance(value, datetime):
        raise InvalidInputError(
            f"{name} must be a date, not a datetime ({shown(value)}); use .date()"
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        if match is not None:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                raise InvalidInputError(
                    f"{name} {shown(value)} is not a day of the calendar"
                ) from None
    raise InvalidInputError(
        f"{name} must be a date or an ISO date string like '2024-03-01', not {shown(value)}"
    )


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)


def to_month(value: object, *, name: str = "month") -> date:
    """A calendar month as its first day: ``"2025-03"``, or a day in it (a date or ISO text).

    >>> to_month("2025-03"), to_month("2025-03-17"), to_month(date(2025, 3, 17))
    (datetime.date(2025, 3, 1), datetime.date(2025, 3, 1), datetime.date(2025, 3, 1))
    """
    if isinstance(value, str):
        match = _ISO_MONTH.match(value.strip())
        if match is not None:
            if not 1 <= int(match[2]) <= 12:
                raise InvalidInputError(f"{name} {shown(value)} is not a month of the year")
            return date(int(match[1]), int(match[2]), 1)
    try:
        return to_date(value, name=name).replace(day=1)
    except InvalidInputError:
        raise InvalidInputError(
            f"{name} must be a month like '2025-03' or a day in it, not {shown(value)}"
        ) from None


def to_month_of_year(value: object, *, name: str = "month") -> int:
    """A month of the year, 1 (January) to 12 (December): an int or a string of digits (a
    payment month).

    >>> to_month_of_year("5")
    5
    """
    return _whole(value, name=name, minimum=1, maximum=12)


def to_flag(value: object, *, name: str) -> bool:
    """``True`` or ``False``, nothing else: ``"no"`` and ``0`` are refused, because reading
    them as yes or no would silently mean the opposite of what was meant.

    >>> to_flag(True, name="strict")
    True
    """
    if not isinstance(value, bool):
        raise InvalidInputError(f"{name} must be True or False, not {shown(value)}")
    return value


def to_folder(value: object, *, name: str = "folder") -> Path:
    """A folder that exists (text or an :class:`os.PathLike`), checked before any file is read."""
    text = os.fspath(value) if isinstance(value, (str, os.PathLike)) else None
    with suppress(OSError):  # a name too long for the system
        if isinstance(text, str) and text.strip() and Path(text).is_dir():
            return Path(text)
    raise InvalidInputError(f"{name} must be a folder that exists, not {shown(value)}")


def to_years(value: object, *, name: str, minimum: int, maximum: int) -> int:
    """A whole number of years from *minimum* to *maximum*: an int or a string of digits
    (an age, a re-registration cycle, a number of usable budget years).

    >>> to_years("57", name="age", minimum=0, maximum=120)
    57
    """
    return _whole(value, name=name, minimum=minimum, maximum=maximum, unit=" of years")


def to_km(value: object, *, name: str = "km_one_way") -> Decimal:
    """A one-way commuting distance in km: a Decimal, int or str, 0 or more.

    >>> to_km("12.5")
    Decimal('12.5')
    """
    km = to_decimal(value, name=name)
    if km < 0:
        raise InvalidInputError(f"{name} must be 0 or more km, not {shown(value)}")
    return km


def to_days_per_week(value: object, *, name: str = "days_per_week") -> Decimal:
    """Days a week (of travel, of work): a Decimal, int or str from 0 to 7.

    >>> to_days_per_week("4.5")
    Decimal('4.5')
    """
    days = to_decimal(value, name=name)
    if not 0 <= days <= 7:
        raise InvalidInputError(f"{name} must be from 0 to 7 days a week, not {shown(value)}")
    return days


def to_days(value: object, *, name: str = "days", maximum: int = 366) -> int:
    """A whole number of days from 0 to *maximum* (a school year has at most 366).

    >>> to_days("47")
    47
    """
    return _whole(value, name=name, minimum=0, maximum=maximum, unit=" of days")


def to_year(value: object, *, name: str = "year") -> int:
    """A calendar year (or the first year of a school year) from 1900 to 2199.

    >>> to_year("2021")
    2021
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidInputError(f"{name} must be a year like 2021, not {shown(value)}")
    text = value.strip() if isinstance(value, str) else None
    if text is not None and not (text.isascii() and text.isdigit() and len(text) == 4):
        raise InvalidInputError(f"{name} must be a year like 2021, not {shown(value)}")
    year = int(value)
    if not 1900 <= year <= 2199:
        raise InvalidInputError(f"{name} {shown(value)} is out of range 1900..2199")
    return year


def to_step(value: object, *, name: str = "step (trede)") -> int:
    """A step (trede): an int, or a string of digits, from 1 to 99.

    >>> to_step("5")
    5
    """
    return _whole(value, name=name, minimum=1, maximum=99)


def to_fte(
    value: object, *, name: str = "fte (werktijdfactor)", allow_zero: bool = False
) -> Decimal:
    """A werktijdfactor: a Decimal, int or str above 0 and at most 1.2. With *allow_zero*,
    0 is accepted too: a year (of a budget) in which someone was not employed.

    >>> to_fte("0.8")
    Decimal('0.8')
    >>> to_fte("0.12345")
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: fte (werktijdfactor) has at most four decimals (Rechtspositiebesluit WPO/WEC art. 1 sub g: 'rekenkundig afgerond op vier cijfers achter de komma'; AVS), not '0.12345'; round it to four decimals first, as payroll does
    >>> to_fte(2)
    Traceback (most recent call last):
    ...
    caopo.errors.InvalidInputError: fte (werktijdfactor) must be above 0 and at most 1.2 (48 of 40 hours), not 2
    """
    fte = to_decimal(value, name=name)
    if allow_zero and fte == 0:
        return Decimal(0)
    if not 0 < fte <= FTE_MAX:
        zero = " (or 0: not employed that year)" if allow_zero else ""
        raise InvalidInputError(
            f"{name} must be above 0 and at most {FTE_MAX} (48 of 40 hours){zero}, "
            f"not {shown(value)}"
        )
    if fte % Decimal("0.0001") != 0:
        raise InvalidInputError(
            f"{name} has at most four decimals (Rechtspositiebesluit WPO/WEC art. 1 sub g: "
            f"'rekenkundig afgerond op vier cijfers achter de komma'; AVS), not {shown(value)}; "
            f"round it to four decimals first, as payroll does"
        )
    return fte


def to_pupils(value: object, *, name: str = "pupils", maximum: int = 100_000) -> int:
    """A whole count of pupils from 0 to *maximum*: an int or a string of digits.

    >>> to_pupils("98")
    98
    """
    return _whole(value, name=name, minimum=0, maximum=maximum, unit=" of pupils")


class _Vocabulary(str, Enum):
    """An enum whose members are their value as text (``str(member) == member.value``)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Category(_Vocabulary):
    """Who a rule is for. Accepted spellings (any case, ``-``/``_``/space alike):

    * ``teacher``: leraar, leerkracht;
    * ``adjunct``: adjunct-directeur, adjunct-director;
    * ``director``: directeur;
    * ``support_staff``: oop, onderwijsondersteunend (personeel), support staff;
    * ``board``: bestuurder.

    >>> to_category("Adjunct-directeur")
    <Category.ADJUNCT: 'adjunct'>
    >>> str(to_category("OOP"))
    'support_staff'
    """

    TEACHER = "teacher"
    ADJUNCT = "adjunct"
    DIRECTOR = "director"
    SUPPORT_STAFF = "support_staff"
    BOARD = "board"


class SchoolType(_Vocabulary):
    """The kind of school. Accepted spellings (any case, ``-``/``_``/``/``/space alike):

    * ``bo``: bao, basisonderwijs, basisschool;
    * ``sbo``: sbao, speciaal basisonderwijs;
    * ``so``: speciaal onderwijs; ``vso``: voortgezet speciaal onderwijs;
    * ``so_vso``: "SO of VSO", "(v)so" (a school that is one or the other);
    * ``sovso``: a combined school for SO and VSO;
    * ``mg_so_vso``: MG SO or VSO (multiply disabled pupils); also mg_so, mg_vso;
    * ``mg_sovso``: MG SOVSO.

    >>> to_school_type("SO/VSO")
    <SchoolType.SO_VSO: 'so_vso'>
    >>> str(to_school_type("basisschool"))
    'bo'
    """

    BO = "bo"
    SBO = "sbo"
    SO = "so"
    VSO = "vso"
    SO_VSO = "so_vso"
    SOVSO = "sovso"
    MG_SO_VSO = "mg_so_vso"
    MG_SOVSO = "mg_sovso"


def _key(text: str) -> str:
    return " ".join(re.sub(r"[-_/]", " ", text.strip().lower()).split())


_CATEGORY_SPELLINGS: dict[str, Category] = {
    **{_key(c.value): c for c in Category},
    "leraar": Category.TEACHER,
    "leerkracht": Category.TEACHER,
    "adjunct directeur": Category.ADJUNCT,
    "adjunct director": Category.ADJUNCT,
    "directeur": Category.DIRECTOR,
    "oop": Category.SUPPORT_STAFF,
    "onderwijsondersteunend": Category.SUPPORT_STAFF,
    "onderwijsondersteunend personeel": Category.SUPPORT_STAFF,
    "bestuurder": Category.BOARD,
}

_SCHOOL_TYPE_SPELLINGS: dict[str, SchoolType] = {
    **{_key(s.value): s for s in SchoolType},
    "bao": SchoolType.BO,
    "basisonderwijs": SchoolType.BO,
    "basisschool": SchoolType.BO,
    "sbao": SchoolType.SBO,
    "speciaal basisonderwijs": SchoolType.SBO,
    "speciaal onderwijs": SchoolType.SO,
    "voortgezet speciaal onderwijs": SchoolType.VSO,
    "so of vso": SchoolType.SO_VSO,
    "so or vso": SchoolType.SO_VSO,
    "(v)so": SchoolType.SO_VSO,
    "mg so": SchoolType.MG_SO_VSO,
    "mg vso": SchoolType.MG_SO_VSO,
    "mg so of vso": SchoolType.MG_SO_VSO,
}


def to_category(value: object, *, name: str = "category") -> Category:
    """Parse a :class:`Category` from any of its spellings (or a member)."""
    if isinstance(value, Category):
        return value
    if isinstance(value, str):
        found = _CATEGORY_SPELLINGS.get(_key(value))
        if found is not None:
            return found
    raise InvalidInputError(
        f"{name} {shown(value)} is not known; use one of {', '.join(c.value for c in Category)} "
        f"(or leraar, directeur, adjunct-directeur, oop)"
    )


def to_school_type(value: object, *, name: str = "school_type") -> SchoolType:
    """Parse a :class:`SchoolType` from any of its spellings (or a member)."""
    if isinstance(value, SchoolType):
        return value
    if isinstance(value, str):
        found = _SCHOOL_TYPE_SPELLINGS.get(_key(value))
        if found is not None:
            return found
    raise InvalidInputError(
        f"{name} {shown(value)} is not known; school types: {', '.join(s.value for s in SchoolType)}"
    )


_CODE_PREFIX: dict[str, Category] = {
    "L": Category.TEACHER,
    "A": Category.ADJUNCT,
    "D": Category.DIRECTOR,
    "B": Category.BOARD,
}


def category_of_code(code: str) -> Category | None:
    """The category a scale code's form says: ``L..`` teacher, ``A..`` adjunct, ``D..``
    director, ``B..`` board, a number support staff; ``None`` for any other form.

    >>> category_of_code("L11"), category_of_code("8")
    (<Category.TEACHER: 'teacher'>, <Category.SUPPORT_STAFF: 'support_staff'>)
    """
    if code[:1].isdigit():
        return Category.SUPPORT_STAFF
    return _CODE_PREFIX.get(code[:1])


class HasCode(Protocol):
    """A parsed scale code (:class:`caopo.ScaleCode`): anything with a ``code``."""

    @property
    def code(self) -> str: ...


_SCALE_TEXT = re.compile(
    r"^(?:SCHAAL\s*)?(?:(?P<letters>[A-Z]{1,2})\s*(?P<digits>\d{0,2})|(?P<number>\d{1,2}))"
    r"(?P<uitloop>\s*\+\s*(?:UITLOOP|U))?$"
)


def scale_text(value: object, *, name: str = "scale") -> str:
    """The scale code as the tables write it, from what people write: ``"lb"`` -> ``"LB"``,
    ``"schaal 8"`` and ``8`` -> ``"8"``, ``"DC + uitloop"`` -> ``"DC+U"``; a parsed
    :class:`caopo.ScaleCode` gives its code. Whether the code exists is the caller's
    question (it depends on the date).

    >>> scale_text(" l11 "), scale_text("Schaal 08"), scale_text("DC + uitloop")
    ('L11', '8', 'DC+U')
    >>> scale_text("XYZ")
    Traceback (most recent call last):
    ...
    caopo.errors.UnknownScaleError: scale 'XYZ' is not a CAO PO scale code (valid forms: 'LB', 'L11', 'schaal 8', '8', 'D12', 'DC+uitloop', 'A11')
    """
    code = getattr(value, "code", None)
    if isinstance(code, str) and not isinstance(value, (str, int)):
        return code
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidInputError(
            f"{name} must be a scale code (str), a number or a ScaleCode, "
            f"not {type(value).__name__} {shown(value)}"
        )
    short = not isinstance(value, int) or 0 <= value < 100  # no str() of a 5,000-digit int
    text = " ".join(str(value).upper().split()) if short and len(str(value)) <= 64 else ""
    match = _SCALE_TEXT.match(text) if text.isascii() else None
    if match is None:
        raise UnknownScaleError(
            f"{name} {shown(value)} is not a CAO PO scale code (valid forms: 'LB', 'L11', "
            f"'schaal 8', '8', 'D12', 'DC+uitloop', 'A11')"
        )
    if match["number"] is not None:
        found = str(int(match["number"]))
    else:
        found = match["letters"] + match["digits"]
    return found + ("+U" if match["uitloop"] else "")


def spelling_key(value: object, *, name: str = "name") -> str:
    """The one reading of a name people type (an example function, a sector, an AVS role):
    case, accents, ``-``, ``_``, ``/``, ``.`` and spacing do not matter. The names and their
    other spellings are data (or the vocabularies above); this only says when two are equal.

    >>> spelling_key("  Conci\u00ebrge-A ")
    'concierge a'
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"{name} must be a non-empty text, not {shown(value)}")
    folded = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[-_/.]", " ", text.lower()).split())


_FUNCTION_WORDS = frozenset(
    {"functie", "voorbeeldfunctie", "functiebeschrijving", "functieomschrijving"}
)


def function_name_key(value: object, *, name: str = "function") -> str:
    """The name of an example function (voorbeeldfunctie) as :func:`spelling_key` reads it,
    with or without the word "functie" (or "voorbeeldfunctie", "functiebeschrijving",
    "functieomschrijving") before or after it.

    >>> function_name_key("Functie Onderwijsassistent B"), function_name_key("onderwijsassistent b")
    ('onderwijsassistent b', 'onderwijsassistent b')
    """
    words = [w for w in spelling_key(value, name=name).split() if w not in _FUNCTION_WORDS]
    if not words:
        raise InvalidInputError(f"{name} {shown(value)} names no function")
    return " ".join(words)
