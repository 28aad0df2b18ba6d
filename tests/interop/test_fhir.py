"""FHIR R4: the Dosage and Medication validate against the R4 models and read back exactly."""

import copy
import datetime as dt
import json

import pytest
from fhir.resources import __fhir_version__
from fhir.resources.dosage import Dosage
from fhir.resources.medication import Medication
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Regimen, from_fhir_dosage, to_fhir_dosage
from support.bad_input import damaged, json_values, only_duloxinfo_errors, paths
from support.strategies import regimens

START = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)
DAILY = Regimen(60, [dt.time(8)], "Europe/London", START)
TWICE = Regimen(60, [dt.time(8), dt.time(20)], "America/New_York", START)


def test_the_models_are_fhir_r4():
    assert __fhir_version__ == "4.0.1"


@pytest.mark.parametrize("regimen", [DAILY, TWICE], ids=["once", "twice"])
def test_the_dosage_is_valid_r4_and_says_what_the_regimen_says(regimen):
    data = to_fhir_dosage(regimen)
    parsed = Dosage.parse_obj(data)
    assert json.loads(parsed.json()) == data  # nothing dropped or changed by the R4 model
    repeat = parsed.timing.repeat
    assert (repeat.frequency, repeat.period, repeat.periodUnit) == (regimen.doses_per_day, 1, "d")
    assert [t.isoformat() for t in repeat.timeOfDay] == [t.isoformat() for t in regimen.times]
    dose = parsed.doseAndRate[0].doseQuantity
    assert (dose.value, dose.unit, dose.system, dose.code) == (
        regimen.dose_mg,
        "mg",
        "http://unitsofmeasure.org",
        "mg",
    )
    assert parsed.route.coding[0].code == "26643006"
    assert parsed.additionalInstruction[0].text == duloxinfo.LABEL.administration.value
    assert duloxinfo.LABEL.administration.value in parsed.text
    assert "as your prescriber directs" in parsed.text


def test_max_dose_per_period_is_the_labels_maximum_for_the_regimen():
    assert to_fhir_dosage(DAILY)["maxDosePerPeriod"]["numerator"]["value"] == 60
    assert to_fhir_dosage(TWICE)["maxDosePerPeriod"]["numerator"]["value"] == 120
    thirty_twice = Regimen(30, [dt.time(8), dt.time(20)], "UTC", START)
    assert to_fhir_dosage(thirty_twice)["maxDosePerPeriod"]["numerator"]["value"] == 60


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


@given(regimens())
def test_every_regimen_reads_back_as_itself(regimen):
    data = to_fhir_dosage(regimen)
    Dosage.parse_obj(data)
    assert from_fhir_dosage(data, regimen.tz) == regimen
    assert from_fhir_dosage(data, regimen.tz.key, start=regimen.start) == regimen


def test_a_regimen_that_ends_is_written_and_read_with_its_end():
    week = Regimen(30, [dt.time(8)], "Europe/London", START, end=START + dt.timedelta(days=7))
    data = to_fhir_dosage(week)
    Dosage.parse_obj(data)
    assert data["timing"]["repeat"]["boundsPeriod"] == {
        "start": START.isoformat(),
        "end": week.end.isoformat(),
    }
    assert from_fhir_dosage(data, "Europe/London") == week
    assert "end" not in to_fhir_dosage(DAILY)["timing"]["repeat"]["boundsPeriod"]


def _changed(change):
    data = copy.deepcopy(to_fhir_dosage(DAILY))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(asNeededBoolean=True), "asNeededBoolean: True is not supported"),
        (lambda d: d.update(site={"text": "arm"}), "site: .* is not supported"),
        (lambda d: d["timing"]["repeat"].update(when=["MORN"]), r"timing.repeat.when: \['MORN'\]"),
        (lambda d: d["timing"]["repeat"].update(dayOfWeek=["mon"]), "timing.repeat.dayOfWeek"),
        (lambda d: d["timing"].update(event=["2026-01-05"]), "timing.event"),
        (lambda d: d["timing"]["repeat"].update(periodUnit="h"), "timing.repeat.periodUnit: 'h'"),
        (lambda d: d["timing"]["repeat"].update(period=2), "timing.repeat.period: 2"),
        (
            lambda d: d["timing"]["repeat"].update(frequency=2),
            "timeOfDay: .* 1 times for frequency 2",
        ),
        (lambda d: d["timing"]["repeat"].update(frequency="1"), "frequency: expected int, got str"),
        (lambda d: d["timing"]["repeat"].update(timeOfDay=["8am"]), r"timeOfDay\[0\]: '8am'"),
        (lambda d: d["timing"].pop("repeat"), "timing.repeat: missing"),
        (lambda d: d.pop("timing"), "timing: missing"),
        (
            lambda d: d["route"].update(
                coding=[{"system": "http://snomed.info/sct", "code": "47625008"}]
            ),
            "route: .* not the oral route",
        ),
        (
            lambda d: d["doseAndRate"][0].update(type={"text": "ordered"}),
            "doseAndRate: .* exactly one doseQuantity",
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
            lambda d: d["timing"]["repeat"]["boundsPeriod"].update(start="2026-01-05"),
            "has no time zone offset",
        ),
        (
            lambda d: d["timing"]["repeat"]["boundsPeriod"].update(start="soon"),
            "'soon' is not a FHIR dateTime",
        ),
        (
            lambda d: d["timing"]["repeat"]["boundsPeriod"].update(end="2026-02-05"),
            "boundsPeriod.end: '2026-02-05' has no time zone offset",
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
    ],
)
def test_an_unsupported_dosage_is_a_clear_error_not_a_guess(change, message):
    with pytest.raises(duloxinfo.FhirError, match=message):
        from_fhir_dosage(_changed(change), "Europe/London")


def test_a_dosage_the_label_does_not_allow_is_refused_by_the_regimen():
    data = _changed(lambda d: d["doseAndRate"][0]["doseQuantity"].update(value=25))
    with pytest.raises(duloxinfo.DoseError, match="dose_mg: 25 mg"):
        from_fhir_dosage(data, "Europe/London")
    with pytest.raises(duloxinfo.WrongTypeError, match="expected a FHIR Dosage"):
        from_fhir_dosage([], "Europe/London")
    with pytest.raises(duloxinfo.TimeZoneError):
        from_fhir_dosage(to_fhir_dosage(DAILY), "Mars/Olympus")


def test_route_and_maximum_are_optional_when_reading():
    data = to_fhir_dosage(DAILY)
    del data["route"], data["maxDosePerPeriod"]
    assert from_fhir_dosage(data, "Europe/London") == DAILY


DOSAGE = duloxinfo.to_fhir_dosage(DAILY)


@given(st.sampled_from(list(paths(DOSAGE))[1:]), json_values(), st.booleans())
def test_any_damage_to_a_fhir_dosage_is_a_regimen_or_a_duloxinfo_error(path, junk, delete):
    data = damaged(DOSAGE, path, junk, delete=delete)
    only_duloxinfo_errors(lambda d: duloxinfo.from_fhir_dosage(d, "UTC"), [data])


def test_an_unknown_element_is_named_briefly_however_long_its_name():
    data = {**to_fhir_dosage(DAILY), "y" * 100_000: "z" * 100_000}
    with pytest.raises(duloxinfo.FhirError) as caught:
        from_fhir_dosage(data, "UTC")
    assert str(caught.value).startswith("'yyy")
    assert "is not supported" in str(caught.value)
    assert len(str(caught.value)) < 400
