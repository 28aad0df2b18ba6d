"""The commands: the one list of them, and running the one the arguments name.

Private package of the command line.  Each command is a module of this package named
after it (``missed-dose`` is ``missed_dose.py``) with ``options(parser)``, which adds
its options, ``run(args)``, which returns what it prints, and ``FIELDS``, the flags of
the library's fields whose flag depends on the command; a command that answers with
``--json`` names its answer records in ``ANSWERS`` (names, so that the answers' JSON
module loads only for ``--json``).  The parser and the dispatch both read
:data:`COMMANDS`, and import a command's module only when it is the one run, so that
``duloxinfo --help`` loads nothing of the library.
"""

from __future__ import annotations

import argparse
from importlib import import_module

# Not `from typing import ...`: importing typing costs a quarter of a bare interpreter's
# start, and `duloxinfo --help` reads this list.  Type checkers read this name as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType

_REGIMEN = "--dose 60 --at 08:00 --tz Europe/London --start 2026-11-01"


class Command:
    """A command: its name, one-line summary, and an example's arguments."""

    __slots__ = ("example", "name", "summary")

    def __init__(self, name: str, summary: str, example: str) -> None:
        self.name, self.summary, self.example = name, summary, example

    def module(self) -> ModuleType:
        """The command's module, imported now: its options, how it runs, its answers."""
        return module_of(self.name)


def module_of(name: str | None) -> ModuleType:
    """The module of the command ``name`` (of the main job for None), imported now."""
    return import_module(f"{__name__}.{'main_job' if name is None else name.replace('-', '_')}")


#: An example of the plan options, for the examples of the commands and of --help.
REGIMEN_EXAMPLE = _REGIMEN

#: Every command, in the order ``--help`` lists them.
COMMANDS = (
    Command(
        "guide",
        "Show the guide, one section of it, or the review of the seed page's claims.",
        "--section how_to_take --format markdown",
    ),
    Command(
        "missed-dose",
        "Should I take a dose now, skip it, or wait? As the label's missed-dose rule says.",
        f"{_REGIMEN} --taken 'yesterday 08:05'",
    ),
    Command("schedule", "List the next scheduled doses.", f"{_REGIMEN} --days 3"),
    Command(
        "supply",
        "When do my capsules run out, and when to refill?",
        f"{_REGIMEN} --strength 60 --count 28",
    ),
    Command(
        "audit", "Find double doses in a history of doses taken.", f"{_REGIMEN} --history taken.csv"
    ),
    Command(
        "adherence",
        "What happened to each dose of a period, and how closely the plan was followed.",
        f"{_REGIMEN} --history taken.csv --from 2026-11-01 --before 2026-11-08",
    ),
    Command(
        "pdc",
        "The proportion of days covered by pharmacy fills (PDC), as the PQA defines it.",
        f"{_REGIMEN} --fill 2026-11-01:60:30 --first 2026-11-01 --last 2026-12-31",
    ),
    Command(
        "fhir",
        "Print the regimen as an HL7 FHIR R4 Dosage (JSON), or a plan as a list of Dosage phases.",
        _REGIMEN,
    ),
    Command(
        "calendar",
        "Write the doses as an .ics calendar with a reminder on each (needs duloxinfo[calendar]).",
        f"{_REGIMEN} --first 2026-12-01 --last 2026-12-31 -o doses.ics",
    ),
    Command(
        "interactions",
        "Check other medicines against duloxetine: what to ask your prescriber or pharmacist.",
        'ibuprofen "St John\'s Wort" --stopped phenelzine=2026-11-15T09:00+00:00',
    ),
    Command(
        "plan",
        "Show a plan's phases and its next doses.",
        "--tz Europe/London --phase '30 mg at 08:00 from 2026-11-01 to 2026-11-08' "
        "--phase '60 mg at 08:00 from 2026-11-08'",
    ),
    Command(
        "titration",
        "Where am I on the label's plan of 30 mg for a week, then 60 mg? Never a change of dose.",
        "--titration --at 08:00 --tz Europe/London --start 2026-11-01 --taken 'today 08:00'",
    ),
    Command(
        "schema",
        "Print the JSON Schema of the guide's JSON, or with --answers of every --json answer.",
        "--answers",
    ),
)


def run(args: argparse.Namespace) -> str | bytes:
    """Run the command ``args`` names (the main job when none) and return what it prints.

    Text is printed with a line end; bytes (a calendar) are written as they are.  A
    library error is raised again as an :class:`~duloxinfo.cli._values.InputError`
    naming the flag.
    """
    from ...errors import DuloxinfoError  # noqa: PLC0415 - loaded already by duloxinfo
    from .._values import FLAGS, flagged  # noqa: PLC0415 - only once a command runs

    module = module_of(args.command)
    try:
        output: str | bytes = module.run(args)
    except DuloxinfoError as error:
        raise flagged(error, {**FLAGS, **module.FIELDS}) from None
    return output
