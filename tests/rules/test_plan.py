"""Plan and titration_plan: phases in order, pauses, trips, and the label's plan written down.

Every refused input, with its exact error, is also in the bad-input table
(``support/bad_input.py``).
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import duloxinfo
from duloxinfo import Plan, Regimen, titration_plan
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
                r"^phases\[1\]: starts at 2026-01-11T00:00:00\+00:00, before phases\[0\] ends "
                r"\(2026-01-12T00:00:00\+00:00\); phases may not overlap$"
            ),
        ),
        (
            [phase(60, (7, None)), phase(30, (0, 7))],
            duloxinfo.ScheduleError,
            r"^phases\[0\]: has no end, but phases\[1\] follows it",
        ),
        (
            [phase(60, (7, 14)), phase(30, (0, 7))],
            duloxinfo.ScheduleError,
            r"^phases\[1\]: starts at 2026-01-05T00:00:00\+00:00, before phases\[0\] ends",
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
