"""``duloxinfo guide``: the guide, one section of it, or the review of the seed page's claims."""

from __future__ import annotations

import argparse

import duloxinfo

from ...content.model import SECTION_NAMES

FIELDS: dict[str, str] = {}
ANSWERS: tuple[type, ...] = ()


def options(parser: argparse.ArgumentParser) -> None:
    """``--section`` or ``--seed-claims``, and ``--format``."""
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


def run(args: argparse.Namespace) -> str:
    """The guide, a section or the claims, in the format asked for."""
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
