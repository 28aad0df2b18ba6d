"""An independent oracle of slots and attribution, from the definitions in the simplest way.

Every local date in a range, the nearest slot by exact midpoint comparison: so that
the properties do not check the library against itself.
"""

import datetime as dt

UTC = dt.UTC


def utc(x):
    return x.astimezone(UTC)


def schedule(regimen, lo, hi):
    """All slots (UTC, sorted, distinct) of local dates from lo-3 days to hi+3 days."""
    tz = regimen.tz
    day = utc(lo).astimezone(tz).date() - dt.timedelta(days=3)
    last = utc(hi).astimezone(tz).date() + dt.timedelta(days=3)
    out = set()
    while day <= last:
        for t in regimen.times:
            out.add(dt.datetime.combine(day, t, tzinfo=tz).astimezone(UTC))
        day += dt.timedelta(days=1)
    return sorted(out)


def owner(slots, x):
    """The slot ``x`` belongs to: the nearest, ties to the later one (the midpoint is S's)."""
    x = utc(x)
    best = None
    for i in range(1, len(slots) - 1):
        p, s, n = slots[i - 1], slots[i], slots[i + 1]
        if 2 * (x - p) >= (s - p) and 2 * (x - s) < (n - s):
            assert best is None
            best = s
    assert best is not None
    return best


def latest_at_or_before(slots, x):
    return max(s for s in slots if s <= utc(x))


def next_after(slots, s):
    return min(t for t in slots if t > s)
