"""Parts of the guide: the check that a value is one, and a walk over every field under it.

Private module, used by the loader, the checks and the renderers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import attrs

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


def walk(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """Every record, tuple item and field value under ``value``, with its path."""
    yield path, value
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            yield from walk(getattr(value, field.name), f"{path}.{field.name}".lstrip("."))
