"""The .ics calendar: every dose instant, read back by three parsers, is the plan's.

The calendar is parsed back by ``icalendar`` (the library that writes it), by
``vobject`` (an independent Python parser) and by ``ical.js``, the calendar engine of
Thunderbird, under Node (``tests/interop/js/read_ics.mjs``).  A test that reads a file
with its own writer agrees with itself; the other two read a repeated local hour as
its second occurrence, where RFC 5545 says the first, so they are the ones that show
whether a dose would be read at the wrong time.
"""

import datetime as dt
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import dateutil.rrule
import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Plan, Regimen, dose_calendar, dose_times
from duloxinfo.interop import calendar
from support import oracle
from support.strategies import plans, regimens

CREATED = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
UTC = dt.UTC
JS = Path(__file__).parent / "js"
REQUIRED = os.environ.get("DULOXINFO_CROSSCHECKS") == "required"
ONE_DAY = dt.timedelta(days=1)
NAMESPACE = uuid.UUID("3b0d9a52-7c4e-4f1a-8e6b-5d2c9f0a1e47")


def _missing(reason):
    """Skip for want of a cross-check tool, or fail when CI requires the cross-checks."""
    if REQUIRED:
        pytest.fail(f"DULOXINFO_CROSSCHECKS=required, but {reason}")
    pytest.skip(reason)


# ---------------------------------------------------------------------------------------
# Readers: each returns, per calendar, the events' (UID, UTC instant) in file order.

# vobject keeps the zones it has parsed in a module-global map, so that a VTIMEZONE read
# from one file would be used for the next file's TZID of the same name: it runs in a
# process of its own, and the map is emptied before each file.
_VOBJECT = """
import datetime as dt, json, sys
import vobject, vobject.icalendar
zones = vars(vobject.icalendar)["__tzidMap"]
out = {}
for path in sys.argv[1:]:
    zones.clear()
    with open(path, encoding="utf-8", newline="") as file:
        calendar = vobject.readOne(file.read())
    out[path] = [
        [str(e.uid.value), start.astimezone(dt.timezone.utc).isoformat()]
        for e in getattr(calendar, "vevent_list", [])  # none, when no dose is in the span
        # A repeating event, expanded by vobject (dateutil's rrule, with its EXDATEs).
        for start in (e.getrruleset(addRDate=True) or [e.dtstart.value])
    ]
print(json.dumps(out))
"""


def _write_all(folder, calendars):
    paths = []
    for index, ics in enumerate(calendars):
        path = Path(folder) / f"{index}.ics"
        path.write_bytes(ics)
        paths.append(str(path))
    return paths


def _run(command):
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def read_with_vobject(calendars):
    try:
        import vobject  # noqa: F401, PLC0415 - only to know whether it is installed
    except ModuleNotFoundError:
        _missing("vobject is not installed (it is in the test extra)")
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_all(folder, calendars)
        out = _run([sys.executable, "-c", _VOBJECT, *paths])
    return [[(u, dt.datetime.fromisoformat(t)) for u, t in out[p]] for p in paths]


def read_with_icaljs(calendars):
    node = shutil.which("node")
    if node is None:
        _missing("node is not installed, so ical.js cannot read the calendars")
    if not (JS / "node_modules" / "ical.js").is_dir():
        _missing("ical.js is not installed: run `npm ci` in tests/interop/js")
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_all(folder, calendars)
        out = _run([node, str(JS / "read_ics.mjs"), *paths])
    return [[(e["uid"], dt.datetime.fromisoformat(e["start"])) for e in out[p]] for p in paths]


def read_with_icalendar(ics):
    """Each DTSTART read with the VTIMEZONE the file carries, as RFC 5545 reads it.

    A local time that occurs twice is its first occurrence (``fold=0``), not what the
    machine's zone data would say of the zone: the file's own rules are read.
    """
    calendar = icalendar.Calendar.from_ical(ics)
    zones = {str(z["TZID"]): z.to_tz() for z in calendar.walk("VTIMEZONE")}
    read = []
    for event in calendar.walk("VEVENT"):
        start = event["DTSTART"]
        uid = str(event["UID"])
        if "TZID" in start.params:
            zone = zones[start.params["TZID"]]

            def instant(wall, zone=zone):
                return wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
        else:
            assert start.dt.utcoffset() == dt.timedelta(0)

            def instant(wall):
                return wall.replace(tzinfo=UTC)

        wall = start.dt.replace(tzinfo=None)
        if "RRULE" not in event:
            read.append((uid, instant(wall)))
            continue
        # A repeating event: its local times by dateutil's rrule, less its EXDATEs (the
        # same local times), each read as RFC 5545 §3.3.5 reads a local time.
        zone = zones[start.params["TZID"]] if "TZID" in start.params else UTC
        rule = dateutil.rrule.rrulestr(
            event["RRULE"].to_ical().decode(), dtstart=wall.replace(tzinfo=zone)
        )
        excluded = event.get("EXDATE", [])
        excluded = excluded if isinstance(excluded, list) else [excluded]
        skipped = {d.dt.replace(tzinfo=None) for x in excluded for d in x.dts}
        read.extend(
            (uid, instant(each.replace(tzinfo=None)))
            for each in rule
            if each.replace(tzinfo=None) not in skipped
        )
    return read


def _events(ics):
    calendar = icalendar.Calendar.from_ical(ics)
    return calendar, list(calendar.walk("VEVENT"))


def _expected(plan, first, last):
    """The plan's doses whose date in their own phase's zone is ``first`` to ``last``."""
    lo = max(dt.datetime.combine(first, dt.time(0), tzinfo=UTC) - 2 * ONE_DAY, _FIRST)
    hi = min(dt.datetime.combine(last, dt.time(0), tzinfo=UTC) + 3 * ONE_DAY, _LAST)
    return [d for d in dose_times(plan, lo, hi) if first <= d.date() <= last]


_FIRST = dt.datetime(2, 1, 1, tzinfo=UTC)
_LAST = dt.datetime(9998, 12, 31, 23, 59, tzinfo=UTC)


def _read_all(calendars):
    """Each reader's reads of ``calendars``: vobject and ical.js each start once for all."""
    return {
        "icalendar": [read_with_icalendar(ics) for ics in calendars],
        "vobject": read_with_vobject(calendars),
        "ical.js": read_with_icaljs(calendars),
    }


def _check_read_alike(cases, wants=None, by_reader=None):
    """Each case (plan, first, last, calendar): every reader reads the plan's doses.

    ``wants``, when given, are the instants of each case (else from ``dose_times``);
    ``by_reader``, the cases' reads by :func:`_read_all` (else read here).
    """
    by_reader = by_reader or _read_all([ics for *_, ics in cases])
    for index, (plan, first, last, ics) in enumerate(cases):
        want = (
            wants[index]
            if wants is not None
            else [d.astimezone(UTC).replace(microsecond=0) for d in _expected(plan, first, last)]
        )
        uids = [str(e["UID"]) for e in _events(ics)[1]]
        for reader, reads in by_reader.items():
            assert [t for _, t in reads[index]] == want, (reader, plan, first, last)
            assert [u for u, _ in reads[index]] == uids, (reader, plan, first, last)


def _blocks(ics):
    """Each VTIMEZONE block's (DTSTART, [RDATE dates]), as written."""
    text = ics.decode()
    return [
        (
            re.search(r"\r\nDTSTART:(\S+)\r\n", block).group(1),
            re.findall(r"\r\nRDATE:(\S+)(?=\r\n)", block),
        )
        for block in re.findall(
            r"BEGIN:(?:STANDARD|DAYLIGHT)(.*?)END:(?:STANDARD|DAYLIGHT)", text, re.DOTALL
        )
    ]


def _event_starts(ics):
    """Each event's DTSTART line, as written."""
    return [
        next(line for line in event.split("\r\n") if line.startswith("DTSTART"))
        for event in ics.decode().split("BEGIN:VEVENT")[1:]
    ]


def _cal(plan, first, last, **kwargs):
    return dose_calendar(plan, first, last, created=CREATED, **kwargs)


def _daily(zone, at, start, dose=60, end=None):
    return Regimen(dose, [at], zone, start, end=end)


# ---------------------------------------------------------------------------------------
# The repeated hour of an autumn night: the first occurrence, read alike by every client.

REPEATED = [
    # zone, dose time, the night the clocks go back, the dose's instant (first occurrence)
    ("Europe/London", dt.time(1, 30), dt.date(2026, 10, 25), dt.datetime(2026, 10, 25, 0, 30)),
    ("America/New_York", dt.time(1, 30), dt.date(2026, 11, 1), dt.datetime(2026, 11, 1, 5, 30)),
    # Lord Howe Island goes back half an hour, from 02:00 to 01:30
    ("Australia/Lord_Howe", dt.time(1, 45), dt.date(2026, 4, 5), dt.datetime(2026, 4, 4, 14, 45)),
    # The Chatham Islands go back from 03:45 to 02:45, at an offset of 45 minutes
    ("Pacific/Chatham", dt.time(2, 45), dt.date(2026, 4, 5), dt.datetime(2026, 4, 4, 13, 0)),
]


@pytest.mark.parametrize(("zone", "at", "night", "instant"), REPEATED)
def test_a_dose_in_the_repeated_hour_is_written_in_utc_and_read_at_its_instant_by_all(
    zone, at, night, instant
):
    regimen = _daily(zone, at, dt.datetime(2026, 1, 1, tzinfo=UTC))
    first, last = night - ONE_DAY, night + ONE_DAY
    ics = _cal(regimen, first, last)
    starts = _event_starts(ics)
    tzid = f"DTSTART;TZID={zone}:"
    # The nights either side keep their wall time in the zone; the repeated one is in UTC.
    assert starts[0] == f"{tzid}{first:%Y%m%d}T{at:%H%M%S}"
    assert starts[1] == f"DTSTART:{instant:%Y%m%dT%H%M%S}Z"
    assert starts[2] == f"{tzid}{last:%Y%m%d}T{at:%H%M%S}"
    assert instant.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).time() == at
    _check_read_alike([(regimen, first, last, ics)])


@pytest.mark.parametrize(("zone", "at", "night", "instant"), REPEATED)
def test_ical_js_reads_a_repeated_local_time_as_its_second_occurrence(zone, at, night, instant):
    """Why the UTC form: the TZID form of the same dose, which RFC 5545 reads as the
    first occurrence, is read by ical.js (and Thunderbird) an hour (half an hour) late."""
    regimen = _daily(zone, at, dt.datetime(2026, 1, 1, tzinfo=UTC))
    ics = _cal(regimen, night - ONE_DAY, night + ONE_DAY)
    as_local = ics.replace(
        f"DTSTART:{instant:%Y%m%dT%H%M%S}Z".encode(),
        f"DTSTART;TZID={zone}:{night:%Y%m%d}T{at:%H%M%S}".encode(),
    )
    assert as_local != ics
    (read,) = read_with_icaljs([as_local])
    late = dt.datetime.combine(night, at).replace(tzinfo=ZoneInfo(zone), fold=1)
    assert read[1][1] == late.astimezone(UTC) > instant.replace(tzinfo=UTC)
    assert read_with_icalendar(as_local)[1][1] == instant.replace(tzinfo=UTC)


def test_a_dose_moved_forward_by_the_spring_gap_keeps_its_zone_and_is_read_alike():
    # 01:30 does not exist in London on 29 March 2026: the dose is at 02:30 BST (01:30Z).
    regimen = _daily("Europe/London", dt.time(1, 30), dt.datetime(2026, 1, 1, tzinfo=UTC))
    first, last = dt.date(2026, 3, 28), dt.date(2026, 3, 30)
    ics = _cal(regimen, first, last)
    assert _event_starts(ics) == [
        f"DTSTART;TZID=Europe/London:202603{day}T{at}"
        for day, at in [(28, "013000"), (29, "023000"), (30, "013000")]
    ]
    _check_read_alike([(regimen, first, last, ics)])


def test_no_written_local_time_is_ambiguous_or_missing_in_its_zone():
    """Every TZID time of twice-daily doses at the awkward times, for twenty days either
    side of the night the clocks go back, names one instant."""
    for zone, times, night in [
        ("Europe/London", [dt.time(1, 30), dt.time(13, 30)], dt.date(2026, 10, 25)),
        ("America/New_York", [dt.time(1, 30), dt.time(13, 30)], dt.date(2026, 11, 1)),
        ("Australia/Lord_Howe", [dt.time(1, 45), dt.time(13, 45)], dt.date(2026, 4, 5)),
        ("Pacific/Chatham", [dt.time(2, 45), dt.time(14, 45)], dt.date(2026, 4, 5)),
    ]:
        regimen = Regimen(60, times, zone, dt.datetime(2026, 1, 1, tzinfo=UTC))
        days = (night - 20 * ONE_DAY, night + 20 * ONE_DAY)
        _, events = _events(_cal(regimen, *days))
        tz = ZoneInfo(zone)
        in_utc = 0
        for event in events:
            start = event["DTSTART"]
            if "TZID" not in start.params:
                in_utc += 1
                continue
            wall = start.dt.replace(tzinfo=None)
            readings = {wall.replace(tzinfo=tz, fold=f).astimezone(UTC) for f in (0, 1)}
            assert len(readings) == 1, (zone, wall)
        assert in_utc == 1, zone  # the dose in the repeated hour


def test_a_dose_in_local_mean_time_is_written_in_utc():
    """Before 1847 London's offset was -00:01:15; ical.js drops the seconds of an offset."""
    regimen = _daily("Europe/London", dt.time(8), dt.datetime(1800, 1, 1, tzinfo=UTC))
    first, last = dt.date(1800, 1, 2), dt.date(1800, 1, 3)
    ics = _cal(regimen, first, last)
    assert b"DTSTART:18000102T080115Z\r\n" in ics
    _check_read_alike([(regimen, first, last, ics)])


# ---------------------------------------------------------------------------------------
# Plans: each phase's dose, each event in its phase's zone.


def test_a_plan_that_changes_zone_has_each_dose_in_its_phases_zone_with_its_dose():
    change = dt.datetime(2026, 7, 10, 18, tzinfo=UTC)
    plan = Plan(
        [
            _daily("Europe/London", dt.time(8), dt.datetime(2026, 7, 1, tzinfo=UTC), 30, change),
            _daily("America/New_York", dt.time(8), change),
        ]
    )
    first, last = dt.date(2026, 7, 8), dt.date(2026, 7, 12)
    ics = _cal(plan, first, last)
    calendar, events = _events(ics)
    assert {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")} == {
        "Europe/London",
        "America/New_York",
    }
    assert [(e["DTSTART"].params["TZID"], e["DTSTART"].dt.day) for e in events] == [
        ("Europe/London", 8),
        ("Europe/London", 9),
        ("Europe/London", 10),
        ("America/New_York", 11),  # 10 July 08:00 in New York (12:00Z) is before the change
        ("America/New_York", 12),
    ]
    assert [str(e["SUMMARY"]) for e in events] == ["Duloxetine 30 mg"] * 3 + [
        "Duloxetine 60 mg"
    ] * 2
    assert [str(e["DESCRIPTION"]).split(" of ")[0] for e in events] == ["Take 30 mg"] * 3 + [
        "Take 60 mg"
    ] * 2
    _check_read_alike([(plan, first, last, ics)])


def test_the_titration_plan_steps_up_in_the_calendar_and_a_pause_has_no_dose():
    plan = duloxinfo.titration_plan(
        dt.datetime(2026, 10, 20, 7, tzinfo=UTC), "Europe/London", dt.time(1, 30)
    )
    first, last = dt.date(2026, 10, 20), dt.date(2026, 10, 30)
    ics = _cal(plan, first, last)
    _, events = _events(ics)
    doses = [int(str(e["SUMMARY"]).split()[1]) for e in events]
    assert doses == [30] * 7 + [60] * 3  # from 21 October: 01:30 on the 20th was before 07:00
    _check_read_alike([(plan, first, last, ics)])
    paused = Plan(
        [
            _daily("UTC", dt.time(8), dt.datetime(2026, 1, 1, tzinfo=UTC), 30, _at(2026, 1, 3)),
            _daily("UTC", dt.time(8), _at(2026, 1, 5, 9)),
        ]
    )
    _, events = _events(_cal(paused, dt.date(2026, 1, 1), dt.date(2026, 1, 7)))
    assert [e["DTSTART"].dt.day for e in events] == [1, 2, 6, 7]


def _phases(plan):
    return plan.phases if isinstance(plan, Plan) else (plan,)


def _at(*args):
    return dt.datetime(*args, tzinfo=UTC)


def test_a_regimen_and_its_plan_of_one_phase_give_the_same_calendar():
    regimen = _daily("Europe/London", dt.time(8), dt.datetime(2026, 1, 1, tzinfo=UTC))
    days = (dt.date(2026, 3, 28), dt.date(2026, 3, 30))
    assert _cal(regimen, *days) == _cal(Plan([regimen]), *days)
    assert dose_calendar(regimen, *days, created=CREATED) == dose_calendar(
        plan=regimen, first_day=days[0], last_day=days[1], created=CREATED
    )


# Hypothesis-generated plans, read back by all three; written and read in batches of six,
# so that vobject and ical.js start once per batch, not once per calendar.
@st.composite
def _cases(draw):
    plan = draw(plans())
    start = _phases(plan)[0].start.astimezone(_phases(plan)[0].tz).date()
    first = start + dt.timedelta(days=draw(st.integers(-2, 6)))
    last = first + dt.timedelta(days=draw(st.integers(0, 8)))
    namespace = draw(st.none() | st.uuids())
    return plan, first, last, _cal(plan, first, last, namespace=namespace)


# vobject and ical.js start once per example (most of its cost), reading its twelve
# calendars (six one event a dose, six repeating): three examples in the edit-test loop,
# twenty under the ci profile.
_READ_BACK = settings(max_examples=max(3, settings().max_examples // 50), deadline=None)


@_READ_BACK
@given(st.lists(_cases(), min_size=6, max_size=6))
def test_every_reader_reads_every_dose_of_generated_plans_at_its_instant(cases):
    """Each generated calendar, and the same plan's and days' calendar of repeating events,
    read by all three readers: the plan's doses at their instants, and no others."""
    repeating = [
        (plan, first, last, _cal(plan, first, last, repeating=True, namespace=NAMESPACE))
        for plan, first, last, _ in cases
    ]
    by_reader = _read_all([ics for *_, ics in cases + repeating])
    _check_read_alike(cases, by_reader={k: v[:6] for k, v in by_reader.items()})
    _check_repeating_read_alike(repeating, by_reader={k: v[6:] for k, v in by_reader.items()})
    for plan, _, _, ics in cases + repeating:
        zones = {p.tz.key for p in _phases(plan)}
        for event in _events(ics)[1]:
            start = event["DTSTART"]
            assert start.params.get("TZID", "UTC") in zones | {"UTC"}
        # Each zone change one date a line, a block's DTSTART among its RDATEs (ical.js
        # reads no other: test_ical_js_drops_the_dtstart_of_a_vtimezone_block_with_rdates).
        blocks = _blocks(ics)
        assert blocks  # every calendar carries its plan's zones
        for start, dates in blocks:
            assert all(re.fullmatch(r"\d{8}T\d{6}", date) for date in dates)
            assert not dates or dates[0] == start
            assert len(set(dates)) == len(dates)


@settings(max_examples=40, deadline=None)
@given(_cases())
def test_each_dose_is_written_with_its_zone_unless_its_local_time_names_two_instants(case):
    plan, first, last, ics = case
    want = _expected(plan, first, last)
    _, events = _events(ics)
    assert len(events) == len(want)
    for event, dose in zip(events, want, strict=True):
        start = event["DTSTART"]
        ambiguous = dose.replace(fold=0).utcoffset() != dose.replace(fold=1).utcoffset()
        if ambiguous or dose.tzinfo.key == "UTC":
            assert "TZID" not in start.params
            # Compared as UTC instants: Python's == (PEP 495) calls a time in a repeated
            # hour unequal to the same instant in another zone (Chatham's 02:45 on
            # 2025-04-06, a case Hypothesis found).
            assert start.dt.astimezone(dt.UTC) == dose.astimezone(dt.UTC)
        else:
            assert start.params["TZID"] == dose.tzinfo.key
            assert start.dt.replace(tzinfo=None) == dose.replace(tzinfo=None)


# ---------------------------------------------------------------------------------------
# RFC 5545 on the bytes: parsers accept a bare line feed, so only the bytes show one.


@settings(max_examples=40, deadline=None)
@given(_cases())
def test_every_line_ends_with_crlf(case):
    *_, ics = case
    assert ics.endswith(b"\r\n")
    assert re.search(rb"(?<!\r)\n", ics) is None  # no LF without a CR before it
    assert re.search(rb"\r(?!\n)", ics) is None  # no CR without an LF after it
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))  # folded


# ---------------------------------------------------------------------------------------
# UIDs: a UUID per dose, from the caller's namespace or from the plan.

IANA_TOKEN = re.compile(r"[A-Za-z0-9-]+")


def _uids(ics):
    return [str(e["UID"]) for e in _events(ics)[1]]


@settings(max_examples=30, deadline=None)
@given(plans(), st.uuids(), st.uuids(), st.integers(0, 6))
def test_uids_are_stable_per_namespace_and_never_shared_between_namespaces(plan, a, b, days):
    first = _phases(plan)[0].start.astimezone(_phases(plan)[0].tz).date()
    last = first + dt.timedelta(days=days)
    mine = _uids(_cal(plan, first, last, namespace=a))
    assert mine == _uids(_cal(plan, first, last, namespace=a))  # stable across runs
    assert len(set(mine)) == len(mine)
    if a != b:
        assert not set(mine) & set(_uids(_cal(plan, first, last, namespace=b)))
    for uid in mine:
        assert IANA_TOKEN.fullmatch(uid)
        assert len(uid.encode()) < 255
        assert uuid.UUID(uid).version == 5


@settings(max_examples=30, deadline=None)
@given(plans(), plans())
def test_without_a_namespace_the_same_plan_has_the_same_uids_and_another_plan_others(a, b):
    def uids(plan):
        first = _phases(plan)[0].start.astimezone(_phases(plan)[0].tz).date()
        return _uids(_cal(plan, first, first + dt.timedelta(days=6)))

    assert uids(a) == uids(a)
    if _phases(a) != _phases(b):
        assert not set(uids(a)) & set(uids(b))


def test_two_people_on_the_same_regimen_do_not_share_uids_with_their_own_namespaces():
    regimen = _daily("Europe/London", dt.time(8), dt.datetime(2026, 1, 1, tzinfo=UTC))
    days = (dt.date(2026, 3, 1), dt.date(2026, 3, 7))
    alice = _uids(_cal(regimen, *days, namespace=uuid.UUID(int=1)))
    bob = _uids(_cal(regimen, *days, namespace=uuid.UUID(int=2)))
    assert len(alice) == len(bob) == 7
    assert not set(alice) & set(bob)
    # Without a namespace the same regimen gives the same UIDs, whoever takes it.
    assert _uids(_cal(regimen, *days)) == _uids(_cal(regimen, *days))


def test_a_changed_plan_replaces_the_events_of_the_same_doses():
    """With the person's namespace, the dose at the same instant keeps its UID after the
    plan changes (60 mg instead of 30 from the 4th), so a calendar app updates the event
    instead of showing two doses at once; a new dose time is a new event."""
    start, change = dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 1, 4, tzinfo=UTC)
    before = _daily("UTC", dt.time(8), start, 30)
    after = Plan([_daily("UTC", dt.time(8), start, 30, change), _daily("UTC", dt.time(8), change)])
    moved = _daily("UTC", dt.time(9), start, 30)
    days = (dt.date(2026, 1, 1), dt.date(2026, 1, 6))
    old, new = (_events(_cal(p, *days, namespace=NAMESPACE))[1] for p in (before, after))
    assert [str(e["UID"]) for e in old] == [str(e["UID"]) for e in new]
    assert [str(e["SUMMARY"])[-5:] for e in new] == ["30 mg"] * 3 + ["60 mg"] * 3
    assert not set(_uids(_cal(moved, *days, namespace=NAMESPACE))) & set(_uids(_cal(before, *days)))


def test_a_namespace_that_is_not_a_uuid_is_refused_naming_it():
    regimen = _daily("UTC", dt.time(8), dt.datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^namespace: expected a uuid.UUID"):
        _cal(regimen, dt.date(2026, 1, 1), dt.date(2026, 1, 2), namespace=str(NAMESPACE))


# ---------------------------------------------------------------------------------------
# The ends of the supported years: a correct calendar, in zones either side of UTC.

EDGES = [
    ("Europe/London", dt.date(2, 1, 1), dt.date(2, 1, 3)),
    ("Europe/London", dt.date(9998, 12, 29), dt.date(9998, 12, 31)),
    ("America/New_York", dt.date(2, 1, 1), dt.date(2, 1, 3)),
    ("America/New_York", dt.date(9998, 12, 29), dt.date(9998, 12, 31)),
    ("Asia/Tokyo", dt.date(2, 1, 1), dt.date(2, 1, 3)),
    ("Pacific/Pago_Pago", dt.date(9998, 12, 29), dt.date(9998, 12, 31)),
    ("Pacific/Kiritimati", dt.date(9998, 12, 29), dt.date(9998, 12, 31)),
]


@pytest.mark.parametrize(("zone", "first", "last"), EDGES)
@pytest.mark.parametrize("at", [dt.time(0), dt.time(8), dt.time(23, 59)])
def test_a_calendar_at_the_ends_of_the_supported_years(zone, first, last, at):
    regimen = _daily(zone, at, dt.datetime(first.year, 1, 1, tzinfo=UTC))
    ics = _cal(regimen, first, last)
    tz = ZoneInfo(zone)
    want = [
        dt.datetime.combine(day, at, tzinfo=tz).astimezone(UTC)
        for day in (first + dt.timedelta(days=n) for n in range(3))
    ]
    want = [w for w in want if w >= regimen.start]
    assert [t for _, t in read_with_icalendar(ics)] == want
    assert [t for _, t in read_with_vobject([ics])[0]] == want


@pytest.mark.parametrize(("zone", "first", "last"), [e for e in EDGES if e[1].year == 9998])
def test_ical_js_reads_a_calendar_at_the_end_of_the_supported_years(zone, first, last):
    """ical.js reads the years 0 to 99 as 1900 to 1999 (JavaScript's Date.UTC does), so
    the start of the supported years is read by icalendar and vobject only (above)."""
    regimen = _daily(zone, dt.time(20), dt.datetime(9998, 1, 1, tzinfo=UTC))
    want = [
        dt.datetime.combine(first + dt.timedelta(days=n), dt.time(20), tzinfo=ZoneInfo(zone))
        for n in range(3)
    ]
    want = [w.astimezone(UTC) for w in want]
    _check_read_alike([(regimen, first, last, _cal(regimen, first, last))], [want])


@pytest.mark.parametrize(
    ("first", "last", "field"),
    [
        (dt.date(1, 12, 31), dt.date(2, 1, 2), "first_day"),
        (dt.date(9998, 12, 30), dt.date(9999, 1, 1), "last_day"),
    ],
)
def test_a_day_outside_the_supported_years_is_refused_naming_it(first, last, field):
    regimen = _daily("Europe/London", dt.time(8), dt.datetime(2, 1, 1, tzinfo=UTC))
    with pytest.raises(duloxinfo.InvalidDatetimeError) as caught:
        _cal(regimen, first, last)
    assert str(caught.value).startswith(f"{field}: ")
    assert len(str(caught.value)) < 200


# ---------------------------------------------------------------------------------------
# The events: a reminder, the instructions, the span of dates.


@pytest.mark.parametrize(
    ("zone", "first", "last"),
    [
        ("Europe/London", dt.date(2026, 3, 27), dt.date(2026, 3, 31)),  # clocks go forward
        ("Europe/London", dt.date(2026, 10, 23), dt.date(2026, 10, 27)),  # and back
        ("America/New_York", dt.date(2026, 3, 6), dt.date(2026, 3, 10)),
        ("Australia/Lord_Howe", dt.date(2026, 4, 3), dt.date(2026, 4, 7)),  # a half-hour change
    ],
)
def test_every_dose_is_in_the_calendar_at_its_instant_across_daylight_saving(zone, first, last):
    regimen = Regimen(30, [dt.time(8), dt.time(20)], zone, dt.datetime(2026, 1, 1, tzinfo=UTC))
    ics = _cal(regimen, first, last)
    _, events = _events(ics)
    expected = dose_times(
        regimen,
        dt.datetime.combine(first, dt.time(0), tzinfo=regimen.tz),
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=regimen.tz),
    )
    assert len(events) == 2 * ((last - first).days + 1) == len(expected)
    utc = [x.astimezone(UTC) for x in expected]
    assert [t for _, t in read_with_icalendar(ics)] == utc
    assert [e["DTSTART"].params["TZID"] for e in events] == [zone] * len(events)
    assert [e["DTSTART"].dt.time() for e in events] == [dt.time(8), dt.time(20)] * (
        len(events) // 2
    )
    gaps = {b - a for a, b in itertools.pairwise(utc)}
    assert len(gaps) > 1  # the change of offset is inside the range


def test_each_event_has_a_reminder_the_instructions_and_a_stable_identity():
    regimen = Regimen(60, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 1, tzinfo=UTC))
    ics = _cal(regimen, dt.date(2026, 3, 28), dt.date(2026, 3, 30))
    calendar, events = _events(ics)
    assert str(calendar["VERSION"]) == "2.0"
    assert len({str(e["UID"]) for e in events}) == len(events) == 3
    for event in events:
        assert str(event["SUMMARY"]) == "Duloxetine 60 mg"
        assert duloxinfo.LABEL.administration.value in str(event["DESCRIPTION"])
        assert str(event["DESCRIPTION"]).startswith(
            "Take 60 mg of duloxetine, as your prescriber directs."
        )
        assert event["DTSTAMP"].dt == CREATED
        (alarm,) = event.walk("VALARM")
        assert (str(alarm["ACTION"]), alarm["TRIGGER"].dt) == ("DISPLAY", dt.timedelta(0))
    assert ics == _cal(regimen, dt.date(2026, 3, 28), dt.date(2026, 3, 30))


def test_no_dose_before_the_regimen_starts():
    start = dt.datetime(2026, 3, 29, 12, tzinfo=UTC)
    regimen = Regimen(60, [dt.time(8)], "Europe/London", start)
    _, events = _events(_cal(regimen, dt.date(2026, 3, 27), dt.date(2026, 3, 31)))
    assert [e["DTSTART"].dt.date() for e in events] == [dt.date(2026, 3, 30), dt.date(2026, 3, 31)]


@settings(max_examples=25, deadline=None)
@given(regimens(), st.dates(dt.date(2025, 1, 1), dt.date(2027, 6, 1)), st.integers(0, 10))
def test_the_calendar_holds_exactly_the_schedule(regimen, first, days):
    last = first + dt.timedelta(days=days)
    ics = _cal(regimen, first, last)
    lo = dt.datetime.combine(first, dt.time(0), tzinfo=regimen.tz)
    hi = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=regimen.tz)
    slots = [s for s, _ in oracle.slots(regimen, lo, hi)]
    expected = [s for s in slots if oracle.utc(lo) <= s < oracle.utc(hi)]
    assert [t for _, t in read_with_icalendar(ics)] == expected


# ---------------------------------------------------------------------------------------
# Without Node or ical.js the cross-check skips and says why; CI requires it.


@pytest.mark.parametrize("required", [False, True])
def test_without_node_the_ical_js_check_skips_unless_the_cross_checks_are_required(
    monkeypatch, required
):
    monkeypatch.setattr(shutil, "which", lambda _: None)
    monkeypatch.setattr(sys.modules[__name__], "REQUIRED", required)
    outcome = pytest.fail.Exception if required else pytest.skip.Exception
    with pytest.raises(outcome, match="node is not installed"):
        read_with_icaljs([b""])


def test_without_ical_js_installed_the_check_says_to_run_npm_ci(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "JS", Path(tempfile.gettempdir()) / "no-js-here")
    monkeypatch.setattr(sys.modules[__name__], "REQUIRED", False)
    with pytest.raises(pytest.skip.Exception, match="npm ci"):
        read_with_icaljs([b""])


# ---------------------------------------------------------------------------------------
# Repeating events: every reader expands the rules to exactly the plan's doses.


def _check_repeating_read_alike(cases, by_reader=None):
    """Each case (plan, first, last, calendar of repeating events): every reader, expanding
    each RRULE with its EXDATEs, reads exactly the plan's doses, each with its event's UID.
    ``by_reader``: the cases' reads by :func:`_read_all` (else read here).
    """
    by_reader = by_reader or _read_all([ics for *_, ics in cases])
    for index, (plan, first, last, ics) in enumerate(cases):
        want = [d.astimezone(UTC).replace(microsecond=0) for d in _expected(plan, first, last)]
        uids = {str(e["UID"]) for e in _events(ics)[1]}
        for reader, reads in by_reader.items():
            got = sorted(reads[index], key=lambda read: read[1])
            assert [t for _, t in got] == want, (reader, plan, first, last)
            assert {u for u, _ in got} == uids, (reader, plan, first, last)


def _rules(ics):
    """Each event's DTSTART, RRULE and EXDATE lines, as written."""
    keep = ("DTSTART", "RRULE", "EXDATE")
    return [
        [line for line in event.split("\r\n") if line.startswith(keep)]
        for event in ics.decode().split("BEGIN:VEVENT")[1:]
    ]


TEN_YEARS = (
    Regimen(30, [dt.time(8), dt.time(20)], "Europe/London", _at(2016, 1, 1)),
    dt.date(2016, 1, 1),
    dt.date(2025, 12, 31),
)


def test_a_long_plan_is_a_repeating_event_per_time_of_day_between_clock_changes():
    """Ten years twice daily in London: 21 rules for each time of day, each within one
    offset (the days the clocks change end them), and the 40 doses of those days alone."""
    regimen, first, last = TEN_YEARS
    ics = _cal(regimen, first, last, repeating=True)
    rules = _rules(ics)
    assert len(rules) == 2 * 21 + 2 * 20
    assert rules[:2] == [
        ["DTSTART;TZID=Europe/London:20160101T080000", "RRULE:FREQ=DAILY;UNTIL=20160326T080000Z"],
        ["DTSTART;TZID=Europe/London:20160101T200000", "RRULE:FREQ=DAILY;UNTIL=20160326T200000Z"],
    ]
    assert rules[2][0] == "DTSTART;TZID=Europe/London:20160328T080000"
    assert rules[-1] == ["DTSTART;TZID=Europe/London:20251026T200000"]  # the last change


@pytest.mark.slow  # 7,300 instances, each expanded by three readers: 3.5 CPU seconds
def test_every_reader_reads_the_ten_years_of_repeating_events_at_the_plans_doses():
    regimen, first, last = TEN_YEARS
    _check_repeating_read_alike([(regimen, first, last, _cal(*TEN_YEARS, repeating=True))])


# One event a dose over four years is slow to read (6.5 CPU seconds, most in icalendar's
# parser); the repeating events of the same plan carry the same VTIMEZONE.
@pytest.mark.parametrize("repeating", [pytest.param(False, marks=pytest.mark.slow), True])
def test_every_reader_reads_the_summers_of_a_calendar_over_years(repeating):
    """icalendar lists a zone's changes over more than a year on one RDATE line, of which
    ical.js and vobject read only the first date: every summer dose after it was read an
    hour off.  The calendar has one date a line."""
    regimen = Regimen(30, [dt.time(8)], "Europe/London", _at(2016, 1, 1))
    first, last = dt.date(2016, 1, 1), dt.date(2019, 12, 31)
    ics = _cal(regimen, first, last, repeating=repeating)
    rdates = [line for line in ics.decode().split("\r\n") if line.startswith("RDATE")]
    assert len(rdates) == 2 * 6  # 2015 (each block's DTSTART) to 2020, spring and autumn
    assert all(re.fullmatch(r"RDATE:\d{8}T\d{6}", line) for line in rdates)
    if repeating:
        _check_repeating_read_alike([(regimen, first, last, ics)])
    else:
        _check_read_alike([(regimen, first, last, ics)])


def _until(regimen, day):
    (dose,) = _expected(regimen, day, day)
    return f"RRULE:FREQ=DAILY;UNTIL={dose.astimezone(UTC):%Y%m%dT%H%M%SZ}"


@pytest.mark.parametrize(("zone", "at", "night", "instant"), REPEATED)
def test_the_repeated_hour_ends_the_rule_and_its_dose_is_written_in_utc(zone, at, night, instant):
    """The night the clocks go back: ical.js would read the rule's 01:30 as the second
    one, so the rule ends the night before, its dose (the first 01:30) is an event in UTC,
    and a new rule begins the night after."""
    regimen = _daily(zone, at, _at(2026, 1, 1))
    first, last = night - 3 * ONE_DAY, night + 3 * ONE_DAY
    ics = _cal(regimen, first, last, repeating=True)
    tzid = f"DTSTART;TZID={zone}:"
    assert _rules(ics) == [
        [f"{tzid}{first:%Y%m%d}T{at:%H%M%S}", _until(regimen, night - ONE_DAY)],
        [f"{tzid}{night + ONE_DAY:%Y%m%d}T{at:%H%M%S}", _until(regimen, last)],
        [f"DTSTART:{instant:%Y%m%dT%H%M%S}Z"],
    ]
    _check_repeating_read_alike([(regimen, first, last, ics)])


SKIPPED = [
    # zone, dose time, the night the clocks go forward, the dose's wall time that night
    ("Europe/London", dt.time(1, 30), dt.date(2026, 3, 29), dt.time(2, 30)),
    ("America/New_York", dt.time(2, 30), dt.date(2026, 3, 8), dt.time(3, 30)),
    ("Australia/Lord_Howe", dt.time(2, 15), dt.date(2026, 10, 4), dt.time(2, 45)),
    ("Pacific/Chatham", dt.time(3, 0), dt.date(2026, 9, 27), dt.time(4, 0)),
]


@pytest.mark.parametrize(("zone", "at", "night", "moved"), SKIPPED)
def test_the_skipped_hour_ends_the_rule_and_its_dose_is_written_alone(zone, at, night, moved):
    """The night the clocks go forward: RFC 5545 §3.3.10 both drops a recurrence instance
    at a time that does not exist and reads it with the offset before the gap, so the rule
    ends the night before and its dose (moved forward by the gap) is an event of its own."""
    regimen = _daily(zone, at, _at(2026, 1, 1))
    first, last = night - 3 * ONE_DAY, night + 3 * ONE_DAY
    ics = _cal(regimen, first, last, repeating=True)
    tzid = f"DTSTART;TZID={zone}:"
    assert _rules(ics) == [
        [f"{tzid}{first:%Y%m%d}T{at:%H%M%S}", _until(regimen, night - ONE_DAY)],
        [f"{tzid}{night + ONE_DAY:%Y%m%d}T{at:%H%M%S}", _until(regimen, last)],
        [f"{tzid}{night:%Y%m%d}T{moved:%H%M%S}"],
    ]
    _check_repeating_read_alike([(regimen, first, last, ics)])


def test_a_twice_daily_plan_across_a_year_of_clock_changes_is_read_alike():
    """01:30 and 13:30 in London through both changes of 2026: three rules for each, and
    the doses of the two days the clocks change written alone."""
    regimen = Regimen(60, [dt.time(1, 30), dt.time(13, 30)], "Europe/London", _at(2026, 1, 1))
    first, last = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    ics = _cal(regimen, first, last, repeating=True)
    assert [r[0] for r in _rules(ics)] == [
        "DTSTART;TZID=Europe/London:20260101T013000",
        "DTSTART;TZID=Europe/London:20260101T133000",
        "DTSTART;TZID=Europe/London:20260330T013000",
        "DTSTART;TZID=Europe/London:20260330T133000",
        "DTSTART;TZID=Europe/London:20261026T013000",
        "DTSTART;TZID=Europe/London:20261026T133000",
        "DTSTART;TZID=Europe/London:20260329T023000",
        "DTSTART;TZID=Europe/London:20260329T133000",
        "DTSTART:20261025T003000Z",
        "DTSTART;TZID=Europe/London:20261025T133000",
    ]
    _check_repeating_read_alike([(regimen, first, last, ics)])


def test_a_rule_with_an_exdate_on_the_night_the_clocks_go_back_is_misread_by_vobject():
    """Why a rule ends on such a night rather than carrying an EXDATE (RFC 5545 §3.8.5.1):
    vobject reads every instance of the rule at the summer offset and keeps the excluded
    one, where icalendar and ical.js read it right."""
    regimen = _daily("Europe/London", dt.time(1, 30), _at(2026, 1, 1))
    first, last = dt.date(2026, 10, 22), dt.date(2026, 10, 28)
    ics = _cal(regimen, first, last, repeating=True).decode()
    events = ics.split("BEGIN:VEVENT")
    ended = events[1].split("\r\n")
    # One rule through the night, with that night's 01:30 excluded, instead of two.
    ended = [line.replace("UNTIL=20261024T003000Z", "UNTIL=20261028T013000Z") for line in ended]
    ended.insert(ended.index(_until(regimen, last)), "EXDATE;TZID=Europe/London:20261025T013000")
    with_exdate = "BEGIN:VEVENT".join([events[0], "\r\n".join(ended), events[3]]).encode()
    want = [d.astimezone(UTC) for d in _expected(regimen, first, last)]
    assert sorted(t for _, t in read_with_icalendar(with_exdate)) == want
    (js,) = read_with_icaljs([with_exdate])
    assert sorted(t for _, t in js) == want
    (vo,) = read_with_vobject([with_exdate])
    assert sorted(t for _, t in vo) != want
    assert len(vo) == len(want) + 1


def test_repeating_events_of_plans_a_trip_and_the_titration_are_read_alike():
    change = _at(2026, 7, 10, 18)
    trip = Plan(
        [
            _daily("Europe/London", dt.time(8), _at(2026, 7, 1), 30, change),
            _daily("America/New_York", dt.time(8), change),
        ]
    )
    titration = duloxinfo.titration_plan(_at(2026, 10, 20, 7), "Europe/London", dt.time(1, 30))
    utc = Regimen(60, [dt.time(9), dt.time(21)], "UTC", _at(2026, 1, 1))
    cases = [
        (trip, dt.date(2026, 7, 1), dt.date(2026, 7, 20)),
        (titration, dt.date(2026, 10, 20), dt.date(2026, 11, 30)),
        (utc, dt.date(2026, 1, 1), dt.date(2026, 2, 1)),
    ]
    calendars = [(p, a, b, _cal(p, a, b, repeating=True, namespace=NAMESPACE)) for p, a, b in cases]
    _check_repeating_read_alike(calendars)
    trip_rules, _, utc_rules = (_rules(ics) for *_, ics in calendars)
    assert [r[0] for r in trip_rules] == [
        "DTSTART;TZID=Europe/London:20260701T080000",
        "DTSTART;TZID=America/New_York:20260711T080000",
    ]
    assert [r[0] for r in utc_rules] == ["DTSTART:20260101T090000Z", "DTSTART:20260101T210000Z"]


def test_a_series_uid_holds_across_spans_and_differs_between_namespaces_and_times():
    regimen = Regimen(60, [dt.time(8), dt.time(20)], "Europe/London", _at(2026, 1, 1))
    a = _uids(_cal(regimen, dt.date(2026, 1, 1), dt.date(2026, 3, 1), repeating=True))
    b = _uids(_cal(regimen, dt.date(2026, 2, 1), dt.date(2026, 9, 1), repeating=True))
    # The same series, longer (to the change of 29 March): an app updates it rather than
    # adding one.  b has more: the rules after 29 March, and that day's doses.
    assert len(set(a)) == len(a) == 2
    assert set(a) <= set(b)
    assert len(set(b)) == len(b) == 6
    later = _cal(regimen, dt.date(2026, 4, 1), dt.date(2026, 9, 1), repeating=True)
    assert set(_uids(later)) <= set(b)  # the rules after the change keep their UIDs too
    other = _cal(
        regimen, dt.date(2026, 1, 1), dt.date(2026, 3, 1), repeating=True, namespace=NAMESPACE
    )
    assert not set(a) & set(_uids(other))


# ---------------------------------------------------------------------------------------
# Alarms: a reminder before each dose, bounded by the time a dose counts as on time.


@pytest.mark.parametrize("repeating", [False, True])
def test_an_alarm_minutes_before_each_dose(repeating):
    regimen = Regimen(60, [dt.time(8)], "Europe/London", _at(2026, 1, 1))
    ics = _cal(
        regimen,
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 5),
        alarm_minutes_before=15,
        repeating=repeating,
    )
    _, events = _events(ics)
    assert len(events) == (1 if repeating else 5)
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == "Duloxetine 60 mg"
        assert alarm["TRIGGER"].dt == -dt.timedelta(minutes=15)
        assert alarm["TRIGGER"].params.get("RELATED", "START") == "START"
    assert b"TRIGGER:-PT15M\r\n" in ics


def test_without_an_alarm_time_or_with_zero_the_reminder_is_at_the_dose_as_before():
    regimen = Regimen(60, [dt.time(8)], "Europe/London", _at(2026, 1, 1))
    days = (dt.date(2026, 3, 1), dt.date(2026, 3, 2))
    assert _cal(regimen, *days) == _cal(regimen, *days, alarm_minutes_before=0)
    assert _cal(regimen, *days) == _cal(regimen, *days, alarm_minutes_before=None)


@pytest.mark.parametrize(
    ("times", "minutes", "error", "message"),
    [
        ([dt.time(8)], 121, duloxinfo.ScheduleError, "121 minutes is earlier than a once-daily"),
        (
            [dt.time(8), dt.time(20)],
            61,
            duloxinfo.ScheduleError,
            "61 minutes is earlier than a twice-daily",
        ),
        (
            [dt.time(8)],
            -5,
            duloxinfo.ScheduleError,
            "-5 is not a time before the dose; give 0 to 120",
        ),
        ([dt.time(8)], 10**5000, duloxinfo.ScheduleError, r"\(an integer of about 5000 digits\)"),
        (
            [dt.time(8)],
            15.0,
            duloxinfo.WrongTypeError,
            "expected a whole number of minutes or None",
        ),
        ([dt.time(8)], True, duloxinfo.WrongTypeError, "got bool True"),
        ([dt.time(8)], "15", duloxinfo.WrongTypeError, "got str '15'"),
    ],
    ids=["121 once", "61 twice", "negative", "huge", "float", "bool", "str"],
)
def test_an_alarm_time_out_of_bounds_or_not_a_whole_number_is_refused(
    times, minutes, error, message
):
    regimen = Regimen(30, times, "Europe/London", _at(2026, 1, 1))
    with pytest.raises(error, match=message) as caught:
        _cal(regimen, dt.date(2026, 3, 1), dt.date(2026, 3, 2), alarm_minutes_before=minutes)
    assert str(caught.value).startswith("alarm_minutes_before: ")
    assert len(str(caught.value)) < 200


def test_the_bounds_of_an_alarm_are_accepted():
    once = Regimen(60, [dt.time(8)], "Europe/London", _at(2026, 1, 1))
    twice = Regimen(30, [dt.time(8), dt.time(20)], "Europe/London", _at(2026, 1, 1))
    days = (dt.date(2026, 3, 1), dt.date(2026, 3, 1))
    assert b"TRIGGER:-PT120M\r\n" in _cal(once, *days, alarm_minutes_before=120)
    assert b"TRIGGER:-PT60M\r\n" in _cal(twice, *days, alarm_minutes_before=60)


def test_repeating_must_be_true_or_false():
    regimen = _daily("UTC", dt.time(8), _at(2026, 1, 1))
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^repeating: expected True or False"):
        _cal(regimen, dt.date(2026, 1, 1), dt.date(2026, 1, 2), repeating="yes")


# ---------------------------------------------------------------------------------------
# The VTIMEZONE: a block's DTSTART is among its RDATEs, since ical.js drops it otherwise.

NOV_2027 = (Regimen(20, [dt.time(0)], "America/New_York", _at(2025, 10, 1)), dt.date(2027, 11, 3))


def test_ical_js_reads_a_dose_of_a_one_day_calendar_days_before_the_clocks_go_back():
    """Found by the generated plans above: for the one day 3 November 2027 in New York,
    icalendar's VTIMEZONE has the spring change of 2027 as a DAYLIGHT block's DTSTART and
    2028's as its RDATE, and ical.js read the day's dose in EST, an hour late."""
    regimen, day = NOV_2027
    ics = _cal(regimen, day, day)
    assert _blocks(ics)[1] == ("20270314T030000", ["20270314T030000", "20280312T030000"])
    (dose,) = _expected(regimen, day, day)
    assert dose.astimezone(UTC) == _at(2027, 11, 3, 4)  # EDT
    _check_read_alike([(regimen, day, day, ics)])


def test_ical_js_drops_the_dtstart_of_a_vtimezone_block_with_rdates():
    """Why the DTSTART is listed again: without it ical.js takes the block's changes from
    its RDATEs alone (libical had the same bug, its issue 156), where RFC 5545 and the
    other readers count the DTSTART as the first change."""
    regimen, day = NOV_2027
    ics = _cal(regimen, day, day)
    bare = ics.replace(b"RDATE:20270314T030000\r\n", b"")
    assert bare != ics
    (js,) = read_with_icaljs([bare])
    assert [t for _, t in js] == [_at(2027, 11, 3, 5)]  # EST: an hour late
    assert [t for _, t in read_with_icalendar(bare)] == [_at(2027, 11, 3, 4)]
    assert [t for _, t in read_with_vobject([bare])[0]] == [_at(2027, 11, 3, 4)]


def test_a_fold_never_parts_a_backslash_from_the_character_it_escapes():
    """RFC 5545 §3.1 lets a fold fall anywhere; clients that read an escape across a fold
    apart misread it, so the writer (as icalendar does) folds before the backslash."""
    line = "DESCRIPTION:" + "x" * 61 + "\\,y"  # the backslash is the 74th octet
    folded = calendar._folded(line)
    assert folded == "DESCRIPTION:" + "x" * 61 + "\r\n \\,y\r\n"
    assert all(len(part.encode()) < 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line + "\r\n"
