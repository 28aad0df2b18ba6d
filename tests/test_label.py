"""The label's numbers (duloxinfo.label) and the sources they cite (duloxinfo.sources)."""

from fractions import Fraction

import attrs
import pytest

import duloxinfo
from duloxinfo import LABEL, Citation, Source


def test_every_fact_cites_at_least_one_source_and_says_what_it_applies_to():
    for field in attrs.fields(duloxinfo.Label):
        fact = getattr(LABEL, field.name)
        assert fact.sources, field.name
        assert all(isinstance(c, Citation) for c in fact.sources), field.name
        assert fact.note, field.name


def test_the_numbers_the_rules_stand_on():
    assert LABEL.capsule_strengths_mg.value == (20, 30, 40, 60)
    assert (LABEL.starting_dose_mg.value, LABEL.usual_dose_mg.value) == (30, 60)
    assert (LABEL.max_daily_dose_pain_mg.value, LABEL.max_daily_dose_mg.value) == (60, 120)
    assert LABEL.max_doses_per_day.value == 2
    assert LABEL.skip_window_fraction.value == Fraction(1, 2)
    assert dict(LABEL.rxnorm_scd.value).keys() == set(LABEL.capsule_strengths_mg.value)


def test_the_label_is_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        LABEL.usual_dose_mg = LABEL.starting_dose_mg  # type: ignore[misc]


def test_every_source_has_a_title_a_publisher_and_a_short_name():
    for source in Source:
        assert source.title
        assert source.publisher
        assert str(Citation(source=source))
    assert Source.NHS.publisher == "NHS website (nhs.uk), Open Government Licence v3.0"
    assert str(Citation(source=Source.US_PI, section="5.4 Serotonin Syndrome")) == (
        "US PI, 5.4 Serotonin Syndrome"
    )
