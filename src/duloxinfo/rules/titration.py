"""Where a person stands on the seed's titration plan; never a change of dose by itself.

Private module; the public names are re-exported by :mod:`duloxinfo`.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from .._label import LABEL
from .regimen import (
    Intake,
    IntakeHistory,
    Regimen,
    _as_history,
    _require_aware,
    _require_not_after,
    _require_regimen,
    _utc,
)
from .schedule import _owner_index, _slots_spanning

__all__ = ["TitrationStage", "TitrationStatus", "titration_status"]


class TitrationStage(enum.Enum):
    """Where a regimen stands on the plan: 30 mg once daily, then possibly 60 mg once daily."""

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
    """The answer of :func:`titration_status`."""

    stage: TitrationStage
    """Where the regimen stands."""
    starting_doses_taken: int
    """Doses of the regimen taken in their own slots since its start (counted only at
    the starting dose, otherwise 0)."""
    reason: str
    """One plain sentence an application can show."""
    rule: str
    """A stable identifier of the rule, such as ``titration/eligible-to-ask``."""


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
        WrongTypeError: ``regimen`` is not a :class:`~duloxinfo.Regimen`.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, Intake, titration_status
    >>> start = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)
    >>> r = Regimen(30, [dt.time(8)], "UTC", start)
    >>> week = [Intake(start + dt.timedelta(days=d), 30) for d in range(7)]
    >>> s = titration_status(r, week, start + dt.timedelta(days=7))
    >>> s.stage.value, s.starting_doses_taken
    ('eligible-to-ask', 7)
    """
    regimen = _require_regimen(regimen)
    now = _require_aware(now, "now")
    now_utc = _utc(now)
    history = _as_history(intakes)
    _require_not_after(history, now_utc, now)
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
    if regimen.doses_per_day != 1 or regimen.dose_mg != starting:
        return TitrationStatus(
            stage=TitrationStage.OUTSIDE_PLAN,
            starting_doses_taken=0,
            reason=(
                f"{regimen.dose_mg} mg {_frequency(regimen)} is not a step of the usual plan "
                f"({starting} mg once daily, then {usual} mg once daily); take it as your "
                "prescriber directs."
            ),
            rule="titration/outside-plan",
        )

    period = LABEL.starting_period.value
    needed = period // _dt.timedelta(days=1)
    taken = _doses_in_own_slots(regimen, history, now_utc)
    if now_utc - _utc(regimen.start) >= period and taken >= needed:
        return TitrationStatus(
            stage=TitrationStage.ELIGIBLE_TO_ASK,
            starting_doses_taken=taken,
            reason=(
                f"You have taken {starting} mg once daily for a week ({taken} doses), so you "
                f"may ask your prescriber whether to go up to {usual} mg once daily; do not "
                "change the dose yourself."
            ),
            rule="titration/eligible-to-ask",
        )
    return TitrationStatus(
        stage=TitrationStage.STARTING,
        starting_doses_taken=taken,
        reason=(
            f"You are on the starting dose of {starting} mg once daily ({taken} of the first "
            f"{needed} doses taken); keep to it as your prescriber directs, who may review it "
            "after a week."
        ),
        rule="titration/starting",
    )


def _frequency(regimen: Regimen) -> str:
    return "once daily" if regimen.doses_per_day == 1 else "twice daily"


def _doses_in_own_slots(regimen: Regimen, history: IntakeHistory, now_utc: _dt.datetime) -> int:
    """How many slots from the start to ``now`` have an intake of the regimen dose."""
    start_utc = _utc(regimen.start)
    instants = history._instants_utc()  # noqa: SLF001 - same package
    if not instants:
        return 0
    slots = _slots_spanning(regimen, min(instants[0], start_utc), now_utc)
    owned = {
        slots[_owner_index(slots, x)]
        for x, intake in zip(instants, history.intakes, strict=True)
        if intake.dose_mg == regimen.dose_mg
    }
    return sum(1 for s in owned if start_utc <= s <= now_utc)
