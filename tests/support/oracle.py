"""An independent oracle of a plan's slots, attribution and spacing, written the simplest way.

Every local date in a range, every window from its neighbours, every owner by a search
over the windows: so that the properties do not check the library against itself.  It
takes a Plan or a Regimen (a plan of one phase).
"""

import datetime as dt

import duloxinfo

UTC = dt.UTC
DAY = dt.timedelta(days=1)


def utc(x):
    return x.astimezone(UTC)


def phases(plan):
    return plan.phases if isinstance(plan, duloxinfo.Plan) else (plan,)


def _interval(phase):
    return DAY / len(phase.times)


def spacing_of(phase):
    return _interval(phase) / 2


def wall(phase, lo, hi):
    """The phase's wall-clock slots (ignoring its start and end) from lo - 3 days to hi + 3 days."""
    day = utc(lo).astimezone(phase.tz).date() - 3 * DAY
    last = utc(hi).astimezone(phase.tz).date() + 3 * DAY
    out = set()
    while day <= last:
        for t in phase.times:
            out.add(dt.datetime.combine(day, t, tzinfo=phase.tz).astimezone(UTC))
        day += DAY
    return sorted(out)


def slots(plan, lo, hi):
    """(instant, phase index) of every real slot from lo - 3 days to hi + 3 days, in order."""
    found = []
    for index, phase in enumerate(phases(plan)):
        start, end = utc(phase.start), None if phase.end is None else utc(phase.end)
        found += [
            (s, index)
            for s in wall(phase, lo, hi)
            if s >= start
            and (end is None or s < end)
            and utc(lo) - 3 * DAY <= s <= utc(hi) + 3 * DAY
        ]
    return sorted(found)


def phase_at(plan, x):
    """The phase in force at x: the last to start at or before it, else the first."""
    index = 0
    for i, phase in enumerate(phases(plan)):
        if utc(phase.start) <= utc(x):
            index = i
    return index


def spacing(plan, a, b):
    """H between two instants, as audit judges a pair: the larger of the two phases' halves."""
    ps = phases(plan)
    return max(spacing_of(ps[phase_at(plan, a)]), spacing_of(ps[phase_at(plan, b)]))


def spacing_through(plan, a, b):
    """H from a to b, as the decision waits: the largest half of every phase in force between."""
    lo, hi = sorted((phase_at(plan, a), phase_at(plan, b)))
    return max(spacing_of(p) for p in phases(plan)[lo : hi + 1])


def spaced(plan, intakes, x):
    """Whether x is at least H (through the phases between) after every intake before it."""
    return all(
        utc(x) - utc(i.at) >= spacing_through(plan, i.at, x) for i in intakes if utc(i.at) <= utc(x)
    )


def midpoint(a, b):
    """The first microsecond at or after the midpoint of a < b."""
    return (
        a
        + (b - a) // 2
        + (
            dt.timedelta(microseconds=1)
            if (b - a) % dt.timedelta(microseconds=2)
            else dt.timedelta(0)
        )
    )


def paused_between(plan, a, b):
    """Whether some instant between a and b (UTC, a < b) lies in no phase: a pause."""
    t = utc(a)
    for phase in phases(plan):
        start, end = utc(phase.start), phase.end and utc(phase.end)
        if end is not None and end <= t:
            continue
        if start > t:
            return t < utc(b)
        if end is None:
            return False
        t = end
    return t < utc(b)


def window(plan, slot, around):
    """[lo, hi) of ``slot`` = (instant, phase), with ``around`` the plan's real slots near it.

    With the real slot before (after) it and no pause between, the two share their
    midpoint.  Otherwise the midpoint with the slot its own phase would have had there,
    and never past the midpoint with a real slot across a pause.
    """
    at, index = slot
    own = wall(phases(plan)[index], at, at)
    i = own.index(at)
    lo, hi = midpoint(own[i - 1], at), midpoint(at, own[i + 1])
    earlier = [s for s, _ in around if s < at]
    later = [s for s, _ in around if s > at]
    if earlier:
        shared = midpoint(earlier[-1], at)
        lo = max(lo, shared) if paused_between(plan, earlier[-1], at) else shared
    if later:
        shared = midpoint(at, later[0])
        hi = min(hi, shared) if paused_between(plan, at, later[0]) else shared
    return lo, hi


def owner(plan, x):
    """The real slot (instant, phase) whose window holds x, or None."""
    x = utc(x)
    around = slots(plan, x - 3 * DAY, x + 3 * DAY)
    found = [s for s in around if window(plan, s, around)[0] <= x < window(plan, s, around)[1]]
    assert len(found) <= 1, found
    return found[0] if found else None


def covered(plan, slot, intakes):
    around = slots(plan, slot[0] - 3 * DAY, slot[0] + 3 * DAY)
    lo, hi = window(plan, slot, around)
    return [i for i in intakes if lo <= utc(i.at) < hi]


def dose_in_force(plan, x):
    own = owner(plan, x)
    index = own[1] if own is not None else phase_at(plan, x)
    return phases(plan)[index].dose_mg


def _bounds(plan):
    ps = phases(plan)
    ends = [p.end for p in ps]
    return utc(ps[0].start), None if ends[-1] is None else utc(ends[-1])


def latest_at_or_before(plan, x):
    first, last = _bounds(plan)
    lo = min(utc(x), last if last is not None else utc(x)) - 3 * DAY
    candidates = [s for s in slots(plan, max(lo, first - 3 * DAY), x) if s[0] <= utc(x)]
    return candidates[-1] if candidates else None


def first_after(plan, x):
    first, _ = _bounds(plan)
    lo = max(utc(x), first)
    candidates = [s for s in slots(plan, lo, lo + 9 * DAY) if s[0] > utc(x)]
    return candidates[0] if candidates else None


def wall_after(plan, slot):
    at, index = slot
    return next(s for s in wall(phases(plan)[index], at, at) if s > at)


def makes_a_double_dose(plan, intakes, new):
    """Whether ``new`` is part of a double dose with the intakes before it (by the definitions).

    (a) it is larger than the dose in force, alone or with the intakes it is one dose with;
    (b) it is less than the spacing after any intake before it.
    """
    earlier = [i for i in intakes if utc(i.at) <= utc(new.at)]
    if new.dose_mg > dose_in_force(plan, new.at):
        return True
    return any(utc(new.at) - utc(i.at) < spacing(plan, i.at, new.at) for i in earlier)
