"""The tests must fail when the rules are wrong: plant a bug of each double-dose kind.

Each test copies the source of the missed-dose rule, plants one bug that would make it
advise a double dose of one kind, swaps the copy in for the real rule, and shows that
the property tests fail.  Property 1 (any history, any moment) catches all three; the
state machine of a person (property 2) catches (a) and (c): the (b) bug only shows when
a dose was taken early, on the person's own initiative, which that person never does.
The properties run here without shrinking: finding the failure is the point.
"""

import inspect

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.stateful import run_state_machine_as_test

import duloxinfo
import test_rules_properties
import test_rules_stateful
from duloxinfo.rules import missed_dose

SOURCE = inspect.getsource(missed_dose.advise_missed_dose)

PLANTED = {
    # (a) oversized intake: "make up" for missed doses with a bigger dose.
    "oversized-intake": (
        (
            "        dose_mg=regimen.dose_mg,\n        slot=slot,\n"
            "        next_dose_at=following,\n        missed_in_a_row=missed,"
        ),
        (
            "        dose_mg=regimen.dose_mg * min(missed, 2),\n        slot=slot,\n"
            "        next_dose_at=following,\n        missed_in_a_row=missed,"
        ),
    ),
    # (b) same slot: an intake belongs to the slot at or before it, not the nearest, so
    # a dose taken a little early does not count for its own slot.
    "same-slot": (
        "    lo, hi = _window(around)\n",
        "    lo, hi = around.latest, around.following\n",
    ),
    # (c) too close: the skip window is a quarter of the interval, not a half.
    "too-close": (
        "    if left * fraction.denominator <= interval * fraction.numerator:\n",
        "    if left * 4 <= interval:\n",
    ),
}


def _planted_rule(kind):
    """A copy of ``advise_missed_dose`` with the bug of ``kind``, using the module's own
    helpers and classes (so that its answers are the real ``Action`` members)."""
    old, new = PLANTED[kind] if kind else ("", "")
    assert not kind or SOURCE.count(old) == 1, f"the rule changed: update the planted {kind} bug"
    namespace = dict(vars(missed_dose))
    exec(compile(SOURCE.replace(old, new), f"<planted {kind}>", "exec"), namespace)  # noqa: S102
    return namespace["advise_missed_dose"]


@pytest.fixture(params=sorted(PLANTED))
def planted(request, monkeypatch):
    rule = _planted_rule(request.param)
    monkeypatch.setattr(duloxinfo, "advise_missed_dose", rule)
    monkeypatch.setattr(test_rules_properties, "advise_missed_dose", rule)
    monkeypatch.setattr(test_rules_stateful, "advise_missed_dose", rule)
    return request.param


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


FIND = settings(
    max_examples=3000,
    phases=[Phase.generate],
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
PROPERTY_1 = test_rules_properties.test_property_1_no_advice_is_ever_a_double_dose.hypothesis


def _property_1(examples=3000):
    test = given(test_rules_properties.situations())(PROPERTY_1.inner_test)
    settings(FIND, max_examples=examples)(test)()


def _property_2(runs=300):
    run_state_machine_as_test(
        test_rules_stateful.Person, settings=settings(FIND, max_examples=runs)
    )


def test_an_unplanted_copy_passes_so_the_failures_below_are_the_bugs(monkeypatch):
    copy = _planted_rule(None)
    monkeypatch.setattr(test_rules_properties, "advise_missed_dose", copy)
    monkeypatch.setattr(test_rules_stateful, "advise_missed_dose", copy)
    assert _assertion_failures(lambda: _property_1(200)) == []
    assert _assertion_failures(lambda: _property_2(20)) == []


def test_property_1_catches_each_planted_double_dose(planted):
    assert _assertion_failures(_property_1)


@pytest.mark.parametrize("kind", ["oversized-intake", "too-close"])
def test_the_person_state_machine_catches_planted_double_doses(kind, monkeypatch):
    rule = _planted_rule(kind)
    monkeypatch.setattr(test_rules_stateful, "advise_missed_dose", rule)
    assert _assertion_failures(_property_2)
