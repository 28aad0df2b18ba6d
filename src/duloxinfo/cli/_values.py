"""Reading the values people type: instants, times of day, the regimen, history files.

Private module of the command line.  Every problem is an :class:`InputError` or a
:class:`~duloxinfo.errors.DuloxinfoError`, each shown as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import re
import sys
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import duloxinfo

from .._validate import to_zone

if TYPE_CHECKING:
    from ..content.interactions import Medicine
    from ..rules.intakes import Intake
    from ..rules.regimen import Regimen

_UTC = ZoneInfo("UTC")
_RELATIVE = re.compile(r"(?P<day>today|yesterday)\s+(?P<time>\d{1,2}:\d{2})")


class InputError(Exception):
    """Bad input found by the command line itself (a file, a date); exit status 2."""


def read_instant(text: str, field: str, tz: ZoneInfo, now: _dt.datetime | None) -> _dt.datetime:
    """An instant from the command line.

    ISO 8601 with an offset is that instant; without one it is a wall time in the
    regimen's zone (resolved as the rules resolve slots), a date alone is its
    midnight; ``now``, ``today HH:MM`` and ``yesterday HH:MM`` count from ``--now``.
    """
    text = text.strip()
    if now is not None and text == "now":
        return now
    relative = _RELATIVE.fullmatch(text)
    if now is not None and relative:
        day = now.astimezone(tz).date()
        if relative["day"] == "yesterday":
            day -= _dt.timedelta(days=1)
        try:
            wall = _dt.time.fromisoformat(relative["time"].zfill(5))
        except ValueError:
            raise InputError(f"{field}: {text!r} is not a time of day") from None
        return _dt.datetime.combine(day, wall, tzinfo=tz)
    try:
        value = _dt.datetime.fromisoformat(text)
    except ValueError:
        words = "; or now, today HH:MM, yesterday HH:MM" if now is not None else ""
        raise InputError(
            f"{field}: {text!r} is not a date and time such as 2026-11-25T08:00+00:00{words}"
        ) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def _now(args: argparse.Namespace, tz: ZoneInfo) -> _dt.datetime:
    if args.now is None:
        return _dt.datetime.now(_dt.UTC).astimezone(tz)  # the library's only clock read
    return read_instant(args.now, "--now", tz, None)


def _offset_instant(
    text: str, flag: str, tz: ZoneInfo | None, now: _dt.datetime | None
) -> _dt.datetime:
    """An instant; without ``--tz``, only ISO 8601 with a UTC offset is accepted."""
    if tz is not None:
        return read_instant(text, flag, tz, now)
    instant = read_instant(text, flag, _UTC, None)
    if _dt.datetime.fromisoformat(text.strip()).tzinfo is None:
        raise InputError(f"{flag}: {text.strip()!r} has no UTC offset; add one, or give --tz")
    return instant


def read_medicines(args: argparse.Namespace) -> tuple[list[Medicine], _dt.datetime | None]:
    """The medicines the arguments name, and ``now`` when any of them has a time."""
    tz = None if args.tz is None else to_zone(args.tz)
    timed = [
        (flag, given)
        for flag, values in (("--stopped", args.stopped), ("--starts", args.starts))
        for given in values
    ]
    medicines = [_medicine("MEDICINE", name) for name in args.medicines]
    if not medicines and not timed:
        raise InputError("MEDICINE: give at least one medicine, such as ibuprofen")
    given_now = None if args.now is None else _offset_instant(args.now, "--now", tz, None)
    if not timed:
        return medicines, given_now
    # The command line's clock read, as for the rules.
    now = _dt.datetime.now(_dt.UTC) if given_now is None else given_now
    for flag, given in timed:
        name, equals, when = given.rpartition("=")
        if not equals or not name.strip():
            raise InputError(
                f"{flag}: {given!r} is not MEDICINE=WHEN, such as phenelzine=2026-11-15T09:00+00:00"
            )
        instant = _offset_instant(when, flag, tz, now)
        times = {"stopped_at" if flag == "--stopped" else "starts_at": instant}
        medicines.append(_medicine(flag, name.strip(), **times))
    return medicines, now


def _medicine(flag: str, name: str, **times: _dt.datetime) -> Medicine:
    """``Medicine(name, **times)``, its error naming ``flag`` rather than the field."""
    try:
        return duloxinfo.Medicine(name, **times)
    except duloxinfo.DuloxinfoError as error:
        raise InputError(f"{flag}: {str(error).partition(': ')[2]}") from None


def read_regimen(args: argparse.Namespace) -> tuple[Regimen, _dt.datetime]:
    """The regimen the options describe, and ``now``."""
    tz = to_zone(args.tz)
    now = _now(args, tz)
    times = []
    for text in args.at:
        try:
            times.append(_dt.time.fromisoformat(text))
        except ValueError:
            raise InputError(f"--at: {text!r} is not a time of day such as 08:00") from None
    start = read_instant(args.start, "--start", tz, now)
    return duloxinfo.Regimen(args.dose, times, tz, start), now


def read_history(path: str, tz: ZoneInfo) -> list[Intake]:
    """Intakes from a CSV file (columns ``at,dose_mg``) or a JSON list of such objects."""
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as file:  # noqa: PTH123 - pathlib costs more
                text = file.read()
    except OSError as exc:
        raise InputError(f"--history: cannot read {path!r}: {exc.strerror}") from None
    if path.endswith(".json") or text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"--history: {path}: invalid JSON: {exc.msg}") from None
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InputError(f"--history: {path}: expected a list of {{at, dose_mg}} objects")
        where = "item"
    else:
        rows = list(csv.DictReader(text.splitlines()))
        where = "row"
    intakes = []
    for number, row in enumerate(rows, start=1):
        at, dose = row.get("at"), row.get("dose_mg")
        if not isinstance(at, str) or dose is None:
            raise InputError(f"--history: {path} {where} {number}: needs 'at' and 'dose_mg'")
        if isinstance(dose, str):
            if not dose.strip().isdigit():
                raise InputError(f"--history: {path} {where} {number}: dose_mg: {dose!r}")
            dose = int(dose)
        certain = _certain(row.get("certain", True), f"--history: {path} {where} {number}")
        instant = read_instant(at, f"{where} {number}: at", tz, None)
        intakes.append(duloxinfo.Intake(instant, dose, certain))
    return intakes


_YES_NO = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


def _certain(value: object, where: str) -> bool:
    """The optional ``certain`` column: a JSON boolean, or yes/no, true/false, 1/0.

    Missing or empty means certain.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"", *_YES_NO}:
        return _YES_NO.get(value.strip().lower(), True)
    shown = repr(value)[:40]
    raise InputError(f"{where}: certain: {shown} is not yes or no")
