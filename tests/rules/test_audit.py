"""audit: every double dose of each kind found across phases, nothing in clean histories.

A double dose is (a) a dose larger than the dose in force, or (b) two doses less than the
spacing H apart, where intakes within ONE_DOSE_WITHIN that together make at most the dose
in force are one dose.  Findings are pinned whole; property 5 plants each kind in clean
histories of any plan.
"""

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import DoubleDose, DoubleDoseKind, Intake, Regimen, audit
from duloxinfo.rules import audit as audit_module
from support import oracle
from support.readability import assert_plain
from support.strategies import in_any_zone, plans
from support.times import UTC, at, jan, same

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)
R = Regimen(60, [dt.time(8)], "Europe/London", START)


def test_audit_names_each_kind():
    r = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 1))
    big = Intake(at(2026, 1, 1, 8), 120)
    close_a, close_b = Intake(at(2026, 1, 3, 8), 60), Intake(at(2026, 1, 3, 12), 60)
    found = audit(r, [close_b, big, close_a])
    assert [(f.kind, f.intakes, f.certain) for f in found] == [
        (DoubleDoseKind.OVERSIZED_INTAKE, (big,), True),
        (DoubleDoseKind.TOO_CLOSE, (close_a, close_b), True),
    ]
    assert audit(r, []) == ()


def test_audit_exact_findings_in_time_order_then_kind():
    big = Intake(jan(5, 8, 10), 120)
    early = Intake(jan(5, 7, 0), 60)
    late = Intake(jan(6, 19, 30), 60)
    unsure = Intake(jan(7, 7, 0), 60, certain=False)
    found = audit(R, [late, big, unsure, early])
    same(
        found,
        (
            DoubleDose(
                kind=DoubleDoseKind.TOO_CLOSE,
                intakes=(early, big),
                slots=(jan(5, 8),),
                certain=True,
                explanation="Two doses were taken 1 h 10 min apart, less than the 12 hours "
                "that must be between doses.",
                because=None,
            ),
            DoubleDose(
                kind=DoubleDoseKind.OVERSIZED_INTAKE,
                intakes=(big,),
                slots=(jan(5, 8),),
                certain=True,
                explanation="120 mg was taken at once, more than the 60 mg dose.",
                because=None,
            ),
            DoubleDose(
                kind=DoubleDoseKind.TOO_CLOSE,
                intakes=(late, unsure),
                slots=(jan(6, 8), jan(7, 8)),
                certain=False,
                explanation="Two doses were taken 11 h 30 min apart, less than the 12 hours "
                "that must be between doses. This is possible, not certain: you were not sure "
                "of one of these.",
                because=None,
            ),
        ),
    )


def test_capsules_of_one_dose_are_one_dose_and_more_than_the_dose_is_not():
    # Issue case 8: two 30 mg capsules logged a minute apart are one 60 mg dose.
    two = [Intake(jan(5, 8), 30), Intake(jan(5, 8, 1), 30)]
    assert audit(R, two) == ()
    # More than the dose within the half hour is kind (a), with every intake of it.
    three = [*two, Intake(jan(5, 8, 2), 30)]
    same(
        audit(R, three),
        (
            DoubleDose(
                kind=DoubleDoseKind.OVERSIZED_INTAKE,
                intakes=tuple(three),
                slots=(jan(5, 8),),
                certain=True,
                explanation="90 mg was taken within 0 h 02 min, more than the 60 mg dose.",
                because=None,
            ),
        ),
    )
    together = [Intake(jan(5, 8), 60), Intake(jan(5, 8), 60)]
    assert [(f.kind, len(f.intakes)) for f in audit(R, together)] == [
        (DoubleDoseKind.OVERSIZED_INTAKE, 2)
    ]
    edge = [Intake(jan(5, 8), 30), Intake(jan(5, 8, 30), 30)]  # exactly the half hour: one dose
    assert audit(R, edge) == ()
    spread = [Intake(jan(5, 8), 30), Intake(jan(5, 8, 31), 30)]  # past the half hour: two doses
    assert [f.kind for f in audit(R, spread)] == [DoubleDoseKind.TOO_CLOSE]
    grouped_too_big = [Intake(jan(5, 8), 40), Intake(jan(5, 8, 1), 40)]
    assert [f.kind for f in audit(R, grouped_too_big)] == [DoubleDoseKind.OVERSIZED_INTAKE]


def test_each_phase_has_its_own_dose_and_only_the_plans_own_findings_count():
    plan = duloxinfo.titration_plan(jan(5, 7), "Europe/London", dt.time(8))
    week = [Intake(jan(5 + d, 8), 30) for d in range(7)]
    assert audit(plan, [*week, Intake(jan(12, 8), 60)]) == ()
    (finding,) = audit(plan, [*week[:3], Intake(jan(8, 8), 60)])
    assert finding.explanation == "60 mg was taken at once, more than the 30 mg dose."
    second = plan.phases[1]
    # a double dose from before the regimen began is not this regimen's to report
    before = [Intake(jan(5, 8), 30), Intake(jan(5, 9), 30)]
    assert [f.kind for f in audit(plan, before)] == [DoubleDoseKind.TOO_CLOSE]
    assert audit(second, before) == ()


def test_an_intake_of_many_capsules_is_recorded_and_audited_as_a_double_dose():
    (finding,) = audit(R, [Intake(START, 600)])
    assert finding.kind is DoubleDoseKind.OVERSIZED_INTAKE


def test_intakes_at_one_instant_and_the_history_in_time_order():
    twins = [Intake(jan(5, 8), 180), Intake(jan(5, 8), 120)]
    # Each is too big, and so are the two together.
    assert [(f.kind, sum(i.dose_mg for i in f.intakes)) for f in audit(R, twins)] == [
        (DoubleDoseKind.OVERSIZED_INTAKE, 180),
        (DoubleDoseKind.OVERSIZED_INTAKE, 120),
        (DoubleDoseKind.OVERSIZED_INTAKE, 300),
    ]
    later, earlier = Intake(jan(6, 8), 60), Intake(jan(5, 8), 60)
    assert list(duloxinfo.IntakeHistory([later, earlier])) == [earlier, later]


# Property 5 -----------------------------------------------------------------------------


@st.composite
def clean_histories(draw):
    """A plan and a history that follows it: at most one dose per slot, each at its slot or
    later by the spacing after the last one, never past its slot's window.  Some are two
    capsules a minute apart; some not certain."""
    plan = draw(plans())
    start = oracle.utc(oracle.phases(plan)[0].start)
    slots = oracle.slots(plan, start, start + dt.timedelta(days=6))
    slots = [s for s in slots if start <= s[0] <= start + dt.timedelta(days=6)]
    chosen = draw(st.lists(st.booleans(), min_size=len(slots), max_size=len(slots)))
    intakes, last = [], None
    for slot, take in zip(slots, chosen, strict=True):
        if not take:
            continue
        around = oracle.slots(plan, slot[0], slot[0])
        lo, hi = oracle.window(plan, slot, around)
        at_ = slot[0] if last is None else max(slot[0], last + oracle.spacing(plan, last, slot[0]))
        at_ += dt.timedelta(minutes=draw(st.integers(0, 30)))
        if at_ >= hi or at_ < lo:
            continue
        # The jitter may carry a dose over a phase boundary, where the spacing can be larger.
        if last is not None and at_ < last + oracle.spacing(plan, last, at_):
            continue
        dose = oracle.phases(plan)[slot[1]].dose_mg
        sure = draw(st.booleans())
        if dose % 2 == 0 and (dose // 2) % 10 == 0 and dose // 2 >= 20 and draw(st.booleans()):
            # A minute later in real time, shown in any zone (adding to a local time would
            # add wall time, an hour off across a fold).
            intakes += [
                Intake(draw(in_any_zone(at_)), dose // 2, sure),
                Intake(draw(in_any_zone(at_ + dt.timedelta(minutes=1))), dose // 2, sure),
            ]
            last = oracle.utc(at_) + dt.timedelta(minutes=1)
        else:
            intakes.append(Intake(draw(in_any_zone(at_)), dose, sure))
            last = oracle.utc(at_)
    return plan, intakes


@given(clean_histories())
def test_property_5a_audit_finds_nothing_in_clean_histories(case):
    plan, intakes = case
    assert audit(plan, intakes) == ()


@given(clean_histories(), st.data())
def test_property_5b_audit_finds_a_planted_oversized_dose(case, data):
    plan, intakes = case
    assume(intakes)
    k = data.draw(st.integers(0, len(intakes) - 1))
    old = intakes[k]
    in_force = oracle.dose_in_force(plan, old.at)
    planted = Intake(old.at, in_force + data.draw(st.sampled_from([10, 20, 30, 60])), old.certain)
    history = [*intakes[:k], planted, *intakes[k + 1 :]]
    # audit reports only double doses within the plan, from its start and before its end.
    start, end = oracle.utc(oracle.phases(plan)[0].start), oracle.phases(plan)[-1].end
    assume(start <= oracle.utc(planted.at) and (end is None or planted.at < end))
    found = [f for f in audit(plan, history) if planted in f.intakes]
    assert DoubleDoseKind.OVERSIZED_INTAKE in {f.kind for f in found}
    assert all(f.certain == all(i.certain for i in f.intakes) for f in found)


@given(clean_histories(), st.data())
def test_property_5c_audit_finds_a_planted_dose_too_close(case, data):
    plan, intakes = case
    assume(intakes)
    k = data.draw(st.integers(0, len(intakes) - 1))
    base = oracle.utc(intakes[k].at)
    # audit reports only double doses with an intake within the plan.
    start, end = oracle.utc(oracle.phases(plan)[0].start), oracle.phases(plan)[-1].end
    assume(start <= base and (end is None or base < end))
    gap = oracle.spacing(plan, base, base)
    minutes = data.draw(st.integers(31, gap // dt.timedelta(minutes=1) - 1))
    sure = data.draw(st.booleans())
    planted = Intake(base + dt.timedelta(minutes=minutes), oracle.dose_in_force(plan, base), sure)
    assume(oracle.spacing(plan, base, planted.at) == gap)
    found = [f for f in audit(plan, [*intakes, planted]) if planted in f.intakes]
    assert DoubleDoseKind.TOO_CLOSE in {f.kind for f in found}
    for f in found:
        assert f.certain == all(i.certain for i in f.intakes)


def test_every_audit_explanation_reads_at_grade_8_or_below():
    history = [
        Intake(jan(5, 8), 120),  # at once
        Intake(jan(6, 8), 40),
        Intake(jan(6, 8, 5), 40),  # within five minutes
        Intake(jan(7, 8), 60),
        Intake(jan(7, 13), 60, certain=False),  # too close, not sure
    ]
    found = audit(R, history)
    assert [(f.kind, f.certain) for f in found] == [
        (DoubleDoseKind.OVERSIZED_INTAKE, True),
        (DoubleDoseKind.OVERSIZED_INTAKE, True),
        (DoubleDoseKind.TOO_CLOSE, False),
    ]
    for finding in found:
        assert_plain(finding.explanation)


def test_a_dose_exactly_at_the_midpoint_between_two_doses_counts_for_the_later():
    # 08:00 daily: 20:00 is the midpoint, and it belongs to the next morning's dose; a
    # dose at 07:00 then is too close, and both are for that one morning.
    r = Regimen(60, [dt.time(8)], "UTC", at(2026, 1, 5))
    midpoint, then = Intake(at(2026, 1, 6, 20), 60), Intake(at(2026, 1, 7, 7), 60)
    (found,) = audit(r, [midpoint, then])
    assert (found.kind, found.intakes) == (DoubleDoseKind.TOO_CLOSE, (midpoint, then))
    assert found.slots == (dt.datetime(2026, 1, 7, 8, tzinfo=dt.UTC),)


class _CountingDoses(list):
    """The audit's doses, counting each one read: an index reads one, a slice as many as it holds."""

    read = 0

    def __getitem__(self, key):
        got = super().__getitem__(key)
        _CountingDoses.read += len(got) if isinstance(key, slice) else 1
        return got

    def __iter__(self):
        for dose in super().__iter__():
            _CountingDoses.read += 1
            yield dose


def _doses_read(monkeypatch, count):
    made = audit_module._Audit.doses
    monkeypatch.setattr(audit_module._Audit, "doses", lambda self: _CountingDoses(made(self)))
    _CountingDoses.read = 0
    hourly = [Intake(START + dt.timedelta(hours=h), 60) for h in range(count)]
    found = audit(Regimen(60, [dt.time(8)], "UTC", START), hourly)
    monkeypatch.undo()  # so that the next call wraps the audit's own doses, not this one
    # Each intake is an hour after the one before: a dose too close to the one before it.
    assert len(found) == count - 1
    assert {f.kind for f in found} == {DoubleDoseKind.TOO_CLOSE}
    return _CountingDoses.read


def test_issue_24_audit_reads_each_dose_a_few_times_however_long_the_history(monkeypatch):
    # 100,000 intakes took 22 s and 10,000 took 0.34 s: the search for the dose too close
    # copied the doses before each one.  Counted, not timed: the doses read grow with the
    # doses, never with their square.
    at_400 = _doses_read(monkeypatch, 400)
    assert at_400 <= 6 * 400
    assert _doses_read(monkeypatch, 800) <= 2 * at_400 + 6
