"""A plan's scheduled doses as one timeline, and which intake belongs to which of them.

Private module, shared by every rule that takes a plan.  Definitions (also in the
rules page of the docs):

* **Slot.** Each phase's times on each local date in its zone (resolved as
  :mod:`zoneinfo` resolves a wall time with ``fold=0``) from the phase's start,
  before its end.  The slots of all phases, in time order, are the plan's.
* **Windows.**  The slots' windows tile time: each instant belongs to at most one
  slot, and two slots in a row share the instant where one window ends and the next
  begins, their midpoint, when no pause lies between them (the same phase, or phases
  that follow each other with no gap).  Across a pause, and before the plan's first
  slot and after its last, a slot's window reaches to the midpoint with the slot its
  own phase would have had there (what a pause, the plan's start or its end leaves in
  place), and never past the midpoint with the real slot on the other side: a pause
  may leave instants that no slot owns, never an instant that two do.
* **Attribution.**  An intake belongs to the slot whose window holds its instant; an
  intake no slot owns (far into a pause, long before the start) belongs to none.
* **Spacing (H).** Half the nominal interval of the phase in force: 12 hours
  once daily, 6 hours twice daily.  Between two instants, the larger of the two
  phases' halves.  The phase in force at an instant is the last phase to start
  at or before it (the first phase before the plan starts).

Every instant here is UTC, so differences are real elapsed time.  Work is bounded:
each question resolves the wall times of a few local dates around the instants
it concerns, however long the plan or the history.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import weakref
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .._validate import utc
from ._history import between
from ._phases import in_force
from ._slots import first_past_midpoint, slots_spanning
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen

TICK = _dt.timedelta(microseconds=1)
_REACH = _dt.timedelta(days=1)
# Slots this near an instant hold its owner: a window reaches about a day from its slot
# (two slots in a row with no pause between are at most about two days apart, as each
# phase has a dose), and a zone may skip a day.
_NEAR = _dt.timedelta(days=3)
# The first span of slots read on or back from an instant, then doubled each time, up to
# the longest (so that a reader who wants a few more slots never pays for years of them).
_FIRST_SPAN = _dt.timedelta(days=2)
_LONGEST_SPAN = _dt.timedelta(days=64)
# The slots of a run of missed doses counted one by one before the spans begin.
_WALKED = 2


class Slot(NamedTuple):
    """A scheduled dose: its instant (UTC) and the index of its phase."""

    at: _dt.datetime
    phase: int


class _Wall:
    """One phase's wall-clock slots, ignoring its start and end, resolved a few days at a time."""

    def __init__(self, regimen: Regimen) -> None:
        self.regimen = regimen
        # A cache: its mutants only resolve the same slots again (docs/testing.md).
        self.slots: list[_dt.datetime] = []  # pragma: no mutate

    def _around(self, instant: _dt.datetime) -> list[_dt.datetime]:
        if not self.slots or not self.slots[0] <= instant < self.slots[-1]:  # pragma: no mutate
            # The span has days of margin either side (slots_spanning), so a day more or
            # less here only changes how often it is resolved.
            lo, hi = instant - _REACH, instant + _REACH  # pragma: no mutate
            self.slots = slots_spanning(self.regimen, lo, hi)
        return self.slots

    def at_or_before(self, instant: _dt.datetime) -> _dt.datetime:
        slots = self._around(instant)
        return slots[bisect.bisect_right(slots, instant) - 1]

    def after(self, instant: _dt.datetime) -> _dt.datetime:
        slots = self._around(instant)
        return slots[bisect.bisect_right(slots, instant)]


class _Columns(NamedTuple):
    """A plan's phases as columns: starts and ends (UTC), intervals, spacings and the widest."""

    starts: tuple[_dt.datetime, ...]
    ends: tuple[_dt.datetime | None, ...]
    intervals: tuple[_dt.timedelta, ...]
    spacings: tuple[_dt.timedelta, ...]
    widest: _dt.timedelta
    pauses: tuple[int, ...]
    """How many pauses lie before each phase: two phases with the same count have none between."""

    @classmethod
    def of(cls, plan: Plan) -> _Columns:
        phases = plan.phases
        spacings = tuple(p.spacing for p in phases)
        starts = tuple(utc(p.start) for p in phases)
        ends = tuple(None if p.end is None else utc(p.end) for p in phases)
        pauses = [0]
        for end, start in zip(ends, starts[1:], strict=False):
            pauses.append(pauses[-1] + (end != start))
        return cls(
            starts=starts,
            ends=ends,
            intervals=tuple(p.interval for p in phases),
            spacings=spacings,
            widest=max(spacings),
            pauses=tuple(pauses),
        )


# Each plan's columns, kept as long as the plan is (a plan's hash is worked out once).
_COLUMNS: weakref.WeakKeyDictionary[Plan, _Columns] = weakref.WeakKeyDictionary()


class Timeline:
    """A plan's slots, their neighbours and windows, and an intake history against them."""

    def __init__(self, plan: Plan, history: IntakeHistory) -> None:
        self.history = history
        self.phases = plan.phases
        # The phases' columns are worked out once per plan, not per question: a decision
        # on a plan of many phases would otherwise cost as many steps as it has phases.
        columns = _COLUMNS.get(plan)
        if columns is None:
            columns = _COLUMNS[plan] = _Columns.of(plan)
        self.starts = columns.starts
        self.ends = columns.ends
        self.intervals = columns.intervals
        self._spacings = columns.spacings
        self.widest = columns.widest
        self._pauses = columns.pauses
        self._walls: dict[int, _Wall] = {}  # made for the phases a question reaches
        self._windows: dict[Slot, tuple[_dt.datetime, _dt.datetime]] = {}

    def _wall(self, index: int) -> _Wall:
        wall = self._walls.get(index)
        if wall is None:
            wall = self._walls[index] = _Wall(self.phases[index])
        return wall

    # -- the phases -------------------------------------------------------------------

    def phase_at(self, instant: _dt.datetime) -> int:
        """The phase in force at ``instant`` (UTC): the rule of :meth:`Plan.phase_at`."""
        return in_force(self.starts, instant)

    def spacing(self, a: _dt.datetime, b: _dt.datetime) -> _dt.timedelta:
        """H between two instants: the larger half-interval of the phases in force at them."""
        return max(self._spacings[self.phase_at(a)], self._spacings[self.phase_at(b)])

    def spacing_through(self, a: _dt.datetime, b: _dt.datetime) -> _dt.timedelta:
        """H from ``a`` to ``b``: the largest half-interval of the phases in force between.

        At least :meth:`spacing`: a phase in force in between counts too.
        """
        lo, hi = sorted((self.phase_at(a), self.phase_at(b)))
        return max(self._spacings[lo : hi + 1])

    def starts_between(self, lo: _dt.datetime, hi: _dt.datetime) -> Sequence[_dt.datetime]:
        """The phases' starts after ``lo`` and before ``hi`` (UTC), in order."""
        return self.starts[
            bisect.bisect_right(self.starts, lo) : bisect.bisect_left(self.starts, hi)
        ]

    def ready(
        self, lasts: list[_dt.datetime], at: _dt.datetime
    ) -> tuple[_dt.datetime, _dt.datetime | None]:
        """The earliest instant from ``at`` that is at least H after each of ``lasts``.

        H is taken from each of ``lasts`` to that instant (:meth:`spacing_through`), so a
        phase of longer interval in force at either end, or between, holds.  Also returns
        the instant of ``lasts`` that set it, or None when ``at`` itself is far enough.
        """
        when, binding = at, None
        while True:  # H only grows as ``when`` moves later, so this ends within a few steps
            need, last = max(
                ((t + self.spacing_through(t, when), t) for t in lasts), default=(when, None)
            )
            if need <= when:
                return when, binding
            when, binding = need, last

    def dose(self, slot: Slot) -> int:
        """The dose in force at ``slot``, in mg."""
        return self.phases[slot.phase].dose_mg

    def _ends_after(self, index: int, instant: _dt.datetime) -> bool:
        end = self.ends[index]
        return end is None or instant < end

    # -- the slots ----------------------------------------------------------------------

    def at_or_before(self, instant: _dt.datetime) -> Slot | None:
        """The latest slot at or before ``instant``, if any."""
        # From the phase in force back: where its first slot is after the instant, the
        # phase before it.
        for index in reversed(range(bisect.bisect_right(self.starts, instant))):
            end = self.ends[index]
            limit = instant if end is None or instant < end else end - TICK
            found = self._wall(index).at_or_before(limit)
            if found >= self.starts[index]:
                return Slot(found, index)
        return None

    def after(self, instant: _dt.datetime) -> Slot | None:
        """The first slot after ``instant``, if any."""
        # From the phase in force on: where it ends first, the next phase's first slot.
        for index in range(self.phase_at(instant), len(self.phases)):
            found = self._wall(index).after(max(instant, self.starts[index] - TICK))
            if self._ends_after(index, found):
                return Slot(found, index)
        return None

    def virtual_after(self, slot: Slot) -> _dt.datetime:
        """The slot after ``slot`` in its own phase's schedule, even past the phase's end."""
        return self._wall(slot.phase).after(slot.at)

    def window(self, slot: Slot) -> tuple[_dt.datetime, _dt.datetime]:
        """The instants ``[lo, hi)`` that belong to ``slot`` (worked out once per slot)."""
        found = self._windows.get(slot)  # pragma: no mutate - a cache, as _Wall's
        if found is None:
            found = self._windows[slot] = self._window(slot)
        return found

    def _window(self, slot: Slot) -> tuple[_dt.datetime, _dt.datetime]:
        wall = self._wall(slot.phase)
        own_previous = wall.at_or_before(slot.at - TICK)
        before = first_past_midpoint(own_previous, slot.at)
        if own_previous < self.starts[slot.phase]:  # the phase's first slot: look across
            other = self.at_or_before(slot.at - TICK)
            if other is not None:
                shared = first_past_midpoint(other.at, slot.at)
                before = shared if self._joined(other, slot) else max(before, shared)
        own_next = wall.after(slot.at)
        after = first_past_midpoint(slot.at, own_next)
        if not self._ends_after(slot.phase, own_next):  # the phase's last slot: look across
            other = self.after(slot.at)
            if other is not None:
                shared = first_past_midpoint(slot.at, other.at)
                after = shared if self._joined(slot, other) else min(after, shared)
        return before, after

    def _joined(self, earlier: Slot, later: Slot) -> bool:
        """Whether no pause lies between two slots, so that they share their midpoint."""
        return self._pauses[earlier.phase] == self._pauses[later.phase]

    def slots_between(
        self, lo: _dt.datetime, hi: _dt.datetime
    ) -> list[tuple[_dt.datetime, int, _dt.datetime, _dt.datetime]]:
        """Every slot in ``[lo, hi)``, in time order: its instant, phase and window.

        Each window is the ``[lo, hi)`` of :meth:`window`, worked out from one resolution
        of each phase's wall times over the whole span (``slots_spanning``): a slot with
        both neighbours in its own phase has them from that list (the midpoint it shares
        with the next slot worked out once); a phase's first or last slot, where the
        other phase may be its neighbour, goes through :meth:`window`.
        """
        found: list[tuple[_dt.datetime, int, _dt.datetime, _dt.datetime]] = []
        # Only the phases that may overlap the span: from the one in force at ``lo`` to the
        # last to start before ``hi`` (the phases are in time order and do not overlap).
        for index in range(self.phase_at(lo), bisect.bisect_left(self.starts, hi)):
            phase = self.phases[index]
            first, end = max(lo, self.starts[index]), self.ends[index]
            last = hi if end is None else min(hi, end)
            if last <= first:
                continue
            wall = slots_spanning(phase, first, last)
            begin = self.starts[index]
            position = bisect.bisect_left(wall, first)
            stop = bisect.bisect_left(wall, last)
            at = wall[position]
            before = wall[position - 1]
            low = first_past_midpoint(before, at)
            while position < stop:
                after = wall[position + 1]
                high = first_past_midpoint(at, after)
                if before < begin or not (end is None or after < end):
                    found.append((at, index, *self.window(Slot(at, index))))
                else:
                    found.append((at, index, low, high))
                position += 1
                before, at, low = at, after, high
        return found

    def owners(self, instants: Sequence[_dt.datetime]) -> list[Slot | None]:
        """The slot each of ``instants`` (UTC, in time order) belongs to, if any.

        One pass over the slots near them, rather than :meth:`owner` instant by instant:
        the instants are taken in runs with no more than ``_NEAR`` between two in a row,
        and each run's slots, with ``_NEAR`` more either side, are resolved once
        (:meth:`slots_between`).  A slot's window reaches at most about a day from it,
        so the slot that owns an instant is among them; the windows tile time, so one
        walk forward over them finds each owner.  The cost is linear in the instants.
        """
        found: list[Slot | None] = []
        start, count = 0, len(instants)
        while start < count:
            stop = start + 1
            while stop < count and instants[stop] - instants[stop - 1] <= _NEAR:
                stop += 1
            windows = self.slots_between(instants[start] - _NEAR, instants[stop - 1] + _NEAR)
            position = 0
            for instant in instants[start:stop]:
                while position < len(windows) and windows[position][3] <= instant:
                    position += 1
                if position < len(windows) and windows[position][2] <= instant:
                    found.append(Slot(windows[position][0], windows[position][1]))
                else:
                    found.append(None)
            start = stop
        return found

    def owner(self, instant: _dt.datetime) -> Slot | None:
        """The slot ``instant`` belongs to, if any."""
        earlier = self.at_or_before(instant)
        if earlier is not None and instant < self.window(earlier)[1]:
            return earlier
        later = self.after(instant)
        if later is not None and self.window(later)[0] <= instant:
            return later
        return None

    # -- the history against them -------------------------------------------------------

    def taken_for(self, slot: Slot) -> tuple[Intake, ...]:
        """The intakes that belong to ``slot``."""
        return between(self.history, *self.window(slot))

    def missed_run(self, slot: Slot, limit: _dt.timedelta) -> tuple[int, _dt.timedelta]:
        """How many doses in a row up to ``slot`` no intake covers, and their days' worth.

        Counted back over scheduled doses, so a pause between phases, which has none,
        neither ends the run nor counts in it: only a dose taken ends it.  The count
        stops once the doses counted are worth ``limit``, so that the work is bounded
        and the answer is the same however long ago the run began.  The slots are read
        back in spans (:meth:`slots_between`), a short one first, as a run is usually
        short, then each twice as long.
        """
        count, days = 0, _dt.timedelta(0)
        # The first few one by one, from the slots already resolved around ``slot``: most
        # runs end there.
        current: Slot | None = slot
        for _ in range(_WALKED):
            if current is None or days >= limit or self.taken_for(current):
                return count, days
            count += 1
            days += self.intervals[current.phase]
            current = self.at_or_before(current.at - TICK)
        if current is None:
            return count, days
        instants = self.history.instants
        hi, span = current.at + TICK, _FIRST_SPAN
        while days < limit:
            found = self.slots_between(hi - span, hi)
            if not found:  # a pause, or before the plan: on from the slot before it
                earlier = self.at_or_before(hi - TICK)
                if earlier is None:
                    break
                hi = earlier.at + TICK
                continue
            for _, phase, first, last in reversed(found):
                index = bisect.bisect_left(instants, first)
                if index < len(instants) and instants[index] < last:
                    return count, days  # a dose taken ends the run
                count += 1
                days += self.intervals[phase]
                if days >= limit:
                    break
            hi, span = found[0][0], min(span * 2, _LONGEST_SPAN)
        return count, days

    def slots_from(self, instant: _dt.datetime) -> Iterator[Slot]:
        """Every slot at or after ``instant``, in order, for as long as the plan runs.

        Read on in spans (:meth:`slots_between`), each twice as long as the one before,
        so that the slots are resolved a span at a time, not one by one.
        """
        lo, span = instant, _FIRST_SPAN
        while True:
            found = self.slots_between(lo, lo + span)
            for at, phase, _, _ in found:
                yield Slot(at, phase)
            if found:
                lo, span = found[-1][0] + TICK, min(span * 2, _LONGEST_SPAN)
                continue
            following = self.after(lo + span - TICK)  # a pause: on at the next slot
            if following is None:
                return
            lo = following.at
