"""check_interactions: every medicine the sources name, by every name and code; the waits at
their exact boundaries; unknown names never safe; and properties over whole lists."""

import collections
import datetime as dt
import re
from zoneinfo import ZoneInfo

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import FindingKind, Medicine, Seriousness, WaitAfter
from duloxinfo._wording import en
from duloxinfo.interactions import _matching
from support import copies
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
    """The membership rule, written out again: named by a group, or in one of its classes,
    less the groups that give way to another it is in."""
    found = {
        group.id
        for group in DATA.groups
        if group.id in ingredient.groups
        or any(code.startswith(c) for c in group.atc_classes for code in ingredient.atc)
    }
    found = {g for g in found if not set(GROUPS[g].superseded_by) & found}
    return found or {"nothing-found"}


# Every medicine the stored sources name, with the group the check must put it in.  The
# source is in the comment; each is tried by its generic name here and by every other name,
# brand and code in the test below.  (Which words of which section name each one is checked
# against the stored copies in test_load.py.)
NAMED_BY_THE_SOURCES = [
    # US PI-G §4, §2.9, §5.4 and EU PIL §2: MAOIs
    ("moclobemide", "maoi", Seriousness.DO_NOT_COMBINE),
    ("phenelzine", "maoi", Seriousness.DO_NOT_COMBINE),
    ("selegiline", "maoi", Seriousness.DO_NOT_COMBINE),  # an MAOI: the MAOI rule, once
    ("rasagiline", "maoi", Seriousness.DO_NOT_COMBINE),
    # US PI-G §2.10, §4, §5.4: linezolid, methylene blue into a vein
    ("linezolid", "linezolid-methylene-blue", Seriousness.DO_NOT_COMBINE),
    ("methylene blue", "linezolid-methylene-blue", Seriousness.DO_NOT_COMBINE),
    # US PI-G §5.12: thioridazine
    ("thioridazine", "thioridazine", Seriousness.DO_NOT_COMBINE),
    # EU PIL §2 and US PI-G §7.1: the strong CYP1A2 inhibitors; other duloxetine medicines
    ("fluvoxamine", "cyp1a2-inhibitors", Seriousness.DO_NOT_COMBINE),
    ("ciprofloxacin", "cyp1a2-inhibitors", Seriousness.DO_NOT_COMBINE),
    ("enoxacin", "cyp1a2-inhibitors", Seriousness.DO_NOT_COMBINE),
    ("duloxetine", "duloxetine", Seriousness.DO_NOT_COMBINE),
    # US PI-G §5.4, §7.14 and EU PIL §2: serotonergic drugs
    ("sumatriptan", "serotonergic", Seriousness.CAUTION),
    ("tramadol", "serotonergic", Seriousness.CAUTION),
    ("tryptophan", "serotonergic", Seriousness.CAUTION),
    ("paroxetine", "serotonergic", Seriousness.CAUTION),
    ("fluoxetine", "serotonergic", Seriousness.CAUTION),
    ("sertraline", "serotonergic", Seriousness.CAUTION),
    ("venlafaxine", "serotonergic", Seriousness.CAUTION),
    ("clomipramine", "serotonergic", Seriousness.CAUTION),
    ("amitriptyline", "serotonergic", Seriousness.CAUTION),
    ("desipramine", "serotonergic", Seriousness.CAUTION),
    ("pethidine", "serotonergic", Seriousness.CAUTION),
    ("St John's wort", "serotonergic", Seriousness.CAUTION),
    ("fentanyl", "serotonergic", Seriousness.CAUTION),
    ("methadone", "serotonergic", Seriousness.CAUTION),
    ("lithium", "serotonergic", Seriousness.CAUTION),
    ("buspirone", "serotonergic", Seriousness.CAUTION),
    ("amphetamine", "serotonergic", Seriousness.CAUTION),
    ("oxycodone", "serotonergic", Seriousness.CAUTION),  # an opioid (§7.14)
    # US PI-G §5.5, §7.4 and EU PIL §2: bleeding
    ("ibuprofen", "bleeding", Seriousness.CAUTION),
    ("naproxen", "bleeding", Seriousness.CAUTION),
    ("aspirin", "bleeding", Seriousness.CAUTION),
    ("warfarin", "bleeding", Seriousness.CAUTION),
    ("clopidogrel", "bleeding", Seriousness.CAUTION),
    ("apixaban", "bleeding", Seriousness.CAUTION),
    # US PI-G §7.1, §7.2: medicines that raise duloxetine
    ("paroxetine", "raise-duloxetine", Seriousness.CAUTION),
    ("fluoxetine", "raise-duloxetine", Seriousness.CAUTION),
    ("quinidine", "raise-duloxetine", Seriousness.CAUTION),
    ("cimetidine", "raise-duloxetine", Seriousness.CAUTION),
    ("levofloxacin", "raise-duloxetine", Seriousness.CAUTION),  # a quinolone (§7.1)
    # US PI-G §5.12, §7.9: CYP2D6 medicines with a narrow therapeutic index
    ("nortriptyline", "cyp2d6-narrow", Seriousness.CAUTION),
    ("imipramine", "cyp2d6-narrow", Seriousness.CAUTION),
    ("desipramine", "cyp2d6-narrow", Seriousness.CAUTION),
    ("flecainide", "cyp2d6-narrow", Seriousness.CAUTION),
    ("propafenone", "cyp2d6-narrow", Seriousness.CAUTION),
    ("chlorpromazine", "cyp2d6-narrow", Seriousness.CAUTION),  # a phenothiazine
    # EU PIL §2: medicines that cause sleepiness
    ("diazepam", "sedating", Seriousness.CAUTION),
    ("zolpidem", "sedating", Seriousness.CAUTION),
    ("quetiapine", "sedating", Seriousness.CAUTION),
    ("phenobarbital", "sedating", Seriousness.CAUTION),
    ("morphine", "sedating", Seriousness.CAUTION),
    # US PI-G §5.3: antihypertensives
    ("doxazosin", "low-blood-pressure", Seriousness.CAUTION),
    # EU PIL §2 Cymbalta with food, drink and alcohol; US PI-G §5.12: alcohol
    ("alcohol", "alcohol", Seriousness.CAUTION),
    # EU PIL §2 Warnings and precautions, US PI-G §5.13: diuretics
    ("furosemide", "diuretics", Seriousness.CAUTION),
    ("spironolactone", "diuretics", Seriousness.CAUTION),
    # US PI-G §7.17: highly bound to plasma protein
    ("warfarin", "protein-bound", Seriousness.CAUTION),
    # US PI (Torrent, 3/2017) §8.7: smoking
    ("smoking", "smoking", Seriousness.CAUTION),
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
        # Alcohol and smoking are not medicines; thioridazine is sold as a generic only.
        no_brand = {"alcohol", "smoking", "thioridazine"}
        assert any(i.brands for i in members) or group.id in no_brand, group.id
        assert any(i.atc for i in members) or group.id in {"alcohol", "smoking"}, group.id


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
        "ibuprofen lysine 400 mg",  # a word that is not a strength, form or pack
        "Nurofen Extra",  # a brand's other product: never the plain brand
        "Tylenol Extra Strength",
        "Claritin-D",  # loratadine with pseudoephedrine
        "Advil Cold and Sinus",
        "Wondercure",
        "Benadryl",  # diphenhydramine in the US, acrivastine or cetirizine in the UK
        "Sominex",  # diphenhydramine in the US, promethazine in the UK
        "sodium",  # salt words alone name nothing
        "400 mg tablets",  # a strength and a form alone name nothing
        "A10BA02",  # a whole ATC code of no listed class (metformin)
        "999999999",  # an RxCUI duloxinfo does not have
    ],
)
def test_a_name_that_does_not_match_exactly_is_not_in_the_list_never_another_medicine(given):
    findings = check(given)
    assert all(f.kind is not FindingKind.INTERACTION for f in findings), given
    finding = next(f for f in findings if f.kind is FindingKind.NOT_IN_LIST)
    assert len(findings) == 1 or given == "Advil Cold and Sinus"  # Advil is ibuprofen
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
    assert (ssri.basis, ssri.drug_class) == (duloxinfo.Basis.CLASS, "SSRIs")
    # The medicine itself is not known: it may matter in other ways too, so it is also not
    # in the list, which ranks above the class's caution.
    assert unknown.kind is FindingKind.NOT_IN_LIST
    assert unknown.atc_code == "N06AB99"
    # An opioid combination duloxinfo does not know, by its code: never less than by name.
    assert check("N02AJ99")[0].kind is FindingKind.NOT_IN_LIST
    assert {f.group for f in check("N02AJ99")} == {"not-in-list", "serotonergic", "sedating"}
    # One it knows, by its code: each of its medicines.
    assert {f.ingredient for f in check("N02AJ13")} == {"tramadol", "acetaminophen"}
    # An unlisted antidepressant code outside the listed classes: the brain's caution only.
    assert [f.group for f in check("N06AX99")] == ["not-in-list", "cns"]
    # A class code given as such.
    assert {f.group for f in check("N02CC")} == {"not-in-list", "serotonergic"}
    # Too wide a class (it holds MAOIs and more): not in the list first, then what holds
    # for every antidepressant.
    assert [f.group for f in check("N06A")] == ["not-in-list", "cns"]
    assert {f.group for f in check("B01AF07")} == {"not-in-list", "bleeding"}
    # Lithium is N05AN, inside N05A but not an antipsychotic the sedation group lists.
    assert "sedating" not in groups_of("lithium")


def test_a_medicine_in_several_groups_gets_a_finding_for_each():
    assert groups_of("fluvoxamine") == {"cyp1a2-inhibitors", "serotonergic"}
    assert groups_of("paroxetine") == {"serotonergic", "raise-duloxetine"}
    assert groups_of("tramadol") == {"serotonergic", "sedating"}
    assert groups_of("methadone") == {"serotonergic", "sedating"}
    assert groups_of("amitriptyline") == {"serotonergic", "cyp2d6-narrow"}
    assert groups_of("warfarin") == {"bleeding", "protein-bound"}
    assert groups_of("furosemide") == {"diuretics", "low-blood-pressure"}
    assert groups_of("cyclobenzaprine") == {"serotonergic", "sedating"}
    assert groups_of("mirtazapine") == {"serotonergic", "sedating"}


def test_a_group_gives_way_to_a_more_serious_one_about_the_same_thing():
    # Ciprofloxacin is a quinolone (§7.1) but the do-not-combine of the strong CYP1A2
    # inhibitors says more; thioridazine is a phenothiazine (§5.12) but its own rule wins.
    assert groups_of("ciprofloxacin") == {"cyp1a2-inhibitors"}
    assert "cyp2d6-narrow" not in groups_of("thioridazine")
    # The caution for medicines that act on the brain is for those no other group holds.
    assert groups_of("lamotrigine") == {"cns"}
    assert "cns" not in groups_of("sertraline") | groups_of("diazepam") | groups_of("bupropion")
    assert set(GROUPS["cns"].superseded_by) == {
        g.id for g in DATA.groups if g.kind is FindingKind.INTERACTION and g.id != "cns"
    }


def test_proton_pump_inhibitors_are_not_fully_covered_as_the_label_says_it_is_not_known():
    for name in ("omeprazole", "Nexium", "lansoprazole 30mg capsules", "A02BC02"):
        (finding,) = check(name)
        assert finding.kind is FindingKind.NOT_FULLY_COVERED, name
        assert finding.rank == 3
        assert "Ask a pharmacist" in finding.what_to_do
        assert "not known" in finding.what_to_do
    assert [f.kind for f in check("famotidine")] == [FindingKind.NOTHING_FOUND]


def test_a_known_medicine_with_nothing_to_report_is_listed_as_checked():
    (finding,) = check("paracetamol")
    assert finding.kind is FindingKind.NOTHING_FOUND
    assert finding.ingredient == "acetaminophen"
    assert finding.rank == 5
    assert finding.seriousness is None
    assert finding.basis is None
    assert "tell your prescriber" in finding.what_to_do.casefold()


def test_findings_come_most_serious_first_and_never_silently():
    names = ["paracetamol", "ibuprofen", "Wondercure", "methadone", "phenelzine", "omeprazole"]
    found = check(*names)
    assert [f.rank for f in found] == sorted(f.rank for f in found)
    assert [(f.medicine.name, f.rank) for f in found] == [
        ("phenelzine", 0),
        ("Wondercure", 2),
        ("omeprazole", 3),
        ("ibuprofen", 4),
        ("methadone", 4),
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


def test_a_pendulum_stop_and_now_give_the_plain_answer_in_plain_datetimes():
    london = pendulum.timezone("Europe/London")
    stopped = pendulum.datetime(2026, 11, 15, 9, tz=london)
    medicine = Medicine("phenelzine", stopped_at=stopped)
    assert type(medicine.stopped_at) is dt.datetime
    assert medicine.stopped_at.tzinfo is LONDON
    finding = _maoi(medicine, pendulum.instance(NOW))
    plain = dt.datetime(2026, 11, 15, 9, tzinfo=LONDON)
    assert finding == _maoi(Medicine("phenelzine", stopped_at=plain), NOW)
    assert "(London time)" in finding.timing
    (window,) = finding.windows
    assert type(window.boundary) is dt.datetime
    assert window.boundary.tzinfo is LONDON


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
    finding = _maoi(Medicine("moclobemide", starts_at=starts), NOW)
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


def _sentences(text):
    return [part for part in re.split(r"(?<=[.!?:])\s+", text) if part.strip()]


def test_every_text_a_check_can_give_reads_at_grade_8_or_below_in_short_sentences():
    texts = {g.risk for g in DATA.groups} | {g.what_to_do for g in DATA.groups}
    for medicine, now in [
        (Medicine("phenelzine", stopped_at=NOW - DAY), NOW),
        (Medicine("phenelzine", stopped_at=NOW - 20 * DAY), NOW),
        (Medicine("phenelzine", starts_at=NOW + DAY), NOW),
        (Medicine("phenelzine", starts_at=NOW + 9 * DAY), NOW),
        (Medicine("phenelzine", stopped_at=NOW + DAY), NOW),
        (Medicine("ibuprofen", stopped_at=NOW - DAY), NOW),
        (Medicine("ibuprofen", starts_at=NOW + DAY), NOW),
        (Medicine("linezolid", stopped_at=NOW - dt.timedelta(hours=3)), NOW),
        (Medicine("linezolid", stopped_at=NOW - 2 * DAY), NOW),
        (Medicine("linezolid", starts_at=NOW + DAY), NOW),
        (Medicine("linezolid", stopped_at=NOW + DAY), NOW),
    ]:
        texts |= {f.timing for f in check(medicine, now=now)}
    for name in ("ibuprofin", "cyclobenzaprine", "gabapentin", "amytriptilline"):
        texts |= {f.note for f in check(name)}
    texts.discard(None)
    for text in texts:
        assert_plain(text)
        assert all(len(sentence.split()) <= 25 for sentence in _sentences(text)), text


def test_more_than_one_suggestion_reads_as_a_choice():
    assert en.not_read((), ("ibuprofen", "Nurofen")) == (
        "Did you mean ibuprofen or Nurofen? duloxinfo does not guess, so it has not checked "
        "that medicine. Check the name on the pack."
    )
    assert_plain(en.not_read((), ("sertraline", "Zoloft", "Lustral")))


def test_a_part_not_read_is_named_with_what_it_may_be():
    assert en.not_read(('"codiene"', "x"), ("codeine",)) == (
        'duloxinfo read only part of this product. It could not read ""codiene"" and "x", '
        "so it cannot say the product is safe with duloxetine. Did you mean codeine? "
        "duloxinfo does not guess, so it has not checked that medicine. Check the name on "
        "the pack."
    )
    assert_plain(en.not_read(("codiene",), ()))


# Issue 25's findings, each with its exact corrected answer.

G = duloxinfo.Citation


def _gist(findings):
    return [(f.group, f.kind, f.seriousness, f.basis, f.drug_class) for f in findings]


def test_thioridazine_is_do_not_combine_as_us_pi_g_5_12_says():
    """Issue 25, finding 1: "should not be co-administered" (§5.12), never "not fully covered"."""
    found = check("thioridazine")
    assert _gist(found) == [
        (
            "thioridazine",
            FindingKind.INTERACTION,
            Seriousness.DO_NOT_COMBINE,
            duloxinfo.Basis.NAMED,
            None,
        ),
        # EU PIL §2 names antipsychotics among the medicines that cause sleepiness, and ATC
        # N05AC (phenothiazines with a piperidine side chain) is one: a source says so.
        (
            "sedating",
            FindingKind.INTERACTION,
            Seriousness.CAUTION,
            duloxinfo.Basis.CLASS,
            "antipsychotics",
        ),
    ]
    first = found[0]
    assert first.sources == (G(source=duloxinfo.Source.US_PI_G, section="§5.12"),)
    assert first.risks == (duloxinfo.Risk.RAISED_OTHER, duloxinfo.Risk.HEART_RHYTHM)
    assert first.risk == (
        "Duloxetine can raise the level of thioridazine in the blood. This can cause a "
        "serious problem with the heart's rhythm, and sudden death."
    )
    assert first.what_to_do == (
        "The US label says not to take them together. If you are offered thioridazine, say "
        "that you take duloxetine. Do not stop either one on your own: ask your prescriber."
    )
    assert first.windows == ()
    assert first.watch is None
    assert first.note is None
    assert found[1].sources == GROUPS["sedating"].sources


# Issue 25, finding 3, after a pharmacist's review: the US Medication Guide counts linezolid
# and methylene blue into a vein as MAOIs, and the EU leaflet counts linezolid as one, with
# the MAOIs' gaps (14 days after, 5 days before, unless the prescriber directs otherwise).
# US PI-G §2.10 is the prescriber's urgent route: duloxetine stopped, the person watched for
# 5 days or until 24 hours after the last dose, and a restart 24 hours after it.  The
# windows apps act on are the longer gaps; the 24-hour restart is the prescriber's call.
LINEZOLID_WINDOWS = (
    duloxinfo.Window(after=WaitAfter.OTHER_STOPPED, wait=14 * DAY),
    duloxinfo.Window(after=WaitAfter.DULOXETINE_STOPPED, wait=5 * DAY),
)
WATCH = duloxinfo.WatchWindow(
    risk=duloxinfo.Risk.SEROTONIN_SYNDROME,
    for_at_most=5 * DAY,
    after_last_dose=dt.timedelta(hours=24),
)


@pytest.mark.parametrize("name", ["linezolid", "Zyvox", "methylene blue", "ProvayBlue"])
def test_linezolid_and_methylene_blue_keep_the_maoi_gaps_and_name_the_urgent_route(name):
    (finding,) = check(name)
    assert (finding.group, finding.seriousness, finding.basis) == (
        "linezolid-methylene-blue",
        Seriousness.DO_NOT_COMBINE,
        duloxinfo.Basis.NAMED,
    )
    assert finding.windows == LINEZOLID_WINDOWS
    assert finding.watch == WATCH
    assert finding.sources[0] == G(source=duloxinfo.Source.US_PI_G, section="§2.10")
    assert "at least 14 days from stopping one to starting duloxetine" in finding.what_to_do
    assert "5 days, or until 24 hours after the last dose, whichever comes first" in (
        finding.what_to_do
    )
    assert "start duloxetine again 24 hours after the last dose" in finding.what_to_do


def test_linezolid_stopped_ten_hours_ago_waits_14_days_with_the_urgent_routes_watch():
    stopped = NOW - dt.timedelta(hours=10)
    (finding,) = check(Medicine("linezolid", stopped_at=stopped), now=NOW)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert finding.windows == (attrs.evolve(LINEZOLID_WINDOWS[0], boundary=stopped + 14 * DAY),)
    assert finding.watch == attrs.evolve(WATCH, ends_by=stopped + dt.timedelta(hours=24))
    assert finding.timing == (
        "You stopped it at 23:00 on Tuesday 24 November 2026 (UTC time). The sources say to "
        "wait until 23:00 on Tuesday 8 December 2026 (UTC time) before you start "
        "duloxetine. That is 14 days. If you already take duloxetine, do not stop it on your "
        "own: ask your prescriber now. The label says to watch for signs of serotonin "
        "syndrome until 23:00 on Wednesday 25 November 2026 (UTC time) at the latest."
    )


@pytest.mark.parametrize(
    ("elapsed", "seriousness"),
    [
        (dt.timedelta(hours=24), Seriousness.DO_NOT_COMBINE),  # the US label's restart is
        (3 * DAY, Seriousness.DO_NOT_COMBINE),  # the prescriber's call, not the wait's end
        (14 * DAY - dt.timedelta(microseconds=1), Seriousness.DO_NOT_COMBINE),
        (14 * DAY, Seriousness.CAUTION),
    ],
)
def test_the_wait_after_linezolid_ends_exactly_14_days_after_the_last_dose(elapsed, seriousness):
    stopped = NOW - elapsed
    (finding,) = check(Medicine("methylene blue", stopped_at=stopped), now=NOW)
    assert finding.seriousness is seriousness
    (window,) = finding.windows
    assert window.boundary == stopped + 14 * DAY


def test_the_watch_ends_at_5_days_from_the_first_dose_if_that_comes_first():
    starts, stops = NOW - dt.timedelta(days=4, hours=12), NOW - dt.timedelta(hours=1)
    (finding,) = check(Medicine("linezolid", starts_at=starts, stopped_at=stops), now=NOW)
    assert finding.watch.ends_by == starts + 5 * DAY  # 12 hours from now, not 23
    assert finding.timing.endswith(
        "until 21:00 on Wednesday 25 November 2026 (UTC time) at the latest."
    )
    (later,) = check(Medicine("linezolid", starts_at=starts, stopped_at=stops), now=NOW + DAY)
    assert "watch" not in later.timing  # the watch is over; the 14 days are not
    assert later.seriousness is Seriousness.DO_NOT_COMBINE


def test_linezolid_due_to_start_needs_5_days_without_duloxetine_as_an_maoi_does():
    starts = NOW + DAY
    (finding,) = check(Medicine("linezolid", starts_at=starts), now=NOW)
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert finding.windows == (attrs.evolve(LINEZOLID_WINDOWS[1], boundary=starts - 5 * DAY),)
    assert finding.watch.ends_by == starts + 5 * DAY
    assert finding.timing == (
        "It is due to start at 09:00 on Thursday 26 November 2026 (UTC time). The sources say "
        "your last dose of duloxetine must be at least 5 days before that. That time has "
        "passed. Ask your prescriber now, and do not stop duloxetine on your own. The label "
        "says to watch for signs of serotonin syndrome until 09:00 on Tuesday 1 December 2026 "
        "(UTC time) at the latest."
    )


def test_every_antihistamine_is_with_the_medicines_that_cause_sleepiness_as_the_leaflet_says():
    """Issue 25, finding 4, decided by the source: EU PIL §2 names "antihistamines" among
    the medicines that cause sleepiness, with no exception for the newer ones, so the
    whole ATC class R06A is in the group by class (a caution), and nothing more."""
    for name in ("loratadine", "Claritin", "Clarityn", "R06AX13", "loratadine 10 mg tablets"):
        assert _gist(check(name)) == [
            (
                "sedating",
                FindingKind.INTERACTION,
                Seriousness.CAUTION,
                duloxinfo.Basis.CLASS,
                "antihistamines",
            )
        ], name
        (finding,) = check(name)
        assert finding.atc_class == "R06A"
        assert finding.note is None  # by the source's class, not by what is known
    for name in ("fexofenadine", "desloratadine", "diphenhydramine", "chlorphenamine"):
        assert groups_of(name) == {"sedating"}, name
    leaflet = duloxinfo.Citation(
        source=duloxinfo.Source.EU_PIL, section="§2 Other medicines and Cymbalta"
    )
    assert copies.says(leaflet, "phenobarbital and antihistamines")


@pytest.mark.parametrize("name", ["selegiline", "Eldepryl", "Emsam", "Zelapar", "N04BD01"])
def test_selegiline_has_one_answer_the_maoi_rule(name):
    """Issue 25, finding 4: an MAOI, with the MAOIs' waits; no second, weaker answer."""
    (finding,) = check(name)
    assert (finding.group, finding.seriousness, finding.basis, finding.drug_class) == (
        "maoi",
        Seriousness.DO_NOT_COMBINE,
        duloxinfo.Basis.CLASS,
        "MAOIs",
    )
    assert finding.windows == (
        duloxinfo.Window(after=WaitAfter.OTHER_STOPPED, wait=14 * DAY),
        duloxinfo.Window(after=WaitAfter.DULOXETINE_STOPPED, wait=5 * DAY),
    )


@pytest.mark.parametrize("name", ["cyclobenzaprine", "Flexeril", "Amrix", "M03BX08"])
def test_cyclobenzaprine_is_a_serotonergic_muscle_relaxant_marked_as_known(name):
    """Issue 25, finding 4: present, serotonergic, and marked as known, not sourced.

    Serotonin syndrome comes before sleepiness: both are cautions, and the data lists
    the more serious group first (a pharmacist's review of issue 25)."""
    found = check(name)
    assert _gist(found) == [
        (
            "serotonergic",
            FindingKind.INTERACTION,
            Seriousness.CAUTION,
            duloxinfo.Basis.KNOWLEDGE,
            "serotonergic drugs",
        ),
        (
            "sedating",
            FindingKind.INTERACTION,
            Seriousness.CAUTION,
            duloxinfo.Basis.KNOWLEDGE,
            "medicines that cause sleepiness",
        ),
    ]
    assert found[0].note == (
        "The sources name serotonergic drugs, but not this medicine itself. It is put with "
        "them from what is known about it, not from duloxinfo's copies of the sources."
    )


# Names as systems write them (issue 25, finding 5).


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("Ibuprofen 400 mg tablets", "ibuprofen"),
        ("sertraline 50mg tab", "sertraline"),
        ("ZOLOFT 50 MG ORAL TABLET", "Zoloft"),
        ("Sertraline 50mg tablets x 28", "sertraline"),
        ("naproxen sodium 220mg caplets", "naproxen"),
        ("Fentanyl 25 mcg/hr transdermal patch", "fentanyl"),
        ("Oramorph 10mg/5ml oral solution", "Oramorph"),
        ("Efexor XL 75mg prolonged-release capsules", "Efexor"),
        ("Metoprolol succinate ER 50 mg", "metoprolol"),
        ("aspirin 75 mg dispersible tablets (28)", "aspirin"),
        ("Toprol-XL 25mg", "Toprol-XL"),
        ("sertraline 50 mg (as hydrochloride) film-coated tablets", "sertraline"),
    ],
)
def test_a_strength_form_and_pack_are_read_off_the_end_of_a_name(written, bare):
    found, alone = check(written), check(bare)
    assert [attrs.evolve(f, medicine=Medicine(bare)) for f in found] == list(alone)


@pytest.mark.parametrize(
    ("written", "ingredients"),
    [
        ("Co-codamol 30/500", {"codeine", "acetaminophen"}),
        ("co-codamol 8/500mg effervescent tablets", {"codeine", "acetaminophen"}),
        ("Tylenol 3", {"codeine", "acetaminophen"}),  # never plain Tylenol
        ("Nurofen Plus", {"ibuprofen", "codeine"}),
        ("Tramacet", {"tramadol", "acetaminophen"}),
        ("codeine and paracetamol", {"codeine", "acetaminophen"}),
        ("hydrocodone/acetaminophen 5/325 mg", {"hydrocodone", "acetaminophen"}),
        ("oxycodone + paracetamol", {"oxycodone", "acetaminophen"}),
        ("Tylenol with Codeine", {"codeine", "acetaminophen"}),
        ("codeine 30mg and paracetamol 500mg", {"codeine", "acetaminophen"}),
        ("N02AJ06", {"codeine", "acetaminophen"}),
    ],
)
def test_a_product_of_several_medicines_gives_the_findings_of_each(written, ingredients):
    found = check(written)
    assert {f.ingredient for f in found} == ingredients
    expected = [f for name in ingredients for f in check(name)]
    assert {(f.ingredient, f.group, f.seriousness) for f in found} == {
        (f.ingredient, f.group, f.seriousness) for f in expected
    }
    assert all(f.kind is not FindingKind.NOT_IN_LIST for f in found)


def test_a_part_of_a_product_duloxinfo_does_not_know_adds_a_not_in_the_list_finding():
    found = check("ibuprofen and pseudoephedrine")
    assert [(f.group, f.ingredient, f.atc_code, f.unread) for f in found] == [
        ("not-in-list", None, None, ("pseudoephedrine",)),
        ("bleeding", "ibuprofen", "M01AE01", ()),
    ]
    found = check("ibuprofin and codeine")
    unknown = next(f for f in found if f.kind is FindingKind.NOT_IN_LIST)
    assert (unknown.suggestions, unknown.unread) == (("ibuprofen",), ("ibuprofin",))
    assert {f.ingredient for f in found} == {None, "codeine"}


def test_a_product_read_only_in_part_names_the_rest_and_never_has_nothing_to_report():
    """A pharmacist's review of issue 25: the part read had "nothing to report", and the
    unread part carried its ATC code, so the product looked checked and safe."""
    (unknown,) = check("Tylenol with Codiene")
    assert (unknown.kind, unknown.ingredient, unknown.atc_code) == (
        FindingKind.NOT_IN_LIST,
        None,
        None,
    )
    assert (unknown.unread, unknown.suggestions) == (("Codiene",), ("codeine",))
    assert unknown.note == (
        'duloxinfo read only part of this product. It could not read "Codiene", so it cannot '
        "say the product is safe with duloxetine. Did you mean codeine? duloxinfo does not "
        "guess, so it has not checked that medicine. Check the name on the pack."
    )
    # A wholly unknown name is not "read in part".
    (whole,) = check("Zzyzx 10 mg tablets")
    assert (whole.unread, whole.note) == ((), None)


@pytest.mark.parametrize(
    "written",
    [
        "Tylenol with Codeine #3",
        "Tylenol with Codeine No. 3",
        "TYLENOL WITH CODEINE NO.3 TABLET",
        "acetaminophen/codeine 300-30",
        "APAP/codeine 300mg/30mg",
    ],
)
def test_a_us_product_number_or_strength_is_read_as_a_strength(written):
    """A pharmacist's review of issue 25: "#3" and "300-30" hid the codeine."""
    found = check(written)
    assert [(f.ingredient, f.group) for f in found] == [
        ("codeine", "serotonergic"),
        ("codeine", "sedating"),
        ("acetaminophen", "nothing-found"),
    ]


def test_apap_is_acetaminophen_as_us_pharmacy_lists_write_it():
    found = check("hydrocodone/APAP 5/325")
    assert {f.ingredient for f in found} == {"hydrocodone", "acetaminophen"}
    assert all(f.kind is not FindingKind.NOT_IN_LIST for f in found)


@pytest.mark.parametrize(
    ("brand", "ingredient", "group"),
    [
        ("Mellaril", "thioridazine", "thioridazine"),
        ("Melleril", "thioridazine", "thioridazine"),
        ("Proveblue", "methylene blue", "linezolid-methylene-blue"),
    ],
)
def test_brands_a_pharmacist_found_missing_are_known(brand, ingredient, group):
    finding = check(brand)[0]
    assert (finding.ingredient, finding.group, finding.seriousness) == (
        ingredient,
        group,
        Seriousness.DO_NOT_COMBINE,
    )


def test_excedrin_is_read_only_by_its_full_product_name():
    """Plain "Excedrin" names products of different medicines: it is not guessed."""
    assert [f.kind for f in check("Excedrin")] == [FindingKind.NOT_IN_LIST]
    for name in ("Excedrin Extra Strength", "Excedrin Migraine caplets"):
        assert {f.ingredient for f in check(name)} == {"aspirin", "acetaminophen", "caffeine"}
    assert {f.ingredient for f in check("Excedrin PM")} == {"acetaminophen", "diphenhydramine"}


def test_oral_methylene_blue_gets_the_cautious_default_and_says_so():
    (finding,) = check("methylene blue")
    assert finding.seriousness is Seriousness.DO_NOT_COMBINE
    assert finding.what_to_do.endswith(
        "For methylene blue not given into a vein, the risk is not known, so duloxinfo gives "
        "the same advice."
    )


def test_quinolones_are_a_caution_by_the_labels_class_but_not_its_examples():
    """US PI-G §7.1 names "quinolone antimicrobials such as ciprofloxacin and enoxacin";
    levofloxacin is in the class, so a caution, but its effect is not the example given."""
    (finding,) = check("levofloxacin")
    assert (finding.group, finding.basis, finding.drug_class) == (
        "raise-duloxetine",
        duloxinfo.Basis.CLASS,
        "quinolone antimicrobials",
    )
    group = next(g for g in duloxinfo.interaction_data().groups if g.id == "raise-duloxetine")
    assert "levofloxacin" not in group.examples_us + group.examples_uk


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ("ibuprofin", ("ibuprofen",)),
        ("setraline", ("sertraline",)),
        ("ibuprophen", ("ibuprofen",)),
        ("amytriptyline 10mg", ("amitriptyline",)),
        ("Zolof", ("Zoloft",)),
        ("gabapentine", ("gabapentin",)),
        ("paracetemol", ("paracetamol",)),
        ("fluoxetin", ("fluoxetine",)),
    ],
)
def test_a_close_name_gets_a_suggestion_never_a_match(given, suggested):
    (finding,) = check(given)
    assert finding.kind is FindingKind.NOT_IN_LIST
    assert (finding.ingredient, finding.seriousness, finding.risks) == (None, None, ())
    assert finding.suggestions == suggested
    assert finding.note == (
        f"Did you mean {suggested[0]}? duloxinfo does not guess, so it has not checked that "
        "medicine. Check the name on the pack."
    )
    assert finding.rank == 2


def test_a_name_close_to_nothing_or_too_short_gets_no_suggestion():
    for name in ("Wondercure", "flu", "xyzzy", "a" * 200):
        (finding,) = check(name)
        assert (finding.suggestions, finding.note) == ((), None), name


def test_names_are_read_in_time_linear_in_their_length():
    """A name at the 200-character limit of descriptors, joins or letters costs little."""
    import time  # noqa: PLC0415 - this test only

    worst = ["1 " * 100, "a and " * 33, "x/" * 100, "ibuprofen " + "mg " * 63, "a" * 200]
    start = time.perf_counter()
    for name in worst:
        check(name)
    assert time.perf_counter() - start < 0.1


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


# Names as medicine lists write them: a known name, then a strength, a form and a pack.

_NAMES = sorted(
    {
        n
        for i in DATA.ingredients
        for n in (i.name, *filter(None, [i.uk_name]), *i.other_names, *i.brands)
    }
    | {n for c in DATA.combinations for n in (c.name, *c.other_names, *c.brands)}
)
_amounts = st.one_of(
    st.integers(1, 1000).map(str),
    st.decimals(min_value="0.1", max_value="999", places=1).map(str),
    st.tuples(st.integers(1, 60), st.integers(1, 1000)).map(lambda p: f"{p[0]}/{p[1]}"),
)
_units = st.sampled_from(
    ["mg", "MG", "mcg", "microgram", "g", "ml", "mg/ml", "mg/5ml", "%", "mcg/hr"]
)
_strengths = st.builds(
    lambda amount, unit, space: f"{amount}{' ' if space else ''}{unit}",
    _amounts,
    _units,
    st.booleans(),
)
_forms = st.lists(
    st.sampled_from(
        [
            "tablet",
            "tablets",
            "TAB",
            "capsule",
            "Capsules",
            "ORAL",
            "oral solution",
            "film-coated tablets",
            "modified-release",
            "XR",
            "MR",
            "effervescent",
            "dispersible",
            "gastro-resistant",
            "patch",
            "injection",
            "cream",
        ]
    ),
    max_size=3,
).map(" ".join)
_packs = st.one_of(
    st.just(""),
    st.integers(1, 500).map(lambda n: f"x {n}"),
    st.integers(1, 500).map(lambda n: f"x{n}"),
    st.integers(1, 500).map(lambda n: f"({n})"),
    st.integers(1, 500).map(lambda n: f"pack of {n}"),
    st.integers(1, 500).map(lambda n: f"{n} tablets"),
)


@given(
    name=st.sampled_from(_NAMES),
    strength=_strengths,
    form=_forms,
    pack=_packs,
    shout=st.booleans(),
)
def test_a_name_with_a_strength_form_and_pack_finds_what_the_bare_name_finds(
    name, strength, form, pack, shout
):
    written = " ".join(part for part in (name, strength, form, pack) if part)
    written = written.upper() if shout else written
    if len(written) > 200:  # the longest name a check takes
        return
    found = duloxinfo.check_interactions([written])
    alone = duloxinfo.check_interactions([name])
    assert [attrs.evolve(f, medicine=Medicine(name)) for f in found] == list(alone), written


def test_a_medicine_to_be_stopped_from_a_group_with_no_wait_keeps_its_seriousness():
    # Tramadol (serotonergic, a caution with no wait): stopping it tomorrow changes nothing.
    found = check(Medicine("tramadol", stopped_at=NOW + DAY), now=NOW)
    assert {(f.group, f.seriousness, f.windows, f.timing) for f in found} == {
        ("serotonergic", Seriousness.CAUTION, (), None),
        ("sedating", Seriousness.CAUTION, (), None),
    }


def test_names_read_before_are_kept_up_to_a_bound_then_forgotten(monkeypatch):
    monkeypatch.setattr(_matching, "_MEMO_SIZE", 2)
    names = ["Wondercure", "Nocurex", "Zzyzx tablets", "Wondercure"]
    first = [f.kind for f in check(*names)]
    assert first == [FindingKind.NOT_IN_LIST] * 4  # the same answers after each clearing
    assert [f.kind for f in check(*names)] == first


def test_a_product_written_with_a_stray_slash_is_read_as_its_parts():
    written = [(f.group, f.seriousness) for f in check("paracetamol/codeine/")]
    assert written == [(f.group, f.seriousness) for f in check("paracetamol/codeine")]
    assert ("serotonergic", Seriousness.CAUTION) in written


def test_a_medicine_already_started_and_not_stopped_has_no_timing():
    found = check(Medicine("tramadol", starts_at=NOW - DAY), now=NOW)
    assert {(f.group, f.windows, f.timing) for f in found} == {
        ("serotonergic", (), None),
        ("sedating", (), None),
    }
