"""Content checks that report every problem at once: pure functions returning findings.

Type and field errors are the loader's; these checks are about what the content
says: every clinical statement sourced, no empty text, the guide's doses in
agreement with the label's numbers (:data:`duloxinfo.label.LABEL`).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .._names import public_dir
from .._validate import require_type
from ..label import LABEL
from ..sources import Citation, Source
from ._parts import dotted, require_well_formed, walk
from .model import (
    ApprovedUse,
    DoseStep,
    Frequency,
    Guide,
    HowToTake,
    MedicineEntry,
    SafetyWarning,
    SideEffect,
    Statement,
)

__all__ = ["Finding", "check_guide"]
__dir__ = public_dir(globals())


@attrs.frozen
class Finding:
    """One problem :func:`check_guide` found: where, and what.

    Attributes:
        path: The field, for example ``side_effects.effects[2].sources``.
        message: What is wrong there, in plain words.
    """

    path: str
    message: str

    def __str__(self) -> str:
        """``path: message``."""
        return f"{self.path}: {self.message}"


_LEAVES = frozenset({Citation})
_SOURCED = frozenset({Statement, SafetyWarning, ApprovedUse, MedicineEntry, SideEffect})


def _dose_findings(path: str, step: DoseStep, dose_mg: int, duration: object) -> Iterator[Finding]:
    expected = (dose_mg, Frequency.ONCE_DAILY, duration)
    actual = (step.dose_mg, step.frequency, step.duration)
    if actual != expected:
        yield Finding(path, f"{actual} disagrees with the label's {expected}")


def _label_findings(how: HowToTake) -> Iterator[Finding]:
    """The typed doses against the label's numbers, the one place they live."""
    yield from _dose_findings(
        "how_to_take.starting",
        how.starting,
        LABEL.starting_dose_mg.value,
        LABEL.starting_period.value,
    )
    yield from _dose_findings("how_to_take.usual", how.usual, LABEL.usual_dose_mg.value, None)
    pairs = (
        ("how_to_take.maximum_daily_mg", how.maximum_daily_mg, LABEL.max_daily_dose_pain_mg.value),
        (
            "how_to_take.missed_dose_skip_hours",
            how.missed_dose_skip_hours,
            int(LABEL.skip_window_fraction.value * 24),
        ),
    )
    for path, value, label in pairs:
        if value != label:
            yield Finding(path, f"{value} disagrees with the label's {label}")


def _glossary_findings(guide: Guide, texts: str) -> Iterator[Finding]:
    for index, term in enumerate(guide.glossary.terms):
        if term.term.casefold() not in texts:
            yield Finding(
                f"glossary.terms[{index}].term", f"{term.term!r} is not used in the guide"
            )


def check_guide(guide: Guide) -> tuple[Finding, ...]:
    """Every content problem in ``guide``, all at once (an empty tuple when there are none).

    Checks that every statement, warning, approved use, medicine entry and side effect
    cites at least one source and none cites the seed page (whose statements are
    :func:`~duloxinfo.content.load.seed_claims`, not patient text), that no text is
    empty, that every glossary term is used, and that the typed doses agree with the
    label's numbers in :data:`duloxinfo.label.LABEL`.

    Raises:
        WrongTypeError: ``guide`` is not a :class:`~duloxinfo.content.model.Guide`.

    >>> import duloxinfo
    >>> duloxinfo.check_guide(duloxinfo.guide())
    ()
    """
    guide = require_type(guide, Guide, "guide", "a Guide")
    require_well_formed(guide, "guide", Guide)
    findings: list[Finding] = []
    texts: list[str] = []
    for path, value in walk(guide, _LEAVES):
        kind = type(value)
        if kind is str:
            if not value.strip():  # type: ignore[attr-defined]
                findings.append(Finding(dotted(path), "empty text"))
            elif path[0] != "glossary":
                texts.append(value.casefold())  # type: ignore[attr-defined]
        elif kind is Citation:
            if value.source is Source.SEED:  # type: ignore[attr-defined]
                findings.append(
                    Finding(dotted(path), "the seed page is not a source of patient text")
                )
        elif kind in _SOURCED and not value.sources:  # type: ignore[attr-defined]
            findings.append(Finding(dotted((*path, "sources")), "no source cited"))
    findings.extend(_label_findings(guide.how_to_take))
    findings.extend(_glossary_findings(guide, "\n".join(texts)))
    return tuple(findings)
