"""The rules on hand-worked cases: validation messages, the decision around its edges,
daylight saving, audit, titration and supply.  The properties are in test_rules_properties."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import _oracle
import duloxinfo
from duloxinfo import Action, Intake, Regimen, advise_missed_dose, audit

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def at(y, mo, d, h=0, mi=0, tz=UTC):
    return dt.datetime(y, mo, d, h, mi, tzinfo=tz)


def daily(dose=60, times=(dt.time(8),), tz="Europe/London", start=None):
    return Regimen(dose, list(times), tz, start or at(2026, 1, 5, tz=LONDON))


# validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"dose_mg": 45}, duloxinfo.DoseError, "dose_mg: 45 mg cannot be made of whole capsules"),
        ({"dose_mg": 10}, duloxinfo.DoseError, "dose_mg: 10 mg cannot be made"),
        ({"dose_mg": 0}, duloxinfo.DoseError, "dose_mg: 0 mg is not a positive dose"),
        ({"dose_mg": -30}, duloxinfo.DoseError, "dose_mg: -30 mg is not a positive dose"),
        (
            {"dose_mg": 30.0},
            duloxinfo.DoseError,
            "dose_mg: expected a whole number of mg, got float",
        ),
        ({"dose_mg": True}, duloxinfo.DoseError, "got bool True"),
        ({"dose_mg": "60"}, duloxinfo.DoseError, "got str '60'"),
        ({"dose_mg": 150}, duloxinfo.DoseError, "150 mg is over the label's maximum of 120 mg"),
        (
            {"dose_mg": 80, "times": [dt.time(8), dt.time(20)]},
            duloxinfo.DoseError,
            "80 mg x 2 a day = 160 mg is over the label's maximum of 120 mg a day",
        ),
        ({"times": []}, duloxinfo.ScheduleError, "times: 0 times a day given"),
        (
            {"times": [dt.time(8), dt.time(14), dt.time(20)], "dose_mg": 20},
            duloxinfo.ScheduleError,
            "times: 3 times a day given",
        ),
        ({"times": [dt.time(8), dt.time(8)]}, duloxinfo.ScheduleError, "08:00:00 is given twice"),
        (
            {"times": ["08:00"]},
            duloxinfo.ScheduleError,
            "times[0]: expected a datetime.time, got str",
        ),
        ({"times": "08:00"}, duloxinfo.ScheduleError, "times: expected a sequence"),
        (
            {"times": [dt.time(8, tzinfo=UTC)]},
            duloxinfo.ScheduleError,
            "times[0]: 08:00:00+00:00 carries a time zone",
        ),
        ({"tz": "Europe/Lodnon"}, duloxinfo.TimeZoneError, "tz: 'Europe/Lodnon' is not a known"),
        ({"tz": "../etc/passwd"}, duloxinfo.TimeZoneError, "tz: '../etc/passwd' is not a known"),
        ({"tz": UTC}, duloxinfo.TimeZoneError, "tz: expected an IANA zone name or a ZoneInfo"),
        (
            {"start": dt.datetime(2026, 1, 5)},
            duloxinfo.NaiveDatetimeError,
            "start: 2026-01-05T00:00:00 has no time zone",
        ),
        (
            {"start": dt.date(2026, 1, 5)},
            duloxinfo.InvalidDatetimeError,
            "start: expected an aware datetime, got date",
        ),
        (
            {"start": dt.datetime(1, 1, 1, tzinfo=UTC)},
            duloxinfo.InvalidDatetimeError,
            "outside the supported years 2 to 9998",
        ),
    ],
)
def test_regimen_validation_names_field_and_value(kwargs, error, message):
    args = {"dose_mg": 60, "times": [dt.time(8)], "tz": "Europe/London", "start": at(2026, 1, 5)}
    args.update(kwargs)
    with pytest.raises(error) as info:
        Regimen(**args)
    assert message in str(info.value)
    assert isinstance(info.value, duloxinfo.DuloxinfoError)
    assert isinstance(info.value, ValueError)


def test_valid_regimens_are_the_labels():
    assert Regimen(50, [dt.time(8)], "UTC", at(2026, 1, 1)).daily_dose_mg == 50  # 20 + 30
    assert Regimen(60, [dt.time(20), dt.time(8)], "UTC", at(2026, 1, 1)).times == (
        dt.time(8),
        dt.time(20),
    )
    assert Regimen(120, [dt.time(8)], "UTC", at(2026, 1, 1)).doses_per_day == 1


def test_intake_validation():
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="at: "):
        Intake(dt.datetime(2026, 1, 5, 8), 60)
    with pytest.raises(duloxinfo.DoseError, match="dose_mg: 25 mg cannot be made"):
        Intake(at(2026, 1, 5, 8), 25)
    with pytest.raises(duloxinfo.DoseError, match="dose_mg: 0 mg is not a positive dose"):
        Intake(at(2026, 1, 5, 8), 0)
    with pytest.raises(duloxinfo.HistoryError, match=r"intakes\[1\]: expected an Intake, got str"):
        duloxinfo.IntakeHistory([Intake(at(2026, 1, 5, 8), 60), "x"])
    assert Intake(at(2026, 1, 5, 8), 10**30).dose_mg == 10**30  # huge but makeable: no hang


# the decision -------------------------------------------------------------------------


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


def utc_of(x):
    return x.astimezone(UTC)


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


def test_bad_input_to_the_decision():
    r = daily()
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="now: "):
        advise_missed_dose(r, [], dt.datetime(2026, 1, 6, 8))
    with pytest.raises(duloxinfo.HistoryError, match="is after now"):
        advise_missed_dose(r, [Intake(at(2026, 1, 7), 60)], at(2026, 1, 6))
    with pytest.raises(duloxinfo.HistoryError, match="intakes: expected an iterable"):
        advise_missed_dose(r, 5, at(2026, 1, 6))  # type: ignore[arg-type]


def test_history_and_list_give_the_same_answer():
    r = daily()
    taken = [Intake(at(2026, 1, d, 8), 60) for d in range(5, 30)]
    now = at(2026, 1, 30, 9)
    assert advise_missed_dose(r, taken, now) == advise_missed_dose(
        r, duloxinfo.IntakeHistory(reversed(taken)), now
    )


# audit ------------------------------------------------------------------------------


def test_audit_names_each_kind():
    r = daily(tz="UTC", start=at(2026, 1, 1))
    big = Intake(at(2026, 1, 1, 8), 120)
    same_a, same_b = Intake(at(2026, 1, 2, 8), 60), Intake(at(2026, 1, 2, 12), 60)
    close_a, close_b = Intake(at(2026, 1, 3, 19), 60), Intake(at(2026, 1, 3, 21), 60)
    found = audit(r, [close_b, same_b, big, close_a, same_a])
    kinds = [(f.kind, f.intakes) for f in found]
    assert kinds == [
        (duloxinfo.DoubleDoseKind.OVERSIZED_INTAKE, (big,)),
        (duloxinfo.DoubleDoseKind.SAME_SLOT, (same_a, same_b)),
        (duloxinfo.DoubleDoseKind.TOO_CLOSE, (close_a, close_b)),
    ]
    assert found[2].slots == (at(2026, 1, 3, 8), at(2026, 1, 4, 8))
    assert "2 h 00 min apart" in found[2].explanation
    assert audit(r, []) == ()


# titration and supply -----------------------------------------------------------------


def test_titration_stages():
    start = at(2026, 1, 5, 8)
    thirty = Regimen(30, [dt.time(8)], "UTC", start)
    week = [Intake(start + dt.timedelta(days=d), 30) for d in range(7)]
    status = duloxinfo.titration_status
    assert status(thirty, week[:3], start + dt.timedelta(days=3)).stage.value == "starting"
    six = status(thirty, week[:6], start + dt.timedelta(days=8))
    assert (six.stage.value, six.starting_doses_taken) == ("starting", 6)
    ok = status(thirty, week, start + dt.timedelta(days=7))
    assert ok.stage is duloxinfo.TitrationStage.ELIGIBLE_TO_ASK
    assert "ask your prescriber" in ok.reason
    assert "do not change the dose yourself" in ok.reason
    sixty = Regimen(60, [dt.time(8)], "UTC", start)
    assert status(sixty, [], start).stage is duloxinfo.TitrationStage.USUAL_MAXIMUM
    split = Regimen(30, [dt.time(8), dt.time(20)], "UTC", start)
    assert status(split, [], start).stage is duloxinfo.TitrationStage.USUAL_MAXIMUM
    high = Regimen(60, [dt.time(8), dt.time(20)], "UTC", start)
    assert status(high, [], start).stage is duloxinfo.TitrationStage.ABOVE_PAIN_MAXIMUM
    low = Regimen(20, [dt.time(8)], "UTC", start)
    assert status(low, [], start).stage is duloxinfo.TitrationStage.OUTSIDE_PLAN
    for s in duloxinfo.TitrationStage:
        assert s.value  # every stage has a stable value


def test_titration_never_counts_double_or_wrong_doses_twice():
    start = at(2026, 1, 5, 8)
    thirty = Regimen(30, [dt.time(8)], "UTC", start)
    doubled = [Intake(start + dt.timedelta(days=d // 2, hours=d % 2), 30) for d in range(14)]
    s = duloxinfo.titration_status(thirty, doubled, start + dt.timedelta(days=8))
    assert s.starting_doses_taken == 7
    assert s.stage is duloxinfo.TitrationStage.ELIGIBLE_TO_ASK


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


@pytest.mark.parametrize(
    ("strength", "count", "lead", "message"),
    [
        (40, 10, dt.timedelta(days=7), "whole 40 mg capsules cannot make the 60 mg dose"),
        (25, 10, dt.timedelta(days=7), "strength_mg: 25 is not a marketed capsule strength"),
        (True, 10, dt.timedelta(days=7), "strength_mg: True is not a marketed"),
        (
            30,
            -1,
            dt.timedelta(days=7),
            "count: expected a whole number of capsules of at least 0, got -1",
        ),
        (30, 2.5, dt.timedelta(days=7), "got 2.5"),
        (30, 10, dt.timedelta(days=-1), "lead_time: expected whole days"),
        (30, 10, dt.timedelta(hours=5), "lead_time: expected whole days"),
    ],
)
def test_supply_errors(strength, count, lead, message):
    r = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 1))
    with pytest.raises(duloxinfo.SupplyError, match=message):
        duloxinfo.supply_forecast(r, strength, count, at(2026, 1, 2), lead_time=lead)


def test_too_close_boundary_exactly_half_the_interval_is_not_a_double_dose():
    # 08:00 daily: 14:00 belongs to 5 Jan's slot, 02:00 to 6 Jan's (past the 20:00 midpoint).
    r = daily(tz="UTC", start=at(2026, 1, 1))
    early = Intake(at(2026, 1, 5, 14), 60)
    assert audit(r, [early, Intake(at(2026, 1, 6, 2), 60)]) == ()  # 12 h apart: exactly half
    late = Intake(at(2026, 1, 6, 2) - dt.timedelta(microseconds=1), 60)
    found = audit(r, [early, late])
    assert [(f.kind, f.intakes) for f in found] == [
        (duloxinfo.DoubleDoseKind.TOO_CLOSE, (early, late))
    ]


def test_titration_with_no_history_has_taken_no_starting_doses():
    start = at(2026, 1, 5, 8)
    thirty = Regimen(30, [dt.time(8)], "UTC", start)
    empty = duloxinfo.IntakeHistory([])
    assert len(empty) == 0
    s = duloxinfo.titration_status(thirty, empty, start + dt.timedelta(days=10))
    assert (s.stage, s.starting_doses_taken) == (duloxinfo.TitrationStage.STARTING, 0)


def test_supply_over_years_where_two_times_merge_every_spring():
    # 02:30 does not exist on New York's spring-forward night and moves to 03:30, the
    # other dose time: those two are one slot that day, so ten years hold fewer slots
    # than twice the days, and the forecast must still count whole doses exactly.
    start = at(2026, 1, 1, tz=NEW_YORK)
    r = Regimen(30, [dt.time(2, 30), dt.time(3, 30)], "America/New_York", start)
    count = 2 * 3650
    s = duloxinfo.supply_forecast(r, 30, count, start)
    slots = _oracle.schedule(r, start, start + dt.timedelta(days=3700))
    covered = [x for x in slots if x >= start.astimezone(UTC)][:count]
    assert s.doses_left == count
    assert s.last_covered_dose == covered[-1]
    assert s.last_covered_dose > start + dt.timedelta(days=3650)  # each merged day lasts longer


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


def test_supply_refuses_what_it_cannot_forecast():
    r = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 1))
    with pytest.raises(duloxinfo.SupplyError, match=r"lead_time: .* is more than 3660 days"):
        duloxinfo.supply_forecast(r, 60, 10, at(2026, 1, 2), lead_time=dt.timedelta(days=4000))
    late = Regimen(60, [dt.time(8)], "UTC", at(9998, 6, 1))
    with pytest.raises(
        duloxinfo.SupplyError, match="count: 3000 capsules from 9998-06-02 last past"
    ):
        duloxinfo.supply_forecast(late, 60, 3000, at(9998, 6, 2))
