"""``duloxinfo interactions``: other medicines checked against duloxetine."""

from __future__ import annotations

import argparse

import duloxinfo

from ..._words import plural
from .._output import wrap
from .._parser import NOT_ADVICE, json_option
from .._values import read_medicines

FIELDS: dict[str, str] = {}
ANSWERS = ("InteractionReport",)


def options(parser: argparse.ArgumentParser) -> None:
    """The medicines, those stopped or about to start, ``--tz``, ``--now``, ``--json``."""
    parser.add_argument(
        "medicines",
        nargs="*",
        metavar="MEDICINE",
        help="a generic or brand name (a strength and form after it are read off), an ATC "
        "code or an RxNorm code",
    )
    timing = parser.add_argument_group("medicines stopped or about to start")
    for flag, what in (("--stopped", "was stopped"), ("--starts", "starts")):
        timing.add_argument(
            flag,
            action="append",
            default=[],
            metavar="MEDICINE=WHEN",
            help=f"a medicine and when it {what} (repeat it)",
        )
    timing.add_argument(
        "--tz",
        metavar="ZONE",
        help="the zone of times given without an offset: a place such as Europe/London, or UTC",
    )
    timing.add_argument(
        "--now",
        metavar="WHEN",
        help="the moment to judge the times at; default: the current time",
    )
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The findings, most serious first, each with what to do and its sources."""
    medicines, now = read_medicines(args)
    findings = duloxinfo.check_interactions(medicines, now)
    if args.json:
        from ...answers import InteractionReport, answer_to_json  # noqa: PLC0415 - loaded for --json only

        return answer_to_json(InteractionReport(findings=tuple(findings)))
    lines = [
        f"{plural(len(medicines), 'medicine')} checked against duloxetine, most serious first:"
    ]
    for finding in findings:
        label = finding.seriousness or finding.kind
        matched = finding.ingredient or (
            f"ATC class {finding.atc_class}" if finding.atc_class else None
        )
        name = finding.medicine.name
        if matched and matched.casefold() != name.casefold():
            name = f"{name} ({matched})"
        lines += ["", f"{label.value.upper()}: {name}", wrap(finding.group_name, "  ")]
        for text in (finding.risk, finding.what_to_do, finding.timing, finding.note):
            if text:
                lines.append(wrap(text, "  "))
        lines.append(wrap("Sources: " + "; ".join(str(c) for c in finding.sources), "  "))
    return "\n".join([*lines, "", NOT_ADVICE])
