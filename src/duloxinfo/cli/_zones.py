"""The command line's zone rule: a zone is a place, or UTC.

Private module of the command line.  The library takes any IANA zone; the
command line takes only the zones of places (``Area/Location`` names such as
``Europe/London`` or ``America/Argentina/Buenos_Aires``, under one of the
geographic areas below) and ``UTC`` or ``Etc/UTC`` for people who mean UTC.
Everything else is refused, with the place the person probably meant: fixed
offsets (``EST``, ``GMT``, ``Etc/GMT-3``) never change for summer time, so
``--at 21:00 --tz EST`` would be 22:00 on a New York clock in July; legacy names
(``US/Eastern``, ``EST5EDT``, ``GB``) follow rules of their own, not a place's.
"""

from __future__ import annotations

import datetime as _dt
from zoneinfo import ZoneInfo

from .._validate import brief, to_zone
from ..errors import DuloxinfoError

#: The IANA areas whose zones are places; ``Etc`` (fixed offsets) and legacy
#: prefixes such as ``US`` or ``Canada`` are not among them.
AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
#: The names accepted for UTC itself.
UTC_NAMES = frozenset({"UTC", "Etc/UTC"})

_NEW_YORK = "America/New_York"
_CHICAGO = "America/Chicago"
_DENVER = "America/Denver"
_LOS_ANGELES = "America/Los_Angeles"
_LONDON = "Europe/London (or UTC if you mean UTC)"
_CENTRAL_EUROPE = "your city's zone, such as Europe/Paris or Europe/Berlin"
_SAME_AS_UTC = "UTC"

# What the person probably meant, by the upper-cased name they gave.
_MEANT = {
    **dict.fromkeys(("EST", "EDT", "EST5EDT", "US/EASTERN", "US/MICHIGAN"), _NEW_YORK),
    **dict.fromkeys(("CST", "CDT", "CST6CDT", "US/CENTRAL"), _CHICAGO),
    "MST": f"{_DENVER} (America/Phoenix in most of Arizona, which keeps MST all year)",
    **dict.fromkeys(("MDT", "MST7MDT", "US/MOUNTAIN", "NAVAJO"), _DENVER),
    "US/ARIZONA": "America/Phoenix",
    **dict.fromkeys(("PST", "PDT", "PST8PDT", "US/PACIFIC"), _LOS_ANGELES),
    **dict.fromkeys(("HST", "US/HAWAII", "HAWAII"), "Pacific/Honolulu"),
    **dict.fromkeys(("AKST", "AKDT", "US/ALASKA"), "America/Anchorage"),
    **dict.fromkeys(
        (
            "GMT",
            "GMT0",
            "GMT+0",
            "GMT-0",
            "ETC/GMT",
            "ETC/GMT0",
            "ETC/GMT+0",
            "ETC/GMT-0",
            "GREENWICH",
            "ETC/GREENWICH",
            "GB",
            "GB-EIRE",
            "BST",
            "WET",
        ),
        _LONDON,
    ),
    **dict.fromkeys(
        ("UTC", "UCT", "ZULU", "UNIVERSAL", "Z", "ETC/UCT", "ETC/ZULU", "ETC/UNIVERSAL"),
        _SAME_AS_UTC,
    ),
    **dict.fromkeys(("CET", "CEST", "MET"), _CENTRAL_EUROPE),
    **dict.fromkeys(("EET", "EEST"), "Europe/Athens"),
    "IST": "Asia/Kolkata (or Europe/Dublin)",
    **dict.fromkeys(("JST", "JAPAN"), "Asia/Tokyo"),
    **dict.fromkeys(("PRC",), "Asia/Shanghai"),
    **dict.fromkeys(("ROK",), "Asia/Seoul"),
    **dict.fromkeys(("EIRE",), "Europe/Dublin"),
    **dict.fromkeys(("AEST", "AEDT"), "your city's zone, such as Australia/Sydney"),
}
_ANY_PLACE = "the zone of the place whose clock you follow, such as Europe/London"


class ZoneRuleError(ValueError):
    """A zone the command line refuses; the message names the flag and the zone meant."""


def read_zone(text: str, flag: str) -> ZoneInfo:
    """The zone of a place (``Area/Location``), or UTC; anything else raises ZoneRuleError."""
    name = text.strip()
    area, slash, _ = name.partition("/")
    if name not in UTC_NAMES and not (slash and area in AREAS):
        raise ZoneRuleError(_refusal(name, flag))
    try:
        return to_zone(name, flag)
    except DuloxinfoError as error:
        raise ZoneRuleError(f"{error}; give a place such as Europe/London") from None


def _refusal(name: str, flag: str) -> str:
    meant = _MEANT.get(name.upper())
    if meant is None and name.upper().startswith(("ETC/GMT", "GMT")):
        meant = _ANY_PLACE
    try:
        zone = to_zone(name, flag)
    except DuloxinfoError:
        return (
            f"{flag}: {brief(name)} is not a zone such as Europe/London or America/New_York "
            f"(Area/Location, or UTC); give {meant or _ANY_PLACE}"
        )
    if meant == _SAME_AS_UTC:
        return f"{flag}: {brief(name)} is an old name for UTC; give UTC"
    winter = _dt.datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset()
    summer = _dt.datetime(2026, 7, 15, 12, tzinfo=zone).utcoffset()
    what = (
        "is a fixed offset, not a place: its clock never changes for summer time"
        if winter == summer
        else "is an old name, not a place: it follows rules of its own, not a place's"
    )
    return f"{flag}: {brief(name)} {what}; give {meant or _ANY_PLACE}"
