"""The JSON Schema: generated from the records, and the real guide's JSON fits it."""

import json
import re

import duloxinfo

GUIDE = duloxinfo.guide()


def test_json_round_trip_of_the_real_guide_and_schema_covers_it():
    text = duloxinfo.guide_to_json(GUIDE, indent=1)
    assert duloxinfo.guide_from_json(text) == GUIDE
    schema = duloxinfo.guide_json_schema()
    data = json.loads(text)
    _validate(data, schema["$ref"], schema)


def _validate(data, ref, schema):
    """A small validator for the schema subset we emit, to prove the schema fits the data."""
    node = schema["$defs"][ref.rsplit("/", 1)[1]] if isinstance(ref, str) else ref
    if "$ref" in node:
        return _validate(data, node["$ref"], schema)
    if "anyOf" in node:
        errors = []
        for option in node["anyOf"]:
            try:
                _validate(data, option, schema)
            except AssertionError as exc:
                errors.append(exc)
            else:
                return None
        raise AssertionError(errors)
    if "enum" in node:
        assert data in node["enum"]
        return None
    kind = node["type"]
    if kind == "object":
        assert set(data) <= set(node["properties"]), set(data) - set(node["properties"])
        assert set(node["required"]) <= set(data)
        for key, value in data.items():
            _validate(value, node["properties"][key], schema)
    elif kind == "array":
        for item in data:
            _validate(item, node["items"], schema)
    else:
        expected = {"string": str, "integer": int, "boolean": bool, "null": type(None)}[kind]
        assert type(data) is expected, (data, kind)
        if "pattern" in node:
            assert re.fullmatch(node["pattern"].strip("^$"), data)
    return None


def test_the_schema_patterns_are_valid_outside_python():
    """JSON Schema patterns are ECMA 262 regular expressions: no Python-only groups."""
    text = json.dumps(duloxinfo.guide_json_schema())
    assert "(?P<" not in text
    date = duloxinfo.guide_json_schema()["$defs"]["AboutThisGuide"]["properties"]["reviewed_on"]
    assert re.fullmatch(date["pattern"].strip("^$"), "2026-11-25")
    assert not re.fullmatch(date["pattern"].strip("^$"), "2026-W48-3")
