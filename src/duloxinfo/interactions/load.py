"""The interaction data, loaded from the package's data file on first use, then kept."""

from __future__ import annotations

from .._names import public_dir
from . import _index
from .medicines import InteractionData

__all__ = ["interaction_data"]
__dir__ = public_dir(globals())


def interaction_data() -> InteractionData:
    """The interaction data: every group and medicine, loaded on first call, then cached.

    The same data makes the guide's "other medicines" entries and answers
    :func:`~duloxinfo.interactions.check.check_interactions`.

    Raises:
        ContentError: the packaged data file is broken (a packaging fault).

    >>> import duloxinfo
    >>> [group.id for group in duloxinfo.interaction_data().groups][:3]
    ['maoi', 'linezolid-methylene-blue', 'thioridazine']
    """
    return _index.loaded()[0]
