"""The missed-dose rule: take it when remembered, skip it near the next dose, never double."""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterable
from typing import Final, NamedTuple

import attrs

from .._names import public_dir
from .._validate import require_aware, utc
from .._words import clock, date_words, days_missed, hours, moment, place
from ._history import between, latest
from ._inputs import as_history, as_plan, require_not_after
from ._timeline import TICK, Slot, Timeline
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen

__all__ = [
    "CONTACT_PRESCRIBER_AFTER_DAYS",
    "MISSED_COUNT_LIMIT_DAYS",
    "Action",
    "MissedDoseAdvice",
    "advise_missed_dose",
]
__dir__ = public_dir(globals())

CONTACT_PRESCRIBER_AFTER_DAYS: Final = 3
"""Missed doses in a row, counted in days' worth of doses, from which the advice says
to contact the prescriber before restarting.

This is duloxinfo's choice, not a label number: duloxetine reaches a steady level
after about three days of dosing (the label's Clinical Pharmacology section, known
here from a reproduction of it; the offline US PI fragments do not hold that
section), so after that many days without it the person is no longer at the level
the prescriber chose, and how to restart is the prescriber's call.  For a
once-daily phase it is 3 missed doses in a row; for twice daily, 6; across phases,
each missed dose counts as the share of a day its phase gives it.
"""

MISSED_COUNT_LIMIT_DAYS: Final = 30
"""How far back, in days, :func:`advise_missed_dose` counts missed doses in a row.

A longer run is reported as the doses of these days (``missed_in_a_row`` is then a
lower bound), so that a decision costs the same however long ago the last dose was.
"""


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
        missed_in_a_row: How many scheduled doses in a row, up to and including
            ``slot``, have no intake (counted back at most
            :data:`MISSED_COUNT_LIMIT_DAYS` days); 0 when ``slot`` was taken.
        contact_prescriber: True exactly when the action is ``CONTACT_PRESCRIBER``:
            ``missed_in_a_row`` has reached :data:`CONTACT_PRESCRIBER_AFTER_DAYS` days'
            worth of doses.
        reason: Plain sentences an application can show, at US school grade 8 or below.
        rule: A stable identifier of the rule that produced the advice, such as
            ``missed-dose/skip``.
    """

    action: Action
    dose_mg: int
    slot: _dt.datetime | None
    next_dose_at: _dt.datetime | None
    missed_in_a_row: int
    contact_prescriber: bool
    reason: str
    rule: str


_AS_DIRECTED: Final = "as your prescriber directs"
_NO_DOUBLE: Final = "Never take two doses to make up for a missed one."
_NO_MORE: Final = "Do not take more unless your prescriber tells you to."
# A time's zone label in a reason: `` (New York time)``.
_PLACE = re.compile(r" \(([^()]+) time\)")


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
    * S was missed.  From :data:`CONTACT_PRESCRIBER_AFTER_DAYS` days' worth of
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


class _Next(NamedTuple):
    """When the next dose may be taken, which scheduled dose it is, and the one passed over."""

    at: _dt.datetime
    slot: Slot
    passed: Slot | None
    after: _dt.datetime | None
    """The dose the spacing counts from, when it moved ``at`` past the slot's time."""


class _Decision:
    """One question: the timeline, the moment, the latest intake, and the answer's words."""

    def __init__(self, timeline: Timeline, now: _dt.datetime) -> None:
        self.tl = timeline
        self.now = now
        self.last = latest(timeline.history)
        # The intakes near enough to now for the spacing to reach past it.
        recent = between(timeline.history, now - timeline.widest, now + TICK)
        self.recent = [utc(i.at) for i in recent]
        self.home = timeline.phases[0].tz
        # Away from the plan's first zone, every time is named with its zone.
        self.away = timeline.phases[timeline.phase_at(now)].tz != self.home

    # -- words ---------------------------------------------------------------------------

    def _local(self, instant: _dt.datetime) -> _dt.datetime:
        return instant.astimezone(self.tl.phases[self.tl.phase_at(instant)].tz)

    def _zone(self, local: _dt.datetime) -> str:
        """`` (New York time)``, or nothing when both the time and now are at home.

        Home is the zone of the plan's first phase.
        """
        named = self.away or local.tzinfo != self.home
        return f" ({place(local.tzinfo)} time)" if named else ""

    def _zone_once(self, reason: str) -> str:
        """Away from home every time is labelled; when all are in one zone, say it once."""
        places = set(_PLACE.findall(reason))
        if not self.away or len(places) != 1:
            return reason
        return f"{_PLACE.sub('', reason)} All times are {places.pop()} time."

    def _moment(self, instant: _dt.datetime) -> str:
        """``08:00 on Monday 2 November``, with the zone when it is not the plan's first."""
        local = self._local(instant)
        return moment(local) + self._zone(local)

    def _dose_of(self, slot: Slot) -> str:
        """``08:00 dose of Monday 2 November``, with the zone when it is not the plan's first."""
        local = self._local(slot.at)
        return f"{clock(local)} dose of {date_words(local.date())}{self._zone(local)}"

    def _then(self, following: _Next, *, first: str = "Then take") -> str:
        """The sentence that says when the next dose is, and why if the spacing moved it."""
        next_at, slot = following.at, following.slot
        skip = (
            ""
            if following.passed is None
            else f"Skip your {self._dose_of(following.passed)}, as it is too soon after your "
            "last dose. "
        )
        if following.after is not None:  # the spacing moved it past the slot's time
            local = next_at.astimezone(self._local(slot.at).tzinfo)
            shown = clock(local) if local.date() == self._local(slot.at).date() else moment(local)
            since = (
                "your last dose"
                if following.after in (self.last, self.now)
                else f"your dose at {self._moment(following.after)}"
            )
            return (
                f"{skip}{first} your {self._dose_of(slot)} at {shown}{self._zone(local)}, "
                f"{_AS_DIRECTED}. That is {hours(next_at - following.after)} after {since}."
            )
        noun = "one" if first == "Then take" else "dose"
        return f"{skip}{first} the next {noun} at {self._moment(next_at)}, {_AS_DIRECTED}."

    # -- the next dose -------------------------------------------------------------------

    def _next(self, lasts: list[_dt.datetime], new_owner: Slot | None = None) -> _Next | None:
        """The next dose after ``lasts``: when, which scheduled dose, and any passed over.

        ``new_owner`` is the slot a dose taken now will cover.  A scheduled dose is
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
                local = earliest.astimezone(self._local(slot.at).tzinfo)
                return _Next(local, slot, passed, binding)
            # The spacing passes this dose's time altogether (only where a phase with a
            # longer interval ends near it, on a night the clocks change): skip it, say so.
            after, passed = slot.at, passed or slot

    # -- the answers ---------------------------------------------------------------------

    def _answer(  # noqa: PLR0913 - an argument per field of the answer
        self,
        action: Action,
        slot: Slot | None,
        next_at: _dt.datetime | None,
        reason: str,
        *,
        dose: int = 0,
        missed: int = 0,
    ) -> MissedDoseAdvice:
        return MissedDoseAdvice(
            action=action,
            dose_mg=dose,
            slot=None if slot is None else self._local(slot.at),
            next_dose_at=next_at,
            missed_in_a_row=missed,
            contact_prescriber=action is Action.CONTACT_PRESCRIBER,
            reason=self._zone_once(reason),
            rule=f"missed-dose/{action.value}",
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
            return self._ended(None, "No dose is left for you to take now.")  # pragma: no mutate
        if following.after is not None or following.passed is not None:
            reason = f"No dose is due yet. {self._then(following, first='Take')}"
        else:
            reason = (
                f"No dose is due yet. Take your first dose of {self.tl.dose(following.slot)} mg "
                f"at {self._moment(following.at)}, {_AS_DIRECTED}."
            )
        return self._answer(Action.NOT_DUE, None, following.at, reason)

    def _ended(self, shown: Slot | None, said: str) -> MissedDoseAdvice:
        """``PLAN_ENDED``: after ``said``, that there is no dose to take."""
        reason = f"{said} That was the last dose of your plan. {_NO_MORE}"
        return self._answer(Action.PLAN_ENDED, shown, None, reason)

    def _what_was_taken(self, slot: Slot, taken: tuple[Intake, ...]) -> str:
        dose = self.tl.dose(slot)
        total = sum(i.dose_mg for i in taken)
        if not any(i.certain for i in taken):
            return (
                f"You are not sure you took your {self._dose_of(slot)}. To be safe, it "
                "counts as taken, so do not take another."
            )
        if total > dose and all(i.certain for i in taken):
            return (
                f"You took {total} mg for your {dose} mg {self._dose_of(slot)}. That is more "
                "than your dose, so call your doctor or pharmacist now."
            )
        if total < dose:
            return (
                f"You took {total} mg of your {dose} mg {self._dose_of(slot)}. Do not take "
                "more to make up the rest, as that could be too much at one time."
            )
        first = taken[0].at
        if self._local(first).date() != self._local(slot.at).date() and first < slot.at:
            return (
                f"Your dose at {self._moment(first)} counts as your {self._dose_of(slot)}, "
                "as it was nearer to that time."
            )
        return f"You have taken your {self._dose_of(slot)}."

    def _early(self, slot: Slot) -> str:
        """``You took your 08:00 dose of ... early, at 06:00.`` for a dose taken before its time."""
        first = self.tl.taken_for(slot)[0]
        local = self._local(first.at)
        return f"You took your {self._dose_of(slot)} early, at {clock(local)}{self._zone(local)}."

    def _already_taken(
        self, current: Slot, taken: tuple[Intake, ...], *, shown: Slot | None
    ) -> MissedDoseAdvice:
        """``current`` is covered: the latest slot (``shown``), or the first one taken early."""
        following = self._next(self.recent)
        said = self._what_was_taken(current, taken)
        if following is None:
            return self._ended(shown, said)
        coming = self.tl.after(self.now)
        early = (
            f" {self._early(coming)}"
            if coming not in (None, following.slot, current) and self.tl.taken_for(coming)
            else ""
        )
        reason = f"{said}{early} {self._then(following, first='Take')}"
        return self._answer(Action.ALREADY_TAKEN, shown, following.at, reason)

    def _missed(self, current: Slot) -> MissedDoseAdvice:
        missed, days = self.tl.missed_run(current, _dt.timedelta(days=MISSED_COUNT_LIMIT_DAYS))
        if days >= _dt.timedelta(days=CONTACT_PRESCRIBER_AFTER_DAYS):
            return self._contact(current, missed, days)
        coming = self.tl.after(self.now)
        if coming is not None and self.tl.taken_for(coming):
            return self._skip(current, missed, self._early(coming) + " So")
        due = self.tl.virtual_after(current)
        if coming is not None:
            due = min(due, coming.at)
        spacing = self.tl.spacing(current.at, due)
        if due - self.now <= spacing:
            if coming is not None and coming.at > due:  # a pause: the plan's next dose is later
                return self._skip(current, missed, "Your plan takes a break now, so")
            return self._skip(current, missed)
        ready, last = self.tl.ready(self.recent, self.now)
        if last is not None:
            return self._too_soon(current, missed, due, ready, last)
        return self._take_now(current, missed)

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
            return self._skip(current, missed)
        which = "Your last dose was" if last == self.last else "You took a dose"
        reason = (
            f"Wait before you take your missed {self._dose_of(current)}. {which} at "
            f"{self._moment(last)}, and doses need {hours(ready - last)} between them. "
            f"Take it at {self._moment(ready)}, {_AS_DIRECTED}."
        )
        ready_local = ready.astimezone(self._local(current.at).tzinfo)
        return self._answer(Action.NOT_DUE, current, ready_local, reason, missed=missed)

    def _skip(
        self, current: Slot, missed: int, why: str = "It is almost time for your next dose, so"
    ) -> MissedDoseAdvice:
        following = self._next(self.recent)
        if following is None:
            reason = (
                f"Your plan has no more doses, so skip the missed {self._dose_of(current)}. "
                f"{_NO_MORE}"
            )
            return self._answer(Action.PLAN_ENDED, current, None, reason, missed=missed)
        then = self._then(following, first="Take")
        skip = f"{why} skip the missed {self._dose_of(current)}."
        reason = f"{skip} {then} Never take two doses at once."
        return self._answer(Action.SKIP, current, following.at, reason, missed=missed)

    def _take_now(self, current: Slot, missed: int) -> MissedDoseAdvice:
        counts_for = self.tl.owner(self.now)
        # Taken now, the dose counts for the slot that owns now: never more than its dose.
        dose = self.tl.dose(current)
        if counts_for is not None:
            dose = min(dose, self.tl.dose(counts_for))
        following = self._next([*self.recent, self.now], counts_for)
        counted = (
            f" It counts as your {self._dose_of(counts_for)}, as it is nearer to that time."
            if counts_for is not None and counts_for != current
            else ""
        )
        then = "This is the last dose of your plan." if following is None else self._then(following)
        reason = f"Take your {self._dose_of(current)} now: {dose} mg.{counted} {then} {_NO_DOUBLE}"
        next_at = None if following is None else following.at
        return self._answer(Action.TAKE_NOW, current, next_at, reason, dose=dose, missed=missed)

    def _contact(self, current: Slot, missed: int, days: _dt.timedelta) -> MissedDoseAdvice:
        first = self.tl.after(self.tl.starts[0] - TICK)
        started = (
            first is not None and self.last is not None and self.last >= self.tl.window(first)[0]
        )
        if started:
            reason = (
                f"You have missed your doses for {days_missed(days, MISSED_COUNT_LIMIT_DAYS)} "
                "in a row. Do not "
                "take a dose now. Contact your prescriber today before you start again. If "
                "you cannot reach them, ask a pharmacist. Stopping suddenly can cause "
                "withdrawal symptoms, so do not wait."
            )
        else:
            began = date_words(self._local(self.tl.starts[0]).date())
            reason = (
                f"You have not taken a dose since your plan began on {began}. Do not take a "
                "dose now. Contact your prescriber today before you start. If you cannot "
                "reach them, ask a pharmacist."
            )
        return self._answer(Action.CONTACT_PRESCRIBER, current, None, reason, missed=missed)
