"""The guide as frozen, slotted attrs records: typed, immutable, every statement sourced."""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Final

import attrs

from .._validate import brief, shown
from ..errors import SectionError, WrongTypeError
from ..sources import Citation

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
    "Section",
    "SideEffect",
    "SideEffects",
    "Statement",
]


class Frequency(enum.Enum):
    """How often a dose is taken; the values are stable identifiers."""

    ONCE_DAILY = "once-daily"
    """One dose a day."""
    TWICE_DAILY = "twice-daily"
    """Two doses a day."""

    @property
    def times_per_day(self) -> int:
        """1 or 2."""
        return 1 if self is Frequency.ONCE_DAILY else 2


class EvidenceKind(enum.Enum):
    """How the label stands to a statement of the seed page; the values are stable identifiers."""

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
    """What the label says about a statement, for an application to display beside it.

    Attributes:
        kind: How the label stands to the statement.
        text: The note, in plain words.
        sources: Where the label or leaflet says so (at least one).
    """

    kind: EvidenceKind
    text: str
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class Statement:
    """One statement (a paragraph or list item) in the seed's wording, with its sources.

    Attributes:
        text: The statement.
        sources: Where it comes from (at least one).
        evidence: Notes where the label disagrees or adds something; show them
            beside the statement.
    """

    text: str
    sources: tuple[Citation, ...]
    evidence: tuple[EvidenceNote, ...] = ()


@attrs.frozen(kw_only=True)
class Point:
    """A titled statement: a benefit, or one of the "how it works" points.

    Attributes:
        title: The point's heading.
        statement: What it says.
    """

    title: str
    statement: Statement


@attrs.frozen(kw_only=True)
class Passage:
    """A headed run of statements.

    Attributes:
        heading: The passage's heading.
        paragraphs: Its statements, in order.
    """

    heading: str
    paragraphs: tuple[Statement, ...]


@attrs.frozen(kw_only=True)
class Overview:
    """The page's opening, and its "Duloxetine for Muscle Spasm Relief" passages.

    Attributes:
        heading: The section's heading.
        paragraphs: The opening statements.
        passages: The headed passages that follow.
    """

    heading: str
    paragraphs: tuple[Statement, ...]
    passages: tuple[Passage, ...]


@attrs.frozen(kw_only=True)
class Benefits:
    """The seed's two "Benefits" sections merged: both introductions, one list of points.

    Attributes:
        heading: The section's heading.
        intro: Both introductions.
        items: The benefits claimed, each a titled point.
        closing: The section's last statement.
    """

    heading: str
    intro: tuple[Statement, ...]
    items: tuple[Point, ...]
    closing: Statement


@attrs.frozen(kw_only=True)
class DurationRange:
    """A span of time from ``minimum`` to ``maximum``.

    Attributes:
        minimum: The shortest time.
        maximum: The longest time (not before ``minimum``).
    """

    minimum: _dt.timedelta
    maximum: _dt.timedelta


@attrs.frozen(kw_only=True)
class Onset:
    """When effects may start: the seed's words and a typed range.

    Attributes:
        title: The point's heading.
        statement: What it says.
        expected: The time it may take, as a typed range.
    """

    title: str
    statement: Statement
    expected: DurationRange


@attrs.frozen(kw_only=True)
class HowItWorks:
    """How duloxetine works: an introduction, the mechanism, the effect, the onset.

    Attributes:
        heading: The section's heading.
        intro: The introduction.
        mechanism: How it acts.
        effect_on_spasms: The seed's claim about spasms, with its evidence notes.
        onset: When effects may start.
    """

    heading: str
    intro: Statement
    mechanism: Point
    effect_on_spasms: Point
    onset: Onset


@attrs.frozen(kw_only=True)
class DoseStep:
    """A dose in whole mg taken at a frequency, optionally for at least a duration.

    Attributes:
        dose_mg: The dose, in whole mg.
        frequency: How often it is taken.
        duration: How long it is taken before the next step, or None when it has no end.
    """

    dose_mg: int
    frequency: Frequency
    duration: _dt.timedelta | None = None

    @property
    def daily_dose_mg(self) -> int:
        """The day's total in mg."""
        return self.dose_mg * self.frequency.times_per_day


@attrs.frozen(kw_only=True)
class Dosage:
    """The recommended dosage, in words and as typed steps.

    Attributes:
        heading: The section's heading.
        statements: The section's statements.
        starting: The starting dose (30 mg once daily, for one week per the label).
        usual: The usual maintenance dose (60 mg once daily).
        maximum_daily_mg: The label's maximum a day for the pain uses (60 mg).
    """

    heading: str
    statements: tuple[Statement, ...]
    starting: DoseStep
    usual: DoseStep
    maximum_daily_mg: int


@attrs.frozen(kw_only=True)
class Considerations:
    """The seed's "Important Considerations".

    Attributes:
        heading: The section's heading.
        swallow_whole: How to swallow the capsule.
        missed_dose: What to do about a missed dose.
        supply: Keeping a supply.
    """

    heading: str
    swallow_whole: Statement
    missed_dose: Statement
    supply: Statement


@attrs.frozen(kw_only=True)
class SideEffect:
    """One side effect the seed names, and whether the label counts it among the most common.

    Attributes:
        name: The side effect, in plain words.
        label_most_common: Whether the US label lists it among the most common.
        sources: Where it is listed (at least one).
    """

    name: str
    label_most_common: bool
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class SideEffects:
    """The seed's "Potential Side Effects".

    Attributes:
        heading: The section's heading.
        intro: The introduction.
        effects: The side effects named.
        when_to_consult: When to talk to a healthcare provider.
    """

    heading: str
    intro: Statement
    effects: tuple[SideEffect, ...]
    when_to_consult: Statement


@attrs.frozen(kw_only=True)
class Consultation:
    """The seed's "Consultation with a Doctor" and its four benefits.

    Attributes:
        heading: The section's heading.
        intro: The introduction.
        benefits_heading: The heading of the list of benefits.
        benefits: Why to talk to a doctor, one statement each.
    """

    heading: str
    intro: Statement
    benefits_heading: str
    benefits: tuple[Statement, ...]


class SafetyTopic(enum.Enum):
    """The label's safety points the seed page leaves out; the values are stable identifiers."""

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
    """One safety point from the label, in plain language.

    Attributes:
        topic: Which safety point it is.
        title: The point's heading.
        statement: What it says.
    """

    topic: SafetyTopic
    title: str
    statement: Statement


@attrs.frozen(kw_only=True)
class Safety:
    """Safety information from the label, and the disclaimer.

    Attributes:
        heading: The section's heading.
        points: The safety points, one per topic.
        disclaimer: That this guide is general information, not medical advice.
    """

    heading: str
    points: tuple[SafetyPoint, ...]
    disclaimer: str


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
"""The type of any one section of the guide, as :meth:`Guide.section` returns it."""


@attrs.frozen(kw_only=True)
class Guide:
    """The whole patient guide, section by section, in the seed page's order.

    Get it with :func:`duloxinfo.content.load.guide`.  Every part is frozen; hold it
    as long as you like.

    Attributes:
        title: The guide's title.
        overview: What duloxetine is said to do, with evidence notes.
        benefits: The benefits claimed, with evidence notes.
        how_it_works: How it works, and when effects may start.
        dosage: The recommended dosage.
        considerations: Taking it: swallowing, missed doses, supply.
        side_effects: Possible side effects.
        consultation: Talking with a doctor.
        safety: The label's safety points, and the disclaimer.
        closing: The page's closing reminder.

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

    def section(self, name: str) -> Section:
        """The section called ``name``, one of :data:`SECTION_NAMES`.

        Raises:
            WrongTypeError: ``name`` is not a string.
            SectionError: ``name`` is not a section name.
        """
        if name not in SECTION_NAMES:
            if not isinstance(name, str):
                raise WrongTypeError(f"name: expected a section name, got {shown(name)}")
            raise SectionError(
                f"name: {brief(name)} is not a guide section; choose one of "
                + ", ".join(SECTION_NAMES)
            )
        section: Section = getattr(self, name)
        return section


SECTION_NAMES: Final = tuple(field.name for field in attrs.fields(Guide)[1:])
"""The names :meth:`Guide.section` accepts, in the guide's order (its fields after the title)."""
