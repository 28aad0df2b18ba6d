"""Regimen, Intake and IntakeHistory: the small frozen values every rule takes.

Private module: the public names are re-exported by :mod:`duloxinfo`.  The
validation helpers here (``_require_aware``, ``_require_dose`` …) are the one
place each input check is written; the other rules import them.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import itertools
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from .._errors import (
    DoseError,
    HistoryError,
    InvalidDatetimeError,
    NaiveDatetimeError,
    ScheduleError,
    TimeZoneError,
    WrongTypeError,
)
from .._label import LABEL

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Intake", "IntakeHistory", "Regimen"]

UTC: Final = _dt.UTC
_MIN_YEAR: Final = 2
_MAX_YEAR: Final = 9998


def _require_aware(value: object, field: str) -> _dt.datetime:
    """Return ``value`` if it is an aware datetime in the supported years, else raise."""
    if not isinstance(value, _dt.datetime):
        raise InvalidDatetimeError(
            f"{field}: expected an aware datetime, got {type(value).__name__} {value!r}"
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            f"{field}: {value.isoformat()} has no time zone; give an aware datetime"
        )
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        raise InvalidDatetimeError(
            f"{field}: {value.isoformat()} is outside the supported years "
            f"{_MIN_YEAR} to {_MAX_YEAR}"
        )
    return value


def _utc(value: _dt.datetime) -> _dt.datetime:
    """The same instant in UTC, so that comparisons and differences are real elapsed time.

    Python compares and subtracts two datetimes that share a tzinfo by their wall
    clocks, ignoring daylight saving; converting to UTC first avoids that trap.
    """
    return value.astimezone(UTC)


def _clock(value: _dt.datetime) -> str:
    """``HH:MM`` of a local datetime, for reasons (``strftime`` is slow on a hot path)."""
    return f"{value.hour:02d}:{value.minute:02d}"


def _day(value: _dt.datetime) -> str:
    """``YYYY-MM-DD`` of a local datetime, for reasons."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


@functools.cache
def _makeable_below(bound: int) -> frozenset[int]:
    """Every total below ``bound`` mg that whole marketed capsules make."""
    reachable = {0}
    for total in range(1, bound):
        if any(total - s in reachable for s in LABEL.capsule_strengths_mg.value if s <= total):
            reachable.add(total)
    return frozenset(reachable - {0})


def _makeable(dose_mg: int) -> bool:
    """Whether ``dose_mg`` is a sum of whole capsules of the marketed strengths.

    Below ``min * max`` of the strengths we look it up; at or above it every
    multiple of the strengths' greatest common divisor is makeable (it lies past
    the set's Frobenius number), so huge values cost nothing.
    """
    strengths = LABEL.capsule_strengths_mg.value
    bound = min(strengths) * max(strengths)
    if dose_mg % math.gcd(*strengths):
        return False
    return dose_mg >= bound or dose_mg in _makeable_below(bound)


def _strengths_text() -> str:
    return ", ".join(str(s) for s in LABEL.capsule_strengths_mg.value) + " mg"


def _require_dose(value: object, field: str) -> int:
    """Return ``value`` if it is a positive whole-mg dose made of whole capsules, else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DoseError(
            f"{field}: expected a whole number of mg, got {type(value).__name__} {value!r}"
        )
    if value <= 0:
        raise DoseError(f"{field}: {value} mg is not a positive dose")
    if not _makeable(value):
        raise DoseError(
            f"{field}: {value} mg cannot be made of whole capsules of the marketed "
            f"strengths ({_strengths_text()}); capsules may not be split"
        )
    return value


def _to_zone(value: str | ZoneInfo) -> ZoneInfo:
    """Convert an IANA zone name to a ZoneInfo; reject anything else."""
    if isinstance(value, ZoneInfo):
        return value
    if not isinstance(value, str):
        raise TimeZoneError(
            f"tz: expected an IANA zone name or a ZoneInfo, got {type(value).__name__} {value!r}"
        )
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # ValueError: malformed keys like "../x"
        raise TimeZoneError(f"tz: {value!r} is not a known IANA time zone") from exc


def _to_times(value: Iterable[_dt.time]) -> tuple[_dt.time, ...]:
    """Check the times of day and return them sorted, each with ``fold=0``."""
    raw: object = (value,) if isinstance(value, _dt.time) else value
    if isinstance(raw, str) or not isinstance(raw, Iterable):
        raise ScheduleError(
            f"times: expected a sequence of datetime.time values, got {type(raw).__name__} {raw!r}"
        )
    times = tuple(raw)
    for index, t in enumerate(times):
        if not isinstance(t, _dt.time):
            raise ScheduleError(
                f"times[{index}]: expected a datetime.time, got {type(t).__name__} {t!r}"
            )
        if t.tzinfo is not None:
            raise ScheduleError(
                f"times[{index}]: {t.isoformat()} carries a time zone; give the zone as tz"
            )
    most = LABEL.max_doses_per_day.value
    if not 1 <= len(times) <= most:
        raise ScheduleError(
            f"times: {len(times)} times a day given; the label's regimens are once or "
            f"twice daily (1 to {most} times)"
        )
    normal = tuple(sorted(t.replace(fold=0) for t in times))
    for earlier, later in itertools.pairwise(normal):
        if earlier == later:
            raise ScheduleError(f"times: {earlier.isoformat()} is given twice; times must differ")
    return normal


def _check_dose(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    _require_dose(value, attribute.name)


def _check_aware(instance: object, attribute: attrs.Attribute[_dt.datetime], value: object) -> None:
    _require_aware(value, attribute.name)


@attrs.frozen
class Regimen:
    """One dose of ``dose_mg`` at each local time of day in ``times``, in zone ``tz``.

    Args:
        dose_mg: the dose taken at each time, in whole mg, made of whole capsules of
            the marketed strengths (20, 30, 40, 60 mg); capsules may not be split.
        times: one or two distinct local times of day (naive :class:`datetime.time`).
            They are stored sorted.
        tz: an IANA zone name such as ``"Europe/London"``, or a :class:`zoneinfo.ZoneInfo`.
        start: the aware instant the regimen begins; no dose is scheduled before it.

    Raises:
        DoseError: the dose is not a positive whole-capsule dose, or the daily total
            is over the label maximum of 120 mg.
        ScheduleError: no times, more than two, repeated times, or not ``time`` values.
        TimeZoneError: ``tz`` is not a known IANA zone.
        InvalidDatetimeError: ``start`` is not an aware datetime.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen
    >>> r = Regimen(60, [dt.time(8)], "Europe/London",
    ...             dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> r.daily_dose_mg, r.tz.key
    (60, 'Europe/London')
    >>> Regimen(45, [dt.time(8)], "Europe/London", r.start)
    Traceback (most recent call last):
    ...
    duloxinfo.DoseError: dose_mg: 45 mg cannot be made of whole capsules ...
    """

    dose_mg: int = attrs.field(validator=_check_dose)
    """The dose at each time, in mg."""
    times: tuple[_dt.time, ...] = attrs.field(converter=_to_times)
    """The local times of day, sorted."""
    tz: ZoneInfo = attrs.field(converter=_to_zone)
    """The zone the times are read in."""
    start: _dt.datetime = attrs.field(validator=_check_aware)
    """The instant the regimen begins."""

    def __attrs_post_init__(self) -> None:
        """Check the daily total against the label maximum."""
        most = LABEL.max_daily_dose_mg.value
        if self.daily_dose_mg > most:
            raise DoseError(
                f"dose_mg: {self.dose_mg} mg x {len(self.times)} a day = {self.daily_dose_mg} mg "
                f"is over the label's maximum of {most} mg a day"
            )

    @property
    def daily_dose_mg(self) -> int:
        """The total of one day's doses, in mg."""
        return self.dose_mg * len(self.times)

    @property
    def doses_per_day(self) -> int:
        """How many doses a day (1 or 2)."""
        return len(self.times)


def _check_intake_dose(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    _require_dose(value, "dose_mg")


def _check_intake_at(
    instance: object, attribute: attrs.Attribute[_dt.datetime], value: object
) -> None:
    _require_aware(value, "at")


@attrs.frozen
class Intake:
    """A dose that was actually taken: ``dose_mg`` at the aware instant ``at``.

    >>> import datetime as dt
    >>> from duloxinfo import Intake
    >>> Intake(dt.datetime(2026, 1, 5, 8, 5, tzinfo=dt.UTC), 60).dose_mg
    60
    """

    at: _dt.datetime = attrs.field(validator=_check_intake_at)
    """When it was taken (aware)."""
    dose_mg: int = attrs.field(validator=_check_intake_dose)
    """How much was taken, in mg, in whole capsules."""


def _sort_intakes(value: Iterable[Intake]) -> tuple[Intake, ...]:
    raw: object = value
    if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
        raise HistoryError(
            f"intakes: expected an iterable of Intake, got {type(raw).__name__} {raw!r}"
        )
    items: tuple[object, ...] = tuple(raw)
    intakes: list[Intake] = []
    for index, intake in enumerate(items):
        if not isinstance(intake, Intake):
            raise HistoryError(
                f"intakes[{index}]: expected an Intake, got {type(intake).__name__} {intake!r}"
            )
        intakes.append(intake)
    return tuple(sorted(intakes, key=lambda i: _utc(i.at)))


@attrs.frozen
class IntakeHistory:
    """An immutable history of intakes, validated and sorted by instant once, when built.

    Every rule that takes intakes accepts this or any iterable of :class:`Intake`;
    give an ``IntakeHistory`` when you ask many questions of one long history, so
    that each answer only looks at the intakes near the instant it concerns.

    >>> import datetime as dt
    >>> from duloxinfo import Intake, IntakeHistory
    >>> a = Intake(dt.datetime(2026, 1, 6, 8, tzinfo=dt.UTC), 60)
    >>> b = Intake(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), 60)
    >>> [i.at.day for i in IntakeHistory([a, b])]
    [5, 6]
    """

    intakes: tuple[Intake, ...] = attrs.field(converter=_sort_intakes)
    """The intakes, sorted by instant."""
    _instants: tuple[_dt.datetime, ...] = attrs.field(init=False, eq=False, repr=False, default=())

    def __attrs_post_init__(self) -> None:
        """Keep the UTC instants for bisection."""
        object.__setattr__(self, "_instants", tuple(_utc(i.at) for i in self.intakes))

    def __len__(self) -> int:
        """The number of intakes."""
        return len(self.intakes)

    def __iter__(self) -> Iterator[Intake]:
        """The intakes in time order."""
        return iter(self.intakes)

    def _latest_utc(self) -> _dt.datetime | None:
        return self._instants[-1] if self._instants else None

    def _between(self, lo: _dt.datetime, hi: _dt.datetime) -> tuple[Intake, ...]:
        """The intakes at instants in ``[lo, hi)`` (UTC)."""
        first = bisect.bisect_left(self._instants, lo)
        last = bisect.bisect_left(self._instants, hi)
        return self.intakes[first:last]

    def _last_before(self, hi: _dt.datetime) -> _dt.datetime | None:
        """The UTC instant of the latest intake strictly before ``hi``, if any."""
        index = bisect.bisect_left(self._instants, hi)
        return self._instants[index - 1] if index else None

    def _instants_utc(self) -> tuple[_dt.datetime, ...]:
        return self._instants


def _require_regimen(value: object) -> Regimen:
    """Return ``value`` if it is a :class:`Regimen`, else raise naming the argument."""
    if not isinstance(value, Regimen):
        raise WrongTypeError(
            f"regimen: expected a duloxinfo.Regimen, got {type(value).__name__} {value!r}"
        )
    return value


def _as_history(intakes: IntakeHistory | Iterable[Intake]) -> IntakeHistory:
    """Accept a history or any iterable of intakes (validated and sorted here)."""
    return intakes if isinstance(intakes, IntakeHistory) else IntakeHistory(intakes)


def _require_not_after(history: IntakeHistory, now_utc: _dt.datetime, now: _dt.datetime) -> None:
    """Raise if the history holds an intake later than ``now``."""
    latest = history._latest_utc()  # noqa: SLF001 - same package
    if latest is not None and latest > now_utc:
        raise HistoryError(
            f"intakes: an intake at {latest.isoformat()} is after now ({now.isoformat()}); "
            "a history cannot hold doses not yet taken"
        )
