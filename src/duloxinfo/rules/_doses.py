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
        raise DoseError(field, f"{brief(dose)} mg is not a positive dose")
    if not _makeable(dose):
        raise DoseError(
            field,
            f"{brief(dose)} mg cannot be made of whole capsules of the marketed "
            f"strengths ({_strengths_text()}); capsules may not be split",
        )
    return dose


def require_strength(value: object, field: str = "strength_mg") -> int:
    """Return ``value`` if it is a marketed capsule strength in mg, else raise."""
    strength = require_whole_number(value, field, "a whole number of mg")
    if strength not in LABEL.capsule_strengths_mg.value:
        raise DoseError(
            field, f"{brief(strength)} is not a marketed capsule strength ({_strengths_text()})"
        )
    return strength


def fewest_capsules(dose_mg: int, on_hand: tuple[tuple[int, int], ...]) -> tuple[int, ...] | None:
    """The capsules that make ``dose_mg`` from ``on_hand``, or None when they cannot.

    ``on_hand`` pairs each strength with a count of capsules (at least 0).  Of the
    ways to make the dose from them, the one with the fewest capsules; between ways
    with as many capsules, the one with the larger strengths first (90 mg from 60 and
    30 mg capsules is ``(60, 30)``, not ``(30, 30, 30)``; 60 mg from 60 and 30 mg
    capsules is ``(60,)``).  The strengths come back largest first.
    """
    best = most_toward(dose_mg, on_hand)
    return best if sum(best) == dose_mg else None


def most_toward(dose_mg: int, on_hand: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The capsules from ``on_hand`` that make the most of ``dose_mg`` without going over it.

    Between ways that make as much, the fewest capsules, then the larger strengths
    first, as :func:`fewest_capsules`; the whole dose when ``on_hand`` can make it.
    """
    # Only whether a count reaches what one dose could use matters: cap the counts, so
    # that a long forecast asks the same few questions over and over.
    capped = tuple(
        sorted(
            ((s, min(n, dose_mg // s)) for s, n in on_hand if n > 0 and s <= dose_mg),
            reverse=True,
        )
    )
    return _most(dose_mg, capped)


@functools.lru_cache(maxsize=4096)
def _most(dose_mg: int, capped: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    best: tuple[int, ...] = ()

    def better(taken: tuple[int, ...]) -> bool:
        # More mg first; then fewer capsules; then larger strengths first (tuples of
        # strengths, largest first, compare that way).
        return (-sum(taken), len(taken), best) < (-sum(best), len(best), taken)

    def search(index: int, left: int, taken: tuple[int, ...]) -> None:
        nonlocal best
        if index == len(capped) or left == 0:
            if better(taken):
                best = taken
            return
        strength, count = capped[index]
        for n in range(min(count, left // strength), -1, -1):
            search(index + 1, left - n * strength, taken + (strength,) * n)

    search(0, dose_mg, ())
    return best
