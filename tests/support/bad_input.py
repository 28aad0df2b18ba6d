"""Bad input, tried as a new user would: one table of cases for the library and the command line.

``tests/test_errors.py`` runs every case against the error policy and each function's
``Raises`` section; ``tests/cli/test_cli.py`` runs the command-line cases through the real
entry point; the table in ``docs/bad-input.md`` is generated from both lists, so it cannot
drift.  After changing a case or a message, rewrite it::

    python tests/test_errors.py --write
"""

import contextlib
import datetime as dt
import io
import itertools
import json
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import attrs
import numpy as np
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import cli
from support.foreign import Lying

UTC = dt.UTC
START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)
NOW = dt.datetime(2026, 2, 1, 9, tzinfo=UTC)
R = duloxinfo.Regimen(60, [dt.time(8)], "Europe/London", START)
T8, T20 = dt.time(8), dt.time(20)
HUGE = "x" * 1_000_000
FIXTURES = Path(__file__).parent.parent / "fixtures"


class _NoOffset(dt.tzinfo):
    """A tzinfo of one's own that leaves utcoffset out: the base class raises."""

    def __repr__(self):
        return "_NoOffset()"


class _NoDst(dt.tzinfo):
    """A tzinfo of one's own with an offset but no dst(): it cannot convert instants."""

    def utcoffset(self, _):
        return dt.timedelta(hours=1)

    def __repr__(self):
        return "_NoDst()"


class Case(NamedTuple):
    """One bad input: the public callable, the input in words, a call, the error, its text."""

    where: str
    given: str
    call: object
    error: type[Exception]
    text: str


def regimen(dose=60, times=(T8,), tz="Europe/London", start=START):
    return duloxinfo.Regimen(dose, list(times), tz, start)


def advise(intakes=(), now=NOW, reg=R):
    return duloxinfo.advise_missed_dose(reg, list(intakes), now)


def _negative_duration_guide():
    guide = duloxinfo.guide()
    step = attrs.evolve(guide.how_to_take.starting, duration=dt.timedelta(days=-1))
    return attrs.evolve(guide, how_to_take=attrs.evolve(guide.how_to_take, starting=step))


def _dosage(**changes):
    return {**duloxinfo.to_fhir_dosage(R), **changes}


_GTS = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation"
_RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
_MG25 = {"value": 25, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}


def _request(**changes):
    return {**duloxinfo.to_fhir_medication_request(R, subject="Patient/1"), **changes}


def _regimen30():
    return duloxinfo.Regimen(30, [T8], "Europe/London", START)


def _zone_from_file(kind=ZoneInfo):
    """Europe/London read from a copy of its tz database file: a ZoneInfo with no key."""
    with (FIXTURES / "Europe-London.tzif").open("rb") as file:
        return kind.from_file(file)


class _Zone(ZoneInfo):
    """A subclass of ZoneInfo, as pendulum's Timezone is."""

    def __repr__(self):
        return f"_Zone({self.key!r})"


WEEK = duloxinfo.Regimen(30, [T8], "UTC", START, end=START + dt.timedelta(days=7))
E = duloxinfo  # the error classes, as duloxinfo exports them
LOG = duloxinfo.dose_log(R, [], START, NOW)

CASES = [
    # Regimen
    Case(
        "Regimen",
        "naive start",
        lambda: regimen(start=dt.datetime(2026, 1, 5)),
        E.NaiveDatetimeError,
        "start: 2026-01-05T00:00:00 has no time zone",
    ),
    Case(
        "Regimen",
        "start in year 1",
        lambda: regimen(start=dt.datetime(1, 1, 1, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "start: 0001-01-01",
    ),
    Case(
        "Regimen",
        "start in year 9999",
        lambda: regimen(start=dt.datetime(9999, 1, 1, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "start: 9999-01-01",
    ),
    Case(
        "Regimen",
        "start's tzinfo has no utcoffset",
        lambda: regimen(start=dt.datetime(2026, 1, 5, tzinfo=_NoOffset())),
        E.InvalidDatetimeError,
        "start: its tzinfo _NoOffset _NoOffset() gives no valid offset",
    ),
    Case(
        "Regimen",
        "start is a string",
        lambda: regimen(start="2026-01-05"),
        E.WrongTypeError,
        "start: expected an aware datetime, got str '2026-01-05'",
    ),
    Case(
        "Regimen",
        "start is a date",
        lambda: regimen(start=dt.date(2026, 1, 5)),
        E.WrongTypeError,
        "start: expected an aware datetime, got date",
    ),
    Case(
        "Regimen",
        "start is a million characters",
        lambda: regimen(start=HUGE),
        E.WrongTypeError,
        "start: expected an aware datetime, got str 'xxx",
    ),
    Case(
        "Regimen",
        "dose 0",
        lambda: regimen(dose=0),
        E.DoseError,
        "dose_mg: 0 mg is not a positive dose",
    ),
    Case(
        "Regimen",
        "dose -30",
        lambda: regimen(dose=-30),
        E.DoseError,
        "dose_mg: -30 mg is not a positive dose",
    ),
    Case(
        "Regimen",
        "dose 10 (below the smallest capsule)",
        lambda: regimen(dose=10),
        E.DoseError,
        "dose_mg: 10 mg cannot be made",
    ),
    Case(
        "Regimen",
        "dose 30.5 (fractional)",
        lambda: regimen(dose=30.5),
        E.WrongTypeError,
        "dose_mg: expected a whole number of mg, got float 30.5",
    ),
    Case(
        "Regimen",
        "dose 30.0 (a float)",
        lambda: regimen(dose=30.0),
        E.WrongTypeError,
        "got float 30.0",
    ),
    Case(
        "Regimen",
        "dose True (boolean)",
        lambda: regimen(dose=True),
        E.WrongTypeError,
        "got bool True",
    ),
    Case(
        "Regimen",
        "dose '60' (string)",
        lambda: regimen(dose="60"),
        E.WrongTypeError,
        "got str '60'",
    ),
    Case(
        "Regimen",
        "dose 10**30 (huge)",
        lambda: regimen(dose=10**30),
        E.DoseError,
        "dose_mg: 1000000000000000000000000000000 mg",
    ),
    Case(
        "Regimen",
        "dose 10**5000 (more digits than Python prints)",
        lambda: regimen(dose=10**5000),
        E.DoseError,
        "dose_mg: (an integer of about 5000 digits)",
    ),
    Case(
        "Regimen",
        "dose 25 (no capsule combination)",
        lambda: regimen(dose=25),
        E.DoseError,
        "dose_mg: 25 mg cannot be made of whole capsules",
    ),
    Case(
        "Regimen",
        "150 mg once a day",
        lambda: regimen(dose=150),
        E.DoseError,
        "150 mg is over the label's maximum of 120 mg",
    ),
    Case(
        "Regimen",
        "70 mg twice a day (140 mg)",
        lambda: regimen(dose=70, times=(T8, T20)),
        E.DoseError,
        "dose_mg: 70 mg x 2 a day = 140 mg is over the label's maximum of 120 mg a day",
    ),
    Case(
        "Regimen",
        "no times",
        lambda: regimen(times=()),
        E.ScheduleError,
        "times: 0 times a day given",
    ),
    Case(
        "Regimen",
        "08:00 twice",
        lambda: regimen(times=(T8, T8)),
        E.ScheduleError,
        "times: 08:00:00 is given twice",
    ),
    Case(
        "Regimen",
        "three times a day",
        lambda: regimen(dose=20, times=(T8, dt.time(14), T20)),
        E.ScheduleError,
        "times: 3 times a day given",
    ),
    Case(
        "Regimen",
        "a time with a zone",
        lambda: regimen(times=(dt.time(8, tzinfo=UTC),)),
        E.ScheduleError,
        "times[0]: 08:00:00+00:00 carries a time zone",
    ),
    Case(
        "Regimen",
        "time '08:00' in a list (string)",
        lambda: regimen(times=("08:00",)),
        E.WrongTypeError,
        "times[0]: expected a datetime.time, got str '08:00'",
    ),
    Case(
        "Regimen",
        "times '08:00' (a string)",
        lambda: duloxinfo.Regimen(60, "08:00", "UTC", START),
        E.WrongTypeError,
        "times: expected datetime.time values, got str '08:00'",
    ),
    Case(
        "Regimen",
        "times 5 (a number)",
        lambda: duloxinfo.Regimen(60, 5, "UTC", START),
        E.WrongTypeError,
        "times: expected datetime.time values, got int 5",
    ),
    Case(
        "Regimen",
        "zone 'Europe/Lundon' (misspelt)",
        lambda: regimen(tz="Europe/Lundon"),
        E.TimeZoneError,
        "tz: 'Europe/Lundon' is not a known IANA time zone",
    ),
    Case(
        "Regimen",
        "zone 'GMT+1' (not IANA)",
        lambda: regimen(tz="GMT+1"),
        E.TimeZoneError,
        "tz: 'GMT+1'",
    ),
    Case(
        "Regimen",
        "zone '../etc/passwd'",
        lambda: regimen(tz="../etc/passwd"),
        E.TimeZoneError,
        "tz: '../etc/passwd'",
    ),
    Case(
        "Regimen",
        "zone of a million characters",
        lambda: regimen(tz=HUGE),
        E.TimeZoneError,
        "tz: 'xxxxx",
    ),
    Case(
        "Regimen",
        "zone 1 (a number)",
        lambda: regimen(tz=1),
        E.WrongTypeError,
        "tz: expected an IANA zone name or a ZoneInfo, got int 1",
    ),
    Case(
        "Regimen",
        "zone datetime.UTC (not a ZoneInfo)",
        lambda: regimen(tz=UTC),
        E.WrongTypeError,
        "tz: expected an IANA zone name or a ZoneInfo, got timezone",
    ),
    Case(
        "Regimen",
        "zone 'Europe' (a folder of zones)",
        lambda: regimen(tz="Europe"),
        E.TimeZoneError,
        "tz: 'Europe' is not a known IANA time zone",
    ),
    Case(
        "Regimen",
        "zone 'America/Argentina' (a folder of zones)",
        lambda: regimen(tz="America/Argentina"),
        E.TimeZoneError,
        "tz: 'America/Argentina' is not a known IANA time zone",
    ),
    Case(
        "Regimen",
        "zone with a part of 300 characters",
        lambda: regimen(tz="Europe/" + "a" * 300),
        E.TimeZoneError,
        "tz: 'Europe/aaaa",
    ),
    Case(
        "Regimen",
        "zone 'localtime' (this machine's zone)",
        lambda: regimen(tz="localtime"),
        E.TimeZoneError,
        "tz: 'localtime' is not the zone of a place",
    ),
    Case(
        "Regimen",
        "zone 'Factory'",
        lambda: regimen(tz="Factory"),
        E.TimeZoneError,
        "tz: 'Factory' is not the zone of a place",
    ),
    Case(
        "Regimen",
        "zone 'right/Europe/London' (leap seconds)",
        lambda: regimen(tz="right/Europe/London"),
        E.TimeZoneError,
        "tz: 'right/Europe/London' is not the zone of a place",
    ),
    Case(
        "Regimen",
        "a ZoneInfo read from a file (no name)",
        lambda: regimen(tz=_zone_from_file()),
        E.TimeZoneError,
        "was loaded from a file and has no name",
    ),
    Case(
        "Regimen",
        "08:00 and 08:01 twice daily (times too close)",
        lambda: regimen(dose=30, times=(T8, dt.time(8, 1))),
        E.ScheduleError,
        "times: 08:00:00 and 08:01:00 are 0 h 01 min apart on the clock; twice daily times "
        "must be at least 6 h 00 min apart",
    ),
    Case(
        "Regimen",
        "an end before the start",
        lambda: duloxinfo.Regimen(60, [T8], "UTC", START, end=START - dt.timedelta(days=1)),
        E.ScheduleError,
        "end: 2026-01-04T08:00:00+00:00 is not after start (2026-01-05T08:00:00+00:00)",
    ),
    Case(
        "Regimen",
        "an end before the first dose",
        lambda: duloxinfo.Regimen(60, [T8], "UTC", START, end=START),
        E.ScheduleError,
        "end: 2026-01-05T08:00:00+00:00 is not after start",
    ),
    Case(
        "Regimen",
        "an end that leaves no dose",
        lambda: duloxinfo.Regimen(
            60, [T8], "UTC", START + dt.timedelta(hours=1), end=START + dt.timedelta(hours=2)
        ),
        E.ScheduleError,
        "end: 2026-01-05T10:00:00+00:00 leaves no dose after start (2026-01-05T09:00:00+00:00); "
        "the first would be at 2026-01-06T08:00:00+00:00",
    ),
    Case(
        "Regimen",
        "naive end",
        lambda: duloxinfo.Regimen(60, [T8], "UTC", START, end=dt.datetime(2026, 2, 1)),
        E.NaiveDatetimeError,
        "end: 2026-02-01T00:00:00 has no time zone",
    ),
    # Plan and titration_plan
    Case(
        "Plan",
        "overlapping phases",
        lambda: duloxinfo.Plan([WEEK, duloxinfo.Regimen(60, [T8], "UTC", START)]),
        E.ScheduleError,
        "phases[1].start: 2026-01-05T08:00:00+00:00 is before the phase before it ends "
        "(2026-01-12T08:00:00+00:00); phases may not overlap",
    ),
    Case(
        "Plan",
        "a phase with no end before another",
        lambda: duloxinfo.Plan([R, WEEK]),
        E.ScheduleError,
        "phases[0].end: missing, but another phase follows it",
    ),
    Case(
        "Plan",
        "no phases",
        lambda: duloxinfo.Plan([]),
        E.ScheduleError,
        "phases: no regimen given; a plan needs at least one",
    ),
    Case(
        "Plan",
        "a phase every minute for 30 days (43,200 phases), given as a generator",
        lambda: duloxinfo.Plan(
            duloxinfo.Regimen(
                60,
                [(START + i * dt.timedelta(minutes=1)).time()],
                "UTC",
                START + i * dt.timedelta(minutes=1),
                end=START + (i + 1) * dt.timedelta(minutes=1),
            )
            for i in range(43_200)
        ),
        E.ScheduleError,
        "phases: more than 1,000 phases given; a plan holds at most 1,000",
    ),
    Case(
        "Plan",
        "a phase that is a dict",
        lambda: duloxinfo.Plan([WEEK, {"dose_mg": 60}]),
        E.WrongTypeError,
        "phases[1]: expected a duloxinfo.Regimen, got dict {'dose_mg': 60}",
    ),
    Case(
        "Plan",
        "one Regimen, not a list of them",
        lambda: duloxinfo.Plan(R),
        E.WrongTypeError,
        "phases: expected an iterable of Regimen, got Regimen",
    ),
    Case(
        "titration_plan",
        "naive start",
        lambda: duloxinfo.titration_plan(dt.datetime(2026, 1, 5), "UTC", T8),
        E.NaiveDatetimeError,
        "start: 2026-01-05T00:00:00 has no time zone",
    ),
    Case(
        "titration_plan",
        "start too late for the week",
        lambda: duloxinfo.titration_plan(dt.datetime(9998, 12, 28, tzinfo=UTC), "UTC", T8),
        E.InvalidDatetimeError,
        "start: 9998-12-28T00:00:00+00:00 leaves no room for the starting week",
    ),
    Case(
        "titration_plan",
        "at '08:00' (a string)",
        lambda: duloxinfo.titration_plan(START, "UTC", "08:00"),
        E.WrongTypeError,
        "at: expected a datetime.time, got str '08:00'",
    ),
    Case(
        "titration_plan",
        "zone 'Europe/Lundon'",
        lambda: duloxinfo.titration_plan(START, "Europe/Lundon", T8),
        E.TimeZoneError,
        "tz: 'Europe/Lundon' is not a known IANA time zone",
    ),
    Case(
        "titration_plan",
        "at 08:00 UTC (a time with a zone)",
        lambda: duloxinfo.titration_plan(START, "UTC", dt.time(8, tzinfo=UTC)),
        E.ScheduleError,
        "times[0]: 08:00:00+00:00 carries a time zone",
    ),
    # Intake and IntakeHistory
    Case(
        "Intake",
        "naive at",
        lambda: duloxinfo.Intake(dt.datetime(2026, 1, 6, 8), 60),
        E.NaiveDatetimeError,
        "at: 2026-01-06T08:00:00 has no time zone",
    ),
    Case(
        "Intake",
        "at is a string",
        lambda: duloxinfo.Intake("2026-01-06T08:00", 60),
        E.WrongTypeError,
        "at: expected an aware datetime, got str",
    ),
    Case(
        "Intake",
        "325 mg (another drug's amount)",
        lambda: duloxinfo.Intake(NOW, 325),
        E.DoseError,
        "dose_mg: 325 mg",
    ),
    Case(
        "Intake",
        "60,000 mg (a number typed twice)",
        lambda: duloxinfo.Intake(NOW, 60_000),
        E.DoseError,
        "dose_mg: 60000 mg is more than one intake may record (10,000 mg)",
    ),
    Case(
        "Intake",
        "a dose of 5,000 digits",
        lambda: duloxinfo.Intake(NOW, 10**5000),
        E.DoseError,
        "dose_mg: (an integer of about 5000 digits) mg is more than one intake may record",
    ),
    Case(
        "Intake",
        "0.5 mg",
        lambda: duloxinfo.Intake(NOW, 0.5),
        E.WrongTypeError,
        "dose_mg: expected a whole number of mg, got float 0.5",
    ),
    Case(
        "Intake",
        "certain 'no' (a string)",
        lambda: duloxinfo.Intake(NOW, 60, "no"),
        E.WrongTypeError,
        "certain: expected True or False, got str 'no'",
    ),
    Case(
        "IntakeHistory",
        "an item that is not an Intake",
        lambda: duloxinfo.IntakeHistory(["2026-01-06T08:00"]),
        E.WrongTypeError,
        "intakes[0]: expected an Intake, got str '2026-01-06T08:00'",
    ),
    Case(
        "IntakeHistory",
        "not iterable",
        lambda: duloxinfo.IntakeHistory(5),
        E.WrongTypeError,
        "intakes: expected an iterable of Intake, got int 5",
    ),
    # the rules
    Case(
        "advise_missed_dose",
        "naive now",
        lambda: advise(now=dt.datetime(2026, 2, 1, 9)),
        E.NaiveDatetimeError,
        "now: 2026-02-01T09:00:00",
    ),
    Case(
        "advise_missed_dose",
        "an intake after now",
        lambda: advise([duloxinfo.Intake(NOW + dt.timedelta(hours=1), 60)]),
        E.HistoryError,
        "an intake at 2026-02-01T10:00:00+00:00 is after now",
    ),
    Case(
        "advise_missed_dose",
        "now in year 9999",
        lambda: advise(now=dt.datetime(9999, 1, 1, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "now: 9999-01-01",
    ),
    Case(
        "advise_missed_dose",
        "now a datetime subclass whose offset is not its zone's",
        lambda: advise(now=Lying(2026, 2, 1, 9, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "now: Lying Lying(2026, 2, 1, 9, 0, tzinfo=datetime.timezone.utc) gives itself the "
        "offset UTC+01:00, but its tzinfo gives UTC for its wall time",
    ),
    Case(
        "advise_missed_dose",
        "now in a subclass of ZoneInfo read from a file (no name)",
        lambda: advise(now=dt.datetime(2026, 2, 1, 9, tzinfo=_zone_from_file(_Zone))),
        E.InvalidDatetimeError,
        "now: its tzinfo _Zone _Zone(None) is not a zone the time zone database names",
    ),
    Case(
        "advise_missed_dose",
        "plan is a dict",
        lambda: duloxinfo.advise_missed_dose({"dose_mg": 60}, [], NOW),
        E.WrongTypeError,
        "plan: expected a duloxinfo.Plan or Regimen, got dict {'dose_mg': 60}",
    ),
    Case(
        "advise_missed_dose",
        "plan is a list of regimens",
        lambda: duloxinfo.advise_missed_dose([R], [], NOW),
        E.WrongTypeError,
        "plan: expected a duloxinfo.Plan or Regimen, got list [Regimen(",
    ),
    Case(
        "advise_missed_dose",
        "intakes 5 (a number)",
        lambda: duloxinfo.advise_missed_dose(R, 5, NOW),
        E.WrongTypeError,
        "intakes: expected an iterable of Intake, got int 5",
    ),
    Case(
        "audit",
        "intakes are numbers",
        lambda: duloxinfo.audit(R, [1, 2]),
        E.WrongTypeError,
        "intakes[0]: expected an Intake, got int 1",
    ),
    Case(
        "audit",
        "plan is None",
        lambda: duloxinfo.audit(None, []),
        E.WrongTypeError,
        "plan: expected a duloxinfo.Plan or Regimen, got NoneType None",
    ),
    Case(
        "titration_status",
        "naive now",
        lambda: duloxinfo.titration_status(R, [], dt.datetime(2026, 2, 1)),
        E.NaiveDatetimeError,
        "now: ",
    ),
    Case(
        "titration_status",
        "intakes is a string",
        lambda: duloxinfo.titration_status(R, "08:00", NOW),
        E.WrongTypeError,
        "intakes: expected an iterable of Intake, got str",
    ),
    Case(
        "titration_status",
        "an intake after now",
        lambda: duloxinfo.titration_status(
            R, [duloxinfo.Intake(NOW + dt.timedelta(hours=1), 30)], NOW
        ),
        E.HistoryError,
        "is after now",
    ),
    Case(
        "supply_forecast",
        "strength 25 mg",
        lambda: duloxinfo.supply_forecast(R, 25, 10, NOW),
        E.DoseError,
        "strength_mg: 25 is not a marketed capsule strength",
    ),
    Case(
        "supply_forecast",
        "strength '60' (string)",
        lambda: duloxinfo.supply_forecast(R, "60", 10, NOW),
        E.WrongTypeError,
        "strength_mg: expected a whole number of mg, got str '60'",
    ),
    Case(
        "supply_forecast",
        "40 mg capsules for a 60 mg dose",
        lambda: duloxinfo.supply_forecast(R, 40, 10, NOW),
        E.SupplyError,
        "whole 40 mg capsules cannot make the 60 mg dose",
    ),
    Case(
        "supply_forecast",
        "count -1",
        lambda: duloxinfo.supply_forecast(R, 60, -1, NOW),
        E.SupplyError,
        "count: expected a number of capsules of at least 0, got -1",
    ),
    Case(
        "supply_forecast",
        "count 2.5",
        lambda: duloxinfo.supply_forecast(R, 60, 2.5, NOW),
        E.WrongTypeError,
        "count: expected a whole number of capsules, got float 2.5",
    ),
    Case(
        "supply_forecast",
        "count 10**9",
        lambda: duloxinfo.supply_forecast(R, 60, 10**9, NOW),
        E.SupplyError,
        "count: 1000000000 capsules last more than 3660 days",
    ),
    Case(
        "supply_forecast",
        "lead time 5 hours",
        lambda: duloxinfo.supply_forecast(R, 60, 10, NOW, lead_time=dt.timedelta(hours=5)),
        E.SupplyError,
        "lead_time: expected whole days",
    ),
    Case(
        "supply_forecast",
        "lead time -1 day",
        lambda: duloxinfo.supply_forecast(R, 60, 10, NOW, lead_time=dt.timedelta(days=-1)),
        E.SupplyError,
        "lead_time: expected whole days of at least 0",
    ),
    Case(
        "supply_forecast",
        "lead time 7 (a number)",
        lambda: duloxinfo.supply_forecast(R, 60, 10, NOW, lead_time=7),
        E.WrongTypeError,
        "lead_time: expected a datetime.timedelta, got int 7",
    ),
    Case(
        "supply_forecast",
        "now in year 1",
        lambda: duloxinfo.supply_forecast(R, 60, 10, dt.datetime(1, 1, 1, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "now: 0001-01-01",
    ),
    Case(
        "dose_times",
        "end before start",
        lambda: duloxinfo.dose_times(R, NOW, START),
        E.ScheduleError,
        "end: 2026-01-05T08:00:00+00:00 is before start",
    ),
    Case(
        "dose_times",
        "twenty years",
        lambda: duloxinfo.dose_times(R, NOW, NOW.replace(year=2046)),
        E.ScheduleError,
        "more than 3660 days",
    ),
    Case(
        "dose_times",
        "naive end",
        lambda: duloxinfo.dose_times(R, NOW, dt.datetime(2026, 2, 2)),
        E.NaiveDatetimeError,
        "end: 2026-02-02T00:00:00 has no time zone",
    ),
    Case(
        "dose_times",
        "start is a date",
        lambda: duloxinfo.dose_times(R, dt.date(2026, 2, 1), NOW),
        E.WrongTypeError,
        "start: expected an aware datetime, got date",
    ),
    Case(
        "next_doses",
        "no doses",
        lambda: duloxinfo.next_doses(R, NOW, 0),
        E.ScheduleError,
        "count: 0 is not between 1 and 100",
    ),
    Case(
        "next_doses",
        "too many",
        lambda: duloxinfo.next_doses(R, NOW, 10**6),
        E.ScheduleError,
        "count: 1000000 is not between 1 and 100",
    ),
    Case(
        "next_doses",
        "count is a float",
        lambda: duloxinfo.next_doses(R, NOW, 3.0),
        E.WrongTypeError,
        "count: expected a whole number, got float 3.0",
    ),
    Case(
        "next_doses",
        "count is numpy's float64",
        lambda: duloxinfo.next_doses(R, NOW, np.float64(3)),
        E.WrongTypeError,
        "count: expected a whole number, got float64 np.float64(3.0)",
    ),
    Case(
        "next_doses",
        "count is numpy's True",
        lambda: duloxinfo.next_doses(R, NOW, np.True_),
        E.WrongTypeError,
        "count: expected a whole number, got bool np.True_",
    ),
    Case(
        "next_doses",
        "now in year 1",
        lambda: duloxinfo.next_doses(R, dt.datetime(1, 1, 1, tzinfo=UTC), 3),
        E.InvalidDatetimeError,
        "now: 0001-01-01",
    ),
    Case(
        "plan_with_trip",
        "a return before the arrival",
        lambda: duloxinfo.plan_with_trip(R, arrives_at=NOW, to_zone="Asia/Tokyo", returns_at=START),
        E.ScheduleError,
        "returns_at: 2026-01-05T08:00:00+00:00 is not after arrives_at (2026-02-01T09:00:00+00:00)",
    ),
    Case(
        "plan_with_trip",
        "naive arrival",
        lambda: duloxinfo.plan_with_trip(R, arrives_at=dt.datetime(2026, 2, 1), to_zone="UTC"),
        E.NaiveDatetimeError,
        "arrives_at: 2026-02-01T00:00:00 has no time zone",
    ),
    Case(
        "plan_with_trip",
        "return in year 9999",
        lambda: duloxinfo.plan_with_trip(
            R, arrives_at=NOW, to_zone="UTC", returns_at=dt.datetime(9999, 1, 1, tzinfo=UTC)
        ),
        E.InvalidDatetimeError,
        "returns_at: 9999-01-01T00:00:00+00:00 is outside the supported years",
    ),
    Case(
        "plan_with_trip",
        "zone 'Asia/Tokio' (misspelt)",
        lambda: duloxinfo.plan_with_trip(R, arrives_at=NOW, to_zone="Asia/Tokio"),
        E.TimeZoneError,
        "to_zone: 'Asia/Tokio' is not a known IANA time zone",
    ),
    Case(
        "plan_with_trip",
        "arrival as a string",
        lambda: duloxinfo.plan_with_trip(R, arrives_at="2026-02-01T09:00Z", to_zone="UTC"),
        E.WrongTypeError,
        "arrives_at: expected an aware datetime, got str",
    ),
    Case(
        "plan_with_trip",
        "a plan of 1,000 phases and a trip inside it",
        lambda: duloxinfo.plan_with_trip(
            duloxinfo.Plan(
                duloxinfo.Regimen(
                    30,
                    [T8, T20],
                    "UTC",
                    START + dt.timedelta(days=i),
                    end=START + dt.timedelta(days=i + 1),
                )
                for i in range(1000)
            ),
            arrives_at=START + dt.timedelta(days=3, hours=6),
            to_zone="Asia/Tokyo",
            returns_at=START + dt.timedelta(days=5, hours=6),
        ),
        E.ScheduleError,
        "plan: 1,000 phases and the trip make 1,002; a plan holds at most 1,000",
    ),
    # exchange
    Case(
        "to_fhir_dosage",
        "regimen is a dict",
        lambda: duloxinfo.to_fhir_dosage({"dose_mg": 60}),
        E.WrongTypeError,
        "regimen: expected a duloxinfo.Regimen",
    ),
    Case(
        "from_fhir_dosage",
        "a list",
        lambda: duloxinfo.from_fhir_dosage([], "UTC"),
        E.WrongTypeError,
        "dosage: expected a FHIR Dosage (a mapping of parsed JSON), got list []",
    ),
    Case(
        "from_fhir_dosage",
        "timing 'when': morning, with no start",
        lambda: duloxinfo.from_fhir_dosage(_dosage(timing={"repeat": {"when": ["MORN"]}}), "UTC"),
        E.FhirError,
        "timing.repeat.boundsPeriod.start: missing; the Dosage does not say when it starts",
    ),
    Case(
        "from_fhir_dosage",
        "timing 'when': before breakfast (no clock time)",
        lambda: duloxinfo.from_fhir_dosage(
            _dosage(timing={"repeat": {"when": ["ACM"]}}), "UTC", start=START
        ),
        E.FhirError,
        "timing.repeat.when[0]: 'ACM' has no clock time; pass event_times=",
    ),
    Case(
        "from_fhir_dosage",
        "how often but no times",
        lambda: duloxinfo.from_fhir_dosage(
            _dosage(timing={"code": {"coding": [{"system": _GTS, "code": "QD"}]}}),
            "UTC",
            start=START,
        ),
        E.FhirError,
        "timing.repeat.timeOfDay: missing; the Dosage says how often (1 a day, but not at "
        "what times), so pass times=",
    ),
    Case(
        "from_fhir_dosage",
        "as needed",
        lambda: duloxinfo.from_fhir_dosage(_dosage(asNeededBoolean=True), "UTC"),
        E.FhirError,
        "asNeededBoolean: True is not supported; duloxetine is taken every day",
    ),
    Case(
        "from_fhir_dosage",
        "event_times of strings",
        lambda: duloxinfo.from_fhir_dosage(_dosage(), "UTC", event_times={"MORN": "08:00"}),
        E.WrongTypeError,
        "event_times[MORN]: expected a datetime.time, got str '08:00'",
    ),
    Case(
        "from_fhir_dosages",
        "times with a zone",
        lambda: duloxinfo.from_fhir_dosages([_dosage()], "UTC", times=[dt.time(8, tzinfo=dt.UTC)]),
        E.ScheduleError,
        "times[0]: 08:00:00+00:00 carries a time zone; give the zone as tz",
    ),
    Case(
        "from_fhir_medication_request",
        "a list",
        lambda: duloxinfo.from_fhir_medication_request([]),
        E.WrongTypeError,
        "resource: expected a FHIR MedicationRequest (a mapping of parsed JSON), got list []",
    ),
    Case(
        "from_fhir_medication_request",
        "sertraline's RxNorm code",
        lambda: duloxinfo.from_fhir_medication_request(
            _request(medicationCodeableConcept={"coding": [{"system": _RXNORM, "code": "36437"}]})
        ),
        E.FhirError,
        "medicationCodeableConcept.coding[0].code: '36437' is not a RxNorm code of duloxetine",
    ),
    Case(
        "from_fhir_medication_request",
        "20 mg capsules for a 30 mg dose",
        lambda: duloxinfo.from_fhir_medication_request(
            _request(
                medicationCodeableConcept={"coding": [{"system": _RXNORM, "code": "596926"}]},
                dosageInstruction=[duloxinfo.to_fhir_dosage(_regimen30())],
            )
        ),
        E.FhirError,
        "dosageInstruction[0].doseAndRate[0].doseQuantity.value: 30 mg cannot be made of "
        "whole 20 mg capsules",
    ),
    Case(
        "from_fhir_medication_request",
        "a 25 mg dose",
        lambda: duloxinfo.from_fhir_medication_request(
            _request(dosageInstruction=[_dosage(doseAndRate=[{"doseQuantity": _MG25}])])
        ),
        E.DoseError,
        "dosageInstruction[0].doseAndRate[0].doseQuantity.value: 25 mg cannot be made",
    ),
    Case(
        "from_fhir_medication_request",
        "08:00 twice",
        lambda: duloxinfo.from_fhir_medication_request(
            _request(
                dosageInstruction=[
                    _dosage(
                        timing={
                            "repeat": {
                                **_dosage()["timing"]["repeat"],
                                "frequency": 2,
                                "timeOfDay": ["08:00:00", "08:00:00"],
                            }
                        }
                    )
                ]
            )
        ),
        E.ScheduleError,
        "dosageInstruction[0].timing.repeat.timeOfDay: 08:00:00 is given twice",
    ),
    Case(
        "from_fhir_medication_request",
        "zone 'Mars/Olympus'",
        lambda: duloxinfo.from_fhir_medication_request(_request(), "Mars/Olympus"),
        E.TimeZoneError,
        "tz: 'Mars/Olympus' is not a known IANA time zone",
    ),
    Case(
        "from_fhir_medication_request",
        "a start date in the year 1",
        lambda: duloxinfo.from_fhir_medication_request(
            _request(
                dosageInstruction=[
                    _dosage(
                        timing={
                            "repeat": {
                                **_dosage()["timing"]["repeat"],
                                "boundsPeriod": {"start": "0001-06-01"},
                            }
                        }
                    )
                ]
            ),
            "UTC",
        ),
        E.InvalidDatetimeError,
        "dosageInstruction[0].timing.repeat.boundsPeriod.start: 0001-06-01 is outside the "
        "supported years",
    ),
    Case(
        "from_fhir_dosage",
        "a 25 mg dose",
        lambda: duloxinfo.from_fhir_dosage(
            _dosage(
                doseAndRate=[
                    {
                        "doseQuantity": {
                            "value": 25,
                            "unit": "mg",
                            "system": "http://unitsofmeasure.org",
                            "code": "mg",
                        }
                    }
                ]
            ),
            "UTC",
        ),
        E.DoseError,
        "doseAndRate[0].doseQuantity.value: 25 mg cannot be made",
    ),
    Case(
        "from_fhir_dosage",
        "08:00 twice",
        lambda: duloxinfo.from_fhir_dosage(
            _dosage(
                timing={
                    "repeat": {
                        "frequency": 2,
                        "period": 1,
                        "periodUnit": "d",
                        "timeOfDay": ["08:00:00", "08:00:00"],
                        "boundsPeriod": {"start": "2026-01-05T08:00:00+00:00"},
                    }
                }
            ),
            "UTC",
        ),
        E.ScheduleError,
        "timing.repeat.timeOfDay: 08:00:00 is given twice",
    ),
    Case(
        "from_fhir_dosage",
        "zone 'Mars/Olympus'",
        lambda: duloxinfo.from_fhir_dosage(_dosage(), "Mars/Olympus"),
        E.TimeZoneError,
        "tz: 'Mars/Olympus' is not a known IANA time zone",
    ),
    Case(
        "from_fhir_dosage",
        "start in year 1",
        lambda: duloxinfo.from_fhir_dosage(
            _dosage(), "UTC", start=dt.datetime(1, 1, 1, tzinfo=UTC)
        ),
        E.InvalidDatetimeError,
        "start: 0001-01-01",
    ),
    Case(
        "from_fhir_dosage",
        "a dose of 10**400 mg",
        lambda: duloxinfo.from_fhir_dosage(
            _dosage(
                doseAndRate=[
                    {
                        "doseQuantity": {
                            "value": 10**400,
                            "unit": "mg",
                            "system": "http://unitsofmeasure.org",
                            "code": "mg",
                        }
                    }
                ]
            ),
            "UTC",
        ),
        E.DoseError,
        "doseAndRate[0].doseQuantity.value: (an integer of about 400 digits) mg",
    ),
    Case(
        "from_fhir_dosage",
        "keys of two types",
        lambda: duloxinfo.from_fhir_dosage({**_dosage(), 1: "x"}, "UTC"),
        E.FhirError,
        "1: 'x' is not supported",
    ),
    Case(
        "fhir_medication",
        "strength 25",
        lambda: duloxinfo.fhir_medication(25),
        E.DoseError,
        "strength_mg: 25 is not a marketed capsule strength",
    ),
    Case(
        "fhir_medication",
        "strength '60' (string)",
        lambda: duloxinfo.fhir_medication("60"),
        E.WrongTypeError,
        "strength_mg: expected a whole number of mg, got str '60'",
    ),
    Case(
        "dose_calendar",
        "last day before first",
        lambda: duloxinfo.dose_calendar(R, dt.date(2026, 2, 2), dt.date(2026, 2, 1), created=NOW),
        E.ScheduleError,
        "last_day: 2026-02-01 is before first_day",
    ),
    Case(
        "dose_calendar",
        "first day in year 1",
        lambda: duloxinfo.dose_calendar(R, dt.date(1, 1, 1), dt.date(2026, 2, 1), created=NOW),
        E.InvalidDatetimeError,
        "first_day: 0001-01-01 is outside the supported years",
    ),
    Case(
        "dose_calendar",
        "eleven years",
        lambda: duloxinfo.dose_calendar(R, dt.date(2026, 3, 1), dt.date(2037, 3, 2), created=NOW),
        E.ScheduleError,
        "last_day: 2037-03-02 is more than 3660 days after first_day",
    ),
    Case(
        "dose_calendar",
        "naive created",
        lambda: duloxinfo.dose_calendar(
            R, dt.date(2026, 3, 1), dt.date(2026, 3, 2), created=dt.datetime(2026, 3, 1)
        ),
        E.NaiveDatetimeError,
        "created: 2026-03-01T00:00:00 has no time zone",
    ),
    Case(
        "dose_calendar",
        "first day is a datetime",
        lambda: duloxinfo.dose_calendar(R, NOW, dt.date(2026, 2, 1), created=NOW),
        E.WrongTypeError,
        "first_day: expected a date, got datetime",
    ),
    Case(
        "Regimen",
        "08:00:00.5 (a fraction of a second)",
        lambda: regimen(times=(dt.time(8, 0, 0, 500_000),)),
        E.ScheduleError,
        "times[0]: 08:00:00.500000 has a fraction of a second",
    ),
    Case(
        "to_fhir_dosage",
        "a maximum below the dose",
        lambda: duloxinfo.to_fhir_dosage(R, max_daily_mg=40),
        E.DoseError,
        "max_daily_mg: 40 mg a day is less than the 60 mg a day of phase 1",
    ),
    Case(
        "to_fhir_dosage",
        "an offset with seconds in the year 2",
        lambda: duloxinfo.to_fhir_dosage(
            duloxinfo.Regimen(
                60,
                [T8],
                "UTC",
                dt.datetime(2, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5, seconds=30))),
            )
        ),
        E.InvalidDatetimeError,
        "plan.phases[0].start: 0002-01-01T00:00:00+05:00:30 cannot be written in FHIR",
    ),
    Case(
        "to_fhir_dosages",
        "plan is a list",
        lambda: duloxinfo.to_fhir_dosages([R]),
        E.WrongTypeError,
        "plan: expected a duloxinfo.Plan or Regimen, got list",
    ),
    Case(
        "to_fhir_dosages",
        "a maximum of 60.0",
        lambda: duloxinfo.to_fhir_dosages(R, max_daily_mg=60.0),
        E.WrongTypeError,
        "max_daily_mg: expected a whole number of mg or None, got float 60.0",
    ),
    Case(
        "to_fhir_dosages",
        "a maximum over the label's",
        lambda: duloxinfo.to_fhir_dosages(R, max_daily_mg=180),
        E.DoseError,
        "max_daily_mg: 180 mg a day is over the label's maximum of 120 mg a day",
    ),
    Case(
        "to_fhir_dosages",
        "an offset with seconds in the year 9998",
        lambda: duloxinfo.to_fhir_dosages(
            duloxinfo.Regimen(
                60,
                [T8],
                "UTC",
                dt.datetime(
                    9998, 12, 31, 23, tzinfo=dt.timezone(-dt.timedelta(hours=5, seconds=30))
                ),
            )
        ),
        E.InvalidDatetimeError,
        "cannot be written in FHIR",
    ),
    Case(
        "to_fhir_medication_request",
        "subject is None",
        lambda: duloxinfo.to_fhir_medication_request(R, subject=None),
        E.WrongTypeError,
        "subject: expected a FHIR reference string, got NoneType None",
    ),
    Case(
        "to_fhir_medication_request",
        "subject is blank",
        lambda: duloxinfo.to_fhir_medication_request(R, subject="  "),
        E.FhirError,
        "subject: '  ' is not a reference to the patient",
    ),
    Case(
        "to_fhir_medication_request",
        "a maximum below the dose",
        lambda: duloxinfo.to_fhir_medication_request(R, subject="Patient/1", max_daily_mg=30),
        E.DoseError,
        "max_daily_mg: 30 mg a day is less than",
    ),
    Case(
        "to_fhir_medication_request",
        "an offset with seconds in the year 2",
        lambda: duloxinfo.to_fhir_medication_request(
            duloxinfo.Regimen(
                60,
                [T8],
                "UTC",
                dt.datetime(2, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5, seconds=30))),
            ),
            subject="Patient/1",
        ),
        E.InvalidDatetimeError,
        "plan.phases[0].start: 0002-01-01T00:00:00+05:00:30 cannot be written in FHIR",
    ),
    Case(
        "from_fhir_dosage",
        "a dose 'at most 60 mg' (comparator)",
        lambda: duloxinfo.from_fhir_dosage(
            _dosage(
                doseAndRate=[
                    {
                        "doseQuantity": {
                            "value": 60,
                            "comparator": "<=",
                            "unit": "mg",
                            "system": "http://unitsofmeasure.org",
                            "code": "mg",
                        }
                    }
                ]
            ),
            "UTC",
        ),
        E.FhirError,
        "doseAndRate[0].doseQuantity.comparator: '<=' is not supported",
    ),
    Case(
        "from_fhir_dosages",
        "a dict, not a list",
        lambda: duloxinfo.from_fhir_dosages(_dosage()),
        E.WrongTypeError,
        "dosages: expected a list of FHIR Dosage (parsed JSON), got dict",
    ),
    Case(
        "from_fhir_dosages",
        "two phases with sequence 1",
        lambda: duloxinfo.from_fhir_dosages([_dosage(), _dosage()]),
        E.FhirError,
        "dosages[1].sequence: 1 does not follow 1",
    ),
    Case(
        "from_fhir_dosages",
        "a 25 mg dose",
        lambda: duloxinfo.from_fhir_dosages(
            [
                _dosage(
                    doseAndRate=[
                        {
                            "doseQuantity": {
                                "value": 25,
                                "unit": "mg",
                                "system": "http://unitsofmeasure.org",
                                "code": "mg",
                            }
                        }
                    ]
                )
            ]
        ),
        E.DoseError,
        "dosages[0].doseAndRate[0].doseQuantity.value: 25 mg cannot be made",
    ),
    Case(
        "from_fhir_dosages",
        "08:00 twice",
        lambda: duloxinfo.from_fhir_dosages(
            [
                _dosage(
                    timing={
                        "repeat": {
                            "frequency": 2,
                            "period": 1,
                            "periodUnit": "d",
                            "timeOfDay": ["08:00:00", "08:00:00"],
                            "boundsPeriod": {"start": "2026-01-05T08:00:00+00:00"},
                        }
                    }
                )
            ],
            "UTC",
        ),
        E.ScheduleError,
        "dosages[0].timing.repeat.timeOfDay: 08:00:00 is given twice",
    ),
    Case(
        "from_fhir_dosages",
        "zone 'Mars/Olympus'",
        lambda: duloxinfo.from_fhir_dosages([_dosage()], "Mars/Olympus"),
        E.TimeZoneError,
        "tz: 'Mars/Olympus' is not a known IANA time zone",
    ),
    Case(
        "from_fhir_dosages",
        "start in year 1",
        lambda: duloxinfo.from_fhir_dosages(
            [
                _dosage(
                    timing={
                        "repeat": {
                            "frequency": 1,
                            "period": 1,
                            "periodUnit": "d",
                            "timeOfDay": ["08:00:00"],
                            "boundsPeriod": {"start": "0001-06-01T08:00:00Z"},
                        }
                    }
                )
            ],
            "UTC",
        ),
        E.InvalidDatetimeError,
        "dosages[0].timing.repeat.boundsPeriod.start: 0001-06-01T08:00:00+00:00 is outside the supported years",
    ),
    Case(
        "dose_calendar",
        "namespace is a string",
        lambda: duloxinfo.dose_calendar(
            R,
            dt.date(2026, 3, 1),
            dt.date(2026, 3, 2),
            created=NOW,
            namespace="0f7b6d0a-8d0e-4c1e-9a53-6d8f2b1e4c77",
        ),
        E.WrongTypeError,
        "namespace: expected a uuid.UUID or None, got str",
    ),
    Case(
        "dose_calendar",
        "a list for the plan",
        lambda: duloxinfo.dose_calendar([R], dt.date(2026, 3, 1), dt.date(2026, 3, 2), created=NOW),
        E.WrongTypeError,
        "plan: expected a duloxinfo.Plan or Regimen, got list",
    ),
    # issue 26: reminders before each dose, and repeating events
    Case(
        "dose_calendar",
        "alarm 121 minutes before a once-daily dose",
        lambda: duloxinfo.dose_calendar(
            R, dt.date(2026, 3, 1), dt.date(2026, 3, 2), created=NOW, alarm_minutes_before=121
        ),
        E.ScheduleError,
        "alarm_minutes_before: 121 minutes is earlier than a once-daily dose is on time; "
        "give 0 to 120 minutes",
    ),
    Case(
        "dose_calendar",
        "alarm 61 minutes before a twice-daily dose",
        lambda: duloxinfo.dose_calendar(
            duloxinfo.Regimen(30, [dt.time(8), dt.time(20)], "Europe/London", START),
            dt.date(2026, 3, 1),
            dt.date(2026, 3, 2),
            created=NOW,
            alarm_minutes_before=61,
        ),
        E.ScheduleError,
        "alarm_minutes_before: 61 minutes is earlier than a twice-daily dose is on time; "
        "give 0 to 60 minutes",
    ),
    Case(
        "dose_calendar",
        "alarm -5 minutes (after the dose)",
        lambda: duloxinfo.dose_calendar(
            R, dt.date(2026, 3, 1), dt.date(2026, 3, 2), created=NOW, alarm_minutes_before=-5
        ),
        E.ScheduleError,
        "alarm_minutes_before: -5 is not a time before the dose; give 0 to 120 minutes",
    ),
    Case(
        "dose_calendar",
        "alarm 15.0 (a float)",
        lambda: duloxinfo.dose_calendar(
            R, dt.date(2026, 3, 1), dt.date(2026, 3, 2), created=NOW, alarm_minutes_before=15.0
        ),
        E.WrongTypeError,
        "alarm_minutes_before: expected a whole number of minutes or None, got float 15.0",
    ),
    Case(
        "dose_calendar",
        "repeating 'yes' (a string)",
        lambda: duloxinfo.dose_calendar(
            R, dt.date(2026, 3, 1), dt.date(2026, 3, 2), created=NOW, repeating="yes"
        ),
        E.WrongTypeError,
        "repeating: expected True or False, got str 'yes'",
    ),
    # issue 16: fills, proportion of days covered, supply from fills, dose log, adherence
    Case(
        "Fill",
        "strength 25 mg",
        lambda: duloxinfo.Fill(dt.date(2026, 1, 5), 25, 30),
        E.DoseError,
        "strength_mg: 25 is not a marketed capsule strength",
    ),
    Case(
        "Fill",
        "0 capsules",
        lambda: duloxinfo.Fill(dt.date(2026, 1, 5), 60, 0),
        E.SupplyError,
        "capsules: expected a number of capsules of at least 1, got 0",
    ),
    Case(
        "Fill",
        "2.5 capsules",
        lambda: duloxinfo.Fill(dt.date(2026, 1, 5), 60, 2.5),
        E.WrongTypeError,
        "capsules: expected a whole number of capsules, got float 2.5",
    ),
    Case(
        "Fill",
        "dispensed_on a datetime",
        lambda: duloxinfo.Fill(NOW, 60, 30),
        E.WrongTypeError,
        "dispensed_on: expected a date, got datetime",
    ),
    Case(
        "Fill",
        "dispensed_on in year 1",
        lambda: duloxinfo.Fill(dt.date(1, 1, 1), 60, 30),
        E.InvalidDatetimeError,
        "dispensed_on: 0001-01-01 is outside the supported years 2 to 9998",
    ),
    Case(
        "proportion_of_days_covered",
        "last_day before first_day",
        lambda: duloxinfo.proportion_of_days_covered(
            R, [], dt.date(2026, 2, 1), dt.date(2026, 1, 31)
        ),
        E.ScheduleError,
        "last_day: 2026-01-31 is before the first day, 2026-02-01; the period includes both",
    ),
    Case(
        "proportion_of_days_covered",
        "a period before the plan",
        lambda: duloxinfo.proportion_of_days_covered(
            R, [], dt.date(2025, 1, 1), dt.date(2025, 12, 31)
        ),
        E.ScheduleError,
        "last_day: the plan schedules no dose from 2025-01-01 to 2025-12-31",
    ),
    Case(
        "proportion_of_days_covered",
        "a fill given as a string",
        lambda: duloxinfo.proportion_of_days_covered(
            R, ["60 mg x 30"], dt.date(2026, 1, 5), dt.date(2026, 2, 1)
        ),
        E.WrongTypeError,
        "fills[0]: expected a duloxinfo.Fill, got str '60 mg x 30'",
    ),
    Case(
        "proportion_of_days_covered",
        "first_day a datetime",
        lambda: duloxinfo.proportion_of_days_covered(R, [], NOW, dt.date(2026, 2, 1)),
        E.WrongTypeError,
        "first_day: expected a date, got datetime",
    ),
    Case(
        "proportion_of_days_covered",
        "last_day in year 9999",
        lambda: duloxinfo.proportion_of_days_covered(
            R, [], dt.date(2026, 1, 5), dt.date(9999, 1, 1)
        ),
        E.InvalidDatetimeError,
        "last_day: 9999-01-01 is outside the supported years 2 to 9998",
    ),
    Case(
        "supply_from_fills",
        "a fill dispensed after today",
        lambda: duloxinfo.supply_from_fills(
            R, fills=[duloxinfo.Fill(dt.date(2026, 2, 2), 60, 30)], now=NOW
        ),
        E.HistoryError,
        "fills[0]: dispensed on 2026-02-02, after today (2026-02-01)",
    ),
    Case(
        "supply_forecast",
        "an intake after now",
        lambda: duloxinfo.supply_forecast(
            R, 60, 10, NOW, intakes=[duloxinfo.Intake(NOW + dt.timedelta(hours=1), 60)]
        ),
        E.HistoryError,
        "intakes: an intake at",
    ),
    Case(
        "supply_from_fills",
        "now in year 1",
        lambda: duloxinfo.supply_from_fills(R, [], dt.datetime(1, 1, 1, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "now: 0001-01-01",
    ),
    Case(
        "supply_from_fills",
        "fills not a list of Fill",
        lambda: duloxinfo.supply_from_fills(R, fills=[(60, 30)], now=NOW),
        E.WrongTypeError,
        "fills[0]: expected a duloxinfo.Fill, got tuple (60, 30)",
    ),
    Case(
        "supply_from_fills",
        "fills lasting 20 years",
        lambda: duloxinfo.supply_from_fills(
            R, fills=[duloxinfo.Fill(dt.date(2026, 1, 5), 60, 7300)], now=NOW
        ),
        E.SupplyError,
        "fills: the capsules on hand last more than 3660 days",
    ),
    Case(
        "dose_log_svg",
        "a list of doses, not a log",
        lambda: duloxinfo.dose_log_svg(list(LOG.doses)),
        E.WrongTypeError,
        "log: expected a duloxinfo.DoseLog, got list",
    ),
    Case(
        "dose_log_svg",
        "title is a number",
        lambda: duloxinfo.dose_log_svg(LOG, title=5),
        E.WrongTypeError,
        "title: expected a str or None, got int 5",
    ),
    Case(
        "dose_log_svg",
        "a log made by hand with a naive slot",
        lambda: duloxinfo.dose_log_svg(
            attrs.evolve(LOG, doses=(attrs.evolve(LOG.doses[0], slot=dt.datetime(2026, 1, 5, 8)),))
        ),
        E.NaiveDatetimeError,
        "log.doses[0].slot: 2026-01-05T08:00:00 has no time zone",
    ),
    Case(
        "dose_log_svg",
        "a log made by hand with a 45 mg dose",
        lambda: duloxinfo.dose_log_svg(
            attrs.evolve(LOG, doses=(attrs.evolve(LOG.doses[0], dose_mg=45),))
        ),
        E.DoseError,
        "log.doses[0].dose_mg: 45 mg cannot be made of whole capsules",
    ),
    Case(
        "dose_log_svg",
        "a log made by hand spanning twenty years",
        lambda: duloxinfo.dose_log_svg(
            attrs.evolve(
                LOG,
                doses=(
                    LOG.doses[0],
                    attrs.evolve(LOG.doses[0], slot=LOG.doses[0].slot.replace(year=2046)),
                ),
            )
        ),
        E.ScheduleError,
        "log: its doses and intakes span 7306 local dates",
    ),
    Case(
        "adherence",
        "end in year 9999",
        lambda: duloxinfo.adherence(R, [], START, dt.datetime(9999, 1, 1, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "end: 9999-01-01T00:00:00+00:00 is outside the supported years",
    ),
    Case(
        "dose_log",
        "plan is a string",
        lambda: duloxinfo.dose_log("plan", [], START, NOW),
        E.WrongTypeError,
        "plan: expected a duloxinfo.Plan or Regimen",
    ),
    Case(
        "dose_log",
        "end before start",
        lambda: duloxinfo.dose_log(R, [], NOW, START),
        E.ScheduleError,
        "end: 2026-01-05T08:00:00+00:00 is before start",
    ),
    Case(
        "dose_log",
        "twenty years",
        lambda: duloxinfo.dose_log(R, [], NOW, NOW.replace(year=2046)),
        E.ScheduleError,
        "more than 3660 days",
    ),
    Case(
        "dose_log",
        "naive end",
        lambda: duloxinfo.dose_log(R, [], NOW, dt.datetime(2026, 2, 2)),
        E.NaiveDatetimeError,
        "end: 2026-02-02T00:00:00 has no time zone",
    ),
    Case(
        "dose_log",
        "end after now",
        lambda: duloxinfo.dose_log(R, [], START, NOW, now=NOW - dt.timedelta(hours=1)),
        E.ScheduleError,
        "end: 2026-02-01T09:00:00+00:00 is after now (2026-02-01T08:00:00+00:00)",
    ),
    Case(
        "dose_log",
        "an intake after now",
        lambda: duloxinfo.dose_log(
            R, [duloxinfo.Intake(NOW + dt.timedelta(hours=1), 60)], START, NOW, now=NOW
        ),
        E.HistoryError,
        "intakes: an intake at 2026-02-01T10:00:00+00:00 is after now",
    ),
    Case(
        "dose_log",
        "naive now",
        lambda: duloxinfo.dose_log(R, [], START, NOW, now=dt.datetime(2026, 2, 2)),
        E.NaiveDatetimeError,
        "now: 2026-02-02T00:00:00 has no time zone",
    ),
    Case(
        "adherence",
        "an intake after now",
        lambda: duloxinfo.adherence(
            R, [duloxinfo.Intake(NOW + dt.timedelta(hours=1), 60)], START, NOW, now=NOW
        ),
        E.HistoryError,
        "intakes: an intake at 2026-02-01T10:00:00+00:00 is after now",
    ),
    Case(
        "adherence",
        "now is a string",
        lambda: duloxinfo.adherence(R, [], START, NOW, now="2026-02-02"),
        E.WrongTypeError,
        "now: expected an aware datetime, got str",
    ),
    Case(
        "adherence",
        "an intake that is not an Intake",
        lambda: duloxinfo.adherence(R, [None], START, NOW),
        E.WrongTypeError,
        "intakes[0]:",
    ),
    Case(
        "adherence",
        "start is a date",
        lambda: duloxinfo.adherence(R, [], dt.date(2026, 2, 1), NOW),
        E.WrongTypeError,
        "start: expected an aware datetime, got date",
    ),
    Case(
        "adherence",
        "end before start",
        lambda: duloxinfo.adherence(R, [], NOW, START),
        E.ScheduleError,
        "end: 2026-01-05T08:00:00+00:00 is before start",
    ),
    # content
    Case(
        "guide_from_json",
        "broken JSON",
        lambda: duloxinfo.guide_from_json("{"),
        E.ContentError,
        "<json>: line 1, column 2: invalid JSON",
    ),
    Case(
        "guide_from_json",
        "bytes",
        lambda: duloxinfo.guide_from_json(b"{}"),
        E.WrongTypeError,
        "text: expected JSON text (a str), got bytes b'{}'",
    ),
    Case(
        "guide_from_json",
        "nested 100,000 deep",
        lambda: duloxinfo.guide_from_json("[" * 100_000),
        E.ContentError,
        "<json>: invalid JSON: nested too deeply",
    ),
    Case(
        "guide_from_json",
        "an integer of 5,000 digits",
        lambda: duloxinfo.guide_from_json("1" * 5000),
        E.ContentError,
        "<json>: invalid JSON: a number too long (more than 4300 digits)",
    ),
    Case(
        "guide_from_json",
        "a field missing",
        lambda: duloxinfo.guide_from_json(
            json.dumps({**json.loads(duloxinfo.guide_to_json(duloxinfo.guide())), "storage": None})
        ),
        E.ContentError,
        "storage: expected an object, got NoneType None",
    ),
    Case(
        "guide_to_json",
        "a negative duration",
        lambda: duloxinfo.guide_to_json(_negative_duration_guide()),
        E.ContentError,
        "<json>: cannot write",
    ),
    Case(
        "guide_to_json",
        "a section name instead of a section",
        lambda: duloxinfo.guide_to_json("how_to_take"),
        E.WrongTypeError,
        "guide: expected a Guide or one of its sections, got str 'how_to_take'",
    ),
    Case(
        "Guide.section",
        "'dosge' (misspelt)",
        lambda: duloxinfo.guide().section("dosge"),
        E.SectionError,
        "name: 'dosge' is not a guide section",
    ),
    Case(
        "Guide.section",
        "a list holding an integer of 5,000 digits",
        lambda: duloxinfo.guide().section([10**5000]),
        E.WrongTypeError,
        "name: expected a section name, got list [(an integer of about 5000 digits)]",
    ),
    Case(
        "Guide.section",
        "3 (a number)",
        lambda: duloxinfo.guide().section(3),
        E.WrongTypeError,
        "name: expected a section name, got int 3",
    ),
    Case(
        "render_text",
        "a section name instead of a section",
        lambda: duloxinfo.render_text("how_to_take"),
        E.WrongTypeError,
        "part: expected a Guide, one of its sections or the seed claims, got str 'how_to_take'",
    ),
    Case(
        "render_markdown",
        "None",
        lambda: duloxinfo.render_markdown(None),
        E.WrongTypeError,
        "part: expected a Guide, one of its sections or the seed claims, got NoneType None",
    ),
    Case(
        "render_html",
        "a dict",
        lambda: duloxinfo.render_html({}),
        E.WrongTypeError,
        "part: expected a Guide, one of its sections or the seed claims, got dict {}",
    ),
    Case(
        "render_html",
        "a tuple of strings",
        lambda: duloxinfo.render_html(("a claim",)),
        E.WrongTypeError,
        "part: expected a Guide, one of its sections or the seed claims, got tuple ('a claim',)",
    ),
    Case(
        "seed_claims_to_json",
        "a list of claims, not a tuple",
        lambda: duloxinfo.seed_claims_to_json(list(duloxinfo.seed_claims()[:1])),
        E.WrongTypeError,
        "claims: expected a tuple of SeedClaim, got list",
    ),
    Case(
        "seed_claims_to_json",
        "indent 2.5",
        lambda: duloxinfo.seed_claims_to_json(duloxinfo.seed_claims(), indent=2.5),
        E.WrongTypeError,
        "indent: expected a whole number of spaces or None, got float 2.5",
    ),
    Case(
        "check_guide",
        "None",
        lambda: duloxinfo.check_guide(None),
        E.WrongTypeError,
        "guide: expected a Guide, got NoneType None",
    ),
    # Interactions
    Case(
        "check_interactions",
        "one name, not a list",
        lambda: duloxinfo.check_interactions("ibuprofen"),
        E.WrongTypeError,
        "medicines: expected an iterable of medicine names or Medicine, got str 'ibuprofen'",
    ),
    Case(
        "check_interactions",
        "a number in the list",
        lambda: duloxinfo.check_interactions(["ibuprofen", 72625]),
        E.WrongTypeError,
        "medicines[1]: expected a medicine's name or a Medicine, got int 72625",
    ),
    Case(
        "check_interactions",
        "a blank name",
        lambda: duloxinfo.check_interactions(["  "]),
        E.MedicineError,
        "medicines[0]: '  ' is not a medicine's name of 1 to 200 characters",
    ),
    Case(
        "check_interactions",
        "a name of a million characters",
        lambda: duloxinfo.check_interactions([HUGE]),
        E.MedicineError,
        "medicines[0]: 'xxxxxxxx",
    ),
    Case(
        "check_interactions",
        "1,001 medicines",
        lambda: duloxinfo.check_interactions(["ibuprofen"] * 1001),
        E.MedicineError,
        "medicines: more than 1000 medicines; give at most that",
    ),
    Case(
        "check_interactions",
        "an endless iterator",
        lambda: duloxinfo.check_interactions(itertools.repeat("ibuprofen")),
        E.MedicineError,
        "medicines: more than 1000 medicines",
    ),
    Case(
        "check_interactions",
        "now of a tzinfo with no utcoffset",
        lambda: duloxinfo.check_interactions(
            ["ibuprofen"], dt.datetime(2026, 2, 1, tzinfo=_NoOffset())
        ),
        E.InvalidDatetimeError,
        "now: its tzinfo",
    ),
    Case(
        "check_interactions",
        "a stopped medicine, no now",
        lambda: duloxinfo.check_interactions([duloxinfo.Medicine("phenelzine", stopped_at=NOW)]),
        E.MedicineError,
        "now: needed, because medicines[0] ('phenelzine') has a time",
    ),
    Case(
        "check_interactions",
        "naive now",
        lambda: duloxinfo.check_interactions(["ibuprofen"], dt.datetime(2026, 2, 1)),
        E.NaiveDatetimeError,
        "now: 2026-02-01T00:00:00 has no time zone",
    ),
    Case(
        "check_interactions",
        "now in year 1",
        lambda: duloxinfo.check_interactions(["ibuprofen"], dt.datetime(1, 1, 1, tzinfo=UTC)),
        E.InvalidDatetimeError,
        "now: 0001-01-01",
    ),
    Case(
        "Medicine",
        "starts after it stopped",
        lambda: duloxinfo.Medicine("phenelzine", stopped_at=START, starts_at=NOW),
        E.MedicineError,
        "starts_at: 2026-02-01T09:00:00+00:00 is after stopped_at 2026-01-05T08:00:00+00:00",
    ),
    Case(
        "Medicine",
        "stopped_at is a string",
        lambda: duloxinfo.Medicine("phenelzine", stopped_at="2026-01-05"),
        E.WrongTypeError,
        "stopped_at: expected an aware datetime, got str '2026-01-05'",
    ),
    Case(
        "Medicine",
        "naive starts_at",
        lambda: duloxinfo.Medicine("phenelzine", starts_at=dt.datetime(2026, 1, 5)),
        E.NaiveDatetimeError,
        "starts_at: 2026-01-05T00:00:00 has no time zone",
    ),
    Case(
        "Medicine",
        "stopped_at's tzinfo has no dst",
        lambda: duloxinfo.Medicine(
            "phenelzine", stopped_at=dt.datetime(2026, 1, 5, tzinfo=_NoDst())
        ),
        E.InvalidDatetimeError,
        "stopped_at: its tzinfo _NoDst _NoDst() cannot convert instants",
    ),
    Case(
        "Medicine",
        "name None",
        lambda: duloxinfo.Medicine(None),
        E.WrongTypeError,
        "name: expected a medicine's name (a str), got NoneType None",
    ),
    # Answers as JSON
    Case(
        "answer_to_data",
        "a regimen, not an answer",
        lambda: duloxinfo.answer_to_data(R),
        E.WrongTypeError,
        "answer: expected an answer record, such as a MissedDoseAdvice",
    ),
    Case(
        "answer_to_data",
        "an answer with a field of the wrong type",
        lambda: duloxinfo.answer_to_data(
            duloxinfo.DoseSchedule(
                start=START, end=NOW, doses=(duloxinfo.ScheduledDose(at="08:00", dose_mg=60),)
            )
        ),
        E.WrongTypeError,
        "answer.doses[0].at: expected a datetime, got str '08:00'",
    ),
    Case(
        "answer_to_json",
        "an answer with a naive instant",
        lambda: duloxinfo.answer_to_json(
            duloxinfo.DoseSchedule(start=dt.datetime(2026, 1, 5), end=NOW, doses=())
        ),
        E.WrongTypeError,
        "answer.start: expected an aware datetime, got datetime datetime.datetime(2026, 1, 5, 0, 0)",
    ),
    Case(
        "answer_json_schema",
        "a class that is not an answer's",
        lambda: duloxinfo.answer_json_schema(duloxinfo.Regimen),
        E.WrongTypeError,
        "answer: expected None or the class of an answer record, such as a MissedDoseAdvice (answers.Answer lists them), got Regimen",
    ),
]

# Documented in a Raises section, but no input can cause it: only a broken package can.
NOT_FROM_INPUT = {
    ("guide", "ContentError"): "the packaged data file is broken; tests/content/test_load.py",
    ("seed_claims", "ContentError"): "the packaged data file is broken; tests/content/test_load.py",
    ("interaction_data", "ContentError"): "the packaged data file is broken; "
    "tests/interactions/test_load.py",
    ("check_interactions", "ContentError"): "the packaged data file is broken; "
    "tests/interactions/test_load.py",
    (
        "dose_calendar",
        "ModuleNotFoundError",
    ): "the calendar extra is missing; tests/cli/test_cli.py",
}

REG_ARGS = ("--dose", "60", "--at", "08:00", "--tz", "Europe/London", "--start", "2026-11-01")
NOW_ARGS = ("--now", "2026-11-25T13:00")


class CliCase(NamedTuple):
    """One bad command line: how the table shows it, the arguments, text of the one line."""

    shown: str
    args: tuple[str, ...]
    text: str


CLI_CASES = [
    CliCase(
        "missed-dose --dose 25 ...",
        ("missed-dose", "--dose", "25", *REG_ARGS[2:]),
        "--dose: 25 mg cannot be made",
    ),
    CliCase(
        "missed-dose --dose sixty ...",
        ("missed-dose", "--dose", "sixty", *REG_ARGS[2:]),
        "argument --dose: invalid int value: 'sixty'",
    ),
    CliCase(
        "missed-dose --tz Europe/Lundon ...",
        ("missed-dose", *REG_ARGS[:5], "Europe/Lundon", *REG_ARGS[6:]),
        "--tz: 'Europe/Lundon' is not a known IANA time zone",
    ),
    CliCase(
        "missed-dose --at 8am ...",
        ("missed-dose", *REG_ARGS[:3], "8am", *REG_ARGS[4:]),
        "--at: '8am' is not a time of day such as 08:00",
    ),
    CliCase(
        "missed-dose --at 08:00 --at 08:00 ...",
        ("missed-dose", *REG_ARGS, *NOW_ARGS, "--at", "08:00"),
        "--at: 08:00:00 is given twice",
    ),
    CliCase(
        "missed-dose --at 08:00 --at 08:01 ...",
        ("missed-dose", "--dose", "30", "--at", "08:01", *REG_ARGS[2:], *NOW_ARGS),
        "--at: 08:00:00 and 08:01:00 are 0 h 01 min apart on the clock",
    ),
    CliCase(
        "missed-dose --start 'last week' ...",
        ("missed-dose", *REG_ARGS[:7], "last week"),
        "--start: 'last week' is not a date and time",
    ),
    CliCase(
        "missed-dose --now 'next week' ...",
        ("missed-dose", *REG_ARGS, "--now", "next week"),
        "--now: 'next week' is not a date and time",
    ),
    CliCase(
        "missed-dose --taken (after --now) ...",
        ("missed-dose", *REG_ARGS, *NOW_ARGS, "--taken", "2026-11-26T08:00"),
        "is after now",
    ),
    CliCase(
        "missed-dose --taken 'today 25:00' ...",
        ("missed-dose", *REG_ARGS, *NOW_ARGS, "--taken", "today 25:00"),
        "--taken: 'today 25:00' is not a time",
    ),
    CliCase(
        "supply --count many ...",
        ("supply", *REG_ARGS, "--strength", "60", "--count", "many"),
        "argument --count: invalid int value: 'many'",
    ),
    CliCase(
        "supply --strength 25 ...",
        ("supply", *REG_ARGS, *NOW_ARGS, "--strength", "25", "--count", "3"),
        "--strength: 25 is not a marketed",
    ),
    CliCase(
        "supply --fill 2026-11-01:60:30 --count 3 ...",
        ("supply", *REG_ARGS, *NOW_ARGS, "--fill", "2026-11-01:60:30", "--count", "3"),
        "--count: not taken with --fill (the fills say what is on hand)",
    ),
    CliCase(
        "supply --strength 60 ... (no --count)",
        ("supply", *REG_ARGS, *NOW_ARGS, "--strength", "60"),
        "--count: missing; give --strength and --count, or --fill",
    ),
    CliCase(
        "supply --fill 2026-11-26:60:30 ... (after --now)",
        ("supply", *REG_ARGS, *NOW_ARGS, "--fill", "2026-11-26:60:30"),
        "--fill: dispensed on 2026-11-26, after today (2026-11-25)",
    ),
    CliCase(
        "schedule --days 0 ...",
        ("schedule", *REG_ARGS, *NOW_ARGS, "--days", "0"),
        "--days: 0 is not between 1 and 3660",
    ),
    CliCase(
        "audit --history /no/such/file.csv ...",
        ("audit", *REG_ARGS, "--history", "/no/such/file.csv"),
        "cannot read '/no/such/file.csv'",
    ),
    CliCase(
        "calendar --first 2026-13-01 ...",
        ("calendar", *REG_ARGS, "--first", "2026-13-01", "--last", "2026-12-02"),
        "--first: '2026-13-01' is not a date",
    ),
    CliCase(
        "calendar --last before --first ...",
        ("calendar", *REG_ARGS, "--first", "2026-12-02", "--last", "2026-12-01"),
        "--last: 2026-12-01 is before --first (2026-12-02)",
    ),
    CliCase(
        "calendar -o / ...",
        ("calendar", *REG_ARGS, "--first", "2026-12-01", "--last", "2026-12-01", "-o", "/"),
        "--output: cannot write '/'",
    ),
    CliCase(
        "guide --section dosge",
        ("guide", "--section", "dosge"),
        "argument --section: invalid choice: 'dosge'",
    ),
    CliCase("bogus", ("bogus",), "argument COMMAND: invalid choice: 'bogus'"),
    CliCase("interactions", ("interactions",), "MEDICINE: give at least one medicine"),
    CliCase(
        "interactions ''",
        ("interactions", ""),
        "MEDICINE: '' is not a medicine's name of 1 to 200 characters",
    ),
    CliCase(
        "interactions --stopped phenelzine",
        ("interactions", "--stopped", "phenelzine"),
        "--stopped: 'phenelzine' is not MEDICINE=WHEN",
    ),
    CliCase(
        "interactions --stopped phenelzine=2026-11-15T09:00",
        ("interactions", "--stopped", "phenelzine=2026-11-15T09:00", *NOW_ARGS),
        "--stopped: '2026-11-15T09:00' has no UTC offset; add one, or give --tz",
    ),
    CliCase(
        "interactions --starts phenelzine=soon --tz Europe/London",
        ("interactions", "--starts", "phenelzine=soon", "--tz", "Europe/London", *NOW_ARGS),
        "--starts: 'soon' is not a date and time",
    ),
    CliCase(
        "interactions ibuprofen --now soon",
        ("interactions", "ibuprofen", "--now", "soon"),
        "--now: 'soon' is not a date and time",
    ),
    CliCase(
        "interactions --stopped phenelzine=0001-01-01T00:00+00:00",
        ("interactions", "--stopped", "phenelzine=0001-01-01T00:00+00:00"),
        "--stopped: '0001-01-01T00:00+00:00' is outside the supported years",
    ),
    CliCase(
        "missed-dose --tz EST ...",
        ("missed-dose", *REG_ARGS[:5], "EST", *REG_ARGS[6:], *NOW_ARGS),
        "--tz: 'EST' is a fixed offset, not a place: its clock never changes for summer time; "
        "give America/New_York",
    ),
    CliCase(
        "missed-dose --tz GMT ...",
        ("missed-dose", *REG_ARGS[:5], "GMT", *REG_ARGS[6:], *NOW_ARGS),
        "give Europe/London (or UTC if you mean UTC)",
    ),
    CliCase(
        "missed-dose --at 24:00 ...",
        ("missed-dose", *REG_ARGS[:3], "24:00", *REG_ARGS[4:], *NOW_ARGS),
        "--at: '24:00' is not a time of day such as 08:00, 8 or 21:30:00",
    ),
    CliCase(
        "missed-dose --now 2026-11-25T13:00:00.5 ...",
        ("missed-dose", *REG_ARGS, "--now", "2026-11-25T13:00:00.5"),
        "--now: '2026-11-25T13:00:00.5' has a fraction of a second",
    ),
    CliCase(
        "supply --lead-days -1 ...",
        ("supply", *REG_ARGS, *NOW_ARGS, "--strength", "60", "--count", "3", "--lead-days", "-1"),
        "--lead-days: -1 is not between 0 and 3660",
    ),
    CliCase(
        "supply --lead-days 1000000000 ...",
        (
            "supply",
            *REG_ARGS,
            *NOW_ARGS,
            "--strength",
            "60",
            "--count",
            "3",
            "--lead-days",
            "1000000000",
        ),
        "--lead-days: 1000000000 is not between 0 and 3660",
    ),
    CliCase(
        "schedule --from 9998-12-31 --days 3660 ...",
        ("schedule", *REG_ARGS, *NOW_ARGS, "--from", "9998-12-31", "--days", "3660"),
        "--days: 3660 days from 9998-12-31 00:00 GMT go past the supported years",
    ),
    CliCase(
        "fhir --now ...",
        ("fhir", *REG_ARGS, *NOW_ARGS),
        "unrecognized arguments: --now",
    ),
    CliCase(
        "plan --phase '60mg daily'",
        ("plan", "--tz", "UTC", "--phase", "60mg daily"),
        "--phase 1: '60mg daily' is not MG mg at TIME from WHEN [to WHEN]",
    ),
    CliCase(
        "plan --phase ... (1,001 phases of a day each)",
        (
            "plan",
            "--tz",
            "UTC",
            *itertools.chain.from_iterable(
                (
                    "--phase",
                    f"60 mg at 08:00 from {dt.date(2026, 1, 5) + dt.timedelta(days=day)} to "
                    + str(dt.date(2026, 1, 6) + dt.timedelta(days=day)),
                )
                for day in range(1001)
            ),
        ),
        "--phase: more than 1,000 phases given; a plan holds at most 1,000",
    ),
    CliCase(
        "plan --phase ... --dose 60",
        ("plan", "--tz", "UTC", "--phase", "60 mg at 8 from 2026-11-01", "--dose", "60"),
        "--dose: give either --phase or --dose, not both",
    ),
    CliCase(
        "titration --titration --dose 60 ...",
        ("titration", "--titration", *REG_ARGS, *NOW_ARGS),
        "--dose: --titration sets the doses; leave --dose out",
    ),
    CliCase(
        "plan --dosages /no/such/file.json",
        ("plan", "--tz", "UTC", "--dosages", "/no/such/file.json"),
        "--dosages: cannot read '/no/such/file.json'",
    ),
    CliCase(
        "adherence --before 2026-11-26 ... (after --now)",
        ("adherence", *REG_ARGS, *NOW_ARGS, "--from", "2026-11-01", "--before", "2026-11-26"),
        "--before: '2026-11-26' (2026-11-26 00:00 GMT) is after now (2026-11-25 13:00 GMT)",
    ),
    CliCase(
        "adherence --from 2026-11-10 --before 2026-11-05 ...",
        ("adherence", *REG_ARGS, *NOW_ARGS, "--from", "2026-11-10", "--before", "2026-11-05"),
        "--before: 2026-11-05 00:00 GMT is before --from (2026-11-10 00:00 GMT)",
    ),
    CliCase(
        "adherence --from 2000-01-01 ...",
        ("adherence", *REG_ARGS, *NOW_ARGS, "--from", "2000-01-01"),
        "--from: 2000-01-01 00:00 GMT is more than 3660 days before the end of the period",
    ),
    CliCase(
        "adherence --svg /no/such/folder/doses.svg ...",
        (
            "adherence",
            *REG_ARGS,
            *NOW_ARGS,
            "--from",
            "2026-11-20",
            "--svg",
            "/no/such/folder/doses.svg",
        ),
        "--svg: cannot write '/no/such/folder/doses.svg'",
    ),
    CliCase(
        "pdc --fill '60 x 30' ...",
        ("pdc", *REG_ARGS, "--fill", "60 x 30", "--first", "2026-11-01", "--last", "2026-12-31"),
        "--fill: '60 x 30' is not DATE:MG:COUNT, such as 2026-11-01:60:30",
    ),
    CliCase(
        "pdc --fill 2026-11-01:25:30 ...",
        (
            "pdc",
            *REG_ARGS,
            "--fill",
            "2026-11-01:25:30",
            "--first",
            "2026-11-01",
            "--last",
            "2026-12-31",
        ),
        "--fill: '2026-11-01:25:30': strength_mg: 25 is not a marketed capsule strength",
    ),
    CliCase(
        "pdc --first 2026-10-01 --last 2026-10-05 ... (before the plan)",
        ("pdc", *REG_ARGS, "--first", "2026-10-01", "--last", "2026-10-05"),
        "--last: the plan schedules no dose from 2026-10-01 to 2026-10-05",
    ),
]


def run_cli(*args):
    """The command line in this process: (exit status, what it wrote to stderr)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            status = cli.main(list(args))
        except SystemExit as exit_:
            status = exit_.code
    return status, err.getvalue()


def only_duloxinfo_errors(function, args):
    """Call ``function(*args)``; a DuloxinfoError is fine, any other exception fails the test."""
    with contextlib.suppress(duloxinfo.DuloxinfoError):
        function(*args)


def json_values():
    """Any JSON value, small."""
    return st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=8,
    )


def paths(value, path=()):
    """The path of every value inside parsed JSON ``value``, itself first."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*path, index))


def damaged(original, path, junk, *, delete):
    """A deep copy of JSON ``original`` with the value at ``path`` replaced or deleted."""
    data = json.loads(json.dumps(original))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = junk
    return data
