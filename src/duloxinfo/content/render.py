"""Renderers: the guide, any one section, or the seed page's review, as Markdown, text or HTML.

Each part is first laid out once as a list of blocks (headings, paragraphs, lists,
warnings, definitions, sources); the three formats only differ in how they write
those blocks.  When the whole guide is rendered, the first use of each word the
glossary explains links to its explanation (Markdown and HTML), and HTML opens with
a table of contents.  Urgent warnings are marked "Get help now" in every format.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from .._names import public_dir
from .._validate import shown
from .._words import GET_HELP, date_words, how_often, lasting
from ..errors import WrongTypeError
from ..label import LABEL
from ..sources import Citation, Source
from ._parts import require_well_formed, walk
from .model import (
    SECTION_NAMES,
    About,
    AboutThisGuide,
    DoseStep,
    FrequencyBand,
    Glossary,
    Guide,
    HowToTake,
    MedicineEntry,
    OtherMedicines,
    Section,
    SeedClaim,
    SideEffects,
    Topic,
    Verdict,
)

__all__ = ["render_html", "render_markdown", "render_text"]
__dir__ = public_dir(globals())

_VERDICTS = {
    Verdict.SUPPORTED: "supported by the sources",
    Verdict.NOT_APPROVED_USE: "not an approved use",
    Verdict.NOT_SUPPORTED: "not supported by the sources",
    Verdict.LABEL_DIFFERS: "the label says something different",
    Verdict.INTERPRETATION: "an interpretation",
}
_CLAIMS_TITLE = "The seed page, reviewed"
_CLAIMS_INTRO = (
    "This project started from a web page that promotes duloxetine for muscle spasm. "
    "Muscle spasm is not an approved use. Each statement of that page is below, word for "
    "word, with what the sources say about it. None of it is advice."
)


class _Heading(NamedTuple):
    level: int
    text: str
    anchor: str


class _Para(NamedTuple):
    text: str


class _List(NamedTuple):
    items: tuple[str, ...]


class _Alert(NamedTuple):
    title: str
    text: str
    urgent: bool
    kind: str = "warning"


class _Terms(NamedTuple):
    terms: tuple[tuple[str, str], ...]


class _Sources(NamedTuple):
    citations: tuple[str, ...]


class _Contents(NamedTuple):
    entries: tuple[tuple[str, str], ...]


_Block = _Heading | _Para | _List | _Alert | _Terms | _Sources | _Contents
_Claims = tuple[SeedClaim, ...]


def _listed(citations: tuple[str, ...]) -> str:
    """Citations joined by semicolons, ending with one full stop."""
    text = "; ".join(citations)
    return text if text.endswith((".", "?", "!")) else text + "."


def anchor(text: str) -> str:
    """An HTML id for ``text``: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


_PLAN_FACTS = (
    LABEL.starting_dose_mg,
    LABEL.starting_period,
    LABEL.usual_dose_mg,
    LABEL.max_daily_dose_pain_mg,
)
_USES_INTRO = "Approved uses, by region:"
_PLAN_INTRO = "The US label's plan for adults with fibromyalgia or chronic musculoskeletal pain:"


def _step(label: str, step: DoseStep) -> str:
    """``Start with 30 mg once daily for 1 week.``: a dose step in words."""
    text = f"{label} {step.dose_mg} mg {how_often(step.frequency.times_per_day)}"
    if step.duration is not None:
        text += f" for {lasting(step.duration)}"
    return text + "."


def _examples(entry: MedicineEntry) -> tuple[str, ...]:
    us, uk = entry.examples_us, entry.examples_uk
    if us == uk:
        return (f"For example: {', '.join(us)}.",) if us else ()
    return tuple(
        f"For example, in the {where}: {', '.join(names)}."
        for names, where in ((us, "US"), (uk, "UK"))
        if names
    )


def _entries(part: OtherMedicines, level: int) -> list[_Block]:
    blocks: list[_Block] = []
    for entry in part.entries:
        blocks += [
            _Heading(level + 1, entry.medicines, ""),
            _Para(f"{entry.risk} {entry.what_to_do}"),
        ]
        if examples := _examples(entry):
            blocks.append(_List(examples))
    return blocks


def _effects(part: SideEffects) -> list[_Block]:
    blocks: list[_Block] = []
    for band in FrequencyBand:
        names = [effect.name for effect in part.effects if effect.band is band]
        if names:
            lead = (
                f"{band.words.capitalize()}:"
                if band is FrequencyBand.NOT_KNOWN
                else f"{band.name.replace('_', ' ').capitalize()}, {band.words}:"
            )
            blocks += [_Para(lead)]
            blocks.append(_List(tuple(names)))
    return blocks


def _extras(part: Topic, level: int) -> list[_Block]:
    """What a section adds to its paragraphs: uses, doses, medicines, side effects."""
    match part:
        case About():
            uses = tuple(f"{u.region.name}: {u.condition}, in {u.who}." for u in part.uses)
            return [_Para(_USES_INTRO), _List(uses)] if uses else []
        case HowToTake():
            return [
                _Para(_PLAN_INTRO),
                _List(
                    (
                        _step("Start with", part.starting),
                        _step("Then take", part.usual),
                        f"The most for these two uses is {part.maximum_daily_mg} mg a day.",
                    )
                ),
            ]
        case OtherMedicines():
            return _entries(part, level)
        case SideEffects():
            return _effects(part)
        case AboutThisGuide():
            return [
                _Para(
                    "Last checked against its sources: "
                    f"{date_words(part.reviewed_on)} {part.reviewed_on.year}."
                ),
                _Para(part.disclaimer),
            ]
    return []


def _topic(part: Topic, level: int, name: str) -> list[_Block]:
    blocks: list[_Block] = [_Heading(level, part.heading, name)]
    blocks += [_Alert(w.title, w.text, w.urgent) for w in part.warnings]
    blocks += [_Para(s.text) for s in part.paragraphs]
    if part.points:
        blocks.append(_List(tuple(s.text for s in part.points)))
    return blocks + _extras(part, level)


def _section_blocks(part: Section, level: int, name: str) -> list[_Block]:
    if isinstance(part, Glossary):
        return [
            _Heading(level, part.heading, name),
            _Terms(tuple((t.term, t.meaning) for t in part.terms)),
        ]
    return _topic(part, level, name)


def _claim_blocks(claims: _Claims) -> list[_Block]:
    blocks: list[_Block] = [_Heading(1, _CLAIMS_TITLE, "seed-claims"), _Para(_CLAIMS_INTRO)]
    for claim in claims:
        blocks += [
            _Heading(2, claim.where, ""),
            _Para(f"\u201c{claim.text}\u201d"),
            _Alert(f"Verdict: {_VERDICTS[claim.verdict]}", claim.evidence, False, "verdict"),
            _List(tuple(f"Source: {c}" for c in claim.sources)),
        ]
    return blocks


def _citations_of(part: object) -> tuple[Citation, ...]:
    """Every citation under ``part``, once each, in reading order.

    The typed plan of :class:`HowToTake` has no citations of its own: its numbers are
    the label module's, so its rendering cites theirs.
    """
    seen: dict[Citation, None] = {}
    for _, value in walk(part, frozenset({Citation})):
        if isinstance(value, Citation):
            seen.setdefault(value)
        elif isinstance(value, HowToTake):
            for fact in _PLAN_FACTS:
                seen.update(dict.fromkeys(fact.sources))
    return tuple(seen)


def _source_records(citations: Iterable[Citation]) -> tuple[str, ...]:
    sources = dict.fromkeys(c.source for c in citations)
    return tuple(
        f"{s.title}. {s.publisher}. {s.address} ({s.revision})." for s in Source if s in sources
    )


def _blocks(part: Guide | Section | _Claims) -> list[_Block]:
    if isinstance(part, tuple) and all(isinstance(claim, SeedClaim) for claim in part):
        require_well_formed(part, "part", tuple[SeedClaim, ...])
        return [*_claim_blocks(part), _Sources(tuple(map(str, _citations_of(part))))]
    if not isinstance(part, Guide | Topic | Glossary):
        raise WrongTypeError(
            "part", f"expected a Guide, one of its sections or the seed claims, got {shown(part)}"
        )
    require_well_formed(part, "part", Guide | Topic | Glossary)
    citations = _citations_of(part)
    if isinstance(part, Guide):
        sections = [(name, part.section(name)) for name in SECTION_NAMES]
        blocks: list[_Block] = [
            _Heading(1, part.title, "guide"),
            _Contents(tuple((section.heading, section.heading) for _, section in sections)),
        ]
        for _, section in sections:
            blocks += _section_blocks(section, 2, section.heading)
        blocks.append(_Heading(2, "Sources", "sources"))
        return [*blocks, _List(_source_records(citations)), _Sources(tuple(map(str, citations)))]
    return [*_section_blocks(part, 1, part.heading), _Sources(tuple(map(str, citations)))]


class _Linker:
    """Links the first use of each glossary term, in reading order, once per render."""

    def __init__(self, blocks: Sequence[_Block]) -> None:
        terms = next((b.terms for b in blocks if isinstance(b, _Terms)), ())
        self._left = {term.casefold(): term for term, _ in terms}
        self._patterns = {
            key: re.compile(rf"(?<![\w-])({re.escape(key)})(?![\w-])", re.IGNORECASE)
            for key in self._left
        }

    def link(
        self, text: str, write: Callable[[str, str], str], escape: Callable[[str], str]
    ) -> str:
        """``text`` escaped, with each term's first use written by ``write(shown, term)``."""
        found: list[tuple[int, int, str]] = []
        for key, pattern in self._patterns.items():
            if key in self._left and (match := pattern.search(text)):
                found.append((match.start(), match.end(), key))
        out, at = [], 0
        for start, end, key in sorted(found, key=lambda f: (f[0], -f[1])):
            if start < at:
                continue
            out += [escape(text[at:start]), write(text[start:end], self._left.pop(key))]
            at = end
        return "".join(out) + escape(text[at:])


class _Writer:
    """One output format; subclasses write each kind of block."""

    join = "\n\n"

    def __init__(self, blocks: Sequence[_Block]) -> None:
        self.blocks = blocks
        self.linker = _Linker(blocks)

    def text(self, text: str) -> str:
        return self.linker.link(text, self.term_link, self.escape)

    def escape(self, text: str) -> str:
        return text

    def term_link(self, shown: str, term: str) -> str:  # noqa: ARG002 - plain text has no links
        return shown

    def write(self) -> str:
        return self.join.join(filter(None, (self.block(b) for b in self.blocks))) + "\n"

    def block(self, block: _Block) -> str:  # pragma: no cover - every writer defines it
        raise NotImplementedError


class _Markdown(_Writer):
    def term_link(self, shown: str, term: str) -> str:
        return f"[{shown}](#{anchor(term)})"

    def block(self, block: _Block) -> str:  # noqa: PLR0911 - a case per kind of block
        match block:
            case _Heading(level, text, _):
                shown = self.text(text) if level > 2 else text
                return f"{'#' * level} {shown}"
            case _Para(text):
                return self.text(text)
            case _List(items):
                return "\n".join(f"- {self.text(item)}" for item in items)
            case _Alert(title, text, urgent):
                label = f"{GET_HELP}: " if urgent else ""
                return f"> **{label}{title}.** {self.text(text)}"
            case _Terms(terms):
                return "\n".join(
                    f'- <a id="{anchor(term)}"></a>**{term}**: {meaning}' for term, meaning in terms
                )
            case _Sources(citations):
                return f"**Sources cited:** {_listed(citations)}" if citations else ""
            case _Contents():
                return ""
        raise AssertionError(block)  # pragma: no cover


class _Text(_Writer):
    def block(self, block: _Block) -> str:  # noqa: PLR0911 - a case per kind of block
        wrap = textwrap.TextWrapper(width=78, break_on_hyphens=False)
        match block:
            case _Heading(level, text, _):
                lines = textwrap.wrap(text, width=78, break_on_hyphens=False)
                rule = "=-~"[min(level, 3) - 1] * max(map(len, lines))
                return "\n".join([*lines, rule])
            case _Para(text):
                return wrap.fill(self.text(text))
            case _List(items):
                wrap.initial_indent, wrap.subsequent_indent = "  * ", "    "
                return "\n".join(wrap.fill(self.text(item)) for item in items)
            case _Alert(title, text, urgent):
                wrap.initial_indent = wrap.subsequent_indent = "!! " if urgent else " | "
                label = "GET HELP NOW: " if urgent else ""
                return wrap.fill(f"{label}{title}. {text}")
            case _Terms(terms):
                wrap.initial_indent, wrap.subsequent_indent = "  * ", "    "
                return "\n".join(wrap.fill(f"{term}: {meaning}") for term, meaning in terms)
            case _Sources(citations):
                return wrap.fill(f"Sources cited: {_listed(citations)}") if citations else ""
            case _Contents():
                return ""
        raise AssertionError(block)  # pragma: no cover


class _Html(_Writer):
    join = "\n"

    def escape(self, text: str) -> str:
        return html.escape(text)

    def term_link(self, shown: str, term: str) -> str:
        return f'<a class="term" href="#{anchor(term)}">{html.escape(shown)}</a>'

    def write(self) -> str:
        return '<article class="duloxinfo-guide">\n' + super().write() + "</article>\n"

    def block(self, block: _Block) -> str:  # noqa: PLR0911 - a case per kind of block
        e = html.escape
        match block:
            case _Heading(level, text, name):
                ident = f' id="{anchor(name)}"' if name else ""
                shown = self.text(text) if level > 2 else e(text)
                return f"<h{level}{ident}>{shown}</h{level}>"
            case _Para(text):
                return f"<p>{self.text(text)}</p>"
            case _List(items):
                return "<ul>\n" + "\n".join(f"<li>{self.text(i)}</li>" for i in items) + "\n</ul>"
            case _Alert(title, text, urgent, kind):
                kind, label = (f"{kind} urgent", f"{GET_HELP}: ") if urgent else (kind, "")
                return (
                    f'<div class="{kind}"><p><strong>{e(label)}{e(title)}.</strong> '
                    f"{self.text(text)}</p></div>"
                )
            case _Terms(terms):
                return (
                    '<dl class="glossary">\n'
                    + "\n".join(
                        f'<dt id="{anchor(term)}">{e(term)}</dt><dd>{e(meaning)}</dd>'
                        for term, meaning in terms
                    )
                    + "\n</dl>"
                )
            case _Sources(citations):
                return (
                    f'<p class="sources">Sources cited: {e(_listed(citations))}</p>'
                    if citations
                    else ""
                )
            case _Contents(entries):
                listed = "\n".join(
                    f'<li><a href="#{anchor(name)}">{e(heading)}</a></li>'
                    for name, heading in entries
                )
                nav = '<nav class="contents" aria-label="Contents">'
                return f"{nav}\n<ol>\n{listed}\n</ol>\n</nav>"
        raise AssertionError(block)  # pragma: no cover


def _render(part: Guide | Section | _Claims, writer: type[_Writer]) -> str:
    return writer(_blocks(part)).write()


def render_markdown(part: Guide | Section | tuple[SeedClaim, ...]) -> str:
    """The guide, one section of it, or the seed claims, as Markdown.

    Urgent warnings are block quotes that start "Get help now"; the first use of each
    word the glossary explains links to it; the sources cited close the part.

    Raises:
        WrongTypeError: ``part`` is not the guide, one of its sections, or a tuple of
            :class:`~duloxinfo.content.model.SeedClaim`.

    >>> import duloxinfo
    >>> print(duloxinfo.render_markdown(duloxinfo.guide().section("about"))[:41])
    # What duloxetine is and what it is for
    """
    return _render(part, _Markdown)


def render_text(part: Guide | Section | tuple[SeedClaim, ...]) -> str:
    """The guide, one section of it, or the seed claims, as plain text wrapped at 78 columns.

    Urgent warnings are lines marked ``!!`` that start "GET HELP NOW".

    Raises:
        WrongTypeError: ``part`` is not the guide, one of its sections, or a tuple of
            :class:`~duloxinfo.content.model.SeedClaim`.
    """
    return _render(part, _Text)


def render_html(part: Guide | Section | tuple[SeedClaim, ...]) -> str:
    """The guide, one section of it, or the seed claims, as an HTML fragment: one ``<article>``.

    All text is escaped; there are no scripts, styles or external assets.  The whole
    guide opens with a table of contents (``<nav class="contents">``); every section
    heading has an ``id``; warnings are ``<div class="warning">`` and urgent ones
    ``<div class="warning urgent">`` with a visible "Get help now"; glossary words link
    to their ``<dt>`` on first use.

    Raises:
        WrongTypeError: ``part`` is not the guide, one of its sections, or a tuple of
            :class:`~duloxinfo.content.model.SeedClaim`.
    """
    return _render(part, _Html)
