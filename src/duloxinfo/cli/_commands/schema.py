"""``duloxinfo schema``: the JSON Schema of the guide's JSON, or of every ``--json`` answer."""

from __future__ import annotations

import argparse
import json
from typing import Any

import duloxinfo

from .._output import dumps
from . import COMMANDS

FIELDS: dict[str, str] = {}
ANSWERS: tuple[type, ...] = ()


def options(parser: argparse.ArgumentParser) -> None:
    """``--answers``."""
    parser.add_argument(
        "--answers",
        action="store_true",
        help="the JSON Schema of every command's --json answer, not the guide's",
    )


def run(args: argparse.Namespace) -> str:
    """The guide's schema, or the answers' with an entry named after each command."""
    if not args.answers:
        return json.dumps(duloxinfo.guide_json_schema(), indent=2)
    document = duloxinfo.answer_json_schema()
    document["$defs"].update(answers_by_command())
    return dumps(document)


def answers_by_command() -> dict[str, dict[str, Any]]:
    """For each command that answers with ``--json``, a schema entry named after it."""
    found: dict[str, dict[str, Any]] = {}
    for command in COMMANDS:
        refs = [{"$ref": f"#/$defs/{name}"} for name in command.module().ANSWERS]
        if refs:
            found[command.name] = refs[0] if len(refs) == 1 else {"oneOf": refs}
    return found
