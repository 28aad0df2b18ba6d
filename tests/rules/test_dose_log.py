"""dose_log: each scheduled dose of a period, what happened to it, and the stray intakes.

Hand-worked logs pin whole records (statuses at the ISMP windows' edges, capsules of one
dose, extra doses, not sure, a pause, a clock change).  The properties hold on any plan
and history: every slot once, every intake once, the same slot as the missed-dose
advice and the audit, adjacent periods adding up, a shift by whole days shifting it.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duloxinfo import (
    Action,
    Intake,
    IntakeHistory,
    InvalidDatetimeError,
    Plan,
    Regimen,
    ScheduleError,
    WrongTypeError,
    adherence,
    advise_missed_dose,
    audit,
    dose_times,
    reasons,
)
from duloxinfo.choices import ON_TIME_ONCE_DAILY, ON_TIME_TWICE_DAILY
from duloxinfo.rules import _inputs, _timeline
from duloxinfo.rules.dose_log import DoseLog, LoggedDose, dose_log
from duloxinfo.rules.dose_status import DoseStatus
from support import oracle
from support.safety import situations
from support.strategies import in_any_zone, plans
from support.times import LONDON, NEW_YORK, at, jan, same

H = dt.timedelta(hours=1)
MIN = dt.timedelta(minutes=1)
US = dt.timedelta(microseconds=1)
R = Regimen(60, [dt.time(8)], "Europe/London", jan(5, 0))


def logged(slot, status, taken=(), extra=(), offset=None, dose=60, within=ON_TIME_ONCE_DAILY):
    return LoggedDose(
        slot=slot,
        dose_mg=dose,
        status=status,
        taken=tuple(taken),
        extra=tuple(extra),
        offset=offset,
        on_time_within=within,
    )


# -- hand-worked logs --------------------------------------------------------------------


def test_a_week_of_once_daily_doses_each_status_whole():
    on_time = Intake(jan(5, 8, 20), 60)
    early = Intake(jan(6, 5, 0), 60)
    late = Intake(jan(7, 13, 0), 60)
    capsules = (Intake(jan(9, 9, 0), 30), Intake(jan(9, 9, 1), 30))
    unsure = Intake(jan(10, 7, 0), 60, certain=False)
    again = Intake(jan(11, 17, 0), 60)
    first = Intake(jan(11, 8, 0), 60)
    history = [again, unsure, *capsules, late, early, on_time, first]
    log = dose_log(R, history, jan(5, 0), jan(12, 0))
    same(
        log,
        DoseLog(
            start=jan(5, 0),
            end=jan(12, 0),
            doses=(
                logged(jan(5, 8), DoseStatus.ON_TIME, [on_time], offset=20 * MIN),
                logged(jan(6, 8), DoseStatus.EARLY, [early], offset=-3 * H),
                logged(jan(7, 8), DoseStatus.LATE, [late], offset=5 * H),
                logged(jan(8, 8), DoseStatus.MISSED),
                logged(jan(9, 8), DoseStatus.ON_TIME, capsules, offset=H),
                logged(jan(10, 8), DoseStatus.NOT_SURE, [unsure], offset=-H),
                logged(jan(11, 8), DoseStatus.ON_TIME, [first], [again], offset=dt.timedelta(0)),
            ),
            unscheduled=(),
        ),
    )
    assert log.doses[6].intakes == (first, again)


@pytest.mark.parametrize(
    ("times", "within"),
    [([dt.time(8)], ON_TIME_ONCE_DAILY), ([dt.time(8), dt.time(20)], ON_TIME_TWICE_DAILY)],
)
def test_the_on_time_window_includes_its_edges_and_nothing_past_them(times, within):
    r = Regimen(30, times, "UTC", at(2026, 1, 5))
    slot = at(2026, 1, 6, 8)
    expected = {
        -within - US: DoseStatus.EARLY,
        -within: DoseStatus.ON_TIME,
        dt.timedelta(0): DoseStatus.ON_TIME,
        within: DoseStatus.ON_TIME,
        within + US: DoseStatus.LATE,
    }
    for offset, status in expected.items():
        (found,) = dose_log(r, [Intake(slot + offset, 30)], slot, slot + US).doses
        assert (found.status, found.offset, found.on_time_within) == (status, offset, within)
    assert ON_TIME_ONCE_DAILY == 2 * H
    assert ON_TIME_TWICE_DAILY == H


def test_not_sure_only_when_no_dose_of_the_slot_is_certain():
    slot = jan(6, 8)
    unsure = Intake(jan(6, 7, 50), 60, certain=False)
    sure = Intake(jan(6, 11), 60)
    log = dose_log(R, [unsure, sure], slot, slot + US)
    assert log.doses == (logged(slot, DoseStatus.LATE, [sure], [unsure], offset=3 * H),)
    # Capsules of one dose: one not sure makes the dose not sure.
    part = (Intake(jan(6, 8), 30), Intake(jan(6, 8, 5), 30, certain=False))
    (found,) = dose_log(R, part, slot, slot + US).doses
    assert (found.status, found.taken, found.extra) == (DoseStatus.NOT_SURE, part, ())


def test_capsules_of_one_dose_stop_at_the_dose_and_at_thirty_minutes():
    slot = jan(6, 8)
    a, b = Intake(jan(6, 8), 30), Intake(jan(6, 8, 30), 30)
    c = Intake(jan(6, 8, 31), 30)
    (found,) = dose_log(R, [a, b, c], slot, slot + US).doses
    assert (found.taken, found.extra) == ((a, b), (c,))
    late_part = Intake(jan(6, 8, 31), 30)
    (found,) = dose_log(R, [a, late_part], slot, slot + US).doses
    assert (found.taken, found.extra) == ((a,), (late_part,))
    big = Intake(jan(6, 8), 120)
    (found,) = dose_log(R, [big, Intake(jan(6, 8, 1), 20)], slot, slot + US).doses
    assert (found.taken, found.status, len(found.extra)) == ((big,), DoseStatus.ON_TIME, 1)


def test_the_period_is_half_open_and_an_intake_follows_its_slot():
    # The 5th's dose taken at 23:00 on the 4th is in the log from the 5th; the 7th's
    # dose is at the period's end, so it is out, with its early intake.
    early = Intake(jan(4, 23), 60)
    before_end = Intake(jan(7, 6), 60)
    late = Intake(jan(6, 19), 60)
    log = dose_log(R, [early, before_end, late], jan(5, 8), jan(7, 8))
    assert [(d.slot, d.taken) for d in log.doses] == [(jan(5, 8), (early,)), (jan(6, 8), (late,))]
    assert log.unscheduled == ()
    assert dose_log(R, [early], jan(5, 8), jan(5, 8)) == DoseLog(
        start=jan(5, 8), end=jan(5, 8), doses=(), unscheduled=()
    )


def test_intakes_no_slot_owns_are_unscheduled_in_the_period_they_were_taken_in():
    first = Regimen(60, [dt.time(8)], "Europe/London", jan(5, 0), end=jan(8, 0))
    then = Regimen(30, [dt.time(8), dt.time(20)], "America/New_York", jan(12, 0))
    plan = Plan([first, then])
    in_pause = Intake(jan(9, 20), 60)
    before = Intake(jan(3, 12), 60)
    log = dose_log(plan, [in_pause, before], jan(1, 0), jan(13, 0))
    assert log.unscheduled == (before, in_pause)
    assert [d.slot for d in log.doses] == list(dose_times(plan, jan(1, 0), jan(13, 0)))
    ny = [d for d in log.doses if d.dose_mg == 30]
    assert {d.slot.tzinfo for d in ny} == {NEW_YORK}
    assert {d.on_time_within for d in ny} == {ON_TIME_TWICE_DAILY}
    assert dose_log(plan, [in_pause], jan(10, 0), jan(11, 0)).unscheduled == ()


def test_a_dose_exactly_at_the_midpoint_belongs_to_the_later_dose_even_out_of_the_period():
    # 08:00 daily: 20:00 is the midpoint, the first instant of the next dose's window.
    # Asked for the 6th alone, the dose at 20:00 is the 7th's, so it is not unscheduled.
    r = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 5))
    midpoint = Intake(at(2026, 1, 6, 20), 60)
    alone = dose_log(r, [midpoint], at(2026, 1, 6), at(2026, 1, 7))
    assert ([d.status for d in alone.doses], alone.unscheduled) == ([DoseStatus.MISSED], ())
    both = dose_log(r, [midpoint], at(2026, 1, 6), at(2026, 1, 8)).doses
    assert [(d.status, d.taken) for d in both] == [
        (DoseStatus.MISSED, ()),
        (DoseStatus.EARLY, (midpoint,)),
    ]


def test_phases_one_and_a_half_intervals_apart_are_each_others_neighbours():
    # 08:00 daily to 08:00 on the 7th (its last dose on the 6th), then 20:00 daily: the
    # two doses are 36 hours apart, exactly one and a half intervals, so they share the
    # midpoint 02:00 on the 7th.  23:00 is late for the 6th's dose; 05:00 early for the
    # 7th's (neither belongs to the 20:00 the second phase would have had on the 6th, nor
    # the 08:00 the first would have had on the 7th).
    first = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 5), end=at(2026, 1, 7, 8))
    then = Regimen(60, [dt.time(20)], "UTC", at(2026, 1, 7, 8))
    late, early = Intake(at(2026, 1, 6, 23), 60), Intake(at(2026, 1, 7, 5), 60)
    log = dose_log(Plan([first, then]), [late, early], at(2026, 1, 6), at(2026, 1, 8))
    assert [(d.slot, d.status, d.taken) for d in log.doses] == [
        (at(2026, 1, 6, 8), DoseStatus.LATE, (late,)),
        (at(2026, 1, 7, 20), DoseStatus.EARLY, (early,)),
    ]
    assert log.unscheduled == ()


def test_offsets_are_real_time_across_a_clock_change():
    # 08:00 London on 29 March 2026 is 07:00 UTC; a dose at 07:30 UTC is 30 minutes late.
    r = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 3, 27))
    taken = Intake(at(2026, 3, 29, 7, 30), 60)
    (found,) = dose_log(r, [taken], at(2026, 3, 29), at(2026, 3, 30)).doses
    assert found.slot == dt.datetime(2026, 3, 29, 8, tzinfo=LONDON)
    assert found.slot.tzinfo is LONDON
    assert (found.offset, found.status) == (30 * MIN, DoseStatus.ON_TIME)


def test_the_log_accepts_a_history_and_instants_in_any_zone():
    taken = [Intake(jan(5, 8, tz=NEW_YORK), 60)]
    start = jan(5, 0).astimezone(ZoneInfo("Asia/Kathmandu"))
    a = dose_log(R, IntakeHistory(taken), start, jan(8, 0))
    b = dose_log(R, taken, start, jan(8, 0))
    assert a == b
    assert a.start is start


@pytest.mark.parametrize(
    ("call", "error", "text"),
    [
        (lambda: dose_log("plan", [], jan(5, 0), jan(6, 0)), WrongTypeError, "plan:"),
        (lambda: dose_log(R, 5, jan(5, 0), jan(6, 0)), WrongTypeError, "intakes:"),
        (lambda: dose_log(R, [1], jan(5, 0), jan(6, 0)), WrongTypeError, "intakes[0]:"),
        (lambda: dose_log(R, [], "2026-01-05", jan(6, 0)), WrongTypeError, "start:"),
        (
            lambda: dose_log(R, [], jan(5, 0), dt.datetime(2026, 1, 6)),
            InvalidDatetimeError,
            "end:",
        ),
        (lambda: dose_log(R, [], jan(6, 0), jan(5, 0)), ScheduleError, "end: 2026-01-05"),
        (
            lambda: dose_log(R, [], at(2026, 1, 1), at(2036, 1, 11)),
            ScheduleError,
            "end: 2036-01-11T00:00:00+00:00 is more than 3660 days",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_argument(call, error, text):
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value).startswith(text)


# -- properties ----------------------------------------------------------------------------


@st.composite
def periods(draw):
    """A situation (plan, history up to now) and a period around now, edges in any zone."""
    plan, intakes, now = draw(situations())
    now = oracle.utc(now)  # arithmetic on a zone's datetime would be wall-clock arithmetic
    before = dt.timedelta(seconds=draw(st.integers(0, 8 * 86_400)))
    after = dt.timedelta(seconds=draw(st.integers(0, 2 * 86_400)))
    start = draw(in_any_zone(now - before))
    end = draw(in_any_zone(now + after))
    return plan, intakes, start, end


def _in_period(plan, intake, start, end):
    """An intake is in a period when its slot is (oracle), or, with none, it is."""
    found = oracle.owner(plan, intake.at)
    x = oracle.utc(intake.at) if found is None else found[0]
    return oracle.utc(start) <= x < oracle.utc(end)


@given(periods())
def test_every_slot_and_every_intake_of_the_period_appears_exactly_once(case):
    plan, intakes, start, end = case
    log = dose_log(plan, intakes, start, end)
    assert [d.slot for d in log.doses] == list(dose_times(plan, start, end))
    assert [repr(d.slot) for d in log.doses] == [repr(s) for s in dose_times(plan, start, end)]
    listed = [i for d in log.doses for i in d.intakes] + list(log.unscheduled)
    expected = [i for i in intakes if _in_period(plan, i, start, end)]
    assert sorted(map(id, listed)) == sorted(map(id, expected))
    for d in log.doses:
        assert all(oracle.owner(plan, i.at)[0] == oracle.utc(d.slot) for i in d.intakes)
        assert (d.status is DoseStatus.MISSED) == (not d.taken)
        assert (d.offset is None) == (not d.taken)
        assert not d.extra or d.taken
    assert all(oracle.owner(plan, i.at) is None for i in log.unscheduled)


@given(periods())
def test_asked_at_the_end_a_dose_is_due_exactly_when_an_intake_then_would_count_for_it(case):
    plan, intakes, start, end = case
    now = oracle.utc(end)
    before = [i for i in intakes if oracle.utc(i.at) <= now]
    asked = dose_log(plan, before, start, end, now=end)
    told = dose_log(plan, before, start, end)
    assert [d.slot for d in asked.doses] == [d.slot for d in told.doses]
    assert asked.unscheduled == told.unscheduled
    owner = oracle.owner(plan, now)
    for a, t in zip(asked.doses, told.doses, strict=True):
        if a.status is DoseStatus.DUE:
            # Only a missed dose can be due, and only the one whose window holds now.
            assert t.status is DoseStatus.MISSED
            assert owner is not None
            assert owner[0] == oracle.utc(a.slot)
            assert (a.taken, a.extra, a.offset) == ((), (), None)
        else:
            assert a == t
            if a.status is DoseStatus.MISSED:
                assert owner is None or owner[0] != oracle.utc(a.slot)


def test_a_dose_is_due_until_its_window_closes_and_then_missed():
    # 08:00 daily in London; nothing taken on the 8th.  Its window runs to 20:00, the
    # midpoint to the next dose: an intake until then would count for it.
    r = Regimen(60, [dt.time(8)], "Europe/London", jan(5, 0))
    taken = [Intake(at(2026, 1, d, 8), 60) for d in (5, 6, 7)]
    for hour, minute, status in ((8, 1, "due"), (19, 59, "due"), (20, 0, "missed")):
        now = at(2026, 1, 8, hour, minute)
        log = dose_log(r, taken, jan(8, 0), now, now=now)
        assert [d.status.value for d in log.doses] == [status]
        advice = advise_missed_dose(r, taken, now)
        # While it is due, the missed-dose advice is to take it now; once missed, to skip it.
        assert advice.slot == at(2026, 1, 8, 8)
        assert advice.action is (Action.TAKE_NOW if status == "due" else Action.SKIP)
    # The same question without now: the intakes given are all there are.
    assert dose_log(r, [], jan(8, 0), at(2026, 1, 8, 8, 1)).doses[0].status is DoseStatus.MISSED
    # A period that ends before now: a dose whose window is still open is due too.
    now = at(2026, 1, 8, 9)
    log = dose_log(r, [], jan(7, 0), at(2026, 1, 8, 8, 30), now=now)
    assert [d.status.value for d in log.doses] == ["missed", "due"]


@given(situations(), st.data())
def test_the_log_and_the_missed_dose_advice_agree_on_which_slot_an_intake_covers(case, data):
    plan, intakes, _ = case
    start = oracle.utc(oracle.phases(plan)[0].start) - dt.timedelta(days=1)
    log = dose_log(plan, intakes, start, start + dt.timedelta(days=10))
    d = data.draw(st.sampled_from(log.doses))
    slot = oracle.utc(d.slot)
    following = dose_times(plan, slot + US, slot + 3 * dt.timedelta(days=1))
    limit = oracle.utc(following[0]) if following else slot + dt.timedelta(days=1)
    fraction = data.draw(st.floats(0, 1, exclude_max=True))
    now = min(slot + (limit - slot) * fraction, limit - US)
    before = [i for i in intakes if oracle.utc(i.at) <= now]
    advice = advise_missed_dose(plan, before, now)
    assert advice.slot == d.slot
    covered = any(oracle.utc(i.at) <= now for i in d.intakes)
    # Taken: ALREADY_TAKEN, or PLAN_ENDED when it was the plan's last dose (found by the
    # ci profile: the last slot of a Lord Howe phase, taken late, read as not covered).
    said_taken = isinstance(advice.because, reasons.AlreadyTaken) or (
        isinstance(advice.because, reasons.PlanEnded) and advice.because.taken is not None
    )
    assert said_taken == covered


@given(periods())
def test_the_log_and_the_audit_agree_on_which_slot_an_intake_covers(case):
    plan, intakes, start, end = case
    log = dose_log(plan, intakes, start, end)
    slot_of = {id(i): d.slot for d in log.doses for i in d.intakes}
    for finding in audit(plan, intakes):
        for intake in finding.intakes:
            if id(intake) in slot_of:
                assert slot_of[id(intake)] in finding.slots
            if any(i is intake for i in log.unscheduled):
                assert oracle.owner(plan, intake.at) is None


@given(periods(), st.data())
def test_adjacent_periods_add_up_to_the_whole(case, data):
    plan, intakes, start, end = case
    middle = oracle.utc(start) + (oracle.utc(end) - oracle.utc(start)) * data.draw(st.floats(0, 1))
    middle = min(max(middle, oracle.utc(start)), oracle.utc(end))
    whole = dose_log(plan, intakes, start, end)
    a, b = dose_log(plan, intakes, start, middle), dose_log(plan, intakes, middle, end)
    assert whole.doses == a.doses + b.doses
    assert sorted(map(id, whole.unscheduled)) == sorted(map(id, a.unscheduled + b.unscheduled))


@given(plans(), st.data())
def test_slots_between_gives_each_slot_the_window_of_the_attribution(plan, data):
    first = oracle.phases(plan)[0]
    lo = oracle.utc(first.start) - dt.timedelta(hours=data.draw(st.integers(0, 48)))
    hi = lo + dt.timedelta(hours=data.draw(st.integers(0, 24 * 10)))
    timeline = _timeline.Timeline(_inputs.as_plan(plan), IntakeHistory([]))
    found = timeline.slots_between(lo, hi)
    around = oracle.slots(plan, lo, hi)
    expected = [(s, i, *oracle.window(plan, (s, i), around)) for s, i in around if lo <= s < hi]
    assert found == expected


def _timeline_questions(monkeypatch, count):
    """dose_log and adherence of ``count`` intakes in a pause: the slots the timeline is asked for."""
    asked = [0]
    for name in ("at_or_before", "after", "owner"):
        method = getattr(_timeline.Timeline, name)

        def counted(self, instant, method=method):
            asked[0] += 1
            return method(self, instant)

        monkeypatch.setattr(_timeline.Timeline, name, counted)
    start = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)
    before = Regimen(60, [dt.time(8)], "UTC", start, end=start + dt.timedelta(days=2))
    plan = Plan([before, Regimen(60, [dt.time(8)], "UTC", start + dt.timedelta(days=400))])
    taken = start + dt.timedelta(days=10)
    intakes = IntakeHistory(Intake(taken + i * dt.timedelta(minutes=3), 60) for i in range(count))
    end = start + dt.timedelta(days=400)
    log = dose_log(plan, intakes, start, end)
    assert log.unscheduled == intakes.intakes  # far into the pause: no slot owns them
    assert [d.status for d in log.doses] == [DoseStatus.MISSED] * 2  # 5 and 6 Jan
    assert adherence(plan, intakes, start, end).extra == count
    monkeypatch.undo()
    return asked[0]


def test_issue_24_intakes_in_a_pause_cost_no_question_of_the_timeline_each(monkeypatch):
    # 100,000 intakes in a pause took dose_log 1.9 s: the slot of each was asked for one by
    # one, each a new span of wall times.  Counted, not timed: as many questions for 2,000
    # intakes as for 20.
    assert _timeline_questions(monkeypatch, 2000) == _timeline_questions(monkeypatch, 20)
