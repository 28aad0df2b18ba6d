"""Moved to :mod:`duloxinfo.interactions.medicines`; this old path is kept for old imports.

Deprecated: import from :mod:`duloxinfo.interactions.medicines`, or from
:mod:`duloxinfo` itself.  The names here are those very objects; this module defines
nothing.
"""

from __future__ import annotations

from .._names import public_dir
from ..interactions import medicines as _moved
from ..interactions.medicines import *  # noqa: F403 - the old path's names, the same objects

__all__ = _moved.__all__
__dir__ = public_dir(globals())
