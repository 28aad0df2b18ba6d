"""How long the capsules last, and when to refill: from a count, or from fills and intakes."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import attrs

from .._names import public_dir
from .._validate import (
    brief,
    require_aware,
    require_each,
    require_timedelta,
    require_whole_number,
    utc,
)
from .._wording import en
from ..choices import DEFAULT_REFILL_LEAD_TIME, MAX_SCHEDULE_DAYS
from ..errors import HistoryError, SupplyError
from ..label import LABEL
from ..reasons import Enough, OnHand, RunsOut
from ._doses import fewest_capsules, most_toward, require_strength
from ._inputs import as_history, as_plan, require_not_after
from ._slots import ONE_DAY
from ._timeline import Slot, Timeline
from .fills import Fill
from .intakes import Intake, IntakeHistory
from .missed_dose import Action, MissedDoseAdvice, advise_missed_dose
from .plan import Plan
from .regimen import Regimen

__all__ = ["Supply", "SupplyFromFills", "supply_forecast", "supply_from_fills"]
__dir__ = public_dir(globals())


@attrs.frozen(kw_only=True)
class Supply:
    """The answer of :func:`supply_forecast`.  Dates are local in the phases' zones.

    Attributes:
        capsules_per_dose: Whole capsules of the given strength that make the next
            scheduled dose (a plan's later phases may need more or fewer).
        doses_left: Scheduled doses the capsules cover, counting from now.
        last_covered_dose: The last scheduled dose the capsules cover (aware, in its
            phase's zone), or None when they cover none.
        runs_out_on: The date of the first scheduled dose with no capsules for it, or
            None when the capsules last until the plan ends.
        days_left: Days from today to ``runs_out_on``, both dates in the zone of the
            dose that runs out; None when none does.
        refill_by: The date to refill by: ``runs_out_on`` less the lead time, but not
            before today (in that zone); None when no refill is needed before the plan
            ends.
        reason: Plain sentences an application can show, written from ``because``.
        rule: A stable identifier of the rule: ``supply/refill-now`` when the refill
            date is today, ``supply/refill-by`` when it is later, ``supply/enough`` when
            the capsules last until the plan ends.
        because: The facts the reason is written from (:mod:`duloxinfo.reasons`).  Not
            in the JSON answer.
    """

    capsules_per_dose: int
    doses_left: int
    last_covered_dose: _dt.datetime | None
    runs_out_on: _dt.date | None
    days_left: int | None
    refill_by: _dt.date | None
    reason: str
    rule: str
    because: Enough | RunsOut = attrs.field(repr=False, metadata={"json": False})


@attrs.frozen(kw_only=True)
class SupplyFromFills(Supply):
    """The answer of :func:`supply_from_fills`: a :class:`Supply`, and what is on hand.

    Attributes:
        capsules_per_dose: Capsules, of any strength, that make the next dose from those
            on hand (two for a 90 mg dose of 60 + 30 mg); when those on hand cannot
            make it, the fewest marketed capsules that can.
        doses_left: Doses the capsules on hand cover, counting from now (a dose due now
            first, when there is one).
        last_covered_dose: The last dose they cover (aware, in its phase's zone): a
            scheduled dose, or now for a dose due now; None when they cover none.
        runs_out_on: The date of the first dose with no capsules to make it, or None
            when they last until the plan ends.
        days_left: Days from today to ``runs_out_on``, both in the zone of the dose
            that runs out, as for :class:`Supply`; or None.
        refill_by: ``runs_out_on`` less the lead time, but not before today (in that
            zone); None when no refill is needed before the plan ends.
        reason: Plain sentences an application can show, written from ``because``.
        rule: ``supply/refill-now``, ``supply/refill-by`` or ``supply/enough``, as for
            :class:`Supply`.
        because: The facts the reason is written from, as for :class:`Supply`.
        on_hand: Capsules on hand now, as ``(strength_mg, capsules)`` pairs, largest
            strength first, for each strength dispensed: the fills up to today less the
            capsules of the intakes they supplied.
        next_dose_capsules: The strengths of the capsules the next dose takes from those
            on hand, largest first (``(60, 30)`` for 90 mg); empty when they cannot make
            it or no dose is left.
        due_now: True when a dose is due now and not yet taken (the missed-dose advice
            is to take it now, or after a wait), so that it is counted first.
        unaccounted_intakes: Intakes the fills cannot have supplied in full: taken before
            any fill, or a dose the capsules on hand then could not make.  A fill is
            probably missing from the list.  To be safe, the capsules on hand that made
            the most of such a dose (without going over it) are taken off.
    """

    on_hand: tuple[tuple[int, int], ...]
    next_dose_capsules: tuple[int, ...]
    due_now: bool
    unaccounted_intakes: tuple[Intake, ...]


class _Dose(NamedTuple):
    """A dose the supply must make: when (UTC), how much, and the index of its phase."""

    at: _dt.datetime
    mg: int
    phase: int


class _Run(NamedTuple):
    """What the capsules cover: the doses, the last covered, the first not, the first's capsules."""

    doses: int
    last: _Dose | None
    out: _Dose | None
    first: tuple[int, ...] | None


def supply_forecast(  # noqa: PLR0913 - the plan, what is on hand and when, and two options
    plan: Plan | Regimen,
    strength_mg: int,
    count: int,
    now: _dt.datetime,
    *,
    intakes: IntakeHistory | Iterable[Intake] | None = None,
    lead_time: _dt.timedelta = DEFAULT_REFILL_LEAD_TIME,
) -> Supply:
    """Forecast when ``count`` capsules of ``strength_mg`` on hand run out, and when to refill.

    Without ``intakes`` the capsules cover the scheduled doses from ``now`` on (a dose
    scheduled exactly at ``now`` included), as if any dose before now was taken.  With
    ``intakes``, a dose due now and not yet taken is counted first: when the
    missed-dose advice (:func:`~duloxinfo.rules.missed_dose.advise_missed_dose`) is
    to take it now, or after a wait.  Then each scheduled dose after now takes the
    capsules its phase's dose needs, skipping doses already taken early and the one a
    dose taken now counts for.  The seed page asks people to "keep track of your
    medication supply and refill it in a timely manner"; ``lead_time`` is how early to
    refill (default :data:`~duloxinfo.choices.DEFAULT_REFILL_LEAD_TIME`).  When the
    pharmacy's fills are known rather than a count, :func:`supply_from_fills` works out
    what is on hand.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, ``strength_mg`` or ``count`` is
            not a whole number, ``intakes`` is not an iterable of
            :class:`~duloxinfo.rules.intakes.Intake`, ``now`` is not a datetime, or
            ``lead_time`` is not a :class:`~datetime.timedelta`.
        InvalidDatetimeError: ``now`` has no zone or is outside the supported years.
        DoseError: ``strength_mg`` is not a marketed capsule strength.
        HistoryError: an intake is later than ``now``.
        SupplyError: whole capsules of the strength cannot make a dose still ahead,
            the count is below 0, the capsules last more than
            :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS` days (or past the
            year 9999), or the lead time is negative, not whole days, or more than that
            many days.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, supply_forecast
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> s = supply_forecast(r, 30, 28, dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC))
    >>> s.capsules_per_dose, s.doses_left, s.runs_out_on, s.refill_by
    (2, 14, datetime.date(2026, 1, 25), datetime.date(2026, 1, 18))
    """
    plan = as_plan(plan)
    now = require_aware(now, "now")
    return _from_count(plan, strength_mg, count, now, intakes, lead_time)


def supply_from_fills(
    plan: Plan | Regimen,
    fills: Iterable[Fill],
    now: _dt.datetime,
    *,
    intakes: IntakeHistory | Iterable[Intake] | None = None,
    lead_time: _dt.timedelta = DEFAULT_REFILL_LEAD_TIME,
) -> SupplyFromFills:
    """Forecast when the capsules of the pharmacy's ``fills`` run out, and when to refill.

    The capsules on hand are the fills dispensed up to today, less the capsules each
    intake took (each dose made of the fewest capsules on hand then, larger strengths
    first: 90 mg is a 60 mg and a 30 mg capsule).  From there the forecast is that of
    :func:`supply_forecast` with ``intakes``: a dose due now and not yet taken first,
    then each scheduled dose after now.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, ``fills`` is not an iterable of
            :class:`~duloxinfo.rules.fills.Fill`, ``intakes`` is not an iterable of
            :class:`~duloxinfo.rules.intakes.Intake`, ``now`` is not a datetime, or
            ``lead_time`` is not a :class:`~datetime.timedelta`.
        InvalidDatetimeError: ``now`` has no zone or is outside the supported years.
        HistoryError: an intake is later than ``now``, or a fill is dispensed after
            today.
        SupplyError: the capsules last more than
            :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS` days (or past the year 9999),
            or the lead time is negative, not whole days, or more than that many days.

    >>> import datetime as dt
    >>> from duloxinfo import Fill, Intake, Regimen, supply_from_fills
    >>> r90 = Regimen(90, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> fills = [Fill(dt.date(2026, 1, 5), 60, 30), Fill(dt.date(2026, 1, 5), 30, 30)]
    >>> taken = [Intake(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), 90)]
    >>> s = supply_from_fills(r90, fills, dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC),
    ...                       intakes=taken)
    >>> s.on_hand, s.next_dose_capsules, s.due_now, s.doses_left, s.runs_out_on
    (((60, 29), (30, 29)), (60, 30), True, 29, datetime.date(2026, 2, 4))
    """
    plan = as_plan(plan)
    now = require_aware(now, "now")
    return _from_fills(plan, fills, intakes, now, _require_lead_time(lead_time))


def _from_count(  # noqa: PLR0913, PLR0917 - supply_forecast's arguments, passed on
    plan: Plan,
    strength_mg: object,
    count: object,
    now: _dt.datetime,
    intakes: IntakeHistory | Iterable[Intake] | None,
    lead_time: object,
) -> Supply:
    strength_mg = require_strength(strength_mg)
    count = require_whole_number(count, "count", "a whole number of capsules")
    require_timedelta(lead_time, "lead_time")
    history = None if intakes is None else as_history(intakes)
    timeline = Timeline(plan, history or IntakeHistory([]))
    begin = max(utc(now), timeline.starts[0])
    if history is None:
        due, skip = None, None
    else:
        require_not_after(history, now)
        due, skip = _due(timeline, utc(now), advise_missed_dose(plan, history, now))
    ahead = [
        p for p, end in zip(plan.phases, timeline.ends, strict=True) if end is None or end > begin
    ]
    needed = [p.dose_mg for p in ahead]
    for dose in ([] if due is None else [due.mg]) + needed:
        if dose % strength_mg:
            raise SupplyError(
                "strength_mg",
                f"whole {strength_mg} mg capsules cannot make the "
                f"{dose} mg dose; capsules may not be split",
            )
    if count < 0:
        raise SupplyError(
            "count", f"expected a number of capsules of at least 0, got {brief(count)}"
        )
    lead = _require_lead_time(lead_time)
    fewest = min(needed) // strength_mg if needed else 1
    most_a_day = max((p.doses_per_day for p in ahead), default=1)
    if count // fewest > MAX_SCHEDULE_DAYS * most_a_day + (due is not None):
        raise SupplyError(
            "count",
            f"{brief(count)} capsules last more than {MAX_SCHEDULE_DAYS} days; duloxinfo "
            "forecasts no further",
        )
    doses = (
        _slots_from(timeline, begin)
        if history is None
        else _with_due(due, _ahead(timeline, utc(now), skip))
    )
    try:
        run = _run(doses, left := {strength_mg: count}, None)
    except OverflowError:
        raise SupplyError(
            "count",
            f"{brief(count)} capsules from {begin.date().isoformat()} last past the year 9999",
        ) from None
    if run.first is not None:
        per_dose = len(run.first)
    elif run.out is not None:
        per_dose = run.out.mg // strength_mg
    else:  # no dose is left in the plan
        per_dose = timeline.phases[-1].dose_mg // strength_mg
    have = OnHand(capsules=((strength_mg, count),) if count else (), of_strength=strength_mg)
    return _answer(timeline, run, now, lead=lead, have=have, per_dose=per_dose, left=left)


def _require_lead_time(value: object) -> _dt.timedelta:
    lead_time = require_timedelta(value, "lead_time")
    if lead_time < _dt.timedelta(0) or lead_time % ONE_DAY:
        raise SupplyError("lead_time", f"expected whole days of at least 0, got {brief(lead_time)}")
    if lead_time > MAX_SCHEDULE_DAYS * ONE_DAY:
        raise SupplyError("lead_time", f"{brief(lead_time)} is more than {MAX_SCHEDULE_DAYS} days")
    return lead_time


# -- the doses to cover ---------------------------------------------------------------------


def _due(
    timeline: Timeline, now: _dt.datetime, advice: MissedDoseAdvice
) -> tuple[_Dose | None, Slot | None]:
    """The dose due now and not yet taken, if any, and the slot a dose then counts for.

    Due when the missed-dose advice is to take it now, or after a wait (``NOT_DUE`` about
    a missed dose: it is then taken at ``next_dose_at``).
    """
    if advice.slot is None:
        return None, None
    if advice.action is Action.TAKE_NOW:  # the plan's last dose too: no next one then
        at, mg = now, advice.dose_mg
    elif advice.action is Action.NOT_DUE and advice.next_dose_at is not None:
        at = utc(advice.next_dose_at)
        mg = timeline.phases[timeline.phase_at(utc(advice.slot))].dose_mg
    else:
        return None, None
    return _Dose(at, mg, timeline.phase_at(at)), timeline.owner(at)


def _slots_from(timeline: Timeline, begin: _dt.datetime) -> Iterator[_Dose]:
    """Every scheduled dose from ``begin`` on (one exactly at ``begin`` included)."""
    for slot in timeline.slots_from(begin):
        yield _Dose(slot.at, timeline.dose(slot), slot.phase)


def _ahead(timeline: Timeline, now: _dt.datetime, skip: Slot | None) -> Iterator[_Dose]:
    """The scheduled doses after ``now`` still to take: not taken early, not ``skip``."""
    slot = timeline.after(now)
    while slot is not None:
        # Only a slot whose window opened by now can hold an intake (none is after now).
        early = timeline.window(slot)[0] <= now and timeline.taken_for(slot)
        if slot != skip and not early:
            yield _Dose(slot.at, timeline.dose(slot), slot.phase)
        slot = timeline.after(slot.at)


def _with_due(due: _Dose | None, ahead: Iterator[_Dose]) -> Iterator[_Dose]:
    if due is not None:
        yield due
    yield from ahead


def _run(doses: Iterator[_Dose], on_hand: dict[int, int], limit: _dt.datetime | None) -> _Run:
    """Take each dose's capsules from ``on_hand`` (changed in place) until one cannot be made.

    Past ``limit``, the capsules last longer than duloxinfo forecasts: raise.
    """
    count, last, first = 0, None, None
    for dose in doses:
        capsules = fewest_capsules(dose.mg, tuple(on_hand.items()))
        if first is None and count == 0:
            first = capsules
        if capsules is None:
            return _Run(count, last, dose, first)
        if limit is not None and dose.at > limit:
            raise SupplyError(
                "fills",
                f"the capsules on hand last more than {MAX_SCHEDULE_DAYS} days; "
                "duloxinfo forecasts no further",
            )
        for strength in capsules:
            on_hand[strength] -= 1
        count += 1
        last = dose
    return _Run(count, last, None, first)


def _answer(  # noqa: PLR0913 - the parts of the answer
    timeline: Timeline,
    run: _Run,
    now: _dt.datetime,
    *,
    lead: _dt.timedelta,
    have: OnHand,
    per_dose: int,
    left: dict[int, int],
) -> Supply:
    """The answer, with the fields :class:`SupplyFromFills` adds to it left out.

    ``left`` is what is on hand after the doses covered: capsules left that cannot make
    the next dose are said to be so, not "not enough", so that nobody makes the dose up
    from the wrong strength.
    """

    def local(dose: _Dose) -> _dt.datetime:
        return dose.at.astimezone(timeline.phases[dose.phase].tz)

    last_covered = None if run.last is None else local(run.last)
    if run.out is None:
        enough = Enough(on_hand=have, doses=run.doses)
        return Supply(
            capsules_per_dose=per_dose,
            doses_left=run.doses,
            last_covered_dose=last_covered,
            runs_out_on=None,
            days_left=None,
            refill_by=None,
            reason=en.supply(enough),
            rule="supply/enough",
            because=enough,
        )
    out_at = local(run.out)
    runs_out_on = out_at.date()
    # Today in the zone of the dose that runs out, so that the two dates compare on one
    # calendar: across phases in other zones, today there may be a day on or back.
    today = now.astimezone(out_at.tzinfo).date()
    # runs_out_on less the lead time, but not before today (nor before the year 1).
    refill_by = today if (runs_out_on - today) <= lead else runs_out_on - lead
    runs_out = RunsOut(
        on_hand=have,
        doses=run.doses,
        runs_out_on=runs_out_on,
        out_mg=run.out.mg,
        left_cannot_make=any(left.values()),
        refill_by=refill_by,
        refill_today=refill_by == today,
    )
    return Supply(
        capsules_per_dose=per_dose,
        doses_left=run.doses,
        last_covered_dose=last_covered,
        runs_out_on=runs_out_on,
        days_left=(runs_out_on - today).days,
        refill_by=refill_by,
        reason=en.supply(runs_out),
        rule="supply/refill-now" if refill_by == today else "supply/refill-by",
        because=runs_out,
    )


# -- from fills and intakes -----------------------------------------------------------------


def _from_fills(
    plan: Plan,
    fills: object,
    intakes: IntakeHistory | Iterable[Intake] | None,
    now: _dt.datetime,
    lead_time: _dt.timedelta,
) -> SupplyFromFills:
    checked = require_each(fills, Fill, "fills", "an iterable of Fill", "a duloxinfo.Fill")
    history = as_history(() if intakes is None else intakes)
    require_not_after(history, now)
    timeline = Timeline(plan, history)
    now_utc = utc(now)
    today = _today(timeline, now)
    for index, fill in enumerate(checked):
        if fill.dispensed_on > today:
            raise HistoryError(
                f"fills[{index}]",
                f"dispensed on {fill.dispensed_on.isoformat()}, after today "
                f"({today.isoformat()}); list only fills already made",
            )
    on_hand, unaccounted = _ledger(timeline, sorted(checked, key=lambda f: f.dispensed_on))
    due, skip = _due(timeline, now_utc, advise_missed_dose(plan, history, now))
    left = dict(on_hand)
    try:
        limit: _dt.datetime | None = now_utc + MAX_SCHEDULE_DAYS * ONE_DAY
    except OverflowError:  # within that many days of the year 9999: the year is the limit
        limit = None
    try:
        run = _run(_with_due(due, _ahead(timeline, now_utc, skip)), left, limit)
    except OverflowError:
        raise SupplyError(
            "fills", f"the capsules on hand from {today.isoformat()} last past the year 9999"
        ) from None
    next_dose = run.first or ()
    if next_dose:
        per_dose = len(next_dose)
    else:
        mg = run.out.mg if run.out is not None else timeline.phases[-1].dose_mg
        made = fewest_capsules(mg, tuple((s, mg) for s in LABEL.capsule_strengths_mg.value))
        per_dose = len(made or ())
    pairs = tuple(sorted(on_hand.items(), reverse=True))
    have = OnHand(capsules=tuple((s, n) for s, n in pairs if n), of_strength=None)
    shared = _answer(timeline, run, now, lead=lead_time, have=have, per_dose=per_dose, left=left)
    return SupplyFromFills(
        **attrs.asdict(shared, recurse=False),
        on_hand=pairs,
        next_dose_capsules=next_dose,
        due_now=due is not None,
        unaccounted_intakes=tuple(unaccounted),
    )


def _ledger(timeline: Timeline, fills: list[Fill]) -> tuple[dict[int, int], list[Intake]]:
    """The capsules left of ``fills`` after the intakes, and the intakes they cannot have made.

    A fill is on hand from its date in the zone of the phase in force at an intake; an
    intake on the day of a fill may have come from it.
    """
    on_hand: dict[int, int] = {}
    unaccounted: list[Intake] = []
    arrived = 0
    for intake, instant in zip(timeline.history.intakes, timeline.history.instants, strict=True):
        day = instant.astimezone(timeline.phases[timeline.phase_at(instant)].tz).date()
        while arrived < len(fills) and fills[arrived].dispensed_on <= day:
            fill = fills[arrived]
            on_hand[fill.strength_mg] = on_hand.get(fill.strength_mg, 0) + fill.capsules
            arrived += 1
        capsules = fewest_capsules(intake.dose_mg, tuple(on_hand.items()))
        if capsules is None:
            # To be safe, the part the capsules on hand could make is taken from them.
            unaccounted.append(intake)
            capsules = most_toward(intake.dose_mg, tuple(on_hand.items()))
        for strength in capsules:
            on_hand[strength] -= 1
    for fill in fills[arrived:]:
        on_hand[fill.strength_mg] = on_hand.get(fill.strength_mg, 0) + fill.capsules
    return on_hand, unaccounted


def _today(timeline: Timeline, now: _dt.datetime) -> _dt.date:
    """Today: ``now``'s date in the zone of the phase in force (in a pause, the one before)."""
    return now.astimezone(timeline.phases[timeline.phase_at(utc(now))].tz).date()
