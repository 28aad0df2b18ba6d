"""check_interactions: every medicine the sources name, by every name and code; the waits at
their exact boundaries; unknown names never safe; and properties over whole lists."""

import collections
import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import FindingKind, Medicine, Seriousness, WaitAfter
from support.readability import assert_plain

DATA = duloxinfo.interaction_data()
GROUPS = {group.id: group for group in DATA.groups}
UTC = dt.UTC
NOW = dt.datetime(2026, 11, 25, 9, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")
DAY = dt.timedelta(days=1)


def check(*medicines, now=None):
    return duloxinfo.check_interactions(list(medicines), now)


def groups_of(name):
    return {f.group for f in check(name)}


def expected_groups(ingredient):
    """The membership rule, written out again: named by a group, or in one of its classes."""
    found = {
        group.id
        for group in DATA.groups
        if group.id in ingredient.groups
        or any(code.startswith(c) for c in group.atc_classes for code in ingredient.atc)
    }
    return found or {"nothing-found"}


# Every medicine the stored sources name, with the group the check must put it in.  The
# source is in the comment; each is tried by its generic name here and by every other name,
# brand and code in the test below.
NAMED_BY_THE_SOURCES = [
    # EU PIL §2: MAOIs, the strong CYP1A2 inhibitors, other duloxetine medicines
    ("moclobemide", "maoi", Seriousness.DO_NOT_COMBINE),
    ("linezolid", "maoi", Seriousness.DO_NOT_COMBINE),
    ("fluvoxamine", "cyp1a2-inhibitors", Seriousness.DO_NOT_COMBINE),
    ("ciprofloxacin", "cyp1a2-inhibitors", Seriousness.DO_NOT_COMBINE),
    ("enoxacin", "cyp1a2-inhibitors", Seriousness.DO_NOT_COMBINE),
    ("duloxetine", "duloxetine", Seriousness.DO_NOT_COMBINE),
    # US PI Highlights (4) and US MG: linezolid, methylene blue into a vein
    ("methylene blue", "methylene-blue", Seriousness.DO_NOT_COMBINE),
    ("selegiline", "maoi", Seriousness.DO_NOT_COMBINE),  # an MAOI antidepressant (Emsam)
    # EU PIL §2: medicines that raise serotonin
    ("sumatriptan", "serotonergic", Seriousness.CAUTION),
    ("tramadol", "serotonergic", Seriousness.CAUTION),
    ("tryptophan", "serotonergic", Seriousness.CAUTION),
    ("paroxetine", "serotonergic", Seriousness.CAUTION),
    ("fluoxetine", "serotonergic", Seriousness.CAUTION),
    ("venlafaxine", "serotonergic", Seriousness.CAUTION),
    ("clomipramine", "serotonergic", Seriousness.CAUTION),
    ("amitriptyline", "serotonergic", Seriousness.CAUTION),
    ("pethidine", "serotonergic", Seriousness.CAUTION),
    ("St John's wort", "serotonergic", Seriousness.CAUTION),
    # FDA SrLC appendix, 2012 serotonin syndrome list
    ("fentanyl", "serotonergic", Seriousness.CAUTION),
    ("lithium", "serotonergic", Seriousness.CAUTION),
    ("buspirone", "serotonergic", Seriousness.CAUTION),
    # EU PIL §2 and US PI §7.4: bleeding
    ("ibuprofen", "bleeding", Seriousness.CAUTION),
    ("naproxen", "bleeding", Seriousness.CAUTION),
    ("aspirin", "bleeding", Seriousness.CAUTION),
    ("warfarin", "bleeding", Seriousness.CAUTION),
    ("clopidogrel", "bleeding", Seriousness.CAUTION),
    ("apixaban", "bleeding", Seriousness.CAUTION),
    # US PI §7.1, §7.2: medicines that raise duloxetine
    ("paroxetine", "raise-duloxetine", Seriousness.CAUTION),
    ("fluoxetine", "raise-duloxetine", Seriousness.CAUTION),
    ("quinidine", "raise-duloxetine", Seriousness.CAUTION),
    ("cimetidine", "raise-duloxetine", Seriousness.CAUTION),
    # EU PIL §2: medicines that cause sleepiness
    ("diazepam", "sedating", Seriousness.CAUTION),
    ("morphine", "sedating", Seriousness.CAUTION),
    ("quetiapine", "sedating", Seriousness.CAUTION),
    ("phenobarbital", "sedating", Seriousness.CAUTION),
    ("diphenhydramine", "sedating", Seriousness.CAUTION),
    ("promethazine", "sedating", Seriousness.CAUTION),
    ("methadone", "sedating", Seriousness.CAUTION),  # a strong painkiller
    # EU PIL §2 "Cymbalta with food, drink and alcohol"; US PI Highlights, liver
    ("alcohol", "alcohol", Seriousness.CAUTION),
    # EU PIL §2 Warnings and precautions: low sodium, "if you are taking diuretics"
    ("furosemide", "diuretics", Seriousness.CAUTION),
    ("spironolactone", "diuretics", Seriousness.CAUTION),
]


@pytest.mark.parametrize(("name", "group", "seriousness"), NAMED_BY_THE_SOURCES)
def test_every_medicine_the_sources_name_is_found_in_its_group(name, group, seriousness):
    found = [f for f in check(name) if f.group == group]
    assert len(found) == 1
    assert found[0].kind is FindingKind.INTERACTION
    assert found[0].seriousness is seriousness
    assert found[0].sources == GROUPS[group].sources
    assert found[0].risks == GROUPS[group].risks


def test_every_interaction_group_has_a_member_found_by_name_brand_and_atc_code():
    for group in DATA.groups:
        if group.kind is not FindingKind.INTERACTION:
            continue
        members = [i for i in DATA.ingredients if group.id in expected_groups(i)]
        assert any(i.brands for i in members) or group.id == "alcohol", group.id
        assert any(i.atc for i in members) or group.id == "alcohol", group.id


def _names_and_codes(ingredient):
    return [
        ingredient.name,
        *filter(None, [ingredient.uk_name, ingredient.rxcui]),
        *ingredient.other_names,
        *ingredient.brands,
        *ingredient.atc,
    ]


@pytest.mark.parametrize("ingredient", DATA.ingredients, ids=lambda i: i.name)
def test_each_medicine_is_found_by_every_name_brand_and_code_in_the_same_groups(ingredient):
    expected = expected_groups(ingredient)
    for name in _names_and_codes(ingredient):
        found = check(name)
        assert {f.group for f in found} == expected, name
        assert {f.ingredient for f in found} == {ingredient.name}, name
        assert len(found) == len(expected), name  # each group once


def test_us_and_uk_spellings_are_one_medicine():
    for us, uk in [
        ("meperidine", "pethidine"),
        ("acetaminophen", "paracetamol"),
        ("methylene blue", "methylthioninium chloride"),
        ("chlorpheniramine", "chlorphenamine"),
        ("amphetamine", "amfetamine"),
        ("phenobarbital", "phenobarbitone"),
    ]:
        assert [attrs.evolve(f, medicine=Medicine(uk)) for f in check(us)] == list(check(uk))


@pytest.mark.parametrize(
    ("given", "ingredient"),
    [
        ("IBUPROFEN", "ibuprofen"),
        ("  ibuprofen\t", "ibuprofen"),
        ("Naproxen sodium", "naproxen"),
        ("sertraline hydrochloride", "sertraline"),
        ("Sertraline HCl", "sertraline"),
        ("St. John\u2019s-Wort", "St John's wort"),
        ("saint johns wort", "St John's wort"),
        ("Hypericum perforatum", "St John's wort"),
        ("acetylsalicylic acid", "aspirin"),
        ("drizalma sprinkle", "duloxetine"),
        ("Chlor-Trimeton", "chlorpheniramine"),
        ("duloxetine hydrochloride", "duloxetine"),
        ("n06ab06", "sertraline"),
    ],
)
def test_matching_forgives_case_spacing_hyphens_and_salt_words(given, ingredient):
    assert {f.ingredient for f in check(given)} == {ingredient}


@pytest.mark.parametrize(
    "given",
    [
        "ibuprofin",  # one letter wrong
        "paroxetin",
        "fluoxetin",
        "sertralin",
        "tramadoll",
        "flu",  # a prefix of several
        "ibuprofen 200 mg",  # a strength is not part of a name
        "ibuprofen and codeine",
        "Wondercure",
        "Benadryl",  # diphenhydramine in the US, acrivastine or cetirizine in the UK
        "Nurofen Plus",  # ibuprofen with codeine: not the plain brand
        "sodium",  # salt words alone name nothing
        "N06A",  # too wide a class: it holds MAOIs and more
        "A02BC01",  # a whole ATC code of no listed class (omeprazole)
        "999999999",  # an RxCUI duloxinfo does not have
    ],
)
def test_a_name_that_does_not_match_exactly_is_not_in_the_list_never_another_medicine(given):
    (finding,) = check(given)
    assert finding.kind is FindingKind.NOT_IN_LIST
    assert finding.ingredient is None
    assert finding.seriousness is None
    assert finding.risks == ()
    assert "not in duloxinfo's list" in finding.what_to_do
    assert "pharmacist" in finding.what_to_do
    assert finding.rank == 2


def test_one_letter_apart_medicines_never_match_each_other():
    assert {f.ingredient for f in check("fluoxetine")} == {"fluoxetine"}
    assert {f.ingredient for f in check("fluvoxamine")} == {"fluvoxamine"}
    assert "cyp1a2-inhibitors" not in groups_of("fluoxetine")


def test_an_atc_code_of_a_listed_class_is_found_although_the_medicine_is_not_named():
    unknown, ssri = check("N06AB99")  # not a real code, but in the SSRI class
    assert (ssri.group, ssri.atc_class, ssri.ingredient, ssri.atc_code) == (
        "serotonergic",
        "N06AB",
        None,
        "N06AB99",
    )
    # The medicine itself is not known: it may matter in other ways too, so it is also not
    # in the list, which ranks above the class's caution.
    assert unknown.kind is FindingKind.NOT_IN_LIST
    assert unknown.atc_code == "N06AB99"
    # A combination of tramadol and paracetamol, by its code: never less than by name.
    assert check("N02AJ13")[0].kind is FindingKind.NOT_IN_LIST
    # Vortioxetine-like: an unlisted antidepressant code outside the listed classes.
    assert [f.kind for f in check("N06AX26")] == [FindingKind.NOT_IN_LIST]
    # A class code given as such.
    assert {f.group for f in check("N02CC")} == {"not-in-list", "serotonergic"}
    assert {f.group for f in check("B01AF07")} == {"not-in-list", "bleeding"}
    # Lithium is N05AN, inside N05A but not an antipsychotic the sedation group lists.
    assert "sedating" not in groups_of("lithium")


def test_a_medicine_in_several_groups_gets_a_finding_for_each():
    assert groups_of("fluvoxamine") == {"cyp1a2-inhibitors", "serotonergic"}
    assert groups_of("paroxetine") == {"serotonergic", "raise-duloxetine"}
    assert groups_of("tramadol") == {"serotonergic", "sedating"}
    assert groups_of("methadone") == {"serotonin-not-covered", "sedating"}
    assert groups_of("selegiline") == {"maoi", "maob-not-covered"}
    assert groups_of("rasagiline") == {"maob-not-covered"}
    assert groups_of("amitriptyline") == {"serotonergic", "levels-not-covered"}
    assert groups_of("thioridazine") == {"sedating", "levels-not-covered"}


def test_medicines_the_stored_sources_do_not_cover_in_full_say_so_above_any_caution():
    for name in ("thioridazine", "flecainide", "propafenone", "rasagiline", "Vyvanse"):
        findings = check(name)
        first = findings[0]
        assert first.kind is FindingKind.NOT_FULLY_COVERED, name
        assert first.rank == 3
        assert "Ask a pharmacist" in first.what_to_do
        assert all(f.rank >= 3 for f in findings)


def test_a_known_medicine_with_nothing_to_report_is_listed_as_checked():
    (finding,) = check("paracetamol")
    assert finding.kind is FindingKind.NOTHING_FOUND
    assert finding.ingredient == "acetaminophen"
    assert finding.rank == 5
    assert finding.seriousness is None
    assert "tell your prescriber" in finding.what_to_do.casefold()


def test_findings_come_most_serious_first_and_never_silently():
    names = ["paracetamol", "ibuprofen", "Wondercure", "methadone", "phenelzine"]
    found = check(*names)
    assert [f.rank for f in found] == sorted(f.rank for f in found)
    assert [(f.medicine.name, f.rank) for f in found] == [
        ("phenelzine", 0),
        ("Wondercure", 2),
        ("methadone", 3),
        ("ibuprofen", 4),
        ("methadone", 4),
        ("paracetamol", 5),
    ]


def test_an_empty_list_has_no_findings():
    assert duloxinfo.check_interactions([]) == ()
    assert duloxinfo.check_interactions(iter(["ibuprofen"]))[0].group == "bleeding"


# Waits, at their exact boundaries.  The EU PIL §2 sets them: 14 days from stopping an MAOI
# to taking duloxetine, 5 days from the last duloxetine dose to starting an MAOI.


def _maoi(medicine, now):
    (finding,) = duloxinfo.check_interactions([medicine], now)
    return finding


def test_a_current_maoi_shows_both_waits_without_boundaries():
    finding = _maoi(Medicine("phenelzine"), None)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert finding.windows == (
        duloxinfo.Window(after=WaitAfter.OTHER_STOPPED, wait=14 * DAY),
        duloxinfo.Window(after=WaitAfter.DULOXETINE_STOPPED, wait=5 * DAY),
    )
    assert finding.timing is None


def test_an_maoi_stopped_ten_days_ago_is_still_do_not_combine_until_14_days_have_passed():
    stopped = NOW - 10 * DAY
    finding = _maoi(Medicine("phenelzine", stopped_at=stopped), NOW)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert finding.windows == (
        duloxinfo.Window(after=WaitAfter.OTHER_STOPPED, wait=14 * DAY, boundary=stopped + 14 * DAY),
    )
    assert finding.timing == (
        "You stopped it at 09:00 on Sunday 15 November 2026 (UTC time). The sources say to "
        "wait until 09:00 on Sunday 29 November 2026 (UTC time) before you start duloxetine. "
        "That is 14 days. If you already take duloxetine, do not stop it on your own: ask "
        "your prescriber now."
    )


@pytest.mark.parametrize(
    ("elapsed", "seriousness"),
    [
        (dt.timedelta(0), Seriousness.DO_NOT_COMBINE),
        (14 * DAY - dt.timedelta(microseconds=1), Seriousness.DO_NOT_COMBINE),
        (14 * DAY, Seriousness.CAUTION),
        (400 * DAY, Seriousness.CAUTION),
    ],
)
def test_the_14_day_wait_ends_exactly_14_days_after_the_stop(elapsed, seriousness):
    stopped = dt.datetime(2026, 3, 20, 9, tzinfo=LONDON)
    # Real elapsed time (Python's same-zone arithmetic would add wall-clock days).
    finding = _maoi(Medicine("Nardil", stopped_at=stopped), stopped.astimezone(UTC) + elapsed)
    assert finding.seriousness is seriousness
    assert finding.kind is FindingKind.INTERACTION
    (window,) = finding.windows
    # Real elapsed time: the clocks go forward on 29 March, so the wall clock reads 10:00.
    assert window.boundary == dt.datetime(2026, 4, 3, 10, tzinfo=LONDON)
    assert window.boundary.utcoffset() == dt.timedelta(hours=1)
    if seriousness is Seriousness.CAUTION:
        assert finding.timing.endswith("Still tell your prescriber that you took it.")


def test_an_maoi_due_to_start_gives_the_last_moment_for_a_duloxetine_dose():
    starts = NOW + 9 * DAY
    finding = _maoi(Medicine("moclobemide", starts_at=starts), NOW)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert finding.windows == (
        duloxinfo.Window(
            after=WaitAfter.DULOXETINE_STOPPED, wait=5 * DAY, boundary=starts - 5 * DAY
        ),
    )
    assert "no later than 09:00 on Sunday 29 November 2026" in finding.timing


@pytest.mark.parametrize(
    ("days", "passed"),
    [(5, False), (5 - 1e-9, True), (1, True)],
)
def test_an_maoi_due_to_start_within_5_days_says_the_time_has_passed(days, passed):
    """Never a date in the past to act on: the note sends the person to the prescriber."""
    starts = NOW + dt.timedelta(days=days)
    finding = _maoi(Medicine("moclobemide", starts_at=starts), NOW)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    (window,) = finding.windows
    assert window.boundary == starts - 5 * DAY
    assert ("That time has passed" in finding.timing) is passed
    assert ("no later than" in finding.timing) is not passed
    if passed:
        assert finding.timing.endswith("do not stop duloxetine on your own.")


@pytest.mark.parametrize(
    ("starts", "windows"),
    [
        (NOW + dt.timedelta(microseconds=1), 1),  # still to start: the 5-day wait, dated
        (NOW, 2),  # started now: a current MAOI
        (NOW - DAY, 2),
    ],
)
def test_an_maoi_start_is_judged_at_now_exactly(starts, windows):
    finding = _maoi(Medicine("linezolid", starts_at=starts), NOW)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert len(finding.windows) == windows
    assert (finding.timing is None) == (windows == 2)


def test_a_stop_still_to_come_dates_the_wait_so_that_a_switch_can_be_planned():
    stops = NOW + DAY
    finding = _maoi(Medicine("phenelzine", stopped_at=stops), NOW)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert finding.windows == (
        duloxinfo.Window(after=WaitAfter.OTHER_STOPPED, wait=14 * DAY, boundary=stops + 14 * DAY),
        duloxinfo.Window(after=WaitAfter.DULOXETINE_STOPPED, wait=5 * DAY),
    )
    assert finding.timing.startswith("It is due to stop at 09:00 on Thursday 26 November 2026")
    # A stop still to come of a medicine without a wait is a medicine taken now.
    (ibuprofen,) = check(Medicine("ibuprofen", stopped_at=stops), now=NOW)
    assert (ibuprofen.timing, ibuprofen.windows) == (None, ())


def test_a_not_before_time_is_never_shown_earlier_than_it_is():
    stopped = dt.datetime(2026, 11, 15, 9, 0, 30, tzinfo=UTC)
    finding = _maoi(Medicine("phenelzine", stopped_at=stopped), NOW)
    assert "wait until 09:01 on Sunday 29 November 2026 (UTC time)" in finding.timing
    assert finding.windows[0].boundary == stopped + 14 * DAY


def test_a_medicine_with_no_wait_in_the_sources_keeps_its_finding_after_it_stops():
    (finding,) = check(Medicine("ibuprofen", stopped_at=NOW - 400 * DAY), now=NOW)
    assert finding.seriousness is Seriousness.CAUTION
    assert finding.windows == ()
    assert "no waiting time" in finding.timing
    (starting,) = check(Medicine("ibuprofen", starts_at=NOW + DAY), now=NOW)
    assert starting.timing == "It is due to start at 09:00 on Thursday 26 November 2026 (UTC time)."


def test_times_are_compared_as_real_elapsed_time_across_zones():
    stopped = dt.datetime(2026, 11, 1, 9, tzinfo=ZoneInfo("America/New_York"))
    now = (stopped + 14 * DAY).astimezone(ZoneInfo("Asia/Kolkata"))
    assert _maoi(Medicine("phenelzine", stopped_at=stopped), now).seriousness is (
        Seriousness.CAUTION
    )
    before = now - dt.timedelta(seconds=1)
    assert _maoi(Medicine("phenelzine", stopped_at=stopped), before).seriousness is (
        Seriousness.DO_NOT_COMBINE
    )


def test_every_text_a_check_can_give_reads_at_grade_8_or_below():
    texts = {g.risk for g in DATA.groups} | {g.what_to_do for g in DATA.groups}
    for medicine, now in [
        (Medicine("phenelzine", stopped_at=NOW - DAY), NOW),
        (Medicine("phenelzine", stopped_at=NOW - 20 * DAY), NOW),
        (Medicine("phenelzine", starts_at=NOW + DAY), NOW),
        (Medicine("phenelzine", starts_at=NOW + 9 * DAY), NOW),
        (Medicine("phenelzine", stopped_at=NOW + DAY), NOW),
        (Medicine("ibuprofen", stopped_at=NOW - DAY), NOW),
        (Medicine("ibuprofen", starts_at=NOW + DAY), NOW),
    ]:
        texts |= {f.timing for f in check(medicine, now=now)}
    for text in texts:
        assert_plain(text)


# Properties over whole lists: the answer about one medicine depends on it alone.

_KNOWN = sorted({n for i in DATA.ingredients for n in _names_and_codes(i)})
_names = st.one_of(
    st.sampled_from(_KNOWN),
    st.sampled_from(["Wondercure", "N06AB99", "ibuprofin", "paracetamol", "999"]),
    st.text(min_size=1, max_size=12).filter(str.strip),
)
_instants = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 1, 1), timezones=st.just(UTC)
)


@st.composite
def _medicines(draw):
    name = draw(_names)
    stopped = draw(st.none() | _instants)
    starts = draw(st.none() | _instants)
    if stopped is not None and starts is not None and starts > stopped:
        starts, stopped = stopped, starts
    return draw(st.sampled_from([name, Medicine(name, stopped_at=stopped, starts_at=starts)]))


def _about(findings, medicine):
    given = medicine if isinstance(medicine, Medicine) else Medicine(medicine)
    return [f for f in findings if f.medicine == given]


@given(
    medicines=st.lists(_medicines(), max_size=8),
    extra=_medicines(),
    now=_instants,
    order=st.randoms(use_true_random=False),
)
def test_adding_a_medicine_never_removes_or_weakens_a_finding_and_order_never_matters(
    medicines, extra, now, order
):
    before = duloxinfo.check_interactions(medicines, now)
    shuffled = list(medicines)
    order.shuffle(shuffled)
    assert duloxinfo.check_interactions(shuffled, now) == before
    after = duloxinfo.check_interactions([*medicines, extra], now)
    # Exactly the extra medicine's own findings are added; nothing about the others changes.
    alone = duloxinfo.check_interactions([extra], now)
    assert collections.Counter(after) == collections.Counter(before) + collections.Counter(alone)
    for medicine in medicines:
        assert set(_about(after, medicine)) == set(_about(before, medicine))
    assert [f.rank for f in after] == sorted(f.rank for f in after)
    # Never silent: every medicine gets at least one finding.
    for medicine in [*medicines, extra]:
        assert _about(after, medicine)
