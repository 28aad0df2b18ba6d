"""Where a person stands on the label's titration plan; never a change of dose by itself."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from .._names import public_dir
from .._validate import require_aware, utc
from .._wording import en
from .._wording.en import TitrationFacts
from ..choices import MISSED_COUNT_LIMIT_DAYS
from ..label import LABEL
from ..reasons import (
    AboveMaximum,
    ContactPrescriber,
    EligibleToAsk,
    NextPhase,
    OutsidePlan,
    Starting,
    UsualMaximum,
)
from ._inputs import as_history, as_plan, require_not_after
from ._timeline import TICK, Timeline
from .intakes import Intake, IntakeHistory
from .missed_dose import advise_missed_dose
from .plan import Plan
from .regimen import Regimen

__all__ = ["TitrationStage", "TitrationStatus", "titration_status"]
__dir__ = public_dir(globals())


class TitrationStage(enum.Enum):
    """Where the phase in force stands on the plan: 30 mg once daily, then 60 mg once daily.

    The values are stable identifiers.
    """

    STARTING = "starting"
    """At the starting dose (30 mg once daily), the first week not yet complete."""
    ELIGIBLE_TO_ASK = "eligible-to-ask"
    """A week of the starting dose is done, so the person may ask the prescriber about 60 mg."""
    USUAL_MAXIMUM = "usual-maximum"
    """At 60 mg a day, the usual dose and the label maximum for the pain uses."""
    ABOVE_PAIN_MAXIMUM = "above-pain-maximum"
    """Over 60 mg a day, above the label maximum for the pain uses (up to 120 mg is
    labelled for depression and anxiety only)."""
    OUTSIDE_PLAN = "outside-plan"
    """A regimen the plan does not describe (for example 20 or 40 mg a day)."""
    CONTACT_PRESCRIBER = "contact-prescriber"
    """Doses have been missed for days, or never started. The missed-dose rule's answer."""


@attrs.frozen(kw_only=True)
class TitrationStatus:
    """The answer of :func:`titration_status`.

    Attributes:
        stage: Where the phase in force stands on the plan.
        starting_doses_taken: Doses of the starting phase taken in their own scheduled
            times since it began (counted up to the seven of the label's first week,
            among the phase's first 30 days), otherwise 0.
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
    """Say where the plan in force stands on the label's plan, without ever advising a change.

    The label's plan for chronic musculoskeletal pain and fibromyalgia (US PI, 2
    Dosage and Administration) is 30 mg once daily for one week, then 60 mg once
    daily; 60 mg a day is also the maximum for those uses
    (:func:`~duloxinfo.rules.plan.titration_plan` writes it as a plan).  The answer
    is about the phase in force at ``now``:

    * When :func:`~duloxinfo.rules.missed_dose.advise_missed_dose` answers
      ``CONTACT_PRESCRIBER`` (doses missed for
      :data:`~duloxinfo.choices.CONTACT_PRESCRIBER_AFTER_DAYS` days, or the
      plan never started): ``CONTACT_PRESCRIBER``, with the same reason.
    * Over 60 mg a day: ``ABOVE_PAIN_MAXIMUM``; 60 mg a day: ``USUAL_MAXIMUM``.
    * 30 mg once daily: ``STARTING``; or, once a week has passed since the phase
      began, a week's doses (7) have been taken in their own scheduled times, and
      the plan itself does not go on to another dose, ``ELIGIBLE_TO_ASK``: the
      answer is to ask the prescriber, never to change the dose.
    * Anything else: ``OUTSIDE_PLAN``.

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
    usual = LABEL.usual_dose_mg.value
    pain_max = LABEL.max_daily_dose_pain_mg.value
    starting = LABEL.starting_dose_mg.value
    daily = phase.daily_dose_mg
    if daily > pain_max:
        return _status(
            TitrationStage.ABOVE_PAIN_MAXIMUM, 0, AboveMaximum(daily_mg=daily, maximum_mg=pain_max)
        )
    if daily == usual:
        return _status(TitrationStage.USUAL_MAXIMUM, 0, UsualMaximum(usual_mg=usual))
    if phase.doses_per_day != 1 or phase.dose_mg != starting:
        return _status(
            TitrationStage.OUTSIDE_PLAN,
            0,
            OutsidePlan(
                dose_mg=phase.dose_mg,
                doses_per_day=phase.doses_per_day,
                starting_mg=starting,
                usual_mg=usual,
            ),
        )
    period = LABEL.starting_period.value
    needed = period // _dt.timedelta(days=1)
    taken = _starting_doses(timeline, index, now_utc, needed)
    following = plan.phases[index + 1] if index + 1 < len(plan.phases) else None
    if following is None and now_utc - timeline.starts[index] >= period and taken >= needed:
        return _status(
            TitrationStage.ELIGIBLE_TO_ASK,
            taken,
            EligibleToAsk(starting_mg=starting, taken=taken, usual_mg=usual),
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
        Starting(starting_mg=starting, taken=taken, needed=needed, next=step),
    )


def _status(stage: TitrationStage, taken: int, because: TitrationFacts) -> TitrationStatus:
    return TitrationStatus(
        stage=stage,
        starting_doses_taken=taken,
        reason=en.titration(because),
        rule=f"titration/{stage.value}",
        because=because,
    )


def _starting_doses(timeline: Timeline, index: int, now: _dt.datetime, needed: int) -> int:
    """Doses of phase ``index`` taken in their own scheduled times up to now, up to ``needed``.

    A scheduled dose counts once however many intakes it has, and only if one of them
    is the phase's own dose.  Only the phase's first
    :data:`~duloxinfo.choices.MISSED_COUNT_LIMIT_DAYS` days are looked at,
    so that the work is bounded however long the phase has run.
    """
    dose = timeline.phases[index].dose_mg
    last = min(now, timeline.starts[index] + _dt.timedelta(days=MISSED_COUNT_LIMIT_DAYS))
    counted = 0
    slot = timeline.after(timeline.starts[index] - TICK)
    while slot is not None and slot.phase == index and slot.at <= last and counted < needed:
        if any(i.dose_mg == dose for i in timeline.taken_for(slot)):
            counted += 1
        slot = timeline.after(slot.at)
    return counted
