"""The documents duloxinfo cites, and a citation of one of them.

Both the label's numbers (:mod:`duloxinfo.label`) and the guide's statements
(:mod:`duloxinfo.content.model`) cite through these two types, so the sources page of
the docs lists one set.
"""

from __future__ import annotations

import enum

import attrs

from ._names import public_dir

__all__ = ["Citation", "Source"]
__dir__ = public_dir(globals())


class Source(enum.Enum):
    """A document that duloxinfo cites: its title, publisher, address and revision.

    The value is the stable identifier used in the data files and in JSON.  The
    revision is that of the copy duloxinfo was written from; where a copy joins
    fragments of several revisions (the US label), each :class:`Citation` names its own.

    >>> from duloxinfo import Source
    >>> Source("us-pi").title
    'CYMBALTA (duloxetine delayed-release capsules) US Prescribing Information'
    >>> Source.NHS.revision
    'pages last reviewed 14 February 2022'
    """

    SEED = "seed"
    """The page this project's content started from, "Duloxetine muscle spasm"."""
    US_PI = "us-pi"
    """CYMBALTA US Prescribing Information, Eli Lilly and Company, NDA 021427."""
    US_PI_G = "us-pi-g"
    """A current-format generic duloxetine US Prescribing Information, read whole from openFDA."""
    US_MG = "us-mg"
    """CYMBALTA Medication Guide, the US patient labeling, NDA 021427."""
    FDA_SRLC = "fda-srlc-2023"
    """FDA Safety-related Labeling Changes for CYMBALTA, entries of 18 August 2023."""
    EU_PIL = "eu-pil"
    """Cymbalta package leaflet, European Medicines Agency."""
    EU_SMPC = "eu-smpc"
    """Cymbalta summary of product characteristics, European Medicines Agency."""
    NHS = "nhs"
    """NHS website, "Duloxetine" medicine pages (nhs.uk)."""
    FDA_NDC = "fda-ndc"
    """FDA National Drug Code Directory listings of duloxetine delayed-release capsules."""
    FDA_MEDWATCH = "fda-medwatch"
    """FDA MedWatch, the US route for reporting a side effect."""
    MHRA_YELLOW_CARD = "mhra-yellow-card"
    """MHRA Yellow Card scheme, the UK route for reporting a side effect."""

    @property
    def title(self) -> str:
        """The full title of the document, as a sources list shows it."""
        return _RECORDS[self][0]

    @property
    def publisher(self) -> str:
        """Who publishes the document."""
        return _RECORDS[self][1]

    @property
    def address(self) -> str:
        """Where the document is published (a web address)."""
        return _RECORDS[self][2]

    @property
    def revision(self) -> str:
        """The revision duloxinfo was written from, as the document states it."""
        return _RECORDS[self][3]


_LABEL_PAGE = (
    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=2f7d4d67-10c1-4bf4-a7f2-c185fbad64ba"
)
_CAPSULES = "Cymbalta 30 mg and 60 mg hard gastro-resistant capsules: "
_EPAR = "https://www.ema.europa.eu/en/medicines/human/EPAR/cymbalta"
_EMA_REVISION = "revision 32 of 21 December 2021 (EMA listing; the copy leaves its date blank)"
# Title, publisher, address, revision.
_RECORDS: dict[Source, tuple[str, str, str, str]] = {
    Source.SEED: (
        "Duloxetine muscle spasm",
        "a promotional web page; the project started from it (reviewed, never cited as fact)",
        "not a regulator's document; kept only as reviewed seed claims",
        "as read in 2026",
    ),
    Source.US_PI: (
        "CYMBALTA (duloxetine delayed-release capsules) US Prescribing Information",
        "Eli Lilly and Company (NDA 021427), approved by the US Food and Drug Administration",
        _LABEL_PAGE,
        "fragments of several revisions up to 08/2023; each citation names its own",
    ),
    Source.US_PI_G: (
        (
            "Duloxetine delayed-release capsules (generic) US Prescribing Information: "
            "Boxed Warning and sections 1, 2, 4, 5, 7 and 10"
        ),
        (
            "Golden State Medical Supply, Inc. (adverse-reaction contact Breckenridge "
            "Pharmaceutical, Inc.), a generic of CYMBALTA approved by the US Food and Drug "
            "Administration; the openFDA drug label record"
        ),
        'https://api.fda.gov/drug/label.json?search=openfda.generic_name:"duloxetine"&limit=1',
        "not stated in the copy; current format (2.1 to 2.10, 5.16), read from openFDA in 2026",
    ),
    Source.US_MG: (
        "Medication Guide: CYMBALTA (duloxetine delayed-release capsules)",
        "Eli Lilly and Company (NDA 021427), approved by the US Food and Drug Administration",
        "https://dailymed.nlm.nih.gov/dailymed/medguide.cfm?setid=2f7d4d67-10c1-4bf4-a7f2-c185fbad64ba",
        "copies of unstated date; the pregnancy registry item of 08/2023",
    ),
    Source.FDA_SRLC: (
        "Drug Safety-related Labeling Changes: CYMBALTA (NDA 021427)",
        "US Food and Drug Administration, Center for Drug Evaluation and Research",
        "https://www.accessdata.fda.gov/scripts/cder/safetylabelingchanges/",
        "entries of 18 August 2023 (SUPPL-55 and SUPPL-57)",
    ),
    Source.EU_PIL: (
        _CAPSULES + "package leaflet",
        "European Medicines Agency (text from Eli Lilly Nederland B.V.)",
        _EPAR,
        _EMA_REVISION,
    ),
    Source.EU_SMPC: (
        _CAPSULES + "summary of product characteristics",
        "European Medicines Agency (text from Eli Lilly Nederland B.V.)",
        _EPAR,
        _EMA_REVISION,
    ),
    Source.NHS: (
        "Duloxetine (NHS medicines A to Z)",
        "NHS website (nhs.uk), Open Government Licence v3.0",
        "https://www.nhs.uk/medicines/duloxetine/",
        "pages last reviewed 14 February 2022",
    ),
    Source.FDA_NDC: (
        "National Drug Code Directory: duloxetine delayed-release capsules",
        "US Food and Drug Administration",
        "https://www.accessdata.fda.gov/scripts/cder/ndc/",
        "listings as read in 2026",
    ),
    Source.FDA_MEDWATCH: (
        "MedWatch: The FDA Safety Information and Adverse Event Reporting Program",
        "US Food and Drug Administration",
        "https://www.fda.gov/medwatch",
        "the reporting route as published; no copy is kept offline",
    ),
    Source.MHRA_YELLOW_CARD: (
        "Yellow Card: report a side effect",
        "Medicines and Healthcare products Regulatory Agency (UK)",
        "https://yellowcard.mhra.gov.uk/",
        "the reporting route as published; no copy is kept offline",
    ),
}


@attrs.frozen(kw_only=True)
class Citation:
    """A reference to one source, and optionally the section of it that says so.

    >>> from duloxinfo import Citation, Source
    >>> str(Citation(source=Source.US_PI, section="2 Dosage and Administration"))
    'US PI, 2 Dosage and Administration'

    >>> str(Citation(source=Source.US_PI, section="§5.4", revision="08/2023"))
    'US PI (08/2023), §5.4'

    Attributes:
        source: The document cited.
        section: The section or page of the document, for example
            ``"§3 If you forget to take Cymbalta"``, or None for the whole document.
        revision: The revision of the document the section is read from, where it
            differs from the source's own (:attr:`Source.revision`), else None.
    """

    source: Source
    section: str | None = None
    revision: str | None = None

    def __str__(self) -> str:
        """A short human-readable form, for example ``US PI (08/2023), §5.4``."""
        short = _SHORT[self.source]
        if self.revision is not None:
            short = f"{short} ({self.revision})"
        return short if self.section is None else f"{short}, {self.section}"


_SHORT = {
    Source.SEED: "Seed page",
    Source.US_PI: "US PI",
    Source.US_PI_G: "US PI-G",
    Source.EU_PIL: "EU PIL",
    Source.EU_SMPC: "EU SmPC",
    Source.NHS: "NHS",
    Source.FDA_NDC: "FDA NDC Directory",
    Source.US_MG: "US Medication Guide",
    Source.FDA_SRLC: "FDA SrLC",
    Source.FDA_MEDWATCH: "FDA MedWatch",
    Source.MHRA_YELLOW_CARD: "MHRA Yellow Card",
}
