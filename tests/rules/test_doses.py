"""rules/_doses.py: which capsules make a dose, found at a cost linear in the dose."""

import itertools

from hypothesis import given
from hypothesis import strategies as st

from duloxinfo.rules import _doses
from duloxinfo.rules._doses import fewest_capsules, most_toward

STRENGTHS = (20, 30, 40, 60)


def _every_way(dose_mg, on_hand):
    """The old search, written plainly: every combination of counts, the best kept."""
    best = ()
    usable = sorted(((s, min(n, dose_mg // s)) for s, n in on_hand if n > 0 and s <= dose_mg))
    for counts in itertools.product(*(range(n + 1) for _, n in usable)):
        taken = tuple(
            sorted(
                (s for (s, _), n in zip(usable, counts, strict=True) for _ in range(n)),
                reverse=True,
            )
        )
        if sum(taken) <= dose_mg and (-sum(taken), len(taken), best) < (
            -sum(best),
            len(best),
            taken,
        ):
            best = taken
    return best


def test_fewest_capsules_prefers_fewer_then_larger_strengths():
    plenty = tuple((s, 10) for s in STRENGTHS)
    assert fewest_capsules(90, plenty) == (60, 30)
    assert fewest_capsules(60, ((60, 1), (30, 5))) == (60,)
    assert fewest_capsules(80, ((60, 1), (40, 2), (20, 0))) == (40, 40)
    assert fewest_capsules(80, plenty) == (60, 20)  # not (40, 40): as many, larger first
    assert fewest_capsules(50, ((60, 3), (40, 3))) is None
    assert most_toward(50, ((60, 3), (40, 3))) == (40,)
    assert most_toward(10, plenty) == ()


@given(
    st.integers(0, 300).map(lambda n: n * 5),
    st.lists(
        st.tuples(st.sampled_from(STRENGTHS), st.integers(0, 6)),
        max_size=4,
        unique_by=lambda p: p[0],
    ),
)
def test_the_programme_finds_what_trying_every_combination_finds(dose_mg, on_hand):
    assert most_toward(dose_mg, tuple(on_hand)) == _every_way(dose_mg, tuple(on_hand))


def _steps(monkeypatch, dose_mg, on_hand):
    """The totals the programme's queues take in: its work, counted, not timed."""
    counted = [0]

    class Counting(_doses.deque):
        def append(self, item):
            counted[0] += 1
            super().append(item)

    monkeypatch.setattr(_doses, "deque", Counting)
    _doses._most.cache_clear()
    most_toward(dose_mg, on_hand)
    return counted[0]


def test_issue_24_a_6000_mg_intake_with_10000_capsules_of_each_strength(monkeypatch):
    # A typo for 60 mg: the old search tried every combination of counts on hand and
    # gave no answer in 60 s.
    on_hand = tuple((s, 10_000) for s in STRENGTHS)
    assert fewest_capsules(6000, on_hand) == (60,) * 100
    # No 60 mg capsules: 40 mg ones, with a 20 mg one to make 6,000 exactly.
    assert fewest_capsules(6000, tuple((s, 10_000) for s in (20, 30, 40))) == (40,) * 150
    # At most one step per total (in 10 mg) and strength.
    assert _steps(monkeypatch, 6000, on_hand) <= 4 * (6000 // 10 + 1)


def test_the_cost_grows_linearly_with_the_dose_not_with_the_capsules_on_hand(monkeypatch):
    many = tuple((s, 10_000) for s in STRENGTHS)
    few = tuple((s, 3) for s in STRENGTHS)
    at_1000 = _steps(monkeypatch, 1000, many)
    assert _steps(monkeypatch, 2000, many) <= 2 * at_1000 + 4
    assert _steps(monkeypatch, 10_000, many) <= 10 * at_1000 + 40
    assert _steps(monkeypatch, 1000, few) <= at_1000
