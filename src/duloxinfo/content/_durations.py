"""Durations in the guide's JSON: ISO 8601 of whole weeks, days, hours, minutes and seconds.

Private module.  The one grammar both the loader and the JSON Schema use.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

PATTERN: Final = r"^P(?=\d|T\d)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
"""The grammar, as a regular expression valid in Python, in JavaScript and so in JSON Schema.

For example ``P7D`` or ``PT12H``; plain groups only, since JavaScript has no ``(?P<...>)``.
"""
_UNITS: Final = ("weeks", "days", "hours", "minutes", "seconds")
_GRAMMAR: Final = re.compile(PATTERN)


def parse(text: str) -> _dt.timedelta | None:
    """The duration ``text`` writes, or None if it is not one (or too long for Python)."""
    match = _GRAMMAR.match(text)
    if match is None:
        return None
    parts = {unit: int(n) for unit, n in zip(_UNITS, match.groups(), strict=True) if n is not None}
    try:
        return _dt.timedelta(**parts)
    except OverflowError:
        return None


def write(value: _dt.timedelta) -> str | None:
    """``value`` in the grammar, or None if it is negative or not whole seconds."""
    if value < _dt.timedelta(0) or value.microseconds:
        return None
    return iso(value)


def iso(span: _dt.timedelta) -> str:
    """Any span in ISO 8601 (``P1DT2H``, ``PT1.5S``), with a leading minus sign when negative.

    The one writer of a span as ISO 8601: the guide's JSON (whole, positive spans, in
    the grammar above) and the answers' JSON (any span) both use it.

    >>> iso(_dt.timedelta(days=1, hours=2)), iso(_dt.timedelta(seconds=-1.5)), iso(_dt.timedelta(0))
    ('P1DT2H', '-PT1.5S', 'P0D')
    """
    if span < _dt.timedelta(0):
        return "-" + iso(-span)
    hours, rest = divmod(span.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    second = f"{seconds}.{span.microseconds:06d}".rstrip("0") if span.microseconds else seconds
    time = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (second, "S")) if n)
    days = f"{span.days}D" if span.days or not time else ""
    return f"P{days}" + (f"T{time}" if time else "")
