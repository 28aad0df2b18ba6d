"""What people type: errors name their flag, one grammar for instants and times, zones, files.

Each test goes through the real entry point, ``duloxinfo.cli.main``, or a subprocess.
"""

import datetime as dt
import json
import re
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import cli
from duloxinfo.cli import _parser, _values
from duloxinfo.cli._commands import COMMANDS
from support.bad_input import run_cli

REGIMEN = ["--dose", "60", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01"]
NOW = ["--now", "2026-11-25T13:00"]
# A fixed "current time" for the forms that count from it, so that no test reads the clock.
CLOCK = dt.datetime(2026, 11, 25, 13, 0, tzinfo=dt.UTC)


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(_values, "clock", CLOCK.astimezone)


def answer(capsys, *args):
    """(status, stdout, stderr) of ``duloxinfo.cli.main(args)``; a usage error's status too."""
    try:
        status = cli.main(list(args))
    except SystemExit as exit_:
        status = exit_.code
    out, err = capsys.readouterr()
    return status, out, err


def refused(capsys, *args):
    """The one line of a refusal (exit status 2, nothing on standard output)."""
    status, out, err = answer(capsys, *args)
    assert (status, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    assert len(err) < 400, err
    return err


# --- errors name the flag, and show what was typed -----------------------------------


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["missed-dose", "--dose", "45", *REGIMEN[2:]], "--dose: 45 mg cannot be made"),
        (["missed-dose", *REGIMEN, "--at", "08:00"], "--at: 08:00:00 is given twice"),
        (
            ["supply", *REGIMEN, *NOW, "--strength", "25", "--count", "3"],
            "--strength: 25 is not a marketed",
        ),
        (
            ["supply", *REGIMEN, *NOW, "--strength", "60", "--count", "-1"],
            "--count: expected a number of capsules of at least 0, got -1",
        ),
        (
            ["supply", *REGIMEN, *NOW, "--strength", "60", "--count", "3", "--lead-days", "-1"],
            "--lead-days: -1 is not between 0 and 3660",
        ),
        (
            ["calendar", *REGIMEN, "--first", "2026-12-02", "--last", "2026-12-01"],
            "--last: 2026-12-01 is before --first (2026-12-02)",
        ),
        (
            ["titration", "--titration", "--at", "08:00", "--tz", "UTC", "--start", "9998-12-30"],
            "--start: 9998-12-30T00:00:00+00:00 leaves no room for the starting week",
        ),
    ],
)
def test_errors_name_the_flag_typed_not_the_python_field(capsys, args, start):
    err = refused(capsys, *args)
    assert err.startswith(f"duloxinfo: error: {start}"), err
    python = r"(?<![-\w])(dose_mg|times|tz|start|strength_mg|count|lead_time|last_day)\b:"
    assert not re.search(python, err), err
    assert "timedelta" not in err


def test_a_future_taken_is_shown_in_the_zone_given_to_the_minute(capsys):
    args = ["--dose", "60", "--at", "08:00", "--tz", "America/New_York", "--start", "2026-11-01"]
    err = refused(
        capsys, "missed-dose", *args, "--now", "2026-11-25T13:00", "--taken", "2026-11-25T14:00"
    )
    assert err == (
        "duloxinfo: error: --taken: '2026-11-25T14:00' (2026-11-25 14:00 EST) is after now "
        "(2026-11-25 13:00 EST); give only doses already taken\n"
    )


def test_the_current_time_in_a_message_has_no_microseconds():
    # --now left out: the command line reads the clock (in the subprocess, not here).
    result = subprocess.run(
        [sys.executable, "-m", "duloxinfo", "missed-dose", *REGIMEN, "--taken", "tomorrow 23:59"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert re.search(r"is after now \(\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? GMT\)", result.stderr)
    assert not re.search(r"\d\d:\d\d:\d\d\.\d", result.stderr)
    assert "+00:00" not in result.stderr


# --- one grammar for every instant and every time of day ------------------------------

TIMES = {
    "9": "09:00",
    "09": "09:00",
    "9:00": "09:00",
    "21": "21:00",
    "21:00": "21:00",
    "21:00:00": "21:00",
    " 7:05 ": "07:05",
    "0": "00:00",
    "23:59:59": "23:59:59",
}


@pytest.mark.parametrize(("typed", "meant"), TIMES.items())
def test_every_time_of_day_form_means_the_same_time(capsys, typed, meant):
    args = ["--dose", "60", "--tz", "UTC", "--start", "2026-11-01", "--now", "2026-11-25T00:00"]
    by_form = answer(capsys, "schedule", *args, "--at", typed, "--days", "1", "--json")
    by_iso = answer(capsys, "schedule", *args, "--at", meant, "--days", "1", "--json")
    assert by_form == by_iso
    assert by_form[0] == 0


@pytest.mark.parametrize(
    "typed",
    [
        "8am",
        "24:00",
        "9:60",
        "08:00:00.5",
        "08:00,5",
        "8:0",
        "",
        "\u0668:\u0660\u0660",
        "\uff11:00",
        "-1",
    ],
)
def test_a_time_of_day_not_in_the_grammar_is_refused_naming_the_flag(capsys, typed):
    err = refused(
        capsys,
        "schedule",
        "--dose",
        "60",
        "--at",
        typed,
        "--tz",
        "UTC",
        "--start",
        "2026-11-01",
        *NOW,
    )
    assert err.startswith("duloxinfo: error: --at: ")
    assert "is not a time of day such as 08:00" in err


# Each form, and the instant it means with --now 2026-11-25T13:00 in Europe/London.
INSTANTS = {
    "2026-11-24T08:05": "2026-11-24T08:05:00+00:00",
    "2026-11-24 08:05": "2026-11-24T08:05:00+00:00",
    "2026-11-24T08:05:30": "2026-11-24T08:05:30+00:00",
    "2026-11-24T03:05-05:00": "2026-11-24T08:05:00+00:00",
    "2026-11-24T08:05Z": "2026-11-24T08:05:00+00:00",
    "2026-11-24": "2026-11-24T00:00:00+00:00",
    "now": "2026-11-25T13:00:00+00:00",
    "today 9": "2026-11-25T09:00:00+00:00",
    "today 08:00": "2026-11-25T08:00:00+00:00",
    "yesterday 8:05": "2026-11-24T08:05:00+00:00",
    "Yesterday 21:00:00": "2026-11-24T21:00:00+00:00",
}


@pytest.mark.parametrize(("typed", "meant"), INSTANTS.items())
def test_now_start_from_taken_and_not_sure_share_one_grammar(capsys, fixed_clock, typed, meant):
    # --now: its relative forms count from the current time (the fixed clock here).
    now_form = answer(capsys, "schedule", *REGIMEN, "--now", typed, "--days", "1", "--json")
    now_iso = answer(capsys, "schedule", *REGIMEN, "--now", meant, "--days", "1", "--json")
    assert now_form == now_iso
    assert json.loads(now_form[1])["start"] == meant
    from_form = answer(capsys, "schedule", *REGIMEN, *NOW, "--from", typed, "--json")
    assert json.loads(from_form[1])["start"] == meant
    start_form = answer(capsys, "plan", *REGIMEN[:6], "--start", typed, *NOW, "--json")
    assert json.loads(start_form[1])["phases"][0]["start"] == meant
    for flag in ("--taken", "--not-sure"):
        by_form = answer(capsys, "missed-dose", *REGIMEN, *NOW, flag, typed, "--json")
        by_iso = answer(capsys, "missed-dose", *REGIMEN, *NOW, flag, meant, "--json")
        assert by_form == by_iso
        assert by_form[0] == 0


def test_now_accepts_today_as_taken_does_and_counts_from_the_clock(capsys, fixed_clock):
    status, out, _ = answer(capsys, "missed-dose", *REGIMEN, "--now", "today 08:00", "--json")
    assert status == 0
    assert json.loads(out)["slot"] == "2026-11-25T08:00:00+00:00"


@pytest.mark.parametrize("flag", ["--stopped", "--starts"])
def test_interaction_times_share_the_grammar(capsys, fixed_clock, flag):
    base = ["interactions", "--tz", "Europe/London", *NOW, "--json"]
    by_form = answer(capsys, *base, flag, "phenelzine=yesterday 9")
    by_iso = answer(capsys, *base, flag, "phenelzine=2026-11-24T09:00+00:00")
    assert by_form == by_iso
    assert by_form[0] == 0


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("last week", "is not a date and time such as 2026-11-25T08:00"),
        ("today 25:00", "is not a time of day such as today 08:00"),
        ("2026-11-25T08:00:00.250", "has a fraction of a second"),
        ("0001-01-01T00:00+05:00", "is outside the supported years"),
        ("9999-12-31T23:00", "is outside the supported years"),
    ],
)
@pytest.mark.parametrize("flag", ["--now", "--start", "--taken", "--not-sure"])
def test_a_bad_instant_is_refused_the_same_way_by_every_flag(capsys, flag, typed, text):
    args = {**dict(zip(REGIMEN[::2], REGIMEN[1::2], strict=True)), "--now": NOW[1]}
    args[flag] = typed
    err = refused(capsys, "missed-dose", *[x for pair in args.items() for x in pair])
    assert err.startswith(f"duloxinfo: error: {flag}: {typed!r} {text}"), err


# --- zones are places ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("EST", "America/New_York"),
        ("MST", "America/Phoenix"),
        ("HST", "Pacific/Honolulu"),
        ("GMT", "Europe/London"),
        ("GMT+3", "such as Europe/London"),
        ("Etc/GMT-3", "such as Europe/London"),
        ("EST5EDT", "America/New_York"),
        ("US/Eastern", "America/New_York"),
        ("UCT", "give UTC"),
        ("Zulu", "give UTC"),
        ("CET", "Europe/Paris"),
        ("Lundon", "such as Europe/London"),
    ],
)
def test_a_zone_that_is_not_a_place_is_refused_with_the_place_meant(capsys, typed, meant):
    args = [*REGIMEN[:5], typed, *REGIMEN[6:], *NOW]
    err = refused(capsys, "missed-dose", *args)
    assert err.startswith(f"duloxinfo: error: --tz: {typed!r} "), err
    assert meant in err
    # The same rule wherever a zone is typed.
    err = refused(capsys, "interactions", "ibuprofen", "--tz", typed)
    assert err.startswith(f"duloxinfo: error: --tz: {typed!r} ")


def test_est_is_refused_because_it_never_changes_for_summer_time(capsys):
    err = refused(capsys, "schedule", *REGIMEN[:5], "EST", *REGIMEN[6:], *NOW)
    assert "never changes for summer time" in err
    # The reason: 21:00 EST is 22:00 on a New York clock in July.
    july = dt.datetime(2026, 7, 1, 21, tzinfo=ZoneInfo("EST"))
    assert july.astimezone(ZoneInfo("America/New_York")).hour == 22
    # The library itself keeps accepting any IANA zone.
    assert duloxinfo.Regimen(60, [dt.time(8)], "EST", july).tz.key == "EST"


@pytest.mark.parametrize(
    "typed", ["UTC", "Etc/UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Asia/Kolkata"]
)
def test_places_and_utc_are_accepted(capsys, typed):
    status, _, err = answer(capsys, "schedule", *REGIMEN[:5], typed, *REGIMEN[6:], *NOW)
    assert (status, err) == (0, "")


# --- history files ------------------------------------------------------------------

HISTORY = "at,dose_mg\n2026-11-24T08:05,60\n2026-11-24T13:00,60\n"


def audit(tmp_path, capsys, data):
    path = tmp_path / "taken.csv"
    path.write_bytes(data)
    return answer(capsys, "audit", *REGIMEN, "--history", str(path))


def test_a_spreadsheets_utf8_with_byte_order_mark_is_read(tmp_path, capsys):
    status, out, err = audit(tmp_path, capsys, HISTORY.encode("utf-8-sig"))
    assert (status, err) == (0, "")
    assert out.startswith("1 double dose in 2 intakes:")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (HISTORY.encode("utf-16"), "is not UTF-8 text (it looks like UTF-16); save it as UTF-8"),
        (HISTORY.encode("utf-16-le"), "is not UTF-8 text (it looks like UTF-16)"),
        (
            "at,dose_mg,note\n2026-11-24T08:05,60,café\n".encode("latin-1"),
            "is not UTF-8 text (byte 0xe9 at offset 39; it may be Latin-1",
        ),
        (b"at,dose_mg\n2026-11-24T08:05,60\xff\n", "is not UTF-8 text (byte 0xff"),
        ("at,dose_mg\n2026-11-24T08:05,6²\n".encode(), "row 1: dose_mg: '6²' is not a whole"),
        ("at,dose_mg\n2026-11-24T08:05,٦٠\n".encode(), "row 1: dose_mg: '٦٠' is not a whole"),
        (
            b"at,dose_mg\n2026-11-24T08:05," + b"6" * 200_000 + b"\n",
            "row 1: not CSV: 'field larger than field limit (131072)'",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "invalid JSON: nested too deeply"),
        (b'[{"at": "2026-11-24T08:05", "dose_mg": ' + b"6" * 5000 + b"}]", "a number too long"),
        (
            b'[{"at": "2026-11-24T08:05", "dose_mg": ' + b"6" * 4000 + b"}]",
            "item 1: dose_mg: (an integer of about 4000 digits)",
        ),
        (b"at,dose_mg\ntoday 08:00,60\n", "row 1: at: give a date and time, not one relative"),
    ],
)
def test_a_history_file_that_cannot_be_read_is_exit_2_naming_history(tmp_path, capsys, data, text):
    status, out, err = audit(tmp_path, capsys, data)
    assert (status, out) == (2, ""), err
    assert len(err.splitlines()) == 1
    assert len(err) < 400
    assert err.startswith("duloxinfo: error: --history: ")
    assert text in err


# --- each command offers the flags it uses ------------------------------------------

USES_NOW = {
    "missed-dose",
    "schedule",
    "supply",
    "adherence",
    "calendar",
    "plan",
    "titration",
    "interactions",
}
ALL = (*USES_NOW, "audit", "pdc", "fhir", "guide", "schema")


@pytest.mark.parametrize("command", ALL)
def test_now_is_offered_only_where_it_is_used(capsys, command):
    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    assert ("--now WHEN" in capsys.readouterr().out) == (command in USES_NOW)


@pytest.mark.parametrize("command", ["fhir", "audit"])
def test_now_on_a_command_that_ignores_it_is_a_usage_error(capsys, command):
    err = refused(capsys, command, *REGIMEN, *NOW, "--history", "-")
    assert "unrecognized arguments: --now" in err


# --- edges that were exit 1 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (
            [
                "supply",
                *REGIMEN,
                *NOW,
                "--strength",
                "60",
                "--count",
                "3",
                "--lead-days",
                "1000000000",
            ],
            "--lead-days: 1000000000 is not between 0 and 3660",
        ),
        (
            ["schedule", *REGIMEN, *NOW, "--from", "9998-12-31", "--days", "3660"],
            "--days: 3660 days from 9998-12-31 00:00 GMT go past the supported years",
        ),
        (["plan", *REGIMEN, *NOW, "--next", "1000"], "--next: 1000 is not between 1 and 100"),
        (["calendar", *REGIMEN, "--first", "9999-01-01", "--last", "9999-01-02"], "--first: "),
    ],
)
def test_edges_that_were_exit_1_are_exit_2_naming_the_flag(capsys, args, text):
    assert text in refused(capsys, *args)


# A few of each flag's values: good ones, and the edges that broke the command line.
EDGE_VALUES = (
    "0",
    "1",
    "-1",
    "60",
    "3660",
    "3661",
    "1000000000",
    "9" * 30,
    "08:00",
    "9",
    "24:00",
    "2026-11-01",
    "9998-12-31",
    "0001-01-01",
    "now",
    "today 08:00",
    "yesterday 9",
    "2026-11-25T13:00+14:00",
    "2026-11-01:60:30",
    "2026-11-01:25:0",
    "Europe/London",
    "EST",
    "UTC",
    "-",
    "",
    "x=now",
    "30 mg at 08:00 from 2026-11-01 to 2026-11-08",
    "60 mg at 08:00 and 20:00 from 9998-12-30",
)
VALUES = st.sampled_from(EDGE_VALUES) | st.text(max_size=8)
FLAGS = [
    "--dose",
    "--at",
    "--tz",
    "--start",
    "--now",
    "--titration",
    "--phase",
    "--taken",
    "--not-sure",
    "--from",
    "--before",
    "--fill",
    "--days",
    "--strength",
    "--count",
    "--lead-days",
    "--first",
    "--last",
    "--alarm",
    "--repeating",
    "--next",
    "--stopped",
    "--starts",
    "--json",
    "--answers",
    "--history",
    "--dosages",
    "--max-daily",
]


_PLAN = dict(zip(REGIMEN[::2], REGIMEN[1::2], strict=True))
# A good command line of each command, for the fuzz to change one flag at a time.
BASES = {
    "missed-dose": {**_PLAN, "--now": NOW[1]},
    "schedule": {**_PLAN, "--now": NOW[1]},
    "supply": {**_PLAN, "--now": NOW[1], "--strength": "60", "--count": "30"},
    "audit": {**_PLAN, "--history": "-"},
    "adherence": {**_PLAN, "--now": NOW[1], "--taken": "2026-11-24T08:00", "--from": "2026-11-01"},
    "pdc": {**_PLAN, "--fill": "2026-11-01:60:30", "--first": "2026-11-01", "--last": "2026-12-31"},
    "fhir": _PLAN,
    "calendar": {**_PLAN, "--now": NOW[1], "--first": "2026-12-01", "--last": "2026-12-02"},
    "plan": {**_PLAN, "--now": NOW[1]},
    "titration": {**_PLAN, "--now": NOW[1]},
    "interactions": {"--tz": "Europe/London", "--now": NOW[1], "--stopped": "phenelzine=now"},
    "guide": {},
    "schema": {},
}
_SWITCHES = {"--json", "--titration", "--answers", "--repeating"}


@settings(max_examples=min(400, settings.default.max_examples), deadline=None)
@given(
    st.sampled_from(sorted(BASES)),
    st.lists(st.tuples(st.sampled_from(FLAGS), VALUES), max_size=4),
    st.booleans(),
)
def test_no_combination_of_flags_is_exit_1(command, changes, from_scratch):
    # A good command line with some flags changed or added (or, from scratch, only the
    # changes). "-" for a file reads the test runner's standard input, which refuses:
    # exit 2 too.
    flags = {} if from_scratch else dict(BASES[command])
    flags.update(changes)
    argv = [command]
    for flag, value in flags.items():
        argv += [flag] if flag in _SWITCHES else [flag, value]
    status, err = run_cli(*argv)
    assert status in {0, 2}, err


@pytest.mark.parametrize("flag", ["--history", "--dosages"])
def test_a_standard_input_that_cannot_be_read_is_exit_2(capsys, flag):
    # pytest's standard input refuses to be read, as a closed one would.
    args = ["titration", *REGIMEN, *NOW] if flag == "--history" else ["plan", "--tz", "UTC"]
    err = refused(capsys, *args, flag, "-")
    assert err.startswith(f"duloxinfo: error: {flag}: cannot read '-': ")
    assert "None" not in err


def test_a_wall_time_without_a_zone_is_refused(capsys):
    err = refused(capsys, "interactions", "--stopped", "phenelzine=today 08:00", *NOW[:1], "now")
    assert err == "duloxinfo: error: --stopped: 'today 08:00' is a wall time; give --tz\n"


def test_a_file_over_10_mb_is_refused(capsys, tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"at,dose_mg\n" + b"x" * _values.MAX_HISTORY_BYTES)
    err = refused(capsys, "audit", *REGIMEN, "--history", str(path))
    assert err.endswith("is over 10,000,000 bytes\n")


def test_a_deeply_nested_dosages_file_is_refused(capsys, tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes(b"[" * 100_000)
    err = refused(capsys, "plan", "--tz", "UTC", "--dosages", str(path))
    assert err.endswith(": invalid JSON: nested too deeply\n")


def test_errors_map_to_flags_by_their_field_alone_and_one_no_flag_gives_is_kept():
    error = duloxinfo.ScheduleError("phases", "no regimen given")
    assert str(_values.flagged(error)) == "phases: no regimen given"
    assert str(_values.flagged(duloxinfo.ScheduleError("times[1]", "bad"))) == "--at: bad"
    # The field decides, not the message: a detail that looks like another field is text.
    tricky = duloxinfo.DoseError("dose_mg", "times: 45 mg")
    assert str(_values.flagged(tricky)) == "--dose: times: 45 mg"
    assert str(_values.flagged(duloxinfo.DoseError("", "dose_mg: 45"))) == "dose_mg: 45"


def _options(name):
    """The long options ``duloxinfo NAME`` offers."""
    (command,) = [c for c in COMMANDS if c.name == name]
    parser = _parser.Parser()
    command.module().options(parser)
    return sorted({o for a in parser._actions for o in a.option_strings if o.startswith("--")})


@pytest.mark.parametrize("command", sorted(BASES))
def test_a_sweep_of_every_flag_with_every_edge_value_is_never_exit_1(command):
    # Each flag the command offers, set to each edge value, in a good command line.
    for flag in _options(command):
        if flag in {"--help", "--output", "--svg", *_SWITCHES}:  # --output, --svg write a file
            continue
        for value in EDGE_VALUES:
            argv = [command]
            for name, given_value in {**BASES[command], flag: value}.items():
                argv += [name, given_value]
            status, err = run_cli(*argv)
            assert status in {0, 2}, (argv, err)
    if command == "schedule":  # its edge needs two flags at once
        edge = run_cli(command, *REGIMEN, *NOW, "--from", "9998-12-31", "--days", "3660")
        assert edge[0] == 2


@pytest.mark.parametrize(
    ("tz", "typed"),
    [
        ("America/New_York", "9999-12-31T23:00"),  # 10000-01-01 in UTC
        ("Asia/Tokyo", "0001-01-01T00:00"),  # the year 0 in UTC
        ("Asia/Tokyo", "today 08:00"),  # with --now at the very start of the years
    ],
)
def test_a_wall_time_whose_instant_leaves_the_years_is_refused_naming_its_flag(capsys, tz, typed):
    now = "0001-01-01T00:30+00:00" if typed.startswith("today") else NOW[1]
    args = ["--dose", "60", "--at", "08:00", "--tz", tz, "--start", typed, "--now", now]
    err = refused(capsys, "missed-dose", *args)
    assert err.startswith("duloxinfo: error: --"), err
    assert "is outside the supported years" in err, err
