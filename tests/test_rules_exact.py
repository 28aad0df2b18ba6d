"""Whole answers, field by field: every reason, rule id, count and time zone is asserted.

The properties check what must hold of every answer; these pin each kind of answer
exactly (compared by ``repr``, so a datetime in the wrong zone or a changed word fails),
so that mutation testing finds no field left unchecked.  See docs/testing.md.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import duloxinfo
from duloxinfo import (
    Action,
    DoubleDose,
    DoubleDoseKind,
    Intake,
    MissedDoseAdvice,
    Regimen,
    Supply,
    TitrationStage,
    TitrationStatus,
)

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")
R = Regimen(60, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 5, 8, tzinfo=LONDON))


def at(day, hour, minute=0, month=1, tz=LONDON):
    return dt.datetime(2026, month, day, hour, minute, tzinfo=tz)


def same(actual, expected):
    assert repr(actual) == repr(expected)


def advice(action, dose, slot, following, missed, contact, reason, rule):
    return MissedDoseAdvice(
        action=action,
        dose_mg=dose,
        slot=slot,
        next_dose_at=following,
        missed_in_a_row=missed,
        contact_prescriber=contact,
        reason=reason,
        rule=rule,
    )


def test_not_due():
    same(
        duloxinfo.advise_missed_dose(R, [], at(5, 7)),
        advice(
            Action.NOT_DUE,
            0,
            None,
            at(5, 8),
            0,
            False,
            "No dose is due yet: take your first dose of 60 mg at 08:00 on 2026-01-05, as "
            "your prescriber directs.",
            "missed-dose/not-due",
        ),
    )


def test_already_taken_a_little_early():
    same(
        duloxinfo.advise_missed_dose(R, [Intake(at(5, 7, 50), 60)], at(5, 9)),
        advice(
            Action.ALREADY_TAKEN,
            0,
            at(5, 8),
            at(6, 8),
            0,
            False,
            "You have already taken the 08:00 dose; take the next one at 08:00 on "
            "2026-01-06, as your prescriber directs.",
            "missed-dose/already-taken",
        ),
    )


def test_take_now_at_the_first_slot_which_is_the_start_itself():
    same(
        duloxinfo.advise_missed_dose(R, [], at(5, 8)),
        advice(
            Action.TAKE_NOW,
            60,
            at(5, 8),
            at(6, 8),
            1,
            False,
            "Take your 08:00 dose (60 mg) now, then the next one at its usual time, 08:00 on "
            "2026-01-06; never take two doses to make up for a missed one.",
            "missed-dose/take-now",
        ),
    )


def test_skip_after_days_of_missed_doses_says_contact_the_prescriber():
    same(
        duloxinfo.advise_missed_dose(R, [Intake(at(5, 8), 60)], at(9, 21)),
        advice(
            Action.SKIP,
            0,
            at(9, 8),
            at(10, 8),
            4,
            True,
            "You have missed 4 doses in a row, so contact your prescriber before restarting; "
            "the missed-dose rule alone says: it is almost time for your next dose, so skip "
            "the missed 08:00 dose and take the next one at its usual time, 08:00 on "
            "2026-01-10; never take two doses at once.",
            "missed-dose/skip",
        ),
    )


def test_take_now_two_days_missed_is_not_yet_a_reason_to_call():
    result = duloxinfo.advise_missed_dose(R, [Intake(at(5, 8), 60)], at(7, 9))
    assert (result.action, result.missed_in_a_row, result.contact_prescriber) == (
        Action.TAKE_NOW,
        2,
        False,
    )
    assert result.reason.startswith("Take your 08:00 dose")
    three = duloxinfo.advise_missed_dose(R, [Intake(at(5, 8), 60)], at(8, 9))
    assert (three.missed_in_a_row, three.contact_prescriber) == (3, True)
    assert three.reason.startswith("You have missed 3 doses in a row, so contact your prescriber")


def test_a_regimen_starting_exactly_on_a_slot_is_not_due_just_before_it():
    later = Regimen(60, [dt.time(8)], "Europe/London", at(20, 8))
    assert duloxinfo.advise_missed_dose(later, [], at(20, 7, 59)).next_dose_at == at(20, 8)
    assert duloxinfo.advise_missed_dose(later, [], at(20, 8)).action is Action.TAKE_NOW


def status(stage, taken, reason, rule):
    return TitrationStatus(stage=stage, starting_doses_taken=taken, reason=reason, rule=rule)


START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("dose", "times", "expected"),
    [
        (
            60,
            ["08:00", "20:00"],
            status(
                TitrationStage.ABOVE_PAIN_MAXIMUM,
                0,
                "120 mg a day is above the label's 60 mg maximum for pain, a dose labelled only "
                "for depression and anxiety; keep to it only as your prescriber directs and ask "
                "them if you are unsure.",
                "titration/above-pain-maximum",
            ),
        ),
        (
            60,
            ["08:00"],
            status(
                TitrationStage.USUAL_MAXIMUM,
                0,
                "60 mg a day is the usual dose and the label's maximum for chronic "
                "musculoskeletal pain and fibromyalgia; higher doses add side effects, not "
                "benefit, so stay on it as your prescriber directs.",
                "titration/usual-maximum",
            ),
        ),
        (
            20,
            ["08:00", "20:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                "20 mg twice daily is not a step of the usual plan (30 mg once daily, then 60 mg "
                "once daily); take it as your prescriber directs.",
                "titration/outside-plan",
            ),
        ),
        (
            40,
            ["08:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                "40 mg once daily is not a step of the usual plan (30 mg once daily, then 60 mg "
                "once daily); take it as your prescriber directs.",
                "titration/outside-plan",
            ),
        ),
    ],
)
def test_titration_stages_that_do_not_count_doses(dose, times, expected):
    regimen = Regimen(dose, [dt.time.fromisoformat(t) for t in times], "UTC", START)
    taken = [Intake(START + dt.timedelta(days=d), dose) for d in range(3)]
    same(duloxinfo.titration_status(regimen, taken, START + dt.timedelta(days=9)), expected)


def test_titration_starting_and_eligible_count_doses_up_to_now_included():
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    same(
        duloxinfo.titration_status(thirty, week[1:], START + dt.timedelta(days=6)),
        status(
            TitrationStage.STARTING,
            6,
            "You are on the starting dose of 30 mg once daily (6 of the first 7 doses "
            "taken); keep to it as your prescriber directs, who may review it after a week.",
            "titration/starting",
        ),
    )
    # the seventh dose is taken at the very moment of asking, a week after the start
    same(
        duloxinfo.titration_status(thirty, week, START + dt.timedelta(days=7)),
        status(
            TitrationStage.ELIGIBLE_TO_ASK,
            7,
            "You have taken 30 mg once daily for a week (7 doses), so you may ask your "
            "prescriber whether to go up to 60 mg once daily; do not change the dose yourself.",
            "titration/eligible-to-ask",
        ),
    )
    at_now = [*week[:6], Intake(START + dt.timedelta(days=7), 30)]
    assert (
        duloxinfo.titration_status(
            thirty, at_now, START + dt.timedelta(days=7)
        ).starting_doses_taken
        == 7
    )


def test_titration_counts_a_single_dose_taken_before_the_start_as_nothing():
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    early = [Intake(START - dt.timedelta(days=1), 30)]
    assert (
        duloxinfo.titration_status(thirty, early, START + dt.timedelta(days=1)).starting_doses_taken
        == 0
    )


def test_supply_exact_answers():
    twice = Regimen(30, [dt.time(8), dt.time(20)], "Europe/London", at(1, 0))
    same(
        duloxinfo.supply_forecast(twice, 30, 4, at(10, 12)),
        Supply(
            capsules_per_dose=1,
            doses_left=4,
            last_covered_dose=at(12, 8),
            runs_out_on=dt.date(2026, 1, 12),
            days_left=2,
            refill_by=dt.date(2026, 1, 10),
            reason="4 capsules of 30 mg cover 4 doses of 30 mg, so they run out on "
            "2026-01-12; refill today.",
            rule="supply/refill-now",
        ),
    )
    same(
        duloxinfo.supply_forecast(twice, 30, 40, at(10, 12), lead_time=dt.timedelta(0)),
        Supply(
            capsules_per_dose=1,
            doses_left=40,
            last_covered_dose=at(30, 8),
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
        with pytest.raises(duloxinfo.SupplyError, match=f"strength_mg: {bad!r} is not"):
            duloxinfo.supply_forecast(daily, bad, 1, START)
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="now: "):
        duloxinfo.supply_forecast(daily, 60, 1, dt.datetime(2026, 1, 5))


def test_audit_exact_findings_in_time_order_then_kind():
    regimen = Regimen(60, [dt.time(8)], "Europe/London", at(1, 0))
    big = Intake(at(5, 8, 10), 120)
    early = Intake(at(5, 7, 50), 60)
    late = Intake(at(6, 19, 30), 60)
    next_early = Intake(at(7, 7, 0), 60)
    found = duloxinfo.audit(regimen, [late, big, next_early, early])
    same(
        found,
        (
            DoubleDose(
                kind=DoubleDoseKind.SAME_SLOT,
                intakes=(early, big),
                slots=(at(5, 8),),
                explanation="2 doses belong to the 08:00 dose of 2026-01-05; only one may be "
                "taken.",
            ),
            DoubleDose(
                kind=DoubleDoseKind.OVERSIZED_INTAKE,
                intakes=(big,),
                slots=(at(5, 8),),
                explanation="120 mg was taken at once, more than one 60 mg dose.",
            ),
            DoubleDose(
                kind=DoubleDoseKind.TOO_CLOSE,
                intakes=(late, next_early),
                slots=(at(6, 8), at(7, 8)),
                explanation="Two doses were taken 11 h 30 min apart, less than half the "
                "24 h 00 min between their scheduled times.",
            ),
        ),
    )


def test_dose_times_are_in_the_regimens_zone_and_its_limits_are_exact():
    times = duloxinfo.dose_times(R, at(6, 0), at(8, 0))
    same(times, (at(6, 8), at(7, 8)))
    assert duloxinfo.dose_times(R, at(6, 8), at(6, 8)) == ()
    assert duloxinfo.dose_times(R, at(6, 8), at(6, 8, 1)) == (at(6, 8),)
    longest = dt.timedelta(days=duloxinfo.MAX_SCHEDULE_DAYS)
    assert len(duloxinfo.dose_times(R, at(6, 0), at(6, 0) + longest)) > 3600
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="start: 2026-01-06T00:00:00 has"):
        duloxinfo.dose_times(R, dt.datetime(2026, 1, 6), at(8, 0))


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
    with pytest.raises(duloxinfo.ScheduleError, match="got int 5"):
        Regimen(60, 5, "UTC", START)
    with pytest.raises(
        duloxinfo.HistoryError, match=r"is after now \(2026-01-05T08:00:00\+00:00\)"
    ):
        duloxinfo.titration_status(R, [Intake(START + dt.timedelta(hours=1), 60)], START)


def test_a_time_of_day_with_an_odd_microsecond_splits_the_interval_exactly():
    odd = Regimen(20, [dt.time(8, 0, 0, 3), dt.time(20)], "UTC", START - dt.timedelta(days=2))
    a, b = dt.datetime(2026, 1, 5, 8, 0, 0, 3, tzinfo=UTC), dt.datetime(2026, 1, 5, 20, tzinfo=UTC)
    first_of_b = (
        a + (b - a) // 2 + dt.timedelta(microseconds=1)
    )  # b - a is 43199999997 us: odd, and half of it rounds to even the other way
    on_b = duloxinfo.advise_missed_dose(odd, [Intake(first_of_b, 20)], b)
    before = duloxinfo.advise_missed_dose(
        odd, [Intake(first_of_b - dt.timedelta(microseconds=1), 20)], b
    )
    assert (on_b.action, before.action) == (Action.ALREADY_TAKEN, Action.TAKE_NOW)


def test_supply_dates_are_the_regimens_local_dates_not_utcs():
    new_york = ZoneInfo("America/New_York")
    twice = Regimen(30, [dt.time(8), dt.time(20)], "America/New_York", at(1, 0, tz=new_york))
    # 21:30 in New York is already the 11th in UTC; the uncovered 20:00 dose of the 12th
    # is the 13th in UTC.
    s = duloxinfo.supply_forecast(twice, 30, 3, at(10, 21, 30, tz=new_york))
    assert (s.last_covered_dose, s.runs_out_on, s.days_left, s.refill_by) == (
        at(12, 8, tz=new_york),
        dt.date(2026, 1, 12),
        2,
        dt.date(2026, 1, 10),
    )


def test_intakes_at_one_instant_are_each_reported_and_the_history_iterates_in_time_order():
    regimen = Regimen(60, [dt.time(8)], "Europe/London", at(1, 0))
    twins = [Intake(at(5, 8), 180), Intake(at(5, 8), 120), Intake(at(5, 8), 120)]
    found = duloxinfo.audit(regimen, twins)
    assert [f.intakes for f in found[:3]] == [(twins[0],), (twins[1],), (twins[2],)]
    assert [f.kind for f in found] == [
        DoubleDoseKind.OVERSIZED_INTAKE,
        DoubleDoseKind.OVERSIZED_INTAKE,
        DoubleDoseKind.OVERSIZED_INTAKE,
        DoubleDoseKind.SAME_SLOT,
    ]
    later, earlier = Intake(at(6, 8), 60), Intake(at(5, 8), 60)
    assert list(duloxinfo.IntakeHistory([later, earlier])) == [earlier, later]
