"""dose_times and next_doses: the schedule in the regimen's zone, and the spans it refuses."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Regimen
from support.strategies import plans
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


# -- next_doses: one way to list the doses ahead ------------------------------------------------


@given(plans(), st.integers(-24 * 40, 24 * 400), st.integers(1, duloxinfo.MAX_NEXT_DOSES))
def test_next_doses_are_the_first_of_dose_times_from_now(plan, hours, count):
    now = duloxinfo.rules._inputs.as_plan(plan).phases[0].start + dt.timedelta(hours=hours)
    ahead = duloxinfo.dose_times(plan, now, now + dt.timedelta(days=duloxinfo.MAX_SCHEDULE_DAYS))
    same(duloxinfo.next_doses(plan, now, count), ahead[:count])


def test_next_doses_step_over_a_long_pause_and_stop_ten_years_on_or_at_the_plan_s_end():
    first = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 1), end=at(2026, 1, 3))
    later = Regimen(30, [dt.time(9)], "Europe/London", at(2031, 1, 1))
    plan = duloxinfo.Plan([first, later])
    assert duloxinfo.next_doses(plan, at(2026, 1, 1), 4) == (
        at(2026, 1, 1, 8),
        at(2026, 1, 2, 8),
        at(2031, 1, 1, 9, tz=LONDON),
        at(2031, 1, 2, 9, tz=LONDON),
    )
    assert duloxinfo.next_doses(first, at(2026, 1, 2, 9), 5) == ()
    too_far = duloxinfo.Plan([first, Regimen(30, [dt.time(9)], "UTC", at(2037, 1, 1))])
    assert duloxinfo.next_doses(too_far, at(2026, 1, 2, 9), 5) == ()


def test_next_doses_near_the_last_supported_year_stop_without_overflow():
    late = Regimen(60, [dt.time(8)], "UTC", at(9998, 12, 29))
    assert duloxinfo.next_doses(late, at(9998, 12, 30), 5) == (
        at(9998, 12, 30, 8),
        at(9998, 12, 31, 8),
    )
