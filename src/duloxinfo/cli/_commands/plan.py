"""``duloxinfo plan``: a plan's phases, the one in force, and the next doses."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING

import duloxinfo

from ..._validate import MAX_YEAR
from ..._words import plural
from ...answers import PlanOverview, ScheduledDose, answer_to_json
from ...rules._inputs import as_plan
from .._output import moment
from .._parser import NOT_ADVICE, json_option, plan_options
from .._values import InputError, dose_in_force, read_plan

if TYPE_CHECKING:
    from ...rules.plan import Plan
    from ...rules.regimen import Regimen

FIELDS: dict[str, str] = {}
ANSWERS = (PlanOverview,)
_MOST_NEXT = 100


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, ``--next``, ``--json``."""
    plan_options(parser)
    parser.add_argument(
        "--next",
        type=int,
        default=3,
        metavar="N",
        help="how many of the next doses to show (default: 3)",
    )
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The phases, the one in force now, and the next ``--next`` doses."""
    plan, _, now = read_plan(args)
    if not 1 <= args.next <= _MOST_NEXT:
        raise InputError(f"--next: {args.next} is not between 1 and {_MOST_NEXT}")
    whole = as_plan(plan)
    phases, index = whole.phases, whole.running_at(now())
    doses = _next_doses(plan, now(), args.next)
    dose_at = dose_in_force(whole)
    if args.json:
        overview = PlanOverview(
            phases=phases,
            in_force=None if index is None else index + 1,
            next_doses=tuple(ScheduledDose(at=d, dose_mg=dose_at(d)) for d in doses),
        )
        return answer_to_json(overview)
    lines = [f"{plural(len(phases), 'phase')}:"]
    for number, phase in enumerate(phases, start=1):
        times = " and ".join(f"{t:%H:%M}" for t in phase.times)
        until = ", no end" if phase.end is None else f" to {moment(phase.end)}"
        lines += [
            f"  {number}. {phase.dose_mg} mg at {times} ({phase.tz.key})",
            f"     from {moment(phase.start)}{until}",
        ]
    lines.append(f"In force now: phase {index + 1}" if index is not None else "In force now: none")
    lines.append("Next doses:" if doses else "Next doses: none")
    lines += [f"  {moment(d)}  {dose_at(d)} mg" for d in doses]
    return "\n".join([*lines, "", NOT_ADVICE])


def _next_doses(plan: Plan | Regimen, now: _dt.datetime, count: int) -> list[_dt.datetime]:
    """The first ``count`` doses at or after ``now``, looking at most 10 years ahead.

    The search stops at the end of the supported years.
    """
    found: list[_dt.datetime] = []
    last = _dt.datetime(MAX_YEAR, 12, 31, 12, tzinfo=_dt.UTC)
    start, month = now, _dt.timedelta(days=31)
    for _ in range(duloxinfo.MAX_SCHEDULE_DAYS // 31):
        end = min(start + month, last)  # no overflow: start is at most in the year MAX_YEAR
        if end <= start:
            break
        found += duloxinfo.dose_times(plan, start, end)
        if len(found) >= count:
            break
        start = end
    return found[:count]
