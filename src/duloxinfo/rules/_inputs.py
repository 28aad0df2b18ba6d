"""The checks of the arguments every rule takes: the regimen, the intakes, the history, a span.

Private module.  Each check is written once here, so that every rule refuses the
same input with the same error.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable

from .._validate import require_aware, require_type, utc
from ..choices import MAX_SCHEDULE_DAYS
from ..errors import HistoryError, ScheduleError
from ._history import latest
from ._slots import ONE_DAY
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen


def require_regimen(value: object) -> Regimen:
    """Return ``value`` if it is a ``Regimen``, else raise naming the argument."""
    return require_type(value, Regimen, "regimen", "a duloxinfo.Regimen")


def as_plan(value: object) -> Plan:
    """A plan, or a regimen as a plan of one phase; anything else raises naming ``plan``."""
    if isinstance(value, Regimen):
        return _one_phase(value)
    return require_type(value, Plan, "plan", "a duloxinfo.Plan or Regimen")


@functools.lru_cache(maxsize=128)
def _one_phase(regimen: Regimen) -> Plan:
    """The plan of one phase, the same for equal regimens.

    What the rules work out of a plan (its phases' columns, kept by the plan) is then
    worked out once per regimen, not per call.  A few regimens are kept (a regimen is
    small); a plan of one phase is equal to another of an equal regimen, so which one is
    returned does not change any answer.
    """
    return Plan([regimen])


def as_history(intakes: IntakeHistory | Iterable[Intake]) -> IntakeHistory:
    """Accept a history or any iterable of intakes (validated and sorted here)."""
    return intakes if isinstance(intakes, IntakeHistory) else IntakeHistory(intakes)


def require_not_after(history: IntakeHistory, now: _dt.datetime) -> None:
    """Raise if the history holds an intake later than ``now`` (aware, any zone)."""
    last = latest(history)
    if last is not None and last > now:
        raise HistoryError(
            "intakes",
            f"an intake at {last.isoformat()} is after now ({now.isoformat()}); "
            "a history cannot hold doses not yet taken",
        )


def period(
    start: object, end: object
) -> tuple[_dt.datetime, _dt.datetime, _dt.datetime, _dt.datetime]:
    """A span's bounds, checked, as given and in UTC: ``(start, end, start_utc, end_utc)``.

    Aware (as plain datetimes), ``end`` not before ``start``, and at most
    :data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS` days.
    """
    start = require_aware(start, "start")
    end = require_aware(end, "end")
    lo, hi = utc(start), utc(end)
    if hi < lo:
        raise ScheduleError("end", f"{end.isoformat()} is before start ({start.isoformat()})")
    if hi - lo > MAX_SCHEDULE_DAYS * ONE_DAY:
        raise ScheduleError(
            "end",
            f"{end.isoformat()} is more than {MAX_SCHEDULE_DAYS} days after start "
            f"({start.isoformat()})",
        )
    return start, end, lo, hi
