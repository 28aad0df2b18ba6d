"""Every example in the docstrings runs, against the installed package."""

import doctest
import importlib
import pkgutil

import pytest

import duloxinfo

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(duloxinfo.__path__, "duloxinfo.")
    if m.name != "duloxinfo.__main__"
)


@pytest.mark.parametrize("name", ["duloxinfo", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
