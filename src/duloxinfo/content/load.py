"""Reading the guide: from the package's data file once, and from or to JSON text.

The data file is read with importlib-resources (so that it loads from a zip
archive too) and structured by a private strict cattrs converter.  Both load on
first use, inside the functions here, not when this module is imported.
"""

from __future__ import annotations

import json
from typing import Final

import attrs

from .._json import data_file_text, parse_json
from .._names import public_dir
from .._once import Once
from .._validate import require_type, require_whole_number, shown
from ..errors import ContentError, WrongTypeError
from ..interactions.load import interaction_data
from ..interactions.medicines import FindingKind
from ._parts import mark_well_formed, require_part, require_well_formed
from .checks import check_guide
from .model import Glossary, Guide, MedicineEntry, Section, SeedClaim, Topic

__all__ = [
    "guide",
    "guide_from_json",
    "guide_to_json",
    "seed_claims",
    "seed_claims_to_json",
]
__dir__ = public_dir(globals())

_DATA_PACKAGE: Final = "duloxinfo.content._data"
_GUIDE_FILE: Final = "guide.json"
_CLAIMS_FILE: Final = "seed_claims.json"


def _structure(data: object, file: str) -> Guide:
    from ._converter import structure  # noqa: PLC0415 - cattrs loads on first use

    return structure(data, file)


def guide_from_json(text: str) -> Guide:
    """Build the guide from JSON text, as :func:`guide_to_json` writes it.

    This checks types and fields, not content: run
    :func:`~duloxinfo.content.checks.check_guide` for that.

    Raises:
        WrongTypeError: ``text`` is not a ``str``.
        ContentError: the text is not JSON, or a field is missing, unknown or of the
            wrong type; ``problems`` lists every one with its path.

    >>> import duloxinfo
    >>> g = duloxinfo.guide()
    >>> duloxinfo.guide_from_json(duloxinfo.guide_to_json(g)) == g
    True
    """
    text = require_type(text, str, "text", "JSON text (a str)")
    return _structure(parse_json(text, "<json>"), "<json>")


def guide_to_json(guide: Guide | Section, *, indent: int | None = None) -> str:
    """Write the guide, or any one section of it, as JSON text.

    Durations are ISO 8601 (``"P7D"``), enumerations their values, tuples lists.

    Raises:
        WrongTypeError: ``guide`` is not the guide or one of its sections, or
            ``indent`` is not a whole number or None.
        ContentError: a value cannot be written, such as a negative duration.
    """
    from ._converter import unstructure  # noqa: PLC0415 - cattrs loads on first use

    guide = require_part(guide, "guide")
    require_well_formed(guide, "guide", Guide | Topic | Glossary)
    if indent is not None:
        indent = require_whole_number(indent, "indent", "a whole number of spaces or None")
    return json.dumps(unstructure(guide), ensure_ascii=False, indent=indent)


def seed_claims_to_json(claims: tuple[SeedClaim, ...], *, indent: int | None = None) -> str:
    """Write seed claims, as :func:`seed_claims` returns them, as a JSON list.

    Raises:
        WrongTypeError: ``claims`` is not a tuple of
            :class:`~duloxinfo.content.model.SeedClaim`, or ``indent`` is not a whole
            number or None.
    """
    from ._converter import unstructure  # noqa: PLC0415 - cattrs loads on first use

    checked: object = claims
    if not isinstance(checked, tuple) or not all(isinstance(c, SeedClaim) for c in checked):
        raise WrongTypeError("claims", f"expected a tuple of SeedClaim, got {shown(claims)}")
    require_well_formed(claims, "claims", tuple[SeedClaim, ...])
    if indent is not None:
        indent = require_whole_number(indent, "indent", "a whole number of spaces or None")
    return json.dumps(unstructure(claims), ensure_ascii=False, indent=indent)


def _load_text(text: str, name: str) -> Guide:
    """Parse, structure and check the text of data file ``name``.

    The "other medicines" entries come from the interaction data, the one source of
    truth for both the guide and :func:`~duloxinfo.interactions.check.check_interactions`.
    """
    guide = _structure(parse_json(text, name), name)
    entries = tuple(
        MedicineEntry(
            medicines=group.medicines,
            examples_us=group.examples_us,
            examples_uk=group.examples_uk,
            seriousness=group.seriousness,
            risk=group.risk,
            what_to_do=group.what_to_do,
            sources=group.sources,
        )
        for group in interaction_data().groups
        if group.kind is FindingKind.INTERACTION and group.seriousness is not None
    )
    guide = attrs.evolve(
        guide, other_medicines=attrs.evolve(guide.other_medicines, entries=entries)
    )
    mark_well_formed(guide)
    findings = check_guide(guide)
    if findings:
        raise ContentError(name, tuple(str(f) for f in findings))
    return guide


def _load_claims(text: str, name: str) -> tuple[SeedClaim, ...]:
    """Parse, structure and check the text of the seed claims' data file ``name``."""
    from ._converter import structure_claims  # noqa: PLC0415 - cattrs loads on first use

    claims = structure_claims(parse_json(text, name), name)
    problems = tuple(
        f"[{index}].sources: no source cited"
        for index, claim in enumerate(claims)
        if not claim.sources
    )
    if problems:
        raise ContentError(name, problems)
    return claims


_guide: Final = Once(lambda: _load_text(data_file_text(_DATA_PACKAGE, _GUIDE_FILE), _GUIDE_FILE))


def guide() -> Guide:
    """The duloxetine patient guide, loaded from the package data on first call, then cached.

    Safe to call from many threads: the data is read once, and every call returns
    the same frozen object.

    Raises:
        ContentError: the packaged data file is broken (a packaging fault).

    >>> import duloxinfo
    >>> g = duloxinfo.guide()
    >>> g.title
    'Duloxetine: information for patients'
    >>> g is duloxinfo.guide()
    True
    """
    return _guide()


_claims: Final = Once(
    lambda: _load_claims(data_file_text(_DATA_PACKAGE, _CLAIMS_FILE), _CLAIMS_FILE)
)


def seed_claims() -> tuple[SeedClaim, ...]:
    """Every statement of the seed page, word for word, with the review's verdict.

    The page this project started from ("Duloxetine muscle spasm") presents duloxetine
    for muscle spasm, which is not an approved use.  None of its statements is in the
    guide; each survives here with a :class:`~duloxinfo.content.model.Verdict`, the
    evidence and its sources, in the page's order.  Loaded on first call, then cached.
    The renderers show them on request.

    Raises:
        ContentError: the packaged data file is broken (a packaging fault).

    >>> import duloxinfo
    >>> claims = duloxinfo.seed_claims()
    >>> claims[0].verdict
    <Verdict.NOT_APPROVED_USE: 'not-approved-use'>
    """
    return _claims()
