"""check_guide: every problem reported at once, each with its path."""

import attrs
import pytest

import duloxinfo

GUIDE = duloxinfo.guide()


def test_the_shipped_guide_passes():
    assert duloxinfo.check_guide(GUIDE) == ()


def test_check_guide_finds_empty_text_a_wrong_maximum_and_an_unsourced_warning():
    how = GUIDE.how_to_take
    warning = attrs.evolve(GUIDE.most_important.warnings[0], sources=())
    broken = attrs.evolve(
        GUIDE,
        title=" ",
        how_to_take=attrs.evolve(how, maximum_daily_mg=120, missed_dose_skip_hours=6),
        most_important=attrs.evolve(GUIDE.most_important, warnings=(warning,)),
    )
    found = {(f.path, f.message.split(" ")[0]) for f in duloxinfo.check_guide(broken)}
    assert found == {
        ("title", "empty"),
        ("how_to_take.maximum_daily_mg", "120"),
        ("how_to_take.missed_dose_skip_hours", "6"),
        ("most_important.warnings[0].sources", "no"),
    }


def test_check_guide_refuses_the_seed_page_as_a_source_and_a_doubled_start():
    seed = duloxinfo.Citation(source=duloxinfo.Source.SEED)
    first = GUIDE.about.paragraphs[0]
    broken = attrs.evolve(
        GUIDE,
        about=attrs.evolve(
            GUIDE.about,
            paragraphs=(attrs.evolve(first, sources=(seed,)), *GUIDE.about.paragraphs[1:]),
        ),
        how_to_take=attrs.evolve(
            GUIDE.how_to_take, starting=attrs.evolve(GUIDE.how_to_take.starting, dose_mg=60)
        ),
    )
    found = [str(f) for f in duloxinfo.check_guide(broken)]
    assert found == [
        "about.paragraphs[0].sources[0]: the seed page is not a source of patient text",
        (
            "how_to_take.starting: (60, <Frequency.ONCE_DAILY: 'once-daily'>, "
            "datetime.timedelta(days=7)) disagrees with the label's "
            "(30, <Frequency.ONCE_DAILY: 'once-daily'>, datetime.timedelta(days=7))"
        ),
    ]


def test_a_glossary_term_the_guide_never_uses_is_reported():
    extra = duloxinfo.Term(term="zygomatic arch", meaning="A bone of the face.")
    broken = attrs.evolve(
        GUIDE, glossary=attrs.evolve(GUIDE.glossary, terms=(*GUIDE.glossary.terms, extra))
    )
    index = len(GUIDE.glossary.terms)
    assert [str(f) for f in duloxinfo.check_guide(broken)] == [
        f"glossary.terms[{index}].term: 'zygomatic arch' is not used in the guide"
    ]


def test_check_guide_and_json_name_a_field_of_the_wrong_type():
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^guide.title: expected str, got NoneType None"
    ):
        duloxinfo.check_guide(attrs.evolve(GUIDE, title=None))
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^guide.title: expected str, got object"):
        duloxinfo.guide_to_json(attrs.evolve(GUIDE, title=object()))
    bad = attrs.evolve(duloxinfo.seed_claims()[0], sources="us-pi")
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^claims\[0\].sources: expected a tuple"):
        duloxinfo.seed_claims_to_json((bad,))
    union = attrs.evolve(GUIDE.about, uses=(None,))
    with pytest.raises(duloxinfo.WrongTypeError, match=r"uses\[0\]: expected an ApprovedUse"):
        duloxinfo.render_text(union)
    statement = attrs.evolve(
        GUIDE.storage.paragraphs[0],
        sources=(duloxinfo.Citation(source=duloxinfo.Source.EU_PIL, section=5),),
    )
    part = attrs.evolve(GUIDE.storage, paragraphs=(statement,))
    with pytest.raises(
        duloxinfo.WrongTypeError,
        match=r"^part.paragraphs\[0\].sources\[0\].section: expected str or None, got int 5",
    ):
        duloxinfo.render_markdown(part)
