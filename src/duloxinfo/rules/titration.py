"""Where a person stands on the label's titration plan; never a change of dose by itself."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from .._names import public_dir
from .._validate import require_aware, utc
from .._words import date_words, how_often
from ..label import LABEL
from ._inputs import as_history, as_plan, require_not_after
from ._timeline import TICK, Timeline
from .intakes import Intake, IntakeHistory
from .missed_dose import MISSED_COUNT_LIMIT_DAYS, Action, advise_missed_dose
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
        reason: Plain sentences an application can show.
        rule: A stable identifier of the rule, such as ``titration/eligible-to-ask``.
    """

    stage: TitrationStage
    starting_doses_taken: int
    reason: str
    rule: str


def titration_status(  # noqa: PLR0911 - a return per stage
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
      :data:`~duloxinfo.rules.missed_dose.CONTACT_PRESCRIBER_AFTER_DAYS` days, or the
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
    if missed.action is Action.CONTACT_PRESCRIBER:
        return _status(TitrationStage.CONTACT_PRESCRIBER, 0, missed.reason)
    timeline = Timeline(plan, history)
    now_utc = utc(now)
    index = timeline.phase_at(now_utc)
    phase = plan.phases[index]
    usual = LABEL.usual_dose_mg.value
    pain_max = LABEL.max_daily_dose_pain_mg.value
    starting = LABEL.starting_dose_mg.value
    once = how_often(1)
    daily = phase.daily_dose_mg
    if daily > pain_max:
        return _status(
            TitrationStage.ABOVE_PAIN_MAXIMUM,
            0,
            f"{daily} mg a day is more than the US label's {pain_max} mg top dose for "
            "long-term muscle and joint pain and for fibromyalgia. Higher doses are used for "
            "other uses, such as depression. Keep to it only as your prescriber directs, "
            "and ask them if you are unsure.",
        )
    if daily == usual:
        return _status(
            TitrationStage.USUAL_MAXIMUM,
            0,
            f"{usual} mg a day is the US label's usual dose for long-term muscle and joint pain "
            "and for fibromyalgia. It is also the top dose for them. More adds side effects, not "
            "relief, so stay on it as your prescriber directs.",
        )
    if phase.doses_per_day != 1 or phase.dose_mg != starting:
        return _status(
            TitrationStage.OUTSIDE_PLAN,
            0,
            f"{phase.dose_mg} mg {how_often(phase.doses_per_day)} is not a step of the usual "
            f"plan, which is {starting} mg {once}, then {usual} mg {once}. Take it as your "
            "prescriber directs.",
        )
    period = LABEL.starting_period.value
    needed = period // _dt.timedelta(days=1)
    taken = _starting_doses(timeline, index, now_utc, needed)
    following = plan.phases[index + 1] if index + 1 < len(plan.phases) else None
    if following is not None:
        step = date_words(following.start.astimezone(following.tz).date())
        return _status(
            TitrationStage.STARTING,
            taken,
            f"You are on the starting dose of {starting} mg {once}, and have taken {taken} "
            f"of the first {needed} doses. Your plan goes on to {following.dose_mg} mg "
            f"{how_often(following.doses_per_day)} on {step}, as your prescriber ordered.",
        )
    if now_utc - timeline.starts[index] >= period and taken >= needed:
        return _status(
            TitrationStage.ELIGIBLE_TO_ASK,
            taken,
            f"You have taken {starting} mg {once} for a week: {taken} doses. You may ask your "
            f"prescriber if you should go up to {usual} mg {once}. Do not change the dose "
            "yourself.",
        )
    return _status(
        TitrationStage.STARTING,
        taken,
        f"You are on the starting dose of {starting} mg {once}, and have taken {taken} of "
        f"the first {needed} doses. Keep to it as your prescriber directs. They may review "
        "it after a week.",
    )


def _status(stage: TitrationStage, taken: int, reason: str) -> TitrationStatus:
    return TitrationStatus(
        stage=stage, starting_doses_taken=taken, reason=reason, rule=f"titration/{stage.value}"
    )


def _starting_doses(timeline: Timeline, index: int, now: _dt.datetime, needed: int) -> int:
    """Doses of phase ``index`` taken in their own scheduled times up to now, up to ``needed``.

    A scheduled dose counts once however many intakes it has, and only if one of them
    is the phase's own dose.  Only the phase's first
    :data:`~duloxinfo.rules.missed_dose.MISSED_COUNT_LIMIT_DAYS` days are looked at,
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
