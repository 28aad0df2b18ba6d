"""What was actually taken: an ``Intake``, and a validated, sorted ``IntakeHistory``."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator

import attrs

from .._names import public_dir
from .._validate import (
    brief,
    checked,
    require_aware,
    require_each,
    require_whole_number,
    shown,
    utc,
)
from ..choices import MAX_INTAKE_MG
from ..errors import DoseError, WrongTypeError
from ._doses import require_dose

__all__ = ["Intake", "IntakeHistory"]
__dir__ = public_dir(globals())


def _require_bool(value: object, field: str) -> None:
    if not isinstance(value, bool):
        raise WrongTypeError(field, f"expected True or False, got {shown(value)}")


def _to_at(value: _dt.datetime) -> _dt.datetime:
    return require_aware(value, "at")


def _to_intake_dose(value: int) -> int:
    """A dose the label allows, and no more than :data:`~duloxinfo.choices.MAX_INTAKE_MG`."""
    field = "dose_mg"
    dose = require_whole_number(value, field, "a whole number of mg")
    if dose > MAX_INTAKE_MG:
        raise DoseError(
            field,
            f"{brief(dose)} mg is more than one intake may record ({MAX_INTAKE_MG:,} mg); "
            "give the mg taken at once",
        )
    return require_dose(dose, field)


@attrs.frozen
class Intake:
    """A dose that was actually taken: ``dose_mg`` at the aware instant ``at``.

    Attributes:
        at: When it was taken (an aware datetime, in any zone).
        dose_mg: How much was taken, in whole mg, in whole capsules; at most
            :data:`~duloxinfo.choices.MAX_INTAKE_MG`.
        certain: False when the person is not sure they took it.  Every rule then
            treats it as taken (it is never made up, and it counts for the time between
            doses), says so, and reports a double dose it is part of as possible.

    Raises:
        WrongTypeError: ``at`` is not a datetime, ``dose_mg`` not a whole number, or
            ``certain`` not True or False.
        InvalidDatetimeError: ``at`` has no zone or is outside the supported years.
        DoseError: ``dose_mg`` is not a positive whole-capsule dose, or is more than
            :data:`~duloxinfo.choices.MAX_INTAKE_MG` (an overdose may be recorded; a
            larger number is taken for a mistake).

    >>> import datetime as dt
    >>> from duloxinfo import Intake
    >>> Intake(dt.datetime(2026, 1, 5, 8, 5, tzinfo=dt.UTC), 60).dose_mg
    60
    """

    at: _dt.datetime = attrs.field(converter=_to_at)
    dose_mg: int = attrs.field(converter=_to_intake_dose)
    certain: bool = attrs.field(default=True, validator=checked(_require_bool))


def _sort_intakes(value: Iterable[Intake]) -> tuple[Intake, ...]:
    intakes = require_each(value, Intake, "intakes", "an iterable of Intake", "an Intake")
    return tuple(sorted(intakes, key=lambda i: utc(i.at)))


def _instants(history: IntakeHistory) -> tuple[_dt.datetime, ...]:
    return tuple(utc(i.at) for i in history.intakes)


@attrs.frozen
class IntakeHistory:
    """An immutable history of intakes, validated and sorted by instant once, when built.

    Every rule that takes intakes accepts this or any iterable of :class:`Intake`;
    give an ``IntakeHistory`` when you ask many questions of one long history, so
    that it is checked and sorted once, and the missed-dose advice looks only at the
    intakes near the instant it concerns.

    Attributes:
        intakes: The intakes, sorted by instant (equal instants keep their order).
        instants: The same intakes' instants in UTC, in the same order; what the
            rules bisect.  Worked out when the history is built.

    Raises:
        WrongTypeError: ``intakes`` is not an iterable, or an item is not an Intake.

    >>> import datetime as dt
    >>> from duloxinfo import Intake, IntakeHistory
    >>> a = Intake(dt.datetime(2026, 1, 6, 8, tzinfo=dt.UTC), 60)
    >>> b = Intake(dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC), 60)
    >>> [i.at.day for i in IntakeHistory([a, b])]
    [5, 6]
    """

    intakes: tuple[Intake, ...] = attrs.field(converter=_sort_intakes)
    instants: tuple[_dt.datetime, ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_instants, takes_self=True)
    )

    def __len__(self) -> int:
        """The number of intakes."""
        return len(self.intakes)

    def __iter__(self) -> Iterator[Intake]:
        """The intakes in time order."""
        return iter(self.intakes)
