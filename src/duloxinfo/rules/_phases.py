"""Which phase of a plan is in force at an instant: the rule, written once.

Private module.  :meth:`~duloxinfo.rules.plan.Plan.phase_at` (the public face of the
rule, which the command line uses too) and the timeline every rule stands on both call
:func:`in_force`; neither compares instants by wall clock.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Sequence


def in_force(starts: Sequence[_dt.datetime], instant: _dt.datetime) -> int:
    """The index of the phase in force at ``instant``, from the phases' starts.

    The last phase to start at or before ``instant``, or the first phase before the
    plan starts.  ``starts`` and ``instant`` are UTC, so that the order is real
    elapsed time (two aware datetimes of one zone compare by wall clock in Python, and a
    repeated hour would put a later instant first).
    """
    return max(bisect.bisect_right(starts, instant) - 1, 0)
