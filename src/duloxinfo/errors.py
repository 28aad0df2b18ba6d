"""The exceptions duloxinfo raises, and the policy that says which one when.

Every error is a :class:`DuloxinfoError`, itself a :class:`ValueError`: one
``except duloxinfo.DuloxinfoError`` handles anything the library refuses, and no
other exception escapes a public function, whatever it is given.  Two exceptions
are Python's own, not the library's: calling a function with a missing or unknown
argument is a :class:`TypeError`, as for any function (where a function has two
ways to be called, as :func:`~duloxinfo.rules.supply.supply_forecast` has, an
argument missing from the way chosen or one from the other way is a
:class:`WrongTypeError`, which is a :class:`TypeError` too); and a function that needs
an optional extra raises :class:`ModuleNotFoundError` naming the extra when it is
not installed (:func:`~duloxinfo.interop.calendar.dose_calendar` needs
``duloxinfo[calendar]``).

**The policy.**  The class depends on what is wrong, never on which function found it:

==============================================  ==============================
what is wrong                                   class
==============================================  ==============================
an argument, or an item or field of one, is     :class:`WrongTypeError`
not of the Python type the function takes
(a ``str`` where a ``datetime`` is needed, a
``bool`` or ``float`` where a whole number is,
a list item that is not an ``Intake``)
a dose or a capsule strength the label does     :class:`DoseError`
not allow
times of day, or a span of instants or dates    :class:`ScheduleError`
(end before start, too long), or the phases
of a plan (overlapping, too many)
a time zone that is not a known IANA zone       :class:`TimeZoneError`
an instant or a date outside the supported      :class:`InvalidDatetimeError`
years; an instant with no time zone             (:class:`NaiveDatetimeError`)
an intake history that contradicts the          :class:`HistoryError`
question (an intake later than ``now``)
a supply quantity out of range (a capsule       :class:`SupplyError`
count, a lead time), or capsules that cannot
make the dose
broken content: a data file or JSON text with   :class:`ContentError`
bad syntax, a missing, unknown or mistyped
field, or content that fails its checks
a section name the guide does not have          :class:`SectionError`
a medicine that cannot be checked: a blank or   :class:`MedicineError`
too long name, a start after its stop, too
many medicines, or a time with no ``now``
a FHIR resource whose elements are malformed,   :class:`FhirError`
or that duloxinfo cannot represent exactly
==============================================  ==============================

A value of the right type but the wrong kind takes the class of what it
describes: ``Regimen(25, ...)`` is a :class:`DoseError`, ``Regimen(start="2026")``
a :class:`WrongTypeError`.  Data read from a document (a JSON text, a FHIR
``Dosage``) is judged as part of that document: a string where the document
needs a number is a :class:`ContentError` or a :class:`FhirError`, because the
document, not the caller's code, is what must be fixed.

**Fields.**  Every error carries ``field``, the path of what is wrong from the
argument's name (``phases[1].times[0]``), and ``detail``, what is wrong with it; an
application maps the path to its own form field, as the command line maps it to a
flag, without reading the message.  A function that reads a document made of parts
re-roots a part's error with :meth:`DuloxinfoError.within`.

**Messages** are ``field: detail``: they start with the field (or the file) and name
the bad value, shown at a bounded length, so that an application can show them as
they are::

    dose_mg: 45 mg cannot be made of whole capsules of the marketed strengths ...
    start: expected an aware datetime, got str '2026-01-05'

Every public function lists, in its ``Raises`` section, the classes it can
raise; a test holds each list to what the function really raises.

This module imports nothing else of duloxinfo, and nothing heavy: ``import
duloxinfo`` loads it at once, so that the errors are always at hand.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not loaded at import: `import duloxinfo` stays light
if TYPE_CHECKING:
    from typing import Self

__all__ = [
    "ContentError",
    "DoseError",
    "DuloxinfoError",
    "FhirError",
    "HistoryError",
    "InvalidDatetimeError",
    "MedicineError",
    "NaiveDatetimeError",
    "ScheduleError",
    "SectionError",
    "SupplyError",
    "TimeZoneError",
    "WrongTypeError",
]


def __dir__() -> list[str]:
    """The errors and the module's dunder names: what ``_names.public_dir`` gives the others.

    Written here, not imported: ``import duloxinfo`` loads this module, and it imports
    nothing else of duloxinfo.
    """
    return sorted({*__all__, *(n for n in globals() if n.startswith("__") and n.endswith("__"))})


# A ContentError lists every problem in ``problems``; its message shows the first few.
_PROBLEMS_SHOWN = 5


def _joined(prefix: str, field: str) -> str:
    """``field`` under ``prefix``: ``times[0]`` under ``phases[1]`` is ``phases[1].times[0]``."""
    if not field:
        return prefix
    if not prefix:
        return field
    return prefix + field if field.startswith("[") else f"{prefix}.{field}"


class DuloxinfoError(ValueError):
    """Base class of every error duloxinfo raises.

    It is a :class:`ValueError`, so code that already handles bad values keeps
    working; catch this class to handle any problem from the library.  Build one as
    ``DoseError(field, detail)``; its message is ``"field: detail"``.

    Attributes:
        field: The path of what is wrong in what the caller gave, from the argument's
            name: ``dose_mg``, ``intakes[3].at``, ``phases[1].times[0]``,
            ``dosages[0].timing.repeat.boundsPeriod.end``.  An item of a list is
            ``[i]`` and a field of a record or a JSON object ``.name``.  An application
            (or the command line, which maps it to the flag the person typed) can act
            on it without reading the message.
        detail: What is wrong with it, in words, naming the bad value at a bounded
            length: the message without its field.

    >>> import duloxinfo
    >>> issubclass(duloxinfo.DoseError, duloxinfo.DuloxinfoError)
    True
    >>> error = duloxinfo.DoseError("dose_mg", "45 mg cannot be made of whole capsules")
    >>> error.field, str(error)
    ('dose_mg', 'dose_mg: 45 mg cannot be made of whole capsules')
    >>> error.within("phases[1]").field
    'phases[1].dose_mg'
    """

    field: str
    detail: str

    def __init__(self, field: str, detail: str) -> None:
        """Build the error from the path of the field and what is wrong with it."""
        self.field = field
        self.detail = detail
        super().__init__(f"{field}: {detail}" if field else detail)

    def __reduce__(self) -> tuple[type[DuloxinfoError], tuple[str, str]]:
        """Pickle by the constructor's arguments."""
        return (type(self), (self.field, self.detail))

    def within(self, prefix: str) -> Self:
        """The same error, its field re-rooted under ``prefix``, for an error about a part.

        A function that reads a larger document (a list of FHIR ``Dosage``, a plan's
        phases) raises the error of a part with the part's place in front:
        ``ScheduleError("times[0]", ...).within("phases[1]")`` has the field
        ``phases[1].times[0]``.  The class and the detail stay as they are.
        """
        return type(self)(_joined(prefix, self.field), self.detail)


class WrongTypeError(DuloxinfoError, TypeError):
    """An argument, or an item or field of one, is not of the type the function takes.

    For example a ``regimen`` that is not a :class:`~duloxinfo.rules.regimen.Regimen`,
    a dose given as ``"60"`` or ``60.0``, or an ``intakes`` list holding a string.
    It is also a :class:`TypeError`.
    """


class ContentError(DuloxinfoError):
    """Content is broken: bad syntax, a missing, unknown or mistyped field, or a failed check.

    Raised for the package's own data file (a packaging fault), for JSON text given
    to :func:`~duloxinfo.content.load.guide_from_json`, and for a record
    :func:`~duloxinfo.content.load.guide_to_json` cannot write as JSON.

    Its ``field`` is the file, and its ``detail`` the problems it shows.

    Attributes:
        file: The name of the data file, or ``"<json>"`` for text given directly.
        problems: One line per problem, each starting with the path of the field,
            for example ``side_effects.effects[2].band: missing``.  The message shows the
            first five; this holds them all.
    """

    def __init__(self, file: str, problems: tuple[str, ...]) -> None:
        """Build the error from the file name and its problems (at least one)."""
        self.file = file
        self.problems = problems
        shown = "; ".join(problems[:_PROBLEMS_SHOWN])
        more = len(problems) - _PROBLEMS_SHOWN
        super().__init__(file, shown + (f" (and {more} more)" if more > 0 else ""))

    def __reduce__(self) -> tuple[type[ContentError], tuple[str, tuple[str, ...]]]:  # type: ignore[override]
        """Pickle by the constructor's arguments, as other errors are."""
        return (type(self), (self.file, self.problems))

    def within(self, prefix: str) -> Self:
        """The same problems, the file named under ``prefix``."""
        return type(self)(_joined(prefix, self.file), self.problems)


class DoseError(DuloxinfoError):
    """A dose or a capsule strength is not one the label allows.

    The dose is not positive, not made of whole marketed capsules, or over the
    label's daily maximum; or a strength is not a marketed one.
    """


class ScheduleError(DuloxinfoError):
    """Times of day, or a span of instants or dates, are not valid.

    No times, more than two, a repeated time, or a time carrying a zone; a span
    whose end is before its start, or that is longer than duloxinfo lists; a plan's
    phases that overlap, or more of them than duloxinfo takes.
    """


class TimeZoneError(DuloxinfoError):
    """A time zone is not a known IANA zone name."""


class InvalidDatetimeError(DuloxinfoError):
    """An instant or a date is outside the supported years, or an instant has no zone.

    duloxinfo supports the years 2 to 9998, so that a day either side of any
    instant is still a valid :class:`~datetime.datetime`.
    """


class NaiveDatetimeError(InvalidDatetimeError):
    """A datetime has no time zone; duloxinfo works with aware datetimes only."""


class HistoryError(DuloxinfoError):
    """An intake history contradicts the question, for example an intake later than ``now``."""


class SupplyError(DuloxinfoError):
    """A supply quantity is out of range, or the capsules cannot make the dose.

    A capsule count below 0 or lasting past what duloxinfo forecasts, a lead time
    that is not whole days or too long, or a strength whose whole capsules cannot
    make the regimen's dose.
    """


class MedicineError(DuloxinfoError):
    """A medicine cannot be checked for interactions as given.

    Its name is blank or longer than duloxinfo reads, it starts after it stopped,
    the list is longer than duloxinfo checks at once, or it has a time (stopped or
    starting) while ``now`` is not given.  A name duloxinfo does not know is not an
    error: the check reports it as not in its list.
    """


class SectionError(DuloxinfoError):
    """A section name is not one of the guide's sections."""


class FhirError(DuloxinfoError):
    """A FHIR resource is malformed, or describes what duloxinfo cannot represent exactly.

    The message names the FHIR element (for example ``timing.repeat.periodUnit``)
    and the value found there.
    """
