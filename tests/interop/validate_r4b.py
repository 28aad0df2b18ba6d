"""Validate FHIR resources with the R4B models of the current fhir.resources.

Run by a second interpreter (pydantic 2; ``DULOXINFO_R4B_PYTHON``), since the test
environment keeps fhir.resources 6.4.0 for R4, which needs pydantic 1.  Reads a JSON
array of resources from the file named as the argument, or from stdin: each a
``Dosage`` (no ``resourceType``) or a resource such as a ``MedicationRequest``.

For each it checks what the models check, and what they do not:

* the R4B model accepts it (``model_validate``), and gives back the same elements
  with the same instants (a model that dropped an element or moved an instant, as
  rounding an offset of ``-00:44:30`` to ``-00:44`` does, fails here);
* no ``doseQuantity`` has a ``comparator`` (a dose is a SimpleQuantity; the models
  accept one all the same);
* every dateTime string matches the R4 dateTime regex: an offset is ``Z`` or
  ``+hh:mm`` up to 14:00, never with seconds.

Prints one line per problem, prefixed with the resource's index, and exits with
status 1 if there is any (2 if the input is not a JSON array), 0 otherwise.
"""

import datetime as dt
import json
import re
import sys
from pathlib import Path

from fhir.resources.R4B.dosage import Dosage
from fhir.resources.R4B.medicationrequest import MedicationRequest

# R4 dateTime, from the specification (datatypes.html#dateTime).
R4_DATETIME = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]"
    r"|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|([+\-])((0[0-9]|"
    r"1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
# A string that is meant as a dateTime with a time: a date, a T and a clock, then anything.
LOOKS_LIKE_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:.*")
MODELS = {"MedicationRequest": MedicationRequest}


def walk(value, path):
    """Every (path, value) pair in a parsed JSON value, the value itself first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def same_instants(value):
    """``value`` with every dateTime string as its UTC instant, to compare two renderings."""
    if isinstance(value, dict):
        return {key: same_instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [same_instants(item) for item in value]
    if isinstance(value, str) and LOOKS_LIKE_INSTANT.fullmatch(value):
        try:
            return dt.datetime.fromisoformat(value).astimezone(dt.UTC).isoformat()
        except ValueError:
            return value
    return value


def problems(resource):
    """What is wrong with one resource, as lines (none if it is valid)."""
    found = []
    if not isinstance(resource, dict):
        return [f"not a JSON object: {type(resource).__name__}"]
    model = MODELS.get(resource.get("resourceType"), Dosage)
    try:
        parsed = model.model_validate(resource)
    except Exception as error:  # noqa: BLE001 - any refusal by the model is the finding
        found.append(f"{model.__name__}: {str(error)[:2000]}")
    else:
        back = json.loads(parsed.model_dump_json())
        if same_instants(back) != same_instants(resource):
            found.append(f"{model.__name__} gives back something else: {json.dumps(back)[:2000]}")
    for path, value in walk(resource, "$"):
        if isinstance(value, dict) and "comparator" in value and "doseQuantity" in path:
            found.append(f"{path}.comparator: a dose is a SimpleQuantity, with no comparator")
        if (
            isinstance(value, str)
            and LOOKS_LIKE_INSTANT.fullmatch(value)
            and not R4_DATETIME.fullmatch(value)
        ):
            found.append(f"{path}: {value!r} does not match the R4 dateTime regex")
    return found


def main(argv):
    text = Path(argv[1]).read_text(encoding="utf-8") if len(argv) > 1 else sys.stdin.read()
    resources = json.loads(text)
    if not isinstance(resources, list):
        sys.stdout.write("expected a JSON array of resources\n")
        return 2
    failed = 0
    for index, resource in enumerate(resources):
        for line in problems(resource):
            sys.stdout.write(f"[{index}] {line}\n")
            failed += 1
    sys.stdout.write(f"{len(resources)} resources, {failed} problems\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
