"""Words every answer, renderer and export shares: how often, times of day, days, durations.

Private module.  Each phrase is written here once, so that a reason, the guide
and a FHIR text say "once daily" the same way.  Plain f-strings, not
``strftime``: these run on every decision, and ``strftime`` costs microseconds.
"""

from __future__ import annotations

import datetime as _dt

_HOW_OFTEN = {1: "once daily", 2: "twice daily"}


def how_often(times_per_day: int) -> str:
    """``once daily`` or ``twice daily``.

    >>> how_often(2)
    'twice daily'
    """
    return _HOW_OFTEN[times_per_day]


def clock(value: _dt.datetime) -> str:
    """``HH:MM`` of a local datetime."""
    return f"{value.hour:02d}:{value.minute:02d}"


def day(value: _dt.datetime) -> str:
    """``YYYY-MM-DD`` of a local datetime."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def when(value: _dt.datetime) -> str:
    """``HH:MM on YYYY-MM-DD`` of a local datetime."""
    return f"{clock(value)} on {day(value)}"


def sentence(text: str) -> str:
    """``text`` with its first letter capitalised."""
    return text[:1].upper() + text[1:]


def duration(span: _dt.timedelta) -> str:
    """A span as ``H h MM min``, to the nearest minute.

    >>> duration(_dt.timedelta(hours=2, seconds=50))
    '2 h 01 min'
    """
    minutes = round(span.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
