"""No command: the guide's summary and a worked missed-dose example."""

from __future__ import annotations

import argparse
import datetime as _dt
from zoneinfo import ZoneInfo

import duloxinfo

from ..._words import AS_DIRECTED, GET_HELP, how_often
from .._output import wrap

FIELDS: dict[str, str] = {}
ANSWERS: tuple[type, ...] = ()
_EXAMPLE_ZONE = "Europe/London"


def run(args: argparse.Namespace) -> str:
    """The guide's summary, then the worked example."""
    return _summary() + "\n\n" + _example()


def _summary() -> str:
    guide = duloxinfo.guide()
    about, how = guide.about, guide.how_to_take
    lines = [guide.title, "=" * len(guide.title), ""]
    lines += [wrap(paragraph.text) for paragraph in about.paragraphs[:1]]
    lines += ["", "Approved uses:"]
    lines += [
        wrap(f"{use.region.name}: {use.condition}, in {use.who}.", "  ") for use in about.uses
    ]
    lines += [""]
    for warning in guide.most_important.warnings:
        label = f"{GET_HELP}: " if warning.urgent else ""
        lines += [wrap(f"{label}{warning.title}. {warning.text}"), ""]
    lines += [
        "The US label's plan for chronic musculoskeletal pain and fibromyalgia:",
        wrap(
            f"{how.starting.dose_mg} mg {how_often(how.starting.frequency.times_per_day)} "
            f"for one week, then {how.usual.dose_mg} mg "
            f"{how_often(how.usual.frequency.times_per_day)} "
            f"(at most {how.maximum_daily_mg} mg a day), {AS_DIRECTED}.",
            "  ",
        ),
        "",
        wrap(
            f"{GET_HELP} for: "
            + "; ".join(dict.fromkeys(warning.title for warning in guide.urgent_warnings))
            + ". The whole guide: duloxinfo guide"
        ),
        "",
        wrap(guide.about_this_guide.disclaimer),
    ]
    return "\n".join(lines)


def _example() -> str:
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
            wrap(
                f"60 mg once daily at 08:00 ({tz}) since {start:%Y-%m-%d}; doses taken at 08:00 "
                f"on {taken[0].at:%Y-%m-%d} and {taken[1].at:%Y-%m-%d}; it is now "
                f"{now:%H:%M on %Y-%m-%d} and today's dose was forgotten."
            ),
            "",
            f"  action:       {advice.action.value} ({advice.dose_mg} mg)",
            f"  next dose at: {advice.next_dose_at:%Y-%m-%d %H:%M %Z}",
            f"  rule:         {advice.rule}",
            wrap(f"reason:       {advice.reason}", "  "),
            "",
            "Ask about your own doses with: duloxinfo missed-dose --help",
        ]
    )
