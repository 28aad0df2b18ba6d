"""Questions the rules ask of an intake history, by bisecting its sorted UTC instants.

Private module.  All instants here are UTC.
"""

from __future__ import annotations

import bisect
import datetime as _dt

from .intakes import Intake, IntakeHistory


def latest(history: IntakeHistory) -> _dt.datetime | None:
    """The instant of the latest intake, if any."""
    return history.instants[-1] if history.instants else None


def between(history: IntakeHistory, lo: _dt.datetime, hi: _dt.datetime) -> tuple[Intake, ...]:
    """The intakes at instants in ``[lo, hi)``."""
    first = bisect.bisect_left(history.instants, lo)
    last = bisect.bisect_left(history.instants, hi)
    return history.intakes[first:last]
