"""An RFC 5545 calendar (.ics) of a plan's doses, with a reminder on each.

Needs the optional ``calendar`` extra (``pip install 'duloxinfo[calendar]'``),
which brings the ``icalendar`` package; nothing else in duloxinfo imports it.
icalendar writes each zone's ``VTIMEZONE``; the events are written here, line by
line (escaped and folded as RFC 5545 asks), since icalendar's serialiser took 19
times as long as writing the same lines (docs/performance.md).
"""

from __future__ import annotations

import datetime as _dt
import uuid as _uuid
from typing import TYPE_CHECKING, Final, NamedTuple

from .._names import public_dir
from .._validate import brief, require_aware, require_date, require_type, require_whole_number, utc
from .._version import __version__
from .._walltime import wall_instant, wall_to_utc
from .._words import AS_DIRECTED
from ..choices import MAX_SCHEDULE_DAYS
from ..errors import ScheduleError
from ..label import LABEL
from ..rules._inputs import as_plan
from ..rules._judging import ON_TIME
from ..rules._slots import doses_between
from ..rules.plan import Plan
from ..rules.regimen import Regimen

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["dose_calendar"]
__dir__ = public_dir(globals())

# The namespace of the UIDs of a calendar made without one: a plan's own namespace is
# derived from it and the plan, so that the same plan always gets the same UIDs.
_PLAN_NAMESPACE: Final = _uuid.UUID("6c1f7c0e-3b8e-5d0a-9f0e-2f4d8b7a1c55")
_YEAR: Final = _dt.timedelta(days=366)
_ONE_DAY: Final = _dt.timedelta(days=1)
_MINUTE: Final = _dt.timedelta(minutes=1)
_NO_TIME: Final = _dt.timedelta(0)
_CRLF: Final = "\r\n"
# RFC 5545 §3.1: a content line SHOULD be at most 75 octets; folded, as icalendar folds,
# before the 75th, so that the bytes are the ones icalendar wrote before.
_FOLD_AT: Final = 75
# The zones whose wall clock is UTC at every instant (tzdata's names of Etc/UTC and
# Etc/GMT): their doses are written in UTC (``...Z``), as icalendar wrote them.  Not
# every zone at +00:00 today: Atlantic/Reykjavik was at -01:00 until 1968.
_UTC_ZONES: Final = frozenset(
    {
        *("UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich"),
        *("Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Etc/GMT", "Etc/GMT0"),
        *("Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich"),
    }
)


def _escaped(text: str) -> str:
    """``text`` as RFC 5545 TEXT (§3.3.11): backslash, ``;``, ``,`` and line ends escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _folded(line: str) -> str:
    """``line`` folded (RFC 5545 §3.1) into lines of fewer than 75 octets, ending in CRLF.

    A fold is CRLF and a space.  It never splits a character's UTF-8 octets, nor a
    backslash from the character it escapes (as icalendar folds, for clients that
    would read them apart).
    """
    if len(line) < _FOLD_AT and line.isascii():
        return line + _CRLF
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode())
        if current and size + octets >= _FOLD_AT:
            if len(current) > 1 and current[-1] in "\\^":
                parts.append("".join(current[:-1]))
                current, size = [current[-1]], 1
            else:
                parts.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (_CRLF + " ").join(parts) + _CRLF


def _when(at: _dt.datetime) -> str:
    """A DATE-TIME value's digits (RFC 5545 §3.3.5) of ``at``'s wall clock, whole seconds."""
    return f"{at.year:04}{at.month:02}{at.day:02}T{at.hour:02}{at.minute:02}{at.second:02}"


def _names_one_instant(wall: _dt.datetime, tz: ZoneInfo) -> bool:
    """Whether every client reads the naive wall time ``wall`` in ``tz`` as one instant.

    Not so when the wall time occurs twice (the repeated hour of a night the clocks go
    back: RFC 5545 reads the first, libical and ical.js the second) or not at all (a
    gap: RFC 5545 §3.3.10 both drops such a recurrence instance and reads it as §3.3.5
    does, with the offset before the gap): both readings of it, ``fold=0`` and
    ``fold=1``, then give different offsets.  Nor when the zone's offset has seconds
    (local mean time, before a zone kept standard time): ical.js drops them.
    """
    # A ZoneInfo always has an offset; typeshed allows None for any tzinfo.
    offset: _dt.timedelta = tz.utcoffset(wall)  # type: ignore[assignment]
    return offset == tz.utcoffset(wall.replace(fold=1)) and offset % _MINUTE == _NO_TIME


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


class _Series(NamedTuple):
    """A phase's doses at one time of day on consecutive local dates, as one repeating event.

    Attributes:
        first: The first dose, in the phase's zone (the event's ``DTSTART``).
        last: The last dose, in UTC (the rule's ``UNTIL``).
        after: The last night before ``first`` (since the phase's start, within
            :data:`_LOOK_BACK`) on which this time of day names no one instant, or None:
            with the phase's start, zone and time of day, what the series' UID is made of.
    """

    first: _dt.datetime
    last: _dt.datetime
    after: _dt.date | None


# How far back a series looks for the night that ended the series before it: further
# than a year, so that a zone that changes its clocks finds its last change.
_LOOK_BACK: Final = 400


def _breaks_series(day: _dt.date, time: _dt.time, tz: ZoneInfo) -> bool:
    """Whether a daily series must not hold ``day``'s dose at ``time``.

    So when the clocks change that day, or the wall time names no one instant
    (:func:`_names_one_instant`).

    A rule's instance on the day the clocks change was read at the other offset by
    vobject (13:30 on 29 March 2026 in London, read as 13:30 GMT), where icalendar and
    ical.js read it right; every series lies within one offset, so no client has to
    work out a change inside a rule.
    """
    midnight = _dt.datetime.combine(day, _dt.time())
    return tz.utcoffset(midnight) != tz.utcoffset(midnight + _ONE_DAY) or not (
        _names_one_instant(_dt.datetime.combine(day, time), tz)
    )


def _night_before(day: _dt.date, time: _dt.time, phase: Regimen) -> _dt.date | None:
    """The last date before ``day`` in the phase that breaks a series at ``time``."""
    since = max(phase.start.astimezone(phase.tz).date(), day - _LOOK_BACK * _ONE_DAY)
    night = day - _ONE_DAY
    while night >= since:
        if _breaks_series(night, time, phase.tz):
            return night
        night -= _ONE_DAY
    return None


def _in_series(
    phase: Regimen, doses: list[_dt.datetime]
) -> tuple[list[_Series], list[_dt.datetime]]:
    """The phase's ``doses`` as daily series (runs of days at a time of day), and the rest.

    A date's dose at a time of day belongs to a series when that instant is one of
    ``doses`` and the date does not break a series (:func:`_breaks_series`: the clocks
    change that day); such a date ends the series, and the next begins after it.  (A
    rule with an ``EXDATE`` on such a night was read differently by vobject:
    docs/calendar.md.)  What is left (each dose on a day the clocks change, a run of
    one day) is written as an event of its own.
    """
    tz = phase.tz
    left = {utc(dose) for dose in doses}
    series: list[_Series] = []
    if not doses:
        return series, doses
    first_day, last_day = doses[0].date(), doses[-1].date()
    for time in sorted(phase.times):
        runs: list[list[_dt.datetime]] = [[]]
        day = first_day
        while day <= last_day:
            wall = _dt.datetime.combine(day, time)
            at = wall_to_utc(wall, tz)
            if at in left and not _breaks_series(day, time, tz):
                runs[-1].append(at)
            elif runs[-1]:
                runs.append([])
            day += _ONE_DAY
        for run in runs:
            if len(run) > 1:
                left.difference_update(run)
                first = run[0].astimezone(tz)
                series.append(_Series(first, run[-1], _night_before(first.date(), time, phase)))
    series.sort(key=lambda s: s.first)
    return series, [dose for dose in doses if utc(dose) in left]


def _alarm_trigger(minutes: object, plan: Plan) -> str:
    """The ``TRIGGER`` line of each dose's reminder, ``minutes`` before it (None: at it).

    At most as long before as the dose is still on time
    (:data:`~duloxinfo.choices.ON_TIME_ONCE_DAILY`, or
    :data:`~duloxinfo.choices.ON_TIME_TWICE_DAILY` in a plan with a twice-daily phase), so
    that a reminder never asks for a dose earlier than it may be taken on time.
    """
    if minutes is None:
        return "TRIGGER:P0D"
    field = "alarm_minutes_before"
    count = require_whole_number(minutes, field, "a whole number of minutes or None")
    window = min(ON_TIME[len(phase.times)] for phase in plan.phases)
    most = window // _MINUTE
    if count < 0:
        raise ScheduleError(
            field, f"{brief(count)} is not a time before the dose; give 0 to {most} minutes"
        )
    if count > most:
        daily = "twice-daily" if window == ON_TIME[2] else "once-daily"
        raise ScheduleError(
            field,
            f"{brief(count)} minutes is earlier than a {daily} dose is on time; "
            f"give 0 to {most} minutes",
        )
    return "TRIGGER:P0D" if count == 0 else f"TRIGGER:-PT{count}M"


def _header(plan: Plan, first: _dt.date, last: _dt.date) -> str:
    """The calendar's first lines and the ``VTIMEZONE`` of each zone of the plan."""
    try:
        import icalendar  # noqa: PLC0415 - an optional extra, loaded only here
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "dose_calendar needs the calendar extra: pip install 'duloxinfo[calendar]'"
        ) from exc
    lines = [
        "BEGIN:VCALENDAR" + _CRLF,
        "VERSION:2.0" + _CRLF,
        _folded(f"PRODID:{_escaped(f'-//duloxinfo//duloxinfo {__version__}//EN')}"),
    ]
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
        lines.append(_one_date_a_line(timezone.to_ical().decode()))
    return "".join(lines)


def _one_date_a_line(vtimezone: str) -> str:
    """``vtimezone`` with its changes written as every client reads them.

    Each ``RDATE`` of several dates is written as one line per date: icalendar lists a
    zone's changes over more than a year on one line, and ical.js (the engine of
    Thunderbird) and vobject read only its first date, and so read every dose of the
    summers after it an hour off.  And a block (``STANDARD`` or ``DAYLIGHT``) with
    ``RDATE`` lines lists its ``DTSTART`` among them as well: ical.js takes a block's
    changes from its ``RDATE`` (or ``RRULE``) alone when it has one, and drops the
    change its ``DTSTART`` names (as libical did, libical issue 156), so that a dose
    between that change and the block's next was read at the offset before it (3
    November 2027 in New York, an hour late).  RFC 5545 counts the ``DTSTART`` as the
    first onset either way (§3.6.5, §3.8.5.2: a date given twice is one onset), so the
    other readers read the same changes.
    """
    lines: list[str] = []
    block: list[str] = []  # the lines of a STANDARD or DAYLIGHT block, until its end
    for line in vtimezone.replace(_CRLF + " ", "").split(_CRLF)[:-1]:
        if line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            block = [line]
        elif block and line not in ("END:STANDARD", "END:DAYLIGHT"):
            block.append(line)
        elif block:
            lines += _changes(block)
            lines.append(line + _CRLF)
            block = []
        else:
            lines.append(_folded(line))
    return "".join(lines)


def _changes(block: list[str]) -> list[str]:
    """A ``VTIMEZONE`` block's lines, one ``RDATE`` a line and its ``DTSTART`` among them."""
    rdate = "RDATE:"
    dates = [d for line in block if line.startswith(rdate) for d in line[len(rdate) :].split(",")]
    out = [_folded(line) for line in block if not line.startswith(rdate)]
    if dates:
        # icalendar writes every block with a DTSTART, as RFC 5545 requires.
        start = next((line[8:] for line in block if line.startswith("DTSTART:")), dates[0])
        dates = ([] if start in dates else [start]) + dates
        out += [f"{rdate}{date}{_CRLF}" for date in dates]
    return out


def _events(  # noqa: PLR0913 - the phase, its doses, and how to write them
    phase: Regimen,
    doses: list[_dt.datetime],
    *,
    repeating: bool,
    namespace: _uuid.UUID,
    stamp_line: str,
    trigger: str,
) -> list[str]:
    """The phase's events (``VEVENT``) of ``doses``, each its lines as one string."""
    out: list[str] = []
    summary = f"Duloxetine {phase.dose_mg} mg"
    description = (
        f"Take {phase.dose_mg} mg of duloxetine, {AS_DIRECTED}. "
        f"{LABEL.administration.value} Never take two doses at once."
    )
    # The lines every event of the phase shares, before and after its own.
    begin = f"BEGIN:VEVENT{_CRLF}" + _folded(f"SUMMARY:{_escaped(summary)}")
    end = (
        _folded(f"DESCRIPTION:{_escaped(description)}")
        + f"TRANSP:TRANSPARENT{_CRLF}BEGIN:VALARM{_CRLF}ACTION:DISPLAY{_CRLF}"
        + _folded(f"DESCRIPTION:{_escaped(summary)}")
        + f"{trigger}{_CRLF}END:VALARM{_CRLF}END:VEVENT{_CRLF}"
    )
    tz = phase.tz
    in_utc = tz.key in _UTC_ZONES
    tzid = f";TZID={tz.key}:"  # an IANA name needs no quoting (RFC 5545 §3.2)
    if repeating:
        series, doses = _in_series(phase, doses)
        for each in series:
            key = f"daily {tz.key} {each.first.time().isoformat()} {utc(phase.start)}"
            if each.after is not None:
                key += f" after {each.after.isoformat()}"
            start = f":{_when(each.first)}Z" if in_utc else f"{tzid}{_when(each.first)}"
            out.append(
                f"{begin}DTSTART{start}{_CRLF}{stamp_line}"
                f"UID:{_uuid.uuid5(namespace, key)}{_CRLF}"
                f"RRULE:FREQ=DAILY;UNTIL={_when(each.last)}Z{_CRLF}{end}"
            )
    for dose in doses:
        at_utc = dose.astimezone(_dt.UTC)
        if in_utc or not _names_one_instant(dose.replace(tzinfo=None), tz):
            start = f":{_when(at_utc)}Z"
        else:
            start = f"{tzid}{_when(dose)}"
        uid = _uuid.uuid5(namespace, f"{at_utc:%Y%m%dT%H%M%SZ}")
        out.append(f"{begin}DTSTART{start}{_CRLF}{stamp_line}UID:{uid}{_CRLF}{end}")
    return out


def dose_calendar(  # noqa: PLR0913 - the plan, its dates, and how to write them
    plan: Plan | Regimen,
    first_day: _dt.date,
    last_day: _dt.date,
    *,
    created: _dt.datetime,
    namespace: _uuid.UUID | None = None,
    alarm_minutes_before: int | None = None,
    repeating: bool = False,
) -> bytes:
    """The plan's doses on the local dates ``first_day`` to ``last_day`` as an .ics file.

    One event per scheduled dose (as :func:`~duloxinfo.rules.schedule.dose_times`
    lists them), with that dose's phase's amount in its summary and description,
    the administration instructions, and a reminder (``VALARM``).  A dose is in
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

    **Reminders.**  Each event's reminder comes at the dose time, or
    ``alarm_minutes_before`` minutes before it (``TRIGGER:-PT15M``): at most 120
    minutes, or 60 in a plan with a twice-daily phase, the time within which a dose
    counts as on time (:data:`~duloxinfo.choices.ON_TIME_ONCE_DAILY`,
    :data:`~duloxinfo.choices.ON_TIME_TWICE_DAILY`), so that no reminder asks for a
    dose earlier than that.

    **Repeating events.**  With ``repeating=True``, each phase's doses at each time of
    day are written as events that repeat daily (``RRULE:FREQ=DAILY;UNTIL=...``) in the
    phase's zone, rather than one event per dose.  A rule never holds a day the clocks
    change: it ends the day before and the next begins the day after, and that day's
    doses are events of their own, as above.  So no client has to work out a change of
    offset, a repeated hour or a skipped one inside a rule (vobject got the first
    wrong, ical.js the second, and RFC 5545 §3.3.10 says two things of the third):
    every client tested reads the same instants as without ``repeating``.

    **UIDs.**  Each event's UID is a UUID (version 5) made from ``namespace`` and
    the dose's instant (a repeating event's, from its phase's start, zone and time of
    day, and the last day the clocks changed before it), so it is stable across runs,
    differs between namespaces, and carries no data about the person.  Give each
    person's plan a ``namespace`` of its own (a random :func:`uuid.uuid4`, stored with
    the plan): then two people on the same regimen do not share UIDs in a shared
    calendar, and a calendar made again after the plan changes replaces the events of
    the same doses (a changed amount at the same time included) instead of adding to
    them.  Without one, the namespace is derived from the plan itself: the same plan
    always gives the same UIDs, and so do two people on the same plan.

    ``created`` is the calendar's timestamp (``DTSTAMP``), given rather than read
    from the clock.  Every line ends with CRLF, as RFC 5545 requires.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, the days are not dates,
            ``created`` is not a datetime, ``namespace`` is not a
            :class:`uuid.UUID`, ``alarm_minutes_before`` is not a whole number or None,
            or ``repeating`` is not True or False.
        InvalidDatetimeError: a day is outside the supported years, or ``created`` has
            no zone or is outside them.
        ScheduleError: ``last_day`` is before ``first_day``, the span is longer
            than :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS`, or
            ``alarm_minutes_before`` is below 0 or earlier than a dose is on time.
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
    trigger = _alarm_trigger(alarm_minutes_before, plan)
    require_type(repeating, bool, "repeating", "True or False")
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
    out = [_header(plan, first, last)]
    if namespace is None:
        namespace = _plan_namespace(plan)
    stamp_line = f"DTSTAMP:{_when(stamp)}Z{_CRLF}"
    for phase in plan.phases:
        out += _events(
            phase,
            _doses(phase, first, last),
            repeating=repeating,
            namespace=namespace,
            stamp_line=stamp_line,
            trigger=trigger,
        )
    out.append(f"END:VCALENDAR{_CRLF}")
    return "".join(out).encode()
