"""The interaction data: loaded once, checked for consistency, and the one source of the
guide's "other medicines" entries."""

import json
from importlib import resources

import pytest

import duloxinfo
from duloxinfo import FindingKind
from duloxinfo.interactions._index import load as load_interactions
from support.copies import says

DATA = duloxinfo.interaction_data()
TEXT = (
    resources.files("duloxinfo.interactions._data").joinpath("interactions.json").read_text("utf-8")
)


def test_the_data_is_cached_and_every_group_cites_a_source():
    assert duloxinfo.interaction_data() is DATA
    assert all(group.sources for group in DATA.groups)
    assert len(DATA.ingredients) >= 240
    assert len(DATA.combinations) >= 20


def test_the_guides_other_medicines_are_made_from_the_interaction_groups():
    entries = duloxinfo.guide().other_medicines.entries
    interactions = [g for g in DATA.groups if g.kind is FindingKind.INTERACTION]
    assert [e.medicines for e in entries] == [g.medicines for g in interactions]
    for entry, group in zip(entries, interactions, strict=True):
        assert (entry.risk, entry.what_to_do, entry.sources, entry.seriousness) == (
            group.risk,
            group.what_to_do,
            group.sources,
            group.seriousness,
        )
        assert (entry.examples_us, entry.examples_uk) == (group.examples_us, group.examples_uk)
    packaged = json.loads(
        resources.files("duloxinfo.content._data").joinpath("guide.json").read_text("utf-8")
    )
    assert "entries" not in packaged["other_medicines"], "one source of truth: the data file"


def _damaged(change):
    data = json.loads(TEXT)
    change(data)
    return json.dumps(data)


def _problems(change):
    with pytest.raises(duloxinfo.ContentError) as info:
        load_interactions(_damaged(change), "interactions.json")
    return info.value.problems


def _ingredient(data, name):
    return next(i for i in data["ingredients"] if i["name"] == name)


def test_a_name_two_medicines_share_is_refused():
    def share(data):
        _ingredient(data, "sertraline")["brands"].append("Prozac")

    assert _problems(share) == ("ingredients[16]: the name 'Prozac' is blank or another's",)


def test_an_atc_code_two_medicines_share_or_a_short_code_is_refused():
    def codes(data):
        _ingredient(data, "sertraline")["atc"] = ["N06AB03", "N06A"]

    assert _problems(codes) == (
        "ingredients[16].atc: 'N06AB03' is another's",
        "ingredients[16].atc: 'N06A' is not a whole ATC code",
    )


def test_groups_out_of_order_or_unknown_are_refused():
    def reorder(data):
        data["groups"][0], data["groups"][5] = data["groups"][5], data["groups"][0]
        _ingredient(data, "moclobemide")["memberships"][0]["group"] = "maois"

    problems = _problems(reorder)
    assert problems == (
        "groups[1]: interactions come first, most serious first",
        "ingredients[3].memberships[0].group: 'maois' is not a group of risks",
    )


def test_an_example_that_is_not_a_member_is_refused():
    def stray(data):
        data["groups"][0]["examples_uk"].append("ibuprofen")

    assert _problems(stray) == ("groups[0].examples_uk: 'ibuprofen' is not a member",)


def test_a_missing_kind_of_group_or_a_caution_without_seriousness_is_refused():
    def drop(data):
        data["groups"] = [g for g in data["groups"] if g["kind"] != "not-in-list"]
        data["groups"][1]["seriousness"] = None

    problems = _problems(drop)
    assert "groups: expected one group of kind 'not-in-list', found 0" in problems
    assert "groups[1].seriousness: given if and only if an interaction" in problems


def test_a_mistyped_field_is_named_by_its_path():
    def mistype(data):
        data["groups"][2]["wait_after_other_stops"] = "14 days"
        data["ingredients"][0]["brands"] = "Nardil"

    assert _problems(mistype) == (
        (
            "groups[2].wait_after_other_stops: expected an ISO 8601 duration such as 'P7D', "
            "got '14 days'"
        ),
        "ingredients[0].brands: expected a list, got str 'Nardil'",
    )


def test_every_other_kind_of_damage_is_named():
    def damage(data):
        groups = data["groups"]
        groups[1]["id"] = "maoi"  # used twice
        groups[2]["sources"] = []
        not_in_list = next(g for g in groups if g["kind"] == "not-in-list")
        not_in_list["risks"] = ["bleeding"]
        not_in_list["examples_us"] = ["aspirin"]
        _ingredient(data, "sertraline")["rxcui"] = "72625"  # duloxetine's

    problems = _problems(damage)
    for expected in (
        "groups[1].id: 'maoi' is used twice",
        "groups[2].sources: no source cited",
        "groups[17]: 'not-in-list' has no classes or risks",
        "groups[17]: only an interaction has examples and waits",
        "ingredients[16].rxcui: '72625' is not a code of its own",
        "groups[17].examples_us: 'aspirin' is not a member",
    ):
        assert expected in problems


def test_a_class_or_membership_that_does_not_hold_together_is_refused():
    def damage(data):
        groups = {g["id"]: g for g in data["groups"]}
        ssris = groups["serotonergic"]["classes"][0]
        ssris["sources"] = [{"source": "eu-pil", "section": "§4 Possible side effects"}]
        ssris["basis"] = "named"
        groups["bleeding"]["classes"][0]["id"] = "ssris"
        groups["maoi"]["superseded_by"] = ["maoi", "no-such-group"]
        groups["not-in-list"]["watch"] = {
            "risk": "bleeding",
            "for_at_most": "P1D",
            "after_last_dose": "P1D",
        }
        moclobemide = _ingredient(data, "moclobemide")["memberships"][0]
        moclobemide["drug_class"] = "triptans"
        tramadol = _ingredient(data, "tramadol")["memberships"][0]
        tramadol["sources"] = [{"source": "us-pi-g", "section": "§9.9"}]
        cyclobenzaprine = _ingredient(data, "cyclobenzaprine")["memberships"][0]
        cyclobenzaprine["drug_class"] = "ssris-typo"
        _ingredient(data, "sertraline")["memberships"] = [
            {"group": "serotonergic", "named_as": None, "drug_class": "ssris", "sources": []},
            {"group": "serotonergic", "named_as": "sertraline", "drug_class": None, "sources": []},
        ]

    problems = _problems(damage)
    tramadol = next(i for i, x in enumerate(DATA.ingredients) if x.name == "tramadol")
    for expected in (
        "groups[5].classes[0].basis: a class is not named, it is a class or known",
        (
            "groups[5].classes[0].sources: 'EU PIL, §4 Possible side effects' is not one of "
            "the group's"
        ),
        "groups[6].classes[0].id: 'ssris' is used twice",
        "groups[0].superseded_by: 'maoi' is not another group of risks",
        "groups[0].superseded_by: 'no-such-group' is not another group of risks",
        "groups[17].watch: only an interaction has a watch",
        "ingredients[3].memberships[0]: give one of named_as and drug_class",
        "ingredients[3].memberships[0].drug_class: 'triptans' is not a class of its group",
        (
            f"ingredients[{tramadol}].memberships[0].sources: 'US PI-G, §9.9' is not one of "
            "the group's"
        ),
        "ingredients[16].memberships[1]: the group is given twice",
        "ingredients[16].memberships[1].sources: a medicine named by a source cites it",
    ):
        assert expected in problems, expected
    assert any("'ssris-typo' is not a class of its group" in p for p in problems)


def test_a_combination_of_unknown_medicines_is_refused():
    def damage(data):
        data["combinations"][0]["ingredients"] = ["codeine", "paracetamol", "unobtainium"]
        data["combinations"][1]["ingredients"] = ["acetaminophen"]
        data["combinations"][2]["brands"].append("Zoloft")

    assert _problems(damage) == (
        "combinations[0].ingredients: 'paracetamol' is not an ingredient",
        "combinations[0].ingredients: 'unobtainium' is not an ingredient",
        "combinations[1].ingredients: a combination has two ingredients or more",
        "combinations[2]: the name 'Zoloft' is blank or another's",
    )


def test_an_example_known_only_by_knowledge_is_refused_as_the_guide_shows_it_as_sourced():
    def knowledge(data):
        next(g for g in data["groups"] if g["id"] == "serotonergic")["examples_us"].append(
            "cyclobenzaprine"
        )

    assert _problems(knowledge) == ("groups[5].examples_us: 'cyclobenzaprine' is not a member",)


# Every clinical statement is in the section it cites: the class words, each medicine named
# by a source, and each group's own words, in the stored copies (tests/fixtures/sources).

# The words each group's sentences rest on, by the section that says them.
SAYS = {
    "maoi": {
        "US PI-G, §2.9": ("at least 14 days", "at least 5 days", "psychiatric disorders"),
        "EU PIL, §2 Other medicines and Cymbalta": ("at least 14 days", "at least 5 days"),
        "US PI-G, §5.4": ("serotonin syndrome", "contraindicated"),
    },
    "linezolid-methylene-blue": {
        "US PI-G, §2.10": (
            "Do not start duloxetine in a patient who is being treated with linezolid",
            (
                "monitored for symptoms of serotonin syndrome for 5 days or until 24 hours "
                "after the last dose of linezolid or intravenous methylene blue, whichever "
                "comes first"
            ),
            "may be resumed 24 hours after the last dose",
            "non-intravenous routes",
            "is unclear",
        ),
        "EU PIL, §2 Other medicines and Cymbalta": ("linezolid (an", "at least 14 days"),
    },
    "thioridazine": {
        "US PI-G, §5.12": (
            "serious ventricular arrhythmias and sudden death",
            "elevated plasma levels of thioridazine",
            "thioridazine should not be co-administered",
        )
    },
    "cyp1a2-inhibitors": {
        "US PI-G, §5.12": ("potent CYP1A2 inhibitors should be avoided",),
        "US PI-G, §7.1": ("fluvoxamine", "ciprofloxacin and enoxacin"),
        "EU PIL, §2 What you need to know before you take Cymbalta": ("fluvoxamine",),
    },
    "serotonergic": {
        "US PI-G, §5.4": ("serotonin syndrome", "potentially life-threatening"),
        "US PI-G, §7.14": ("increases the risk of serotonin syndrome",),
    },
    "bleeding": {
        "US PI-G, §5.5": ("may increase the risk of bleeding", "NSAIDs"),
        "US PI-G, §7.4": ("gastrointestinal bleeding", "carefully monitored when"),
    },
    "raise-duloxetine": {
        "US PI-G, §7.1": ("Other drugs that inhibit CYP1A2 metabolism include cimetidine",),
        "US PI-G, §7.2": ("higher doses of paroxetine",),
    },
    "cyp2d6-narrow": {
        "US PI-G, §5.12": (
            "narrow therapeutic index",
            "Plasma TCA concentrations may need to be monitored",
            "dose of the TCA may need to be reduced",
        ),
        "US PI-G, §7.9": ("the AUC of desipramine increased 3-fold",),
    },
    "sedating": {
        "EU PIL, §2 Other medicines and Cymbalta": ("Medicines that cause sleepiness",),
        "EU PIL, §2 Driving and using machines": ("sleepy or dizzy", "drive"),
    },
    "low-blood-pressure": {
        "US PI-G, §5.3": ("Orthostatic hypotension, falls, and syncope", "antihypertensives"),
    },
    "diuretics": {
        "US PI-G, §5.13": ("patients taking diuretics",),
        "EU PIL, §2 Warnings and precautions": ("low sodium", "diuretics"),
    },
    "alcohol": {
        "US PI-G, §5.12": ("should not be prescribed for patients with substantial alcohol use",),
        "EU PIL, §2 Cymbalta with food, drink and alcohol": ("if you drink alcohol",),
    },
    "protein-bound": {
        "US PI-G, §7.17": (
            "highly bound to plasma protein",
            "increased free concentrations of the other drug",
            "did not result in significant changes in INR",
        )
    },
    "smoking": {
        "US PI (generic label (Torrent), 3/2017), §8.7": (
            "reduced by about one-third in smokers",
            "Dosage modifications are not recommended for smokers",
        )
    },
    "cns": {
        "US PI-G, §5.12": ("centrally acting drugs", "with caution"),
        "US PI-G, §7.16": ("CNS Drugs",),
        "EU PIL, §2 Other medicines and Cymbalta": ("Do not start or stop taking any medicines",),
    },
    "stomach-acid": {
        "US PI-G, §7.7": (
            "enteric coating",
            "earlier release of duloxetine",
            "It is unknown whether the concomitant administration of proton pump inhibitors",
        )
    },
}


def _citation(group, shown):
    return next(c for c in group.sources if str(c) == shown)


@pytest.mark.parametrize("group_id", sorted(SAYS))
def test_each_group_says_only_what_its_sections_say(group_id):
    group = next(g for g in DATA.groups if g.id == group_id)
    for shown, words in SAYS[group_id].items():
        citation = _citation(group, shown)
        for needle in words:
            assert says(citation, needle), (shown, needle)


def test_every_group_of_risks_is_held_to_its_sections():
    held = {g.id for g in DATA.groups if g.risks} - {
        "duloxetine",  # the guide's "other duloxetine medicines", held in tests/content
    }
    assert held == set(SAYS)


@pytest.mark.parametrize(
    "drug_class",
    [c for g in DATA.groups for c in g.classes],
    ids=lambda c: c.id,
)
def test_each_class_is_named_in_the_words_of_each_section_it_cites(drug_class):
    for citation in drug_class.sources:
        assert says(citation, drug_class.words), (drug_class.words, str(citation))


_NAMED = [(i, m) for i in DATA.ingredients for m in i.memberships if m.named_as is not None]


@pytest.mark.parametrize(
    ("ingredient", "membership"), _NAMED, ids=[f"{i.name}-{m.group}" for i, m in _NAMED]
)
def test_each_medicine_named_by_a_source_is_named_in_each_section_it_cites(ingredient, membership):
    names = (membership.named_as, ingredient.name, ingredient.uk_name, *ingredient.other_names)
    for citation in membership.sources:
        assert any(says(citation, name) for name in names if name), (
            ingredient.name,
            str(citation),
        )


def test_every_medicine_known_only_by_knowledge_is_marked_so_in_its_finding():
    for ingredient in DATA.ingredients:
        for finding in duloxinfo.check_interactions([ingredient.name]):
            if finding.basis is duloxinfo.Basis.KNOWLEDGE:
                assert finding.note, (ingredient.name, finding.group)
                assert "not from duloxinfo's copies" in finding.note
            else:
                assert finding.note is None, (ingredient.name, finding.group)


def test_a_class_said_to_be_named_is_refused():
    # A class holds medicines by its ATC codes or by what is known: the section names the
    # class, never the medicine, so "named" is not a class's basis.
    def named(data):
        data["groups"][0]["classes"][0]["basis"] = "named"

    assert _problems(named) == (
        "groups[0].classes[0].basis: a class is not named, it is a class or known",
    )


def test_a_class_with_no_source_is_refused():
    def unsourced(data):
        data["groups"][0]["classes"][0]["sources"] = []

    assert _problems(unsourced) == ("groups[0].classes[0].sources: no source cited",)
