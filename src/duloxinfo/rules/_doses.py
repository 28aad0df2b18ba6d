"""Which doses and capsule strengths the label allows: each check written once.

Private module, used by the rules' values, the supply forecast and the FHIR export.
"""

from __future__ import annotations

import functools
import math

from .._validate import brief, require_whole_number
from ..errors import DoseError
from ..label import LABEL


@functools.cache
def _makeable_below(bound: int) -> frozenset[int]:
    """Every total below ``bound`` mg that whole marketed capsules make."""
    reachable = {0}
    for total in range(1, bound):
        if any(total - s in reachable for s in LABEL.capsule_strengths_mg.value if s <= total):
            reachable.add(total)
    return frozenset(reachable - {0})


def _makeable(dose_mg: int) -> bool:
    """Whether ``dose_mg`` is a sum of whole capsules of the marketed strengths.

    Below ``min * max`` of the strengths we look it up; at or above it every
    multiple of the strengths' greatest common divisor is makeable (it lies past
    the set's Frobenius number), so huge values cost nothing.
    """
    strengths = LABEL.capsule_strengths_mg.value
    bound = min(strengths) * max(strengths)
    if dose_mg % math.gcd(*strengths):
        return False
    return dose_mg >= bound or dose_mg in _makeable_below(bound)


def _strengths_text() -> str:
    """The marketed strengths in words: ``20, 30, 40, 60 mg``."""
    return ", ".join(str(s) for s in LABEL.capsule_strengths_mg.value) + " mg"


def require_dose(value: object, field: str) -> int:
    """Return ``value`` if it is a positive whole-mg dose made of whole capsules, else raise."""
    dose = require_whole_number(value, field, "a whole number of mg")
    if dose <= 0:
        raise DoseError(f"{field}: {brief(dose)} mg is not a positive dose")
    if not _makeable(dose):
        raise DoseError(
            f"{field}: {brief(dose)} mg cannot be made of whole capsules of the marketed "
            f"strengths ({_strengths_text()}); capsules may not be split"
        )
    return dose


def require_strength(value: object, field: str = "strength_mg") -> int:
    """Return ``value`` if it is a marketed capsule strength in mg, else raise."""
    strength = require_whole_number(value, field, "a whole number of mg")
    if strength not in LABEL.capsule_strengths_mg.value:
        raise DoseError(
            f"{field}: {brief(strength)} is not a marketed capsule strength ({_strengths_text()})"
        )
    return strength
