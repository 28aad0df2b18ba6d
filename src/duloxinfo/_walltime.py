"""The wall-time policy: how a local date and time of day in a zone become one instant.

Private module, written once and used everywhere a wall time becomes an instant: the
slots of a regimen, the days a fill covers, the titration plan's step up, a calendar's
day bounds and the times people type on the command line.

**The policy** is :mod:`zoneinfo`'s reading with ``fold=0``, whatever fold the time
carries:

* a wall time that happens once is that instant;
* a wall time that happens twice (the hour repeated when the clocks go back) is its
  **first** occurrence: 01:30 on 25 October 2026 in Europe/London is 01:30 BST
  (00:30 UTC), not 01:30 GMT;
* a wall time that does not happen (the hour skipped when the clocks go forward) is
  read with the offset in force **before** the gap, so it lands that long after the
  gap starts: 01:30 on 29 March 2026 in Europe/London is 01:30 GMT, which the clocks
  show as 02:30 BST.

An instant given with its offset (``2026-10-25T01:30+00:00``) is never read through
this policy: it already names one instant.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

_EPOCH: Final = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
_NAIVE_EPOCH: Final = _dt.datetime(1970, 1, 1)  # noqa: DTZ001 - a wall time's count from 1970


def wall_to_utc(wall: _dt.datetime, tz: ZoneInfo) -> _dt.datetime:
    """The UTC instant of the naive wall time ``wall`` in ``tz``, by the policy above.

    One offset lookup and no zone conversion, so that a long span of slots stays cheap;
    the same instant as ``datetime.combine(day, t, tzinfo=tz).astimezone(UTC)`` with
    ``fold=0``.
    """
    if wall.fold or wall.tzinfo is not None:  # a slot's wall time is neither: no copy
        wall = wall.replace(tzinfo=None, fold=0)
    # A ZoneInfo always has an offset; typeshed allows None for any tzinfo.
    offset: _dt.timedelta = tz.utcoffset(wall)  # type: ignore[assignment]
    return _EPOCH + (wall - _NAIVE_EPOCH - offset)


def wall_instant(day: _dt.date, time: _dt.time, tz: ZoneInfo) -> _dt.datetime:
    """The UTC instant of the local time ``time`` on the local date ``day`` in ``tz``."""
    return wall_to_utc(_dt.datetime.combine(day, time), tz)
