"""The numbers duloxinfo chooses, rather than quotes from a label, each with its reason.

:mod:`duloxinfo.label` holds the label's own numbers, each with its citation.  Where
the label says nothing precise (how many missed days call for the prescriber, which
intakes make one dose, how early to refill) duloxinfo makes a choice: every such
number is here, once, with why it is what it is, and the rules read it from here.
Some are borrowed from a standard other than the label (the PQA's threshold, the
ISMP's on-time windows); some are bounds on inputs, so that every call is bounded.
"""

from __future__ import annotations

import datetime as _dt
from fractions import Fraction
from typing import Final

from ._names import public_dir

__all__ = [
    "CONTACT_PRESCRIBER_AFTER_DAYS",
    "DEFAULT_REFILL_LEAD_TIME",
    "DRUG_HOLIDAY_DAYS",
    "MAX_FILL_CAPSULES",
    "MAX_INTAKE_MG",
    "MAX_NEXT_DOSES",
    "MAX_PLAN_PHASES",
    "MAX_SCHEDULE_DAYS",
    "MISSED_COUNT_LIMIT_DAYS",
    "ONE_DOSE_WITHIN",
    "ON_TIME_ONCE_DAILY",
    "ON_TIME_TWICE_DAILY",
    "PDC_THRESHOLD",
]
__dir__ = public_dir(globals())

# -- missed doses ----------------------------------------------------------------------------

CONTACT_PRESCRIBER_AFTER_DAYS: Final = 3
"""Missed doses in a row, counted in days' worth of doses, from which the missed-dose
advice says to contact the prescriber before restarting.

This is duloxinfo's choice, not a label number: duloxetine reaches a steady level
after about three days of dosing (the label's Clinical Pharmacology section, known
here from a reproduction of it; the offline US PI fragments do not hold that
section), so after that many days without it the person is no longer at the level
the prescriber chose, and how to restart is the prescriber's call.  For a
once-daily phase it is 3 missed doses in a row; for twice daily, 6; across phases,
each missed dose counts as the share of a day its phase gives it.
"""

MISSED_COUNT_LIMIT_DAYS: Final = 30
"""How many days' worth of missed doses in a row
:func:`~duloxinfo.rules.missed_dose.advise_missed_dose` counts at most.

A longer run is reported as these days' worth (``missed_in_a_row`` is then a lower
bound), so that a decision costs the same however long ago the last dose was.  The
count is of scheduled doses, not of days on the calendar: a pause between phases has
no doses, so it neither ends a run nor lengthens it.
"""

ONE_DOSE_WITHIN: Final = _dt.timedelta(minutes=30)
"""Intakes this close to the first of them, together no more than the dose in force, are
one dose: a 60 mg dose taken as two 30 mg capsules, logged a minute apart.

duloxinfo's choice, not a label number: long enough for the capsules of one dose to be
logged one by one, far shorter than any spacing between doses (6 hours at the least).
"""

# -- adherence -------------------------------------------------------------------------------

ON_TIME_ONCE_DAILY: Final = _dt.timedelta(hours=2)
"""A once-daily dose taken at most this long before or after its time is on time.

The ISMP's window for non-time-critical scheduled medicines given daily, weekly or
monthly (ISMP Acute Care Guidelines for Timely Administration of Scheduled Medications,
2011): hospital guidance for nurses, adapted here for doses people take at home.
"""

ON_TIME_TWICE_DAILY: Final = _dt.timedelta(hours=1)
"""A twice-daily dose taken at most this long before or after its time is on time.

The ISMP's window (2011) for non-time-critical scheduled medicines given more often
than daily but not more often than every 4 hours, adapted as
:data:`ON_TIME_ONCE_DAILY` is.
"""

DRUG_HOLIDAY_DAYS: Final = 3
"""Missed doses in a row, counted in days' worth of doses, that make a drug holiday.

Three or more days without a dose, as Vrijens et al. (BMJ 2008;336:1114) count drug
holidays in electronically monitored histories of once-daily medicines: three
once-daily doses in a row.  For a twice-daily plan duloxinfo counts the same three
days, six doses in a row: its own choice, not the study's.
"""

PDC_THRESHOLD: Final = Fraction(4, 5)
"""The PDC at or above which the PQA counts a person as adherent, 80%.

PQA: "The PDC threshold is 80% for each rate; therefore, individuals with a PDC
of 80% or greater are included in the numerator" (PQA, Marketplace Quality Rating
System measures FAQ, 2020).  PQA's adherence-measures page uses 80% for most drug
groups and 90% for HIV antiretroviral medicines; PQA lists no PDC measure for
antidepressants such as duloxetine, so this is the usual 80%, borrowed.  A fraction,
so that the comparison is exact: :attr:`~duloxinfo.rules.fills.DaysCovered.meets_threshold`
compares whole numbers.
"""

# -- supply ----------------------------------------------------------------------------------

DEFAULT_REFILL_LEAD_TIME: Final = _dt.timedelta(days=7)
"""How long before the supply runs out to refill, unless told otherwise.

duloxinfo's choice, not a label number: a week leaves time for a new
prescription, the pharmacy and a weekend, so that no dose is missed (the seed
page: "refill it in a timely manner to ensure continuity of treatment").
"""

# -- bounds on inputs ------------------------------------------------------------------------

MAX_SCHEDULE_DAYS: Final = 3660
"""The longest span, in days (about ten years), that a schedule, a calendar, a dose log
or a supply forecast covers, so that every call's cost is bounded."""

MAX_NEXT_DOSES: Final = 100
"""The most doses :func:`~duloxinfo.rules.schedule.next_doses` lists at once.

Enough for any reminder list (a month of twice-daily doses is 62); a longer list is
a schedule, which :func:`~duloxinfo.rules.schedule.dose_times` gives for a span.
"""

MAX_FILL_CAPSULES: Final = 10_000
"""The most capsules one :class:`~duloxinfo.rules.fills.Fill` may hold.

Ten years of the label's largest daily dose (120 mg) as 20 mg capsules would be about
22,000; no pharmacy dispenses that at once, so a larger number is taken for a mistake
(a count typed twice, a mg amount in the capsules field) and refused.
"""

MAX_INTAKE_MG: Final = 10_000
"""The most mg one :class:`~duloxinfo.rules.intakes.Intake` may record.

An overdose must be recordable, so that :func:`~duloxinfo.rules.audit.audit` reports it:
the bound is generous, over 80 times the label's largest daily dose (120 mg), about 167
capsules of 60 mg.  A larger number is taken for a mistake (a number typed twice, a
capsule count in the mg field) and refused, rather than accepted and carried into every
rule: making a dose of capsules costs work in proportion to the dose, and an integer of
thousands of digits cannot even be printed.
"""

MAX_PLAN_PHASES: Final = 1_000
"""The most phases one :class:`~duloxinfo.rules.plan.Plan` may hold.

A phase is a prescriber's order of a dose at times in a zone: the label's titration is
two, a taper a handful, and ten years (:data:`MAX_SCHEDULE_DAYS`) of a new phase every
week would be 523, with room left for a trip abroad each month.  More is taken for a
plan built by mistake (a phase per dose, or per minute), and refused: some questions walk
the slots of a month, and a plan of one-minute phases has 43,200 of them.
"""
