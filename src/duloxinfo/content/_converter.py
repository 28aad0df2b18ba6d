"""The strict cattrs converter that turns the guide's JSON into records, and back.

Private module, imported by :mod:`duloxinfo.content.load` the first time it
structures or unstructures content, so that cattrs loads on first use only.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import types
import typing
from typing import Any, Final

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, ForbiddenExtraKeysError

from .._validate import brief, shown
from ..errors import ContentError
from ..interactions.medicines import InteractionData
from . import _durations
from .model import Guide, SeedClaim


class _WrongValueError(ValueError):
    """Raised by our strict hooks; its message is shown as it is."""


def _structure_duration(value: object, _: type) -> _dt.timedelta:
    """An ISO 8601 duration of whole weeks, days, hours, minutes and seconds: ``P7D``."""
    duration = _durations.parse(value) if isinstance(value, str) else None
    if duration is None:
        raise _WrongValueError(f"expected an ISO 8601 duration such as 'P7D', got {brief(value)}")
    return duration


def _unstructure_duration(value: _dt.timedelta) -> str:
    text = _durations.write(value)
    if text is None:
        raise _WrongValueError(
            f"cannot write {brief(value)} as a duration of whole seconds of at least 0"
        )
    return text


_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_date(value: object, _: type) -> _dt.date:
    """An ISO 8601 calendar date: ``2026-11-25``."""
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _WrongValueError(f"expected a date such as '2026-11-25', got {brief(value)}")


def _strict_enum(kind: type[enum.Enum]) -> Any:
    """Enumerations by their values, with the bad value shown briefly."""

    def hook(value: object, _: type) -> object:
        try:
            return kind(value)
        except (ValueError, TypeError):
            raise _WrongValueError(f"{brief(value)} is not a valid {kind.__name__}") from None

    return hook


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _strict(kind: type) -> Any:
    """A structure hook that accepts only values already of ``kind`` (no str() or int())."""

    def hook(value: object, _: type) -> object:
        if type(value) is not kind:
            raise _WrongValueError(f"expected {kind.__name__}, got {shown(value)}")
        return value

    return hook


def _strict_tuple(tuple_type: Any, converter: cattrs.BaseConverter) -> Any:
    """Tuples come from JSON lists only: a string must not pass as a tuple of characters."""
    inner = homogenous_tuple_structure_factory(tuple_type, converter)

    def hook(value: object, type_: type) -> object:
        if not isinstance(value, list):
            raise _WrongValueError(f"expected a list, got {shown(value)}")
        return inner(value, type_)

    return hook


def _is_tuple(type_: Any) -> bool:
    return typing.get_origin(type_) is tuple


_MEMO_SIZE: Final = 1024
_SCALARS: Final = (str, int, bool, type(None))


def _is_scalar(type_: Any) -> bool:
    """Whether a field's type is one JSON scalar, an enumeration, or a union of those."""
    if typing.get_origin(type_) in {typing.Union, types.UnionType}:
        return all(_is_scalar(arg) for arg in typing.get_args(type_))
    return type_ in _SCALARS or _is_enum(type_)


def _strict_record(cls: Any, converter: cattrs.BaseConverter) -> Any:
    """Structure an attrs record from a JSON object: no unknown keys, every problem reported.

    cattrs' own ``Converter`` generates and compiles a function per class, which
    costs more than the whole rest of the first load; this hook does the same
    checks by walking the fields, and reports problems in the same
    ``ClassValidationError`` tree, so ``transform_error`` gives the same paths.
    """
    fields = attrs.fields(attrs.resolve_types(cls))
    names = frozenset(field.name for field in fields)
    specs = [
        (field.name, field.type, converter.get_structure_hook(field.type), field.default)
        for field in fields
    ]

    def hook(value: object, _: type) -> object:
        if not isinstance(value, dict):
            raise _WrongValueError(f"expected an object, got {shown(value)}")
        errors: list[Exception] = []
        if extra := value.keys() - names:
            errors.append(ForbiddenExtraKeysError("", cls, set(extra)))
        kwargs = {}
        for name, type_, structure, default in specs:
            if name not in value:
                if default is not attrs.NOTHING:
                    continue
                error: Exception = KeyError(name)
            else:
                try:
                    kwargs[name] = structure(value[name], type_)
                    continue
                except Exception as exc:  # noqa: BLE001 - collected, then raised together
                    error = exc
            # The note tells transform_error which field the problem belongs to.
            note = AttributeValidationNote(f"Structuring {cls.__qualname__}.{name}", name, type_)
            error.__notes__ = [*getattr(error, "__notes__", []), note]
            errors.append(error)
        if errors:
            raise cattrs.ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return cls(**kwargs)

    return _shared(hook) if all(_is_scalar(field.type) for field in fields) else hook


def _shared(structure: Any) -> Any:
    """``structure``, structuring each distinct JSON object once and sharing the record.

    For records of scalars only (citations), which repeat: hundreds of the guide's
    citations are a few dozen distinct ones.  The records are frozen, so sharing is
    safe; the memo is bounded, so that no input can grow it for ever.
    """
    memo: dict[frozenset[tuple[str, object]], object] = {}

    def hook(value: object, type_: type) -> object:
        try:
            key = frozenset(value.items())  # type: ignore[attr-defined]
        except (AttributeError, TypeError):  # not an object, or not of scalars: an error
            return structure(value, type_)
        found = memo.get(key)
        if found is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            found = memo[key] = structure(value, type_)
        return found

    return hook


def _make_converter() -> cattrs.BaseConverter:
    converter = cattrs.BaseConverter(detailed_validation=True)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    converter.register_structure_hook(_dt.timedelta, _structure_duration)
    converter.register_unstructure_hook(_dt.timedelta, _unstructure_duration)
    converter.register_structure_hook(_dt.date, _structure_date)
    converter.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    converter.register_structure_hook_factory(_is_tuple, _strict_tuple)
    converter.register_structure_hook_factory(_is_enum, _strict_enum)
    converter.register_structure_hook_factory(attrs.has, _strict_record)
    return converter


_CONVERTER: Final = _make_converter()


def _describe(exc: BaseException, _: type | None) -> str:
    if isinstance(exc, KeyError):
        return "missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown field " + ", ".join(brief(k) for k in sorted(exc.extra_fields)[:3])
    # Our hooks raise only _WrongValueError, with a bounded message.
    return str(exc)


def _problems(exc: BaseException) -> tuple[str, ...]:
    """Turn a cattrs error tree into ``path: message`` lines.

    For example ``side_effects.effects[2].band: missing``.
    """
    lines = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        path = path.removeprefix("$").removeprefix(".") or "(top level)"
        lines.append(f"{path}: {message}")
    return tuple(lines)


def structure(data: object, file: str) -> Guide:
    """The guide parsed JSON ``data`` describes, or a ``ContentError`` naming ``file``."""
    if not isinstance(data, dict):
        raise ContentError(file, (f"(top level): expected an object, got {type(data).__name__}",))
    try:
        return _CONVERTER.structure(data, Guide)
    except (cattrs.ClassValidationError, cattrs.IterableValidationError) as exc:
        raise ContentError(file, _problems(exc)) from None


def _structure_as(data: object, type_: Any, file: str) -> Any:
    try:
        return _CONVERTER.structure(data, type_)
    except _WrongValueError as exc:
        raise ContentError(file, (f"(top level): {exc}",)) from None
    except (cattrs.ClassValidationError, cattrs.IterableValidationError) as exc:
        raise ContentError(file, _problems(exc)) from None


def structure_claims(data: object, file: str) -> tuple[SeedClaim, ...]:
    """The seed claims parsed JSON ``data`` lists, or a ``ContentError`` naming ``file``."""
    claims: tuple[SeedClaim, ...] = _structure_as(data, tuple[SeedClaim, ...], file)
    return claims


def structure_interactions(data: object, file: str) -> InteractionData:
    """The interaction data parsed JSON ``data`` holds, or a ``ContentError`` naming ``file``."""
    interactions: InteractionData = _structure_as(data, InteractionData, file)
    return interactions


def unstructure(part: object) -> object:
    """``part`` as JSON-ready data; a ``ContentError`` for a value JSON cannot hold."""
    try:
        return _CONVERTER.unstructure(part)
    except _WrongValueError as error:
        raise ContentError("<json>", (str(error),)) from None
