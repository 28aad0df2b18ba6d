"""duloxinfo: typed, sourced information about duloxetine, and pure dosing rules.

Two halves, one import:

* **Content**: :func:`guide` returns the patient guide as frozen attrs records,
  every clinical statement carrying its sources and, where the label disagrees
  with the seed page, an evidence note.
* **Rules**: :func:`advise_missed_dose`, :func:`audit`, :func:`titration_status`
  and :func:`supply_forecast` are pure functions of what they are given (the
  current time included); none of them advises a double dose.

Not medical advice: applications should present every answer as "as your
prescriber directs".

>>> import datetime as dt, duloxinfo
>>> r = duloxinfo.Regimen(60, [dt.time(8)], "Europe/London",
...                       dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
>>> duloxinfo.advise_missed_dose(r, [], dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)).action
<Action.TAKE_NOW: 'take-now'>

Every name but the errors and the version is imported on first use, so
``import duloxinfo`` stays cheap: the rules load attrs and their own classes
when first used, and cattrs, the resources API, the data file and the content
classes load only when content is first asked for.
"""

from __future__ import annotations

import importlib

from ._errors import (
    ContentError,
    DoseError,
    DuloxinfoError,
    FhirError,
    HistoryError,
    InvalidDatetimeError,
    NaiveDatetimeError,
    ScheduleError,
    SectionError,
    SupplyError,
    TimeZoneError,
    WrongTypeError,
)
from ._version import __version__

# Not `from typing import TYPE_CHECKING`: importing typing would cost more than
# everything else `import duloxinfo` does.  Type checkers treat this name the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._label import LABEL, Label, LabelFact
    from ._sources import Citation, Source
    from .content.checks import Finding, check_guide
    from .content.load import guide, guide_from_json, guide_to_json
    from .content.model import (
        SECTION_NAMES,
        Benefits,
        Considerations,
        Consultation,
        Dosage,
        DoseStep,
        DurationRange,
        EvidenceKind,
        EvidenceNote,
        Frequency,
        Guide,
        HowItWorks,
        Onset,
        Overview,
        Passage,
        Point,
        Safety,
        SafetyPoint,
        SafetyTopic,
        SideEffect,
        SideEffects,
        Statement,
    )
    from .content.render import render_html, render_markdown, render_text
    from .content.schema import guide_json_schema
    from .fhir import fhir_medication, from_fhir_dosage, to_fhir_dosage
    from .ics import dose_calendar
    from .rules.audit import DoubleDose, DoubleDoseKind, audit
    from .rules.missed_dose import (
        CONTACT_PRESCRIBER_AFTER_DAYS,
        Action,
        MissedDoseAdvice,
        advise_missed_dose,
    )
    from .rules.regimen import Intake, IntakeHistory, Regimen
    from .rules.schedule import MAX_SCHEDULE_DAYS, dose_times
    from .rules.supply import DEFAULT_REFILL_LEAD_TIME, Supply, supply_forecast
    from .rules.titration import TitrationStage, TitrationStatus, titration_status

# Every public name but the errors and the version, and the private module it lives in,
# imported on first use: `import duloxinfo` loads neither attrs nor any rule or content.
_LAZY = {
    **dict.fromkeys(("LABEL", "Label", "LabelFact"), "_label"),
    **dict.fromkeys(("Citation", "Source"), "_sources"),
    **dict.fromkeys(("Finding", "check_guide"), "content.checks"),
    **dict.fromkeys(("guide", "guide_from_json", "guide_to_json"), "content.load"),
    **dict.fromkeys(
        (
            "SECTION_NAMES",
            "Benefits",
            "Consultation",
            "Considerations",
            "Dosage",
            "DoseStep",
            "DurationRange",
            "EvidenceKind",
            "EvidenceNote",
            "Frequency",
            "Guide",
            "HowItWorks",
            "Onset",
            "Overview",
            "Passage",
            "Point",
            "Safety",
            "SafetyPoint",
            "SafetyTopic",
            "SideEffect",
            "SideEffects",
            "Statement",
        ),
        "content.model",
    ),
    **dict.fromkeys(("render_html", "render_markdown", "render_text"), "content.render"),
    "guide_json_schema": "content.schema",
    **dict.fromkeys(("DoubleDose", "DoubleDoseKind", "audit"), "rules.audit"),
    **dict.fromkeys(
        ("CONTACT_PRESCRIBER_AFTER_DAYS", "Action", "MissedDoseAdvice", "advise_missed_dose"),
        "rules.missed_dose",
    ),
    **dict.fromkeys(("Intake", "IntakeHistory", "Regimen"), "rules.regimen"),
    **dict.fromkeys(("MAX_SCHEDULE_DAYS", "dose_times"), "rules.schedule"),
    **dict.fromkeys(("fhir_medication", "from_fhir_dosage", "to_fhir_dosage"), "fhir"),
    "dose_calendar": "ics",
    **dict.fromkeys(("DEFAULT_REFILL_LEAD_TIME", "Supply", "supply_forecast"), "rules.supply"),
    **dict.fromkeys(("TitrationStage", "TitrationStatus", "titration_status"), "rules.titration"),
}


def __getattr__(name: str) -> Any:
    """Import a public name the first time it is asked for, then keep it."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'duloxinfo' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"duloxinfo.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, loaded or not."""
    return sorted(__all__)


__all__ = [
    "CONTACT_PRESCRIBER_AFTER_DAYS",
    "DEFAULT_REFILL_LEAD_TIME",
    "LABEL",
    "MAX_SCHEDULE_DAYS",
    "SECTION_NAMES",
    "Action",
    "Benefits",
    "Citation",
    "Considerations",
    "Consultation",
    "ContentError",
    "Dosage",
    "DoseError",
    "DoseStep",
    "DoubleDose",
    "DoubleDoseKind",
    "DuloxinfoError",
    "DurationRange",
    "EvidenceKind",
    "EvidenceNote",
    "FhirError",
    "Finding",
    "Frequency",
    "Guide",
    "HistoryError",
    "HowItWorks",
    "Intake",
    "IntakeHistory",
    "InvalidDatetimeError",
    "Label",
    "LabelFact",
    "MissedDoseAdvice",
    "NaiveDatetimeError",
    "Onset",
    "Overview",
    "Passage",
    "Point",
    "Regimen",
    "Safety",
    "SafetyPoint",
    "SafetyTopic",
    "ScheduleError",
    "SectionError",
    "SideEffect",
    "SideEffects",
    "Source",
    "Statement",
    "Supply",
    "SupplyError",
    "TimeZoneError",
    "TitrationStage",
    "TitrationStatus",
    "WrongTypeError",
    "__version__",
    "advise_missed_dose",
    "audit",
    "check_guide",
    "dose_calendar",
    "dose_times",
    "fhir_medication",
    "from_fhir_dosage",
    "guide",
    "guide_from_json",
    "guide_json_schema",
    "guide_to_json",
    "render_html",
    "render_markdown",
    "render_text",
    "supply_forecast",
    "titration_status",
    "to_fhir_dosage",
]
