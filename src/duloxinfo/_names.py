"""What ``dir()`` shows of a public module: its ``__all__`` and its dunder names.

Private module.  Every public module ends its header with ``__dir__ =
public_dir(globals())``, so that ``dir(module)``, tab completion and
:func:`inspect.getmembers` offer the documented names only, not the modules, helpers
and type names it imports.  (:mod:`duloxinfo.errors` writes the same two lines itself:
``import duloxinfo`` loads it, and it imports nothing else of duloxinfo.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping


def public_dir(namespace: Mapping[str, object]) -> Callable[[], list[str]]:
    """A module's ``__dir__``: the names of its ``__all__`` and its dunder names, sorted.

    ``namespace`` is the module's ``globals()``, read at each call.
    """

    def __dir__() -> list[str]:  # noqa: N807 - it is the module's __dir__
        public = namespace["__all__"]
        if not isinstance(public, list | tuple):  # pragma: no cover - every module's is a list
            raise TypeError(f"__all__ is a {type(public).__name__}, not a list")
        dunders = (name for name in namespace if name.startswith("__") and name.endswith("__"))
        return sorted({*public, *dunders})

    return __dir__
