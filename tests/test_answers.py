"""duloxinfo.answers: the library's JSON of an answer is the command line's, and its schema holds.

Each answer is built here from the library's own functions, with the values a command
line gives, and compared with what ``duloxinfo COMMAND --json`` prints; every answer is
validated by jsonschema against the generated schema.
"""

import contextlib
import datetime as dt
import io
import json
import typing
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import jsonschema
import pytest

import duloxinfo
from duloxinfo import answers, cli
from duloxinfo.content._durations import iso

LONDON = ZoneInfo("Europe/London")
START = dt.datetime(2026, 11, 1, tzinfo=LONDON)
NOW = dt.datetime(2026, 11, 25, 13, tzinfo=LONDON)
R = duloxinfo.Regimen(60, [dt.time(8)], "Europe/London", START)
REGIMEN = ["--dose", "60", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01"]
WHEN = ["--now", "2026-11-25T13:00"]
TAKEN = [
    duloxinfo.Intake(dt.datetime(2026, 11, 1, 8, tzinfo=LONDON), 30),
    duloxinfo.Intake(dt.datetime(2026, 11, 1, 13, tzinfo=LONDON), 30),
    duloxinfo.Intake(dt.datetime(2026, 11, 24, 8, 5, tzinfo=LONDON), 60, certain=False),
]
HISTORY = "at,dose_mg,certain\n2026-11-01T08:00,30,yes\n2026-11-01T13:00,30,yes\n"
HISTORY += "2026-11-24T08:05,60,no\n"
SCHEMA = duloxinfo.answer_json_schema()


def printed(tmp_path, *args):
    path = tmp_path / "taken.csv"
    path.write_text(HISTORY, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    args = [str(path) if a == "HISTORY" else a for a in args]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert cli.main(args) == 0, err.getvalue()
    return out.getvalue().removesuffix("\n")


def _doses(start, end):
    return tuple(
        duloxinfo.ScheduledDose(at=d, dose_mg=60) for d in duloxinfo.dose_times(R, start, end)
    )


def _adherence():
    start, end = dt.datetime(2026, 11, 1, tzinfo=LONDON), NOW
    log = duloxinfo.dose_log(R, TAKEN, start, end, now=NOW)
    figures = duloxinfo.adherence(R, TAKEN, start, end, now=NOW)
    return duloxinfo.AdherenceReport(figures=figures, doses=log.doses, unscheduled=log.unscheduled)


# Each command with --json: its arguments, and the same answer built with the library.
CASES = {
    "missed-dose": (
        [*REGIMEN, *WHEN, "--taken", "2026-11-24T08:05"],
        lambda: duloxinfo.advise_missed_dose(R, [TAKEN[2]], NOW),
    ),
    "schedule": (
        [*REGIMEN, *WHEN, "--days", "3"],
        lambda: duloxinfo.DoseSchedule(
            start=NOW, end=NOW + dt.timedelta(days=3), doses=_doses(NOW, NOW + dt.timedelta(days=3))
        ),
    ),
    "supply": (
        [*REGIMEN, *WHEN, "--strength", "30", "--count", "28"],
        lambda: duloxinfo.supply_forecast(R, 30, 28, NOW),
    ),
    "supply --fill": (
        [*REGIMEN, *WHEN, "--fill", "2026-11-01:60:30", "--history", "HISTORY"],
        lambda: duloxinfo.supply_from_fills(
            R, fills=[duloxinfo.Fill(dt.date(2026, 11, 1), 60, 30)], intakes=TAKEN, now=NOW
        ),
    ),
    "audit": (
        [*REGIMEN, "--history", "HISTORY"],
        lambda: duloxinfo.AuditReport(intakes=3, double_doses=tuple(duloxinfo.audit(R, TAKEN))),
    ),
    "adherence": ([*REGIMEN, *WHEN, "--history", "HISTORY", "--from", "2026-11-01"], _adherence),
    "pdc": (
        [*REGIMEN, "--fill", "2026-11-01:60:30", "--first", "2026-11-01", "--last", "2026-12-31"],
        lambda: duloxinfo.proportion_of_days_covered(
            R,
            [duloxinfo.Fill(dt.date(2026, 11, 1), 60, 30)],
            dt.date(2026, 11, 1),
            dt.date(2026, 12, 31),
        ),
    ),
    "plan": (
        [*REGIMEN, *WHEN, "--next", "2"],
        lambda: duloxinfo.PlanOverview(
            phases=(R,), in_force=1, next_doses=_doses(NOW, NOW + dt.timedelta(days=2))
        ),
    ),
    "titration": (
        [*REGIMEN, *WHEN, "--history", "HISTORY"],
        lambda: duloxinfo.titration_status(R, TAKEN, NOW),
    ),
    "interactions": (
        [
            "ibuprofen",
            "Nardil",
            "Wondercure",
            "N06AB",
            "--stopped",
            "linezolid=2026-11-20T09:00",
            "--tz",
            "Europe/London",
            *WHEN,
        ],
        lambda: duloxinfo.InteractionReport(
            findings=tuple(
                duloxinfo.check_interactions(
                    [
                        "ibuprofen",
                        "Nardil",
                        "Wondercure",
                        "N06AB",
                        duloxinfo.Medicine(
                            "linezolid", stopped_at=dt.datetime(2026, 11, 20, 9, tzinfo=LONDON)
                        ),
                    ],
                    NOW,
                )
            )
        ),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_librarys_json_of_an_answer_is_what_the_command_line_prints(tmp_path, case):
    args, build = CASES[case]
    answer = build()
    expected = printed(tmp_path, case.split()[0], *args, "--json")
    assert duloxinfo.answer_to_json(answer) == expected
    assert duloxinfo.answer_to_data(answer) == json.loads(expected)


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_answer_is_valid_against_its_schema_and_the_union(case):
    answer = CASES[case][1]()
    data = json.loads(duloxinfo.answer_to_json(answer))
    one = duloxinfo.answer_json_schema(type(answer))
    jsonschema.Draft202012Validator.check_schema(one)
    jsonschema.Draft202012Validator(one).validate(data)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_the_answers_are_the_records_a_command_line_answers_with_and_their_parts():
    assert set(SCHEMA["$defs"]) >= {kind.__name__ for kind in answers._ANSWERS}
    assert SCHEMA["anyOf"] == [{"$ref": f"#/$defs/{k.__name__}"} for k in answers._ANSWERS]
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_field_missing_misspelt_or_of_the_wrong_type_fails_the_schema(case):
    data = duloxinfo.answer_to_data(CASES[case][1]())
    check = jsonschema.Draft202012Validator(SCHEMA)
    for name in data:
        dropped = {k: v for k, v in data.items() if k != name}
        assert not check.is_valid(dropped), name
        assert not check.is_valid({**dropped, name + "s": data[name]}), name
        assert not check.is_valid({**data, name: {"a": 1}}), name
    assert not check.is_valid({**data, "schema_version": "2.0"})


def test_each_records_schema_lists_exactly_the_fields_its_json_writes():
    # A field dropped from the JSON or from the schema (a planted bug) fails here too.
    for name, entry in SCHEMA["$defs"].items():
        kind = {"LoggedDose": answers._LoggedDose}.get(name) or getattr(duloxinfo, name, None)
        if kind is None:
            continue  # the records inside the content's findings: checked by validation
        hints = typing.get_type_hints(kind)
        fields = []
        for field in attrs.fields(kind):
            if field.metadata.get("json") == "inline":
                fields += [f.name for f in attrs.fields(hints[field.name])]
            elif field.metadata.get("json", True):
                fields.append(field.name)
        if kind in answers._ANSWERS:
            fields.insert(0, "schema_version")
        if kind is duloxinfo.InteractionFinding:
            fields.append("rank")
        assert entry["required"] == list(entry["properties"]) == fields, name
        assert entry["additionalProperties"] is False


def test_the_schema_keeps_the_patterns_enums_and_bounds():
    defs = SCHEMA["$defs"]
    advice = defs["MissedDoseAdvice"]["properties"]
    assert advice["action"]["enum"] == [a.value for a in duloxinfo.Action]
    assert advice["dose_mg"]["minimum"] == 0
    assert advice["reason"]["minLength"] == 1
    assert advice["reason"]["description"].startswith("Plain sentences")
    slot = advice["slot"]["anyOf"]
    assert slot[1] == {"type": "null"}
    assert slot[0]["pattern"].startswith("^[0-9]{4}-")
    assert defs["PlanOverview"]["properties"]["in_force"]["minimum"] == 1
    offset = defs["LoggedDose"]["properties"]["offset"]["anyOf"][0]["pattern"]
    within = defs["LoggedDose"]["properties"]["on_time_within"]["pattern"]
    assert offset.startswith("^-?P")
    assert within.startswith("^P")
    pdc = defs["DaysCovered"]["properties"]
    assert (pdc["pdc"]["minimum"], pdc["pdc"]["maximum"]) == (0, 1)
    assert pdc["gaps"]["items"]["prefixItems"][0]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (dt.timedelta(0), "P0D"),
        (dt.timedelta(hours=2), "PT2H"),
        (dt.timedelta(days=3, minutes=5), "P3DT5M"),
        (dt.timedelta(minutes=-5), "-PT5M"),
        (dt.timedelta(seconds=1, microseconds=500_000), "PT1.5S"),
    ],
)
def test_a_span_is_iso_8601_signed_and_valid(span, text):
    assert iso(span) == text
    log = duloxinfo.dose_log(R, [], START, START + dt.timedelta(days=1))
    dose = attrs.evolve(log.doses[0], status=duloxinfo.DoseStatus.LATE, offset=span)
    data = duloxinfo.answer_to_data(attrs.evolve(log, doses=(dose,)))
    assert data["doses"][0]["offset"] == text
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@attrs.frozen(kw_only=True)
class _Because:
    """A typed fact behind a reason.

    Attributes:
        missed: How many doses were missed.
    """

    missed: int


@attrs.frozen(kw_only=True)
class _WithFacts:
    """An answer with facts only for Python.

    Attributes:
        reason: Why.
        because: The facts behind ``reason``.
    """

    reason: str
    because: _Because = attrs.field(metadata={"json": False})


def test_a_field_marked_json_false_is_neither_written_nor_in_the_schema(monkeypatch):
    monkeypatch.setattr(answers, "_ANSWERS", (*answers._ANSWERS, _WithFacts))
    answer = _WithFacts(reason="Two doses missed.", because=_Because(missed=2))
    assert duloxinfo.answer_to_data(answer) == {
        "schema_version": "1.2",
        "reason": "Two doses missed.",
    }
    schema = duloxinfo.answer_json_schema(_WithFacts)
    assert list(schema["$defs"]["_WithFacts"]["properties"]) == ["schema_version", "reason"]
    assert "_Because" not in schema["$defs"]
    jsonschema.Draft202012Validator(schema).validate(duloxinfo.answer_to_data(answer))


def test_json_text_keeps_its_characters_and_has_no_line_end():
    text = duloxinfo.answer_to_json(duloxinfo.advise_missed_dose(R, [], NOW))
    assert text.startswith('{\n  "schema_version": "1.2",\n  "action": ')
    assert text.endswith("\n}")


def _forced(record, **fields):
    """``record`` with ``fields`` set past its validators: a record built wrong by hand."""
    copy = attrs.evolve(record)
    for name, value in fields.items():
        object.__setattr__(copy, name, value)
    return copy


def _keyless_zone():
    with (Path(__file__).parent / "fixtures" / "Europe-London.tzif").open("rb") as file:
        return ZoneInfo.from_file(file)


def _wrong_shapes():
    advice = duloxinfo.advise_missed_dose(R, [TAKEN[2]], NOW)
    log = duloxinfo.dose_log(R, TAKEN, START, NOW, now=NOW)
    figures = duloxinfo.adherence(R, TAKEN, START, NOW, now=NOW)
    fills = duloxinfo.supply_from_fills(R, [duloxinfo.Fill(dt.date(2026, 11, 1), 60, 30)], NOW)
    phase = _forced(R, tz=_keyless_zone())
    return {
        "a bool as a number": (_forced(advice, contact_prescriber=1), "answer.contact_prescriber"),
        "a number as text": (_forced(advice, reason=5), "answer.reason"),
        "True as a dose": (_forced(advice, dose_mg=True), "answer.dose_mg"),
        "text as a share": (_forced(figures, taking="half"), "answer.taking"),
        "text as an action": (_forced(advice, action="take-now"), "answer.action"),
        "a zone without a key": (
            duloxinfo.PlanOverview(phases=(phase,), in_force=1, next_doses=()),
            "answer.phases[0].tz",
        ),
        "a list as a tuple": (_forced(log, doses=list(log.doses)), "answer.doses"),
        "a pair of one": (_forced(fills, on_hand=((60,),)), "answer.on_hand[0]"),
        "another record": (_forced(log, doses=(advice,)), "answer.doses[0]"),
    }


@pytest.mark.parametrize("case", sorted(_wrong_shapes()))
def test_a_record_built_wrong_by_hand_is_a_wrong_type_error_naming_the_field(case):
    record, field = _wrong_shapes()[case]
    with pytest.raises(duloxinfo.WrongTypeError) as info:
        duloxinfo.answer_to_data(record)
    assert info.value.field == field
