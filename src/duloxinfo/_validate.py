"""Input checks shared by every public function, each written once, with bounded messages.

Private module.  Each check returns the value it accepts (so that callers write
``start = require_aware(start, "start")``) or raises the class the error policy
(:mod:`duloxinfo.errors`) gives for what is wrong.  Nothing here imports attrs.

The checks are also where other libraries' types become the standard library's, once,
at the boundary: a subclass of :class:`datetime.datetime` (pendulum's ``DateTime``,
whose arithmetic keeps its own type and may drop or change the zone), ``date``,
``time`` or ``timedelta`` comes back as the plain type with the same value, and an
integer of another type (numpy's ``int64``: anything with ``__index__`` but a bool) as
an ``int``.  So the rules, and their answers, only ever hold the plain types.
"""

from __future__ import annotations

import datetime as _dt
import operator
import reprlib
import sys
from collections.abc import Callable, Iterable
from itertools import islice
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, TypeVar

from .errors import InvalidDatetimeError, NaiveDatetimeError, TimeZoneError, WrongTypeError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    import attrs

# The supported years: a day either side of any instant in them is still a datetime.
MIN_YEAR: Final = 2
MAX_YEAR: Final = 9998
_T = TypeVar("_T")
# Integers are shown in full up to this many bits (about 60 digits).
_LONGEST_INT_BITS: Final = 200
_LOG10_2: Final = 0.30103
_LONGEST_NAME: Final = 40
# Names in the time zone database that are not places: the machine's own zone, the
# placeholder zone, a rules file, and the copies of every zone kept under posix/ and right/.
_NOT_ZONES: Final = frozenset({"localtime", "Factory", "posixrules"})


class _Shown(reprlib.Repr):
    """reprlib, with integers of any size shown by their length, not their digits.

    ``str()`` of an integer of over 4,300 digits raises, and reprlib calls it; an
    object whose own ``repr`` fails reprlib shows as ``<Name instance at 0x...>``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = 60
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = 4
        self.maxlevel = 2

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > _LONGEST_INT_BITS:
            return f"(an integer of about {round(x.bit_length() * _LOG10_2)} digits)"
        return super().repr_int(x, level)


_SHOWN: Final = _Shown()


def brief(value: object) -> str:
    """``repr(value)``, cut to a bounded length for an error message.

    >>> brief("Europe/Lundon"), brief("x" * 100)
    ("'Europe/Lundon'", "'xxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxx'")
    >>> brief(10**400), brief([10**5000])
    ('(an integer of about 400 digits)', '[(an integer of about 5000 digits)]')
    """
    if type(value) is int:  # reprlib would show an integer subclass with its own repr
        return _SHOWN.repr_int(value, _SHOWN.maxlevel)
    return _SHOWN.repr(value)


def shown(value: object) -> str:
    """``value``'s type and its bounded ``repr``: ``str '08:00'``, for an error message."""
    return f"{type(value).__name__[:_LONGEST_NAME]} {brief(value)}"


def require_type(value: object, kind: type[_T], field: str, expected: str) -> _T:
    """Return ``value`` if it is a ``kind``, else raise :class:`~duloxinfo.errors.WrongTypeError`.

    ``expected`` says what was wanted, in words: ``"a duloxinfo.Regimen"``.
    """
    if not isinstance(value, kind):
        raise WrongTypeError(field, f"expected {expected}, got {shown(value)}")
    return value


def require_whole_number(value: object, field: str, expected: str = "a whole number") -> int:
    """``value`` as an ``int``, else raise ``WrongTypeError``.

    An ``int``, or an integer of another type (anything with ``__index__``, such as
    numpy's ``int64``), which comes back as the ``int`` of the same value.  A ``bool``
    (numpy's too) is not a number here, and neither is a float, even ``30.0``.

    >>> import fractions
    >>> require_whole_number(fractions.Fraction(60), "dose_mg")
    Traceback (most recent call last):
    ...
    duloxinfo.errors.WrongTypeError: dose_mg: expected a whole number, got Fraction Fraction(60, 1)
    """
    if type(value) is int:
        return value
    if isinstance(value, bool) or not isinstance(value, SupportsIndex):
        raise WrongTypeError(field, f"expected {expected}, got {shown(value)}")
    try:
        # An int of the same value, even from an int subclass or an __index__ of one's
        # own; numpy's bool refuses with a TypeError.
        return operator.index(value)
    except (TypeError, ValueError, ArithmeticError):
        raise WrongTypeError(field, f"expected {expected}, got {shown(value)}") from None


def require_items(
    value: object, field: str, expected: str, most: int | None = None
) -> tuple[object, ...]:
    """The items of ``value``, any iterable but a string or bytes, else raise.

    ``expected`` says what was wanted, in words: ``"an iterable of Intake"``.  With
    ``most``, at most ``most + 1`` items are read, so that an endless iterable ends: the
    caller refuses more than ``most``.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise WrongTypeError(field, f"expected {expected}, got {shown(value)}")
    return tuple(value) if most is None else tuple(islice(value, most + 1))


def require_each(  # noqa: PLR0913 - what is checked, how it is named, and a bound
    value: object, kind: type[_T], field: str, expected: str, each: str, *, most: int | None = None
) -> tuple[_T, ...]:
    """The items of ``value``, each a ``kind``, else raise ``WrongTypeError``.

    ``value`` is any iterable but a string or bytes; ``expected`` says what it should
    be, in words (``"an iterable of Intake"``), and ``each`` what each item should be
    (``"an Intake"``).  A wrong item is named by its place: ``intakes[2]``.  With
    ``most``, at most ``most + 1`` items are read, as by :func:`require_items`: the caller
    refuses more than ``most``.

    >>> require_each(["a", 1], str, "names", "an iterable of str", "a str")
    Traceback (most recent call last):
    ...
    duloxinfo.errors.WrongTypeError: names[1]: expected a str, got int 1
    """
    items = require_items(value, field, expected, most)
    return tuple(require_type(item, kind, f"{field}[{i}]", each) for i, item in enumerate(items))


def require_aware(value: object, field: str) -> _dt.datetime:
    """``value`` if it is an aware datetime in the supported years, else raise.

    A subclass of ``datetime`` comes back as a plain ``datetime``, by :func:`plain_datetime`.
    """
    value = plain_datetime(require_type(value, _dt.datetime, field, "an aware datetime"), field)
    offset = _offset(value, field)
    if value.tzinfo is None or offset is None:
        raise NaiveDatetimeError(
            field, f"{value.isoformat()} has no time zone; give an aware datetime"
        )
    _require_year(value, field)
    return value


def plain_datetime(value: _dt.datetime, field: str) -> _dt.datetime:
    """``value`` as a plain ``datetime``: the same wall time, fold and zone.

    A plain datetime comes back as it is, unless its tzinfo is a subclass of
    :class:`~zoneinfo.ZoneInfo` (pendulum's ``Timezone``).  For a subclass, the fields
    are read with the base class's own accessors, so that a subclass's overrides are
    not asked; a ``ZoneInfo`` subclass becomes the ``ZoneInfo`` of the same name, and
    any other tzinfo is kept.  The plain value must then give the offset the original
    gives for itself (the same instant); when it does not, or the zone has no name to
    carry, :class:`~duloxinfo.errors.InvalidDatetimeError` names the field.
    """
    zone = _dt.datetime.tzinfo.__get__(value)
    if type(value) is _dt.datetime and not _foreign_zoneinfo(zone):
        return value
    year, month, day, hour, minute, second, microsecond = _fields(_dt.datetime, value, _WALL_TIME)
    plain = _dt.datetime(
        year,
        month,
        day,
        hour,
        minute,
        second,
        microsecond,
        tzinfo=_plain_zone(zone, field),
        fold=_dt.datetime.fold.__get__(value),
    )
    ours, theirs = _offset(plain, field), _offset(value, field)
    if ours != theirs:
        raise InvalidDatetimeError(
            field,
            f"{shown(value)} gives itself the offset {_offset_text(theirs)}, but its tzinfo "
            f"gives {_offset_text(ours)} for its wall time; it names no one instant",
        )
    return plain


def _offset_text(offset: object) -> str:
    """An offset as ``UTC+01:00`` (``UTC`` for none); anything else by its bounded repr."""
    if type(offset) is _dt.timedelta and abs(offset) < _dt.timedelta(days=1):
        return str(_dt.timezone(offset))
    return brief(offset)


def _offset(value: _dt.datetime, field: str) -> object:
    """``value.utcoffset()``, or an ``InvalidDatetimeError`` naming the field."""
    try:
        return value.utcoffset()
    # A tzinfo (or a datetime subclass) of one's own: its utcoffset may raise anything;
    # NotImplementedError is what the base class raises when a subclass leaves it out.
    except (ValueError, TypeError, ArithmeticError, NotImplementedError) as error:
        raise InvalidDatetimeError(
            field,
            f"its tzinfo {shown(_dt.datetime.tzinfo.__get__(value))} gives no valid offset "
            f"({brief(error)})",
        ) from None


_WALL_TIME: Final = ("year", "month", "day", "hour", "minute", "second", "microsecond")


def _fields(kind: type, value: object, names: tuple[str, ...]) -> tuple[int, ...]:
    """``value``'s fields as ``kind``'s own accessors read them, whatever a subclass overrides."""
    return tuple(getattr(kind, name).__get__(value) for name in names)


def _foreign_zoneinfo(zone: object) -> bool:
    """Whether ``zone`` is an instance of a subclass of ZoneInfo, such as pendulum's Timezone.

    Asked of zoneinfo only once it is loaded: before that, no ZoneInfo exists.
    """
    zoneinfo = sys.modules.get("zoneinfo")
    return (
        zoneinfo is not None
        and isinstance(zone, zoneinfo.ZoneInfo)
        and type(zone) is not zoneinfo.ZoneInfo
    )


def _plain_zone(zone: _dt.tzinfo | None, field: str) -> _dt.tzinfo | None:
    """A datetime's tzinfo to carry to a plain datetime: a ZoneInfo subclass as a ZoneInfo."""
    if not _foreign_zoneinfo(zone):
        return zone
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415 - see to_zone

    key = getattr(zone, "key", None)
    try:
        if isinstance(key, str):
            return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    raise InvalidDatetimeError(
        field,
        f"its tzinfo {shown(zone)} is not a zone the time zone database names; give a "
        "datetime whose tzinfo is a zoneinfo.ZoneInfo, or a fixed offset",
    )


def plain_time(value: _dt.time) -> _dt.time:
    """A ``time`` (or a subclass of it) as a plain ``time`` with the same fields."""
    if type(value) is _dt.time:
        return value
    hour, minute, second, microsecond = _fields(_dt.time, value, _WALL_TIME[3:])
    return _dt.time(
        hour,
        minute,
        second,
        microsecond,
        tzinfo=_dt.time.tzinfo.__get__(value),
        fold=_dt.time.fold.__get__(value),
    )


def require_date(value: object, field: str) -> _dt.date:
    """``value`` if it is a date (not a datetime) in the supported years, else raise.

    A subclass of ``date`` (pendulum's ``Date``) comes back as a plain ``date``.
    """
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise WrongTypeError(field, f"expected a date, got {shown(value)}")
    if type(value) is not _dt.date:
        value = _dt.date(*_fields(_dt.date, value, _WALL_TIME[:3]))
    _require_year(value, field)
    return value


def require_timedelta(value: object, field: str) -> _dt.timedelta:
    """``value`` if it is a ``timedelta``, else raise; a subclass comes back as a plain one."""
    span = require_type(value, _dt.timedelta, field, "a datetime.timedelta")
    if type(span) is _dt.timedelta:
        return span
    days, seconds, microseconds = _fields(_dt.timedelta, span, ("days", "seconds", "microseconds"))
    return _dt.timedelta(days, seconds, microseconds)


def in_supported_years(value: _dt.date) -> bool:
    """Whether a date, or an instant on its own clock, is in the years duloxinfo supports."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def _require_year(value: _dt.date, field: str) -> None:
    if not in_supported_years(value):
        raise InvalidDatetimeError(
            field, f"{value.isoformat()} is outside the supported years {MIN_YEAR} to {MAX_YEAR}"
        )


def to_zone(value: object, field: str = "tz") -> ZoneInfo:
    """An IANA zone name (or a ZoneInfo) as a ZoneInfo; anything else raises."""
    # zoneinfo finds its data through sysconfig, which costs more to import than the
    # rest of a rule: it loads with the first zone, not with the rules.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415

    if isinstance(value, ZoneInfo):
        if value.key is None:
            raise TimeZoneError(
                field,
                f"{brief(value)} was loaded from a file and has no name; give the "
                "zone's IANA name, such as 'Europe/London'",
            )
        name = value.key
    elif isinstance(value, str):
        name = value
    else:
        raise WrongTypeError(field, f"expected an IANA zone name or a ZoneInfo, got {shown(value)}")
    if name in _NOT_ZONES or name.startswith(("posix/", "right/")):
        raise TimeZoneError(
            field,
            f"{brief(name)} is not the zone of a place; give an IANA name such as 'Europe/London'",
        )
    if type(value) is ZoneInfo:
        return value
    try:
        # A subclass (pendulum's Timezone) becomes the ZoneInfo of the same name.
        return ZoneInfo(name)
    # ValueError: a malformed key such as "../x"; OSError: a key the file system refuses.
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise TimeZoneError(field, f"{brief(value)} is not a known IANA time zone") from exc


def utc(value: _dt.datetime) -> _dt.datetime:
    """The same instant in UTC, so that comparisons and differences are real elapsed time.

    Python compares and subtracts two datetimes that share a tzinfo by their wall
    clocks, ignoring daylight saving; converting to UTC first avoids that trap.
    """
    return value.astimezone(_dt.UTC)


def checked(
    check: Callable[[object, str], object],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator that runs ``check(value, the field's name)``: one check, any field."""

    def validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check(value, attribute.name)

    return validator
