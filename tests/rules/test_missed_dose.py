"""advise_missed_dose on hand-worked cases: every kind of answer pinned whole, and its edges.

The exact answers are compared by ``repr``, so a datetime in the wrong zone or a changed
word fails; the properties are in test_missed_dose_properties.py.
"""

import datetime as dt

import duloxinfo
from duloxinfo import Action, Intake, MissedDoseAdvice, Regimen, advise_missed_dose
from support.times import LONDON, NEW_YORK, UTC, at, daily, jan, same

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)
NOW = dt.datetime(2026, 2, 1, 9, tzinfo=UTC)
R = Regimen(60, [dt.time(8)], "Europe/London", START)


def utc_of(x):
    return x.astimezone(UTC)


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


def test_not_due_before_the_first_slot():
    r = daily(start=at(2026, 1, 5, 9, tz=LONDON))
    a = advise_missed_dose(r, [], at(2026, 1, 5, 12, tz=LONDON))
    assert a.action is Action.NOT_DUE
    assert a.slot is None
    assert a.next_dose_at == at(2026, 1, 6, 8, tz=LONDON)
    assert a.dose_mg == 0


def test_due_exactly_now_is_take_now_and_after_taking_already_taken():
    r = daily()
    now = at(2026, 1, 6, 8, tz=LONDON)
    a = advise_missed_dose(r, [Intake(at(2026, 1, 5, 8, tz=LONDON), 60)], now)
    assert (a.action, a.dose_mg, a.slot) == (Action.TAKE_NOW, 60, now)
    b = advise_missed_dose(r, [Intake(now, 60)], now)
    assert b.action is Action.ALREADY_TAKEN
    assert b.next_dose_at == at(2026, 1, 7, 8, tz=LONDON)


def test_skip_window_boundary_is_inclusive_at_exactly_half():
    r = daily(tz="UTC", start=at(2026, 1, 5))
    taken = [Intake(at(2026, 1, 5, 8), 60)]
    assert advise_missed_dose(r, taken, at(2026, 1, 6, 19, 59)).action is Action.TAKE_NOW
    assert advise_missed_dose(r, taken, at(2026, 1, 6, 20)).action is Action.SKIP
    edge = at(2026, 1, 6, 20) - dt.timedelta(microseconds=1)
    assert advise_missed_dose(r, taken, edge).action is Action.TAKE_NOW


def test_an_intake_at_the_midpoint_belongs_to_the_later_slot():
    r = daily(tz="UTC", start=at(2026, 1, 5))
    # 20:00 is the midpoint of the 08:00 slots: it belongs to the next day's slot
    history = [Intake(at(2026, 1, 5, 20), 60)]
    a = advise_missed_dose(r, history, at(2026, 1, 6, 9))
    assert a.action is Action.ALREADY_TAKEN
    history = [Intake(at(2026, 1, 5, 19, 59), 60)]
    assert advise_missed_dose(r, history, at(2026, 1, 6, 9)).action is Action.TAKE_NOW


def test_spring_forward_day_is_23_hours_so_half_is_11_and_a_half():
    # London springs forward on 2026-03-29: 08:00 on 28 Mar to 08:00 on 29 Mar is 23 h.
    r = daily(start=at(2026, 3, 1, tz=LONDON))
    slot = at(2026, 3, 28, 8, tz=LONDON)
    half_before_next = utc_of(at(2026, 3, 29, 8, tz=LONDON)) - dt.timedelta(hours=11, minutes=30)
    assert utc_of(slot) + dt.timedelta(hours=11, minutes=30) == half_before_next
    just_before = half_before_next - dt.timedelta(minutes=1)
    assert advise_missed_dose(r, [], just_before).action is Action.TAKE_NOW
    assert advise_missed_dose(r, [], half_before_next).action is Action.SKIP


def test_fall_back_day_is_25_hours_so_half_is_12_and_a_half():
    # London falls back on 2026-10-25: 08:00 on 24 Oct to 08:00 on 25 Oct is 25 h.
    r = daily(start=at(2026, 10, 1, tz=LONDON))
    nxt = utc_of(at(2026, 10, 25, 8, tz=LONDON))
    assert (
        advise_missed_dose(r, [], nxt - dt.timedelta(hours=12, minutes=31)).action
        is Action.TAKE_NOW
    )
    assert advise_missed_dose(r, [], nxt - dt.timedelta(hours=12, minutes=30)).action is Action.SKIP


def test_a_time_in_the_gap_moves_forward_and_an_ambiguous_time_is_the_first():
    r = daily(times=(dt.time(2, 30),), tz="America/New_York", start=at(2026, 3, 1, tz=NEW_YORK))
    # 2026-03-08 02:30 does not exist in New York: the slot is 03:30 EDT (07:30 UTC)
    a = advise_missed_dose(r, [], at(2026, 3, 8, 7, 31))
    assert utc_of(a.slot) == at(2026, 3, 8, 7, 30)
    r = daily(times=(dt.time(1, 30),), tz="America/New_York", start=at(2026, 10, 1, tz=NEW_YORK))
    # 2026-11-01 01:30 happens twice: the slot is the first (EDT, 05:30 UTC)
    a = advise_missed_dose(r, [], at(2026, 11, 1, 5, 45))
    assert utc_of(a.slot) == at(2026, 11, 1, 5, 30)


def test_only_one_dose_is_made_up_and_a_long_gap_says_contact_the_prescriber():
    r = daily(tz="UTC", start=at(2026, 1, 1))
    taken = [Intake(at(2026, 1, 1, 8), 60)]
    two = advise_missed_dose(r, taken, at(2026, 1, 3, 9))
    assert (two.action, two.dose_mg, two.missed_in_a_row, two.contact_prescriber) == (
        Action.TAKE_NOW,
        60,
        2,
        False,
    )
    three = advise_missed_dose(r, taken, at(2026, 1, 4, 9))
    assert (three.dose_mg, three.missed_in_a_row, three.contact_prescriber) == (60, 3, True)
    assert three.reason.startswith("You have missed 3 doses in a row, so contact your prescriber")
    never = advise_missed_dose(r, [], at(2026, 1, 11, 9))
    assert never.missed_in_a_row == 11
    twice = Regimen(30, [dt.time(8), dt.time(20)], "UTC", at(2026, 1, 1))
    five = advise_missed_dose(twice, [], at(2026, 1, 3, 9))
    assert (five.missed_in_a_row, five.contact_prescriber) == (5, False)
    six = advise_missed_dose(twice, [], at(2026, 1, 3, 21))
    assert (six.missed_in_a_row, six.contact_prescriber) == (6, True)


def test_an_early_intake_for_the_next_slot_still_leaves_this_one_missed():
    r = daily(tz="UTC", start=at(2026, 1, 1))
    taken = [Intake(at(2026, 1, 1, 8), 60), Intake(at(2026, 1, 2, 21), 60)]  # owns 3 Jan 08:00
    a = advise_missed_dose(r, taken, at(2026, 1, 2, 22))
    assert a.action is Action.SKIP
    assert a.missed_in_a_row == 1


def test_history_and_list_give_the_same_answer():
    r = daily()
    taken = [Intake(at(2026, 1, d, 8), 60) for d in range(5, 30)]
    now = at(2026, 1, 30, 9)
    assert advise_missed_dose(r, taken, now) == advise_missed_dose(
        r, duloxinfo.IntakeHistory(reversed(taken)), now
    )


def test_not_due():
    same(
        duloxinfo.advise_missed_dose(R, [], jan(5, 7)),
        advice(
            Action.NOT_DUE,
            0,
            None,
            jan(5, 8),
            0,
            False,
            "No dose is due yet: take your first dose of 60 mg at 08:00 on 2026-01-05, as "
            "your prescriber directs.",
            "missed-dose/not-due",
        ),
    )


def test_already_taken_a_little_early():
    same(
        duloxinfo.advise_missed_dose(R, [Intake(jan(5, 7, 50), 60)], jan(5, 9)),
        advice(
            Action.ALREADY_TAKEN,
            0,
            jan(5, 8),
            jan(6, 8),
            0,
            False,
            "You have already taken the 08:00 dose; take the next one at 08:00 on "
            "2026-01-06, as your prescriber directs.",
            "missed-dose/already-taken",
        ),
    )


def test_take_now_at_the_first_slot_which_is_the_start_itself():
    same(
        duloxinfo.advise_missed_dose(R, [], jan(5, 8)),
        advice(
            Action.TAKE_NOW,
            60,
            jan(5, 8),
            jan(6, 8),
            1,
            False,
            "Take your 08:00 dose (60 mg) now, then the next one at its usual time, 08:00 on "
            "2026-01-06; never take two doses to make up for a missed one.",
            "missed-dose/take-now",
        ),
    )


def test_skip_after_days_of_missed_doses_says_contact_the_prescriber():
    same(
        duloxinfo.advise_missed_dose(R, [Intake(jan(5, 8), 60)], jan(9, 21)),
        advice(
            Action.SKIP,
            0,
            jan(9, 8),
            jan(10, 8),
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
    result = duloxinfo.advise_missed_dose(R, [Intake(jan(5, 8), 60)], jan(7, 9))
    assert (result.action, result.missed_in_a_row, result.contact_prescriber) == (
        Action.TAKE_NOW,
        2,
        False,
    )
    assert result.reason.startswith("Take your 08:00 dose")
    three = duloxinfo.advise_missed_dose(R, [Intake(jan(5, 8), 60)], jan(8, 9))
    assert (three.missed_in_a_row, three.contact_prescriber) == (3, True)
    assert three.reason.startswith("You have missed 3 doses in a row, so contact your prescriber")


def test_a_regimen_starting_exactly_on_a_slot_is_not_due_just_before_it():
    later = Regimen(60, [dt.time(8)], "Europe/London", jan(20, 8))
    assert duloxinfo.advise_missed_dose(later, [], jan(20, 7, 59)).next_dose_at == jan(20, 8)
    assert duloxinfo.advise_missed_dose(later, [], jan(20, 8)).action is Action.TAKE_NOW


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


# Not errors, on purpose: each is a valid question with a definite answer.


def test_a_regimen_starting_after_now_is_not_due_yet_not_an_error():
    later = Regimen(60, [dt.time(8)], "Europe/London", NOW + dt.timedelta(days=3))
    advice = duloxinfo.advise_missed_dose(later, [], NOW)
    first = dt.datetime(2026, 2, 5, 8, tzinfo=UTC)  # 08:00 in London, the day after the start
    assert (advice.action, advice.next_dose_at) == (duloxinfo.Action.NOT_DUE, first)


def test_empty_and_enormous_histories_are_answered():
    assert advise_missed_dose(R, [], NOW).action is duloxinfo.Action.TAKE_NOW
    many = [duloxinfo.Intake(NOW - dt.timedelta(minutes=i), 20) for i in range(20_000)]
    history = duloxinfo.IntakeHistory(many)
    assert duloxinfo.advise_missed_dose(R, history, NOW).action is duloxinfo.Action.ALREADY_TAKEN
    assert duloxinfo.DoubleDoseKind.SAME_SLOT in {f.kind for f in duloxinfo.audit(R, history)}
