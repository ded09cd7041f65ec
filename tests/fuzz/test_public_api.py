"""The error contract of the public Python API, fuzzed (issue 14, item 1).

Every public callable (``tests/fuzz/registry.py``) is fed arbitrary types and values
(``tests/fuzz/strategies.py``). A call fails the suite when it

* raises anything that is not a :class:`caopo.CaopoError`;
* takes more than 100 ms (the best of a few tries, so a busy machine is not a failure);
* returns an amount that is a float, not finite, or below zero (except a difference the
  registry names).

CI runs a bounded number of examples per callable; set ``CAOPO_FUZZ_EXAMPLES`` for a
nightly-size run (``CAOPO_FUZZ_EXAMPLES=5000 python -m pytest -q tests/fuzz``).
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import caopo
from tests.fuzz.registry import CALLED, NOT_CALLED, Entry
from tests.fuzz.strategies import PLAUSIBLE, argument

EXAMPLES = int(os.environ.get("CAOPO_FUZZ_EXAMPLES", "40"))
"""Examples per public callable: small in CI, thousands for a nightly run."""
SLOW = 0.1
"""Seconds: a call on junk (or on anything) slower than this is a failure."""
TRIES = 3
"""A slow call is timed again this many times; only the best counts."""


def _callable(name: str) -> Callable[..., Any]:
    found: Callable[..., Any] = getattr(caopo, name)
    return found


def test_every_public_name_is_registered() -> None:
    public = set(caopo._EXPORTS) | {"__version__"}
    missing = sorted(public - set(CALLED) - set(NOT_CALLED))
    assert not missing, f"add these public names to tests/fuzz/registry.py: {missing}"
    stale = sorted((set(CALLED) | set(NOT_CALLED)) - public)
    assert not stale, f"not public any more: {stale}"
    assert not set(CALLED) & set(NOT_CALLED)


@pytest.mark.parametrize("name", sorted(CALLED))
def test_every_parameter_has_a_plausible_value(name: str) -> None:
    parameters = inspect.signature(_callable(name)).parameters
    unknown = sorted(set(parameters) - set(PLAUSIBLE) - CALLED[name].skip)
    assert not unknown, f"{name}: add a plausible value for {unknown} to strategies.PLAUSIBLE"


def _no_existing_path(value: object) -> object:
    """A folder that exists is no junk: use_tables would read it (``"/"``: all of it)."""
    if isinstance(value, (str, os.PathLike)):
        try:
            exists = Path(value).exists()
        except (OSError, ValueError, TypeError):
            return value
        if exists:
            return "/nonexistent-caopo-folder"
    return value


def _strategy(name: str, parameter: str) -> st.SearchStrategy[Any]:
    drawn = argument(parameter)
    if name == "use_tables" and parameter == "folder":
        return drawn.map(_no_existing_path)
    return drawn


@st.composite
def _arguments(draw: st.DrawFn, name: str) -> dict[str, Any]:
    """Keyword arguments for *name*: required ones always, optional ones sometimes."""
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(_callable(name)).parameters.values():
        if parameter.name in CALLED[name].skip:
            continue
        if parameter.default is not inspect.Parameter.empty and draw(st.booleans()):
            continue
        kwargs[parameter.name] = draw(_strategy(name, parameter.name))
    return kwargs


def _timed(function: Callable[..., Any], kwargs: dict[str, Any]) -> tuple[float, object]:
    start = time.perf_counter()
    try:
        outcome: object = function(**kwargs)
    except caopo.CaopoError as exc:
        outcome = exc
    return time.perf_counter() - start, outcome


def _amounts(value: object, where: str = "result", depth: int = 0) -> Iterator[tuple[str, object]]:
    """Every number in a result, with the attribute it sits under."""
    if depth > 8:
        return
    if isinstance(value, (Decimal, float, complex)):
        yield where, value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _amounts(item, where, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _amounts(item, str(key), depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _amounts(getattr(value, f.name), f.name, depth + 1)
    elif isinstance(value, BaseModel):
        for key in type(value).model_fields:
            yield from _amounts(getattr(value, key), key, depth + 1)


def _check_result(name: str, entry: Entry, result: object) -> None:
    for where, number in _amounts(result):
        assert not isinstance(number, (float, complex)), f"{name}: {where} is a float {number!r}"
        assert isinstance(number, Decimal)
        assert number.is_finite(), f"{name}: {where} is {number!r}"
        if where not in entry.negative:
            assert number >= 0, f"{name}: {where} is negative ({number})"


def _warm() -> None:
    """Read the tables once, outside the clock (the first lookup reads every file)."""
    caopo.tables()


def _restore(entry: Entry, outcome: object) -> None:
    """Back to the shipped tables after a call that changed them (a refused call did not)."""
    if entry.changes_tables and not isinstance(outcome, caopo.CaopoError):
        caopo.reset_tables()
        _warm()


def _shown(kwargs: dict[str, Any]) -> str:
    try:
        return repr(kwargs)[:300]
    except ValueError:  # a 5,000-digit int
        return "<arguments holding a number too long to show>"


@pytest.mark.parametrize("name", sorted(CALLED))
def test_junk_raises_only_caopo_errors_quickly_and_money_is_exact(name: str) -> None:
    entry = CALLED[name]
    function = _callable(name)
    _warm()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )
    @given(kwargs=_arguments(name))
    def check(kwargs: dict[str, Any]) -> None:
        elapsed, outcome = _timed(function, kwargs)
        for _ in range(TRIES):
            if elapsed <= SLOW:
                break
            _restore(entry, outcome)
            elapsed = min(elapsed, _timed(function, kwargs)[0])
        _restore(entry, outcome)
        assert elapsed <= SLOW, f"{name}(**{_shown(kwargs)}) took {elapsed:.3f} s"
        if not isinstance(outcome, caopo.CaopoError):
            _check_result(name, entry, outcome)

    check()
