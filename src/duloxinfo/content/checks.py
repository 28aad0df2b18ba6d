"""Content checks that report every problem at once: pure functions returning findings.

Type and field errors are the loader's; these checks are about what the content
says: every clinical statement sourced, no empty text, the guide's doses in
agreement with the label's numbers (:data:`duloxinfo.label.LABEL`).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .._validate import require_type
from ..label import LABEL
from ._parts import walk
from .model import DoseStep, EvidenceNote, Frequency, Guide, SideEffect, Statement

__all__ = ["Finding", "check_guide"]


@attrs.frozen
class Finding:
    """One problem :func:`check_guide` found: where, and what.

    Attributes:
        path: The field, for example ``benefits.items[2].statement.sources``.
        message: What is wrong there, in plain words.
    """

    path: str
    message: str

    def __str__(self) -> str:
        """``path: message``."""
        return f"{self.path}: {self.message}"


def _dose_findings(path: str, step: DoseStep, dose_mg: int, duration: object) -> Iterator[Finding]:
    expected = (dose_mg, Frequency.ONCE_DAILY, duration)
    actual = (step.dose_mg, step.frequency, step.duration)
    if actual != expected:
        yield Finding(path, f"{actual} disagrees with the label's {expected}")


def check_guide(guide: Guide) -> tuple[Finding, ...]:
    """Every content problem in ``guide``, all at once (an empty tuple when there are none).

    Checks that every statement, evidence note and side effect cites at least one
    source, that no text is empty, that ranges run forwards, and that the dosage
    agrees with the label's numbers in :data:`duloxinfo.label.LABEL`.

    Raises:
        WrongTypeError: ``guide`` is not a :class:`~duloxinfo.content.model.Guide`.

    >>> import duloxinfo
    >>> duloxinfo.check_guide(duloxinfo.guide())
    ()
    """
    guide = require_type(guide, Guide, "guide", "a Guide")
    findings: list[Finding] = []
    for path, value in walk(guide):
        if isinstance(value, Statement | EvidenceNote | SideEffect) and not value.sources:
            findings.append(Finding(f"{path}.sources", "no source cited"))
        if isinstance(value, str) and not value.strip():
            findings.append(Finding(path, "empty text"))
    expected = guide.how_it_works.onset.expected
    if expected.minimum > expected.maximum:
        findings.append(Finding("how_it_works.onset.expected", "minimum is after maximum"))
    dosage = guide.dosage
    findings.extend(
        _dose_findings(
            "dosage.starting",
            dosage.starting,
            LABEL.starting_dose_mg.value,
            LABEL.starting_period.value,
        )
    )
    findings.extend(_dose_findings("dosage.usual", dosage.usual, LABEL.usual_dose_mg.value, None))
    if dosage.maximum_daily_mg != LABEL.max_daily_dose_pain_mg.value:
        findings.append(
            Finding(
                "dosage.maximum_daily_mg",
                f"{dosage.maximum_daily_mg} disagrees with the label's "
                f"{LABEL.max_daily_dose_pain_mg.value}",
            )
        )
    return tuple(findings)
