"""Loading the guide: the cached, thread-safe guide(), JSON both ways, and every kind of
broken data named by its path."""

import datetime as dt
import enum
import json
import re
import time
import types
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo._once import Once
from duloxinfo.content import _converter, load
from duloxinfo.content.load import _load_text
from duloxinfo.interactions import _index
from support.bad_input import damaged, json_values, only_duloxinfo_errors, paths
from support.threads import race

FIXTURES = Path(__file__).parent.parent / "fixtures"
GUIDE = duloxinfo.guide()


def test_guide_is_cached():
    assert duloxinfo.guide() is duloxinfo.guide() is GUIDE


@pytest.mark.parametrize(
    ("function", "module", "loader", "file"),
    [
        (duloxinfo.guide, load, "_guide", "guide.json"),
        (duloxinfo.seed_claims, load, "_claims", "seed_claims.json"),
        (duloxinfo.interaction_data, _index, "loaded", "interactions.json"),
    ],
)
def test_sixteen_threads_racing_a_cold_cache_read_the_data_once(
    monkeypatch, function, module, loader, file
):
    """The cache starts empty and each read is slow, so that without the lock several
    threads would read the file; with it, one reads and all get the same object."""
    expected = function()
    assert isinstance(getattr(module, loader), Once)  # the one read-once helper
    monkeypatch.setattr(module, loader, Once(getattr(module, loader).load))
    reads = []
    real = module.data_file_text

    def slow_read(package, name):
        reads.append(name)
        time.sleep(0.05)
        return real(package, name)

    monkeypatch.setattr(module, "data_file_text", slow_read)
    results = race(function, 16)
    assert reads == [file]
    assert len(results) == 16
    assert all(r is results[0] for r in results)
    assert results[0] == expected


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
        if tp is dt.date:
            return st.dates()
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


# A whole generated guide takes about 0.3 s to draw: a quarter of the profile's examples
# keeps the property's reach (every field, every union branch) at a quarter of its cost.
@settings(max_examples=max(10, settings.default.max_examples // 4))
@given(_build(duloxinfo.Guide))
def test_json_round_trip_property(guide):
    assert duloxinfo.guide_from_json(duloxinfo.guide_to_json(guide)) == guide


def _damage(change):
    data = json.loads(duloxinfo.guide_to_json(GUIDE))
    change(data)
    return json.dumps(data)


def _set(path, value):
    """A change that sets the field at ``path`` (keys and indexes) to ``value``."""

    def change(data):
        *parents, last = path
        for key in parents:
            data = data[key]
        data[last] = value

    return change


def _delete(path):
    def change(data):
        *parents, last = path
        for key in parents:
            data = data[key]
        del data[last]

    return change


@pytest.mark.parametrize(
    ("change", "problems"),
    [
        (
            _delete(("side_effects", "effects", 2, "band")),
            ["side_effects.effects[2].band: missing"],
        ),
        (
            _set(("how_to_take", "starting", "dose_mg"), "30"),
            ["how_to_take.starting.dose_mg: expected int, got str '30'"],
        ),
        (_set(("storage", "colour"), "red"), ["storage: unknown field 'colour'"]),
        (
            _set(("how_to_take", "usual", "frequency"), "thrice-daily"),
            ["how_to_take.usual.frequency: 'thrice-daily' is not a valid Frequency"],
        ),
        (
            _set(("side_effects", "effects", 0, "band"), "often"),
            ["side_effects.effects[0].band: 'often' is not a valid FrequencyBand"],
        ),
        (
            _set(("most_important", "warnings", 0, "urgent"), "yes"),
            ["most_important.warnings[0].urgent: expected bool, got str 'yes'"],
        ),
        (
            _set(("about_this_guide", "reviewed_on"), "25/11/2026"),
            [
                "about_this_guide.reviewed_on: expected a date such as '2026-11-25', got '25/11/2026'"
            ],
        ),
        (
            _set(("about", "uses"), "depression"),
            ["about.uses: expected a list, got str 'depression'"],
        ),
        (
            _set(("how_to_take", "starting", "duration"), "a week"),
            [
                (
                    "how_to_take.starting.duration: expected an ISO 8601 duration such as "
                    "'P7D', got 'a week'"
                )
            ],
        ),
    ],
)
def test_damaged_data_gives_its_precise_message(change, problems):
    with pytest.raises(duloxinfo.ContentError) as info:
        duloxinfo.guide_from_json(_damage(change))
    error = info.value
    assert error.file == "<json>"
    assert list(error.problems) == problems
    assert str(error).startswith("<json>: ")
    assert isinstance(error, duloxinfo.DuloxinfoError)


def test_the_packaged_file_is_checked_for_content_too():
    def unsourced_and_off_label(data):
        data["side_effects"]["effects"][1]["sources"] = []
        data["how_to_take"]["usual"]["dose_mg"] = 90

    with pytest.raises(duloxinfo.ContentError) as info:
        _load_text(_damage(unsourced_and_off_label), "guide.json")
    assert info.value.problems == (
        "side_effects.effects[1].sources: no source cited",
        (
            "how_to_take.usual: (90, <Frequency.ONCE_DAILY: 'once-daily'>, None) disagrees "
            "with the label's (60, <Frequency.ONCE_DAILY: 'once-daily'>, None)"
        ),
    )


def test_broken_json_syntax_names_line_and_column():
    with pytest.raises(duloxinfo.ContentError) as info:
        _load_text('{\n "title": "x\n}', "guide.json")
    assert re.match(r"line 2, column \d+: invalid JSON: ", info.value.problems[0])


def test_guide_from_json_rejects_non_text():
    with pytest.raises(duloxinfo.WrongTypeError, match="text: expected JSON text"):
        duloxinfo.guide_from_json(b"{}")  # type: ignore[arg-type]
    with pytest.raises(duloxinfo.ContentError, match="expected an object, got list"):
        duloxinfo.guide_from_json("[]")


def test_a_record_given_something_else_names_its_path_and_all_other_problems():
    data = json.loads(duloxinfo.guide_to_json(GUIDE))
    data["how_to_take"] = "60 mg"
    data["about"]["paragraphs"][0]["sources"] = "seed"
    del data["glossary"]
    with pytest.raises(duloxinfo.ContentError) as caught:
        duloxinfo.guide_from_json(json.dumps(data))
    assert sorted(caught.value.problems) == [
        "about.paragraphs[0].sources: expected a list, got str 'seed'",
        "glossary: missing",
        "how_to_take: expected an object, got str '60 mg'",
    ]


def test_a_value_json_cannot_hold_is_a_content_error():
    step = attrs.evolve(GUIDE.how_to_take.starting, duration=dt.timedelta(days=-1))
    bad = attrs.evolve(GUIDE, how_to_take=attrs.evolve(GUIDE.how_to_take, starting=step))
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
    data["how_to_take"]["starting"]["duration"] = "P9999999999D"
    with pytest.raises(duloxinfo.ContentError) as caught:
        duloxinfo.guide_from_json(json.dumps(data))
    assert caught.value.problems == (
        (
            "how_to_take.starting.duration: expected an ISO 8601 duration such as 'P7D', "
            "got 'P9999999999D'"
        ),
    )


@pytest.mark.parametrize("text", ["P", "PT", "P1DT", "7D", "P-1D", "P1.5D"])
def test_durations_are_whole_iso_8601_the_schema_and_the_loader_agree(text):
    data = json.loads(duloxinfo.guide_to_json(GUIDE))
    data["how_to_take"]["starting"]["duration"] = text
    with pytest.raises(duloxinfo.ContentError, match="expected an ISO 8601 duration"):
        duloxinfo.guide_from_json(json.dumps(data))
    pattern = duloxinfo.guide_json_schema()["$defs"]["DoseStep"]["properties"]["duration"]
    assert not any(re.fullmatch(o.get("pattern", "(?!)"), text) for o in pattern["anyOf"])


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("{}", ["(top level): expected a list, got dict {}"]),
        (
            '[{"where": "x", "text": "y", "evidence": "z.", "sources": []}]',
            ["[0].verdict: missing"],
        ),
        (
            '[{"where": "x", "text": "y", "verdict": "supported", "evidence": "z.", "sources": []}]',
            ["[0].sources: no source cited"],
        ),
    ],
)
def test_a_broken_seed_claims_file_names_each_problem(text, problems):
    with pytest.raises(duloxinfo.ContentError) as info:
        load._load_claims(text, "seed_claims.json")
    assert list(info.value.problems) == problems
    assert info.value.file == "seed_claims.json"


@pytest.mark.parametrize("text", ["2026-02-30", "yesterday", "2026-1-1", "2026-W48-3", "20261125"])
def test_a_date_that_does_not_exist_is_named(text):
    data = json.loads(duloxinfo.guide_to_json(GUIDE))
    data["about_this_guide"]["reviewed_on"] = text
    with pytest.raises(duloxinfo.ContentError) as caught:
        duloxinfo.guide_from_json(json.dumps(data))
    assert caught.value.problems == (
        f"about_this_guide.reviewed_on: expected a date such as '2026-11-25', got {text!r}",
    )


def test_repeated_citations_are_structured_once_and_the_memo_stays_bounded():
    calls = []

    def structure(value, _):
        calls.append(value)
        return object()

    shared = _converter._shared(structure)
    first = shared({"a": "1"}, object)
    assert shared({"a": "1"}, object) is first
    assert len(calls) == 1
    for n in range(_converter._MEMO_SIZE):
        shared({"a": str(n + 2)}, object)
    assert shared({"a": "1"}, object) is not first  # the memo was cleared when full
    shared(["not", "an", "object"], object)
    shared({"a": ["unhashable"]}, object)
    assert calls[-2:] == [["not", "an", "object"], {"a": ["unhashable"]}]
    loaded = duloxinfo.guide()
    citations = [c for s in loaded.side_effects.effects for c in s.sources]
    assert len({id(c) for c in citations}) < len(citations)
