"""The .ics calendar: parsed back, every dose instant is the schedule's, across daylight saving."""

import datetime as dt
import itertools

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Regimen, dose_calendar, dose_times
from support import oracle
from support.strategies import regimens

CREATED = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def _events(ics):
    calendar = icalendar.Calendar.from_ical(ics)
    return calendar, list(calendar.walk("VEVENT"))


def _instants_by_the_calendars_own_zone(calendar, events):
    """Each DTSTART read with the VTIMEZONE the file carries, not the machine's zone data."""
    (vtimezone,) = calendar.walk("VTIMEZONE")
    zone = vtimezone.to_tz()
    return [
        e["DTSTART"].dt.replace(tzinfo=None).replace(tzinfo=zone).astimezone(dt.UTC) for e in events
    ]


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
    regimen = Regimen(30, [dt.time(8), dt.time(20)], zone, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    calendar, events = _events(dose_calendar(regimen, first, last, created=CREATED))
    expected = dose_times(
        regimen,
        dt.datetime.combine(first, dt.time(0), tzinfo=regimen.tz),
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=regimen.tz),
    )
    assert len(events) == 2 * ((last - first).days + 1) == len(expected)
    utc = [x.astimezone(dt.UTC) for x in expected]
    assert _instants_by_the_calendars_own_zone(calendar, events) == utc
    assert [e["DTSTART"].params["TZID"] for e in events] == [zone] * len(events)
    assert [e["DTSTART"].dt.time() for e in events] == [dt.time(8), dt.time(20)] * (
        len(events) // 2
    )
    gaps = {b - a for a, b in itertools.pairwise(utc)}
    assert len(gaps) > 1  # the change of offset is inside the range


def test_each_event_has_a_reminder_the_instructions_and_a_stable_identity():
    regimen = Regimen(60, [dt.time(8)], "Europe/London", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    ics = dose_calendar(regimen, dt.date(2026, 3, 28), dt.date(2026, 3, 30), created=CREATED)
    calendar, events = _events(ics)
    assert str(calendar["VERSION"]) == "2.0"
    assert len({str(e["UID"]) for e in events}) == len(events) == 3
    for event in events:
        assert str(event["SUMMARY"]) == "Duloxetine 60 mg"
        assert duloxinfo.LABEL.administration.value in str(event["DESCRIPTION"])
        assert "as your prescriber directs" in str(event["DESCRIPTION"])
        assert event["DTSTAMP"].dt == CREATED
        (alarm,) = event.walk("VALARM")
        assert (str(alarm["ACTION"]), alarm["TRIGGER"].dt) == ("DISPLAY", dt.timedelta(0))
    assert ics == dose_calendar(
        regimen, dt.date(2026, 3, 28), dt.date(2026, 3, 30), created=CREATED
    )


def test_no_dose_before_the_regimen_starts():
    start = dt.datetime(2026, 3, 29, 12, tzinfo=dt.UTC)
    regimen = Regimen(60, [dt.time(8)], "Europe/London", start)
    _, events = _events(
        dose_calendar(regimen, dt.date(2026, 3, 27), dt.date(2026, 3, 31), created=CREATED)
    )
    assert [e["DTSTART"].dt.date() for e in events] == [dt.date(2026, 3, 30), dt.date(2026, 3, 31)]


@settings(max_examples=25, deadline=None)
@given(regimens(), st.dates(dt.date(2025, 1, 1), dt.date(2027, 6, 1)), st.integers(0, 10))
def test_the_calendar_holds_exactly_the_schedule(regimen, first, days):
    last = first + dt.timedelta(days=days)
    _, events = _events(dose_calendar(regimen, first, last, created=CREATED))
    lo = dt.datetime.combine(first, dt.time(0), tzinfo=regimen.tz)
    hi = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=regimen.tz)
    slots = [s for s, _ in oracle.slots(regimen, lo, hi)]
    expected = [s for s in slots if oracle.utc(lo) <= s < oracle.utc(hi)]
    assert [e["DTSTART"].dt.astimezone(dt.UTC) for e in events] == expected


@pytest.mark.parametrize(
    ("start", "first", "last"),
    [
        (dt.datetime(2, 1, 1, tzinfo=dt.UTC), dt.date(2, 1, 1), dt.date(2, 1, 3)),
        (dt.datetime(9998, 1, 1, tzinfo=dt.UTC), dt.date(9998, 12, 29), dt.date(9998, 12, 31)),
    ],
)
def test_a_calendar_at_the_ends_of_the_supported_years(start, first, last):
    regimen = Regimen(60, [dt.time(8)], "America/New_York", start)
    _, events = _events(dose_calendar(regimen, first, last, created=CREATED))
    assert len(events) == 3
