"""Renderers: Markdown, text and HTML of the guide and of each section."""

import html.parser

import attrs
import pytest

import duloxinfo

GUIDE = duloxinfo.guide()


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


def test_rendering_something_else_is_a_wrong_type_error():
    with pytest.raises(duloxinfo.WrongTypeError, match="int 5"):
        duloxinfo.render_text(5)  # type: ignore[arg-type]
