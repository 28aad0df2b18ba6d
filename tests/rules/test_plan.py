"""Plan and titration_plan: phases in order, pauses, trips, and the label's plan written down.

Every refused input, with its exact error, is also in the bad-input table
(``support/bad_input.py``).
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Plan, Regimen, titration_plan
from duloxinfo.rules import _timeline
from support.strategies import in_any_zone, plans
from support.times import LONDON, UTC, at

START = at(2026, 1, 5)


def phase(dose=30, days=(0, 7), tz="UTC"):
    first, last = days
    end = None if last is None else START + dt.timedelta(days=last)
    return Regimen(dose, [dt.time(8)], tz, START + dt.timedelta(days=first), end=end)


def test_a_plan_holds_its_phases_in_order_with_pauses_between():
    plan = Plan([phase(30, (0, 7)), phase(60, (9, None), "America/New_York")])
    assert [p.dose_mg for p in plan.phases] == [30, 60]
    assert (plan.start, plan.end) == (START, None)
    closed = Plan(iter([phase(30, (0, 7)), phase(60, (7, 14))]))  # any iterable, back to back
    assert closed.end == START + dt.timedelta(days=14)
    doses = duloxinfo.dose_times(plan, START, START + dt.timedelta(days=11))
    # 5 to 11 January at 08:00 UTC; the 12th to the 13th a pause; then 08:00 in New York.
    assert [d.date().day for d in doses] == [5, 6, 7, 8, 9, 10, 11, 14, 15]
    assert doses[-1] == dt.datetime(2026, 1, 15, 8, tzinfo=ZoneInfo("America/New_York"))


@pytest.mark.parametrize(
    ("phases", "error", "message"),
    [
        (
            [phase(30, (0, 7)), phase(60, (6, None))],
            duloxinfo.ScheduleError,
            (
                r"^phases\[1\]\.start: 2026-01-11T00:00:00\+00:00 is before the phase before it "
                r"ends \(2026-01-12T00:00:00\+00:00\); phases may not overlap$"
            ),
        ),
        (
            [phase(60, (7, None)), phase(30, (0, 7))],
            duloxinfo.ScheduleError,
            r"^phases\[0\]\.end: missing, but another phase follows it",
        ),
        (
            [phase(60, (7, 14)), phase(30, (0, 7))],
            duloxinfo.ScheduleError,
            r"^phases\[1\]\.start: 2026-01-05T00:00:00\+00:00 is before the phase before it ends",
        ),
        ([], duloxinfo.ScheduleError, "^phases: no regimen given; a plan needs at least one$"),
        (
            [phase(), "x"],
            duloxinfo.WrongTypeError,
            r"^phases\[1\]: expected a duloxinfo.Regimen, got str 'x'$",
        ),
        (5, duloxinfo.WrongTypeError, "^phases: expected an iterable of Regimen, got int 5$"),
        (
            phase(),
            duloxinfo.WrongTypeError,
            "^phases: expected an iterable of Regimen, got Regimen",
        ),
    ],
)
def test_a_plan_refuses_phases_out_of_order_or_overlapping(phases, error, message):
    with pytest.raises(error, match=message):
        Plan(phases)


def test_the_titration_plan_is_a_week_of_30_mg_then_60_mg():
    plan = titration_plan(at(2026, 1, 5, 7), "Europe/London", dt.time(8))
    thirty, sixty = plan.phases
    assert (thirty.dose_mg, thirty.times, thirty.tz) == (30, (dt.time(8),), LONDON)
    assert (sixty.dose_mg, sixty.times, sixty.tz, sixty.end) == (60, (dt.time(8),), LONDON, None)
    assert thirty.end == sixty.start == dt.datetime(2026, 1, 12, 7, tzinfo=LONDON)
    doses = duloxinfo.dose_times(plan, at(2026, 1, 1), at(2026, 1, 14))
    assert [d.dose_mg for d in map(dose_of(plan), doses)] == [30] * 7 + [60] * 2


def dose_of(plan):
    def find(instant):
        (match,) = [
            p for p in plan.phases if p.start <= instant and (p.end is None or instant < p.end)
        ]
        return match

    return find


def test_the_titration_plan_week_is_seven_doses_whatever_the_start_or_the_clock():
    # Started after the day's dose time, the first dose is the next day's: still seven.
    late = titration_plan(at(2026, 1, 5, 9), "UTC", dt.time(8))
    assert len(duloxinfo.dose_times(late.phases[0], at(2026, 1, 1), at(2026, 2, 1))) == 7
    # Across the spring clock change, with a time that does not exist on that night.
    spring = titration_plan(at(2026, 3, 25, 12), "Europe/London", dt.time(1, 30))
    week = duloxinfo.dose_times(spring.phases[0], at(2026, 3, 1), at(2026, 5, 1))
    assert len(week) == 7
    assert week[3] == dt.datetime(2026, 3, 29, 2, 30, tzinfo=LONDON)  # 01:30 is skipped: 02:30
    assert spring.phases[1].start == dt.datetime(2026, 4, 1, 12, tzinfo=LONDON)


def test_the_titration_plan_says_it_is_the_prescribers_and_never_steps_up_by_itself():
    doc = " ".join(titration_plan.__doc__.split())
    assert "The plan is only what the prescriber orders" in doc
    assert "never steps a dose up by itself" in doc


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((dt.datetime(2026, 1, 5), "UTC", dt.time(8)), duloxinfo.NaiveDatetimeError, "^start: "),
        ((START, "UTC", "08:00"), duloxinfo.WrongTypeError, "^at: expected a datetime.time"),
        ((START, "Mars/Base", dt.time(8)), duloxinfo.TimeZoneError, "^tz: 'Mars/Base' is not"),
        (
            (START, "UTC", dt.time(8, tzinfo=UTC)),
            duloxinfo.ScheduleError,
            r"^times\[0\]: 08:00:00\+00:00 carries a time zone",
        ),
        (
            (at(9998, 12, 28), "UTC", dt.time(8)),
            duloxinfo.InvalidDatetimeError,
            (
                r"^start: 9998-12-28T00:00:00\+00:00 leaves no room for the starting week before "
                "the year 9999$"
            ),
        ),
    ],
)
def test_the_titration_plan_refuses_what_it_cannot_build(args, error, message):
    with pytest.raises(error, match=message):
        titration_plan(*args)
    assert titration_plan(at(9998, 12, 24), "UTC", dt.time(8)).phases[1].start.year == 9998


# --- which phase is in force: Plan.phase_at, the one rule every caller asks ----------

# 60 mg until the second 01:30 of 25 October 2026 in London (01:30 GMT, when the clocks
# have gone back), then 30 mg: 01:45 BST of the first pass is before the step in real
# time, although its wall clock reads later than the step's.
REPEATED_STEP = dt.datetime(2026, 10, 25, 1, 30, tzinfo=ZoneInfo("Europe/London"), fold=1)
STEPPED = Plan(
    [
        Regimen(60, [dt.time(8)], LONDON, at(2026, 10, 20), end=REPEATED_STEP),
        Regimen(30, [dt.time(8)], LONDON, REPEATED_STEP),
    ]
)


def test_the_phase_in_force_is_found_in_real_time_across_a_repeated_hour():
    first_pass = dt.datetime(2026, 10, 25, 1, 45, tzinfo=ZoneInfo("Europe/London"))  # BST
    assert first_pass > REPEATED_STEP  # Python compares one zone's instants by wall clock
    assert STEPPED.phase_at(first_pass) == 0
    assert STEPPED.phase_at(first_pass.replace(fold=1)) == 1
    assert STEPPED.phase_at(REPEATED_STEP) == 1
    assert STEPPED.phase_at(REPEATED_STEP - dt.timedelta(microseconds=1)) == 0
    assert STEPPED.running_at(first_pass) == 0


def test_running_at_holds_a_phase_from_its_start_included_to_its_end_excluded():
    first, then = phase(30, (0, 7)), phase(60, (9, None))
    paused = Plan([first, then])
    tick = dt.timedelta(microseconds=1)
    assert paused.running_at(first.start - tick) is None  # before the plan: phase_at is 0
    assert paused.phase_at(first.start - tick) == 0
    assert paused.running_at(first.start) == 0
    assert paused.running_at(first.end - tick) == 0
    assert paused.running_at(first.end) is None  # the pause: phase_at is still 0
    assert paused.phase_at(first.end) == 0
    assert paused.running_at(then.start - tick) is None
    assert (paused.running_at(then.start), paused.phase_at(then.start)) == (1, 1)
    ended = Plan([first])
    assert (ended.running_at(first.end), ended.phase_at(first.end)) == (None, 0)


NEAR_PLANS = st.datetimes(dt.datetime(2024, 1, 1), dt.datetime(2029, 1, 1), timezones=st.just(UTC))


@given(plans(), NEAR_PLANS, st.data())
def test_phase_at_is_the_last_phase_started_and_running_at_is_it_within_its_span(
    plan, instant, data
):
    plan = plan if isinstance(plan, Plan) else Plan([plan])
    started = [i for i, p in enumerate(plan.phases) if p.start <= instant]  # real time: UTC
    index = plan.phase_at(data.draw(in_any_zone(instant)))
    assert index == (started[-1] if started else 0)
    phase = plan.phases[index]
    within = phase.start <= instant and (phase.end is None or instant < phase.end)
    assert plan.running_at(instant) == (index if within else None)


def test_phase_at_refuses_what_is_not_an_aware_instant():
    with pytest.raises(duloxinfo.NaiveDatetimeError, match=r"^instant: "):
        STEPPED.phase_at(dt.datetime(2026, 1, 1))
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^instant: "):
        STEPPED.running_at("2026-01-01")


def _minute_phases(count, first=START):
    """``count`` phases of one minute each, one dose in each: a plan built by mistake."""
    minute = dt.timedelta(minutes=1)
    for i in range(count):
        begin = first + i * minute
        yield Regimen(60, [begin.time()], "UTC", begin, end=begin + minute)


def test_issue_24_a_plan_holds_at_most_max_plan_phases():
    assert len(Plan(_minute_phases(duloxinfo.MAX_PLAN_PHASES)).phases) == 1000
    # 43,200 one-minute phases made one decision take a second; only 1,001 are read.
    read = []
    phases = _minute_phases(43_200)
    with pytest.raises(duloxinfo.ScheduleError, match=r"^phases: more than 1,000 phases given"):
        Plan(read.append(p) or p for p in phases)
    assert len(read) == 1001


def test_a_decision_works_out_a_plans_phases_once_not_once_per_call(monkeypatch):
    made = []
    of = _timeline._Columns.of
    monkeypatch.setattr(_timeline._Columns, "of", lambda plan: made.append(plan) or of(plan))
    plan = Plan(_minute_phases(duloxinfo.MAX_PLAN_PHASES))
    now = START + dt.timedelta(days=1)
    first = duloxinfo.advise_missed_dose(plan, [], now)
    again = duloxinfo.advise_missed_dose(plan, [], now)
    assert first == again
    # Counted up to MISSED_COUNT_LIMIT_DAYS' worth of doses, a day's worth each.
    assert (first.action, first.missed_in_a_row) == (duloxinfo.Action.CONTACT_PRESCRIBER, 30)
    assert made == [plan]
