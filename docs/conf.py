"""Sphinx configuration: furo, MyST pages, autodoc of the installed package.

Built in CI as ``python -m sphinx -n -W --keep-going -b html docs docs/_build/html``:
every warning, including each cross-reference that does not resolve, fails the build.
"""

from __future__ import annotations

import importlib.metadata

project = "duloxinfo"
author = "The duloxinfo authors"
copyright = "2026, the duloxinfo authors"
release = importlib.metadata.version("duloxinfo")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_inventories", "README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"duloxinfo {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
# LabelFact is generic in a private type variable; there is nothing to link it to.
nitpick_ignore = [
    ("py:class", "duloxinfo.label._T"),
    ("py:obj", "duloxinfo.label._T"),
    # supply_forecast's default for an argument not given; the signature shows <missing>.
    ("py:class", "duloxinfo.rules.supply._Missing"),
]

# The inventories are stored in the repository (docs/_inventories/README.md says where
# each comes from), so the docs build the same with or without a network.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "_inventories/attrs.inv"),
    "cattrs": ("https://catt.rs/en/stable", "_inventories/cattrs.inv"),
}
