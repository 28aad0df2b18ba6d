"""``duloxinfo adherence``: the dose log and the adherence figures of a period."""

import contextlib
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import cli
from duloxinfo.cli import _output

REGIMEN = ["--dose", "60", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01"]
NOW = ["--now", "2026-11-25T13:00"]
WEEK = ["--from", "2026-11-01", "--before", "2026-11-08"]
HISTORY = (
    "at,dose_mg,certain\n"
    "2026-11-01T08:10,60,yes\n"
    "2026-11-02T07:50,60,yes\n"
    "2026-11-03T11:30,60,yes\n"
    "2026-11-05T08:00,60,no\n"
    "2026-11-06T05:00,60,yes\n"
    "2026-11-07T08:00,60,yes\n"
    "2026-11-07T09:00,60,yes\n"
)
LONDON = "Europe/London"


def run(capsys, *args):
    status = cli.main(["adherence", *args])
    out, err = capsys.readouterr()
    return status, out, err


def ok(capsys, *args):
    status, out, err = run(capsys, *args)
    assert (status, err) == (0, ""), err
    return out


def refused(capsys, *args):
    status, out, err = run(capsys, *args)
    assert (status, out, len(err.splitlines())) == (2, "", 1), err
    return err


@pytest.fixture
def history(tmp_path):
    path = tmp_path / "taken.csv"
    path.write_text(HISTORY, encoding="utf-8")
    return str(path)


def library(history_text=HISTORY):
    """The plan, intakes and period of the examples, built with the library itself."""
    plan = duloxinfo.Regimen(60, [dt.time(8)], LONDON, dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    intakes = []
    for line in history_text.splitlines()[1:]:
        at, dose, certain = line.split(",")
        instant = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)  # GMT in November
        intakes.append(duloxinfo.Intake(instant, int(dose), certain == "yes"))
    zone = ZoneInfo(LONDON)  # the period in --tz, as the command line reads it
    start, end = dt.datetime(2026, 11, 1, tzinfo=zone), dt.datetime(2026, 11, 8, tzinfo=zone)
    return plan, intakes, start, end


def test_the_text_gives_each_figure_its_definition_the_counts_and_the_doses_not_on_time(
    capsys, history
):
    out = ok(capsys, *REGIMEN, *NOW, "--history", history, *WEEK)
    assert out.splitlines() == [
        "Period:          Sun 2026-11-01 00:00 GMT to Sun 2026-11-08 00:00 GMT (not",
        "                 included)",
        "Scheduled doses: 7",
        "What happened:   3 on time, 1 early, 1 late, 1 missed, 1 not sure",
        "Taking:          71% (5 of 7 doses): the share of scheduled doses taken",
        "Timing:          43% (3 of 7 doses): the share of scheduled doses taken on",
        "                 time (within 2 hours of the time once a day, 1 hour twice a",
        "                 day)",
        "Correct dosing:  57% (4 of 7 days): the share of days with exactly the",
        "                 scheduled doses and no extra dose",
        "Longest gap:     2 days 17 h 30 min: the longest time in the period with no",
        "                 dose taken",
        "Drug holidays:   0: the runs of scheduled doses, 3 days' worth or more in a",
        "                 row, with no dose taken",
        "Extra doses:     1: doses taken beyond the scheduled ones",
        "Counting the doses you are not sure of as taken: taking 86%, timing 57%,",
        "correct dosing 71%, longest gap 1 day 20 h 30 min, drug holidays 0.",
        "Doses not taken on time, or with an extra dose:",
        "  Tue 2026-11-03 08:00 GMT  60 mg  late, taken 3 h 30 min after its time",
        "  Wed 2026-11-04 08:00 GMT  60 mg  missed",
        "  Thu 2026-11-05 08:00 GMT  60 mg  not sure, maybe taken at its time",
        "  Fri 2026-11-06 08:00 GMT  60 mg  early, taken 3 h 00 min before its time",
        "  Sat 2026-11-07 08:00 GMT  60 mg  on time, taken at its time, and 1 extra dose",
        "",
        "Not medical advice: follow your prescriber's directions.",
    ]


def test_the_json_is_the_librarys_figures_and_log(capsys, history):
    data = json.loads(ok(capsys, *REGIMEN, *NOW, "--history", history, *WEEK, "--json"))
    plan, intakes, start, end = library()
    figures = duloxinfo.adherence(plan, intakes, start, end)
    log = duloxinfo.dose_log(plan, intakes, start, end)
    assert (data["prescribed"], data["taken"], data["unsure"], data["on_time"]) == (
        figures.prescribed,
        figures.taken,
        figures.unsure,
        figures.on_time,
    )
    assert (data["taking"], data["timing"], data["correct_dosing"]) == (
        figures.taking,
        figures.timing,
        figures.correct_dosing,
    )
    assert (data["longest_gap"], data["longest_gap_with_unsure"]) == ("P2DT17H30M", "P1DT20H30M")
    assert [(d["at"][:10], d["status"], d["offset"], d["extra"]) for d in data["doses"]] == [
        ("2026-11-01", "on-time", "PT10M", 0),
        ("2026-11-02", "on-time", "-PT10M", 0),
        ("2026-11-03", "late", "PT3H30M", 0),
        ("2026-11-04", "missed", None, 0),
        ("2026-11-05", "not-sure", "P0D", 0),
        ("2026-11-06", "early", "-PT3H", 0),
        ("2026-11-07", "on-time", "P0D", 1),
    ]
    assert [d["status"] for d in data["doses"]] == [d.status.value for d in log.doses]
    assert data["doses"][6]["intakes"] == [
        {"at": "2026-11-07T08:00:00+00:00", "dose_mg": 60, "certain": True},
        {"at": "2026-11-07T09:00:00+00:00", "dose_mg": 60, "certain": True},
    ]
    assert data["doses"][0]["on_time_within"] == "PT2H"
    assert data["unscheduled"] == []


def test_taken_not_sure_and_history_together_are_one_history(capsys, tmp_path):
    path = tmp_path / "taken.csv"
    path.write_text("at,dose_mg\n2026-11-01T08:00,60\n", encoding="utf-8")
    args = [*REGIMEN, *NOW, "--from", "2026-11-01", "--before", "2026-11-04", "--json"]
    data = json.loads(
        ok(
            capsys,
            *args,
            "--history",
            str(path),
            "--taken",
            "2026-11-02T08:30",
            "--not-sure",
            "2026-11-03T08:00",
        )
    )
    assert [d["status"] for d in data["doses"]] == ["on-time", "on-time", "not-sure"]
    assert [i["certain"] for d in data["doses"] for i in d["intakes"]] == [True, True, False]


def test_an_intake_belonging_to_no_dose_is_unscheduled(capsys):
    data = json.loads(
        ok(
            capsys,
            *REGIMEN,
            *NOW,
            "--taken",
            "2026-10-20T08:00",
            "--from",
            "2026-10-15",
            "--before",
            "2026-11-02",
            "--json",
        )
    )
    assert data["unscheduled"] == [
        {"at": "2026-10-20T08:00:00+01:00", "dose_mg": 60, "certain": True}
    ]
    assert (data["extra"], data["prescribed"]) == (1, 1)


def test_to_defaults_to_now(capsys):
    data = json.loads(ok(capsys, *REGIMEN, *NOW, "--from", "2026-11-24", "--json"))
    assert (data["start"], data["end"]) == (
        "2026-11-24T00:00:00+00:00",
        "2026-11-25T13:00:00+00:00",
    )
    assert [d["at"] for d in data["doses"]] == [
        "2026-11-24T08:00:00+00:00",
        "2026-11-25T08:00:00+00:00",
    ]


def test_a_period_with_no_scheduled_dose_has_no_shares(capsys):
    args = [*REGIMEN, *NOW, "--from", "2026-10-01", "--before", "2026-10-05"]
    out = ok(capsys, *args)
    assert "Taking:          none (no scheduled dose in the period)" in out
    assert "Longest gap:     4 days: the longest" in out
    assert "Doses not taken on time" not in out
    assert "not sure of as taken" not in out
    data = json.loads(ok(capsys, *args, "--json"))
    assert (data["taking"], data["timing"], data["correct_dosing"], data["doses"]) == (
        None,
        None,
        None,
        [],
    )


def test_the_list_of_doses_not_on_time_is_bounded(capsys):
    out = ok(capsys, *REGIMEN, *NOW, "--from", "2026-11-01")
    lines = out.splitlines()
    listed = lines[lines.index("Doses not taken on time, or with an extra dose:") + 1 : -2]
    assert len(listed) == _output.MOST_LISTED + 1
    assert listed[-1] == "  and 5 more (all of them: --json)"
    assert "Drug holidays:   1: " in out
    data = json.loads(ok(capsys, *REGIMEN, *NOW, "--from", "2026-11-01", "--json"))
    assert len(data["doses"]) == 25


def test_a_twice_daily_dose_has_the_one_hour_window(capsys):
    twice = ["--dose", "30", "--at", "8", "--at", "20", "--tz", "UTC", "--start", "2026-11-01"]
    data = json.loads(
        ok(
            capsys,
            *twice,
            *NOW,
            "--taken",
            "2026-11-01T09:00",
            "--taken",
            "2026-11-01T21:01",
            "--from",
            "2026-11-01",
            "--before",
            "2026-11-02",
            "--json",
        )
    )
    assert [(d["status"], d["on_time_within"]) for d in data["doses"]] == [
        ("on-time", "PT1H"),
        ("late", "PT1H"),
    ]


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (
            ["--from", "2026-11-01", "--before", "2026-11-26"],
            (
                "--before: '2026-11-26' (2026-11-26 00:00 GMT) is after now "
                "(2026-11-25 13:00 GMT); the doses still ahead would count as missed"
            ),
        ),
        (
            ["--from", "2026-11-10", "--before", "2026-11-05"],
            "--before: 2026-11-05 00:00 GMT is before --from (2026-11-10 00:00 GMT)",
        ),
        (
            ["--from", "2026-11-26"],
            (
                "--from: '2026-11-26' (2026-11-26 00:00 GMT) is after now "
                "(2026-11-25 13:00 GMT); give a period that has begun"
            ),
        ),
        (
            ["--from", "2000-01-01"],
            (
                "--from: 2000-01-01 00:00 GMT is more than 3660 days before the end of the "
                "period (2026-11-25 13:00 GMT); give a shorter period"
            ),
        ),
        (["--from", "0001-01-01"], "--from: '0001-01-01' is outside the supported years"),
        (["--from", "2026-11-01", "--before", "soon"], "--before: 'soon' is not a date and time"),
        (["--from", "2026-11-01", "--taken", "2026-11-25T14:00"], "--taken: '2026-11-25T14:00'"),
        (["--from", "2026-11-01", "--history", "/no/such/file.csv"], "--history: cannot read"),
    ],
)
def test_bad_input_is_exit_2_naming_the_flag(capsys, args, text):
    assert text in refused(capsys, *REGIMEN, *NOW, *args)


def test_from_is_required(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["adherence", *REGIMEN, *NOW, "--before", "2026-11-02"])
    assert stop.value.code == 2
    assert "the following arguments are required: --from" in capsys.readouterr().err


def test_a_history_dose_after_now_is_refused(capsys, tmp_path):
    path = tmp_path / "taken.csv"
    path.write_text("at,dose_mg\n2026-11-26T08:00,60\n", encoding="utf-8")
    err = refused(capsys, *REGIMEN, *NOW, "--history", str(path), "--from", "2026-11-01")
    assert err == (
        "duloxinfo: error: --history: a dose at 2026-11-26 08:00 GMT is after now "
        "(2026-11-25 13:00 GMT); give only doses already taken\n"
    )


def test_the_repeated_hour_of_a_clock_change_is_compared_in_real_time(capsys):
    # 01:30 BST comes before 01:10 GMT on 25 October 2026: --before is not after --now.
    args = [*REGIMEN[:-1], "2026-10-01", "--from", "2026-10-24"]
    data = json.loads(
        ok(
            capsys,
            *args,
            "--now",
            "2026-10-25T01:10+00:00",
            "--before",
            "2026-10-25T01:30+01:00",
            "--json",
        )
    )
    assert data["end"] == "2026-10-25T01:30:00+01:00"
    err = refused(
        capsys, *args, "--now", "2026-10-25T01:30+01:00", "--before", "2026-10-25T01:10+00:00"
    )
    assert "--before: '2026-10-25T01:10+00:00' (2026-10-25 01:10 GMT) is after now" in err


@settings(max_examples=30, deadline=None)
@given(
    days=st.lists(st.integers(0, 20), max_size=25),
    minutes=st.integers(-300, 300),
    first=st.integers(0, 10),
    length=st.integers(0, 14),
)
def test_every_slot_of_the_period_is_in_the_json_once_as_the_library_logs_it(
    days, minutes, first, length
):
    base = dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC)
    taken = [base + dt.timedelta(days=d, minutes=minutes) for d in days]
    start = base.replace(hour=0) + dt.timedelta(days=first)
    end = start + dt.timedelta(days=length)
    args = ["--dose", "60", "--at", "08:00", "--tz", "UTC", "--start", "2026-11-01"]
    argv = ["adherence", *args, *NOW, "--from", start.isoformat(), "--before", end.isoformat()]
    argv += [*(x for t in taken for x in ("--taken", t.isoformat())), "--json"]
    out = _quiet(argv)
    data = json.loads(out)
    plan = duloxinfo.Regimen(60, [dt.time(8)], "UTC", base.replace(hour=0))
    intakes = [duloxinfo.Intake(t, 60) for t in taken]
    log = duloxinfo.dose_log(plan, intakes, start, end)
    slots = [d["at"] for d in data["doses"]]
    assert slots == [d.slot.isoformat() for d in log.doses]
    assert len(set(slots)) == len(slots) == length
    assert [d["status"] for d in data["doses"]] == [d.status.value for d in log.doses]
    figures = duloxinfo.adherence(plan, intakes, start, end)
    assert (data["taking"], data["timing"], data["drug_holidays"]) == (
        figures.taking,
        figures.timing,
        figures.drug_holidays,
    )


def _quiet(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    assert (status, err.getvalue()) == (0, ""), err.getvalue()
    return out.getvalue()


# --- the picture ----------------------------------------------------------------------


def test_svg_writes_the_librarys_picture_of_the_log_in_utf8(capsys, history, tmp_path):
    path = tmp_path / "doses.svg"
    out = ok(capsys, *REGIMEN, *NOW, "--history", history, *WEEK, "--svg", str(path))
    assert out.endswith(f"Wrote the picture to {path}.\n\n{cli._parser.NOT_ADVICE}\n")
    plan, intakes, start, end = library()
    expected = duloxinfo.dose_log_svg(duloxinfo.dose_log(plan, intakes, start, end))
    assert path.read_bytes() == expected.encode("utf-8")
    root = ET.fromstring(path.read_bytes())  # noqa: S314 - our own output; well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert path.read_text(encoding="utf-8").count('class="dose"') == 7


def test_svg_with_json_keeps_standard_output_json(capsys, tmp_path):
    path = tmp_path / "doses.svg"
    out = ok(capsys, *REGIMEN, *NOW, "--from", "2026-11-20", "--svg", str(path), "--json")
    assert len(json.loads(out)["doses"]) == 6
    assert path.read_text(encoding="utf-8").count('class="dose"') == 6


@pytest.mark.parametrize("where", ["no-such-folder/doses.svg", "."])
def test_an_svg_that_cannot_be_written_is_exit_2_naming_svg(capsys, tmp_path, monkeypatch, where):
    monkeypatch.chdir(tmp_path)
    err = refused(capsys, *REGIMEN, *NOW, "--from", "2026-11-20", "--svg", where)
    assert err.startswith(f"duloxinfo: error: --svg: cannot write '{where}': "), err


def test_no_svg_is_written_for_bad_input(capsys, tmp_path):
    path = tmp_path / "doses.svg"
    refused(capsys, *REGIMEN, *NOW, "--from", "2026-11-26", "--svg", str(path))
    assert not path.exists()


def test_a_dose_whose_time_to_take_has_not_passed_is_due_not_missed(capsys):
    # Asked a minute after the 5th's 08:00 dose (the period ends now): missed-dose says to
    # take it now, so the log must not call it missed, nor count it in any figure.
    args = [*REGIMEN, "--now", "2026-11-05T08:01", "--from", "2026-11-02"]
    taken = [x for d in (2, 3, 4) for x in ("--taken", f"2026-11-0{d}T08:00")]
    out = ok(capsys, *args, *taken)
    assert "Scheduled doses: 3, and 1 still due (not counted yet)" in out
    assert "What happened:   3 on time, 0 early, 0 late, 0 missed, 0 not sure, 1 due" in out
    assert "Thu 2026-11-05 08:00 GMT  60 mg  due" in out
    data = json.loads(ok(capsys, *args, *taken, "--json"))
    assert (data["prescribed"], data["due"], data["taking"]) == (3, 1, 1.0)
    assert data["doses"][-1]["status"] == "due"
    assert cli.main(["missed-dose", *args[:-2], *taken]) == 0
    assert "Action:          take-now (60 mg)" in capsys.readouterr().out
