"""The docs cannot drift from the code: their examples run, and their lists are complete."""

import doctest
import re
from pathlib import Path

import attrs
import pytest

import duloxinfo
from _records import records

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
_PYCON = re.compile(r"^```pycon\n(.*?)^```", re.MULTILINE | re.DOTALL)
_PYTHON = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_docs_pages_are_found():
    names = {page.name for page in PAGES}
    assert {"index.md", "tutorial.md", "rules.md", "api.md", "sources.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
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


def test_the_api_reference_documents_every_public_name():
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. (?:auto\w+|py:\w+):: duloxinfo\.(\w+)", text, re.MULTILINE))
    assert documented == set(duloxinfo.__all__)


def test_the_sources_page_lists_every_citation_the_package_makes():
    cited = {str(citation) for citation in records(duloxinfo.guide(), duloxinfo.Citation)}
    for field in attrs.fields(duloxinfo.Label):
        cited.update(str(c) for c in getattr(duloxinfo.LABEL, field.name).sources)
    text = (DOCS / "sources.md").read_text(encoding="utf-8")
    assert {c for c in cited if f"`{c}`" not in text and c != "Seed page"} == set()
    for source in duloxinfo.Source:
        assert source.title in text, source
