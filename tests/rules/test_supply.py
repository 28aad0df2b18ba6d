"""supply_forecast: exact answers, local dates, years of doses, and every limit it refuses."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Plan, Regimen, Supply
from duloxinfo.rules.fills import Fill
from duloxinfo.rules.supply import SupplyFromFills
from support import oracle
from support.readability import assert_plain
from support.strategies import plans
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
            because=None,
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
            because=None,
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
            because=None,
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


# -- a dose due now and not yet taken ----------------------------------------------------------

DAILY_8 = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 1))
YESTERDAY = [duloxinfo.Intake(at(2026, 1, 9, 8), 60)]


def test_a_dose_due_now_and_not_yet_taken_is_counted():
    # 08:00 daily, yesterday's dose taken, asked at 08:30 with 8 capsules: today's dose is
    # due and not taken, so the 8 capsules are today's and the next 7 (10 to 17 January).
    # Counting from tomorrow would say 18 January and refill by the 12th: a day late.
    s = duloxinfo.supply_forecast(DAILY_8, 60, 8, at(2026, 1, 10, 8, 30), intakes=YESTERDAY)
    assert (s.doses_left, s.last_covered_dose, s.runs_out_on, s.refill_by) == (
        8,
        at(2026, 1, 17, 8, tz=ZoneInfo("UTC")),
        dt.date(2026, 1, 18),
        dt.date(2026, 1, 11),
    )
    fills = [Fill(dt.date(2026, 1, 9), 60, 9)]
    f = duloxinfo.supply_from_fills(
        DAILY_8, fills=fills, intakes=YESTERDAY, now=at(2026, 1, 10, 8, 30)
    )
    assert (f.on_hand, f.due_now, f.doses_left, f.runs_out_on, f.refill_by) == (
        ((60, 8),),
        True,
        8,
        dt.date(2026, 1, 18),
        dt.date(2026, 1, 11),
    )
    assert f.last_covered_dose == at(2026, 1, 17, 8, tz=ZoneInfo("UTC"))
    # Without intakes the count covers the doses from now on, as it always has.
    old = duloxinfo.supply_forecast(DAILY_8, 60, 8, at(2026, 1, 10, 8, 30))
    assert (old.runs_out_on, old.refill_by) == (dt.date(2026, 1, 19), dt.date(2026, 1, 12))


def test_a_dose_taken_is_not_counted_again_nor_one_taken_early_nor_one_to_skip():
    now = at(2026, 1, 10, 8, 30)
    today = [*YESTERDAY, duloxinfo.Intake(at(2026, 1, 10, 8, 5), 60)]
    taken = duloxinfo.supply_forecast(DAILY_8, 60, 8, now, intakes=today)
    assert (taken.doses_left, taken.runs_out_on) == (8, dt.date(2026, 1, 19))
    # Tomorrow's dose taken early, at 21:00 (nearer tomorrow's 08:00 than today's).
    early = [*today, duloxinfo.Intake(at(2026, 1, 10, 21), 60)]
    e = duloxinfo.supply_forecast(DAILY_8, 60, 8, at(2026, 1, 10, 22), intakes=early)
    assert (e.last_covered_dose, e.runs_out_on) == (
        at(2026, 1, 19, 8, tz=UTC),
        dt.date(2026, 1, 20),
    )
    # Today's dose missed and asked at 21:00: almost time for the next one, so it is skipped.
    skip = duloxinfo.supply_forecast(DAILY_8, 60, 8, at(2026, 1, 10, 21), intakes=YESTERDAY)
    assert (skip.doses_left, skip.runs_out_on) == (8, dt.date(2026, 1, 19))


def test_a_missed_dose_to_take_after_a_wait_is_counted():
    # Twice daily at 01:30 and 08:00 (17.5 and 6.5 hours apart; H is 6 hours).  The 01:30
    # dose taken at 04:00 (before the midpoint 04:45, so it is that dose); the 08:00 dose
    # missed.  At 09:59 the last dose was 5:59 ago: wait until 10:00, then take it.
    plan = Regimen(20, [dt.time(1, 30), dt.time(8)], "UTC", at(2026, 3, 28))
    taken = [duloxinfo.Intake(at(2026, 3, 28, 4), 20)]
    now = at(2026, 3, 28, 9, 59)
    advice = duloxinfo.advise_missed_dose(plan, taken, now)
    assert (advice.action, advice.next_dose_at) == (
        duloxinfo.Action.NOT_DUE,
        at(2026, 3, 28, 10, tz=UTC),
    )
    s = duloxinfo.supply_forecast(plan, 20, 2, now, intakes=taken)
    # The missed dose at 10:00 and 01:30 on the 29th; 08:00 on the 29th has none.
    assert (s.doses_left, s.last_covered_dose, s.runs_out_on) == (
        2,
        at(2026, 3, 29, 1, 30, tz=UTC),
        dt.date(2026, 3, 29),
    )
    f = duloxinfo.supply_from_fills(
        plan, fills=[Fill(dt.date(2026, 3, 28), 20, 3)], intakes=taken, now=now
    )
    assert (f.due_now, f.doses_left, f.on_hand) == (True, 2, ((20, 2),))


def test_a_dose_taken_now_that_counts_for_the_next_slot_is_not_counted_twice():
    # Twice daily at 03:00 and 14:00 (11 and 13 hours apart; H is 6 hours).  The 14:00 dose
    # missed, asked at 20:45: past the midpoint (20:30), so a dose taken now counts for
    # 03:00, which is 6:15 away, and the 03:00 dose is not taken again.
    plan = Regimen(30, [dt.time(3), dt.time(14)], "UTC", at(2026, 1, 1))
    taken = [duloxinfo.Intake(at(2026, 1, 10, 3), 30)]
    now = at(2026, 1, 10, 20, 45)
    advice = duloxinfo.advise_missed_dose(plan, taken, now)
    assert advice.action is duloxinfo.Action.TAKE_NOW
    assert "It counts as your 03:00 dose" in advice.reason
    s = duloxinfo.supply_forecast(plan, 30, 2, now, intakes=taken)
    # Now, then 14:00 on the 11th; 03:00 on the 12th has none.
    assert (s.doses_left, s.last_covered_dose, s.runs_out_on) == (
        2,
        at(2026, 1, 11, 14, tz=UTC),
        dt.date(2026, 1, 12),
    )


# -- from fills and intakes --------------------------------------------------------------------


def test_a_90_mg_dose_takes_a_60_and_a_30_mg_capsule_and_intakes_are_taken_off_each():
    r90 = Regimen(90, [dt.time(8)], "UTC", at(2026, 1, 1))
    fills = [Fill(dt.date(2026, 1, 1), 60, 30), Fill(dt.date(2026, 1, 1), 30, 20)]
    taken = [duloxinfo.Intake(at(2026, 1, d, 8), 90) for d in range(1, 11)]
    s = duloxinfo.supply_from_fills(r90, fills=fills, intakes=taken, now=at(2026, 1, 10, 12))
    assert isinstance(s, SupplyFromFills)
    # 10 doses of 60 + 30 taken: 20 of 60 mg and 10 of 30 mg left; 10 more doses.
    assert (s.on_hand, s.next_dose_capsules, s.capsules_per_dose) == (
        ((60, 20), (30, 10)),
        (60, 30),
        2,
    )
    assert (s.due_now, s.doses_left, s.runs_out_on, s.unaccounted_intakes) == (
        False,
        10,
        dt.date(2026, 1, 21),
        (),
    )
    assert s.reason == (
        "You have 20 capsules of 60 mg and 10 capsules of 30 mg. That is enough for 10 "
        "doses. You will run out on Wednesday 21 January. The capsules left then cannot "
        "make your 90 mg dose on Wednesday 21 January. Ask your pharmacist which capsules "
        "you need. Refill by Wednesday 14 January."
    )
    assert_plain(s.reason)


def test_a_50_mg_dose_takes_a_20_and_a_30_mg_capsule():
    r50 = Regimen(50, [dt.time(8)], "UTC", at(2026, 1, 1))
    fills = [Fill(dt.date(2026, 1, 1), 20, 5), Fill(dt.date(2026, 1, 1), 30, 3)]
    s = duloxinfo.supply_from_fills(r50, fills=fills, now=at(2026, 1, 1, 7))
    # 3 doses of 30 + 20; then only 20 mg capsules are left (2), which make 40, not 50.
    assert (s.next_dose_capsules, s.doses_left, s.runs_out_on, s.on_hand) == (
        (30, 20),
        3,
        dt.date(2026, 1, 4),
        ((30, 3), (20, 5)),
    )


def test_fills_over_a_plan_whose_dose_changes():
    # The label's titration from 5 January (30 mg for a week, then 60 mg), 20 capsules of
    # 30 mg: 7 of them for the first week, then 60 mg doses of two capsules: 6 more (12 to
    # 17 January), and one capsule is left over, not enough for the 18th.
    plan = duloxinfo.titration_plan(at(2026, 1, 5), "UTC", dt.time(8))
    s = duloxinfo.supply_from_fills(
        plan, fills=[Fill(dt.date(2026, 1, 5), 30, 20)], now=at(2026, 1, 5, 7)
    )
    assert (s.doses_left, s.runs_out_on, s.capsules_per_dose, s.next_dose_capsules) == (
        13,
        dt.date(2026, 1, 18),
        1,
        (30,),
    )
    # With a 60 mg fill too, the 60 mg doses take one 60 mg capsule each.
    fills = [Fill(dt.date(2026, 1, 5), 30, 7), Fill(dt.date(2026, 1, 5), 60, 10)]
    s = duloxinfo.supply_from_fills(plan, fills=fills, now=at(2026, 1, 5, 7))
    assert (s.doses_left, s.runs_out_on) == (17, dt.date(2026, 1, 22))


def test_an_intake_the_fills_cannot_have_supplied_is_reported_and_its_part_taken_off():
    r90 = Regimen(90, [dt.time(8)], "UTC", at(2026, 1, 1))
    fills = [Fill(dt.date(2026, 1, 2), 60, 10)]
    before = duloxinfo.Intake(at(2026, 1, 1, 8), 90)  # before any fill
    short = duloxinfo.Intake(at(2026, 1, 2, 8), 90)  # 60 mg capsules cannot make 90
    s = duloxinfo.supply_from_fills(
        r90, fills=fills, intakes=[before, short], now=at(2026, 1, 2, 9)
    )
    assert s.unaccounted_intakes == (before, short)
    assert s.on_hand == ((60, 9),)  # the 60 mg part of the second is taken off, to be safe
    # 60 mg capsules alone cannot make the 90 mg dose: it runs out at once.
    assert (s.doses_left, s.next_dose_capsules, s.capsules_per_dose, s.runs_out_on) == (
        0,
        (),
        2,
        dt.date(2026, 1, 3),
    )
    assert s.reason == (
        # Not "not enough": 60 mg capsules are not to be made into a 90 mg dose by hand.
        "You have 9 capsules of 60 mg. They cannot make your 90 mg dose on Saturday 3 "
        "January. Ask your pharmacist which capsules you need. Refill today."
    )


def test_fills_that_last_until_the_plan_ends_and_a_plan_with_no_dose_left():
    week = Regimen(60, [dt.time(8)], "UTC", START, end=START + dt.timedelta(days=7))
    s = duloxinfo.supply_from_fills(week, fills=[Fill(dt.date(2026, 1, 5), 60, 30)], now=START)
    assert (s.doses_left, s.rule, s.refill_by, s.next_dose_capsules) == (
        7,
        "supply/enough",
        None,
        (60,),
    )
    after = duloxinfo.supply_from_fills(week, fills=[], now=START + dt.timedelta(days=30))
    assert (after.doses_left, after.capsules_per_dose, after.on_hand, after.reason) == (
        0,
        1,
        (),
        "You have no capsules. Your plan has no more doses.",
    )


def test_fills_none_is_named_as_fills():
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^fills: expected an iterable of Fill, got NoneType None"
    ):
        duloxinfo.supply_from_fills(DAILY_8, fills=None, now=at(2026, 1, 10))


def test_a_fill_of_more_capsules_than_any_pharmacy_dispenses_is_refused():
    assert Fill(dt.date(2026, 1, 1), 20, duloxinfo.MAX_FILL_CAPSULES).capsules == 10_000
    with pytest.raises(duloxinfo.SupplyError, match=r"^capsules: 10001 capsules is more than"):
        Fill(dt.date(2026, 1, 1), 20, 10_001)
    # Before the bound, a count too long to write as text escaped as Python's ValueError.
    with pytest.raises(duloxinfo.SupplyError, match=r"^capsules: \(an integer of about 5000"):
        Fill(dt.date(2026, 1, 1), 60, 10**5000)


def test_fills_near_the_last_supported_year_are_forecast():
    # now + 3,660 days is past the year 9999; one capsule still lasts one day.
    s = duloxinfo.supply_from_fills(
        DAILY_8, fills=[Fill(dt.date(9990, 6, 1), 60, 1)], now=at(9990, 6, 1, 9)
    )
    assert (s.doses_left, s.runs_out_on) == (1, dt.date(9990, 6, 3))


def test_today_is_one_date_in_a_pause_before_a_phase_in_another_zone():
    # In a pause between London and Auckland phases, 23:00 UTC on 15 January is the 15th in
    # London (the phase in force: the one before the pause) and the 16th in Auckland. The
    # fill check counts from London's 15th; days_left counts on the calendar of
    # runs_out_on, Auckland's, from the 16th.
    london = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 1, 1), at(2026, 1, 10))
    auckland = Regimen(60, [dt.time(8)], "Pacific/Auckland", at(2026, 1, 20))
    plan = duloxinfo.Plan([london, auckland])
    now = at(2026, 1, 15, 23)
    with pytest.raises(duloxinfo.HistoryError, match=r"after today \(2026-01-15\)"):
        duloxinfo.supply_from_fills(plan, fills=[Fill(dt.date(2026, 1, 16), 60, 3)], now=now)
    s = duloxinfo.supply_from_fills(plan, fills=[Fill(dt.date(2026, 1, 15), 60, 3)], now=now)
    assert s.runs_out_on is not None
    assert s.days_left == (s.runs_out_on - dt.date(2026, 1, 16)).days


def test_fills_are_refused_as_the_other_arguments_are():
    with pytest.raises(
        duloxinfo.HistoryError,
        match=r"^fills\[1\]: dispensed on 2026-01-11, after today \(2026-01-10\)",
    ):
        duloxinfo.supply_from_fills(
            DAILY_8,
            fills=[Fill(dt.date(2026, 1, 1), 60, 1), Fill(dt.date(2026, 1, 11), 60, 1)],
            now=at(2026, 1, 10, 12),
        )
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^fills\[0\]: expected a duloxinfo.Fill, got int 3"
    ):
        duloxinfo.supply_from_fills(DAILY_8, fills=[3], now=at(2026, 1, 10))
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^fills: expected an iterable of Fill"):
        duloxinfo.supply_from_fills(DAILY_8, fills=3, now=at(2026, 1, 10))
    with pytest.raises(duloxinfo.HistoryError, match=r"^intakes: an intake at 2026-01-11"):
        duloxinfo.supply_from_fills(
            DAILY_8, fills=[], intakes=[duloxinfo.Intake(at(2026, 1, 11), 60)], now=at(2026, 1, 10)
        )
    with pytest.raises(duloxinfo.HistoryError, match=r"^intakes: an intake at 2026-01-11"):
        duloxinfo.supply_forecast(
            DAILY_8, 60, 3, at(2026, 1, 10), intakes=[duloxinfo.Intake(at(2026, 1, 11), 60)]
        )
    with pytest.raises(duloxinfo.SupplyError, match=r"^lead_time: expected whole days"):
        duloxinfo.supply_from_fills(
            DAILY_8, fills=[], now=at(2026, 1, 10), lead_time=dt.timedelta(hours=5)
        )
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^now: expected an aware datetime, got NoneType None"
    ):
        duloxinfo.supply_forecast(DAILY_8, 60, 3, None)
    with pytest.raises(
        duloxinfo.SupplyError, match=r"^fills: the capsules on hand last more than 3660 days"
    ):
        duloxinfo.supply_from_fills(
            DAILY_8, fills=[Fill(dt.date(2026, 1, 1), 60, 4000)], now=at(2026, 1, 10)
        )
    late = Regimen(60, [dt.time(8)], "UTC", at(9998, 6, 1))
    with pytest.raises(
        duloxinfo.SupplyError,
        match=r"^fills: the capsules on hand from 9998-06-02 last past the year 9999",
    ):
        duloxinfo.supply_from_fills(
            late, fills=[Fill(dt.date(9998, 6, 1), 60, 3000)], now=at(9998, 6, 2)
        )
    # A dose due now that the strength cannot make is refused as any dose ahead is.
    plan = duloxinfo.titration_plan(at(2026, 1, 5), "UTC", dt.time(8))
    with pytest.raises(duloxinfo.SupplyError, match="cannot make the 30 mg dose"):
        duloxinfo.supply_forecast(plan, 60, 3, at(2026, 1, 11, 20), intakes=[])


# -- properties ---------------------------------------------------------------------------------

NOW_NEAR = dt.timedelta(days=6)


@st.composite
def histories(draw, plan):
    """Fills and intakes around a plan's start, and a moment after them."""
    start = oracle.utc(plan.start if isinstance(plan, Regimen) else plan.phases[0].start)
    now = start + dt.timedelta(seconds=draw(st.integers(-86_400, 6 * 86_400)))
    fills = draw(
        st.lists(
            st.builds(
                Fill,
                st.integers(-3, 5).map(lambda d: start.date() + dt.timedelta(days=d)),
                st.sampled_from([20, 30, 40, 60]),
                st.integers(1, 12),
            ),
            max_size=4,
        )
    )
    fills = [f for f in fills if f.dispensed_on <= now.date() - dt.timedelta(days=1)]
    intakes = draw(
        st.lists(
            st.builds(
                duloxinfo.Intake,
                st.integers(-86_400, 6 * 86_400).map(lambda s: start + dt.timedelta(seconds=s)),
                st.sampled_from([20, 30, 40, 50, 60, 90]),
            ),
            max_size=5,
        )
    )
    return fills, [i for i in intakes if i.at <= now], now


_NEVER = dt.datetime.min.replace(tzinfo=UTC)


def _lasts(s):
    """How long a forecast lasts, to compare: whether it lasts the plan out, then the instant
    of the last dose covered.  Not the run-out date: on a trip a later dose can fall on an
    earlier local date in its own zone."""
    last = _NEVER if s.last_covered_dose is None else oracle.utc(s.last_covered_dose)
    return (s.runs_out_on is None, last)


@given(data=st.data())
def test_the_forecast_never_lasts_longer_than_the_mg_on_hand(data):
    plan = data.draw(plans())
    fills, intakes, now = data.draw(histories(plan))
    s = duloxinfo.supply_from_fills(plan, fills=fills, intakes=intakes, now=now)
    smallest = min(p.dose_mg for p in oracle.phases(plan))
    on_hand = sum(strength * n for strength, n in s.on_hand)
    assert s.doses_left * smallest <= on_hand
    assert all(n >= 0 for _, n in s.on_hand)
    dispensed = sum(f.strength_mg * f.capsules for f in fills)
    assert on_hand <= dispensed
    if s.runs_out_on is not None:
        assert s.refill_by <= s.runs_out_on
        assert s.days_left >= 0


@given(data=st.data())
def test_a_fill_never_makes_the_supply_run_out_sooner(data):
    # Every fill of one strength (any dose may be one the strength cannot make).  With
    # several strengths an intake's capsules are a guess (the fewest, larger strengths
    # first), and a new strength can change the guess: see the next test.
    plan = data.draw(plans())
    fills, intakes, now = data.draw(histories(plan))
    strength = data.draw(st.sampled_from([20, 30, 40, 60]))
    fills = [Fill(f.dispensed_on, strength, f.capsules) for f in fills]
    extra = Fill(
        now.date() - dt.timedelta(days=data.draw(st.integers(1, 4))),
        strength,
        data.draw(st.integers(1, 12)),
    )
    before = duloxinfo.supply_from_fills(plan, fills=fills, intakes=intakes, now=now)
    after = duloxinfo.supply_from_fills(plan, fills=[*fills, extra], intakes=intakes, now=now)
    assert _lasts(after) >= _lasts(before)


def test_a_fill_of_a_new_strength_can_change_which_capsules_an_intake_is_taken_to_be():
    # Known and documented: 40 mg doses; 30 mg x 2 and 40 mg x 1 on hand, and a 60 mg
    # intake.  It is taken to be 30 + 30, leaving the 40 mg capsule for the next dose.  With
    # a 20 mg capsule too, 40 + 20 is as few capsules with larger strengths first, so the
    # 40 mg capsule is taken to be gone and the next dose cannot be made.
    plan = Regimen(40, [dt.time(8)], "UTC", at(2026, 1, 1))
    fills = [Fill(dt.date(2026, 1, 1), 30, 2), Fill(dt.date(2026, 1, 1), 40, 1)]
    taken = [duloxinfo.Intake(at(2026, 1, 1, 8), 60)]
    now = at(2026, 1, 1, 9)
    before = duloxinfo.supply_from_fills(plan, fills=fills, intakes=taken, now=now)
    extra = Fill(dt.date(2026, 1, 1), 20, 1)
    after = duloxinfo.supply_from_fills(plan, fills=[*fills, extra], intakes=taken, now=now)
    assert (before.on_hand, before.doses_left) == (((40, 1), (30, 0)), 1)
    assert (after.on_hand, after.doses_left) == (((40, 0), (30, 2), (20, 0)), 0)


@given(data=st.data())
def test_an_intake_now_never_makes_the_supply_last_longer(data):
    # With capsules of one strength that makes every dose of the plan.  With several
    # strengths a capsule that makes no dose left is no supply, so a double dose that uses
    # one up and covers a dose can rightly put the next need later; so can a part dose
    # taken early (a part dose is never topped up), or an intake the fills cannot have
    # supplied.
    plan = data.draw(plans())
    _, intakes, now = data.draw(histories(plan))
    doses = [p.dose_mg for p in oracle.phases(plan)]
    strengths = [s for s in (20, 30, 40, 60) if all(d % s == 0 for d in doses)]
    assume(strengths)
    strength = data.draw(st.sampled_from(strengths))
    fills = [Fill(now.date() - dt.timedelta(days=2), strength, data.draw(st.integers(2, 20)))]
    dose = oracle.dose_in_force(plan, oracle.utc(now)) * data.draw(st.sampled_from([1, 2]))
    assume(dose <= 120)
    before = duloxinfo.supply_from_fills(plan, fills=fills, intakes=intakes, now=now)
    after = duloxinfo.supply_from_fills(
        plan, fills=fills, intakes=[*intakes, duloxinfo.Intake(now, dose)], now=now
    )
    assume(after.unaccounted_intakes == before.unaccounted_intakes)
    assert _lasts(before) >= _lasts(after)


def test_a_count_below_zero_is_refused_with_intakes_too():
    with pytest.raises(
        duloxinfo.SupplyError, match=r"^count: expected a number of capsules of at least 0, got -1"
    ):
        duloxinfo.supply_forecast(DAILY_8, 60, -1, at(2026, 1, 10), intakes=YESTERDAY)


def test_the_two_forecasts_take_what_each_needs_and_nothing_else():
    import inspect  # noqa: PLC0415

    count = inspect.signature(duloxinfo.supply_forecast).parameters
    fills = inspect.signature(duloxinfo.supply_from_fills).parameters
    assert list(count) == ["plan", "strength_mg", "count", "now", "intakes", "lead_time"]
    assert list(fills) == ["plan", "fills", "now", "intakes", "lead_time"]
    assert all(p.default is inspect.Parameter.empty for p in list(count.values())[:4])
    with pytest.raises(TypeError, match="fills"):
        duloxinfo.supply_forecast(DAILY_8, 60, 3, at(2026, 1, 10), fills=[])  # type: ignore[call-arg]


def test_today_is_read_in_the_zone_of_the_dose_that_runs_out():
    # Found by Hypothesis: at 13:00 UTC it is already the 12th at Lord Howe (the phase in
    # force) but still the 11th in New York, where the dose that runs out is.  Read on
    # Lord Howe's calendar, the refill date came a day after the day the capsules ran out.
    second = dt.timedelta(seconds=1)
    step = at(2025, 3, 11, 13) + second
    lord_howe = Regimen(20, [dt.time(0)], "Australia/Lord_Howe", at(2025, 3, 9, 7) + second, step)
    new_york = Regimen(20, [dt.time(20)], "America/New_York", step)
    s = duloxinfo.supply_from_fills(duloxinfo.Plan([lord_howe, new_york]), [], at(2025, 3, 11, 13))
    assert (s.runs_out_on, s.days_left, s.refill_by) == (
        dt.date(2025, 3, 11),
        0,
        dt.date(2025, 3, 11),
    )
    assert s.rule == "supply/refill-now"


def test_a_last_dose_due_now_is_counted_as_the_missed_dose_advice_says_to_take_it():
    # Issue 24: the plan's last dose is due now; advise_missed_dose says take it, and the
    # supply forecast said "enough: your plan has no more doses", due_now False.
    last = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 1), end=at(2026, 1, 3))
    taken = [duloxinfo.Intake(at(2026, 1, 1, 8), 60)]
    now = at(2026, 1, 2, 9)
    assert duloxinfo.advise_missed_dose(last, taken, now).action is duloxinfo.Action.TAKE_NOW
    none = duloxinfo.supply_from_fills(last, [], now, intakes=taken)
    assert (none.due_now, none.doses_left, none.runs_out_on, none.refill_by, none.rule) == (
        True,
        0,
        dt.date(2026, 1, 2),
        dt.date(2026, 1, 2),
        "supply/refill-now",
    )
    one = duloxinfo.supply_forecast(last, 60, 1, now, intakes=taken)
    assert (one.doses_left, one.runs_out_on, one.rule) == (1, None, "supply/enough")
    assert (
        one.reason
        == "You have 1 capsule of 60 mg. That is enough for the 1 dose left in your plan."
    )
    zero = duloxinfo.supply_forecast(last, 60, 0, now, intakes=taken)
    assert (zero.runs_out_on, zero.rule) == (dt.date(2026, 1, 2), "supply/refill-now")


def test_issue_24_a_6000_mg_intake_with_10000_capsules_of_each_strength():
    # A typo for 60 mg, against 10,000 capsules of each strength: the ledger's search gave
    # no answer in 60 s.  Now the intake takes 100 60 mg capsules, and what is left lasts
    # longer than duloxinfo forecasts.
    regimen = Regimen(60, [dt.time(8)], "UTC", START)
    typo = [duloxinfo.Intake(START, 6000)]
    now = at(2026, 1, 6, 9)
    fills = [Fill(dt.date(2026, 1, 5), s, 10_000) for s in (20, 30, 40, 60)]
    with pytest.raises(duloxinfo.SupplyError, match="last more than 3660 days"):
        duloxinfo.supply_from_fills(regimen, fills, now, intakes=typo)
    fills = [Fill(dt.date(2026, 1, 5), s, 200) for s in (20, 30, 40, 60)]
    s = duloxinfo.supply_from_fills(regimen, fills, now, intakes=typo)
    assert s.on_hand == ((60, 100), (40, 200), (30, 200), (20, 200))
    assert s.unaccounted_intakes == ()
    # 100 doses of a 60 mg capsule, 200 of 40 + 20 mg, 100 of 30 + 30 mg: 400 from 6 Jan.
    assert (s.doses_left, s.next_dose_capsules) == (400, (60,))
    assert s.runs_out_on == dt.date(2027, 2, 10)
