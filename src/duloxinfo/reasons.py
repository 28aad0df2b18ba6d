"""Why a rule answered as it did: the typed facts every answer's ``reason`` is written from.

A rule decides and returns data; the wording layer writes the sentences.  Each
answer carries these facts in its ``because`` field, and its ``reason`` (or a
finding's ``explanation``) is the English the wording layer writes from them.  An
application may show ``reason`` as it is, or write its own words (in another
language, say) from ``because``: the facts hold everything the sentences say.

Every time here is aware and local to the zone of its phase, as the answer's own
fields are; a span is real elapsed time.  The values of the enums are stable.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from ._names import public_dir

__all__ = [
    "AboveMaximum",
    "AlreadyTaken",
    "ContactPrescriber",
    "EligibleToAsk",
    "Enough",
    "InteractionTiming",
    "NextDose",
    "NextPhase",
    "NotStarted",
    "OnHand",
    "OtherStarts",
    "OtherStopped",
    "OtherStops",
    "OutsidePlan",
    "OversizedIntake",
    "PainPlan",
    "PlanEnded",
    "Prescribed",
    "RunsOut",
    "Skip",
    "SkipBecause",
    "SpacedFrom",
    "Starting",
    "TakeNow",
    "Taken",
    "TakenAs",
    "TakenEarly",
    "TooClose",
    "UsualMaximum",
    "Wait",
    "ZonesNamed",
]
__dir__ = public_dir(globals())

# -- the missed-dose rule --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ZonesNamed:
    """Which zones a missed-dose reason names, so that the words can say where a time is.

    Attributes:
        home: The zone of the plan's first phase.  A time in it is shown without its
            zone, unless ``now`` is elsewhere.
        now: The zone of the phase in force at the question.  When it is not ``home``,
            every time is named with its zone (once, at the end, when all share one).
    """

    home: _dt.tzinfo
    now: _dt.tzinfo


@attrs.frozen(kw_only=True)
class SpacedFrom:
    """The earlier dose that the spacing between doses counts from.

    Attributes:
        at: When that dose was (or is, for a dose advised now) taken.
        spacing: The real time from it to the next dose.
        is_last: True when it is the person's last dose (or the one advised now), False
            when it is another, named by its time.
    """

    at: _dt.datetime
    spacing: _dt.timedelta
    is_last: bool


@attrs.frozen(kw_only=True)
class NextDose:
    """When the next dose may be taken, and why then.

    Attributes:
        at: The earliest moment the next dose may be taken: the answer's
            ``next_dose_at``.
        slot: The scheduled dose it is.
        dose_mg: The dose in force at ``slot``, in mg.
        passed: A scheduled dose before it that is passed over, as it falls too soon
            after the last dose; None when there is none.
        spaced: The dose the spacing counts from, when the spacing moved ``at`` past
            ``slot``; None when ``at`` is ``slot``.
        follows_dose_now: True when this follows a dose the answer says to take now.
    """

    at: _dt.datetime
    slot: _dt.datetime
    dose_mg: int
    passed: _dt.datetime | None
    spaced: SpacedFrom | None
    follows_dose_now: bool


class TakenAs(enum.Enum):
    """How the intakes of a scheduled dose stand against it."""

    TAKEN = "taken"
    """Taken, whole."""
    UNSURE = "unsure"
    """Perhaps taken, as the person is not sure; it counts as taken."""
    TOO_MUCH = "too-much"
    """More than the dose was taken for it."""
    PART = "part"
    """Part of the dose was taken; the rest is not made up."""
    EARLIER_DAY = "earlier-day"
    """Taken the day before, nearer to this dose's time than to the one before."""


@attrs.frozen(kw_only=True)
class Taken:
    """What was taken for a scheduled dose.

    Attributes:
        slot: The scheduled dose.
        taken_as: How its intakes stand against it.
        taken_mg: The mg its intakes add up to.
        dose_mg: The dose in force at ``slot``, in mg.
        first_at: The time of its first intake.
    """

    slot: _dt.datetime
    taken_as: TakenAs
    taken_mg: int
    dose_mg: int
    first_at: _dt.datetime


@attrs.frozen(kw_only=True)
class TakenEarly:
    """A scheduled dose already taken before its time.

    Attributes:
        slot: The scheduled dose.
        at: When it was taken.
    """

    slot: _dt.datetime
    at: _dt.datetime


@attrs.frozen(kw_only=True)
class NotStarted:
    """``NOT_DUE`` before the plan's first dose.

    Attributes:
        zones: Which zones the words name.
        next: The next dose: the plan's first.
    """

    zones: ZonesNamed
    next: NextDose


@attrs.frozen(kw_only=True)
class AlreadyTaken:
    """``ALREADY_TAKEN``: the current scheduled dose is covered.

    Attributes:
        zones: Which zones the words name.
        taken: What was taken for it.
        early: The next scheduled dose, when it too was taken early; else None.
        next: The next dose.
    """

    zones: ZonesNamed
    taken: Taken
    early: TakenEarly | None
    next: NextDose


@attrs.frozen(kw_only=True)
class PlanEnded:
    """``PLAN_ENDED``: the plan has no more doses.

    Attributes:
        zones: Which zones the words name.
        taken: What was taken for the last scheduled dose, when it was taken; None
            when no dose is left to take now.
        skipped: The missed scheduled dose to skip, as no dose follows it; None when
            it was taken.
    """

    zones: ZonesNamed
    taken: Taken | None
    skipped: _dt.datetime | None


class SkipBecause(enum.Enum):
    """Why a missed dose is skipped."""

    NEXT_IS_NEAR = "next-is-near"
    """The next dose is at most the spacing away."""
    NEXT_TAKEN_EARLY = "next-taken-early"
    """The next dose was already taken, early."""
    BREAK = "break"
    """The plan takes a break (a pause between phases) and resumes within the spacing."""


@attrs.frozen(kw_only=True)
class Skip:
    """``SKIP``: the missed dose is skipped.

    Attributes:
        zones: Which zones the words name.
        slot: The missed scheduled dose.
        because: Why it is skipped.
        early: The next scheduled dose, taken early, when ``because`` is
            ``NEXT_TAKEN_EARLY``; else None.
        next: The next dose.
    """

    zones: ZonesNamed
    slot: _dt.datetime
    because: SkipBecause
    early: TakenEarly | None
    next: NextDose


@attrs.frozen(kw_only=True)
class Wait:
    """``NOT_DUE``: the missed dose may be taken, but not yet, as a dose was too recent.

    Attributes:
        zones: Which zones the words name.
        slot: The missed scheduled dose.
        last: The intake that is too recent.
        last_is_latest: True when ``last`` is the person's latest intake.
        ready: When the missed dose may be taken: the spacing after ``last``.
        spacing: The real time from ``last`` to ``ready``.
    """

    zones: ZonesNamed
    slot: _dt.datetime
    last: _dt.datetime
    last_is_latest: bool
    ready: _dt.datetime
    spacing: _dt.timedelta


@attrs.frozen(kw_only=True)
class TakeNow:
    """``TAKE_NOW``: one dose now.

    Attributes:
        zones: Which zones the words name.
        slot: The missed scheduled dose.
        dose_mg: The dose to take now.
        counts_for: The scheduled dose a dose taken now counts for, when that is not
            ``slot`` (it is nearer to now); else None.
        next: The next dose, or None when this is the plan's last.
    """

    zones: ZonesNamed
    slot: _dt.datetime
    dose_mg: int
    counts_for: _dt.datetime | None
    next: NextDose | None


@attrs.frozen(kw_only=True)
class ContactPrescriber:
    """``CONTACT_PRESCRIBER``: doses have been missed for days in a row.

    Attributes:
        days: Whole days of doses missed in a row.
        or_more: True when the count stopped at its look-back limit: ``days`` or more.
        began: The date the plan began, when no dose has been taken since; else None.
    """

    days: int
    or_more: bool
    began: _dt.date | None


# -- titration -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Prescribed:
    """The regimen the prescriber wrote that is in force: what a titration reason speaks of.

    Attributes:
        dose_mg: Its dose, in mg.
        doses_per_day: Its doses a day (1 or 2).
    """

    dose_mg: int
    doses_per_day: int


@attrs.frozen(kw_only=True)
class PainPlan:
    """The US label's plan for chronic musculoskeletal pain and fibromyalgia in adults.

    A titration reason names it as that plan wherever it speaks of it, since the
    person's own use may be another (US PI-G §2.5 and §2.6, and the dosing table of
    the Highlights of §2; the numbers are :data:`~duloxinfo.label.LABEL`'s).

    Attributes:
        starting_mg: Its starting dose, once daily.
        starting_doses: How many once-daily starting doses it gives first: its
            starting period (one week) in doses.
        usual_mg: The dose it goes on to, once daily.
        maximum_mg: Its top daily dose.
    """

    starting_mg: int
    starting_doses: int
    usual_mg: int
    maximum_mg: int


@attrs.frozen(kw_only=True)
class AboveMaximum:
    """The prescribed daily dose is above the top daily dose of the US label's pain plan.

    Attributes:
        prescribed: The regimen the prescriber wrote.
        daily_mg: Its daily dose.
        pain: The US label's plan for chronic musculoskeletal pain and fibromyalgia.
    """

    prescribed: Prescribed
    daily_mg: int
    pain: PainPlan


@attrs.frozen(kw_only=True)
class UsualMaximum:
    """The prescribed daily dose is the usual, and top, daily dose of the US label's pain plan.

    Attributes:
        prescribed: The regimen the prescriber wrote (60 mg once daily, or 30 mg twice
            daily: the pain plan itself is once daily).
        pain: The US label's plan for chronic musculoskeletal pain and fibromyalgia.
    """

    prescribed: Prescribed
    pain: PainPlan


@attrs.frozen(kw_only=True)
class OutsidePlan:
    """The prescribed regimen is not a step of the US label's pain plan.

    It may be the right plan for another use: 20 mg twice daily, for one, is a
    starting dose of the US label for major depressive disorder (US PI-G §2.2).

    Attributes:
        prescribed: The regimen the prescriber wrote.
        pain: The US label's plan for chronic musculoskeletal pain and fibromyalgia.
    """

    prescribed: Prescribed
    pain: PainPlan


@attrs.frozen(kw_only=True)
class NextPhase:
    """The phase of a plan that follows the one in force.

    Attributes:
        dose_mg: Its dose.
        doses_per_day: Its doses a day.
        starts_on: The date it starts, local to its zone.
    """

    dose_mg: int
    doses_per_day: int
    starts_on: _dt.date


@attrs.frozen(kw_only=True)
class Starting:
    """On the pain plan's starting dose, and not (or not yet) the time to ask about more.

    Attributes:
        prescribed: The regimen the prescriber wrote (the starting dose, once daily).
        taken: The doses of the recent run, up to ``pain.starting_doses``: the
            scheduled doses up to now, newest first, each taken for sure as its own
            dose, with none missed or unsure between (see
            :func:`~duloxinfo.rules.titration.titration_status`).
        next: The prescriber's next phase of the plan, or None when there is none.
        pain: The US label's plan for chronic musculoskeletal pain and fibromyalgia.
    """

    prescribed: Prescribed
    taken: int
    next: NextPhase | None
    pain: PainPlan


@attrs.frozen(kw_only=True)
class EligibleToAsk:
    """A week of the starting dose is done, each dose for sure and in a row.

    The person may ask the prescriber whether their plan goes on to the pain plan's
    usual dose; the reason never says to change the dose.

    Attributes:
        prescribed: The regimen the prescriber wrote (the starting dose, once daily).
        taken: The doses of the recent run: ``pain.starting_doses``.
        pain: The US label's plan for chronic musculoskeletal pain and fibromyalgia.
    """

    prescribed: Prescribed
    taken: int
    pain: PainPlan


# -- supply ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OnHand:
    """The capsules on hand.

    Attributes:
        capsules: ``(strength_mg, capsules)`` pairs, largest strength first; the
            strengths with none are left out.
        of_strength: The strength a count was given in, when the answer is from a
            count; None when it is from fills.
    """

    capsules: tuple[tuple[int, int], ...]
    of_strength: int | None


@attrs.frozen(kw_only=True)
class Enough:
    """The capsules on hand last until the plan ends.

    Attributes:
        on_hand: The capsules on hand.
        doses: The doses left in the plan, all of which they cover.
    """

    on_hand: OnHand
    doses: int


@attrs.frozen(kw_only=True)
class RunsOut:
    """The capsules on hand run out before the plan ends: how far they go, when to refill.

    Attributes:
        on_hand: The capsules on hand.
        doses: The doses they cover.
        runs_out_on: The date of the first dose they cannot make.
        out_mg: That dose, in mg.
        left_cannot_make: True when capsules are left then, but cannot make that dose.
        refill_by: The date to refill by.
        refill_today: True when that date is today.
    """

    on_hand: OnHand
    doses: int
    runs_out_on: _dt.date
    out_mg: int
    left_cannot_make: bool
    refill_by: _dt.date
    refill_today: bool


# -- audit -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OversizedIntake:
    """A dose larger than the dose in force.

    Attributes:
        taken_mg: What was taken, in mg.
        within: The span from its first to its last intake; None for one intake.
        dose_mg: The dose in force.
        certain: False when the person was not sure of one of the intakes.
    """

    taken_mg: int
    within: _dt.timedelta | None
    dose_mg: int
    certain: bool


@attrs.frozen(kw_only=True)
class TooClose:
    """Two doses closer together than the spacing.

    Attributes:
        gap: The time between them.
        spacing: The time that must be between doses.
        certain: False when the person was not sure of one of the intakes.
    """

    gap: _dt.timedelta
    spacing: _dt.timedelta
    certain: bool


# -- the interaction check ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OtherStops:
    """Another medicine, taken now, is due to stop, and the sources set a wait after it.

    Attributes:
        stops: When it is due to stop.
        wait: How long after its last dose duloxetine may be taken.
        until: The first moment duloxetine may be taken: ``stops`` plus ``wait``.
    """

    stops: _dt.datetime
    wait: _dt.timedelta
    until: _dt.datetime


@attrs.frozen(kw_only=True)
class OtherStopped:
    """Another medicine was stopped.

    Attributes:
        stopped: When it was stopped.
        wait: How long after its last dose duloxetine may be taken; None when the
            sources set no wait.
        until: ``stopped`` plus ``wait``; None when there is no wait.
        over: True when the wait has passed.
    """

    stopped: _dt.datetime
    wait: _dt.timedelta | None
    until: _dt.datetime | None
    over: bool


@attrs.frozen(kw_only=True)
class OtherStarts:
    """Another medicine is due to start.

    Attributes:
        starts: When it is due to start.
        wait: How long before it the last duloxetine dose must be; None when the sources
            set no wait.
        last_dose_by: The last moment for a duloxetine dose: ``starts`` minus ``wait``;
            None when there is no wait.
        passed: True when ``last_dose_by`` has passed.
    """

    starts: _dt.datetime
    wait: _dt.timedelta | None
    last_dose_by: _dt.datetime | None
    passed: bool


@attrs.frozen(kw_only=True)
class InteractionTiming:
    """What another medicine's times mean with duloxetine, at the moment of the check.

    Attributes:
        event: Its stop or start, and the wait the sources set around it.
        watch_until: When the watch for a risk that the sources set after it ends, where
            that is still to come; else None.
    """

    event: OtherStops | OtherStopped | OtherStarts
    watch_until: _dt.datetime | None = None
