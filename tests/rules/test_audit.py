"""audit: every double dose of each kind found, nothing in clean histories, findings pinned whole."""

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import DoubleDose, DoubleDoseKind, Intake, Regimen, audit
from support.oracle import owner, schedule, utc
from support.strategies import in_any_zone, regimens
from support.times import UTC, at, daily, jan, same

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)
R = Regimen(60, [dt.time(8)], "Europe/London", START)


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


def test_audit_exact_findings_in_time_order_then_kind():
    regimen = Regimen(60, [dt.time(8)], "Europe/London", jan(1, 0))
    big = Intake(jan(5, 8, 10), 120)
    early = Intake(jan(5, 7, 50), 60)
    late = Intake(jan(6, 19, 30), 60)
    next_early = Intake(jan(7, 7, 0), 60)
    found = duloxinfo.audit(regimen, [late, big, next_early, early])
    same(
        found,
        (
            DoubleDose(
                kind=DoubleDoseKind.SAME_SLOT,
                intakes=(early, big),
                slots=(jan(5, 8),),
                explanation="2 doses belong to the 08:00 dose of 2026-01-05; only one may be "
                "taken.",
            ),
            DoubleDose(
                kind=DoubleDoseKind.OVERSIZED_INTAKE,
                intakes=(big,),
                slots=(jan(5, 8),),
                explanation="120 mg was taken at once, more than one 60 mg dose.",
            ),
            DoubleDose(
                kind=DoubleDoseKind.TOO_CLOSE,
                intakes=(late, next_early),
                slots=(jan(6, 8), jan(7, 8)),
                explanation="Two doses were taken 11 h 30 min apart, less than half the "
                "24 h 00 min between their scheduled times.",
            ),
        ),
    )


def test_intakes_at_one_instant_are_each_reported_and_the_history_iterates_in_time_order():
    regimen = Regimen(60, [dt.time(8)], "Europe/London", jan(1, 0))
    twins = [Intake(jan(5, 8), 180), Intake(jan(5, 8), 120), Intake(jan(5, 8), 120)]
    found = duloxinfo.audit(regimen, twins)
    assert [f.intakes for f in found[:3]] == [(twins[0],), (twins[1],), (twins[2],)]
    assert [f.kind for f in found] == [
        DoubleDoseKind.OVERSIZED_INTAKE,
        DoubleDoseKind.OVERSIZED_INTAKE,
        DoubleDoseKind.OVERSIZED_INTAKE,
        DoubleDoseKind.SAME_SLOT,
    ]
    later, earlier = Intake(jan(6, 8), 60), Intake(jan(5, 8), 60)
    assert list(duloxinfo.IntakeHistory([later, earlier])) == [earlier, later]


def test_an_intake_of_many_capsules_is_recorded_and_audited_as_a_double_dose():
    huge = duloxinfo.Intake(START, 600)
    (finding,) = duloxinfo.audit(R, [huge])
    assert finding.kind is duloxinfo.DoubleDoseKind.OVERSIZED_INTAKE


@st.composite
def clean_histories(draw):
    """A regimen and a history with at most one intake per slot, each within a quarter of the
    shorter interval around its slot: no double dose by any definition."""
    regimen = draw(regimens())
    slots = schedule(regimen, regimen.start, regimen.start + dt.timedelta(days=6))
    chosen = sorted(draw(st.sets(st.integers(1, len(slots) - 2), max_size=12)))
    intakes = []
    for i in chosen:
        shortest = min(slots[i] - slots[i - 1], slots[i + 1] - slots[i])
        limit = shortest // 4
        jitter = draw(
            st.integers(
                -limit // dt.timedelta(microseconds=1) + 1,
                limit // dt.timedelta(microseconds=1) - 1,
            )
        )
        at = slots[i] + dt.timedelta(microseconds=jitter)
        intakes.append(Intake(draw(in_any_zone(at)), regimen.dose_mg))
    return regimen, slots, chosen, intakes


@given(clean_histories())
def test_property_3a_audit_finds_nothing_in_clean_histories(case):
    regimen, _, _, intakes = case
    assert audit(regimen, intakes) == ()


@given(clean_histories(), st.data())
def test_property_3b_audit_finds_a_planted_oversized_intake(case, data):
    regimen, _, _, intakes = case
    assume(intakes)
    k = data.draw(st.integers(0, len(intakes) - 1))
    extra = data.draw(st.sampled_from([10, 20, 30, 60]))
    planted = Intake(intakes[k].at, regimen.dose_mg + extra)
    history = [*intakes[:k], planted, *intakes[k + 1 :]]
    found = audit(regimen, history)
    assert [(f.kind, f.intakes) for f in found] == [
        (duloxinfo.DoubleDoseKind.OVERSIZED_INTAKE, (planted,))
    ]


@given(clean_histories(), st.data())
def test_property_3c_audit_finds_two_intakes_in_one_slot(case, data):
    regimen, slots, chosen, intakes = case
    assume(intakes)
    k = data.draw(st.integers(0, len(intakes) - 1))
    i = chosen[k]
    lo = slots[i - 1] + (slots[i] - slots[i - 1]) / 2 + dt.timedelta(microseconds=1)
    hi = slots[i] + (slots[i + 1] - slots[i]) / 2 - dt.timedelta(microseconds=1)
    us = data.draw(st.integers(0, (hi - lo) // dt.timedelta(microseconds=1)))
    planted = Intake(lo + dt.timedelta(microseconds=us), regimen.dose_mg)
    assume(planted.at != utc(intakes[k].at))
    found = audit(regimen, [*intakes, planted])
    same = [f for f in found if f.kind is duloxinfo.DoubleDoseKind.SAME_SLOT]
    assert len(same) == 1
    assert set(same[0].intakes) == {intakes[k], planted}
    assert utc(same[0].slots[0]) == slots[i]


@given(clean_histories(), st.data())
def test_property_3d_audit_finds_two_intakes_too_close_across_slots(case, data):
    regimen, slots, chosen, intakes = case
    # an intake whose next slot is free, and that was taken late enough to plant one
    # in the next slot's window closer than half the interval
    candidates = [
        (k, i)
        for k, i in enumerate(chosen)
        if i + 1 not in chosen and i + 2 < len(slots) and utc(intakes[k].at) > slots[i]
    ]
    assume(candidates)
    k, i = data.draw(st.sampled_from(candidates))
    a, b = slots[i], slots[i + 1]
    first_of_b = a - ((a - b) // 2)  # first microsecond that belongs to b
    late = utc(intakes[k].at) - a
    span = min(late, (b - a) // 2)  # gap must stay under half the interval
    us = data.draw(st.integers(0, max(0, span // dt.timedelta(microseconds=1) - 2)))
    planted = Intake(first_of_b + dt.timedelta(microseconds=us), regimen.dose_mg)
    assume(2 * (planted.at - utc(intakes[k].at)) < b - a)
    found = audit(regimen, [*intakes, planted])
    assert [(f.kind, set(f.intakes)) for f in found] == [
        (duloxinfo.DoubleDoseKind.TOO_CLOSE, {intakes[k], planted})
    ]


@given(regimens(), st.lists(st.integers(0, 4 * 86_400), min_size=2, max_size=12))
def test_property_3e_every_double_dose_in_a_messy_history_is_reported(regimen, offsets):
    """Several intakes per slot: each pair that breaks (b) or (c) is in some finding."""
    start = utc(regimen.start)
    intakes = [Intake(start + dt.timedelta(seconds=s), regimen.dose_mg) for s in offsets]
    slots = schedule(regimen, start - dt.timedelta(days=1), start + dt.timedelta(days=5))
    found = audit(regimen, intakes)
    same = [set(f.intakes) for f in found if f.kind is duloxinfo.DoubleDoseKind.SAME_SLOT]
    close = [set(f.intakes) for f in found if f.kind is duloxinfo.DoubleDoseKind.TOO_CLOSE]
    in_same = set().union(*same) if same else set()
    for x in intakes:
        for y in intakes:
            if x is y or x.at > y.at:
                continue
            sx, sy = owner(slots, x.at), owner(slots, y.at)
            if sx == sy:
                assert any({x, y} <= group for group in same)
            elif slots.index(sy) == slots.index(sx) + 1 and 2 * (y.at - x.at) < sy - sx:
                assert {x, y} in close or x in in_same or y in in_same
