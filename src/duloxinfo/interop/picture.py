"""A picture of a dose log: an SVG calendar with one mark per scheduled dose.

:func:`dose_log_svg` draws a :class:`~duloxinfo.rules.dose_log.DoseLog` as an SVG
document, returned as a string: no plotting library, no clock, no files.  The
adherence page describes the picture, its colours and its limits.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import attrs

from .._names import public_dir
from .._validate import brief, require_aware, require_each, require_type
from .._words import MONTHS_SHORT, WEEKDAYS_SHORT, plural, short_date, span_in_full
from ..choices import MAX_SCHEDULE_DAYS
from ..errors import ScheduleError
from ..rules._doses import require_dose
from ..rules.dose_log import DoseLog, LoggedDose
from ..rules.dose_status import DoseStatus
from ..rules.intakes import Intake

__all__ = ["MAX_PICTURE_DAYS", "STATUS_COLOURS", "dose_log_svg"]
__dir__ = public_dir(globals())

MAX_PICTURE_DAYS: Final = MAX_SCHEDULE_DAYS + 3
"""The most rows (local dates) a picture has; a log that spans more is refused.

A log from :func:`~duloxinfo.rules.dose_log.dose_log` covers at most
:data:`~duloxinfo.choices.MAX_SCHEDULE_DAYS` days of real time (its end
excluded), and its dates
are read in zones less than a day from UTC either way (an intake may be given in any
offset), so it spans fewer than ``MAX_SCHEDULE_DAYS + 2`` days of local time: at most
this many dates.  Only a log made by hand is refused.
"""

STATUS_COLOURS: Final = {
    DoseStatus.ON_TIME: "#007a5a",
    DoseStatus.EARLY: "#0072b2",
    DoseStatus.LATE: "#b34700",
    DoseStatus.MISSED: "#000000",
    DoseStatus.NOT_SURE: "#6b6b6b",
    DoseStatus.DUE: "#6a3d9a",
}
"""The colour of each status's mark, on the picture's white background.

Darkened from the Okabe-Ito palette (bluish green, blue, vermillion), black, grey and a
purple, so that each has a contrast of at least 3:1 against white (WCAG 2.1, 1.4.11).
Each status also has a shape of its own (WCAG 1.4.1: colour is not the only cue).
"""

BACKGROUND: Final = "#ffffff"
"""The picture's background."""

INK: Final = "#1f1f1f"
"""The colour of text, and of the marks of extra and unscheduled intakes."""

_LABELS: Final = {
    DoseStatus.ON_TIME: "On time",
    DoseStatus.EARLY: "Early",
    DoseStatus.LATE: "Late",
    DoseStatus.MISSED: "Missed",
    DoseStatus.NOT_SURE: "Not sure",
    DoseStatus.DUE: "Due",
}
_SHAPES: Final = {
    DoseStatus.ON_TIME: "circle",
    DoseStatus.EARLY: "triangle pointing left",
    DoseStatus.LATE: "triangle pointing right",
    DoseStatus.MISSED: "crossed square",
    DoseStatus.NOT_SURE: "diamond",
    DoseStatus.DUE: "open square",
}
# The characters XML 1.0 cannot carry (even escaped): they become U+FFFD.
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# A carriage return is escaped: a parser reads a raw one as a line feed.
_CR: Final = {"\r": "&#13;"}

# The layout, in SVG user units (pixels at 100%).
_MONTH_X: Final = 12
_DAY_X: Final = 80
_GRID_X: Final = 150
_COLUMN: Final = 70
_ROW: Final = 20
_TOP: Final = 76
_R: Final = 6
_LEGEND_WIDTH: Final = 260
_FONT: Final = "font-family:sans-serif;font-size:12px"
_STRIPE: Final = "#f2f2f2"
SVG_NAMESPACE: Final = "http://www.w3.org/2000/svg"


def _text(value: str) -> str:
    """``value`` as XML character data: escaped, and U+FFFD for what XML cannot carry.

    No text from the arguments goes into an attribute.
    """
    return escape(_NOT_XML.sub("\ufffd", value), _CR)


def _offset_text(offset: _dt.timedelta) -> str:
    sign = "-" if offset < _dt.timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"UTC{sign}{hours:02}:{minutes:02}" + (f":{seconds:02}" if seconds else "")


def _zone(value: _dt.datetime) -> str:
    """The zone of ``value`` in words: its IANA name, or its offset from UTC."""
    if isinstance(value.tzinfo, ZoneInfo):
        return value.tzinfo.key
    offset = value.utcoffset()
    return "UTC" if not offset else _offset_text(offset)


def _instant(value: _dt.datetime) -> str:
    return f"{short_date(value)} {value.year} {value.hour:02}:{value.minute:02} ({_zone(value)})"


def _when(offset: _dt.timedelta | None) -> str:
    if offset is None or offset == _dt.timedelta(0):
        return "at the scheduled time"
    return f"{span_in_full(offset)} {'early' if offset < _dt.timedelta(0) else 'late'}"


def _what(dose: LoggedDose) -> str:
    """What happened to a scheduled dose, in words: the end of its mark's title."""
    status = dose.status
    if status is DoseStatus.MISSED:
        return "missed"
    if status is DoseStatus.DUE:
        return "due, not taken yet"
    if status is DoseStatus.NOT_SURE:
        return f"not sure it was taken; if it was, {_when(dose.offset)}"
    if status is DoseStatus.ON_TIME:
        offset = dose.offset or _dt.timedelta(0)
        if not offset:
            return "taken on time, at the scheduled time"
        side = "before" if offset < _dt.timedelta(0) else "after"
        return f"taken on time, {span_in_full(offset)} {side} the scheduled time"
    return f"taken {_when(dose.offset)}"


def _intakes(value: object, field: str) -> tuple[Intake, ...]:
    return require_each(value, Intake, field, "a tuple of Intake", "an Intake")


def _checked(log: object) -> tuple[list[LoggedDose], tuple[Intake, ...]]:
    """The log's doses and unscheduled intakes, each checked (a log may be made by hand).

    A dose's ``extra`` comes back as a tuple, read once.
    """
    log = require_type(log, DoseLog, "log", "a duloxinfo.DoseLog")
    require_aware(log.start, "log.start")
    require_aware(log.end, "log.end")
    doses = require_each(
        log.doses, LoggedDose, "log.doses", "a tuple of LoggedDose", "a LoggedDose"
    )
    checked: list[LoggedDose] = []
    for i, dose in enumerate(doses):
        field = f"log.doses[{i}]"
        require_aware(dose.slot, f"{field}.slot")
        require_dose(dose.dose_mg, f"{field}.dose_mg")
        require_type(dose.status, DoseStatus, f"{field}.status", "a DoseStatus")
        if dose.offset is not None:
            require_type(dose.offset, _dt.timedelta, f"{field}.offset", "a timedelta or None")
        extra = _intakes(dose.extra, f"{field}.extra")
        checked.append(dose if extra == dose.extra else attrs.evolve(dose, extra=extra))
    return checked, _intakes(log.unscheduled, "log.unscheduled")


def _mg(dose_mg: int) -> str:
    """A dose in words, ``60 mg``, of any size (the int's own value, whatever its class)."""
    return f"{brief(int.__int__(dose_mg))} mg"


def _in_zone_of(at: _dt.datetime, slot: _dt.datetime) -> _dt.datetime:
    """``at`` in the zone of ``slot``: a zone of one's own read as its offset at ``slot``."""
    zone = slot.tzinfo
    if isinstance(zone, ZoneInfo | _dt.timezone):
        return at.astimezone(zone)
    offset = slot.utcoffset()
    return at.astimezone(_dt.timezone(offset or _dt.timedelta(0)))


def _mark(status: DoseStatus, x: int, y: int) -> str:
    """The shape of a status's mark, centred on ``(x, y)``."""
    colour = STATUS_COLOURS[status]
    r = _R
    if status is DoseStatus.ON_TIME:
        return f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colour}"/>'
    if status is DoseStatus.EARLY:
        points = f"{x - r},{y} {x + r},{y - r} {x + r},{y + r}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if status is DoseStatus.LATE:
        points = f"{x + r},{y} {x - r},{y - r} {x - r},{y + r}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if status is DoseStatus.MISSED:
        a, b = r - 1, 2 * (r - 1)
        path = f"M{x - a},{y - a}h{b}v{b}h-{b}z M{x - a},{y - a}l{b},{b} M{x + a},{y - a}l-{b},{b}"
        return f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
    if status is DoseStatus.DUE:
        a, b = r - 1, 2 * (r - 1)
        path = f"M{x - a},{y - a}h{b}v{b}h-{b}z"
        return f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
    points = f"{x},{y - r - 1} {x + r + 1},{y} {x},{y + r + 1} {x - r - 1},{y}"
    return f'<polygon points="{points}" fill="{colour}"/>'


def _small(kind: str, x: int, y: int) -> str:
    """The small mark of an extra intake (a dot) or an unscheduled one (a ring)."""
    if kind == "extra":
        return f'<circle cx="{x}" cy="{y}" r="2.5" fill="{INK}"/>'
    return f'<circle cx="{x}" cy="{y}" r="3" fill="none" stroke="{INK}" stroke-width="1.5"/>'


def _intake_text(intake: Intake, at: _dt.datetime) -> str:
    """An intake in words, at ``at`` (its instant, in the zone to show)."""
    sure = "" if intake.certain else ", not sure it was taken"
    return f"{_mg(intake.dose_mg)} at {at.hour:02}:{at.minute:02}{sure}"


def _summary(
    log: DoseLog, doses: list[LoggedDose], counts: dict[DoseStatus, int], extra: int, other: int
) -> str:
    period = f"from {_instant(log.start)} up to {_instant(log.end)}"
    if not doses:
        head = f"No scheduled doses {period}."
    else:
        each = ", ".join(
            f"{counts[s]} {_LABELS[s].lower()}"
            for s in DoseStatus
            if counts[s] or s is not DoseStatus.DUE
        )
        head = f"{plural(len(doses), 'scheduled dose')} {period}: {each}."
    zones = list(dict.fromkeys(_zone(d.slot) for d in doses))
    tail = [
        f"{plural(extra, 'extra intake')} for a scheduled dose;",
        f"{plural(other, 'intake')} not for any scheduled dose.",
    ]
    if doses:
        tail.append(
            "One row per day, by the date where each dose is due; the columns are each "
            "day's first, second (and any later) scheduled dose, in time order, whatever "
            "its time of day."
        )
        tail.append(f"Times are local ({', '.join(zones)}).")
    return " ".join([head, *tail])


def _columns(dates: list[_dt.date]) -> list[int]:
    """Each dose's column: how many doses of its date come before it."""
    columns: list[int] = []
    per_date: dict[_dt.date, int] = {}
    for date in dates:
        columns.append(per_date.get(date, 0))
        per_date[date] = columns[-1] + 1
    return columns


def _rows(first: _dt.date, rows: int, right: int) -> list[str]:
    """The rows' date labels (a month label where a month starts) and stripes."""
    out: list[str] = []
    month = None
    for row in range(rows):
        date = first + _dt.timedelta(days=row)
        y = _TOP + row * _ROW + _ROW // 2
        if row % 2:
            out.append(
                f'<rect x="{_DAY_X - 4}" y="{y - _ROW // 2}" width="{right - _DAY_X + 4}" '
                f'height="{_ROW}" fill="{_STRIPE}"/>'
            )
        if (date.year, date.month) != month:
            month = (date.year, date.month)
            out.append(
                f'<text x="{_MONTH_X}" y="{y + 4}" font-weight="bold">'
                f"{MONTHS_SHORT[date.month - 1]} {date.year}</text>"
            )
        out.append(
            f'<text x="{_DAY_X}" y="{y + 4}">{WEEKDAYS_SHORT[date.weekday()]} {date.day}</text>'
        )
    return out


def _dose_marks(doses: list[LoggedDose], dates: list[_dt.date], first: _dt.date) -> list[str]:
    """A mark per scheduled dose, and a dot beside it per extra intake."""
    out: list[str] = []
    columns = _columns(dates)
    for index, (dose, date, column) in enumerate(zip(doses, dates, columns, strict=True)):
        x = _GRID_X + column * _COLUMN + _COLUMN // 3
        y = _TOP + (date - first).days * _ROW + _ROW // 2
        slot = dose.slot
        time = f"{slot.hour:02}:{slot.minute:02}"
        words = f"{short_date(slot)} {time}, {_mg(dose.dose_mg)}: {_what(dose)}"
        out.append(
            f'<g class="dose" id="dose-{index}" data-status="{dose.status.value}">'
            f"<title>{_text(words)}</title>{_mark(dose.status, x, y)}</g>"
        )
        for k, intake in enumerate(dose.extra):
            at = _in_zone_of(intake.at, slot)
            taken = _intake_text(intake, at)
            words = f"Extra intake for the {time} dose of {short_date(slot)}: {taken}"
            out.append(
                f'<g class="extra"><title>{_text(words)}</title>'
                f"{_small('extra', x + 12 + 6 * k, y)}</g>"
            )
    return out


def _other_marks(
    unscheduled: tuple[Intake, ...], dates: list[_dt.date], first: _dt.date, column: int
) -> list[str]:
    """A ring per unscheduled intake, in the column ``column``."""
    out: list[str] = []
    x0 = _GRID_X + column * _COLUMN + 14
    seen: dict[_dt.date, int] = {}
    for intake, date in zip(unscheduled, dates, strict=True):
        k = seen.get(date, 0)
        seen[date] = k + 1
        y = _TOP + (date - first).days * _ROW + _ROW // 2
        words = f"{short_date(date)}: {_intake_text(intake, intake.at)}, not for any scheduled dose"
        out.append(
            f'<g class="unscheduled"><title>{_text(words)}</title>'
            f"{_small('unscheduled', x0 + 8 * k, y)}</g>"
        )
    return out


def _legend(x: int, counts: dict[DoseStatus, int], extra: int, other: int) -> tuple[list[str], int]:
    """The legend at ``x``: each status's mark, name and count, then the small marks'.

    Returns its elements and the ``y`` below it.
    """
    out = [f'<text x="{x}" y="{_TOP - 8}" font-weight="bold">Key</text>']
    y = _TOP + _ROW // 2
    for status in DoseStatus:
        out.append(
            f'<g class="legend" data-status="{status.value}" data-count="{counts[status]}">'
            f"{_mark(status, x + 8, y)}"
            f'<text x="{x + 22}" y="{y + 4}">{_LABELS[status]}: {counts[status]}</text></g>'
        )
        y += _ROW
    for kind, text, count in (
        ("extra", "Extra intake", extra),
        ("unscheduled", "Not for any scheduled dose", other),
    ):
        out.append(
            f'<g class="legend" data-kind="{kind}" data-count="{count}">'
            f"{_small(kind, x + 8, y)}"
            f'<text x="{x + 22}" y="{y + 4}">{text}: {count}</text></g>'
        )
        y += _ROW
    return out, y


def dose_log_svg(log: DoseLog, *, title: str | None = None) -> str:
    """The dose log as an SVG calendar: one row per day, one mark per scheduled dose.

    Each row is a local date: a scheduled dose is on the date of its ``slot`` (in its
    phase's zone), an unscheduled intake on the date of its ``at`` (in the zone it was
    given in).  The columns are each date's first, second and any later scheduled
    doses, in the log's order (time order), so a day whose plan changed from once to
    twice daily has one mark in the first column and two the next day.  Each scheduled
    dose is a mark whose colour and shape say its status (a circle on time, a triangle
    pointing left early or right late, a crossed square missed, a diamond not sure),
    with a ``<title>`` in words (``Tue 3 Nov 08:00, 60 mg: taken 40 minutes late``);
    each ``extra`` intake is a small dot beside its dose's mark, and each unscheduled
    intake a small ring in the last column.  A legend gives each status with its count.

    For screen readers, the root ``<svg>`` has ``role="img"``, a ``<title>`` (``title``,
    or a default naming the period) and a ``<desc>`` summing up the period and the
    count of each status, both named by ``aria-labelledby``.  Every text from the
    arguments is escaped; a character XML cannot carry becomes U+FFFD.  The same
    log always gives the same string.

    Args:
        log: a :class:`~duloxinfo.rules.dose_log.DoseLog`, as
            :func:`~duloxinfo.rules.dose_log.dose_log` returns it.
        title: the picture's title, plain text; None, or a blank string (an image
            needs a name), for ``Dose log, <first date> to <last date>``.

    Raises:
        WrongTypeError: ``log`` is not a DoseLog, a part of it is not of the type its
            record says (a log made by hand), or ``title`` is not a str or None.
        InvalidDatetimeError: an instant of the log has no zone or is outside the
            supported years.
        DoseError: a dose of the log (made by hand) is not a whole-capsule dose.
        ScheduleError: the log's doses and intakes span more than
            :data:`MAX_PICTURE_DAYS` local dates.

    >>> import datetime as dt
    >>> from duloxinfo import Intake, Regimen, dose_log, dose_log_svg
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 11, 2, tzinfo=dt.UTC))
    >>> day = lambda d, h, m=0: dt.datetime(2026, 11, d, h, m, tzinfo=dt.UTC)
    >>> log = dose_log(r, [Intake(day(2, 8), 60), Intake(day(3, 8, 40), 60)], day(2, 0), day(5, 0))
    >>> svg = dose_log_svg(log)
    >>> svg.count('class="dose"'), svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    (3, True)
    >>> print(svg.split('<title>')[2].split('</title>')[0])
    Tue 3 Nov 08:00, 60 mg: taken on time, 40 minutes after the scheduled time
    """
    doses, unscheduled = _checked(log)
    if title is not None and not require_type(title, str, "title", "a str or None").strip():
        title = None
    dates = [d.slot.date() for d in doses]
    other_dates = [i.at.date() for i in unscheduled]
    first = min(dates + other_dates, default=None)
    last = max(dates + other_dates, default=first)
    counts = dict.fromkeys(DoseStatus, 0)
    for dose in doses:
        counts[dose.status] += 1
    extra = sum(len(d.extra) for d in doses)
    summary = _summary(log, doses, counts, extra, len(unscheduled))

    body: list[str] = []
    rows = 0
    right = _GRID_X + _COLUMN
    if first is None or last is None:
        shown_title = "Dose log, no scheduled doses" if title is None else title
    else:
        rows = (last - first).days + 1
        if rows > MAX_PICTURE_DAYS:
            raise ScheduleError(
                "log",
                f"its doses and intakes span {rows} local dates ({first} to {last}), "
                f"more than {MAX_PICTURE_DAYS}",
            )
        shown_title = (
            f"Dose log, {short_date(first)} {first.year} to {short_date(last)} {last.year}"
            if title is None
            else title
        )
        dose_columns = max(_columns(dates), default=-1) + 1
        labels = [f"Dose {n + 1}" for n in range(dose_columns)]
        if unscheduled:
            labels.append("Other")
        right = _GRID_X + len(labels) * _COLUMN
        body += [
            f'<text x="{_GRID_X + n * _COLUMN + _COLUMN // 2}" y="{_TOP - 8}" '
            f'text-anchor="middle">{label}</text>'
            for n, label in enumerate(labels)
        ]
        body += _rows(first, rows, right)
        body += _dose_marks(doses, dates, first)
        body += _other_marks(unscheduled, other_dates, first, dose_columns)
    if not doses:
        body.append(
            f'<text x="{_MONTH_X}" y="{_TOP - 30}">No scheduled doses in this period.</text>'
        )
    legend, bottom = _legend(right + 30, counts, extra, len(unscheduled))
    width = right + 30 + _LEGEND_WIDTH
    height = max(_TOP + rows * _ROW, bottom) + 20
    head = (
        f'<svg xmlns="{SVG_NAMESPACE}" role="img" '
        f'aria-labelledby="dose-log-title dose-log-desc" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="{_FONT}">'
        f'<title id="dose-log-title">{_text(shown_title)}</title>'
        f'<desc id="dose-log-desc">{_text(summary)}</desc>'
        f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>'
        f'<text x="{_MONTH_X}" y="24" font-size="16" font-weight="bold">{_text(shown_title)}</text>'
    )
    return "\n".join([head, *body, *legend, "</svg>\n"])
