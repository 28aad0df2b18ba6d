"""plan_with_trip: the trip as phases, the same clock times away, and the spacing kept at the seams."""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Regimen, dose_times, plan_with_trip
from support.strategies import ZONES, in_any_zone, plans
from support.times import LONDON, NEW_YORK, at

TOKYO = ZoneInfo("Asia/Tokyo")
H = dt.timedelta(hours=1)


def utc_times(plan, lo, hi):
    return [t.astimezone(dt.UTC) for t in dose_times(plan, lo, hi)]


def spans(plan):
    return [(p.tz.key, p.dose_mg, p.start, p.end) for p in plan.phases]


def test_london_to_new_york_and_back():
    """The New York 08:00 of the day of arrival is four hours after the London dose: out.

    Back in London, 08:00 is 20 hours after the last New York dose: kept.
    """
    home = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 3, 2))
    trip = plan_with_trip(
        home,
        arrives_at=at(2026, 3, 10, 8, tz=NEW_YORK),
        to_zone="America/New_York",
        returns_at=at(2026, 3, 18, 7, tz=LONDON),
    )
    assert utc_times(trip, at(2026, 3, 9), at(2026, 3, 20)) == [
        at(2026, 3, 9, 8),
        at(2026, 3, 10, 8),  # London, then the flight
        *(at(2026, 3, day, 12) for day in range(11, 18)),  # 08:00 New York (EDT)
        at(2026, 3, 18, 8),
        at(2026, 3, 19, 8),
    ]
    # The New York phase starts where the London one would have had its next dose.
    assert spans(trip) == [
        ("Europe/London", 60, home.start, at(2026, 3, 11, 8)),
        ("America/New_York", 60, at(2026, 3, 11, 8), at(2026, 3, 18, 7)),
        ("Europe/London", 60, at(2026, 3, 18, 7), None),
    ]
    assert trip.phases[1].start.tzinfo is NEW_YORK or trip.phases[1].start.utcoffset() == -4 * H


def test_arriving_after_the_days_dose_time_keeps_every_dose():
    """Arriving at 10:00 New York time, the next 08:00 there is 29 hours after 08:00 London."""
    home = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 3, 2))
    trip = plan_with_trip(home, arrives_at=at(2026, 3, 10, 14), to_zone=NEW_YORK)
    assert [p.start for p in trip.phases] == [home.start, at(2026, 3, 10, 14)]
    assert utc_times(trip, at(2026, 3, 10), at(2026, 3, 12)) == [
        at(2026, 3, 10, 8),
        at(2026, 3, 11, 12),
    ]


def test_tokyo_to_london_with_a_dose_in_flight():
    """Overnight flight: the 08:00 Tokyo dose is taken in flight, so 08:00 London (8 hours
    later) is left out, and the next dose is 08:00 London the day after (32 hours)."""
    home = Regimen(60, [dt.time(8)], "Asia/Tokyo", at(2026, 6, 1, tz=TOKYO))
    trip = plan_with_trip(home, arrives_at=at(2026, 6, 10, 5, tz=LONDON), to_zone="Europe/London")
    assert utc_times(trip, at(2026, 6, 9), at(2026, 6, 12)) == [
        at(2026, 6, 9, 23),  # 08:00 on 10 June in Tokyo, in flight
        at(2026, 6, 11, 7),  # 08:00 BST
    ]
    assert spans(trip) == [
        ("Asia/Tokyo", 60, home.start, at(2026, 6, 10, 23)),
        ("Europe/London", 60, at(2026, 6, 10, 23), None),
    ]


def test_london_to_tokyo_twice_daily_leaves_out_the_dose_three_hours_on():
    """Twice daily (H is 6 hours): 20:00 Tokyo is 11:00 UTC, three hours after 08:00 London."""
    home = Regimen(30, [dt.time(8), dt.time(20)], "Europe/London", at(2026, 1, 5))
    trip = plan_with_trip(home, arrives_at=at(2026, 1, 13, 10), to_zone="Asia/Tokyo")
    assert utc_times(trip, at(2026, 1, 13), at(2026, 1, 15)) == [
        at(2026, 1, 13, 8),  # London
        at(2026, 1, 13, 23),  # 08:00 on the 14th in Tokyo, 15 hours on
        at(2026, 1, 14, 11),
        at(2026, 1, 14, 23),
    ]


def test_a_trip_across_a_change_of_clocks_there():
    """New York's clocks go forward on 8 March: the doses there are 23 hours apart that day."""
    home = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 3, 2))
    trip = plan_with_trip(
        home,
        arrives_at=at(2026, 3, 5, 10, tz=NEW_YORK),
        to_zone="America/New_York",
        returns_at=at(2026, 3, 12, 6),
    )
    assert utc_times(trip, at(2026, 3, 5), at(2026, 3, 13)) == [
        at(2026, 3, 5, 8),  # London, before the flight
        at(2026, 3, 6, 13),  # 08:00 EST
        at(2026, 3, 7, 13),
        at(2026, 3, 8, 12),  # 08:00 EDT: 23 hours after the one before
        at(2026, 3, 9, 12),
        at(2026, 3, 10, 12),
        at(2026, 3, 11, 12),
        at(2026, 3, 12, 8),  # London again, 20 hours on
    ]


def test_arriving_on_the_night_the_clocks_go_back_is_judged_in_real_hours():
    """1 November 2026, New York falls back at 02:00 EDT: 08:00 EST is 13:00 UTC, five
    hours after 08:00 in London (GMT), so it is left out."""
    home = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 10, 20))
    trip = plan_with_trip(home, arrives_at=at(2026, 11, 1, 7, 30, tz=NEW_YORK), to_zone=NEW_YORK)
    assert utc_times(trip, at(2026, 11, 1), at(2026, 11, 3)) == [
        at(2026, 11, 1, 8),
        at(2026, 11, 2, 13),
    ]


def test_a_trip_inside_one_phase_of_a_titration():
    plan = duloxinfo.titration_plan(at(2026, 3, 2, 7), "Europe/London", dt.time(8))
    trip = plan_with_trip(
        plan, arrives_at=at(2026, 3, 10, 15), to_zone=NEW_YORK, returns_at=at(2026, 3, 14, 7)
    )
    assert [(p.tz.key, p.dose_mg) for p in trip.phases] == [
        ("Europe/London", 30),
        ("Europe/London", 60),
        ("America/New_York", 60),
        ("Europe/London", 60),
    ]
    assert trip.phases[:2] == (*plan.phases[:1], trip.phases[1])
    assert trip.phases[1].start == plan.phases[1].start
    assert utc_times(trip, at(2026, 3, 8), at(2026, 3, 16)) == [
        at(2026, 3, 8, 8),
        at(2026, 3, 9, 8),
        at(2026, 3, 10, 8),
        at(2026, 3, 11, 12),
        at(2026, 3, 12, 12),
        at(2026, 3, 13, 12),
        at(2026, 3, 14, 8),
        at(2026, 3, 15, 8),
    ]


def test_a_trip_across_the_step_up_of_a_titration_keeps_each_doses_phase():
    """The step up is at 07:00 UTC on 9 March, 03:00 in New York: that day's 08:00 there is 60 mg."""
    plan = duloxinfo.titration_plan(at(2026, 3, 2, 7), "Europe/London", dt.time(8))
    trip = plan_with_trip(
        plan, arrives_at=at(2026, 3, 5, 15), to_zone=NEW_YORK, returns_at=at(2026, 3, 12, 6)
    )
    assert spans(trip) == [
        ("Europe/London", 30, plan.start, at(2026, 3, 5, 15)),
        ("America/New_York", 30, at(2026, 3, 5, 15), plan.phases[0].end),
        ("America/New_York", 60, plan.phases[1].start, at(2026, 3, 12, 6)),
        ("Europe/London", 60, at(2026, 3, 12, 6), None),
    ]
    doses = [
        (t.astimezone(dt.UTC), trip.phases[trip.running_at(t)].dose_mg)
        for t in dose_times(trip, at(2026, 3, 5), at(2026, 3, 13))
    ]
    assert doses == [
        (at(2026, 3, 5, 8), 30),
        (at(2026, 3, 6, 13), 30),
        (at(2026, 3, 7, 13), 30),
        (at(2026, 3, 8, 12), 30),
        (at(2026, 3, 9, 12), 60),
        (at(2026, 3, 10, 12), 60),
        (at(2026, 3, 11, 12), 60),
        (at(2026, 3, 12, 8), 60),
    ]


def test_a_change_of_times_while_away_keeps_the_spacing():
    """Once daily at 08:00, then twice daily at 09:00 and 21:00 from 13:00 UTC on 9 March.

    In London the step is 08:00, then 21:00 (13 hours). In New York (EDT, UTC-4) 13:00 UTC
    is 09:00 there: that day's 08:00 dose is the last of the first phase, and 09:00 is an
    hour later, so it is left out, and 21:00 (13 hours on) is the first dose of the next.
    """
    first = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 3, 2), end=at(2026, 3, 9, 13))
    then = Regimen(30, [dt.time(9), dt.time(21)], "Europe/London", first.end)
    plan = duloxinfo.Plan([first, then])
    assert utc_times(plan, at(2026, 3, 9), at(2026, 3, 10)) == [
        at(2026, 3, 9, 8),
        at(2026, 3, 9, 21),
    ]
    trip = plan_with_trip(plan, arrives_at=at(2026, 3, 5), to_zone=NEW_YORK)
    assert utc_times(trip, at(2026, 3, 9), at(2026, 3, 10, 12)) == [
        at(2026, 3, 9, 12),  # 08:00 EDT, 60 mg
        at(2026, 3, 10, 1),  # 21:00 EDT, 30 mg
    ]
    # The 30 mg phase starts at its first dose, and the 60 mg phase ends there.
    assert [(p.dose_mg, p.start, p.end) for p in trip.phases[-2:]] == [
        (60, at(2026, 3, 5), at(2026, 3, 10, 1)),
        (30, at(2026, 3, 10, 1), None),
    ]


def test_a_trip_outside_the_plan_changes_nothing_and_a_bad_trip_is_refused():
    home = Regimen(60, [dt.time(8)], "Europe/London", at(2026, 3, 2), end=at(2026, 3, 9))
    assert plan_with_trip(home, arrives_at=at(2026, 4, 1), to_zone=TOKYO).phases == (home,)
    with pytest.raises(duloxinfo.ScheduleError, match=r"^returns_at: 2026-03-04T00:00:00\+00:00 "):
        plan_with_trip(home, arrives_at=at(2026, 3, 5), to_zone=TOKYO, returns_at=at(2026, 3, 4))
    with pytest.raises(duloxinfo.ScheduleError, match=r"^returns_at: "):
        plan_with_trip(home, arrives_at=at(2026, 3, 5), to_zone=TOKYO, returns_at=at(2026, 3, 5))
    with pytest.raises(duloxinfo.NaiveDatetimeError, match=r"^arrives_at: 2026-03-05T00:00:00 "):
        plan_with_trip(home, arrives_at=dt.datetime(2026, 3, 5), to_zone=TOKYO)
    with pytest.raises(duloxinfo.TimeZoneError, match=r"^to_zone: 'Asia/Tokio' "):
        plan_with_trip(home, arrives_at=at(2026, 3, 5), to_zone="Asia/Tokio")


# Properties ------------------------------------------------------------------------------


@st.composite
def trips(draw):
    plan = draw(plans())
    whole = plan if isinstance(plan, duloxinfo.Plan) else duloxinfo.Plan([plan])
    arrive = whole.start + dt.timedelta(minutes=draw(st.integers(-24 * 60, 10 * 24 * 60)))
    back = None
    if draw(st.booleans()):
        back = arrive + dt.timedelta(minutes=draw(st.integers(1, 8 * 24 * 60)))
        back = draw(in_any_zone(back))
    return plan, whole, draw(in_any_zone(arrive)), draw(st.sampled_from(ZONES)), back


def _spacing(plan, instant):
    return plan.phases[plan.running_at(instant)].spacing


@given(trips())
def test_the_trip_keeps_the_plan_its_doses_and_the_spacing(trip):
    plan, whole, arrive, zone, back = trip
    result = plan_with_trip(plan, arrives_at=arrive, to_zone=zone, returns_at=back)
    assert isinstance(result, duloxinfo.Plan)
    lo, hi = whole.start - dt.timedelta(days=1), (back or arrive) + dt.timedelta(days=4)
    before, after = utc_times(whole, lo, hi), utc_times(result, lo, hi)
    arrive, back = arrive.astimezone(dt.UTC), back and back.astimezone(dt.UTC)

    # Before the arrival, nothing changes.
    assert [t for t in after if t < arrive] == [t for t in before if t < arrive]
    # After the return, the plan's doses, less those too soon after the last one kept.
    if back is not None:
        kept = [t for t in after if t >= back]
        planned = [t for t in before if t >= back]
        assert kept == planned[len(planned) - len(kept) :]
        for left_out in planned[: len(planned) - len(kept)]:
            previous = max(t for t in after if t < left_out)
            assert left_out - previous < max(_spacing(whole, left_out), _spacing(result, previous))
    # Every dose is a dose of the plan, with the plan's dose in force, and one away is at
    # the same clock times in the destination's zone.
    assert set(after) <= set(before) | {
        t for t in after if arrive <= t and (back is None or t < back)
    }
    for t in after:
        mine, theirs = result.phases[result.running_at(t)], whole.phases[whole.running_at(t)]
        assert mine.dose_mg == theirs.dose_mg
        assert mine.times == theirs.times
        away = arrive <= t and (back is None or t < back)
        assert mine.tz.key == (zone if away else theirs.tz.key)
    # No two doses closer than H, but those the plan had so (on its own seams, or on a
    # night the clocks change), and those of one phase.
    pairs_before = set(itertools.pairwise(before))
    for a, b in itertools.pairwise(after):
        if b - a < max(_spacing(result, a), _spacing(result, b)):
            assert (a, b) in pairs_before or result.running_at(a) == result.running_at(b)
