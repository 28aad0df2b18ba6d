"""``duloxinfo plan``: a plan's phases, the one in force, and the next doses."""

from __future__ import annotations

import argparse

import duloxinfo

from ..._words import plural
from ...rules._inputs import as_plan
from .._output import moment
from .._parser import NOT_ADVICE, json_option, plan_options
from .._values import dose_in_force, read_plan

FIELDS = {"count": "--next"}
ANSWERS = ("PlanOverview",)


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
    whole = as_plan(plan)
    phases, index = whole.phases, whole.running_at(now())
    doses = duloxinfo.next_doses(whole, now(), args.next)
    dose_at = dose_in_force(whole)
    if args.json:
        from ...answers import PlanOverview, ScheduledDose, answer_to_json  # noqa: PLC0415 - loaded for --json only

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
