"""Reading the guide: importlib-resources, a private strict cattrs converter, one cached load.

Private module.  Nothing here runs at import of :mod:`duloxinfo`: the package
imports this module the first time content is asked for.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
import threading
import typing
from typing import Any, Final

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, ForbiddenExtraKeysError

from .._errors import ContentError
from .checks import check_guide
from .model import Guide, Section, _require_part

if sys.version_info >= (3, 13):  # pragma: no cover - the standard library's, 3.13 and later
    from importlib.resources import files
else:  # pragma: no cover - the backport, 3.11 and 3.12
    from importlib_resources import files

__all__ = ["guide", "guide_from_json", "guide_to_json"]

_DATA_PACKAGE: Final = "duloxinfo.content.data"
_GUIDE_FILE: Final = "guide.json"
_DURATION = re.compile(
    r"P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?"
)


class _WrongValueError(ValueError):
    """Raised by our strict hooks; its message is shown as it is."""


def _structure_duration(value: object, _: type) -> _dt.timedelta:
    """An ISO 8601 duration of whole weeks, days, hours, minutes and seconds: ``P7D``."""
    match = _DURATION.fullmatch(value) if isinstance(value, str) else None
    if match is None or value in {"P", "PT"} or str(value).endswith("T"):
        raise _WrongValueError(f"expected an ISO 8601 duration such as 'P7D', got {value!r}")
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    return _dt.timedelta(**parts)


def _unstructure_duration(value: _dt.timedelta) -> str:
    if value < _dt.timedelta(0) or value.microseconds:
        raise _WrongValueError(
            f"cannot write {value!r} as a duration of whole seconds of at least 0"
        )
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    days = f"{value.days}D" if value.days or not time else ""
    return f"P{days}" + (f"T{time}" if time else "")


def _strict(kind: type) -> Any:
    """A structure hook that accepts only values already of ``kind`` (no str() or int())."""

    def hook(value: object, _: type) -> object:
        if type(value) is not kind:
            raise _WrongValueError(
                f"expected {kind.__name__}, got {type(value).__name__} {value!r}"
            )
        return value

    return hook


def _strict_tuple(tuple_type: Any, converter: cattrs.BaseConverter) -> Any:
    """Tuples come from JSON lists only: a string must not pass as a tuple of characters."""
    inner = homogenous_tuple_structure_factory(tuple_type, converter)

    def hook(value: object, type_: type) -> object:
        if not isinstance(value, list):
            raise _WrongValueError(f"expected a list, got {type(value).__name__} {value!r}")
        return inner(value, type_)

    return hook


def _is_tuple(type_: Any) -> bool:
    return typing.get_origin(type_) is tuple


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
            raise _WrongValueError(f"expected an object, got {type(value).__name__} {value!r}")
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

    return hook


def _make_converter() -> cattrs.BaseConverter:
    converter = cattrs.BaseConverter(detailed_validation=True)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    converter.register_structure_hook(_dt.timedelta, _structure_duration)
    converter.register_unstructure_hook(_dt.timedelta, _unstructure_duration)
    converter.register_structure_hook_factory(_is_tuple, _strict_tuple)
    converter.register_structure_hook_factory(attrs.has, _strict_record)
    return converter


_CONVERTER: Final = _make_converter()


def _describe(exc: BaseException, _: type | None) -> str:
    if isinstance(exc, KeyError):
        return "missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown field " + ", ".join(repr(k) for k in sorted(exc.extra_fields))
    if isinstance(exc, _WrongValueError):
        return str(exc)
    if isinstance(exc, ValueError):  # an enumeration value not in the enumeration
        return str(exc)
    return f"{type(exc).__name__}: {exc}"  # pragma: no cover - no other kind is raised


def _problems(exc: BaseException) -> tuple[str, ...]:
    """Turn a cattrs error tree into ``path: message`` lines.

    For example ``benefits.items[2].title: missing``.
    """
    lines = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        path = path.removeprefix("$").removeprefix(".") or "(top level)"
        lines.append(f"{path}: {message}")
    return tuple(lines)


def _structure(data: object, file: str) -> Guide:
    if not isinstance(data, dict):
        raise ContentError(file, (f"(top level): expected an object, got {type(data).__name__}",))
    try:
        return _CONVERTER.structure(data, Guide)
    except (cattrs.ClassValidationError, cattrs.IterableValidationError) as exc:
        raise ContentError(file, _problems(exc)) from None


def _parse(text: str, file: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(
            file, (f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}",)
        ) from None


def guide_from_json(text: str) -> Guide:
    """Build a :class:`Guide` from JSON text, as :func:`guide_to_json` writes it.

    This checks types and fields, not content: run :func:`check_guide` for that.

    Raises:
        ContentError: the text is not JSON, or a field is missing, unknown or of the
            wrong type; ``problems`` lists every one with its path.

    >>> import duloxinfo
    >>> g = duloxinfo.guide()
    >>> duloxinfo.guide_from_json(duloxinfo.guide_to_json(g)) == g
    True
    """
    if not isinstance(text, str):
        raise ContentError("<json>", (f"(top level): expected str, got {type(text).__name__}",))
    return _structure(_parse(text, "<json>"), "<json>")


def guide_to_json(guide: Guide | Section, *, indent: int | None = None) -> str:
    """Write a :class:`Guide` (or any content record) as JSON text.

    Durations are ISO 8601 (``"P7D"``), enumerations their values, tuples lists.

    Raises:
        SectionError: ``guide`` is not the guide or one of its sections.
        ContentError: a value cannot be written, such as a negative duration.
    """
    guide = _require_part(guide, "guide")
    try:
        data = _CONVERTER.unstructure(guide)
    except _WrongValueError as error:
        raise ContentError("<json>", (str(error),)) from None
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _load_text(text: str, name: str) -> Guide:
    """Parse, structure and check the text of data file ``name``."""
    guide = _structure(_parse(text, name), name)
    findings = check_guide(guide)
    if findings:
        raise ContentError(name, tuple(str(f) for f in findings))
    return guide


def _load_file(name: str) -> Guide:
    """Read one data file of the package (works from a zip archive too) and load it."""
    return _load_text(files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8"), name)


_lock = threading.Lock()
_cache: list[Guide] = []


def guide() -> Guide:
    """The duloxetine patient guide, loaded from the package data on first call, then cached.

    Safe to call from many threads; every call returns the same frozen object.

    Raises:
        ContentError: the packaged data file is broken (a packaging fault).

    >>> import duloxinfo
    >>> g = duloxinfo.guide()
    >>> g.title
    'Duloxetine muscle spasm'
    >>> g is duloxinfo.guide()
    True
    """
    if _cache:
        return _cache[0]
    with _lock:
        if not _cache:  # pragma: no branch - else another thread loaded it while we waited
            _cache.append(_load_file(_GUIDE_FILE))
    return _cache[0]
