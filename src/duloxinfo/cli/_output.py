"""Writing answers: the pieces of text and JSON every command's output shares.

Private module of the command line.
"""

from __future__ import annotations

import datetime as _dt
import json
import textwrap

from .._validate import brief
from ._values import InputError

#: The most missed, late, early or not-sure doses, gaps or fills a text lists.
MOST_LISTED = 20


def wrap(text: str, indent: str = "") -> str:
    """``text`` in lines of at most 78 characters, each starting with ``indent``."""
    return textwrap.fill(text, width=78, initial_indent=indent, subsequent_indent=indent)


def dumps(data: object) -> str:
    """``data`` as indented JSON, its characters as they are."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def moment(instant: _dt.datetime | None) -> str:
    """An instant as ``Sun 2026-11-01 08:00 GMT``, in its own zone; ``none`` for None."""
    return "none" if instant is None else f"{instant:%a %Y-%m-%d %H:%M %Z}"


def lines(*pairs: tuple[str, object]) -> str:
    """``Name: value`` lines with the values aligned and wrapped under each other."""
    width = max(len(name) for name, _ in pairs) + 2
    return "\n".join(
        textwrap.fill(
            str(value),
            width=78,
            initial_indent=f"{name}:".ljust(width),
            subsequent_indent=" " * width,
        )
        for name, value in pairs
    )


def more(total: int) -> str:
    """The line under a list of ``total`` cut to :data:`MOST_LISTED`: how many it left out."""
    return f"  and {total - MOST_LISTED} more (all of them: --json)"


def write_bytes(path: str, data: bytes, flag: str) -> None:
    """Write ``data`` to the file ``path`` as it is; a failure names ``flag``."""
    try:
        with open(path, "wb") as file:  # noqa: PTH123 - pathlib costs more to import
            file.write(data)
    # ValueError: a path with a NUL character, which no file system takes.
    except (OSError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or brief(str(exc))
        raise InputError(f"{flag}: cannot write {brief(path)}: {why}") from None
