"""The missed-dose rule's safety, proved by properties, a state machine and planted bugs.

Property 1 (``support.safety.check_advice``): whatever the history and the moment,
the advice is exact and taking it makes no double dose.  Property 2 (``Person``): a
person who follows the advice for 60 days never takes a double dose.  Then the
planted bugs: a bug of each double-dose kind, planted through one of the rule's seams
(a collaborator it looks up in its module: the label's skip window, the attribution
window, the answer's record), must make the properties fail.
"""

import datetime as dt
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import run_state_machine_as_test

import duloxinfo
from duloxinfo import Action, Intake, advise_missed_dose
from duloxinfo.rules import missed_dose
from support.oracle import latest_at_or_before, owner, schedule, utc
from support.safety import Person, check_advice, situations
from support.strategies import ZONES, near, regimens


def at(day, hour, minute=0):
    return dt.datetime(2026, 1, day, hour, minute, tzinfo=dt.UTC)


@given(situations())
def test_property_1_no_advice_is_ever_a_double_dose(case):
    check_advice(case)


TestProperty2APersonFollowingTheAdviceNeverTakesADoubleDose = Person.TestCase


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


# Planted bugs ---------------------------------------------------------------------------


def _oversized(monkeypatch):
    """(a) Make up for missed doses with a bigger one: TAKE_NOW answers up to two doses."""
    real = missed_dose.MissedDoseAdvice

    def bigger(**fields):
        if fields["action"] is Action.TAKE_NOW:
            fields["dose_mg"] *= min(fields["missed_in_a_row"], 2)
        return real(**fields)

    monkeypatch.setattr(missed_dose, "MissedDoseAdvice", bigger)


def _at_or_before(monkeypatch):
    """(b) An intake belongs to the slot at or before it, not the nearest: a dose taken
    a little early does not count for its own slot."""
    monkeypatch.setattr(missed_dose, "window", lambda around: (around.latest, around.following))


def _quarter_window(monkeypatch):
    """(c) The skip window is a quarter of the interval, not a half."""
    quarter = attrs.evolve(duloxinfo.LABEL.skip_window_fraction, value=Fraction(1, 4))
    label = attrs.evolve(duloxinfo.LABEL, skip_window_fraction=quarter)
    monkeypatch.setattr(missed_dose, "LABEL", label)


PLANTED = {
    "oversized-intake": _oversized,
    "same-slot": _at_or_before,
    "too-close": _quarter_window,
}

FIND = settings(
    max_examples=3000,
    phases=[Phase.generate],
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def _leaves(error):
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def _assertion_failures(run):
    """Run a property; return the assertion failures Hypothesis found (none if it passed)."""
    try:
        run()
    except (AssertionError, BaseExceptionGroup) as error:
        leaves = _leaves(error)
        assert all(isinstance(leaf, AssertionError) for leaf in leaves), leaves
        return leaves
    return []


def _property_1(examples=3000):
    settings(FIND, max_examples=examples)(given(situations())(check_advice))()


def _property_2(runs=300):
    run_state_machine_as_test(Person, settings=settings(FIND, max_examples=runs))


def test_the_same_harness_passes_with_no_bug_planted():
    assert _assertion_failures(lambda: _property_1(200)) == []
    assert _assertion_failures(lambda: _property_2(20)) == []


DAILY = duloxinfo.Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
# For each planted bug, a question whose answer it changes, and that answer's fields.
SHOWN_BY = {
    # two doses missed, asked in the morning: one dose, not two
    "oversized-intake": (
        ([Intake(at(1, 8), 60)], at(3, 9)),
        (Action.TAKE_NOW, 60),
        (Action.TAKE_NOW, 120),
    ),
    # taken ten minutes early, asked after the slot: it counts for the slot
    "same-slot": (
        ([Intake(at(2, 7, 50), 60)], at(2, 9)),
        (Action.ALREADY_TAKEN, 0),
        (Action.TAKE_NOW, 60),
    ),
    # nine hours before the next dose, with nothing taken today: skip
    "too-close": (([Intake(at(1, 8), 60)], at(2, 23)), (Action.SKIP, 0), (Action.TAKE_NOW, 60)),
}


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_each_seam_is_live_the_planted_bug_changes_its_answer(kind, monkeypatch):
    (intakes, now), right, wrong = SHOWN_BY[kind]
    answer = advise_missed_dose(DAILY, intakes, now)
    assert (answer.action, answer.dose_mg) == right
    PLANTED[kind](monkeypatch)
    answer = advise_missed_dose(DAILY, intakes, now)
    assert (answer.action, answer.dose_mg) == wrong


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_property_1_catches_each_planted_double_dose(kind, monkeypatch):
    PLANTED[kind](monkeypatch)
    assert _assertion_failures(_property_1)


@pytest.mark.parametrize("kind", ["oversized-intake", "too-close"])
def test_the_person_state_machine_catches_planted_double_doses(kind, monkeypatch):
    """The person never takes a dose early on their own, so the (b) bug cannot show here."""
    PLANTED[kind](monkeypatch)
    assert _assertion_failures(_property_2)
