"""The exceptions duloxinfo raises: one base, one subclass per kind of problem.

This module is the ground floor of the package and imports nothing of ours.
Every message names the field and the bad value, so that an application can
show it as it is.
"""

from __future__ import annotations

__all__ = [
    "ContentError",
    "DoseError",
    "DuloxinfoError",
    "FhirError",
    "HistoryError",
    "InvalidDatetimeError",
    "NaiveDatetimeError",
    "ScheduleError",
    "SectionError",
    "SupplyError",
    "TimeZoneError",
    "WrongTypeError",
]


class DuloxinfoError(ValueError):
    """Base class of every error duloxinfo raises.

    It is a :class:`ValueError`, so code that already handles bad values keeps
    working; catch this class to handle any problem from the library.

    >>> import duloxinfo
    >>> issubclass(duloxinfo.DoseError, duloxinfo.DuloxinfoError)
    True
    """


class ContentError(DuloxinfoError):
    """A content data file is broken: bad syntax, a missing, unknown or mistyped field.

    Attributes:
        file: the name of the data file (or ``"<json>"`` for text given directly).
        problems: one line per problem, each starting with the path of the field,
            for example ``benefits.items[2].title: missing``.
    """

    def __init__(self, file: str, problems: tuple[str, ...]) -> None:
        """Build the error from the file name and its problems (at least one)."""
        self.file = file
        self.problems = problems
        super().__init__(f"{file}: " + "; ".join(problems))

    def __reduce__(self) -> tuple[type[ContentError], tuple[str, tuple[str, ...]]]:
        """Pickle by the constructor's arguments, as other errors are."""
        return (type(self), (self.file, self.problems))


class DoseError(DuloxinfoError):
    """A dose is not one the label allows.

    It is not a whole number of mg, not positive, not made of whole marketed
    capsules, or over the label's daily maximum.
    """


class ScheduleError(DuloxinfoError):
    """The times of day of a regimen are not valid (none, repeated, more than two, wrong type)."""


class TimeZoneError(DuloxinfoError):
    """A time zone is not a known IANA zone name or a :class:`zoneinfo.ZoneInfo`."""


class InvalidDatetimeError(DuloxinfoError):
    """A value that must be an aware :class:`~datetime.datetime` is not one, or is out of range.

    duloxinfo supports instants in the years 2 to 9998, so that a day either
    side of any instant is still a valid :class:`~datetime.datetime`.
    """


class NaiveDatetimeError(InvalidDatetimeError):
    """A datetime has no time zone; duloxinfo works with aware datetimes only."""


class HistoryError(DuloxinfoError):
    """An intake history is not usable, for example an intake later than ``now``."""


class SupplyError(DuloxinfoError):
    """The capsules on hand cannot make up the regimen's dose, or the count is invalid."""


class FhirError(DuloxinfoError):
    """A FHIR ``Dosage`` describes a regimen duloxinfo does not support, or is malformed.

    The message names the FHIR element (for example ``timing.repeat.periodUnit``)
    and the value found there.
    """


class SectionError(DuloxinfoError):
    """A section name or value is not one of the guide's sections.

    Raised for an unknown section name, and for a value given as the guide or one
    of its sections that is neither.
    """


class WrongTypeError(DuloxinfoError, TypeError):
    """An argument is not of the type the function takes.

    For example a ``regimen`` that is not a :class:`~duloxinfo.Regimen`.  It is
    also a :class:`TypeError`.
    """


# Users import these from ``duloxinfo``; tracebacks, pickles and the docs say so.
for _name in __all__:
    globals()[_name].__module__ = "duloxinfo"
del _name
