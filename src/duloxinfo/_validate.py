"""Input checks shared by every public function, each written once, with bounded messages.

Private module.  Each check returns the value it accepts (so that callers write
``start = require_aware(start, "start")``) or raises the class the error policy
(:mod:`duloxinfo.errors`) gives for what is wrong.  Nothing here imports attrs.
"""

from __future__ import annotations

import datetime as _dt
import reprlib
from collections.abc import Callable, Iterable
from itertools import islice
from typing import TYPE_CHECKING, Any, Final, TypeVar

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
    """Return ``value`` if it is an ``int`` (not a ``bool``), else raise ``WrongTypeError``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(field, f"expected {expected}, got {shown(value)}")
    return value


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
    """Return ``value`` if it is an aware datetime in the supported years, else raise."""
    value = require_type(value, _dt.datetime, field, "an aware datetime")
    try:
        offset = value.utcoffset()
    # A tzinfo of one's own: its utcoffset may raise anything; NotImplementedError is what
    # the base class raises when a subclass leaves utcoffset out.
    except (ValueError, TypeError, ArithmeticError, NotImplementedError) as error:
        raise InvalidDatetimeError(
            field, f"its tzinfo {shown(value.tzinfo)} gives no valid offset ({brief(error)})"
        ) from None
    if value.tzinfo is None or offset is None:
        raise NaiveDatetimeError(
            field, f"{value.isoformat()} has no time zone; give an aware datetime"
        )
    _require_year(value, field)
    return value


def require_date(value: object, field: str) -> _dt.date:
    """Return ``value`` if it is a date (not a datetime) in the supported years, else raise."""
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise WrongTypeError(field, f"expected a date, got {shown(value)}")
    _require_year(value, field)
    return value


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
    if isinstance(value, ZoneInfo):
        return value
    try:
        return ZoneInfo(value)
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
