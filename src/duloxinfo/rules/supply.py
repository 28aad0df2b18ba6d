"""How long the capsules on hand last, and when to refill."""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from .._validate import brief, require_aware, require_type, require_whole_number, utc
from ..errors import SupplyError
from ._doses import require_strength
from ._inputs import require_regimen
from ._slots import ONE_DAY, slots_from
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
    """The answer of :func:`supply_forecast`.  Dates are local dates in the regimen's zone.

    Attributes:
        capsules_per_dose: Whole capsules of the given strength that make one
            regimen dose.
        doses_left: Scheduled doses the capsules cover, counting from now.
        last_covered_dose: The last scheduled dose the capsules cover (aware, in the
            regimen's zone), or None when they cover none.
        runs_out_on: The date of the first scheduled dose with no capsules for it.
        days_left: Days from today (now's local date) to ``runs_out_on``.
        refill_by: The date to refill by: ``runs_out_on`` less the lead time, but not
            before today.
        reason: One plain sentence an application can show.
        rule: A stable identifier of the rule: ``supply/refill-now`` when the refill
            date is today, else ``supply/refill-by``.
    """

    capsules_per_dose: int
    doses_left: int
    last_covered_dose: _dt.datetime | None
    runs_out_on: _dt.date
    days_left: int
    refill_by: _dt.date
    reason: str
    rule: str


def supply_forecast(
    regimen: Regimen,
    strength_mg: int,
    count: int,
    now: _dt.datetime,
    *,
    lead_time: _dt.timedelta = DEFAULT_REFILL_LEAD_TIME,
) -> Supply:
    """Forecast when ``count`` capsules of ``strength_mg`` run out on ``regimen``.

    The capsules cover the regimen's scheduled doses from ``now`` on (a dose
    scheduled exactly at ``now`` included), whole capsules only.  The seed page
    asks people to "keep track of your medication supply and refill it in a
    timely manner"; ``lead_time`` is how early to refill (default
    :data:`DEFAULT_REFILL_LEAD_TIME`).

    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.rules.regimen.Regimen`,
            ``strength_mg`` or ``count`` is not a whole number, ``now`` is not a
            datetime, or ``lead_time`` is not a :class:`~datetime.timedelta`.
        InvalidDatetimeError: ``now`` has no zone or is outside the supported years.
        DoseError: ``strength_mg`` is not a marketed capsule strength.
        SupplyError: whole capsules of the strength cannot make the dose, the count is
            below 0 or lasts more than :data:`~duloxinfo.rules.schedule.MAX_SCHEDULE_DAYS`
            days (or past the year 9999), or the lead time is negative, not whole
            days, or more than that many days.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, supply_forecast
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> s = supply_forecast(r, 30, 28, dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC))
    >>> s.capsules_per_dose, s.doses_left, s.runs_out_on, s.refill_by
    (2, 14, datetime.date(2026, 1, 25), datetime.date(2026, 1, 18))
    """
    regimen = require_regimen(regimen)
    now = require_aware(now, "now")
    strength_mg = require_strength(strength_mg)
    count = require_whole_number(count, "count", "a whole number of capsules")
    lead_time = require_type(lead_time, _dt.timedelta, "lead_time", "a datetime.timedelta")
    if regimen.dose_mg % strength_mg:
        raise SupplyError(
            f"strength_mg: whole {strength_mg} mg capsules cannot make the {regimen.dose_mg} mg "
            "dose; capsules may not be split"
        )
    if count < 0:
        raise SupplyError(f"count: expected a number of capsules of at least 0, got {brief(count)}")
    if lead_time < _dt.timedelta(0) or lead_time % ONE_DAY:
        raise SupplyError(f"lead_time: expected whole days of at least 0, got {brief(lead_time)}")
    if lead_time > MAX_SCHEDULE_DAYS * ONE_DAY:
        raise SupplyError(f"lead_time: {brief(lead_time)} is more than {MAX_SCHEDULE_DAYS} days")

    per_dose = regimen.dose_mg // strength_mg
    doses = count // per_dose
    if doses > MAX_SCHEDULE_DAYS * regimen.doses_per_day:
        raise SupplyError(
            f"count: {brief(count)} capsules last more than {MAX_SCHEDULE_DAYS} days; duloxinfo "
            "forecasts no further"
        )
    tz = regimen.tz
    begin = max(utc(now), utc(regimen.start))
    try:
        slots = slots_from(regimen, begin, doses + 1)
    except OverflowError:
        raise SupplyError(
            f"count: {brief(count)} capsules from {begin.date().isoformat()} last past the "
            "year 9999"
        ) from None
    last_covered = slots[-2].astimezone(tz) if doses else None
    runs_out_on = slots[-1].astimezone(tz).date()
    today = now.astimezone(tz).date()
    # runs_out_on less the lead time, but not before today (nor before the year 1).
    refill_by = today if (runs_out_on - today) <= lead_time else runs_out_on - lead_time
    when = "today" if refill_by == today else f"by {refill_by.isoformat()}"
    return Supply(
        capsules_per_dose=per_dose,
        doses_left=doses,
        last_covered_dose=last_covered,
        runs_out_on=runs_out_on,
        days_left=(runs_out_on - today).days,
        refill_by=refill_by,
        reason=(
            f"{count} capsules of {strength_mg} mg cover {doses} doses of {regimen.dose_mg} mg, "
            f"so they run out on {runs_out_on.isoformat()}; refill {when}."
        ),
        rule="supply/refill-now" if refill_by == today else "supply/refill-by",
    )
