"""The phrase module: every shared phrase and every span or date in words written once."""

import ast
import datetime as dt
from pathlib import Path

import duloxinfo
from duloxinfo import _words
from support.source import docstring_ids

PACKAGE = Path(duloxinfo.__file__).parent
SHARED = (_words.AS_DIRECTED, _words.GET_HELP)
# Where a span is cut into days, hours and minutes: the phrases here, the ISO 8601
# writer, and a UTC offset (a clock reading, "UTC+05:30", not a span in words).
CUTS_SPANS = {"_words.py", "content/_durations.py", "interop/picture.py:_offset_text"}


def _code_strings(tree):
    """Every string constant of ``tree`` but the docstrings."""
    docstrings = docstring_ids(tree)
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


def _places_cutting_spans():
    found = set()
    for path in PACKAGE.rglob("*.py"):
        name = str(path.relative_to(PACKAGE))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            if any(
                isinstance(n, ast.Call) and ast.unparse(n.func) == "divmod"
                for n in ast.walk(function)
            ):
                found.add(name if name in CUTS_SPANS else f"{name}:{function.name}")
    return found


def test_the_shared_phrases_are_written_once_in_the_phrase_module():
    for path in PACKAGE.rglob("*.py"):
        if path.name == "_words.py":
            continue
        for text in _code_strings(ast.parse(path.read_text(encoding="utf-8"))):
            for phrase in SHARED:
                assert phrase not in text, (path.relative_to(PACKAGE), text)


def test_only_the_phrase_module_cuts_a_span_into_words():
    assert _places_cutting_spans() <= CUTS_SPANS


def test_the_spans_in_words_read_as_each_place_needs_them():
    span = dt.timedelta(days=1, hours=2, minutes=3)
    assert _words.span_words(span) == "1 day 2 h 03 min"
    assert _words.span_in_full(span) == "1 day 2 hours 3 minutes"
    assert _words.span_in_full(-span) == "1 day 2 hours 3 minutes"
    assert _words.lasting(dt.timedelta(hours=36)) == "36 hours"
    assert _words.lasting(dt.timedelta(minutes=90)) == "1 h 30 min"
    assert _words.span_words(dt.timedelta(minutes=59, seconds=40)) == "1 h 00 min"
    assert _words.short_date(dt.date(2026, 3, 1)) == "Sun 1 Mar"
