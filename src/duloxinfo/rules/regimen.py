"""The regimen the prescriber ordered: a dose, its times of day, the zone, the start."""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import attrs

from .._names import public_dir
from .._validate import brief, plain_time, require_aware, require_each, to_zone, utc
from .._words import duration, how_often
from ..errors import DoseError, ScheduleError
from ..label import LABEL
from ._doses import require_dose
from ._slots import first_slot_from

__all__ = ["Regimen"]
__dir__ = public_dir(globals())


def _to_times(value: Iterable[_dt.time] | _dt.time) -> tuple[_dt.time, ...]:
    """Check the times of day (or one time) and return them sorted, each with ``fold=0``."""
    raw: object = (value,) if isinstance(value, _dt.time) else value
    times = tuple(
        plain_time(t)
        for t in require_each(raw, _dt.time, "times", "datetime.time values", "a datetime.time")
    )
    for index, t in enumerate(times):
        if t.tzinfo is not None:
            raise ScheduleError(
                f"times[{index}]", f"{t.isoformat()} carries a time zone; give the zone as tz"
            )
        if t.microsecond:
            raise ScheduleError(
                f"times[{index}]",
                f"{t.isoformat()} has a fraction of a second; give whole "
                "seconds, as a prescription and FHIR's timeOfDay do",
            )
    most = LABEL.max_doses_per_day.value
    if not 1 <= len(times) <= most:
        raise ScheduleError(
            "times",
            f"{len(times)} times a day given; the label's regimens are once or "
            f"twice daily (1 to {most} times)",
        )
    normal = tuple(sorted(t.replace(fold=0) for t in times))
    for earlier, later in itertools.pairwise(normal):
        if earlier == later:
            raise ScheduleError("times", f"{earlier.isoformat()} is given twice; times must differ")
    # On the clock, each time must be at least half the interval from the next one, the
    # next day's first included: the spacing every rule keeps between doses.
    spacing = _spacing(len(normal))
    for earlier, later in zip(normal, (*normal[1:], normal[0]), strict=True):
        gap = (_seconds(later) - _seconds(earlier)) % _DAY.total_seconds()
        if len(normal) > 1 and gap < spacing.total_seconds():
            raise ScheduleError(
                "times",
                f"{earlier.isoformat()} and {later.isoformat()} are "
                f"{duration(_dt.timedelta(seconds=gap))} apart on the clock; "
                f"{how_often(len(normal))} times must be at least "
                f"{duration(spacing)} apart (half the time between doses)",
            )
    return normal


_DAY = _dt.timedelta(days=1)


def _spacing(doses_per_day: int) -> _dt.timedelta:
    """Half the interval between doses (``LABEL.skip_window_fraction`` of it)."""
    fraction = LABEL.skip_window_fraction.value
    return _DAY / doses_per_day * fraction.numerator / fraction.denominator


def _seconds(t: _dt.time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _to_dose(value: int) -> int:
    return require_dose(value, "dose_mg")


def _to_start(value: _dt.datetime) -> _dt.datetime:
    return require_aware(value, "start")


def _to_end(value: _dt.datetime | None) -> _dt.datetime | None:
    return None if value is None else require_aware(value, "end")


def _to_zone(value: str | ZoneInfo) -> ZoneInfo:
    return to_zone(value)


@attrs.frozen(cache_hash=True)  # hashed once: the rules keep its plan of one phase by it
class Regimen:
    """One dose of ``dose_mg`` at each local time of day in ``times``, in zone ``tz``.

    Build it as ``Regimen(dose_mg, times, tz, start, end=None)``; it is frozen and
    hashable.  A regimen alone is a plan of one phase; a
    :class:`~duloxinfo.rules.plan.Plan` puts several in a row.

    Attributes:
        dose_mg: The dose taken at each time, in whole mg, made of whole capsules of
            the marketed strengths (20, 30, 40, 60 mg); capsules may not be split.
        times: One or two distinct local times of day (naive :class:`datetime.time`) in
            whole seconds, stored sorted; a single time may be given as it is.
        tz: The zone the times are read in; give an IANA zone name such as
            ``"Europe/London"`` or a :class:`zoneinfo.ZoneInfo`.
        start: The aware instant the regimen begins; no dose is scheduled before it.
        end: The aware instant it ends, or None for no end: no dose is scheduled at or
            after it.  There must be at least one dose between ``start`` and ``end``.

    Raises:
        WrongTypeError: a field is not of its type (a dose as ``"60"`` or ``60.0``, a
            time as a string, a zone as a number, a start that is not a datetime).
        DoseError: the dose is not a positive whole-capsule dose, or the daily total
            is over the label maximum of 120 mg.
        ScheduleError: no times, more than two, repeated times, a time with a zone or
            a fraction of a second, two times closer than half the interval (6 hours
            for twice daily), an ``end`` not after ``start``, or no dose between them.
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: ``start`` or ``end`` has no zone or is outside the
            supported years.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen
    >>> r = Regimen(60, [dt.time(8)], "Europe/London",
    ...             dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> r.daily_dose_mg, r.tz.key
    (60, 'Europe/London')
    >>> Regimen(45, [dt.time(8)], "Europe/London", r.start)
    Traceback (most recent call last):
    ...
    duloxinfo.errors.DoseError: dose_mg: 45 mg cannot be made of whole capsules ...
    """

    dose_mg: int = attrs.field(converter=_to_dose)
    times: tuple[_dt.time, ...] = attrs.field(converter=_to_times)
    tz: ZoneInfo = attrs.field(converter=_to_zone)
    start: _dt.datetime = attrs.field(converter=_to_start)
    end: _dt.datetime | None = attrs.field(default=None, converter=_to_end)

    def __attrs_post_init__(self) -> None:
        """Check the daily total against the label maximum, and the end against the start."""
        most = LABEL.max_daily_dose_mg.value
        if self.daily_dose_mg > most:
            raise DoseError(
                "dose_mg",
                f"{brief(self.dose_mg)} mg x {len(self.times)} a day = "
                f"{brief(self.daily_dose_mg)} mg is over the label's maximum of {most} mg a day",
            )
        if self.end is None:
            return
        if utc(self.end) <= utc(self.start):
            raise ScheduleError(
                "end", f"{self.end.isoformat()} is not after start ({self.start.isoformat()})"
            )
        first = first_slot_from(self, utc(self.start))
        if first >= utc(self.end):
            raise ScheduleError(
                "end",
                f"{self.end.isoformat()} leaves no dose after start "
                f"({self.start.isoformat()}); the first would be at "
                f"{first.astimezone(self.tz).isoformat()}",
            )

    @property
    def daily_dose_mg(self) -> int:
        """The total of one day's doses, in mg."""
        return self.dose_mg * len(self.times)

    @property
    def doses_per_day(self) -> int:
        """How many doses a day (1 or 2)."""
        return len(self.times)

    @property
    def interval(self) -> _dt.timedelta:
        """The nominal time between doses, 24 hours once daily and 12 hours twice daily."""
        return _DAY / len(self.times)

    @property
    def spacing(self) -> _dt.timedelta:
        """Half the interval (``LABEL.skip_window_fraction`` of it).

        The least time between two doses whatever the clock does, and how close the
        next dose must be to skip a missed one.
        """
        return _spacing(len(self.times))
