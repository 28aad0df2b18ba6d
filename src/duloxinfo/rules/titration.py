"""Where a prescribed dose stands on the US label's pain plan; never a change of dose by itself."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from .._names import public_dir
from .._validate import require_aware, utc
from .._wording import en
from .._wording.en import TitrationFacts
from ..label import LABEL
from ..reasons import (
    AboveMaximum,
    ContactPrescriber,
    EligibleToAsk,
    NextPhase,
    OutsidePlan,
    PainPlan,
    Prescribed,
    Starting,
    UsualMaximum,
)
from ._inputs import as_history, as_plan, require_not_after
from ._judging import slots_in
from ._timeline import TICK, Timeline
from .dose_status import DoseStatus
from .intakes import Intake, IntakeHistory
from .missed_dose import advise_missed_dose
from .plan import Plan
from .regimen import Regimen

__all__ = ["TitrationStage", "TitrationStatus", "titration_status"]
__dir__ = public_dir(globals())


class TitrationStage(enum.Enum):
    """Where the prescribed phase in force stands on the US label's pain plan.

    That plan is the US label's for chronic musculoskeletal pain and fibromyalgia: 30 mg
    once daily for a week, then 60 mg once daily.  The values are stable identifiers.  A
    stage says where a dose stands on that plan, not that the plan is the person's: their
    use may be another.
    """

    STARTING = "starting"
    """At the starting dose (30 mg once daily), and not eligible to ask, as the recent run
    of doses taken for sure is short of a week, or the prescriber's plan goes on to
    another phase by itself."""
    ELIGIBLE_TO_ASK = "eligible-to-ask"
    """At the starting dose, with a week of it done (the last 7 scheduled doses each
    taken for sure as its own dose, in a row, the week over).  The person may ask the
    prescriber about 60 mg."""
    USUAL_MAXIMUM = "usual-maximum"
    """At 60 mg a day, the pain plan's usual dose and its top dose (the plan itself is
    once daily; 30 mg twice daily is here too)."""
    ABOVE_PAIN_MAXIMUM = "above-pain-maximum"
    """Over 60 mg a day, above the pain plan's top dose (the US label goes higher for
    other uses, such as depression)."""
    OUTSIDE_PLAN = "outside-plan"
    """A regimen that is not a step of the pain plan (for example 20 mg twice daily or
    40 mg once daily); it may be the plan for another use."""
    CONTACT_PRESCRIBER = "contact-prescriber"
    """Doses have been missed for days, or never started. The missed-dose rule's answer."""


@attrs.frozen(kw_only=True)
class TitrationStatus:
    """The answer of :func:`titration_status`.

    Attributes:
        stage: Where the phase in force stands on the plan.
        starting_doses_taken: On the starting dose, the doses of the recent run, up to
            the 7 of a week: the scheduled doses up to now, newest first, each taken
            for sure as its own dose, with none missed or unsure between (one not taken
            yet and still due is passed over); otherwise 0.
        reason: Plain sentences an application can show, written from ``because``.
        rule: A stable identifier of the rule, such as ``titration/eligible-to-ask``.
        because: The facts the reason is written from (:mod:`duloxinfo.reasons`); for
            ``CONTACT_PRESCRIBER``, the missed-dose rule's own.  Not in the JSON answer.
    """

    stage: TitrationStage
    starting_doses_taken: int
    reason: str
    rule: str
    because: TitrationFacts | ContactPrescriber = attrs.field(repr=False, metadata={"json": False})


def titration_status(
    plan: Plan | Regimen,
    intakes: IntakeHistory | Iterable[Intake],
    now: _dt.datetime,
) -> TitrationStatus:
    """Say where the plan in force stands on the label's pain plan, never advising a change.

    The US label's plan for chronic musculoskeletal pain and fibromyalgia in adults
    (US PI-G §2.5 and §2.6) is 30 mg once daily for one week, then 60 mg once daily;
    60 mg a day is also the top dose for those uses (the dosing table of the
    Highlights of §2). :func:`~duloxinfo.rules.plan.titration_plan` writes it as a
    plan.  The person's use may be another (the label's plans for depression start at
    20 mg twice daily, US PI-G §2.2), so every reason speaks of the plan the
    prescriber wrote and names the pain plan as such.  The answer is about the phase
    in force at ``now``:

    * When :func:`~duloxinfo.rules.missed_dose.advise_missed_dose` answers
      ``CONTACT_PRESCRIBER`` (doses missed for
      :data:`~duloxinfo.choices.CONTACT_PRESCRIBER_AFTER_DAYS` days, or the
      plan never started): ``CONTACT_PRESCRIBER``, with the same reason.
    * Over 60 mg a day: ``ABOVE_PAIN_MAXIMUM``; 60 mg a day: ``USUAL_MAXIMUM``.
    * 30 mg once daily: ``STARTING`` or ``ELIGIBLE_TO_ASK``, by the recent run.
    * Anything else: ``OUTSIDE_PLAN``.

    **The recent run.**  N is the label's starting period in doses (a week of once
    daily doses: 7).  Walk back over the phase's scheduled doses at or before
    ``now``, newest first.  The newest, if not taken yet and still due (its window
    is open at ``now``), is passed over: it neither counts nor ends the run.  Every
    other dose counts when it is taken for sure (``certain``) as its own dose (the
    intakes the dose log gives it are the phase's dose: a dose counts once, however
    many intakes it has); the first dose that does not (missed, not sure, another
    dose) ends the run, and so does the phase's start.  A dose the person is not sure
    of is the safe reading for a missed dose and the unsafe one for stepping up, so
    it never counts here.  ``starting_doses_taken`` is the run, up to N.
    ``ELIGIBLE_TO_ASK`` needs N doses of the run whose week is over (each followed
    by its next scheduled time at or before ``now``), and a plan that does not go on
    to another phase by itself; the answer is to ask the prescriber, never to change
    the dose.  The walk looks at N + 2 doses at most, so the work is bounded however
    long the history.  A new phase (a trip to another zone, a restart) starts a new
    run.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, ``intakes`` is not an iterable
            of :class:`~duloxinfo.rules.intakes.Intake`, or ``now`` is not a datetime.
        InvalidDatetimeError: ``now`` has no zone or is outside the supported years.
        HistoryError: an intake is later than ``now``.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, Intake, titration_status
    >>> start = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)
    >>> r = Regimen(30, [dt.time(8)], "UTC", start)
    >>> week = [Intake(start + dt.timedelta(days=d), 30) for d in range(7)]
    >>> s = titration_status(r, week, start + dt.timedelta(days=7))
    >>> s.stage.value, s.starting_doses_taken
    ('eligible-to-ask', 7)
    >>> unsure = [Intake(start + dt.timedelta(days=d), 30, certain=False) for d in range(7)]
    >>> s = titration_status(r, unsure, start + dt.timedelta(days=7))
    >>> s.stage.value, s.starting_doses_taken
    ('starting', 0)
    """
    plan = as_plan(plan)
    now = require_aware(now, "now")
    history = as_history(intakes)
    require_not_after(history, now)
    # The missed-dose rule's own answer, so that the two never disagree.
    missed = advise_missed_dose(plan, history, now)
    if isinstance(missed.because, ContactPrescriber):
        return TitrationStatus(
            stage=TitrationStage.CONTACT_PRESCRIBER,
            starting_doses_taken=0,
            reason=missed.reason,
            rule=f"titration/{TitrationStage.CONTACT_PRESCRIBER.value}",
            because=missed.because,
        )
    timeline = Timeline(plan, history)
    now_utc = utc(now)
    index = timeline.phase_at(now_utc)
    phase = plan.phases[index]
    starting = LABEL.starting_dose_mg.value
    needed = LABEL.starting_period.value // _dt.timedelta(days=1)
    pain = PainPlan(
        starting_mg=starting,
        starting_doses=needed,
        usual_mg=LABEL.usual_dose_mg.value,
        maximum_mg=LABEL.max_daily_dose_pain_mg.value,
    )
    prescribed = Prescribed(dose_mg=phase.dose_mg, doses_per_day=phase.doses_per_day)
    daily = phase.daily_dose_mg
    if daily > pain.maximum_mg:
        return _status(
            TitrationStage.ABOVE_PAIN_MAXIMUM,
            0,
            AboveMaximum(prescribed=prescribed, daily_mg=daily, pain=pain),
        )
    if daily == pain.usual_mg:
        return _status(
            TitrationStage.USUAL_MAXIMUM, 0, UsualMaximum(prescribed=prescribed, pain=pain)
        )
    if phase.doses_per_day != 1 or phase.dose_mg != starting:
        return _status(
            TitrationStage.OUTSIDE_PLAN, 0, OutsidePlan(prescribed=prescribed, pain=pain)
        )
    run, done = _recent_run(timeline, index, now_utc, needed)
    taken = min(run, needed)
    following = plan.phases[index + 1] if index + 1 < len(plan.phases) else None
    if following is None and done >= needed:
        return _status(
            TitrationStage.ELIGIBLE_TO_ASK,
            taken,
            EligibleToAsk(prescribed=prescribed, taken=taken, pain=pain),
        )
    step = (
        None
        if following is None
        else NextPhase(
            dose_mg=following.dose_mg,
            doses_per_day=following.doses_per_day,
            starts_on=following.start.astimezone(following.tz).date(),
        )
    )
    return _status(
        TitrationStage.STARTING,
        taken,
        Starting(prescribed=prescribed, taken=taken, next=step, pain=pain),
    )


def _status(stage: TitrationStage, taken: int, because: TitrationFacts) -> TitrationStatus:
    return TitrationStatus(
        stage=stage,
        starting_doses_taken=taken,
        reason=en.titration(because),
        rule=f"titration/{stage.value}",
        because=because,
    )


_SURE = frozenset({DoseStatus.ON_TIME, DoseStatus.EARLY, DoseStatus.LATE})


def _recent_run(timeline: Timeline, index: int, now: _dt.datetime, needed: int) -> tuple[int, int]:
    """The recent run of phase ``index`` at ``now`` (UTC): its doses, and those whose week is over.

    See :func:`titration_status`.  Each scheduled dose is judged as the dose log judges
    it (``slots_in``); the run is counted up to ``needed + 1`` doses, so that ``needed``
    of them may have their week over when the newest is today's, and only the last
    ``needed + 2`` intervals are looked at.
    """
    phase = timeline.phases[index]
    lo = max(timeline.starts[index], now - phase.interval * (needed + 2))
    entries = [e for e in slots_in(timeline, lo, now + TICK, now) if e.phase == index]
    intakes = timeline.history.intakes
    run = 0
    newest_counted = False
    for position, entry in enumerate(reversed(entries)):
        if position == 0 and entry.status is DoseStatus.DUE:
            continue
        own = sum(i.dose_mg for i in intakes[entry.dose : entry.extra]) == phase.dose_mg
        if entry.status not in _SURE or not own or run > needed:
            break
        newest_counted = newest_counted or position == 0
        run += 1
    # The newest dose at or before now, when counted, has its week still running.
    return run, run - 1 if newest_counted else run
