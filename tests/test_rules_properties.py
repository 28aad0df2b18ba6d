"""Hypothesis properties: no rule ever advises a double dose, and audit finds every one.

Time zones with daylight saving and odd offsets; instants around their transitions.
"""

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

import duloxinfo
from _oracle import (
    ZONES,
    in_any_zone,
    latest_at_or_before,
    near,
    next_after,
    owner,
    regimens,
    schedule,
    utc,
)
from duloxinfo import CONTACT_PRESCRIBER_AFTER_DAYS, Action, Intake, advise_missed_dose, audit

MAKEABLE = list(range(20, 241, 10))


@st.composite
def situations(draw):
    """A regimen, a ``now`` near a transition, and any history up to ``now``."""
    regimen = draw(regimens())
    zone = regimen.tz.key
    now = draw(near(zone, days=5))
    offsets = st.integers(0, 6 * 86_400_000_000).map(lambda us: dt.timedelta(microseconds=us))
    doses = st.one_of(st.just(regimen.dose_mg), st.sampled_from(MAKEABLE))
    raw = draw(st.lists(st.tuples(offsets, doses), max_size=8))
    intakes = [Intake(draw(in_any_zone(now - off)), dose) for off, dose in raw]
    return regimen, intakes, draw(in_any_zone(now))


@given(situations())
def test_property_1_no_advice_is_ever_a_double_dose(case):
    regimen, intakes, now = case
    advice = advise_missed_dose(regimen, intakes, now)
    instants = [now, regimen.start, *[i.at for i in intakes]]
    slots = schedule(regimen, min(instants, key=utc), max(instants, key=utc))
    s = latest_at_or_before(slots, now)
    n = next_after(slots, s)

    # dose_mg is 0 unless TAKE_NOW, and then exactly one regimen dose
    if advice.action is Action.TAKE_NOW:
        assert advice.dose_mg == regimen.dose_mg
    else:
        assert advice.dose_mg == 0

    if s < utc(regimen.start):
        assert advice.action is Action.NOT_DUE
        assert advice.slot is None
        assert (advice.missed_in_a_row, advice.contact_prescriber) == (0, False)
        assert advice.rule == "missed-dose/not-due"
        first = min(t for t in slots if t >= utc(regimen.start))
        assert utc(advice.next_dose_at) == first
        return

    assert utc(advice.slot) == s
    assert utc(advice.next_dose_at) == n
    taken_in_s = any(owner(slots, i.at) == s for i in intakes)
    assert (advice.action is Action.ALREADY_TAKEN) == taken_in_s
    if advice.action is Action.TAKE_NOW:
        assert not taken_in_s
        assert 2 * (n - utc(now)) > (n - s)  # N is not within the skip window
        before = set(audit(regimen, intakes))
        after = set(audit(regimen, [*intakes, Intake(now, advice.dose_mg)]))
        assert after <= before
    if advice.action is Action.SKIP:
        assert 2 * (n - utc(now)) <= (n - s)
    assert advice.reason.endswith(".")
    assert advice.rule == f"missed-dose/{advice.action.value}"
    if advice.action is Action.ALREADY_TAKEN:
        assert (advice.missed_in_a_row, advice.contact_prescriber) == (0, False)
    else:
        assert advice.missed_in_a_row >= 1
        many = advice.missed_in_a_row >= CONTACT_PRESCRIBER_AFTER_DAYS * regimen.doses_per_day
        assert advice.contact_prescriber is many
        assert ("contact your prescriber" in advice.reason) is many


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


@given(st.sampled_from(ZONES), st.data())
def test_attribution_matches_the_oracle(zone, data):
    regimen = data.draw(regimens(zone=zone))
    x = data.draw(near(zone, days=5))
    slots = schedule(regimen, x, x)
    expected = owner(slots, x)
    # a single intake at x, asked about right at x: ALREADY_TAKEN iff x belongs to the
    # latest slot at or before x, which is the case unless x is past that slot's midpoint
    s = latest_at_or_before(slots, x)
    advice = advise_missed_dose(regimen, [Intake(x, regimen.dose_mg)], x)
    if s >= utc(regimen.start):
        assert (advice.action is Action.ALREADY_TAKEN) == (expected == s)


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
