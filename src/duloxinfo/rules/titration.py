"""Where a person stands on the label's titration plan; never a change of dose by itself."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from .._validate import require_aware, utc
from .._words import how_often
from ..label import LABEL
from ._inputs import as_history, require_not_after, require_regimen
from ._slots import owner_index, slots_spanning
from .intakes import Intake, IntakeHistory
from .regimen import Regimen

__all__ = ["TitrationStage", "TitrationStatus", "titration_status"]


class TitrationStage(enum.Enum):
    """Where a regimen stands on the plan: 30 mg once daily, then possibly 60 mg once daily.

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


@attrs.frozen(kw_only=True)
class TitrationStatus:
    """The answer of :func:`titration_status`.

    Attributes:
        stage: Where the regimen stands on the plan.
        starting_doses_taken: Doses of the regimen taken in their own slots since its
            start; counted only at the starting dose, otherwise 0.
        reason: One plain sentence an application can show.
        rule: A stable identifier of the rule, such as ``titration/eligible-to-ask``.
    """

    stage: TitrationStage
    starting_doses_taken: int
    reason: str
    rule: str


def titration_status(
    regimen: Regimen,
    intakes: IntakeHistory | Iterable[Intake],
    now: _dt.datetime,
) -> TitrationStatus:
    """Say where a regimen stands on the plan, without ever advising a change.

    The plan is the seed page's, which the US PI (2 Dosage and Administration)
    states for chronic musculoskeletal pain and fibromyalgia: 30 mg once daily
    for one week, then 60 mg once daily; 60 mg a day is also the maximum for
    those uses.  A person on 30 mg once daily becomes ``ELIGIBLE_TO_ASK`` once a
    week has passed since the start *and* a week's doses (7) have been taken, each
    in its own slot; the answer is then to ask the prescriber, never to change
    the dose.

    Raises:
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.rules.regimen.Regimen`,
            ``intakes`` is not an iterable of :class:`~duloxinfo.rules.intakes.Intake`,
            or ``now`` is not a datetime.
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
    regimen = require_regimen(regimen)
    now = require_aware(now, "now")
    now_utc = utc(now)
    history = as_history(intakes)
    require_not_after(history, now)
    usual = LABEL.usual_dose_mg.value
    pain_max = LABEL.max_daily_dose_pain_mg.value
    daily = regimen.daily_dose_mg
    if daily > pain_max:
        return TitrationStatus(
            stage=TitrationStage.ABOVE_PAIN_MAXIMUM,
            starting_doses_taken=0,
            reason=(
                f"{daily} mg a day is above the label's {pain_max} mg maximum for pain, a dose "
                "labelled only for depression and anxiety; keep to it only as your prescriber "
                "directs and ask them if you are unsure."
            ),
            rule="titration/above-pain-maximum",
        )
    if daily == usual:
        return TitrationStatus(
            stage=TitrationStage.USUAL_MAXIMUM,
            starting_doses_taken=0,
            reason=(
                f"{usual} mg a day is the usual dose and the label's maximum for chronic "
                "musculoskeletal pain and fibromyalgia; higher doses add side effects, not "
                "benefit, so stay on it as your prescriber directs."
            ),
            rule="titration/usual-maximum",
        )
    starting = LABEL.starting_dose_mg.value
    once = how_often(1)
    if regimen.doses_per_day != 1 or regimen.dose_mg != starting:
        return TitrationStatus(
            stage=TitrationStage.OUTSIDE_PLAN,
            starting_doses_taken=0,
            reason=(
                f"{regimen.dose_mg} mg {how_often(regimen.doses_per_day)} is not a step of the "
                f"usual plan ({starting} mg {once}, then {usual} mg {once}); take it as "
                "your prescriber directs."
            ),
            rule="titration/outside-plan",
        )

    period = LABEL.starting_period.value
    needed = period // _dt.timedelta(days=1)
    taken = _doses_in_own_slots(regimen, history, now_utc)
    if now_utc - utc(regimen.start) >= period and taken >= needed:
        return TitrationStatus(
            stage=TitrationStage.ELIGIBLE_TO_ASK,
            starting_doses_taken=taken,
            reason=(
                f"You have taken {starting} mg {once} for a week ({taken} doses), so you "
                f"may ask your prescriber whether to go up to {usual} mg {once}; do not "
                "change the dose yourself."
            ),
            rule="titration/eligible-to-ask",
        )
    return TitrationStatus(
        stage=TitrationStage.STARTING,
        starting_doses_taken=taken,
        reason=(
            f"You are on the starting dose of {starting} mg {once} ({taken} of the first "
            f"{needed} doses taken); keep to it as your prescriber directs, who may review it "
            "after a week."
        ),
        rule="titration/starting",
    )


def _doses_in_own_slots(regimen: Regimen, history: IntakeHistory, now_utc: _dt.datetime) -> int:
    """How many slots from the start to ``now`` have an intake of the regimen dose."""
    start_utc = utc(regimen.start)
    instants = history.instants
    if not instants:
        return 0
    slots = slots_spanning(regimen, min(instants[0], start_utc), now_utc)
    owned = {
        slots[owner_index(slots, x)]
        for x, intake in zip(instants, history.intakes, strict=True)
        if intake.dose_mg == regimen.dose_mg
    }
    return sum(1 for s in owned if start_utc <= s <= now_utc)
