"""The command line: ``duloxinfo`` (or ``python -m duloxinfo``).

Built on the standard library's :mod:`argparse`.  With no command it runs the main
job: the guide's summary and a worked missed-dose example.  The commands are
``guide``, ``missed-dose``, ``schedule``, ``supply``, ``audit``, ``adherence``, ``pdc``,
``fhir``,
``calendar``, ``plan``, ``titration``, ``interactions`` and ``schema``;
``duloxinfo COMMAND --help`` shows each with an example.

Exit status: 0 on success, 2 on bad input (one line on standard error naming the
flag the person typed and the value as typed, no traceback), 1 on anything
unexpected (a bug).  This package is the only part of duloxinfo that prints, and
the only one that reads the clock: when ``--now`` is not given, it is the current
time.  Every ``--json`` answer is an object with a ``schema_version``.  Its
private modules: ``_commands`` (the list of commands, and a module for each),
``_parser`` (the parser and the options commands share), ``_values`` (reading what
people type), ``_zones`` (the zone rule), ``_output`` (writing answers); the ``--json``
answers are :mod:`duloxinfo.answers`'.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..errors import DuloxinfoError
from ._parser import parse

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    The status is 0 on success, 2 for bad input and 1 for anything unexpected; the
    error is one line on standard error.

    Raises:
        SystemExit: for ``--help`` and ``--version`` (status 0) and for a usage error
            that argparse finds (status 2, one line), as argparse does.
    """
    args = parse(sys.argv[1:] if argv is None else argv)
    # Loaded only once a command is to run, so that --version and --help stay light.
    from ._commands import run  # noqa: PLC0415
    from ._values import InputError  # noqa: PLC0415

    try:
        output = run(args)
    except (DuloxinfoError, InputError, ModuleNotFoundError) as error:
        # ModuleNotFoundError: `calendar` without the calendar extra; the message says so.
        sys.stderr.write(f"duloxinfo: error: {error}\n")
        return 2
    except Exception as error:  # noqa: BLE001 - the promise: status 1 and one line, no traceback
        sys.stderr.write(f"duloxinfo: unexpected error: {type(error).__name__}: {error}\n")
        return 1
    try:
        if isinstance(output, bytes):
            _write_bytes(output)
        else:
            sys.stdout.write(output + "\n")
    except UnicodeEncodeError as error:
        sys.stderr.write(
            f"duloxinfo: error: standard output cannot show {error.object[error.start]!r} "
            f"({error.encoding}); set PYTHONIOENCODING=utf-8\n"
        )
        return 2
    return 0


def _write_bytes(data: bytes) -> None:
    """Write ``data`` unchanged (a calendar's CRLF line ends and all) to standard output."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream put in place of standard output (a test's)
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()
