"""``duloxinfo adherence``: what happened to each dose of a period, and the adherence figures."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import TYPE_CHECKING

import duloxinfo

from ..._validate import brief, utc
from ..._words import hours, plural, span_words
from .._output import MOST_LISTED, lines, moment, more, wrap, write_bytes
from .._parser import NOT_ADVICE, history_option, json_option, plan_options, taken_options
from .._values import Clock, InputError, read_instant, read_plan, taken_and_history, when

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from ...rules.adherence import Adherence
    from ...rules.dose_status import DoseStatus
from ...rules.dose_log import DoseLog, LoggedDose

FIELDS = {"intakes": "--history", "start": "--from", "end": "--before", "log": "--svg"}
ANSWERS = ("AdherenceReport",)


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, the doses taken, the period, ``--svg``, ``--json``."""
    plan_options(parser)
    taken_options(parser)
    history_option(parser, required=False)
    period = parser.add_argument_group(
        "the period",
        "instants, from --from (included) to --before (not included); a date alone is its midnight",
    )
    period.add_argument(
        "--from", dest="from_", required=True, metavar="WHEN", help="its start (included)"
    )
    period.add_argument(
        "--before",
        metavar="WHEN",
        help="its end (not included), no later than --now; default: --now",
    )
    parser.add_argument(
        "--svg",
        metavar="FILE",
        help="also write a picture of the doses (an SVG calendar, UTF-8) to FILE",
    )
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The figures and the doses not taken on time; the picture to ``--svg``."""
    plan, tz, now = read_plan(args)
    intakes = taken_and_history(args, plan, tz, now)
    start, end = _period(args, tz, now)
    # With now, a dose whose time to take has not passed yet is due, not missed.
    log = duloxinfo.dose_log(plan, intakes, start, end, now=now())
    figures = duloxinfo.adherence(plan, intakes, start, end, now=now())
    if args.svg is not None:
        write_bytes(args.svg, duloxinfo.dose_log_svg(log).encode("utf-8"), "--svg")
    if args.json:
        from ...answers import AdherenceReport, answer_to_json  # noqa: PLC0415 - loaded for --json only

        report = AdherenceReport(figures=figures, doses=log.doses, unscheduled=log.unscheduled)
        return answer_to_json(report)
    text = _text(figures, log)
    if args.svg is None:
        return text
    return text.replace(f"\n\n{NOT_ADVICE}", f"\nWrote the picture to {args.svg}.\n\n{NOT_ADVICE}")


def _period(
    args: argparse.Namespace, tz: ZoneInfo, now: Clock
) -> tuple[_dt.datetime, _dt.datetime]:
    """``--from`` and ``--before`` (default: now), a period that has begun, at most ten years."""
    start = read_instant(args.from_, "--from", tz, now)
    if args.before is None:
        end = now()
    else:
        end = read_instant(args.before, "--before", tz, now)
        if utc(end) > utc(now()):
            raise InputError(
                f"--before: {brief(args.before)} ({when(end, tz)}) is after now "
                f"({when(now(), tz)}); "
                "the doses still ahead would count as missed"
            )
    if utc(end) < utc(start):
        raise InputError(
            f"--before: {when(end, tz)} is before --from ({when(start, tz)})"
            if args.before is not None
            else f"--from: {brief(args.from_)} ({when(start, tz)}) is after now "
            f"({when(end, tz)}); give a period that has begun"
        )
    most = duloxinfo.MAX_SCHEDULE_DAYS
    if utc(end) - utc(start) > _dt.timedelta(days=most):
        raise InputError(
            f"--from: {when(start, tz)} is more than {most} days before the end of the period "
            f"({when(end, tz)}); give a shorter period"
        )
    return start, end


def _share(share: float | None, part: int, whole: int, what: str) -> str:
    if share is None:
        return "none (no scheduled dose in the period)"
    return f"{share:.0%} ({part} of {plural(whole, what)})"


def _text(figures: Adherence, log: DoseLog) -> str:
    counts = dict.fromkeys(duloxinfo.DoseStatus, 0)
    for dose in log.doses:
        counts[dose.status] += 1
    days = duloxinfo.DRUG_HOLIDAY_DAYS
    text = [
        lines(
            ("Period", f"{moment(log.start)} to {moment(log.end)} (not included)"),
            (
                "Scheduled doses",
                f"{figures.prescribed}, and {figures.due} still due (not counted yet)"
                if figures.due
                else figures.prescribed,
            ),
            (
                "What happened",
                ", ".join(
                    f"{n} {_status(s)}"
                    for s, n in counts.items()
                    if n or s is not duloxinfo.DoseStatus.DUE
                ),
            ),
            (
                "Taking",
                _share(figures.taking, figures.taken, figures.prescribed, "dose")
                + ": the share of scheduled doses taken",
            ),
            (
                "Timing",
                _share(figures.timing, figures.on_time, figures.prescribed, "dose")
                + ": the share of scheduled doses taken on time (within "
                f"{hours(duloxinfo.ON_TIME_ONCE_DAILY)} of the time once a day, "
                f"{hours(duloxinfo.ON_TIME_TWICE_DAILY)} twice a day)",
            ),
            (
                "Correct dosing",
                _share(figures.correct_dosing, figures.correct_days, figures.days, "day")
                + ": the share of days with exactly the scheduled doses and no extra dose",
            ),
            (
                "Longest gap",
                (
                    f"{span_words(figures.longest_gap)}: the longest time in the period "
                    "with no dose taken"
                ),
            ),
            (
                "Drug holidays",
                (
                    f"{figures.drug_holidays}: the runs of scheduled doses, {days} days' "
                    "worth or more in a row, with no dose taken"
                ),
            ),
            ("Extra doses", f"{figures.extra}: doses taken beyond the scheduled ones"),
        )
    ]
    unsure = (
        figures.taking_with_unsure,
        figures.timing_with_unsure,
        figures.correct_dosing_with_unsure,
        figures.longest_gap_with_unsure,
        figures.drug_holidays_with_unsure,
    )
    sure = (
        figures.taking,
        figures.timing,
        figures.correct_dosing,
        figures.longest_gap,
        figures.drug_holidays,
    )
    if unsure != sure:
        text.append(
            wrap(
                "Counting the doses you are not sure of as taken: taking "
                f"{_percent(figures.taking_with_unsure)}, timing "
                f"{_percent(figures.timing_with_unsure)}, correct dosing "
                f"{_percent(figures.correct_dosing_with_unsure)}, longest gap "
                f"{span_words(figures.longest_gap_with_unsure)}, drug holidays "
                f"{figures.drug_holidays_with_unsure}."
            )
        )
    listed = [d for d in log.doses if d.status is not duloxinfo.DoseStatus.ON_TIME or d.extra]
    if listed:
        text.append("Doses not taken on time, or with an extra dose:")
        text += [_logged_line(dose) for dose in listed[:MOST_LISTED]]
        if len(listed) > MOST_LISTED:
            text.append(more(len(listed)))
    return "\n".join([*text, "", NOT_ADVICE])


def _percent(share: float | None) -> str:
    return "none" if share is None else f"{share:.0%}"


def _status(status: DoseStatus) -> str:
    return status.value.replace("-", " ")


def _logged_line(dose: LoggedDose) -> str:
    line = f"  {moment(dose.slot)}  {dose.dose_mg} mg  {_status(dose.status)}"
    if dose.offset is not None:
        taken = "maybe taken" if dose.status is duloxinfo.DoseStatus.NOT_SURE else "taken"
        if not dose.offset:
            line += f", {taken} at its time"
        else:
            side = "before" if dose.offset < _dt.timedelta(0) else "after"
            line += f", {taken} {span_words(abs(dose.offset))} {side} its time"
    if dose.extra:
        line += f", and {plural(len(dose.extra), 'extra dose')}"
    return line
