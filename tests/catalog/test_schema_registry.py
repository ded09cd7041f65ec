"""The kind registry lists every schema that reads a file, under the kind it declares."""

from __future__ import annotations

import importlib
import pkgutil
import typing

import caopo.schema
from caopo.schema.base import DataDocument
from caopo.schema.registry import KIND_MODELS


def _subclasses(cls: type[DataDocument]) -> set[type[DataDocument]]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_every_schema_with_a_kind_is_registered_under_that_kind() -> None:
    for module in pkgutil.iter_modules(caopo.schema.__path__, "caopo.schema."):
        importlib.import_module(module.name)
    declared: dict[str, type[DataDocument]] = {}
    for model in _subclasses(DataDocument):
        kind = model.model_fields["kind"].annotation
        if typing.get_origin(kind) is typing.Literal:
            (value,) = typing.get_args(kind)
            declared[value] = model
    assert declared == KIND_MODELS
