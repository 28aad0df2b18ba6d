"""How a medicine's name, ATC code or RxNorm code finds an ingredient and its groups.

Private module: ``interactions/_index.py`` builds the :class:`Index` once, with the
interaction data, and :mod:`duloxinfo.interactions.check` looks names up in it.

Matching is forgiving of what people and systems vary, and nothing else: case,
spaces, hyphens, dots and apostrophes, and salt words such as "sodium" or
"hydrochloride".  There is no spelling correction, so one medicine can never be
taken for another; a name that does not match exactly is reported as unknown.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .medicines import FindingKind, Ingredient, InteractionData, InteractionGroup

# Words that name the salt or the form of the molecule, not the medicine.
SALT_WORDS: Final = frozenset(
    {
        "acetate",
        "anhydrous",
        "besilate",
        "besylate",
        "bisulfate",
        "bisulphate",
        "bitartrate",
        "bromide",
        "calcium",
        "carbonate",
        "chloride",
        "citrate",
        "decanoate",
        "dihydrate",
        "dihydrochloride",
        "dimesilate",
        "dimesylate",
        "disodium",
        "embonate",
        "fumarate",
        "gluconate",
        "hcl",
        "hemihydrate",
        "hyclate",
        "hydrobromide",
        "hydrochloride",
        "lactate",
        "magnesium",
        "maleate",
        "mesilate",
        "mesylate",
        "monohydrate",
        "oxalate",
        "pamoate",
        "phosphate",
        "potassium",
        "sodium",
        "succinate",
        "sulfate",
        "sulphate",
        "tartrate",
        "tosilate",
        "tosylate",
        "trihydrate",
    }
)

# Whitespace, hyphens and dashes, dots, commas, slashes and apostrophes of every kind.
_SEPARATORS: Final = re.compile("[\\s\\-\u2010\u2011\u2013\u2014_.,/'\u2018\u2019`\u00b4]+")
ATC_CODE: Final = re.compile(r"[A-Z]\d\d(?:[A-Z](?:[A-Z](?:\d\d)?)?)?")
_RXCUI: Final = re.compile(r"\d{1,9}")
_WHOLE_CODE: Final = 7  # the length of an ATC code of one substance: N06AX21


def key(name: str) -> str:
    """The form of a name that matching compares: ``"St. John's-Wort"`` → ``"stjohnswort"``."""
    return "".join(
        word for word in _SEPARATORS.split(name.casefold()) if word and word not in SALT_WORDS
    )


@attrs.frozen
class Match:
    """What one name matched: an ingredient or an ATC class, and the groups it is in.

    Attributes:
        ingredient: The ingredient, or None when an ATC code matched a class only.
        atc_code: The ingredient's ATC code (the one given, when a code was given).
        groups: Each group it belongs to, in the data's order, with the ATC class
            that made it a member (None when the group names it).
    """

    ingredient: Ingredient | None
    atc_code: str | None
    groups: tuple[tuple[InteractionGroup, str | None], ...]


@attrs.frozen
class Index:
    """The interaction data, arranged for lookups.

    Attributes:
        by_key: Each ingredient's :func:`key` of every name and brand.
        by_atc: Each ingredient's ATC codes.
        by_rxcui: Each ingredient's RxNorm code.
        memberships: The groups of each ingredient, by its name.
        class_groups: Each group with an ATC class, with that class.
        not_in_list: The group whose texts say a name is not known.
        nothing_found: The group whose texts say a known medicine has nothing to report.
    """

    by_key: dict[str, Ingredient]
    by_atc: dict[str, Ingredient]
    by_rxcui: dict[str, Ingredient]
    memberships: dict[str, tuple[tuple[InteractionGroup, str | None], ...]]
    class_groups: tuple[tuple[str, InteractionGroup], ...]
    not_in_list: InteractionGroup
    nothing_found: InteractionGroup

    def find(self, name: str) -> Match | None:
        """What ``name`` matches, or None when it matches nothing."""
        code = name.strip().upper()
        if ATC_CODE.fullmatch(code):
            found = self.by_atc.get(code)
            if found is not None:
                return Match(found, code, self.memberships[found.name])
            groups = tuple((group, cls) for cls, group in self.class_groups if code.startswith(cls))
            return Match(None, code, _first_of_each(groups)) if groups else None
        found = self.by_rxcui.get(code) if _RXCUI.fullmatch(code) else self.by_key.get(key(name))
        if found is None:
            return None
        return Match(found, found.atc[0] if found.atc else None, self.memberships[found.name])


def _first_of_each(
    groups: tuple[tuple[InteractionGroup, str | None], ...],
) -> tuple[tuple[InteractionGroup, str | None], ...]:
    """Each group once, with the first class that made it a member."""
    seen: dict[str, tuple[InteractionGroup, str | None]] = {}
    for group, cls in groups:
        seen.setdefault(group.id, (group, cls))
    return tuple(seen.values())


def _class_of(group: InteractionGroup, codes: tuple[str, ...]) -> str | None:
    """The first of ``group``'s ATC classes that one of ``codes`` falls in, else None."""
    return next((c for c in group.atc_classes if any(code.startswith(c) for code in codes)), None)


def _one_of_kind(data: InteractionData, kind: FindingKind, problems: list[str]) -> InteractionGroup:
    found = [group for group in data.groups if group.kind is kind]
    if len(found) != 1:
        problems.append(f"groups: expected one group of kind {kind.value!r}, found {len(found)}")
    return found[0] if found else data.groups[0]


def _check_order(data: InteractionData, problems: list[str]) -> None:
    """Interactions first, most serious first; then the other kinds, which have no examples."""
    last_rank = -1
    seen_other = False
    for index, group in enumerate(data.groups):
        where = f"groups[{index}]"
        if group.kind is not FindingKind.INTERACTION:
            seen_other = True
            if group.examples_us or group.examples_uk or group.wait_after_other_stops:
                problems.append(f"{where}: only an interaction has examples and waits")
            continue
        rank = group.seriousness.rank if group.seriousness is not None else 0
        if seen_other or rank < last_rank:
            problems.append(f"{where}: interactions come first, most serious first")
        last_rank = rank


def _check_groups(data: InteractionData, problems: list[str]) -> dict[str, InteractionGroup]:
    groups: dict[str, InteractionGroup] = {}
    for index, group in enumerate(data.groups):
        where = f"groups[{index}]"
        if group.id in groups:
            problems.append(f"{where}.id: {group.id!r} is used twice")
        groups[group.id] = group
        if not group.sources:
            problems.append(f"{where}.sources: no source cited")
        if (group.kind is FindingKind.INTERACTION) != (group.seriousness is not None):
            problems.append(f"{where}.seriousness: given if and only if an interaction")
        if group.kind in {FindingKind.NOT_IN_LIST, FindingKind.NOTHING_FOUND} and (
            group.atc_classes or group.risks
        ):
            problems.append(f"{where}: {group.kind.value!r} has no ATC classes or risks")
        problems.extend(
            f"{where}.atc_classes: {cls!r} is not an ATC code"
            for cls in group.atc_classes
            if not ATC_CODE.fullmatch(cls)
        )
    _check_order(data, problems)
    return groups


def _check_ingredient(
    where: str,
    ingredient: Ingredient,
    groups: dict[str, InteractionGroup],
    index: Index,
    problems: list[str],
) -> None:
    """Add ``ingredient``'s names and codes to ``index``, and note each one already taken."""
    uk = () if ingredient.uk_name is None else (ingredient.uk_name,)
    for name in (ingredient.name, *uk, *ingredient.other_names, *ingredient.brands):
        name_key = key(name)
        found = index.by_key.setdefault(name_key, ingredient) if name_key else None
        if found is not ingredient:
            problems.append(f"{where}: the name {name!r} is blank or another's")
    for code in ingredient.atc:
        if not ATC_CODE.fullmatch(code) or len(code) != _WHOLE_CODE:
            problems.append(f"{where}.atc: {code!r} is not a whole ATC code")
        if index.by_atc.setdefault(code, ingredient) is not ingredient:
            problems.append(f"{where}.atc: {code!r} is another's")
    if ingredient.rxcui is not None and (
        not _RXCUI.fullmatch(ingredient.rxcui)
        or index.by_rxcui.setdefault(ingredient.rxcui, ingredient) is not ingredient
    ):
        problems.append(f"{where}.rxcui: {ingredient.rxcui!r} is not a code of its own")
    problems.extend(
        f"{where}.groups: {group_id!r} is not a group of risks"
        for group_id in ingredient.groups
        if group_id not in groups or not groups[group_id].risks
    )
    index.memberships[ingredient.name] = tuple(
        (group, cls)
        for group in groups.values()
        if (cls := _class_of(group, ingredient.atc)) is not None or group.id in ingredient.groups
    )


def _check_examples(data: InteractionData, index: Index, problems: list[str]) -> None:
    """Every example a group gives is a member of the group."""
    for number, group in enumerate(data.groups):
        for field, examples in (
            ("examples_us", group.examples_us),
            ("examples_uk", group.examples_uk),
        ):
            for example in examples:
                found = index.by_key.get(key(example.partition(" (")[0]))
                if found is None or all(g is not group for g, _ in index.memberships[found.name]):
                    problems.append(f"groups[{number}].{field}: {example!r} is not a member")


def build(data: InteractionData) -> tuple[Index, tuple[str, ...]]:
    """The index of ``data``, and every problem found in it (none for good data).

    The problems: a group used twice or missing, a group out of order, a name or code
    that two ingredients share, an example that is not a member of its group.
    """
    problems: list[str] = []
    groups = _check_groups(data, problems)
    index = Index(
        by_key={},
        by_atc={},
        by_rxcui={},
        memberships={},
        class_groups=tuple(
            (cls, group)
            for group in data.groups
            if group.kind in {FindingKind.INTERACTION, FindingKind.NOT_FULLY_COVERED}
            for cls in group.atc_classes
        ),
        not_in_list=_one_of_kind(data, FindingKind.NOT_IN_LIST, problems),
        nothing_found=_one_of_kind(data, FindingKind.NOTHING_FOUND, problems),
    )
    for number, ingredient in enumerate(data.ingredients):
        _check_ingredient(f"ingredients[{number}]", ingredient, groups, index, problems)
    _check_examples(data, index, problems)
    return index, tuple(problems)
