"""Other medicines with duloxetine: an offline check of a person's medicine list.

:func:`check_interactions` looks each medicine up in duloxinfo's interaction data
(:mod:`duloxinfo.interactions.medicines`), by its generic name (US or UK), a brand name,
its ATC code or its RxNorm ingredient code, as people and systems write them (with a
strength, form and pack after the name, or a product's medicines joined by "and"), and
returns one :class:`InteractionFinding` per medicine, ingredient and group, most
serious first.  A name it does not know is a finding too, never silence: unknown is
never "safe", and a close known name is only a suggestion.

The answer is a pure function of what it is given: each medicine is judged on its
own, so adding a medicine to the list never changes what is said about the others,
and the order of the list does not change the answer.

Not medical advice: the findings tell a person what to ask their prescriber or
pharmacist, and never to start, stop or change a medicine by themselves.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Final

import attrs

from .._names import public_dir
from .._validate import (
    brief,
    checked,
    require_aware,
    require_items,
    require_type,
    shown,
    utc,
)
from .._wording import en
from ..content.model import Seriousness
from ..errors import InvalidDatetimeError, MedicineError
from ..reasons import InteractionTiming, OtherStarts, OtherStopped, OtherStops
from ..sources import Citation
from . import _index
from ._matching import Index, Match, Member
from .medicines import Basis, FindingKind, InteractionGroup, Risk, Watch

__all__ = [
    "MAX_MEDICINES",
    "InteractionFinding",
    "Medicine",
    "WaitAfter",
    "WatchWindow",
    "Window",
    "check_interactions",
]
__dir__ = public_dir(globals())

MAX_MEDICINES: Final = 1000
"""The most medicines :func:`check_interactions` checks at once."""

_LONGEST_NAME: Final = 200


def _check_name(value: object, field: str) -> None:
    name = require_type(value, str, field, "a medicine's name (a str)")
    if not name.strip() or len(name) > _LONGEST_NAME:
        raise MedicineError(
            field, f"{brief(name)} is not a medicine's name of 1 to {_LONGEST_NAME} characters"
        )


def _to_stopped_at(value: _dt.datetime | None) -> _dt.datetime | None:
    return _instant(value, "stopped_at")


def _to_starts_at(value: _dt.datetime | None) -> _dt.datetime | None:
    return _instant(value, "starts_at")


def _instant(value: object, field: str) -> _dt.datetime | None:
    if value is None:
        return None
    instant = require_aware(value, field)
    # The check writes times in the zone they were given in; a tzinfo of one's own may
    # give an offset but not convert to its zone (no dst(), for one): refuse it here.
    try:
        utc(instant).astimezone(instant.tzinfo)
    except (ValueError, TypeError, ArithmeticError, NotImplementedError) as error:
        raise InvalidDatetimeError(
            field, f"its tzinfo {shown(instant.tzinfo)} cannot convert instants ({brief(error)})"
        ) from None
    return instant


@attrs.frozen
class Medicine:
    """A medicine a person takes, has stopped, or is about to start.

    The times are keyword-only: ``Medicine("linezolid", starts_at=...)``.

    >>> import datetime as dt
    >>> from duloxinfo import Medicine
    >>> stopped = Medicine("phenelzine", stopped_at=dt.datetime(2026, 11, 15, 9, tzinfo=dt.UTC))
    >>> stopped.name, stopped.starts_at
    ('phenelzine', None)

    Attributes:
        name: The medicine as given: a generic name, a brand name, an ATC code
            (``"N02AX02"``) or an RxNorm ingredient code (``"10689"``).
        stopped_at: When it was stopped (an aware datetime), if it was.
        starts_at: When it starts or started (an aware datetime), if that is known.

    Raises:
        WrongTypeError: a field is not of its type.
        MedicineError: the name is blank or longer than 200 characters, or the
            medicine starts after it stopped.
        InvalidDatetimeError: a time has no time zone, is outside the supported years, or
            has a tzinfo that cannot convert instants to its zone.
    """

    name: str = attrs.field(validator=checked(_check_name))
    stopped_at: _dt.datetime | None = attrs.field(
        default=None, kw_only=True, converter=_to_stopped_at
    )
    starts_at: _dt.datetime | None = attrs.field(
        default=None, kw_only=True, converter=_to_starts_at
    )

    def __attrs_post_init__(self) -> None:
        """Refuse a medicine that starts after it stopped."""
        if (
            self.stopped_at is not None
            and self.starts_at is not None
            and utc(self.starts_at) > utc(self.stopped_at)
        ):
            raise MedicineError(
                "starts_at",
                f"{self.starts_at.isoformat()} is after stopped_at {self.stopped_at.isoformat()}",
            )


class WaitAfter(enum.Enum):
    """Which medicine a waiting time starts from; the values are stable identifiers."""

    OTHER_STOPPED = "other-stopped"
    """Duloxetine may be taken once the wait has passed since the other medicine stopped."""
    DULOXETINE_STOPPED = "duloxetine-stopped"
    """The other medicine may start once the wait has passed since the last duloxetine dose."""


@attrs.frozen(kw_only=True)
class Window:
    """A waiting time the sources set between duloxetine and another medicine.

    Attributes:
        after: Which medicine must be stopped first.
        wait: At least this much real elapsed time.
        boundary: Where the medicine's times give it: for
            :attr:`WaitAfter.OTHER_STOPPED`, the stop plus the wait, the first moment
            duloxetine may be taken; for :attr:`WaitAfter.DULOXETINE_STOPPED`, the
            start minus the wait, the last moment a duloxetine dose may be taken.
            None when the medicine has no time.
    """

    after: WaitAfter
    wait: _dt.timedelta
    boundary: _dt.datetime | None = None


@attrs.frozen(kw_only=True)
class WatchWindow:
    """How long the sources say to watch for a risk after another medicine.

    The watch lasts ``for_at_most`` from the other medicine's first dose, or until
    ``after_last_dose`` after its last dose, whichever comes first.

    Attributes:
        risk: What to watch for.
        for_at_most: The longest watch, from the other medicine's first dose.
        after_last_dose: The watch ends this long after its last dose, if that is sooner.
        ends_by: The latest the watch can end, from the times the medicine gives: the
            earlier of its start plus ``for_at_most`` and its stop plus
            ``after_last_dose``, of those known; None when it gives neither.
    """

    risk: Risk
    for_at_most: _dt.timedelta
    after_last_dose: _dt.timedelta
    ends_by: _dt.datetime | None = None


@attrs.frozen(kw_only=True)
class InteractionFinding:
    """What :func:`check_interactions` found about one medicine and one group.

    Apps act on ``kind``, ``seriousness``, ``risks`` and ``windows``; the texts are
    for people, in plain words.

    Attributes:
        medicine: The medicine as given (a name given as a ``str`` becomes a
            :class:`Medicine` without times).
        kind: What was found: an interaction, a medicine not fully covered, a name
            not in the list, or nothing to report.
        seriousness: How serious, for an interaction; None for the other kinds.
        ingredient: The ingredient the name matched (its US generic name), or None
            when nothing or only an ATC class matched.
        atc_code: The ATC code matched (the one given, or the ingredient's first),
            or None.
        group: The id of the group, for example ``"maoi"``.
        group_name: The group in plain words.
        atc_class: The ATC class that made the medicine a member of the group, or
            None when the group names the medicine.
        basis: How the medicine comes to be in the group: named by a source, in a
            class a source names by its ATC code, or in such a class by what is known
            of it (not by duloxinfo's copies); None when no group holds it.
        drug_class: The class the sources name that puts it in the group, in their
            words (``"triptans"``); None when they name the medicine itself.
        risks: What can go wrong, as identifiers (empty when nothing is known).
        risk: What can go wrong, in plain words.
        what_to_do: What to do, in plain words.
        windows: The waiting times that apply, with their boundaries where the
            medicine's times give them; empty for most groups.
        watch: How long to watch for a risk after the medicine, where the sources set
            a watch; else None.
        timing: What the medicine's times mean here, in plain words, or None.
        note: More about this finding, in plain words: the names the given name is
            close to, or that the medicine is in its class by what is known of it; or
            None.
        suggestions: Known names close to a name not in the list, closest first, for
            the person to check; never matched for them.  Empty for other findings.
        unread: For a product whose name duloxinfo read only in part ("Tylenol with
            Codiene"), the parts it could not read, as written: its "not in the list"
            finding names them.  Empty for other findings.
        sources: Where the sources say so.
        because: The facts ``timing`` is written from, or None when it is None.
    """

    medicine: Medicine
    kind: FindingKind
    seriousness: Seriousness | None
    ingredient: str | None
    atc_code: str | None
    group: str
    group_name: str
    atc_class: str | None
    basis: Basis | None
    drug_class: str | None
    risks: tuple[Risk, ...]
    risk: str
    what_to_do: str
    windows: tuple[Window, ...]
    watch: WatchWindow | None
    timing: str | None
    note: str | None
    suggestions: tuple[str, ...]
    unread: tuple[str, ...] = ()
    sources: tuple[Citation, ...]
    because: InteractionTiming | None = attrs.field(default=None, metadata={"json": False})

    @property
    def rank(self) -> int:
        """0 for the most serious finding, up to 5 for nothing to report.

        Do not combine (0) and avoid (1) come first; then a name not in the list (2)
        and a medicine not fully covered (3), which could be anything; then caution
        (4) and nothing to report (5).
        """
        if self.seriousness is not None:
            return _RANKS[self.seriousness]
        return _RANKS[self.kind]


_RANKS: Final[dict[object, int]] = {
    Seriousness.DO_NOT_COMBINE: 0,
    Seriousness.AVOID: 1,
    FindingKind.NOT_IN_LIST: 2,
    FindingKind.NOT_FULLY_COVERED: 3,
    Seriousness.CAUTION: 4,
    FindingKind.NOTHING_FOUND: 5,
}


_WAIT_KINDS: Final = (WaitAfter.OTHER_STOPPED, WaitAfter.DULOXETINE_STOPPED)

# The waits of a medicine taken now, by the group's waits: the same for every call, so
# made once (a handful of entries: one per distinct pair of waits in the data).
_CURRENT_WINDOWS: dict[tuple[_dt.timedelta | None, _dt.timedelta | None], tuple[Window, ...]] = {}


def _current_windows(group: InteractionGroup) -> tuple[Window, ...]:
    """Both waits of ``group``, without boundaries: for a medicine taken now."""
    waits = (group.wait_after_other_stops, group.wait_before_other_starts)
    windows = _CURRENT_WINDOWS.get(waits)
    if windows is None:
        windows = _CURRENT_WINDOWS[waits] = tuple(
            Window(after=kind, wait=wait)
            for kind, wait in zip(_WAIT_KINDS, waits, strict=True)
            if wait is not None
        )
    return windows


_Timed = tuple[Seriousness | None, tuple[Window, ...], InteractionTiming | None]


def _timing(group: InteractionGroup, medicine: Medicine, now: _dt.datetime) -> _Timed:
    """The seriousness, windows and timing facts of ``group`` for ``medicine`` at ``now``."""
    after, before = group.wait_after_other_stops, group.wait_before_other_starts
    stopped, starts = medicine.stopped_at, medicine.starts_at
    if stopped is not None and utc(stopped) > utc(now) and after is not None:
        return _stopping(group, stopped, after)
    if starts is not None and utc(starts) > utc(now):
        return _starting(group, starts, now, before)
    if stopped is not None and utc(stopped) <= utc(now):
        return _stopped(group, stopped, now, after)
    return group.seriousness, _current_windows(group), None


def _moved(instant: _dt.datetime, span: _dt.timedelta) -> _dt.datetime:
    """``instant`` plus ``span`` of real elapsed time, in the zone ``instant`` was given in."""
    return (utc(instant) + span).astimezone(instant.tzinfo)


def _stopping(group: InteractionGroup, stopped: _dt.datetime, after: _dt.timedelta) -> _Timed:
    """A medicine with a wait, taken now and due to stop: the wait is dated already."""
    boundary = _moved(stopped, after)
    windows = tuple(
        attrs.evolve(window, boundary=boundary)
        if window.after is WaitAfter.OTHER_STOPPED
        else window
        for window in _current_windows(group)
    )
    facts = InteractionTiming(event=OtherStops(stops=stopped, wait=after, until=boundary))
    return group.seriousness, windows, facts


def _stopped(
    group: InteractionGroup,
    stopped: _dt.datetime,
    now: _dt.datetime,
    after: _dt.timedelta | None,
) -> _Timed:
    if after is None:
        facts = OtherStopped(stopped=stopped, wait=None, until=None, over=True)
        return group.seriousness, (), InteractionTiming(event=facts)
    boundary = _moved(stopped, after)
    window = (Window(after=WaitAfter.OTHER_STOPPED, wait=after, boundary=boundary),)
    over = utc(now) >= utc(boundary)
    facts = OtherStopped(stopped=stopped, wait=after, until=boundary, over=over)
    seriousness = Seriousness.CAUTION if over else group.seriousness
    return seriousness, window, InteractionTiming(event=facts)


def _starting(
    group: InteractionGroup,
    starts: _dt.datetime,
    now: _dt.datetime,
    before: _dt.timedelta | None,
) -> _Timed:
    if before is None:
        facts = OtherStarts(starts=starts, wait=None, last_dose_by=None, passed=False)
        return group.seriousness, (), InteractionTiming(event=facts)
    boundary = _moved(starts, -before)
    window = (Window(after=WaitAfter.DULOXETINE_STOPPED, wait=before, boundary=boundary),)
    passed = utc(now) > utc(boundary)
    facts = OtherStarts(starts=starts, wait=before, last_dose_by=boundary, passed=passed)
    return group.seriousness, window, InteractionTiming(event=facts)


# The words that mark a class known from what is known of a medicine, by the class: the
# same for every call, so written once (one entry per class of the data).
_KNOWN_NOTES: dict[str, str] = {}


def _known_note(drug_class: str | None) -> str | None:
    """The note on a medicine in a class by what is known of it, not by a source."""
    if drug_class is None:  # pragma: no cover - a known membership always has its class
        return None
    note = _KNOWN_NOTES.get(drug_class)
    if note is None:
        note = _KNOWN_NOTES[drug_class] = en.known_member(drug_class)
    return note


def _watch(watch: Watch, medicine: Medicine) -> WatchWindow:
    """The group's watch, ending by the earliest end the medicine's times give."""
    ends = []
    if medicine.starts_at is not None:
        ends.append(_moved(medicine.starts_at, watch.for_at_most))
    if medicine.stopped_at is not None:
        ends.append(_moved(medicine.stopped_at, watch.after_last_dose))
    return WatchWindow(
        risk=watch.risk,
        for_at_most=watch.for_at_most,
        after_last_dose=watch.after_last_dose,
        ends_by=min(ends, key=utc) if ends else None,
    )


def _finding(
    medicine: Medicine,
    now: _dt.datetime | None,
    group: InteractionGroup,
    member: Member | None,
    names: tuple[str | None, str | None],
) -> InteractionFinding:
    """What ``group`` says of ``medicine`` (its ingredient and ATC code in ``names``) at ``now``."""
    if now is None or (medicine.stopped_at is None and medicine.starts_at is None):
        seriousness, windows, facts = group.seriousness, _current_windows(group), None
        watch = None if group.watch is None else _watch(group.watch, medicine)
    else:
        seriousness, windows, facts = _timing(group, medicine, now)
        watch = None if group.watch is None else _watch(group.watch, medicine)
        ends = None if watch is None else watch.ends_by
        if facts is not None and ends is not None and utc(ends) > utc(now):
            facts = attrs.evolve(facts, watch_until=ends)
    basis: Basis | None = None
    drug_class: str | None = None
    atc_class: str | None = None
    if member is not None:
        basis, drug_class, atc_class = member.basis, member.drug_class, member.atc_class
    return InteractionFinding(
        medicine=medicine,
        kind=group.kind,
        seriousness=seriousness,
        ingredient=names[0],
        atc_code=names[1],
        group=group.id,
        group_name=group.medicines,
        atc_class=atc_class,
        basis=basis,
        drug_class=drug_class,
        risks=group.risks,
        risk=group.risk,
        what_to_do=group.what_to_do,
        windows=windows,
        watch=watch,
        timing=None if facts is None else en.interaction_timing(facts),
        note=_known_note(drug_class) if basis is Basis.KNOWLEDGE else None,
        suggestions=(),
        sources=group.sources,
        because=facts,
    )


def _findings(
    medicine: Medicine, match: Match, index: Index, now: _dt.datetime | None
) -> list[InteractionFinding]:
    found = []
    unknown = match.unknown or not match.parts
    for part in match.parts:
        names = (None if part.ingredient is None else part.ingredient.name, part.atc_code)
        if part.ingredient is None:
            # Only the ATC class is known: the medicine itself may matter in other ways too
            # (a combination, or a member the sources single out), so it is not in the list.
            unknown = True
        # A product read only in part has not "nothing to report": what is unread may.
        if not part.members and part.ingredient is not None and not match.unread:
            found.append(_finding(medicine, now, index.nothing_found, None, names))
        found.extend(_finding(medicine, now, m.group, m, names) for m in part.members)
    if unknown:
        # The ATC code of a name known only by its class; never a product's read part's.
        only = match.parts[0] if len(match.parts) == 1 else None
        code = only.atc_code if only is not None and only.ingredient is None else None
        not_in_list = _finding(medicine, now, index.not_in_list, None, (None, code))
        if match.suggestions or match.unread:
            not_in_list = attrs.evolve(
                not_in_list,
                suggestions=match.suggestions,
                unread=match.unread,
                note=en.not_read(match.unread, match.suggestions),
            )
        found.append(not_in_list)
    return found


def _order(finding: InteractionFinding, places: dict[str, int]) -> tuple[object, ...]:
    """Most serious first; then by medicine; then each group in the data's order."""
    medicine = finding.medicine
    return (
        finding.rank,
        medicine.name.casefold(),
        medicine.name,
        "" if medicine.stopped_at is None else utc(medicine.stopped_at).isoformat(),
        "" if medicine.starts_at is None else utc(medicine.starts_at).isoformat(),
        places[finding.group],
        finding.ingredient or "",
        # Equal instants given in different zones: their texts differ, so order them too.
        finding.timing or "",
    )


def _medicine(item: object, field: str) -> Medicine:
    if isinstance(item, Medicine):
        return item
    name = require_type(item, str, field, "a medicine's name or a Medicine")
    _check_name(name, field)
    return Medicine(name)


def check_interactions(
    medicines: Iterable[str | Medicine], now: _dt.datetime | None = None
) -> tuple[InteractionFinding, ...]:
    """Check a medicine list against duloxetine: findings, most serious first.

    Each medicine gives one finding for each group it belongs to: by its name in
    US or UK spelling, a brand name, its ATC code, or its RxNorm ingredient code
    (where duloxinfo has one).  A strength, a form and a pack written after the name
    are read off it ("Ibuprofen 400 mg tablets", "ZOLOFT 50 MG ORAL TABLET"), and a
    product of several medicines gives the findings of each ("Co-codamol 30/500" is
    codeine and paracetamol; so is "codeine and paracetamol").  A medicine with
    nothing to report gives one finding that says so, and a name duloxinfo does not
    know gives one that says it is not in the list: ask a pharmacist.  A name close
    to a known one is still not in the list; its finding suggests the known names
    (:attr:`InteractionFinding.suggestions`) for the person to check.  Findings are
    ordered by :attr:`InteractionFinding.rank`, then by name, then for one medicine by
    group in the data's order (serotonin syndrome before sleepiness), so the order of
    the list does not matter.  A product read only in part ("Tylenol with Codiene")
    gives the findings of the parts read and a "not in the list" one naming the rest
    (:attr:`InteractionFinding.unread`), never "nothing to report".  An ATC code
    duloxinfo knows only by its class gives the class's findings and a "not in the
    list" one.  Do not list the person's own duloxetine:
    every duloxetine medicine in the list is reported as a second one.

    A medicine stopped at a time, or due to start, is judged at ``now``: an MAOI
    stopped less than 14 days ago is still "do not combine", linezolid stopped less
    than 24 hours ago too, and an MAOI due to start gives the last moment for a
    duloxetine dose.  Intervals are real elapsed time.

    Args:
        medicines: Names (``str``) or :class:`Medicine` records, in any order.
        now: The current instant (an aware datetime); needed when any medicine
            has a time.

    Raises:
        WrongTypeError: ``medicines`` is a string or not iterable, an item is not a
            ``str`` or a :class:`Medicine`, or ``now`` is not an aware datetime.
        MedicineError: a name is blank or too long, the list has more than
            :data:`MAX_MEDICINES` items, or a medicine has a time and ``now`` is None.
        InvalidDatetimeError: ``now`` has no time zone or is outside the supported years.
        ContentError: the packaged data file is broken (a packaging fault).

    >>> import duloxinfo
    >>> [(f.ingredient, f.group, f.seriousness.value)
    ...  for f in duloxinfo.check_interactions(["Advil 200 mg tablets", "St John's Wort"])]
    [('ibuprofen', 'bleeding', 'caution'), ("St John's wort", 'serotonergic', 'caution')]
    >>> unknown = duloxinfo.check_interactions(["ibuprofin"])[0]
    >>> unknown.kind, unknown.suggestions
    (<FindingKind.NOT_IN_LIST: 'not-in-list'>, ('ibuprofen',))
    """
    items = require_items(
        medicines, "medicines", "an iterable of medicine names or Medicine", MAX_MEDICINES
    )
    if len(items) > MAX_MEDICINES:
        raise MedicineError("medicines", f"more than {MAX_MEDICINES} medicines; give at most that")
    given = [_medicine(item, f"medicines[{number}]") for number, item in enumerate(items)]
    if now is not None:
        now = require_aware(now, "now")
    else:
        timed = next(
            (n for n, m in enumerate(given) if m.stopped_at is not None or m.starts_at is not None),
            None,
        )
        if timed is not None:
            raise MedicineError(
                "now", f"needed, because medicines[{timed}] ({brief(given[timed].name)}) has a time"
            )
    index = _index.loaded()[1]
    found = [
        finding
        for medicine in given
        for finding in _findings(medicine, index.find(medicine.name), index, now)
    ]
    return tuple(sorted(found, key=lambda finding: _order(finding, index.places)))
