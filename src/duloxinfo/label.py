"""The label's numbers that the rules, the guide and the exports stand on, with their sources.

This is the one place these numbers are written.  The rules read them from
:data:`LABEL`; the guide's data repeats the doses in prose and typed fields, and
the content checks (and a test) hold the two in agreement.
"""

from __future__ import annotations

import datetime as _dt
from fractions import Fraction
from typing import Generic, TypeVar

import attrs

from ._names import public_dir
from .sources import Citation, Source

__all__ = ["LABEL", "Label", "LabelFact"]
__dir__ = public_dir(globals())

_T = TypeVar("_T")

# The generic US label held whole (US PI-G): each number cites the subsection that states it.
_ADMINISTRATION = Citation(source=Source.US_PI_G, section="§2.1")
_DEPRESSION = Citation(source=Source.US_PI_G, section="§2.2")
_ANXIETY = Citation(source=Source.US_PI_G, section="§2.3")
_FIBROMYALGIA = Citation(source=Source.US_PI_G, section="§2.5")
_MUSCULOSKELETAL = Citation(source=Source.US_PI_G, section="§2.6")
# §2 as the copy stores it: the section with the Highlights dosing table kept in its field.
_DOSING_TABLE = Citation(source=Source.US_PI_G, section="§2")


@attrs.frozen(kw_only=True)
class LabelFact(Generic[_T]):
    """One number from the label, with the documents that state it.

    >>> from duloxinfo import LABEL
    >>> LABEL.usual_dose_mg.value
    60
    >>> [str(c) for c in LABEL.usual_dose_mg.sources]
    ['US PI-G, §2.5', 'US PI-G, §2.6']

    Attributes:
        value: The number itself.
        sources: Where it is stated (at least one).
        note: What the number applies to, in plain words.
    """

    value: _T
    sources: tuple[Citation, ...]
    note: str = ""


@attrs.frozen(kw_only=True)
class Label:
    """The label's numbers duloxinfo uses, each a :class:`LabelFact`.

    Use the instance :data:`LABEL`; there is no other.

    >>> from duloxinfo import LABEL
    >>> LABEL.capsule_strengths_mg.value
    (20, 30, 40, 60)
    >>> LABEL.max_daily_dose_mg.value, LABEL.max_daily_dose_pain_mg.value
    (120, 60)

    Attributes:
        capsule_strengths_mg: Marketed strengths of duloxetine delayed-release capsules
            in the US, in mg.
        starting_dose_mg: Starting dose for chronic musculoskeletal pain and
            fibromyalgia, once daily.
        starting_period: How long the starting dose is given before the usual dose.
        usual_dose_mg: Usual (target) dose for chronic musculoskeletal pain and
            fibromyalgia, once daily.
        max_daily_dose_pain_mg: Maximum daily dose for the pain uses (DPNP,
            fibromyalgia, chronic musculoskeletal pain).
        max_daily_dose_mg: Overall maximum daily dose (depression and anxiety only).
        max_doses_per_day: Most doses a day in any labelled regimen (twice daily
            appears for depression only).
        skip_window_fraction: The part of the dosing interval before the next dose in
            which a missed dose is skipped; the rules also keep at least this part of
            the interval between any two doses (the spacing, 12 hours once daily).
        administration: How the delayed-release capsule is taken, as one instruction
            for reminders.
        rxnorm_scd: The RxNorm clinical drug (SCD) code of the capsule of each
            strength, as (mg, code) pairs.
    """

    capsule_strengths_mg: LabelFact[tuple[int, ...]]
    starting_dose_mg: LabelFact[int]
    starting_period: LabelFact[_dt.timedelta]
    usual_dose_mg: LabelFact[int]
    max_daily_dose_pain_mg: LabelFact[int]
    max_daily_dose_mg: LabelFact[int]
    max_doses_per_day: LabelFact[int]
    skip_window_fraction: LabelFact[Fraction]
    administration: LabelFact[str]
    rxnorm_scd: LabelFact[tuple[tuple[int, str], ...]]


LABEL = Label(
    capsule_strengths_mg=LabelFact(
        value=(20, 30, 40, 60),
        sources=(
            Citation(
                source=Source.US_PI,
                section="§16.1",
                revision="generic label, NDC 25000, date unknown",
            ),
            Citation(source=Source.FDA_NDC, section="generic 40 mg delayed-release capsules"),
        ),
        note="A US generic label lists 20, 30 and 60 mg capsules; the 40 mg capsule of some US "
        "generics is from the FDA's NDC listings, which are not in the stored copies.",
    ),
    starting_dose_mg=LabelFact(
        value=30,
        sources=(_FIBROMYALGIA, _MUSCULOSKELETAL),
        note="Chronic musculoskeletal pain and fibromyalgia: 30 mg once daily to start.",
    ),
    starting_period=LabelFact(
        value=_dt.timedelta(weeks=1),
        sources=(_FIBROMYALGIA, _MUSCULOSKELETAL),
        note="30 mg once daily for one week, then the usual dose.",
    ),
    usual_dose_mg=LabelFact(
        value=60,
        sources=(_FIBROMYALGIA, _MUSCULOSKELETAL),
        note="Chronic musculoskeletal pain and fibromyalgia: 60 mg once daily.",
    ),
    max_daily_dose_pain_mg=LabelFact(
        value=60,
        sources=(_DOSING_TABLE, _FIBROMYALGIA, _MUSCULOSKELETAL),
        note="No evidence that more than 60 mg a day helps pain; higher doses bring more "
        "adverse reactions.",
    ),
    max_daily_dose_mg=LabelFact(
        value=120,
        sources=(_DOSING_TABLE, _ANXIETY),
        note=(
            "The dosing table's maximum, for depression and anxiety only; the label finds no "
            "added benefit above 60 mg a day."
        ),
    ),
    max_doses_per_day=LabelFact(
        value=2,
        sources=(_DEPRESSION,),
        note="Once daily for every use; twice daily appears only for depression.",
    ),
    skip_window_fraction=LabelFact(
        value=Fraction(1, 2),
        sources=(
            Citation(source=Source.NHS, section="How and when to take: If you forget to take it"),
            _ADMINISTRATION,
        ),
        note="The US label says skip a missed dose when it is 'almost time' for the next one "
        "and gives no number; the NHS gives one for once-daily dosing: skip it when less "
        "than 12 hours (half the interval) are left.",
    ),
    administration=LabelFact(
        value="Swallow the capsule whole; do not chew, crush or open it.",
        sources=(_ADMINISTRATION, _DOSING_TABLE),
        note="The capsule's enteric coating must stay whole; the dose may be taken with or "
        "without food.",
    ),
    rxnorm_scd=LabelFact(
        value=((20, "596926"), (30, "596930"), (40, "616402"), (60, "596934")),
        sources=(
            Citation(source=Source.FDA_NDC, section="RxNorm codes (rxcui) of the listed products"),
        ),
        note="duloxetine 20, 30, 40 and 60 MG Delayed Release Oral Capsule.",
    ),
)
"""The label's facts (see :class:`Label`)."""
