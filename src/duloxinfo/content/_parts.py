"""Parts of the guide: the check that a value is one, and a walk over every field under it.

Private module, used by the loader, the checks and the renderers.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._validate import shown
from ..errors import WrongTypeError
from .model import Guide, Section


def require_part(value: object, field: str) -> Guide | Section:
    """Return ``value`` if it is the guide or one of its sections, else raise naming it."""
    if not isinstance(value, Guide | Section):
        raise WrongTypeError(
            f"{field}: expected a Guide or one of its sections, got {shown(value)}"
        )
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
