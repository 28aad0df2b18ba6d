"""The documents duloxinfo cites, and a citation of one of them.

Both the label's numbers (:mod:`duloxinfo.label`) and the guide's statements
(:mod:`duloxinfo.content.model`) cite through these two types, so the sources page of
the docs lists one set.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["Citation", "Source"]


class Source(enum.Enum):
    """A document that duloxinfo cites.

    The value is the stable identifier used in the data files and in JSON.

    >>> from duloxinfo import Source
    >>> Source("us-pi").title
    'CYMBALTA (duloxetine delayed-release capsules) US Prescribing Information'
    """

    SEED = "seed"
    """The page this project's content started from, "Duloxetine muscle spasm"."""
    US_PI = "us-pi"
    """CYMBALTA US Prescribing Information, Eli Lilly and Company, NDA 021427."""
    EU_PIL = "eu-pil"
    """Cymbalta package leaflet, European Medicines Agency."""
    EU_SMPC = "eu-smpc"
    """Cymbalta summary of product characteristics, European Medicines Agency."""
    NHS = "nhs"
    """NHS website, "Duloxetine" medicine pages (nhs.uk)."""
    FDA_NDC = "fda-ndc"
    """FDA National Drug Code Directory listings of duloxetine delayed-release capsules."""

    @property
    def title(self) -> str:
        """The full title of the document, as a sources list shows it."""
        return _TITLES[self]

    @property
    def publisher(self) -> str:
        """Who publishes the document."""
        return _PUBLISHERS[self]


_TITLES = {
    Source.SEED: "Duloxetine muscle spasm",
    Source.US_PI: "CYMBALTA (duloxetine delayed-release capsules) US Prescribing Information",
    Source.EU_PIL: "Cymbalta package leaflet",
    Source.EU_SMPC: "Cymbalta summary of product characteristics",
    Source.NHS: "Duloxetine (NHS medicines pages)",
    Source.FDA_NDC: "National Drug Code Directory: duloxetine delayed-release capsules",
}
_PUBLISHERS = {
    Source.SEED: "the publisher's page the guide was adapted from",
    Source.US_PI: "Eli Lilly and Company (NDA 021427)",
    Source.EU_PIL: "European Medicines Agency",
    Source.EU_SMPC: "European Medicines Agency",
    Source.NHS: "NHS website (nhs.uk)",
    Source.FDA_NDC: "US Food and Drug Administration",
}


@attrs.frozen(kw_only=True)
class Citation:
    """A reference to one source, and optionally the section of it that says so.

    >>> from duloxinfo import Citation, Source
    >>> str(Citation(source=Source.US_PI, section="2 Dosage and Administration"))
    'US PI, 2 Dosage and Administration'

    Attributes:
        source: The document cited.
        section: The section or page of the document, for example
            ``"5.7 Discontinuation Syndrome"``, or None for the whole document.
    """

    source: Source
    section: str | None = None

    def __str__(self) -> str:
        """A short human-readable form, for example ``US PI, 2 Dosage and Administration``."""
        short = _SHORT[self.source]
        return short if self.section is None else f"{short}, {self.section}"


_SHORT = {
    Source.SEED: "Seed page",
    Source.US_PI: "US PI",
    Source.EU_PIL: "EU PIL",
    Source.EU_SMPC: "EU SmPC",
    Source.NHS: "NHS",
    Source.FDA_NDC: "FDA NDC Directory",
}
