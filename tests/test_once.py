"""Read once under a lock (``duloxinfo._once``): the one way the package keeps loaded data."""

import pathlib
import threading
import time

import pytest

import duloxinfo
from duloxinfo._once import Once
from support.threads import race

SRC = pathlib.Path(duloxinfo.__file__).parent


def test_threads_racing_the_first_call_load_once_and_share_the_value():
    calls = []

    def slow():
        calls.append(threading.get_ident())
        time.sleep(0.05)
        return object()

    answer = Once(slow)
    results = race(answer, 8)
    assert len(calls) == 1
    assert len(results) == 8
    assert all(r is results[0] for r in results)
    assert answer() is results[0]
    assert len(calls) == 1


def test_a_load_that_fails_keeps_nothing_and_the_next_call_tries_again():
    outcomes = iter([duloxinfo.ContentError("guide.json", ("broken",)), "loaded"])

    def load():
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    answer = Once(load)
    with pytest.raises(duloxinfo.ContentError, match="broken"):
        answer()
    assert answer() == "loaded"
    assert answer() == "loaded"


def test_no_other_module_keeps_a_value_under_a_lock_of_its_own():
    found = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "_once.py"
        and any(word in path.read_text(encoding="utf-8") for word in ("threading", "Lock("))
    ]
    assert found == []
