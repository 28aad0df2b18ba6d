"""The missed-dose rule: take it when remembered, skip it near the next dose, never double."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Final

import attrs

from .._validate import require_aware, utc
from .._words import clock, sentence, when
from ..label import LABEL
from ._history import between, last_before, latest
from ._inputs import as_history, require_not_after, require_regimen
from ._slots import around_in, count_in, first_slot_from, owner_index, slots_spanning, window
from .intakes import Intake, IntakeHistory
from .regimen import Regimen

__all__ = ["CONTACT_PRESCRIBER_AFTER_DAYS", "Action", "MissedDoseAdvice", "advise_missed_dose"]

CONTACT_PRESCRIBER_AFTER_DAYS: Final = 3
"""Missed doses in a row, counted in days' worth of doses, from which the advice says
to contact the prescriber before restarting.

This is duloxinfo's choice, not a label number: three days is about the time the
label gives for duloxetine to reach a steady level (US PI, Clinical
Pharmacology), so after that many days without it the person is no longer at the
level the prescriber chose, and how to restart is the prescriber's call.  For a
once-daily regimen it is 3 missed slots in a row; for twice daily, 6.
"""


class Action(enum.Enum):
    """What the person should do now, according to :func:`advise_missed_dose`.

    The values (``"take-now"``, ``"skip"``, ``"already-taken"``, ``"not-due"``) are
    stable and are what the JSON answers carry.
    """

    TAKE_NOW = "take-now"
    """Take one regimen dose now (the missed or due dose)."""
    SKIP = "skip"
    """Skip the missed dose, because it is almost time for the next one."""
    ALREADY_TAKEN = "already-taken"
    """The current dose has been taken; wait for the next one."""
    NOT_DUE = "not-due"
    """No dose is due yet; the regimen's first dose is still ahead."""


@attrs.frozen(kw_only=True)
class MissedDoseAdvice:
    """The answer of :func:`advise_missed_dose`: act on every field, never on the prose.

    Attributes:
        action: What to do now.
        dose_mg: How much to take now, in mg: one regimen dose for ``TAKE_NOW``,
            otherwise 0.
        slot: The scheduled dose the advice is about: the latest at or before now
            (aware, in the regimen's zone), or None when no dose is due yet.
        next_dose_at: The next scheduled dose after now (aware, in the regimen's
            zone): when to remind the person next.
        missed_in_a_row: How many scheduled doses in a row, up to and including
            ``slot``, have no intake; 0 unless the action is ``TAKE_NOW`` or ``SKIP``.
        contact_prescriber: True when ``missed_in_a_row`` has reached
            :data:`CONTACT_PRESCRIBER_AFTER_DAYS` days' worth of doses; the reason then
            says to contact the prescriber before restarting.
        reason: One plain sentence an application can show.
        rule: A stable identifier of the rule that produced the advice, such as
            ``missed-dose/skip``.
    """

    action: Action
    dose_mg: int
    slot: _dt.datetime | None
    next_dose_at: _dt.datetime
    missed_in_a_row: int
    contact_prescriber: bool
    reason: str
    rule: str


_TICK: Final = _dt.timedelta(microseconds=1)


def _local(instant: _dt.datetime, regimen: Regimen) -> _dt.datetime:
    return instant.astimezone(regimen.tz)


def advise_missed_dose(
    regimen: Regimen,
    intakes: IntakeHistory | Iterable[Intake],
    now: _dt.datetime,
) -> MissedDoseAdvice:
    """Say whether to take a dose now, skip it, or wait, as the label's missed-dose rule does.

    Implements the missed-dose instruction of the US PI (2 Dosage and
    Administration) and the seed page: take a missed dose as soon as you
    remember; if it is almost time for the next dose, skip the missed one and go
    on at the regular time; never take two doses at once.  Made precise:

    * S is the latest slot at or before ``now`` (slots before ``regimen.start``
      do not exist), N the next slot after S.  Before the first slot the action
      is ``NOT_DUE`` and ``next_dose_at`` is the first slot.
    * If an intake belongs to S (see the attribution rule in the docs):
      ``ALREADY_TAKEN``.
    * Otherwise, if the time left until N is at most half of the interval from S
      to N (``LABEL.skip_window_fraction``; the NHS's "less than 12 hours" for once
      daily): ``SKIP``.  Otherwise ``TAKE_NOW`` with exactly one regimen dose.
    * ``next_dose_at`` is always N.  Intervals are real elapsed time, so on a
      23-hour day half the once-daily interval is 11.5 hours.

    Only one dose is ever made up, however many were missed.  From
    :data:`CONTACT_PRESCRIBER_AFTER_DAYS` days' worth of missed doses in a row,
    the reason says to contact the prescriber before restarting.

    Args:
        regimen: the prescribed regimen.
        intakes: the doses taken, an :class:`~duloxinfo.rules.intakes.IntakeHistory` or any iterable of
            :class:`~duloxinfo.rules.intakes.Intake`, in any order; none may be later than ``now``.
        now: the aware instant of the question.

    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.rules.regimen.Regimen`,
            ``intakes`` is not an iterable of :class:`~duloxinfo.rules.intakes.Intake`,
            or ``now`` is not a datetime.
        InvalidDatetimeError: ``now`` has no zone (:class:`~duloxinfo.errors.NaiveDatetimeError`)
            or is outside the supported years.
        HistoryError: an intake is later than ``now``.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, Intake, advise_missed_dose
    >>> london = "Europe/London"
    >>> r = Regimen(60, [dt.time(8)], london, dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> taken = [Intake(dt.datetime(2026, 1, 5, 8, 2, tzinfo=dt.UTC), 60)]
    >>> a = advise_missed_dose(r, taken, dt.datetime(2026, 1, 6, 14, tzinfo=dt.UTC))
    >>> a.action, a.dose_mg, a.rule
    (<Action.TAKE_NOW: 'take-now'>, 60, 'missed-dose/take-now')
    >>> a.reason
    'Take your 08:00 dose (60 mg) now, then the next one at its usual time, 08:00 on 2026-01-07; never take two doses to make up for a missed one.'
    >>> advise_missed_dose(r, taken, dt.datetime(2026, 1, 6, 21, tzinfo=dt.UTC)).action
    <Action.SKIP: 'skip'>
    """  # noqa: E501 - a doctest line is as long as the sentence it shows
    regimen = require_regimen(regimen)
    now = require_aware(now, "now")
    now_utc = utc(now)
    history = as_history(intakes)
    require_not_after(history, now)
    start_utc = utc(regimen.start)
    # One span of slots serves the whole decision: from the latest intake (or the
    # start) to now, which holds S, its neighbours and, almost always, the slot the
    # previous intake belongs to.  Only the local dates it needs are resolved.
    newest = latest(history)
    span_from = min(now_utc, start_utc if newest is None else newest)
    slots = slots_spanning(regimen, span_from, now_utc)
    around = around_in(slots, now_utc)

    if around.latest < start_utc:
        first = _local(first_slot_from(regimen, start_utc), regimen)
        return MissedDoseAdvice(
            action=Action.NOT_DUE,
            dose_mg=0,
            slot=None,
            next_dose_at=first,
            missed_in_a_row=0,
            contact_prescriber=False,
            reason=(
                f"No dose is due yet: take your first dose of {regimen.dose_mg} mg at "
                f"{when(first)}, as your prescriber directs."
            ),
            rule="missed-dose/not-due",
        )

    slot = _local(around.latest, regimen)
    following = _local(around.following, regimen)
    lo, hi = window(around)
    if between(history, lo, hi):
        return MissedDoseAdvice(
            action=Action.ALREADY_TAKEN,
            dose_mg=0,
            slot=slot,
            next_dose_at=following,
            missed_in_a_row=0,
            contact_prescriber=False,
            reason=(
                f"You have already taken the {clock(slot)} dose; take the next one at "
                f"{when(following)}, as your prescriber directs."
            ),
            rule="missed-dose/already-taken",
        )

    # S is missed.  Count the run of missed slots: every slot after the one the
    # latest earlier intake belongs to (or from the start) up to S.
    last = last_before(history, lo)
    needed_from = start_utc if last is None else last
    if needed_from < span_from:  # the latest intake was early for the next slot
        slots = slots_spanning(regimen, needed_from, now_utc)
    run_from = start_utc
    if last is not None:
        run_from = max(start_utc, slots[owner_index(slots, last)] + _TICK)
    missed = count_in(slots, run_from, around.latest)
    contact = missed >= CONTACT_PRESCRIBER_AFTER_DAYS * regimen.doses_per_day
    prefix = (
        f"You have missed {missed} doses in a row, so contact your prescriber before "
        "restarting; the missed-dose rule alone says: "
        if contact
        else ""
    )

    fraction = LABEL.skip_window_fraction.value
    left = around.following - now_utc
    interval = around.following - around.latest
    if left * fraction.denominator <= interval * fraction.numerator:
        return MissedDoseAdvice(
            action=Action.SKIP,
            dose_mg=0,
            slot=slot,
            next_dose_at=following,
            missed_in_a_row=missed,
            contact_prescriber=contact,
            reason=sentence(
                f"{prefix}it is almost time for your next dose, so skip the missed "
                f"{clock(slot)} dose and take the next one at its usual time, "
                f"{when(following)}; never take two doses at once."
            ),
            rule="missed-dose/skip",
        )
    return MissedDoseAdvice(
        action=Action.TAKE_NOW,
        dose_mg=regimen.dose_mg,
        slot=slot,
        next_dose_at=following,
        missed_in_a_row=missed,
        contact_prescriber=contact,
        reason=sentence(
            f"{prefix}take your {clock(slot)} dose ({regimen.dose_mg} mg) now, then the "
            f"next one at its usual time, {when(following)}; never take two doses to make "
            "up for a missed one."
        ),
        rule="missed-dose/take-now",
    )
