"""The interaction data: loaded once, checked for consistency, and the one source of the
guide's "other medicines" entries."""

import json
from importlib import resources

import pytest

import duloxinfo
from duloxinfo import FindingKind
from duloxinfo.interactions._index import load as load_interactions

DATA = duloxinfo.interaction_data()
TEXT = (
    resources.files("duloxinfo.interactions._data").joinpath("interactions.json").read_text("utf-8")
)


def test_the_data_is_cached_and_every_group_cites_a_source():
    assert duloxinfo.interaction_data() is DATA
    assert all(group.sources for group in DATA.groups)
    assert len(DATA.ingredients) >= 80


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

    assert _problems(share) == ("ingredients[15]: the name 'Prozac' is blank or another's",)


def test_an_atc_code_two_medicines_share_or_a_short_code_is_refused():
    def codes(data):
        _ingredient(data, "sertraline")["atc"] = ["N06AB03", "N06A"]

    assert _problems(codes) == (
        "ingredients[15].atc: 'N06AB03' is another's",
        "ingredients[15].atc: 'N06A' is not a whole ATC code",
    )


def test_groups_out_of_order_or_unknown_are_refused():
    def reorder(data):
        data["groups"][0], data["groups"][4] = data["groups"][4], data["groups"][0]
        _ingredient(data, "linezolid")["groups"] = ["maois"]

    problems = _problems(reorder)
    assert problems == (
        "groups[1]: interactions come first, most serious first",
        "ingredients[7].groups: 'maois' is not a group of risks",
        "groups[4].examples_us: 'linezolid' is not a member",
        "groups[4].examples_uk: 'linezolid' is not a member",
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
        "groups[13]: 'not-in-list' has no ATC classes or risks",
        "groups[13]: only an interaction has examples and waits",
        "ingredients[15].rxcui: '72625' is not a code of its own",
        "groups[13].examples_us: 'aspirin' is not a member",
    ):
        assert expected in problems
