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
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final
from zoneinfo import ZoneInfo

from .._names import public_dir
from .._validate import brief, in_supported_years, require_whole_number, shown, to_zone, utc
from .._words import AS_DIRECTED, how_often, moment
from ..errors import DoseError, FhirError, InvalidDatetimeError, ScheduleError, WrongTypeError
from ..label import LABEL
from ..rules._doses import require_strength
from ..rules._inputs import as_plan, require_regimen
from ..rules.plan import Plan
from ..rules.regimen import Regimen
from ._fhir_elements import DULOXETINE, ORAL, RXNORM, TZ_CODE, UCUM, mg
from ._fhir_reading import Reading, read_plan, read_regimen
from ._fhir_request import read_request

__all__ = [
    "FHIR_EVENT_TIMES",
    "fhir_medication",
    "from_fhir_dosage",
    "from_fhir_dosages",
    "from_fhir_medication_request",
    "to_fhir_dosage",
    "to_fhir_dosages",
    "to_fhir_medication_request",
]
__dir__ = public_dir(globals())

_MINUTE: Final = _dt.timedelta(minutes=1)
_MOST_OFFSET: Final = _dt.timedelta(hours=14)
_SECOND: Final = _dt.timedelta(seconds=1)
_MICROSECOND: Final = _dt.timedelta(microseconds=1)
_LONGEST_SUBJECT: Final = 1000

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
        "_start": {"extension": [{"url": TZ_CODE, "valueCode": phase.tz.key}]},
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
        "route": {"coding": [dict(ORAL)], "text": "oral"},
        "doseAndRate": [{"doseQuantity": mg(phase.dose_mg)}],
    }
    if most is not None:
        dosage["maxDosePerPeriod"] = {
            "numerator": mg(most),
            "denominator": {"value": 1, "unit": "d", "system": UCUM, "code": "d"},
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
        "medicationCodeableConcept": {"coding": [dict(DULOXETINE)], "text": "duloxetine"},
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
            "coding": [{"system": RXNORM, "code": codes[strength_mg], "display": name}],
            "text": name,
        },
    }


# Reading ----------------------------------------------------------------------------

FHIR_EVENT_TIMES: Final = MappingProxyType(
    {
        "WAKE": _dt.time(7),
        "MORN": _dt.time(8),
        "MORN.early": _dt.time(7),
        "MORN.late": _dt.time(10),
        "CM": _dt.time(8),
        "NOON": _dt.time(12),
        "CD": _dt.time(12),
        "AFT": _dt.time(14),
        "AFT.early": _dt.time(13),
        "AFT.late": _dt.time(16),
        "EVE": _dt.time(18),
        "EVE.early": _dt.time(17),
        "EVE.late": _dt.time(20),
        "CV": _dt.time(18),
        "NIGHT": _dt.time(22),
        "HS": _dt.time(22),
    }
)
"""The clock time the readers give each FHIR ``when`` event code, unless told otherwise.

A ``Dosage`` with ``timing.repeat.when`` (``["MORN"]``, ``["HS"]``) names a moment of
the day, not a time; duloxinfo needs a time.  These are the defaults: waking 07:00,
morning 08:00 (early 07:00, late 10:00), breakfast (``CM``) 08:00, noon and lunch
(``CD``) 12:00, afternoon 14:00 (early 13:00, late 16:00), evening and dinner (``CV``)
18:00 (early 17:00, late 20:00), night and bedtime (``HS``, "hour of sleep") 22:00.  Give
``event_times`` to the readers to change any of them, or to give a time to a code with
none here (``C``, ``AC``, ``PC`` and the other meal codes, whose time depends on which
meal): a code with no time is refused, naming it.
"""


def _zone_or_none(tz: object) -> ZoneInfo | None:
    return None if tz is None else to_zone(tz)


def _require_times(times: object) -> tuple[_dt.time, ...] | None:
    """The caller's times of day for a ``Dosage`` that gives none: naive, whole seconds."""
    if times is None:
        return None
    if isinstance(times, str | bytes | Mapping) or not isinstance(times, Sequence):
        raise WrongTypeError("times", f"expected a list of datetime.time, got {shown(times)}")
    if len(times) > _MOST_TIMES:
        raise ScheduleError("times", f"{len(times)} times given; at most {_MOST_TIMES} are read")
    return tuple(_require_time(value, f"times[{index}]") for index, value in enumerate(times))


def _require_time(value: object, field: str) -> _dt.time:
    if not isinstance(value, _dt.time):
        raise WrongTypeError(field, f"expected a datetime.time, got {shown(value)}")
    if value.tzinfo is not None:
        raise ScheduleError(field, f"{value} carries a time zone; give the zone as tz")
    if value.microsecond:
        raise ScheduleError(
            field, f"{value} has a fraction of a second; give whole seconds, as FHIR does"
        )
    return value


def _require_events(event_times: object) -> Mapping[str, _dt.time]:
    """:data:`FHIR_EVENT_TIMES`, with the caller's ``event_times`` over it."""
    if event_times is None:
        return FHIR_EVENT_TIMES
    if not isinstance(event_times, Mapping):
        raise WrongTypeError(
            "event_times",
            f"expected a mapping of FHIR event codes to datetime.time, got {shown(event_times)}",
        )
    if len(event_times) > _MOST_EVENTS:
        raise WrongTypeError(
            "event_times", f"{len(event_times)} codes given; at most {_MOST_EVENTS} are read"
        )
    events = dict(FHIR_EVENT_TIMES)
    for code, value in event_times.items():
        if not isinstance(code, str):
            raise WrongTypeError("event_times", f"expected event codes (str), got {shown(code)}")
        named = code if _EVENT_CODE.fullmatch(code) else "..."
        events[code] = _require_time(value, f"event_times[{named}]")
    return events


_MOST_TIMES: Final = 24
_MOST_EVENTS: Final = 100
_EVENT_CODE: Final = re.compile(r"[\w.-]{1,40}")  # a code named as it is in a field path


def _reading(
    tz: object,
    times: object,
    event_times: object,
    start: object,
    *,
    start_wins: bool,
) -> Reading:
    zone = _zone_or_none(tz)
    if start is not None and not isinstance(start, _dt.datetime):
        raise WrongTypeError("start", f"expected an aware datetime, got {shown(start)}")
    return Reading(
        zone=zone,
        times=_require_times(times),
        events=_require_events(event_times),
        start=start,
        start_wins=start_wins,
    )


def from_fhir_dosage(
    dosage: Mapping[str, Any],
    tz: str | ZoneInfo | None,
    *,
    start: _dt.datetime | None = None,
    times: Sequence[_dt.time] | None = None,
    event_times: Mapping[str, _dt.time] | None = None,
) -> Regimen:
    """Read an HL7 FHIR R4 ``Dosage`` (parsed JSON) back as a regimen.

    Supported: a fixed dose in mg by mouth (``doseAndRate[0].doseQuantity``, UCUM
    ``mg``; a ``type`` of ``ordered`` may say so), 1 or 2 times each day, not "as
    needed" (``asNeededBoolean``, ``asNeeded`` or ``asNeededCodeableConcept`` is
    refused: duloxetine is taken every day).

    * How often: ``frequency`` per ``period`` ``periodUnit`` (``d`` or ``h``: 1 per
      1 d, 2 per 1 d, 1 per 12 h), or ``timing.code`` QD or BID (v3-GTSAbbreviation),
      or as many doses as times listed.  When two of these are given they must agree.
    * At what times: ``timeOfDay`` (``hh:mm:ss``); or ``when`` event codes, each at the
      clock time ``event_times`` gives it (over the defaults in
      :data:`FHIR_EVENT_TIMES`); or, when the ``Dosage`` gives neither, the ``times``
      you pass (one per dose).  Without them, a ``FhirError`` at
      ``timing.repeat.timeOfDay`` says to pass ``times``.
    * When: ``start`` if you give it (it wins over the ``Dosage``), else
      ``boundsPeriod.start``.  It ends after ``boundsPeriod.end`` when there is one (the
      end is inclusive in FHIR: the regimen's end is the next second, or the next
      instant at the precision written), or ``boundsDuration`` (hours, days or weeks)
      after the start.  A date without a time is the whole day in the zone: a start
      date begins at its midnight, an end date ends at the next midnight.
    * The zone: ``tz``, which wins over any ``tz-code`` extension on
      ``boundsPeriod.start``, or None to take the zone from that extension.

    Anything else (other elements, ``dayOfWeek``, an ``offset`` from an event, a dose
    range or a comparator, another route, a unit that is not mg, an unknown key
    anywhere) is a :class:`~duloxinfo.errors.FhirError` naming the element.  A
    ``maxDosePerPeriod`` below the dosage's own daily dose is refused; one at or above
    it is checked, not kept.

    Raises:
        WrongTypeError: ``dosage`` is not a mapping, ``tz`` is not a zone name, a
            ZoneInfo or None, ``start`` is not a datetime, ``times`` is not a list of
            times, or ``event_times`` is not a mapping of codes to times.
        FhirError: the ``Dosage`` is malformed or describes something unsupported,
            gives no start (and no ``start`` is given), no times (and no ``times`` are
            given), a ``when`` code with no clock time, or names no zone (or a malformed
            one) and ``tz`` is None.
        DoseError: the dose it describes is not one the label allows.
        ScheduleError: its times of day or its end are not a valid regimen's (see
            :class:`~duloxinfo.rules.regimen.Regimen`), or ``times`` or
            ``event_times`` hold a time with a zone or a fraction of a second, or
            ``times`` are not one per dose.
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: the start (given, or read from the ``Dosage``) has no
            zone or is outside the supported years.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, to_fhir_dosage, from_fhir_dosage
    >>> r = Regimen(30, [dt.time(8), dt.time(20)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> from_fhir_dosage(to_fhir_dosage(r), None) == r
    True
    >>> order = {
    ...     "timing": {"repeat": {"boundsPeriod": {"start": "2026-01-05"}, "when": ["HS"]}},
    ...     "doseAndRate": [{"doseQuantity": {"value": 60, "unit": "mg",
    ...                      "system": "http://unitsofmeasure.org", "code": "mg"}}],
    ... }
    >>> from_fhir_dosage(order, "Europe/London").times
    (datetime.time(22, 0),)
    """
    reading = _reading(tz, times, event_times, start, start_wins=True)
    if not isinstance(dosage, Mapping):
        raise WrongTypeError(
            "dosage", f"expected a FHIR Dosage (a mapping of parsed JSON), got {shown(dosage)}"
        )
    return read_regimen(dosage, reading)


def from_fhir_dosages(
    dosages: Sequence[Mapping[str, Any]],
    tz: str | ZoneInfo | None = None,
    *,
    start: _dt.datetime | None = None,
    times: Sequence[_dt.time] | None = None,
    event_times: Mapping[str, _dt.time] | None = None,
) -> Plan:
    """Read HL7 FHIR R4 ``Dosage`` phases (parsed JSON) back as a plan.

    Each ``Dosage`` is read as in :func:`from_fhir_dosage`, and each must have a
    ``sequence``: 1, 2, ... in the order of the list (an equal or a lower number is
    refused, not sorted); a list of one ``Dosage`` may leave it out.  Every phase but
    the last must end, and no phase may start before the one before it ends.  ``tz``
    is the zone of every phase, or None to take each phase's zone from its
    ``tz-code`` extension (how :func:`to_fhir_dosages` writes it, so that a plan whose
    phases are in several zones reads back exactly).

    A phase whose bounds give no start (only a ``boundsDuration``, or none) starts at
    ``start`` if it is the first, or where the phase before it ends: "30 mg for one
    week, then 60 mg".  Here ``start`` fills in a start the ``Dosage`` leaves out; it
    does not replace one it gives.  ``times`` and ``event_times`` are as in
    :func:`from_fhir_dosage`, for every phase.

    Raises:
        WrongTypeError: ``dosages`` is not a list (a sequence, not a string) of
            mappings, ``tz`` is not a zone name, a ZoneInfo or None, ``start`` is not
            a datetime, ``times`` is not a list of times, or ``event_times`` is not a
            mapping of codes to times.
        FhirError: a ``Dosage`` is malformed, describes something unsupported, gives no
            start or times that are not given, or names no zone while ``tz`` is None;
            the list is empty or over 1000 long; sequences are missing, repeated or
            out of order; a phase but the last has no end; or phases overlap.  The
            message starts with ``dosages[i]``.
        DoseError: a dose is not one the label allows.
        ScheduleError: a phase's times of day or end are not a valid regimen's, or
            ``times`` or ``event_times`` are not whole-second local times, one per dose.
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: a start is outside the supported years.

    >>> import datetime as dt, json
    >>> from duloxinfo import titration_plan, to_fhir_dosages, from_fhir_dosages
    >>> plan = titration_plan(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), "Europe/London",
    ...                       dt.time(8))
    >>> from_fhir_dosages(json.loads(json.dumps(to_fhir_dosages(plan)))) == plan
    True
    """
    reading = _reading(tz, times, event_times, start, start_wins=False)
    if isinstance(dosages, str | bytes | Mapping) or not isinstance(dosages, Sequence):
        raise WrongTypeError(
            "dosages", f"expected a list of FHIR Dosage (parsed JSON), got {shown(dosages)}"
        )
    return read_plan(dosages, reading, "dosages")


def from_fhir_medication_request(
    resource: Mapping[str, Any],
    tz: str | ZoneInfo | None = None,
    *,
    start: _dt.datetime | None = None,
    times: Sequence[_dt.time] | None = None,
    event_times: Mapping[str, _dt.time] | None = None,
) -> Plan:
    """Read an HL7 FHIR R4 ``MedicationRequest`` (parsed JSON) for duloxetine as a plan.

    The plan is ``dosageInstruction``, read as :func:`from_fhir_dosages` reads a list of
    ``Dosage`` (with the same ``tz``, ``start``, ``times`` and ``event_times``; errors
    name ``dosageInstruction[i]``).  The request must be an active order (``status``
    ``active``; ``intent`` an order or a plan, not a proposal; no ``doNotPerform``).

    The medication must be duloxetine: ``medicationCodeableConcept``, or
    ``medicationReference`` to a ``Medication`` contained in the request (``"#med1"``),
    coded in RxNorm (the ingredient 72625, a delayed-release capsule of 20, 30, 40 or
    60 mg, or a Cymbalta capsule) or SNOMED CT (407032004, the substance).  Every RxNorm
    and SNOMED CT coding must be one of these; codings in other systems (NDC, an EHR's
    own) are not read.  A capsule's code gives its strength, and then every dose must
    be whole capsules of it (30 mg of a 20 mg capsule is refused), and a dose may be
    given in capsules (v3-orderableDrugForm ``CAP``).  The elements that say who, when,
    where and why (``subject``, ``requester``, ``authoredOn``, ``note``,
    ``dispenseRequest``, ...) are allowed and not read; any other element is refused.

    Raises:
        WrongTypeError: ``resource`` is not a mapping, or an argument is of the wrong
            type (as for :func:`from_fhir_dosages`).
        FhirError: the request is not an active order for duloxetine, names a code that
            is not duloxetine or a strength that does not fit a dose, or its
            ``dosageInstruction`` cannot be read as a plan.
        DoseError: a dose is not one the label allows.
        ScheduleError: a phase's times of day or end are not a valid regimen's, or
            ``times`` or ``event_times`` are not whole-second local times, one per dose.
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: a start is outside the supported years.

    >>> import datetime as dt, json
    >>> from duloxinfo import titration_plan, to_fhir_medication_request
    >>> from duloxinfo import from_fhir_medication_request
    >>> plan = titration_plan(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), "UTC", dt.time(8))
    >>> request = to_fhir_medication_request(plan, subject="Patient/123")
    >>> from_fhir_medication_request(json.loads(json.dumps(request))) == plan
    True
    """
    reading = _reading(tz, times, event_times, start, start_wins=False)
    return read_request(resource, reading)
