"""The seed page, kept as reviewed claims: every statement word for word with a verdict, and
none of them in the patient text."""

import json
import re
from pathlib import Path

import pytest

import duloxinfo
from support.readability import HIGHEST_GRADE, grade

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED = (FIXTURES / "seed_page.txt").read_text(encoding="utf-8")
CLAIMS = duloxinfo.seed_claims()
GUIDE = duloxinfo.guide()


def _seed_statements():
    """Every statement of the seed page by its own layout: paragraphs, bullets, "Title: text"."""
    statements = []
    for raw in SEED.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("•"):
            statements.append(line.lstrip("• ").strip())
        elif re.match(r"^[A-Z][A-Za-z ]+: \S", line):
            statements.append(line.split(": ", 1)[1])
        elif len(line) >= 60 or line.endswith((".", "!")):
            statements.append(line)
    return statements


def test_the_seed_walk_finds_the_page_statements():
    statements = _seed_statements()
    assert len(statements) == 37
    assert "Nausea" in statements  # the side-effect list's items are claims too
    assert statements[0].startswith("Duloxetine is a powerful medication")


def test_every_seed_statement_is_a_claim_word_for_word_in_page_order():
    texts = [c.text for c in CLAIMS]
    assert texts == _seed_statements()


def test_the_side_effect_list_of_the_seed_is_reviewed_with_its_introduction():
    intro = next(c for c in CLAIMS if "may experience the following" in c.text)
    assert "nausea" in intro.evidence.casefold() or intro.sources


def test_every_claim_has_a_verdict_evidence_and_a_source_that_is_not_the_seed():
    assert {c.verdict for c in CLAIMS} >= {
        duloxinfo.Verdict.NOT_APPROVED_USE,
        duloxinfo.Verdict.SUPPORTED,
    }
    for claim in CLAIMS:
        assert claim.evidence.endswith(".")
        assert claim.sources
        assert all(s.source is not duloxinfo.Source.SEED for s in claim.sources)


@pytest.mark.parametrize(
    ("needle", "verdict"),
    [
        ("find relief from muscle spasms", duloxinfo.Verdict.NOT_APPROVED_USE),
        ("consider incorporating duloxetine", duloxinfo.Verdict.NOT_APPROVED_USE),
        ("Don't let muscle spasms hold you back", duloxinfo.Verdict.NOT_APPROVED_USE),
        ("Research studies have shown", duloxinfo.Verdict.NOT_APPROVED_USE),
        ("Do not crush, chew, or break", duloxinfo.Verdict.SUPPORTED),
    ],
)
def test_the_claims_the_review_named_have_the_right_verdict(needle, verdict):
    (claim,) = [c for c in CLAIMS if needle in c.text]
    assert claim.verdict is verdict


def test_the_eu_is_never_said_to_approve_the_us_only_pain_uses():
    for claim in CLAIMS:
        for sentence in re.split(r"(?<=\.)\s+", claim.evidence):
            low = sentence.casefold()
            if "eu" in low.split() or "in the eu" in low:
                assert "fibromyalgia" not in low or "not" in low or "us" in low.split(), sentence


def _sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 5]


def test_no_seed_statement_or_sentence_appears_in_the_patient_text():
    rendered = " ".join(
        " ".join(render(GUIDE).split()).casefold()
        for render in (duloxinfo.render_text, duloxinfo.render_markdown)
    )
    found = [
        sentence
        for claim in CLAIMS
        for sentence in [claim.text, *_sentences(claim.text)]
        if len(sentence.split()) >= 5 and " ".join(sentence.split()).casefold() in rendered
    ]
    assert found == []


def test_the_check_itself_would_find_a_seed_sentence():
    sentence = _sentences(CLAIMS[0].text)[0]
    assert " ".join(sentence.split()).casefold() in " ".join(SEED.split()).casefold()


def test_claims_round_trip_through_json_and_render_on_request():
    data = json.loads(duloxinfo.seed_claims_to_json(CLAIMS))
    assert [c["text"] for c in data] == [c.text for c in CLAIMS]
    assert data[0]["verdict"] == CLAIMS[0].verdict.value
    with pytest.raises(duloxinfo.WrongTypeError, match="claims: expected a tuple of SeedClaim"):
        duloxinfo.seed_claims_to_json([CLAIMS[0]])  # type: ignore[arg-type]
    assert duloxinfo.seed_claims() is CLAIMS


@pytest.mark.parametrize("index", range(len(CLAIMS)))
def test_each_verdict_is_explained_in_plain_words(index):
    evidence = CLAIMS[index].evidence
    assert grade(evidence) <= HIGHEST_GRADE, evidence
    assert max(len(s.split()) for s in re.split(r"(?<=[.!?])\s+", evidence)) <= 25
