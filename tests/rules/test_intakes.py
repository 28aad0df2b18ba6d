"""Intake and IntakeHistory: validated once, sorted by instant, iterated in time order."""

import datetime as dt

import pytest

import duloxinfo
from duloxinfo import Intake
from support.times import at


def test_intake_validation():
    with pytest.raises(duloxinfo.NaiveDatetimeError, match="at: "):
        Intake(dt.datetime(2026, 1, 5, 8), 60)
    with pytest.raises(duloxinfo.DoseError, match="dose_mg: 25 mg cannot be made"):
        Intake(at(2026, 1, 5, 8), 25)
    with pytest.raises(duloxinfo.DoseError, match="dose_mg: 0 mg is not a positive dose"):
        Intake(at(2026, 1, 5, 8), 0)
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"intakes\[1\]: expected an Intake, got str"
    ):
        duloxinfo.IntakeHistory([Intake(at(2026, 1, 5, 8), 60), "x"])
    with pytest.raises(duloxinfo.DoseError, match="more than one intake may record"):
        Intake(at(2026, 1, 5, 8), 10**30)  # huge but makeable: refused at once, no hang


def test_an_intake_is_certain_unless_told_and_certain_is_a_bool():
    sure = Intake(at(2026, 1, 5, 8), 60)
    unsure = Intake(at(2026, 1, 5, 8), 60, certain=False)
    assert (sure.certain, unsure.certain) == (True, False)
    assert sure != unsure  # "not sure" is part of what was recorded
    for bad, shown in [(1, "int 1"), ("no", "str 'no'"), (None, "NoneType None")]:
        with pytest.raises(
            duloxinfo.WrongTypeError, match=f"^certain: expected True or False, got {shown}$"
        ):
            Intake(at(2026, 1, 5, 8), 60, bad)


def test_issue_24_an_intake_holds_at_most_max_intake_mg_and_can_always_be_printed():
    at = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)
    overdose = Intake(at, duloxinfo.MAX_INTAKE_MG)  # an overdose may be recorded
    assert repr(overdose).endswith("dose_mg=10000, certain=True)")
    with pytest.raises(duloxinfo.DoseError, match=r"^dose_mg: 10010 mg is more than one intake"):
        Intake(at, duloxinfo.MAX_INTAKE_MG + 10)
    # 5,000 digits was accepted, then raised ValueError from printing.
    with pytest.raises(duloxinfo.DoseError) as caught:
        Intake(at, 10**5000)
    assert len(str(caught.value)) < 200
    assert "(an integer of about 5000 digits) mg" in str(caught.value)
