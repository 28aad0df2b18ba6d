"""The safety properties of the missed-dose rule, as functions the tests run and re-run.

``check_advice`` is property 1 (any history, any moment) and ``Person`` the state
machine of property 2 (a person following the advice for 60 days).  They live here,
not in a test module, because the planted-bug tests run them again against a rule
with a bug planted through one of its seams.
"""

import datetime as dt
import random
from collections import Counter, defaultdict

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from duloxinfo import (
    CONTACT_PRESCRIBER_AFTER_DAYS,
    Action,
    Intake,
    IntakeHistory,
    advise_missed_dose,
    audit,
)
from support.oracle import latest_at_or_before, next_after, owner, schedule, utc
from support.strategies import in_any_zone, near, regimens

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


def check_advice(case):
    """Property 1: the advice for ``case`` (a regimen, a history, ``now``) is safe and exact."""
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


MINUTE = dt.timedelta(minutes=1)
STEPS = st.integers(1, 40 * 60).map(lambda m: m * MINUTE)
DAYS = dt.timedelta(days=60)


class Person(RuleBasedStateMachine):
    @initialize(
        regimen=regimens(),
        before=st.integers(0, 2 * 24 * 60).map(lambda m: m * MINUTE),
        rng=st.randoms(use_true_random=False),
    )
    def begin(self, regimen, before, rng):
        self.regimen = regimen
        self.now = utc(regimen.start) - before
        self.intakes = []
        self.rng = rng

    def _ask(self):
        history = IntakeHistory(self.intakes) if self.rng.random() < 0.5 else self.intakes
        advice = advise_missed_dose(self.regimen, history, self.now.astimezone(self.regimen.tz))
        if advice.action is Action.TAKE_NOW:
            assert advice.dose_mg == self.regimen.dose_mg
            self.intakes.append(Intake(self.now, advice.dose_mg))
        else:
            assert advice.dose_mg == 0

    @rule(step=STEPS)
    def ask(self, step):
        self.now += step
        self._ask()

    @rule(step=STEPS)
    def forget(self, step):
        self.now += step

    @invariant()
    def never_a_double_dose(self):
        self._check()

    def _check(self):
        if not self.intakes:
            return
        assert audit(self.regimen, self.intakes) == ()
        slots = schedule(self.regimen, self.intakes[0].at, self.intakes[-1].at)
        owners = [owner(slots, i.at) for i in self.intakes]
        assert max(Counter(owners).values()) == 1  # no slot has two intakes
        per_day = defaultdict(int)
        for slot, intake in zip(owners, self.intakes, strict=True):
            per_day[slot.astimezone(self.regimen.tz).date()] += intake.dose_mg
        assert max(per_day.values()) <= self.regimen.daily_dose_mg

    def teardown(self):
        # however short the random run, live on to 60 days after the start, asking at
        # random moments and forgetting at random, then check the whole history.
        if not hasattr(self, "regimen"):
            return
        end = utc(self.regimen.start) + DAYS
        rng = self.rng if isinstance(self.rng, random.Random) else random.Random(0)
        while self.now < end:
            self.now += rng.randint(1, 40 * 60) * MINUTE
            if rng.random() < 0.8:
                self._ask()
        self._check()
        assert self.now - utc(self.regimen.start) >= DAYS
