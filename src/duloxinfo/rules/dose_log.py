"""What happened to each scheduled dose of a period: :func:`dose_log`.

Each scheduled dose (slot) of the period gets the intakes the attribution of the rules
page gives it, the same rule :func:`~duloxinfo.rules.missed_dose.advise_missed_dose` and
:func:`~duloxinfo.rules.audit.audit` use, and a status: on time, early, late, missed,
not sure, or (with ``now``) still due.  The on-time window is adapted from the ISMP's
guidelines for the timely administration of scheduled medicines in hospitals (2011):
two hours either side for a once-daily dose, one hour for a twice-daily one.  The
adherence page gives every definition and its sources.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import attrs

from .._names import public_dir
from .._validate import utc
from ._inputs import as_history, as_plan, period
from ._judging import ON_TIME, Entry, judged_at, slots_in, unscheduled
from ._timeline import Timeline
from .dose_status import DoseStatus
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen

__all__ = [
    "DoseLog",
    "LoggedDose",
    "dose_log",
]
__dir__ = public_dir(globals())


@attrs.frozen(kw_only=True)
class LoggedDose:
    """One scheduled dose of a :class:`DoseLog` and what happened to it.

    Attributes:
        slot: The scheduled dose (aware, in its phase's zone).
        dose_mg: The dose in force at it, in mg.
        status: What happened to it.
        taken: The intakes that make up its dose, in time order: the first dose the
            person is sure of among the intakes that belong to it, or, when they are
            sure of none, the first of them.  A dose is an intake and any that follow it
            within :data:`~duloxinfo.choices.ONE_DOSE_WITHIN`, together no more than
            the dose in force (two 30 mg capsules of a 60 mg dose).  Empty when missed.
        extra: The other intakes that belong to it, in time order: more doses for the
            same scheduled dose, which :func:`~duloxinfo.rules.audit.audit` judges
            (a double dose when less than the spacing H from the dose).
        offset: When ``taken`` began, minus ``slot``, in real elapsed time: negative
            when early.  None when missed.
        on_time_within: The on-time window of its phase:
            :data:`~duloxinfo.choices.ON_TIME_ONCE_DAILY` or
            :data:`~duloxinfo.choices.ON_TIME_TWICE_DAILY`.
    """

    slot: _dt.datetime
    dose_mg: int
    status: DoseStatus
    taken: tuple[Intake, ...]
    extra: tuple[Intake, ...]
    offset: _dt.timedelta | None
    on_time_within: _dt.timedelta

    @property
    def intakes(self) -> tuple[Intake, ...]:
        """Every intake that belongs to the slot, in time order."""
        return tuple(sorted((*self.taken, *self.extra), key=lambda i: utc(i.at)))


@attrs.frozen(kw_only=True)
class DoseLog:
    """The answer of :func:`dose_log`: each scheduled dose of a period, and stray intakes.

    Every intake of the period is in exactly one place: in ``taken`` or ``extra`` of the
    scheduled dose it belongs to, or in ``unscheduled``.  An intake belongs to the
    period of its scheduled dose (a dose due at 23:30 and taken at 00:30 is in the log
    of the day it was due); one that belongs to no scheduled dose, to the period it was
    taken in.

    Attributes:
        start: The period's first instant (included), as given.
        end: The instant the period ends (excluded), as given.
        doses: One entry per scheduled dose from ``start`` (included) to ``end``
            (excluded), in time order.
        unscheduled: The intakes taken from ``start`` to ``end`` that belong to no
            scheduled dose (far into a pause, before the plan starts or after it ends),
            in time order.
    """

    start: _dt.datetime
    end: _dt.datetime
    doses: tuple[LoggedDose, ...]
    unscheduled: tuple[Intake, ...]


def dose_log(
    plan: Plan | Regimen,
    intakes: IntakeHistory | Iterable[Intake],
    start: _dt.datetime,
    end: _dt.datetime,
    *,
    now: _dt.datetime | None = None,
) -> DoseLog:
    """What happened to each scheduled dose from ``start`` (included) to ``end`` (excluded).

    Each scheduled dose gets the intakes that belong to it, by the attribution of the
    rules page (the nearest scheduled dose, as for
    :func:`~duloxinfo.rules.missed_dose.advise_missed_dose` and
    :func:`~duloxinfo.rules.audit.audit`), so a dose taken early or late may lie a
    little outside the period.  Its status comes from its dose (``taken``): ``MISSED``
    with none, ``NOT_SURE`` when the person is sure of no intake of it, otherwise
    ``ON_TIME`` within the on-time window of the scheduled time (both ends included),
    ``EARLY`` or ``LATE`` beyond it.

    Nothing here reads the clock.  Give ``now`` when the period ends at (or near) the
    present: a scheduled dose with no intake whose time to take has not passed (a dose
    taken at ``now`` would still belong to it) is then ``DUE``, not ``MISSED``.  Without
    ``now``, the intakes given are taken to be all there will ever be, as for a period
    in the past.

    Args:
        plan: the prescribed :class:`~duloxinfo.rules.plan.Plan`, or one
            :class:`~duloxinfo.rules.regimen.Regimen`.
        intakes: the doses taken, an :class:`~duloxinfo.rules.intakes.IntakeHistory`
            or any iterable of :class:`~duloxinfo.rules.intakes.Intake`, in any order.
        start: the aware instant the period starts (included).
        end: the aware instant the period ends (excluded).
        now: the aware instant of the question, at or after ``end``; None (the
            default) for a period whose intakes are all known.

    Raises:
        WrongTypeError: ``plan`` is not a Plan or a Regimen, ``intakes`` is not an
            iterable of :class:`~duloxinfo.rules.intakes.Intake`, or ``start``,
            ``end`` or ``now`` is not a datetime.
        InvalidDatetimeError: ``start``, ``end`` or ``now`` has no zone or is outside
            the supported years.
        ScheduleError: ``end`` is before ``start``, more than
            :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS` days after it, or
            after ``now``.
        HistoryError: an intake is later than ``now``.

    >>> import datetime as dt
    >>> from duloxinfo import Intake, Regimen, dose_log
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> day = lambda d, h, m=0: dt.datetime(2026, 1, d, h, m, tzinfo=dt.UTC)
    >>> log = dose_log(r, [Intake(day(5, 8, 20), 60), Intake(day(7, 11), 60)], day(5, 0), day(8, 0))
    >>> [(d.slot.day, d.status.value, d.offset) for d in log.doses]
    [(5, 'on-time', datetime.timedelta(seconds=1200)), (6, 'missed', None), (7, 'late', datetime.timedelta(seconds=10800))]
    >>> now = day(8, 8, 1)  # a minute after the 8th's dose, not yet taken
    >>> [d.status.value for d in dose_log(r, [], day(8, 0), now, now=now).doses]
    ['due']
    """  # noqa: E501 - a doctest line is as long as the answer it shows
    plan = as_plan(plan)
    history = as_history(intakes)
    start, end, lo, hi = period(start, end)
    asked = judged_at(history, end, now)
    timeline = Timeline(plan, history)
    entries = slots_in(timeline, lo, hi, asked)
    return DoseLog(
        start=start,
        end=end,
        doses=_logged(timeline, entries),
        unscheduled=unscheduled(timeline, lo, hi, entries),
    )


def _logged(timeline: Timeline, entries: list[Entry]) -> tuple[LoggedDose, ...]:
    """The records of ``entries``, each phase's values looked up once."""
    intakes = timeline.history.intakes
    phases = [(p.tz, p.dose_mg, ON_TIME[p.doses_per_day]) for p in timeline.phases]
    logged: list[LoggedDose] = []
    for entry in entries:
        tz, dose_mg, within = phases[entry.phase]
        first, dose, extra, stop = entry.first, entry.dose, entry.extra, entry.stop
        logged.append(
            LoggedDose(
                slot=entry.at.astimezone(tz),
                dose_mg=dose_mg,
                status=entry.status,
                taken=intakes[dose:extra],
                extra=(
                    ()
                    if first == dose and extra == stop
                    else intakes[first:dose] + intakes[extra:stop]
                ),
                offset=entry.offset,
                on_time_within=within,
            )
        )
    return tuple(logged)
