"""How long the capsules on hand last, and when to refill.

Private module; the public names are re-exported by :mod:`duloxinfo`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from .._errors import SupplyError
from .._label import LABEL
from .regimen import Regimen, _require_aware, _require_regimen, _utc
from .schedule import MAX_SCHEDULE_DAYS, _slots_from

__all__ = ["DEFAULT_REFILL_LEAD_TIME", "Supply", "supply_forecast"]

DEFAULT_REFILL_LEAD_TIME: Final = _dt.timedelta(days=7)
"""How long before the supply runs out to refill, unless told otherwise.

duloxinfo's choice, not a label number: a week leaves time for a new
prescription, the pharmacy and a weekend, so that no dose is missed (the seed
page: "refill it in a timely manner to ensure continuity of treatment").
"""


@attrs.frozen(kw_only=True)
class Supply:
    """The answer of :func:`supply_forecast`.  Dates are local dates in the regimen's zone."""

    capsules_per_dose: int
    """Whole capsules of the given strength that make one regimen dose."""
    doses_left: int
    """Scheduled doses the capsules cover, counting from now."""
    last_covered_dose: _dt.datetime | None
    """The last scheduled dose the capsules cover (aware, regimen's zone), or None."""
    runs_out_on: _dt.date
    """The date of the first scheduled dose with no capsules for it."""
    days_left: int
    """Days from today (now's local date) to ``runs_out_on``."""
    refill_by: _dt.date
    """The date to refill by, ``runs_out_on`` less the lead time but not before today."""
    reason: str
    """One plain sentence an application can show."""
    rule: str
    """A stable identifier of the rule, ``supply/refill-now`` when the refill date is
    today, else ``supply/refill-by``."""


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
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.Regimen`.
        SupplyError: the strength is not a marketed one, whole capsules of it cannot
            make the dose, the count is not a whole number of at least 0 or lasts more
            than :data:`MAX_SCHEDULE_DAYS` days (or past the year 9999), or the lead
            time is negative, not whole days, or more than that many days.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, supply_forecast
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> s = supply_forecast(r, 30, 28, dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC))
    >>> s.capsules_per_dose, s.doses_left, s.runs_out_on, s.refill_by
    (2, 14, datetime.date(2026, 1, 25), datetime.date(2026, 1, 18))
    """
    regimen = _require_regimen(regimen)
    now = _require_aware(now, "now")
    strength: object = strength_mg
    capsules: object = count
    lead: object = lead_time
    strengths = LABEL.capsule_strengths_mg.value
    if not isinstance(strength, int) or isinstance(strength, bool) or strength not in strengths:
        raise SupplyError(
            f"strength_mg: {strength_mg!r} is not a marketed capsule strength "
            f"({', '.join(map(str, strengths))} mg)"
        )
    if regimen.dose_mg % strength_mg:
        raise SupplyError(
            f"strength_mg: whole {strength_mg} mg capsules cannot make the {regimen.dose_mg} mg "
            "dose; capsules may not be split"
        )
    if not isinstance(capsules, int) or isinstance(capsules, bool) or capsules < 0:
        raise SupplyError(
            f"count: expected a whole number of capsules of at least 0, got {count!r}"
        )
    if (
        not isinstance(lead, _dt.timedelta)
        or lead < _dt.timedelta(0)
        or lead % _dt.timedelta(days=1)
    ):
        raise SupplyError(f"lead_time: expected whole days of at least 0, got {lead_time!r}")
    if lead > MAX_SCHEDULE_DAYS * _dt.timedelta(days=1):
        raise SupplyError(f"lead_time: {lead_time!r} is more than {MAX_SCHEDULE_DAYS} days")

    per_dose = regimen.dose_mg // strength_mg
    doses = count // per_dose
    if doses > MAX_SCHEDULE_DAYS * regimen.doses_per_day:
        raise SupplyError(
            f"count: {count} capsules last more than {MAX_SCHEDULE_DAYS} days; duloxinfo "
            "forecasts no further"
        )
    tz = regimen.tz
    begin = max(_utc(now), _utc(regimen.start))
    try:
        slots = _slots_from(regimen, begin, doses + 1)
    except OverflowError:
        raise SupplyError(
            f"count: {count} capsules from {begin.date().isoformat()} last past the year 9999"
        ) from None
    last_covered = slots[-2].astimezone(tz) if doses else None
    runs_out_on = slots[-1].astimezone(tz).date()
    today = now.astimezone(tz).date()
    refill_by = max(today, runs_out_on - lead_time)
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
