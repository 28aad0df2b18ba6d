"""The command line's parser, built from the list of commands, and the options they share.

Private module of the command line.  Every command of
:data:`~duloxinfo.cli._commands.COMMANDS` is a subcommand with its summary and example;
only the options of the command being run are built, by its module, so that
``duloxinfo --version`` and ``duloxinfo --help`` load nothing of the library but its
version.  The options several commands take (the plan, the doses taken, a history
file, fills, ``--json``) are built here.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .._version import __version__
from ._commands import COMMANDS, REGIMEN_EXAMPLE

# Not `from typing import ...`: importing typing costs a quarter of a bare interpreter's
# start, and `duloxinfo --version` should cost little more than one.  Type checkers read
# this name as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

NOT_ADVICE = "Not medical advice: follow your prescriber's directions."


class Parser(argparse.ArgumentParser):
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


def now_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument(
        "--now",
        metavar="WHEN",
        help="the moment to answer for; default: the current time",
    )


def plan_options(parser: argparse.ArgumentParser, *, now: bool = True) -> None:
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
        now_option(group)


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON (an object with a schema_version)"
    )


def taken_options(parser: argparse.ArgumentParser) -> None:
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


def fill_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument(
        "--fill",
        action="append",
        default=[],
        metavar="DATE:MG:COUNT",
        help="a fill: the date dispensed, the capsule mg and how many (repeat it)",
    )


def history_option(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--history",
        required=required,
        metavar="FILE",
        help=(
            "UTF-8 CSV with columns at,dose_mg (and, if you like, certain: yes or no), "
            "or a JSON list of such objects; - for stdin"
        ),
    )


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; a usage error exits with status 2 and one line, ``--help`` with 0.

    ``command`` in the result is the command's name, or None for the main job.
    """
    chosen = next((word for word in argv if not word.startswith("-")), None)
    parser = Parser(
        prog="duloxinfo",
        description=(
            "Sourced information about duloxetine, and dosing rules that never advise a "
            "double dose. With no command: the guide's summary and a worked example."
        ),
        epilog=(
            "example (I forgot this morning's dose, what now?):\n"
            f"  duloxinfo missed-dose {REGIMEN_EXAMPLE} --taken 'yesterday 08:05'\n\n"
            f"{NOT_ADVICE}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"duloxinfo {__version__}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=Parser
    )
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.summary,
            description=command.summary,
            epilog=f"example:\n  duloxinfo {command.name} {command.example}".rstrip(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command.name == chosen:
            command.module().options(sub)
    return parser.parse_args(argv)
