"""Loading the guide: the cached, thread-safe guide(), JSON both ways, and every kind of
broken data named by its path."""

import datetime as dt
import enum
import json
import re
import threading
import time
import types
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo.content import load
from duloxinfo.content.load import _load_text
from support.bad_input import damaged, json_values, only_duloxinfo_errors, paths

FIXTURES = Path(__file__).parent.parent / "fixtures"
GUIDE = duloxinfo.guide()


def test_guide_is_cached():
    assert duloxinfo.guide() is duloxinfo.guide() is GUIDE


def test_sixteen_threads_racing_a_cold_cache_read_the_data_once(monkeypatch):
    """The cache starts empty and each read is slow, so that without the lock several
    threads would read the file; with it, one reads and all get the same object."""
    monkeypatch.setattr(load, "_cache", [])
    reads = []
    real = load._load_file

    def slow_read(name):
        reads.append(name)
        time.sleep(0.05)
        return real(name)

    monkeypatch.setattr(load, "_load_file", slow_read)
    start = threading.Barrier(16)
    results = []

    def ask():
        start.wait()
        results.append(duloxinfo.guide())

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert reads == ["guide.json"]
    assert len(results) == 16
    assert all(r is results[0] for r in results)
    assert results[0] == GUIDE


_texts = st.text(min_size=1, max_size=20)

_durations = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=400)).map(
    lambda d: dt.timedelta(days=d.days, seconds=d.seconds)
)


def _build(cls):
    """A strategy for an attrs content class, field by field, with JSON-safe leaves."""
    hints = typing.get_type_hints(cls)

    def of(tp):  # noqa: PLR0911 - a case per type
        if tp is str:
            return _texts
        if tp is int:
            return st.integers(-(2**53), 2**53)
        if tp is bool:
            return st.booleans()
        if tp is dt.timedelta:
            return _durations
        if typing.get_origin(tp) is tuple:
            return st.lists(of(typing.get_args(tp)[0]), max_size=3).map(tuple)
        if typing.get_origin(tp) in {typing.Union, types.UnionType}:
            return st.one_of([of(a) for a in typing.get_args(tp)])
        if tp is type(None):
            return st.none()
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return st.sampled_from(tp)
        return st.deferred(lambda: _build(tp))

    return st.builds(cls, **{f.name: of(hints[f.name]) for f in attrs.fields(cls)})


@given(_build(duloxinfo.Guide))
def test_json_round_trip_property(guide):
    assert duloxinfo.guide_from_json(duloxinfo.guide_to_json(guide)) == guide


@pytest.mark.parametrize(
    ("name", "problems"),
    [
        ("missing_field.json", ["benefits.items[2].title: missing"]),
        ("wrong_type.json", ["dosage.starting.dose_mg: expected int, got str '30'"]),
        ("unknown_field.json", ["considerations: unknown field 'colour'"]),
        (
            "unknown_enum.json",
            ["dosage.usual.frequency: 'thrice-daily' is not a valid Frequency"],
        ),
        (
            "unsourced_and_off_label.json",
            [
                "side_effects.effects[1].sources: no source cited",
                (
                    "dosage.usual: (90, <Frequency.ONCE_DAILY: 'once-daily'>, None) disagrees "
                    "with the label's (60, <Frequency.ONCE_DAILY: 'once-daily'>, None)"
                ),
            ],
        ),
        ("string_for_list.json", ["benefits.items: expected a list, got str 'Muscle Relaxation'"]),
        (
            "bad_duration.json",
            [
                (
                    "how_it_works.onset.expected.maximum: expected an ISO 8601 duration "
                    "such as 'P7D', got 'a few weeks'"
                )
            ],
        ),
        ("broken_syntax.json", ["line 8, column 1: invalid JSON: Unterminated string"]),
    ],
)
def test_broken_fixture_gives_its_precise_message(name, problems):
    text = (FIXTURES / "broken" / name).read_text(encoding="utf-8")
    with pytest.raises(duloxinfo.ContentError) as info:
        _load_text(text, name)
    error = info.value
    assert error.file == name
    if name == "broken_syntax.json":
        assert error.problems[0].startswith("line ")
        assert "invalid JSON" in error.problems[0]
    else:
        assert list(error.problems) == problems
    assert str(error).startswith(f"{name}: ")
    assert isinstance(error, duloxinfo.DuloxinfoError)


def test_guide_from_json_rejects_non_text():
    with pytest.raises(duloxinfo.WrongTypeError, match="text: expected JSON text"):
        duloxinfo.guide_from_json(b"{}")  # type: ignore[arg-type]
    with pytest.raises(duloxinfo.ContentError, match="expected an object, got list"):
        duloxinfo.guide_from_json("[]")


def test_a_record_given_something_else_names_its_path_and_all_other_problems():
    data = json.loads(duloxinfo.guide_to_json(GUIDE))
    data["dosage"] = "60 mg"
    data["overview"]["paragraphs"][0]["sources"] = "seed"
    del data["closing"]
    with pytest.raises(duloxinfo.ContentError) as caught:
        duloxinfo.guide_from_json(json.dumps(data))
    assert sorted(caught.value.problems) == [
        "closing: missing",
        "dosage: expected an object, got str '60 mg'",
        "overview.paragraphs[0].sources: expected a list, got str 'seed'",
    ]


def test_a_value_json_cannot_hold_is_a_content_error():
    step = attrs.evolve(GUIDE.dosage.starting, duration=dt.timedelta(days=-1))
    bad = attrs.evolve(GUIDE, dosage=attrs.evolve(GUIDE.dosage, starting=step))
    with pytest.raises(duloxinfo.ContentError, match=r"<json>: cannot write .*days=-1"):
        duloxinfo.guide_to_json(bad)


GUIDE_DATA = json.loads(duloxinfo.guide_to_json(GUIDE))
PATHS = list(paths(GUIDE_DATA))[1:]


@given(st.sampled_from(PATHS), json_values(), st.booleans())
def test_the_loader_turns_any_damage_to_the_data_into_a_content_error(path, junk, delete):
    data = damaged(GUIDE_DATA, path, junk, delete=delete)
    try:
        loaded = duloxinfo.guide_from_json(json.dumps(data))
    except duloxinfo.ContentError as error:
        problems = error.problems
    else:
        assert isinstance(loaded, duloxinfo.Guide)
        return
    assert problems
    assert all(": " in problem for problem in problems)


@given(st.text(max_size=200))
def test_the_loader_turns_any_text_into_a_guide_or_a_content_error(text):
    only_duloxinfo_errors(duloxinfo.guide_from_json, [text])


def test_a_duration_longer_than_python_can_hold_is_a_content_error():
    data = json.loads(duloxinfo.guide_to_json(GUIDE))
    data["dosage"]["starting"]["duration"] = "P9999999999D"
    with pytest.raises(duloxinfo.ContentError) as caught:
        duloxinfo.guide_from_json(json.dumps(data))
    assert caught.value.problems == (
        "dosage.starting.duration: expected an ISO 8601 duration such as 'P7D', got 'P9999999999D'",
    )


@pytest.mark.parametrize("text", ["P", "PT", "P1DT", "7D", "P-1D", "P1.5D"])
def test_durations_are_whole_iso_8601_the_schema_and_the_loader_agree(text):
    data = json.loads(duloxinfo.guide_to_json(GUIDE))
    data["dosage"]["starting"]["duration"] = text
    with pytest.raises(duloxinfo.ContentError, match="expected an ISO 8601 duration"):
        duloxinfo.guide_from_json(json.dumps(data))
    pattern = duloxinfo.guide_json_schema()["$defs"]["DoseStep"]["properties"]["duration"]
    assert not any(re.fullmatch(o.get("pattern", "(?!)"), text) for o in pattern["anyOf"])
