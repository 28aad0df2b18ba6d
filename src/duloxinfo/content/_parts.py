"""Parts of the guide: the checks that a value is one, and a walk over every field under it.

Private module, used by the loader, the checks and the renderers.  The records do not
check their own fields (the loader's converter does, for what it reads); an application
may build or ``attrs.evolve`` content itself, so every public function that takes content
first holds it to its field types with :func:`require_well_formed`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import types
import typing
import weakref
from collections.abc import Iterator
from typing import Any

import attrs

from .._validate import shown
from ..errors import WrongTypeError
from .model import Guide, Section

# Content already held to its types: the packaged guide, and what a caller passed before.
# Frozen records cannot change, so once is enough; weak, so that nothing is kept alive.
_WELL_FORMED: weakref.WeakSet[object] = weakref.WeakSet()


def _name(type_: Any) -> str:
    """How a message names a type: ``str``, ``a date``, ``an ApprovedUse``."""
    if type_ in {int, str, bool}:
        return str(type_.__name__)
    name = "date" if type_ is _dt.date else str(getattr(type_, "__name__", type_))
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    """A record's resolved field types, worked out once per class (they never change)."""
    return typing.get_type_hints(cls)


_Problem = tuple[tuple[str | int, ...], str] | None
_EXACT = frozenset({int, str, bool, _dt.date})


def _problem(value: object, type_: Any) -> _Problem:
    """Where under ``value`` a field is not of its annotated type, and what it should be."""
    origin = typing.get_origin(type_)
    if origin in {typing.Union, types.UnionType}:
        return _union_problem(value, typing.get_args(type_))
    if origin is tuple:
        return _items_problem(value, typing.get_args(type_)[0])
    if type_ in _EXACT:
        return None if type(value) is type_ else ((), _name(type_))
    if not isinstance(value, type_):
        return (), _name(type_)
    if issubclass(type_, enum.Enum | _dt.timedelta):
        return None
    return _fields_problem(value)


def _union_problem(value: object, options: tuple[Any, ...]) -> _Problem:
    if value is None and type(None) in options:
        return None
    fitting = [o for o in options if o is not type(None) and isinstance(value, o)]
    if len(fitting) == 1:
        return _problem(value, fitting[0])
    return (), " or ".join("None" if o is type(None) else _name(o) for o in options)


def _items_problem(value: object, item: Any) -> _Problem:
    if type(value) is not tuple:
        return (), "a tuple"
    for index, each in enumerate(value):
        if (found := _problem(each, item)) is not None:
            return (index, *found[0]), found[1]
    return None


def _fields_problem(value: object) -> _Problem:
    kind: Any = type(value)
    for name, hint in hints(kind).items():
        if (found := _problem(getattr(value, name), hint)) is not None:
            return (name, *found[0]), found[1]
    return None


def require_well_formed(value: object, field: str, kind: Any) -> None:
    """Raise ``WrongTypeError`` naming the first field under ``value`` not of its type."""
    if isinstance(value, Guide | Section) and value in _WELL_FORMED:
        return
    found = _problem(value, kind)
    if found is not None:
        path, expected = found
        where = dotted(path)
        where = f"{field}{where}" if not path or isinstance(path[0], int) else f"{field}.{where}"
        got = value
        for key in path:
            got = got[key] if isinstance(key, int) else getattr(got, key)  # type: ignore[index]
        raise WrongTypeError(where, f"expected {expected}, got {shown(got)}")
    if isinstance(value, Guide | Section):
        _WELL_FORMED.add(value)


def mark_well_formed(guide: Guide) -> None:
    """Record that the loader's ``guide`` and its sections are well formed.

    The loader's converter has checked every field on the way in.
    """
    _WELL_FORMED.add(guide)
    for field in attrs.fields(Guide)[1:]:
        _WELL_FORMED.add(getattr(guide, field.name))


def require_part(value: object, field: str) -> Guide | Section:
    """Return ``value`` if it is the guide or one of its sections, else raise naming it."""
    if not isinstance(value, Guide | Section):
        raise WrongTypeError(field, f"expected a Guide or one of its sections, got {shown(value)}")
    return value


def dotted(path: tuple[str | int, ...]) -> str:
    """A path of field names and indexes as text: ``side_effects.effects[2].band``."""
    return "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path).lstrip(".")


def walk(
    value: object, leaves: frozenset[type] = frozenset()
) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Every record, tuple item and field value under ``value``, depth first, with its path.

    The path is a tuple of field names and indexes (:func:`dotted` writes it as text).
    Records of a type in ``leaves`` are yielded but not walked into.  Iterative, so that
    each value costs the same however deep it sits.
    """
    stack: list[tuple[tuple[str | int, ...], object]] = [((), value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        kind = type(value)
        if isinstance(value, tuple):
            stack.extend(((*path, i), value[i]) for i in reversed(range(len(value))))
        elif kind not in leaves and (fields := getattr(kind, "__attrs_attrs__", None)) is not None:
            stack.extend(((*path, f.name), getattr(value, f.name)) for f in reversed(fields))
