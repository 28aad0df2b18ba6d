"""Regimen: the label's regimens accepted, stored normalised; the edges of its checks.

Every refused input, with its exact error, is in the bad-input table
(``support/bad_input.py``), which test_errors.py runs.
"""

import datetime as dt

import pytest

import duloxinfo
from duloxinfo import Intake, Regimen
from support.times import UTC, at

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)


def test_valid_regimens_are_the_labels():
    assert Regimen(50, [dt.time(8)], "UTC", at(2026, 1, 1)).daily_dose_mg == 50  # 20 + 30
    assert Regimen(60, [dt.time(20), dt.time(8)], "UTC", at(2026, 1, 1)).times == (
        dt.time(8),
        dt.time(20),
    )
    assert Regimen(120, [dt.time(8)], "UTC", at(2026, 1, 1)).doses_per_day == 1


def test_validation_edges():
    class NoOffset(dt.tzinfo):
        def utcoffset(self, value):
            return None

    with pytest.raises(duloxinfo.NaiveDatetimeError, match="start: "):
        Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=NoOffset()))
    assert Regimen(60, [dt.time(8)], "UTC", dt.datetime(2, 1, 1, tzinfo=UTC)).start.year == 2
    assert Intake(START, 1200).dose_mg == 1200  # the first dose past the lookup table
    with pytest.raises(duloxinfo.DoseError, match="dose_mg: 1 mg cannot be made"):
        Intake(START, 1)
    assert Regimen(60, dt.time(8), "UTC", START).times == (dt.time(8),)
    with pytest.raises(duloxinfo.WrongTypeError, match="got int 5"):
        Regimen(60, 5, "UTC", START)


def test_twice_daily_times_must_be_half_a_day_apart_on_the_clock():
    # Issue case 5: 08:00 and 08:01 were taken as a twice-daily regimen of 120 mg a day.
    with pytest.raises(
        duloxinfo.ScheduleError,
        match=r"^times: 08:00:00 and 08:01:00 are 0 h 01 min apart on the clock; twice daily "
        r"times must be at least 6 h 00 min apart \(half the time between doses\)$",
    ):
        Regimen(60, [dt.time(8), dt.time(8, 1)], "UTC", START)
    # Across midnight too: 20:01 to 02:00 is 5 h 59 min.
    with pytest.raises(duloxinfo.ScheduleError, match="20:01:00 and 02:00:00 are 5 h 59 min"):
        Regimen(30, [dt.time(2), dt.time(20, 1)], "UTC", START)
    exactly = Regimen(30, [dt.time(8), dt.time(14)], "UTC", START)
    assert (exactly.interval, exactly.spacing) == (dt.timedelta(hours=12), dt.timedelta(hours=6))
    once = Regimen(60, [dt.time(8)], "UTC", START)
    assert (once.interval, once.spacing) == (dt.timedelta(hours=24), dt.timedelta(hours=12))


def test_an_end_is_exclusive_and_must_leave_a_dose():
    start = at(2026, 1, 5)
    with pytest.raises(duloxinfo.ScheduleError, match=r"^end: 2026-01-05T00:00:00\+00:00 is not"):
        Regimen(30, [dt.time(8)], "UTC", start, end=start)
    with pytest.raises(duloxinfo.ScheduleError, match="is not after start"):
        Regimen(30, [dt.time(8)], "UTC", start, end=start - dt.timedelta(days=1))
    # The only dose would be at 08:00, and the end at 08:00 excludes it.
    with pytest.raises(
        duloxinfo.ScheduleError,
        match=r"leaves no dose after start \(2026-01-05T00:00:00\+00:00\); the first would be "
        r"at 2026-01-05T08:00:00\+00:00$",
    ):
        Regimen(30, [dt.time(8)], "UTC", start, end=at(2026, 1, 5, 8))
    one = Regimen(30, [dt.time(8)], "UTC", start, end=at(2026, 1, 5, 8) + dt.timedelta(0, 0, 1))
    week = Regimen(30, [dt.time(8)], "UTC", start, end=at(2026, 1, 12, 8))
    later = dt.datetime(2026, 2, 1, tzinfo=UTC)
    assert duloxinfo.dose_times(one, start, later) == (at(2026, 1, 5, 8, tz=one.tz),)
    assert len(duloxinfo.dose_times(week, start, later)) == 7  # 5 to 11 January, not the 12th
    with pytest.raises(duloxinfo.NaiveDatetimeError, match=r"^end: "):
        Regimen(30, [dt.time(8)], "UTC", start, end=dt.datetime(2026, 2, 1))
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^end: expected an aware datetime"):
        Regimen(30, [dt.time(8)], "UTC", start, end="2026-02-01")


def test_times_of_day_are_whole_seconds():
    # Issue 15: a time with microseconds lost them on the way through FHIR's timeOfDay.
    with pytest.raises(
        duloxinfo.ScheduleError,
        match=r"^times\[1\]: 08:00:00\.000001 has a fraction of a second; give whole seconds",
    ):
        Regimen(30, [dt.time(20), dt.time(8, 0, 0, 1)], "UTC", START)
    with pytest.raises(duloxinfo.ScheduleError, match=r"^times\[0\]: 23:59:59\.999999 has a"):
        Regimen(60, dt.time(23, 59, 59, 999_999), "UTC", START)
    assert Regimen(60, dt.time(23, 59, 59), "UTC", START).times == (dt.time(23, 59, 59),)
