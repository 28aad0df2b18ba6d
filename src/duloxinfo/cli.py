"""The command line: ``python -m duloxinfo`` (or the ``duloxinfo`` script).

The only module that prints.  Today it has one job: print the guide's summary
and a worked missed-dose example.  The example uses fixed instants, so this
command does not read the clock either.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
import textwrap
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from . import __version__

_EXAMPLE_ZONE = "Europe/London"


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=78, initial_indent=indent, subsequent_indent=indent)


def _summary() -> str:
    import duloxinfo  # noqa: PLC0415 - content is loaded only when this command runs

    guide = duloxinfo.guide()
    dosage = guide.dosage
    not_approved = next(
        note
        for note in guide.overview.paragraphs[0].evidence
        if note.kind is duloxinfo.EvidenceKind.NOT_APPROVED_USE
    )
    lines = [
        guide.title,
        "=" * len(guide.title),
        "",
        _wrap(f"Evidence note: {not_approved.text}"),
        "",
        f"Starting dose: {dosage.starting.dose_mg} mg once daily (the label: for one week).",
        (
            f"Usual dose:    {dosage.usual.dose_mg} mg once daily "
            f"(the label's maximum for pain: {dosage.maximum_daily_mg} mg a day)."
        ),
        "",
        _wrap(
            "Safety points from the label: "
            + "; ".join(point.title for point in guide.safety.points)
            + "."
        ),
        "",
        _wrap(guide.safety.disclaimer),
    ]
    return "\n".join(lines)


def _example() -> str:
    import duloxinfo  # noqa: PLC0415

    tz = _EXAMPLE_ZONE
    start = _dt.datetime(2026, 1, 5, 8, tzinfo=ZoneInfo(tz))
    regimen = duloxinfo.Regimen(60, [_dt.time(8)], tz, start)
    taken = [duloxinfo.Intake(start + _dt.timedelta(days=d), 60) for d in range(2)]
    now = start + _dt.timedelta(days=2, hours=5)
    advice = duloxinfo.advise_missed_dose(regimen, taken, now)
    return "\n".join(
        [
            "Worked example: a missed dose",
            "-----------------------------",
            _wrap(
                f"60 mg once daily at 08:00 ({tz}) since {start:%Y-%m-%d}; doses taken at 08:00 "
                f"on {taken[0].at:%Y-%m-%d} and {taken[1].at:%Y-%m-%d}; it is now "
                f"{now:%H:%M on %Y-%m-%d} and today's dose was forgotten."
            ),
            "",
            f"  action:       {advice.action.value} ({advice.dose_mg} mg)",
            f"  next dose at: {advice.next_dose_at:%Y-%m-%d %H:%M %Z}",
            f"  rule:         {advice.rule}",
            _wrap(f"reason:       {advice.reason}", "  "),
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = argparse.ArgumentParser(
        prog="duloxinfo",
        description="Print the duloxetine guide's summary and a worked missed-dose example.",
    )
    parser.add_argument("--version", action="version", version=f"duloxinfo {__version__}")
    parser.parse_args(argv)
    sys.stdout.write(_summary() + "\n\n" + _example() + "\n")
    return 0
