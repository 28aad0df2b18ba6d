"""Which intakes make one dose: the one grouping that audit and the dose log share.

Private module.  Intakes close together are one dose when they are the capsules of a
dose logged one by one: an intake and those within
:data:`~duloxinfo.choices.ONE_DOSE_WITHIN` after it, together no more than the dose
in force.  An intake further on, or one that would take the total over the dose,
starts the next dose.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence

from ..choices import ONE_DOSE_WITHIN
from .intakes import Intake


def one_dose_groups(
    intakes: Sequence[Intake],
    instants: Sequence[_dt.datetime],
    first: int,
    stop: int,
    limit: Callable[[int], int],
) -> list[tuple[int, int]]:
    """The intakes ``first`` to ``stop`` (in time order) put together into doses.

    Each dose is an index range ``(begin, end)``.  ``limit(begin)`` is the dose in
    force for a dose whose first intake is ``begin``, in mg.  ``instants`` are the
    intakes' UTC instants.  One pass: the cost is linear in ``stop - first``.
    """
    groups: list[tuple[int, int]] = []
    if first >= stop:
        return groups
    begin, total, most = first, intakes[first].dose_mg, limit(first)
    for index in range(first + 1, stop):
        mg = intakes[index].dose_mg
        if instants[index] - instants[begin] <= ONE_DOSE_WITHIN and total + mg <= most:
            total += mg
            continue
        groups.append((begin, index))
        begin, total, most = index, mg, limit(index)
    groups.append((begin, stop))
    return groups
