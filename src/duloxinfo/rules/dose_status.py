"""What became of one scheduled dose: :class:`DoseStatus`, shared by the dose log and adherence."""

from __future__ import annotations

import enum

from .._names import public_dir

__all__ = ["DoseStatus"]
__dir__ = public_dir(globals())


class DoseStatus(enum.Enum):
    """What happened to one scheduled dose; the values are stable identifiers."""

    ON_TIME = "on-time"
    """Taken, the person sure of it, within the on-time window of the scheduled time."""
    EARLY = "early"
    """Taken, the person sure of it, more than the on-time window before the time."""
    LATE = "late"
    """Taken, the person sure of it, more than the on-time window after the time."""
    MISSED = "missed"
    """No intake belongs to it."""
    NOT_SURE = "not-sure"
    """Only intakes the person is not sure of (``certain=False``) belong to it: maybe
    taken, maybe not.  ``offset`` still says when, were it taken."""
    DUE = "due"
    """Not taken yet, and still due when the log is asked for (only with ``now``): a dose
    taken at ``now`` would belong to it, so it is not missed yet."""
