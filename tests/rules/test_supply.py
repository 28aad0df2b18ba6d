"""supply_forecast: exact answers, local dates, years of doses, and every limit it refuses."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import duloxinfo
from duloxinfo import Regimen, Supply
from support.oracle import schedule
from support.times import NEW_YORK, UTC, at, jan, same

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)


def test_supply_forecast():
    twice = Regimen(30, [dt.time(8), dt.time(20)], "UTC", at(2026, 1, 1))
    s = duloxinfo.supply_forecast(twice, 30, 10, at(2026, 1, 10, 12))
    # doses at 10 Jan 20:00, 11th x2, 12th x2, 13th x2, 14th x2, 15th 08:00: the 15th 20:00 is uncovered
    assert (s.capsules_per_dose, s.doses_left) == (1, 10)
    assert s.last_covered_dose == at(2026, 1, 15, 8)
    assert s.runs_out_on == dt.date(2026, 1, 15)
    assert s.days_left == 5
    assert s.refill_by == dt.date(2026, 1, 10)  # lead time reaches before today: today
    assert "refill today" in s.reason
    assert s.rule == "supply/refill-now"
    later = duloxinfo.supply_forecast(twice, 30, 60, at(2026, 1, 10, 12))
    assert (later.runs_out_on, later.refill_by, later.rule) == (
        dt.date(2026, 2, 9),
        dt.date(2026, 2, 2),
        "supply/refill-by",
    )
    none = duloxinfo.supply_forecast(twice, 30, 0, at(2026, 1, 10, 12))
    assert (none.doses_left, none.last_covered_dose, none.runs_out_on) == (
        0,
        None,
        dt.date(2026, 1, 10),
    )


def test_supply_over_years_where_two_times_merge_every_spring():
    # 02:30 does not exist on New York's spring-forward night and moves to 03:30, the
    # other dose time: those two are one slot that day, so ten years hold fewer slots
    # than twice the days, and the forecast must still count whole doses exactly.
    start = at(2026, 1, 1, tz=NEW_YORK)
    r = Regimen(30, [dt.time(2, 30), dt.time(3, 30)], "America/New_York", start)
    count = 2 * 3650
    s = duloxinfo.supply_forecast(r, 30, count, start)
    slots = schedule(r, start, start + dt.timedelta(days=3700))
    covered = [x for x in slots if x >= start.astimezone(UTC)][:count]
    assert s.doses_left == count
    assert s.last_covered_dose == covered[-1]
    assert s.last_covered_dose > start + dt.timedelta(days=3650)  # each merged day lasts longer


def test_supply_refuses_what_it_cannot_forecast():
    r = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 1))
    with pytest.raises(
        duloxinfo.SupplyError,
        match=r"lead_time: datetime\.timedelta\(days=4000\) is more than 3660 days",
    ):
        duloxinfo.supply_forecast(r, 60, 10, at(2026, 1, 2), lead_time=dt.timedelta(days=4000))
    late = Regimen(60, [dt.time(8)], "UTC", at(9998, 6, 1))
    with pytest.raises(
        duloxinfo.SupplyError,
        match=r"count: 3000 capsules from 9998-06-02 last past the year 9999$",
    ):
        duloxinfo.supply_forecast(late, 60, 3000, at(9998, 6, 2))


def test_supply_exact_answers():
    twice = Regimen(30, [dt.time(8), dt.time(20)], "Europe/London", jan(1, 0))
    same(
        duloxinfo.supply_forecast(twice, 30, 4, jan(10, 12)),
        Supply(
            capsules_per_dose=1,
            doses_left=4,
            last_covered_dose=jan(12, 8),
            runs_out_on=dt.date(2026, 1, 12),
            days_left=2,
            refill_by=dt.date(2026, 1, 10),
            reason="4 capsules of 30 mg cover 4 doses of 30 mg, so they run out on "
            "2026-01-12; refill today.",
            rule="supply/refill-now",
        ),
    )
    same(
        duloxinfo.supply_forecast(twice, 30, 40, jan(10, 12), lead_time=dt.timedelta(0)),
        Supply(
            capsules_per_dose=1,
            doses_left=40,
            last_covered_dose=jan(30, 8),
            runs_out_on=dt.date(2026, 1, 30),
            days_left=20,
            refill_by=dt.date(2026, 1, 30),
            reason="40 capsules of 30 mg cover 40 doses of 30 mg, so they run out on "
            "2026-01-30; refill by 2026-01-30.",
            rule="supply/refill-by",
        ),
    )


def test_supply_limits_are_exact():
    daily = Regimen(60, [dt.time(8)], "UTC", START)
    longest = duloxinfo.MAX_SCHEDULE_DAYS
    assert duloxinfo.supply_forecast(daily, 60, longest, START).doses_left == longest
    with pytest.raises(duloxinfo.SupplyError, match=f"count: {longest + 1} capsules"):
        duloxinfo.supply_forecast(daily, 60, longest + 1, START)
    lead = dt.timedelta(days=longest)
    assert duloxinfo.supply_forecast(daily, 60, 1, START, lead_time=lead).refill_by == START.date()
    assert duloxinfo.supply_forecast(daily, 60, 1, START, lead_time=dt.timedelta(0)).doses_left == 1
    for bad in (True, "60", 60.0):
        with pytest.raises(duloxinfo.WrongTypeError, match="strength_mg: expected a whole number"):
            duloxinfo.supply_forecast(daily, bad, 1, START)
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="now: "):
        duloxinfo.supply_forecast(daily, 60, 1, dt.datetime(2026, 1, 5))


def test_supply_dates_are_the_regimens_local_dates_not_utcs():
    new_york = ZoneInfo("America/New_York")
    twice = Regimen(30, [dt.time(8), dt.time(20)], "America/New_York", jan(1, 0, tz=new_york))
    # 21:30 in New York is already the 11th in UTC; the uncovered 20:00 dose of the 12th
    # is the 13th in UTC.
    s = duloxinfo.supply_forecast(twice, 30, 3, jan(10, 21, 30, tz=new_york))
    assert (s.last_covered_dose, s.runs_out_on, s.days_left, s.refill_by) == (
        jan(12, 8, tz=new_york),
        dt.date(2026, 1, 12),
        2,
        dt.date(2026, 1, 10),
    )


def test_a_lead_time_longer_than_the_years_before_today_means_refill_today():
    early = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2, 1, 1, tzinfo=UTC))
    now = dt.datetime(2, 1, 2, tzinfo=UTC)
    longest = dt.timedelta(days=duloxinfo.MAX_SCHEDULE_DAYS)
    s = duloxinfo.supply_forecast(early, 60, 1, now, lead_time=longest)
    assert (s.runs_out_on, s.refill_by, s.rule) == (
        dt.date(2, 1, 3),
        dt.date(2, 1, 2),
        "supply/refill-now",
    )
