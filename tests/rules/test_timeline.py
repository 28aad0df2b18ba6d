"""The timeline every rule stands on: its slots' windows tile time, across any boundary.

Issue 24, cases 1 and 2: across a phase boundary the windows of the two phases' slots
left instants to no slot (a dose advised there belonged to none) or to two (one intake,
two doses).  Two slots in a row now share their midpoint unless a pause lies between
them; across a pause each keeps its own phase's neighbour, never past that midpoint.
"""

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from duloxinfo import Intake, IntakeHistory, Plan, Regimen, adherence, dose_log
from duloxinfo.rules import _inputs, _timeline
from support import oracle
from support.strategies import plans
from support.times import NEW_YORK, at

HOUR = dt.timedelta(hours=1)


def _timeline_of(plan):
    return _timeline.Timeline(_inputs.as_plan(plan), IntakeHistory([]))


@given(plans(), st.data())
def test_windows_tile_time_across_every_boundary_of_any_plan(plan, data):
    phases = oracle.phases(plan)
    # Around a boundary of the plan: its start, a phase's end or start, or its end.
    edges = [oracle.utc(p.start) for p in phases] + [oracle.utc(p.end) for p in phases if p.end]
    edge = data.draw(st.sampled_from(edges))
    lo = edge - HOUR * data.draw(st.integers(0, 72))
    hi = edge + HOUR * data.draw(st.integers(1, 72))
    found = _timeline_of(plan).slots_between(lo, hi)
    for at_, _, first, last in found:
        assert first <= at_ < last  # each slot owns its own instant
    for (a, i, _, a_end), (b, j, b_start, _) in itertools.pairwise(found):
        assert a_end <= b_start  # no instant is in two windows
        if not oracle.paused_between(plan, a, b):
            assert a_end == b_start, (a, i, b, j)  # and none is in no window
        elif i != j:
            assert a_end <= oracle.midpoint(a, b) <= b_start  # a pause may leave a gap


@given(plans(), st.data())
def test_an_instant_belongs_to_the_slot_whose_window_holds_it(plan, data):
    first = oracle.phases(plan)[0]
    x = oracle.utc(
        data.draw(
            st.datetimes(
                first.start.replace(tzinfo=None) - dt.timedelta(days=2),
                first.start.replace(tzinfo=None) + dt.timedelta(days=12),
                timezones=st.just(dt.UTC),
            )
        )
    )
    timeline = _timeline_of(plan)
    owner = timeline.owner(x)
    for at_, index, lo, hi in timeline.slots_between(x - 4 * 24 * HOUR, x + 4 * 24 * HOUR):
        assert (lo <= x < hi) is (owner == (at_, index))


def test_issue_24_case_2_one_intake_is_one_dose_the_night_the_clocks_go_back():
    # Twice daily in New York until 20:00 UTC on 1 November 2025, then 60 mg at 08:30,
    # which is 13:30 UTC once the clocks have gone back.  The two phases follow each
    # other, so 08:00 EDT on the 1st and 08:30 EST on the 2nd meet at their midpoint.
    end = at(2025, 11, 1, 20)
    plan = Plan(
        [
            Regimen(30, [dt.time(8), dt.time(20)], NEW_YORK, at(2025, 10, 25, tz=NEW_YORK), end),
            Regimen(60, [dt.time(8, 30)], NEW_YORK, end),
        ]
    )
    windows = [
        (s, lo, hi)
        for s, _, lo, hi in _timeline_of(plan).slots_between(at(2025, 11, 1), at(2025, 11, 3))
    ]
    assert windows == [
        (at(2025, 11, 1, 0), at(2025, 10, 31, 18), at(2025, 11, 1, 6)),
        (at(2025, 11, 1, 12), at(2025, 11, 1, 6), at(2025, 11, 2, 0, 45)),
        (at(2025, 11, 2, 13, 30), at(2025, 11, 2, 0, 45), at(2025, 11, 3, 1, 30)),
    ]
    taken = [Intake(at(2025, 11, 2, 13, 30), 60)]
    log = dose_log(plan, taken, at(2025, 11, 1), at(2025, 11, 3))
    assert [d.slot for d in log.doses if d.intakes] == [at(2025, 11, 2, 8, 30, tz=NEW_YORK)]
    assert adherence(plan, taken, at(2025, 11, 1), at(2025, 11, 3)).taken == 1


@given(plans(), st.lists(st.integers(-3 * 24 * 60, 20 * 24 * 60), max_size=30))
def test_owners_in_one_pass_are_each_instants_owner(plan, minutes):
    # Runs of near instants and lone far ones: the one-pass owners agree with owner.
    start = oracle.utc(oracle.phases(plan)[0].start)
    instants = sorted(start + dt.timedelta(minutes=m) for m in minutes)
    timeline = _timeline_of(plan)
    assert timeline.owners(instants) == [timeline.owner(x) for x in instants]
