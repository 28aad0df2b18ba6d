"""Reading the guide: from the package's data file once, and from or to JSON text.

The data file is read with importlib-resources (so that it loads from a zip
archive too) and structured by a private strict cattrs converter.  Both load on
first use, inside the functions here, not when this module is imported.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Final

from .._validate import require_type, require_whole_number, shown
from ..errors import ContentError, WrongTypeError
from ._parts import mark_well_formed, require_part, require_well_formed
from .checks import check_guide
from .model import Glossary, Guide, Section, SeedClaim, Topic

__all__ = ["guide", "guide_from_json", "guide_to_json", "seed_claims", "seed_claims_to_json"]

_DATA_PACKAGE: Final = "duloxinfo.content._data"
_GUIDE_FILE: Final = "guide.json"
_CLAIMS_FILE: Final = "seed_claims.json"


def _parse(text: str, file: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(
            file, (f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}",)
        ) from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise ContentError(file, (f"invalid JSON: {exc}",)) from None
    except RecursionError:
        raise ContentError(file, ("invalid JSON: nested too deeply",)) from None


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
    return _structure(_parse(text, "<json>"), "<json>")


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
        raise WrongTypeError(f"claims: expected a tuple of SeedClaim, got {shown(claims)}")
    require_well_formed(claims, "claims", tuple[SeedClaim, ...])
    if indent is not None:
        indent = require_whole_number(indent, "indent", "a whole number of spaces or None")
    return json.dumps(unstructure(claims), ensure_ascii=False, indent=indent)


def _load_text(text: str, name: str) -> Guide:
    """Parse, structure and check the text of data file ``name``."""
    guide = _structure(_parse(text, name), name)
    mark_well_formed(guide)
    findings = check_guide(guide)
    if findings:
        raise ContentError(name, tuple(str(f) for f in findings))
    return guide


def _read(name: str) -> str:
    """The text of one data file of the package (works from a zip archive too)."""
    if sys.version_info >= (3, 13):  # pragma: no cover - the standard library's, 3.13 on
        from importlib.resources import files  # noqa: PLC0415 - loads on first use
    else:  # pragma: no cover - the backport, 3.11 and 3.12
        from importlib_resources import files  # noqa: PLC0415 - loads on first use
    return files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _load_claims(text: str, name: str) -> tuple[SeedClaim, ...]:
    """Parse, structure and check the text of the seed claims' data file ``name``."""
    from ._converter import structure_claims  # noqa: PLC0415 - cattrs loads on first use

    claims = structure_claims(_parse(text, name), name)
    problems = tuple(
        f"[{index}].sources: no source cited"
        for index, claim in enumerate(claims)
        if not claim.sources
    )
    if problems:
        raise ContentError(name, problems)
    return claims


_lock = threading.Lock()
_cache: list[Guide] = []


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
    if _cache:
        return _cache[0]
    with _lock:
        if not _cache:  # pragma: no branch - else another thread loaded it while we waited
            _cache.append(_load_text(_read(_GUIDE_FILE), _GUIDE_FILE))
    return _cache[0]


_claims_lock = threading.Lock()
_claims_cache: list[tuple[SeedClaim, ...]] = []


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
    if _claims_cache:
        return _claims_cache[0]
    with _claims_lock:
        if not _claims_cache:  # pragma: no branch - else another thread loaded them
            _claims_cache.append(_load_claims(_read(_CLAIMS_FILE), _CLAIMS_FILE))
    return _claims_cache[0]
