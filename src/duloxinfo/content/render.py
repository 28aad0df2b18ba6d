"""Renderers: the guide, or any one section, as Markdown, plain text or HTML.

Each part of the guide is first laid out once as a list of blocks (headings,
paragraphs, lists, evidence notes, sources); the three formats only differ in how
they write those blocks.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Iterable
from typing import NamedTuple

from .._words import how_often
from ..sources import Citation
from ._parts import require_part, walk
from .model import (
    SECTION_NAMES,
    Benefits,
    Considerations,
    Consultation,
    Dosage,
    EvidenceKind,
    EvidenceNote,
    Guide,
    HowItWorks,
    Overview,
    Safety,
    Section,
    SideEffects,
    Statement,
)

__all__ = ["render_html", "render_markdown", "render_text"]

_KIND_LABELS = {
    EvidenceKind.NOT_APPROVED_USE: "not an approved use",
    EvidenceKind.NOT_SUPPORTED: "not supported by the label",
    EvidenceKind.LABEL_DIFFERS: "the label differs",
    EvidenceKind.LABEL_ADDS: "the label adds",
    EvidenceKind.INTERPRETATION: "duloxinfo's reading",
}


class _Heading(NamedTuple):
    level: int
    text: str


class _Para(NamedTuple):
    text: str


class _List(NamedTuple):
    items: tuple[str, ...]


class _Note(NamedTuple):
    label: str
    text: str
    sources: str


class _Sources(NamedTuple):
    citations: tuple[str, ...]


_Block = _Heading | _Para | _List | _Note | _Sources


def _cite(citations: Iterable[Citation]) -> str:
    return "; ".join(str(c) for c in citations)


def _notes(notes: Iterable[EvidenceNote]) -> list[_Block]:
    return [
        _Note(f"Evidence note ({_KIND_LABELS[n.kind]})", n.text, _cite(n.sources)) for n in notes
    ]


def _statements(statements: Iterable[Statement]) -> list[_Block]:
    blocks: list[_Block] = []
    for s in statements:
        blocks.append(_Para(s.text))
        blocks.extend(_notes(s.evidence))
    return blocks


def _bulleted(statements: tuple[Statement, ...]) -> list[_Block]:
    blocks: list[_Block] = [_List(tuple(s.text for s in statements))]
    for s in statements:
        blocks.extend(_notes(s.evidence))
    return blocks


def _section_blocks(part: Section, level: int) -> list[_Block]:  # noqa: C901, PLR0911 - a case per section
    sub = level + 1
    match part:
        case Overview():
            blocks: list[_Block] = [_Heading(level, part.heading), *_statements(part.paragraphs)]
            for passage in part.passages:
                blocks += [_Heading(sub, passage.heading), *_statements(passage.paragraphs)]
            return blocks
        case Benefits():
            blocks = [_Heading(level, part.heading), *_statements(part.intro)]
            for point in part.items:
                blocks += [_Heading(sub, point.title), *_statements([point.statement])]
            return [*blocks, *_statements([part.closing])]
        case HowItWorks():
            blocks = [_Heading(level, part.heading), *_statements([part.intro])]
            for how in (part.mechanism, part.effect_on_spasms, part.onset):
                blocks += [_Heading(sub, how.title), *_statements([how.statement])]
            return blocks
        case Dosage():
            start, usual = part.starting, part.usual
            facts = (
                f"Starting dose: {start.dose_mg} mg {how_often(start.frequency.times_per_day)}",
                f"Usual dose: {usual.dose_mg} mg {how_often(usual.frequency.times_per_day)}",
                f"Maximum for the pain uses: {part.maximum_daily_mg} mg a day",
            )
            return [_Heading(level, part.heading), *_statements(part.statements), _List(facts)]
        case Considerations():
            items = (part.swallow_whole, part.missed_dose, part.supply)
            return [_Heading(level, part.heading), *_bulleted(items)]
        case SideEffects():
            return [
                _Heading(level, part.heading),
                *_statements([part.intro]),
                _List(tuple(e.name for e in part.effects)),
                *_statements([part.when_to_consult]),
            ]
        case Consultation():
            return [
                _Heading(level, part.heading),
                *_statements([part.intro]),
                _Heading(sub, part.benefits_heading),
                *_bulleted(part.benefits),
            ]
        case Safety():
            blocks = [_Heading(level, part.heading)]
            for safety in part.points:
                blocks += [_Heading(sub, safety.title), *_statements([safety.statement])]
            return [*blocks, _Para(part.disclaimer)]
    # The last section is the closing Statement; mypy proves the match exhaustive.
    return _statements([part])


def _sources_of(part: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for _, value in walk(part):
        if isinstance(value, Citation):
            seen.setdefault(str(value))
    return tuple(seen)


def _blocks(part: Guide | Section) -> list[_Block]:
    part = require_part(part, "part")
    if isinstance(part, Guide):
        blocks: list[_Block] = [_Heading(1, part.title)]
        for name in SECTION_NAMES:
            blocks += _section_blocks(part.section(name), 2)
    else:
        blocks = _section_blocks(part, 1)
    return [*blocks, _Sources(_sources_of(part))]


def _render(part: Guide | Section, write: Callable[[_Block], str], join: str = "\n\n") -> str:
    return join.join(write(b) for b in _blocks(part)) + "\n"


def _markdown(block: _Block) -> str:
    match block:
        case _Heading(level, text):
            return f"{'#' * level} {text}"
        case _Para(text):
            return text
        case _List(items):
            return "\n".join(f"- {item}" for item in items)
        case _Note(label, text, sources):
            return f"> **{label}:** {text} *(Sources: {sources})*"
        case _Sources(citations):
            return "**Sources:**\n\n" + "\n".join(f"- {c}" for c in citations)
    raise AssertionError(block)  # pragma: no cover


def _text(block: _Block) -> str:
    wrap = textwrap.TextWrapper(width=78, break_on_hyphens=False)
    match block:
        case _Heading(level, text):
            return f"{text}\n{('=' if level == 1 else '-') * len(text)}"
        case _Para(text):
            return wrap.fill(text)
        case _List(items):
            bullets = textwrap.TextWrapper(
                width=78, initial_indent="  * ", subsequent_indent="    ", break_on_hyphens=False
            )
            return "\n".join(bullets.fill(item) for item in items)
        case _Note(label, text, sources):
            note = textwrap.TextWrapper(
                width=78, initial_indent="  | ", subsequent_indent="  | ", break_on_hyphens=False
            )
            return note.fill(f"{label}: {text} (Sources: {sources})")
        case _Sources(citations):
            return "Sources:\n" + "\n".join(f"  * {c}" for c in citations)
    raise AssertionError(block)  # pragma: no cover


def _html(block: _Block) -> str:
    e = html.escape
    match block:
        case _Heading(level, text):
            return f"<h{level}>{e(text)}</h{level}>"
        case _Para(text):
            return f"<p>{e(text)}</p>"
        case _List(items):
            return "<ul>\n" + "\n".join(f"<li>{e(item)}</li>" for item in items) + "\n</ul>"
        case _Note(label, text, sources):
            return (
                f'<aside class="evidence-note"><p><strong>{e(label)}:</strong> {e(text)} '
                f'<span class="sources">(Sources: {e(sources)})</span></p></aside>'
            )
        case _Sources(citations):
            listed = "\n".join(f"<li>{e(c)}</li>" for c in citations)
            return f'<section class="sources"><h2>Sources</h2>\n<ul>\n{listed}\n</ul></section>'
    raise AssertionError(block)  # pragma: no cover


def render_markdown(part: Guide | Section) -> str:
    """The guide, or one section of it, as Markdown.

    Evidence notes follow the statement they concern as block quotes; the
    sources the part cites are listed at its end.

    Raises:
        WrongTypeError: ``part`` is not the guide or one of its sections.

    >>> import duloxinfo
    >>> print(duloxinfo.render_markdown(duloxinfo.guide().section("considerations"))[:59])
    # Important Considerations
    <BLANKLINE>
    - Do not crush, chew, or break
    """
    return _render(part, _markdown)


def render_text(part: Guide | Section) -> str:
    """The guide, or one section of it, as plain text wrapped at 78 columns.

    Raises:
        WrongTypeError: ``part`` is not the guide or one of its sections.
    """
    return _render(part, _text)


def render_html(part: Guide | Section) -> str:
    """The guide, or one section of it, as an HTML fragment: one ``<article>`` element.

    All text is escaped; there are no scripts, styles or external assets.
    Evidence notes are ``<aside class="evidence-note">`` elements.

    Raises:
        WrongTypeError: ``part`` is not the guide or one of its sections.
    """
    return '<article class="duloxinfo-guide">\n' + _render(part, _html, "\n") + "</article>\n"
