"""The answers: every --json answer is versioned and valid against ``schema --answers``.

Also the plan input every plan command takes, the ``plan`` and ``titration``
commands, and the calendar's bytes on standard output.
"""

import contextlib
import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from fhir.resources.dosage import Dosage
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import answers, cli
from duloxinfo.cli import _parser
from duloxinfo.cli._commands import COMMANDS

REGIMEN = ["--dose", "60", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01"]
TWICE = ["--dose", "30", "--at", "8", "--at", "20", "--tz", "America/New_York"]
TITRATION = ["--titration", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01"]
PHASES = [
    "--tz",
    "Europe/London",
    "--phase",
    "30 mg at 08:00 from 2026-11-01 to 2026-11-08",
    "--phase",
    "60 mg at 09:00 from 2026-11-10 in Europe/Paris",
]
NOW = ["--now", "2026-11-25T13:00"]
WEEK = [f"2026-11-0{d}T08:00" for d in range(1, 8)]


def answer(capsys, *args):
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    assert (status, err) == (0, ""), err
    return out


def quiet(*args):
    """What ``cli.main(args)`` prints, without capsys (for Hypothesis)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(args))
    assert (status, err.getvalue()) == (0, ""), err.getvalue()
    return out.getvalue()


@pytest.fixture(scope="module")
def schemas():
    out = subprocess.run(
        [sys.executable, "-m", "duloxinfo", "schema", "--answers"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    document = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def validator(schemas, command):
    schema = {
        "$schema": schemas["$schema"],
        "$defs": schemas["$defs"],
        "$ref": f"#/$defs/{command}",
    }
    return jsonschema.Draft202012Validator(schema)


def check(schemas, command, *args):
    data = json.loads(quiet(command, *args, "--json"))
    validator(schemas, command).validate(data)
    jsonschema.Draft202012Validator(schemas).validate(data)  # the union, too
    assert data["schema_version"] == duloxinfo.ANSWER_SCHEMA_VERSION == "1.2"
    assert next(iter(data)) == "schema_version"
    return data


EXAMPLES = {
    "missed-dose": [
        [*REGIMEN, *NOW],
        [*REGIMEN, *NOW, "--taken", "yesterday 08:05", "--not-sure", "today 08:00"],
        [*REGIMEN, "--now", "2026-10-01T09:00"],
        [*TITRATION, *NOW, *[x for t in WEEK for x in ("--taken", t)]],
        [*PHASES, "--now", "2026-11-09T12:00"],
    ],
    "schedule": [
        [*REGIMEN, *NOW],
        [*TWICE, "--start", "2026-03-01", "--now", "2026-03-07", "--days", "3"],
        [*REGIMEN, "--now", "2026-10-01T09:00", "--days", "1"],
        [*PHASES, "--now", "2026-11-06", "--days", "10"],
    ],
    "supply": [
        [*REGIMEN, *NOW, "--strength", "30", "--count", "28"],
        [*REGIMEN, *NOW, "--strength", "60", "--count", "0", "--lead-days", "0"],
        [*TITRATION, "--now", "2026-11-02", "--strength", "30", "--count", "30"],
        [*PHASES, "--now", "2026-11-02", "--strength", "30", "--count", "10"],
        [*REGIMEN, *NOW, "--strength", "60", "--count", "9", "--history", "HISTORY"],
        [*REGIMEN, *NOW, "--fill", "2026-11-01:60:30", "--history", "HISTORY"],
        [*TITRATION, *NOW, "--fill", "2026-11-01:30:7", "--fill", "2026-11-08:60:30"],
        [*PHASES, "--now", "2026-11-12T12:00", "--fill", "2026-10-20:30:7", "--taken", "today 8"],
    ],
    "audit": [
        [*REGIMEN, "--history", "HISTORY"],
        [*TITRATION, "--history", "HISTORY"],
        [*PHASES, "--history", "EMPTY"],
    ],
    "adherence": [
        [*REGIMEN, *NOW, "--history", "HISTORY", "--from", "2026-11-01", "--before", "2026-11-03"],
        [*REGIMEN, *NOW, "--from", "2026-11-20"],
        [
            *TITRATION,
            *NOW,
            "--history",
            "HISTORY",
            "--from",
            "2026-10-01",
            "--before",
            "2026-11-10",
        ],
        [*PHASES, "--now", "2026-11-12", "--history", "EMPTY", "--from", "2026-11-07"],
        [*PHASES, "--now", "2026-11-09T12:00", "--from", "2026-11-08T12:00"],
        [
            *TWICE,
            "--start",
            "2026-11-01",
            *NOW,
            "--taken",
            "2026-11-01T08:30",
            "--not-sure",
            "2026-11-01T19:00",
            "--taken",
            "2026-11-02T10:00",
            "--from",
            "2026-11-01",
            "--before",
            "today 00:00",
        ],
    ],
    "pdc": [
        [*REGIMEN, "--fill", "2026-11-01:60:30", "--first", "2026-11-01", "--last", "2026-12-31"],
        [*REGIMEN, "--first", "2026-11-01", "--last", "2026-11-01"],
        [
            *TITRATION,
            "--fill",
            "2026-10-01:30:7",
            "--fill",
            "2026-11-01:30:7",
            "--fill",
            "2026-11-08:60:30",
            "--first",
            "2026-10-01",
            "--last",
            "2027-01-31",
        ],
    ],
    "plan": [
        [*REGIMEN, *NOW],
        [*TITRATION, *NOW, "--next", "10"],
        [*PHASES, "--now", "2026-11-09T12:00"],
        [*PHASES, "--now", "2027-01-01", "--next", "1"],
        [
            "--tz",
            "UTC",
            "--phase",
            "30 mg at 08:00 from 2026-11-01 to 2026-11-02",
            "--now",
            "2026-12-01",
        ],
    ],
    "titration": [
        [*TITRATION, *NOW],
        [*TITRATION, "--now", "2026-11-08T09:00", *[x for t in WEEK for x in ("--taken", t)]],
        [*TITRATION, "--now", "2026-11-03T09:00", "--taken", "2026-11-01T08:00"],
        [*REGIMEN, "--now", "2026-11-02", "--taken", "2026-11-01T08:00"],
        [*PHASES, "--now", "2026-11-12", "--history", "HISTORY"],
    ],
    "interactions": [
        ["ibuprofen", "St John's Wort", "Wondercure", "Nardil", "N06AB", "aspirin"],
        ["--stopped", "phenelzine=2026-11-15T09:00+00:00", *NOW[:1], "2026-11-25T13:00Z"],
        ["--starts", "linezolid=tomorrow 9", "--tz", "Europe/London", *NOW],
    ],
}


def test_every_command_with_json_has_a_schema_and_examples():
    offered = set()
    answering = set()
    for command in COMMANDS:
        parser = _parser.Parser()
        command.module().options(parser)
        if any("--json" in action.option_strings for action in parser._actions):
            offered.add(command.name)
        if command.module().ANSWERS:
            answering.add(command.name)
        for name in command.module().ANSWERS:  # each a record the answers' JSON writes
            assert issubclass(getattr(duloxinfo, name), answers._ANSWERS), name
    assert offered == answering == set(EXAMPLES)


def files(tmp_path, args):
    """``args`` with HISTORY and EMPTY replaced by the paths of such files."""
    history = tmp_path / "taken.csv"
    history.write_text("at,dose_mg\n2026-11-01T08:00,30\n2026-11-01T13:00,30\n", encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    return [{"HISTORY": str(history), "EMPTY": str(empty)}.get(a, a) for a in args]


@pytest.mark.parametrize(
    ("command", "args"), [(c, a) for c, examples in EXAMPLES.items() for a in examples]
)
def test_every_json_answer_is_valid_against_schema_answers(schemas, tmp_path, command, args):
    check(schemas, command, *files(tmp_path, args))


@settings(max_examples=40, deadline=None)
@given(
    now=st.datetimes(dt.datetime(2026, 10, 1), dt.datetime(2027, 2, 1)),
    taken=st.lists(st.datetimes(dt.datetime(2026, 10, 1), dt.datetime(2026, 12, 1)), max_size=4),
    plan=st.sampled_from([REGIMEN, TITRATION, PHASES, [*TWICE, "--start", "2026-11-01"]]),
)
def test_answers_for_any_moment_and_history_are_valid(schemas, now, taken, plan):
    now = now.replace(microsecond=0)
    when = ["--now", now.isoformat()]
    doses = [
        x for t in taken if t <= now for x in ("--taken", t.replace(microsecond=0).isoformat())
    ]
    check(schemas, "missed-dose", *plan, *when, *doses)
    check(schemas, "titration", *plan, *when, *doses)
    check(schemas, "plan", *plan, *when)
    check(schemas, "schedule", *plan, *when, "--days", "3")
    unsure = [x for t in taken if t <= now for x in ("--not-sure", t.date().isoformat())]
    period = ["--from", "2026-10-01", "--before", min(now, dt.datetime(2027, 1, 1)).isoformat()]
    check(schemas, "adherence", *plan, *when, *doses, *unsure, *period)


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_the_schemas_fail_on_a_missing_or_misspelt_field(schemas, tmp_path, command):
    data = json.loads(quiet(command, *files(tmp_path, EXAMPLES[command][0]), "--json"))
    check_ = validator(schemas, command)
    for field in data:
        missing = {k: v for k, v in data.items() if k != field}
        assert not check_.is_valid(missing), field
        misspelt = {**missing, field + "s": data[field]}
        assert not check_.is_valid(misspelt), field
    assert not check_.is_valid({**data, "schema_version": "2.0"})


def test_schema_without_answers_is_still_the_guides(capsys):
    assert json.loads(answer(capsys, "schema")) == duloxinfo.guide_json_schema()


# --- the plan input, and the plan and titration commands ----------------------------


def test_plan_shows_the_phases_the_one_in_force_and_the_next_doses(capsys):
    out = answer(capsys, "plan", *PHASES, "--now", "2026-11-09T12:00", "--next", "2")
    assert out.splitlines() == [
        "2 phases:",
        "  1. 30 mg at 08:00 (Europe/London)",
        "     from Sun 2026-11-01 00:00 GMT to Sun 2026-11-08 00:00 GMT",
        "  2. 60 mg at 09:00 (Europe/Paris)",
        "     from Tue 2026-11-10 00:00 CET, no end",
        "In force now: none",
        "Next doses:",
        "  Tue 2026-11-10 09:00 CET  60 mg",
        "  Wed 2026-11-11 09:00 CET  60 mg",
        "",
        "Not medical advice: follow your prescriber's directions.",
    ]
    data = json.loads(answer(capsys, "plan", *TITRATION, *NOW, "--next", "1", "--json"))
    assert [(p["dose_mg"], p["start"], p["end"]) for p in data["phases"]] == [
        (30, "2026-11-01T00:00:00+00:00", "2026-11-08T00:00:00+00:00"),
        (60, "2026-11-08T00:00:00+00:00", None),
    ]
    assert (data["in_force"], data["next_doses"]) == (
        2,
        [{"at": "2026-11-26T08:00:00+00:00", "dose_mg": 60}],
    )


def test_titration_says_when_to_ask_about_60_mg_and_never_changes_the_dose(capsys):
    taken = [x for t in WEEK for x in ("--taken", t)]
    thirty = ["--dose", "30", *REGIMEN[2:]]
    week = json.loads(
        answer(capsys, "titration", *thirty, "--now", "2026-11-08T09:00", *taken, "--json")
    )
    assert (week["stage"], week["starting_doses_taken"]) == ("eligible-to-ask", 7)
    assert "ask" in week["reason"]
    # The label's plan goes on to 60 mg by itself: nothing to ask, the usual maximum.
    plan = json.loads(
        answer(capsys, "titration", *TITRATION, "--now", "2026-11-09T09:00", *taken, "--json")
    )
    assert plan["stage"] == "usual-maximum"
    out = answer(capsys, "titration", *TITRATION, "--now", "2026-11-02T09:00", *taken[:4])
    assert out.startswith("Stage:                starting\nStarting doses taken: 2\n")
    assert out.endswith("Not medical advice: follow your prescriber's directions.\n")


def test_every_plan_command_takes_phases_and_the_titration_plan(capsys, tmp_path):
    # The dose of a scheduled dose is its phase's.
    schedule = json.loads(
        answer(capsys, "schedule", *TITRATION, "--now", "2026-11-06T12:00", "--days", "3", "--json")
    )
    assert [d["dose_mg"] for d in schedule["doses"]] == [30, 60, 60]
    text = answer(capsys, "schedule", *PHASES, "--now", "2026-11-07T12:00", "--days", "4")
    assert text.splitlines()[1:] == [
        "  Tue 2026-11-10 09:00 CET  60 mg",
        "  Wed 2026-11-11 09:00 CET  60 mg",
    ]
    taken = answer(
        capsys,
        "missed-dose",
        *TITRATION,
        "--now",
        "2026-11-09T09:00",
        "--json",
        "--taken",
        "2026-11-08T08:00",
    )
    assert json.loads(taken)["dose_mg"] == 60
    history = tmp_path / "taken.csv"
    history.write_text("at,dose_mg\n2026-11-01T08:00,30\n2026-11-01T08:30,30\n", encoding="utf-8")
    found = json.loads(answer(capsys, "audit", *TITRATION, "--history", str(history), "--json"))
    assert [d["kind"] for d in found["double_doses"]] == ["oversized-intake"]
    ics = answer(capsys, "calendar", *PHASES, *NOW, "--first", "2026-11-07", "--last", "2026-11-10")
    assert ics.count("BEGIN:VEVENT") == 2


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ([*PHASES, "--dose", "60"], "--dose: give either --phase or --dose, not both"),
        ([*TITRATION, "--dosages", "-"], "--at: give either --dosages or --at, not both"),
        ([*TITRATION, "--dose", "60"], "--dose: --titration sets the doses"),
        ([*TITRATION, "--at", "20:00"], "--at: --titration takes one time of day"),
        (["--tz", "UTC", "--titration"], "--at: --titration needs --at"),
        (["--tz", "UTC", "--at", "8"], "--dose: required (give --dose, --at and --start"),
        (["--tz", "UTC", "--phase", "60mg daily"], "--phase 1: '60mg daily' is not MG mg at TIME"),
        (["--tz", "UTC", "--phase", "25 mg at 8 from 2026-11-01"], "--phase 1: 25 mg cannot"),
        (["--tz", "UTC", "--phase", "60 mg at 8 from 2026-11-01 in EST"], "--phase 1: 'EST' is"),
        (
            ["--tz", "UTC", "--phase", "60 mg at 25 from 2026-11-01"],
            "--phase 1: '25' is not a time",
        ),
        (
            [
                "--tz",
                "UTC",
                "--phase",
                "30 mg at 8 from 2026-11-01 to 2026-11-09",
                "--phase",
                "60 mg at 8 from 2026-11-08",
            ],
            "--phase 2: start 2026-11-08T00:00:00+00:00 is before the phase before it ends",
        ),
        (
            [
                "--tz",
                "UTC",
                "--phase",
                "30 mg at 8 from 2026-11-01",
                "--phase",
                "60 mg at 8 from 2026-11-08",
            ],
            "--phase 1: end missing, but another phase follows it",
        ),
    ],
)
def test_a_bad_plan_is_refused_naming_the_flag(capsys, args, text):
    status = cli.main(["plan", *args, *NOW])
    out, err = capsys.readouterr()
    assert (status, out, len(err.splitlines())) == (2, "", 1), err
    assert err.startswith(f"duloxinfo: error: {text}"), err


def test_fhir_writes_a_plan_as_dosage_phases_that_dosages_reads_back(capsys, tmp_path):
    one = json.loads(answer(capsys, "fhir", *REGIMEN))
    assert Dosage.parse_obj(one).sequence == 1
    assert "maxDosePerPeriod" not in one
    capped = json.loads(answer(capsys, "fhir", *REGIMEN, "--max-daily", "60"))
    assert capped["maxDosePerPeriod"]["numerator"]["value"] == 60
    phases = json.loads(answer(capsys, "fhir", *PHASES))
    assert [Dosage.parse_obj(p).sequence for p in phases] == [1, 2]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(phases), encoding="utf-8")
    read = json.loads(answer(capsys, "plan", "--tz", "UTC", "--dosages", str(path), *NOW, "--json"))
    given = json.loads(answer(capsys, "plan", *PHASES, *NOW, "--json"))
    assert read["phases"] == given["phases"]
    assert read["next_doses"] == given["next_doses"]


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"[", "--dosages: '{path}': line 1, column 2: invalid JSON: "),
        (b"[]", "--dosages: '{path}': dosages: "),
        ("[{}]".encode("utf-16"), "--dosages: '{path}' is not UTF-8 text (it looks like UTF-16)"),
        (b'[{"sequence": 1}]', "--dosages: '{path}': dosages[0]"),
    ],
)
def test_a_bad_dosages_file_is_refused_naming_the_flag(
    capsys, tmp_path, monkeypatch, content, text
):
    monkeypatch.chdir(tmp_path)
    path = "plan.json"
    (tmp_path / path).write_bytes(content)
    status = cli.main(["plan", "--tz", "UTC", "--dosages", path, *NOW])
    out, err = capsys.readouterr()
    assert (status, out, len(err.splitlines())) == (2, "", 1), err
    assert err.startswith("duloxinfo: error: " + text.format(path=path)), err


# --- the calendar's bytes -----------------------------------------------------------


def test_the_calendar_on_standard_output_is_the_calendars_bytes_crlf_to_the_end():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "duloxinfo",
            "calendar",
            *REGIMEN,
            *NOW,
            "--first",
            "2026-12-01",
            "--last",
            "2026-12-02",
        ],
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    expected = duloxinfo.dose_calendar(
        duloxinfo.Regimen(
            60, [dt.time(8)], "Europe/London", dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        ),
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 2),
        created=dt.datetime(2026, 11, 25, 13, tzinfo=dt.UTC),
    )
    assert result.stdout == expected
    assert result.stdout.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in result.stdout.replace(b"\r\n", b"")


def test_the_command_line_page_has_an_example_of_every_command_and_of_json():
    page = (Path(__file__).parents[2] / "docs" / "command-line.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^\$ (?:.*\| )?duloxinfo ([a-z-]+)", page, re.MULTILINE))
    assert shown == {command.name for command in COMMANDS}
    assert re.search(r"^\$ duloxinfo .* --json$", page, re.MULTILINE)
    assert '"schema_version": "1.2"' in page


def test_the_next_doses_stop_at_the_end_of_the_supported_years(capsys):
    args = ["--dose", "60", "--at", "8", "--tz", "UTC", "--start", "9998-12-01"]
    data = json.loads(
        answer(capsys, "plan", *args, "--now", "9998-12-01", "--next", "100", "--json")
    )
    assert len(data["next_doses"]) == 31
    assert data["next_doses"][-1]["at"] == "9998-12-31T08:00:00+00:00"


def test_a_dosages_file_of_one_dosage_object_is_a_plan_of_one_phase(capsys, tmp_path):
    path = tmp_path / "dosage.json"
    path.write_text(answer(capsys, "fhir", *REGIMEN), encoding="utf-8")
    read = json.loads(answer(capsys, "plan", "--tz", "UTC", "--dosages", str(path), *NOW, "--json"))
    assert [p["dose_mg"] for p in read["phases"]] == [60]


def test_the_calendar_to_a_text_only_standard_output_is_its_text(capsys):
    args = ["calendar", *REGIMEN, *NOW, "--first", "2026-12-01", "--last", "2026-12-01"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(args) == 0
    assert out.getvalue().startswith("BEGIN:VCALENDAR\r\n")
    assert out.getvalue().endswith("END:VCALENDAR\r\n")


def test_a_history_dose_after_now_is_refused_in_the_zone_given(capsys, tmp_path):
    path = tmp_path / "taken.csv"
    path.write_text("at,dose_mg\n2026-11-26T08:00,60\n", encoding="utf-8")
    status = cli.main(["titration", *REGIMEN, *NOW, "--history", str(path)])
    assert status == 2
    assert capsys.readouterr().err == (
        "duloxinfo: error: --history: a dose at 2026-11-26 08:00 GMT is after now "
        "(2026-11-25 13:00 GMT); give only doses already taken\n"
    )
