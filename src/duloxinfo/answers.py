"""The answers as JSON: every answer record as versioned JSON, and its JSON Schema.

:func:`answer_to_json` writes an answer (the record a rule returns, or one of the
records below that put a command's answer together) as the JSON the command line
prints with ``--json``, byte for byte; :func:`answer_to_data` gives the same as a
dict.  :func:`answer_json_schema` is the JSON Schema (draft 2020-12) of that JSON,
generated from the records' fields and their types, with each field's description
taken from its record's ``Attributes`` section.

**The JSON.**  An answer is an object whose first member is ``schema_version``
(:data:`ANSWER_SCHEMA_VERSION`), then one member per field of the record, in the
record's order.  An instant is ISO 8601 with its UTC offset, in the zone it carries
(``2026-11-25T08:00:00+00:00``); a date ``2026-11-25``; a time of day ``08:00:00``; a
span ISO 8601 (``P1D``, ``PT1H30M``, with a leading minus sign when negative and a
decimal fraction of seconds when not whole); a zone its key (``Europe/London``); an enum
member its value; a tuple an array; None null.  A field whose attrs metadata has
``"json": False`` is left out (the typed facts behind a ``reason`` are for Python, not
for the JSON); ``"json": "inline"`` writes a record's members into its parent's.  Two
records are written in a shape of their own: a :class:`~duloxinfo.rules.dose_log.LoggedDose`
as ``at``, ``dose_mg``, ``status``, ``offset``, ``on_time_within``, ``intakes`` (all its intakes)
and ``extra`` (how many of them are extra), and an
:class:`~duloxinfo.interactions.check.InteractionFinding` with its ``rank`` last.

**The version.**  The major number changes when a field is removed or renamed or changes
its type or meaning, the minor number when a field or an enum value is added; a script
should check the major number.  The schema lists every field as required and allows no
other (``additionalProperties: false``), so that a missing or misspelt field fails.

>>> import datetime as dt, duloxinfo
>>> r = duloxinfo.Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
>>> advice = duloxinfo.advise_missed_dose(r, [], dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC))
>>> data = duloxinfo.answer_to_data(advice)
>>> data["schema_version"], data["action"], data["slot"]
('1.2', 'take-now', '2026-03-02T08:00:00+00:00')
"""

from __future__ import annotations

import datetime as _dt
import enum
import inspect
import json
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs

from ._names import public_dir
from ._validate import shown
from .content._durations import iso
from .errors import WrongTypeError
from .interactions.check import InteractionFinding
from .rules.adherence import Adherence
from .rules.audit import DoubleDose
from .rules.dose_log import DoseLog, LoggedDose
from .rules.dose_status import DoseStatus
from .rules.fills import DaysCovered
from .rules.intakes import Intake
from .rules.missed_dose import MissedDoseAdvice
from .rules.regimen import Regimen
from .rules.supply import Supply, SupplyFromFills
from .rules.titration import TitrationStatus

__all__ = [
    "ANSWER_SCHEMA_VERSION",
    "AdherenceReport",
    "AuditReport",
    "DoseSchedule",
    "InteractionReport",
    "PlanOverview",
    "ScheduledDose",
    "answer_json_schema",
    "answer_to_data",
    "answer_to_json",
]
__dir__ = public_dir(globals())

ANSWER_SCHEMA_VERSION: Final = "1.2"
"""The version every answer's JSON carries as ``schema_version``: major.minor."""


@attrs.frozen(kw_only=True)
class ScheduledDose:
    """A scheduled dose and the dose in force at it.

    Attributes:
        at: When the dose is due (aware, in its phase's zone).
        dose_mg: The dose in force then, in mg.
    """

    at: _dt.datetime
    dose_mg: int


@attrs.frozen(kw_only=True)
class DoseSchedule:
    """The scheduled doses of a span: the command line's ``schedule`` answer.

    Attributes:
        start: The span's first instant (included).
        end: The instant the span ends (excluded).
        doses: The scheduled doses from ``start`` to ``end``, in time order.
    """

    start: _dt.datetime
    end: _dt.datetime
    doses: tuple[ScheduledDose, ...]


@attrs.frozen(kw_only=True)
class PlanOverview:
    """A plan's phases, the one in force, and the next doses: the ``plan`` answer.

    Attributes:
        phases: The plan's phases, one regimen each, in time order.
        in_force: The number of the phase in force (counting from 1), or None when
            none is (before the plan, in a pause, after its end).
        next_doses: The next scheduled doses, in time order.
    """

    phases: tuple[Regimen, ...]
    in_force: int | None = attrs.field(metadata={"json_schema": {"minimum": 1}})
    next_doses: tuple[ScheduledDose, ...]


@attrs.frozen(kw_only=True)
class AuditReport:
    """What :func:`~duloxinfo.rules.audit.audit` found in a history: the ``audit`` answer.

    Attributes:
        intakes: How many intakes the history holds.
        double_doses: The double doses found, as ``audit`` returns them.
    """

    intakes: int
    double_doses: tuple[DoubleDose, ...]


@attrs.frozen(kw_only=True)
class AdherenceReport:
    """The adherence figures of a period and each dose of it: the ``adherence`` answer.

    Its JSON is the members of ``figures``, then ``doses`` and ``unscheduled``.

    Attributes:
        figures: What :func:`~duloxinfo.rules.adherence.adherence` returns.
        doses: The scheduled doses of the period: ``doses`` of the period's
            :class:`~duloxinfo.rules.dose_log.DoseLog`.
        unscheduled: The intakes that belong to no scheduled dose: the log's
            ``unscheduled``.
    """

    figures: Adherence = attrs.field(metadata={"json": "inline"})
    doses: tuple[LoggedDose, ...]
    unscheduled: tuple[Intake, ...]


@attrs.frozen(kw_only=True)
class InteractionReport:
    """The findings about a list of medicines: the ``interactions`` answer.

    Attributes:
        findings: What :func:`~duloxinfo.interactions.check.check_interactions`
            returns, most serious first.
    """

    findings: tuple[InteractionFinding, ...]


@attrs.frozen(kw_only=True)
class _LoggedDose:
    """A scheduled dose of a dose log and what happened to it.

    Attributes:
        at: The scheduled dose (aware, in its phase's zone).
        dose_mg: The dose in force at it, in mg.
        status: What happened to it.
        offset: When the dose taken began, minus ``at``: negative when early; null
            when missed.
        on_time_within: The on-time window of its phase.
        intakes: Every intake that belongs to it, in time order: those that make up its
            dose, and any extra; empty when missed.
        extra: How many of them are extra: more doses for the same scheduled dose.
    """

    at: _dt.datetime
    dose_mg: int
    status: DoseStatus
    offset: _dt.timedelta | None = attrs.field(metadata={"signed": True})
    on_time_within: _dt.timedelta
    intakes: tuple[Intake, ...]
    extra: int


def _logged_dose(dose: LoggedDose) -> _LoggedDose:
    return _LoggedDose(
        at=dose.slot,
        dose_mg=dose.dose_mg,
        status=dose.status,
        offset=dose.offset,
        on_time_within=dose.on_time_within,
        intakes=dose.intakes,
        extra=len(dose.extra),
    )


# The records written in a shape of their own: the record of that shape, and how to
# build it.
_SHAPES: Final[dict[type, tuple[type, Callable[[Any], object]]]] = {
    LoggedDose: (_LoggedDose, _logged_dose),
}
# The properties written after a record's fields.
_PROPERTIES: Final[dict[type, tuple[str, ...]]] = {InteractionFinding: ("rank",)}

#: Every answer, in the order the schema lists them.
_ANSWERS: Final = (
    MissedDoseAdvice,
    DoseSchedule,
    Supply,
    SupplyFromFills,
    AuditReport,
    AdherenceReport,
    Adherence,
    DoseLog,
    DaysCovered,
    PlanOverview,
    TitrationStatus,
    InteractionReport,
)

Answer = (
    MissedDoseAdvice
    | DoseSchedule
    | Supply
    | AuditReport
    | AdherenceReport
    | Adherence
    | DoseLog
    | DaysCovered
    | PlanOverview
    | TitrationStatus
    | InteractionReport
)
"""An answer :func:`answer_to_json` writes (a :class:`SupplyFromFills` is a :class:`Supply`)."""

_EXPECTED: Final = "an answer record, such as a MissedDoseAdvice (answers.Answer lists them)"


# --- the JSON ---------------------------------------------------------------------------


def _wrong(field: str, expected: str, value: object) -> WrongTypeError:
    return WrongTypeError(field, f"expected {expected}, got {shown(value)}")


def _scalar(value: object, kind: type, field: str) -> object:
    """A value of a type that is no container nor record, as JSON."""
    if kind is bool or kind is str:
        if type(value) is not kind:
            raise _wrong(field, kind.__name__, value)
        return value
    if kind is int or kind is float:
        if isinstance(value, bool) or not isinstance(value, int if kind is int else int | float):
            raise _wrong(field, "a whole number" if kind is int else "a number", value)
        return value
    if issubclass(kind, enum.Enum):
        if not isinstance(value, kind):
            raise _wrong(field, f"a {kind.__name__}", value)
        return value.value
    return _text(value, kind, field)


def _text(value: object, kind: type, field: str) -> str:
    """A zone, a span, an instant, a date or a time of day, as JSON's text."""
    if not isinstance(value, kind) or (kind is _dt.date and isinstance(value, _dt.datetime)):
        raise _wrong(field, f"a {kind.__name__}", value)
    if isinstance(value, ZoneInfo):
        if value.key is None:
            raise _wrong(field, "a ZoneInfo with a key", value)
        return value.key
    if isinstance(value, _dt.timedelta):
        return iso(value)
    if isinstance(value, _dt.datetime) and value.utcoffset() is None:
        raise _wrong(field, "an aware datetime", value)
    if not isinstance(value, _dt.date | _dt.time):
        raise TypeError(kind)  # pragma: no cover - every scalar of an answer is covered above
    return value.isoformat()


def _encode(value: object, kind: Any, field: str) -> object:
    """``value``, of the type ``kind``, as JSON-ready data."""
    origin = typing.get_origin(kind)
    if origin in {typing.Union, types.UnionType}:
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        (other,) = [option for option in options if option is not type(None)]
        return _encode(value, other, field)
    if origin is tuple:
        if not isinstance(value, tuple):
            raise _wrong(field, "a tuple", value)
        args = typing.get_args(kind)
        if args[-1] is Ellipsis:
            return [_encode(item, args[0], f"{field}[{i}]") for i, item in enumerate(value)]
        if len(value) != len(args):
            raise _wrong(field, f"a tuple of {len(args)}", value)
        return [
            _encode(v, a, f"{field}[{i}]")
            for i, (v, a) in enumerate(zip(value, args, strict=False))
        ]
    if attrs.has(kind):
        if type(value) is not kind:
            raise _wrong(field, f"a {kind.__name__}", value)
        return _record(value, field)
    return _scalar(value, kind, field)


def _record(value: Any, field: str) -> dict[str, object]:
    """A record as a JSON object: its fields (but those left out), then its properties."""
    kind = type(value)
    if kind in _SHAPES:
        value = _SHAPES[kind][1](value)
        kind = type(value)
    data: dict[str, object] = {}
    hints = _hints(kind)
    for item in _fields(kind):
        path = f"{field}.{item.name}"
        encoded = _encode(getattr(value, item.name), hints[item.name], path)
        if item.metadata.get("json", True) == "inline":
            data.update(typing.cast("dict[str, object]", encoded))
        else:
            data[item.name] = encoded
    for name in _PROPERTIES.get(kind, ()):
        data[name] = _encode(getattr(value, name), _property_type(kind, name), f"{field}.{name}")
    return data


def _fields(kind: type) -> tuple[attrs.Attribute[Any], ...]:
    """A record's fields the JSON writes: all but those whose metadata says ``json: False``."""
    return tuple(f for f in attrs.fields(kind) if f.metadata.get("json", True) is not False)


_HINTS: Final[dict[type, dict[str, Any]]] = {}


def _hints(kind: type) -> dict[str, Any]:
    """A record's resolved field types, worked out once per record (they never change)."""
    if kind not in _HINTS:
        _HINTS[kind] = typing.get_type_hints(kind)
    return _HINTS[kind]


def _property_type(kind: type, name: str) -> Any:
    return typing.get_type_hints(getattr(kind, name).fget)["return"]


def _answer_kind(answer: object, field: str) -> type:
    kind = type(answer)
    if kind not in _ANSWERS:
        raise _wrong(field, _EXPECTED, answer)
    return kind


def answer_to_data(answer: Answer) -> dict[str, Any]:
    """``answer`` as JSON-ready data: a dict with ``schema_version`` first.

    The same data :func:`answer_to_json` writes; a new dict on every call.

    Raises:
        WrongTypeError: ``answer`` is not an answer record (a
            :class:`~duloxinfo.rules.missed_dose.MissedDoseAdvice`,
            :class:`DoseSchedule`, :class:`~duloxinfo.rules.supply.Supply` or
            :class:`~duloxinfo.rules.supply.SupplyFromFills`, :class:`AuditReport`,
            :class:`AdherenceReport`, :class:`~duloxinfo.rules.adherence.Adherence`,
            :class:`~duloxinfo.rules.dose_log.DoseLog`,
            :class:`~duloxinfo.rules.fills.DaysCovered`, :class:`PlanOverview`,
            :class:`~duloxinfo.rules.titration.TitrationStatus` or
            :class:`InteractionReport`), or a field of it, at any depth, is not of its
            type (the error names its path, such as ``answer.doses[0].at``).
    """
    _answer_kind(answer, "answer")
    return {"schema_version": ANSWER_SCHEMA_VERSION, **_record(answer, "answer")}


def answer_to_json(answer: Answer) -> str:
    r"""``answer`` as the JSON the command line prints with ``--json``: UTF-8 text.

    Indented by two spaces, with the characters as they are (not ``\\u`` escapes), and
    no line end at the end.

    >>> import datetime as dt, duloxinfo
    >>> r = duloxinfo.Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    >>> now = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    >>> print(duloxinfo.answer_to_json(duloxinfo.titration_status(r, [], now)))
    ... # doctest: +ELLIPSIS
    {
      "schema_version": "1.2",
      "stage": "usual-maximum",
      ...
    }

    Raises:
        WrongTypeError: ``answer`` is not an answer record, or a field of it is not of
            its type, as for :func:`answer_to_data`.
    """
    return json.dumps(answer_to_data(answer), indent=2, ensure_ascii=False)


# --- the schema ------------------------------------------------------------------------

_INSTANT: Final = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    r"[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?$"
)
_SPAN: Final = (
    r"P(?=[0-9]|T[0-9])([0-9]+D)?"
    r"(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]{1,6})?S)?)?$"
)
_SCALARS: Final[dict[object, dict[str, Any]]] = {
    bool: {"type": "boolean"},
    int: {"type": "integer", "minimum": 0},
    float: {"type": "number", "minimum": 0, "maximum": 1},
    str: {"type": "string", "minLength": 1},
    ZoneInfo: {"type": "string", "minLength": 1, "description": "An IANA zone: Area/Location."},
    _dt.datetime: {
        "type": "string",
        "pattern": _INSTANT,
        "description": "An instant in ISO 8601 with its UTC offset, in the zone given.",
    },
    _dt.date: {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    _dt.time: {"type": "string", "pattern": r"^[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?$"},
    _dt.timedelta: {"type": "string", "pattern": "^" + _SPAN},
}
_SIGNED: Final[dict[str, Any]] = {
    "type": "string",
    "pattern": "^-?" + _SPAN,
    "description": "A span in ISO 8601, with a leading minus sign when negative (as XML "
    "Schema's xs:duration writes one).",
}


def _schema_of(  # noqa: PLR0911 - one return per kind of type
    kind: Any, defs: dict[str, Any], *, signed: bool = False
) -> dict[str, Any]:
    """The schema of a type; a span may be negative when ``signed``."""
    origin = typing.get_origin(kind)
    if origin in {typing.Union, types.UnionType}:
        options = typing.get_args(kind)
        return {"anyOf": [_schema_of(option, defs, signed=signed) for option in options]}
    if kind is _dt.timedelta and signed:
        return dict(_SIGNED)
    if kind is type(None):
        return {"type": "null"}
    if origin is tuple:
        args = typing.get_args(kind)
        if args[-1] is Ellipsis:
            return {"type": "array", "items": _schema_of(args[0], defs)}
        return {
            "type": "array",
            "prefixItems": [_schema_of(arg, defs) for arg in args],
            "items": False,
            "minItems": len(args),
        }
    if attrs.has(kind):
        shape = _SHAPES[kind][0] if kind in _SHAPES else kind
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # the name first: a record may nest
            defs[name] = _object(shape, defs)
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    raise TypeError(kind)  # pragma: no cover - every type of an answer is covered above


def _object(kind: type, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of a record's JSON object; its description from its docstring."""
    properties: dict[str, Any] = {}
    described = _described(kind)
    hints = _hints(kind)
    for item in _fields(kind):
        if item.metadata.get("json", True) == "inline":
            properties.update(_object(hints[item.name], defs)["properties"])
            continue
        schema = _schema_of(hints[item.name], defs, signed=item.metadata.get("signed", False))
        schema |= item.metadata.get("json_schema", {})
        # Every field of a record is documented (a test holds it): its line is its description.
        properties[item.name] = {**schema, "description": described[item.name]}
    for name in _PROPERTIES.get(kind, ()):
        properties[name] = {
            **_schema_of(_property_type(kind, name), defs),
            "description": _first_paragraph(inspect.getdoc(getattr(kind, name)) or ""),
        }
    return {
        "type": "object",
        "description": _first_paragraph(inspect.getdoc(kind) or ""),
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _first_paragraph(doc: str) -> str:
    return " ".join(doc.split("\n\n", maxsplit=1)[0].split())


_ATTRIBUTES: Final = re.compile(r"^Attributes:\n((?:    .*\n|\n)*)", re.MULTILINE)
_ENTRY: Final = re.compile(r"^    (\w+): (.*(?:\n        .*)*)", re.MULTILINE)


def _described(kind: type) -> dict[str, str]:
    """Each field's description, from the ``Attributes`` sections of the record and its bases."""
    found: dict[str, str] = {}
    for base in reversed(kind.__mro__):
        section = _ATTRIBUTES.search((inspect.getdoc(base) or "") + "\n")
        if base.__doc__ and section:
            found |= {m[1]: " ".join(m[2].split()) for m in _ENTRY.finditer(section[1])}
    return found


def _class_name(kind: object) -> str:
    return kind.__name__ if isinstance(kind, type) else shown(kind)


def answer_json_schema(answer: type[Answer] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the answers' JSON, generated from the records.

    With no argument, the schema of any answer: every answer record a ``$defs`` entry
    named after it, and the document valid for any one of them (``anyOf``).  With an
    answer's class, the schema of that answer alone (``$ref`` to its entry).  Every
    object lists all its fields as required and allows no other.  A new dict on every
    call.

    >>> import duloxinfo
    >>> schema = duloxinfo.answer_json_schema(duloxinfo.TitrationStatus)
    >>> schema["$ref"], schema["$defs"]["TitrationStatus"]["required"][:2]
    ('#/$defs/TitrationStatus', ['schema_version', 'stage'])

    Raises:
        WrongTypeError: ``answer`` is neither None nor the class of an answer record.
    """
    if answer is not None and answer not in _ANSWERS:
        raise WrongTypeError(
            "answer",
            f"expected None or the class of {_EXPECTED}, got " + _class_name(answer),
        )
    defs: dict[str, Any] = {}
    refs = [_schema_of(kind, defs) for kind in (_ANSWERS if answer is None else (answer,))]
    version = {"const": ANSWER_SCHEMA_VERSION, "description": "The version of this schema."}
    for kind in _ANSWERS if answer is None else (answer,):
        entry = defs[kind.__name__]
        entry["properties"] = {"schema_version": version, **entry["properties"]}
        entry["required"] = ["schema_version", *entry["required"]]
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "duloxinfo answers",
        "description": (
            f"The JSON of duloxinfo's answers, schema_version {ANSWER_SCHEMA_VERSION}: the "
            "major number changes when a field is removed or renamed or changes its type "
            "or meaning, the minor number when a field or an enum value is added."
        ),
    }
    if answer is None:
        return {**document, "$defs": defs, "anyOf": refs}
    return {**document, "$ref": refs[0]["$ref"], "$defs": defs}
