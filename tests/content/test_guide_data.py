"""The packaged guide: a leaflet written from the sources, in the leaflet order, honest about
muscle spasm first, each region's facts for its region, every citation pointing at a section
that exists in the stored copy of its source, and the label's numbers in agreement."""

import re

import attrs
import pytest

import duloxinfo
from support.copies import FILES, NHS_PAGES, SOURCES, section_text
from support.records import records

GUIDE = duloxinfo.guide()
TEXT = duloxinfo.render_text(GUIDE)
FLAT = " ".join(TEXT.split()).casefold()
CITATIONS = list(records(GUIDE, duloxinfo.Citation))
CLAIM_CITATIONS = list(records(duloxinfo.seed_claims(), duloxinfo.Citation))
# The interaction data cites the same sources; its groups that are not in the guide too.
INTERACTION_CITATIONS = list(records(duloxinfo.interaction_data(), duloxinfo.Citation))
Src = duloxinfo.Source


def test_the_first_paragraph_says_muscle_spasm_is_not_an_approved_use():
    first = GUIDE.about.paragraphs[0].text.casefold()
    assert "muscle spasm" in first
    assert "not approved" in first or "not an approved" in first
    assert "side effect" in first
    assert "prescriber" in first
    assert "why" in first
    assert GUIDE.title == "Duloxetine: information for patients"
    assert "spasm" not in GUIDE.title.casefold()


def test_approved_uses_are_stated_for_each_region():
    uses = {(u.region, u.condition.casefold()) for u in GUIDE.about.uses}
    us = " ".join(c for r, c in uses if r is duloxinfo.Region.US)
    eu = " ".join(c for r, c in uses if r is duloxinfo.Region.EU)
    for condition in ("depress", "anxiety", "diabetic", "fibromyalgia", "musculoskeletal"):
        assert condition in us, condition
    for condition in ("depress", "anxiety", "diabetic"):
        assert condition in eu, condition
    assert "fibromyalgia" not in eu
    assert "musculoskeletal" not in eu
    assert "spasm" not in us + eu
    for use in GUIDE.about.uses:
        expected = {
            duloxinfo.Region.US: {Src.US_PI, Src.US_MG},
            duloxinfo.Region.EU: {Src.EU_PIL, Src.EU_SMPC},
        }
        assert {c.source for c in use.sources} <= expected[use.region], use


def test_the_most_important_warning_comes_second_is_urgent_and_says_who_and_what_to_do():
    assert duloxinfo.SECTION_NAMES.index("most_important") == 1
    warning = GUIDE.most_important.warnings[0]
    assert warning.urgent
    words = (
        warning.title
        + " "
        + warning.text
        + " ".join(p.text for p in GUIDE.most_important.paragraphs)
    ).casefold()
    assert "suicid" in words
    assert "25" in words
    position = FLAT.index("suicid")
    assert position < len(FLAT) // 6, "within the first sixth of the guide"


def test_muscle_spasm_is_never_presented_as_a_use():
    spasm = [s for s in records(GUIDE, str) if "spasm" in s.casefold()]
    assert spasm, "the guide does speak of muscle spasm"
    promotional = (
        "relief from muscle spasm",
        "relax your muscles",
        "muscle relaxant that",
        "reduce muscle spasm",
        "treat muscle spasm",
    )
    for text in spasm:
        low = text.casefold()
        assert not any(p in low for p in promotional) or "not" in low, text
    assert any(
        e.band is duloxinfo.FrequencyBand.COMMON and "spasm" in e.name.casefold()
        for e in GUIDE.side_effects.effects
    )


def test_the_typed_doses_agree_with_the_label_numbers():
    label = duloxinfo.LABEL
    how = GUIDE.how_to_take
    assert (how.starting.dose_mg, how.starting.duration) == (
        label.starting_dose_mg.value,
        label.starting_period.value,
    )
    assert how.usual.dose_mg == label.usual_dose_mg.value
    assert how.maximum_daily_mg == label.max_daily_dose_pain_mg.value == 60
    assert how.missed_dose_skip_hours == 12
    assert "12 hours" in " ".join(s.text for s in records(how, duloxinfo.Statement))


# Each high and medium omission of the clinical review (tests/fixtures/clinical-review.md
# section 2), and errors it named: the section that covers it and words it must hold.
COVERED = [
    (
        "bleeding with pain medicines",
        "other_medicines",
        ("ibuprofen", "aspirin", "warfarin", "bleed"),
    ),
    ("serotonin syndrome signs and urgency", "side_effects", ("serotonin syndrome",)),
    (
        "interactions: antidepressants and opioids",
        "other_medicines",
        ("tramadol", "triptan", "st john"),
    ),
    ("other duloxetine products", "other_medicines", ("duloxetine",)),
    ("MAOI waiting times", "other_medicines", ("14 days", "5 days")),
    ("falls and fainting", "before_you_take", ("faint",)),
    ("blood pressure", "before_you_take", ("blood pressure",)),
    ("low sodium", "side_effects", ("sodium",)),
    ("glaucoma", "before_you_take", ("glaucoma",)),
    ("passing urine", "side_effects", ("urin",)),
    ("sexual side effects", "side_effects", ("sex",)),
    ("pregnancy and breastfeeding", "pregnancy", ("pregnan", "breastfeed")),
    ("driving", "driving_and_alcohol", ("driv", "alcohol")),
    ("overdose", "too_much", ("too much",)),
    ("storage", "storage", ("30",)),
    ("ingredients", "storage", ("sucrose",)),
    ("reporting routes", "reporting", ("medwatch", "yellow card")),
    ("swallow whole", "how_to_take", ("whole",)),
    ("never stop suddenly", "how_to_take", ("suddenly",)),
    ("keep a supply", "how_to_take", ("run out",)),
    ("how long it takes", "how_it_works", ("weeks",)),
    ('mechanism not fully known: "experts think"', "how_it_works", ("think it works",)),
]


@pytest.mark.parametrize(("what", "name", "needles"), COVERED, ids=[c[0] for c in COVERED])
def test_the_leaflet_covers(what, name, needles):
    text = " ".join(duloxinfo.render_text(GUIDE.section(name)).split()).casefold()
    missing = [n for n in needles if n not in text]
    assert missing == [], what


def test_every_other_medicine_entry_is_typed_and_sourced_most_serious_first():
    entries = GUIDE.other_medicines.entries
    assert len(entries) >= 7
    ranks = [e.seriousness.rank for e in entries]
    assert ranks == sorted(ranks)
    assert all(e.sources and e.risk and e.what_to_do for e in entries)
    names = " ".join(" ".join((*e.examples_us, *e.examples_uk)) for e in entries).casefold()
    for name in (
        "meperidine",
        "pethidine",
        "ibuprofen",
        "naproxen",
        "fluvoxamine",
        "ciprofloxacin",
        "linezolid",
    ):
        assert name in names, name


def test_side_effects_have_bands_and_the_most_common_are_there():
    effects = GUIDE.side_effects.effects
    bands = [list(duloxinfo.FrequencyBand).index(e.band) for e in effects]
    assert bands == sorted(bands), "most frequent band first"
    very_common = " ".join(
        e.name for e in effects if e.band is duloxinfo.FrequencyBand.VERY_COMMON
    ).casefold()
    for name in ("nausea", "headache", "dry mouth"):
        assert name in very_common, name
    assert len(GUIDE.side_effects.warnings) >= 5
    assert all(w.urgent for w in GUIDE.side_effects.warnings[:3])


def test_no_patient_text_cites_the_seed_page_and_every_us_label_citation_names_its_revision():
    assert all(c.source is not Src.SEED for c in (*CITATIONS, *INTERACTION_CITATIONS))
    for c in (*CITATIONS, *INTERACTION_CITATIONS):
        if c.source is Src.US_PI:
            assert c.revision, c


# A US label citation names the revision of the fragment it reads; the stored copy labels
# each fragment, in these words.
US_REVISIONS = {
    "08/2023": "label approved 08/18/2023",
    "09/2021": "recent major change dated 09/2021",
    "04/2020": "04/2020 or later",
    "before 04/2020": "predate the 04/2020 revision",
    "generic label, 01/2017": "2017-era (recent major change 01/2017)",
    "generic label, date unknown": "generic duloxetine delayed-release capsules label inside a public model card (repository not identified) / revision: unknown",
    "older, date unknown": "revision: unknown, older - its cross-references",
    "older generic label, as 8.3 Nursing Mothers": 'titled "8.3 nursing mothers"',
    "generic label (Torrent), 3/2017": "label: torrent pharma inc. / revision: 3/2017",
}


def _flat(text):
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def _needles(citation):
    """The file of the stored copy, and words it must hold for the cited section to exist."""
    section, source = citation.section or "", citation.source
    if source is Src.NHS:
        page, _, heading = section.partition(": ")
        return NHS_PAGES[page], [heading]
    if source is Src.US_PI_G:
        return FILES[source], []  # a numbered section: its text must not be empty (below)
    if source is Src.US_PI:
        if number := re.fullmatch(r"§(\d+(?:\.\d+)?)", section):
            return FILES[source], [f"\n{number[1]} "]
        return FILES[source], [part for part in section.split(": ") if part != "Highlights"] + [
            "highlights"
        ]
    if source is Src.FDA_SRLC:
        numbers = re.findall(r"SUPPL-\d+|(?<=§)\d+\.\d+", section)
        return FILES[source], numbers + section.partition(", ")[2].split(", ")
    return FILES[source], section.split(": ")


def _eu_section(text, number, heading):
    """Whether ``heading`` is section ``number``'s title or a sub-heading inside it."""
    lines = [line.strip() for line in text.splitlines()]
    starts = [i for i, line in enumerate(lines) if re.match(rf"{re.escape(number)}\.? \S", line)]
    if not starts:
        return False
    body = lines[starts[-1] :]
    later = [i for i, line in enumerate(body[1:], 1) if re.match(r"\d+(\.\d+)?\.? [A-Z]", line)]
    body = body[: later[0]] if later else body
    return _flat(heading) in _flat(" ".join(body))


@pytest.mark.parametrize(
    "citation",
    sorted(
        {
            c
            for c in (*CITATIONS, *CLAIM_CITATIONS, *INTERACTION_CITATIONS)
            if c.source in FILES or c.source is Src.NHS
        },
        key=str,
    ),
    ids=str,
)
def test_every_cited_section_exists_in_the_stored_copy_of_its_source(citation):
    file, needles = _needles(citation)
    text = (SOURCES / file).read_text(encoding="utf-8")
    if citation.source is Src.US_PI_G:
        assert re.fullmatch(r"§\d+(\.\d+)?", citation.section or ""), str(citation)
        assert section_text(citation).strip(), str(citation)
        assert citation.revision is None, "the copy is one revision: the source's own"
        return
    section = re.fullmatch(r"§(\d+(?:\.\d+)?) (.*)", citation.section or "")
    if citation.source in {Src.EU_PIL, Src.EU_SMPC} and section:
        assert _eu_section(text, section[1], section[2]), str(citation)
        return
    stored = (
        _flat(text) if citation.source is not Src.US_PI else text.replace("\u2019", "'").casefold()
    )
    for needle in filter(None, needles):
        assert needle.casefold() in stored or _flat(needle) in stored, (str(citation), needle)
    if citation.source is Src.US_PI:
        assert _flat(US_REVISIONS[citation.revision]) in _flat(text), citation.revision
    elif citation.revision:
        assert _flat(citation.revision) in _flat(text) or citation.revision == "10/2012", (
            citation.revision
        )


def test_the_section_check_refuses_a_heading_cited_under_the_wrong_section():
    text = (SOURCES / "eu-pil.txt").read_text(encoding="utf-8")
    assert _eu_section(text, "2", "Driving and using machines")
    assert not _eu_section(text, "3", "Driving and using machines")
    assert not _eu_section(text, "4", "If you forget to take Cymbalta")
    assert not _eu_section(text, "2", "Muscle spasm relief")


def test_the_stored_copies_are_the_ones_in_shared_reference():
    assert (
        (SOURCES / "README.md")
        .read_text(encoding="utf-8")
        .startswith("# Duloxetine - reference copies")
    )


def test_the_guide_agrees_with_its_checks_and_every_record_is_sourced():
    assert duloxinfo.check_guide(GUIDE) == ()
    for kind in (
        duloxinfo.Statement,
        duloxinfo.SafetyWarning,
        duloxinfo.MedicineEntry,
        duloxinfo.SideEffect,
        duloxinfo.ApprovedUse,
    ):
        assert all(r.sources for r in records(GUIDE, kind)), kind
    for fact in attrs.astuple(duloxinfo.LABEL, recurse=False):
        assert fact.sources, fact
