"""FHIR R4 as EHRs send it: the corpus of tests/fixtures/fhir-ehr, and the reader's new forms.

Each fixture is one ``Dosage``, list of ``Dosage`` or ``MedicationRequest`` (its origin
in the folder's README), with the plan it must give or the error class and path it must
raise.  The expected plans are written by hand in the fixtures, not made by the reader.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from fhir.resources.dosage import Dosage
from fhir.resources.medicationrequest import MedicationRequest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import (
    FHIR_EVENT_TIMES,
    Plan,
    Regimen,
    from_fhir_dosage,
    from_fhir_dosages,
    from_fhir_medication_request,
    to_fhir_medication_request,
)
from support.strategies import plans

CORPUS = Path(__file__).parent.parent / "fixtures" / "fhir-ehr"
CASES = sorted(CORPUS.glob("*.json"))
READERS = {
    "from_fhir_dosage": from_fhir_dosage,
    "from_fhir_dosages": from_fhir_dosages,
    "from_fhir_medication_request": from_fhir_medication_request,
}


def _time(text):
    return dt.time.fromisoformat(text)


def _read(case):
    kwargs = {}
    if "start" in case:
        kwargs["start"] = dt.datetime.fromisoformat(case["start"])
    if "times" in case:
        kwargs["times"] = [_time(t) for t in case["times"]]
    if "event_times" in case:
        kwargs["event_times"] = {k: _time(v) for k, v in case["event_times"].items()}
    result = READERS[case["call"]](case["input"], case["tz"], **kwargs)
    return result if isinstance(result, Plan) else Plan([result])


def _phase(expected):
    end = expected["end"]
    return Regimen(
        expected["dose_mg"],
        [_time(t) for t in expected["times"]],
        expected["tz"],
        dt.datetime.fromisoformat(expected["start"]),
        end=None if end is None else dt.datetime.fromisoformat(end),
    )


def test_the_corpus_is_large_and_every_case_says_where_it_comes_from():
    assert len(CASES) >= 40
    readme = (CORPUS / "README.md").read_text()
    for path in CASES:
        case = json.loads(path.read_text())
        assert case["origin"]
        assert path.stem in readme
    kinds = [json.loads(p.read_text())["call"] for p in CASES]
    assert kinds.count("from_fhir_medication_request") >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_ehr_order_gives_its_plan_or_its_error(path):
    case = json.loads(path.read_text())
    expect = case["expect"]
    if "plan" in expect:
        plan = _read(case)
        wanted = [_phase(p) for p in expect["plan"]]
        assert list(plan.phases) == wanted
        # the same instants, not only equal datetimes
        assert [p.start.astimezone(dt.UTC) for p in plan.phases] == [
            w.start.astimezone(dt.UTC) for w in wanted
        ]
        assert [p.tz.key for p in plan.phases] == [w.tz.key for w in wanted]
    else:
        with pytest.raises(getattr(duloxinfo, expect["error"])) as caught:
            _read(case)
        assert type(caught.value).__name__ == expect["error"]
        assert caught.value.field == expect["field"]
        assert len(str(caught.value)) < 400


def test_each_event_code_has_its_documented_default_and_the_caller_wins():
    assert FHIR_EVENT_TIMES["MORN"] == dt.time(8)
    assert FHIR_EVENT_TIMES["HS"] == dt.time(22)
    with pytest.raises(TypeError):
        FHIR_EVENT_TIMES["MORN"] = dt.time(9)  # the defaults cannot be changed by accident
    dosage = json.loads((CORPUS / "04-when-hs.json").read_text())["input"]
    late = from_fhir_dosage(dosage, "UTC", event_times={"HS": dt.time(23, 30)})
    assert late.times == (dt.time(23, 30),)
    assert from_fhir_dosage(dosage, "UTC").times == (dt.time(22),)


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"times": "08:00"}, duloxinfo.WrongTypeError, "times"),
        ({"times": ["08:00"]}, duloxinfo.WrongTypeError, "times[0]"),
        ({"times": [dt.time(8, tzinfo=dt.UTC)]}, duloxinfo.ScheduleError, "times[0]"),
        ({"times": [dt.time(8), dt.time(20)]}, duloxinfo.ScheduleError, "dosages[0].times"),
        ({"event_times": ["MORN"]}, duloxinfo.WrongTypeError, "event_times"),
        ({"event_times": {"MORN": "08:00"}}, duloxinfo.WrongTypeError, "event_times[MORN]"),
        ({"event_times": {1: dt.time(8)}}, duloxinfo.WrongTypeError, "event_times"),
        ({"start": "2026-03-02"}, duloxinfo.WrongTypeError, "start"),
    ],
)
def test_what_the_caller_gives_is_checked(kwargs, error, field):
    case = json.loads((CORPUS / "12-frequency-only-caller-times.json").read_text())
    with pytest.raises(error) as caught:
        from_fhir_dosages([case["input"]], "UTC", **{"times": [dt.time(8)], **kwargs})
    assert caught.value.field == field


def test_a_dosage_with_its_own_times_keeps_them_and_the_callers_fill_only_a_gap():
    case = json.loads((CORPUS / "01-daily-time-of-day.json").read_text())
    assert from_fhir_dosage(case["input"], "UTC", times=[dt.time(9)]).times == (dt.time(8),)


def test_a_start_the_list_reader_is_given_fills_in_and_does_not_replace():
    case = json.loads((CORPUS / "01-daily-time-of-day.json").read_text())
    later = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    listed = from_fhir_dosages([case["input"]], "UTC", start=later)
    assert listed.phases[0].start == dt.datetime.fromisoformat(case["expect"]["plan"][0]["start"])
    # the single reader's start has always won over the Dosage's
    assert from_fhir_dosage(case["input"], "UTC", start=later).start == later


@given(plans(), st.booleans())
def test_every_request_written_reads_back_as_its_plan(plan, through_json):
    plan = plan if isinstance(plan, Plan) else Plan([plan])
    request = to_fhir_medication_request(plan, subject="Patient/1")
    if through_json:
        request = json.loads(json.dumps(request))
    read = from_fhir_medication_request(request)
    assert [p.start.astimezone(dt.UTC) for p in read.phases] == [
        p.start.astimezone(dt.UTC) for p in plan.phases
    ]
    assert [(p.dose_mg, p.times, p.tz, _utc(p.end)) for p in read.phases] == [
        (p.dose_mg, p.times, p.tz, _utc(p.end)) for p in plan.phases
    ]


def _utc(instant):
    return None if instant is None else instant.astimezone(dt.UTC)


def test_a_request_that_is_not_a_mapping_is_a_wrong_type():
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^resource: expected a FHIR"):
        from_fhir_medication_request([])


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_order_in_the_corpus_is_valid_r4(path):
    """The corpus is R4 as an EHR would send it: the R4 models take every input, even
    those duloxinfo refuses (they are refused for what they mean, not their form)."""
    case = json.loads(path.read_text())
    value = case["input"]
    if case["call"] == "from_fhir_medication_request":
        assert MedicationRequest.parse_obj(value).resource_type == "MedicationRequest"
    else:
        for dosage in value if isinstance(value, list) else [value]:
            assert Dosage.parse_obj(dosage).doseAndRate


# Each refusal of the readers, reached through the public readers ---------------------

_DROP = object()
_OTHER_SYSTEM = "http://example.org/ehr-codes"
_QD = {"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "QD"}
_ORAL = {"system": "http://snomed.info/sct", "code": "26643006"}
_DAYS = {"unit": "days", "system": "http://unitsofmeasure.org", "code": "d"}


def _case(name):
    return json.loads((CORPUS / name).read_text())


def _edits(*pairs):
    """A change to parsed JSON: each (dotted path, value) set, or dropped for ``_DROP``."""

    def change(data):
        for path, value in pairs:
            *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
            target = data
            for part in parents:
                target = target[part]
            if value is _DROP:
                del target[last]
            else:
                target[last] = value

    return change


_MOST_WEEKS = duloxinfo.MAX_SCHEDULE_DAYS // 7  # ten years, in whole weeks
_START = {"start": dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)}


@pytest.mark.parametrize(
    ("change", "kwargs", "error", "message"),
    [
        pytest.param(
            _edits(("timing.repeat.boundsDuration", {"value": 7, **_DAYS})),
            {},
            duloxinfo.FhirError,
            r"^timing\.repeat\.boundsDuration: given with boundsPeriod",
            id="both-bounds",
        ),
        pytest.param(
            _edits(
                ("timing.repeat.frequency", _DROP),
                ("timing.repeat.period", _DROP),
                ("timing.repeat.periodUnit", _DROP),
                ("timing.repeat.timeOfDay", _DROP),
            ),
            {"times": [dt.time(8)]},
            duloxinfo.FhirError,
            r"^timing\.repeat\.frequency: missing; duloxinfo needs how often",
            id="caller-times-but-no-frequency",
        ),
        pytest.param(
            _edits(("timing.repeat.frequency", 0)),
            {},
            duloxinfo.FhirError,
            r"^timing\.repeat\.frequency: 0 is not a positive number",
            id="frequency-zero",
        ),
        pytest.param(
            _edits(("timing.code", "QD")),
            {},
            duloxinfo.FhirError,
            r"^timing\.code: expected a CodeableConcept",
            id="timing-code-not-a-concept",
        ),
        pytest.param(
            _edits(("timing.code", {"coding": ["QD"]})),
            {},
            duloxinfo.FhirError,
            r"^timing\.code\.coding\[0\]: expected a Coding",
            id="timing-coding-not-a-coding",
        ),
        pytest.param(
            _edits(("timing.code", {"coding": [{"system": _OTHER_SYSTEM, "code": "daily"}]})),
            {},
            duloxinfo.FhirError,
            r"^timing\.code\.coding: .* has no http://terminology\.hl7\.org/CodeSystem/"
            r"v3-GTSAbbreviation code",
            id="timing-code-without-gts",
        ),
        pytest.param(
            _edits(("timing.code", {"coding": [_QD] * 101})),
            {},
            duloxinfo.FhirError,
            r"^timing\.code\.coding: 101 items given; duloxinfo reads at most 100",
            id="timing-codings-too-many",
        ),
        pytest.param(
            _edits(("timing.repeat.timeOfDay", _DROP), ("timing.repeat.when", [8])),
            {},
            duloxinfo.FhirError,
            r"^timing\.repeat\.when\[0\]: expected an event code",
            id="when-not-a-code",
        ),
        pytest.param(
            _edits(("doseAndRate.0.type", "ordered")),
            {},
            duloxinfo.FhirError,
            r"^doseAndRate\[0\]\.type: expected a CodeableConcept",
            id="dose-type-not-a-concept",
        ),
        pytest.param(
            _edits(
                (
                    "doseAndRate.0.doseQuantity",
                    {
                        "value": 1,
                        "unit": "tablet",
                        "system": "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm",
                        "code": "TAB",
                    },
                )
            ),
            {},
            duloxinfo.FhirError,
            r"^doseAndRate\[0\]\.doseQuantity\.code: 'TAB' is not supported",
            id="dose-in-tablets",
        ),
        pytest.param(
            _edits(
                ("timing.repeat.boundsPeriod", _DROP),
                ("timing.repeat.boundsDuration", {"value": 7, "comparator": "<", **_DAYS}),
            ),
            _START,
            duloxinfo.FhirError,
            r"^timing\.repeat\.boundsDuration\.comparator: '<' is not supported",
            id="duration-with-comparator",
        ),
        pytest.param(
            _edits(
                ("timing.repeat.boundsPeriod", _DROP),
                ("timing.repeat.boundsDuration", {"value": 0, **_DAYS}),
            ),
            _START,
            duloxinfo.FhirError,
            r"^timing\.repeat\.boundsDuration\.value: 0 d is not a length of 1 to",
            id="duration-zero",
        ),
        pytest.param(
            _edits(
                ("timing.repeat.boundsPeriod", _DROP),
                (
                    "timing.repeat.boundsDuration",
                    {**_DAYS, "value": _MOST_WEEKS + 1, "unit": "weeks", "code": "wk"},
                ),
            ),
            _START,
            duloxinfo.FhirError,
            rf"^timing\.repeat\.boundsDuration\.value: {_MOST_WEEKS + 1} wk is not a length of 1 to "
            rf"{_MOST_WEEKS} wk",
            id="duration-over-ten-years",
        ),
        pytest.param(
            _edits(("timing.repeat.timeOfDay", [])),
            {},
            duloxinfo.FhirError,
            r"^timing\.repeat\.timeOfDay: 0 given; duloxinfo reads 1 to 24 here",
            id="no-time-of-day",
        ),
        pytest.param(
            _edits(("timing.repeat.timeOfDay", _DROP), ("timing.repeat.when", ["MORN"] * 25)),
            {},
            duloxinfo.FhirError,
            r"^timing\.repeat\.when: 25 given; duloxinfo reads 1 to 24 here",
            id="when-too-many",
        ),
        pytest.param(
            _edits(("timing.repeat.boundsPeriod.start", "0001-06-01")),
            {},
            duloxinfo.InvalidDatetimeError,
            r"^timing\.repeat\.boundsPeriod\.start: 0001-06-01 is outside the supported years",
            id="date-in-year-1",
        ),
        pytest.param(
            _edits(),
            {"start": dt.datetime(2026, 3, 2, 8)},
            duloxinfo.NaiveDatetimeError,
            r"^start: 2026-03-02T08:00:00 has no time zone",  # the caller's, not the element's
            id="caller-start-naive",
        ),
        pytest.param(
            _edits(("route.coding", [_ORAL] * 101)),
            {},
            duloxinfo.FhirError,
            r"^route\.coding: 101 items given; duloxinfo reads at most 100",
            id="route-codings-too-many",
        ),
        pytest.param(
            _edits(),
            {"times": [dt.time(8)] * 25},
            duloxinfo.ScheduleError,
            r"^times: 25 times given; at most 24",
            id="caller-times-too-many",
        ),
        pytest.param(
            _edits(),
            {"times": [dt.time(8, 0, 0, 500)]},
            duloxinfo.ScheduleError,
            r"^times\[0\]: 08:00:00\.000500 has a fraction of a second",
            id="caller-time-with-microseconds",
        ),
        pytest.param(
            _edits(),
            {"event_times": {f"CODE{i}": dt.time(8) for i in range(101)}},
            duloxinfo.WrongTypeError,
            r"^event_times: 101 codes given; at most 100",
            id="caller-event-codes-too-many",
        ),
    ],
)
def test_each_dosage_the_reader_cannot_represent_is_refused_at_its_element(
    change, kwargs, error, message
):
    case = _case("01-daily-time-of-day.json")
    change(case["input"])
    with pytest.raises(error, match=message) as caught:
        from_fhir_dosage(case["input"], case["tz"], **kwargs)
    assert type(caught.value) is error


def test_a_timing_code_of_another_system_is_passed_over_for_the_gts_one():
    case = _case("01-daily-time-of-day.json")
    plain = from_fhir_dosage(case["input"], case["tz"])
    other = {"system": _OTHER_SYSTEM, "code": "daily", "display": "every day"}
    case["input"]["timing"]["code"] = {"coding": [other, _QD], "text": "Daily"}
    assert from_fhir_dosage(case["input"], case["tz"]) == plain
    # and a BID after the other system's code is read (and disagrees with frequency 1)
    case["input"]["timing"]["code"]["coding"][1] = {**_QD, "code": "BID"}
    with pytest.raises(duloxinfo.FhirError, match=r"^timing\.code\.coding\[1\]\.code: BID"):
        from_fhir_dosage(case["input"], case["tz"])


_REFERENCE = "23-request-contained-capsules.json"
_CONCEPT = "22-request-us-core-scd.json"


@pytest.mark.parametrize(
    ("base", "change", "message"),
    [
        pytest.param(
            _CONCEPT,
            _edits(("medicationReference", {"reference": "#med1"})),
            r"^medicationReference: given with medicationCodeableConcept",
            id="concept-and-reference",
        ),
        pytest.param(
            _CONCEPT,
            _edits(("medicationCodeableConcept", _DROP)),
            r"^medicationCodeableConcept: missing; duloxinfo needs the medication",
            id="no-medication",
        ),
        pytest.param(
            _REFERENCE,
            _edits(("medicationReference.reference", "#med2")),
            r"^medicationReference\.reference: '#med2' names 0 contained resources",
            id="reference-to-nothing",
        ),
        pytest.param(
            _REFERENCE,
            lambda request: request["contained"].append(dict(request["contained"][0])),
            r"^medicationReference\.reference: '#med1' names 2 contained resources",
            id="reference-to-two",
        ),
        pytest.param(
            _REFERENCE,
            lambda request: request["contained"].extend([{"id": "other"}] * 100),
            r"^contained: 101 items given; duloxinfo reads at most 100",
            id="contained-too-many",
        ),
        pytest.param(
            _CONCEPT,
            _edits(("medicationCodeableConcept", "duloxetine 60 MG")),
            r"^medicationCodeableConcept: expected a CodeableConcept",
            id="concept-not-a-concept",
        ),
        pytest.param(
            _CONCEPT,
            _edits(("medicationCodeableConcept.coding", ["596934"])),
            r"^medicationCodeableConcept\.coding\[0\]: expected a Coding",
            id="coding-not-a-coding",
        ),
        pytest.param(
            _REFERENCE,
            _edits(("contained.0.code", ["596930"])),
            r"^contained\[0\]\.code: expected Mapping",
            id="contained-code-not-a-concept",
        ),
    ],
)
def test_each_request_whose_medication_cannot_be_read_is_refused_at_its_element(
    base, change, message
):
    case = _case(base)
    change(case["input"])
    with pytest.raises(duloxinfo.FhirError, match=message) as caught:
        from_fhir_medication_request(case["input"], case["tz"])
    assert type(caught.value) is duloxinfo.FhirError
