"""``duloxinfo pdc``: the proportion of days covered by pharmacy fills."""

import datetime as dt
import json

import pytest

import duloxinfo
from duloxinfo import cli

REGIMEN = ["--dose", "60", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01"]


def run(capsys, *args):
    status = cli.main(["pdc", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_two_fills_a_month_apart_overlap_and_are_shifted_forward(capsys):
    # By hand: 30 capsules from 1 Nov cover 1-30 Nov; the fill of 25 Nov is shifted to
    # start on 1 Dec and covers 1-30 Dec; 31 Dec to 31 Jan (32 days) are not covered.
    # 60 of the 92 days with a dose: 65.2%, under 80%.
    args = [*REGIMEN, "--fill", "2026-11-01:60:30", "--fill", "2026-11-25 : 60 : 30"]
    status, out, err = run(capsys, *args, "--first", "2026-11-01", "--last", "2027-01-31")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Period:           2026-11-01 to 2027-01-31 (both included)",
        "Days with a dose: 92",
        "Days covered:     60: days with a dose that the fills cover",
        "PDC:              65.2%: the proportion of days covered, as the Pharmacy",
        "                  Quality Alliance defines it; 80% or more: no",
        "Days not covered:",
        "  2026-12-31 to 2027-01-31",
        "Fill of 2026-11-01: 30 x 60 mg, used 2026-11-01 to 2026-11-30 (30 days)",
        "Fill of 2026-11-25: 30 x 60 mg, used 2026-12-01 to 2026-12-30 (30 days)",
    ]


def test_the_json_is_the_librarys_answer(capsys):
    args = [*REGIMEN, "--fill", "2026-11-01:30:60", "--first", "2026-11-01", "--last", "2026-12-15"]
    status, out, _ = run(capsys, *args, "--json")
    data = json.loads(out)
    plan = duloxinfo.Regimen(
        60, [dt.time(8)], "Europe/London", dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    )
    fills = [duloxinfo.Fill(dt.date(2026, 11, 1), 30, 60)]
    expected = duloxinfo.proportion_of_days_covered(
        plan, fills, dt.date(2026, 11, 1), dt.date(2026, 12, 15)
    )
    assert status == 0
    assert (data["pdc"], data["days_covered"], data["days_in_period"]) == (
        expected.pdc,
        expected.days_covered,
        expected.days_in_period,
    )
    assert data["coverage"][0] == {
        "fill": {"dispensed_on": "2026-11-01", "strength_mg": 30, "capsules": 60},
        "starts_on": "2026-11-01",
        "ends_on": "2026-11-30",
        "days_supply": 30,
    }
    assert data["gaps"] == [["2026-12-01", "2026-12-15"]]


def test_no_fill_covers_nothing_and_the_fills_listed_are_bounded(capsys):
    status, out, _ = run(capsys, *REGIMEN, "--first", "2026-11-01", "--last", "2026-11-02")
    assert status == 0
    assert "Days covered:     0: " in out
    fills = [x for m in range(1, 13) for x in ("--fill", f"2026-{m:02d}-01:60:1")]
    fills += [x for m in range(1, 13) for x in ("--fill", f"2027-{m:02d}-01:60:1")]
    status, out, _ = run(capsys, *REGIMEN, *fills, "--first", "2026-11-01", "--last", "2027-12-31")
    assert status == 0
    assert out.splitlines()[-1] == "and 4 more fills (--json)"
    # One capsule every other day: a gap of one day after each, 25 gaps in 50 days.
    days = [dt.date(2026, 11, 1) + dt.timedelta(days=d) for d in range(0, 50, 2)]
    odd = [x for d in days for x in ("--fill", f"{d.isoformat()}:60:1")]
    status, out, _ = run(capsys, *REGIMEN, *odd, "--first", "2026-11-01", "--last", "2026-12-20")
    assert "  2026-11-02 to 2026-11-02\n" in out
    assert "  and 5 more (all of them: --json)\n" in out
    # The second fill is shifted forward to 1 December, after the period.
    two = ["--fill", "2026-11-01:60:30", "--fill", "2026-11-02:60:30"]
    status, out, _ = run(capsys, *REGIMEN, *two, "--first", "2026-11-01", "--last", "2026-11-02")
    assert out.splitlines()[-1] == "Fill of 2026-11-02: 30 x 60 mg, not used in the period"


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--fill", "60 x 30"], "--fill: '60 x 30' is not DATE:MG:COUNT, such as 2026-11-01:60:30"),
        (["--fill", "2026-11-01:25:30"], "--fill: '2026-11-01:25:30': strength_mg: 25 is not"),
        (["--fill", "2026-11-01:60:0"], "--fill: '2026-11-01:60:0': capsules: "),
        (["--fill", "2026-13-01:60:30"], "--fill: '2026-13-01' is not a date"),
        (["--fill", "9999-01-01:60:30"], "--fill: '9999-01-01' is outside the supported years"),
        (["--last", "2026-10-31"], "--last: 2026-10-31 is before the first day, 2026-11-01"),
        (["--first", "2026-10-01", "--last", "2026-10-05"], "--last: the plan schedules no dose"),
        (["--last", "tomorrow"], "--last: 'tomorrow' is not a date such as 2026-12-01"),
    ],
)
def test_bad_input_is_exit_2_naming_the_flag(capsys, args, text):
    given = {"--first": "2026-11-01", "--last": "2026-12-31"}
    given.update(zip(args[::2], args[1::2], strict=True))
    argv = [*REGIMEN, *(x for item in given.items() for x in item)]
    status, out, err = run(capsys, *argv)
    assert (status, out, len(err.splitlines())) == (2, "", 1), err
    assert err.startswith("duloxinfo: error: " + text), err
