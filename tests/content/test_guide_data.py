"""The packaged guide: the seed's structure kept, every statement sourced, evidence notes
where the label disagrees, and the label's numbers in agreement."""

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest

import duloxinfo
from support.records import records

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED = (FIXTURES / "seed_page.txt").read_text(encoding="utf-8")
GUIDE = duloxinfo.guide()


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
