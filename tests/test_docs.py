"""The docs cannot drift from the code: their examples run, and their lists are complete."""

import ast
import datetime as dt
import doctest
import importlib
import inspect
import itertools
import pydoc
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import duloxinfo
from support.records import records

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if not p.relative_to(DOCS).parts[0].startswith("_"))
_PYCON = re.compile(r"^```pycon\n(.*?)^```", re.MULTILINE | re.DOTALL)
_PYTHON = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_docs_pages_are_found():
    names = {str(page.relative_to(DOCS)) for page in PAGES}
    assert {"index.md", "tutorial.md", "rules.md", "architecture.md", "api/rules.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_every_pycon_example_in_the_docs_runs(page):
    text = page.read_text(encoding="utf-8")
    examples = "\n".join(_PYCON.findall(text))
    test = doctest.DocTestParser().get_doctest(examples, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_the_tutorial_has_examples_to_run():
    assert len(_PYCON.findall((DOCS / "tutorial.md").read_text(encoding="utf-8"))) >= 8


def test_the_readme_usage_example_runs():
    blocks = _PYTHON.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks
    for block in blocks:
        namespace = {}
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
        assert namespace["advice"].action is duloxinfo.Action.TAKE_NOW


API_PAGES = [
    "rules",
    "reasons",
    "content",
    "interactions",
    "label",
    "choices",
    "interop",
    "answers",
    "errors",
]


def test_the_api_pages_document_every_public_module_and_so_every_public_name():
    modules = []
    for page in API_PAGES:
        text = (DOCS / "api" / f"{page}.md").read_text(encoding="utf-8")
        modules += re.findall(r"^\.\. automodule:: duloxinfo\.([\w.]+)$", text, re.MULTILINE)
    assert sorted(modules) == sorted([*duloxinfo._PUBLIC_MODULES, "errors", *duloxinfo._NAMESPACES])
    names = ["__version__"]
    for module in set(modules) - set(duloxinfo._NAMESPACES):
        names += importlib.import_module(f"duloxinfo.{module}").__all__
    assert sorted(names) == sorted(duloxinfo.__all__)
    assert len(names) == len(set(names))  # no name is defined twice
    index = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
    assert index.index("\nrules\n") < index.index("\ncontent\n") < index.index("\nerrors\n")


def test_the_architecture_page_describes_the_tree_as_it_is():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([\w./]+)` \| (?:yes|no) \|", text, re.MULTILINE))
    package = Path(duloxinfo.__file__).parent
    files = {
        str(path.relative_to(package))
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert listed == files
    for row in re.findall(r"^\| `([\w./]+)` \| (yes|no) \|", text, re.MULTILINE):
        private = any(
            part.startswith("_") and not part.startswith("__") for part in row[0].split("/")
        )
        assert (row[1] == "no") == private, row


_SOURCES_INTRO = """\
# Sources

Every statement of the guide, every verdict on the seed page's claims and every number in
`duloxinfo.LABEL` cites one of the documents below through a `Citation`: a `Source`, the
section, and, where one copy joins several revisions (the US label), the revision. In code,
`str(citation)` gives the short form listed here, for example `US PI (09/2021), Highlights:
Indications and Usage`, and `citation.source` gives the document's `title`, `publisher`,
`address` and `revision`. This page is generated from the package (`python
tests/test_docs.py --write`), and a test holds it equal; another checks that every cited
section exists in the stored copy of its source (`tests/fixtures/sources/`, copies of the
primary texts with their gaps marked).

What the sources do not say is not stated as a fact. The guide was written from offline
copies: the EU package leaflet is complete, and so are sections 1, 2, 4, 5, 7 and 10 of one
generic US label (US PI-G); the Cymbalta US label, the Medication Guide and the NHS pages
are partial (their gaps are marked in the copies).

Some copies are out of date, and the guide's "About this guide" says so. The EU leaflet
copy leaves its date blank and is listed as revision 32 of 21 December 2021: it is older
than the June 2024 revision of the leaflet's sections 2 and 4 (warnings, side effects), as
the SmPC copy is older than that revision's changes to 4.4 and 4.8. The NHS pages were last
reviewed on 14 February 2022 and were due for review on 14 February 2025; the copies of
"How and when to take" and "Pregnancy, breastfeeding and fertility" hold no date. The
generic US label's copy and the Medication Guide's copies state no date; the Cymbalta
label's fragments are each cited with their own revision, the newest of 08/2023. Each
source's revision below is that of the copy used. Check each fact against the live source
before relying on it; a newer leaflet wins over this guide.
"""


def sources_page():
    """The sources page: every source's record and every citation the package makes."""
    cited = {source: set() for source in duloxinfo.Source}
    for part in (duloxinfo.guide(), duloxinfo.seed_claims(), duloxinfo.interaction_data()):
        for citation in records(part, duloxinfo.Citation):
            cited[citation.source].add(str(citation))
    for field in attrs.fields(duloxinfo.Label):
        for citation in getattr(duloxinfo.LABEL, field.name).sources:
            cited[citation.source].add(str(citation))
    lines = [_SOURCES_INTRO]
    for source in duloxinfo.Source:
        address = source.address
        where = f"<{address}>" if address.startswith("https://") else f"{address}."
        lines += [
            f"## {source.name.replace('_', ' ')} (`Source.{source.name}`)",
            "",
            f"*{source.title}*. {source.publisher}. {where}",
            f"Revision: {source.revision}.",
            "",
        ]
        if source is duloxinfo.Source.SEED:
            lines += [
                "Not a source of patient text: its statements are kept only as reviewed claims",
                "(`duloxinfo.seed_claims()`), and `check_guide` refuses a guide that cites it.",
                "",
            ]
        if cited[source]:
            lines += ["Cited:", "", *(f"- `{c}`" for c in sorted(cited[source])), ""]
    return "\n".join(lines)


def test_the_sources_page_lists_every_source_and_every_citation_the_package_makes():
    assert (DOCS / "sources.md").read_text(encoding="utf-8") == sources_page(), (
        "docs/sources.md is out of date: run python tests/test_docs.py --write"
    )
    assert "`US PI (09/2021), Highlights: Indications and Usage`" in sources_page()


_INTERACTIONS_INTRO = """\
# Other medicines: what the check covers

`duloxinfo.check_interactions` checks a medicine list against duloxetine, offline. This
page lists every group of medicines it knows, with its sources, and every medicine in
it, by each name and code it matches, with how it earned its place. It is generated from
the package's data (`python tests/test_docs.py --write`), and a test holds it equal, so it
cannot drift. The same data makes the guide's "Taking duloxetine with other medicines"
section.

**A name not on this page is not safe.** The check reports it as not in duloxinfo's list,
to ask a pharmacist. A medicine whose sources duloxinfo's copies do not cover in full is
reported so too, above any caution. A medicine of a listed ATC class is found by its
ATC code even when it is not named here.

## How a medicine earns a place

A group is one thing the sources say about duloxetine and other medicines, in the words
of the sections it cites: the label's classes (US PI-G §4 and §2.9 MAOIs, §2.10 linezolid
and methylene blue, §5.4 and §7.14 serotonergic drugs, §5.5 and §7.4 drugs that affect
bleeding, §5.12 and §7.9 drugs metabolised by CYP2D6 with a narrow therapeutic index and
thioridazine, §5.12 and §7.1 and §7.2 inhibitors of CYP1A2 and CYP2D6, §5.12 and §7.16
centrally acting drugs, §7.17 drugs highly bound to plasma protein, §5.3
antihypertensives, §5.13 diuretics, §7.7 drugs that lower stomach acid), the EU leaflet's
(§2: MAOIs, medicines that cause sleepiness, medicines that increase serotonin,
anticoagulants and antiplatelet agents, diuretics, other duloxetine medicines) and
smoking (US PI, Torrent 3/2017, §8.7). A medicine is in a group in one of three ways,
and the table of each group says which (the finding's `basis`):

- **named**: a section the group cites names the medicine itself (the section is given).
  A test finds the name in the stored copy of each section.
- **class**: a section names a class of medicines (SSRIs, triptans, NSAIDs,
  phenothiazines), and the medicine's WHO ATC code is in the ATC class that is that
  class. A test finds the class's words in the stored copy of each section it cites.
- **knowledge**: a section names a class, and duloxinfo puts the medicine in it from what
  is known of the medicine, not from its copies of the sources (cyclobenzaprine and
  dextromethorphan as serotonergic drugs, bupropion as a potent CYP2D6 inhibitor,
  gabapentin as a medicine that causes sleepiness). The finding says so in its `note`.

To add a medicine: find the group whose class it is in, and the section that names it or
its class; add the ingredient with its US and UK generic names, common brands, ATC codes
and, where CPIC's drug table lists it, its RxCUI; give it a membership (`named_as` and the
sections, or the class it is known to be of) unless its ATC code already puts it in the
class; then `python tests/test_docs.py --write`. A medicine the sources put in no group
is listed with "nothing to report" only when it is known and has a reason to be asked
about (a part of a product, or a common medicine people ask about), never to look safe.

A group may give way to another: the general caution for medicines that act on the brain
is given only to a medicine no other group holds, the caution on medicines that raise
duloxetine gives way to the do-not-combine of fluvoxamine, ciprofloxacin and enoxacin, and
the caution on CYP2D6 medicines to the do-not-combine of thioridazine.

Where two readings meet, the source's words decide. The EU leaflet names
"antihistamines" among the medicines that cause sleepiness, with no exception for the
newer ones, so every antihistamine for use by mouth (ATC R06A, loratadine and
fexofenadine included) is a caution there. The US label names "quinolone antimicrobials"
as CYP1A2 inhibitors, so every quinolone is a caution, though the examples shown are the
medicines the label names. Methylene blue is "do not combine" whatever the route: the
label gives the risk of other routes as unclear, so duloxinfo gives the cautious answer
and says so. Within one rank, a medicine's findings come in the order of the groups
below: serotonin syndrome before sleepiness.

## How names are read

Case, spaces, hyphens, dots, apostrophes and salt words (such as sodium or hydrochloride)
do not matter. A strength, a form, a route and a pack written after the name are read off
it ("Ibuprofen 400 mg tablets", "sertraline 50mg tab", "ZOLOFT 50 MG ORAL TABLET",
"Co-codamol 30/500", "acetaminophen/codeine 300-30", "x 28"), and so is a product's
number, which US lists write for its strength ("Tylenol with Codeine #3", "No. 3"); words that name another product ("Plus", "Extra", "PM",
"D") are not, so "Nurofen Plus" is its own product, never plain Nurofen. A product of
several medicines is checked as each of them: by its name (the combinations below) or
written as its parts ("codeine and paracetamol", "hydrocodone/APAP"). A part duloxinfo
cannot read adds a "not in the list" finding that names it (`unread`), and then no part
of the product is said to have "nothing to report": the unread part may. Plain
"Excedrin" names products of different medicines, so only the full product names are
known. Spelling matters: there is no
guessing, so one medicine is never taken for another. A name close to a known one ("ibuprofin",
"setraline") is not in the list, and its finding suggests the known names to check. A
name may be a US or UK generic name, a brand name, an ATC code (WHO; a whole code, or a
class code of 4 or 5 characters), or an RxNorm ingredient code (RxCUI) where duloxinfo has
one.

**Where the codes come from.** The ATC codes were checked against a copy of the WHO ATC
index of 25 April 2026 (the `fabkury/atcd` scrape). The RxCUIs were checked against CPIC's
drug table (`cpicpgx/cpic-schema`, `drug.sql`) and a list of RxNorm ingredients; a medicine
shows "none" where no stored public source confirmed its code. The brand names of the
first 93 medicines were each checked against a stored public page naming it with that
ingredient: openFDA, DailyMed, NHS, medicines.org.uk or EMA records for most; secondary
pages only for Zomig, Buspar, Clarityn, Luvox and Largactil (withdrawn in the UK, still a
name people use). The brands added for issue 25 are the long-standing US and UK brand
names of each medicine, not each checked against a stored page. A brand that names
different medicines in different countries (Benadryl: diphenhydramine in the US,
acrivastine or cetirizine in the UK; Sominex: diphenhydramine in the US, promethazine in
the UK; Unisom) is left out, so that it is reported as not in the list; so is a brand of
neither market (Epival, Targin).
"""


def _wait(span):
    if span is None:
        return "none"
    return f"{span.days} days" if span.days > 1 else f"{span // dt.timedelta(hours=1)} hours"


def _how(finding):
    """How a medicine is in a finding's group, in the words of the page's table."""
    basis = finding.basis.value
    if finding.basis is duloxinfo.Basis.NAMED:
        return basis
    if finding.atc_class is not None:
        return f"{basis}: {finding.drug_class} (ATC {finding.atc_class})"
    return f"{basis}: {finding.drug_class}"


def interactions_page():
    """The interactions page: every group, its sources, and the medicines in it."""
    data = duloxinfo.interaction_data()
    found = {
        ingredient.name: duloxinfo.check_interactions([ingredient.name])
        for ingredient in data.ingredients
    }
    lines = [_INTERACTIONS_INTRO]
    for group in data.groups:
        kind = group.seriousness.value if group.seriousness else group.kind.value
        lines += [
            f"## {group.medicines}",
            "",
            f"- Id: `{group.id}`; {kind}",
            f"- Risks: {', '.join(f'`{r.value}`' for r in group.risks) or 'none'}",
        ]
        lines += [
            f"- Class: {c.words} ({c.basis.value}"
            + (f"; ATC {', '.join(f'`{a}`' for a in c.atc)}" if c.atc else "")
            + f"): {'; '.join(f'`{s}`' for s in c.sources)}"
            for c in group.classes
        ]
        if group.superseded_by:
            lines.append(f"- Gives way to: {', '.join(f'`{g}`' for g in group.superseded_by)}")
        if group.wait_after_other_stops or group.wait_before_other_starts:
            after = _wait(group.wait_after_other_stops)
            before = _wait(group.wait_before_other_starts)
            lines += [
                f"- Wait after stopping it, before duloxetine: {after}",
                f"- Wait after the last duloxetine dose, before starting it: {before}",
            ]
        if group.watch is not None:
            lines.append(
                f"- Watch for `{group.watch.risk.value}`: {_wait(group.watch.for_at_most)}, "
                f"or until {_wait(group.watch.after_last_dose)} after the last dose, "
                "whichever comes first"
            )
        lines += [
            f"- Sources: {'; '.join(f'`{c}`' for c in group.sources)}",
            "",
            f"{group.risk} {group.what_to_do}",
            "",
        ]
        members = [(i, f) for i in data.ingredients for f in found[i.name] if f.group == group.id]
        if members:
            lines += [
                "| medicine | other names | brands | ATC | RxCUI | how |",
                "|---|---|---|---|---|---|",
                *(
                    f"| {i.name} | {', '.join((*filter(None, [i.uk_name]), *i.other_names))} "
                    f"| {', '.join(i.brands)} | {', '.join(i.atc)} | {i.rxcui or 'none'} "
                    f"| {_how_of(i, f)} |"
                    for i, f in members
                ),
                "",
            ]
    lines += [
        "## Products of several medicines",
        "",
        "Each is checked as each of its medicines, above.",
        "",
        "| product | other names | brands | ATC | medicines |",
        "|---|---|---|---|---|",
        *(
            f"| {c.name} | {', '.join(c.other_names)} | {', '.join(c.brands)} "
            f"| {', '.join(c.atc)} | {', '.join(c.ingredients)} |"
            for c in data.combinations
        ),
        "",
    ]
    return "\n".join(lines)


def _how_of(ingredient, finding):
    """``_how``, with the sections that name the medicine when they do."""
    if finding.basis is None:
        return "(in no group)"
    if finding.basis is not duloxinfo.Basis.NAMED:
        return _how(finding)
    membership = next(m for m in ingredient.memberships if m.group == finding.group)
    return f"named ({'; '.join(str(c) for c in membership.sources)})"


def test_the_interactions_page_lists_every_group_and_medicine_from_the_data():
    assert (DOCS / "interactions.md").read_text(encoding="utf-8") == interactions_page(), (
        "docs/interactions.md is out of date: run python tests/test_docs.py --write"
    )
    page = interactions_page()
    for ingredient in duloxinfo.interaction_data().ingredients:
        assert f"| {ingredient.name} |" in page, ingredient.name


_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _console_examples():
    """(page, command, expected output, expected status) for every ``$`` line in the docs."""
    for page in PAGES:
        for block in _CONSOLE.findall(page.read_text(encoding="utf-8")):
            for chunk in block.split("$ ")[1:]:
                command, _, output = chunk.partition("\n")
                status = 0
                if match := re.search(r"^\[exit status (\d+)\]\n\Z", output, re.MULTILINE):
                    status, output = int(match[1]), output[: match.start()]
                yield pytest.param(command, output, status, id=f"{page.name}: {command[:60]}")


def _shell(command):
    """Run a documented shell line, with ``duloxinfo`` meaning the package under test."""
    script = f'duloxinfo() {{ "{sys.executable}" -m duloxinfo "$@"; }}\n{command}'
    return subprocess.run(
        [shutil.which("bash"), "-c", script],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(("command", "output", "status"), list(_console_examples()))
def test_every_shell_example_in_the_docs_prints_what_it_shows(command, output, status):
    result = _shell(command)
    assert result.returncode == status
    assert result.stdout + result.stderr == output


def test_the_readme_answers_the_forgotten_dose_from_the_shell():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"^duloxinfo missed-dose .*$", text, re.MULTILINE)
    result = _shell(command)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Action:")


def _public(kind):
    for name in sorted(duloxinfo.__all__):
        value = getattr(duloxinfo, name)
        if kind(value):
            yield name, value


@pytest.mark.parametrize(
    ("name", "record"), list(_public(lambda v: isinstance(v, type) and attrs.has(v)))
)
def test_every_public_record_explains_each_field_in_help(name, record):
    doc = inspect.getdoc(record)
    section = re.search(r"^Attributes:\n((?:    .*\n|\n)*)", doc + "\n", re.MULTILINE)
    assert section, f"{name} has no Attributes section"
    described = re.findall(r"^    (\w+): \S", section[1], re.MULTILINE)
    assert described == [field.name for field in attrs.fields(record)]
    shown = pydoc.render_doc(record, renderer=pydoc.plaintext)
    assert all(f"    {field}: " in shown for field in described)


def _constant_docstrings(module):
    """The names of a module's assignments that are followed by a docstring."""
    body = ast.parse(inspect.getsource(module)).body
    found = set()
    for node, after in itertools.pairwise(body):
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        documented = isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
        if isinstance(target, ast.Name) and documented and isinstance(after.value.value, str):
            found.add(target.id)
    return found


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (n, v)
        for n, v in _public(lambda v: not callable(v) and not isinstance(v, type))
        if n != "__version__"
    ],
)
def test_every_public_constant_has_its_own_documentation(name, value):
    module = next(
        importlib.import_module(f"duloxinfo.{m}")
        for m in duloxinfo._PUBLIC_MODULES
        if name in importlib.import_module(f"duloxinfo.{m}").__all__
    )
    assert name in _constant_docstrings(module)


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    for page, make in (("sources.md", sources_page), ("interactions.md", interactions_page)):
        (DOCS / page).write_text(make(), encoding="utf-8")
        print(f"wrote {DOCS / page}")  # noqa: T201
