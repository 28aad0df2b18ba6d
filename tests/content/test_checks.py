"""check_guide: every problem reported at once, each with its path."""

import attrs

import duloxinfo

GUIDE = duloxinfo.guide()


def test_check_guide_finds_empty_text_reversed_ranges_and_a_wrong_maximum():
    onset = GUIDE.how_it_works.onset
    reversed_onset = attrs.evolve(
        onset,
        expected=duloxinfo.DurationRange(
            minimum=onset.expected.maximum, maximum=onset.expected.minimum
        ),
    )
    broken = attrs.evolve(
        GUIDE,
        title=" ",
        how_it_works=attrs.evolve(GUIDE.how_it_works, onset=reversed_onset),
        dosage=attrs.evolve(GUIDE.dosage, maximum_daily_mg=120),
    )
    found = {(f.path, f.message.split(" ")[0]) for f in duloxinfo.check_guide(broken)}
    assert ("title", "empty") in found
    assert ("how_it_works.onset.expected", "minimum") in found
    assert any(path == "dosage.maximum_daily_mg" for path, _ in found)
    assert len(found) == 3
