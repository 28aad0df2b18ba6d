"""The guide as frozen, slotted attrs records: typed, immutable, every statement sourced.

Private module; the public names are re-exported by :mod:`duloxinfo` (lazily:
importing ``duloxinfo`` does not create these classes).
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Final

import attrs

from .._errors import SectionError
from .._sources import Citation

__all__ = [
    "SECTION_NAMES",
    "Benefits",
    "Considerations",
    "Consultation",
    "Dosage",
    "DoseStep",
    "DurationRange",
    "EvidenceKind",
    "EvidenceNote",
    "Frequency",
    "Guide",
    "HowItWorks",
    "Onset",
    "Overview",
    "Passage",
    "Point",
    "Safety",
    "SafetyPoint",
    "SafetyTopic",
    "SideEffect",
    "SideEffects",
    "Statement",
]


class Frequency(enum.Enum):
    """How often a dose is taken."""

    ONCE_DAILY = "once-daily"
    TWICE_DAILY = "twice-daily"

    @property
    def times_per_day(self) -> int:
        """1 or 2."""
        return 1 if self is Frequency.ONCE_DAILY else 2


class EvidenceKind(enum.Enum):
    """How the label stands to a statement of the seed page."""

    NOT_APPROVED_USE = "not-approved-use"
    """The statement presents a use the label does not approve."""
    NOT_SUPPORTED = "not-supported"
    """The label does not support the claim."""
    LABEL_DIFFERS = "label-differs"
    """The label says something different; the label wins."""
    LABEL_ADDS = "label-adds"
    """The label adds something the statement leaves out."""
    INTERPRETATION = "interpretation"
    """A typed value is this library's reading of the seed's words, not a label figure."""


@attrs.frozen(kw_only=True)
class EvidenceNote:
    """What the label says about a statement, for an application to display beside it."""

    kind: EvidenceKind
    text: str
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class Statement:
    """One statement (a paragraph or list item) in the seed's wording, with its sources.

    ``evidence`` holds notes where the label disagrees or adds something; show them.
    """

    text: str
    sources: tuple[Citation, ...]
    evidence: tuple[EvidenceNote, ...] = ()


@attrs.frozen(kw_only=True)
class Point:
    """A titled statement: a benefit, or one of the "how it works" points."""

    title: str
    statement: Statement


@attrs.frozen(kw_only=True)
class Passage:
    """A headed run of statements."""

    heading: str
    paragraphs: tuple[Statement, ...]


@attrs.frozen(kw_only=True)
class Overview:
    """The page's opening, and its "Duloxetine for Muscle Spasm Relief" passages."""

    heading: str
    paragraphs: tuple[Statement, ...]
    passages: tuple[Passage, ...]


@attrs.frozen(kw_only=True)
class Benefits:
    """The seed's two "Benefits" sections merged: both introductions, one list of points."""

    heading: str
    intro: tuple[Statement, ...]
    items: tuple[Point, ...]
    closing: Statement


@attrs.frozen(kw_only=True)
class DurationRange:
    """A span of time from ``minimum`` to ``maximum``."""

    minimum: _dt.timedelta
    maximum: _dt.timedelta


@attrs.frozen(kw_only=True)
class Onset:
    """When effects may start: the seed's words and a typed range."""

    title: str
    statement: Statement
    expected: DurationRange


@attrs.frozen(kw_only=True)
class HowItWorks:
    """How duloxetine works: an introduction, the mechanism, the effect, the onset."""

    heading: str
    intro: Statement
    mechanism: Point
    effect_on_spasms: Point
    onset: Onset


@attrs.frozen(kw_only=True)
class DoseStep:
    """A dose in whole mg taken at a frequency, optionally for at least a duration."""

    dose_mg: int
    frequency: Frequency
    duration: _dt.timedelta | None = None

    @property
    def daily_dose_mg(self) -> int:
        """The day's total in mg."""
        return self.dose_mg * self.frequency.times_per_day


@attrs.frozen(kw_only=True)
class Dosage:
    """The recommended dosage, in words and as typed steps."""

    heading: str
    statements: tuple[Statement, ...]
    starting: DoseStep
    """The starting dose (30 mg once daily, for one week per the label)."""
    usual: DoseStep
    """The usual maintenance dose (60 mg once daily)."""
    maximum_daily_mg: int
    """The label's maximum a day for the pain uses (60 mg)."""


@attrs.frozen(kw_only=True)
class Considerations:
    """The seed's "Important Considerations"."""

    heading: str
    swallow_whole: Statement
    missed_dose: Statement
    supply: Statement


@attrs.frozen(kw_only=True)
class SideEffect:
    """One side effect the seed names, and whether the label counts it among the most common."""

    name: str
    label_most_common: bool
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class SideEffects:
    """The seed's "Potential Side Effects"."""

    heading: str
    intro: Statement
    effects: tuple[SideEffect, ...]
    when_to_consult: Statement


@attrs.frozen(kw_only=True)
class Consultation:
    """The seed's "Consultation with a Doctor" and its four benefits."""

    heading: str
    intro: Statement
    benefits_heading: str
    benefits: tuple[Statement, ...]


class SafetyTopic(enum.Enum):
    """The label's safety points the seed page leaves out."""

    MAXIMUM_DOSE = "maximum-dose"
    DO_NOT_STOP_SUDDENLY = "do-not-stop-suddenly"
    MAOI = "maoi"
    SEROTONIN_SYNDROME = "serotonin-syndrome"
    CYP1A2_INHIBITORS = "cyp1a2-inhibitors"
    THIORIDAZINE = "thioridazine"
    BOXED_WARNING = "boxed-warning"
    WHO_SHOULD_NOT_TAKE = "who-should-not-take"


@attrs.frozen(kw_only=True)
class SafetyPoint:
    """One safety point from the label, in plain language."""

    topic: SafetyTopic
    title: str
    statement: Statement


@attrs.frozen(kw_only=True)
class Safety:
    """Safety information from the label, and the disclaimer."""

    heading: str
    points: tuple[SafetyPoint, ...]
    disclaimer: str
    """This guide is general information, not medical advice."""


SECTION_NAMES: Final = (
    "overview",
    "benefits",
    "how_it_works",
    "dosage",
    "considerations",
    "side_effects",
    "consultation",
    "safety",
    "closing",
)
"""The names :meth:`Guide.section` accepts, in page order."""


Section = (
    Overview
    | Benefits
    | HowItWorks
    | Dosage
    | Considerations
    | SideEffects
    | Consultation
    | Safety
    | Statement
)


@attrs.frozen(kw_only=True)
class Guide:
    """The whole patient guide, section by section, in the seed page's order.

    Get it with :func:`duloxinfo.guide`.  Every part is frozen; hold it as long as
    you like.

    >>> import duloxinfo
    >>> g = duloxinfo.guide()
    >>> g.dosage.starting.dose_mg, g.dosage.starting.frequency.value
    (30, 'once-daily')
    >>> g.section("dosage") is g.dosage
    True
    """

    title: str
    overview: Overview
    benefits: Benefits
    how_it_works: HowItWorks
    dosage: Dosage
    considerations: Considerations
    side_effects: SideEffects
    consultation: Consultation
    safety: Safety
    closing: Statement
    """The page's closing reminder."""

    def section(self, name: str) -> Section:
        """The section called ``name``, one of :data:`SECTION_NAMES`.

        Raises:
            SectionError: ``name`` is not a section name.
        """
        if name not in SECTION_NAMES:
            raise SectionError(
                f"section: {name!r} is not a guide section; choose one of "
                + ", ".join(SECTION_NAMES)
            )
        section: Section = getattr(self, name)
        return section


def _require_part(value: object, field: str = "part") -> Guide | Section:
    """Return ``value`` if it is the guide or one of its sections, else raise naming it."""
    if not isinstance(value, Guide | Section):
        raise SectionError(
            f"{field}: expected a Guide or one of its sections, got "
            f"{type(value).__name__} {value!r}"
        )
    return value
