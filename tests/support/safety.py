"""The safety properties of the missed-dose rule, as functions the tests run and re-run.

``check_advice`` holds properties 1 to 3 for one question (any plan, any history, any
moment); ``Person`` is the state machine of property 4 (a person on a titration plan
with a trip abroad, followed for 90 days).  They live here, not in a test module,
because the planted-bug tests run them again against a rule with a bug planted
through one of its seams.
"""

import datetime as dt
import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from duloxinfo import (
    CONTACT_PRESCRIBER_AFTER_DAYS,
    Action,
    Intake,
    IntakeHistory,
    Plan,
    Regimen,
    advise_missed_dose,
    audit,
    titration_plan,
)
from support import oracle
from support.oracle import utc
from support.strategies import ZONES, in_any_zone, near, plans

MAKEABLE = list(range(20, 241, 10))
HOUR = dt.timedelta(hours=1)


@st.composite
def situations(draw):
    """A plan, a ``now`` near a transition, and any history up to ``now``: early, late,
    extra and uncertain intakes, of any makeable size, recorded in any zone."""
    plan = draw(plans())
    first = oracle.phases(plan)[0]
    now = draw(near(first.tz.key, days=6))
    offsets = st.integers(0, 6 * 86_400_000_000).map(lambda us: dt.timedelta(microseconds=us))
    doses = st.one_of(
        st.sampled_from([p.dose_mg for p in oracle.phases(plan)]), st.sampled_from(MAKEABLE)
    )
    raw = draw(st.lists(st.tuples(offsets, doses, st.booleans()), max_size=8))
    intakes = [
        Intake(draw(in_any_zone(now - off)), dose, certain=sure or off.days % 2 == 0)
        for off, dose, sure in raw
    ]
    return plan, intakes, draw(in_any_zone(now))


def follow_up(plan, answer, now):
    """The dose following the whole answer means: (instant, mg), or None when there is none."""
    if answer.action is Action.TAKE_NOW:
        return now, answer.dose_mg
    if answer.next_dose_at is None:
        return None
    return answer.next_dose_at, oracle.dose_in_force(plan, answer.next_dose_at)


def check_advice(case):
    """Properties 1 to 3 for one question, against the oracle."""
    plan, intakes, now = case
    answer = advise_missed_dose(plan, intakes, now)
    current = oracle.latest_at_or_before(plan, now)
    coming = oracle.first_after(plan, now)

    # The answer names its rule and ends its sentences.
    assert answer.rule == f"missed-dose/{answer.action.value}"
    assert answer.reason.endswith(".")
    assert (answer.action is Action.CONTACT_PRESCRIBER) is answer.contact_prescriber

    # Property 1: dose_mg is one dose in force for TAKE_NOW (the missed slot's, or the
    # slot's the intake will count for if smaller), 0 otherwise.
    if answer.action is Action.TAKE_NOW:
        assert current is not None
        dose = oracle.phases(plan)[current[1]].dose_mg
        assert answer.dose_mg == min(dose, oracle.dose_in_force(plan, now))
    else:
        assert answer.dose_mg == 0

    # The slot is the latest scheduled dose at or before now.
    if current is None:
        assert answer.slot is None
        taken_early = coming is not None and oracle.covered(plan, coming, intakes)
        expected = {Action.ALREADY_TAKEN, Action.PLAN_ENDED} if taken_early else {Action.NOT_DUE}
        assert answer.action in expected, answer
    else:
        assert utc(answer.slot) == current[0]

    # Property 2: following the whole answer makes no double dose.
    taken = list(intakes)
    follow = follow_up(plan, answer, now)
    if follow is not None:
        at, mg = follow
        assert utc(at) >= utc(now)
        new = Intake(at, mg)
        assert not oracle.makes_a_double_dose(plan, taken, new), (answer, new)
        own = oracle.owner(plan, at)
        if own is not None:
            assert not oracle.covered(plan, own, taken), (answer, own)
        before = {(f.kind, f.intakes) for f in audit(plan, taken)}
        after = {(f.kind, f.intakes) for f in audit(plan, [*taken, new])}
        assert {f for f in after - before if new in f[1]} == set(), after - before
        if answer.action is Action.TAKE_NOW:  # the dose taken now comes before the next one
            check_taken_at_the_last_moment(plan, taken, answer, mg)
            taken.append(new)
            check_asked_again(plan, taken, now, answer, own)
    # next_dose_at: after now, never a covered slot, never less than H after any intake.
    if answer.next_dose_at is not None:
        nxt = answer.next_dose_at
        assert utc(nxt) > utc(now)
        assert oracle.spaced(plan, taken, nxt), (answer, taken)
        own = oracle.owner(plan, nxt)
        assert own is not None
        assert not oracle.covered(plan, own, taken)
    else:
        assert answer.action in {Action.CONTACT_PRESCRIBER, Action.PLAN_ENDED, Action.TAKE_NOW}

    # Property 3: no needless skip.
    if current is not None and not oracle.covered(plan, current, intakes):
        due = oracle.wall_after(plan, current)
        if coming is not None and coming[0] < due:
            due = coming[0]
        spaced = oracle.spaced(plan, intakes, now)
        early = coming is not None and oracle.covered(plan, coming, intakes)
        if spaced and not early and due - utc(now) > oracle.spacing(plan, current[0], due):
            assert answer.action in {Action.TAKE_NOW, Action.CONTACT_PRESCRIBER}, answer
        if answer.action is Action.CONTACT_PRESCRIBER:
            assert answer.missed_in_a_row >= CONTACT_PRESCRIBER_AFTER_DAYS


def check_taken_at_the_last_moment(plan, taken, answer, mg):
    """A ``TAKE_NOW`` followed at its last moment, just before ``holds_until`` ("take it
    before 20:00"), then the next dose at ``next_dose_at``: no double dose either."""
    last = utc(answer.holds_until) - dt.timedelta(microseconds=1)
    late = Intake(last, mg)
    assert not oracle.makes_a_double_dose(plan, taken, late), (answer, late)
    before = {(f.kind, f.intakes) for f in audit(plan, taken)}
    after = {(f.kind, f.intakes) for f in audit(plan, [*taken, late])}
    assert {f for f in after - before if late in f[1]} == set(), after - before
    if answer.next_dose_at is not None:
        assert oracle.spaced(plan, [*taken, late], answer.next_dose_at), (answer, late)


def check_asked_again(plan, taken, now, answer, own):
    """After a ``TAKE_NOW`` is followed: the dose belongs to a slot, and asked again right
    after, the answer shows it taken for that slot, with the same next dose."""
    assert own is not None, answer  # a dose no slot owns would be unscheduled
    # A microsecond later in real time: in a zone, "+" is wall-clock time, and at a repeated
    # hour a wall-clock microsecond later can be half an hour earlier.
    again = advise_missed_dose(plan, taken, utc(now) + dt.timedelta(microseconds=1))
    facts = again.because
    if again.action is Action.SKIP:
        shown = facts.early.slot
    else:
        assert again.action in {Action.ALREADY_TAKEN, Action.PLAN_ENDED}, again
        shown = facts.taken.slot
    assert utc(shown) == own[0], (answer, again)
    assert again.next_dose_at == answer.next_dose_at, (answer, again)


# Property 4: a person on a titration plan with a trip abroad, followed for 90 days.

MINUTE = dt.timedelta(minutes=1)
STEPS = st.integers(1, 30 * 60).map(lambda m: m * MINUTE)
DAYS = dt.timedelta(days=90)


@st.composite
def titration_with_a_trip(draw):
    """The label's titration plan, with a trip to another zone (and back) in its 60 mg phase.

    The trip starts 10 to 40 days in, lasts 3 to 20 days, and may begin after a pause of
    up to two days (the prescriber's break over a long flight).
    """
    home = draw(st.sampled_from(ZONES))
    away = draw(st.sampled_from([z for z in ZONES if z != home]))
    start = draw(near(home, days=3))
    at = draw(st.sampled_from([dt.time(8), dt.time(21), dt.time(1, 30), dt.time(12, 45)]))
    week, rest = titration_plan(start, home, at).phases
    leave = rest.start + dt.timedelta(hours=draw(st.integers(10 * 24, 40 * 24)))
    pause = dt.timedelta(hours=draw(st.sampled_from([0, 0, 12, 48])))
    back = leave + pause + dt.timedelta(hours=draw(st.integers(3 * 24, 20 * 24)))
    dose = rest.dose_mg
    return Plan(
        [
            week,
            Regimen(dose, [at], home, rest.start, end=leave),
            Regimen(dose, [at], away, leave + pause, end=back),
            Regimen(dose, [at], home, back),
        ]
    )


class Person(RuleBasedStateMachine):
    """A person who asks at random moments and follows the answers, but not always.

    They take a dose when told TAKE_NOW and set a reminder at ``next_dose_at``, taking
    the dose then if the answer says so.  Now and then, on their own, they take a dose
    early or late, twice by mistake, without being sure, or not at all.  No dose they
    take by following an answer may ever be part of a double dose.
    """

    @initialize(plan=titration_with_a_trip(), before=STEPS, rng=st.randoms(use_true_random=False))
    def begin(self, plan, before, rng):
        self.plan = plan
        self.now = utc(plan.start) - before
        self.intakes = []
        self.rng = rng
        self.reminder = None

    def _ask(self):
        history = IntakeHistory(self.intakes) if self.rng.random() < 0.5 else list(self.intakes)
        answer = advise_missed_dose(self.plan, history, self.now.astimezone(self.plan.phases[0].tz))
        if answer.action is Action.TAKE_NOW:
            self._follow(Intake(self.now, answer.dose_mg))
        else:
            assert answer.dose_mg == 0
        self.reminder = answer.next_dose_at

    def _follow(self, dose):
        assert not oracle.makes_a_double_dose(self.plan, self.intakes, dose), dose
        before = {f.intakes for f in audit(self.plan, self.intakes)}
        self.intakes.append(dose)
        new = [f for f in audit(self.plan, self.intakes) if f.intakes not in before]
        assert all(dose not in f.intakes for f in new), new

    def _own(self, mg=None, certain=True):
        """A dose on the person's own initiative: not advice, so it may be a double dose."""
        self.intakes.append(
            Intake(self.now, mg or oracle.dose_in_force(self.plan, self.now), certain)
        )

    def _advance(self, step):
        if self.reminder is not None and self.now <= utc(self.reminder) <= self.now + step:
            self.now = utc(self.reminder)
            self.reminder = None
            self._ask()
        else:
            self.now += step

    @rule(step=STEPS)
    def ask(self, step):
        self._advance(step)
        self._ask()

    @rule(step=STEPS)
    def forget(self, step):
        self.now += step
        self.reminder = None

    @rule(step=STEPS, how=st.sampled_from(["early", "late", "twice", "unsure"]))
    def on_their_own(self, step, how):
        self._advance(step)
        if how == "twice":
            self._own()
            self.now += dt.timedelta(minutes=self.rng.randint(1, 120))
            self._own()
        elif how == "unsure":
            self._own(certain=False)
        else:  # early or late: a dose off the schedule, whenever this is
            self._own()

    @invariant()
    def followed_doses_are_never_double(self):
        # Checked at each dose taken by following an answer (_follow); here, the whole
        # history is at least well formed.
        assert all(
            utc(a.at) <= utc(b.at) for a, b in zip(self.intakes, self.intakes[1:], strict=False)
        )

    def teardown(self):
        # However short the random run, live on to 90 days after the start, asking at
        # random moments, forgetting at random and following reminders.
        if not hasattr(self, "plan"):
            return
        end = utc(self.plan.start) + DAYS
        rng = self.rng if isinstance(self.rng, random.Random) else random.Random(0)
        while self.now < end:
            step = rng.randint(1, 30 * 60) * MINUTE
            if rng.random() < 0.8:
                self._advance(step)
                self._ask()
            else:
                self.now += step
                self.reminder = None
        assert self.now - utc(self.plan.start) >= DAYS


# The ci profile runs 1,000 examples of each property; the state machine's runs are long
# (90 days each), so it runs 3 in 10 of that: at least 300 in ci.
Person.TestCase.settings = settings(
    max_examples=max(10, settings.default.max_examples * 3 // 10),
    stateful_step_count=20,
    # Each run lives 90 days: its smallest example is large, and it is slow, on purpose.
    suppress_health_check=[HealthCheck.large_base_example, HealthCheck.too_slow],
)
