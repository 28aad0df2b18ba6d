"""Which doses and capsule strengths the label allows: each check written once.

Private module, used by the rules' values, the supply forecast and the FHIR export.
"""

from __future__ import annotations

import functools
import math
from collections import deque

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
    """The capsules of :func:`most_toward`, from counts capped at what the dose could use.

    A dynamic programme over the totals up to the dose, in steps of the strengths'
    greatest common divisor (10 mg): for each total, the best way to make it exactly,
    adding one strength at a time.  Its cost is linear in the dose (a few steps per total
    and strength), however many capsules are on hand.
    """
    if not capped:
        return ()
    unit = math.gcd(*(s for s, _ in capped))
    # best[t]: the best way to make t units exactly, or None, as a key that sorts the
    # better way first: (capsules, -capsules of each strength, largest first).  Fewer
    # capsules, then more of the larger strengths, is the order of fewest_capsules.
    width = len(capped) + 1
    best: list[tuple[int, ...] | None] = [None] * (dose_mg // unit + 1)
    best[0] = (0,) * width
    for place, (strength, count) in enumerate(capped, start=1):
        one = tuple(1 if i == 0 else -1 if i == place else 0 for i in range(width))
        best = _with_strength(best, strength // unit, count, one)
    key = next(k for k in reversed(best) if k is not None)  # the most, without going over
    return tuple(s for (s, _), n in zip(capped, key[1:], strict=True) for _ in range(-n))


def _with_strength(
    best: list[tuple[int, ...] | None], step: int, count: int, one: tuple[int, ...]
) -> list[tuple[int, ...] | None]:
    """``best`` when up to ``count`` capsules of ``step`` units may be added.

    Adding ``n`` capsules adds ``n * one`` to a key.  Along each chain of totals ``step``
    apart, the best way to make the ``j``-th total is the least of ``key[i] + (j - i) *
    one`` over ``j - count <= i <= j``, that is ``min(key[i] - i * one) + j * one``: a
    minimum over a sliding window, kept in a queue in one pass (each total enters and
    leaves it once).
    """
    new = list(best)
    for first in range(min(step, len(best))):
        window: deque[tuple[int, tuple[int, ...]]] = deque()  # (j, key[j] - j * one), rising
        for j, total in enumerate(range(first, len(best), step)):
            key = best[total]
            if key is not None:
                shifted = tuple(k - j * o for k, o in zip(key, one, strict=True))
                while window and window[-1][1] >= shifted:
                    window.pop()
                window.append((j, shifted))
            while window and window[0][0] < j - count:
                window.popleft()
            new[total] = (
                tuple(k + j * o for k, o in zip(window[0][1], one, strict=True)) if window else None
            )
    return new
