"""How a medicine's name, ATC code or RxNorm code finds its ingredients and their groups.

Private module: ``interactions/_index.py`` builds the :class:`Index` once, with the
interaction data, and :mod:`duloxinfo.interactions.check` looks names up in it.

Matching is forgiving of what people and systems vary, and nothing else: case,
spaces, hyphens, dots and apostrophes, and salt words such as "sodium" or
"hydrochloride"; a strength, a form and a pack written after the name ("400 mg
tablets", "50MG ORAL TABLET", "x 28"); and a product of several medicines, by its name
("co-codamol") or written as its parts ("codeine and paracetamol").  There is no
spelling correction: a name that does not match is reported as unknown, with the known
names close to it as suggestions, never taken for one of them.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .._once import Once
from .medicines import (
    Basis,
    Combination,
    DrugClass,
    FindingKind,
    Ingredient,
    InteractionData,
    InteractionGroup,
    Membership,
)

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

# Words that describe a form, a route, a release or a pack, never the medicine: read off
# the end of a name.  Hyphens are left out ("film-coated" is "filmcoated").  Nothing here
# changes which medicine a name is: "plus", "extra", "forte", "pm" or "d" are not here,
# as they name other products ("Nurofen Plus" has codeine in it).
DESCRIPTOR_WORDS: Final = frozenset(
    {
        # forms
        "tablet",
        "tablets",
        "tab",
        "tabs",
        "caplet",
        "caplets",
        "capsule",
        "capsules",
        "cap",
        "caps",
        "softgel",
        "softgels",
        "gelcap",
        "gelcaps",
        "liquigel",
        "liquigels",
        "pill",
        "pills",
        "solution",
        "suspension",
        "syrup",
        "liquid",
        "elixir",
        "drops",
        "injection",
        "injectable",
        "infusion",
        "inj",
        "cream",
        "gel",
        "ointment",
        "patch",
        "patches",
        "plaster",
        "plasters",
        "spray",
        "inhaler",
        "inhalation",
        "lozenge",
        "lozenges",
        "suppository",
        "suppositories",
        "sachet",
        "sachets",
        "powder",
        "granules",
        "concentrate",
        # how it is made or released
        "effervescent",
        "dispersible",
        "soluble",
        "chewable",
        "orodispersible",
        "odt",
        "filmcoated",
        "coated",
        "film",
        "gastroresistant",
        "enteric",
        "ec",
        "delayedrelease",
        "delayed",
        "extendedrelease",
        "extended",
        "modifiedrelease",
        "modified",
        "prolongedrelease",
        "prolonged",
        "sustainedrelease",
        "sustained",
        "controlledrelease",
        "controlled",
        "immediaterelease",
        "immediate",
        "release",
        "ir",
        "sr",
        "mr",
        "xr",
        "er",
        "xl",
        "la",
        "cr",
        "dr",
        "usp",
        "bp",
        # routes
        "oral",
        "orally",
        "buccal",
        "sublingual",
        "transdermal",
        "topical",
        "intravenous",
        "iv",
        "intramuscular",
        "im",
        "subcutaneous",
        "sc",
        "rectal",
        "nasal",
        "for",
        # packs
        "pack",
        "packs",
        "box",
        "boxes",
        "bottle",
        "bottles",
        "blister",
        "blisters",
        "strip",
        "strips",
        "carton",
        "tube",
        "tubes",
        "vial",
        "vials",
        "ampoule",
        "ampoules",
        "syringe",
        "syringes",
        "prefilled",
        "pen",
        "pens",
        "of",
        "per",
        "each",
        "as",
        # a product's number: "No. 3" (the number is an amount)
        "no",
    }
)

_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = (
    r"(?:mg|mcg|µg|μg|ug|g|gm|grams?|ml|mls|l|%|iu|units?|micrograms?|milligrams?|mmol"
    r"|h|hrs?|hours?|s|x)"
)
# An amount: a strength ("400mg", "30/500", "300-30", "10mg/5ml", "25 mcg/hr"), a count
# ("x28"), or a product's number, which US lists write for its strength ("#3", "No.3").
_AMOUNT: Final = re.compile(
    rf"(?:\d*x)?{_NUMBER}(?:-{_NUMBER})*(?:-?{_UNIT})?(?:/(?:{_NUMBER})?(?:-?{_UNIT})?)*"
    rf"|{_UNIT}(?:/(?:{_NUMBER})?{_UNIT}?)*|/(?:{_NUMBER})?{_UNIT}|(?:#|no\.?){_NUMBER}"
)
_PUNCTUATION = "()[],;:"
# What makes a name more than one word to read: a space, or a sign that joins two medicines.
_MORE_THAN_A_WORD: Final = re.compile(r"[\s/+&]")
# The words that join the parts of a product written as its medicines.
_JOINS: Final = frozenset({"and", "&", "+", "with", "/"})

# Whitespace, hyphens and dashes, dots, commas, slashes and apostrophes of every kind.
_SEPARATORS: Final = re.compile("[\\s\\-\u2010\u2011\u2013\u2014_.,/'\u2018\u2019`\u00b4]+")
ATC_CODE: Final = re.compile(r"[A-Z]\d\d(?:[A-Z](?:[A-Z](?:\d\d)?)?)?")
_RXCUI: Final = re.compile(r"\d{1,9}")
_WHOLE_CODE: Final = 7  # the length of an ATC code of one substance: N06AX21
# Suggestions: names this close in their sound (see _sound), of at least this length.
_SHORTEST_SUGGESTED: Final = 4
_MOST_SUGGESTIONS: Final = 3
_MEMO_SIZE: Final = 1024  # names read before, kept: bounded, so no input grows it for ever
_FARTHEST: Final = 2  # a name one letter off each way: two edits at most


def key(name: str) -> str:
    """The form of a name that matching compares: ``"St. John's-Wort"`` → ``"stjohnswort"``."""
    return "".join(
        word for word in _SEPARATORS.split(name.casefold()) if word and word not in SALT_WORDS
    )


def _is_descriptor(token: str) -> bool:
    """Whether ``token`` describes a strength, form, route, release or pack, or is a salt."""
    word = token.casefold().strip(_PUNCTUATION)
    if not word or _AMOUNT.fullmatch(word):
        return True
    word = word.replace("-", "").rstrip(".")
    return word in DESCRIPTOR_WORDS or word in SALT_WORDS or not key(word)


def _tokens(name: str) -> list[str]:
    """``name`` in words: a slash between two names is a word of its own, one in an amount not."""
    tokens = []
    for token in name.replace("+", " + ").replace("&", " & ").split():
        if "/" in token and not _AMOUNT.fullmatch(token.casefold().strip(_PUNCTUATION)):
            pieces = token.split("/")
            for number, piece in enumerate(pieces):
                if number:
                    tokens.append("/")
                if piece:
                    tokens.append(piece)
        else:
            tokens.append(token)
    return tokens


def _named_until(tokens: list[str]) -> int:
    """How many words come before the descriptors that end ``tokens`` (all of them if none)."""
    end = len(tokens)
    while end and _is_descriptor(tokens[end - 1]) and tokens[end - 1].casefold() not in _JOINS:
        end -= 1
    return end


def _sound(name_key: str) -> str:
    """A key as it sounds, for suggestions only: ``ph`` as ``f``, ``y`` as ``i``, no double."""
    return re.sub(r"(.)\1+", r"\1", name_key.replace("ph", "f").replace("y", "i"))


@attrs.frozen
class Member:
    """One group a medicine is in, and how.

    Attributes:
        group: The group.
        basis: How the medicine comes to be in it.
        drug_class: The class the sources name that puts it there, in their words;
            None when they name the medicine itself.
        atc_class: The ATC class that made it a member; None when none did.
    """

    group: InteractionGroup
    basis: Basis
    drug_class: str | None
    atc_class: str | None


@attrs.frozen
class Part:
    """One medicine a name was read as: an ingredient, or only an ATC class.

    Attributes:
        ingredient: The ingredient, or None when an ATC code matched a class only.
        atc_code: Its ATC code (the one given, when a code was given), or None.
        members: Each group it is in, in the data's order.
    """

    ingredient: Ingredient | None
    atc_code: str | None
    members: tuple[Member, ...]


@attrs.frozen
class Match:
    """What one name was read as.

    Attributes:
        parts: The medicines it names (several for a combination); none when nothing
            matched.
        unknown: True when a part of the name (or all of it) matched nothing.
        suggestions: Known names close to what did not match, for the person to check.
        unread: The parts of a product's name that matched nothing, as written, when
            another part matched; empty otherwise.
    """

    parts: tuple[Part, ...]
    unknown: bool = False
    suggestions: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()


_NOTHING: Final = Match(())


def _first_of_each(members: list[Member]) -> tuple[Member, ...]:
    """Each group once (its first way in), then without the groups another one supersedes."""
    seen: dict[str, Member] = {}
    for member in members:
        seen.setdefault(member.group.id, member)
    return tuple(
        m for m in seen.values() if not any(other in seen for other in m.group.superseded_by)
    )


@attrs.frozen
class Index:
    """The interaction data, arranged for lookups.

    Attributes:
        by_key: Each ingredient's and combination's :func:`key` of every name and brand.
        shown: The name as the data writes it, by its key: what a suggestion shows.
        by_atc: Each ingredient's and combination's ATC codes.
        by_rxcui: Each ingredient's RxNorm code.
        memberships: The groups of each ingredient, by its name.
        class_groups: Each ATC class of a group's classes, with its class and group.
        not_in_list: The group whose texts say a name is not known.
        nothing_found: The group whose texts say a known medicine has nothing to report.
        places: Each group's place in the data, by its id: the order of one
            medicine's findings of the same rank (serotonin syndrome before sleepiness).
        longest: The length of the longest key: no longer part of a name can match.
        ready: What each key of the data (and, by ``"atc:"`` keys, each whole code) is
            read as, kept on first use: a name written as the data writes it then costs
            a lookup.
        read_before: What names the data does not hold as written were read as, kept
            (at most 1,024, then started again) as a list is often checked again.
        sounds: Each key's sound and the name it shows, by its sound and each of its
            one-letter deletions, made the first time a name is not known.
    """

    by_key: dict[str, Ingredient | Combination]
    shown: dict[str, str]
    by_atc: dict[str, Ingredient | Combination]
    by_rxcui: dict[str, Ingredient]
    memberships: dict[str, tuple[Member, ...]]
    class_groups: tuple[tuple[str, DrugClass, InteractionGroup], ...]
    not_in_list: InteractionGroup
    nothing_found: InteractionGroup
    places: dict[str, int] = attrs.Factory(dict)
    longest: int = 0
    ready: dict[str, Match] = attrs.Factory(dict)
    read_before: dict[str, Match] = attrs.Factory(dict)
    sounds: Once[dict[str, tuple[tuple[str, str], ...]]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        """The suggestions' index is made the first time a name is not known."""
        object.__setattr__(self, "sounds", Once(self._sounds))

    def find(self, name: str) -> Match:
        """What ``name`` is read as: its parts, or none, with suggestions."""
        name_key = key(name)
        ready = self.ready.get(name_key)
        if ready is not None:
            return ready
        entry = self.by_key.get(name_key)
        if entry is not None:
            ready = self.ready[name_key] = self._entry(entry, None)
            return ready
        code = name.strip().upper()
        if ATC_CODE.fullmatch(code):
            return self._atc(code)
        if _RXCUI.fullmatch(code):
            by_code = self.by_rxcui.get(code)
            return _NOTHING if by_code is None else self._entry(by_code, None)
        read = self.read_before.get(name)
        if read is None:
            if len(self.read_before) >= _MEMO_SIZE:
                self.read_before.clear()
            read = self.read_before[name] = self._read_whole(name, name_key)
        return read

    def _read_whole(self, name: str, name_key: str) -> Match:
        """A name not known as written, read word by word."""
        if not _MORE_THAN_A_WORD.search(name.strip()):  # one word, not known: say so at once
            if _is_descriptor(name):
                return _NOTHING
            return Match((), unknown=True, suggestions=self._suggest(name_key))
        return self._read(_tokens(name))

    def _atc(self, code: str) -> Match:
        """What an ATC code is read as: a medicine's, or only its classes'."""
        found = self.by_atc.get(code)
        if found is not None:
            ready = self.ready.get(f"atc:{code}")
            if ready is None:
                ready = self.ready[f"atc:{code}"] = self._entry(found, code)
            return ready
        members = _first_of_each(
            [
                Member(group, drug_class.basis, drug_class.words, cls)
                for cls, drug_class, group in self.class_groups
                if code.startswith(cls)
            ]
        )
        return Match((Part(None, code, members),)) if members else _NOTHING

    def _entry(self, entry: Ingredient | Combination, code: str | None) -> Match:
        if isinstance(entry, Ingredient):
            return Match((self._part(entry, code),))
        return Match(tuple(self._part(self._ingredient(name), code) for name in entry.ingredients))

    def _ingredient(self, name: str) -> Ingredient:
        found = self.by_key[key(name)]
        assert isinstance(found, Ingredient)  # noqa: S101 - build() checks it
        return found

    def _part(self, ingredient: Ingredient, code: str | None) -> Part:
        code = code or (ingredient.atc[0] if ingredient.atc else None)
        return Part(ingredient, code, self.memberships[ingredient.name])

    def _longest(self, tokens: list[str], named: int) -> Ingredient | Combination | None:
        """The longest start of ``tokens``, past its first ``named`` words, that names one."""
        if not named:
            return None
        keys = [""]
        for token in tokens:
            keys.append(keys[-1] + key(token))
        for end in range(len(tokens), named - 1, -1):
            if len(keys[end]) <= self.longest and (found := self.by_key.get(keys[end])):
                return found
        return None

    def _read(self, tokens: list[str]) -> Match:
        """A name not known as written: its strength, form and pack read off, or its parts."""
        until = _named_until(tokens)
        found = self._longest(tokens, until)
        if found is not None:
            return self._entry(found, None)
        named = tokens[:until]
        pieces: list[list[str]] = [[]]
        for token in named:
            if token.casefold() in _JOINS:
                pieces.append([])
            else:
                pieces[-1].append(token)
        ends = [(piece, _named_until(piece)) for piece in pieces if piece]
        ends = [(piece, end) for piece, end in ends if end]
        if len(ends) < 2:  # a product has two parts or more
            return Match((), unknown=True, suggestions=self._suggest(key(" ".join(named))))
        parts: dict[str, Part] = {}
        unread: list[str] = []
        suggested: list[str] = []
        for piece, end in ends:
            entry = self._longest(piece, end)
            if entry is None:
                unread.append(" ".join(piece[:end]))
                suggested.extend(self._suggest(key(unread[-1])))
                continue
            for part in self._entry(entry, None).parts:
                assert part.ingredient is not None  # noqa: S101 - a name's parts have one
                parts.setdefault(part.ingredient.name, part)
        return Match(
            tuple(parts.values()),
            unknown=bool(unread),
            suggestions=tuple(dict.fromkeys(suggested)),
            unread=tuple(dict.fromkeys(unread)) if parts else (),
        )

    def _suggest(self, name_key: str) -> tuple[str, ...]:
        """Known names that sound close to the key ``name_key``, closest first, at most three."""
        heard = _sound(name_key)
        if not _SHORTEST_SUGGESTED <= len(heard) <= self.longest + _FARTHEST:
            return ()
        sounds = self.sounds()
        near = {
            found
            for variant in (heard, *[heard[:i] + heard[i + 1 :] for i in range(len(heard))])
            for found in sounds.get(variant, ())
        }
        # Each is at most one letter off each way (so two edits away): the same sound first,
        # then the same length (a letter changed), then the rest.
        ranked = sorted(
            ((heard != sound) + (len(heard) != len(sound)), shown) for sound, shown in near
        )
        return tuple(dict.fromkeys(shown for _, shown in ranked))[:_MOST_SUGGESTIONS]

    def _sounds(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Each key's sound and shown name, by its sound and every sound one letter shorter."""
        found: dict[str, list[tuple[str, str]]] = {}
        for name_key in self.by_key:
            heard = _sound(name_key)
            if len(heard) < _SHORTEST_SUGGESTED:  # pragma: no cover - no name in the data
                continue  # sounds this short today; one added later is never suggested
            for variant in {heard, *(heard[:i] + heard[i + 1 :] for i in range(len(heard)))}:
                found.setdefault(variant, []).append((heard, self.shown[name_key]))
        return {variant: tuple(keys) for variant, keys in found.items()}


# -- building the index, and the data's consistency checks -------------------------------------


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


def _check_classes(
    where: str, group: InteractionGroup, class_ids: set[str], problems: list[str]
) -> None:
    for number, drug_class in enumerate(group.classes):
        at = f"{where}.classes[{number}]"
        if drug_class.id in class_ids:
            problems.append(f"{at}.id: {drug_class.id!r} is used twice")
        class_ids.add(drug_class.id)
        if drug_class.basis is Basis.NAMED:
            problems.append(f"{at}.basis: a class is not named, it is a class or known")
        if not drug_class.sources:
            problems.append(f"{at}.sources: no source cited")
        problems.extend(
            f"{at}.sources: {str(c)!r} is not one of the group's"
            for c in drug_class.sources
            if c not in group.sources
        )
        problems.extend(
            f"{at}.atc: {cls!r} is not an ATC code"
            for cls in drug_class.atc
            if not ATC_CODE.fullmatch(cls)
        )


def _check_groups(data: InteractionData, problems: list[str]) -> dict[str, InteractionGroup]:
    groups: dict[str, InteractionGroup] = {}
    class_ids: set[str] = set()
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
            group.classes or group.risks
        ):
            problems.append(f"{where}: {group.kind.value!r} has no classes or risks")
        if group.watch is not None and group.kind is not FindingKind.INTERACTION:
            problems.append(f"{where}.watch: only an interaction has a watch")
        _check_classes(where, group, class_ids, problems)
    _check_order(data, problems)
    for index, group in enumerate(data.groups):
        problems.extend(
            f"groups[{index}].superseded_by: {other!r} is not another group of risks"
            for other in group.superseded_by
            if other == group.id or other not in groups or not groups[other].risks
        )
    return groups


def _add_names(
    where: str, entry: Ingredient | Combination, index: Index, problems: list[str]
) -> None:
    """Add ``entry``'s names and codes to ``index``, and note each one already taken."""
    uk = getattr(entry, "uk_name", None)
    for name in (entry.name, *filter(None, [uk]), *entry.other_names, *entry.brands):
        name_key = key(name)
        found = index.by_key.setdefault(name_key, entry) if name_key else None
        index.shown.setdefault(name_key, name)
        if found is not entry:
            problems.append(f"{where}: the name {name!r} is blank or another's")
    for code in entry.atc:
        if not ATC_CODE.fullmatch(code) or len(code) != _WHOLE_CODE:
            problems.append(f"{where}.atc: {code!r} is not a whole ATC code")
        if index.by_atc.setdefault(code, entry) is not entry:
            problems.append(f"{where}.atc: {code!r} is another's")


def _check_membership(
    where: str, membership: Membership, groups: dict[str, InteractionGroup], problems: list[str]
) -> None:
    group = groups.get(membership.group)
    if group is None or not group.risks:
        problems.append(f"{where}.group: {membership.group!r} is not a group of risks")
        return
    if (membership.named_as is None) == (membership.drug_class is None):
        problems.append(f"{where}: give one of named_as and drug_class")
    if membership.named_as is not None and not membership.sources:
        problems.append(f"{where}.sources: a medicine named by a source cites it")
    if membership.drug_class is not None and (
        membership.sources or membership.drug_class not in {c.id for c in group.classes}
    ):
        problems.append(
            f"{where}.drug_class: {membership.drug_class!r} is not a class of its group"
        )
    problems.extend(
        f"{where}.sources: {str(c)!r} is not one of the group's"
        for c in membership.sources
        if c not in group.sources
    )


_ClassAt = dict[str, list[tuple[tuple[int, int], InteractionGroup, DrugClass, str]]]


def _classes_at(data: InteractionData) -> _ClassAt:
    """Each ATC class of a group's classes, with its place: which class, which of its codes."""
    found: _ClassAt = {}
    for group in data.groups:
        for place, drug_class in enumerate(group.classes):
            for order, cls in enumerate(drug_class.atc):
                found.setdefault(cls, []).append(((place, order), group, drug_class, cls))
    return found


def _members(ingredient: Ingredient, data: InteractionData, at: _ClassAt) -> tuple[Member, ...]:
    """The groups ``ingredient`` is in, in the data's order, each with how.

    Named by a source first; else in the first of the group's classes (and the first of
    its ATC classes) that one of its codes falls in; else known to be of a class.
    """
    in_class: dict[str, tuple[tuple[int, int], DrugClass, str]] = {}
    for code in ingredient.atc:
        for end in range(1, len(code) + 1):
            for place, group, drug_class, cls in at.get(code[:end], ()):
                if group.id not in in_class or place < in_class[group.id][0]:
                    in_class[group.id] = (place, drug_class, cls)
    by_name = {m.group: m for m in ingredient.memberships}
    found = []
    for group in data.groups:
        named = by_name.get(group.id)
        if named is not None and named.named_as is not None:
            found.append(Member(group, Basis.NAMED, None, None))
        elif group.id in in_class:
            _, drug_class, cls = in_class[group.id]
            found.append(Member(group, drug_class.basis, drug_class.words, cls))
        elif named is not None:
            words = [c.words for c in group.classes if c.id == named.drug_class]
            found.extend(Member(group, Basis.KNOWLEDGE, w, None) for w in words[:1])
    return _first_of_each(found)


def _check_ingredients(
    data: InteractionData, groups: dict[str, InteractionGroup], index: Index, problems: list[str]
) -> None:
    for number, ingredient in enumerate(data.ingredients):
        where = f"ingredients[{number}]"
        _add_names(where, ingredient, index, problems)
        if ingredient.rxcui is not None and (
            not _RXCUI.fullmatch(ingredient.rxcui)
            or index.by_rxcui.setdefault(ingredient.rxcui, ingredient) is not ingredient
        ):
            problems.append(f"{where}.rxcui: {ingredient.rxcui!r} is not a code of its own")
        seen: set[str] = set()
        for place, membership in enumerate(ingredient.memberships):
            if membership.group in seen:
                problems.append(f"{where}.memberships[{place}]: the group is given twice")
            seen.add(membership.group)
            _check_membership(f"{where}.memberships[{place}]", membership, groups, problems)
    at = _classes_at(data)
    for ingredient in data.ingredients:
        index.memberships[ingredient.name] = _members(ingredient, data, at)


def _check_combinations(data: InteractionData, index: Index, problems: list[str]) -> None:
    for number, combination in enumerate(data.combinations):
        where = f"combinations[{number}]"
        _add_names(where, combination, index, problems)
        if len(set(combination.ingredients)) < 2:  # two or more medicines
            problems.append(f"{where}.ingredients: a combination has two ingredients or more")
        for name in combination.ingredients:
            found = index.by_key.get(key(name))
            if not isinstance(found, Ingredient) or found.name != name:
                problems.append(f"{where}.ingredients: {name!r} is not an ingredient")


def _check_examples(data: InteractionData, index: Index, problems: list[str]) -> None:
    """Every example a group gives is a member of the group that its sources name.

    The guide lists the examples as the sources' own: a medicine in the group only by
    what is known of it (:attr:`Basis.KNOWLEDGE`) is not one.
    """
    for number, group in enumerate(data.groups):
        for field, examples in (
            ("examples_us", group.examples_us),
            ("examples_uk", group.examples_uk),
        ):
            for example in examples:
                found = index.by_key.get(key(example.partition(" (")[0]))
                if not isinstance(found, Ingredient) or all(
                    m.group is not group or m.basis is Basis.KNOWLEDGE
                    for m in index.memberships.get(found.name, ())
                ):
                    problems.append(f"groups[{number}].{field}: {example!r} is not a member")


def build(data: InteractionData) -> tuple[Index, tuple[str, ...]]:
    """The index of ``data``, and every problem found in it (none for good data).

    The problems: a group used twice or missing, a group out of order, a class or
    membership that does not hold together, a name or code that two medicines share,
    a combination of unknown ingredients, an example that is not a member of its group.
    """
    problems: list[str] = []
    groups = _check_groups(data, problems)
    index = Index(
        by_key={},
        shown={},
        by_atc={},
        by_rxcui={},
        memberships={},
        class_groups=tuple(
            (cls, drug_class, group)
            for group in data.groups
            if group.kind in {FindingKind.INTERACTION, FindingKind.NOT_FULLY_COVERED}
            for drug_class in group.classes
            for cls in drug_class.atc
        ),
        not_in_list=_one_of_kind(data, FindingKind.NOT_IN_LIST, problems),
        nothing_found=_one_of_kind(data, FindingKind.NOTHING_FOUND, problems),
        places={group.id: place for place, group in enumerate(data.groups)},
    )
    _check_ingredients(data, groups, index, problems)
    _check_combinations(data, index, problems)
    _check_examples(data, index, problems)
    index = attrs.evolve(index, longest=max(map(len, index.by_key), default=0))
    return index, tuple(problems)
