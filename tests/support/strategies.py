"""Hypothesis strategies for regimens and instants, in six zones near their transitions."""

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import assume
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


def _clock_gap(a, b):
    seconds = lambda t: t.hour * 3600 + t.minute * 60 + t.second  # noqa: E731
    return (seconds(b) - seconds(a)) % 86_400


@st.composite
def day_times(draw, per_day):
    """One time of day, or two at least six hours apart on the clock both ways round.

    Now and then exactly six hours apart (the least a regimen allows: H), where the
    skip window of one dose reaches the other's time.
    """
    first = draw(times_of_day())
    if per_day == 1:
        return [first]
    if draw(st.integers(0, 4)) == 0:
        edge = (dt.datetime.combine(dt.date(2026, 1, 1), first) + dt.timedelta(hours=6)).time()
        return [first, edge]
    second = draw(times_of_day().filter(lambda t: 21_600 <= _clock_gap(first, t) <= 64_800))
    return [first, second]


@st.composite
def regimens(draw, zone=None, start=None, end=None):
    zone = zone or draw(st.sampled_from(ZONES))
    per_day = draw(st.integers(1, 2))
    dose = draw(st.sampled_from([d for d in range(20, 121, 10) if d * per_day <= 120]))
    times = draw(day_times(per_day))
    start = start or draw(near(zone, days=3))
    as_name = draw(st.booleans())
    return duloxinfo.Regimen(dose, times, zone if as_name else ZoneInfo(zone), start, end=end)


@st.composite
def _phase_end(draw, zone, start):
    """Two to six days after ``start``: a whole number of hours, or within three hours of
    one of ``zone``'s transitions (where a slot's window is shorter or longer than usual)."""
    by_hours = start + dt.timedelta(hours=draw(st.integers(48, 144)))
    nights = [t for t in ANCHORS[zone] if dt.timedelta(days=2) <= t - start <= dt.timedelta(days=6)]
    if not nights or draw(st.booleans()):
        return by_hours
    return draw(st.sampled_from(nights)) + dt.timedelta(seconds=draw(st.integers(-10_800, 10_800)))


@st.composite
def plans(draw):
    """A plan of one to three phases: other doses, other zones (a trip), and perhaps a pause.

    Each phase but the last runs two to six days, often ending on a night the clocks
    change; a pause, when there is one, a minute to three days.  The last phase is open, or
    ends in the same way.
    """
    count = draw(st.integers(1, 3))
    zone = draw(st.sampled_from(ZONES))
    start = draw(near(zone, days=3))
    phases = []
    for index in range(count):
        last = index == count - 1
        end = None if last and draw(st.booleans()) else draw(_phase_end(zone, start))
        phase = None
        for _ in range(5):  # a phase with no dose between its start and end is refused
            try:
                phase = draw(regimens(zone=draw(st.sampled_from(ZONES)), start=start, end=end))
                break
            except duloxinfo.ScheduleError:
                continue
        if phase is None:
            break
        phases.append(phase)
        if end is None:
            break
        pause = draw(
            st.sampled_from([dt.timedelta(0)] * 2)
            | st.integers(1, 72).map(lambda h: dt.timedelta(hours=h))
            | st.integers(1, 59).map(lambda m: dt.timedelta(minutes=m))
        )
        start = end + pause
    assume(phases)
    return duloxinfo.Plan(phases) if len(phases) > 1 or draw(st.booleans()) else phases[0]


def in_any_zone(instant):
    """The same instant, shown in one of the zones (the rules must not care)."""
    return st.sampled_from(ZONES).map(lambda z: instant.astimezone(ZoneInfo(z)))
