"""Renderers: Markdown, text and HTML of the guide, of each section and of the seed claims."""

import datetime as dt
import html.parser
import re

import attrs
import pytest

import duloxinfo
from duloxinfo.content.render import _Linker, _Terms
from support.records import records

GUIDE = duloxinfo.guide()
CLAIMS = duloxinfo.seed_claims()


class _Checker(html.parser.HTMLParser):
    """Collects tags, ids and links, and every end tag that does not close the open one."""

    VOID = frozenset({"br", "hr", "img", "meta", "link"})

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.errors, self.ids, self.links = [], [], [], [], []
        self.classes = []

    def handle_starttag(self, tag, attrs_):
        self.tags.append(tag)
        found = dict(attrs_)
        if "id" in found:
            self.ids.append(found["id"])
        if "href" in found:
            self.links.append(found["href"])
        if "class" in found:
            self.classes.append(found["class"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def _check(out):
    checker = _Checker()
    checker.feed(out)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def test_html_is_balanced_escaped_self_contained_with_contents_and_working_links():
    out = duloxinfo.render_html(GUIDE)
    checker = _check(out)
    assert checker.tags.count("h1") == 1
    assert checker.tags.count("h2") == len(duloxinfo.SECTION_NAMES) + 1  # and Sources
    assert not {"script", "style", "link", "img", "aside"} & set(checker.tags)
    assert len(checker.ids) == len(set(checker.ids)), "ids are unique"
    # the table of contents links every section, in order, by the id its heading gets
    expected = [
        "#" + duloxinfo.content.render.anchor(GUIDE.section(n).heading)
        for n in duloxinfo.SECTION_NAMES
    ]
    assert checker.links[: len(expected)] == expected
    assert {link.lstrip("#") for link in checker.links} <= set(checker.ids)
    # a section rendered alone keeps the id it has in the whole guide
    alone = _check(duloxinfo.render_html(GUIDE.about))
    assert alone.ids[0] == expected[0].lstrip("#")
    assert "&#x27;" in out or "&amp;" in out or "'" not in out  # text is escaped


def test_html_marks_urgent_warnings_visibly():
    out = duloxinfo.render_html(GUIDE)
    checker = _check(out)
    assert checker.classes.count("warning urgent") == len(GUIDE.urgent_warnings)
    for warning in GUIDE.urgent_warnings:
        assert f"<strong>Get help now: {warning.title}.</strong>" in out.replace("&#x27;", "'")


def test_glossary_words_link_to_their_explanation_once_on_first_use():
    out = duloxinfo.render_html(GUIDE)
    checker = _check(out)
    for term in GUIDE.glossary.terms:
        target = "#" + duloxinfo.content.render.anchor(term.term)
        assert checker.links.count(target) == 1, term.term
        assert target.lstrip("#") in checker.ids
    markdown = duloxinfo.render_markdown(GUIDE)
    first = GUIDE.glossary.terms[0]
    assert f"](#{duloxinfo.content.render.anchor(first.term)})" in markdown


def test_html_escapes_markup_in_text():
    evil = attrs.evolve(
        GUIDE.storage,
        paragraphs=(
            duloxinfo.Statement(
                text="<script>alert(1)</script> & more", sources=GUIDE.storage.paragraphs[0].sources
            ),
        ),
    )
    out = duloxinfo.render_html(evil)
    assert "<script>" not in out
    assert "&lt;script&gt; alert(1)" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in out


def test_markdown_structure():
    out = duloxinfo.render_markdown(GUIDE)
    lines = out.splitlines()
    assert lines[0] == f"# {GUIDE.title}"
    assert f"## {GUIDE.about.heading}" in lines
    urgent = [line for line in lines if line.startswith("> **Get help now: ")]
    assert len(urgent) == len(GUIDE.urgent_warnings)
    assert any(line.startswith("- US: ") for line in lines)
    assert any(line.startswith("- EU: ") for line in lines)


def test_markdown_puts_the_approved_use_statement_before_anything_else():
    out = duloxinfo.render_markdown(GUIDE)
    body = out.split(f"## {GUIDE.about.heading}", 1)[1]
    first_paragraph = re.sub(r"\[([^]]+)\]\(#[^)]+\)", r"\1", body.strip().split("\n\n", 1)[0])
    assert "muscle spasm" in first_paragraph.casefold()
    assert first_paragraph.startswith(GUIDE.about.paragraphs[0].text[:40])


def test_side_effects_render_by_band_and_medicines_with_their_seriousness():
    out = duloxinfo.render_text(GUIDE.side_effects)
    present = [
        band
        for band in duloxinfo.FrequencyBand
        if any(e.band is band for e in GUIDE.side_effects.effects)
    ]
    positions = [out.index(band.words) for band in present]
    assert positions == sorted(positions), "most frequent band first"
    meds = duloxinfo.render_text(GUIDE.other_medicines)
    first = GUIDE.other_medicines.entries[0]
    heading = " ".join(first.medicines.split()[:3])
    assert heading in meds
    assert first.risk.split(".")[0] in " ".join(meds.split())
    lines = duloxinfo.render_text(GUIDE).splitlines()
    assert any(set(line) == {"~"} for line in lines), "entries are level-3 headings"
    assert all(len(line) <= 78 for line in lines), "headings wrap too"


def test_text_structure_width_and_urgent_marks():
    out = duloxinfo.render_text(GUIDE.section("side_effects"))
    lines = out.splitlines()
    heading = GUIDE.side_effects.heading
    assert lines[:2] == [heading, "=" * len(heading)]
    assert all(len(line) <= 78 for line in lines)
    assert any(line.startswith("!! GET HELP NOW: ") for line in lines)
    assert lines[-1].endswith((".", "?"))
    assert not lines[-1].endswith("?.")
    assert any(line.startswith("Sources cited:") for line in lines)


def test_one_section_renders_alone_without_the_contents():
    out = duloxinfo.render_html(GUIDE.section("storage"))
    assert '<nav class="contents"' not in out
    assert GUIDE.about.heading not in out


def test_the_whole_guide_lists_every_source_record_it_cites():
    out = duloxinfo.render_text(GUIDE)
    cited = {c.source for c in _citations(GUIDE)}
    for source in cited:
        assert (
            source.address in out.replace("\n    ", " ").replace("\n", " ")
            or len(source.address) > 70
        )
        assert source.title.split(":")[0] in out.replace("\n    ", " ")


def _citations(part):
    return list(records(part, duloxinfo.Citation))


@pytest.mark.parametrize(
    "render", [duloxinfo.render_text, duloxinfo.render_markdown, duloxinfo.render_html]
)
def test_seed_claims_render_on_request_with_each_verdict(render):
    out = render(CLAIMS)
    assert "The seed page, reviewed" in out
    assert "not an approved use" in out
    assert out.count("Verdict: ") == len(CLAIMS)


def test_rendering_something_else_is_a_wrong_type_error():
    with pytest.raises(duloxinfo.WrongTypeError, match="int 5"):
        duloxinfo.render_text(5)  # type: ignore[arg-type]
    with pytest.raises(duloxinfo.WrongTypeError, match="seed claims"):
        duloxinfo.render_html(("not a claim",))  # type: ignore[arg-type]


def test_a_term_inside_a_longer_term_links_the_longer_one_only():
    linker = _Linker([_Terms((("serotonin", "A messenger."), ("serotonin syndrome", "Too much.")))])
    linked = linker.link("Serotonin syndrome, then serotonin.", lambda s, t: f"<{t}|{s}>", str)
    # "serotonin" first matches inside the longer term, so it waits for the next text
    assert linked == "<serotonin syndrome|Serotonin syndrome>, then serotonin."
    assert linker.link("serotonin again", lambda s, t: f"<{t}>", str) == "<serotonin> again"
    assert linker.link("serotonin once more", lambda s, t: f"<{t}>", str) == "serotonin once more"


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (dt.timedelta(weeks=2), "for 2 weeks."),
        (dt.timedelta(days=10), "for 10 days."),
        (dt.timedelta(hours=12), "for 12 hours."),
        (dt.timedelta(minutes=90), "for 1 h 30 min."),
    ],
)
def test_the_plan_says_how_long_each_step_lasts_in_words(duration, words):
    how = GUIDE.how_to_take
    part = attrs.evolve(how, starting=attrs.evolve(how.starting, duration=duration))
    assert f"Start with 30 mg once daily {words}" in " ".join(duloxinfo.render_text(part).split())


def test_the_plan_cites_the_label_facts_it_shows():
    out = duloxinfo.render_markdown(GUIDE.how_to_take)
    for citation in duloxinfo.LABEL.starting_dose_mg.sources:
        assert str(citation) in out


def test_a_band_of_unknown_frequency_and_a_part_with_no_sources_read_well():
    effect = duloxinfo.SideEffect(
        name="something", band=duloxinfo.FrequencyBand.NOT_KNOWN, sources=()
    )
    part = duloxinfo.SideEffects(heading="Side effects", effects=(effect,))
    out = duloxinfo.render_text(part)
    assert "How often is not known:" in out
    assert "Sources cited" not in out
    assert "Sources cited" not in duloxinfo.render_markdown(GUIDE.glossary)


def test_verdicts_are_not_styled_as_safety_warnings():
    out = duloxinfo.render_html(CLAIMS)
    assert out.count('<div class="verdict">') == len(CLAIMS)
    assert 'class="warning' not in out


@pytest.mark.parametrize(
    ("render", "part", "message"),
    [
        (duloxinfo.render_text, duloxinfo.Topic(heading=None), "part.heading: expected str"),
        (
            duloxinfo.render_html,
            duloxinfo.Topic(heading="h", paragraphs="abc"),
            "part.paragraphs: expected a tuple, got str 'abc'",
        ),
        (
            duloxinfo.render_markdown,
            attrs.evolve(
                GUIDE.side_effects,
                effects=(attrs.evolve(GUIDE.side_effects.effects[0], band="common"),),
            ),
            "part.effects[0].band: expected a FrequencyBand, got str 'common'",
        ),
        (
            duloxinfo.render_text,
            (attrs.evolve(CLAIMS[0], verdict="supported"),),
            "part[0].verdict: expected a Verdict, got str 'supported'",
        ),
        (
            duloxinfo.render_html,
            attrs.evolve(GUIDE, title=None),
            "part.title: expected str, got NoneType None",
        ),
        (
            duloxinfo.render_text,
            attrs.evolve(
                GUIDE.how_to_take, starting=attrs.evolve(GUIDE.how_to_take.starting, dose_mg=True)
            ),
            "part.starting.dose_mg: expected int, got bool True",
        ),
    ],
)
def test_content_an_application_built_wrong_is_a_wrong_type_error_naming_the_field(
    render, part, message
):
    with pytest.raises(duloxinfo.WrongTypeError) as caught:
        render(part)
    assert str(caught.value).startswith(message)
