"""Reading JSON text, with one wording for every way it can fail, and the data files.

Private module.  :func:`parse_json` is the one place duloxinfo turns JSON text into
Python values: the guide's data files, JSON text given to the library, and the command
line's files all go through it, so that broken syntax, text nested too deeply for
Python's parser and a number of more digits than Python converts each read the same.
:func:`data_file_text` reads a data file of the package, from a zip archive too.
"""

from __future__ import annotations

import json
import sys

from .errors import ContentError


def parse_json(text: str, file: str) -> object:
    """The value JSON ``text`` holds, else a :class:`~duloxinfo.errors.ContentError`.

    ``file`` names the text in the error (its ``field``): a data file's name, a path,
    or ``"<json>"`` for text given directly.  The one problem the error holds is one of

    * ``line 1, column 2: invalid JSON: Expecting value``: broken syntax, where it is;
    * ``invalid JSON: nested too deeply``: more levels than Python's parser takes;
    * ``invalid JSON: a number too long (more than 4300 digits)``: an integer of more
      digits than Python converts (``sys.get_int_max_str_digits()``).

    >>> parse_json('{"dose_mg": 60}', "<json>")
    {'dose_mg': 60}
    >>> parse_json("[" * 100_000, "<json>")
    Traceback (most recent call last):
    ...
    duloxinfo.errors.ContentError: <json>: invalid JSON: nested too deeply
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}"
    except ValueError:  # an integer of more digits than Python converts
        problem = (
            f"invalid JSON: a number too long (more than {sys.get_int_max_str_digits()} digits)"
        )
    except RecursionError:
        problem = "invalid JSON: nested too deeply"
    raise ContentError(file, (problem,))


def data_file_text(package: str, name: str) -> str:
    """The text of the data file ``name`` in the package ``package`` (a zip archive too).

    The resources API loads here, on the first data file read, not at import.
    """
    if sys.version_info >= (3, 13):  # pragma: no cover - the standard library's, 3.13 on
        from importlib.resources import files  # noqa: PLC0415 - loads on first use
    else:  # pragma: no cover - the backport, 3.11 and 3.12
        from importlib_resources import files  # noqa: PLC0415 - loads on first use
    return files(package).joinpath(name).read_text(encoding="utf-8")
