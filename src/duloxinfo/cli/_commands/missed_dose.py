"""``duloxinfo missed-dose``: take the dose now, skip it, or wait, by the label's rule."""

from __future__ import annotations

import argparse

import duloxinfo

from .._output import lines, moment
from .._parser import NOT_ADVICE, json_option, plan_options, taken_options
from .._values import dose_in_force, read_plan, read_taken

FIELDS = {"intakes": "--taken"}
ANSWERS = ("MissedDoseAdvice",)


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, the doses taken, ``--json``."""
    plan_options(parser)
    taken_options(parser)
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The advice, as text or JSON."""
    plan, tz, now = read_plan(args)
    taken = read_taken(args, tz, now, dose_in_force(plan))
    advice = duloxinfo.advise_missed_dose(plan, taken, now())
    if args.json:
        from ...answers import answer_to_json  # noqa: PLC0415 - loaded for --json only

        return answer_to_json(advice)
    action = advice.action.value + (f" ({advice.dose_mg} mg)" if advice.dose_mg else "")
    return "\n".join(
        [
            lines(
                ("Action", action),
                ("This dose", moment(advice.slot)),
                ("Next dose", moment(advice.next_dose_at)),
                ("Ask again at", moment(advice.holds_until)),
                ("Missed in a row", advice.missed_in_a_row),
                ("Reason", advice.reason),
                ("Rule", advice.rule),
            ),
            "",
            NOT_ADVICE,
        ]
    )
