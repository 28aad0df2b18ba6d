"""``duloxinfo pdc``: the proportion of days covered by pharmacy fills, as the PQA defines it."""

from __future__ import annotations

import argparse

import duloxinfo

from ..._words import plural
from .._output import MOST_LISTED, lines, more
from .._parser import fill_option, json_option, plan_options
from .._values import read_date, read_fills, read_plan

FIELDS = {"fills": "--fill"}  # first_day and last_day: --first and --last, as for every command
ANSWERS = ("DaysCovered",)


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, the fills, the period, ``--json``."""
    plan_options(parser, now=False)
    fill_option(parser)
    period = parser.add_argument_group(
        "the period", "dates, both included, as the PQA counts them (--first and --last)"
    )
    period.add_argument("--first", required=True, metavar="DATE", help="its first day (included)")
    period.add_argument("--last", required=True, metavar="DATE", help="its last day (included)")
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The PDC, the days not covered, and how each fill was used."""
    plan, _, _ = read_plan(args)
    fills = read_fills(args.fill)
    first, last = read_date(args.first, "--first"), read_date(args.last, "--last")
    covered = duloxinfo.proportion_of_days_covered(plan, fills, first, last)
    if args.json:
        from ...answers import answer_to_json  # noqa: PLC0415 - loaded for --json only

        return answer_to_json(covered)
    threshold = f"{float(duloxinfo.PDC_THRESHOLD):.0%}"
    text = [
        lines(
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
    text += ["Days not covered:", *gaps[:MOST_LISTED]] if gaps else []
    if len(gaps) > MOST_LISTED:
        text.append(more(len(gaps)))
    for item in covered.coverage[:MOST_LISTED]:
        fill = item.fill
        used = (
            "not used in the period"
            if item.starts_on is None or item.ends_on is None
            else f"used {item.starts_on.isoformat()} to {item.ends_on.isoformat()} "
            f"({plural(item.days_supply, 'day')})"
        )
        text.append(
            f"Fill of {fill.dispensed_on.isoformat()}: {fill.capsules} x {fill.strength_mg} mg, "
            + used
        )
    if len(covered.coverage) > MOST_LISTED:
        text.append(f"and {plural(len(covered.coverage) - MOST_LISTED, 'more fill')} (--json)")
    return "\n".join(text)
