"""The content records: frozen, slotted, typed; sections by name."""

import attrs
import pytest

import duloxinfo

GUIDE = duloxinfo.guide()


def test_content_is_immutable():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GUIDE.title = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GUIDE.dosage.usual.dose_mg = 120  # type: ignore[misc]
    assert isinstance(GUIDE.benefits.items, tuple)
    assert not hasattr(GUIDE.dosage, "__dict__")  # slotted


def test_unknown_section_names_the_value():
    with pytest.raises(duloxinfo.SectionError, match="'dose'"):
        GUIDE.section("dose")
    assert [GUIDE.section(n) for n in duloxinfo.SECTION_NAMES][-1] is GUIDE.closing


def test_dose_steps_know_their_daily_total():
    assert GUIDE.dosage.usual.daily_dose_mg == 60
    twice = attrs.evolve(GUIDE.dosage.usual, frequency=duloxinfo.Frequency.TWICE_DAILY)
    assert (twice.frequency.times_per_day, twice.daily_dose_mg) == (2, 120)
