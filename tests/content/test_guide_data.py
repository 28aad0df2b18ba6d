"""The packaged guide: a leaflet written from the sources, in the leaflet order, honest about
muscle spasm first, each region's facts for its region, every citation pointing at a section
that exists in the stored copy of its source, and the label's numbers in agreement."""

import itertools
import re

import attrs
import pytest

import duloxinfo
from support.copies import FILES, NHS_PAGES, SOURCES
from support.records import records

GUIDE = duloxinfo.guide()
TEXT = duloxinfo.render_text(GUIDE)
FLAT = " ".join(TEXT.split()).casefold()
CITATIONS = list(records(GUIDE, duloxinfo.Citation))
CLAIM_CITATIONS = list(records(duloxinfo.seed_claims(), duloxinfo.Citation))
LABEL_CITATIONS = [
    c
    for field in attrs.fields(duloxinfo.Label)
    for c in getattr(duloxinfo.LABEL, field.name).sources
]
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


def test_too_much_gives_the_emergency_route_first_and_keeps_get_help_now_for_it():
    # Issue 25, item 6: a large or deliberate overdose is an emergency before it is a call to
    # the doctor or pharmacist; the US label's poison control center and 911 are given.
    warning = GUIDE.too_much.warnings[0]
    assert warning.urgent
    text = warning.text.casefold()
    assert "on purpose" in text
    assert text.index("hospital") < text.index("911") < text.index("doctor or pharmacist")
    html = duloxinfo.render_html(GUIDE.too_much)
    assert '<div class="warning urgent"><p><strong>Get help now: ' in html
    section = " ".join(duloxinfo.render_text(GUIDE.too_much).split())
    assert "1-800-222-1222" in section
    assert "www.poison.org" in section
    cited = {str(c) for c in records(GUIDE.too_much, duloxinfo.Citation)}
    assert {"US PI-G, §10.1", "US PI-G, §10.2"} <= cited


# Issue 25, item 7: each warning sign in the section where a person looks for it, in plain
# words, citing the generic US label's subsection that gives it (numbered as that copy is:
# urinary hesitation is its §5.15).
WARNING_SIGNS = [
    (
        "signs before suicidal thoughts",
        "most_important",
        ("anxiety", "agitation", "panic attacks", "trouble sleeping", "angry", "aggressive"),
        ("US PI-G, §5.1",),
    ),
    ("falls", "before_you_take", ("first week", "falls", "broken bones"), ("US PI-G, §5.3",)),
    ("eyes", "side_effects", ("pupils wider", "narrow angle", "glaucoma"), ("US PI-G, §5.9",)),
    (
        "blood pressure checks",
        "before_you_take",
        ("check it before you start",),
        ("US PI-G, §5.11",),
    ),
    ("liver", "side_effects", ("jaundice", "liver failure", "belly pain"), ("US PI-G, §5.2",)),
    ("skin", "side_effects", ("blisters", "skin that peels", "hives"), ("US PI-G, §5.6",)),
    (
        "stopping",
        "how_to_take",
        ("lowered slowly", "the dose you took before", "more slowly"),
        ("US PI-G, §2.8", "US PI-G, §5.7"),
    ),
    ("low sodium", "side_effects", ("trouble concentrating", "unsteady"), ("US PI-G, §5.13",)),
    ("passing urine", "side_effects", ("start passing urine", "bladder"), ("US PI-G, §5.15",)),
    ("sexual problems", "side_effects", ("sexual problems", "ask about them"), ("US PI-G, §5.16",)),
]


@pytest.mark.parametrize(
    ("what", "name", "needles", "cited"), WARNING_SIGNS, ids=[w[0] for w in WARNING_SIGNS]
)
def test_each_warning_sign_is_where_a_person_looks_for_it(what, name, needles, cited):
    part = GUIDE.section(name)
    shown = duloxinfo.render_text(part).split("Sources cited")[0]
    lines = (re.sub(r"^(!! | \| )", "", line) for line in shown.splitlines())
    text = " ".join(" ".join(lines).split()).casefold()
    assert [n for n in needles if n not in text] == [], what
    assert set(cited) <= {str(c) for c in records(part, duloxinfo.Citation)}, what


# Issue 25, item 8: the US label's own doses for depression and anxiety, with older adults
# and children where it gives them, US storage and strengths, each for its region.
US_FACTS = [
    (
        "depression doses",
        "how_to_take",
        "For adults with depression, the US label's starting dose is 40 to 60 mg a day.",
        ("US PI-G, §2.2",),
    ),
    (
        "anxiety doses",
        "how_to_take",
        "For anxiety, the US label says most adults under 65 start at 60 mg once a day.",
        ("US PI-G, §2.3",),
    ),
    (
        "older adults",
        "how_to_take",
        "adults aged 65 and over with anxiety start at 30 mg once a day for 2 weeks",
        ("US PI-G, §2.3",),
    ),
    (
        "children with anxiety",
        "how_to_take",
        "children aged 7 to 17 with anxiety start at 30 mg once a day for 2 weeks",
        ("US PI-G, §2.3",),
    ),
    (
        "children with fibromyalgia",
        "how_to_take",
        "For fibromyalgia in children aged 13 to 17, the US label's starting dose is 30 mg",
        ("US PI-G, §2.5",),
    ),
    (
        "storage",
        "storage",
        "In the US, one generic label says to store the capsules at 25°C (77°F).",
        ("US PI (generic label, NDC 25000, date unknown), §16.2",),
    ),
    (
        "strengths",
        "storage",
        "In the US, one generic label lists 20 mg, 30 mg and 60 mg capsules.",
        ("US PI (generic label, NDC 25000, date unknown), §16.1",),
    ),
    (
        "fibromyalgia in the UK",
        "about",
        "none of our texts shows a UK licence for it.",
        ("NHS, About: About duloxetine",),
    ),
]


@pytest.mark.parametrize(("what", "name", "words", "cited"), US_FACTS, ids=[f[0] for f in US_FACTS])
def test_the_us_facts_are_stated_as_the_labels_and_cite_it(what, name, words, cited):
    statements = [s for s in records(GUIDE.section(name), duloxinfo.Statement) if words in s.text]
    assert len(statements) == 1, what
    assert set(cited) <= {str(c) for c in statements[0].sources}, what


def test_the_us_doses_leave_the_dose_to_the_prescriber():
    how = " ".join(s.text for s in GUIDE.how_to_take.paragraphs)
    assert "Your prescriber decides" in how
    assert "Never raise or lower it yourself." in how


def test_about_this_guide_says_which_copies_are_out_of_date_and_their_revisions():
    # Issue 25, item 10: the EU leaflet copy predates its June 2024 revision of sections 2
    # and 4, and the NHS pages are past their review date; the guide says so, citing where
    # each copy records it, and each source's revision says the same.
    text = " ".join(s.text for s in GUIDE.about_this_guide.paragraphs)
    for words in (
        "revision 32, of 21 December 2021",
        "June 2024",
        "section 2 (warnings) and section 4 (side effects)",
        "last reviewed on 14 February 2022",
        "due on 14 February 2025",
        "newest from August 2023",
    ):
        assert words in text, words
    assert "June 2024 revision of its sections 2 and 4" in Src.EU_PIL.revision
    assert "June 2024 revision of its sections 4.4 and 4.8" in Src.EU_SMPC.revision
    assert "next review due 14 February 2025 (past)" in Src.NHS.revision
    cited = {str(c) for c in records(GUIDE.about_this_guide, duloxinfo.Citation)}
    assert f"EU PIL, {HEADER}version or revision date" in cited
    assert "NHS, About: Next review due" in cited


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
    everything = (*CITATIONS, *INTERACTION_CITATIONS, *LABEL_CITATIONS)
    assert all(c.source is not Src.SEED for c in everything)
    for c in everything:
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
    "generic label, NDC 25000, date unknown": "whose ndcs begin 25000-",
    "generic label (Torrent), 3/2017": "label: torrent pharma inc. / revision: 3/2017",
}

# A statement about a stored copy itself (how old it is) cites the copy's header, the block
# before its "---" that records the document's revision: "Header of the stored copy: <field>".
HEADER = "Header of the stored copy: "


def _header(text):
    return text.partition("\n---\n")[0]


def us_pi_g_section(text, section):
    """The text of ``section`` of the generic US label's copy (US PI-G), or None when the copy
    does not hold it: "Boxed Warning", "§2.5" (a subsection, up to the next) or "§2" (a whole
    section as the copy stores it, one field: the Highlights text of the section, such as the
    dosing table, and its full text)."""
    lines = text.partition("\n---\n")[2].splitlines()
    rule = re.compile(r"^=+$")
    if section == "Boxed Warning":
        title = "BOXED WARNING"
    elif match := re.fullmatch(r"§(\d+)", section):
        title = None
        number = match[1]
    elif match := re.fullmatch(r"§(\d+\.\d+)", section):
        starts = [i for i, line in enumerate(lines) if line.startswith(f"{match[1]} ")]
        if len(starts) != 1 or "not copied here" in lines[starts[0]]:
            return None
        end = starts[0] + 1
        while end < len(lines) and not (
            re.match(r"^\d+\.\d+ ", lines[end]) or rule.match(lines[end])
        ):
            end += 1
        return "\n".join(lines[starts[0] : end])
    else:
        return None
    heads = [
        i
        for i, line in enumerate(lines[:-1])
        if lines[i + 1].startswith("[source field")
        and (line == title if title else re.match(rf"{number} [A-Z]", line))
    ]
    if len(heads) != 1:
        return None
    start = heads[0] + 3  # the title, its field line and the closing rule
    end = next(i for i in range(start, len(lines)) if rule.match(lines[i]))
    marks = ("[Highlights text in this field]", "[Full prescribing information]")
    return "\n".join(line for line in lines[start:end] if line not in marks).strip() or None


def _flat(text):
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def _needles(citation):
    """The file of the stored copy, and words it must hold for the cited section to exist."""
    section, source = citation.section or "", citation.source
    if source is Src.NHS:
        page, _, heading = section.partition(": ")
        return NHS_PAGES[page], [heading]
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
            for c in (*CITATIONS, *CLAIM_CITATIONS, *INTERACTION_CITATIONS, *LABEL_CITATIONS)
            if c.source in FILES or c.source is Src.NHS
        },
        key=str,
    ),
    ids=str,
)
def test_every_cited_section_exists_in_the_stored_copy_of_its_source(citation):
    if citation.source is Src.US_PI_G:
        text = (SOURCES / FILES[citation.source]).read_text(encoding="utf-8")
        if (citation.section or "").startswith(HEADER):
            assert _flat(citation.section.removeprefix(HEADER)) in _flat(_header(text))
            return
        assert us_pi_g_section(text, citation.section or ""), str(citation)
        assert citation.revision is None, "US PI-G is one label: a citation names no revision"
        return
    file, needles = _needles(citation)
    text = (SOURCES / file).read_text(encoding="utf-8")
    heading = (citation.section or "").partition(": ")[2] if citation.source is Src.NHS else ""
    if (citation.section or "").startswith(HEADER) or heading.startswith(HEADER):
        field = (citation.section or "").rpartition(HEADER)[2]
        assert _flat(field) in _flat(_header(text)), str(citation)
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


# The label's numbers, each with words of every stored section it cites that state it: a
# section that exists is not enough, it must say the number.  The FDA's NDC listings (the
# 40 mg generic capsule, the RxNorm codes) have no stored copy, as their source says.
LABEL_QUOTES = {
    "capsule_strengths_mg": {
        "US PI (generic label, NDC 25000, date unknown), §16.1": (
            "Capsules USP, 20 mg",
            "Capsules USP, 30 mg",
            "Capsules USP, 60 mg",
        ),
    },
    "starting_dose_mg": {
        "US PI-G, §2.5": ("Begin treatment at 30 mg once daily for 1 week",),
        "US PI-G, §2.6": ("Begin treatment at 30 mg once daily for one week",),
    },
    "starting_period": {
        "US PI-G, §2.5": ("30 mg once daily for 1 week",),
        "US PI-G, §2.6": ("30 mg once daily for one week",),
    },
    "usual_dose_mg": {
        "US PI-G, §2.5": ("dosage is 60 mg once daily in adults with fibromyalgia",),
        "US PI-G, §2.6": ("dosage is 60 mg once daily in adults with chronic musculoskeletal",),
    },
    "max_daily_dose_pain_mg": {
        "US PI-G, §2": (
            "DPNP ( 2.4 ) 60 mg/day 60 mg/day (once daily) 60 mg/day",
            "(13 to 17 years of age) 30 mg/day 60 mg/day (once daily) 60 mg/day",
            "Chronic Musculoskeletal Pain ( 2.6 ) 30 mg/day 60 mg/day (once daily) 60 mg/day",
        ),
        "US PI-G, §2.5": ("no evidence that dosages greater than 60 mg/day confer",),
        "US PI-G, §2.6": ("higher dosages are associated with a higher rate of adverse reactions",),
    },
    "max_daily_dose_mg": {
        "US PI-G, §2": (
            "Maintenance Treatment: 60 mg/day 120 mg/day",
            "GAD ( 2.3 ) Adults 60 mg/day 60 mg/day (once daily) 120 mg/day",
        ),
        "US PI-G, §2.3": ("The maximum dose studied was 120 mg per day",),
    },
    "max_doses_per_day": {
        "US PI-G, §2.2": ("given as 20 mg twice daily", "as 30 mg twice daily"),
    },
    "skip_window_fraction": {
        "NHS, How and when to take: If you forget to take it": (
            "unless it's less than 12 hours until your next dose",
        ),
        "US PI-G, §2.1": ("If it is almost time for the next dose, skip the missed dose",),
    },
    "administration": {
        "US PI-G, §2.1": ("swallow whole. Do not chew or crush, and do not open",),
        "US PI-G, §2": ("Swallow whole; do not crush, chew, or open capsule",),
    },
    "rxnorm_scd": {},
}


def _cited_text(citation):
    """The text of the section ``citation`` cites, from the stored copy of its source."""
    text = (SOURCES / (FILES.get(citation.source) or _needles(citation)[0])).read_text(
        encoding="utf-8"
    )
    if citation.source is Src.US_PI_G:
        return us_pi_g_section(text, citation.section)
    if citation.source is Src.NHS:
        heading = citation.section.partition(": ")[2]
        return text.partition("---")[2].partition(f"\n{heading}\n")[2]
    # The US label's fragments whose headers name the cited revision (one label's pages may
    # be several fragments).
    parts = re.split(r"^=+$", text, flags=re.MULTILINE)
    words = _flat(US_REVISIONS[citation.revision])
    return "\n".join(body for header, body in itertools.pairwise(parts) if words in _flat(header))


@pytest.mark.parametrize("name", list(LABEL_QUOTES))
def test_every_label_number_cites_stored_sections_that_state_it(name):
    fact = getattr(duloxinfo.LABEL, name)
    stored = {str(c): c for c in fact.sources if c.source in FILES or c.source is Src.NHS}
    assert set(stored) == set(LABEL_QUOTES[name])
    for cited, quotes in LABEL_QUOTES[name].items():
        text = _flat(_cited_text(stored[cited]))
        for quote in quotes:
            assert _flat(quote) in text, (cited, quote)
    others = {c.source for c in fact.sources} - {c.source for c in stored.values()}
    assert all("no copy is kept offline" in source.revision for source in others)
    assert set(LABEL_QUOTES) == {field.name for field in attrs.fields(duloxinfo.Label)}


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
