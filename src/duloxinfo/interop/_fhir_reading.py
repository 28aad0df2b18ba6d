"""Reading FHIR R4 ``Dosage`` elements as regimens and plans (see :mod:`duloxinfo.interop.fhir`).

A ``Dosage`` is read exactly or refused with its path: the times of day come from
``timing.repeat.timeOfDay``, from ``timing.repeat.when`` event codes (each given a clock
time by :data:`~duloxinfo.interop.fhir.FHIR_EVENT_TIMES` or the caller), or from the caller;
how often from ``frequency``/``period``/``periodUnit`` or ``timing.code`` (QD, BID); the
bounds from ``boundsPeriod`` (instants, or dates in the zone) or ``boundsDuration``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from functools import partial
from typing import Any, Final, TypeVar
from zoneinfo import ZoneInfo

import attrs

from .._validate import brief, in_supported_years, shown, to_zone
from .._walltime import wall_instant
from ..choices import MAX_PLAN_PHASES, MAX_SCHEDULE_DAYS
from ..errors import (
    DuloxinfoError,
    FhirError,
    InvalidDatetimeError,
    ScheduleError,
    TimeZoneError,
    WrongTypeError,
)
from ..rules.plan import Plan
from ..rules.regimen import Regimen
from ._fhir_elements import (
    CODING_KEYS,
    DATE_ONLY,
    DOSE_RATE_TYPE,
    FHIR_DATETIME,
    FHIR_TIME,
    GTS_ABBREVIATION,
    MIDNIGHT,
    MOST_MICROSECOND_DIGITS,
    ORAL,
    ORDERABLE_DRUG_FORM,
    QUANTITY_KEYS,
    SNOMED,
    TZ_CODE,
    UCUM,
    WITH_TIME,
    expect,
    get,
    listed,
    only,
    whole_mg,
    whole_number,
)

_T = TypeVar("_T")
_DOSAGE_KEYS: Final = frozenset(
    {
        "id",
        "extension",
        "sequence",
        "text",
        "additionalInstruction",
        "patientInstruction",
        "timing",
        "asNeeded",
        "asNeededBoolean",
        "asNeededCodeableConcept",
        "route",
        "doseAndRate",
        "maxDosePerPeriod",
    }
)
_REPEAT_KEYS: Final = frozenset(
    {
        "boundsPeriod",
        "boundsDuration",
        "frequency",
        "period",
        "periodUnit",
        "timeOfDay",
        "when",
    }
)
_BOUNDS_KEYS: Final = frozenset({"start", "_start", "end"})
# timing.code: the v3-GTSAbbreviation codes duloxinfo reads, and how many doses a day.
_TIMING_CODES: Final = {"QD": 1, "BID": 2}
# A day in each periodUnit duloxinfo reads (UCUM): how many of the unit make a day.
_PER_DAY: Final = {"d": Fraction(1), "h": Fraction(24)}
# boundsDuration: the UCUM units of a fixed length (a month or a year has none).
_DURATION_UNITS: Final = {
    "h": _dt.timedelta(hours=1),
    "d": _dt.timedelta(days=1),
    "wk": _dt.timedelta(weeks=1),
}
# The most times a Dosage may list (timeOfDay or when) before it is refused unread.
_MOST_TIMES: Final = 24


@attrs.frozen
class Reading:
    """What the caller gives the reader besides the ``Dosage``.

    Attributes:
        zone: The zone of every phase, or None to take it from each ``tz-code`` extension.
        times: The times of day of a ``Dosage`` that gives none, or None.
        events: The clock time of each ``when`` event code.
        start: The start of a ``Dosage`` whose bounds give none, or None.
        start_wins: Whether ``start`` is the start whatever the ``Dosage`` says (the
            single reader's long-standing rule), rather than only where it says none.
        strength: The mg of one capsule of the request's medication, or None.
        medication: Where that strength was read, for messages.
    """

    zone: ZoneInfo | None
    times: tuple[_dt.time, ...] | None = None
    events: Mapping[str, _dt.time] = attrs.field(factory=dict)
    start: _dt.datetime | None = None
    start_wins: bool = False
    strength: int | None = None
    medication: str = ""


def read_plan(dosages: Sequence[object], reading: Reading, root: str) -> Plan:
    """The plan of a list of ``Dosage``, its errors rooted at ``root`` (``dosages``)."""
    # A plan's bound: a longer list is refused before it is read.
    if not dosages or len(dosages) > MAX_PLAN_PHASES:
        raise FhirError(
            root,
            f"{len(dosages)} given; duloxinfo reads a plan of 1 to {MAX_PLAN_PHASES} phases",
        )
    phases: list[Regimen] = []
    sequences: list[int] = []
    for index, dosage in enumerate(dosages):
        where = f"{root}[{index}]"
        if not isinstance(dosage, Mapping):
            kind = WrongTypeError if root == "dosages" else FhirError
            raise kind(
                where, f"expected a FHIR Dosage (a mapping of parsed JSON), got {shown(dosage)}"
            )
        # A phase whose bounds give no start begins where the one before it ends.
        here = reading
        if phases:
            here = attrs.evolve(reading, start=phases[-1].end)
        if len(dosages) == 1 and "sequence" not in dosage:
            return Plan([within(where, partial(read_regimen, dosage, here))])
        sequence: int = within(where, partial(get, dosage, "sequence", int))
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
        phases.append(within(where, partial(read_regimen, dosage, here)))
    try:
        return Plan(phases)
    except ScheduleError as error:  # the phases' order, checked where Plan checks it
        raise _phase_error(error, root) from None


def _phase_error(error: ScheduleError, root: str) -> FhirError:
    """Plan's error about the order of its phases, at the Dosage element it came from.

    Plan names the field ``phases[i].start`` or ``phases[i].end``; here that is the
    ``boundsPeriod`` element of ``dosages[i]``.
    """
    phase, _, name = error.field.partition(".")
    return FhirError(f"{root}{phase.removeprefix('phases')}.{_ELEMENT_OF[name]}", error.detail)


def within(where: str, read: Callable[[], _T]) -> _T:
    """``read()``, with any error it raises saying which ``Dosage`` of the list it is about."""
    try:
        return read()
    except DuloxinfoError as error:  # FhirError, and the rules' own: DoseError, ...
        raise error.within(where) from None


def read_regimen(dosage: Mapping[str, Any], reading: Reading) -> Regimen:
    """The regimen of one ``Dosage``, or the error at the element that prevents it."""
    only(dosage, _DOSAGE_KEYS, "")
    if "sequence" in dosage:
        get(dosage, "sequence", int)
    _refuse_as_needed(dosage)
    _check_route(dosage)
    dose = _read_dose(dosage, reading)
    times = _read_times(dosage, reading)
    repeat = get(dosage, "timing.repeat", Mapping) if "repeat" in dosage["timing"] else {}
    if "boundsPeriod" in repeat and "boundsDuration" in repeat:
        raise FhirError(
            "timing.repeat.boundsDuration",
            "given with boundsPeriod; a Timing has one bounds[x], not both",
        )
    bounds: Mapping[str, Any] = {}
    if "boundsPeriod" in repeat:
        bounds = get(dosage, "timing.repeat.boundsPeriod", Mapping)
        only(bounds, _BOUNDS_KEYS, "timing.repeat.boundsPeriod")
    zone = _zone_of(bounds, reading)
    begin = _read_start(dosage, bounds, zone, reading)
    end = None
    if "end" in bounds:
        end = _read_end(dosage, zone)
    elif "boundsDuration" in repeat:
        end = begin + _read_duration(dosage)
    keep = {"start"} if begin is reading.start else set()
    try:
        regimen = Regimen(dose, times, zone, begin, end=end)
    except DuloxinfoError as error:
        raise _at_element(error, keep=keep) from None
    _check_maximum(dosage, regimen)
    return regimen


def _refuse_as_needed(dosage: Mapping[str, Any]) -> None:
    for key in ("asNeededBoolean", "asNeeded"):
        if dosage.get(key, False) is not False:
            raise FhirError(
                key,
                f"{brief(dosage[key])} is not supported; duloxetine is taken every day as "
                "prescribed, not as needed, and duloxinfo reads only scheduled doses",
            )
    if "asNeededCodeableConcept" in dosage:
        raise FhirError(
            "asNeededCodeableConcept",
            f"{brief(dosage['asNeededCodeableConcept'])} is not supported; a reason to take "
            "it means as needed, and duloxetine is taken every day as prescribed",
        )


# A Regimen's fields, and the Dosage elements the readers read them from.
_ELEMENT_OF: Final = {
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


def _zone_of(bounds: Mapping[str, Any], reading: Reading) -> ZoneInfo:
    written = _read_zone(bounds)  # checked even when the caller's zone wins
    if reading.zone is not None:
        return reading.zone
    if written is None:
        raise FhirError(
            "timing.repeat.boundsPeriod._start",
            "missing; a Dosage has no time zone, so "
            f"give tz or the {TZ_CODE} extension on the start",
        )
    return written


def _read_zone(bounds: Mapping[str, Any]) -> ZoneInfo | None:
    """The zone of the ``tz-code`` extension on ``boundsPeriod.start``, if there is one."""
    if "_start" not in bounds:
        return None
    path = "timing.repeat.boundsPeriod._start"
    element = get(bounds, "_start", Mapping, "timing.repeat.boundsPeriod")
    only(element, frozenset({"extension"}), path)
    extensions = get(element, "extension", list, path)
    if len(extensions) != 1 or not isinstance(extensions[0], Mapping):
        raise FhirError(
            f"{path}.extension",
            f"{brief(extensions)} is not supported; duloxinfo reads only "
            f"one {TZ_CODE} extension here",
        )
    extension = extensions[0]
    only(extension, frozenset({"url", "valueCode"}), f"{path}.extension[0]")
    expect(f"{path}.extension[0].url", extension.get("url"), TZ_CODE, f"the {TZ_CODE} extension")
    code = get(extension, "valueCode", str, f"{path}.extension[0]")
    try:
        return to_zone(code, f"{path}.extension[0].valueCode")
    except (TimeZoneError, WrongTypeError) as error:
        raise FhirError(error.field, error.detail) from None


def _check_route(dosage: Mapping[str, Any]) -> None:
    if "route" not in dosage:
        return
    route = get(dosage, "route", Mapping)
    only(route, frozenset({"coding", "text"}), "route")
    codings = listed(dosage, "route.coding") if "coding" in route else []
    for index, coding in enumerate(codings):
        if not isinstance(coding, Mapping):
            raise FhirError(f"route.coding[{index}]", f"expected a Coding, got {shown(coding)}")
        only(coding, CODING_KEYS, f"route.coding[{index}]")
    if not any(c.get("system") == SNOMED and c.get("code") == ORAL["code"] for c in codings):
        raise FhirError(
            "route", f"{brief(dosage['route'])} is not the oral route (SNOMED CT {ORAL['code']})"
        )


# Times of day ---------------------------------------------------------------------


def _read_times(dosage: Mapping[str, Any], reading: Reading) -> list[_dt.time]:
    """The times of day of the ``Dosage``: as many as its doses a day."""
    timing = get(dosage, "timing", Mapping)
    only(timing, frozenset({"repeat", "code"}), "timing")
    if "repeat" not in timing and "code" not in timing:
        raise FhirError("timing.repeat", "missing; duloxinfo needs it to read the regimen")
    repeat = get(dosage, "timing.repeat", Mapping) if "repeat" in timing else {}
    only(repeat, _REPEAT_KEYS, "timing.repeat")
    per_day = _per_day(repeat)
    if "code" in timing:
        coded, where = _read_timing_code(timing["code"])
        if per_day is not None and per_day != coded:
            raise FhirError(
                where,
                f"{_TIMING_NAMES[coded]} ({coded} a day) does not agree with timing.repeat "
                f"({brief(per_day)} a day)",
            )
        per_day = coded
    times, path = _listed_times(dosage, repeat, reading, per_day)
    if per_day is None:
        if path == "times":
            raise FhirError(
                "timing.repeat.frequency",
                "missing; duloxinfo needs how often (frequency, period and periodUnit, or "
                "timing.code) to read the regimen",
            )
        per_day = len(times)
    if len(times) != per_day:
        kind = ScheduleError if path == "times" else FhirError
        raise kind(
            path,
            f"{len(times)} times given for {brief(per_day)} doses a day; duloxinfo "
            "needs one time of day per dose",
        )
    return times


def _listed_times(
    dosage: Mapping[str, Any], repeat: Mapping[str, Any], reading: Reading, per_day: int | None
) -> tuple[list[_dt.time], str]:
    """The times of day the ``Dosage`` (or else the caller) gives, and where they come from."""
    if "timeOfDay" in repeat and "when" in repeat:
        raise FhirError(
            "timing.repeat.when",
            "given with timeOfDay; a Timing gives one or the other, not both",
        )
    if "timeOfDay" in repeat:
        times, path = _read_time_of_day(dosage), "timing.repeat.timeOfDay"
    elif "when" in repeat:
        times, path = _read_when(dosage, reading.events), "timing.repeat.when"
    elif reading.times is not None:
        times, path = list(reading.times), "times"
    else:
        how_many = "" if per_day is None else f"{brief(per_day)} a day, "
        raise FhirError(
            "timing.repeat.timeOfDay",
            f"missing; the Dosage says how often ({how_many}but not at what times), so "
            "pass times=[datetime.time(8)] (one time of day per dose)",
        )
    return times, path


_TIMING_NAMES: Final = {1: "QD", 2: "BID"}


def _per_day(repeat: Mapping[str, Any]) -> int | None:
    """How many doses a day ``frequency``, ``period`` and ``periodUnit`` say, if they say."""
    if not {"frequency", "period", "periodUnit"} & set(repeat):
        return None
    path = "timing.repeat"
    if "period" not in repeat or "periodUnit" not in repeat:
        missing = "period" if "period" not in repeat else "periodUnit"
        raise FhirError(
            f"{path}.{missing}",
            "missing; duloxinfo needs frequency, period and periodUnit to read how often",
        )
    unit = repeat["periodUnit"]
    if not isinstance(unit, str) or unit not in _PER_DAY:
        raise FhirError(
            f"{path}.periodUnit",
            f"{brief(unit)} is not supported; duloxinfo reads only periodUnit 'd' (a day) "
            "or 'h' (hours)",
        )
    period = repeat["period"]
    if (
        isinstance(period, bool)
        or not isinstance(period, int | float)
        or not period > 0
        or period == float("inf")
    ):
        raise FhirError(f"{path}.period", f"{brief(period)} is not a positive number")
    frequency = (
        whole_number(f"{path}.frequency", repeat["frequency"], "times")
        if "frequency" in repeat
        else None
    )
    if frequency is None:
        raise FhirError(
            f"{path}.frequency",
            "missing; duloxinfo needs frequency, period and periodUnit to read how often",
        )
    if frequency < 1:
        raise FhirError(f"{path}.frequency", f"{brief(frequency)} is not a positive number")
    per_day = frequency * _PER_DAY[unit] / Fraction(period)
    if per_day.denominator != 1:
        raise FhirError(
            f"{path}.period",
            f"{brief(frequency)} every {brief(period)} {unit} is not a whole number of doses "
            "each day; duloxinfo reads a regimen repeated every day",
        )
    return int(per_day)


def _read_timing_code(code: object) -> tuple[int, str]:
    """Doses a day of ``timing.code``, and the path of the coding that says it."""
    path = "timing.code"
    if not isinstance(code, Mapping):
        raise FhirError(path, f"expected a CodeableConcept, got {shown(code)}")
    only(code, frozenset({"coding", "text"}), path)
    codings = listed(code, "coding", path)
    for index, coding in enumerate(codings):
        where = f"{path}.coding[{index}]"
        if not isinstance(coding, Mapping):
            raise FhirError(where, f"expected a Coding, got {shown(coding)}")
        only(coding, CODING_KEYS | {"version", "userSelected"}, where)
        if coding.get("system") == GTS_ABBREVIATION:
            value = coding.get("code")
            if not isinstance(value, str) or value not in _TIMING_CODES:
                raise FhirError(
                    f"{where}.code",
                    f"{brief(value)} is not supported; duloxinfo reads QD (once a day) and "
                    "BID (twice a day), the label's regimens",
                )
            return _TIMING_CODES[value], f"{where}.code"
    raise FhirError(
        f"{path}.coding",
        f"{brief(codings)} has no {GTS_ABBREVIATION} code; duloxinfo reads QD or BID there, "
        "or frequency, period and periodUnit in timing.repeat",
    )


def _time_list(dosage: Mapping[str, Any], path: str) -> list[Any]:
    raw: list[Any] = get(dosage, path, list)
    if not raw or len(raw) > _MOST_TIMES:
        raise FhirError(path, f"{len(raw)} given; duloxinfo reads 1 to {_MOST_TIMES} here")
    return raw


def _read_time_of_day(dosage: Mapping[str, Any]) -> list[_dt.time]:
    path = "timing.repeat.timeOfDay"
    times = []
    for index, raw in enumerate(_time_list(dosage, path)):
        if not isinstance(raw, str) or not FHIR_TIME.fullmatch(raw):
            raise FhirError(
                f"{path}[{index}]",
                f"{brief(raw)} is not a time such as '08:00:00' (whole seconds)",
            )
        times.append(_dt.time.fromisoformat(raw))
    return times


def _read_when(dosage: Mapping[str, Any], events: Mapping[str, _dt.time]) -> list[_dt.time]:
    path = "timing.repeat.when"
    times = []
    for index, code in enumerate(_time_list(dosage, path)):
        if not isinstance(code, str):
            raise FhirError(f"{path}[{index}]", f"expected an event code, got {shown(code)}")
        if code not in events:
            raise FhirError(
                f"{path}[{index}]",
                f"{brief(code)} has no clock time; pass event_times={{{brief(code)}: "
                "datetime.time(...)}} to say when it is",
            )
        times.append(events[code])
    return times


# The dose -------------------------------------------------------------------------


def _read_dose(dosage: Mapping[str, Any], reading: Reading) -> int:
    doses = get(dosage, "doseAndRate", list)
    if len(doses) != 1 or not isinstance(doses[0], Mapping) or "doseQuantity" not in doses[0]:
        raise FhirError(
            "doseAndRate",
            f"{brief(doses)} is not supported; duloxinfo reads exactly one doseQuantity",
        )
    only(doses[0], frozenset({"doseQuantity", "type"}), "doseAndRate[0]")
    if "type" in doses[0]:
        _check_dose_type(doses[0]["type"])
    path = "doseAndRate[0].doseQuantity"
    quantity = doses[0]["doseQuantity"]
    if isinstance(quantity, Mapping) and quantity.get("system") == ORDERABLE_DRUG_FORM:
        return _capsules_as_mg(quantity, path, reading)
    dose = whole_mg(path, quantity)
    strength = reading.strength
    if strength is not None and dose > 0 and dose % strength:
        raise FhirError(
            f"{path}.value",
            f"{dose} mg cannot be made of whole {strength} mg capsules of the medication "
            f"({reading.medication}); capsules may not be split",
        )
    return dose


def _check_dose_type(kind: object) -> None:
    path = "doseAndRate[0].type"
    if not isinstance(kind, Mapping):
        raise FhirError(path, f"expected a CodeableConcept, got {shown(kind)}")
    only(kind, frozenset({"coding", "text"}), path)
    codings = listed(kind, "coding", path) if "coding" in kind else []
    ordered = [c for c in codings if isinstance(c, Mapping) and c.get("system") == DOSE_RATE_TYPE]
    if len(ordered) != len(codings) or [c.get("code") for c in ordered] != ["ordered"]:
        raise FhirError(
            path,
            f"{brief(kind)} is not supported; duloxinfo reads only the dose as ordered "
            f"({DOSE_RATE_TYPE} code ordered)",
        )
    for index, coding in enumerate(ordered):
        only(coding, CODING_KEYS, f"{path}.coding[{index}]")


def _capsules_as_mg(quantity: Mapping[str, Any], path: str, reading: Reading) -> int:
    """A dose in capsules (v3-orderableDrugForm ``CAP``), in mg of the request's capsule."""
    only(quantity, QUANTITY_KEYS, path)
    if quantity.get("code") not in {"CAP", "DRCAP"}:
        raise FhirError(
            f"{path}.code",
            f"{brief(quantity.get('code'))} is not supported; duloxinfo reads a dose in mg "
            f"({UCUM} code mg) or in capsules ({ORDERABLE_DRUG_FORM} code CAP or DRCAP)",
        )
    count = whole_number(f"{path}.value", quantity.get("value"), "capsules")
    if reading.strength is None:
        raise FhirError(
            path,
            f"{count} capsules: a dose in capsules needs the strength of one capsule; "
            "duloxinfo reads it from a MedicationRequest whose medication is coded as one "
            "capsule strength (from_fhir_medication_request)",
        )
    return count * reading.strength


# Bounds ---------------------------------------------------------------------------


def _read_start(
    dosage: Mapping[str, Any], bounds: Mapping[str, Any], zone: ZoneInfo, reading: Reading
) -> _dt.datetime:
    if reading.start is not None and (reading.start_wins or "start" not in bounds):
        return reading.start
    if "start" not in bounds:
        raise FhirError(
            "timing.repeat.boundsPeriod.start",
            "missing; the Dosage does not say when it starts, so pass start= (an aware datetime)",
        )
    return _read_bound(dosage, "start", zone)


def _read_end(dosage: Mapping[str, Any], zone: ZoneInfo) -> _dt.datetime:
    text = get(dosage, "timing.repeat.boundsPeriod.end", str)
    last = _read_bound(dosage, "end", zone)
    if DATE_ONLY.fullmatch(text):  # the whole day is included: to the next midnight
        return wall_instant(last.astimezone(zone).date() + _dt.timedelta(days=1), MIDNIGHT, zone)
    return _exclusive(last, text)


def _read_bound(dosage: Mapping[str, Any], bound: str, zone: ZoneInfo) -> _dt.datetime:
    """The instant of ``boundsPeriod.start`` or ``.end``; a date is its midnight in ``zone``."""
    path = f"timing.repeat.boundsPeriod.{bound}"
    text = get(dosage, path, str)
    if not FHIR_DATETIME.fullmatch(text):
        raise FhirError(path, f"{brief(text)} is not a FHIR dateTime")
    if DATE_ONLY.fullmatch(text):
        try:
            day = _dt.date.fromisoformat(text)
        except ValueError:  # a day the month does not have
            raise FhirError(path, f"{brief(text)} is not a date duloxinfo can read") from None
        if not in_supported_years(day):
            raise InvalidDatetimeError(path, f"{day} is outside the supported years 2 to 9998")
        return wall_instant(day, MIDNIGHT, zone).astimezone(zone)
    timed = WITH_TIME.fullmatch(text)
    if timed is None:
        raise FhirError(
            path,
            f"{brief(text)} is neither a date nor a date and time with a time zone offset; "
            "duloxinfo cannot tell which day or instant it means",
        )
    fraction = timed.group("fraction") or ""
    if len(fraction) > MOST_MICROSECOND_DIGITS:
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
    timed = WITH_TIME.fullmatch(text)
    digits = len((timed.group("fraction") if timed else None) or "")
    return last + _dt.timedelta(microseconds=10 ** (MOST_MICROSECOND_DIGITS - digits))


def _read_duration(dosage: Mapping[str, Any]) -> _dt.timedelta:
    path = "timing.repeat.boundsDuration"
    duration = get(dosage, path, Mapping)
    if "comparator" in duration:
        raise FhirError(
            f"{path}.comparator",
            f"{brief(duration['comparator'])} is not supported; duloxinfo reads a fixed length",
        )
    only(duration, QUANTITY_KEYS, path)
    code = duration.get("code")
    if duration.get("system") != UCUM or not isinstance(code, str) or code not in _DURATION_UNITS:
        raise FhirError(
            path,
            f"{brief(duration)} is not supported; duloxinfo reads a length in hours, days or "
            f"weeks ({UCUM} code h, d or wk): a month or a year has no fixed length",
        )
    count = whole_number(f"{path}.value", duration.get("value"), code)
    if not 0 < count <= _MOST_DURATION[code]:
        raise FhirError(
            f"{path}.value",
            f"{brief(count)} {code} is not a length of 1 to {_MOST_DURATION[code]} {code}",
        )
    return count * _DURATION_UNITS[code]


# The longest boundsDuration read, in each unit: ten years (MAX_SCHEDULE_DAYS).
_MOST_DURATION: Final = {
    "h": MAX_SCHEDULE_DAYS * 24,
    "d": MAX_SCHEDULE_DAYS,
    "wk": MAX_SCHEDULE_DAYS // 7,
}


def _check_maximum(dosage: Mapping[str, Any], regimen: Regimen) -> None:
    if "maxDosePerPeriod" not in dosage:
        return
    ratio = get(dosage, "maxDosePerPeriod", Mapping)
    only(ratio, frozenset({"numerator", "denominator"}), "maxDosePerPeriod")
    most = whole_mg(
        "maxDosePerPeriod.numerator", get(dosage, "maxDosePerPeriod.numerator", Mapping)
    )
    denominator = get(dosage, "maxDosePerPeriod.denominator", Mapping)
    only(denominator, QUANTITY_KEYS, "maxDosePerPeriod.denominator")
    value = denominator.get("value")
    if (
        isinstance(value, bool)
        or value != 1
        or denominator.get("code") != "d"
        or denominator.get("system") != UCUM
    ):
        raise FhirError(
            "maxDosePerPeriod.denominator",
            f"{brief(denominator)} is not supported; duloxinfo reads "
            f"only a maximum per day (value 1, {UCUM} code d)",
        )
    if most < regimen.daily_dose_mg:
        raise FhirError(
            "maxDosePerPeriod.numerator",
            f"{brief(most)} mg a day is less than the dosage's own "
            f"{regimen.daily_dose_mg} mg a day",
        )
