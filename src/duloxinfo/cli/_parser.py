"""The command line's parser: every command, its summary, its example and its options.

Private module of the command line.  Only the options of the command being run
are built (and ``guide``'s list of sections is read from the content model only
then), so that ``duloxinfo --version`` and ``duloxinfo --help`` load nothing of
the library but its version.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from .._version import __version__

# Not `from typing import ...`: importing typing costs a quarter of a bare interpreter's
# start, and `duloxinfo --version` should cost little more than one.  Type checkers read
# this name as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

NOT_ADVICE = "Not medical advice: follow your prescriber's directions."
_REGIMEN_EXAMPLE = "--dose 60 --at 08:00 --tz Europe/London --start 2026-11-01"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the bad value, with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


_PLAN_HELP = (
    "one regimen: --dose, --at and --start; the label's titration plan (30 mg for a "
    "week, then 60 mg): --titration with --at and --start; or a plan of phases: one "
    "--phase for each. Instants (WHEN): ISO 8601 with or without an offset, a date, "
    "now, today HH:MM, yesterday HH:MM or tomorrow HH:MM; times of day: 9, 09:00, "
    "21:30 or 21:30:00"
)


def _now_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument(
        "--now",
        metavar="WHEN",
        help="the moment to answer for; default: the current time",
    )


def _plan_options(parser: argparse.ArgumentParser, *, now: bool = True) -> None:
    group = parser.add_argument_group("the plan, as the prescriber ordered it", _PLAN_HELP)
    group.add_argument("--dose", type=int, metavar="MG", help="mg per dose")
    group.add_argument(
        "--at",
        action="append",
        metavar="TIME",
        help="a time of day of a dose; give it twice for twice daily",
    )
    group.add_argument(
        "--tz",
        required=True,
        metavar="ZONE",
        help="the zone of a place, Area/Location such as Europe/London, or UTC",
    )
    group.add_argument("--start", metavar="WHEN", help="when the regimen began")
    group.add_argument(
        "--titration",
        action="store_true",
        help="the label's plan: 30 mg once daily for a week from --start, then 60 mg",
    )
    group.add_argument(
        "--phase",
        action="append",
        default=[],
        metavar="PHASE",
        help=(
            "one phase of a plan (repeat it, in time order): 'MG mg at TIME[ and TIME] "
            "from WHEN[ to WHEN][ in ZONE]'"
        ),
    )
    group.add_argument(
        "--dosages",
        metavar="FILE",
        help=(
            "a plan as a JSON list of FHIR R4 Dosage phases, as 'duloxinfo fhir' writes it; "
            "each phase in the zone of its tz-code; - for stdin"
        ),
    )
    if now:
        _now_option(group)


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON (an object with a schema_version)"
    )


def _taken_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--taken",
        action="append",
        default=[],
        metavar="WHEN",
        help="when a dose was taken (repeat it), such as 'yesterday 08:05'",
    )
    parser.add_argument(
        "--not-sure",
        action="append",
        default=[],
        metavar="WHEN",
        help="when a dose may have been taken, if you are not sure (repeat it); counts as taken",
    )


def _guide_options(parser: argparse.ArgumentParser) -> None:
    from ..content.model import SECTION_NAMES  # noqa: PLC0415 - only when guide is run

    which = parser.add_mutually_exclusive_group()
    which.add_argument("--section", choices=SECTION_NAMES, help="one section only")
    which.add_argument(
        "--seed-claims",
        action="store_true",
        help="the review of the page this project started from, not the guide",
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "html", "json"),
        default="text",
        help="output format (default: text)",
    )


def _missed_dose_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser)
    _taken_options(parser)
    _json_option(parser)


def _titration_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser)
    _taken_options(parser)
    _history_option(parser, required=False)
    _json_option(parser)


def _plan_command_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser)
    parser.add_argument(
        "--next",
        type=int,
        default=3,
        metavar="N",
        help="how many of the next doses to show (default: 3)",
    )
    _json_option(parser)


def _schedule_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser)
    parser.add_argument("--from", dest="from_", metavar="WHEN", help="default: --now")
    parser.add_argument("--days", type=int, default=7, help="how many days (default: 7)")
    _json_option(parser)


def _supply_options(parser: argparse.ArgumentParser) -> None:
    from ..choices import DEFAULT_REFILL_LEAD_TIME  # noqa: PLC0415 - only when supply is run

    _plan_options(parser)
    on_hand = parser.add_argument_group(
        "what is on hand", "either --strength and --count, or the fills (--fill, repeated)"
    )
    on_hand.add_argument("--strength", type=int, metavar="MG", help="capsule mg")
    on_hand.add_argument("--count", type=int, help="capsules on hand now")
    _fill_option(on_hand)
    _taken_options(parser)
    _history_option(parser, required=False)
    lead = DEFAULT_REFILL_LEAD_TIME.days
    parser.add_argument(
        "--lead-days", type=int, default=lead, help=f"refill this many days early (default: {lead})"
    )
    _json_option(parser)


def _fill_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument(
        "--fill",
        action="append",
        default=[],
        metavar="DATE:MG:COUNT",
        help="a fill: the date dispensed, the capsule mg and how many (repeat it)",
    )


def _history_option(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--history",
        required=required,
        metavar="FILE",
        help=(
            "UTF-8 CSV with columns at,dose_mg (and, if you like, certain: yes or no), "
            "or a JSON list of such objects; - for stdin"
        ),
    )


def _adherence_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser)
    _taken_options(parser)
    _history_option(parser, required=False)
    period = parser.add_argument_group(
        "the period", "from --from (included) to --to (not included); a date alone is its midnight"
    )
    period.add_argument("--from", dest="from_", required=True, metavar="WHEN", help="its start")
    period.add_argument("--to", metavar="WHEN", help="its end, no later than --now; default: --now")
    parser.add_argument(
        "--svg",
        metavar="FILE",
        help="also write a picture of the doses (an SVG calendar, UTF-8) to FILE",
    )
    _json_option(parser)


def _pdc_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser, now=False)
    _fill_option(parser)
    parser.add_argument("--from", dest="from_", required=True, metavar="DATE", help="first day")
    parser.add_argument("--to", required=True, metavar="DATE", help="last day (included)")
    _json_option(parser)


def _audit_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser, now=False)
    _history_option(parser, required=True)
    _json_option(parser)


def _fhir_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser, now=False)
    parser.add_argument(
        "--max-daily",
        type=int,
        metavar="MG",
        help="the prescriber's maximum mg a day, written as maxDosePerPeriod (default: none)",
    )


def _calendar_options(parser: argparse.ArgumentParser) -> None:
    _plan_options(parser, now=False)
    parser.add_argument(
        "--now",
        metavar="WHEN",
        help="when the calendar is made (its DTSTAMP); default: the current time",
    )
    parser.add_argument("--first", required=True, metavar="DATE", help="first local date")
    parser.add_argument("--last", required=True, metavar="DATE", help="last local date")
    parser.add_argument("-o", "--output", metavar="FILE", help="default: standard output")


def _interactions_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "medicines",
        nargs="*",
        metavar="MEDICINE",
        help="a generic or brand name, an ATC code or an RxNorm code",
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
    _json_option(parser)


def _schema_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--answers",
        action="store_true",
        help="the JSON Schema of every command's --json answer, not the guide's",
    )


class _Command:
    """A command: its name, one-line summary, an example's arguments, and its options."""

    __slots__ = ("example", "name", "options", "summary")

    def __init__(
        self,
        name: str,
        summary: str,
        example: str,
        options: Callable[[argparse.ArgumentParser], None],
    ) -> None:
        self.name, self.summary, self.example, self.options = name, summary, example, options


_COMMANDS = (
    _Command(
        "guide",
        "Show the guide, one section of it, or the review of the seed page's claims.",
        "--section how_to_take --format markdown",
        _guide_options,
    ),
    _Command(
        "missed-dose",
        "Should I take a dose now, skip it, or wait? As the label's missed-dose rule says.",
        f"{_REGIMEN_EXAMPLE} --taken 'yesterday 08:05'",
        _missed_dose_options,
    ),
    _Command(
        "schedule",
        "List the next scheduled doses.",
        f"{_REGIMEN_EXAMPLE} --days 3",
        _schedule_options,
    ),
    _Command(
        "supply",
        "When do my capsules run out, and when to refill?",
        f"{_REGIMEN_EXAMPLE} --strength 60 --count 28",
        _supply_options,
    ),
    _Command(
        "audit",
        "Find double doses in a history of doses taken.",
        f"{_REGIMEN_EXAMPLE} --history taken.csv",
        _audit_options,
    ),
    _Command(
        "adherence",
        "What happened to each dose of a period, and how closely the plan was followed.",
        f"{_REGIMEN_EXAMPLE} --history taken.csv --from 2026-11-01 --to 2026-11-08",
        _adherence_options,
    ),
    _Command(
        "pdc",
        "The proportion of days covered by pharmacy fills (PDC), as the PQA defines it.",
        f"{_REGIMEN_EXAMPLE} --fill 2026-11-01:60:30 --from 2026-11-01 --to 2026-12-31",
        _pdc_options,
    ),
    _Command(
        "fhir",
        "Print the regimen as an HL7 FHIR R4 Dosage (JSON), or a plan as a list of Dosage phases.",
        _REGIMEN_EXAMPLE,
        _fhir_options,
    ),
    _Command(
        "calendar",
        "Write the doses as an .ics calendar with a reminder on each (needs duloxinfo[calendar]).",
        f"{_REGIMEN_EXAMPLE} --first 2026-12-01 --last 2026-12-31 -o doses.ics",
        _calendar_options,
    ),
    _Command(
        "interactions",
        "Check other medicines against duloxetine: what to ask your prescriber or pharmacist.",
        'ibuprofen "St John\'s Wort" --stopped phenelzine=2026-11-15T09:00+00:00',
        _interactions_options,
    ),
    _Command(
        "plan",
        "Show a plan's phases and its next doses.",
        "--tz Europe/London --phase '30 mg at 08:00 from 2026-11-01 to 2026-11-08' "
        "--phase '60 mg at 08:00 from 2026-11-08'",
        _plan_command_options,
    ),
    _Command(
        "titration",
        "Where am I on the label's plan of 30 mg for a week, then 60 mg? Never a change of dose.",
        "--titration --at 08:00 --tz Europe/London --start 2026-11-01 --taken 'today 08:00'",
        _titration_options,
    ),
    _Command(
        "schema",
        "Print the JSON Schema of the guide's JSON, or with --answers of every --json answer.",
        "--answers",
        _schema_options,
    ),
)


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; a usage error exits with status 2 and one line, ``--help`` with 0.

    ``command`` in the result is the command's name, or None for the main job.
    """
    chosen = next((word for word in argv if not word.startswith("-")), None)
    parser = _Parser(
        prog="duloxinfo",
        description=(
            "Sourced information about duloxetine, and dosing rules that never advise a "
            "double dose. With no command: the guide's summary and a worked example."
        ),
        epilog=(
            "example (I forgot this morning's dose, what now?):\n"
            f"  duloxinfo missed-dose {_REGIMEN_EXAMPLE} --taken 'yesterday 08:05'\n\n"
            f"{NOT_ADVICE}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"duloxinfo {__version__}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=_Parser
    )
    for command in _COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.summary,
            description=command.summary,
            epilog=f"example:\n  duloxinfo {command.name} {command.example}".rstrip(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command.name == chosen:
            command.options(sub)
    return parser.parse_args(argv)
