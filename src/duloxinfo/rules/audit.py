"""What counts as a double dose, and :func:`audit`, which finds every one in a history."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from itertools import pairwise

import attrs

from .._words import clock, day, duration
from ._inputs import as_history, require_regimen
from ._slots import owner_index, slots_spanning
from .intakes import Intake, IntakeHistory
from .regimen import Regimen

__all__ = ["DoubleDose", "DoubleDoseKind", "audit"]


class DoubleDoseKind(enum.Enum):
    """The three definitions of a double dose; the values are stable identifiers."""

    OVERSIZED_INTAKE = "oversized-intake"
    """(a) One intake of more than one regimen dose."""
    SAME_SLOT = "same-slot"
    """(b) Two or more intakes that belong to the same slot."""
    TOO_CLOSE = "too-close"
    """(c) Two intakes that belong to different slots but stand closer together than half
    the interval between those two slots."""


@attrs.frozen(kw_only=True)
class DoubleDose:
    """One double dose that :func:`audit` found.

    Attributes:
        kind: Which definition it breaks.
        intakes: The intakes involved, in time order.
        slots: The scheduled doses those intakes belong to (aware, in the regimen's
            zone): one for (a) and (b), two for (c).
        explanation: One plain sentence an application can show.
    """

    kind: DoubleDoseKind
    intakes: tuple[Intake, ...]
    slots: tuple[_dt.datetime, ...]
    explanation: str


def audit(regimen: Regimen, intakes: IntakeHistory | Iterable[Intake]) -> tuple[DoubleDose, ...]:
    """Find every double dose in a history.

    A double dose is (a) one intake of more than one regimen dose, (b) two
    intakes that belong to the same slot, or (c) two intakes that belong to
    different slots but stand closer together than half the interval between
    those two slots.  Intakes belong to the nearest slot of the schedule (see the
    attribution rule in the docs), before the regimen's start too.

    Under that attribution, (c) can only join intakes of adjacent slots, so the
    audit looks at neighbouring slots only: its work grows linearly with the number
    of intakes and the span of time they cover.

    Findings come in time order of their first intake; for each slot, a (b)
    finding names all of the slot's intakes at once, and for each pair of adjacent
    slots, a (c) finding names the closest pair across them (the last intake of the
    earlier slot and the first of the later); any further pair is farther apart and
    already part of a (b) finding.

    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.rules.regimen.Regimen`,
            or ``intakes`` is not an iterable of :class:`~duloxinfo.rules.intakes.Intake`.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, Intake, audit
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> day = lambda d, h: dt.datetime(2026, 1, d, h, tzinfo=dt.UTC)
    >>> [f.kind.value for f in audit(r, [Intake(day(5, 8), 60), Intake(day(5, 19), 60)])]
    ['same-slot']
    >>> [f.kind.value for f in audit(r, [Intake(day(5, 19), 60), Intake(day(5, 21), 60)])]
    ['too-close']
    >>> audit(r, [Intake(day(5, 8), 60), Intake(day(6, 8), 60)])
    ()
    """
    regimen = require_regimen(regimen)
    history = as_history(intakes)
    instants = history.instants
    if not instants:
        return ()
    slots = slots_spanning(regimen, instants[0], instants[-1])
    owners = [owner_index(slots, x) for x in instants]
    groups: list[tuple[int, list[int]]] = []  # (slot index, intake positions), in time order
    for position, owner in enumerate(owners):
        if groups and groups[-1][0] == owner:
            groups[-1][1].append(position)
        else:
            groups.append((owner, [position]))
    found = _Found(regimen, history.intakes, instants, slots)
    for position, owner in enumerate(owners):
        found.oversized(position, owner)
    for owner, positions in groups:
        found.same_slot(owner, positions)
    for a, b in pairwise(groups):
        found.too_close(a, b)
    found.items.sort(key=lambda f: (f[0], f[1]))
    return tuple(f[2] for f in found.items)


@attrs.define
class _Found:
    """The findings of one audit, collected by definition."""

    regimen: Regimen
    intakes: tuple[Intake, ...]
    instants: tuple[_dt.datetime, ...]
    slots: list[_dt.datetime]
    items: list[tuple[_dt.datetime, int, DoubleDose]] = attrs.field(factory=list)

    def _slot(self, index: int) -> _dt.datetime:
        return self.slots[index].astimezone(self.regimen.tz)

    def oversized(self, position: int, owner: int) -> None:
        """(a): one intake of more than one regimen dose."""
        intake = self.intakes[position]
        if intake.dose_mg > self.regimen.dose_mg:
            finding = DoubleDose(
                kind=DoubleDoseKind.OVERSIZED_INTAKE,
                intakes=(intake,),
                slots=(self._slot(owner),),
                explanation=(
                    f"{intake.dose_mg} mg was taken at once, more than one "
                    f"{self.regimen.dose_mg} mg dose."
                ),
            )
            self.items.append((self.instants[position], 0, finding))

    def same_slot(self, owner: int, positions: list[int]) -> None:
        """(b): two or more intakes that belong to one slot."""
        if len(positions) > 1:
            slot = self._slot(owner)
            finding = DoubleDose(
                kind=DoubleDoseKind.SAME_SLOT,
                intakes=tuple(self.intakes[p] for p in positions),
                slots=(slot,),
                explanation=(
                    f"{len(positions)} doses belong to the {clock(slot)} dose of "
                    f"{day(slot)}; only one may be taken."
                ),
            )
            self.items.append((self.instants[positions[0]], 1, finding))

    def too_close(self, a: tuple[int, list[int]], b: tuple[int, list[int]]) -> None:
        """(c): intakes of adjacent slots closer than half the interval between the slots.

        Only the closest pair across the two slots is reported: the last intake of
        the earlier slot and the first of the later.  Every other pair across them
        is farther apart, and a slot with more than one intake is a (b) finding
        already, so nothing goes unreported and the findings stay linear in number.
        """
        (a_slot, a_positions), (b_slot, b_positions) = a, b
        if b_slot != a_slot + 1:
            return
        interval = self.slots[b_slot] - self.slots[a_slot]
        i, j = a_positions[-1], b_positions[0]
        gap = self.instants[j] - self.instants[i]
        if 2 * gap < interval:
            finding = DoubleDose(
                kind=DoubleDoseKind.TOO_CLOSE,
                intakes=(self.intakes[i], self.intakes[j]),
                slots=(self._slot(a_slot), self._slot(b_slot)),
                explanation=(
                    f"Two doses were taken {duration(gap)} apart, less than half "
                    f"the {duration(interval)} between their scheduled times."
                ),
            )
            self.items.append((self.instants[i], 2, finding))
