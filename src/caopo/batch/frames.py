"""What a batch reads and returns: a pandas or polars DataFrame, or a mapping of columns.

:class:`Frame` names the columns the input has (every "no such column" error lists them),
hands out one column by name, and returns the input with new columns added: a new pandas
or polars frame (the input is not changed), or a new ``dict`` for a mapping. pandas and
polars are never imported here: a frame is recognised by its type's module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from caopo.errors import InvalidInputError, shown

__all__ = ["Frame"]

Kind = Literal["pandas", "polars", "mapping"]


def _kind(source: object) -> Kind:
    module = type(source).__module__.split(".")[0]
    if module == "pandas" and hasattr(source, "columns") and hasattr(source, "index"):
        return "pandas"
    if module == "polars" and hasattr(source, "with_columns"):
        return "polars"
    if isinstance(source, Mapping):
        return "mapping"
    raise InvalidInputError(
        f"expected a pandas or polars DataFrame or a mapping of column name to values, "
        f"not {type(source).__name__} {shown(source)}"
    )


@dataclass(frozen=True)
class Frame:
    """The input of a batch: its kind, column names and number of rows."""

    source: Any
    kind: Kind
    names: tuple[Any, ...]
    length: int

    @classmethod
    def of(cls, source: object) -> Frame:
        """Read *source*; a mapping's columns must all have the same length."""
        kind = _kind(source)
        if kind == "mapping":
            columns: Mapping[Any, Any] = source  # type: ignore[assignment]
            lengths = {name: _length(name, values) for name, values in columns.items()}
            if len(set(lengths.values())) > 1:
                raise InvalidInputError(f"the columns differ in length: {lengths}")
            length = next(iter(lengths.values()), 0)
            return cls(source, kind, tuple(columns), length)
        names = tuple(source.columns)  # type: ignore[attr-defined]
        return cls(source, kind, names, len(source))  # type: ignore[arg-type]

    def listing(self) -> str:
        """The column names, for a message."""
        return ", ".join(repr(n) for n in self.names) or "none"

    def has(self, name: object) -> bool:
        """Whether *name* is a column (and a hashable column name at all)."""
        try:
            return name in self.names
        except TypeError:
            return False

    def column(self, name: object, *, role: str) -> Any:
        """The column *name*; a missing one is an error naming the columns there are."""
        if not isinstance(name, str) or not self.has(name):
            raise InvalidInputError(
                f"no column {shown(name)} in the input (its columns: {self.listing()}); name "
                f"the {role} column ({role}='...')"
            )
        values = self.source[name]
        if self.kind == "pandas" and hasattr(values, "columns"):
            raise InvalidInputError(f"the input has more than one column named {name!r}")
        return values

    def with_columns(self, new: Mapping[str, tuple[Sequence[Any], str]]) -> Any:
        """The input with the *new* columns (name -> values and ``"decimal"`` or
        ``"text"``) added after its own; a name it already has is an error."""
        clash = [name for name in new if self.has(name)]
        if clash:
            raise InvalidInputError(
                f"the input already has a column named {', '.join(map(repr, clash))}; rename "
                f"it: a batch adds {', '.join(map(repr, new))}"
            )
        if self.kind == "mapping":
            return {**self.source, **{name: list(v) for name, (v, _) in new.items()}}
        if self.kind == "pandas":
            return _pandas_with(self.source, new)
        return _polars_with(self.source, new)


def _length(name: object, values: object) -> int:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InvalidInputError(
            f"column {shown(name)} must be a sequence of values, not {type(values).__name__}"
        )
    return len(values)


def _pandas_with(frame: Any, new: Mapping[str, tuple[Sequence[Any], str]]) -> Any:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]  # optional extra

    added = {
        name: pd.Series(values, index=frame.index, dtype=object, copy=False)
        for name, (values, _) in new.items()
    }
    return frame.assign(**added)


def _polars_with(frame: Any, new: Mapping[str, tuple[Sequence[Any], str]]) -> Any:
    import polars as pl  # optional extra

    series = [
        pl.Series(name, list(values), dtype=pl.Decimal(18, 2) if kind == "decimal" else pl.String)
        for name, (values, kind) in new.items()
    ]
    return frame.with_columns(series)
