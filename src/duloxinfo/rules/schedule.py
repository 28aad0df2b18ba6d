"""The scheduled doses in a span of time, for reminders, calendars and the command line."""

from __future__ import annotations

import datetime as _dt
from typing import Final

from .._names import public_dir
from ._inputs import as_plan, period
from ._slots import doses_between
from .plan import Plan
from .regimen import Regimen

__all__ = ["MAX_SCHEDULE_DAYS", "dose_times"]
__dir__ = public_dir(globals())

MAX_SCHEDULE_DAYS: Final = 3660
"""The longest span :func:`dose_times` lists, in days (about ten years)."""


def dose_times(
    plan: Plan | Regimen, start: _dt.datetime, end: _dt.datetime
) -> tuple[_dt.datetime, ...]:
    """The plan's scheduled doses from ``start`` (included) to ``end`` (excluded).

    Each is an aware datetime in its phase's zone, resolved as the rules page
    defines slots (a time in a daylight-saving gap moves forward, an ambiguous
    time is its first occurrence); none is outside its phase (before its start,
    at or after its end), so a pause has none.  For reminders, calendars and the
    ``duloxinfo schedule`` command.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, or ``start`` or ``end`` is not
            a datetime.
        InvalidDatetimeError: ``start`` or ``end`` has no zone or is outside the
            supported years.
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
    plan = as_plan(plan)
    lo, hi = period(start, end, MAX_SCHEDULE_DAYS)
    return tuple(
        slot.astimezone(phase.tz) for phase in plan.phases for slot in doses_between(phase, lo, hi)
    )
