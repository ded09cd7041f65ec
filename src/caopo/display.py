"""How a result shows itself: a short ``repr``, an HTML table for notebooks and, for
results made of rows, a pandas DataFrame.

A result type inherits :class:`Display` (or :class:`Tabular`, which adds ``to_frame()``);
nothing else changes in its module. The ``repr`` names the type and its headline fields:
a collection is shown by its size, a long text or nested object is cut, fields at their
default or empty are left out, and the whole stays within :data:`MAX_REPR` characters
(a year of pay printed as 22,000 characters before). ``_repr_html_`` is what Jupyter
shows: one table of every field (collections by size, sources by title) and, for a
:class:`Tabular` result, the table of its rows, the same rows ``to_frame()`` returns.
pandas is imported only inside ``to_frame()`` (install ``caopo[pandas]``).

>>> from dataclasses import dataclass
>>> from decimal import Decimal
>>> @dataclass(frozen=True)
... class Pay(Display):
...     amount: Decimal
...     lines: tuple[int, ...]
...     note: str | None = None
>>> Pay(Decimal("3868.00"), tuple(range(40)))
Pay(amount=Decimal('3868.00'), lines=<40 int>)
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

__all__ = ["MAX_REPR", "Display", "Tabular", "record"]

MAX_REPR = 300
"""The longest ``repr`` of a result, in characters."""
_MAX_PART = 60
"""The longest a single value may take in a ``repr`` before it is cut or summarised."""
_SCALARS = (bool, int, Decimal, date, str)


def _brief(value: object) -> str:
    """One value, short: scalars as their repr, collections by size, the rest cut."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (Mapping, tuple, list, frozenset, set)):
        if _all_scalars(value) and len(text := repr(value)) <= _MAX_PART:
            return text
        if isinstance(value, Mapping):
            return f"<{len(value)} entries>"
        kinds = sorted({type(v).__name__ for v in value})
        return f"<{len(value)} {'/'.join(kinds)}>"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _nested(value)
    text = repr(value)
    if len(text) <= _MAX_PART:
        return text
    if isinstance(value, str):
        return repr(value[: _MAX_PART - 5]) + "…"
    return f"{type(value).__name__}(…)"


def _nested(value: object) -> str:
    """A dataclass inside a result: its first fields, as many as fit in a short part."""
    text = ""
    for key, field_value in _shown_fields(value):
        part = f"{key}={_brief(field_value)}"
        if len(text) + len(part) > _MAX_PART:
            return f"{type(value).__name__}({text}, …)" if text else f"{type(value).__name__}(…)"
        text = f"{text}, {part}" if text else part
    return f"{type(value).__name__}({text})"


def _all_scalars(values: object) -> bool:
    items = values.values() if isinstance(values, Mapping) else values
    return isinstance(items, Iterable) and all(isinstance(v, _SCALARS) for v in items)


def _shown_fields(obj: object) -> list[tuple[str, object]]:
    """The fields a ``repr`` names: those not at their default, not ``None``, not empty."""
    if not dataclasses.is_dataclass(obj):
        return []
    shown = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if not f.repr or value is None or (isinstance(value, (tuple, dict)) and not value):
            continue
        if f.default is not dataclasses.MISSING and value == f.default:
            continue
        shown.append((f.name, value))
    return shown


def _text(value: object) -> str:
    """One value as plain text for a table cell."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (tuple, list, Mapping)) and not _all_scalars(value):
        return _brief(value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return ", ".join(f"{k}={_text(v)}" for k, v in _shown_fields(value))
    return "" if value is None else str(value)


def _cell(value: object) -> str:
    """One value as the text of an HTML cell (escaped)."""
    return html.escape(_text(value))


def _short(value: object) -> object:
    """A long text cut to a table cell's width (the full text is in ``to_frame()``)."""
    if isinstance(value, str) and len(value) > _MAX_PART:
        return value[: _MAX_PART - 1] + "…"
    return value


def _table(rows: list[dict[str, object]]) -> str:
    """Rows (dicts with the same keys) as an HTML table with a header row; long texts are
    cut."""
    if not rows:
        return ""
    head = "".join(f"<th>{html.escape(k)}</th>" for k in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(_short(v))}</td>" for v in row.values()) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def record(obj: object, names: Iterable[str] | None = None) -> dict[str, object]:
    """The attributes *names* of *obj* as one row (a dict), in that order; by default
    every field of a dataclass that holds one value (a text, number, date or ``None``),
    leaving out collections and nested objects."""
    if names is None:
        fields = dataclasses.fields(obj) if dataclasses.is_dataclass(obj) else ()
        return {
            f.name: getattr(obj, f.name)
            for f in fields
            if isinstance(getattr(obj, f.name), (*_SCALARS, type(None)))
        }
    return {name: getattr(obj, name) for name in names}


class Display:
    """A short ``repr`` and an HTML table (``_repr_html_``) for a result dataclass.

    ``dataclass()`` writes a ``__repr__`` unless the class defines one itself, so each
    subclass gets this one set on it as it is created: a result type needs only to
    inherit from :class:`Display`.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__repr__" not in cls.__dict__:
            type.__setattr__(cls, "__repr__", Display.__repr__)

    def _display_fields(self) -> list[tuple[str, object]]:
        """The fields the ``repr`` names (a dataclass's, by default)."""
        return _shown_fields(self)

    def _html_fields(self) -> list[tuple[str, object]]:
        """The fields the HTML table shows: every field of a dataclass but its sources
        (shown by title after them); else those of the ``repr``."""
        if not dataclasses.is_dataclass(self):
            return self._display_fields()
        return [
            (f.name, getattr(self, f.name)) for f in dataclasses.fields(self) if f.name != "sources"
        ]

    def __repr__(self) -> str:
        name = type(self).__name__
        text = ""
        for key, value in self._display_fields():
            part = f"{key}={_brief(value)}"
            if len(name) + len(text) + len(part) + 7 > MAX_REPR:
                return f"{name}({text}, …)"
            text = f"{text}, {part}" if text else part
        return f"{name}({text})"

    def _repr_html_(self) -> str:
        """Every field as a row of a table (Jupyter shows this)."""
        fields = self._html_fields()
        fields.append(("sources", [s.title for s in getattr(self, "sources", ())]))
        rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{_cell(v)}</td></tr>" for k, v in fields)
        return (
            f"<table><caption>{html.escape(type(self).__name__)}</caption>"
            f"<tbody>{rows}</tbody></table>"
        )


class Tabular(Display):
    """A :class:`Display` made of rows: ``to_frame()`` and the rows under its HTML table.

    A subclass says what its rows are in ``_frame_rows`` (one dict per row, the same keys
    in the same order).
    """

    __slots__ = ()

    def _frame_rows(self) -> list[dict[str, object]]:
        """One dict per row; every subclass defines it."""
        raise NotImplementedError

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame: one column per key, amounts as ``Decimal``
        (object columns: no float ever holds a cent), dates as ``datetime.date``."""
        try:
            import pandas as pd  # type: ignore[import-untyped,unused-ignore]  # optional extra, imported only here
        except ImportError as exc:
            raise ImportError("to_frame() needs pandas: pip install 'caopo[pandas]'") from exc
        rows = self._frame_rows()
        return pd.DataFrame(rows, columns=list(rows[0]) if rows else None)

    def _repr_html_(self) -> str:
        return Display._repr_html_(self) + _table(self._frame_rows())
