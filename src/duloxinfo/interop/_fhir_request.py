"""Reading a FHIR R4 ``MedicationRequest`` as a plan (see :mod:`duloxinfo.interop.fhir`).

The medication must be duloxetine, coded in RxNorm or SNOMED CT, in
``medicationCodeableConcept`` or in a contained ``Medication`` that
``medicationReference`` points to; the plan is read from ``dosageInstruction`` as
:mod:`duloxinfo.interop._fhir_reading` reads any list of ``Dosage``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from .._validate import brief, shown
from ..errors import FhirError, WrongTypeError
from ..label import LABEL
from ..rules.plan import Plan
from ._fhir_elements import (
    CODING_KEYS,
    DULOXETINE,
    RXNORM,
    RXNORM_BRANDED,
    SNOMED,
    SNOMED_DULOXETINE,
    expect,
    get,
    listed,
    only,
)
from ._fhir_reading import Reading, read_plan

# The elements of a MedicationRequest that say who, when, where and why, or how it is
# dispensed: the plan does not hold them, and they do not change what is taken, so they
# are allowed and not read.  Anything else (modifierExtension, implicitRules, an unknown
# key) is refused.
_REQUEST_KEYS: Final = frozenset(
    {
        "resourceType",
        "id",
        "meta",
        "language",
        "text",
        "contained",
        "extension",
        "identifier",
        "status",
        "statusReason",
        "intent",
        "category",
        "priority",
        "doNotPerform",
        "reportedBoolean",
        "reportedReference",
        "medicationCodeableConcept",
        "medicationReference",
        "subject",
        "encounter",
        "supportingInformation",
        "authoredOn",
        "requester",
        "performer",
        "performerType",
        "recorder",
        "reasonCode",
        "reasonReference",
        "instantiatesCanonical",
        "instantiatesUri",
        "basedOn",
        "groupIdentifier",
        "courseOfTherapyType",
        "insurance",
        "note",
        "dosageInstruction",
        "dispenseRequest",
        "substitution",
        "priorPrescription",
        "detectedIssue",
        "eventHistory",
    }
)
_MEDICATION_KEYS: Final = frozenset(
    {"resourceType", "id", "meta", "language", "text", "code", "status", "manufacturer", "form"}
)
# An order: what the prescriber ordered, or plans; not a proposal or an option.
_ORDER_INTENTS: Final = frozenset(
    {"order", "original-order", "reflex-order", "filler-order", "instance-order", "plan"}
)
_CODING_READ: Final = CODING_KEYS | {"version", "userSelected"}


def _codes() -> dict[tuple[str, str], int | None]:
    """Every code read as duloxetine: (system, code) to one capsule's mg, or None."""
    codes: dict[tuple[str, str], int | None] = {(RXNORM, DULOXETINE["code"]): None}
    codes.update({(RXNORM, code): mg for mg, code in LABEL.rxnorm_scd.value})
    codes.update({(RXNORM, code): mg for code, mg in RXNORM_BRANDED.items()})
    codes.update({(SNOMED, code): mg for code, mg in SNOMED_DULOXETINE.items()})
    return codes


_CODES: Final = _codes()


def read_request(resource: object, reading: Reading) -> Plan:
    """The plan of a ``MedicationRequest`` for duloxetine."""
    if not isinstance(resource, Mapping):
        raise WrongTypeError(
            "resource",
            f"expected a FHIR MedicationRequest (a mapping of parsed JSON), got {shown(resource)}",
        )
    only(resource, _REQUEST_KEYS, "")
    expect("resourceType", resource.get("resourceType"), "MedicationRequest", "a MedicationRequest")
    status = get(resource, "status", str)
    if status != "active":
        raise FhirError(
            "status",
            f"{brief(status)} is not supported; duloxinfo reads an active order (status "
            "active): a plan has no status, and a stopped or draft order is not one to follow",
        )
    intent = get(resource, "intent", str)
    if intent not in _ORDER_INTENTS:
        raise FhirError(
            "intent",
            f"{brief(intent)} is not supported; duloxinfo reads an order "
            f"({', '.join(sorted(_ORDER_INTENTS))})",
        )
    if resource.get("doNotPerform", False) is not False:
        raise FhirError(
            "doNotPerform",
            f"{brief(resource['doNotPerform'])} is not supported; it orders the medicine "
            "not to be taken",
        )
    strength, where = _read_medication(resource)
    dosages = listed_dosages(resource)
    return read_plan(
        dosages, attrs.evolve(reading, strength=strength, medication=where), "dosageInstruction"
    )


def listed_dosages(resource: Mapping[str, Any]) -> list[Any]:
    """``dosageInstruction``: a list (its length is bounded where the plan is read)."""
    dosages: list[Any] = get(resource, "dosageInstruction", list)
    return dosages


def _read_medication(resource: Mapping[str, Any]) -> tuple[int | None, str]:
    """The strength of one capsule the medication names (None for the ingredient), and where."""
    concept = "medicationCodeableConcept" in resource
    reference = "medicationReference" in resource
    if concept and reference:
        raise FhirError(
            "medicationReference",
            "given with medicationCodeableConcept; a request names its medication once",
        )
    if concept:
        return _read_concept(resource["medicationCodeableConcept"], "medicationCodeableConcept")
    if not reference:
        raise FhirError(
            "medicationCodeableConcept",
            "missing; duloxinfo needs the medication (medicationCodeableConcept, or "
            "medicationReference to a contained Medication) to read the request",
        )
    ref = get(resource, "medicationReference", Mapping)
    only(ref, frozenset({"reference", "display"}), "medicationReference")
    target = get(ref, "reference", str, "medicationReference")
    if not target.startswith("#"):
        raise FhirError(
            "medicationReference.reference",
            f"{brief(target)} is not supported; duloxinfo reads only a Medication contained "
            "in the request ('#id'), and cannot look up one held elsewhere",
        )
    contained = listed(resource, "contained") if "contained" in resource else []
    found = [
        index
        for index, item in enumerate(contained)
        if isinstance(item, Mapping) and item.get("id") == target[1:]
    ]
    if len(found) != 1:
        raise FhirError(
            "medicationReference.reference",
            f"{brief(target)} names {len(found)} contained resources; it must name one "
            "contained Medication",
        )
    path = f"contained[{found[0]}]"
    medication = contained[found[0]]
    only(medication, _MEDICATION_KEYS, path)
    expect(f"{path}.resourceType", medication.get("resourceType"), "Medication", "a Medication")
    return _read_concept(get(medication, "code", Mapping, path), f"{path}.code")


def _read_concept(concept: object, path: str) -> tuple[int | None, str]:
    """The strength a CodeableConcept of duloxetine names, and the coding it is read from.

    Every RxNorm and SNOMED CT coding must be one of duloxetine that duloxinfo knows;
    codings of other systems (NDC, an EHR's own) are not read.
    """
    if not isinstance(concept, Mapping):
        raise FhirError(path, f"expected a CodeableConcept, got {shown(concept)}")
    only(concept, frozenset({"coding", "text"}), path)
    codings = listed(concept, "coding", path) if "coding" in concept else []
    strength: int | None = None
    where = ""
    known = 0
    for index, coding in enumerate(codings):
        at = f"{path}.coding[{index}]"
        if not isinstance(coding, Mapping):
            raise FhirError(at, f"expected a Coding, got {shown(coding)}")
        only(coding, _CODING_READ, at)
        system = coding.get("system")
        if system not in {RXNORM, SNOMED}:
            continue
        code = get(coding, "code", str, at)
        if (system, code) not in _CODES:
            name = "RxNorm" if system == RXNORM else "SNOMED CT"
            raise FhirError(
                f"{at}.code",
                f"{brief(code)} is not a {name} code of duloxetine that duloxinfo knows; "
                "duloxinfo reads only duloxetine (see 'Which codes are read' in docs/fhir.md)",
            )
        known += 1
        mg = _CODES[system, code]
        if mg is None:
            continue
        if strength is not None and mg != strength:
            raise FhirError(
                f"{at}.code",
                f"{code} is duloxetine {mg} mg, but {where} is {strength} mg; the codings "
                "of one medication must agree",
            )
        strength, where = mg, f"{at} {code}"
    if not known:
        raise FhirError(
            f"{path}.coding",
            f"{brief(codings)} has no RxNorm or SNOMED CT code of duloxetine; duloxinfo "
            "reads only duloxetine, and only by its code",
        )
    return strength, where
