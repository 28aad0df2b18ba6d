"""HL7 FHIR R4: a regimen as a ``Dosage``, a ``Dosage`` back as a regimen, the medication.

Health applications exchange dosing as FHIR.  :func:`to_fhir_dosage` writes a
:class:`~duloxinfo.rules.regimen.Regimen` as an R4 ``Dosage`` (a JSON-ready
``dict``); :func:`from_fhir_dosage` reads one back where it describes a regimen
duloxinfo supports, and raises :class:`~duloxinfo.errors.FhirError` naming the
element otherwise, never guessing.  :func:`fhir_medication` gives the
``Medication`` with its RxNorm code.

Codes used: UCUM ``mg`` and ``d`` for quantities, SNOMED CT 26643006 "Oral route",
RxNorm clinical drug codes from :data:`duloxinfo.label.LABEL`.  A FHIR ``Dosage`` has no
time zone: ``timeOfDay`` is local time, so reading one back needs the zone.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any, Final
from zoneinfo import ZoneInfo

from .._validate import brief, shown
from .._words import how_often
from ..errors import FhirError, WrongTypeError
from ..label import LABEL
from ..rules._doses import require_strength
from ..rules._inputs import require_regimen
from ..rules.regimen import Regimen

__all__ = ["fhir_medication", "from_fhir_dosage", "to_fhir_dosage"]

_UCUM: Final = "http://unitsofmeasure.org"
_SNOMED: Final = "http://snomed.info/sct"
_RXNORM: Final = "http://www.nlm.nih.gov/research/umls/rxnorm"
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


def _mg(value: int) -> dict[str, Any]:
    return {"value": value, "unit": "mg", "system": _UCUM, "code": "mg"}


def _label_maximum(regimen: Regimen) -> int:
    """60 mg a day (the pain uses), or 120 mg where the regimen itself is above 60."""
    pain = LABEL.max_daily_dose_pain_mg.value
    return pain if regimen.daily_dose_mg <= pain else LABEL.max_daily_dose_mg.value


def to_fhir_dosage(regimen: Regimen) -> dict[str, Any]:
    """The regimen as an HL7 FHIR R4 ``Dosage``, ready for ``json.dumps``.

    The ``timing`` repeats 1 or 2 times a day at the regimen's local times of day,
    bounded from ``regimen.start`` (to ``regimen.end`` when it has one); the dose is
    in mg (UCUM), the route oral, the "swallow whole" instruction is an
    ``additionalInstruction``, and
    ``maxDosePerPeriod`` is the label's maximum a day: 60 mg for the pain uses
    this library is about, or 120 mg (depression and anxiety only) where the
    regimen's own daily total is above 60 mg.


    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.rules.regimen.Regimen`.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, to_fhir_dosage
    >>> r = Regimen(60, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC))
    >>> d = to_fhir_dosage(r)
    >>> d["timing"]["repeat"]
    {'boundsPeriod': {'start': '2026-01-05T08:00:00+00:00'}, 'frequency': 1, 'period': 1, 'periodUnit': 'd', 'timeOfDay': ['08:00:00']}
    >>> d["doseAndRate"][0]["doseQuantity"]
    {'value': 60, 'unit': 'mg', 'system': 'http://unitsofmeasure.org', 'code': 'mg'}
    """  # noqa: E501 - a doctest line is as long as what it shows
    regimen = require_regimen(regimen)
    times = [t.isoformat(timespec="seconds") for t in regimen.times]
    administration = LABEL.administration.value
    return {
        "sequence": 1,
        "text": (
            f"{regimen.dose_mg} mg by mouth {how_often(regimen.doses_per_day)} at "
            f"{' and '.join(t[:5] for t in times)} ({regimen.tz.key}), as your prescriber "
            f"directs. {administration}"
        ),
        "additionalInstruction": [{"text": administration}],
        "timing": {
            "repeat": {
                "boundsPeriod": {
                    "start": regimen.start.isoformat(),
                    **({} if regimen.end is None else {"end": regimen.end.isoformat()}),
                },
                "frequency": regimen.doses_per_day,
                "period": 1,
                "periodUnit": "d",
                "timeOfDay": times,
            }
        },
        "route": {"coding": [dict(_ORAL)], "text": "oral"},
        "doseAndRate": [{"doseQuantity": _mg(regimen.dose_mg)}],
        "maxDosePerPeriod": {
            "numerator": _mg(_label_maximum(regimen)),
            "denominator": {"value": 1, "unit": "d", "system": _UCUM, "code": "d"},
        },
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


def _get(data: object, path: str, kind: type | tuple[type, ...]) -> Any:
    """The element at dotted ``path`` of ``data``, which must be of ``kind``."""
    value = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise FhirError(f"{path}: missing; duloxinfo needs it to read the regimen")
        value = value[part]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise FhirError(f"{path}: expected {_kind_name(kind)}, got {shown(value)}")
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _only(data: Mapping[str, object], allowed: frozenset[str], path: str) -> None:
    """Refuse elements duloxinfo cannot represent, rather than dropping them."""
    extra = sorted((key for key in data if key not in allowed), key=repr)
    if extra:
        key: object = extra[0]  # parsed JSON has string keys; a dict built in code may not
        name = key if isinstance(key, str) and len(key) <= 60 else brief(key)
        raise FhirError(
            f"{f'{path}.{name}' if path else name}: {brief(data[extra[0]])} is not supported; "
            f"duloxinfo reads only {', '.join(sorted(allowed))} here"
        )


def _expect(path: str, value: object, wanted: object, meaning: str) -> None:
    if value != wanted or type(value) is not type(wanted):
        raise FhirError(f"{path}: {brief(value)} is not supported; duloxinfo reads only {meaning}")


def _whole_mg(path: str, quantity: object) -> int:
    """A whole number of mg from a UCUM ``Quantity`` at ``path``."""
    if (
        not isinstance(quantity, Mapping)
        or quantity.get("code") != "mg"
        or quantity.get("system") != _UCUM
    ):
        raise FhirError(
            f"{path}: expected a quantity in mg ({_UCUM} code mg), got {brief(quantity)}"
        )
    value = quantity.get("value")
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))
        or value != int(value)
    ):
        raise FhirError(f"{path}.value: {brief(value)} is not a whole number of mg")
    return int(value)


def from_fhir_dosage(
    dosage: Mapping[str, Any],
    tz: str | ZoneInfo,
    *,
    start: _dt.datetime | None = None,
) -> Regimen:
    """Read an HL7 FHIR R4 ``Dosage`` (parsed JSON) back as a regimen.

    Supported: a fixed dose in mg by mouth, 1 or 2 times each day
    (``frequency`` 1 or 2, ``period`` 1, ``periodUnit`` ``d``) at as many
    ``timeOfDay`` times, not "as needed".  ``tz`` is the zone the times are read
    in (FHIR has none); ``start`` is ``timing.repeat.boundsPeriod.start`` unless
    given, and the regimen ends at ``boundsPeriod.end`` when there is one.  Anything
    else (other elements, ``when``, ``dayOfWeek``, a dose range, another route) is a
    :class:`~duloxinfo.errors.FhirError` naming the element.

    Raises:
        WrongTypeError: ``dosage`` is not a mapping, ``tz`` is not a zone name or a
            ZoneInfo, or ``start`` is not a datetime.
        FhirError: the ``Dosage`` is malformed or describes something unsupported,
            or its ``boundsPeriod.start`` has no zone offset (and no ``start`` is given).
        DoseError: the dose it describes is not one the label allows.
        ScheduleError: its times of day are not a valid regimen's (see
            :class:`~duloxinfo.rules.regimen.Regimen`).
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: the start (given, or read from the ``Dosage``) has no
            zone or is outside the supported years.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, to_fhir_dosage, from_fhir_dosage
    >>> r = Regimen(30, [dt.time(8), dt.time(20)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> from_fhir_dosage(to_fhir_dosage(r), "UTC") == r
    True
    """
    if not isinstance(dosage, Mapping):
        raise WrongTypeError(
            f"dosage: expected a FHIR Dosage (a mapping of parsed JSON), got {shown(dosage)}"
        )
    _only(dosage, _DOSAGE_KEYS, "")
    if dosage.get("asNeededBoolean", False) is not False:
        raise FhirError(
            f"asNeededBoolean: {brief(dosage['asNeededBoolean'])} is not supported; duloxinfo "
            "reads only scheduled doses"
        )
    _check_route(dosage)
    regimen = Regimen(
        _read_dose(dosage),
        _read_times(dosage),
        tz,
        _read_instant(dosage, "start") if start is None else start,
        end=_read_end(dosage),
    )
    _check_maximum(dosage, regimen)
    return regimen


def _check_route(dosage: Mapping[str, Any]) -> None:
    if "route" not in dosage:
        return
    codings = (
        _get(dosage, "route.coding", list) if "coding" in _get(dosage, "route", Mapping) else []
    )
    if not any(
        isinstance(c, Mapping) and c.get("system") == _SNOMED and c.get("code") == _ORAL["code"]
        for c in codings
    ):
        raise FhirError(
            f"route: {brief(dosage['route'])} is not the oral route (SNOMED CT {_ORAL['code']})"
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
            f"timing.repeat.timeOfDay: {brief(raw_times)} has {len(raw_times)} times for "
            f"frequency {brief(frequency)}; duloxinfo needs one time of day per dose"
        )
    times = []
    for index, raw in enumerate(raw_times):
        try:
            times.append(_dt.time.fromisoformat(raw))
        except (TypeError, ValueError):
            raise FhirError(
                f"timing.repeat.timeOfDay[{index}]: {brief(raw)} is not a time such as '08:00:00'"
            ) from None
    return times


def _read_dose(dosage: Mapping[str, Any]) -> int:
    doses = _get(dosage, "doseAndRate", list)
    if len(doses) != 1 or not isinstance(doses[0], Mapping) or set(doses[0]) != {"doseQuantity"}:
        raise FhirError(
            f"doseAndRate: {brief(doses)} is not supported; duloxinfo reads exactly one "
            "doseQuantity"
        )
    return _whole_mg("doseAndRate[0].doseQuantity", doses[0]["doseQuantity"])


def _read_end(dosage: Mapping[str, Any]) -> _dt.datetime | None:
    bounds = _get(dosage, "timing.repeat.boundsPeriod", Mapping)
    _only(bounds, frozenset({"start", "end"}), "timing.repeat.boundsPeriod")
    return _read_instant(dosage, "end") if "end" in bounds else None


def _read_instant(dosage: Mapping[str, Any], bound: str) -> _dt.datetime:
    path = f"timing.repeat.boundsPeriod.{bound}"
    text = _get(dosage, path, str)
    try:
        start = _dt.datetime.fromisoformat(text)
    except ValueError:
        raise FhirError(f"{path}: {brief(text)} is not a FHIR dateTime") from None
    if start.tzinfo is None:
        raise FhirError(
            f"{path}: {brief(text)} has no time zone offset; pass start= to say when the "
            "regimen began"
            if bound == "start"
            else f"{path}: {brief(text)} has no time zone offset"
        )
    return start


def _check_maximum(dosage: Mapping[str, Any], regimen: Regimen) -> None:
    if "maxDosePerPeriod" not in dosage:
        return
    most = _whole_mg(
        "maxDosePerPeriod.numerator", _get(dosage, "maxDosePerPeriod.numerator", Mapping)
    )
    denominator = _get(dosage, "maxDosePerPeriod.denominator", Mapping)
    if denominator.get("value") != 1 or denominator.get("code") != "d":
        raise FhirError(
            f"maxDosePerPeriod.denominator: {brief(denominator)} is not supported; duloxinfo reads "
            "only a maximum per day"
        )
    if most < regimen.daily_dose_mg:
        raise FhirError(
            f"maxDosePerPeriod.numerator: {brief(most)} mg a day is less than the dosage's own "
            f"{regimen.daily_dose_mg} mg a day"
        )
