"""Judging each scheduled dose of a period: which intakes are its dose, and its status.

Private module.  :func:`~duloxinfo.rules.dose_log.dose_log` turns these entries into
records; :func:`~duloxinfo.rules.adherence.adherence` counts them without building a
record per dose.  Both judge with the same windows, by the same rule.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from typing import Final, NamedTuple

from .._validate import require_aware, utc
from ..choices import ON_TIME_ONCE_DAILY, ON_TIME_TWICE_DAILY
from ..errors import ScheduleError
from ._inputs import require_not_after
from ._one_dose import one_dose_groups
from ._timeline import TICK, Timeline
from .dose_status import DoseStatus
from .intakes import Intake, IntakeHistory

ON_TIME: Final = {1: ON_TIME_ONCE_DAILY, 2: ON_TIME_TWICE_DAILY}
"""The on-time window of a phase, by its doses a day."""


class Entry(NamedTuple):
    """A slot of the period, and what happened to it, before it becomes a record."""

    at: _dt.datetime
    phase: int
    status: DoseStatus
    first: int
    """The history's index of the slot's first intake."""
    dose: int
    """The history's index of the first intake of ``taken``."""
    extra: int
    """The history's index of the first intake after ``taken``."""
    stop: int
    """The history's index of the first intake after the slot's."""
    offset: _dt.timedelta | None


def judged_at(history: IntakeHistory, end: _dt.datetime, now: object) -> _dt.datetime | None:
    """``now`` in UTC, checked against ``end`` and the history; None when not given."""
    if now is None:
        return None
    now = require_aware(now, "now")
    if utc(end) > utc(now):
        raise ScheduleError(
            "end",
            f"{end.isoformat()} is after now ({now.isoformat()}); the doses still "
            "ahead cannot be judged",
        )
    require_not_after(history, now)
    return utc(now)


def slots_in(
    timeline: Timeline, lo: _dt.datetime, hi: _dt.datetime, now: _dt.datetime | None = None
) -> list[Entry]:
    """Each slot in ``[lo, hi)``, its intakes (by the timeline's windows) and its status.

    A slot with no intake is ``DUE`` when ``now`` (UTC) is given and its window is still
    open then, else ``MISSED``.
    """
    history = timeline.history
    instants, intakes = history.instants, history.intakes
    doses = [p.dose_mg for p in timeline.phases]
    windows = [ON_TIME[p.doses_per_day] for p in timeline.phases]
    entries: list[Entry] = []
    a = 0
    for at, index, first, last in timeline.slots_between(lo, hi):
        # The windows are in time order, so each search starts where the last began.
        a = bisect.bisect_left(instants, first, a)
        b = bisect.bisect_left(instants, last, a)
        if a == b:
            missed = DoseStatus.DUE if now is not None and now < last else DoseStatus.MISSED
            entries.append(Entry(at, index, missed, a, a, a, a, None))
            continue
        if b - a == 1:  # the common case: one intake, the dose
            dose, after = a, b
            certain = intakes[a].certain
        else:
            dose, after = _chosen(intakes, instants, a, b, doses[index])
            certain = all(i.certain for i in intakes[dose:after])
        offset = instants[dose] - at
        within = windows[index]
        if not certain:
            status = DoseStatus.NOT_SURE
        elif offset < -within:
            status = DoseStatus.EARLY
        elif offset > within:
            status = DoseStatus.LATE
        else:
            status = DoseStatus.ON_TIME
        entries.append(Entry(at, index, status, a, dose, after, b, offset))
    return entries


def unscheduled(
    timeline: Timeline, lo: _dt.datetime, hi: _dt.datetime, entries: list[Entry]
) -> tuple[Intake, ...]:
    """The intakes in ``[lo, hi)`` that belong to no slot.

    That is: in no window of the period's slots (``entries``), and owned by no slot
    outside the period.  Between two of the period's slots, outside their windows, no slot
    owns an intake; before the first, only the last slot before ``lo`` may, and after the
    last, only the first slot from ``hi``.  So the ownership of an intake is never asked
    of the timeline one intake at a time (in a pause, each asked for a new span of wall
    times): the cost is linear in the intakes, with a few windows worked out.
    """
    history = timeline.history
    intakes = history.intakes
    a = bisect.bisect_left(history.instants, lo)
    b = bisect.bisect_left(history.instants, hi)
    if not entries:
        return _owned_by_none(timeline, a, b, lo, hi)
    found = list(_owned_by_none(timeline, a, min(entries[0].first, b), lo, None))
    index = max(a, entries[0].stop)
    for entry in entries[1:]:  # in time order, so their intakes are too
        if entry.first > index:
            found.extend(intakes[index : min(entry.first, b)])
        index = max(index, entry.stop)
    found.extend(_owned_by_none(timeline, index, b, None, hi))
    return tuple(found)


def _owned_by_none(
    timeline: Timeline,
    first: int,
    stop: int,
    lo: _dt.datetime | None,
    hi: _dt.datetime | None,
) -> tuple[Intake, ...]:
    """The intakes ``first`` to ``stop`` that no slot owns, none of the period's slots owning any.

    With ``lo``, the last slot before it may own the first of them; with ``hi``, the first
    slot from it may own the last of them.
    """
    if first >= stop:
        return ()
    history = timeline.history
    until = start = None
    before = None if lo is None else timeline.at_or_before(lo - TICK)
    if before is not None:
        until = timeline.window(before)[1]
    after = None if hi is None else timeline.after(hi - TICK)
    if after is not None:
        start = timeline.window(after)[0]
    # The instants are sorted: those owned by ``before`` come first, by ``after`` last.
    if until is not None:
        first = max(first, bisect.bisect_left(history.instants, until, first, stop))
    if start is not None:
        stop = min(stop, bisect.bisect_left(history.instants, start, first, stop))
    return history.intakes[first:stop] if first < stop else ()


def _chosen(
    intakes: tuple[Intake, ...],
    instants: tuple[_dt.datetime, ...],
    first: int,
    stop: int,
    limit: int,
) -> tuple[int, int]:
    """The slot's dose among the intakes ``first`` to ``stop``, as an index range.

    The intakes are put together into doses as :func:`~duloxinfo.rules.audit.audit`
    puts them (``one_dose_groups``), with ``limit`` mg the dose.  The slot's dose is the
    first the person is sure of (every intake of it certain), or the first when they are
    sure of none.
    """
    groups = one_dose_groups(intakes, instants, first, stop, lambda _: limit)
    return next((g for g in groups if all(i.certain for i in intakes[g[0] : g[1]])), groups[0])
