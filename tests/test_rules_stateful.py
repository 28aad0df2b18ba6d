"""Property 2: a person who asks at random moments, forgets at random, and takes a dose
exactly when told TAKE_NOW, over at least 60 days, never ends up with a double dose."""

import datetime as dt
import random
from collections import Counter, defaultdict

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from _oracle import owner, regimens, schedule, utc
from duloxinfo import Action, Intake, IntakeHistory, advise_missed_dose, audit

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


TestPerson = Person.TestCase
