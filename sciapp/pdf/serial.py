"""The plain document models (documents/model.py) as canonical JSON and back: what a seal
stores of the record it covers, so that what was printed when it was sealed prints again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")


def canonical(data: Any) -> str:
    """One text for one content: keys sorted, no spaces, non-ASCII kept as is."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def to_data(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, dates and paths to text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def from_data(cls: type[T], data: Any) -> T:
    """The inverse of `to_data` for a model class; fields missing from `data` (a model that
    gained a field after the snapshot was taken) take their defaults."""
    return cast("T", _build(cls, data))  # _build reads the hint at run time: it returns a T


def _build(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(inner[0], data)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        fields = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: _build(hints[k], v) for k, v in data.items() if k in fields})
    if hint is dt.date:
        return dt.date.fromisoformat(data)
    if hint is Path:
        return Path(data)
    if hint is frozenset:
        return frozenset(data)
    return data
