"""The shared input checks (``duloxinfo._validate``): each written once, used everywhere."""

import ast
import datetime as dt
import pathlib

import pytest

import duloxinfo
from duloxinfo import _validate

SRC = pathlib.Path(duloxinfo.__file__).parent


def test_the_supported_years_are_two_to_9998_so_a_day_either_side_is_a_datetime():
    assert (_validate.MIN_YEAR, _validate.MAX_YEAR) == (2, 9998)
    assert _validate.in_supported_years(dt.date(2, 1, 1))
    assert _validate.in_supported_years(dt.datetime(9998, 12, 31, 23, 59, tzinfo=dt.UTC))
    assert not _validate.in_supported_years(dt.date(1, 12, 31))
    assert not _validate.in_supported_years(dt.date(9999, 1, 1))


def test_the_fhir_writer_refuses_outside_the_same_years_the_checks_do(monkeypatch):
    """FHIR's own bound is the shared one: narrowing the shared years narrows it too."""
    odd = dt.timezone(dt.timedelta(hours=5, seconds=30))  # an offset FHIR has no form for
    regimen = duloxinfo.Regimen(60, [dt.time(8)], "UTC", dt.datetime(2031, 1, 1, tzinfo=odd))
    duloxinfo.to_fhir_dosages(regimen)  # in UTC it is 2030-12-31, in the years
    monkeypatch.setattr(_validate, "MAX_YEAR", 2029)
    with pytest.raises(duloxinfo.InvalidDatetimeError, match="cannot be written in FHIR"):
        duloxinfo.to_fhir_dosages(regimen)


def _year_bounds(tree):
    """Places comparing a ``.year`` with a number, and the numbers 9998 and 9999."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in {9998, 9999}:
            yield node.lineno
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "year" for s in sides) and any(
                isinstance(s, ast.Constant) for s in sides
            ):
                yield node.lineno


def _found_outside_validate(finder):
    """``file:line`` of each place ``finder`` finds in a module other than ``_validate``."""
    return [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "_validate.py"
        for line in finder(ast.parse(path.read_text(encoding="utf-8")))
    ]


def test_no_other_module_writes_the_supported_years():
    assert _found_outside_validate(_year_bounds) == []


def test_each_item_of_a_list_is_checked_by_the_one_helper_naming_its_place():
    with pytest.raises(duloxinfo.WrongTypeError) as info:
        _validate.require_each(iter([1, "2", 3]), int, "doses", "an iterable of int", "an int")
    assert info.value.field == "doses[1]"
    assert str(info.value) == "doses[1]: expected an int, got str '2'"
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^doses: expected an iterable of int, got"):
        _validate.require_each("123", int, "doses", "an iterable of int", "an int")
    assert _validate.require_each(iter([1, 2]), int, "doses", "", "") == (1, 2)


def _item_type_checks(tree):
    """``require_type`` calls naming an item by an index of their own: ``f"fills[{i}]"``."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "require_type"
            and len(node.args) >= 3
            and isinstance(node.args[2], ast.JoinedStr)
            and "[{" in ast.unparse(node.args[2])
        ):
            yield node.lineno


def test_no_other_module_loops_over_items_checking_each_type():
    assert _found_outside_validate(_item_type_checks) == []
