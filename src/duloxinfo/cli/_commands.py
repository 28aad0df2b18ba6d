"""The commands: each turns parsed arguments into the text it prints.

Private module of the command line.  It reads the library through the names of
:mod:`duloxinfo`, which load on first use, so that a command loads only what it
needs.  The main job (no command) is here too.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import enum
import json
import re
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import duloxinfo

from .._validate import MAX_YEAR, brief, utc
from .._words import hours, how_often, plural
from ..rules._inputs import as_plan
from ._parser import NOT_ADVICE
from ._schemas import SCHEMA_VERSION
from ._values import (
    FLAGS,
    InputError,
    flagged,
    read_date,
    read_history,
    read_instant,
    read_medicines,
    read_plan,
    read_taken,
    when,
)

if TYPE_CHECKING:
    from ..rules.adherence import Adherence
    from ..rules.dose_log import DoseLog, LoggedDose
    from ..rules.fills import Fill
    from ..rules.intakes import Intake
    from ..rules.supply import Supply
    from ._values import Clock

if TYPE_CHECKING:
    import attrs

    from ..rules.plan import Plan
    from ..rules.regimen import Regimen

_EXAMPLE_ZONE = "Europe/London"


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=78, initial_indent=indent, subsequent_indent=indent)


def _json_value(instance: object, field: object, value: object) -> object:
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return _duration(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _duration(span: _dt.timedelta) -> str:
    """A span as ISO 8601, as the guide's JSON writes it: ``P14D``."""
    from ..content._durations import write  # noqa: PLC0415 - only for JSON with a duration

    text = write(span)
    return str(span) if text is None else text


def _as_data(item: attrs.AttrsInstance) -> dict[str, object]:
    """An answer as JSON-ready data: instants in ISO 8601, enums as values."""
    import attrs  # noqa: PLC0415 - loaded with the answer's own classes, not at start-up

    return attrs.asdict(
        item,
        filter=lambda field, _: field.metadata.get("json", True),
        value_serializer=_json_value,
    )


def _dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def _when(instant: _dt.datetime | None) -> str:
    return "none" if instant is None else f"{instant:%a %Y-%m-%d %H:%M %Z}"


def _lines(*pairs: tuple[str, object]) -> str:
    """``Name: value`` lines with the values aligned and wrapped under each other."""
    width = max(len(name) for name, _ in pairs) + 2
    return "\n".join(
        textwrap.fill(
            str(value),
            width=78,
            initial_indent=f"{name}:".ljust(width),
            subsequent_indent=" " * width,
        )
        for name, value in pairs
    )


def _main_job(args: argparse.Namespace) -> str:
    return _summary() + "\n\n" + _example()


def _guide(args: argparse.Namespace) -> str:
    if args.seed_claims:
        claims = duloxinfo.seed_claims()
        if args.format == "json":
            return duloxinfo.seed_claims_to_json(claims, indent=2)
        part: duloxinfo.Guide | duloxinfo.Section | tuple[duloxinfo.SeedClaim, ...] = claims
    else:
        guide = duloxinfo.guide()
        part = guide if args.section is None else guide.section(args.section)
        if args.format == "json":
            return duloxinfo.guide_to_json(part, indent=2)
    render = {
        "text": duloxinfo.render_text,
        "markdown": duloxinfo.render_markdown,
        "html": duloxinfo.render_html,
    }[args.format]
    return render(part).rstrip("\n")


def _phases(plan: Plan | Regimen) -> tuple[Regimen, ...]:
    return as_plan(plan).phases


def _dose_in_force(plan: Plan | Regimen) -> Callable[[_dt.datetime], int]:
    """The dose in force at an instant, by the library's one rule (``Plan.phase_at``).

    The plan is made whole once, so that asking for each of many doses stays cheap.
    """
    whole = as_plan(plan)
    return lambda instant: whole.phases[whole.phase_at(instant)].dose_mg


def _answer(data: dict[str, object]) -> str:
    """A ``--json`` answer: an object with ``schema_version`` first."""
    return _dumps({"schema_version": SCHEMA_VERSION, **data})


def _missed_dose(args: argparse.Namespace) -> str:
    plan, tz, now = read_plan(args)
    taken = read_taken(args, tz, now, _dose_in_force(plan))
    advice = duloxinfo.advise_missed_dose(plan, taken, now())
    if args.json:
        return _answer(_as_data(advice))
    action = advice.action.value + (f" ({advice.dose_mg} mg)" if advice.dose_mg else "")
    return "\n".join(
        [
            _lines(
                ("Action", action),
                ("This dose", _when(advice.slot)),
                ("Next dose", _when(advice.next_dose_at)),
                ("Missed in a row", advice.missed_in_a_row),
                ("Reason", advice.reason),
                ("Rule", advice.rule),
            ),
            "",
            NOT_ADVICE,
        ]
    )


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


def _schedule(args: argparse.Namespace) -> str:
    plan, tz, now = read_plan(args)
    start = now() if args.from_ is None else read_instant(args.from_, "--from", tz, now)
    end = _span(start, args.days, "--days", tz)
    doses = duloxinfo.dose_times(plan, start, end)
    dose_at = _dose_in_force(plan)
    if args.json:
        return _answer(
            {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "doses": [{"at": d.isoformat(), "dose_mg": dose_at(d)} for d in doses],
            }
        )
    phases = _phases(plan)
    if len({p.dose_mg for p in phases}) == 1 and len({p.tz for p in phases}) == 1:
        header = f"Doses of {phases[0].dose_mg} mg in the next {args.days} days ({tz.key}):"
        lines = [f"  {_when(d)}" for d in doses]
    else:
        header = f"Doses in the next {args.days} days:"
        lines = [f"  {_when(d)}  {dose_at(d)} mg" for d in doses]
    return "\n".join([header, *lines] if doses else [header, "  none"])


def _supply(args: argparse.Namespace) -> str:
    plan, tz, now = read_plan(args)
    most = duloxinfo.MAX_SCHEDULE_DAYS
    if not 0 <= args.lead_days <= most:
        raise InputError(f"--lead-days: {args.lead_days} is not between 0 and {most}")
    lead = _dt.timedelta(days=args.lead_days)
    given = (("--strength", args.strength), ("--count", args.count))
    intakes = _taken_and_history(args, plan, tz, now)
    supply: Supply
    if args.fill:
        for flag, value in given:
            if value is not None:
                raise InputError(
                    f"{flag}: not taken with --fill (the fills say what is on hand); "
                    "give --strength and --count, or --fill"
                )
        supply = duloxinfo.supply_forecast(
            plan, fills=_fills(args.fill), intakes=intakes, now=now(), lead_time=lead
        )
    else:
        for flag, value in given:
            if value is None:
                raise InputError(f"{flag}: missing; give --strength and --count, or --fill")
        supply = duloxinfo.supply_forecast(
            plan,
            args.strength,
            args.count,
            now(),
            # Without doses taken, as before: the capsules cover the doses from now on.
            intakes=intakes if args.taken or args.not_sure or args.history else None,
            lead_time=lead,
        )
    if args.json:
        return _answer(_as_data(supply))
    pairs = [
        ("Capsules per dose", supply.capsules_per_dose),
        ("Doses left", supply.doses_left),
        ("Last covered dose", _when(supply.last_covered_dose)),
        (
            "Runs out on",
            "not before the plan ends"
            if supply.runs_out_on is None
            else f"{supply.runs_out_on.isoformat()} (in {supply.days_left} days)",
        ),
        ("Refill by", "no need" if supply.refill_by is None else supply.refill_by.isoformat()),
    ]
    if isinstance(supply, duloxinfo.SupplyFromFills):
        pairs[:0] = [
            (
                "On hand",
                ", ".join(f"{n} x {mg} mg" for mg, n in supply.on_hand) or "none",
            ),
            (
                "Next dose",
                " + ".join(f"{mg} mg" for mg in supply.next_dose_capsules) + " capsules"
                if supply.next_dose_capsules
                else "cannot be made from what is on hand",
            ),
            ("Dose due now", "yes, counted first" if supply.due_now else "no"),
        ]
        if supply.unaccounted_intakes:
            pairs.append(
                (
                    "Not from these fills",
                    (
                        f"{plural(len(supply.unaccounted_intakes), 'dose')} taken that the "
                        "fills cannot have supplied in full; a fill may be missing"
                    ),
                )
            )
    return _lines(*pairs, ("Reason", supply.reason))


def _audit(args: argparse.Namespace) -> str:
    plan, tz, _ = read_plan(args)
    intakes = read_history(args.history, tz)
    found = duloxinfo.audit(plan, intakes)
    if args.json:
        return _answer(
            {"intakes": len(intakes), "double_doses": [_as_data(item) for item in found]}
        )
    if not found:
        return f"No double doses in {plural(len(intakes), 'intake')}."
    lines = [f"{plural(len(found), 'double dose')} in {plural(len(intakes), 'intake')}:"]
    for item in found:
        taken = ", ".join(_when(i.at.astimezone(tz)) for i in item.intakes)
        lines += [f"- {item.kind.value}: {taken}", _wrap(item.explanation, "  ")]
    return "\n".join(lines)


def _fhir(args: argparse.Namespace) -> str:
    """One Dosage for one regimen (--dose, --at, --start); a list of phases for a plan."""
    plan, _, _ = read_plan(args)
    if isinstance(plan, duloxinfo.Plan):
        return _dumps(duloxinfo.to_fhir_dosages(plan, max_daily_mg=args.max_daily))
    return _dumps(duloxinfo.to_fhir_dosage(plan, max_daily_mg=args.max_daily))


def _calendar(args: argparse.Namespace) -> bytes | str:
    plan, _, now = read_plan(args)
    first, last = read_date(args.first, "--first"), read_date(args.last, "--last")
    if last < first:
        raise InputError(f"--last: {last.isoformat()} is before --first ({first.isoformat()})")
    ics = duloxinfo.dose_calendar(plan, first, last, created=now())
    if args.output is None:
        return ics
    try:
        with open(args.output, "wb") as file:  # noqa: PTH123 - pathlib costs more to import
            file.write(ics)
    except OSError as exc:
        raise InputError(f"--output: cannot write {brief(args.output)}: {exc.strerror}") from None
    return f"Wrote {args.output}."


def _phase_lines(number: int, phase: Regimen) -> list[str]:
    times = " and ".join(f"{t:%H:%M}" for t in phase.times)
    until = ", no end" if phase.end is None else f" to {_when(phase.end)}"
    return [
        f"  {number}. {phase.dose_mg} mg at {times} ({phase.tz.key})",
        f"     from {_when(phase.start)}{until}",
    ]


def _next_doses(plan: Plan | Regimen, now: _dt.datetime, count: int) -> list[_dt.datetime]:
    """The first ``count`` doses at or after ``now``, looking at most 10 years ahead.

    The search stops at the end of the supported years.
    """
    found: list[_dt.datetime] = []
    last = _dt.datetime(MAX_YEAR, 12, 31, 12, tzinfo=_dt.UTC)
    start, month = now, _dt.timedelta(days=31)
    for _ in range(duloxinfo.MAX_SCHEDULE_DAYS // 31):
        end = min(start + month, last)  # no overflow: start is at most in the year MAX_YEAR
        if end <= start:
            break
        found += duloxinfo.dose_times(plan, start, end)
        if len(found) >= count:
            break
        start = end
    return found[:count]


def _plan(args: argparse.Namespace) -> str:
    plan, _, now = read_plan(args)
    if not 1 <= args.next <= _MOST_NEXT:
        raise InputError(f"--next: {args.next} is not between 1 and {_MOST_NEXT}")
    whole = as_plan(plan)
    phases, index = whole.phases, whole.running_at(now())
    doses = _next_doses(plan, now(), args.next)
    dose_at = _dose_in_force(whole)
    if args.json:
        return _answer(
            {
                "phases": [
                    {
                        "dose_mg": p.dose_mg,
                        "times": [t.isoformat() for t in p.times],
                        "tz": p.tz.key,
                        "start": p.start.isoformat(),
                        "end": None if p.end is None else p.end.isoformat(),
                    }
                    for p in phases
                ],
                "in_force": None if index is None else index + 1,
                "next_doses": [{"at": d.isoformat(), "dose_mg": dose_at(d)} for d in doses],
            }
        )
    lines = [f"{plural(len(phases), 'phase')}:"]
    for number, phase in enumerate(phases, start=1):
        lines += _phase_lines(number, phase)
    lines.append(f"In force now: phase {index + 1}" if index is not None else "In force now: none")
    lines.append("Next doses:" if doses else "Next doses: none")
    lines += [f"  {_when(d)}  {dose_at(d)} mg" for d in doses]
    return "\n".join([*lines, "", NOT_ADVICE])


def _taken_and_history(
    args: argparse.Namespace, plan: Plan | Regimen, tz: ZoneInfo, now: Clock
) -> list[Intake]:
    """The doses ``--taken``, ``--not-sure`` and ``--history`` give, none after now."""
    intakes = read_taken(args, tz, now, _dose_in_force(plan))
    if args.history is not None:
        for intake in read_history(args.history, tz):
            if utc(intake.at) > utc(now()):
                raise InputError(
                    f"--history: a dose at {when(intake.at, tz)} is after now "
                    f"({when(now(), tz)}); give only doses already taken"
                )
            intakes.append(intake)
    return intakes


def _titration(args: argparse.Namespace) -> str:
    plan, tz, now = read_plan(args)
    intakes = _taken_and_history(args, plan, tz, now)
    status = duloxinfo.titration_status(plan, intakes, now())
    if args.json:
        return _answer(_as_data(status))
    return "\n".join(
        [
            _lines(
                ("Stage", status.stage.value),
                ("Starting doses taken", status.starting_doses_taken),
                ("Reason", status.reason),
                ("Rule", status.rule),
            ),
            "",
            NOT_ADVICE,
        ]
    )


#: The most missed, late, early or not-sure doses the text lists.
MOST_LISTED = 20


def _adherence(args: argparse.Namespace) -> str:
    plan, tz, now = read_plan(args)
    intakes = _taken_and_history(args, plan, tz, now)
    start = read_instant(args.from_, "--from", tz, now)
    if args.to is None:
        end = now()
    else:
        end = read_instant(args.to, "--to", tz, now)
        if utc(end) > utc(now()):
            raise InputError(
                f"--to: {brief(args.to)} ({when(end, tz)}) is after now ({when(now(), tz)}); "
                "the doses still ahead would count as missed"
            )
    if utc(end) < utc(start):
        raise InputError(
            f"--to: {when(end, tz)} is before --from ({when(start, tz)})"
            if args.to is not None
            else f"--from: {brief(args.from_)} ({when(start, tz)}) is after now "
            f"({when(end, tz)}); give a period that has begun"
        )
    most = duloxinfo.MAX_SCHEDULE_DAYS
    if utc(end) - utc(start) > _dt.timedelta(days=most):
        raise InputError(
            f"--from: {when(start, tz)} is more than {most} days before the end of the period "
            f"({when(end, tz)}); give a shorter period"
        )
    # With now, a dose whose time to take has not passed yet is due, not missed.
    log = duloxinfo.dose_log(plan, intakes, start, end, now=now())
    figures = duloxinfo.adherence(plan, intakes, start, end, now=now())
    if args.svg is not None:
        _write_text(args.svg, duloxinfo.dose_log_svg(log), "--svg")
    if args.json:
        return _answer(
            {
                **_as_data(figures),
                "doses": [_logged_data(dose) for dose in log.doses],
                "unscheduled": [_as_data(intake) for intake in log.unscheduled],
            }
        )
    text = _adherence_text(figures, log)
    if args.svg is None:
        return text
    return text.replace(f"\n\n{NOT_ADVICE}", f"\nWrote the picture to {args.svg}.\n\n{NOT_ADVICE}")


def _write_text(path: str, text: str, flag: str) -> None:
    """Write ``text`` to the file ``path`` in UTF-8, as it is (no line-end translation)."""
    try:
        with open(path, "wb") as file:  # noqa: PTH123 - pathlib costs more to import
            file.write(text.encode("utf-8"))
    except OSError as exc:
        why = exc.strerror or brief(str(exc))
        raise InputError(f"{flag}: cannot write {brief(path)}: {why}") from None


def _logged_data(dose: LoggedDose) -> dict[str, object]:
    """A scheduled dose of the log as JSON-ready data; ``offset`` signed (XSD duration)."""
    return {
        "at": dose.slot.isoformat(),
        "dose_mg": dose.dose_mg,
        "status": dose.status.value,
        "offset": None if dose.offset is None else _signed(dose.offset),
        "on_time_within": _duration(dose.on_time_within),
        "intakes": [_as_data(intake) for intake in dose.intakes],
        "extra": len(dose.extra),
    }


def _signed(span: _dt.timedelta) -> str:
    """A span as ISO 8601, with a leading minus sign when negative (``-PT5M``)."""
    zero = _dt.timedelta(0)
    return "-" + _duration(-span) if span < zero else _duration(span)


def _span_words(span: _dt.timedelta) -> str:
    """A span as ``2 days 4 h 30 min``, to the nearest minute."""
    minutes = round(span.total_seconds() / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    clock = f"{hours} h {minutes:02d} min"
    if not days:
        return clock
    return plural(days, "day") + (f" {clock}" if hours or minutes else "")


def _share(share: float | None, part: int, whole: int, what: str) -> str:
    if share is None:
        return "none (no scheduled dose in the period)"
    return f"{share:.0%} ({part} of {plural(whole, what)})"


def _adherence_text(figures: Adherence, log: DoseLog) -> str:
    counts = dict.fromkeys(duloxinfo.DoseStatus, 0)
    for dose in log.doses:
        counts[dose.status] += 1
    days = duloxinfo.DRUG_HOLIDAY_DAYS
    lines = [
        _lines(
            ("Period", f"{_when(log.start)} to {_when(log.end)} (not included)"),
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
                    f"{_span_words(figures.longest_gap)}: the longest time in the period "
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
    if _unsure_differs(figures):
        lines.append(
            _wrap(
                "Counting the doses you are not sure of as taken: taking "
                f"{_percent(figures.taking_with_unsure)}, timing "
                f"{_percent(figures.timing_with_unsure)}, correct dosing "
                f"{_percent(figures.correct_dosing_with_unsure)}, longest gap "
                f"{_span_words(figures.longest_gap_with_unsure)}, drug holidays "
                f"{figures.drug_holidays_with_unsure}."
            )
        )
    listed = [d for d in log.doses if d.status is not duloxinfo.DoseStatus.ON_TIME or d.extra]
    if listed:
        lines.append("Doses not taken on time, or with an extra dose:")
        lines += [_logged_line(dose) for dose in listed[:MOST_LISTED]]
        if len(listed) > MOST_LISTED:
            lines.append(f"  and {len(listed) - MOST_LISTED} more (all of them: --json)")
    return "\n".join([*lines, "", NOT_ADVICE])


def _unsure_differs(figures: Adherence) -> bool:
    return (
        figures.taking_with_unsure,
        figures.timing_with_unsure,
        figures.correct_dosing_with_unsure,
        figures.longest_gap_with_unsure,
        figures.drug_holidays_with_unsure,
    ) != (
        figures.taking,
        figures.timing,
        figures.correct_dosing,
        figures.longest_gap,
        figures.drug_holidays,
    )


def _percent(share: float | None) -> str:
    return "none" if share is None else f"{share:.0%}"


def _status(status: duloxinfo.DoseStatus) -> str:
    return status.value.replace("-", " ")


def _logged_line(dose: LoggedDose) -> str:
    line = f"  {_when(dose.slot)}  {dose.dose_mg} mg  {_status(dose.status)}"
    if dose.offset is not None:
        taken = "maybe taken" if dose.status is duloxinfo.DoseStatus.NOT_SURE else "taken"
        if not dose.offset:
            line += f", {taken} at its time"
        else:
            side = "before" if dose.offset < _dt.timedelta(0) else "after"
            line += f", {taken} {_span_words(abs(dose.offset))} {side} its time"
    if dose.extra:
        line += f", and {plural(len(dose.extra), 'extra dose')}"
    return line


_FILL = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*:\s*([0-9]{1,4})\s*:\s*([0-9]{1,6})\s*")


def _fills(texts: list[str]) -> list[Fill]:
    """The fills ``--fill DATE:MG:COUNT`` gives."""
    fills = []
    for text in texts:
        match = _FILL.fullmatch(text)
        if match is None:
            raise InputError(
                f"--fill: {brief(text)} is not DATE:MG:COUNT, such as 2026-11-01:60:30"
            )
        day = read_date(match[1], "--fill")
        try:
            fills.append(duloxinfo.Fill(day, int(match[2]), int(match[3])))
        except duloxinfo.DuloxinfoError as error:
            raise InputError(f"--fill: {brief(text)}: {error}") from None
    return fills


def _pdc(args: argparse.Namespace) -> str:
    plan, _, _ = read_plan(args)
    fills = _fills(args.fill)
    first, last = read_date(args.from_, "--from"), read_date(args.to, "--to")
    if last < first:
        raise InputError(f"--to: {last.isoformat()} is before --from ({first.isoformat()})")
    covered = duloxinfo.proportion_of_days_covered(plan, fills, first, last)
    if args.json:
        return _answer(_as_data(covered))
    threshold = f"{float(duloxinfo.PDC_THRESHOLD):.0%}"
    lines = [
        _lines(
            ("Period", f"{first.isoformat()} to {last.isoformat()} (both included)"),
            ("Days with a dose", covered.days_in_period),
            ("Days covered", f"{covered.days_covered}: days with a dose that the fills cover"),
            (
                "PDC",
                (
                    f"{covered.pdc:.1%}: the proportion of days covered, as the Pharmacy "
                    f"Quality Alliance defines it; {threshold} or more: "
                    f"{'yes' if covered.meets_threshold else 'no'}"
                ),
            ),
        )
    ]
    gaps = [f"  {a.isoformat()} to {b.isoformat()}" for a, b in covered.gaps]
    lines += ["Days not covered:", *gaps[:MOST_LISTED]] if gaps else []
    if len(gaps) > MOST_LISTED:
        lines.append(f"  and {len(gaps) - MOST_LISTED} more (all of them: --json)")
    for item in covered.coverage[:MOST_LISTED]:
        fill = item.fill
        used = (
            "not used in the period"
            if item.starts_on is None or item.ends_on is None
            else f"used {item.starts_on.isoformat()} to {item.ends_on.isoformat()} "
            f"({plural(item.days_supply, 'day')})"
        )
        lines.append(
            f"Fill of {fill.dispensed_on.isoformat()}: {fill.capsules} x {fill.strength_mg} mg, "
            + used
        )
    if len(covered.coverage) > MOST_LISTED:
        lines.append(f"and {plural(len(covered.coverage) - MOST_LISTED, 'more fill')} (--json)")
    return "\n".join(lines)


def _interactions(args: argparse.Namespace) -> str:
    medicines, now = read_medicines(args)
    findings = duloxinfo.check_interactions(medicines, now)
    if args.json:
        return _answer(
            {"findings": [{**_as_data(finding), "rank": finding.rank} for finding in findings]}
        )
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
        lines += ["", f"{label.value.upper()}: {name}", _wrap(finding.group_name, "  ")]
        for text in (finding.risk, finding.what_to_do, finding.timing):
            if text:
                lines.append(_wrap(text, "  "))
        lines.append(_wrap("Sources: " + "; ".join(str(c) for c in finding.sources), "  "))
    return "\n".join([*lines, "", NOT_ADVICE])


def _schema(args: argparse.Namespace) -> str:
    if args.answers:
        from ._schemas import answer_schemas  # noqa: PLC0415 - only for schema --answers

        return _dumps(answer_schemas())
    return json.dumps(duloxinfo.guide_json_schema(), indent=2)


def _summary() -> str:
    guide = duloxinfo.guide()
    about, how = guide.about, guide.how_to_take
    lines = [guide.title, "=" * len(guide.title), ""]
    lines += [_wrap(paragraph.text) for paragraph in about.paragraphs[:1]]
    lines += ["", "Approved uses:"]
    lines += [
        _wrap(f"{use.region.name}: {use.condition}, in {use.who}.", "  ") for use in about.uses
    ]
    lines += [""]
    for warning in guide.most_important.warnings:
        label = "Get help now: " if warning.urgent else ""
        lines += [_wrap(f"{label}{warning.title}. {warning.text}"), ""]
    lines += [
        "The US label's plan for chronic musculoskeletal pain and fibromyalgia:",
        _wrap(
            f"{how.starting.dose_mg} mg {how_often(how.starting.frequency.times_per_day)} "
            f"for one week, then {how.usual.dose_mg} mg "
            f"{how_often(how.usual.frequency.times_per_day)} "
            f"(at most {how.maximum_daily_mg} mg a day), as your prescriber directs.",
            "  ",
        ),
        "",
        _wrap(
            "Get help now for: "
            + "; ".join(dict.fromkeys(warning.title for warning in guide.urgent_warnings))
            + ". The whole guide: duloxinfo guide"
        ),
        "",
        _wrap(guide.about_this_guide.disclaimer),
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
            "",
            "Ask about your own doses with: duloxinfo missed-dose --help",
        ]
    )


def run(args: argparse.Namespace) -> str | bytes:
    """Run the command ``args`` names (the main job when none) and return what it prints.

    Text is printed with a line end; bytes (a calendar) are written as they are.  A
    library error is raised again as an :class:`InputError` naming the flag.
    """
    command = _COMMANDS[args.command]
    try:
        return command(args)
    except duloxinfo.DuloxinfoError as error:
        raise flagged(error, {**FLAGS, **_FIELDS.get(args.command, {})}) from None


# Fields whose flag depends on the command.
_FIELDS = {
    "fhir": {"max_daily_mg": "--max-daily"},
    "missed-dose": {"intakes": "--taken"},
    "titration": {"intakes": "--taken"},
    "audit": {"intakes": "--history"},
    "adherence": {"intakes": "--history", "start": "--from", "end": "--to", "log": "--svg"},
    "pdc": {"start": "--from", "end": "--to", "fills": "--fill"},
    "supply": {"intakes": "--taken", "fills": "--fill"},
}
_MOST_NEXT = 100

_COMMANDS: dict[str | None, Callable[[argparse.Namespace], str | bytes]] = {
    None: _main_job,
    "guide": _guide,
    "missed-dose": _missed_dose,
    "schedule": _schedule,
    "supply": _supply,
    "audit": _audit,
    "adherence": _adherence,
    "pdc": _pdc,
    "fhir": _fhir,
    "calendar": _calendar,
    "interactions": _interactions,
    "plan": _plan,
    "titration": _titration,
    "schema": _schema,
}
