"""The JSON Schema (draft 2020-12) of every command's ``--json`` answer.

Private module of the command line; ``duloxinfo schema --answers`` prints it.
Every answer is an object carrying ``schema_version``.  The rule: the major
number changes when a field is removed or renamed or changes its type or meaning;
the minor number when a field or an enum value is added.  A script should check
the major number.  Each schema lists every field as required and allows no other
(``additionalProperties: false``), so that a missing or misspelt field fails.
"""

from __future__ import annotations

import enum

#: The version every ``--json`` answer carries as ``schema_version``.
SCHEMA_VERSION = "1.0"

#: The commands that answer with ``--json``, in the order the schema lists them.
ANSWERING = (
    "missed-dose",
    "schedule",
    "supply",
    "audit",
    "adherence",
    "pdc",
    "plan",
    "titration",
    "interactions",
)

_INSTANT: dict[str, object] = {
    "type": "string",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    r"[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?$",
    "description": "An instant in ISO 8601 with its UTC offset, in the zone given.",
}
_DATE: dict[str, object] = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_DURATION: dict[str, object] = {
    "type": "string",
    "pattern": r"^P([0-9]+W|[0-9]+D|T[0-9HMS]+|[0-9]+DT[0-9HMS]+)$",
}
_SIGNED_DURATION: dict[str, object] = {
    "type": "string",
    "pattern": r"^-?P([0-9]+D|T[0-9HMS]+|[0-9]+DT[0-9HMS]+)$",
    "description": "A span in ISO 8601, with a leading minus sign when negative (as XML "
    "Schema's xs:duration writes one).",
}
_SHARE: dict[str, object] = {
    "anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "null"}]
}
_TIME: dict[str, object] = {"type": "string", "pattern": r"^[0-9]{2}:[0-9]{2}:[0-9]{2}$"}
_STRING: dict[str, object] = {"type": "string"}
_TEXT: dict[str, object] = {"type": "string", "minLength": 1}
_COUNT: dict[str, object] = {"type": "integer", "minimum": 0}
_MG: dict[str, object] = {"type": "integer", "minimum": 0}
_BOOL: dict[str, object] = {"type": "boolean"}


def _ref(name: str) -> dict[str, object]:
    return {"$ref": f"#/$defs/{name}"}


def _or_null(schema: dict[str, object]) -> dict[str, object]:
    return {"anyOf": [schema, {"type": "null"}]}


def _list(items: dict[str, object]) -> dict[str, object]:
    return {"type": "array", "items": items}


def _enum(kind: type[enum.Enum]) -> dict[str, object]:
    return {"enum": [member.value for member in kind]}


def _object(description: str, **properties: dict[str, object]) -> dict[str, object]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _answer(description: str, **properties: dict[str, object]) -> dict[str, object]:
    version: dict[str, object] = {
        "const": SCHEMA_VERSION,
        "description": "The version of this answer's schema.",
    }
    return _object(description, schema_version=version, **properties)


def answer_schemas() -> dict[str, object]:
    """The JSON Schema of the answers: one ``$defs`` entry per command, and their union."""
    # Loaded only for schema --answers.
    from ..content.interactions import WaitAfter  # noqa: PLC0415
    from ..content.medicines import FindingKind, Risk  # noqa: PLC0415
    from ..content.model import Seriousness  # noqa: PLC0415
    from ..rules.audit import DoubleDoseKind  # noqa: PLC0415
    from ..rules.dose_log import DoseStatus  # noqa: PLC0415
    from ..rules.missed_dose import Action  # noqa: PLC0415
    from ..rules.titration import TitrationStage  # noqa: PLC0415
    from ..sources import Source  # noqa: PLC0415

    dose = _object("A scheduled dose.", at=_INSTANT, dose_mg=_MG)
    intake = _object("A dose taken.", at=_INSTANT, dose_mg=_MG, certain=_BOOL)
    reason_rule: dict[str, dict[str, object]] = {"reason": _TEXT, "rule": _TEXT}
    supply: dict[str, dict[str, object]] = {
        "capsules_per_dose": _COUNT,
        "doses_left": _COUNT,
        "last_covered_dose": _or_null(_ref("instant")),
        "runs_out_on": _or_null(_DATE),
        "days_left": _or_null(_COUNT),
        "refill_by": _or_null(_DATE),
        **reason_rule,
    }
    defs: dict[str, object] = {
        "instant": _INSTANT,
        "dose": dose,
        "intake": intake,
        "missed-dose": _answer(
            "duloxinfo missed-dose --json: the missed-dose rule's advice.",
            action=_enum(Action),
            dose_mg=_MG,
            slot=_or_null(_ref("instant")),
            next_dose_at=_or_null(_ref("instant")),
            missed_in_a_row=_COUNT,
            contact_prescriber=_BOOL,
            **reason_rule,
        ),
        "schedule": _answer(
            "duloxinfo schedule --json: the doses from --from (or --now) for --days days.",
            start=_ref("instant"),
            end=_ref("instant"),
            doses=_list(_ref("dose")),
        ),
        "supply": {
            "description": (
                "duloxinfo supply --json: when the capsules run out and when to refill; "
                "with --fill, also what is on hand."
            ),
            "oneOf": [
                _answer("From --strength and --count.", **supply),
                _answer(
                    "From --fill, less the doses taken.",
                    **supply,
                    on_hand=_list(
                        {
                            "type": "array",
                            "description": "A strength in mg and how many capsules of it.",
                            "prefixItems": [_MG, _COUNT],
                            "items": False,
                            "minItems": 2,
                        }
                    ),
                    next_dose_capsules=_list(_MG),
                    due_now=_BOOL,
                    unaccounted_intakes=_list(_ref("intake")),
                ),
            ],
        },
        "audit": _answer(
            "duloxinfo audit --json: the double doses in the history.",
            intakes=_COUNT,
            double_doses=_list(
                _object(
                    "A double dose.",
                    kind=_enum(DoubleDoseKind),
                    intakes=_list(_ref("intake")),
                    slots=_list(_ref("instant")),
                    certain=_BOOL,
                    explanation=_TEXT,
                )
            ),
        ),
        "adherence": _answer(
            "duloxinfo adherence --json: the adherence figures of the period from --from "
            "(included) to --to (excluded), each scheduled dose and what happened to it, and "
            "the intakes that belong to no scheduled dose; the adherence page defines each.",
            start=_ref("instant"),
            end=_ref("instant"),
            prescribed=_COUNT,
            due=_COUNT,
            taken=_COUNT,
            unsure=_COUNT,
            on_time=_COUNT,
            unsure_on_time=_COUNT,
            days=_COUNT,
            correct_days=_COUNT,
            correct_days_with_unsure=_COUNT,
            extra=_COUNT,
            taking=_SHARE,
            taking_with_unsure=_SHARE,
            timing=_SHARE,
            timing_with_unsure=_SHARE,
            correct_dosing=_SHARE,
            correct_dosing_with_unsure=_SHARE,
            longest_gap=_DURATION,
            longest_gap_with_unsure=_DURATION,
            drug_holidays=_COUNT,
            drug_holidays_with_unsure=_COUNT,
            doses=_list(
                _object(
                    "A scheduled dose and what happened to it.",
                    at=_ref("instant"),
                    dose_mg=_MG,
                    status=_enum(DoseStatus),
                    offset=_or_null(_SIGNED_DURATION),
                    on_time_within=_DURATION,
                    intakes=_list(_ref("intake")),
                    extra=_COUNT,
                )
            ),
            unscheduled=_list(_ref("intake")),
        ),
        "pdc": _answer(
            "duloxinfo pdc --json: the proportion of days covered by the fills from --from to "
            "--to (both included), as the Pharmacy Quality Alliance defines it; the supply "
            "page defines each field.",
            pdc={"type": "number", "minimum": 0, "maximum": 1},
            days_covered=_COUNT,
            days_in_period=_COUNT,
            calendar_days=_COUNT,
            meets_threshold=_BOOL,
            dates_of_service=_COUNT,
            index_date=_or_null(_DATE),
            treatment_days=_or_null(_COUNT),
            eligible=_BOOL,
            coverage=_list(
                _object(
                    "A fill and the days its supply falls on.",
                    fill=_object("A fill.", dispensed_on=_DATE, strength_mg=_MG, capsules=_COUNT),
                    starts_on=_or_null(_DATE),
                    ends_on=_or_null(_DATE),
                    days_supply=_COUNT,
                )
            ),
            gaps=_list(
                {
                    "type": "array",
                    "description": "A run of days with a dose no fill covers: first, last.",
                    "prefixItems": [_DATE, _DATE],
                    "items": False,
                    "minItems": 2,
                }
            ),
        ),
        "plan": _answer(
            "duloxinfo plan --json: the plan's phases, the one in force, and the next doses.",
            phases=_list(
                _object(
                    "A phase: one regimen.",
                    dose_mg=_MG,
                    times=_list(_TIME),
                    tz=_TEXT,
                    start=_ref("instant"),
                    end=_or_null(_ref("instant")),
                )
            ),
            in_force=_or_null({"type": "integer", "minimum": 1}),
            next_doses=_list(_ref("dose")),
        ),
        "titration": _answer(
            "duloxinfo titration --json: where the plan in force stands on the label's plan.",
            stage=_enum(TitrationStage),
            starting_doses_taken=_COUNT,
            **reason_rule,
        ),
        "interactions": _answer(
            "duloxinfo interactions --json: the findings, most serious first.",
            findings=_list(
                _object(
                    "A finding about one medicine.",
                    medicine=_object(
                        "The medicine as given.",
                        name=_TEXT,
                        stopped_at=_or_null(_ref("instant")),
                        starts_at=_or_null(_ref("instant")),
                    ),
                    kind=_enum(FindingKind),
                    seriousness=_or_null(_enum(Seriousness)),
                    ingredient=_or_null(_STRING),
                    atc_code=_or_null(_STRING),
                    group=_STRING,
                    group_name=_STRING,
                    atc_class=_or_null(_STRING),
                    risks=_list(_enum(Risk)),
                    risk=_STRING,
                    what_to_do=_STRING,
                    windows=_list(
                        _object(
                            "A wait between the two medicines.",
                            after=_enum(WaitAfter),
                            wait=_DURATION,
                            boundary=_or_null(_ref("instant")),
                        )
                    ),
                    timing=_or_null(_STRING),
                    sources=_list(
                        _object(
                            "A source.",
                            source=_enum(Source),
                            section=_or_null(_STRING),
                            revision=_or_null(_STRING),
                        )
                    ),
                    rank={"type": "integer"},
                )
            ),
        ),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "duloxinfo command-line answers",
        "description": (
            "The --json answer of each command, as $defs named after the command. "
            f"schema_version {SCHEMA_VERSION}: the major number changes when a field is "
            "removed or renamed or changes its type or meaning, the minor number when a "
            "field or an enum value is added."
        ),
        "$defs": defs,
        "anyOf": [_ref(name) for name in ANSWERING],
    }
