"""Hypothesis strategies for regimens and instants, in six zones near their transitions."""

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

import duloxinfo

UTC = dt.UTC
ZONES = (
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "UTC",
)


def _transitions(zone, first_year=2025, last_year=2027):
    """UTC instants where ``zone``'s offset changes, found by scanning and bisecting."""
    tz = ZoneInfo(zone)
    found = []
    t = dt.datetime(first_year, 1, 1, tzinfo=UTC)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=UTC)
    step = dt.timedelta(hours=6)
    while t < end:
        if t.astimezone(tz).utcoffset() != (t + step).astimezone(tz).utcoffset():
            lo, hi = t, t + step
            while hi - lo > dt.timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(tz).utcoffset() == lo.astimezone(tz).utcoffset():
                    lo = mid
                else:
                    hi = mid
            found.append(hi.replace(microsecond=0))
        t += step
    return found


TRANSITIONS = {zone: _transitions(zone) for zone in ZONES}
ANCHORS = {zone: TRANSITIONS[zone] or [dt.datetime(2026, 3, 29, 1, tzinfo=UTC)] for zone in ZONES}
# Wall times that fall in gaps or folds somewhere above, and ordinary ones.
AWKWARD_TIMES = [
    dt.time(h, m)
    for h, m in [
        (0, 0),
        (1, 30),
        (2, 0),
        (2, 15),
        (2, 30),
        (2, 45),
        (3, 15),
        (3, 30),
        (8, 0),
        (20, 0),
        (23, 59),
    ]
]


def near(zone, days=4):
    """Instants within ``days`` of a transition of ``zone``, at second or microsecond grain."""
    span = days * 86_400
    return st.builds(
        lambda anchor, seconds, micro: anchor + dt.timedelta(seconds=seconds, microseconds=micro),
        st.sampled_from(ANCHORS[zone]),
        st.integers(-span, span),
        st.one_of(st.just(0), st.integers(0, 999_999)),
    )


def times_of_day():
    return st.one_of(
        st.sampled_from(AWKWARD_TIMES),
        st.times().map(lambda t: t.replace(microsecond=0)),
    )


@st.composite
def regimens(draw, zone=None):
    zone = zone or draw(st.sampled_from(ZONES))
    per_day = draw(st.integers(1, 2))
    dose = draw(st.sampled_from([d for d in range(20, 121, 10) if d * per_day <= 120]))
    times = draw(st.lists(times_of_day(), min_size=per_day, max_size=per_day, unique=True))
    start = draw(near(zone, days=3))
    as_name = draw(st.booleans())
    return duloxinfo.Regimen(dose, times, zone if as_name else ZoneInfo(zone), start)


def in_any_zone(instant):
    """The same instant, shown in one of the zones (the rules must not care)."""
    return st.sampled_from(ZONES).map(lambda z: instant.astimezone(ZoneInfo(z)))
