"""A value read once, under a lock, then kept: the package's data files load this way.

Private module.  ``Once(load)`` calls ``load`` the first time it is called and returns
that value ever after; threads that call it together wait for the one that loads, so
that a data file is read and checked once however many threads ask for it first.  If
``load`` raises, nothing is kept and the error goes to the caller: the next call tries
again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

_T = TypeVar("_T")


class Once(Generic[_T]):
    """``load()``, called at most once however many threads ask at once, then kept.

    >>> calls = []
    >>> answer = Once(lambda: calls.append("read") or 42)
    >>> answer(), answer(), calls
    (42, 42, ['read'])
    """

    def __init__(self, load: Callable[[], _T]) -> None:
        """Keep ``load`` for the first call; nothing is loaded yet."""
        self.load = load
        self._lock = threading.Lock()
        self._kept: list[_T] = []

    def __call__(self) -> _T:
        """The value ``load`` returned, loading it on the first call."""
        if self._kept:
            return self._kept[0]
        with self._lock:
            if not self._kept:  # pragma: no branch - else another thread loaded it as we waited
                self._kept.append(self.load())
        return self._kept[0]
