"""supply_forecast: exact answers, local dates, years of doses, and every limit it refuses."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import duloxinfo
from duloxinfo import Plan, Regimen, Supply
from support import oracle
from support.readability import assert_plain
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
    assert s.reason.endswith("Refill today.")
    assert s.rule == "supply/refill-now"
    later = duloxinfo.supply_forecast(twice, 30, 60, at(2026, 1, 10, 12))
    assert (later.runs_out_on, later.refill_by, later.rule) == (
        dt.date(2026, 2, 9),
        dt.date(2026, 2, 2),
        "supply/refill-by",
    )
    none = duloxinfo.supply_forecast(twice, 30, 0, at(2026, 1, 10, 12))
    assert none.reason == (
        "You have no capsules of 30 mg. That is not enough for your dose on Saturday 10 "
        "January. Refill today."
    )
    assert (none.doses_left, none.last_covered_dose, none.runs_out_on) == (
        0,
        None,
        dt.date(2026, 1, 10),
    )


def test_supply_over_ten_years_of_clock_changes():
    # 02:30 does not exist on New York's spring-forward night and moves to 03:30: ten
    # years of twice-daily doses must still be counted one by one, exactly.
    start = at(2026, 1, 1, tz=NEW_YORK)
    r = Regimen(30, [dt.time(2, 30), dt.time(14, 30)], "America/New_York", start)
    count = 2 * 3650
    s = duloxinfo.supply_forecast(r, 30, count, start)
    slots = [x for x, _ in oracle.slots(r, start, start + dt.timedelta(days=3700))]
    ahead = [x for x in slots if x >= start.astimezone(UTC)]
    assert s.doses_left == count
    assert s.last_covered_dose == ahead[count - 1]
    assert s.runs_out_on == ahead[count].astimezone(NEW_YORK).date()


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
            reason="You have 4 capsules of 30 mg. That is enough for 4 doses. You will run "
            "out on Monday 12 January. Refill today.",
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
            reason="You have 40 capsules of 30 mg. That is enough for 40 doses. You will run "
            "out on Friday 30 January. Refill by Friday 30 January.",
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


def test_supply_over_a_titration_plan_counts_each_phases_dose():
    plan = duloxinfo.titration_plan(START.replace(hour=0), "Europe/London", dt.time(8))
    # From 09:00 on 5 January: six 30 mg doses (6 to 11 January), then 60 mg doses of two
    # capsules each on the 12th and 13th; the 14th has none left.
    s = duloxinfo.supply_forecast(plan, 30, 10, START.replace(hour=9))
    assert (s.capsules_per_dose, s.doses_left, s.last_covered_dose, s.runs_out_on) == (
        1,
        8,
        at(2026, 1, 13, 8, tz=ZoneInfo("Europe/London")),
        dt.date(2026, 1, 14),
    )
    assert (s.days_left, s.refill_by, s.rule) == (9, dt.date(2026, 1, 7), "supply/refill-by")
    assert s.reason == (
        "You have 10 capsules of 30 mg. That is enough for 8 doses. You will run out on "
        "Wednesday 14 January. Refill by Wednesday 7 January."
    )
    # In the second phase the next dose needs two capsules.
    assert duloxinfo.supply_forecast(plan, 30, 10, at(2026, 1, 12, 9)).capsules_per_dose == 2
    # A 60 mg capsule cannot make the 30 mg doses still ahead, but can once they are past.
    with pytest.raises(duloxinfo.SupplyError, match="cannot make the 30 mg dose"):
        duloxinfo.supply_forecast(plan, 60, 10, START)
    assert duloxinfo.supply_forecast(plan, 60, 3, at(2026, 1, 12, 9)).doses_left == 3


def test_supply_that_lasts_until_the_plan_ends_needs_no_refill():
    week = Regimen(60, [dt.time(8)], "UTC", START, end=START + dt.timedelta(days=7))
    s = duloxinfo.supply_forecast(week, 60, 10, START)
    same(
        s,
        Supply(
            capsules_per_dose=1,
            doses_left=7,
            last_covered_dose=at(2026, 1, 11, 8, tz=ZoneInfo("UTC")),
            runs_out_on=None,
            days_left=None,
            refill_by=None,
            reason="You have 10 capsules of 60 mg. That is enough for the 7 doses left in your "
            "plan.",
            rule="supply/enough",
        ),
    )
    exact = duloxinfo.supply_forecast(week, 60, 7, START)
    assert (exact.doses_left, exact.rule) == (7, "supply/enough")
    short = duloxinfo.supply_forecast(week, 60, 6, START)
    assert (short.runs_out_on, short.rule) == (dt.date(2026, 1, 11), "supply/refill-now")
    after = duloxinfo.supply_forecast(week, 60, 1, START + dt.timedelta(days=30))
    assert (after.doses_left, after.last_covered_dose, after.rule) == (0, None, "supply/enough")
    assert after.reason == "You have 1 capsule of 60 mg. Your plan has no more doses."
    assert after.capsules_per_dose == 1


def test_supply_skips_a_pause_and_follows_a_trip():
    home = Regimen(60, [dt.time(8)], "UTC", START, end=at(2026, 1, 7))
    away = Regimen(60, [dt.time(8)], "America/New_York", at(2026, 1, 9))
    plan = Plan([home, away])
    # 5 and 6 January at home; 7 and 8 are a pause; then 08:00 in New York (13:00 UTC).
    s = duloxinfo.supply_forecast(plan, 60, 3, START)
    assert s.last_covered_dose == at(2026, 1, 9, 8, tz=NEW_YORK)
    assert (s.runs_out_on, s.days_left) == (dt.date(2026, 1, 10), 5)


def test_every_supply_reason_reads_at_grade_8_or_below():
    week = Regimen(60, [dt.time(8)], "UTC", START, end=START + dt.timedelta(days=7))
    daily = Regimen(60, [dt.time(8)], "UTC", START)
    answers = [
        duloxinfo.supply_forecast(daily, 60, 1, START),  # refill now
        duloxinfo.supply_forecast(daily, 30, 60, START),  # refill by
        duloxinfo.supply_forecast(week, 60, 10, START),  # enough
        duloxinfo.supply_forecast(daily, 60, 0, START),  # none left
    ]
    assert {a.rule for a in answers} == {"supply/refill-now", "supply/refill-by", "supply/enough"}
    for answer in answers:
        assert_plain(answer.reason)
