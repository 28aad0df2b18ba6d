"""Slots: a regimen's wall-clock times resolved to instants, and the midpoint between two.

Private module, shared by every rule.  Definitions (also in the rules page of the docs):

* **Slot.** Each of the regimen's times on each calendar day in its zone,
  resolved by the one wall-time policy (``duloxinfo._walltime``): a time that
  does not exist on a spring-forward day moves forward by the gap; an ambiguous
  time on a fall-back day is its first occurrence.  Where two wall times resolve
  to the same instant (only possible across a gap, or on a day a zone skipped),
  they are one slot.
* **Midpoint.**  Two slots in a row share the instant where one's window ends and the
  next's begins: the first microsecond at or after their midpoint
  (:func:`first_past_midpoint`).  The timeline (``_timeline``) says which slots are in a
  row across a plan's phases.

All instants here are UTC, so differences are real elapsed time.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from typing import TYPE_CHECKING, NamedTuple, Protocol

from .._walltime import wall_to_utc

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

ONE_DAY = _dt.timedelta(days=1)
# Local dates examined either side of an instant's own date.  Two days covers
# the longest real shift (a zone skipping a whole day, as Pacific/Apia did in
# 2011) on top of a slot that falls on the previous or next date.
_DAYS_BEFORE = 3
_DAYS_AFTER = 2


class Schedule(Protocol):
    """What the slots are read from: a regimen's times, zone, start and end.

    :class:`~duloxinfo.rules.regimen.Regimen` is one.  The slots ask for these four
    fields rather than import the regimen, which checks its own end with
    :func:`first_slot_from`: imports run one way, from the regimen to the slots.
    """

    @property
    def times(self) -> tuple[_dt.time, ...]: ...
    @property
    def tz(self) -> ZoneInfo: ...
    @property
    def start(self) -> _dt.datetime: ...
    @property
    def end(self) -> _dt.datetime | None: ...


def _slots_for_dates(regimen: Schedule, first: _dt.date, last: _dt.date) -> list[_dt.datetime]:
    """Every slot of the schedule on local dates ``first`` to ``last``, sorted, UTC.

    Each wall time becomes an instant by the one wall-time policy (``_walltime``).
    """
    tz = regimen.tz
    midnight = _dt.datetime.combine(first, _dt.time())
    times = [_dt.datetime.combine(first, t) - midnight for t in regimen.times]
    found: set[_dt.datetime] = set()
    day, end = midnight, _dt.datetime.combine(last, _dt.time())
    while day <= end:
        for time in times:
            found.add(wall_to_utc(day + time, tz))
        day += ONE_DAY
    return sorted(found)


def slots_spanning(regimen: Schedule, lo: _dt.datetime, hi: _dt.datetime) -> list[_dt.datetime]:
    """Sorted UTC slots covering ``[lo, hi]`` with at least two more on each side."""
    first = lo.astimezone(regimen.tz).date() - _DAYS_BEFORE * ONE_DAY
    last = hi.astimezone(regimen.tz).date() + _DAYS_AFTER * ONE_DAY
    return _slots_for_dates(regimen, first, last)


class Around(NamedTuple):
    previous: _dt.datetime
    latest: _dt.datetime
    following: _dt.datetime


def around_in(slots: list[_dt.datetime], instant: _dt.datetime) -> Around:
    """The latest slot at or before ``instant`` and its neighbours, from slots spanning it."""
    index = bisect.bisect_right(slots, instant) - 1
    return Around(slots[index - 1], slots[index], slots[index + 1])


def first_past_midpoint(a: _dt.datetime, b: _dt.datetime) -> _dt.datetime:
    """The first microsecond at or after the midpoint of ``a`` and ``b``.

    Exact, also when ``b - a`` is an odd number of microseconds: an instant ``t``
    is at or after the midpoint when ``2 * (t - a) >= b - a``.
    """
    return a - ((a - b) // 2)


def first_slot_from(regimen: Schedule, instant: _dt.datetime) -> _dt.datetime:
    """The first slot at or after ``instant`` (UTC)."""
    around = around_in(slots_spanning(regimen, instant, instant), instant)
    return around.latest if around.latest == instant else around.following


def doses_between(regimen: Schedule, lo: _dt.datetime, hi: _dt.datetime) -> list[_dt.datetime]:
    """The slots in ``[lo, hi)`` from the regimen's start and before its end (UTC), in order."""
    lo = max(lo, regimen.start.astimezone(_dt.UTC))
    if regimen.end is not None:
        hi = min(hi, regimen.end.astimezone(_dt.UTC))
    if hi <= lo:
        return []
    slots = slots_spanning(regimen, lo, hi)
    return slots[bisect.bisect_left(slots, lo) : bisect.bisect_left(slots, hi)]
