"""``duloxinfo calendar``: the doses as an RFC 5545 calendar, with a reminder on each."""

from __future__ import annotations

import argparse

import duloxinfo

from .._output import write_bytes
from .._parser import plan_options
from .._values import InputError, read_date, read_plan

FIELDS = {"alarm_minutes_before": "--alarm", "repeating": "--repeating"}
ANSWERS: tuple[type, ...] = ()


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, ``--now`` (DTSTAMP), the dates, ``--alarm``, ``--repeating``, ``-o``."""
    plan_options(parser, now=False)
    parser.add_argument(
        "--now",
        metavar="WHEN",
        help="when the calendar is made (its DTSTAMP); default: the current time",
    )
    parser.add_argument("--first", required=True, metavar="DATE", help="first local date")
    parser.add_argument("--last", required=True, metavar="DATE", help="last local date")
    parser.add_argument(
        "--alarm",
        type=int,
        metavar="MINUTES",
        help="each dose's reminder this many minutes before it (default: at the dose's time)",
    )
    parser.add_argument(
        "--repeating",
        action="store_true",
        help="each phase's doses as daily repeating events, not one event per dose",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="default: standard output")


def run(args: argparse.Namespace) -> bytes | str:
    """The calendar's bytes, or the line that says which file it went to."""
    plan, _, now = read_plan(args)
    first, last = read_date(args.first, "--first"), read_date(args.last, "--last")
    if last < first:
        raise InputError(f"--last: {last.isoformat()} is before --first ({first.isoformat()})")
    ics = duloxinfo.dose_calendar(
        plan,
        first,
        last,
        created=now(),
        alarm_minutes_before=args.alarm,
        repeating=args.repeating,
    )
    if args.output is None:
        return ics
    write_bytes(args.output, ics, "--output")
    return f"Wrote {args.output}."
