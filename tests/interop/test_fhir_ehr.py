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
