"""What the FHIR writer and readers share: code systems, codes, and reading one element.

A private module of :mod:`duloxinfo.interop.fhir`: the writer is in ``fhir.py``, the
``Dosage`` reader in ``_fhir_reading.py`` and the ``MedicationRequest`` reader in
``_fhir_request.py``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, TypeVar

from .._validate import brief, shown
from ..errors import FhirError

_T = TypeVar("_T")

UCUM: Final = "http://unitsofmeasure.org"
SNOMED: Final = "http://snomed.info/sct"
RXNORM: Final = "http://www.nlm.nih.gov/research/umls/rxnorm"
TZ_CODE: Final = "http://hl7.org/fhir/StructureDefinition/tz-code"
GTS_ABBREVIATION: Final = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation"
DOSE_RATE_TYPE: Final = "http://terminology.hl7.org/CodeSystem/dose-rate-type"
ORDERABLE_DRUG_FORM: Final = "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm"
# RxNorm ingredient (IN) duloxetine: a request names the ingredient, as its phases may
# need capsules of several strengths (90 mg is 60 + 30).  Confirmed in CPIC's drug table
# (cpicpgx/cpic-schema, drug.sql: RxNorm:72625 duloxetine), as docs/interactions.md says.
DULOXETINE: Final = MappingProxyType({"system": RXNORM, "code": "72625", "display": "duloxetine"})
ORAL: Final = MappingProxyType({"system": SNOMED, "code": "26643006", "display": "Oral route"})

# The codes of duloxetine a MedicationRequest is read with, each with the strength of one
# capsule in mg, or None for the ingredient (no strength).  The clinical drugs (SCD) are
# LABEL.rxnorm_scd; the others, and where each was confirmed, are in docs/fhir.md
# ("Which codes are read").
RXNORM_BRANDED: Final = MappingProxyType(
    {
        # Cymbalta (SBD): openFDA NDC 0002-3240 lists them among Cymbalta's rxcuis; each
        # code's strength from RxNav's answer for "cymbalta" as stored public repositories
        # quote it.
        "596928": 20,
        "596932": 30,
        "615186": 60,
    }
)
# SNOMED CT 407032004 "Duloxetine (substance)": the ingredient, no strength.
SNOMED_DULOXETINE: Final = MappingProxyType({"407032004": None})

# The R4 dateTime (fhir.resources 6.4.0 fhirtypes.DateTime, from the specification), and
# its form with a time, which duloxinfo needs: an offset of Z or +-hh:mm up to 14:00.
FHIR_DATETIME: Final = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]"
    r"|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|([+\-])((0[0-9]|"
    r"1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
WITH_TIME: Final = re.compile(r".*T[0-9:]{8}(\.(?P<fraction>[0-9]+))?(Z|[+\-][0-9:]{5})")
DATE_ONLY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FHIR_TIME: Final = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]")
MOST_MICROSECOND_DIGITS: Final = 6
QUANTITY_KEYS: Final = frozenset({"value", "unit", "system", "code"})
CODING_KEYS: Final = frozenset({"system", "code", "display"})
# Parsed JSON may hold a list of any length; lists duloxinfo reads are short by nature
# (codings of one concept, resources contained in one request), and a longer one is
# refused before it is read, as a plan of over MAX_PLAN_PHASES phases is.
MOST_LISTED: Final = 100


def mg(value: int) -> dict[str, Any]:
    """A UCUM quantity of ``value`` mg."""
    return {"value": value, "unit": "mg", "system": UCUM, "code": "mg"}


def get(data: object, path: str, kind: type[_T] | tuple[type, ...], within: str = "") -> Any:
    """The element at dotted ``path`` of ``data``, which must be of ``kind``.

    ``within`` is where ``data`` itself is, for the message.
    """
    where = f"{within}.{path}" if within else path
    value = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise FhirError(where, "missing; duloxinfo needs it to read the regimen")
        value = value[part]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise FhirError(where, f"expected {kind_name(kind)}, got {shown(value)}")
    return value


def kind_name(kind: type | tuple[type, ...]) -> str:
    """``kind`` in words: ``int or float``."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def only(data: Mapping[Any, object], allowed: frozenset[str], path: str) -> None:
    """Refuse elements duloxinfo cannot represent, rather than dropping them."""
    # Parsed JSON has string keys; a mapping built in code may not: strings first, then
    # the rest in their order, never by repr (which may be deep or slow).
    extra = sorted(
        (key for key in data if key not in allowed),
        key=lambda k: (0, k) if isinstance(k, str) else (1, ""),
    )
    if extra:
        key: object = extra[0]
        name = key if isinstance(key, str) and 0 < len(key) <= 60 else brief(key)
        if key == "":
            name = "<empty>"
        what = (
            f"only {', '.join(sorted(allowed))}"
            if len(allowed) <= _MOST_NAMED
            else "only the elements docs/fhir.md lists"
        )
        raise FhirError(
            f"{path}.{name}" if path else str(name),
            f"{brief(data[key])} is not supported; duloxinfo reads {what} here",
        )


# The most allowed elements a message lists by name; more would make it long.
_MOST_NAMED: Final = 15


def expect(path: str, value: object, wanted: object, meaning: str) -> None:
    """Refuse ``value`` unless it is ``wanted`` (of the same type)."""
    if value != wanted or type(value) is not type(wanted):
        raise FhirError(path, f"{brief(value)} is not supported; duloxinfo reads only {meaning}")


def listed(data: Mapping[str, Any], path: str, within: str = "") -> list[Any]:
    """The list at ``path``, of at most :data:`MOST_LISTED` items."""
    items: list[Any] = get(data, path, list, within)
    if len(items) > MOST_LISTED:
        where = f"{within}.{path}" if within else path
        raise FhirError(
            where, f"{len(items)} items given; duloxinfo reads at most {MOST_LISTED} here"
        )
    return items


def whole_number(path: str, value: object, what: str) -> int:
    """``value`` as a whole number (a JSON integer, or a number such as ``1.0``)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))
        or value != int(value)
    ):
        raise FhirError(path, f"{brief(value)} is not a whole number of {what}")
    return int(value)


def whole_mg(path: str, quantity: object) -> int:
    """A whole number of mg from a UCUM ``Quantity`` at ``path``, with nothing else in it."""
    if not isinstance(quantity, Mapping):
        raise FhirError(path, f"expected a quantity in mg ({UCUM} code mg), got {shown(quantity)}")
    if "comparator" in quantity:
        raise FhirError(
            f"{path}.comparator",
            f"{brief(quantity['comparator'])} is not supported; a dose "
            "is a fixed quantity (a SimpleQuantity, with no comparator)",
        )
    only(quantity, QUANTITY_KEYS, path)
    if quantity.get("code") != "mg" or quantity.get("system") != UCUM:
        raise FhirError(path, f"expected a quantity in mg ({UCUM} code mg), got {brief(quantity)}")
    return whole_number(f"{path}.value", quantity.get("value"), "mg")


MIDNIGHT: Final = _dt.time(0)
