"""The stored copies of the sources (``tests/fixtures/sources/``): which file holds a cited
source, and the text of a cited section, so that a test can check the section says what a
citation makes it say.

The copies are the shared reference copies, gaps marked; a librarian's note in them (a line
opening with ``[`` or ``Note (librarian``) is not the source's text and is left out.
"""

import re
from pathlib import Path

import duloxinfo

SOURCES = Path(__file__).parent.parent / "fixtures" / "sources"
Src = duloxinfo.Source

# The stored copy of each source, by source and (for the NHS) by page.
FILES = {
    Src.EU_PIL: "eu-pil.txt",
    Src.EU_SMPC: "eu-smpc.txt",
    Src.US_PI: "us-pi.txt",
    Src.US_PI_G: "us-pi-generic-openfda.txt",
    Src.US_MG: "us-medication-guide.txt",
    Src.FDA_SRLC: "fda-srlc-2023.txt",
}
NHS_PAGES = {
    "About": "nhs-about.txt",
    "How and when to take": "nhs-how-and-when-to-take.txt",
    "Who can and cannot take": "nhs-who-can-and-cannot-take.txt",
    "Pregnancy, breastfeeding and fertility": "nhs-pregnancy-breastfeeding-fertility.txt",
}

_NUMBERED = re.compile(r"^§(\d+(?:\.\d+)?)(?: .*)?$")
_SECTION_LINE = re.compile(r"^\d+(?:\.\d+)? [A-Z]")
_EU_HEADING = re.compile(r"^§(\d+) (.+)$")


def flat(text):
    """``text`` with one kind of apostrophe, single spaces and no case: what a search compares.

    A word the openFDA copy breaks at a hyphen ("anti- coagulants") is whole again.
    """
    text = re.sub(r"(\w)- (\w)", r"\1\2", text.replace("\u2019", "'").replace("\u2018", "'"))
    return " ".join(text.split()).casefold()


def text_of(source):
    """The whole stored copy of ``source`` (for the NHS, of every page)."""
    if source is Src.NHS:
        return "\n".join((SOURCES / f).read_text(encoding="utf-8") for f in NHS_PAGES.values())
    return (SOURCES / FILES[source]).read_text(encoding="utf-8")


def _label_text(lines):
    return [line for line in lines if not line.startswith(("[", "Note (librarian"))]


def numbered_section(text, number):
    """The text of section ``number`` (``"5.12"``, or ``"4"`` for a whole section) of a US
    label copy: from its first line to the next numbered section or rule, librarian's notes
    left out; empty if the copy has no such section.

    A whole section (``"4"``) runs on over its subsections and its Highlights text to the
    next rule of ``=`` signs, as the openFDA copy stores a section as one field.
    """
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(f"{number} ")]
    if not starts:
        return ""
    body = []
    whole = "." not in number
    for line in lines[starts[0] + 1 :]:
        title = _SECTION_LINE.match(line)
        if whole and title and not re.match(rf"{number}[ .]", line):
            break
        if not whole and (line.startswith("====") or title):
            break
        body.append(line)
    kept = [lines[starts[0]], *(line for line in body if not line.startswith("===="))]
    return "\n".join(_label_text(kept))


def _is_heading(line):
    """A sub-heading of an EU copy: a short line of words, not a sentence or a list item."""
    return (
        bool(line)
        and len(line.split()) <= 12
        and line[0].isupper()
        and ":" not in line
        and not line.endswith((".", ",", ";"))
    )


def _eu_subsection(text, number, heading):
    """The text of section ``number`` of an EU copy when ``heading`` is its title, else the
    text under the sub-heading ``heading`` in it, to the next sub-heading."""
    lines = [line.strip() for line in text.splitlines()]
    starts = [i for i, line in enumerate(lines) if re.match(rf"{re.escape(number)}\.? \S", line)]
    if not starts:
        return ""
    body = lines[starts[-1] :]
    later = [i for i, line in enumerate(body[1:], 1) if re.match(r"\d+(\.\d+)?\.? [A-Z]", line)]
    body = body[: later[0]] if later else body
    if flat(heading) in flat(body[0]):
        return "\n".join(body)
    found = [i for i, line in enumerate(body) if flat(line) == flat(heading)]
    if not found:
        return ""
    out = [body[found[0]]]
    for line in body[found[0] + 1 :]:
        if _is_heading(line):
            break
        out.append(line)
    return "\n".join(out)


def section_text(citation):
    """The text the stored copy holds for the section ``citation`` cites.

    A numbered section of a US label is cut out of its copy; a section of the EU leaflet
    or SmPC named by its heading (``§2 Other medicines and Cymbalta``) is the text under
    that heading; any other citation (a Highlights line, a page of the NHS, a labelling
    change) is checked against the whole copy.
    """
    text = text_of(citation.source)
    section = citation.section or ""
    if citation.source in {Src.US_PI, Src.US_PI_G} and (number := _NUMBERED.match(section)):
        return numbered_section(text, number[1])
    if citation.source in {Src.EU_PIL, Src.EU_SMPC} and (heading := _EU_HEADING.match(section)):
        return _eu_subsection(text, heading[1], heading[2])
    return text


def says(citation, words):
    """Whether the section ``citation`` cites holds ``words`` (case, spacing and quotes aside)."""
    return flat(words) in flat(section_text(citation))
