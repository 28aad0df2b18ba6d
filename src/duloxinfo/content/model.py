"""The patient guide and the seed page's review, as frozen, slotted attrs records.

The guide is a patient leaflet written from the sources, section by section in the
order the best leaflets use: what duloxetine is and is approved for, the most
important warning, what it can do, how it works, before you take it, how to take it,
other medicines, side effects, pregnancy, driving, too much taken, storage, reporting,
talking with the prescriber, the words it explains and what the guide itself is.
Every statement carries its sources.  The page the project started from is not patient
text: it survives as :class:`SeedClaim` records, each with a verdict.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Final

import attrs

from .._names import public_dir
from .._validate import brief, shown
from ..errors import SectionError, WrongTypeError
from ..sources import Citation

__all__ = [
    "SECTION_NAMES",
    "About",
    "AboutThisGuide",
    "ApprovedUse",
    "DoseStep",
    "Frequency",
    "FrequencyBand",
    "Glossary",
    "Guide",
    "HowToTake",
    "MedicineEntry",
    "OtherMedicines",
    "Region",
    "SafetyWarning",
    "Section",
    "SeedClaim",
    "Seriousness",
    "SideEffect",
    "SideEffects",
    "Statement",
    "Term",
    "Topic",
    "Verdict",
]
__dir__ = public_dir(globals())


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


class Region(enum.Enum):
    """Where a regulator's decision holds; the values are stable identifiers."""

    US = "us"
    """The United States (FDA)."""
    EU = "eu"
    """The European Union (EMA)."""


class FrequencyBand(enum.Enum):
    """How often a side effect happens, in the EU package leaflet's bands.

    The values are stable identifiers.  :attr:`words` gives the band in plain words.
    """

    VERY_COMMON = "very-common"
    """More than 1 in 10 people."""
    COMMON = "common"
    """Up to 1 in 10 people."""
    UNCOMMON = "uncommon"
    """Up to 1 in 100 people."""
    RARE = "rare"
    """Up to 1 in 1,000 people."""
    VERY_RARE = "very-rare"
    """Up to 1 in 10,000 people."""
    NOT_KNOWN = "not-known"
    """How often cannot be told from the data."""

    @property
    def words(self) -> str:
        """The band in plain words, for example ``"up to 1 in 10 people"``."""
        return _BAND_WORDS[self]


_BAND_WORDS: Final = {
    FrequencyBand.VERY_COMMON: "more than 1 in 10 people",
    FrequencyBand.COMMON: "up to 1 in 10 people",
    FrequencyBand.UNCOMMON: "up to 1 in 100 people",
    FrequencyBand.RARE: "up to 1 in 1,000 people",
    FrequencyBand.VERY_RARE: "up to 1 in 10,000 people",
    FrequencyBand.NOT_KNOWN: "how often is not known",
}


class Seriousness(enum.Enum):
    """How serious taking another medicine with duloxetine is; the values are stable identifiers.

    Ordered from the most serious: compare with :attr:`rank`.
    """

    DO_NOT_COMBINE = "do-not-combine"
    """Never together (a contraindication), or only with a waiting time between them."""
    AVOID = "avoid"
    """Best not together; the prescriber decides whether the benefit is worth it."""
    CAUTION = "caution"
    """Can be taken together with care; tell the prescriber, and watch for the sign given."""

    @property
    def rank(self) -> int:
        """0 for the most serious, then 1 and 2."""
        return list(Seriousness).index(self)


@attrs.frozen(kw_only=True)
class Statement:
    """One statement of the guide: a paragraph or a list item, with its sources.

    Attributes:
        text: The statement, in plain words.
        sources: Where the sources say it (at least one).
    """

    text: str
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class SafetyWarning:
    """A warning, shown as an alert box; an urgent one needs medical help now.

    Attributes:
        title: A short title, for example ``"Signs of serotonin syndrome"``.
        text: What to look for and what to do.
        urgent: True when the action is to get medical help now (an emergency
            number or an emergency department); show it so that it cannot be missed.
        sources: Where the sources say it (at least one).
    """

    title: str
    text: str
    urgent: bool
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class Topic:
    """A section of the guide: its heading, warnings, paragraphs and points.

    Shown in that order: the heading, the warnings as alert boxes, the paragraphs,
    what a section adds (approved uses, doses, medicines, side effects), then the
    points as a list.  Any of the three may be empty.

    Attributes:
        heading: The section's heading.
        warnings: Its warnings, urgent ones first.
        paragraphs: Its paragraphs, in order.
        points: Its list items, in order.
    """

    heading: str
    warnings: tuple[SafetyWarning, ...] = ()
    paragraphs: tuple[Statement, ...] = ()
    points: tuple[Statement, ...] = ()


@attrs.frozen(kw_only=True)
class ApprovedUse:
    """A use a regulator has approved duloxetine for, in one region.

    Attributes:
        region: Where the approval holds.
        condition: The condition, in plain words (the medical name in brackets).
        who: Who it is approved for, for example ``"adults"``.
        sources: The label or leaflet that lists it (at least one).
    """

    region: Region
    condition: str
    who: str
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class About(Topic):
    """What duloxetine is, and what it is approved for in the US and the EU.

    The first paragraph says that muscle spasm is not an approved use.

    Attributes:
        heading: The section's heading.
        warnings: Its warnings, urgent ones first.
        paragraphs: Its paragraphs, in order.
        points: Its list items, in order.
        uses: The approved uses, US first, each for its own region.
    """

    uses: tuple[ApprovedUse, ...] = ()


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
class HowToTake(Topic):
    """How to take duloxetine, with the US label's plan for two pain uses as typed steps.

    The typed plan is the US label's for adults with fibromyalgia or chronic
    musculoskeletal pain only (nerve pain from diabetes starts at 60 mg; depression and
    anxiety have their own doses); its numbers and their sources are the label module's
    (:data:`duloxinfo.label.LABEL`), and :func:`~duloxinfo.content.checks.check_guide`
    holds them equal.

    Attributes:
        heading: The section's heading.
        warnings: Its warnings, urgent ones first.
        paragraphs: Its paragraphs, in order.
        points: Its list items, in order.
        starting: The starting step (30 mg once daily for one week, in the US label
            for chronic musculoskeletal pain and fibromyalgia).
        usual: The usual dose after it (60 mg once daily).
        maximum_daily_mg: The US label's most a day for those pain uses (60 mg).
        missed_dose_skip_hours: The NHS number for a once-daily dose: skip a missed
            dose when fewer than this many hours are left before the next one.
    """

    starting: DoseStep
    usual: DoseStep
    maximum_daily_mg: int
    missed_dose_skip_hours: int


@attrs.frozen(kw_only=True)
class MedicineEntry:
    """Another medicine, or group of medicines, that matters with duloxetine.

    Attributes:
        medicines: The medicine or group, in plain words.
        examples_us: Examples by their US generic names (may be empty).
        examples_uk: Examples by their UK generic names (may be empty).
        seriousness: How serious taking it with duloxetine is.
        risk: What can happen, in plain words.
        what_to_do: What to do about it.
        sources: Where the sources say so (at least one).
    """

    medicines: str
    examples_us: tuple[str, ...]
    examples_uk: tuple[str, ...]
    seriousness: Seriousness
    risk: str
    what_to_do: str
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class OtherMedicines(Topic):
    """Other medicines: what to tell the prescriber, and each group that matters.

    Attributes:
        heading: The section's heading.
        warnings: Its warnings, urgent ones first.
        paragraphs: Its paragraphs, in order.
        points: Its list items, in order.
        entries: One record per medicine or group, most serious first.
    """

    entries: tuple[MedicineEntry, ...] = ()


@attrs.frozen(kw_only=True)
class SideEffect:
    """One side effect, with how often it happens.

    Attributes:
        name: The side effect, in plain words (the medical word in brackets).
        band: How often it happens, in the EU leaflet's bands.
        sources: Where it is listed (at least one).
    """

    name: str
    band: FrequencyBand
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class SideEffects(Topic):
    """Side effects: the serious ones that need help now, then the common ones by band.

    Attributes:
        heading: The section's heading.
        warnings: Its warnings, urgent ones first.
        paragraphs: Its paragraphs, in order.
        points: Its list items, in order.
        effects: The side effects listed, most frequent band first.
    """

    effects: tuple[SideEffect, ...] = ()


@attrs.frozen(kw_only=True)
class Term:
    """A word the guide uses that a patient may not know.

    Attributes:
        term: The word, as the guide writes it on first use.
        meaning: What it means, in plain words.
    """

    term: str
    meaning: str


@attrs.frozen(kw_only=True)
class Glossary:
    """The words the guide explains; renderers link each one's first use here.

    Attributes:
        heading: The section's heading.
        terms: The words, in alphabetical order.
    """

    heading: str
    terms: tuple[Term, ...]


@attrs.frozen(kw_only=True)
class AboutThisGuide(Topic):
    """What the guide is: its sources, when it was last reviewed, and what it is not.

    Attributes:
        heading: The section's heading.
        warnings: Its warnings, urgent ones first.
        paragraphs: Its paragraphs, in order.
        points: Its list items, in order.
        reviewed_on: The date the guide was last checked against its sources.
        disclaimer: That the guide is general information, not medical advice.
    """

    reviewed_on: _dt.date
    disclaimer: str


Section = Topic | Glossary
"""The type of any one section of the guide, as :meth:`Guide.section` returns it.

Every section but the glossary is a :class:`Topic`; some add typed fields
(:class:`About`, :class:`HowToTake`, :class:`OtherMedicines`, :class:`SideEffects`,
:class:`AboutThisGuide`).
"""


@attrs.frozen(kw_only=True)
class Guide:
    """The whole patient guide, section by section, in the order a leaflet uses.

    Get it with :func:`duloxinfo.content.load.guide`.  Every part is frozen; hold it
    as long as you like.

    Attributes:
        title: The guide's title.
        about: What duloxetine is and what it is approved for; first, that muscle
            spasm is not an approved use.
        most_important: The most important warning (suicidal thoughts).
        what_it_can_do: What it can and cannot do.
        how_it_works: How it works, as far as is known, and how long it takes.
        before_you_take: Who must not take it, and what to tell the prescriber first.
        how_to_take: How to take it: the plan, swallowing, missed doses, stopping.
        other_medicines: Other medicines that matter with it.
        side_effects: Serious side effects that need help now, and common ones.
        pregnancy: Pregnancy, breastfeeding and fertility.
        driving_and_alcohol: Driving, machines and alcohol.
        too_much: If too much is taken.
        storage: Storing it, and what is in it.
        reporting: Reporting a side effect.
        talking_with_prescriber: What to ask and tell the prescriber.
        glossary: The words the guide explains.
        about_this_guide: Its sources, review date and disclaimer.

    >>> import duloxinfo
    >>> g = duloxinfo.guide()
    >>> g.how_to_take.starting.dose_mg, g.how_to_take.starting.frequency.value
    (30, 'once-daily')
    >>> g.section("how_to_take") is g.how_to_take
    True
    """

    title: str
    about: About
    most_important: Topic
    what_it_can_do: Topic
    how_it_works: Topic
    before_you_take: Topic
    how_to_take: HowToTake
    other_medicines: OtherMedicines
    side_effects: SideEffects
    pregnancy: Topic
    driving_and_alcohol: Topic
    too_much: Topic
    storage: Topic
    reporting: Topic
    talking_with_prescriber: Topic
    glossary: Glossary
    about_this_guide: AboutThisGuide

    def section(self, name: str) -> Section:
        """The section called ``name``, one of :data:`SECTION_NAMES`.

        Raises:
            WrongTypeError: ``name`` is not a string.
            SectionError: ``name`` is not a section name.
        """
        if name not in SECTION_NAMES:
            if not isinstance(name, str):
                raise WrongTypeError("name", f"expected a section name, got {shown(name)}")
            raise SectionError(
                "name",
                f"{brief(name)} is not a guide section; choose one of " + ", ".join(SECTION_NAMES),
            )
        section: Section = getattr(self, name)
        return section

    @property
    def urgent_warnings(self) -> tuple[SafetyWarning, ...]:
        """Every urgent warning of the guide, in the guide's order."""
        return tuple(
            warning
            for name in SECTION_NAMES
            if isinstance(topic := getattr(self, name), Topic)
            for warning in topic.warnings
            if warning.urgent
        )


SECTION_NAMES: Final = tuple(field.name for field in attrs.fields(Guide)[1:])
"""The names :meth:`Guide.section` accepts, in the guide's order (its fields after the title)."""


class Verdict(enum.Enum):
    """How the sources stand to a statement of the seed page; the values are stable identifiers."""

    SUPPORTED = "supported"
    """The sources say the same."""
    NOT_APPROVED_USE = "not-approved-use"
    """It presents duloxetine for a use no regulator has approved, such as muscle spasm."""
    NOT_SUPPORTED = "not-supported"
    """No source supports it (promotional claims and calls to action among them)."""
    LABEL_DIFFERS = "label-differs"
    """The label or leaflet says something different; they win."""
    INTERPRETATION = "interpretation"
    """Too vague to be right or wrong; the evidence says how this library reads it."""


@attrs.frozen(kw_only=True)
class SeedClaim:
    """One statement of the seed page, word for word, with the review's verdict.

    The seed page ("Duloxetine muscle spasm") is promotional; none of its
    statements is patient text.  See :func:`duloxinfo.content.load.seed_claims`.

    Attributes:
        where: Where on the page it stands: its heading, and its point's title if any.
        text: The statement, exactly as the page writes it.
        verdict: How the sources stand to it.
        evidence: Why, in plain words.
        sources: The sources that show the verdict (at least one).
    """

    where: str
    text: str
    verdict: Verdict
    evidence: str
    sources: tuple[Citation, ...]
