"""The content records: frozen, slotted, typed; sections by name; bands and seriousness."""

import attrs
import pytest

import duloxinfo

GUIDE = duloxinfo.guide()


def test_content_is_immutable_and_slotted():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GUIDE.title = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GUIDE.how_to_take.usual.dose_mg = 120  # type: ignore[misc]
    assert isinstance(GUIDE.side_effects.effects, tuple)
    assert not hasattr(GUIDE.how_to_take, "__dict__")


def test_sections_by_name_in_the_leaflet_order():
    with pytest.raises(duloxinfo.SectionError, match="'dose'"):
        GUIDE.section("dose")
    with pytest.raises(duloxinfo.WrongTypeError, match="name: expected a section name"):
        GUIDE.section(3)  # type: ignore[arg-type]
    assert duloxinfo.SECTION_NAMES[:2] == ("about", "most_important")
    assert duloxinfo.SECTION_NAMES[-2:] == ("glossary", "about_this_guide")
    assert [GUIDE.section(n) for n in duloxinfo.SECTION_NAMES][-1] is GUIDE.about_this_guide


def test_dose_steps_know_their_daily_total():
    assert GUIDE.how_to_take.usual.daily_dose_mg == 60
    twice = attrs.evolve(GUIDE.how_to_take.usual, frequency=duloxinfo.Frequency.TWICE_DAILY)
    assert (twice.frequency.times_per_day, twice.daily_dose_mg) == (2, 120)


def test_bands_in_words_and_seriousness_in_order():
    band = duloxinfo.FrequencyBand
    assert [b.words for b in band][:2] == ["more than 1 in 10 people", "up to 1 in 10 people"]
    assert band.NOT_KNOWN.words == "how often is not known"
    ranks = [s.rank for s in duloxinfo.Seriousness]
    assert ranks == [0, 1, 2]
    assert duloxinfo.Seriousness.DO_NOT_COMBINE.rank < duloxinfo.Seriousness.CAUTION.rank


def test_urgent_warnings_are_gathered_in_the_guide_order():
    urgent = GUIDE.urgent_warnings
    assert urgent, "the guide has urgent warnings"
    assert all(w.urgent for w in urgent)
    assert urgent[0] is next(w for w in GUIDE.most_important.warnings if w.urgent)
    every = [
        w
        for n in duloxinfo.SECTION_NAMES
        if isinstance(s := GUIDE.section(n), duloxinfo.Topic)
        for w in s.warnings
    ]
    assert list(urgent) == [w for w in every if w.urgent]


def test_citations_show_their_revision_and_sources_their_records():
    cite = duloxinfo.Citation(source=duloxinfo.Source.US_PI, section="§5.4", revision="08/2023")
    assert str(cite) == "US PI (08/2023), §5.4"
    assert str(duloxinfo.Citation(source=duloxinfo.Source.EU_PIL)) == "EU PIL"
    for source in duloxinfo.Source:
        assert source.title
        assert source.publisher
        assert source.revision
        assert source is duloxinfo.Source.SEED or source.address.startswith("https://")
