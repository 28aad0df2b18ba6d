"""The shared input checks (``duloxinfo._validate``): each written once, used everywhere."""

import ast
import datetime as dt
import pathlib
from zoneinfo import ZoneInfo

import numpy as np
import pendulum
import pytest

import duloxinfo
from duloxinfo import _validate
from support.foreign import Hostile, Lying, Misread, Offset

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


# Other libraries' types, made plain at the boundary ------------------------------------


def test_a_pendulum_datetime_becomes_a_plain_one_with_its_wall_time_fold_and_zone():
    london = pendulum.timezone("Europe/London")
    for fold, offset in ((0, dt.timedelta(hours=1)), (1, dt.timedelta(0))):  # 01:30 twice
        given = pendulum.datetime(2026, 10, 25, 1, 30, tz=london).replace(fold=fold)
        plain = _validate.require_aware(given, "now")
        assert type(plain) is dt.datetime
        assert type(plain.tzinfo) is ZoneInfo
        assert plain.tzinfo is ZoneInfo("Europe/London")
        assert (plain.hour, plain.minute, plain.fold, plain.utcoffset()) == (1, 30, fold, offset)
        assert plain.timestamp() == given.timestamp()


def test_a_fixed_offset_tzinfo_of_another_library_is_kept_as_it_is():
    given = pendulum.parse("2026-02-01T09:00:00+05:45")
    plain = _validate.require_aware(given, "now")
    assert type(plain) is dt.datetime
    assert plain.tzinfo is given.tzinfo
    assert plain.isoformat() == "2026-02-01T09:00:00+05:45"
    own = dt.datetime(2026, 2, 1, 9, tzinfo=Offset(dt.timedelta(hours=-3)))
    assert _validate.require_aware(own, "now") is own  # a plain datetime is returned as it is


def test_a_subclass_is_read_through_the_base_class_so_its_overrides_are_not_asked():
    given = Hostile.of(dt.datetime(2026, 2, 1, 9, 30, 5, 7, tzinfo=Offset(dt.timedelta(hours=2))))
    plain = _validate.require_aware(given, "now")
    assert repr(plain) == repr(
        dt.datetime(2026, 2, 1, 9, 30, 5, 7, tzinfo=Offset(dt.timedelta(hours=2)))
    )
    misread = Misread(2026, 2, 1, 9, 30, tzinfo=dt.UTC)
    assert misread.hour == 0
    assert _validate.require_aware(misread, "now").hour == 9


def test_a_subclass_whose_offset_is_not_its_own_zones_is_refused_naming_the_field():
    with pytest.raises(duloxinfo.InvalidDatetimeError, match=r"^now: Lying .* UTC\+01:00, but"):
        _validate.require_aware(Lying(2026, 2, 1, 9, tzinfo=dt.UTC), "now")
    # A zone of the database reads the hour a subclass gives; on the night the clocks go
    # forward, 00:xx and 09:xx have different offsets, and the value names no one instant.
    spring = Misread(2026, 3, 29, 9, tzinfo=ZoneInfo("Europe/London"))
    with pytest.raises(duloxinfo.InvalidDatetimeError, match=r"^start: Misread .* gives itself"):
        _validate.require_aware(spring, "start")


def test_other_integer_types_become_ints_and_bools_and_floats_stay_refused():
    class Count(int):
        def __index__(self):
            return 99

    for given, expected in ((np.int64(60), 60), (np.uint8(3), 3), (Count(7), 7), (5, 5)):
        number = _validate.require_whole_number(given, "count")
        assert (type(number), number) == (int, expected)

    class BadIndex:
        def __index__(self):
            return "60"  # noqa: PLE0305 - the hostile integer this test refuses

    for refused in (True, np.True_, np.float64(60), 60.0, BadIndex(), "60"):
        with pytest.raises(duloxinfo.WrongTypeError, match=r"^count: expected a whole number"):
            _validate.require_whole_number(refused, "count")


def test_pendulum_zones_dates_times_and_durations_become_the_standard_librarys():
    zone = _validate.to_zone(pendulum.timezone("Asia/Kathmandu"))
    assert (type(zone), zone.key) == (ZoneInfo, "Asia/Kathmandu")
    day = _validate.require_date(pendulum.date(2026, 2, 1), "first_day")
    assert (type(day), day) == (dt.date, dt.date(2026, 2, 1))
    time = _validate.plain_time(pendulum.time(8, 30, 5, 1))
    assert (type(time), time) == (dt.time, dt.time(8, 30, 5, 1))
    span = _validate.require_timedelta(pendulum.duration(days=7, hours=1), "lead_time")
    assert (type(span), span) == (dt.timedelta, dt.timedelta(days=7, hours=1))


class _FarOff(dt.datetime):
    """A datetime that says its offset is two days: no offset a zone can have."""

    def utcoffset(self):
        return dt.timedelta(days=2)


class _Renamed(ZoneInfo):
    """A ZoneInfo subclass whose name the time zone database does not know."""

    @property
    def key(self):
        return "Nowhere/Land"


def test_an_offset_no_zone_can_have_is_shown_as_it_was_given():
    with pytest.raises(
        duloxinfo.InvalidDatetimeError,
        match=r"^now: _FarOff .* gives itself the offset datetime.timedelta\(days=2\), but",
    ):
        _validate.require_aware(_FarOff(2026, 2, 1, 9, tzinfo=dt.UTC), "now")


def test_a_zoneinfo_subclass_of_a_name_the_database_does_not_know_is_refused():
    when = dt.datetime(2026, 2, 1, 9, tzinfo=_Renamed("UTC"))
    with pytest.raises(
        duloxinfo.InvalidDatetimeError, match=r"^start: its tzinfo .* is not a zone the time"
    ):
        _validate.require_aware(when, "start")
