"""A JSON Schema of the content, generated from the attrs records themselves."""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from typing import Any

import attrs

from .._names import public_dir
from . import _durations
from ._parts import hints
from .model import Guide

__all__ = ["guide_json_schema"]
__dir__ = public_dir(globals())

_SCALARS: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    _dt.date: {
        "type": "string",
        "format": "date",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "description": "ISO 8601 calendar date, YYYY-MM-DD",
    },
    _dt.timedelta: {
        "type": "string",
        "pattern": _durations.PATTERN,
        "description": "ISO 8601 duration of whole weeks, days, hours, minutes, seconds",
    },
}


def _schema_of(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if type_ in _SCALARS:
        return dict(_SCALARS[type_])
    origin = typing.get_origin(type_)
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(type_)[0], defs)}
    if origin in {typing.Union, types.UnionType}:
        return {"anyOf": [_schema_of(arg, defs) for arg in typing.get_args(type_)]}
    if type_ is type(None):
        return {"type": "null"}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"enum": [member.value for member in type_]}
    if isinstance(type_, type) and attrs.has(type_):
        name = type_.__name__
        if name not in defs:
            defs[name] = {}  # reserve the name first: records may nest
            fields_types = hints(type_)
            fields = attrs.fields(type_)
            defs[name] = {
                "type": "object",
                "properties": {f.name: _schema_of(fields_types[f.name], defs) for f in fields},
                "required": [f.name for f in fields if f.default is attrs.NOTHING],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(type_)  # pragma: no cover - every content type is covered above


def guide_json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the guide's JSON.

    The JSON is what :func:`~duloxinfo.content.load.guide_to_json` writes.

    For consumers that are not written in Python.  A new dict on every call; it
    takes nothing and raises nothing.

    >>> import duloxinfo
    >>> schema = duloxinfo.guide_json_schema()
    >>> schema["$ref"], schema["$defs"]["DoseStep"]["properties"]["dose_mg"]
    ('#/$defs/Guide', {'type': 'integer'})
    """
    defs: dict[str, Any] = {}
    ref = _schema_of(Guide, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://duloxinfo.readthedocs.io/schema/guide.json",
        "title": "duloxinfo guide",
        **ref,
        "$defs": defs,
    }
