"""An RFC 5545 calendar (.ics) of a regimen's doses, with a reminder on each.

Needs the optional ``calendar`` extra (``pip install 'duloxinfo[calendar]'``),
which brings the ``icalendar`` package; nothing else in duloxinfo imports it.
"""

from __future__ import annotations

import datetime as _dt

from .._validate import require_aware, require_date
from .._version import __version__
from ..errors import ScheduleError
from ..label import LABEL
from ..rules._inputs import require_regimen
from ..rules._slots import doses_between
from ..rules.regimen import Regimen
from ..rules.schedule import MAX_SCHEDULE_DAYS

__all__ = ["dose_calendar"]


def dose_calendar(
    regimen: Regimen, first_day: _dt.date, last_day: _dt.date, *, created: _dt.datetime
) -> bytes:
    """The regimen's doses on the local dates ``first_day`` to ``last_day`` as an .ics file.

    One event per scheduled dose (as :func:`~duloxinfo.rules.schedule.dose_times`
    lists them), at its local time in the regimen's zone (the calendar carries the
    zone's ``VTIMEZONE``, so calendar apps keep the wall time across daylight
    saving), with a reminder at the dose time and the administration instructions
    in the description.
    ``created`` is the calendar's timestamp (``DTSTAMP``), given rather than read
    from the clock.

    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.rules.regimen.Regimen`,
            the days are not dates, or ``created`` is not a datetime.
        InvalidDatetimeError: a day is outside the supported years, or ``created`` has
            no zone or is outside them.
        ScheduleError: ``last_day`` is before ``first_day``, or the span is longer
            than :data:`~duloxinfo.rules.schedule.MAX_SCHEDULE_DAYS`.
        ModuleNotFoundError: the ``calendar`` extra (icalendar) is not installed.
    """
    regimen = require_regimen(regimen)
    first = require_date(first_day, "first_day")
    last = require_date(last_day, "last_day")
    stamp = require_aware(created, "created").astimezone(_dt.UTC)
    if last < first:
        raise ScheduleError(
            f"last_day: {last.isoformat()} is before first_day ({first.isoformat()})"
        )
    if (last - first).days >= MAX_SCHEDULE_DAYS:
        raise ScheduleError(
            f"last_day: {last.isoformat()} is more than {MAX_SCHEDULE_DAYS} days after "
            f"first_day ({first.isoformat()})"
        )
    try:
        import icalendar  # noqa: PLC0415 - an optional extra, loaded only here
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "dose_calendar needs the calendar extra: pip install 'duloxinfo[calendar]'"
        ) from exc

    midnight = _dt.time(0)
    span = (
        _dt.datetime.combine(day, midnight, tzinfo=regimen.tz).astimezone(_dt.UTC)
        for day in (first, last + _dt.timedelta(days=1))
    )
    doses = [dose.astimezone(regimen.tz) for dose in doses_between(regimen, *span)]
    summary = f"Duloxetine {regimen.dose_mg} mg"
    description = (
        f"Take {regimen.dose_mg} mg of duloxetine, as your prescriber directs. "
        f"{LABEL.administration.value} Never take two doses at once."
    )
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//duloxinfo//duloxinfo {__version__}//EN")
    calendar.add("version", "2.0")
    for dose in doses:
        event = icalendar.Event()
        event.add("uid", f"{dose.astimezone(_dt.UTC):%Y%m%dT%H%M%SZ}-{regimen.dose_mg}mg@duloxinfo")
        event.add("dtstamp", stamp)
        event.add("dtstart", dose)
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", _dt.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    # The zone's rules for the calendar's own span and a year either side, not 1970-2038.
    # icalendar searches for the zone's changes up to a year past the dates it is given,
    # so near the ends of the supported years those stay that far inside Python's dates.
    year = _dt.timedelta(days=366)
    calendar.add_missing_timezones(
        first_date=max(first, _dt.date.min + 2 * year) - year,
        last_date=min(last, _dt.date.max - 2 * year) + year,
    )
    ics: bytes = calendar.to_ical()
    return ics
