"""A plan: the regimens a prescriber ordered, one after another, and the label's titration plan."""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import attrs

from .._names import public_dir
from .._validate import MAX_YEAR, require_aware, require_each, shown, to_zone, utc
from .._walltime import wall_instant
from ..choices import MAX_PLAN_PHASES
from ..errors import InvalidDatetimeError, ScheduleError, WrongTypeError
from ..label import LABEL
from ._phases import in_force
from .regimen import Regimen

__all__ = ["Plan", "titration_plan"]
__dir__ = public_dir(globals())


def _to_phases(value: Iterable[Regimen]) -> tuple[Regimen, ...]:
    """Check the phases: regimens, in time order, each ending before the next begins."""
    phases = require_each(
        value,
        Regimen,
        "phases",
        "an iterable of Regimen",
        "a duloxinfo.Regimen",
        most=MAX_PLAN_PHASES,
    )
    if len(phases) > MAX_PLAN_PHASES:
        raise ScheduleError(
            "phases",
            f"more than {MAX_PLAN_PHASES:,} phases given; a plan holds at most {MAX_PLAN_PHASES:,}",
        )
    if not phases:
        raise ScheduleError("phases", "no regimen given; a plan needs at least one")
    for index, (earlier, later) in enumerate(itertools.pairwise(phases)):
        if earlier.end is None:
            raise ScheduleError(
                f"phases[{index}].end",
                "missing, but another phase follows it; give each phase but the last an end",
            )
        if utc(later.start) < utc(earlier.end):
            raise ScheduleError(
                f"phases[{index + 1}].start",
                f"{later.start.isoformat()} is before the phase before it ends "
                f"({earlier.end.isoformat()}); phases may not overlap",
            )
    return phases


@attrs.frozen(cache_hash=True)  # the rules keep what they work out of a plan by its hash
class Plan:
    """Regimens one after another: what the prescriber ordered over time, as phases.

    A gap between one phase's end and the next one's start is a pause, with no
    doses.  A phase may have its own zone: a trip abroad is a new phase in the
    destination's zone.  The dose in force at a scheduled dose is its phase's.
    Every rule takes a plan or a single :class:`~duloxinfo.rules.regimen.Regimen`
    (a plan of one phase).

    Attributes:
        phases: The regimens, in time order; each but the last has an ``end`` no later
            than the next one's ``start``.  At most
            :data:`~duloxinfo.choices.MAX_PLAN_PHASES`.

    Raises:
        WrongTypeError: ``phases`` is not an iterable of
            :class:`~duloxinfo.rules.regimen.Regimen`.
        ScheduleError: no phase, more than :data:`~duloxinfo.choices.MAX_PLAN_PHASES`,
            a phase but the last with no end, or two phases that overlap.

    >>> import datetime as dt
    >>> from duloxinfo import Plan, Regimen
    >>> first = Regimen(30, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
    ...                 end=dt.datetime(2026, 1, 12, tzinfo=dt.UTC))
    >>> then = Regimen(60, [dt.time(8)], "Europe/London", first.end)
    >>> [p.dose_mg for p in Plan([first, then]).phases]
    [30, 60]
    """

    phases: tuple[Regimen, ...] = attrs.field(converter=_to_phases)

    @property
    def start(self) -> _dt.datetime:
        """When the first phase begins."""
        return self.phases[0].start

    @functools.cached_property
    def _starts(self) -> tuple[_dt.datetime, ...]:
        return tuple(utc(p.start) for p in self.phases)

    def phase_at(self, instant: _dt.datetime) -> int:
        """The index in :attr:`phases` of the phase in force at ``instant``.

        The last phase to start at or before ``instant`` in real time, or the first
        phase before the plan starts.  Its dose is the dose in force, also in a pause
        after it or after the plan's end: the rules, the exports and the command line
        all ask this method, so they agree.  Instants compare as real elapsed time: in a
        repeated hour, 01:45 of the first pass is before 01:30 of the second.

        Raises:
            WrongTypeError: ``instant`` is not a datetime.
            InvalidDatetimeError: ``instant`` has no zone (a
                :class:`~duloxinfo.errors.NaiveDatetimeError`)
                or is outside the supported years.

        >>> import datetime as dt
        >>> from duloxinfo import titration_plan
        >>> plan = titration_plan(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), "Europe/London",
        ...                       dt.time(8))
        >>> plan.phase_at(dt.datetime(2026, 1, 12, 7, 59, tzinfo=dt.UTC))
        0
        >>> plan.phases[plan.phase_at(dt.datetime(2026, 1, 12, 8, tzinfo=dt.UTC))].dose_mg
        60
        """
        return in_force(self._starts, utc(require_aware(instant, "instant")))

    def running_at(self, instant: _dt.datetime) -> int | None:
        """The index of the phase running at ``instant``, or None in a pause or outside the plan.

        The phase :meth:`phase_at` gives, if ``instant`` is from its start and before its
        end; None before the plan starts, in a pause between two phases, and from the end
        of the last phase on.

        Raises:
            WrongTypeError: ``instant`` is not a datetime.
            InvalidDatetimeError: ``instant`` has no zone (a
                :class:`~duloxinfo.errors.NaiveDatetimeError`)
                or is outside the supported years.
        """
        index = self.phase_at(instant)
        phase, at = self.phases[index], utc(instant)
        if at < self._starts[index] or (phase.end is not None and at >= utc(phase.end)):
            return None
        return index

    @property
    def end(self) -> _dt.datetime | None:
        """When the last phase ends, or None if it has no end."""
        return self.phases[-1].end


def titration_plan(start: _dt.datetime, tz: str | ZoneInfo, at: _dt.time) -> Plan:
    """The label's plan for chronic musculoskeletal pain and fibromyalgia in adults.

    30 mg once daily for one week, then 60 mg once daily (US PI, 2 Dosage and
    Administration), as two phases: the first from ``start`` until the same wall
    time seven days later in ``tz``, the second from then on, each with one dose a
    day at the local time ``at``.  The plan is only what the prescriber orders:
    duloxinfo never steps a dose up by itself, and a prescriber may write another
    start (older adults, other uses) as a :class:`Plan` of their own.

    Raises:
        WrongTypeError: ``start`` is not a datetime, ``tz`` not a zone name or a
            ZoneInfo, or ``at`` not a time of day.
        InvalidDatetimeError: ``start`` has no zone, is outside the supported years, or
            is too late in them for the week to end within them.
        TimeZoneError: ``tz`` is not a known IANA zone.
        ScheduleError: ``at`` carries a zone of its own.

    >>> import datetime as dt
    >>> from duloxinfo import titration_plan
    >>> plan = titration_plan(dt.datetime(2026, 1, 5, 7, tzinfo=dt.UTC), "Europe/London",
    ...                       dt.time(8))
    >>> [(p.dose_mg, p.start.date().isoformat()) for p in plan.phases]
    [(30, '2026-01-05'), (60, '2026-01-12')]
    """
    start = require_aware(start, "start")
    zone = to_zone(tz)
    if not isinstance(at, _dt.time):
        raise WrongTypeError("at", f"expected a datetime.time, got {shown(at)}")
    local = start.astimezone(zone)
    week = LABEL.starting_period.value
    step_up = wall_instant(local.date() + week, local.time(), zone).astimezone(zone)
    if utc(step_up).year > MAX_YEAR:
        raise InvalidDatetimeError(
            "start",
            f"{start.isoformat()} leaves no room for the starting week before the "
            f"year {MAX_YEAR + 1}",
        )
    return Plan(
        [
            Regimen(LABEL.starting_dose_mg.value, [at], zone, start, end=step_up),
            Regimen(LABEL.usual_dose_mg.value, [at], zone, step_up),
        ]
    )
