"""Words every answer, renderer and export shares: how often, times of day, days, durations.

Private module.  Each phrase is written here once, so that a reason, the guide
and a FHIR text say "once daily" the same way.  Plain f-strings, not
``strftime``: these run on every decision, and ``strftime`` costs microseconds.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

AS_DIRECTED: Final = "as your prescriber directs"
"""The words every instruction to take a dose ends with: the prescriber decides the dose."""

GET_HELP: Final = "Get help now"
"""The words that mark an urgent warning, in every format."""

_HOW_OFTEN = {1: "once daily", 2: "twice daily"}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_SHORT: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_SHORT: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def how_often(times_per_day: int) -> str:
    """``once daily`` or ``twice daily``.

    >>> how_often(2)
    'twice daily'
    """
    return _HOW_OFTEN[times_per_day]


def clock(value: _dt.datetime) -> str:
    """``HH:MM`` of a local datetime."""
    return f"{value.hour:02d}:{value.minute:02d}"


def date_words(value: _dt.date) -> str:
    """``Monday 2 November`` of a date: the day a person reads, without the year.

    >>> date_words(_dt.date(2026, 11, 2))
    'Monday 2 November'
    """
    return f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]}"


def moment(value: _dt.datetime) -> str:
    """``08:00 on Monday 2 November`` of a local datetime."""
    return f"{clock(value)} on {date_words(value.date())}"


def hours(span: _dt.timedelta) -> str:
    """A span in hours, ``12 hours`` or ``1 hour``, to the nearest minute beyond that.

    >>> hours(_dt.timedelta(hours=12)), hours(_dt.timedelta(hours=6, minutes=30))
    ('12 hours', '6 h 30 min')
    """
    if span % _dt.timedelta(hours=1):
        return duration(span)
    whole = span // _dt.timedelta(hours=1)
    return plural(whole, "hour")


def days_missed(days: int, *, or_more: bool) -> str:
    """``3 days``, or ``30 days or more`` when the count stopped at its limit.

    >>> days_missed(3, or_more=False), days_missed(30, or_more=True)
    ('3 days', '30 days or more')
    """
    text = plural(days, "day")
    return f"{text} or more" if or_more else text


def place(zone: _dt.tzinfo | None) -> str:
    """The place a zone is named after: ``New York`` for ``America/New_York``.

    >>> from zoneinfo import ZoneInfo
    >>> place(ZoneInfo("America/New_York")), place(ZoneInfo("Australia/Lord_Howe"))
    ('New York', 'Lord Howe')
    """
    return str(zone).rsplit("/", 1)[-1].replace("_", " ")


def plural(count: int, word: str) -> str:
    """``1 dose``, ``3 doses``: a count and its word, in the right number."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def span_words(span: _dt.timedelta) -> str:
    """A span as ``2 days 4 h 30 min``, to the nearest minute: days, then a clock span.

    >>> span_words(_dt.timedelta(days=2, hours=4, minutes=30)), span_words(_dt.timedelta(days=1))
    ('2 days 4 h 30 min', '1 day')
    """
    minutes = round(span.total_seconds() / 60)
    days, minutes = divmod(minutes, 24 * 60)
    clock = duration(_dt.timedelta(minutes=minutes))
    if not days:
        return clock
    return plural(days, "day") + (f" {clock}" if minutes else "")


def span_in_full(span: _dt.timedelta) -> str:
    """A span's size in whole words, ``1 day 2 hours 3 minutes``, for text read aloud.

    Down to the minute, whatever its sign; ``less than a minute`` below one.

    >>> span_in_full(_dt.timedelta(hours=-2, minutes=-5)), span_in_full(_dt.timedelta(seconds=9))
    ('2 hours 5 minutes', 'less than a minute')
    """
    minutes = int(abs(span).total_seconds()) // 60
    if minutes == 0:
        return "less than a minute"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    counts = ((days, "day"), (hours, "hour"), (minutes, "minute"))
    return " ".join(plural(n, word) for n, word in counts if n)


_UNITS = (
    (_dt.timedelta(weeks=1), "week"),
    (_dt.timedelta(days=1), "day"),
    (_dt.timedelta(hours=1), "hour"),
)


def lasting(span: _dt.timedelta) -> str:
    """How long a step lasts: ``1 week``, ``10 days``, ``12 hours``, else ``1 h 30 min``.

    >>> lasting(_dt.timedelta(weeks=1)), lasting(_dt.timedelta(days=10))
    ('1 week', '10 days')
    """
    for unit, word in _UNITS:
        if span >= unit and not span % unit:
            return plural(span // unit, word)
    return duration(span)


def short_date(value: _dt.date) -> str:
    """``Mon 2 Nov``: a date in short words, for a picture's labels.

    >>> short_date(_dt.date(2026, 11, 2))
    'Mon 2 Nov'
    """
    return f"{WEEKDAYS_SHORT[value.weekday()]} {value.day} {MONTHS_SHORT[value.month - 1]}"


def duration(span: _dt.timedelta) -> str:
    """A span as ``H h MM min``, to the nearest minute.

    >>> duration(_dt.timedelta(hours=2, seconds=50))
    '2 h 01 min'
    """
    minutes = round(span.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
