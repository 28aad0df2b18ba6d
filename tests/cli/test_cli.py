"""The command line, driven as a user drives it: the real entry point, in a subprocess."""

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from fhir.resources.dosage import Dosage
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import cli
from duloxinfo.cli._commands import schema
from support.bad_input import CLI_CASES, run_cli

REGIMEN = ["--dose", "60", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01"]
NOW = ["--now", "2026-11-25T13:00"]
COMMANDS = (
    "guide",
    "missed-dose",
    "schedule",
    "supply",
    "audit",
    "adherence",
    "pdc",
    "fhir",
    "calendar",
    "interactions",
    "schema",
)


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "duloxinfo", *args],
        capture_output=True,
        text=True,
        check=False,
        input=stdin,
    )


def ok(*args, stdin=None):
    result = run(*args, stdin=stdin)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout


def test_the_readme_question_i_forgot_this_mornings_dose():
    # The README's command, as a user runs it: --now is the current time.
    out = ok("missed-dose", *REGIMEN, "--taken", "yesterday 08:05")
    assert out.startswith("Action:")
    assert "Not medical advice" in out


def test_missed_dose_take_now_then_skip_then_already_taken():
    out = ok("missed-dose", *REGIMEN, *NOW, "--taken", "yesterday 08:05")
    assert "Action:          take-now (60 mg)" in out
    assert "Next dose:       Thu 2026-11-26 08:00 GMT" in out
    assert "Ask again at:    Wed 2026-11-25 20:00 GMT" in out  # take it before then
    late = json.loads(ok("missed-dose", *REGIMEN, "--now", "2026-11-25T21:00", "--json"))
    # Nothing taken since the plan began on 1 November: not a dose, a call to the prescriber.
    assert (late["action"], late["dose_mg"], late["next_dose_at"]) == (
        "contact-prescriber",
        0,
        None,
    )
    assert late["missed_in_a_row"] == 25
    assert "before you start" in late["reason"]
    taken = json.loads(ok("missed-dose", *REGIMEN, *NOW, "--taken", "today 8:10", "--json"))
    assert taken["action"] == "already-taken"
    assert taken["rule"] == "missed-dose/already-taken"


def test_instants_in_every_accepted_form_mean_the_same_moment():
    forms = [
        "2026-11-24T08:05",
        "2026-11-24T08:05+00:00",
        "2026-11-24T03:05-05:00",
        "yesterday 08:05",
    ]
    answers = {ok("missed-dose", *REGIMEN, *NOW, "--taken", form, "--json") for form in forms}
    assert len(answers) == 1
    now_word = ok("missed-dose", *REGIMEN, *NOW, "--taken", "now", "--json")
    assert json.loads(now_word)["action"] == "already-taken"


def test_schedule_lists_the_doses_across_the_clock_change():
    args = ["--dose", "30", "--at", "08:00", "--at", "20:00", "--tz", "Europe/London"]
    out = ok("schedule", *args, "--start", "2026-03-01", "--now", "2026-03-28T12:00", "--days", "2")
    assert out.splitlines() == [
        "Doses of 30 mg in the next 2 days (Europe/London):",
        "  Sat 2026-03-28 20:00 GMT",
        "  Sun 2026-03-29 08:00 BST",
        "  Sun 2026-03-29 20:00 BST",
        "  Mon 2026-03-30 08:00 BST",
    ]
    listed = json.loads(
        ok("schedule", *REGIMEN, *NOW, "--from", "2026-11-30", "--days", "1", "--json")
    )
    assert listed["doses"] == [{"at": "2026-11-30T08:00:00+00:00", "dose_mg": 60}]
    assert (listed["schema_version"], listed["start"]) == ("1.2", "2026-11-30T00:00:00+00:00")
    none = ok("schedule", *REGIMEN, "--now", "2026-10-01T09:00", "--days", "1")
    assert none.splitlines()[1] == "  none"


def test_supply_text_and_json():
    out = ok("supply", *REGIMEN, *NOW, "--strength", "30", "--count", "28")
    assert "Capsules per dose: 2" in out
    assert "Runs out on:       2026-12-10 (in 15 days)" in out
    data = json.loads(ok("supply", *REGIMEN, *NOW, "--strength", "60", "--count", "3", "--json"))
    assert (data["doses_left"], data["refill_by"], data["rule"]) == (
        3,
        "2026-11-25",
        "supply/refill-now",
    )


def test_supply_from_fills_less_the_doses_taken(tmp_path):
    # 90 mg a day as 60 + 30: two fills of 30 on 5 January, the 5 January dose taken; at
    # 09:00 on 6 January that day's dose is due, so it is counted first: 29 doses left.
    history = tmp_path / "taken.csv"
    history.write_text("at,dose_mg\n2026-01-05T08:00,90\n", encoding="utf-8")
    r90 = ["--dose", "90", "--at", "08:00", "--tz", "UTC", "--start", "2026-01-05"]
    fills = ["--fill", "2026-01-05:60:30", "--fill", "2026-01-05:30:30"]
    args = ["supply", *r90, "--now", "2026-01-06T09:00", *fills, "--history", str(history)]
    out = ok(*args)
    assert out.splitlines()[:3] == [
        "On hand:           29 x 60 mg, 29 x 30 mg",
        "Next dose:         60 mg + 30 mg capsules",
        "Dose due now:      yes, counted first",
    ]
    assert "Runs out on:       2026-02-04 (in 29 days)" in out
    data = json.loads(ok(*args, "--json"))
    assert (data["on_hand"], data["next_dose_capsules"], data["due_now"]) == (
        [[60, 29], [30, 29]],
        [60, 30],
        True,
    )
    assert (data["doses_left"], data["runs_out_on"], data["unaccounted_intakes"]) == (
        29,
        "2026-02-04",
        [],
    )
    # The same with --taken; without the dose taken, one capsule of each more is on hand.
    taken = ok(*args[:-2], "--taken", "2026-01-05T08:00")
    assert taken == out
    untaken = json.loads(ok(*args[:-2], "--json"))
    assert untaken["on_hand"] == [[60, 30], [30, 30]]


def test_supply_from_fills_names_doses_the_fills_cannot_have_supplied():
    # A dose taken before the first fill: a fill is probably missing from the list.
    args = ["supply", *REGIMEN, *NOW, "--fill", "2026-11-20:60:30"]
    out = " ".join(ok(*args, "--taken", "2026-11-19T08:00").split())
    assert "Not from these fills: 1 dose taken that the fills cannot have supplied in full" in out
    assert "Not from these fills" not in ok(*args)


def test_supply_counts_a_dose_due_now_when_told_what_was_taken():
    # Asked at 13:00 with today's 08:00 dose not taken: with --taken, it is counted, so 3
    # capsules cover today's and two more; without, only the doses after now (as before).
    told = ok(
        "supply",
        *REGIMEN,
        *NOW,
        "--strength",
        "60",
        "--count",
        "3",
        "--taken",
        "yesterday 08:00",
        "--json",
    )
    blind = ok("supply", *REGIMEN, *NOW, "--strength", "60", "--count", "3", "--json")
    assert (json.loads(told)["runs_out_on"], json.loads(blind)["runs_out_on"]) == (
        "2026-11-28",
        "2026-11-29",
    )


def test_audit_reads_csv_json_and_stdin(tmp_path):
    csv_file = tmp_path / "taken.csv"
    csv_file.write_text("at,dose_mg\n2026-11-24T08:05,60\n2026-11-24T13:00,60\n", encoding="utf-8")
    out = ok("audit", *REGIMEN, "--history", str(csv_file))
    assert out.splitlines()[:2] == [
        "1 double dose in 2 intakes:",
        "- too-close: Tue 2026-11-24 08:05 GMT, Tue 2026-11-24 13:00 GMT",
    ]
    rows = [
        {"at": "2026-11-23T08:00+00:00", "dose_mg": 60},
        {"at": "2026-11-24T08:00", "dose_mg": 60},
    ]
    json_file = tmp_path / "taken.json"
    json_file.write_text(json.dumps(rows), encoding="utf-8")
    assert ok("audit", *REGIMEN, "--history", str(json_file)) == "No double doses in 2 intakes.\n"
    found = json.loads(
        ok("audit", *REGIMEN, "--history", "-", "--json", stdin=csv_file.read_text())
    )
    assert found["intakes"] == 2
    found = found["double_doses"]
    assert [(f["kind"], f["certain"]) for f in found] == [("too-close", True)]
    assert found[0]["intakes"][1] == {
        "at": "2026-11-24T13:00:00+00:00",
        "dose_mg": 60,
        "certain": True,
    }


def test_a_dose_you_are_not_sure_of_counts_as_taken():
    unsure = json.loads(ok("missed-dose", *REGIMEN, *NOW, "--not-sure", "today 08:10", "--json"))
    assert (unsure["action"], unsure["dose_mg"], unsure["next_dose_at"]) == (
        "already-taken",
        0,
        "2026-11-26T08:00:00+00:00",
    )
    assert "not sure" in unsure["reason"]
    history = "at,dose_mg,certain\n2026-11-24T08:05,60,no\n2026-11-24T13:00,60,yes\n"
    found = json.loads(ok("audit", *REGIMEN, "--history", "-", "--json", stdin=history))
    found = found["double_doses"]
    assert [(f["kind"], f["certain"]) for f in found] == [("too-close", False)]
    rows = '[{"at": "2026-11-24T08:05", "dose_mg": 60, "certain": false}]'
    assert ok("audit", *REGIMEN, "--history", "-", stdin=rows) == "No double doses in 1 intake.\n"


def test_guide_in_every_format_and_the_schema():
    guide = duloxinfo.guide()
    assert ok("guide").startswith("Duloxetine: information for patients\n")
    assert ok("guide", "--section", "how_to_take", "--format", "markdown").startswith(
        f"# {guide.how_to_take.heading}\n"
    )
    assert ok("guide", "--section", "how_to_take", "--format", "html").startswith("<article")
    as_json = json.loads(ok("guide", "--section", "how_to_take", "--format", "json"))
    assert as_json["usual"]["dose_mg"] == 60
    claims = ok("guide", "--seed-claims")
    assert claims.startswith("The seed page, reviewed\n")
    assert claims.count("Verdict: ") == len(duloxinfo.seed_claims())
    as_json = json.loads(ok("guide", "--seed-claims", "--format", "json"))
    assert [c["text"] for c in as_json] == [c.text for c in duloxinfo.seed_claims()]
    assert json.loads(ok("schema")) == duloxinfo.guide_json_schema()


def test_calendar_reminders_before_each_dose_and_repeating_events():
    period = ["--first", "2026-12-01", "--last", "2026-12-03"]
    early = ok("calendar", *REGIMEN, *NOW, *period, "--alarm", "30")
    assert early.count("TRIGGER:-PT30M") == 3
    assert "TRIGGER:P0D" not in early
    repeated = ok("calendar", *REGIMEN, *NOW, *period, "--repeating")
    assert repeated.count("BEGIN:VEVENT") == 1
    assert "RRULE:FREQ=DAILY;UNTIL=20261203T080000Z" in repeated
    refused = run("calendar", *REGIMEN, *NOW, *period, "--alarm", "121")
    assert (refused.returncode, refused.stderr.splitlines()[-1]) == (
        2,
        (
            "duloxinfo: error: --alarm: 121 minutes is earlier than a once-daily dose is on "
            "time; give 0 to 120 minutes"
        ),
    )


def test_fhir_and_calendar(tmp_path):
    dosage = json.loads(ok("fhir", *REGIMEN))
    assert Dosage.parse_obj(dosage).doseAndRate[0].doseQuantity.value == 60
    ics = ok("calendar", *REGIMEN, *NOW, "--first", "2026-12-01", "--last", "2026-12-03")
    assert ics.count("BEGIN:VEVENT") == 3
    assert "DTSTAMP:20261125T130000Z" in ics
    target = tmp_path / "doses.ics"
    assert (
        ok(
            "calendar",
            *REGIMEN,
            *NOW,
            "--first",
            "2026-12-01",
            "--last",
            "2026-12-01",
            "-o",
            str(target),
        )
        == f"Wrote {target}.\n"
    )
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 1


def test_interactions_in_text_and_json_most_serious_first():
    out = ok("interactions", "ibuprofen", "St John's Wort", "Wondercure", "Nardil")
    assert out.startswith("4 medicines checked against duloxetine, most serious first:\n")
    labels = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert labels[1:] == [
        "DO-NOT-COMBINE: Nardil (phenelzine)",
        "NOT-IN-LIST: Wondercure",
        "CAUTION: ibuprofen",
        "CAUTION: St John's Wort",
        "Not medical advice: follow your prescriber's directions.",
    ]
    found = json.loads(ok("interactions", "ibuprofen", "St John's Wort", "--json"))["findings"]
    assert [(f["ingredient"], f["group"], f["seriousness"], f["rank"]) for f in found] == [
        ("ibuprofen", "bleeding", "caution", 4),
        ("St John's wort", "serotonergic", "caution", 4),
    ]
    assert found[0]["sources"][0] == {"source": "us-pi-g", "section": "§5", "revision": None}
    # A name as a system writes it, and a close name: a suggestion, never a match.
    out = ok("interactions", "ZOLOFT 50 MG ORAL TABLET", "ibuprofin")
    assert "CAUTION: ZOLOFT 50 MG ORAL TABLET (sertraline)" in out
    assert "Did you mean ibuprofen?" in out


def test_interactions_with_a_stopped_and_a_starting_medicine():
    found = json.loads(
        ok(
            "interactions",
            "--stopped",
            "phenelzine=2026-11-15 09:00",
            "--starts",
            "moclobemide=2026-11-30T09:00+00:00",
            "--starts",
            "linezolid=2026-11-30T09:00+00:00",
            "--tz",
            "Europe/London",
            "--now",
            "2026-11-25T09:00",
            "--json",
        )
    )["findings"]
    assert [(f["medicine"]["name"], f["seriousness"], f["windows"]) for f in found] == [
        # As an MAOI (US Medication Guide, EU PIL §2): 5 days without duloxetine first.
        (
            "linezolid",
            "do-not-combine",
            [
                {
                    "after": "duloxetine-stopped",
                    "wait": "P5D",
                    "boundary": "2026-11-25T09:00:00+00:00",
                }
            ],
        ),
        (
            "moclobemide",
            "do-not-combine",
            [
                {
                    "after": "duloxetine-stopped",
                    "wait": "P5D",
                    "boundary": "2026-11-25T09:00:00+00:00",
                }
            ],
        ),
        (
            "phenelzine",
            "do-not-combine",
            [
                {
                    "after": "other-stopped",
                    "wait": "P14D",
                    "boundary": "2026-11-29T09:00:00+00:00",
                }
            ],
        ),
    ]
    assert found[0]["watch"] == {
        "risk": "serotonin-syndrome",
        "for_at_most": "P5D",
        "after_last_dose": "P1D",
        "ends_by": "2026-12-05T09:00:00+00:00",
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    out = ok(command, "--help")
    assert "example:\n  duloxinfo " + command in out


def test_top_level_help_and_version():
    assert "I forgot this morning's dose" in ok("--help")
    assert ok("--version") == f"duloxinfo {duloxinfo.__version__}\n"


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.shown for c in CLI_CASES])
def test_bad_input_is_exit_2_and_one_line_naming_the_value(case):
    result = run(*case.args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert case.text in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("at,dose_mg\n2026-11-24T08:05,sixty\n", "row 1: dose_mg: 'sixty'"),
        ("at,dose\n2026-11-24T08:05,60\n", "row 1: needs 'at' and 'dose_mg'"),
        ("at,dose_mg\nyesterday,60\n", "row 1: at: 'yesterday' is not a date and time"),
        ("at,dose_mg\n2026-11-24T08:05,25\n", "dose_mg: 25 mg cannot be made"),
        ("[1, 2]", "expected a list of {at, dose_mg} objects"),
        ('[{"at": 1', "invalid JSON"),
        (
            '[{"at": "2026-11-24T08:05", "dose_mg": true}]',
            "dose_mg: expected a whole number of mg, got bool True",
        ),
        ("at,dose_mg,certain\n2026-11-24T08:05,60,maybe\n", "row 1: certain: 'maybe' is not yes"),
        ('[{"at": "2026-11-24T08:05", "dose_mg": 60, "certain": 1}]', "item 1: certain: 1 is not"),
    ],
)
def test_a_bad_history_file_names_the_row_and_the_value(content, message):
    result = run("audit", *REGIMEN, "--history", "-", stdin=content)
    assert (result.returncode, len(result.stderr.splitlines())) == (2, 1), result.stderr
    assert message in result.stderr


def test_an_output_the_terminal_cannot_show_is_exit_2_and_one_line():
    result = subprocess.run(
        [sys.executable, "-m", "duloxinfo", "interactions", "aspirin"],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "duloxinfo: error: standard output cannot show '\\xa7' (ascii); "
        "set PYTHONIOENCODING=utf-8\n"
    )


def test_something_unexpected_is_exit_1_and_one_line(monkeypatch, capsys):
    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(schema, "run", broken)
    assert cli.main(["schema"]) == 1
    assert capsys.readouterr().err == "duloxinfo: unexpected error: RuntimeError: a bug\n"


def test_a_missing_calendar_extra_is_named(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "icalendar", None)
    assert (
        cli.main(["calendar", *REGIMEN, *NOW, "--first", "2026-12-01", "--last", "2026-12-01"]) == 2
    )
    assert "pip install 'duloxinfo[calendar]'" in capsys.readouterr().err


@given(st.lists(st.text(max_size=12), max_size=8))
def test_the_command_line_never_fails_unexpectedly(argv):
    status, _ = run_cli(*argv)
    assert status in {0, 2}


def test_an_intake_in_a_repeated_hour_has_the_dose_the_library_gives_it():
    # The plan steps from 60 to 30 mg at the second 01:30 of 25 October 2026 in London;
    # 01:45 BST is before the step in real time.  The command line once compared the
    # two by wall clock and called the intake 30 mg.
    plan = [
        "--tz", "Europe/London",
        "--phase", "60 mg at 08:00 from 2026-10-20T08:00 to 2026-10-25T01:30+00:00",
        "--phase", "30 mg at 08:00 from 2026-10-25T01:30+00:00",
    ]  # fmt: skip
    taken = "2026-10-25T01:45:00+01:00"
    result = run(
        "adherence", *plan, "--taken", taken, "--now", "2026-10-25T12:00+00:00",
        "--from", "2026-10-25", "--before", "2026-10-25T12:00+00:00", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [dose] = json.loads(result.stdout)["doses"]
    library = duloxinfo.from_fhir_dosages(json.loads(run("fhir", *plan).stdout))
    instant = dt.datetime.fromisoformat(taken)
    assert dose["intakes"] == [
        {"at": taken, "dose_mg": library.phases[library.phase_at(instant)].dose_mg, "certain": True}
    ]
    assert dose["intakes"][0]["dose_mg"] == 60


@pytest.mark.parametrize("flag", ["--history", "--svg"])
def test_a_file_name_with_a_nul_character_is_bad_input_not_a_bug(capsys, flag):
    args = ["adherence", *REGIMEN, *NOW, "--from", "2026-11-20", flag, "a\x00b"]
    assert cli.main(args) == 2
    assert capsys.readouterr().err.startswith(f"duloxinfo: error: {flag}: cannot ")
