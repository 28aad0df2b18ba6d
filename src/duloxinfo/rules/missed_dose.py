"""The missed-dose rule: take it when remembered, skip it near the next dose, never double."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from .._names import public_dir
from .._validate import require_aware, utc
from .._wording import en
from .._wording.en import MissedDoseFacts
from ..choices import CONTACT_PRESCRIBER_AFTER_DAYS, MISSED_COUNT_LIMIT_DAYS
from ..reasons import (
    AlreadyTaken,
    ContactPrescriber,
    NextDose,
    NotStarted,
    PlanEnded,
    Skip,
    SkipBecause,
    SpacedFrom,
    Taken,
    TakenAs,
    TakenEarly,
    TakeNow,
    Wait,
    ZonesNamed,
)
from ._history import between, latest
from ._inputs import as_history, as_plan, require_not_after
from ._timeline import TICK, Slot, Timeline
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen

__all__ = [
    "Action",
    "MissedDoseAdvice",
    "advise_missed_dose",
]
__dir__ = public_dir(globals())


class Action(enum.Enum):
    """What the person should do now, according to :func:`advise_missed_dose`.

    The values (``"take-now"``, ``"skip"`` ...) are stable and are what the JSON
    answers carry.
    """

    TAKE_NOW = "take-now"
    """Take one dose now, the dose in force at the missed or due scheduled dose."""
    SKIP = "skip"
    """Skip the missed dose, as it is almost time for the next one, or that one was taken early."""
    ALREADY_TAKEN = "already-taken"
    """The current dose has been taken (or may have been); wait for the next one."""
    NOT_DUE = "not-due"
    """No dose is due now. The plan's first dose is still ahead, or the last dose was too
    recent to take the missed one yet."""
    CONTACT_PRESCRIBER = "contact-prescriber"
    """Doses have been missed for days. Take none, and contact the prescriber today."""
    PLAN_ENDED = "plan-ended"
    """The plan has no more doses."""


@attrs.frozen(kw_only=True)
class MissedDoseAdvice:
    """The answer of :func:`advise_missed_dose`: act on every field, never on the prose.

    Attributes:
        action: What to do now.
        dose_mg: How much to take now, in mg: the dose in force at ``slot`` for
            ``TAKE_NOW``, otherwise 0.
        slot: The scheduled dose the advice is about: the latest at or before now
            (aware, in its phase's zone), or None when the plan's first dose is ahead.
        next_dose_at: The earliest instant at which the next dose may be taken (aware,
            in its phase's zone): never a scheduled dose an intake already covers, never
            less than the spacing after the last intake.  Remind the person then.  None
            when no dose may follow without the prescriber (``CONTACT_PRESCRIBER``) or
            the plan has no more doses.
        holds_until: The first instant at which asking again may give another action
            or dose (aware, in the zone of ``slot``'s phase, or of the first dose's
            before the plan starts): ask again then.  Before it, the action and the
            dose are the same.  For ``TAKE_NOW`` it is exact: the dose may be taken
            before this instant ("take it before 20:00"), and from it the answer
            changes (to ``SKIP``, mostly).  For ``NOT_DUE`` after a recent dose it is
            ``next_dose_at``.  None when only a dose taken (or a new plan) changes the
            answer: ``PLAN_ENDED``, and ``CONTACT_PRESCRIBER`` unless the next dose was
            taken early (then that dose's time).
        missed_in_a_row: How many scheduled doses in a row, up to and including
            ``slot``, have no intake (counted up to
            :data:`~duloxinfo.choices.MISSED_COUNT_LIMIT_DAYS` days' worth of doses; a
            pause between phases neither ends the run nor counts in it); 0 when
            ``slot`` was taken.
        contact_prescriber: True exactly when the action is ``CONTACT_PRESCRIBER``:
            ``missed_in_a_row`` has reached
            :data:`~duloxinfo.choices.CONTACT_PRESCRIBER_AFTER_DAYS` days' worth of doses.
        get_advice_now: True when more than the dose was taken for ``slot`` (every
            intake of it certain): the person should call a doctor or pharmacist now,
            as the EU leaflet says of taking more than prescribed (EU PIL §3, "If you
            take more Cymbalta than you should"; the US label's overdose section, US
            PI-G §10, names a poison control center).  The action is then
            ``ALREADY_TAKEN`` or ``PLAN_ENDED``: take no more.
        reason: Plain sentences an application can show, at US school grade 8 or below,
            written from ``because``.
        rule: A stable identifier of the rule that produced the advice, such as
            ``missed-dose/skip``.
        because: The facts the reason is written from (:mod:`duloxinfo.reasons`): one
            record per kind of answer, holding the doses and times it speaks of.  Not in
            the JSON answer, which carries the same facts in its other fields.
    """

    action: Action
    dose_mg: int
    slot: _dt.datetime | None
    next_dose_at: _dt.datetime | None
    holds_until: _dt.datetime | None
    missed_in_a_row: int
    contact_prescriber: bool
    get_advice_now: bool
    reason: str
    rule: str
    because: MissedDoseFacts = attrs.field(repr=False, metadata={"json": False})


def advise_missed_dose(
    plan: Plan | Regimen,
    intakes: IntakeHistory | Iterable[Intake],
    now: _dt.datetime,
) -> MissedDoseAdvice:
    """Say whether to take a dose now, skip it, or wait, as the label's missed-dose rule does.

    Implements the missed-dose instruction of the US PI (2 Dosage and
    Administration), the EU leaflet (3) and the NHS: take a missed dose as soon as
    you remember; if it is almost time for the next dose (the NHS: less than 12
    hours, for once-daily dosing), skip the missed one and go on at the usual time;
    never take two doses at once.  Made precise (the rules page gives every
    definition; H is the spacing, half the interval: 12 hours once daily, 6 hours
    twice daily):

    * S is the latest scheduled dose at or before ``now``, N the next after it.
      Before the plan's first dose: ``NOT_DUE``.
    * An intake belongs to S (certain or not, whole or part of a dose):
      ``ALREADY_TAKEN``.  A part of a dose is never topped up.
    * S was missed.  From :data:`~duloxinfo.choices.CONTACT_PRESCRIBER_AFTER_DAYS` days' worth of
      missed doses in a row: ``CONTACT_PRESCRIBER``, with no dose.  If N was
      already taken early, or N is at most H away: ``SKIP``.  If the last intake
      was less than H ago: ``NOT_DUE`` until H after it.  Otherwise ``TAKE_NOW``,
      one dose of the dose in force at S.
    * ``next_dose_at`` is the first scheduled dose after now that no intake covers,
      moved later where needed so that it is at least H after the last intake (the
      one advised now included): following the whole answer never makes a double
      dose.  Where the plan has no more doses: ``PLAN_ENDED``.

    Args:
        plan: the prescribed :class:`~duloxinfo.rules.plan.Plan`, or one
            :class:`~duloxinfo.rules.regimen.Regimen`.
        intakes: the doses taken, an :class:`~duloxinfo.rules.intakes.IntakeHistory`
            or any iterable of :class:`~duloxinfo.rules.intakes.Intake`, in any order;
            none may be later than ``now``.
        now: the aware instant of the question.

    Raises:
        WrongTypeError: ``plan`` is not a Plan or a Regimen, ``intakes`` is not an
            iterable of :class:`~duloxinfo.rules.intakes.Intake`, or ``now`` is not a
            datetime.
        InvalidDatetimeError: ``now`` has no zone
            (:class:`~duloxinfo.errors.NaiveDatetimeError`) or is outside the supported
            years.
        HistoryError: an intake is later than ``now``.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, Intake, advise_missed_dose
    >>> london = "Europe/London"
    >>> r = Regimen(60, [dt.time(8)], london, dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> taken = [Intake(dt.datetime(2026, 1, 5, 8, 2, tzinfo=dt.UTC), 60)]
    >>> a = advise_missed_dose(r, taken, dt.datetime(2026, 1, 6, 14, tzinfo=dt.UTC))
    >>> a.action, a.dose_mg, a.rule
    (<Action.TAKE_NOW: 'take-now'>, 60, 'missed-dose/take-now')
    >>> print(a.reason)
    Take your 08:00 dose of Tuesday 6 January now: 60 mg. Then take the next one at 08:00 on Wednesday 7 January, as your prescriber directs. Never take two doses to make up for a missed one.
    >>> advise_missed_dose(r, taken, dt.datetime(2026, 1, 6, 21, tzinfo=dt.UTC)).action
    <Action.SKIP: 'skip'>
    """  # noqa: E501 - a doctest line is as long as the sentence it shows
    plan = as_plan(plan)
    now = require_aware(now, "now")
    history = as_history(intakes)
    require_not_after(history, now)
    return _Decision(Timeline(plan, history), utc(now)).advice()


class _Decision:
    """One question: the timeline, the moment and the latest intake; the answer and its facts."""

    def __init__(self, timeline: Timeline, now: _dt.datetime) -> None:
        self.tl = timeline
        self.now = now
        self.last = latest(timeline.history)
        # The intakes near enough to now for the spacing to reach past it.
        recent = between(timeline.history, now - timeline.widest, now + TICK)
        self.recent = [utc(i.at) for i in recent]
        self.zones = ZonesNamed(
            home=timeline.phases[0].tz, now=timeline.phases[timeline.phase_at(now)].tz
        )

    def _local(self, instant: _dt.datetime) -> _dt.datetime:
        return instant.astimezone(self.tl.phases[self.tl.phase_at(instant)].tz)

    # -- the next dose -------------------------------------------------------------------

    def _next(
        self, lasts: list[_dt.datetime], new_owner: Slot | None = None, *, dose_now: bool = False
    ) -> NextDose | None:
        """The next dose after ``lasts``: when, which scheduled dose, and any passed over.

        ``dose_now`` says a dose is advised now, and ``new_owner`` is the slot it will
        cover.  A scheduled dose is
        passed over when the spacing from the last dose runs past the end of its window.
        """
        after, passed = self.now, None
        while True:
            slot = self.tl.after(after)
            while slot is not None and (slot == new_owner or self.tl.taken_for(slot)):
                slot = self.tl.after(slot.at)
            if slot is None:
                return None
            earliest, binding = self.tl.ready(lasts, slot.at)
            if earliest < self.tl.window(slot)[1]:
                slot_local = self._local(slot.at)
                return NextDose(
                    at=earliest.astimezone(slot_local.tzinfo),
                    slot=slot_local,
                    dose_mg=self.tl.dose(slot),
                    passed=None if passed is None else self._local(passed.at),
                    spaced=None
                    if binding is None
                    else SpacedFrom(
                        at=self._local(binding),
                        spacing=earliest - binding,
                        is_last=binding in (self.last, self.now),
                    ),
                    follows_dose_now=dose_now,
                )
            # The spacing passes this dose's time altogether (only where a phase with a
            # longer interval ends near it, on a night the clocks change): skip it, say so.
            after, passed = slot.at, passed or slot

    # -- the answers ---------------------------------------------------------------------

    def _answer(  # noqa: PLR0913 - an argument per field of the answer
        self,
        action: Action,
        slot: Slot | None,
        next_at: _dt.datetime | None,
        because: MissedDoseFacts,
        *,
        until: _dt.datetime | None = None,
        dose: int = 0,
        missed: int = 0,
    ) -> MissedDoseAdvice:
        # More than the dose taken for the slot spoken of: get advice now.
        taken = because.taken if isinstance(because, AlreadyTaken | PlanEnded) else None
        return MissedDoseAdvice(
            action=action,
            dose_mg=dose,
            slot=None if slot is None else self._local(slot.at),
            next_dose_at=next_at,
            holds_until=None if until is None else self._in_zone_of(until, slot),
            missed_in_a_row=missed,
            contact_prescriber=action is Action.CONTACT_PRESCRIBER,
            get_advice_now=taken is not None and taken.taken_as is TakenAs.TOO_MUCH,
            reason=en.missed_dose(because),
            rule=f"missed-dose/{action.value}",
            because=because,
        )

    def advice(self) -> MissedDoseAdvice:
        current = self.tl.at_or_before(self.now)
        if current is None:
            # Before the plan's first dose, which may have been taken early already.
            first = self.tl.after(self.now)
            if first is not None and (early := self.tl.taken_for(first)):
                return self._already_taken(first, early, shown=None)
            return self._not_started()
        taken = self.tl.taken_for(current)
        if taken:
            return self._already_taken(current, taken, shown=current)
        return self._missed(current)

    def _not_started(self) -> MissedDoseAdvice:
        following = self._next(self.recent)
        if following is None:  # pragma: no cover - see below
            # The first dose is not taken, so the spacing could pass it over only from an
            # intake before the start in a phase of longer interval: there is none before
            # the first phase.  Should it happen, there is no dose to take.  (Not mutated:
            # no test can reach it.)
            ended = PlanEnded(zones=self.zones, taken=None, skipped=None)  # pragma: no mutate
            return self._answer(Action.PLAN_ENDED, None, None, ended)  # pragma: no mutate
        facts = NotStarted(zones=self.zones, next=following)
        return self._answer(Action.NOT_DUE, None, following.at, facts, until=self._next_slot())

    def _taken(self, slot: Slot, taken: tuple[Intake, ...]) -> Taken:
        """How the intakes ``taken`` stand against the scheduled dose ``slot``."""
        dose = self.tl.dose(slot)
        total = sum(i.dose_mg for i in taken)
        first = taken[0].at
        if not any(i.certain for i in taken):
            taken_as = TakenAs.UNSURE
        elif total > dose and all(i.certain for i in taken):
            taken_as = TakenAs.TOO_MUCH
        elif total < dose:
            taken_as = TakenAs.PART
        elif self._local(first).date() != self._local(slot.at).date() and first < slot.at:
            taken_as = TakenAs.EARLIER_DAY
        else:
            taken_as = TakenAs.TAKEN
        return Taken(
            slot=self._local(slot.at),
            taken_as=taken_as,
            taken_mg=total,
            dose_mg=dose,
            first_at=self._local(first),
        )

    def _early(self, slot: Slot) -> TakenEarly:
        """The scheduled dose ``slot``, taken before its time."""
        first = self.tl.taken_for(slot)[0]
        return TakenEarly(slot=self._local(slot.at), at=self._local(first.at))

    def _already_taken(
        self, current: Slot, taken: tuple[Intake, ...], *, shown: Slot | None
    ) -> MissedDoseAdvice:
        """``current`` is covered: the latest slot (``shown``), or the first one taken early."""
        following = self._next(self.recent)
        said = self._taken(current, taken)
        if following is None:
            ended = PlanEnded(zones=self.zones, taken=said, skipped=None)
            return self._answer(Action.PLAN_ENDED, shown, None, ended)
        coming = self.tl.after(self.now)
        early = (
            self._early(coming)
            if coming is not None
            and coming.at != following.slot
            and coming != current
            and self.tl.taken_for(coming)
            else None
        )
        facts = AlreadyTaken(zones=self.zones, taken=said, early=early, next=following)
        until = self._next_slot()
        return self._answer(Action.ALREADY_TAKEN, shown, following.at, facts, until=until)

    def _missed(self, current: Slot) -> MissedDoseAdvice:
        missed, days = self.tl.missed_run(current, _dt.timedelta(days=MISSED_COUNT_LIMIT_DAYS))
        if days >= _dt.timedelta(days=CONTACT_PRESCRIBER_AFTER_DAYS):
            return self._contact(current, missed, days)
        coming = self.tl.after(self.now)
        if coming is not None and self.tl.taken_for(coming):
            return self._skip(
                current, missed, SkipBecause.NEXT_TAKEN_EARLY, early=self._early(coming)
            )
        due = self.tl.virtual_after(current)
        if coming is not None:
            due = min(due, coming.at)
        counts_for = self.tl.owner(self.now)
        why = self._why_skip(current, coming, due)
        if why is not None or counts_for is None:
            # Past the missed dose's window with no slot owning now (a pause, or the plan's
            # end), a dose taken now would belong to no scheduled dose: skip it too.
            # Until the next dose's window opens, when the missed one might be taken.
            owned = None if why is not None or coming is None else self.tl.window(coming)[0]
            return self._skip(current, missed, why or SkipBecause.BREAK, owned=owned)
        ready, last = self.tl.ready(self.recent, self.now)
        if last is not None:
            return self._too_soon(current, missed, due, ready, last)
        return self._take_now(current, missed, counts_for, due)

    def _why_skip(
        self, current: Slot, coming: Slot | None, due: _dt.datetime
    ) -> SkipBecause | None:
        """Why the missed dose ``current`` is skipped for nearness to the next (``due``), if it is.

        Never at the missed dose's own time, so that a dose exactly H before the next
        (times H apart, which a regimen allows) has a moment to be taken.
        """
        if due - self.now > self.tl.spacing(current.at, due) or self.now <= current.at:
            return None
        if coming is not None and coming.at > due:  # a pause: the plan's next dose is later
            return SkipBecause.BREAK
        return SkipBecause.NEXT_IS_NEAR

    def _too_soon(
        self,
        current: Slot,
        missed: int,
        due: _dt.datetime,
        ready: _dt.datetime,
        last: _dt.datetime,
    ) -> MissedDoseAdvice:
        """The missed dose may not be taken yet: a dose was less than H ago."""
        if due - ready <= self.tl.spacing(current.at, due):
            return self._skip(current, missed, SkipBecause.NEXT_IS_NEAR)
        if self.tl.owner(ready) is None:  # by then a pause or the plan's end: no moment
            return self._skip(current, missed, SkipBecause.BREAK)
        facts = Wait(
            zones=self.zones,
            slot=self._local(current.at),
            last=self._local(last),
            last_is_latest=last == self.last,
            ready=self._local(ready),
            spacing=ready - last,
        )
        ready_local = ready.astimezone(self._local(current.at).tzinfo)
        return self._answer(Action.NOT_DUE, current, ready_local, facts, until=ready, missed=missed)

    def _skip(
        self,
        current: Slot,
        missed: int,
        because: SkipBecause,
        *,
        early: TakenEarly | None = None,
        owned: _dt.datetime | None = None,
    ) -> MissedDoseAdvice:
        """Skip ``current``: until the next dose's time, or ``owned`` where that is sooner."""
        following = self._next(self.recent)
        if following is None:
            ended = PlanEnded(zones=self.zones, taken=None, skipped=self._local(current.at))
            return self._answer(Action.PLAN_ENDED, current, None, ended, missed=missed)
        facts = Skip(
            zones=self.zones,
            slot=self._local(current.at),
            because=because,
            early=early,
            next=following,
        )
        until = self._next_slot()
        if owned is not None:  # it is after now: no slot owns now
            until = min(until, owned)
        return self._answer(Action.SKIP, current, following.at, facts, until=until, missed=missed)

    def _take_now(
        self, current: Slot, missed: int, counts_for: Slot, due: _dt.datetime
    ) -> MissedDoseAdvice:
        # Taken now, the dose counts for the slot that owns now: never more than its dose.
        dose = min(self.tl.dose(current), self.tl.dose(counts_for))
        until = self._take_until(current, counts_for, due, dose)
        following = self._next([*self.recent, self.now], counts_for, dose_now=True)
        facts = TakeNow(
            zones=self.zones,
            slot=self._local(current.at),
            dose_mg=dose,
            counts_for=None if counts_for == current else self._local(counts_for.at),
            next=following,
        )
        next_at = None if following is None else following.at
        return self._answer(
            Action.TAKE_NOW, current, next_at, facts, until=until, dose=dose, missed=missed
        )

    def _take_until(self, current: Slot, owner: Slot, due: _dt.datetime, dose: int) -> _dt.datetime:
        """The first instant from which the missed dose ``current`` is no longer taken as ``dose``.

        Either the skip for nearness to the next dose (``due``) begins, never at the
        missed dose's own time; or the moment passes to no slot or to a slot with
        another dose in force; or a phase of longer spacing begins while a recent intake
        is nearer than its spacing (then the answer is to wait, or to skip).
        """
        until = max(due - self.tl.spacing(current.at, due), current.at + TICK)
        while (end := self.tl.window(owner)[1]) < until:
            following = self.tl.owner(end)
            if following is None or min(self.tl.dose(current), self.tl.dose(following)) != dose:
                until = end
                break
            owner = following
        # H only grows at a phase's start, and only a recent intake can be too near then.
        for start in self.tl.starts_between(self.now, until):
            if self.tl.ready(self.recent, start)[0] > start:
                return start
        return until

    def _in_zone_of(self, instant: _dt.datetime, slot: Slot | None) -> _dt.datetime:
        """``instant`` in the zone of ``slot``'s phase (of now's, before the plan starts)."""
        return instant.astimezone(self._local(self.now if slot is None else slot.at).tzinfo)

    def _next_slot(self) -> _dt.datetime:
        """The next scheduled dose's time: the latest dose, and so the answer, change then."""
        coming = self.tl.after(self.now)
        assert coming is not None  # noqa: S101 - every caller has a following dose
        return coming.at

    def _contact(self, current: Slot, missed: int, days: _dt.timedelta) -> MissedDoseAdvice:
        first = self.tl.after(self.tl.starts[0] - TICK)
        started = (
            first is not None and self.last is not None and self.last >= self.tl.window(first)[0]
        )
        facts = ContactPrescriber(
            days=days.days,
            or_more=days.days >= MISSED_COUNT_LIMIT_DAYS,
            began=None if started else self._local(self.tl.starts[0]).date(),
        )
        # The run of missed doses only grows, unless the next dose was taken early.
        coming = self.tl.after(self.now)
        until = coming.at if coming is not None and self.tl.taken_for(coming) else None
        return self._answer(
            Action.CONTACT_PRESCRIBER, current, None, facts, until=until, missed=missed
        )
