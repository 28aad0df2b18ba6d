"""An RFC 5545 calendar (.ics) of a plan's doses, with a reminder on each.

Needs the optional ``calendar`` extra (``pip install 'duloxinfo[calendar]'``),
which brings the ``icalendar`` package; nothing else in duloxinfo imports it.
"""

from __future__ import annotations

import datetime as _dt
import uuid as _uuid
from typing import Final

from .._names import public_dir
from .._validate import require_aware, require_date, require_type, utc
from .._version import __version__
from .._walltime import wall_instant
from .._words import AS_DIRECTED
from ..choices import MAX_SCHEDULE_DAYS
from ..errors import ScheduleError
from ..label import LABEL
from ..rules._inputs import as_plan
from ..rules._slots import doses_between
from ..rules.plan import Plan
from ..rules.regimen import Regimen

__all__ = ["dose_calendar"]
__dir__ = public_dir(globals())

# The namespace of the UIDs of a calendar made without one: a plan's own namespace is
# derived from it and the plan, so that the same plan always gets the same UIDs.
_PLAN_NAMESPACE: Final = _uuid.UUID("6c1f7c0e-3b8e-5d0a-9f0e-2f4d8b7a1c55")
_YEAR: Final = _dt.timedelta(days=366)


def _read_alike(local: _dt.datetime) -> bool:
    """Whether every client reads the local time of ``local`` (with its zone) as that instant.

    Not so when the wall time occurs twice (the repeated hour of a night the clocks
    go back) or not at all (a gap): both readings of it, ``fold=0`` and ``fold=1``,
    then give different instants.  Nor when the zone's offset has seconds (local mean
    time, before a zone kept standard time): ical.js drops them.
    """
    offset = local.utcoffset()
    return (
        utc(local.replace(fold=0)) == utc(local.replace(fold=1))
        and offset is not None
        and offset % _dt.timedelta(minutes=1) == _dt.timedelta(0)
    )


def _plan_namespace(plan: Plan) -> _uuid.UUID:
    """A namespace derived from the plan alone: its phases' doses, times, zones and spans."""
    phases = ";".join(
        f"{p.dose_mg}|{','.join(t.isoformat() for t in p.times)}|{p.tz.key}|"
        f"{utc(p.start).isoformat()}|{'' if p.end is None else utc(p.end).isoformat()}"
        for p in plan.phases
    )
    return _uuid.uuid5(_PLAN_NAMESPACE, phases)


def _doses(phase: Regimen, first: _dt.date, last: _dt.date) -> list[_dt.datetime]:
    """The phase's doses on the local dates ``first`` to ``last`` in its zone, in that zone."""
    midnight = _dt.time(0)
    lo, hi = (
        wall_instant(day, midnight, phase.tz) for day in (first, last + _dt.timedelta(days=1))
    )
    return [dose.astimezone(phase.tz) for dose in doses_between(phase, lo, hi)]


def dose_calendar(
    plan: Plan | Regimen,
    first_day: _dt.date,
    last_day: _dt.date,
    *,
    created: _dt.datetime,
    namespace: _uuid.UUID | None = None,
) -> bytes:
    """The plan's doses on the local dates ``first_day`` to ``last_day`` as an .ics file.

    One event per scheduled dose (as :func:`~duloxinfo.rules.schedule.dose_times`
    lists them), with that dose's phase's amount in its summary and description,
    the administration instructions, and a reminder at the dose time.  A dose is in
    the calendar when its date in its own phase's zone (the date the event shows)
    is from ``first_day`` to ``last_day``; a plan that changes zone has each
    phase's doses on the dates of that phase's zone.

    **Times.**  An event's start is its local time in its phase's zone, and the calendar
    carries the ``VTIMEZONE`` of each zone of the plan, so that calendar apps keep 08:00
    at 08:00 across daylight saving.  A dose whose local time occurs twice (the repeated
    hour of a night the clocks go back) is written in UTC instead (``DTSTART:...Z``):
    RFC 5545 reads such a local time as its first occurrence, but libical and ical.js
    (the engine of Thunderbird) read the second, an hour late.  The UTC form is read as
    the same instant by every client.  A dose's local time always exists (it is the wall
    clock at an instant); a time that did not would be written in UTC as well.  So is a
    dose in a zone's local mean time, before the zone kept standard time (an offset with
    seconds, such as London's -00:01:15 before 1847): ical.js drops the seconds.
    Dose times are whole seconds, as iCalendar's are: a regimen's times of day are
    whole seconds, and so are zone offsets.

    **UIDs.**  Each event's UID is a UUID (version 5) made from ``namespace`` and
    the dose's instant, so it is stable across runs, differs between namespaces, and
    carries no data about the person.  Give each person's plan a ``namespace`` of
    its own (a random :func:`uuid.uuid4`, stored with the plan): then two people on
    the same regimen do not share UIDs in a shared calendar, and a calendar made
    again after the plan changes replaces the events of the same doses (a changed
    amount at the same time included) instead of adding to them.  Without one, the
    namespace is derived from the plan itself: the same plan always gives the same
    UIDs, and so do two people on the same plan.

    ``created`` is the calendar's timestamp (``DTSTAMP``), given rather than read
    from the clock.  Every line ends with CRLF, as RFC 5545 requires.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, the days are not dates,
            ``created`` is not a datetime, or ``namespace`` is not a
            :class:`uuid.UUID`.
        InvalidDatetimeError: a day is outside the supported years, or ``created`` has
            no zone or is outside them.
        ScheduleError: ``last_day`` is before ``first_day``, or the span is longer
            than :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS`.
        ModuleNotFoundError: the ``calendar`` extra (icalendar) is not installed.

    >>> import datetime as dt, uuid
    >>> from duloxinfo import Regimen, dose_calendar
    >>> regimen = Regimen(60, [dt.time(1, 30)], "Europe/London",
    ...                   dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    >>> ics = dose_calendar(regimen, dt.date(2026, 10, 24), dt.date(2026, 10, 26),
    ...                     created=dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
    ...                     namespace=uuid.UUID("0f7b6d0a-8d0e-4c1e-9a53-6d8f2b1e4c77"))
    >>> for event in ics.decode().split("BEGIN:VEVENT")[1:]:
    ...     print(next(line for line in event.splitlines() if line.startswith("DTSTART")))
    DTSTART;TZID=Europe/London:20261024T013000
    DTSTART:20261025T003000Z
    DTSTART;TZID=Europe/London:20261026T013000

    On 25 October 2026 the clocks go back at 02:00, so 01:30 happens twice; the dose
    is the first 01:30 (00:30 UTC), written in UTC.
    """
    plan = as_plan(plan)
    first = require_date(first_day, "first_day")
    last = require_date(last_day, "last_day")
    stamp = require_aware(created, "created").astimezone(_dt.UTC)
    if namespace is not None:
        require_type(namespace, _uuid.UUID, "namespace", "a uuid.UUID or None")
    if last < first:
        raise ScheduleError(
            "last_day", f"{last.isoformat()} is before first_day ({first.isoformat()})"
        )
    if (last - first).days >= MAX_SCHEDULE_DAYS:
        raise ScheduleError(
            "last_day",
            f"{last.isoformat()} is more than {MAX_SCHEDULE_DAYS} days after "
            f"first_day ({first.isoformat()})",
        )
    try:
        import icalendar  # noqa: PLC0415 - an optional extra, loaded only here
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "dose_calendar needs the calendar extra: pip install 'duloxinfo[calendar]'"
        ) from exc

    if namespace is None:
        namespace = _plan_namespace(plan)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//duloxinfo//duloxinfo {__version__}//EN")
    calendar.add("version", "2.0")
    # Each phase's zone's rules for the calendar's own span and a year either side, not
    # 1970-2038: every zone of the plan, so that the calendar is never without a component
    # (RFC 5545 requires one), even when no dose falls in the span.  icalendar searches for
    # a zone's changes up to a year past the dates it is given, so near the ends of the
    # supported years those stay that far inside Python's dates.
    for zone in dict.fromkeys(phase.tz for phase in plan.phases):
        timezone = icalendar.Timezone.from_tzinfo(
            zone,
            tzid=zone.key,
            first_date=max(first, _dt.date.min + 2 * _YEAR) - _YEAR,
            last_date=min(last, _dt.date.max - 2 * _YEAR) + _YEAR,
        )
        calendar.add_component(timezone)
    for phase in plan.phases:
        summary = f"Duloxetine {phase.dose_mg} mg"
        description = (
            f"Take {phase.dose_mg} mg of duloxetine, {AS_DIRECTED}. "
            f"{LABEL.administration.value} Never take two doses at once."
        )
        for dose in _doses(phase, first, last):
            at_utc = dose.astimezone(_dt.UTC)
            event = icalendar.Event()
            event.add("uid", str(_uuid.uuid5(namespace, f"{at_utc:%Y%m%dT%H%M%SZ}")))
            event.add("dtstamp", stamp)
            event.add("dtstart", dose if _read_alike(dose) else at_utc)
            event.add("summary", summary)
            event.add("description", description)
            event.add("transp", "TRANSPARENT")
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", _dt.timedelta(0))
            event.add_component(alarm)
            calendar.add_component(event)
    ics: bytes = calendar.to_ical()
    return ics
