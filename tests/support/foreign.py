"""Other libraries' datetimes and integers, and hostile ones of our own, for the boundary tests.

duloxinfo takes any ``datetime`` subclass and any integer with ``__index__``, and turns
them into plain ``datetime`` and ``int`` values once, where they come in
(``duloxinfo._validate``).  ``Hostile`` is a subclass written to break a library that
forgets to: its arithmetic, conversions and fields all lie, only its offset tells the
truth.  ``Lying`` tells the wrong offset for itself, which no conversion can carry.
"""

import datetime as dt
import enum
from zoneinfo import ZoneInfo

import attrs
import numpy as np
import pendulum


class Offset(dt.tzinfo):
    """A fixed offset of one's own (not ``datetime.timezone``), as older libraries write them."""

    def __init__(self, offset):
        self.offset = offset

    def utcoffset(self, when):
        return self.offset

    def dst(self, when):
        return dt.timedelta(0)

    def tzname(self, when):
        return f"Offset{self.offset}"

    def __repr__(self):
        return f"Offset({self.offset!r})"


class Hostile(dt.datetime):
    """A datetime whose arithmetic returns surprising types and naive values.

    Adding gives a naive datetime, subtracting a string, ``astimezone`` gives the value
    back unconverted, ``replace`` a naive datetime of the year 2000, ``isoformat`` says
    so, and comparisons refuse.  Its fields and ``utcoffset`` (from its tzinfo) are
    honest: a zone reads them to find the offset.
    """

    def __add__(self, other):
        return dt.datetime.__add__(self, other).replace(tzinfo=None)

    __radd__ = __add__

    def __sub__(self, other):
        return "a hostile difference"

    def __rsub__(self, other):
        return "a hostile difference"

    def astimezone(self, tz=None):
        return self

    def replace(self, *args, **kwargs):
        return dt.datetime(2000, 1, 1)

    def __lt__(self, other):
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__

    def isoformat(self, sep="T", timespec="auto"):
        return "a hostile isoformat"

    @classmethod
    def of(cls, value, tzinfo=None):
        """``value``'s wall time, fold and tzinfo (or ``tzinfo``) as a Hostile."""
        return cls(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            tzinfo=value.tzinfo if tzinfo is None else tzinfo,
            fold=value.fold,
        )


class Lying(dt.datetime):
    """A datetime that says its offset is an hour more than its tzinfo gives."""

    def utcoffset(self):
        return dt.datetime.utcoffset(self) + dt.timedelta(hours=1)


class Misread(dt.datetime):
    """A datetime whose ``hour`` reads 0 whatever it holds.

    The library reads the fields it holds; a zone of the database asks ``hour`` of a
    subclass, and in a day the clocks change, finds another offset for it.
    """

    @property
    def hour(self):
        return 0


class Kind(enum.Enum):
    """How a plain datetime is given in another type."""

    PENDULUM = "pendulum"
    HOSTILE = "hostile"
    HOSTILE_OWN_OFFSET = "hostile with an Offset tzinfo"


def foreign(value, kind):
    """The instant ``value`` (a plain aware datetime, or None) given as ``kind``."""
    if value is None:
        return None
    if kind is Kind.PENDULUM:
        return pendulum.instance(value)
    if kind is Kind.HOSTILE:
        return Hostile.of(value)
    own = value.astimezone(Offset(value.utcoffset()))
    return Hostile.of(own)


INTEGERS = (np.int64, np.int32, np.uint16, np.intp)

PLAIN = (dt.datetime, dt.date, dt.time, dt.timedelta)


def _foreign_zone(zone):
    return isinstance(zone, ZoneInfo) and type(zone) is not ZoneInfo


def _wrong_type(answer):
    """The type of ``answer`` if it is a datetime, date, time, timedelta or integer of a
    type not the standard library's (or a datetime in a ZoneInfo subclass), else None."""
    if isinstance(answer, enum.Enum | bool):
        return None
    if isinstance(answer, dt.datetime) and _foreign_zone(answer.tzinfo):
        return type(answer.tzinfo)
    if hasattr(type(answer), "__index__"):  # an int, or numpy's integers (not ints)
        return None if type(answer) is int else type(answer)
    kind = next((k for k in PLAIN if isinstance(answer, k)), None)
    return None if kind is None or type(answer) is kind else type(answer)


def _parts(answer, where):
    """The fields of an attrs record, or the items of a tuple, list or dict, each named."""
    if attrs.has(type(answer)):
        return [(getattr(answer, f.name), f"{where}.{f.name}") for f in attrs.fields(type(answer))]
    if isinstance(answer, tuple | list):
        return [(item, f"{where}[{i}]") for i, item in enumerate(answer)]
    if isinstance(answer, dict):
        return [(item, f"{where}[{k}]") for k, item in answer.items()]
    return []


def not_plain(answer, where="answer"):
    """Where ``answer`` holds a datetime, date, time, timedelta or integer of another type.

    Walks attrs records, tuples, lists and dicts; enums and bools are left alone.
    """
    wrong = _wrong_type(answer)
    found = [] if wrong is None else [f"{where}: {wrong}"]
    return found + [f for item, place in _parts(answer, where) for f in not_plain(item, place)]


def canonical(answer):
    """``answer`` with each datetime as its UTC instant and offset, for comparing answers.

    Two aware datetimes in different tzinfos never compare equal in a repeated hour
    (PEP 495), though they name the same instant: compare what they denote instead.
    """
    if isinstance(answer, dt.datetime):
        return ("datetime", answer.astimezone(dt.UTC), answer.utcoffset())
    if attrs.has(type(answer)):
        return (
            type(answer).__name__,
            tuple(canonical(getattr(answer, f.name)) for f in attrs.fields(type(answer))),
        )
    if isinstance(answer, tuple | list):
        return tuple(canonical(item) for item in answer)
    if isinstance(answer, dict):
        return {key: canonical(item) for key, item in answer.items()}
    return answer
