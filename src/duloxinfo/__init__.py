"""duloxinfo: typed, sourced information about duloxetine, and pure dosing rules.

Two halves, one import:

* **Content**: :func:`~duloxinfo.content.load.guide` returns the patient guide as
  frozen attrs records, every clinical statement carrying its sources and, where
  the label disagrees with the seed page, an evidence note.
* **Rules**: :func:`~duloxinfo.rules.missed_dose.advise_missed_dose`,
  :func:`~duloxinfo.rules.audit.audit`,
  :func:`~duloxinfo.rules.titration.titration_status` and
  :func:`~duloxinfo.rules.supply.supply_forecast` are pure functions of what
  they are given (the current time included); none of them advises a double dose.

Not medical advice: applications should present every answer as "as your
prescriber directs".

>>> import datetime as dt, duloxinfo
>>> r = duloxinfo.Regimen(60, [dt.time(8)], "Europe/London",
...                       dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
>>> duloxinfo.advise_missed_dose(r, [], dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)).action
<Action.TAKE_NOW: 'take-now'>

**Where the names come from.**  Every public name is defined in exactly one
public module, listed in that module's ``__all__``, and documented there;
``duloxinfo`` re-exports them all (but :func:`duloxinfo.cli.main`, the command
line's entry point).  ``import duloxinfo`` loads only the errors
and the version.  The first use of any other name imports the public modules in
the order of ``_PUBLIC_MODULES`` below until one defines it: the label and the
rules first (attrs), then the content and interaction records, then the exports.
cattrs, the resources API and the data files load later still, on the first
:func:`~duloxinfo.content.load.guide` or
:func:`~duloxinfo.interactions.check.check_interactions`; icalendar on the first
calendar.
"""

from __future__ import annotations

from importlib import import_module as _import_module

from . import errors
from ._version import __version__ as __version__
from .errors import *  # noqa: F403 - the errors are always loaded; errors.__all__ lists them

# Not `from typing import TYPE_CHECKING`: importing typing would cost more than everything
# else `import duloxinfo` does, and the command line starts here.  Type checkers read this
# name as typing's.  The star imports below are what a type checker sees; at run time
# `__getattr__` imports the same modules on first use.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .answers import *  # noqa: F403
    from .choices import *  # noqa: F403
    from .content.checks import *  # noqa: F403
    from .content.load import *  # noqa: F403
    from .content.model import *  # noqa: F403
    from .content.render import *  # noqa: F403
    from .content.schema import *  # noqa: F403
    from .interactions.check import *  # noqa: F403
    from .interactions.load import *  # noqa: F403
    from .interactions.medicines import *  # noqa: F403
    from .interop.calendar import *  # noqa: F403
    from .interop.fhir import *  # noqa: F403
    from .interop.picture import *  # noqa: F403
    from .label import *  # noqa: F403
    from .rules.adherence import *  # noqa: F403
    from .rules.audit import *  # noqa: F403
    from .rules.dose_log import *  # noqa: F403
    from .rules.dose_status import *  # noqa: F403
    from .rules.fills import *  # noqa: F403
    from .rules.intakes import *  # noqa: F403
    from .rules.missed_dose import *  # noqa: F403
    from .rules.plan import *  # noqa: F403
    from .rules.regimen import *  # noqa: F403
    from .rules.schedule import *  # noqa: F403
    from .rules.supply import *  # noqa: F403
    from .rules.titration import *  # noqa: F403
    from .rules.trip import *  # noqa: F403
    from .sources import *  # noqa: F403

# Every public module whose names `duloxinfo` re-exports, in the order a first use looks
# through them: what every application needs first, so that the rules never load the
# content.  A test holds this list equal to the star imports above and to the public
# modules in the source tree (every module without a leading underscore, but the errors,
# which are loaded already, and the command line, which is not a library API).
_PUBLIC_MODULES = (
    "sources",
    "label",
    "choices",
    "rules.regimen",
    "rules.plan",
    "rules.intakes",
    "rules.schedule",
    "rules.trip",
    "rules.missed_dose",
    "rules.audit",
    "rules.dose_status",
    "rules.dose_log",
    "rules.adherence",
    "rules.titration",
    "rules.fills",
    "rules.supply",
    "content.model",
    "interactions.medicines",
    "content.checks",
    "interactions.load",
    "content.load",
    "interactions.check",
    "content.render",
    "content.schema",
    "interop.fhir",
    "interop.calendar",
    "interop.picture",
    "answers",
)


# Public modules read as a namespace, whose names `duloxinfo` does not re-export:
# `from duloxinfo.reasons import TakeNow`.  Their names are too many and too plain
# (`Skip`, `Wait`) to stand beside the rules'.
_NAMESPACES = ("reasons",)

# The modules and packages directly under duloxinfo that hold the public modules.
_SUBPACKAGES = frozenset(
    {"cli", *_NAMESPACES, *(module.split(".")[0] for module in _PUBLIC_MODULES)}
)


def __getattr__(name: str) -> object:
    """Import a public name the first time it is asked for, then keep it.

    ``__all__`` is worked out the same way, the first time it is asked for.
    """
    missing = AttributeError(f"module 'duloxinfo' has no attribute {name!r}")
    # No public name starts with an underscore, and `from duloxinfo import cli` asks for
    # a module's attribute before it imports the module: say no at once to both, rather
    # than load every other module first.
    if (name.startswith("_") and name != "__all__") or name in _SUBPACKAGES:
        raise missing
    everything = ["__version__", *errors.__all__]
    for module_name in _PUBLIC_MODULES:
        module = _import_module(f"duloxinfo.{module_name}")
        if name in module.__all__:
            value = getattr(module, name)
            globals()[name] = value
            return value
        everything += module.__all__
    if name == "__all__":
        globals()[name] = everything
        return everything
    raise missing


def __dir__() -> list[str]:
    """The public names, loaded or not."""
    names: list[str] = __getattr__("__all__")  # type: ignore[assignment]
    return sorted(names)
