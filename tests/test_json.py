"""Reading JSON (``duloxinfo._json``): one wording for every way JSON text can fail."""

import ast
import pathlib

import pytest

import duloxinfo
from duloxinfo._json import parse_json

SRC = pathlib.Path(duloxinfo.__file__).parent


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "line 1, column 2: invalid JSON: Expecting property name enclosed in double quotes"),
        ('{"a": 1}\n  x', "line 2, column 3: invalid JSON: Extra data"),
        ("[" * 100_000 + "]" * 100_000, "invalid JSON: nested too deeply"),
        ("1" * 5000, "invalid JSON: a number too long (more than 4300 digits)"),
        (
            '{"dose_mg": ' + "6" * 4301 + "}",
            "invalid JSON: a number too long (more than 4300 digits)",
        ),
    ],
)
def test_each_way_json_fails_is_one_content_error_naming_the_file(text, problem):
    with pytest.raises(duloxinfo.ContentError) as info:
        parse_json(text, "history.json")
    assert info.value.problems == (problem,)
    assert info.value.field == info.value.file == "history.json"
    assert str(info.value) == f"history.json: {problem}"
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__ or info.value.__context__ is None


def test_json_text_is_read_as_json():
    assert parse_json('{"dose_mg": 60, "times": ["08:00"]}', "x") == {
        "dose_mg": 60,
        "times": ["08:00"],
    }
    assert parse_json("6" * 4300, "x") == int("6" * 4300)


def test_the_guide_reads_json_text_through_the_one_reader():
    with pytest.raises(duloxinfo.ContentError) as info:
        duloxinfo.guide_from_json("9" * 5000)
    assert info.value.problems == ("invalid JSON: a number too long (more than 4300 digits)",)


# The command line still has its own copies until it calls parse_json (issue 23).
_NOT_YET: set[str] = set()


def _parses_json(node):
    if isinstance(node, ast.ExceptHandler):
        return "RecursionError" in ast.unparse(node)
    return (
        isinstance(node, ast.Attribute)
        and node.attr in {"loads", "load", "JSONDecoder", "JSONDecodeError"}
        and isinstance(node.value, ast.Name)
        and node.value.id == "json"
    )


def test_no_other_module_parses_json_text():
    found = [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for path in sorted(SRC.rglob("*.py"))
        if str(path.relative_to(SRC)) not in {"_json.py", *_NOT_YET}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _parses_json(node)
    ]
    assert found == []
