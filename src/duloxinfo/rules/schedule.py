"""The scheduled doses in a span of time, for reminders, calendars and the command line."""

from __future__ import annotations

import datetime as _dt
import itertools

from .._names import public_dir
from .._validate import MAX_YEAR, brief, require_aware, require_whole_number, utc
from ..choices import MAX_NEXT_DOSES, MAX_SCHEDULE_DAYS
from ..errors import ScheduleError
from ._inputs import as_plan, period
from ._slots import ONE_DAY, doses_between
from ._timeline import Timeline
from .intakes import IntakeHistory
from .plan import Plan
from .regimen import Regimen

__all__ = ["dose_times", "next_doses"]
__dir__ = public_dir(globals())

# The last instant next_doses looks at: well inside the supported years, so that the
# slots around it (a few days either side) are too.
_LAST = _dt.datetime(MAX_YEAR, 12, 31, 12, tzinfo=_dt.UTC)


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
            :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS` days after it.

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
    _, _, lo, hi = period(start, end)
    return tuple(
        slot.astimezone(phase.tz) for phase in plan.phases for slot in doses_between(phase, lo, hi)
    )


def next_doses(plan: Plan | Regimen, now: _dt.datetime, count: int) -> tuple[_dt.datetime, ...]:
    """The plan's next ``count`` scheduled doses, from ``now`` (a dose exactly at ``now`` included).

    The doses :func:`dose_times` would list from ``now`` on, each in its phase's zone,
    stepping over pauses; fewer when the plan ends first, or when they run past
    :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS` days after ``now``.  For a reminder
    list; the cost is linear in ``count`` however long a pause is.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, ``now`` is not a datetime, or
            ``count`` is not a whole number.
        InvalidDatetimeError: ``now`` has no zone or is outside the supported years.
        ScheduleError: ``count`` is below 1 or more than
            :data:`~duloxinfo.choices.MAX_NEXT_DOSES`.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, next_doses
    >>> r = Regimen(30, [dt.time(8), dt.time(20)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> [t.isoformat() for t in next_doses(r, dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), 3)]
    ['2026-01-05T08:00:00+00:00', '2026-01-05T20:00:00+00:00', '2026-01-06T08:00:00+00:00']
    """
    plan = as_plan(plan)
    now = require_aware(now, "now")
    count = require_whole_number(count, "count")
    if not 1 <= count <= MAX_NEXT_DOSES:
        raise ScheduleError("count", f"{brief(count)} is not between 1 and {MAX_NEXT_DOSES}")
    start, span = utc(now), MAX_SCHEDULE_DAYS * ONE_DAY
    last = start + span if _LAST - start > span else _LAST  # no overflow near the year 9999
    slots = Timeline(plan, IntakeHistory(())).slots_from(start)
    return tuple(
        slot.at.astimezone(plan.phases[slot.phase].tz)
        for slot in itertools.islice(itertools.takewhile(lambda s: s.at < last, slots), count)
    )
