"""The checks of the arguments every rule takes: the regimen, the intakes, the history.

Private module.  Each check is written once here, so that every rule refuses the
same input with the same error.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from .._validate import require_type
from ..errors import HistoryError
from ._history import latest
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen


def require_regimen(value: object) -> Regimen:
    """Return ``value`` if it is a ``Regimen``, else raise naming the argument."""
    return require_type(value, Regimen, "regimen", "a duloxinfo.Regimen")


def as_plan(value: object) -> Plan:
    """A plan, or a regimen as a plan of one phase; anything else raises naming ``plan``."""
    if isinstance(value, Regimen):
        return Plan([value])
    return require_type(value, Plan, "plan", "a duloxinfo.Plan or Regimen")


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
