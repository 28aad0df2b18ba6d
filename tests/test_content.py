"""The guide: the seed's structure reachable, sources, evidence notes, label agreement,
immutability, renderers, JSON and schema, and precise errors for broken data."""

import datetime as dt
import enum
import html.parser
import json
import pickle
import re
import threading
import types
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from _records import records
from duloxinfo.content.load import _load_text

FIXTURES = Path(__file__).parent / "fixtures"
SEED = (FIXTURES / "seed_page.txt").read_text(encoding="utf-8")


def _seed_structure():
    """Walk the seed page: (headings, list items, paragraphs), by the page's own layout.

    A list item is a bullet line or a "Label: text" line; a heading is a short line
    with no sentence end (or ending in ':' or '?'); the rest are paragraphs.
    """
    headings, items, paragraphs = [], [], []
    for raw in SEED.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("•"):
            items.append(line.lstrip("• ").strip())
        elif re.match(r"^[A-Z][A-Za-z ]+: \S", line):
            label, text = line.split(": ", 1)
            headings.append(label)
            items.append(text)
        elif len(line) < 60 and not line.endswith((".", "!")):
            headings.append(re.sub(r"^\d+\.\s*", "", line).rstrip(":"))
        else:
            paragraphs.append(line)
    return headings, items, paragraphs


GUIDE = duloxinfo.guide()


def test_seed_walk_finds_its_own_structure():
    headings, items, _ = _seed_structure()
    # the walker itself: 18 headings ("Benefits of Duloxetine" twice), 16 list items
    assert len(headings) == 18
    assert len(items) == 16
    assert "Benefits of Duloxetine" in headings
    assert "Nausea" in items


def test_every_heading_list_item_and_paragraph_of_the_seed_is_in_the_typed_guide():
    strings = set(records(GUIDE, str))
    headings, items, paragraphs = _seed_structure()
    missing = [s for s in [*headings, *items, *paragraphs] if s not in strings]
    assert missing == []


def test_the_two_benefit_sections_merge_into_one_list_without_losing_a_point():
    titles = [p.title for p in GUIDE.benefits.items]
    assert titles == [
        "Muscle Relaxation",
        "Pain Relief",
        "Relief from Muscle Spasms",
        "Improved Quality of Life",
    ]
    assert len(GUIDE.benefits.intro) == 2


def test_typed_doses_frequency_onset_and_side_effects():
    dosage = GUIDE.dosage
    assert (dosage.starting.dose_mg, dosage.starting.frequency) == (
        30,
        duloxinfo.Frequency.ONCE_DAILY,
    )
    assert (dosage.usual.dose_mg, dosage.usual.frequency) == (60, duloxinfo.Frequency.ONCE_DAILY)
    assert dosage.starting.duration == dt.timedelta(weeks=1)
    onset = GUIDE.how_it_works.onset.expected
    assert dt.timedelta(0) < onset.minimum <= onset.maximum
    effects = GUIDE.side_effects.effects
    assert [e.name for e in effects] == [
        "Nausea",
        "Dizziness",
        "Dry mouth",
        "Constipation",
        "Headache",
        "Insomnia",
    ]
    assert {e.name for e in effects if e.label_most_common} == {
        "Nausea",
        "Dry mouth",
        "Constipation",
    }
    assert len(GUIDE.consultation.benefits) == 4


def test_the_guide_agrees_with_the_single_source_of_label_numbers():
    label = duloxinfo.LABEL
    assert GUIDE.dosage.starting.dose_mg == label.starting_dose_mg.value
    assert GUIDE.dosage.starting.duration == label.starting_period.value
    assert GUIDE.dosage.usual.dose_mg == label.usual_dose_mg.value
    assert GUIDE.dosage.maximum_daily_mg == label.max_daily_dose_pain_mg.value
    assert label.max_daily_dose_mg.value == 120
    for fact in attrs.astuple(label, recurse=False):
        assert fact.sources, fact


def test_every_clinical_statement_has_a_source():
    statements = list(records(GUIDE, duloxinfo.Statement))
    assert len(statements) >= 39
    assert all(s.sources for s in statements)
    assert all(n.sources for n in records(GUIDE, duloxinfo.EvidenceNote))
    assert all(e.sources for e in GUIDE.side_effects.effects)
    assert duloxinfo.check_guide(GUIDE) == ()


def test_label_statements_cite_the_label():
    for point in GUIDE.safety.points:
        assert any(c.source is not duloxinfo.Source.SEED for c in point.statement.sources)
    assert {p.topic for p in GUIDE.safety.points} == set(duloxinfo.SafetyTopic)
    assert "not medical advice" in GUIDE.safety.disclaimer


@pytest.mark.parametrize(
    ("needle", "kind"),
    [
        ("can help relax your muscles", duloxinfo.EvidenceKind.NOT_SUPPORTED),
        ("Research studies have shown", duloxinfo.EvidenceKind.NOT_SUPPORTED),
        ("find relief from muscle spasms", duloxinfo.EvidenceKind.NOT_APPROVED_USE),
        ("promote muscle relaxation", duloxinfo.EvidenceKind.NOT_SUPPORTED),
        ("typical starting dose", duloxinfo.EvidenceKind.LABEL_ADDS),
        ("full glass of water", duloxinfo.EvidenceKind.LABEL_DIFFERS),
    ],
)
def test_unsupported_claims_carry_evidence_notes(needle, kind):
    matches = [s for s in records(GUIDE, duloxinfo.Statement) if needle in s.text]
    assert matches, needle
    assert any(n.kind is kind for s in matches for n in s.evidence)


def test_content_is_immutable():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GUIDE.title = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GUIDE.dosage.usual.dose_mg = 120  # type: ignore[misc]
    assert isinstance(GUIDE.benefits.items, tuple)
    assert not hasattr(GUIDE.dosage, "__dict__")  # slotted


def test_guide_is_cached_and_thread_safe():
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(duloxinfo.guide())) for _ in range(16)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is GUIDE for r in results)


def test_unknown_section_names_the_value():
    with pytest.raises(duloxinfo.SectionError, match="'dose'"):
        GUIDE.section("dose")
    assert [GUIDE.section(n) for n in duloxinfo.SECTION_NAMES][-1] is GUIDE.closing


# renderers ---------------------------------------------------------------------------


class _Checker(html.parser.HTMLParser):
    VOID = frozenset({"br", "hr", "img", "meta", "link"})

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.errors = [], [], []

    def handle_starttag(self, tag, attrs_):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def test_html_is_balanced_escaped_and_self_contained():
    out = duloxinfo.render_html(GUIDE)
    checker = _Checker()
    checker.feed(out)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    assert checker.tags.count("h1") == 1
    assert checker.tags.count("h2") == 9  # eight headed sections, plus Sources
    assert "ul" in checker.tags
    assert "aside" in checker.tags
    assert not {"script", "style", "link", "img"} & set(checker.tags)
    assert "St John&#x27;s Wort" in out  # escaped
    assert "you\u2019re" in out  # the seed's curly apostrophe, kept


def test_html_escapes_markup_in_text():
    evil = attrs.evolve(GUIDE.closing, text="<script>alert(1)</script> & more")
    out = duloxinfo.render_html(evil)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out


def test_markdown_structure():
    out = duloxinfo.render_markdown(GUIDE)
    lines = out.splitlines()
    assert lines[0] == "# Duloxetine muscle spasm"
    assert "## Benefits of Duloxetine" in lines
    assert "### Muscle Relaxation" in lines
    assert "- Nausea" in lines
    assert any(line.startswith("> **Evidence note (not an approved use):**") for line in lines)
    assert "- US PI, 2 Dosage and Administration" in lines


def test_text_structure_and_width():
    out = duloxinfo.render_text(GUIDE.section("side_effects"))
    lines = out.splitlines()
    assert lines[:2] == ["Potential Side Effects", "======================"]
    assert "  * Nausea" in lines
    assert all(len(line) <= 78 for line in lines)
    assert "Sources:" in lines


def test_one_section_renders_alone():
    out = duloxinfo.render_markdown(GUIDE.section("safety"))
    assert out.startswith("# Safety information from the label\n")
    assert "Muscle Relaxation" not in out


def test_rendering_something_else_is_a_section_error():
    with pytest.raises(duloxinfo.SectionError, match="int 5"):
        duloxinfo.render_text(5)  # type: ignore[arg-type]


# JSON ---------------------------------------------------------------------------------

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


def test_json_round_trip_of_the_real_guide_and_schema_covers_it():
    text = duloxinfo.guide_to_json(GUIDE, indent=1)
    assert duloxinfo.guide_from_json(text) == GUIDE
    schema = duloxinfo.guide_json_schema()
    data = json.loads(text)
    _validate(data, schema["$ref"], schema)


def _validate(data, ref, schema):
    """A small validator for the schema subset we emit, to prove the schema fits the data."""
    node = schema["$defs"][ref.rsplit("/", 1)[1]] if isinstance(ref, str) else ref
    if "$ref" in node:
        return _validate(data, node["$ref"], schema)
    if "anyOf" in node:
        errors = []
        for option in node["anyOf"]:
            try:
                _validate(data, option, schema)
            except AssertionError as exc:
                errors.append(exc)
            else:
                return None
        raise AssertionError(errors)
    if "enum" in node:
        assert data in node["enum"]
        return None
    kind = node["type"]
    if kind == "object":
        assert set(data) <= set(node["properties"]), set(data) - set(node["properties"])
        assert set(node["required"]) <= set(data)
        for key, value in data.items():
            _validate(value, node["properties"][key], schema)
    elif kind == "array":
        for item in data:
            _validate(item, node["items"], schema)
    else:
        expected = {"string": str, "integer": int, "boolean": bool, "null": type(None)}[kind]
        assert type(data) is expected, (data, kind)
        if "pattern" in node:
            assert re.fullmatch(node["pattern"].strip("^$"), data)
    return None


# broken data ---------------------------------------------------------------------------


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
    with pytest.raises(duloxinfo.ContentError, match="expected str, got bytes"):
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


def test_check_guide_finds_empty_text_reversed_ranges_and_a_wrong_maximum():
    onset = GUIDE.how_it_works.onset
    reversed_onset = attrs.evolve(
        onset,
        expected=duloxinfo.DurationRange(
            minimum=onset.expected.maximum, maximum=onset.expected.minimum
        ),
    )
    broken = attrs.evolve(
        GUIDE,
        title=" ",
        how_it_works=attrs.evolve(GUIDE.how_it_works, onset=reversed_onset),
        dosage=attrs.evolve(GUIDE.dosage, maximum_daily_mg=120),
    )
    found = {(f.path, f.message.split(" ")[0]) for f in duloxinfo.check_guide(broken)}
    assert ("title", "empty") in found
    assert ("how_it_works.onset.expected", "minimum") in found
    assert any(path == "dosage.maximum_daily_mg" for path, _ in found)
    assert len(found) == 3


def test_dose_steps_know_their_daily_total():
    assert GUIDE.dosage.usual.daily_dose_mg == 60
    twice = attrs.evolve(GUIDE.dosage.usual, frequency=duloxinfo.Frequency.TWICE_DAILY)
    assert (twice.frequency.times_per_day, twice.daily_dose_mg) == (2, 120)


def test_a_value_json_cannot_hold_is_a_content_error():
    step = attrs.evolve(GUIDE.dosage.starting, duration=dt.timedelta(days=-1))
    bad = attrs.evolve(GUIDE, dosage=attrs.evolve(GUIDE.dosage, starting=step))
    with pytest.raises(duloxinfo.ContentError, match=r"<json>: cannot write .*days=-1"):
        duloxinfo.guide_to_json(bad)


def test_errors_and_sources_survive_pickling_and_name_their_publisher():
    error = duloxinfo.ContentError("guide.json", ("title: missing",))
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (type(copy), copy.file, copy.problems, str(copy)) == (
        duloxinfo.ContentError,
        "guide.json",
        ("title: missing",),
        "guide.json: title: missing",
    )
    assert repr(duloxinfo.DoseError("x")) == "DoseError('x')"
    assert duloxinfo.DoseError.__module__ == "duloxinfo"
    assert duloxinfo.Source.NHS.publisher == "NHS website (nhs.uk)"
