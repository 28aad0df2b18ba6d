"""Short ways to write the instants and regimens of hand-worked cases, and to compare answers."""

import datetime as dt
from zoneinfo import ZoneInfo

from duloxinfo import Regimen

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def at(y, mo, d, h=0, mi=0, tz=UTC):
    """An aware instant, in UTC unless told."""
    return dt.datetime(y, mo, d, h, mi, tzinfo=tz)


def jan(day, hour, minute=0, month=1, tz=LONDON):
    """An instant of 2026 (January unless told), in London unless told."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=tz)


def daily(dose=60, times=(dt.time(8),), tz="Europe/London", start=None):
    """A regimen, once daily at 08:00 in London from 5 January 2026 unless told."""
    return Regimen(dose, list(times), tz, start or at(2026, 1, 5, tz=LONDON))


def same(actual, expected):
    """Whole answers compared by repr: a datetime in the wrong zone or a changed word fails."""
    assert repr(actual) == repr(expected)
