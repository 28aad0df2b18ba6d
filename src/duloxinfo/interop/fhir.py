"""HL7 FHIR R4: a plan as ``Dosage`` phases, read back exactly; the medication and the request.

Health applications exchange dosing as FHIR.  :func:`to_fhir_dosages` writes a
:class:`~duloxinfo.rules.plan.Plan` (or a single
:class:`~duloxinfo.rules.regimen.Regimen`) as an ordered list of R4 ``Dosage``
(JSON-ready ``dict``), one per phase, with ``sequence`` 1, 2, ... and each phase's
``timing.repeat.boundsPeriod``; :func:`from_fhir_dosages` reads such a list back
as the same plan, and raises :class:`~duloxinfo.errors.FhirError` naming the
element for anything it cannot represent exactly, never guessing.
:func:`to_fhir_dosage` and :func:`from_fhir_dosage` do the same for one regimen,
:func:`fhir_medication` gives the ``Medication`` of one capsule strength and
:func:`to_fhir_medication_request` the ``MedicationRequest`` that carries a plan.

The rules of the exchange:

* ``boundsPeriod.end`` is inclusive in FHIR ("the high value includes any matching
  date/time"), while a regimen's ``end`` is the first instant with no dose.  So the
  end written is the last instant of the phase at the precision written: one second
  before a regimen end in whole seconds (``07:59:59`` for an end at ``08:00:00``),
  one microsecond before any other.  Reading adds that precision back.
* Instants keep their own UTC offset where FHIR allows it (``Z`` or ``+hh:mm`` up to
  14:00); an offset with seconds (local mean time, such as ``-00:44:30`` in
  Africa/Monrovia before 1972) or beyond 14 hours is written in UTC (``Z``), so that
  the instant stays exact.
* A ``Dosage`` has no time zone of its own, and ``timeOfDay`` is local time.  The
  zone of each phase travels with its start, as the R4 core extension
  ``http://hl7.org/fhir/StructureDefinition/tz-code`` (an IANA zone name, used on a
  dateTime) on ``boundsPeriod.start``.  The readers take the zone from there, unless
  their ``tz`` argument gives one: an explicit ``tz`` is the zone the times are read
  in, whatever the extension says (it must still be well formed).
* ``maxDosePerPeriod`` is the prescriber's cap: it is written only when the caller
  gives ``max_daily_mg``, never made up from the label.

Codes used: UCUM ``mg`` and ``d`` for quantities, SNOMED CT 26643006 "Oral route",
RxNorm clinical drug codes from :data:`duloxinfo.label.LABEL`, and the RxNorm
ingredient 72625 (duloxetine) for a request whose phases may need several strengths.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, Final, TypeVar
from zoneinfo import ZoneInfo

from .._names import public_dir
from .._validate import brief, in_supported_years, require_whole_number, shown, to_zone, utc
from .._words import AS_DIRECTED, how_often, moment
from ..choices import MAX_PLAN_PHASES
from ..errors import (
    DoseError,
    DuloxinfoError,
    FhirError,
    InvalidDatetimeError,
    ScheduleError,
    TimeZoneError,
    WrongTypeError,
)
from ..label import LABEL
from ..rules._doses import require_strength
from ..rules._inputs import as_plan, require_regimen
from ..rules.plan import Plan
from ..rules.regimen import Regimen

__all__ = [
    "fhir_medication",
    "from_fhir_dosage",
    "from_fhir_dosages",
    "to_fhir_dosage",
    "to_fhir_dosages",
    "to_fhir_medication_request",
]
__dir__ = public_dir(globals())

_T = TypeVar("_T")
_UCUM: Final = "http://unitsofmeasure.org"
_SNOMED: Final = "http://snomed.info/sct"
_RXNORM: Final = "http://www.nlm.nih.gov/research/umls/rxnorm"
_TZ_CODE: Final = "http://hl7.org/fhir/StructureDefinition/tz-code"
# RxNorm ingredient (IN) duloxetine: a request names the ingredient, as its phases may
# need capsules of several strengths (90 mg is 60 + 30).
_DULOXETINE: Final = {"system": _RXNORM, "code": "72625", "display": "duloxetine"}
_ORAL: Final = {"system": _SNOMED, "code": "26643006", "display": "Oral route"}
_DOSAGE_KEYS: Final = frozenset(
    {
        "id",
        "extension",
        "sequence",
        "text",
        "additionalInstruction",
        "patientInstruction",
        "timing",
        "asNeededBoolean",
        "route",
        "doseAndRate",
        "maxDosePerPeriod",
    }
)
_REPEAT_KEYS: Final = frozenset({"boundsPeriod", "frequency", "period", "periodUnit", "timeOfDay"})
_BOUNDS_KEYS: Final = frozenset({"start", "_start", "end"})
_QUANTITY_KEYS: Final = frozenset({"value", "unit", "system", "code"})
_CODING_KEYS: Final = frozenset({"system", "code", "display"})
# The R4 dateTime (fhir.resources 6.4.0 fhirtypes.DateTime, from the specification), and
# its form with a time, which duloxinfo needs: an offset of Z or +-hh:mm up to 14:00.
_FHIR_DATETIME: Final = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]"
    r"|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|([+\-])((0[0-9]|"
    r"1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
_WITH_TIME: Final = re.compile(r".*T[0-9:]{8}(\.(?P<fraction>[0-9]+))?(Z|[+\-][0-9:]{5})")
_FHIR_TIME: Final = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]")
_MINUTE: Final = _dt.timedelta(minutes=1)
_MOST_OFFSET: Final = _dt.timedelta(hours=14)
_SECOND: Final = _dt.timedelta(seconds=1)
_MICROSECOND: Final = _dt.timedelta(microseconds=1)
_MOST_MICROSECOND_DIGITS: Final = 6
_LONGEST_SUBJECT: Final = 1000


def _mg(value: int) -> dict[str, Any]:
    return {"value": value, "unit": "mg", "system": _UCUM, "code": "mg"}


# Writing ----------------------------------------------------------------------------


def _fhir_instant(value: _dt.datetime, field: str, *, microseconds: bool = False) -> str:
    """``value`` as an R4 dateTime: with its own offset, or in UTC where FHIR has no form for it.

    With six fraction digits when ``microseconds``.
    """
    spec = "microseconds" if microseconds else "auto"
    offset = value.utcoffset()
    if offset is not None and offset % _MINUTE == _dt.timedelta(0) and abs(offset) <= _MOST_OFFSET:
        return value.isoformat(timespec=spec)
    instant = utc(value)
    if not in_supported_years(instant):
        raise InvalidDatetimeError(
            field,
            f"{value.isoformat()} cannot be written in FHIR: its offset has no FHIR "
            "form, and in UTC it falls outside the supported years",
        )
    return instant.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def _fhir_end(end: _dt.datetime, field: str) -> str:
    """The inclusive FHIR end of a phase whose exclusive end is ``end``: its last instant.

    At a precision of a second when ``end`` is in whole seconds, else of a microsecond.
    """
    whole = utc(end).microsecond == 0
    # Shown in the end's own zone; a tzinfo of one's own may not convert instants (no
    # dst()), so its offset at the end stands in for it: the instant is the same.
    tz = end.tzinfo
    shown_in = (
        tz
        if isinstance(tz, ZoneInfo | _dt.timezone)
        else _dt.timezone(end.utcoffset() or _dt.timedelta(0))
    )
    last = (utc(end) - (_SECOND if whole else _MICROSECOND)).astimezone(shown_in)
    return _fhir_instant(last, field, microseconds=not whole)


def _require_maximum(max_daily_mg: object, plan: Plan) -> int | None:
    """The prescriber's maximum a day, checked against the plan and the label."""
    if max_daily_mg is None:
        return None
    most = require_whole_number(max_daily_mg, "max_daily_mg", "a whole number of mg or None")
    label = LABEL.max_daily_dose_mg.value
    if most > label:
        raise DoseError(
            "max_daily_mg",
            f"{brief(most)} mg a day is over the label's maximum of {label} mg a day",
        )
    for index, phase in enumerate(plan.phases):
        if most < phase.daily_dose_mg:
            raise DoseError(
                "max_daily_mg",
                f"{brief(most)} mg a day is less than the {phase.daily_dose_mg} mg "
                f"a day of phase {index + 1}; a maximum cannot be below the dose ordered",
            )
    return most


def _dosage(phase: Regimen, sequence: int, field: str, most: int | None) -> dict[str, Any]:
    times = [t.isoformat(timespec="seconds") for t in phase.times]
    administration = LABEL.administration.value
    local_start = phase.start.astimezone(phase.tz)
    until = "" if phase.end is None else f" until {moment(phase.end.astimezone(phase.tz))}"
    bounds: dict[str, Any] = {
        "start": _fhir_instant(phase.start, f"{field}.start"),
        "_start": {"extension": [{"url": _TZ_CODE, "valueCode": phase.tz.key}]},
    }
    if phase.end is not None:
        bounds["end"] = _fhir_end(phase.end, f"{field}.end")
    dosage: dict[str, Any] = {
        "sequence": sequence,
        "text": (
            f"{phase.dose_mg} mg by mouth {how_often(phase.doses_per_day)} at "
            f"{' and '.join(t[:5] for t in times)} ({phase.tz.key}), from "
            f"{moment(local_start)}{until}, {AS_DIRECTED}. {administration}"
        ),
        "additionalInstruction": [{"text": administration}],
        "timing": {
            "repeat": {
                "boundsPeriod": bounds,
                "frequency": phase.doses_per_day,
                "period": 1,
                "periodUnit": "d",
                "timeOfDay": times,
            }
        },
        "route": {"coding": [dict(_ORAL)], "text": "oral"},
        "doseAndRate": [{"doseQuantity": _mg(phase.dose_mg)}],
    }
    if most is not None:
        dosage["maxDosePerPeriod"] = {
            "numerator": _mg(most),
            "denominator": {"value": 1, "unit": "d", "system": _UCUM, "code": "d"},
        }
    return dosage


def to_fhir_dosages(
    plan: Plan | Regimen, *, max_daily_mg: int | None = None
) -> list[dict[str, Any]]:
    """The plan as HL7 FHIR R4 ``Dosage`` phases, in order, ready for ``json.dumps``.

    One ``Dosage`` per phase, with ``sequence`` 1, 2, ... n: different sequence numbers
    mean one after another in FHIR, the same number at once.  Each phase's
    ``timing.repeat.boundsPeriod`` has its ``start`` and, for a phase that ends, its
    ``end``: inclusive, so the last second (or microsecond) of the phase.  A gap
    between one phase's end and the next one's start is a pause.  The zone of each
    phase is the ``tz-code`` extension on its start.  The timing repeats 1 or 2
    times a day at the phase's local times of day, the dose is in mg (UCUM), the
    route oral, and the label's "swallow whole" is an ``additionalInstruction``.

    ``maxDosePerPeriod`` (the prescriber's maximum a day) is written only when
    ``max_daily_mg`` is given: a whole number of mg, at least the plan's largest
    daily dose and at most the label's 120 mg.  It goes on every phase.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, or ``max_daily_mg`` is not a
            whole number or None.
        DoseError: ``max_daily_mg`` is below a phase's daily dose or over the label's
            maximum.
        InvalidDatetimeError: an instant whose offset FHIR has no form for falls, in
            UTC, outside the supported years (only near the years 2 and 9998).

    >>> import datetime as dt
    >>> from duloxinfo import titration_plan, to_fhir_dosages
    >>> plan = titration_plan(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), "Europe/London",
    ...                       dt.time(8))
    >>> [(d["sequence"], d["timing"]["repeat"]["boundsPeriod"]) for d in to_fhir_dosages(plan)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(1, {'start': '2026-01-05T08:00:00+00:00', '_start': {'extension':
          [{'url': 'http://hl7.org/fhir/StructureDefinition/tz-code', 'valueCode': 'Europe/London'}]},
          'end': '2026-01-12T07:59:59+00:00'}),
     (2, {'start': '2026-01-12T08:00:00+00:00', '_start': {'extension':
          [{'url': 'http://hl7.org/fhir/StructureDefinition/tz-code', 'valueCode': 'Europe/London'}]}})]
    """  # noqa: E501 - a doctest line is as long as what it shows
    plan = as_plan(plan)
    most = _require_maximum(max_daily_mg, plan)
    return [
        _dosage(phase, index + 1, f"plan.phases[{index}]", most)
        for index, phase in enumerate(plan.phases)
    ]


def to_fhir_dosage(regimen: Regimen, *, max_daily_mg: int | None = None) -> dict[str, Any]:
    """The regimen as one HL7 FHIR R4 ``Dosage``, ready for ``json.dumps``.

    The same ``Dosage`` as the one phase of :func:`to_fhir_dosages`: ``sequence`` 1,
    ``boundsPeriod`` from ``regimen.start`` (to the last second before
    ``regimen.end`` when it has one), the zone as the ``tz-code`` extension on the
    start, and ``maxDosePerPeriod`` only when ``max_daily_mg`` is given.

    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.rules.regimen.Regimen`,
            or ``max_daily_mg`` is not a whole number or None.
        DoseError: ``max_daily_mg`` is below the regimen's daily dose or over the
            label's maximum.
        InvalidDatetimeError: an instant whose offset FHIR has no form for falls, in
            UTC, outside the supported years (only near the years 2 and 9998).

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, to_fhir_dosage
    >>> r = Regimen(60, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC))
    >>> d = to_fhir_dosage(r)
    >>> d["timing"]["repeat"]["boundsPeriod"]["start"], d["timing"]["repeat"]["timeOfDay"]
    ('2026-01-05T08:00:00+00:00', ['08:00:00'])
    >>> d["doseAndRate"][0]["doseQuantity"]
    {'value': 60, 'unit': 'mg', 'system': 'http://unitsofmeasure.org', 'code': 'mg'}
    >>> "maxDosePerPeriod" in d, to_fhir_dosage(r, max_daily_mg=60)["maxDosePerPeriod"]["numerator"]["value"]
    (False, 60)
    """  # noqa: E501 - a doctest line is as long as what it shows
    regimen = require_regimen(regimen)
    return to_fhir_dosages(regimen, max_daily_mg=max_daily_mg)[0]


def to_fhir_medication_request(
    plan: Plan | Regimen, *, subject: str, max_daily_mg: int | None = None
) -> dict[str, Any]:
    """The plan as an HL7 FHIR R4 ``MedicationRequest``, ready for ``json.dumps``.

    ``dosageInstruction`` is :func:`to_fhir_dosages` of the plan; the medication is
    the ingredient duloxetine in RxNorm (72625), since the phases may need capsules
    of several strengths (:func:`fhir_medication` codes each one); ``subject`` is the
    reference to the patient (``"Patient/123"``), which R4 requires.  ``status`` is
    ``active`` and ``intent`` ``order``: the plan is what the prescriber ordered.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, ``subject`` is not a string, or
            ``max_daily_mg`` is not a whole number or None.
        FhirError: ``subject`` is blank, has space at either end, or is over 1000
            characters.
        DoseError: ``max_daily_mg`` is below a phase's daily dose or over the label's
            maximum.
        InvalidDatetimeError: an instant whose offset FHIR has no form for falls, in
            UTC, outside the supported years (only near the years 2 and 9998).

    >>> import datetime as dt
    >>> from duloxinfo import titration_plan, to_fhir_medication_request
    >>> plan = titration_plan(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), "UTC", dt.time(8))
    >>> request = to_fhir_medication_request(plan, subject="Patient/123")
    >>> request["medicationCodeableConcept"]["coding"][0]["code"], request["subject"]
    ('72625', {'reference': 'Patient/123'})
    >>> [d["sequence"] for d in request["dosageInstruction"]]
    [1, 2]
    """
    if not isinstance(subject, str):
        raise WrongTypeError("subject", f"expected a FHIR reference string, got {shown(subject)}")
    if not subject.strip() or subject != subject.strip() or len(subject) > _LONGEST_SUBJECT:
        raise FhirError(
            "subject",
            f"{brief(subject)} is not a reference to the patient such as "
            f"'Patient/123' (not blank, no space at either end, at most {_LONGEST_SUBJECT} "
            "characters)",
        )
    dosages = to_fhir_dosages(plan, max_daily_mg=max_daily_mg)
    return {
        "resourceType": "MedicationRequest",
        "status": "active",
        "intent": "order",
        "medicationCodeableConcept": {"coding": [dict(_DULOXETINE)], "text": "duloxetine"},
        "subject": {"reference": subject},
        "dosageInstruction": dosages,
    }


def fhir_medication(strength_mg: int) -> dict[str, Any]:
    """The FHIR R4 ``Medication`` of one capsule strength, coded in RxNorm.

    Raises:
        WrongTypeError: ``strength_mg`` is not a whole number.
        DoseError: ``strength_mg`` is not a marketed capsule strength.

    >>> from duloxinfo import fhir_medication
    >>> fhir_medication(60)["code"]["coding"][0]["code"]
    '596934'
    """
    strength_mg = require_strength(strength_mg)
    codes = dict(LABEL.rxnorm_scd.value)
    name = f"duloxetine {strength_mg} MG Delayed Release Oral Capsule"
    return {
        "resourceType": "Medication",
        "code": {
            "coding": [{"system": _RXNORM, "code": codes[strength_mg], "display": name}],
            "text": name,
        },
    }


# Reading ----------------------------------------------------------------------------


def _get(data: object, path: str, kind: type[_T] | tuple[type, ...], within: str = "") -> Any:
    """The element at dotted ``path`` of ``data``, which must be of ``kind``.

    ``within`` is where ``data`` itself is, for the message.
    """
    where = f"{within}.{path}" if within else path
    value = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise FhirError(where, "missing; duloxinfo needs it to read the regimen")
        value = value[part]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise FhirError(where, f"expected {_kind_name(kind)}, got {shown(value)}")
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _only(data: Mapping[Any, object], allowed: frozenset[str], path: str) -> None:
    """Refuse elements duloxinfo cannot represent, rather than dropping them."""
    # Parsed JSON has string keys; a mapping built in code may not: strings first, then
    # the rest in their order, never by repr (which may be deep or slow).
    extra = sorted(
        (key for key in data if key not in allowed),
        key=lambda k: (0, k) if isinstance(k, str) else (1, ""),
    )
    if extra:
        key: object = extra[0]
        name = key if isinstance(key, str) and len(key) <= 60 else brief(key)
        raise FhirError(
            f"{path}.{name}" if path else str(name),
            f"{brief(data[key])} is not supported; "
            f"duloxinfo reads only {', '.join(sorted(allowed))} here",
        )


def _expect(path: str, value: object, wanted: object, meaning: str) -> None:
    if value != wanted or type(value) is not type(wanted):
        raise FhirError(path, f"{brief(value)} is not supported; duloxinfo reads only {meaning}")


def _whole_mg(path: str, quantity: object) -> int:
    """A whole number of mg from a UCUM ``Quantity`` at ``path``, with nothing else in it."""
    if not isinstance(quantity, Mapping):
        raise FhirError(path, f"expected a quantity in mg ({_UCUM} code mg), got {shown(quantity)}")
    if "comparator" in quantity:
        raise FhirError(
            f"{path}.comparator",
            f"{brief(quantity['comparator'])} is not supported; a dose "
            "is a fixed quantity (a SimpleQuantity, with no comparator)",
        )
    _only(quantity, _QUANTITY_KEYS, path)
    if quantity.get("code") != "mg" or quantity.get("system") != _UCUM:
        raise FhirError(path, f"expected a quantity in mg ({_UCUM} code mg), got {brief(quantity)}")
    value = quantity.get("value")
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))
        or value != int(value)
    ):
        raise FhirError(f"{path}.value", f"{brief(value)} is not a whole number of mg")
    return int(value)


def _zone_or_none(tz: object) -> ZoneInfo | None:
    return None if tz is None else to_zone(tz)


def from_fhir_dosage(
    dosage: Mapping[str, Any],
    tz: str | ZoneInfo | None,
    *,
    start: _dt.datetime | None = None,
) -> Regimen:
    """Read an HL7 FHIR R4 ``Dosage`` (parsed JSON) back as a regimen.

    Supported: a fixed dose in mg by mouth, 1 or 2 times each day
    (``frequency`` 1 or 2, ``period`` 1, ``periodUnit`` ``d``) at as many
    ``timeOfDay`` times (``hh:mm:ss``), not "as needed".  ``tz`` is the zone the
    times are read in: a zone, which wins over any ``tz-code`` extension on
    ``boundsPeriod.start``, or None to take the zone from that extension.
    ``start`` is ``timing.repeat.boundsPeriod.start`` unless given; the regimen ends
    after ``boundsPeriod.end`` when there is one (the end is inclusive in FHIR: the
    regimen's end is the next second, or the next instant at the precision written).
    Anything else (other elements, ``when``, ``dayOfWeek``, a dose range or a
    comparator, another route, an unknown key anywhere) is a
    :class:`~duloxinfo.errors.FhirError` naming the element.  A ``maxDosePerPeriod``
    below the dosage's own daily dose is refused; one at or above it is checked,
    not kept.

    Raises:
        WrongTypeError: ``dosage`` is not a mapping, ``tz`` is not a zone name, a
            ZoneInfo or None, or ``start`` is not a datetime.
        FhirError: the ``Dosage`` is malformed or describes something unsupported,
            its ``boundsPeriod.start`` has no zone offset (and no ``start`` is given),
            or it names no zone (or a malformed one) and ``tz`` is None.
        DoseError: the dose it describes is not one the label allows.
        ScheduleError: its times of day or its end are not a valid regimen's (see
            :class:`~duloxinfo.rules.regimen.Regimen`).
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: the start (given, or read from the ``Dosage``) has no
            zone or is outside the supported years.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, to_fhir_dosage, from_fhir_dosage
    >>> r = Regimen(30, [dt.time(8), dt.time(20)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> from_fhir_dosage(to_fhir_dosage(r), None) == r
    True
    """
    zone = _zone_or_none(tz)
    if not isinstance(dosage, Mapping):
        raise WrongTypeError(
            "dosage", f"expected a FHIR Dosage (a mapping of parsed JSON), got {shown(dosage)}"
        )
    if start is not None and not isinstance(start, _dt.datetime):
        raise WrongTypeError("start", f"expected an aware datetime, got {shown(start)}")
    return _read_regimen(dosage, zone, start)


def from_fhir_dosages(
    dosages: Sequence[Mapping[str, Any]], tz: str | ZoneInfo | None = None
) -> Plan:
    """Read HL7 FHIR R4 ``Dosage`` phases (parsed JSON) back as a plan.

    Each ``Dosage`` is read as in :func:`from_fhir_dosage`, and each must have a
    ``sequence``: 1, 2, ... in the order of the list (an equal or a lower number is
    refused, not sorted); a list of one ``Dosage`` may leave it out.  Every phase but
    the last must end, and no phase may start before the one before it ends.  ``tz``
    is the zone of every phase, or None to take each phase's zone from its
    ``tz-code`` extension (how :func:`to_fhir_dosages` writes it, so that a plan whose
    phases are in several zones reads back exactly).

    Raises:
        WrongTypeError: ``dosages`` is not a list (a sequence, not a string) of
            mappings, or ``tz`` is not a zone name, a ZoneInfo or None.
        FhirError: a ``Dosage`` is malformed, describes something unsupported, or
            names no zone while ``tz`` is None; the list is empty or over 1000 long;
            sequences are missing, repeated or out of order; a phase but the last has
            no end; or phases overlap.  The message starts with ``dosages[i]``.
        DoseError: a dose is not one the label allows.
        ScheduleError: a phase's times of day or end are not a valid regimen's.
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: a start is outside the supported years.

    >>> import datetime as dt, json
    >>> from duloxinfo import titration_plan, to_fhir_dosages, from_fhir_dosages
    >>> plan = titration_plan(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), "Europe/London",
    ...                       dt.time(8))
    >>> from_fhir_dosages(json.loads(json.dumps(to_fhir_dosages(plan)))) == plan
    True
    """
    zone = _zone_or_none(tz)
    if isinstance(dosages, str | bytes | Mapping) or not isinstance(dosages, Sequence):
        raise WrongTypeError(
            "dosages", f"expected a list of FHIR Dosage (parsed JSON), got {shown(dosages)}"
        )
    # A plan's bound: a longer list is refused before it is read.
    if not dosages or len(dosages) > MAX_PLAN_PHASES:
        raise FhirError(
            "dosages",
            f"{len(dosages)} given; duloxinfo reads a plan of 1 to {MAX_PLAN_PHASES} phases",
        )
    phases: list[Regimen] = []
    sequences: list[int] = []
    for index, dosage in enumerate(dosages):
        where = f"dosages[{index}]"
        if not isinstance(dosage, Mapping):
            raise WrongTypeError(
                where, f"expected a FHIR Dosage (a mapping of parsed JSON), got {shown(dosage)}"
            )
        if len(dosages) == 1 and "sequence" not in dosage:
            return Plan([_within(where, partial(_read_regimen, dosage, zone, None))])
        sequence: int = _within(where, partial(_get, dosage, "sequence", int))
        if sequences and sequence <= sequences[-1]:
            raise FhirError(
                f"{where}.sequence",
                f"{brief(sequence)} does not follow {sequences[-1]}; the "
                "phases must be listed in order, each with a higher sequence (an equal one "
                "would mean at the same time)",
            )
        if sequence < 1:
            raise FhirError(f"{where}.sequence", f"{brief(sequence)} is not a positive number")
        sequences.append(sequence)
        phases.append(_within(where, partial(_read_regimen, dosage, zone, None)))
    try:
        return Plan(phases)
    except ScheduleError as error:  # the phases' order, checked where Plan checks it
        raise _phase_error(error) from None


def _phase_error(error: ScheduleError) -> FhirError:
    """Plan's error about the order of its phases, at the Dosage element it came from.

    Plan names the field ``phases[i].start`` or ``phases[i].end``; here that is the
    ``boundsPeriod`` element of ``dosages[i]``.
    """
    phase, _, name = error.field.partition(".")
    return FhirError(f"dosages{phase.removeprefix('phases')}.{_ELEMENT_OF[name]}", error.detail)


def _within(where: str, read: Callable[[], _T]) -> _T:
    """``read()``, with any error it raises saying which ``Dosage`` of the list it is about."""
    try:
        return read()
    except DuloxinfoError as error:  # FhirError, and the rules' own: DoseError, ...
        raise error.within(where) from None


def _read_regimen(
    dosage: Mapping[str, Any], zone: ZoneInfo | None, start: _dt.datetime | None
) -> Regimen:
    _only(dosage, _DOSAGE_KEYS, "")
    if "sequence" in dosage:
        _get(dosage, "sequence", int)
    if dosage.get("asNeededBoolean", False) is not False:
        raise FhirError(
            "asNeededBoolean",
            f"{brief(dosage['asNeededBoolean'])} is not supported; duloxinfo "
            "reads only scheduled doses",
        )
    _check_route(dosage)
    dose = _read_dose(dosage)
    times = _read_times(dosage)
    bounds = _get(dosage, "timing.repeat.boundsPeriod", Mapping)
    _only(bounds, _BOUNDS_KEYS, "timing.repeat.boundsPeriod")
    written = _read_zone(bounds)
    if zone is None:
        if written is None:
            raise FhirError(
                "timing.repeat.boundsPeriod._start",
                "missing; a Dosage has no time zone, so "
                f"give tz or the {_TZ_CODE} extension on the start",
            )
        zone = written
    begin = _read_instant(dosage, "start") if start is None else start
    end = None if "end" not in bounds else _exclusive(_read_instant(dosage, "end"), bounds["end"])
    try:
        regimen = Regimen(dose, times, zone, begin, end=end)
    except DuloxinfoError as error:
        raise _at_element(error, keep={"start"} if start is not None else set()) from None
    _check_maximum(dosage, regimen)
    return regimen


# A Regimen's fields, and the Dosage elements from_fhir_dosage reads them from.
_ELEMENT_OF = {
    "dose_mg": "doseAndRate[0].doseQuantity.value",
    "times": "timing.repeat.timeOfDay",
    "start": "timing.repeat.boundsPeriod.start",
    "end": "timing.repeat.boundsPeriod.end",
}


def _at_element(error: DuloxinfoError, keep: set[str]) -> DuloxinfoError:
    """A Regimen's error, its field renamed to the Dosage element the value came from.

    A field in ``keep`` (``start`` when the caller gave it) stays as it is.
    """
    for name, element in _ELEMENT_OF.items():
        if name not in keep and (error.field == name or error.field.startswith(f"{name}[")):
            return type(error)(element + error.field[len(name) :], error.detail)
    return error


def _read_zone(bounds: Mapping[str, Any]) -> ZoneInfo | None:
    """The zone of the ``tz-code`` extension on ``boundsPeriod.start``, if there is one."""
    if "_start" not in bounds:
        return None
    path = "timing.repeat.boundsPeriod._start"
    element = _get(bounds, "_start", Mapping, "timing.repeat.boundsPeriod")
    _only(element, frozenset({"extension"}), path)
    extensions = _get(element, "extension", list, path)
    if len(extensions) != 1 or not isinstance(extensions[0], Mapping):
        raise FhirError(
            f"{path}.extension",
            f"{brief(extensions)} is not supported; duloxinfo reads only "
            f"one {_TZ_CODE} extension here",
        )
    extension = extensions[0]
    _only(extension, frozenset({"url", "valueCode"}), f"{path}.extension[0]")
    _expect(f"{path}.extension[0].url", extension.get("url"), _TZ_CODE, f"the {_TZ_CODE} extension")
    code = _get(extension, "valueCode", str, f"{path}.extension[0]")
    try:
        return to_zone(code, f"{path}.extension[0].valueCode")
    except (TimeZoneError, WrongTypeError) as error:
        raise FhirError(error.field, error.detail) from None


def _check_route(dosage: Mapping[str, Any]) -> None:
    if "route" not in dosage:
        return
    route = _get(dosage, "route", Mapping)
    _only(route, frozenset({"coding", "text"}), "route")
    codings = _get(dosage, "route.coding", list) if "coding" in route else []
    for index, coding in enumerate(codings):
        if not isinstance(coding, Mapping):
            raise FhirError(f"route.coding[{index}]", f"expected a Coding, got {shown(coding)}")
        _only(coding, _CODING_KEYS, f"route.coding[{index}]")
    if not any(c.get("system") == _SNOMED and c.get("code") == _ORAL["code"] for c in codings):
        raise FhirError(
            "route", f"{brief(dosage['route'])} is not the oral route (SNOMED CT {_ORAL['code']})"
        )


def _read_times(dosage: Mapping[str, Any]) -> list[_dt.time]:
    _only(_get(dosage, "timing", Mapping), frozenset({"repeat"}), "timing")
    repeat = _get(dosage, "timing.repeat", Mapping)
    _only(repeat, _REPEAT_KEYS, "timing.repeat")
    _expect("timing.repeat.period", repeat.get("period"), 1, "period 1")
    _expect("timing.repeat.periodUnit", repeat.get("periodUnit"), "d", "periodUnit 'd' (a day)")
    frequency = _get(dosage, "timing.repeat.frequency", int)
    raw_times = _get(dosage, "timing.repeat.timeOfDay", list)
    if len(raw_times) != frequency:
        raise FhirError(
            "timing.repeat.timeOfDay",
            f"{brief(raw_times)} has {len(raw_times)} times for "
            f"frequency {brief(frequency)}; duloxinfo needs one time of day per dose",
        )
    times = []
    for index, raw in enumerate(raw_times):
        if not isinstance(raw, str) or not _FHIR_TIME.fullmatch(raw):
            raise FhirError(
                f"timing.repeat.timeOfDay[{index}]",
                f"{brief(raw)} is not a time such as '08:00:00' (whole seconds)",
            )
        times.append(_dt.time.fromisoformat(raw))
    return times


def _read_dose(dosage: Mapping[str, Any]) -> int:
    doses = _get(dosage, "doseAndRate", list)
    if len(doses) != 1 or not isinstance(doses[0], Mapping) or set(doses[0]) != {"doseQuantity"}:
        raise FhirError(
            "doseAndRate",
            f"{brief(doses)} is not supported; duloxinfo reads exactly one doseQuantity",
        )
    return _whole_mg("doseAndRate[0].doseQuantity", doses[0]["doseQuantity"])


def _read_instant(dosage: Mapping[str, Any], bound: str) -> _dt.datetime:
    path = f"timing.repeat.boundsPeriod.{bound}"
    text = _get(dosage, path, str)
    if not _FHIR_DATETIME.fullmatch(text):
        raise FhirError(path, f"{brief(text)} is not a FHIR dateTime")
    timed = _WITH_TIME.fullmatch(text)
    if timed is None:
        raise FhirError(
            path,
            f"{brief(text)} has no time zone offset; pass start= to say when the regimen began"
            if bound == "start"
            else f"{path}: {brief(text)} has no time zone offset",
        )
    fraction = timed.group("fraction") or ""
    if len(fraction) > _MOST_MICROSECOND_DIGITS:
        raise FhirError(
            path,
            f"{brief(text)} is finer than a microsecond; duloxinfo cannot represent it exactly",
        )
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:  # a leap second (:60), or a day the month does not have
        raise FhirError(path, f"{brief(text)} is not an instant duloxinfo can read") from None


def _exclusive(last: _dt.datetime, text: str) -> _dt.datetime:
    """The first instant after ``last`` at the precision ``text`` gives it.

    FHIR's end is inclusive: "the high value includes any matching date/time".
    """
    timed = _WITH_TIME.fullmatch(text)
    digits = len((timed.group("fraction") if timed else None) or "")
    return last + _dt.timedelta(microseconds=10 ** (_MOST_MICROSECOND_DIGITS - digits))


def _check_maximum(dosage: Mapping[str, Any], regimen: Regimen) -> None:
    if "maxDosePerPeriod" not in dosage:
        return
    ratio = _get(dosage, "maxDosePerPeriod", Mapping)
    _only(ratio, frozenset({"numerator", "denominator"}), "maxDosePerPeriod")
    most = _whole_mg(
        "maxDosePerPeriod.numerator", _get(dosage, "maxDosePerPeriod.numerator", Mapping)
    )
    denominator = _get(dosage, "maxDosePerPeriod.denominator", Mapping)
    _only(denominator, _QUANTITY_KEYS, "maxDosePerPeriod.denominator")
    value = denominator.get("value")
    if (
        isinstance(value, bool)
        or value != 1
        or denominator.get("code") != "d"
        or denominator.get("system") != _UCUM
    ):
        raise FhirError(
            "maxDosePerPeriod.denominator",
            f"{brief(denominator)} is not supported; duloxinfo reads "
            f"only a maximum per day (value 1, {_UCUM} code d)",
        )
    if most < regimen.daily_dose_mg:
        raise FhirError(
            "maxDosePerPeriod.numerator",
            f"{brief(most)} mg a day is less than the dosage's own "
            f"{regimen.daily_dose_mg} mg a day",
        )
