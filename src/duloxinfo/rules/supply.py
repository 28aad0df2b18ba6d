"""How long the capsules on hand last, and when to refill."""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from .._validate import brief, require_aware, require_type, require_whole_number, utc
from .._words import date_words, plural
from ..errors import SupplyError
from ._doses import require_strength
from ._inputs import as_plan
from ._slots import ONE_DAY
from ._timeline import Timeline
from .intakes import IntakeHistory
from .plan import Plan
from .regimen import Regimen
from .schedule import MAX_SCHEDULE_DAYS

__all__ = ["DEFAULT_REFILL_LEAD_TIME", "Supply", "supply_forecast"]

DEFAULT_REFILL_LEAD_TIME: Final = _dt.timedelta(days=7)
"""How long before the supply runs out to refill, unless told otherwise.

duloxinfo's choice, not a label number: a week leaves time for a new
prescription, the pharmacy and a weekend, so that no dose is missed (the seed
page: "refill it in a timely manner to ensure continuity of treatment").
"""


@attrs.frozen(kw_only=True)
class Supply:
    """The answer of :func:`supply_forecast`.  Dates are local dates in the phases' zones.

    Attributes:
        capsules_per_dose: Whole capsules of the given strength that make the next
            scheduled dose (a plan's later phases may need more or fewer).
        doses_left: Scheduled doses the capsules cover, counting from now.
        last_covered_dose: The last scheduled dose the capsules cover (aware, in its
            phase's zone), or None when they cover none.
        runs_out_on: The date of the first scheduled dose with no capsules for it, or
            None when the capsules last until the plan ends.
        days_left: Days from today (now's local date) to ``runs_out_on``, or None.
        refill_by: The date to refill by: ``runs_out_on`` less the lead time, but not
            before today; None when no refill is needed before the plan ends.
        reason: Plain sentences an application can show.
        rule: A stable identifier of the rule: ``supply/refill-now`` when the refill
            date is today, ``supply/refill-by`` when it is later, ``supply/enough`` when
            the capsules last until the plan ends.
    """

    capsules_per_dose: int
    doses_left: int
    last_covered_dose: _dt.datetime | None
    runs_out_on: _dt.date | None
    days_left: int | None
    refill_by: _dt.date | None
    reason: str
    rule: str


def supply_forecast(
    plan: Plan | Regimen,
    strength_mg: int,
    count: int,
    now: _dt.datetime,
    *,
    lead_time: _dt.timedelta = DEFAULT_REFILL_LEAD_TIME,
) -> Supply:
    """Forecast when ``count`` capsules of ``strength_mg`` run out on ``plan``.

    The capsules cover the plan's scheduled doses from ``now`` on (a dose scheduled
    exactly at ``now`` included), each dose taking the whole capsules its phase's
    dose needs.  The seed page asks people to "keep track of your medication supply
    and refill it in a timely manner"; ``lead_time`` is how early to refill
    (default :data:`DEFAULT_REFILL_LEAD_TIME`).

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, ``strength_mg`` or ``count`` is
            not a whole number, ``now`` is not a datetime, or ``lead_time`` is not a
            :class:`~datetime.timedelta`.
        InvalidDatetimeError: ``now`` has no zone or is outside the supported years.
        DoseError: ``strength_mg`` is not a marketed capsule strength.
        SupplyError: whole capsules of the strength cannot make a dose still ahead,
            the count is below 0 or lasts more than
            :data:`~duloxinfo.rules.schedule.MAX_SCHEDULE_DAYS` days (or past the
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
    strength_mg = require_strength(strength_mg)
    count = require_whole_number(count, "count", "a whole number of capsules")
    lead_time = require_type(lead_time, _dt.timedelta, "lead_time", "a datetime.timedelta")
    timeline = Timeline(plan, IntakeHistory([]))
    begin = max(utc(now), timeline.starts[0])
    ahead = [
        p for p, end in zip(plan.phases, timeline.ends, strict=True) if end is None or end > begin
    ]
    for phase in ahead:
        if phase.dose_mg % strength_mg:
            raise SupplyError(
                f"strength_mg: whole {strength_mg} mg capsules cannot make the "
                f"{phase.dose_mg} mg dose; capsules may not be split"
            )
    if count < 0:
        raise SupplyError(f"count: expected a number of capsules of at least 0, got {brief(count)}")
    if lead_time < _dt.timedelta(0) or lead_time % ONE_DAY:
        raise SupplyError(f"lead_time: expected whole days of at least 0, got {brief(lead_time)}")
    if lead_time > MAX_SCHEDULE_DAYS * ONE_DAY:
        raise SupplyError(f"lead_time: {brief(lead_time)} is more than {MAX_SCHEDULE_DAYS} days")
    fewest = min(p.dose_mg // strength_mg for p in ahead) if ahead else 1
    most_a_day = max(p.doses_per_day for p in ahead) if ahead else 1
    if count // fewest > MAX_SCHEDULE_DAYS * most_a_day:
        raise SupplyError(
            f"count: {brief(count)} capsules last more than {MAX_SCHEDULE_DAYS} days; duloxinfo "
            "forecasts no further"
        )
    try:
        return _forecast(
            timeline,
            strength_mg=strength_mg,
            count=count,
            now=now,
            begin=begin,
            lead_time=lead_time,
        )
    except OverflowError:
        raise SupplyError(
            f"count: {brief(count)} capsules from {begin.date().isoformat()} last past the "
            "year 9999"
        ) from None


def _forecast(  # noqa: PLR0913 - the checked arguments, passed on
    timeline: Timeline,
    *,
    strength_mg: int,
    count: int,
    now: _dt.datetime,
    begin: _dt.datetime,
    lead_time: _dt.timedelta,
) -> Supply:
    left, doses, per_dose = count, 0, None
    last_covered: _dt.datetime | None = None
    runs_out: _dt.datetime | None = None
    for slot in timeline.slots_from(begin):
        need = timeline.dose(slot) // strength_mg
        per_dose = need if per_dose is None else per_dose
        local = slot.at.astimezone(timeline.phases[slot.phase].tz)
        if left < need:
            runs_out = local
            break
        left -= need
        doses += 1
        last_covered = local
    if per_dose is None:  # no dose is left in the plan
        per_dose = timeline.phases[-1].dose_mg // strength_mg
    have = f"You have {plural(count, 'capsule') if count else 'no capsules'} of {strength_mg} mg."
    if runs_out is None:
        rest = (
            f"That is enough for the {plural(doses, 'dose')} left in your plan."
            if doses
            else "Your plan has no more doses."
        )
        return Supply(
            capsules_per_dose=per_dose,
            doses_left=doses,
            last_covered_dose=last_covered,
            runs_out_on=None,
            days_left=None,
            refill_by=None,
            reason=f"{have} {rest}",
            rule="supply/enough",
        )
    runs_out_on = runs_out.date()
    today = now.astimezone(runs_out.tzinfo).date()
    # runs_out_on less the lead time, but not before today (nor before the year 1).
    refill_by = today if (runs_out_on - today) <= lead_time else runs_out_on - lead_time
    when = "today" if refill_by == today else f"by {date_words(refill_by)}"
    covered = (
        f"That is enough for {plural(doses, 'dose')}. You will run out on "
        f"{date_words(runs_out_on)}."
        if doses
        else f"That is not enough for your dose on {date_words(runs_out_on)}."
    )
    return Supply(
        capsules_per_dose=per_dose,
        doses_left=doses,
        last_covered_dose=last_covered,
        runs_out_on=runs_out_on,
        days_left=(runs_out_on - today).days,
        refill_by=refill_by,
        reason=f"{have} {covered} Refill {when}.",
        rule="supply/refill-now" if refill_by == today else "supply/refill-by",
    )
