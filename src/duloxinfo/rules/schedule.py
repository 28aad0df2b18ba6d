"""Slots: a regimen's wall-clock times resolved to instants, their neighbours, attribution.

Private module.  Definitions (also in the rules page of the docs):

* **Slot.** Each of the regimen's times on each calendar day in its zone,
  resolved as :mod:`zoneinfo` resolves a wall time with ``fold=0``: a time that
  does not exist on a spring-forward day moves forward by the gap; an ambiguous
  time on a fall-back day is its first occurrence.  Where two wall times resolve
  to the same instant (only possible across a gap, or on a day a zone skipped),
  they are one slot.
* **Attribution.** An instant belongs to the nearest slot: slot S, with
  neighbours P before and N after, owns the instants from the midpoint of P and
  S (included) to the midpoint of S and N (excluded).  Neighbours are taken from
  the whole schedule, also before the regimen's start.

All instants here are UTC, so differences are real elapsed time.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from typing import NamedTuple

from .._errors import ScheduleError
from .regimen import UTC, Regimen, _require_aware, _require_regimen, _utc

__all__ = ["MAX_SCHEDULE_DAYS", "dose_times"]

MAX_SCHEDULE_DAYS = 3660
"""The longest span :func:`dose_times` lists, in days (about ten years)."""

_ONE_DAY = _dt.timedelta(days=1)
# Local dates examined either side of an instant's own date.  Two days covers
# the longest real shift (a zone skipping a whole day, as Pacific/Apia did in
# 2011) on top of a slot that falls on the previous or next date.
_DAYS_BEFORE = 3
_DAYS_AFTER = 2


def _slots_for_dates(regimen: Regimen, first: _dt.date, last: _dt.date) -> list[_dt.datetime]:
    """Every slot of the schedule on local dates ``first`` to ``last``, sorted, UTC."""
    found: set[_dt.datetime] = set()
    day = first
    while day <= last:
        for t in regimen.times:
            found.add(_dt.datetime.combine(day, t, tzinfo=regimen.tz).astimezone(UTC))
        day += _ONE_DAY
    return sorted(found)


def _slots_spanning(regimen: Regimen, lo: _dt.datetime, hi: _dt.datetime) -> list[_dt.datetime]:
    """Sorted UTC slots covering ``[lo, hi]`` with at least two more on each side."""
    first = lo.astimezone(regimen.tz).date() - _DAYS_BEFORE * _ONE_DAY
    last = hi.astimezone(regimen.tz).date() + _DAYS_AFTER * _ONE_DAY
    return _slots_for_dates(regimen, first, last)


class _Around(NamedTuple):
    previous: _dt.datetime
    latest: _dt.datetime
    following: _dt.datetime


def _around_in(slots: list[_dt.datetime], instant: _dt.datetime) -> _Around:
    """The latest slot at or before ``instant`` and its neighbours, from slots spanning it."""
    index = bisect.bisect_right(slots, instant) - 1
    return _Around(slots[index - 1], slots[index], slots[index + 1])


def _past_midpoint(instant: _dt.datetime, a: _dt.datetime, b: _dt.datetime) -> bool:
    """Whether ``instant`` is at or after the midpoint of slots ``a`` < ``b`` (exact)."""
    return 2 * (instant - a) >= b - a


def _first_past_midpoint(a: _dt.datetime, b: _dt.datetime) -> _dt.datetime:
    """The first microsecond at or after the midpoint of ``a`` and ``b``.

    Matches :func:`_past_midpoint` exactly, also when ``b - a`` is an odd
    number of microseconds.
    """
    return a - ((a - b) // 2)


def _window(around: _Around) -> tuple[_dt.datetime, _dt.datetime]:
    """The instants ``[lo, hi)`` that belong to ``around.latest``."""
    p, s, n = around
    return _first_past_midpoint(p, s), _first_past_midpoint(s, n)


def _owner_index(slots: list[_dt.datetime], instant: _dt.datetime) -> int:
    """Index in ``slots`` of the slot ``instant`` belongs to (slots must surround it)."""
    index = bisect.bisect_right(slots, instant) - 1
    if _past_midpoint(instant, slots[index], slots[index + 1]):
        index += 1
    return index


def _first_slot_from(regimen: Regimen, instant: _dt.datetime) -> _dt.datetime:
    """The first slot at or after ``instant`` (UTC)."""
    around = _around_in(_slots_spanning(regimen, instant, instant), instant)
    return around.latest if around.latest == instant else around.following


def _count_in(slots: list[_dt.datetime], lo: _dt.datetime, hi: _dt.datetime) -> int:
    """How many of ``slots`` lie in ``[lo, hi]``; ``slots`` must span that range."""
    return bisect.bisect_right(slots, hi) - bisect.bisect_left(slots, lo)


def _slots_from(regimen: Regimen, instant: _dt.datetime, count: int) -> list[_dt.datetime]:
    """The first ``count`` slots at or after ``instant`` (UTC), in order."""
    days = count // len(regimen.times) + 1
    while True:
        slots = _slots_spanning(regimen, instant, instant + days * _ONE_DAY)
        start = bisect.bisect_left(slots, instant)
        if len(slots) - start >= count:
            return slots[start : start + count]
        days += 1


def dose_times(
    regimen: Regimen, start: _dt.datetime, end: _dt.datetime
) -> tuple[_dt.datetime, ...]:
    """The regimen's scheduled doses from ``start`` (included) to ``end`` (excluded).

    Each is an aware datetime in the regimen's zone, resolved as the rules page
    defines slots (a time in a daylight-saving gap moves forward, an ambiguous
    time is its first occurrence); none is before ``regimen.start``.  For
    reminders, calendars and the ``duloxinfo schedule`` command.

    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.Regimen`.
        InvalidDatetimeError: ``start`` or ``end`` is not an aware datetime.
        ScheduleError: ``end`` is before ``start``, or more than
            :data:`MAX_SCHEDULE_DAYS` days after it.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, dose_times
    >>> r = Regimen(30, [dt.time(8), dt.time(20)], "Europe/London",
    ...             dt.datetime(2026, 3, 28, 8, tzinfo=dt.UTC))
    >>> day = dt.timedelta(days=1)  # real elapsed time: 24 hours
    >>> [t.isoformat() for t in dose_times(r, r.start, r.start + day)]
    ['2026-03-28T08:00:00+00:00', '2026-03-28T20:00:00+00:00', '2026-03-29T08:00:00+01:00']

    The clocks went forward in the night, so 24 hours after 08:00 GMT is 09:00 BST,
    and the 29th's 08:00 dose is already inside.
    """
    regimen = _require_regimen(regimen)
    start = _require_aware(start, "start")
    end = _require_aware(end, "end")
    lo, hi = _utc(start), _utc(end)
    if hi < lo:
        raise ScheduleError(f"end: {end.isoformat()} is before start ({start.isoformat()})")
    if hi - lo > MAX_SCHEDULE_DAYS * _ONE_DAY:
        raise ScheduleError(
            f"end: {end.isoformat()} is more than {MAX_SCHEDULE_DAYS} days after start "
            f"({start.isoformat()})"
        )
    lo = max(lo, _utc(regimen.start))
    if hi <= lo:
        return ()
    slots = _slots_spanning(regimen, lo, hi)
    chosen = slots[bisect.bisect_left(slots, lo) : bisect.bisect_left(slots, hi)]
    return tuple(slot.astimezone(regimen.tz) for slot in chosen)
