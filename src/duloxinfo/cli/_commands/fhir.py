"""``duloxinfo fhir``: the regimen as an HL7 FHIR R4 Dosage, a plan as a list of them."""

from __future__ import annotations

import argparse

import duloxinfo

from .._output import dumps
from .._parser import plan_options
from .._values import read_plan

FIELDS = {"max_daily_mg": "--max-daily"}
ANSWERS: tuple[type, ...] = ()


def options(parser: argparse.ArgumentParser) -> None:
    """The plan and ``--max-daily``."""
    plan_options(parser, now=False)
    parser.add_argument(
        "--max-daily",
        type=int,
        metavar="MG",
        help="the prescriber's maximum mg a day, written as maxDosePerPeriod (default: none)",
    )


def run(args: argparse.Namespace) -> str:
    """One Dosage for one regimen (--dose, --at, --start); a list of phases for a plan."""
    plan, _, _ = read_plan(args)
    if isinstance(plan, duloxinfo.Plan):
        return dumps(duloxinfo.to_fhir_dosages(plan, max_daily_mg=args.max_daily))
    return dumps(duloxinfo.to_fhir_dosage(plan, max_daily_mg=args.max_daily))
