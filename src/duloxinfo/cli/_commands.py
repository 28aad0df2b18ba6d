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
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import duloxinfo

from .._words import how_often, plural
from ._parser import NOT_ADVICE
from ._values import InputError, read_history, read_instant, read_medicines, read_regimen

if TYPE_CHECKING:
    import attrs

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

    return attrs.asdict(item, value_serializer=_json_value)


def _dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def _as_json(value: attrs.AttrsInstance | tuple[attrs.AttrsInstance, ...]) -> str:
    """An answer (or a tuple of them) as indented JSON: instants in ISO 8601, enums as values."""
    if isinstance(value, tuple):
        return _dumps([_as_data(item) for item in value])
    return _dumps(_as_data(value))


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


def _missed_dose(args: argparse.Namespace) -> str:
    regimen, now = read_regimen(args)
    taken = [
        duloxinfo.Intake(read_instant(t, flag, regimen.tz, now), regimen.dose_mg, certain)
        for flag, certain, given in (
            ("--taken", True, args.taken),
            ("--not-sure", False, args.not_sure),
        )
        for t in given
    ]
    advice = duloxinfo.advise_missed_dose(regimen, taken, now)
    if args.json:
        return _as_json(advice)
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


def _schedule(args: argparse.Namespace) -> str:
    regimen, now = read_regimen(args)
    start = now if args.from_ is None else read_instant(args.from_, "--from", regimen.tz, now)
    if not 1 <= args.days <= duloxinfo.MAX_SCHEDULE_DAYS:
        raise InputError(f"--days: {args.days} is not between 1 and {duloxinfo.MAX_SCHEDULE_DAYS}")
    doses = duloxinfo.dose_times(regimen, start, start + _dt.timedelta(days=args.days))
    if args.json:
        return json.dumps(
            [{"at": d.isoformat(), "dose_mg": regimen.dose_mg} for d in doses], indent=2
        )
    header = f"Doses of {regimen.dose_mg} mg in the next {args.days} days ({regimen.tz.key}):"
    return "\n".join([header, *(f"  {_when(d)}" for d in doses)] if doses else [header, "  none"])


def _supply(args: argparse.Namespace) -> str:
    regimen, now = read_regimen(args)
    supply = duloxinfo.supply_forecast(
        regimen, args.strength, args.count, now, lead_time=_dt.timedelta(days=args.lead_days)
    )
    if args.json:
        return _as_json(supply)
    return _lines(
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
        ("Reason", supply.reason),
    )


def _audit(args: argparse.Namespace) -> str:
    regimen, _ = read_regimen(args)
    intakes = read_history(args.history, regimen.tz)
    found = duloxinfo.audit(regimen, intakes)
    if args.json:
        return _as_json(found)
    if not found:
        return f"No double doses in {plural(len(intakes), 'intake')}."
    lines = [f"{plural(len(found), 'double dose')} in {plural(len(intakes), 'intake')}:"]
    for item in found:
        taken = ", ".join(_when(i.at.astimezone(regimen.tz)) for i in item.intakes)
        lines += [f"- {item.kind.value}: {taken}", _wrap(item.explanation, "  ")]
    return "\n".join(lines)


def _fhir(args: argparse.Namespace) -> str:
    regimen, _ = read_regimen(args)
    return json.dumps(duloxinfo.to_fhir_dosage(regimen), indent=2)


def _calendar(args: argparse.Namespace) -> str:
    regimen, now = read_regimen(args)
    days = []
    for name, text in (("--first", args.first), ("--last", args.last)):
        try:
            days.append(_dt.date.fromisoformat(text))
        except ValueError:
            raise InputError(f"{name}: {text!r} is not a date such as 2026-12-01") from None
    ics = duloxinfo.dose_calendar(regimen, days[0], days[1], created=now)
    if args.output is None:
        return ics.decode("utf-8").rstrip("\r\n")
    try:
        with open(args.output, "wb") as file:  # noqa: PTH123 - pathlib costs more to import
            file.write(ics)
    except OSError as exc:
        raise InputError(f"--output: cannot write {args.output!r}: {exc.strerror}") from None
    return f"Wrote {args.output}."


def _interactions(args: argparse.Namespace) -> str:
    medicines, now = read_medicines(args)
    findings = duloxinfo.check_interactions(medicines, now)
    if args.json:
        return _dumps([{**_as_data(finding), "rank": finding.rank} for finding in findings])
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


def run(args: argparse.Namespace) -> str:
    """Run the command ``args`` names (the main job when none) and return what it prints."""
    command = _COMMANDS[args.command]
    return command(args)


_COMMANDS: dict[str | None, Callable[[argparse.Namespace], str]] = {
    None: _main_job,
    "guide": _guide,
    "missed-dose": _missed_dose,
    "schedule": _schedule,
    "supply": _supply,
    "audit": _audit,
    "fhir": _fhir,
    "calendar": _calendar,
    "interactions": _interactions,
    "schema": _schema,
}
