"""Plain language, measured over what the renderers produce: every section of the guide at
US school grade 8 or below by Flesch-Kincaid, and no sentence over 25 words."""

import re

import pytest
import textstat

import duloxinfo
from support.readability import HIGHEST_GRADE, grade

GUIDE = duloxinfo.guide()
LONGEST_SENTENCE = 25

# Words of five syllables or more that the guide keeps, and why; any other such word must
# be a word the glossary explains.  A test below holds the guide to this list.
KEPT = {
    "antibiotic": "an everyday word; names the group ciprofloxacin belongs to",
    "coordination": "an everyday word; loss of it is a sign of serotonin syndrome",
    "ejaculation": "the plain word for a sexual side effect; there is no shorter one",
    "norepinephrine": "the US name of noradrenaline, given beside it for US readers",
    "phenobarbital": "a medicine's name, as the EU leaflet lists it",
    "unusually": "an everyday word",
}
JARGON = (
    "cyp1a2",
    "cyp2d6",
    "synaptic",
    "reuptake",
    "neurotransmitter",
    "spasticity",
    "ml/min",
    "gfr",
)


def _prose(section):
    """The section as the text renderer writes it, as a reader meets it: without its heading,
    marks and sources, each list item and warning a unit of its own (a full stop added
    where one has none, as a reader pauses at the end of a bullet)."""
    units = []
    for block in duloxinfo.render_text(section).split("\n\n")[1:]:
        lines = block.splitlines()
        if block.startswith("Sources cited:"):
            break
        if len(lines) == 2 and set(lines[1]) <= {"-", "="}:  # a sub-heading
            continue
        if block.startswith("  * "):
            units += [
                re.sub(r"\s+", " ", item).strip()
                for item in re.split(r"^  \* ", block, flags=re.MULTILINE)
                if item.strip()
            ]
        else:
            units.append(" ".join(re.sub(r"^(!! | \| )", "", line).strip() for line in lines))
    return " ".join(u if u.endswith((".", "!", "?", ":")) else u + "." for u in units)


def _sentences(text):
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s.strip()]


@pytest.mark.parametrize("name", duloxinfo.SECTION_NAMES)
def test_every_section_reads_at_grade_8_or_below(name):
    text = _prose(GUIDE.section(name))
    assert text
    assert grade(text) <= HIGHEST_GRADE, f"{name}: grade {grade(text)}"


@pytest.mark.parametrize("name", duloxinfo.SECTION_NAMES)
def test_no_sentence_is_over_25_words(name):
    long = [s for s in _sentences(_prose(GUIDE.section(name))) if len(s.split()) > LONGEST_SENTENCE]
    assert long == []


def test_the_prose_helper_drops_headings_and_sources_but_keeps_list_items():
    text = _prose(GUIDE.side_effects)
    assert GUIDE.side_effects.heading not in text
    assert "Sources cited" not in text
    assert GUIDE.side_effects.effects[0].name in text


def test_every_long_word_is_explained_or_kept_for_a_stated_reason():
    sections = [GUIDE.section(n) for n in duloxinfo.SECTION_NAMES if n != "glossary"]
    text = " ".join(duloxinfo.render_text(s).split("Sources cited")[0] for s in sections)
    explained = " ".join(t.term for t in GUIDE.glossary.terms).casefold()
    long_words = {
        w.casefold()
        for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text)
        if textstat.syllable_count(w) >= 5
    }
    unexplained = {w for w in long_words if w not in KEPT and w.rstrip("s") not in explained}
    assert unexplained == set()
    assert set(KEPT) <= long_words, "a kept word the guide no longer uses"


def test_no_unexplained_jargon():
    # The glossary may use a technical word to explain a term (SNRI spelled out).
    sections = [GUIDE.section(n) for n in duloxinfo.SECTION_NAMES if n != "glossary"]
    text = " ".join(duloxinfo.render_text(s) for s in sections).casefold()
    found = [word for word in JARGON if word in text]
    assert found == []
    glossary = {t.term.casefold() for t in GUIDE.glossary.terms}
    assert "serotonin syndrome" in glossary
