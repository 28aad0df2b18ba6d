"""The interaction data's records: the medicines duloxinfo knows and the groups they fall in.

One data file (``interactions/_data/interactions.json``) holds them, loaded on first use
by :func:`~duloxinfo.interactions.load.interaction_data`.  It is the one source of truth
for both :func:`~duloxinfo.interactions.check.check_interactions` and the guide's
"other medicines" section, whose entries are made from the groups of kind
:attr:`FindingKind.INTERACTION`, in the same order.

A medicine belongs to a group in one of two ways: the group names it
(:attr:`Ingredient.groups`), or one of its ATC codes starts with one of the group's
ATC classes (:attr:`InteractionGroup.atc_classes`), so that every member of a listed
class is found without being named.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from .._names import public_dir
from ..content.model import Seriousness
from ..sources import Citation

__all__ = ["FindingKind", "Ingredient", "InteractionData", "InteractionGroup", "Risk"]
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
        groups: The ids of the groups that name it; it also belongs to every group
            one of whose ATC classes starts one of its codes.
    """

    name: str
    uk_name: str | None = None
    other_names: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    atc: tuple[str, ...] = ()
    rxcui: str | None = None
    groups: tuple[str, ...] = ()


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
        atc_classes: ATC classes (or whole codes) whose every medicine is a member.
        wait_after_other_stops: How long after stopping a medicine of the group
            duloxetine may be taken, where the sources set a wait; else None.
        wait_before_other_starts: How long after the last duloxetine dose a medicine
            of the group may be started, where the sources set a wait; else None.
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
    atc_classes: tuple[str, ...] = ()
    wait_after_other_stops: _dt.timedelta | None = None
    wait_before_other_starts: _dt.timedelta | None = None
    sources: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class InteractionData:
    """All of duloxinfo's interaction data: the groups, most serious first, and the medicines.

    Attributes:
        groups: Every group, interactions first, most serious first; then one group
            each for :attr:`FindingKind.NOT_FULLY_COVERED` texts, and exactly one
            each for :attr:`FindingKind.NOT_IN_LIST` and
            :attr:`FindingKind.NOTHING_FOUND`.
        ingredients: Every medicine duloxinfo knows, each name once.
    """

    groups: tuple[InteractionGroup, ...]
    ingredients: tuple[Ingredient, ...]
