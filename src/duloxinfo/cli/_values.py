"""Reading the values people type: instants, times of day, zones, the plan, history files.

Private module of the command line.  Every problem is an :class:`InputError` whose
message starts with the flag the person typed and shows the value as they typed
it; the command line shows it as one line with exit status 2.

One grammar for every instant flag (:func:`read_instant`), one for every time of
day (:func:`read_time`), one rule for zones (:mod:`._zones`).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import re
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

import duloxinfo

from .._json import parse_json
from .._validate import MAX_YEAR, brief, require_aware, utc
from .._walltime import wall_instant
from ..rules._inputs import as_plan
from ._zones import ZoneRuleError, read_zone

if TYPE_CHECKING:
    from ..interactions.check import Medicine
    from ..rules.fills import Fill
    from ..rules.intakes import Intake
    from ..rules.plan import Plan
    from ..rules.regimen import Regimen

_UTC = ZoneInfo("UTC")
_TIME = r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?)?"
_TIME_OF_DAY = re.compile(_TIME)
_RELATIVE = re.compile(rf"(?P<day>today|yesterday|tomorrow)\s+{_TIME}", re.IGNORECASE)
_FRACTION = re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}[.,]")
_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_INSTANT_FORMS = (
    "a date and time such as 2026-11-25T08:00 or 2026-11-25T08:00+00:00, a date, "
    "now, today HH:MM, yesterday HH:MM or tomorrow HH:MM"
)
#: The largest history file read, in bytes.
MAX_HISTORY_BYTES = 10_000_000

Clock = Callable[[], _dt.datetime]

#: Library field names and the flags that give them, for every command.
FLAGS: Mapping[str, str] = {
    "dose_mg": "--dose",
    "times": "--at",
    "at": "--at",
    "tz": "--tz",
    "start": "--start",
    "now": "--now",
    "lead_time": "--lead-days",
    "strength_mg": "--strength",
    "count": "--count",
    "capsules": "--count",
    "first_day": "--first",
    "last_day": "--last",
}


class InputError(Exception):
    """Bad input found by the command line itself (a file, a date); exit status 2."""


_FIELD_ROOT = re.compile(r"[A-Za-z_]\w*")


def flagged(error: duloxinfo.DuloxinfoError, flags: Mapping[str, str] = FLAGS) -> InputError:
    """A library error as an InputError naming the flag its field came from.

    The error's ``field`` path says which argument was wrong (``dose_mg``, ``times[1]``):
    ``dose_mg: 45 mg ...`` becomes ``--dose: 45 mg ...``.  An error whose argument no
    flag gives is kept as it is.  The message is never parsed.
    """
    root = _FIELD_ROOT.match(error.field)
    if root is not None and root[0] in flags:
        return InputError(f"{flags[root[0]]}: {error.detail}")
    return InputError(str(error))


def when(instant: _dt.datetime, tz: ZoneInfo | None = None) -> str:
    """An instant for a message: in ``tz`` (or its own zone), to the minute or second."""
    local = instant if tz is None else instant.astimezone(tz)
    shape = "%Y-%m-%d %H:%M" + (":%S" if local.second else "")
    return f"{local:{shape}} {local.tzname()}"


def read_time(text: str, flag: str) -> _dt.time:
    """A time of day: ``9``, ``09``, ``9:00``, ``21:00``, ``21:00:00``; no fractions."""
    match = _TIME_OF_DAY.fullmatch(text.strip())
    if match is None or not _valid_time(match):
        raise InputError(
            f"{flag}: {brief(text)} is not a time of day such as 08:00, 8 or 21:30:00 "
            "(hours 0 to 23, no fractions of a second)"
        )
    return _time(match)


def _valid_time(match: re.Match[str]) -> bool:
    return int(match["h"]) <= 23 and int(match["m"] or 0) <= 59 and int(match["s"] or 0) <= 59


def _time(match: re.Match[str]) -> _dt.time:
    return _dt.time(int(match["h"]), int(match["m"] or 0), int(match["s"] or 0))


def read_instant(text: str, flag: str, tz: ZoneInfo | None, now: Clock) -> _dt.datetime:
    """An instant, in the one grammar of every instant flag.

    ISO 8601 with an offset (``2026-11-24T08:05+00:00``, ``...Z``) is that instant;
    without one it is a wall time in ``tz``, and a date alone is its midnight there
    (either way the result is in ``tz``, when it is given);
    ``now``, ``today HH:MM``, ``yesterday HH:MM`` and ``tomorrow HH:MM`` count from
    ``now()`` in ``tz``.  Seconds are optional and fractions of a second refused.
    Without ``tz``, only forms with an offset and ``now`` are accepted.
    """
    given = text.strip()
    if given.lower() == "now":
        return now()
    relative = _RELATIVE.fullmatch(given)
    if relative:
        if tz is None:
            raise InputError(f"{flag}: {brief(given)} is a wall time; give --tz")
        if not _valid_time(relative):
            raise InputError(
                f"{flag}: {brief(given)} is not a time of day such as today 08:00 "
                "(hours 0 to 23, no fractions of a second)"
            )
        day = now().astimezone(tz).date() + _dt.timedelta(days=_DAYS[relative["day"].lower()])
        return _checked(_wall(day, _time(relative), tz, flag, given), flag, given)
    if _FRACTION.search(given):
        raise InputError(f"{flag}: {brief(given)} has a fraction of a second; leave it out")
    try:
        value = _dt.datetime.fromisoformat(given)
    except ValueError:
        raise InputError(f"{flag}: {brief(given)} is not {_INSTANT_FORMS}") from None
    if value.tzinfo is None:
        if tz is None:
            raise InputError(f"{flag}: {brief(given)} has no UTC offset; add one, or give --tz")
        value = _wall(value.date(), value.time(), tz, flag, given)
    value = _checked(value, flag, given)
    # Shown in the zone the person gave, as every instant the command line writes.
    return value if tz is None else value.astimezone(tz)


def _wall(day: _dt.date, time: _dt.time, tz: ZoneInfo, flag: str, given: str) -> _dt.datetime:
    """A wall time the person typed, as the library's one wall-time policy reads it, in ``tz``."""
    try:
        return wall_instant(day, time, tz).astimezone(tz)
    except OverflowError:
        raise InputError(f"{flag}: {brief(given)} is outside the supported years") from None


def _checked(value: _dt.datetime, flag: str, given: str) -> _dt.datetime:
    """``value`` if it is in the supported years (in UTC too), else an InputError."""
    try:
        require_aware(value, flag)
        value.astimezone(_UTC)
    except (duloxinfo.DuloxinfoError, OverflowError):
        raise InputError(f"{flag}: {brief(given)} is outside the supported years") from None
    return value


def read_date(text: str, flag: str) -> _dt.date:
    """A calendar date, ``2026-12-01``."""
    try:
        day = _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{flag}: {brief(text)} is not a date such as 2026-12-01") from None
    if day.year > MAX_YEAR:
        raise InputError(f"{flag}: {brief(text)} is outside the supported years")
    return day


def zone(text: str, flag: str = "--tz") -> ZoneInfo:
    """The zone of a place, or UTC: the command line's zone rule (see :mod:`._zones`)."""
    try:
        return read_zone(text, flag)
    except ZoneRuleError as error:
        raise InputError(str(error)) from None


def clock(tz: ZoneInfo) -> _dt.datetime:
    """The current time in ``tz``, to the second: the library's only clock read."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).astimezone(tz)


def now_of(args: argparse.Namespace, tz: ZoneInfo | None) -> Clock:
    """``--now`` (read once, when first needed), or the current time if not given.

    ``--now``'s own relative forms (``today 08:00``) count from the current time.
    """
    zone_ = _UTC if tz is None else tz
    found: list[_dt.datetime] = []

    def current() -> _dt.datetime:
        return clock(zone_)

    def now() -> _dt.datetime:
        if not found:
            given = getattr(args, "now", None)
            found.append(
                clock(zone_) if given is None else read_instant(given, "--now", tz, current)
            )
        return found[0]

    return now


def read_medicines(args: argparse.Namespace) -> tuple[list[Medicine], _dt.datetime | None]:
    """The medicines the arguments name, and ``now`` when any of them has a time."""
    tz = None if args.tz is None else zone(args.tz)
    now = now_of(args, tz)
    timed = [
        (flag, given)
        for flag, values in (("--stopped", args.stopped), ("--starts", args.starts))
        for given in values
    ]
    medicines = [_medicine("MEDICINE", name) for name in args.medicines]
    if not medicines and not timed:
        raise InputError("MEDICINE: give at least one medicine, such as ibuprofen")
    if not timed:
        return medicines, None if args.now is None else now()
    for flag, given in timed:
        name, equals, instant = given.rpartition("=")
        if not equals or not name.strip():
            raise InputError(
                f"{flag}: {brief(given)} is not MEDICINE=WHEN, such as "
                "phenelzine=2026-11-15T09:00+00:00"
            )
        at = read_instant(instant, flag, tz, now)
        times = {"stopped_at" if flag == "--stopped" else "starts_at": at}
        medicines.append(_medicine(flag, name.strip(), **times))
    return medicines, now()


def _medicine(flag: str, name: str, **times: _dt.datetime) -> Medicine:
    """``Medicine(name, **times)``, its error naming ``flag`` rather than the field."""
    try:
        return duloxinfo.Medicine(name, **times)
    except duloxinfo.DuloxinfoError as error:
        raise InputError(f"{flag}: {error.detail}") from None


# --- the plan -----------------------------------------------------------------------

_PHASE = re.compile(
    r"(?P<dose>[0-9]{1,4})\s*mg\s+at\s+(?P<times>.+?)\s+from\s+(?P<start>.+?)"
    r"(?:\s+to\s+(?P<end>.+?))?(?:\s+in\s+(?P<tz>[^\s]+))?",
    re.IGNORECASE,
)
_PHASE_FORM = "such as '30 mg at 08:00 from 2026-11-01 to 2026-11-08'"


def read_plan(args: argparse.Namespace) -> tuple[Plan | Regimen, ZoneInfo, Clock]:
    """The plan the options describe, its zone (``--tz``), and ``now``.

    One of: ``--dose``, ``--at`` and ``--start`` (one regimen); ``--titration`` with
    ``--at`` and ``--start`` (the label's titration plan); or ``--phase``, repeated.
    """
    tz = zone(args.tz)
    now = now_of(args, tz)
    if args.dosages is not None:
        _only("--dosages", args)
        return _dosages(args.dosages), tz, now
    if args.phase:
        _only("--phase", args)
        return _phases(args.phase, tz, now), tz, now
    return _one_regimen(args, tz, now), tz, now


def _only(chosen: str, args: argparse.Namespace) -> None:
    """Refuse the other ways of giving a plan alongside ``chosen``."""
    for flag, value in (
        ("--dose", args.dose),
        ("--at", args.at),
        ("--start", args.start),
        ("--titration", args.titration or None),
        ("--phase", args.phase or None),
    ):
        if value is not None and flag != chosen:
            raise InputError(f"{flag}: give either {chosen} or {flag}, not both")


def _dosages(path: str) -> Plan:
    """A plan from a JSON list of FHIR ``Dosage`` phases (as ``duloxinfo fhir`` writes one)."""
    name = "-" if path == "-" else brief(path)
    text = _file_text(path, "--dosages")
    data = _json(text, name, "--dosages")
    if isinstance(data, dict):
        data = [data]
    try:
        return duloxinfo.from_fhir_dosages(data)
    except duloxinfo.DuloxinfoError as error:
        raise InputError(f"--dosages: {name}: {error}") from None


def _one_regimen(args: argparse.Namespace, tz: ZoneInfo, now: Clock) -> Plan | Regimen:
    """``--dose``, ``--at`` and ``--start``, or ``--titration`` with ``--at`` and ``--start``."""
    missing = [
        flag for flag, value in (("--at", args.at), ("--start", args.start)) if value is None
    ]
    if args.titration:
        if args.dose is not None:
            raise InputError("--dose: --titration sets the doses; leave --dose out")
        if missing:
            raise InputError(f"{missing[0]}: --titration needs {missing[0]}")
        if len(args.at) != 1:
            raise InputError("--at: --titration takes one time of day (once daily)")
        start = read_instant(args.start, "--start", tz, now)
        at = read_time(args.at[0], "--at")
        try:
            return duloxinfo.titration_plan(start, tz, at)
        except duloxinfo.DuloxinfoError as error:
            raise flagged(error) from None
    if args.dose is None:
        missing.insert(0, "--dose")
    if missing:
        raise InputError(
            f"{missing[0]}: required (give --dose, --at and --start; or --titration with "
            "--at and --start; or --phase)"
        )
    times = [read_time(text, "--at") for text in args.at]
    start = read_instant(args.start, "--start", tz, now)
    try:
        return duloxinfo.Regimen(args.dose, times, tz, start)
    except duloxinfo.DuloxinfoError as error:
        raise flagged(error) from None


def _phases(texts: list[str], tz: ZoneInfo, now: Clock) -> Plan:
    phases = []
    for number, text in enumerate(texts, start=1):
        flag = f"--phase {number}"
        match = _PHASE.fullmatch(text.strip())
        if match is None:
            raise InputError(
                f"{flag}: {brief(text)} is not MG mg at TIME from WHEN [to WHEN] ({_PHASE_FORM})"
            )
        where = tz if match["tz"] is None else zone(match["tz"], flag)
        times = [read_time(part, flag) for part in re.split(r"\s*,\s*|\s+and\s+", match["times"])]
        start = read_instant(match["start"], flag, where, now)
        end = None if match["end"] is None else read_instant(match["end"], flag, where, now)
        try:
            phases.append(duloxinfo.Regimen(int(match["dose"]), times, where, start, end=end))
        except duloxinfo.DuloxinfoError as error:
            raise InputError(f"{flag}: {error.detail}") from None
    try:
        return duloxinfo.Plan(phases)
    except duloxinfo.DuloxinfoError as error:
        if error.field == "phases":  # too many of them
            raise InputError(f"--phase: {error.detail}") from None
        # Plan names the field phases[i].start or phases[i].end: the (i+1)th --phase.
        index, _, part = error.field.removeprefix("phases[").partition("].")
        raise InputError(f"--phase {int(index) + 1}: {part} {error.detail}") from None


# --- intakes --------------------------------------------------------------------------


def read_taken(
    args: argparse.Namespace, tz: ZoneInfo, now: Clock, dose_at: Callable[[_dt.datetime], int]
) -> list[Intake]:
    """The doses ``--taken`` and ``--not-sure`` give, each no later than ``now``."""
    intakes = []
    for flag, certain, given in (
        ("--taken", True, args.taken),
        ("--not-sure", False, args.not_sure),
    ):
        for text in given:
            at = read_instant(text, flag, tz, now)
            if utc(at) > utc(now()):
                raise InputError(
                    f"{flag}: {brief(text)} ({when(at, tz)}) is after now ({when(now(), tz)}); "
                    "give only doses already taken"
                )
            intakes.append(duloxinfo.Intake(at, dose_at(at), certain))
    return intakes


def _file_text(path: str, flag: str) -> str:
    """The file's text: UTF-8 (a byte-order mark is fine); anything else is refused."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_HISTORY_BYTES + 1)
        else:
            with open(path, "rb") as file:  # noqa: PTH123 - pathlib costs more to import
                data = file.read(MAX_HISTORY_BYTES + 1)
    # ValueError: a path with a NUL character, which no file system takes.
    except (OSError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or brief(str(exc))
        raise InputError(f"{flag}: cannot read {brief(path)}: {why}") from None
    name = brief(path)
    if len(data) > MAX_HISTORY_BYTES:
        raise InputError(f"{flag}: {name} is over {MAX_HISTORY_BYTES:,} bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise InputError(
            f"{flag}: {name} is not UTF-8 text (it looks like UTF-16); save it as UTF-8"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{flag}: {name} is not UTF-8 text (byte {data[exc.start]:#04x} at offset "
            f"{exc.start}; it may be Latin-1 or Windows-1252); save it as UTF-8"
        ) from None


def _json(text: str, name: str, flag: str) -> Any:
    """The value of a file's JSON ``text``; broken JSON is an error naming ``flag``."""
    try:
        return parse_json(text, name)
    except duloxinfo.ContentError as error:
        raise InputError(f"{flag}: {error}") from None


def _history_rows(text: str, name: str) -> tuple[list[dict[str, object]], str]:
    if text.lstrip().startswith("["):
        parsed = _json(text, name, "--history")
        if not isinstance(parsed, list) or not all(isinstance(r, dict) for r in parsed):
            raise InputError(f"--history: {name}: expected a list of {{at, dose_mg}} objects")
        return cast("list[dict[str, object]]", parsed), "item"
    rows: list[dict[str, str | None]] = []
    try:
        rows.extend(csv.DictReader(text.splitlines()))
    except csv.Error as exc:
        raise InputError(
            f"--history: {name} row {len(rows) + 1}: not CSV: {brief(str(exc))}"
        ) from None
    return cast("list[dict[str, object]]", rows), "row"


def read_history(path: str, tz: ZoneInfo) -> list[Intake]:
    """Intakes from a CSV file (columns ``at,dose_mg``) or a JSON list of such objects."""
    name = "-" if path == "-" else brief(path)
    rows, where = _history_rows(_file_text(path, "--history"), name)
    intakes = []
    for number, row in enumerate(rows, start=1):
        place = f"--history: {name} {where} {number}"
        at, dose = row.get("at"), row.get("dose_mg")
        if not isinstance(at, str) or dose is None:
            raise InputError(f"{place}: needs 'at' and 'dose_mg'")
        if isinstance(dose, str):
            if not re.fullmatch(r"\s*[0-9]{1,6}\s*", dose):
                raise InputError(f"{place}: dose_mg: {brief(dose)} is not a whole number of mg")
            dose = int(dose)
        dose = cast("int", dose)  # of any type: Intake checks it
        certain = _certain(row.get("certain", True), place)
        instant = read_instant(at, f"{place}: at", tz, _no_now(place))
        try:
            intakes.append(duloxinfo.Intake(instant, dose, certain))
        except duloxinfo.DuloxinfoError as error:
            raise InputError(f"{place}: {error}") from None
    return intakes


def _no_now(place: str) -> Clock:
    def now() -> _dt.datetime:
        raise InputError(f"{place}: at: give a date and time, not one relative to now")

    return now


_YES_NO = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


def _certain(value: object, where: str) -> bool:
    """The optional ``certain`` column: a JSON boolean, or yes/no, true/false, 1/0.

    Missing or empty means certain.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"", *_YES_NO}:
        return _YES_NO.get(value.strip().lower(), True)
    raise InputError(f"{where}: certain: {brief(value)} is not yes or no")


def dose_in_force(plan: Plan | Regimen) -> Callable[[_dt.datetime], int]:
    """The dose in force at an instant, by the library's one rule (``Plan.phase_at``).

    The plan is made whole once, so that asking for each of many doses stays cheap.
    """
    whole = as_plan(plan)
    return lambda instant: whole.phases[whole.phase_at(instant)].dose_mg


def taken_and_history(
    args: argparse.Namespace, plan: Plan | Regimen, tz: ZoneInfo, now: Clock
) -> list[Intake]:
    """The doses ``--taken``, ``--not-sure`` and ``--history`` give, none after now."""
    intakes = read_taken(args, tz, now, dose_in_force(plan))
    if args.history is not None:
        for intake in read_history(args.history, tz):
            if utc(intake.at) > utc(now()):
                raise InputError(
                    f"--history: a dose at {when(intake.at, tz)} is after now "
                    f"({when(now(), tz)}); give only doses already taken"
                )
            intakes.append(intake)
    return intakes


_FILL = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*:\s*([0-9]{1,4})\s*:\s*([0-9]{1,6})\s*")


def read_fills(texts: list[str]) -> list[Fill]:
    """The fills ``--fill DATE:MG:COUNT`` gives."""
    fills = []
    for text in texts:
        match = _FILL.fullmatch(text)
        if match is None:
            raise InputError(
                f"--fill: {brief(text)} is not DATE:MG:COUNT, such as 2026-11-01:60:30"
            )
        day = read_date(match[1], "--fill")
        try:
            fills.append(duloxinfo.Fill(day, int(match[2]), int(match[3])))
        except duloxinfo.DuloxinfoError as error:
            raise InputError(f"--fill: {brief(text)}: {error}") from None
    return fills
