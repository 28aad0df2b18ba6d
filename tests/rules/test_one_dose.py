"""one_dose_groups: the one grouping of intakes into doses, which audit and the dose log share."""

import ast
import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Intake
from duloxinfo.choices import ONE_DOSE_WITHIN
from duloxinfo.rules._one_dose import one_dose_groups

START = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)
RULES = Path(duloxinfo.__file__).parent / "rules"


def _history(gaps_and_doses):
    intakes, at = [], START
    for gap, mg in gaps_and_doses:
        at += dt.timedelta(minutes=gap)
        intakes.append(Intake(at, mg))
    return intakes, [i.at for i in intakes]


def test_capsules_of_one_dose_logged_apart_are_one_dose_and_a_third_starts_the_next():
    intakes, instants = _history([(0, 30), (1, 30), (2, 30), (0, 30)])
    assert one_dose_groups(intakes, instants, 0, 4, lambda _: 60) == [(0, 2), (2, 4)]


def test_the_window_counts_from_the_first_intake_of_the_dose_both_ends_included():
    intakes, instants = _history([(0, 20), (30, 20), (1, 20)])
    assert one_dose_groups(intakes, instants, 0, 3, lambda _: 60) == [(0, 2), (2, 3)]


def test_the_limit_is_the_dose_in_force_at_each_dose_s_first_intake():
    intakes, instants = _history([(0, 60), (600, 30), (1, 30)])
    limits = {0: 30, 1: 60, 2: 30}
    assert one_dose_groups(intakes, instants, 0, 3, limits.__getitem__) == [(0, 1), (1, 3)]
    assert one_dose_groups(intakes, instants, 1, 1, limits.__getitem__) == []


@given(
    st.lists(st.tuples(st.integers(0, 45), st.sampled_from([20, 30, 60])), min_size=1, max_size=12),
    st.sampled_from([30, 60, 90]),
)
def test_groups_tile_the_intakes_each_one_dose_and_none_could_take_the_next(steps, limit):
    intakes, instants = _history(steps)
    groups = one_dose_groups(intakes, instants, 0, len(intakes), lambda _: limit)
    assert [b for b, _ in groups] == [0, *(e for _, e in groups[:-1])]
    assert groups[-1][1] == len(intakes)
    for begin, end in groups:
        assert all(instants[i] - instants[begin] <= ONE_DOSE_WITHIN for i in range(begin, end))
        total = sum(i.dose_mg for i in intakes[begin:end])
        assert end - begin == 1 or total <= limit
        if end < len(intakes):  # the next intake could not have joined this dose
            too_late = instants[end] - instants[begin] > ONE_DOSE_WITHIN
            assert too_late or total + intakes[end].dose_mg > limit


def test_audit_and_the_dose_log_group_with_it_and_nothing_else_groups_by_hand():
    users = set()
    for path in RULES.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        if "one_dose_groups" in names:
            users.add(path.stem)
        # a running total against ONE_DOSE_WITHIN is a grouping written again
        source = path.read_text(encoding="utf-8")
        if path.stem != "_one_dose":
            assert "total + " not in source or "ONE_DOSE_WITHIN" not in source, path.name
    assert users == {"audit", "_judging"}  # the dose log and adherence judge through _judging
