"""``duloxinfo audit``: the double doses in a history of doses taken."""

from __future__ import annotations

import argparse

import duloxinfo

from ..._words import plural
from .._output import moment, wrap
from .._parser import history_option, json_option, plan_options
from .._values import read_history, read_plan

FIELDS = {"intakes": "--history"}
ANSWERS = ("AuditReport",)


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, ``--history``, ``--json``."""
    plan_options(parser, now=False)
    history_option(parser, required=True)
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The double doses found, each with the intakes that make it."""
    plan, tz, _ = read_plan(args)
    intakes = read_history(args.history, tz)
    found = duloxinfo.audit(plan, intakes)
    if args.json:
        from ...answers import AuditReport, answer_to_json  # noqa: PLC0415 - loaded for --json only

        return answer_to_json(AuditReport(intakes=len(intakes), double_doses=tuple(found)))
    if not found:
        return f"No double doses in {plural(len(intakes), 'intake')}."
    lines = [f"{plural(len(found), 'double dose')} in {plural(len(intakes), 'intake')}:"]
    for item in found:
        taken = ", ".join(moment(i.at.astimezone(tz)) for i in item.intakes)
        lines += [f"- {item.kind.value}: {taken}", wrap(item.explanation, "  ")]
    return "\n".join(lines)
