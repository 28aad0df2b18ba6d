"""The interaction data's records: the medicines duloxinfo knows and the groups they fall in.

One data file (``interactions/_data/interactions.json``) holds them, loaded on first use
by :func:`~duloxinfo.interactions.load.interaction_data`.  It is the one source of truth
for both :func:`~duloxinfo.interactions.check.check_interactions` and the guide's
"other medicines" section, whose entries are made from the groups of kind
:attr:`FindingKind.INTERACTION`, in the same order.

A medicine belongs to a group in one of three ways, each a :class:`Basis`: a source
the group cites names it (:attr:`Membership.named_as`); one of its ATC codes falls in
the ATC class of a class of medicines the sources name (:attr:`DrugClass.atc`), so that
every member of a listed class is found without being named; or duloxinfo puts it in
such a class from what is known of the medicine, not from its copies of the sources
(:attr:`Membership.drug_class`), which the finding marks.  A group may give way to
another (:attr:`InteractionGroup.superseded_by`): a medicine in both gets the other's
finding only.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from .._names import public_dir
from ..content.model import Seriousness
from ..sources import Citation

__all__ = [
    "Basis",
    "Combination",
    "DrugClass",
    "FindingKind",
    "Ingredient",
    "InteractionData",
    "InteractionGroup",
    "Membership",
    "Risk",
    "Watch",
]
__dir__ = public_dir(globals())


class FindingKind(enum.Enum):
    """What an interaction check found about one medicine; the values are stable identifiers.

    A later version may add members: handle a value you do not know as the most cautious.
    """

    INTERACTION = "interaction"
    """The sources name a problem with taking it with duloxetine."""
    NOT_FULLY_COVERED = "not-fully-covered"
    """The medicine is known, but duloxinfo's copies of the sources stop before the part
    that would cover it.  Ask a pharmacist."""
    NOT_IN_LIST = "not-in-list"
    """The name is not one duloxinfo knows.  Never read this as safe; ask a pharmacist."""
    NOTHING_FOUND = "nothing-found"
    """The medicine is known, and duloxinfo's sources name no problem with duloxetine."""


class Risk(enum.Enum):
    """What can go wrong, as a stable identifier an application can act on.

    A later version may add members (and groups, with new ids) as the data grows.
    """

    SEROTONIN_SYNDROME = "serotonin-syndrome"
    """Serotonin syndrome, a serious reaction to too much serotonin."""
    BLEEDING = "bleeding"
    """Bleeding more easily, in the stomach and elsewhere."""
    RAISED_DULOXETINE = "raised-duloxetine"
    """More duloxetine in the blood, because the other medicine slows its clearance."""
    RAISED_OTHER = "raised-other"
    """More of the other medicine in the blood, because duloxetine slows its clearance."""
    DROWSINESS = "drowsiness"
    """Feeling sleepy or dizzy."""
    TOO_MUCH_DULOXETINE = "too-much-duloxetine"
    """Taking duloxetine twice over, in two medicines."""
    LIVER_HARM = "liver-harm"
    """Harm to the liver."""
    LOW_SODIUM = "low-sodium"
    """Too little salt (sodium) in the blood."""
    HEART_RHYTHM = "heart-rhythm"
    """A serious problem with the heart's rhythm."""
    LOWERED_DULOXETINE = "lowered-duloxetine"
    """Less duloxetine in the blood."""
    LOW_BLOOD_PRESSURE = "low-blood-pressure"
    """Blood pressure falling on standing up, with dizziness, fainting and falls."""
    BRAIN_EFFECTS = "brain-effects"
    """More effects on the brain, as both act on it."""
    EARLIER_RELEASE = "earlier-release"
    """Duloxetine let out of its capsule's coating sooner than it should be."""


class Basis(enum.Enum):
    """How a medicine comes to be in a group; the values are stable identifiers."""

    NAMED = "named"
    """A source the group cites names the medicine itself."""
    CLASS = "class"
    """A source names a class of medicines, and the medicine's ATC code (WHO) puts it in
    that class."""
    KNOWLEDGE = "knowledge"
    """A source names a class of medicines; that the medicine is one of them is general
    medical knowledge, not something duloxinfo's copies of the sources say."""


@attrs.frozen(kw_only=True)
class DrugClass:
    """A class of medicines a source names (``"triptans"``), and how its members are found.

    Attributes:
        id: A short stable identifier, unique in the data (``"triptans"``).
        words: The class in the source's own words, as its sections write it.
        basis: :attr:`Basis.CLASS` when an ATC class is the class itself (every
            triptan is in ATC N02CC); :attr:`Basis.KNOWLEDGE` when the ATC classes only
            gather medicines known to be of the class, or when it has none.
        atc: The ATC classes (or whole codes) whose every medicine is a member.
        sources: The sections that name the class (each also one of its group's).
    """

    id: str
    words: str
    basis: Basis
    atc: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Membership:
    """One group an ingredient is put in by name, with why.

    Exactly one of ``named_as`` and ``drug_class`` is given.

    Attributes:
        group: The id of the group.
        named_as: The words the sources use for the medicine (``"St. John's Wort"``),
            when they name it; else None.
        drug_class: The id of the group's class the medicine belongs to by what is
            known of it (:attr:`Basis.KNOWLEDGE`), when the sources do not name it;
            else None.
        sources: The sections that name it, when they do (each also one of the
            group's).
    """

    group: str
    named_as: str | None = None
    drug_class: str | None = None
    sources: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Watch:
    """How long the sources say to watch for a risk after another medicine.

    The watch lasts ``for_at_most`` from the first dose of the other medicine, or
    until ``after_last_dose`` after its last dose, whichever comes first.

    Attributes:
        risk: What to watch for.
        for_at_most: The longest watch, from the other medicine's first dose.
        after_last_dose: The watch ends this long after its last dose, if that is sooner.
    """

    risk: Risk
    for_at_most: _dt.timedelta
    after_last_dose: _dt.timedelta


@attrs.frozen(kw_only=True)
class Ingredient:
    """A medicine duloxinfo knows: its names and codes, and the groups it is named in.

    Attributes:
        name: The generic name in the US (``"meperidine"``), lower case but for
            names of herbs.
        uk_name: The UK generic name where it differs (``"pethidine"``), else None.
        other_names: Other names people write for it (``"acetylsalicylic acid"``).
        brands: Brand names, as the maker writes them (``"Advil"``).
        atc: Its ATC codes (WHO), at least one for a medicine; empty for alcohol.
        rxcui: Its RxNorm ingredient code, where duloxinfo could verify it, else None.
        memberships: The groups it is put in by name: named by a source, or known to
            be of a class the sources name.  It also belongs to every group one of
            whose classes' ATC classes starts one of its codes.
    """

    name: str
    uk_name: str | None = None
    other_names: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    atc: tuple[str, ...] = ()
    rxcui: str | None = None
    memberships: tuple[Membership, ...] = ()

    @property
    def groups(self) -> tuple[str, ...]:
        """The ids of the groups it is put in by name (:attr:`memberships`)."""
        return tuple(m.group for m in self.memberships)


@attrs.frozen(kw_only=True)
class Combination:
    """A product of several ingredients under one name: ``co-codamol`` is codeine and paracetamol.

    A check of it gives the findings of each ingredient.

    Attributes:
        name: Its generic name (``"co-codamol"``, ``"tramadol and acetaminophen"``).
        other_names: Other names people write for it.
        brands: Its brand names.
        atc: Its ATC codes (WHO) as a combination, where it has one.
        ingredients: The US generic names of its ingredients, each an :class:`Ingredient`.
    """

    name: str
    other_names: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    atc: tuple[str, ...] = ()
    ingredients: tuple[str, ...]


@attrs.frozen(kw_only=True)
class InteractionGroup:
    """A group of medicines that matter with duloxetine in the same way, with what to do.

    Attributes:
        id: A short stable identifier (``"maoi"``).
        kind: :attr:`FindingKind.INTERACTION`, or one of the other kinds for the
            texts a check gives when it cannot name an interaction.
        seriousness: How serious taking them together is (None but for interactions).
        medicines: The group, in plain words.
        examples_us: Examples by their US generic names (each an :class:`Ingredient`).
        examples_uk: Examples by their UK generic names.
        risks: What can go wrong, as identifiers.
        risk: What can go wrong, in plain words.
        what_to_do: What to do about it, in plain words.
        classes: The classes of medicines the sources name for it, each with the ATC
            classes whose every medicine is a member.
        superseded_by: The ids of groups that take its place: a medicine also in one
            of them gets no finding of this group.
        wait_after_other_stops: How long after stopping a medicine of the group
            duloxetine may be taken, where the sources set a wait; else None.
        wait_before_other_starts: How long after the last duloxetine dose a medicine
            of the group may be started, where the sources set a wait; else None.
        watch: How long to watch for a risk after a medicine of the group, where the
            sources set a watch; else None.
        sources: Where the sources say so (at least one).
    """

    id: str
    kind: FindingKind
    seriousness: Seriousness | None
    medicines: str
    examples_us: tuple[str, ...] = ()
    examples_uk: tuple[str, ...] = ()
    risks: tuple[Risk, ...] = ()
    risk: str
    what_to_do: str
    classes: tuple[DrugClass, ...] = ()
    superseded_by: tuple[str, ...] = ()
    wait_after_other_stops: _dt.timedelta | None = None
    wait_before_other_starts: _dt.timedelta | None = None
    watch: Watch | None = None
    sources: tuple[Citation, ...] = ()

    @property
    def atc_classes(self) -> tuple[str, ...]:
        """The ATC classes of all its classes, in order; every medicine in one is a member."""
        return tuple(code for drug_class in self.classes for code in drug_class.atc)


@attrs.frozen(kw_only=True)
class InteractionData:
    """All of duloxinfo's interaction data: the groups, most serious first, and the medicines.

    Attributes:
        groups: Every group, interactions first, most serious first; then one group
            each for :attr:`FindingKind.NOT_FULLY_COVERED` texts, and exactly one
            each for :attr:`FindingKind.NOT_IN_LIST` and
            :attr:`FindingKind.NOTHING_FOUND`.
        ingredients: Every medicine duloxinfo knows, each name once.
        combinations: Every product of several ingredients it knows by one name.
    """

    groups: tuple[InteractionGroup, ...]
    ingredients: tuple[Ingredient, ...]
    combinations: tuple[Combination, ...] = ()
