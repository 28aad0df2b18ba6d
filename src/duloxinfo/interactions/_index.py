"""The interaction data, read once, checked and indexed for lookups.

Private module: what :func:`~duloxinfo.interactions.load.interaction_data` returns and
what :func:`~duloxinfo.interactions.check.check_interactions` looks names up in, from
one read of the data file.  The strict cattrs converter is the guide's
(``content/_converter.py``): one converter, one wording of a broken field.
"""

from __future__ import annotations

from typing import Final

from .._json import data_file_text, parse_json
from .._once import Once
from ..errors import ContentError
from ._matching import Index, build
from .medicines import InteractionData

DATA_PACKAGE: Final = "duloxinfo.interactions._data"
FILE: Final = "interactions.json"


def load(text: str, name: str) -> tuple[InteractionData, Index]:
    """Parse, structure, check and index the text of the interaction data file ``name``."""
    from ..content._converter import structure_interactions  # noqa: PLC0415 - cattrs on first use

    data = structure_interactions(parse_json(text, name), name)
    index, problems = build(data)
    if problems:
        raise ContentError(name, problems)
    return data, index


loaded: Final = Once(lambda: load(data_file_text(DATA_PACKAGE, FILE), FILE))
"""The data and its index, read on first use, then kept."""
