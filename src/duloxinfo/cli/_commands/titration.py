"""``duloxinfo titration``: where the phase in force stands on the label's plan."""

from __future__ import annotations

import argparse

import duloxinfo

from .._output import lines
from .._parser import NOT_ADVICE, history_option, json_option, plan_options, taken_options
from .._values import read_plan, taken_and_history

FIELDS = {"intakes": "--taken"}
ANSWERS = ("TitrationStatus",)


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, the doses taken (typed or a history file), ``--json``."""
    plan_options(parser)
    taken_options(parser)
    history_option(parser, required=False)
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The status, as text or JSON."""
    plan, tz, now = read_plan(args)
    intakes = taken_and_history(args, plan, tz, now)
    status = duloxinfo.titration_status(plan, intakes, now())
    if args.json:
        from ...answers import answer_to_json  # noqa: PLC0415 - loaded for --json only

        return answer_to_json(status)
    return "\n".join(
        [
            lines(
                ("Stage", status.stage.value),
                ("Starting doses taken", status.starting_doses_taken),
                ("Reason", status.reason),
                ("Rule", status.rule),
            ),
            "",
            NOT_ADVICE,
        ]
    )
