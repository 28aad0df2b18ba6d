"""Pharmacy fills, and the proportion of days they cover: the Pharmacy Quality Alliance's PDC.

The definitions, with their sources and where duloxinfo adapts them, are on the
docs page "Supply and proportion of days covered".  In short:

* A **fill** supplies ``capsules * strength_mg`` mg of duloxetine.  All fills are
  the same ingredient, so, as the PQA method does for the same generic
  ingredient, a fill dispensed while an earlier one still lasts is shifted
  forward: its supply starts the day after the earlier supply ends.
* Each **day** of the plan needs the mg of the doses the plan schedules on that
  date (in each phase's own zone): a once-daily 90 mg phase needs 90 mg a day,
  however the capsules make it.  The supply covers a day when what is left of it
  holds that day's whole dose; a rest too small for a day's dose is used up on
  the first day it does not cover, unless a new fill joins it first.
* **PDC** is the days covered divided by the days in the period on which the plan
  schedules a dose.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable
from typing import Final, NamedTuple

import attrs

from .._names import public_dir
from .._validate import (
    brief,
    require_date,
    require_each,
    require_whole_number,
    utc,
)
from .._walltime import wall_instant
from ..choices import MAX_FILL_CAPSULES, PDC_THRESHOLD
from ..errors import ScheduleError, SupplyError
from ._doses import require_strength
from ._inputs import as_plan
from .plan import Plan
from .regimen import Regimen

__all__ = [
    "DaysCovered",
    "Fill",
    "FillCoverage",
    "proportion_of_days_covered",
]
__dir__ = public_dir(globals())


# PQA eligibility, reported rather than enforced: at least two fills on two dates of
# service, and a treatment period (index date to the end) of at least 91 days.
_MIN_DATES_OF_SERVICE: Final = 2
_MIN_TREATMENT_DAYS: Final = 91
_TICK: Final = _dt.timedelta(microseconds=1)
_LAST_ORDINAL: Final = _dt.date.max.toordinal()


def _to_dispensed_on(value: _dt.date) -> _dt.date:
    return require_date(value, "dispensed_on")


def _to_capsules(value: int) -> int:
    field = "capsules"
    count = require_whole_number(value, field, "a whole number of capsules")
    if count <= 0:
        raise SupplyError(field, f"expected a number of capsules of at least 1, got {brief(count)}")
    if count > MAX_FILL_CAPSULES:
        raise SupplyError(
            field,
            f"{brief(count)} capsules is more than {MAX_FILL_CAPSULES:,} in one fill; "
            "check the number",
        )
    return count


def _to_strength(value: int) -> int:
    return require_strength(value, "strength_mg")


@attrs.frozen
class Fill:
    """A pharmacy fill: ``capsules`` capsules of ``strength_mg`` dispensed on ``dispensed_on``.

    Attributes:
        dispensed_on: The date of dispensing (the date of service), a
            :class:`datetime.date`.
        strength_mg: The capsules' strength, one of the marketed strengths.
        capsules: How many capsules were dispensed, a whole number from 1 to
            :data:`~duloxinfo.choices.MAX_FILL_CAPSULES`.

    Raises:
        WrongTypeError: ``dispensed_on`` is not a date (a datetime is not one here),
            or ``strength_mg`` or ``capsules`` is not a whole number.
        InvalidDatetimeError: ``dispensed_on`` is outside the supported years.
        DoseError: ``strength_mg`` is not a marketed capsule strength.
        SupplyError: ``capsules`` is below 1 or more than
            :data:`~duloxinfo.choices.MAX_FILL_CAPSULES`.

    >>> import datetime as dt
    >>> from duloxinfo import Fill
    >>> Fill(dt.date(2026, 1, 5), 60, 30).capsules
    30
    """

    dispensed_on: _dt.date = attrs.field(converter=_to_dispensed_on)
    strength_mg: int = attrs.field(converter=_to_strength)
    capsules: int = attrs.field(converter=_to_capsules)

    @property
    def mg(self) -> int:
        """The duloxetine the fill holds in mg, ``capsules * strength_mg``."""
        return self.capsules * self.strength_mg


@attrs.frozen(kw_only=True)
class FillCoverage:
    """Where one fill's supply falls, once overlapping fills are shifted forward.

    Attributes:
        fill: The fill.
        starts_on: The first day its supply is used: its dispensing date, or the day
            the supply before it runs out when that is later (PQA's shifted
            "prescription start date").  None when it covers no day up to the end of
            the period.
        ends_on: The last day its supply is used, at most the period's end; None when
            it covers no day.
        days_supply: The days with a dose its supply is used on, from ``starts_on`` to
            ``ends_on``.  A day made of the end of one fill and the start of the next
            counts for both.
    """

    fill: Fill
    starts_on: _dt.date | None
    ends_on: _dt.date | None
    days_supply: int


@attrs.frozen(kw_only=True)
class DaysCovered:
    """The answer of :func:`proportion_of_days_covered`.

    Attributes:
        pdc: ``days_covered / days_in_period``, from 0 to 1.
        days_covered: The days in the period with a dose that the fills cover.
        days_in_period: The days from ``first_day`` to ``last_day`` (both included) on which the
            plan schedules a dose.
        calendar_days: All days from ``first_day`` to ``last_day``, both included.
        meets_threshold: True when ``pdc`` is at least
            :data:`~duloxinfo.choices.PDC_THRESHOLD` (80%), compared exactly.
        dates_of_service: How many different dates in the period fills were dispensed on.
        index_date: The first date in the period a fill was dispensed on (PQA's index
            prescription start date), or None when there was none.
        treatment_days: Days from ``index_date`` to ``last_day``, both included (PQA's
            treatment period), or None when there was no fill in the period.
        eligible: True when the PQA measure would include the person: at least two
            dates of service and a treatment period of at least 91 days.  The figures are
            given either way.
        coverage: Each fill dispensed up to ``last_day``, in dispensing order, and the days
            its supply falls on.
        gaps: The runs of days in the period with a dose no fill covers, each as its
            first and last date.
    """

    pdc: float
    days_covered: int
    days_in_period: int
    calendar_days: int
    meets_threshold: bool
    dates_of_service: int
    index_date: _dt.date | None
    treatment_days: int | None
    eligible: bool
    coverage: tuple[FillCoverage, ...]
    gaps: tuple[tuple[_dt.date, _dt.date], ...]


class _Segment(NamedTuple):
    """Days ``first`` to ``last`` (ordinals, included) on which the plan needs ``mg`` a day."""

    first: int
    last: int
    mg: int


def _slot_mg_on(regimen: Regimen, day: _dt.date, lo: _dt.datetime, hi: _dt.datetime | None) -> int:
    """The mg of the phase's doses at its wall times on ``day`` that fall in ``[lo, hi)``."""
    instants = {wall_instant(day, t, regimen.tz) for t in regimen.times}
    return regimen.dose_mg * sum(1 for x in instants if lo <= x and (hi is None or x < hi))


def _phase_pieces(regimen: Regimen) -> list[_Segment]:
    """The mg a day one phase needs, as pieces: exact near its ends, regular between."""
    tz = regimen.tz
    lo = utc(regimen.start)
    hi = None if regimen.end is None else utc(regimen.end)
    first = lo.astimezone(tz).date().toordinal()
    last = None if hi is None else (hi - _TICK).astimezone(tz).date().toordinal()
    # The dates next to each end are worked out slot by slot (a wall time can fall on
    # either side of the start or the end); every date between has all the phase's times.
    edges = {first - 1, first, first + 1}
    if last is not None:
        edges |= {last - 1, last, last + 1}
    pieces = [
        _Segment(d, d, mg)
        for d in sorted(edges)
        if (mg := _slot_mg_on(regimen, _dt.date.fromordinal(d), lo, hi))
    ]
    inner_last = _LAST_ORDINAL if last is None else last - 2
    if first + 2 <= inner_last:
        pieces.append(_Segment(first + 2, inner_last, regimen.dose_mg * len(regimen.times)))
    return pieces


def _daily_mg(plan: Plan) -> list[_Segment]:
    """The plan's mg a day as sorted segments that do not overlap (days between them need 0)."""
    changes: dict[int, int] = {}
    for piece in itertools.chain.from_iterable(_phase_pieces(p) for p in plan.phases):
        changes[piece.first] = changes.get(piece.first, 0) + piece.mg
        changes[piece.last + 1] = changes.get(piece.last + 1, 0) - piece.mg
    segments: list[_Segment] = []
    running = 0
    points = sorted(changes)
    for here, following in itertools.pairwise(points):
        running += changes[here]
        if running:
            segments.append(_Segment(here, following - 1, running))
    return segments


def _require_fills(value: object) -> list[Fill]:
    fills = require_each(value, Fill, "fills", "an iterable of Fill", "a duloxinfo.Fill")
    return sorted(fills, key=lambda f: f.dispensed_on)


class _Placed(NamedTuple):
    """Each fill's first and last day used (ordinals, 0 for none) and its days, in order."""

    firsts: list[int]
    lasts: list[int]
    days: list[int]


def _cover(  # noqa: C901, PLR0912, PLR0915 - one tight loop: the measure's hot path
    fills: list[Fill], segments: list[_Segment], end: int
) -> tuple[_Placed, list[tuple[int, int]]]:
    """Run the supply from the first fill to day ``end``: each fill's days, and the covered runs.

    The fills' mg join one pool, used first in, first out; each day with a dose takes its
    mg when the pool holds it, and otherwise the pool is used up that day.  Stretches of
    days with the same need and no new fill are done at once, so the work grows with the
    fills and the plan's phases, not with the days.
    """
    count = len(fills)
    placed = _Placed([0] * count, [0] * count, [0] * count)
    firsts, lasts, used = placed
    lefts = [f.mg for f in fills]
    stops = [f.dispensed_on.toordinal() for f in fills]
    stops.append(end + 1)
    seg_firsts = [s.first for s in segments]
    seg_lasts = [s.last for s in segments]
    seg_mgs = [s.mg for s in segments]
    segs = len(segments)
    covered: list[tuple[int, int]] = []
    head = arrived = supply = seg = 0
    day = stops[0]
    for index, stop in enumerate(stops):
        while day < stop:
            while seg < segs and seg_lasts[seg] < day:
                seg += 1
            if seg == segs:  # no dose after this
                break
            if seg_firsts[seg] > day:  # days with no dose
                day = min(stop, seg_firsts[seg])
                continue
            need = seg_mgs[seg]
            upto = seg_lasts[seg] + 1
            if stop < upto:  # noqa: PLR1730 - min() costs a call in the hot loop
                upto = stop
            if supply:
                days = supply // need
                if days > upto - day:  # noqa: PLR1730 - as above
                    days = upto - day
                if days:
                    covered.append((day, day + days - 1))
                    total, offset = days * need, 0
                    supply -= total
                    while offset < total:  # first in, first out
                        take = lefts[head]
                        if take > total - offset:  # noqa: PLR1730 - as above
                            take = total - offset
                        first = day + offset // need
                        last = day + (offset + take - 1) // need
                        if not firsts[head]:
                            firsts[head] = first
                        lasts[head] = last
                        used[head] += last - first + 1
                        lefts[head] -= take
                        offset += take
                        if not lefts[head]:
                            head += 1
                if days < upto - day:  # a day the rest cannot cover: it is used up then
                    supply, head = 0, arrived
            day = upto
        if index < count:
            supply += lefts[index]
            arrived = index + 1
            if day < stop:  # noqa: PLR1730 - as above
                day = stop
    return placed, covered


def proportion_of_days_covered(
    plan: Plan | Regimen,
    fills: Iterable[Fill],
    first_day: _dt.date,
    last_day: _dt.date,
) -> DaysCovered:
    """The share of days from ``first_day`` to ``last_day`` (both included) that ``fills`` cover.

    The Pharmacy Quality Alliance's PDC, "the proportion of days in the measurement
    period 'covered' by prescription claims for the same medication ..." (PQA measure
    specification, "Definitions"; counted as its Steps 2 and 3 say), with its 80% threshold
    (:data:`~duloxinfo.choices.PDC_THRESHOLD`), adapted to a plan:

    * A fill's days' supply comes from its capsules and the plan's doses on the days
      it covers: 30 capsules of 60 mg last 30 days at 60 mg once daily, 15 days at
      60 mg twice daily, 20 days at 90 mg once daily.  A fill counts by its mg toward
      any dose: a 60 mg fill and a 30 mg fill together make the 60 + 30 of a 90 mg dose.
    * Overlapping fills are shifted forward, as PQA does for the same generic
      ingredient: "adjust the prescription start date to be the day after the
      previous fill has ended".  Every duloxetine fill is the same ingredient.
    * The period is the caller's (PQA's runs from the first fill to the end of the
      measurement year), and only days on which the plan schedules a dose count:
      days before the plan starts, in a pause between phases, or after it ends are
      neither covered nor in the period.  Fills before ``first_day`` count for the days
      their supply reaches into it.  The period's days are dates, both included, as PQA
      counts them, and named so (``first_day``, ``last_day``); the dose-level measures
      (:func:`~duloxinfo.rules.adherence.adherence`, :func:`~duloxinfo.rules.dose_log.dose_log`)
      take instants, ``start`` included and ``end`` excluded (docs/adherence.md).
    * PQA's eligibility rules (two dates of service, 91 days of treatment) are
      reported in the answer, not enforced.

    Raises:
        WrongTypeError: ``plan`` is not a Plan or a Regimen, ``fills`` is not an
            iterable of :class:`Fill`, or ``first_day`` or ``last_day`` is not a date.
        InvalidDatetimeError: ``first_day`` or ``last_day`` is outside the supported
            years.
        ScheduleError: ``last_day`` is before ``first_day``, or the plan schedules no
            dose on any day from ``first_day`` to ``last_day``.

    >>> import datetime as dt
    >>> from duloxinfo import Fill, Regimen, proportion_of_days_covered
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    >>> fills = [Fill(dt.date(2026, 1, 1), 60, 90), Fill(dt.date(2026, 3, 25), 60, 90)]
    >>> pdc = proportion_of_days_covered(r, fills, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    >>> pdc.days_covered, pdc.days_in_period, round(pdc.pdc, 3), pdc.meets_threshold
    (180, 181, 0.994, True)
    >>> pdc.coverage[1].starts_on, pdc.coverage[1].ends_on
    (datetime.date(2026, 4, 1), datetime.date(2026, 6, 29))
    """
    plan = as_plan(plan)
    checked_fills = _require_fills(fills)
    start = require_date(first_day, "first_day")
    end = require_date(last_day, "last_day")
    if end < start:
        raise ScheduleError(
            "last_day",
            f"{end.isoformat()} is before the first day, {start.isoformat()}; "
            "the period includes both",
        )
    first, last = start.toordinal(), end.toordinal()
    segments = _daily_mg(plan)
    in_period = sum(
        min(s.last, last) - max(s.first, first) + 1
        for s in segments
        if s.first <= last and s.last >= first
    )
    if not in_period:
        raise ScheduleError(
            "last_day",
            f"the plan schedules no dose from {start.isoformat()} to {end.isoformat()}, "
            "so no proportion of days can be covered",
        )
    used = [f for f in checked_fills if f.dispensed_on <= end]
    placed, runs = _cover(used, segments, last)
    covered = [(a if a > first else first, b) for a, b in runs if b >= first]  # noqa: FURB136
    days_covered = sum(b - a + 1 for a, b in covered)
    dated = sorted({f.dispensed_on for f in used if f.dispensed_on >= start})
    index = dated[0] if dated else None
    treatment = None if index is None else (end - index).days + 1
    return DaysCovered(
        pdc=days_covered / in_period,
        days_covered=days_covered,
        days_in_period=in_period,
        calendar_days=last - first + 1,
        meets_threshold=days_covered * PDC_THRESHOLD.denominator
        >= in_period * PDC_THRESHOLD.numerator,
        dates_of_service=len(dated),
        index_date=index,
        treatment_days=treatment,
        eligible=len(dated) >= _MIN_DATES_OF_SERVICE
        and treatment is not None
        and treatment >= _MIN_TREATMENT_DAYS,
        coverage=tuple(
            FillCoverage(
                fill=f,
                starts_on=_dt.date.fromordinal(a) if a else None,
                ends_on=_dt.date.fromordinal(b) if b else None,
                days_supply=n,
            )
            for f, a, b, n in zip(used, *placed, strict=True)
        ),
        gaps=_gaps(segments, covered, first, last),
    )


def _gaps(
    segments: list[_Segment], covered: list[tuple[int, int]], first: int, last: int
) -> tuple[tuple[_dt.date, _dt.date], ...]:
    """The runs of days from ``first`` to ``last`` with a dose that no covered run holds."""
    found: list[tuple[int, int]] = []
    runs = iter(covered)
    run = next(runs, None)
    for segment in segments:
        day = max(segment.first, first)
        stop = min(segment.last, last)
        while day <= stop:
            while run is not None and run[1] < day:
                run = next(runs, None)
            if run is not None and run[0] <= day:
                day = run[1] + 1
                continue
            gap_end = stop if run is None else min(stop, run[0] - 1)
            if found and found[-1][1] == day - 1:
                found[-1] = (found[-1][0], gap_end)
            else:
                found.append((day, gap_end))
            day = gap_end + 1
    return tuple((_dt.date.fromordinal(a), _dt.date.fromordinal(b)) for a, b in found)
