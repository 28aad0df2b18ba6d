"""A trip to another time zone: the plan with the time away written as phases."""

from __future__ import annotations

import datetime as _dt
import itertools
from zoneinfo import ZoneInfo

import attrs

from .._names import public_dir
from .._validate import require_aware, utc
from .._validate import to_zone as _zone
from ..choices import MAX_PLAN_PHASES
from ..errors import ScheduleError
from ._inputs import as_plan
from ._slots import first_slot_from, slots_spanning
from .plan import Plan
from .regimen import Regimen

__all__ = ["plan_with_trip"]
__dir__ = public_dir(globals())

_TICK = _dt.timedelta(microseconds=1)


@attrs.define
class _Piece:
    """A part of one phase of the plan, in one zone: a phase of the plan being built.

    ``joined`` is whether it began where the piece before it ended, in the plan given
    (no pause between them), through any piece left out for having no dose.
    """

    phase: Regimen
    tz: ZoneInfo
    start: _dt.datetime
    end: _dt.datetime | None
    joined: bool

    @property
    def times(self) -> tuple[_dt.time, ...]:
        return self.phase.times

    def first_dose(self) -> _dt.datetime | None:
        """The first slot from the start and before the end (UTC), or None."""
        first = first_slot_from(self, utc(self.start))
        return first if self.end is None or first < utc(self.end) else None

    def next_dose(self, after: _dt.datetime) -> _dt.datetime | None:
        """The first slot after ``after`` (UTC) and before the end, or None."""
        following = first_slot_from(self, after + _TICK)
        return following if self.end is None or following < utc(self.end) else None

    def last_slot_before(self, instant: _dt.datetime) -> _dt.datetime:
        """The latest slot of its times in its zone before ``instant`` (UTC), ignoring bounds."""
        slots = slots_spanning(self, instant, instant)
        return max(slot for slot in slots if slot < instant)


def _pieces(
    plan: Plan, arrive: _dt.datetime, zone: ZoneInfo, back: _dt.datetime | None
) -> list[_Piece]:
    """Each phase cut at the arrival and the return, the part between them in ``zone``.

    A part with no dose is left out; the one after it is joined to the one before it only
    if both joins were (no pause of the plan lies between them).
    """
    pieces: list[_Piece] = []
    joined = True
    previous_end: _dt.datetime | None = None
    for phase in plan.phases:
        start, end = utc(phase.start), None if phase.end is None else utc(phase.end)
        if previous_end is not None and start != previous_end:
            joined = False
        cuts = [
            c for c in (arrive, back) if c is not None and start < c and (end is None or c < end)
        ]
        starts: list[_dt.datetime] = [phase.start, *cuts]
        ends: list[_dt.datetime | None] = [*cuts, phase.end]
        for lo, hi in zip(starts, ends, strict=True):
            away = arrive <= utc(lo) and (back is None or utc(lo) < back)
            tz = zone if away else phase.tz
            piece = _Piece(
                phase,
                tz,
                lo if lo is phase.start else lo.astimezone(tz),
                hi if hi is None or hi is phase.end else hi.astimezone(tz),
                joined,
            )
            if piece.first_dose() is None:
                continue  # no dose in it: left out, and the next one joins across it
            pieces.append(piece)
            joined = True
        previous_end = end
    return pieces


def _spaced(pieces: list[_Piece], arrive: _dt.datetime, back: _dt.datetime | None) -> list[_Piece]:
    """The pieces with every dose less than H after the dose before it left out, at the seams.

    A seam is the start of a piece from the arrival on whose piece before it starts before
    the return: the arrival, each change of phase while away, and the return.  Elsewhere
    the plan is as it was.  H is the largest spacing of the phases from the dose before
    to the dose kept, those of pieces left out on the way included.
    """
    kept: list[_Piece] = []
    last: _dt.datetime | None = None  # the last dose so far (UTC)
    spacing = _dt.timedelta(0)  # the largest spacing of the phases since it
    for piece in pieces:
        spacing = max(spacing, piece.phase.spacing)
        dose = piece.first_dose()
        seam = (
            bool(kept)
            and arrive <= utc(piece.start)
            and (back is None or utc(kept[-1].start) < back)
        )
        if seam and last is not None:
            while dose is not None and dose - last < spacing:
                dose = piece.next_dose(dose)
            if dose is None:
                continue  # every dose of it too soon: left out, and the next joins across it
            if dose != piece.first_dose():
                piece.start = dose.astimezone(piece.tz)
        kept.append(piece)
        if piece.end is not None:
            last = piece.last_slot_before(utc(piece.end))
            spacing = piece.phase.spacing
    return kept


def _join(pieces: list[_Piece]) -> None:
    """Close each gap the plan did not have, where that adds no dose.

    A gap is left where a piece was left out or a piece's first doses were: the piece
    after it starts earlier if it has no dose in the gap, else the two meet at the
    earlier of its start and the piece before's next slot, if that comes after the
    piece's last slot left out.  Otherwise the gap stays a pause.
    """
    for before, piece in itertools.pairwise(pieces):
        if before.end is None or not piece.joined:
            continue
        end, start = utc(before.end), utc(piece.start)
        if end >= start:
            continue
        left_out = piece.last_slot_before(start)
        if left_out < end:
            piece.start = end.astimezone(piece.tz)
            continue
        meet = min(start, first_slot_from(before, end))
        if meet > left_out:
            before.end = meet.astimezone(before.tz)
            piece.start = meet.astimezone(piece.tz)


def plan_with_trip(
    plan: Plan | Regimen,
    *,
    arrives_at: _dt.datetime,
    to_zone: str | ZoneInfo,
    returns_at: _dt.datetime | None = None,
) -> Plan:
    """The plan with a trip to another time zone written as its phases.

    From ``arrives_at`` the doses are at the same clock times in ``to_zone``, each
    phase with its own dose: the common practice, and how the library already reads a
    phase in another zone.  From ``returns_at`` (when given) each phase is back in its
    own zone.  Before the arrival the plan is unchanged, and so it is after the return
    but for the doses left out there.  A dose in flight is at its usual home time: the
    clock changes on arrival.

    **Spacing.**  The switch of clocks can bring a dose too close to the one before it:
    08:00 in London, then a flight that lands in New York at 07:00, where 08:00 is five
    hours after the London dose.  So at the arrival, at the return and at each change of
    phase while away, a dose less than H after the dose before it (H as the
    :doc:`rules page </rules>` defines it: 12 hours once daily, 6 hours twice daily, the
    larger of the two phases') is left out of the plan, and the first dose kept is the
    first scheduled one at least H after it.  No two doses of the plan are then closer
    at those seams.  A gap can be long (more than a day on a flight east); it is never
    filled with an extra dose.  When to take the doses around a trip is as your
    prescriber directs.

    The phases are those of the plan, cut at the arrival and the return, each part with
    the dose, times and end of its own phase; a part with no dose is left out.  Where
    doses are left out, the phase after them starts at its first dose kept, or sooner,
    where the phase before would have had its next dose (which it then ends at), so
    that the trip adds no pause between phases where that can be done without adding a
    dose.  A trip outside the plan leaves its doses as they were.  To travel on to a
    third place, call it again on the plan it returns, with its arrival there.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, ``arrives_at`` or ``returns_at``
            not a datetime, or ``to_zone`` not a zone name or a ZoneInfo.
        InvalidDatetimeError: ``arrives_at`` or ``returns_at`` has no zone (a
            :class:`~duloxinfo.errors.NaiveDatetimeError`) or is outside the supported
            years.
        TimeZoneError: ``to_zone`` is not the IANA zone of a place.
        ScheduleError: ``returns_at`` is not after ``arrives_at``, or the trip would
            take the plan past :data:`~duloxinfo.choices.MAX_PLAN_PHASES` phases.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, dose_times, plan_with_trip
    >>> london = Regimen(60, [dt.time(8)], "Europe/London",
    ...                  dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    >>> trip = plan_with_trip(london, to_zone="America/New_York",
    ...                       arrives_at=dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
    >>> [p.start.isoformat() for p in trip.phases]
    ['2026-03-02T00:00:00+00:00', '2026-03-11T04:00:00-04:00']
    >>> days = dose_times(trip, dt.datetime(2026, 3, 10, tzinfo=dt.UTC),
    ...                   dt.datetime(2026, 3, 12, tzinfo=dt.UTC))
    >>> [t.isoformat() for t in days]
    ['2026-03-10T08:00:00+00:00', '2026-03-11T08:00:00-04:00']

    The flight lands at 08:00 New York time, four hours after the London dose: that
    day's 08:00 New York dose is left out, and the next is at 08:00 the day after.  The
    phase in New York starts at 04:00 there, when the London phase would have had its
    next dose (08:00 London time), so that no pause lies between them.
    """
    whole = as_plan(plan)
    arrive = utc(require_aware(arrives_at, "arrives_at"))
    zone = _zone(to_zone, "to_zone")
    back = None
    if returns_at is not None:
        back = utc(require_aware(returns_at, "returns_at"))
        if back <= arrive:
            raise ScheduleError(
                "returns_at",
                f"{returns_at.isoformat()} is not after arrives_at ({arrives_at.isoformat()}); "
                "give the instant the person is back, after they arrive",
            )
    pieces = _spaced(_pieces(whole, arrive, zone, back), arrive, back)
    _join(pieces)
    if len(pieces) > MAX_PLAN_PHASES:
        raise ScheduleError(
            "plan",
            f"{len(whole.phases):,} phases and the trip make {len(pieces):,}; a plan holds "
            f"at most {MAX_PLAN_PHASES:,}",
        )
    return Plan([Regimen(p.phase.dose_mg, p.phase.times, p.tz, p.start, end=p.end) for p in pieces])
