"""adherence: the ABC implementation measures of a period, by hand and as properties.

Worked examples pin whole records (each count and share, days in a zone, edge days, the
longest gap at the edges, drug holidays of each frequency, not sure both ways, a period
with no dose).  The properties: every share between 0 and 1, the counts agree with the
dose log, the figures counting uncertain intakes bound the others where they should, and
a shift of plan, history and period by whole days in UTC leaves every figure alone.
"""

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from duloxinfo import (
    Intake,
    IntakeHistory,
    Plan,
    Regimen,
    ScheduleError,
    WrongTypeError,
)
from duloxinfo.choices import DRUG_HOLIDAY_DAYS
from duloxinfo.rules.adherence import Adherence, adherence
from duloxinfo.rules.dose_log import dose_log
from duloxinfo.rules.dose_status import DoseStatus
from support import oracle
from support.safety import situations
from support.strategies import in_any_zone, plans
from support.times import NEW_YORK, at, same

DAY = dt.timedelta(days=1)
H = dt.timedelta(hours=1)


def jan(d, h=8, m=0):
    return at(2026, 1, d, h, m)


TWICE = Regimen(30, [dt.time(8), dt.time(20)], "UTC", jan(1, 0))
ONCE = Regimen(60, [dt.time(8)], "UTC", jan(1, 0))


def test_five_days_of_twice_daily_doses_every_figure():
    history = [
        Intake(jan(1, 8), 30),
        Intake(jan(1, 20, 30), 30),
        Intake(jan(2, 8), 30),
        Intake(jan(2, 22), 30),  # late: two hours
        Intake(jan(3, 8), 30, certain=False),  # not sure, on time if taken
        # 3rd 20:00, 4th 08:00 and 20:00 missed
        Intake(jan(5, 8), 30),
        Intake(jan(5, 9), 30),  # an extra dose for the 08:00 dose
        Intake(jan(5, 20), 20),  # part of a dose
    ]
    same(
        adherence(TWICE, history, jan(1, 0), jan(6, 0)),
        Adherence(
            start=jan(1, 0),
            end=jan(6, 0),
            prescribed=10,
            due=0,
            taken=6,
            unsure=1,
            on_time=5,
            unsure_on_time=1,
            days=5,
            correct_days=2,
            correct_days_with_unsure=2,
            extra=1,
            taking=0.6,
            taking_with_unsure=0.7,
            timing=0.5,
            timing_with_unsure=0.6,
            correct_dosing=0.4,
            correct_dosing_with_unsure=0.4,
            longest_gap=2 * DAY + 10 * H,
            longest_gap_with_unsure=2 * DAY,
            drug_holidays=0,
            drug_holidays_with_unsure=0,
        ),
    )


def test_a_day_is_a_local_date_of_the_phase_and_edge_days_hold_the_periods_doses():
    # 08:00 and 20:00 New York: the 20:00 dose is 01:00 UTC the next day, same local date.
    ny = Regimen(30, [dt.time(8), dt.time(20)], NEW_YORK, jan(1, 0))
    taken = [Intake(at(2026, 1, d, h, tz=NEW_YORK), 30) for d in (1, 2) for h in (8, 20)]
    a = adherence(ny, taken, at(2026, 1, 1, tz=NEW_YORK), at(2026, 1, 3, tz=NEW_YORK))
    assert (a.prescribed, a.days, a.correct_days, a.correct_dosing) == (4, 2, 2, 1.0)
    # From noon: the first day holds its 20:00 dose only, and it was taken.
    noon = adherence(ny, taken[1:2], at(2026, 1, 1, 12, tz=NEW_YORK), at(2026, 1, 2, tz=NEW_YORK))
    assert (noon.prescribed, noon.days, noon.correct_days) == (1, 1, 1)


def test_a_dose_taken_as_capsules_is_a_correct_day_and_part_of_a_dose_is_not():
    capsules = [Intake(jan(1, 8), 30), Intake(jan(1, 8, 2), 30)]
    part = [Intake(jan(2, 8), 30), Intake(jan(2, 8, 2), 20)]
    a = adherence(ONCE, capsules + part, jan(1, 0), jan(3, 0))
    assert (a.taken, a.on_time, a.extra, a.correct_days, a.correct_days_with_unsure) == (
        2,
        2,
        0,
        1,
        1,
    )


def test_uncertain_intakes_each_way():
    unsure_extra = [Intake(jan(1, 8), 60), Intake(jan(1, 18), 60, certain=False)]
    a = adherence(ONCE, unsure_extra, jan(1, 0), jan(2, 0))
    assert (a.correct_days, a.correct_days_with_unsure, a.extra) == (1, 0, 1)
    unsure_dose = [Intake(jan(1, 11), 60, certain=False)]
    b = adherence(ONCE, unsure_dose, jan(1, 0), jan(2, 0))
    assert (b.taken, b.unsure, b.on_time, b.unsure_on_time) == (0, 1, 0, 0)
    assert (b.correct_days, b.correct_days_with_unsure) == (0, 1)
    assert (b.longest_gap, b.longest_gap_with_unsure) == (DAY, 13 * H)


@pytest.mark.parametrize(
    ("regimen", "missed", "holidays"),
    [(ONCE, 2, 0), (ONCE, 3, 1), (TWICE, 5, 0), (TWICE, 6, 1)],
)
def test_a_drug_holiday_is_three_days_worth_of_doses_missed_in_a_row(regimen, missed, holidays):
    slots = [jan(1) + i * regimen.interval for i in range(20)]
    skipped = set(range(4, 4 + missed))
    taken = [Intake(s, regimen.dose_mg) for i, s in enumerate(slots) if i not in skipped]
    a = adherence(regimen, taken, jan(1, 0), slots[-1] + H)
    assert (a.drug_holidays, a.drug_holidays_with_unsure) == (holidays, holidays)
    assert DRUG_HOLIDAY_DAYS == 3


def test_drug_holidays_at_the_edges_and_broken_by_a_maybe_dose():
    # Three missed at the end count; a run begun before the period counts only its part.
    taken = [Intake(jan(d), 60) for d in (1, 2, 3)]
    assert adherence(ONCE, taken, jan(1, 0), jan(7, 0)).drug_holidays == 1
    assert adherence(ONCE, [], jan(5, 0), jan(7, 0)).drug_holidays == 0
    maybe = [Intake(jan(3), 60, certain=False)]
    a = adherence(ONCE, maybe, jan(1, 0), jan(6, 0))
    assert (a.drug_holidays, a.drug_holidays_with_unsure) == (1, 0)
    assert adherence(ONCE, [], jan(1, 0), jan(10, 0)).drug_holidays == 1


def test_a_period_with_no_dose_has_no_shares():
    later = Regimen(60, [dt.time(8)], "UTC", jan(10, 0))
    a = adherence(later, [Intake(jan(2), 60)], jan(1, 0), jan(5, 0))
    assert (a.prescribed, a.days, a.extra) == (0, 0, 1)
    assert (a.taking, a.timing, a.correct_dosing) == (None, None, None)
    assert (a.taking_with_unsure, a.timing_with_unsure, a.correct_dosing_with_unsure) == (
        None,
        None,
        None,
    )
    assert (a.longest_gap, a.longest_gap_with_unsure) == (2 * DAY + 16 * H, 2 * DAY + 16 * H)
    empty = adherence(later, [], jan(1, 0), jan(1, 0))
    assert (empty.prescribed, empty.longest_gap, empty.drug_holidays) == (0, dt.timedelta(0), 0)


def test_a_dose_still_due_at_now_is_in_no_figure():
    # Once daily 08:00 UTC; the 1st and 2nd taken, the 3rd and 4th missed, and asked at
    # 10:00 on the 5th with that day's dose not taken yet.  Without now, the 5th is a
    # third missed day in a row: a drug holiday.  With now, it is due, not judged yet.
    taken = [Intake(jan(d), 60) for d in (1, 2)]
    now = jan(5, 10)
    told = adherence(ONCE, taken, jan(1, 0), now)
    asked = adherence(ONCE, taken, jan(1, 0), now, now=now)
    assert (told.prescribed, told.due, told.drug_holidays, told.days) == (5, 0, 1, 5)
    assert (asked.prescribed, asked.due, asked.drug_holidays, asked.days) == (4, 1, 0, 4)
    assert (asked.taking, asked.timing, asked.correct_dosing) == (0.5, 0.5, 0.5)
    assert asked.longest_gap == told.longest_gap == now - jan(2)
    log = dose_log(ONCE, taken, jan(1, 0), now, now=now)
    assert asked.prescribed + asked.due == len(log.doses)
    assert [d.status for d in log.doses].count(DoseStatus.DUE) == asked.due


def test_a_pause_has_no_doses_to_miss_but_its_time_is_a_gap():
    first = Regimen(60, [dt.time(8)], "UTC", jan(1, 0), end=jan(3, 0))
    then = Regimen(60, [dt.time(8)], "UTC", jan(8, 0))
    taken = [Intake(jan(d), 60) for d in (1, 2, 8, 9)]
    a = adherence(Plan([first, then]), taken, jan(1, 0), jan(10, 0))
    assert (a.prescribed, a.taking, a.drug_holidays) == (4, 1.0, 0)
    assert a.longest_gap == 6 * DAY


@pytest.mark.parametrize(
    ("call", "error", "text"),
    [
        (lambda: adherence(None, [], jan(1, 0), jan(2, 0)), WrongTypeError, "plan:"),
        (lambda: adherence(ONCE, [None], jan(1, 0), jan(2, 0)), WrongTypeError, "intakes[0]:"),
        (lambda: adherence(ONCE, [], jan(1, 0), 5), WrongTypeError, "end:"),
        (lambda: adherence(ONCE, [], jan(2, 0), jan(1, 0)), ScheduleError, "end:"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(call, error, text):
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value).startswith(text)


# -- properties ----------------------------------------------------------------------------


@st.composite
def periods(draw):
    plan, intakes, now = draw(situations())
    now = oracle.utc(now)
    start = now - dt.timedelta(seconds=draw(st.integers(0, 8 * 86_400)))
    end = now + dt.timedelta(seconds=draw(st.integers(0, 2 * 86_400)))
    return plan, intakes, draw(in_any_zone(start)), draw(in_any_zone(end))


SHARES = (
    "taking",
    "taking_with_unsure",
    "timing",
    "timing_with_unsure",
    "correct_dosing",
    "correct_dosing_with_unsure",
)


@given(periods())
def test_shares_are_between_0_and_1_and_agree_with_the_dose_log(case):
    plan, intakes, start, end = case
    a = adherence(plan, intakes, start, end)
    log = dose_log(plan, intakes, start, end)
    statuses = [d.status for d in log.doses]
    assert a.prescribed == len(log.doses)
    assert a.unsure == statuses.count(DoseStatus.NOT_SURE)
    assert a.taken == a.prescribed - a.unsure - statuses.count(DoseStatus.MISSED)
    assert a.on_time == statuses.count(DoseStatus.ON_TIME)
    assert a.extra == sum(len(d.extra) for d in log.doses) + len(log.unscheduled)
    assert a.days == len({d.slot.date() for d in log.doses})
    for name in SHARES:
        value = getattr(a, name)
        if a.prescribed == 0:
            assert value is None
        else:
            assert 0 <= value <= 1
    if a.prescribed:
        assert a.timing <= a.taking <= a.taking_with_unsure
        assert a.timing <= a.timing_with_unsure <= a.taking_with_unsure
    period = oracle.utc(end) - oracle.utc(start)
    assert dt.timedelta(0) <= a.longest_gap_with_unsure <= a.longest_gap <= period
    assert 0 <= a.drug_holidays_with_unsure <= a.drug_holidays <= a.prescribed
    assert 0 <= a.correct_days <= a.days
    assert 0 <= a.correct_days_with_unsure <= a.days


FIXED = ("UTC", "Asia/Kathmandu")  # zones whose clocks never change in the years drawn


@st.composite
def fixed_zone_cases(draw):
    """A period's case whose plan's phases are all in zones that never change their clocks."""
    plan, intakes, start, end = draw(periods())
    phases = [
        Regimen(p.dose_mg, p.times, draw(st.sampled_from(FIXED)), p.start, end=p.end)
        for p in oracle.phases(plan)
    ]
    return Plan(phases), intakes, start, end


def _shifted(plan, intakes, start, end, days):
    by = dt.timedelta(days=days)
    phases = [
        Regimen(
            p.dose_mg,
            p.times,
            p.tz,
            oracle.utc(p.start) + by,
            end=None if p.end is None else oracle.utc(p.end) + by,
        )
        for p in plan.phases
    ]
    moved = [Intake(oracle.utc(i.at) + by, i.dose_mg, certain=i.certain) for i in intakes]
    return Plan(phases), moved, oracle.utc(start) + by, oracle.utc(end) + by


@given(fixed_zone_cases(), st.integers(-400, 400))
def test_a_shift_by_whole_days_shifts_the_log_and_leaves_the_measures(case, days):
    plan, intakes, start, end = case
    moved = _shifted(plan, intakes, start, end, days)
    by = dt.timedelta(days=days)
    before, after = dose_log(*case), dose_log(*moved)
    assert [oracle.utc(d.slot) + by for d in before.doses] == [
        oracle.utc(d.slot) for d in after.doses
    ]
    assert [(d.status, d.offset, d.dose_mg, len(d.taken), len(d.extra)) for d in before.doses] == [
        (d.status, d.offset, d.dose_mg, len(d.taken), len(d.extra)) for d in after.doses
    ]
    assert len(before.unscheduled) == len(after.unscheduled)
    measures = {f.name for f in attrs.fields(Adherence)} - {"start", "end"}
    a, b = adherence(*case), adherence(*moved)
    assert {n: getattr(a, n) for n in measures} == {n: getattr(b, n) for n in measures}


@given(plans(), st.data())
def test_an_intake_history_and_a_list_give_the_same_measures(plan, data):
    first = oracle.phases(plan)[0]
    start = oracle.utc(first.start)
    offsets = st.integers(0, 5 * 86_400).map(lambda s: dt.timedelta(seconds=s))
    intakes = [
        Intake(start + off, first.dose_mg) for off in data.draw(st.lists(offsets, max_size=10))
    ]
    end = start + 5 * DAY
    assert adherence(plan, intakes, start, end) == adherence(
        plan, IntakeHistory(intakes), start, end
    )
