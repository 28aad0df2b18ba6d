"""Regimen: the label's regimens accepted, stored normalised; the edges of its checks.

Every refused input, with its exact error, is in the bad-input table
(``support/bad_input.py``), which test_errors.py runs.
"""

import datetime as dt

import pytest

import duloxinfo
from duloxinfo import Intake, Regimen
from support.times import UTC, at

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)


def test_valid_regimens_are_the_labels():
    assert Regimen(50, [dt.time(8)], "UTC", at(2026, 1, 1)).daily_dose_mg == 50  # 20 + 30
    assert Regimen(60, [dt.time(20), dt.time(8)], "UTC", at(2026, 1, 1)).times == (
        dt.time(8),
        dt.time(20),
    )
    assert Regimen(120, [dt.time(8)], "UTC", at(2026, 1, 1)).doses_per_day == 1


def test_validation_edges():
    class NoOffset(dt.tzinfo):
        def utcoffset(self, value):
            return None

    with pytest.raises(duloxinfo.NaiveDatetimeError, match="start: "):
        Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=NoOffset()))
    assert Regimen(60, [dt.time(8)], "UTC", dt.datetime(2, 1, 1, tzinfo=UTC)).start.year == 2
    assert Intake(START, 1200).dose_mg == 1200  # the first dose past the lookup table
    with pytest.raises(duloxinfo.DoseError, match="dose_mg: 1 mg cannot be made"):
        Intake(START, 1)
    assert Regimen(60, dt.time(8), "UTC", START).times == (dt.time(8),)
    with pytest.raises(duloxinfo.WrongTypeError, match="got int 5"):
        Regimen(60, 5, "UTC", START)
