"""The command line: ``duloxinfo`` (or ``python -m duloxinfo``).

Built on the standard library's :mod:`argparse`.  With no command it runs the main
job: the guide's summary and a worked missed-dose example.  The commands are
``guide``, ``missed-dose``, ``schedule``, ``supply``, ``audit``, ``fhir``,
``calendar`` and ``schema``; ``duloxinfo COMMAND --help`` shows each with an example.

Exit status: 0 on success, 2 on bad input (one line on standard error naming the
bad value, no traceback), 1 on anything unexpected.  This module is the only part
of duloxinfo that prints, and the only one that reads the clock: when ``--now`` is
not given, it is the current time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

import attrs

import duloxinfo

from ._errors import DuloxinfoError
from .rules.regimen import _to_zone

_EXAMPLE_ZONE = "Europe/London"
_RELATIVE = re.compile(r"(?P<day>today|yesterday)\s+(?P<time>\d{1,2}:\d{2})")
_NOT_ADVICE = "Not medical advice: follow your prescriber's directions."


class _InputError(Exception):
    """Bad input found by the command line itself (a file, a date); exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the bad value, with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=78, initial_indent=indent, subsequent_indent=indent)


# --- reading instants ----------------------------------------------------------------


def _instant(text: str, field: str, tz: ZoneInfo, now: _dt.datetime | None) -> _dt.datetime:
    """An instant from the command line.

    ISO 8601 with an offset is that instant; without one it is a wall time in the
    regimen's zone (resolved as the rules resolve slots), a date alone is its
    midnight; ``now``, ``today HH:MM`` and ``yesterday HH:MM`` count from ``--now``.
    """
    text = text.strip()
    if now is not None and text == "now":
        return now
    relative = _RELATIVE.fullmatch(text)
    if now is not None and relative:
        day = now.astimezone(tz).date()
        if relative["day"] == "yesterday":
            day -= _dt.timedelta(days=1)
        try:
            wall = _dt.time.fromisoformat(relative["time"].zfill(5))
        except ValueError:
            raise _InputError(f"{field}: {text!r} is not a time of day") from None
        return _dt.datetime.combine(day, wall, tzinfo=tz)
    try:
        value = _dt.datetime.fromisoformat(text)
    except ValueError:
        words = "; or now, today HH:MM, yesterday HH:MM" if now is not None else ""
        raise _InputError(
            f"{field}: {text!r} is not a date and time such as 2026-11-25T08:00+00:00{words}"
        ) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def _now(args: argparse.Namespace, tz: ZoneInfo) -> _dt.datetime:
    if args.now is None:
        return _dt.datetime.now(_dt.UTC).astimezone(tz)  # the library's only clock read
    return _instant(args.now, "--now", tz, None)


def _regimen(args: argparse.Namespace) -> tuple[duloxinfo.Regimen, _dt.datetime]:
    """The regimen the options describe, and ``now``."""
    tz = _to_zone(args.tz)
    now = _now(args, tz)
    times = []
    for text in args.at:
        try:
            times.append(_dt.time.fromisoformat(text))
        except ValueError:
            raise _InputError(f"--at: {text!r} is not a time of day such as 08:00") from None
    start = _instant(args.start, "--start", tz, now)
    return duloxinfo.Regimen(args.dose, times, tz, start), now


def _history(path: str, tz: ZoneInfo) -> list[duloxinfo.Intake]:
    """Intakes from a CSV file (columns ``at,dose_mg``) or a JSON list of such objects."""
    file = Path(path)
    try:
        text = sys.stdin.read() if path == "-" else file.read_text(encoding="utf-8")
    except OSError as exc:
        raise _InputError(f"--history: cannot read {path!r}: {exc.strerror}") from None
    if path.endswith(".json") or text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _InputError(f"--history: {path}: invalid JSON: {exc.msg}") from None
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise _InputError(f"--history: {path}: expected a list of {{at, dose_mg}} objects")
        where = "item"
    else:
        rows = list(csv.DictReader(text.splitlines()))
        where = "row"
    intakes = []
    for number, row in enumerate(rows, start=1):
        at, dose = row.get("at"), row.get("dose_mg")
        if not isinstance(at, str) or dose is None:
            raise _InputError(f"--history: {path} {where} {number}: needs 'at' and 'dose_mg'")
        if isinstance(dose, str):
            if not dose.strip().isdigit():
                raise _InputError(f"--history: {path} {where} {number}: dose_mg: {dose!r}")
            dose = int(dose)
        intakes.append(duloxinfo.Intake(_instant(at, f"{where} {number}: at", tz, None), dose))
    return intakes


# --- writing answers --------------------------------------------------------------------


def _json_value(instance: object, field: object, value: object) -> object:
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, duloxinfo.Action | duloxinfo.DoubleDoseKind):
        return value.value
    return value


def _as_json(value: attrs.AttrsInstance | tuple[attrs.AttrsInstance, ...]) -> str:
    """An answer (or a tuple of them) as indented JSON: instants in ISO 8601, enums as values."""
    items = value if isinstance(value, tuple) else (value,)
    data = [attrs.asdict(item, value_serializer=_json_value) for item in items]
    return json.dumps(data if isinstance(value, tuple) else data[0], indent=2, ensure_ascii=False)


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


# --- the commands -------------------------------------------------------------------------


def _cmd_main_job(args: argparse.Namespace) -> str:
    return _summary() + "\n\n" + _example()


def _cmd_guide(args: argparse.Namespace) -> str:
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


def _cmd_missed_dose(args: argparse.Namespace) -> str:
    regimen, now = _regimen(args)
    taken = [
        duloxinfo.Intake(_instant(t, "--taken", regimen.tz, now), regimen.dose_mg)
        for t in args.taken
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
            _NOT_ADVICE,
        ]
    )


def _cmd_schedule(args: argparse.Namespace) -> str:
    regimen, now = _regimen(args)
    start = now if args.from_ is None else _instant(args.from_, "--from", regimen.tz, now)
    if not 1 <= args.days <= duloxinfo.MAX_SCHEDULE_DAYS:
        raise _InputError(f"--days: {args.days} is not between 1 and {duloxinfo.MAX_SCHEDULE_DAYS}")
    doses = duloxinfo.dose_times(regimen, start, start + _dt.timedelta(days=args.days))
    if args.json:
        return json.dumps(
            [{"at": d.isoformat(), "dose_mg": regimen.dose_mg} for d in doses], indent=2
        )
    header = f"Doses of {regimen.dose_mg} mg in the next {args.days} days ({regimen.tz.key}):"
    return "\n".join([header, *(f"  {_when(d)}" for d in doses)] if doses else [header, "  none"])


def _cmd_supply(args: argparse.Namespace) -> str:
    regimen, now = _regimen(args)
    supply = duloxinfo.supply_forecast(
        regimen, args.strength, args.count, now, lead_time=_dt.timedelta(days=args.lead_days)
    )
    if args.json:
        return _as_json(supply)
    return _lines(
        ("Capsules per dose", supply.capsules_per_dose),
        ("Doses left", supply.doses_left),
        ("Last covered dose", _when(supply.last_covered_dose)),
        ("Runs out on", f"{supply.runs_out_on.isoformat()} (in {supply.days_left} days)"),
        ("Refill by", supply.refill_by.isoformat()),
        ("Reason", supply.reason),
    )


def _cmd_audit(args: argparse.Namespace) -> str:
    regimen, _ = _regimen(args)
    intakes = _history(args.history, regimen.tz)
    found = duloxinfo.audit(regimen, intakes)
    if args.json:
        return _as_json(found)
    if not found:
        return f"No double doses in {len(intakes)} intakes."
    lines = [f"{len(found)} double dose(s) in {len(intakes)} intakes:"]
    for item in found:
        taken = ", ".join(_when(i.at.astimezone(regimen.tz)) for i in item.intakes)
        lines += [f"- {item.kind.value}: {taken}", _wrap(item.explanation, "  ")]
    return "\n".join(lines)


def _cmd_fhir(args: argparse.Namespace) -> str:
    regimen, _ = _regimen(args)
    return json.dumps(duloxinfo.to_fhir_dosage(regimen), indent=2)


def _cmd_calendar(args: argparse.Namespace) -> str:
    regimen, now = _regimen(args)
    days = []
    for name, text in (("--first", args.first), ("--last", args.last)):
        try:
            days.append(_dt.date.fromisoformat(text))
        except ValueError:
            raise _InputError(f"{name}: {text!r} is not a date such as 2026-12-01") from None
    ics = duloxinfo.dose_calendar(regimen, days[0], days[1], created=now)
    if args.output is None:
        return ics.decode("utf-8").rstrip("\r\n")
    try:
        Path(args.output).write_bytes(ics)
    except OSError as exc:
        raise _InputError(f"--output: cannot write {args.output!r}: {exc.strerror}") from None
    return f"Wrote {args.output}."


def _cmd_schema(args: argparse.Namespace) -> str:
    return json.dumps(duloxinfo.guide_json_schema(), indent=2)


# --- the main job -------------------------------------------------------------------------


def _summary() -> str:
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


# --- the parser -------------------------------------------------------------------------------

_REGIMEN_EXAMPLE = "--dose 60 --at 08:00 --tz Europe/London --start 2026-11-01"


def _regimen_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group("the regimen, as the prescriber ordered it")
    group.add_argument("--dose", type=int, required=True, metavar="MG", help="mg per dose")
    group.add_argument(
        "--at",
        action="append",
        required=True,
        metavar="HH:MM",
        help="a time of day of a dose; give it twice for twice daily",
    )
    group.add_argument("--tz", required=True, metavar="ZONE", help="IANA zone, e.g. Europe/London")
    group.add_argument(
        "--start",
        required=True,
        metavar="WHEN",
        help="when the regimen began: ISO 8601, a date, or a wall time in --tz",
    )
    group.add_argument(
        "--now",
        metavar="WHEN",
        help="the moment to answer for (ISO 8601); default: the current time",
    )
    return options


def _command(
    commands: Any,
    name: str,
    run: Callable[[argparse.Namespace], str],
    about: tuple[str, str],
    parents: Sequence[argparse.ArgumentParser] = (),
) -> argparse.ArgumentParser:
    """Add command ``name``: ``about`` is its one-line summary and an example's arguments."""
    summary, example = about
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        parents=list(parents),
        epilog=f"example:\n  duloxinfo {name} {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="duloxinfo",
        description=(
            "Sourced information about duloxetine, and dosing rules that never advise a "
            "double dose. With no command: the guide's summary and a worked example."
        ),
        epilog=(
            "example (I forgot this morning's dose, what now?):\n"
            f"  duloxinfo missed-dose {_REGIMEN_EXAMPLE} --taken 'yesterday 08:05'\n\n"
            f"{_NOT_ADVICE}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"duloxinfo {duloxinfo.__version__}")
    parser.set_defaults(run=_cmd_main_job)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    regimen = _regimen_options()

    guide = _command(
        commands,
        "guide",
        _cmd_guide,
        ("Show the guide, or one section of it.", "--section dosage --format markdown"),
    )
    guide.add_argument("--section", choices=duloxinfo.SECTION_NAMES, help="one section only")
    guide.add_argument(
        "--format",
        choices=("text", "markdown", "html", "json"),
        default="text",
        help="output format (default: text)",
    )

    missed = _command(
        commands,
        "missed-dose",
        _cmd_missed_dose,
        (
            "Should I take a dose now, skip it, or wait? As the label's missed-dose rule says.",
            f"{_REGIMEN_EXAMPLE} --taken 'yesterday 08:05'",
        ),
        [regimen],
    )
    missed.add_argument(
        "--taken",
        action="append",
        default=[],
        metavar="WHEN",
        help="when a dose was taken (repeat it); ISO 8601, or 'today HH:MM', 'yesterday HH:MM'",
    )
    missed.add_argument("--json", action="store_true", help="print JSON")

    schedule = _command(
        commands,
        "schedule",
        _cmd_schedule,
        ("List the next scheduled doses.", f"{_REGIMEN_EXAMPLE} --days 3"),
        [regimen],
    )
    schedule.add_argument("--from", dest="from_", metavar="WHEN", help="default: --now")
    schedule.add_argument("--days", type=int, default=7, help="how many days (default: 7)")
    schedule.add_argument("--json", action="store_true", help="print JSON")

    supply = _command(
        commands,
        "supply",
        _cmd_supply,
        (
            "When do my capsules run out, and when to refill?",
            f"{_REGIMEN_EXAMPLE} --strength 60 --count 28",
        ),
        [regimen],
    )
    supply.add_argument("--strength", type=int, required=True, metavar="MG", help="capsule mg")
    supply.add_argument("--count", type=int, required=True, help="capsules on hand")
    supply.add_argument("--lead-days", type=int, default=7, help="refill this many days early")
    supply.add_argument("--json", action="store_true", help="print JSON")

    audit = _command(
        commands,
        "audit",
        _cmd_audit,
        (
            "Find double doses in a history of doses taken.",
            f"{_REGIMEN_EXAMPLE} --history taken.csv",
        ),
        [regimen],
    )
    audit.add_argument(
        "--history",
        required=True,
        metavar="FILE",
        help="CSV with columns at,dose_mg, or a JSON list of {at, dose_mg}; - for stdin",
    )
    audit.add_argument("--json", action="store_true", help="print JSON")

    _command(
        commands,
        "fhir",
        _cmd_fhir,
        ("Print the regimen as an HL7 FHIR R4 Dosage (JSON).", _REGIMEN_EXAMPLE),
        [regimen],
    )

    calendar = _command(
        commands,
        "calendar",
        _cmd_calendar,
        (
            (
                "Write the doses as an .ics calendar with a reminder on each "
                "(needs duloxinfo[calendar])."
            ),
            f"{_REGIMEN_EXAMPLE} --first 2026-12-01 --last 2026-12-31 -o doses.ics",
        ),
        [regimen],
    )
    calendar.add_argument("--first", required=True, metavar="DATE", help="first local date")
    calendar.add_argument("--last", required=True, metavar="DATE", help="last local date")
    calendar.add_argument("-o", "--output", metavar="FILE", help="default: standard output")

    _command(commands, "schema", _cmd_schema, ("Print the JSON Schema of the guide's JSON.", ""))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        output = args.run(args)
    except (DuloxinfoError, _InputError, ModuleNotFoundError) as error:
        # ModuleNotFoundError: `calendar` without the calendar extra; the message says so.
        sys.stderr.write(f"duloxinfo: error: {error}\n")
        return 2
    except Exception as error:  # noqa: BLE001 - the promise: status 1 and one line, no traceback
        sys.stderr.write(f"duloxinfo: unexpected error: {type(error).__name__}: {error}\n")
        return 1
    sys.stdout.write(output + "\n")
    return 0
