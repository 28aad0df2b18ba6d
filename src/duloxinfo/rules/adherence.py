"""How well a plan was followed over a period: :func:`adherence`.

Measures of implementation, a phase of the ABC taxonomy of adherence (Vrijens et al.,
Br J Clin Pharmacol 2012), as electronic-monitoring studies name them: taking adherence,
timing adherence, correct dosing and the longest gap; and drug holidays as Vrijens et
al. (BMJ 2008) count them.  All are worked out from the
:func:`~duloxinfo.rules.dose_log.dose_log` of the period.  The adherence page defines
each figure exactly and gives the sources.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable
from typing import Final

import attrs

from .._names import public_dir
from ..choices import DRUG_HOLIDAY_DAYS
from ._inputs import as_history, as_plan, period
from ._judging import ON_TIME, Entry, judged_at, slots_in, unscheduled
from ._slots import ONE_DAY
from ._timeline import Timeline
from .dose_status import DoseStatus
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen

__all__ = ["Adherence", "adherence"]
__dir__ = public_dir(globals())


_HOLIDAY: Final = DRUG_HOLIDAY_DAYS * ONE_DAY


@attrs.frozen(kw_only=True)
class Adherence:
    """The answer of :func:`adherence`: how a plan was followed from ``start`` to ``end``.

    Each figure comes twice: counting only the intakes the person is sure of, and
    (``..._with_unsure``) counting those they are not sure of as taken too.  A share is
    None when its denominator is 0 (no scheduled dose in the period).

    Attributes:
        start: The period's first instant (included), as given.
        end: The instant the period ends (excluded), as given.
        prescribed: The scheduled doses in the period, less those still ``due``.
        due: The scheduled doses of the period still due at ``now`` (not taken yet, and
            a dose taken then would still count for them): not judged yet, so in no
            other figure.  Always 0 without ``now``.
        taken: Of them, those taken, the person sure of it (on time, early or late).
        unsure: Of them, those only taken maybe (``NOT_SURE``).
        on_time: Of them, those taken on time, the person sure of it.
        unsure_on_time: Of them, those ``NOT_SURE`` whose maybe-dose was on time.
        days: The local dates with a scheduled dose in the period.
        correct_days: Of them, those on which every scheduled dose of the period got
            exactly its dose: one dose of the dose in force, and no other intake the
            person is sure of.
        correct_days_with_unsure: The same, counting intakes the person is not sure of
            as taken: a maybe-dose counts as the dose, and a maybe-extra spoils the day.
        extra: Intakes of the period that are not a scheduled dose's own dose: extra
            doses for a scheduled dose and intakes belonging to none (sure or not).
        taking: Taking adherence: ``taken / prescribed``.
        taking_with_unsure: ``(taken + unsure) / prescribed``.
        timing: Timing adherence: ``on_time / prescribed``.
        timing_with_unsure: ``(on_time + unsure_on_time) / prescribed``.
        correct_dosing: ``correct_days / days``.
        correct_dosing_with_unsure: ``correct_days_with_unsure / days``.
        longest_gap: The longest real time in the period with no intake the person is
            sure of: between two of them, or from ``start`` to the first, or from the
            last to ``end`` (the whole period when there is none).
        longest_gap_with_unsure: The same, with every intake.
        drug_holidays: Runs of scheduled doses in a row, in the period, with no dose the
            person is sure of, worth at least :data:`~duloxinfo.choices.DRUG_HOLIDAY_DAYS` days.
        drug_holidays_with_unsure: The same, a maybe-dose ending a run.
    """

    start: _dt.datetime
    end: _dt.datetime
    prescribed: int
    due: int
    taken: int
    unsure: int
    on_time: int
    unsure_on_time: int
    days: int
    correct_days: int
    correct_days_with_unsure: int
    extra: int
    taking: float | None
    taking_with_unsure: float | None
    timing: float | None
    timing_with_unsure: float | None
    correct_dosing: float | None
    correct_dosing_with_unsure: float | None
    longest_gap: _dt.timedelta
    longest_gap_with_unsure: _dt.timedelta
    drug_holidays: int
    drug_holidays_with_unsure: int


def adherence(
    plan: Plan | Regimen,
    intakes: IntakeHistory | Iterable[Intake],
    start: _dt.datetime,
    end: _dt.datetime,
    *,
    now: _dt.datetime | None = None,
) -> Adherence:
    """Implementation measures of adherence from ``start`` (included) to ``end`` (excluded).

    Worked out from :func:`~duloxinfo.rules.dose_log.dose_log` of the same period:
    the share of scheduled doses taken (taking adherence), taken on time (timing
    adherence), the share of days with exactly the prescribed doses (correct dosing),
    the longest gap between intakes and the number of drug holidays, each counting
    only the intakes the person is sure of and, again, counting the others as taken.
    A description of what happened, not a judgement: nothing here says what to do.

    Args:
        plan: the prescribed :class:`~duloxinfo.rules.plan.Plan`, or one
            :class:`~duloxinfo.rules.regimen.Regimen`.
        intakes: the doses taken, an :class:`~duloxinfo.rules.intakes.IntakeHistory`
            or any iterable of :class:`~duloxinfo.rules.intakes.Intake`, in any order.
        start: the aware instant the period starts (included).
        end: the aware instant the period ends (excluded).
        now: the aware instant of the question, at or after ``end``, so that a dose
            still due then is not counted as missed (see
            :func:`~duloxinfo.rules.dose_log.dose_log`); None for a period whose
            intakes are all known.

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
    >>> from duloxinfo import Intake, Regimen, adherence
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    >>> day = lambda d, h=8: dt.datetime(2026, 1, d, h, tzinfo=dt.UTC)
    >>> taken = [Intake(day(d), 60) for d in (1, 2, 3, 4, 8, 9, 10)] + [Intake(day(5, 12), 60)]
    >>> a = adherence(r, taken, day(1, 0), day(11, 0))
    >>> a.prescribed, a.taken, a.on_time, a.taking, a.timing, a.drug_holidays
    (10, 8, 7, 0.8, 0.7, 0)
    >>> a.longest_gap
    datetime.timedelta(days=2, seconds=72000)
    """
    plan = as_plan(plan)
    history = as_history(intakes)
    start, end, lo, hi = period(start, end)
    asked = judged_at(history, end, now)
    timeline = Timeline(plan, history)
    entries = slots_in(timeline, lo, hi, asked)
    # A dose still due is not judged yet: it is in no figure, nor is its day.
    judged = [entry for entry in entries if entry.status is not DoseStatus.DUE]
    return _measures(timeline, judged, (start, end), (lo, hi), len(entries) - len(judged))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _measures(  # noqa: PLR0915 - one pass over the slots, every count at once (the hot loop)
    timeline: Timeline,
    entries: list[Entry],
    given: tuple[_dt.datetime, _dt.datetime],
    utc_bounds: tuple[_dt.datetime, _dt.datetime],
    due: int,
) -> Adherence:
    start, end = given
    lo, hi = utc_bounds
    history = timeline.history
    intakes = history.intakes
    zones = [p.tz for p in timeline.phases]
    doses = [p.dose_mg for p in timeline.phases]
    windows = [ON_TIME[p.doses_per_day] for p in timeline.phases]
    taken = unsure = on_time = unsure_on_time = extra = 0
    days: set[_dt.date] = set()
    wrong: set[_dt.date] = set()  # days not correct, counting sure intakes only
    wrong_with_unsure: set[_dt.date] = set()
    intervals = timeline.intervals
    zero = _dt.timedelta(0)
    # Drug holidays: the run of slots without a dose so far, each worth its interval.
    holidays = holidays_with_unsure = 0
    run = run_with_unsure = zero
    missed, not_sure, on_time_status = DoseStatus.MISSED, DoseStatus.NOT_SURE, DoseStatus.ON_TIME
    for entry in entries:
        status = entry.status
        day = entry.at.astimezone(zones[entry.phase]).date()
        days.add(day)
        if status is missed:
            wrong.add(day)
            wrong_with_unsure.add(day)
            run += intervals[entry.phase]
            run_with_unsure += intervals[entry.phase]
            continue
        if entry.first == entry.dose and entry.extra == entry.stop:  # no other intake
            others: tuple[Intake, ...] = ()
            if entry.stop - entry.dose == 1:
                exact = intakes[entry.dose].dose_mg == doses[entry.phase]
            else:
                exact = (
                    sum(i.dose_mg for i in intakes[entry.dose : entry.stop]) == doses[entry.phase]
                )
        else:
            others = intakes[entry.first : entry.dose] + intakes[entry.extra : entry.stop]
            extra += len(others)
            exact = sum(i.dose_mg for i in intakes[entry.dose : entry.extra]) == doses[entry.phase]
            wrong_with_unsure.add(day)
        if not exact:
            wrong_with_unsure.add(day)
        if run_with_unsure:
            holidays_with_unsure += run_with_unsure >= _HOLIDAY
            run_with_unsure = zero
        if status is not_sure:
            unsure += 1
            unsure_on_time += abs(entry.offset or zero) <= windows[entry.phase]
            wrong.add(day)
            run += intervals[entry.phase]
            continue
        taken += 1
        on_time += status is on_time_status
        if not exact or any(i.certain for i in others):
            wrong.add(day)
        if run:
            holidays += run >= _HOLIDAY
            run = zero
    holidays += run >= _HOLIDAY
    holidays_with_unsure += run_with_unsure >= _HOLIDAY
    prescribed = len(entries)
    first = bisect.bisect_left(history.instants, lo)
    last = bisect.bisect_left(history.instants, hi)
    sure_at = [history.instants[i] for i in range(first, last) if intakes[i].certain]
    return Adherence(
        start=start,
        end=end,
        prescribed=prescribed,
        due=due,
        taken=taken,
        unsure=unsure,
        on_time=on_time,
        unsure_on_time=unsure_on_time,
        days=len(days),
        correct_days=len(days) - len(wrong),
        correct_days_with_unsure=len(days) - len(wrong_with_unsure),
        extra=extra + len(unscheduled(timeline, lo, hi, entries)),
        taking=_share(taken, prescribed),
        taking_with_unsure=_share(taken + unsure, prescribed),
        timing=_share(on_time, prescribed),
        timing_with_unsure=_share(on_time + unsure_on_time, prescribed),
        correct_dosing=_share(len(days) - len(wrong), len(days)),
        correct_dosing_with_unsure=_share(len(days) - len(wrong_with_unsure), len(days)),
        longest_gap=_longest_gap(sure_at, lo, hi),
        longest_gap_with_unsure=_longest_gap(history.instants[first:last], lo, hi),
        drug_holidays=holidays,
        drug_holidays_with_unsure=holidays_with_unsure,
    )


def _longest_gap(
    instants: Iterable[_dt.datetime], lo: _dt.datetime, hi: _dt.datetime
) -> _dt.timedelta:
    longest, previous = _dt.timedelta(0), lo
    for instant in instants:
        longest = max(longest, instant - previous)
        previous = instant
    return max(longest, hi - previous)
