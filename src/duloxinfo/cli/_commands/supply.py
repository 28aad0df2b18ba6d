"""``duloxinfo supply``: when the capsules run out and when to refill."""

from __future__ import annotations

import argparse
import datetime as _dt

import duloxinfo

from ..._words import plural
from ...choices import DEFAULT_REFILL_LEAD_TIME
from ...rules.supply import Supply, SupplyFromFills
from .._output import lines, moment
from .._parser import fill_option, history_option, json_option, plan_options, taken_options
from .._values import InputError, read_fills, read_plan, taken_and_history

FIELDS = {"intakes": "--taken", "fills": "--fill"}
ANSWERS = ("Supply", "SupplyFromFills")


def options(parser: argparse.ArgumentParser) -> None:
    """The plan, what is on hand (a count or fills), the doses taken, the lead time."""
    plan_options(parser)
    on_hand = parser.add_argument_group(
        "what is on hand", "either --strength and --count, or the fills (--fill, repeated)"
    )
    on_hand.add_argument("--strength", type=int, metavar="MG", help="capsule mg")
    on_hand.add_argument("--count", type=int, help="capsules on hand now")
    fill_option(on_hand)
    taken_options(parser)
    history_option(parser, required=False)
    lead = DEFAULT_REFILL_LEAD_TIME.days
    parser.add_argument(
        "--lead-days", type=int, default=lead, help=f"refill this many days early (default: {lead})"
    )
    json_option(parser)


def run(args: argparse.Namespace) -> str:
    """The forecast, from ``--strength`` and ``--count`` or from the fills."""
    plan, tz, now = read_plan(args)
    most = duloxinfo.MAX_SCHEDULE_DAYS
    if not 0 <= args.lead_days <= most:
        raise InputError(f"--lead-days: {args.lead_days} is not between 0 and {most}")
    lead = _dt.timedelta(days=args.lead_days)
    given = (("--strength", args.strength), ("--count", args.count))
    intakes = taken_and_history(args, plan, tz, now)
    supply: Supply
    if args.fill:
        for flag, value in given:
            if value is not None:
                raise InputError(
                    f"{flag}: not taken with --fill (the fills say what is on hand); "
                    "give --strength and --count, or --fill"
                )
        supply = duloxinfo.supply_from_fills(
            plan, fills=read_fills(args.fill), intakes=intakes, now=now(), lead_time=lead
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
        from ...answers import answer_to_json  # noqa: PLC0415 - loaded for --json only

        return answer_to_json(supply)
    return _text(supply)


def _text(supply: Supply) -> str:
    pairs = [
        ("Capsules per dose", supply.capsules_per_dose),
        ("Doses left", supply.doses_left),
        ("Last covered dose", moment(supply.last_covered_dose)),
        (
            "Runs out on",
            "not before the plan ends"
            if supply.runs_out_on is None
            else f"{supply.runs_out_on.isoformat()} (in {supply.days_left} days)",
        ),
        ("Refill by", "no need" if supply.refill_by is None else supply.refill_by.isoformat()),
    ]
    if isinstance(supply, SupplyFromFills):
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
    return lines(*pairs, ("Reason", supply.reason))
