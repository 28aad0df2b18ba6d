"""FHIR R4: plans as Dosage phases that validate (R4 and R4B) and read back exactly.

Issue 15's findings each have a test here, named after what it shows:

* an end date is written and read (``test_an_end_is_written_inclusive_and_read_back_exactly``,
  ``test_a_dosage_for_one_week_from_elsewhere_reads_as_one_week``), and a comparator is
  refused (``test_a_dose_with_a_comparator_is_refused_not_read_as_fixed``);
* no maximum is made up (``test_no_maximum_is_written_unless_the_prescriber_gives_one``);
* a plan is phases with sequence 1..n and bounds (``test_a_plan_is_dosages_in_sequence_with_bounds``);
* edge values: odd offsets in UTC (``test_an_offset_with_seconds_is_written_in_utc``),
  times of day in whole seconds (tests/rules/test_regimen.py);
* readers raise only DuloxinfoError, briefly, and drop nothing
  (``test_what_escaped_the_reader_is_a_brief_fhir_error``,
  ``test_an_unknown_key_is_refused_wherever_it_is``).
"""

import copy
import datetime as dt
import json
import os
import re
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from fhir.resources import __fhir_version__
from fhir.resources.dosage import Dosage
from fhir.resources.medication import Medication
from fhir.resources.medicationrequest import MedicationRequest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import (
    Plan,
    Regimen,
    from_fhir_dosage,
    from_fhir_dosages,
    to_fhir_dosage,
    to_fhir_dosages,
    to_fhir_medication_request,
)
from support.bad_input import damaged, json_values, only_duloxinfo_errors, paths
from support.strategies import in_any_zone, plans, regimens

UTC = dt.UTC
START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)
DAILY = Regimen(60, [dt.time(8)], "Europe/London", START)
TWICE = Regimen(60, [dt.time(8), dt.time(20)], "America/New_York", START)
WEEK = Regimen(30, [dt.time(8)], "Europe/London", START, end=START + dt.timedelta(days=7))
TITRATION = duloxinfo.titration_plan(START, "Europe/London", dt.time(8))
UCUM = "http://unitsofmeasure.org"
TZ_CODE = "http://hl7.org/fhir/StructureDefinition/tz-code"
MONROVIA = ZoneInfo("Africa/Monrovia")  # -00:44:30 until 1972
# The R4 dateTime regex (specification, datatypes.html#dateTime).
R4_DATETIME = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]"
    r"|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|([+\-])((0[0-9]|"
    r"1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
VALIDATOR = Path(__file__).parent / "validate_r4b.py"
REQUIRED = os.environ.get("DULOXINFO_CROSSCHECKS") == "required"


def as_plan(value):
    return value if isinstance(value, Plan) else Plan([value])


def json_trip(value):
    return json.loads(json.dumps(value))


def datetimes_in(dosage):
    repeat = dosage["timing"]["repeat"]["boundsPeriod"]
    return [repeat[key] for key in ("start", "end") if key in repeat]


def same_instants(dosage):
    """``dosage`` with its bounds as UTC instants: the R4 model writes ``Z`` as ``+00:00``."""
    data = copy.deepcopy(dosage)
    bounds = data["timing"]["repeat"]["boundsPeriod"]
    for key in ("start", "end"):
        if key in bounds:
            bounds[key] = dt.datetime.fromisoformat(bounds[key]).astimezone(UTC)
    return data


def assert_valid_r4(dosage):
    """The R4 model (fhir.resources 6.4.0) takes it and gives it back unchanged; it has no
    comparator (the model would not say) and its dateTimes match the R4 regex (neither
    would it, for a dateTime built from Python objects)."""
    parsed = Dosage.parse_obj(dosage)
    assert same_instants(json.loads(parsed.json())) == same_instants(dosage)
    assert all("comparator" not in d["doseQuantity"] for d in dosage["doseAndRate"])
    for text in datetimes_in(dosage):
        assert R4_DATETIME.fullmatch(text), text


def test_the_models_are_fhir_r4():
    assert __fhir_version__ == "4.0.1"


@pytest.mark.parametrize("regimen", [DAILY, TWICE], ids=["once", "twice"])
def test_the_dosage_is_valid_r4_and_says_what_the_regimen_says(regimen):
    data = to_fhir_dosage(regimen)
    assert_valid_r4(data)
    parsed = Dosage.parse_obj(data)
    repeat = parsed.timing.repeat
    assert (repeat.frequency, repeat.period, repeat.periodUnit) == (regimen.doses_per_day, 1, "d")
    assert [t.isoformat() for t in repeat.timeOfDay] == [t.isoformat() for t in regimen.times]
    dose = parsed.doseAndRate[0].doseQuantity
    assert (dose.value, dose.unit, dose.system, dose.code) == (regimen.dose_mg, "mg", UCUM, "mg")
    assert parsed.route.coding[0].code == "26643006"
    assert parsed.additionalInstruction[0].text == duloxinfo.LABEL.administration.value
    assert duloxinfo.LABEL.administration.value in parsed.text
    assert "as your prescriber directs" in parsed.text
    assert data["timing"]["repeat"]["boundsPeriod"]["_start"] == {
        "extension": [{"url": TZ_CODE, "valueCode": regimen.tz.key}]
    }


# Finding: FHIR invents a maximum ----------------------------------------------------


def test_no_maximum_is_written_unless_the_prescriber_gives_one():
    # As filed: 60 or 120 mg a day from the label, whatever the prescriber ordered.
    assert "maxDosePerPeriod" not in to_fhir_dosage(DAILY)
    assert "maxDosePerPeriod" not in to_fhir_dosage(TWICE)
    assert all("maxDosePerPeriod" not in d for d in to_fhir_dosages(TITRATION))
    capped = to_fhir_dosage(TWICE, max_daily_mg=120)
    assert capped["maxDosePerPeriod"] == {
        "numerator": {"value": 120, "unit": "mg", "system": UCUM, "code": "mg"},
        "denominator": {"value": 1, "unit": "d", "system": UCUM, "code": "d"},
    }
    assert_valid_r4(capped)
    assert [
        d["maxDosePerPeriod"]["numerator"]["value"]
        for d in to_fhir_dosages(TITRATION, max_daily_mg=80)
    ] == [80, 80]
    assert from_fhir_dosage(capped, None) == TWICE


@pytest.mark.parametrize(
    ("value", "error", "text"),
    [
        (
            50,
            duloxinfo.DoseError,
            "max_daily_mg: 50 mg a day is less than the 60 mg a day of phase 2",
        ),
        (130, duloxinfo.DoseError, "max_daily_mg: 130 mg a day is over the label's maximum of 120"),
        (60.0, duloxinfo.WrongTypeError, "max_daily_mg: expected a whole number of mg or None"),
        (True, duloxinfo.WrongTypeError, "max_daily_mg: expected a whole number of mg or None"),
        ("60", duloxinfo.WrongTypeError, "max_daily_mg: expected a whole number of mg or None"),
    ],
)
def test_a_maximum_is_a_whole_number_between_the_plans_dose_and_the_labels(value, error, text):
    with pytest.raises(error, match=f"^{re.escape(text)}"):
        to_fhir_dosages(TITRATION, max_daily_mg=value)
    assert to_fhir_dosages(TITRATION, max_daily_mg=60)[1]["maxDosePerPeriod"]  # the edge


def test_the_reader_refuses_a_maximum_below_the_dosages_own_daily_dose():
    data = to_fhir_dosage(TWICE, max_daily_mg=120)
    data["maxDosePerPeriod"]["numerator"]["value"] = 90
    with pytest.raises(duloxinfo.FhirError, match="90 mg a day is less than the dosage's own 120"):
        from_fhir_dosage(data, None)


# Finding: FHIR drops an end date; a comparator is read as a fixed dose ---------------


def test_an_end_is_written_inclusive_and_read_back_exactly():
    data = to_fhir_dosage(WEEK)
    assert_valid_r4(data)
    # Period.end is inclusive: the last second of the week, not the first of the next.
    assert data["timing"]["repeat"]["boundsPeriod"]["end"] == "2026-01-12T07:59:59+00:00"
    assert from_fhir_dosage(data, "Europe/London") == WEEK
    assert from_fhir_dosage(data, None).end == WEEK.end
    assert "end" not in to_fhir_dosage(DAILY)["timing"]["repeat"]["boundsPeriod"]
    # An end within a second is written to the microsecond, also when that is .000000.
    odd = Regimen(30, [dt.time(8)], "UTC", START, end=WEEK.end + dt.timedelta(microseconds=1))
    assert to_fhir_dosage(odd)["timing"]["repeat"]["boundsPeriod"]["end"] == (
        "2026-01-12T08:00:00.000000+00:00"
    )
    assert from_fhir_dosage(to_fhir_dosage(odd), None) == odd


def test_a_dosage_for_one_week_from_elsewhere_reads_as_one_week():
    data = to_fhir_dosage(DAILY)
    bounds = data["timing"]["repeat"]["boundsPeriod"]
    bounds["end"] = "2026-01-11T23:59:59Z"  # "30 mg for one week", inclusive
    regimen = from_fhir_dosage(data, None)
    assert regimen.end == dt.datetime(2026, 1, 12, tzinfo=UTC)
    later = dt.datetime(2026, 3, 1, tzinfo=UTC)
    assert len(duloxinfo.dose_times(regimen, START, later)) == 7
    bounds["end"] = "2026-01-11T23:59:59.9+00:00"  # the precision written is what is included
    assert from_fhir_dosage(data, None).end == dt.datetime(2026, 1, 12, tzinfo=UTC)
    bounds["end"] = "2026-01-11T23:59:59.1234567+00:00"
    with pytest.raises(duloxinfo.FhirError, match=r"boundsPeriod.end: .* finer than a microsecond"):
        from_fhir_dosage(data, None)
    then = Regimen(60, [dt.time(8)], "Europe/London", WEEK.end)
    plan = from_fhir_dosages([to_fhir_dosage(WEEK), {**to_fhir_dosage(then), "sequence": 2}])
    assert plan.phases[0].end == WEEK.end


def test_a_dose_with_a_comparator_is_refused_not_read_as_fixed():
    data = to_fhir_dosage(DAILY)
    data["doseAndRate"][0]["doseQuantity"]["comparator"] = "<="  # "at most 60 mg"
    Dosage.parse_obj(data)  # the R4 model takes it: the test must look for itself
    with pytest.raises(
        duloxinfo.FhirError,
        match=r"^doseAndRate\[0\]\.doseQuantity\.comparator: '<=' is not supported",
    ):
        from_fhir_dosage(data, None)
    with pytest.raises(
        duloxinfo.FhirError, match=r"^dosages\[0\]\.doseAndRate\[0\]\.doseQuantity\.comparator"
    ):
        from_fhir_dosages([data])


# Finding: two regimens exported as two Dosage with sequence 1 and open bounds ----------


def test_a_plan_is_dosages_in_sequence_with_bounds():
    dosages = to_fhir_dosages(TITRATION)
    for dosage in dosages:
        assert_valid_r4(dosage)
    assert [d["sequence"] for d in dosages] == [1, 2]
    assert [d["timing"]["repeat"]["boundsPeriod"].get("end") for d in dosages] == [
        "2026-01-12T07:59:59+00:00",
        None,
    ]
    assert [d["doseAndRate"][0]["doseQuantity"]["value"] for d in dosages] == [30, 60]
    assert dosages[1]["timing"]["repeat"]["boundsPeriod"]["start"] == "2026-01-12T08:00:00+00:00"
    assert "from 08:00 on Monday 5 January until 08:00 on Monday 12 January" in dosages[0]["text"]
    assert from_fhir_dosages(json_trip(dosages)) == TITRATION
    assert to_fhir_dosages(DAILY) == [to_fhir_dosage(DAILY)]


def test_a_pause_and_a_trip_read_back_as_they_were():
    first = Regimen(30, [dt.time(8)], "Europe/London", START, end=START + dt.timedelta(days=3))
    abroad = Regimen(
        60,
        [dt.time(9), dt.time(21)],
        "Asia/Kathmandu",
        first.end + dt.timedelta(days=2),  # two days without doses
        end=first.end + dt.timedelta(days=9, hours=5, minutes=30),
    )
    home = Regimen(60, [dt.time(8)], "Europe/London", abroad.end)
    plan = Plan([first, abroad, home])
    back = from_fhir_dosages(json_trip(to_fhir_dosages(plan)))
    assert back == plan
    assert [p.tz.key for p in back.phases] == ["Europe/London", "Asia/Kathmandu", "Europe/London"]
    assert back.phases[1].start - back.phases[0].end == dt.timedelta(days=2)


def _plan_dosages():
    return json_trip(to_fhir_dosages(TITRATION))


def _second(change):
    dosages = _plan_dosages()
    change(dosages)
    return dosages


@pytest.mark.parametrize(
    ("dosages", "text"),
    [
        (
            _second(lambda d: d[1].update(sequence=1)),
            r"^dosages\[1\]\.sequence: 1 does not follow 1",
        ),
        (_second(lambda d: d.reverse()), r"^dosages\[1\]\.sequence: 1 does not follow 2"),
        (_second(lambda d: d[1].pop("sequence")), r"^dosages\[1\]\.sequence: missing"),
        (
            _second(lambda d: d[0].update(sequence=0)),
            r"^dosages\[0\]\.sequence: 0 is not a positive",
        ),
        (_second(lambda d: d[0].update(sequence="1")), r"^dosages\[0\]\.sequence: expected int"),
        (
            _second(lambda d: d[0]["timing"]["repeat"]["boundsPeriod"].pop("end")),
            r"^dosages\[0\]\.timing\.repeat\.boundsPeriod\.end: missing, but another phase follows",
        ),
        (
            _second(
                lambda d: d[1]["timing"]["repeat"]["boundsPeriod"].update(
                    start="2026-01-12T07:59:59+00:00"
                )
            ),
            r"^dosages\[1\]\.timing\.repeat\.boundsPeriod\.start: .* is before the phase before it ends",
        ),
        (
            _second(lambda d: d[1]["timing"]["repeat"].update(when=["MORN"])),
            r"^dosages\[1\]\.timing\.repeat\.when: given with timeOfDay",
        ),
        ([], r"^dosages: 0 given"),
    ],
)
def test_phases_that_are_not_one_after_another_are_refused(dosages, text):
    with pytest.raises(duloxinfo.FhirError, match=text):
        from_fhir_dosages(dosages)


def test_a_single_dosage_needs_no_sequence():
    data = to_fhir_dosage(WEEK)
    del data["sequence"]
    assert from_fhir_dosages([data]) == Plan([WEEK])
    with pytest.raises(duloxinfo.FhirError, match=r"^dosages\[0\]\.sequence: missing"):
        from_fhir_dosages([data, to_fhir_dosages(TITRATION)[1]])


def test_errors_inside_a_phase_keep_their_class_and_say_which_phase():
    dosages = _plan_dosages()
    dosages[1]["doseAndRate"][0]["doseQuantity"]["value"] = 25
    with pytest.raises(
        duloxinfo.DoseError,
        match=r"^dosages\[1\]\.doseAndRate\[0\]\.doseQuantity\.value: 25 mg cannot be made",
    ):
        from_fhir_dosages(dosages)
    dosages = _plan_dosages()
    dosages[0]["timing"]["repeat"].update(frequency=2, timeOfDay=["08:00:00", "08:00:00"])
    with pytest.raises(
        duloxinfo.ScheduleError,
        match=r"^dosages\[0\]\.timing\.repeat\.timeOfDay: 08:00:00 is given",
    ):
        from_fhir_dosages(dosages)
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^dosages\[1\]: expected a FHIR Dosage"):
        from_fhir_dosages([_plan_dosages()[0], "60 mg"])
    for junk in ("dosage", {"sequence": 1}, 5, None):
        with pytest.raises(duloxinfo.WrongTypeError, match=r"^dosages: expected a list"):
            from_fhir_dosages(junk)
    with pytest.raises(duloxinfo.FhirError, match=r"^dosages: 1001 given"):
        from_fhir_dosages([{}] * 1001)


def test_the_zone_travels_with_the_start_and_an_explicit_tz_wins():
    data = to_fhir_dosage(TWICE)
    assert from_fhir_dosage(data, None).tz.key == "America/New_York"
    assert from_fhir_dosages([data], "Europe/Paris").phases[0].tz.key == "Europe/Paris"
    del data["timing"]["repeat"]["boundsPeriod"]["_start"]
    assert from_fhir_dosage(data, "America/New_York") == TWICE
    with pytest.raises(
        duloxinfo.FhirError, match=r"^timing\.repeat\.boundsPeriod\._start: missing"
    ):
        from_fhir_dosage(data, None)
    with pytest.raises(
        duloxinfo.FhirError, match=r"^dosages\[0\]\.timing\.repeat\.boundsPeriod\._start"
    ):
        from_fhir_dosages([data])
    with pytest.raises(duloxinfo.TimeZoneError, match=r"^tz: 'Mars/Olympus'"):
        from_fhir_dosages([data], "Mars/Olympus")


@pytest.mark.parametrize(
    ("start_element", "text"),
    [
        (
            {"extension": [{"url": TZ_CODE, "valueCode": "Mars/Olympus"}]},
            r"valueCode: 'Mars/Olympus' is not a known",
        ),
        ({"extension": [{"url": TZ_CODE, "valueCode": 1}]}, r"valueCode: expected str, got int 1"),
        (
            {"extension": [{"url": "http://example.org/tz", "valueCode": "UTC"}]},
            r"\.extension\[0\]\.url: 'http://example\.org/tz'",
        ),
        (
            {"extension": [{"url": TZ_CODE, "valueString": "UTC"}]},
            r"\.extension\[0\]\.valueString: 'UTC' is not supported",
        ),
        ({"extension": []}, r"\.extension: \[\] is not supported"),
        (
            {"extension": [{"url": TZ_CODE, "valueCode": "UTC"}], "id": "x"},
            r"\.id: 'x' is not supported",
        ),
        (
            {"extension": [{"url": TZ_CODE, "valueCode": "posix/UTC"}]},
            r"valueCode: 'posix/UTC' is not the zone",
        ),
        ("UTC", r": expected Mapping, got str 'UTC'"),
    ],
)
def test_a_zone_extension_duloxinfo_cannot_read_is_refused(start_element, text):
    data = to_fhir_dosage(DAILY)
    data["timing"]["repeat"]["boundsPeriod"]["_start"] = start_element
    with pytest.raises(
        duloxinfo.FhirError,
        match=r"^timing\.repeat\.boundsPeriod\._start" + r"(\.extension\[0\]\.)?" + text,
    ):
        from_fhir_dosage(data, None)
    with pytest.raises(duloxinfo.FhirError):
        from_fhir_dosage(data, "UTC")  # malformed is malformed, whatever tz says


# Finding: edge values break the output ----------------------------------------------


def test_an_offset_with_seconds_is_written_in_utc():
    start = dt.datetime(1960, 6, 1, 8, 0, 0, tzinfo=MONROVIA)
    assert start.utcoffset() == -dt.timedelta(minutes=44, seconds=30)
    regimen = Regimen(60, [dt.time(8)], MONROVIA, start, end=start + dt.timedelta(days=7))
    data = to_fhir_dosage(regimen)
    bounds = data["timing"]["repeat"]["boundsPeriod"]
    assert bounds["start"] == "1960-06-01T08:44:30Z"  # the same instant, exactly
    assert bounds["end"] == "1960-06-08T08:44:29Z"
    assert_valid_r4(data)
    assert from_fhir_dosage(json_trip(data), None) == regimen
    # An offset FHIR has the form for is kept; one beyond 14 hours is not.
    far = dt.timezone(dt.timedelta(hours=15))
    kathmandu = dt.timezone(dt.timedelta(hours=5, minutes=45))
    for tz, text in [(far, "2026-01-04T17:00:00Z"), (kathmandu, "2026-01-05T08:00:00+05:45")]:
        written = to_fhir_dosage(Regimen(60, [dt.time(8)], "UTC", START.replace(tzinfo=tz)))
        assert written["timing"]["repeat"]["boundsPeriod"]["start"] == text


def test_an_end_in_a_tzinfo_that_cannot_convert_is_written_in_its_offset():
    class NoDst(dt.tzinfo):
        def utcoffset(self, _):
            return dt.timedelta(hours=1)

    start = dt.datetime(2026, 1, 5, 8, tzinfo=NoDst())
    regimen = Regimen(60, [dt.time(8)], "UTC", start, end=start + dt.timedelta(days=3))
    data = to_fhir_dosage(regimen)
    assert data["timing"]["repeat"]["boundsPeriod"]["end"] == "2026-01-08T07:59:59+01:00"
    assert from_fhir_dosage(data, None) == regimen


def test_an_instant_fhir_cannot_write_in_the_supported_years_is_refused():
    odd = dt.timezone(dt.timedelta(hours=5, seconds=30))
    early = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2, 1, 1, tzinfo=odd))
    with pytest.raises(
        duloxinfo.InvalidDatetimeError,
        match=r"^plan\.phases\[0\]\.start: 0002-01-01T00:00:00\+05:00:30 cannot be written in FHIR",
    ):
        to_fhir_dosage(early)


def test_a_time_of_day_is_whole_seconds_both_ways():
    data = to_fhir_dosage(DAILY)
    for bad in ["08:00", "08:00:00.5", "8:00:00", "08:00:00+01:00", "24:00:00", 800]:
        data["timing"]["repeat"]["timeOfDay"] = [bad]
        with pytest.raises(
            duloxinfo.FhirError, match=r"^timing\.repeat\.timeOfDay\[0\]: .*\(whole seconds\)$"
        ):
            from_fhir_dosage(data, None)


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-05T08:00:00-00:44:30",  # the offset FHIR has no form for
        "2026-01-05T08:00:00+15:00",
        "2026-01-05T08:00+00:00",  # no seconds
        "2026-01-05 08:00:00+00:00",
        "20260105T080000Z",
        "2026-W02-1T08:00:00Z",
        "2026-01-05T08:00:00,5Z",
        "0000-01-05T08:00:00Z",
    ],
)
def test_a_start_that_is_not_an_r4_datetime_is_refused_though_python_reads_it(text):
    data = to_fhir_dosage(DAILY)
    data["timing"]["repeat"]["boundsPeriod"]["start"] = text
    with pytest.raises(
        duloxinfo.FhirError,
        match=r"^timing\.repeat\.boundsPeriod\.start: .* is not a FHIR dateTime",
    ):
        from_fhir_dosage(data, None)


def test_a_start_fhir_allows_but_duloxinfo_cannot_read_is_refused():
    data = to_fhir_dosage(DAILY)
    for text in ["2026-01-05T23:59:60Z", "2026-02-30T08:00:00Z"]:
        data["timing"]["repeat"]["boundsPeriod"]["start"] = text
        with pytest.raises(duloxinfo.FhirError, match="is not an instant duloxinfo can read"):
            from_fhir_dosage(data, None)
    data["timing"]["repeat"]["boundsPeriod"]["start"] = "2026"
    with pytest.raises(duloxinfo.FhirError, match="is neither a date nor a date and time"):
        from_fhir_dosage(data, None)
    data["timing"]["repeat"]["boundsPeriod"]["start"] = "2026-02-30"
    with pytest.raises(duloxinfo.FhirError, match="is not a date duloxinfo can read"):
        from_fhir_dosage(data, None)


# Finding: readers let other exceptions escape, and drop unknown keys -----------------


def _deep(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


HUGE = "x" * 10_000_000


@pytest.mark.parametrize(
    ("where", "junk", "error", "text"),
    [
        (
            ("doseAndRate", 0, "doseQuantity", "value"),
            10**400,
            duloxinfo.DoseError,
            "doseAndRate[0].doseQuantity.value: (an integer of about 400 digits)",
        ),
        (
            ("doseAndRate", 0, "doseQuantity", "value"),
            float("inf"),
            duloxinfo.FhirError,
            "doseAndRate[0].doseQuantity.value: inf",
        ),
        (
            ("doseAndRate", 0, "doseQuantity", "value"),
            1e300,
            duloxinfo.DoseError,
            "doseAndRate[0].doseQuantity.value: ",
        ),
        (
            ("doseAndRate", 0, "doseQuantity", "value"),
            _deep(100_000),
            duloxinfo.FhirError,
            "doseAndRate[0].doseQuantity.value: [[[...]]]",
        ),
        (
            ("timing", "repeat", "timeOfDay"),
            _deep(100_000),
            duloxinfo.FhirError,
            "timing.repeat.timeOfDay[0]: [[[...]]] is not a time",
        ),
        (
            ("timing", "repeat", "boundsPeriod", "start"),
            _deep(100_000),
            duloxinfo.FhirError,
            "timing.repeat.boundsPeriod.start: expected str",
        ),
        (
            ("timing", "repeat", "period"),
            _deep(100_000),
            duloxinfo.FhirError,
            "timing.repeat.period: [[[...]]]",
        ),
        (("route",), _deep(100_000), duloxinfo.FhirError, "route: expected Mapping"),
        (
            ("timing", "repeat", "boundsPeriod", "start"),
            HUGE,
            duloxinfo.FhirError,
            "timing.repeat.boundsPeriod.start: 'xxx",
        ),
        (
            ("timing", "repeat", "timeOfDay", 0),
            HUGE,
            duloxinfo.FhirError,
            "timing.repeat.timeOfDay[0]: 'xxx",
        ),
        (("extra",), HUGE, duloxinfo.FhirError, "extra: 'xxx"),
    ],
)
def test_what_escaped_the_reader_is_a_brief_fhir_error(where, junk, error, text):
    data = to_fhir_dosage(DAILY)
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = junk
    with pytest.raises(error) as caught:
        from_fhir_dosage(data, None)
    assert type(caught.value) is error
    assert str(caught.value).startswith(text)
    assert len(str(caught.value)) < 500


def test_keys_that_are_not_strings_are_named_not_a_type_error():
    data = to_fhir_dosage(DAILY)
    data["timing"]["repeat"]["boundsPeriod"][(1, 2)] = "x"
    data["timing"]["repeat"]["boundsPeriod"][3] = "y"
    with pytest.raises(duloxinfo.FhirError, match=r"^timing\.repeat\.boundsPeriod\.\(1, 2\): 'x'"):
        from_fhir_dosage(data, None)
    key = tuple(_deep(0))
    for _ in range(100_000):
        key = (key,)
    with pytest.raises(duloxinfo.FhirError, match="is not supported") as caught:
        from_fhir_dosage({**to_fhir_dosage(DAILY), key: 1}, None)
    assert len(str(caught.value)) < 500


@pytest.mark.parametrize(
    ("where", "text"),
    [
        (("timing", "repeat", "boundsPeriod"), "timing.repeat.boundsPeriod.extra"),
        (("doseAndRate", 0, "doseQuantity"), "doseAndRate[0].doseQuantity.extra"),
        (("route",), "route.extra"),
        (("route", "coding", 0), "route.coding[0].extra"),
        (("maxDosePerPeriod",), "maxDosePerPeriod.extra"),
        (("maxDosePerPeriod", "numerator"), "maxDosePerPeriod.numerator.extra"),
        (("maxDosePerPeriod", "denominator"), "maxDosePerPeriod.denominator.extra"),
        (("timing", "repeat", "boundsPeriod", "_start"), "timing.repeat.boundsPeriod._start.extra"),
        (
            ("timing", "repeat", "boundsPeriod", "_start", "extension", 0),
            "timing.repeat.boundsPeriod._start.extension[0].extra",
        ),
        (("timing",), "timing.extra"),
        (("timing", "repeat"), "timing.repeat.extra"),
        ((), "extra"),
    ],
)
def test_an_unknown_key_is_refused_wherever_it_is(where, text):
    data = to_fhir_dosage(TWICE, max_daily_mg=120)
    parent = data
    for key in where:
        parent = parent[key]
    parent["extra"] = {"meaning": "something duloxinfo would drop"}
    with pytest.raises(duloxinfo.FhirError, match=f"^{re.escape(text)}: .* is not supported"):
        from_fhir_dosage(data, None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(asNeededBoolean=True), "asNeededBoolean: True is not supported"),
        (lambda d: d.update(site={"text": "arm"}), "site: .* is not supported"),
        (lambda d: d["timing"]["repeat"].update(when=["MORN"]), "timing.repeat.when: given with"),
        (lambda d: d["timing"]["repeat"].update(dayOfWeek=["mon"]), "timing.repeat.dayOfWeek"),
        (lambda d: d["timing"].update(event=["2026-01-05"]), "timing.event"),
        (
            lambda d: d["timing"]["repeat"].update(periodUnit="h"),
            "1 times given for 24 doses a day",
        ),
        (lambda d: d["timing"]["repeat"].update(periodUnit="mo"), "periodUnit: 'mo' is not"),
        (lambda d: d["timing"]["repeat"].update(period=2), "period: 1 every 2 d is not a whole"),
        (
            lambda d: d["timing"]["repeat"].update(frequency=2),
            "timeOfDay: 1 times given for 2 doses a day",
        ),
        (
            lambda d: d["timing"]["repeat"].update(frequency="1"),
            "frequency: '1' is not a whole number",
        ),
        (lambda d: d["timing"]["repeat"].update(timeOfDay=["8am"]), r"timeOfDay\[0\]: '8am'"),
        (lambda d: d["timing"].pop("repeat"), "timing.repeat: missing"),
        (lambda d: d.pop("timing"), "timing: missing"),
        (lambda d: d.update(sequence=True), "sequence: expected int, got bool"),
        (
            lambda d: d["route"].update(
                coding=[{"system": "http://snomed.info/sct", "code": "47625008"}]
            ),
            "route: .* not the oral route",
        ),
        (lambda d: d["route"].update(coding=["oral"]), r"route.coding\[0\]: expected a Coding"),
        (
            lambda d: d["doseAndRate"][0].update(type={"text": "ordered"}),
            r"doseAndRate\[0\]\.type: .* reads only the dose as ordered",
        ),
        (lambda d: d.update(doseAndRate=[{"doseRange": {}}]), "exactly one doseQuantity"),
        (
            lambda d: d["doseAndRate"][0]["doseQuantity"].update(value=30.5),
            "value: 30.5 is not a whole number of mg",
        ),
        (
            lambda d: d["doseAndRate"][0]["doseQuantity"].update(code="g"),
            "expected a quantity in mg",
        ),
        (
            lambda d: d["doseAndRate"][0].update(doseQuantity=60),
            "doseQuantity: expected a quantity in mg",
        ),
        (
            lambda d: d["timing"]["repeat"]["boundsPeriod"].update(start="2026-01"),
            "'2026-01' is neither a date nor a date and time",
        ),
        (
            lambda d: d["timing"]["repeat"]["boundsPeriod"].update(start="soon"),
            "'soon' is not a FHIR dateTime",
        ),
        (
            lambda d: d["timing"]["repeat"]["boundsPeriod"].update(end="2026-02-05T08:00"),
            "boundsPeriod.end: '2026-02-05T08:00' is not a FHIR dateTime",
        ),
        (
            lambda d: d["timing"]["repeat"]["boundsPeriod"].update(duration=7),
            "boundsPeriod.duration: 7 is not supported",
        ),
        (lambda d: d["maxDosePerPeriod"]["numerator"].update(value=30), "30 mg a day is less than"),
        (
            lambda d: d["maxDosePerPeriod"]["denominator"].update(code="wk"),
            "reads only a maximum per day",
        ),
        (
            lambda d: d["maxDosePerPeriod"]["denominator"].update(value=True),
            "reads only a maximum per day",
        ),
        (
            lambda d: d["maxDosePerPeriod"]["denominator"].update(system="x"),
            "reads only a maximum per day",
        ),
    ],
)
def test_an_unsupported_dosage_is_a_clear_error_not_a_guess(change, message):
    data = to_fhir_dosage(DAILY, max_daily_mg=60)
    change(data)
    with pytest.raises(duloxinfo.FhirError, match=message):
        from_fhir_dosage(data, "Europe/London")


def test_a_dosage_the_label_does_not_allow_is_refused_by_the_regimen():
    data = to_fhir_dosage(DAILY)
    data["doseAndRate"][0]["doseQuantity"]["value"] = 25
    with pytest.raises(duloxinfo.DoseError, match=r"^doseAndRate\[0\]\.doseQuantity\.value: 25 mg"):
        from_fhir_dosage(data, "Europe/London")
    with pytest.raises(duloxinfo.WrongTypeError, match="expected a FHIR Dosage"):
        from_fhir_dosage([], "Europe/London")
    with pytest.raises(duloxinfo.TimeZoneError):
        from_fhir_dosage(to_fhir_dosage(DAILY), "Mars/Olympus")
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^start: expected an aware datetime"):
        from_fhir_dosage(to_fhir_dosage(DAILY), None, start="2026-01-05")


def test_route_sequence_and_maximum_are_optional_when_reading():
    data = to_fhir_dosage(DAILY, max_daily_mg=60)
    del data["route"], data["maxDosePerPeriod"], data["sequence"]
    assert from_fhir_dosage(data, "Europe/London") == DAILY


DOSAGE = to_fhir_dosage(TWICE, max_daily_mg=120)
DOSAGES = to_fhir_dosages(TITRATION, max_daily_mg=60)


@given(st.sampled_from(list(paths(DOSAGE))[1:]), json_values(), st.booleans())
def test_any_damage_to_a_fhir_dosage_is_a_regimen_or_a_duloxinfo_error(path, junk, delete):
    data = damaged(DOSAGE, path, junk, delete=delete)
    only_duloxinfo_errors(lambda d: from_fhir_dosage(d, None), [data])
    only_duloxinfo_errors(lambda d: from_fhir_dosage(d, "UTC"), [data])


@given(st.sampled_from(list(paths(DOSAGES))[1:]), json_values(), st.booleans())
def test_any_damage_to_a_list_of_dosages_is_a_plan_or_a_duloxinfo_error(path, junk, delete):
    data = damaged(DOSAGES, path, junk, delete=delete)
    only_duloxinfo_errors(from_fhir_dosages, [data])


def test_an_unknown_element_is_named_briefly_however_long_its_name():
    data = {**to_fhir_dosage(DAILY), "y" * 100_000: "z" * 100_000}
    with pytest.raises(duloxinfo.FhirError) as caught:
        from_fhir_dosage(data, "UTC")
    assert str(caught.value).startswith("'yyy")
    assert "is not supported" in str(caught.value)
    assert len(str(caught.value)) < 400


# The medication and the request -----------------------------------------------------


@pytest.mark.parametrize(
    ("strength", "code"), [(20, "596926"), (30, "596930"), (40, "616402"), (60, "596934")]
)
def test_the_medication_is_valid_r4_and_coded_in_rxnorm(strength, code):
    medication = Medication.parse_obj(duloxinfo.fhir_medication(strength))
    coding = medication.code.coding[0]
    assert (coding.system, coding.code) == ("http://www.nlm.nih.gov/research/umls/rxnorm", code)
    assert f"{strength} MG Delayed Release Oral Capsule" in coding.display


@pytest.mark.parametrize(
    ("strength", "error"),
    [
        (25, duloxinfo.DoseError),
        (0, duloxinfo.DoseError),
        (True, duloxinfo.WrongTypeError),
        ("60", duloxinfo.WrongTypeError),
        (None, duloxinfo.WrongTypeError),
    ],
)
def test_a_medication_of_no_marketed_strength_is_refused(strength, error):
    with pytest.raises(error, match="strength_mg: "):
        duloxinfo.fhir_medication(strength)


def test_the_request_is_valid_r4_and_carries_the_plan():
    request = to_fhir_medication_request(TITRATION, subject="Patient/123", max_daily_mg=60)
    parsed = MedicationRequest.parse_obj(request)
    assert json.loads(parsed.json()) == request
    assert (parsed.status, parsed.intent, parsed.subject.reference) == (
        "active",
        "order",
        "Patient/123",
    )
    coding = parsed.medicationCodeableConcept.coding[0]
    assert (coding.system, coding.code) == ("http://www.nlm.nih.gov/research/umls/rxnorm", "72625")
    assert request["dosageInstruction"] == to_fhir_dosages(TITRATION, max_daily_mg=60)
    assert from_fhir_dosages(json_trip(request)["dosageInstruction"]) == TITRATION


@pytest.mark.parametrize(
    ("subject", "error", "text"),
    [
        ("", duloxinfo.FhirError, "subject: '' is not a reference"),
        (" Patient/1", duloxinfo.FhirError, "subject: ' Patient/1' is not a reference"),
        ("P" * 1001, duloxinfo.FhirError, "subject: 'PPP"),
        (None, duloxinfo.WrongTypeError, "subject: expected a FHIR reference string, got NoneType"),
    ],
)
def test_a_request_needs_a_subject(subject, error, text):
    with pytest.raises(error, match=f"^{re.escape(text)}"):
        to_fhir_medication_request(DAILY, subject=subject)


# Every plan, exactly ------------------------------------------------------------------


@st.composite
def odd_offset_plans(draw):
    """Plans in Africa/Monrovia while its offset was -00:44:30, starting at odd instants."""
    start = dt.datetime(1950, 1, 1, tzinfo=MONROVIA) + dt.timedelta(
        seconds=draw(st.integers(0, 20 * 365 * 86_400)),
        microseconds=draw(st.sampled_from([0, 1, 999_999, 500_000])),
    )
    first = draw(regimens(zone="Africa/Monrovia", start=start, end=start + dt.timedelta(days=3)))
    if draw(st.booleans()):
        return first
    gap = dt.timedelta(seconds=draw(st.integers(0, 3 * 86_400)))
    return Plan([first, draw(regimens(zone="UTC", start=first.end + gap))])


ANY_PLAN = st.one_of(plans(), odd_offset_plans())


@given(ANY_PLAN, st.booleans())
def test_every_plan_reads_back_as_itself(plan, capped):
    most = max(p.daily_dose_mg for p in as_plan(plan).phases) if capped else None
    dosages = to_fhir_dosages(plan, max_daily_mg=most)
    assert [d["sequence"] for d in dosages] == list(range(1, len(dosages) + 1))
    for dosage in dosages:
        assert_valid_r4(dosage)
    for dosage in dosages[:-1]:
        assert "end" in dosage["timing"]["repeat"]["boundsPeriod"]
    assert from_fhir_dosages(json_trip(dosages)) == as_plan(plan)
    if isinstance(plan, Regimen):
        assert from_fhir_dosage(json_trip(to_fhir_dosage(plan)), None) == plan
        assert from_fhir_dosage(json_trip(dosages[0]), plan.tz, start=plan.start) == plan


def _by_instant(plan):
    return [
        (p.dose_mg, p.times, p.tz, utc(p.start), None if p.end is None else utc(p.end))
        for p in as_plan(plan).phases
    ]


def utc(value):
    return value.astimezone(UTC)


@st.composite
def plans_shown_in_any_zone(draw):
    """Plans whose instants are ZoneInfo datetimes, in the repeated hour too (fold=1)."""
    plan = as_plan(draw(plans()))
    phases = [
        attrs.evolve(
            p,
            start=draw(in_any_zone(p.start)),
            end=None if p.end is None else draw(in_any_zone(p.end)),
        )
        for p in plan.phases
    ]
    return Plan(phases)


@given(plans_shown_in_any_zone())
def test_every_plan_in_any_zone_reads_back_as_the_same_instants(plan):
    # Python's == is False between a ZoneInfo datetime in a repeated hour and any other
    # tzinfo (PEP 495), though the instant is the same: compare instants here.
    back = from_fhir_dosages(json_trip(to_fhir_dosages(plan)))
    assert _by_instant(back) == _by_instant(plan)


# R4B: the current fhir.resources, in an interpreter of its own ----------------------


def _r4b_python():
    python = os.environ.get("DULOXINFO_R4B_PYTHON")
    if not python:
        reason = (
            "DULOXINFO_R4B_PYTHON is not set: it names a Python with the current "
            "fhir.resources (R4B models, pydantic 2); .ci/run builds one"
        )
        if REQUIRED:
            pytest.fail(f"DULOXINFO_CROSSCHECKS=required, but {reason}")
        pytest.skip(reason)
    return python


def _validate_r4b(python, resources, tmp_path):
    path = tmp_path / "resources.json"
    path.write_text(json.dumps(resources), encoding="utf-8")
    return subprocess.run(
        [python, str(VALIDATOR), str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_every_exported_resource_is_valid_r4b(tmp_path):
    python = _r4b_python()
    resources = []

    @settings(max_examples=200, database=None, suppress_health_check=list(HealthCheck))
    @given(ANY_PLAN, st.booleans())
    def collect(plan, capped):
        most = max(p.daily_dose_mg for p in as_plan(plan).phases) if capped else None
        resources.extend(to_fhir_dosages(plan, max_daily_mg=most))
        resources.append(to_fhir_medication_request(plan, subject="Patient/1", max_daily_mg=most))

    collect()
    resources.extend([to_fhir_dosage(DAILY), to_fhir_dosage(WEEK)])
    assert len(resources) > 400
    result = _validate_r4b(python, resources, tmp_path)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    assert result.stdout.endswith(f"{len(resources)} resources, 0 problems\n")


def test_the_r4b_validator_can_fail(tmp_path):
    python = _r4b_python()
    comparator = to_fhir_dosage(DAILY)
    comparator["doseAndRate"][0]["doseQuantity"]["comparator"] = "<="
    seconds = to_fhir_dosage(DAILY)
    seconds["timing"]["repeat"]["boundsPeriod"]["start"] = "1960-06-01T08:00:00-00:44:30"
    unknown = to_fhir_dosage(DAILY)
    unknown["timing"]["repeat"]["bogus"] = 1
    no_subject = to_fhir_medication_request(DAILY, subject="Patient/1")
    del no_subject["subject"]["reference"], no_subject["status"]
    result = _validate_r4b(
        python, [to_fhir_dosage(DAILY), comparator, seconds, unknown, no_subject], tmp_path
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert not any(line.startswith("[0]") for line in lines)
    for index in (1, 2, 3, 4):
        assert any(line.startswith(f"[{index}]") for line in lines), result.stdout
    assert any("comparator" in line for line in lines)
    assert any("does not match the R4 dateTime regex" in line for line in lines)
