"""dose_times: the schedule in the regimen's zone, and the spans it refuses."""

import datetime as dt

import pytest

import duloxinfo
from duloxinfo import Regimen
from support.times import LONDON, at, daily, jan, same

R = Regimen(60, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 5, 8, tzinfo=LONDON))


def test_dose_times_lists_the_schedule_and_refuses_a_bad_span():
    r = daily(start=at(2026, 1, 5, 8))
    assert duloxinfo.dose_times(r, at(2026, 1, 1), at(2026, 1, 7)) == (
        at(2026, 1, 5, 8, tz=LONDON),
        at(2026, 1, 6, 8, tz=LONDON),
    )
    assert duloxinfo.dose_times(r, at(2025, 1, 1), at(2025, 2, 1)) == ()
    with pytest.raises(
        duloxinfo.ScheduleError, match=r"end: 2026-01-01T00:00:00\+00:00 is before start"
    ):
        duloxinfo.dose_times(r, at(2026, 1, 2), at(2026, 1, 1))
    with pytest.raises(duloxinfo.ScheduleError, match="more than 3660 days after start"):
        duloxinfo.dose_times(r, at(2026, 1, 1), at(2036, 12, 1))
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="end: "):
        duloxinfo.dose_times(r, at(2026, 1, 1), dt.datetime(2026, 1, 2))


def test_dose_times_are_in_the_regimens_zone_and_its_limits_are_exact():
    times = duloxinfo.dose_times(R, jan(6, 0), jan(8, 0))
    same(times, (jan(6, 8), jan(7, 8)))
    assert duloxinfo.dose_times(R, jan(6, 8), jan(6, 8)) == ()
    assert duloxinfo.dose_times(R, jan(6, 8), jan(6, 8, 1)) == (jan(6, 8),)
    longest = dt.timedelta(days=duloxinfo.MAX_SCHEDULE_DAYS)
    assert len(duloxinfo.dose_times(R, jan(6, 0), jan(6, 0) + longest)) > 3600
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="start: 2026-01-06T00:00:00 has"):
        duloxinfo.dose_times(R, dt.datetime(2026, 1, 6), jan(8, 0))


def test_dose_times_of_a_plan_are_each_in_their_phases_zone_and_skip_the_pause():
    home = Regimen(30, [dt.time(8)], "Europe/London", at(2026, 1, 5), end=at(2026, 1, 7))
    away = Regimen(60, [dt.time(8), dt.time(20)], "Asia/Tokyo", at(2026, 1, 8))
    tokyo = away.tz
    plan = duloxinfo.Plan([home, away])
    same(
        duloxinfo.dose_times(plan, at(2026, 1, 1), at(2026, 1, 9)),
        (
            jan(5, 8),
            jan(6, 8),
            dt.datetime(2026, 1, 8, 20, tzinfo=tokyo),
            dt.datetime(2026, 1, 9, 8, tzinfo=tokyo),
        ),
    )
