"""``duloxinfo schedule``: the scheduled doses of the next days."""

from __future__ import annotations

import argparse
import datetime as _dt
from zoneinfo import ZoneInfo

import duloxinfo

from ..._validate import MAX_YEAR
from ..._words import plural
from ...rules._inputs import as_plan
from .._output import moment
from .._parser import json_option, plan_options
from .._values import InputError, dose_in_force, read_instant, read_plan, when

FIELDS: dict[str, str] = {}
ANSWERS = ("DoseSchedule",)


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, ``--from``, ``--days``, ``--json``."""
    plan_options(parser)
    parser.add_argument("--from", dest="from_", metavar="WHEN", help="default: --now")
    parser.add_argument("--days", type=int, default=7, help="how many days (default: 7)")
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The doses, with the dose of each when the plan has more than one."""
    plan, tz, now = read_plan(args)
    start = now() if args.from_ is None else read_instant(args.from_, "--from", tz, now)
    end = _span(start, args.days, "--days", tz)
    doses = duloxinfo.dose_times(plan, start, end)
    dose_at = dose_in_force(plan)
    if args.json:
        from ...answers import DoseSchedule, ScheduledDose, answer_to_json  # noqa: PLC0415 - loaded for --json only

        scheduled = tuple(ScheduledDose(at=d, dose_mg=dose_at(d)) for d in doses)
        return answer_to_json(DoseSchedule(start=start, end=end, doses=scheduled))
    phases = as_plan(plan).phases
    if len({p.dose_mg for p in phases}) == 1 and len({p.tz for p in phases}) == 1:
        header = f"Doses of {phases[0].dose_mg} mg in the next {args.days} days ({tz.key}):"
        lines = [f"  {moment(d)}" for d in doses]
    else:
        header = f"Doses in the next {args.days} days:"
        lines = [f"  {moment(d)}  {dose_at(d)} mg" for d in doses]
    return "\n".join([header, *lines] if doses else [header, "  none"])


def _span(start: _dt.datetime, days: int, flag: str, tz: ZoneInfo) -> _dt.datetime:
    """``days`` days after ``start``, if that is within the supported years."""
    if not 1 <= days <= duloxinfo.MAX_SCHEDULE_DAYS:
        raise InputError(f"{flag}: {days} is not between 1 and {duloxinfo.MAX_SCHEDULE_DAYS}")
    try:
        end = start + _dt.timedelta(days=days)
        end.astimezone(_dt.UTC)
    except OverflowError:
        end = None
    if end is None or end.year > MAX_YEAR:
        raise InputError(
            f"{flag}: {plural(days, 'day')} from {when(start, tz)} go past the supported years "
            f"(to {MAX_YEAR})"
        )
    return end
