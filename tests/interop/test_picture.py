"""The SVG picture of a dose log: well-formed, one mark per slot, counts that add up.

Every picture is parsed back with ``xml.etree.ElementTree``; the marks are found by
their class (``dose``, ``extra``, ``unscheduled``) and the legend by ``data-status`` and
``data-count``.  The colours' contrast is computed here from the colours the module
chose (WCAG 2.1 relative luminance).  A headless browser, when one is installed,
renders a picture to a PNG.
"""

import datetime as dt
import re
import shutil
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import DoseLog, DoseStatus, Intake, Plan, Regimen, dose_log, dose_log_svg
from duloxinfo.interop import picture
from support import oracle
from support.readability import assert_plain
from support.safety import situations
from support.strategies import in_any_zone

SVG = "{http://www.w3.org/2000/svg}"
UTC = dt.UTC
LONDON = "Europe/London"


def day(d, h, m=0, month=1):
    return dt.datetime(2026, month, d, h, m, tzinfo=UTC)


def parsed(svg):
    root = ET.fromstring(svg)  # noqa: S314 - our own output; raises unless well-formed XML
    assert root.tag == f"{SVG}svg"
    return root


def marks(root, kind):
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == kind]


def legend(root):
    return {
        (g.get("data-status") or g.get("data-kind")): int(g.get("data-count"))
        for g in marks(root, "legend")
    }


def title_of(element):
    return element.find(f"{SVG}title").text


def check_picture(log, svg):
    """The properties every picture has, whatever the log."""
    root = parsed(svg)
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox"))
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert [by_id[i].tag for i in ids] == [f"{SVG}title", f"{SVG}desc"]
    assert list(root)[:2] == [by_id[i] for i in ids]  # first children of the root
    doses = marks(root, "dose")
    assert [g.get("data-status") for g in doses] == [d.status.value for d in log.doses]
    assert [g.get("id") for g in doses] == [f"dose-{i}" for i in range(len(log.doses))]
    assert all(title_of(g) for g in doses)
    counts = legend(root)
    for status in DoseStatus:
        assert counts[status.value] == sum(d.status is status for d in log.doses)
    assert counts["extra"] == len(marks(root, "extra")) == sum(len(d.extra) for d in log.doses)
    assert counts["unscheduled"] == len(marks(root, "unscheduled")) == len(log.unscheduled)
    desc = by_id[ids[1]].text
    if log.doses:
        assert f"{len(log.doses)} scheduled dose" in desc
    else:
        assert desc.startswith("No scheduled doses")
    return root


# The example of docs/adherence.md: every status, a dose of two capsules, an extra dose.
PLAN = Regimen(60, [dt.time(8)], LONDON, day(5, 0))
TAKEN = [
    Intake(day(5, 8, 20), 60),
    Intake(day(6, 5), 60),
    Intake(day(7, 13), 60),
    Intake(day(9, 9), 30),
    Intake(day(9, 9, 1), 30),
    Intake(day(10, 7), 60, certain=False),
    Intake(day(11, 8), 60),
    Intake(day(11, 17), 60),
]
LOG = dose_log(PLAN, TAKEN, day(5, 0), day(12, 0))
# The same asked at 09:00 on the 12th, that day's dose not taken yet: one is due.
NOW_LOG = dose_log(PLAN, TAKEN, day(5, 0), day(12, 9), now=day(12, 9))


def test_the_example_has_a_mark_per_slot_a_legend_and_words_for_each_mark():
    svg = dose_log_svg(LOG)
    root = check_picture(LOG, svg)
    assert legend(root) == {
        "on-time": 3,
        "early": 1,
        "late": 1,
        "missed": 1,
        "not-sure": 1,
        "due": 0,
        "extra": 1,
        "unscheduled": 0,
    }
    assert [title_of(g) for g in marks(root, "dose")] == [
        "Mon 5 Jan 08:00, 60 mg: taken on time, 20 minutes after the scheduled time",
        "Tue 6 Jan 08:00, 60 mg: taken 3 hours early",
        "Wed 7 Jan 08:00, 60 mg: taken 5 hours late",
        "Thu 8 Jan 08:00, 60 mg: missed",
        "Fri 9 Jan 08:00, 60 mg: taken on time, 1 hour after the scheduled time",
        "Sat 10 Jan 08:00, 60 mg: not sure it was taken; if it was, 1 hour early",
        "Sun 11 Jan 08:00, 60 mg: taken on time, at the scheduled time",
    ]
    assert [title_of(g) for g in marks(root, "extra")] == [
        "Extra intake for the 08:00 dose of Sun 11 Jan: 60 mg at 17:00"
    ]
    assert title_of(root) == "Dose log, Mon 5 Jan 2026 to Sun 11 Jan 2026"
    assert root.find(f"{SVG}desc").text.startswith(
        "7 scheduled doses from Mon 5 Jan 2026 00:00 (UTC) up to Mon 12 Jan 2026 00:00 (UTC): "
        "3 on time, 1 early, 1 late, 1 missed, 1 not sure. 1 extra intake for a scheduled "
        "dose; 0 intakes not for any scheduled dose."
    )
    assert "Times are local (Europe/London)." in root.find(f"{SVG}desc").text
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Jan 2026" in texts
    assert "Mon 5" in texts
    assert "Sun 11" in texts
    assert "Dose 1" in texts
    assert "Dose 2" not in texts
    assert "Other" not in texts


def test_the_same_log_gives_the_same_string():
    again = dose_log(PLAN, list(reversed(TAKEN)), day(5, 0), day(12, 0))
    assert dose_log_svg(LOG) == dose_log_svg(again) == dose_log_svg(LOG)
    assert dose_log_svg(LOG, title="x") != dose_log_svg(LOG)


@pytest.mark.parametrize("blank", ["", " ", "\n\t"])
def test_a_blank_title_gets_the_default_as_an_image_needs_a_name(blank):
    assert dose_log_svg(LOG, title=blank) == dose_log_svg(LOG)


def test_a_hostile_title_is_escaped_and_what_xml_cannot_carry_is_replaced():
    hostile = "</title><script>alert(\"x\")</script>&amp; 'quoted' \x00\x1b\ud800 \r\n ok"
    root = check_picture(LOG, dose_log_svg(LOG, title=hostile))
    shown = hostile.replace("\x00", "\ufffd").replace("\x1b", "\ufffd").replace("\ud800", "\ufffd")
    assert title_of(root) == shown
    assert next(t.text for t in root.iter(f"{SVG}text")) == shown
    assert not list(root.iter("script"))
    assert not list(root.iter(f"{SVG}script"))


def _luminance(colour):
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_on_known_pairs():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("status", list(DoseStatus))
def test_every_mark_has_a_contrast_of_3_to_1_on_the_background_and_on_a_stripe(status):
    colour = picture.STATUS_COLOURS[status]
    for background in (picture.BACKGROUND, picture._STRIPE):
        assert contrast(colour, background) >= 3, (status, colour, background)


def test_text_and_small_marks_have_a_contrast_of_4_5_to_1():
    for background in (picture.BACKGROUND, picture._STRIPE):
        assert contrast(picture.INK, background) >= 4.5


def test_every_colour_used_is_one_whose_contrast_is_tested():
    svg = dose_log_svg(LOG)
    used = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', svg))
    tested = {*picture.STATUS_COLOURS.values(), picture.INK, picture.BACKGROUND, picture._STRIPE}
    assert used <= tested


def test_each_status_has_a_shape_of_its_own_not_only_a_colour():
    shapes = {}
    for status in DoseStatus:
        mark = picture._mark(status, 100, 100)
        shapes[status] = mark.replace(picture.STATUS_COLOURS[status], "COLOUR")
    assert len(set(shapes.values())) == len(DoseStatus)
    tags = {s: re.match(r"<(\w+)", m).group(1) for s, m in shapes.items()}
    assert tags[DoseStatus.ON_TIME] == "circle"
    assert tags[DoseStatus.MISSED] == "path"


def test_an_empty_log_is_a_valid_picture_saying_no_scheduled_doses():
    log = dose_log(PLAN, [], day(1, 0), day(4, 0))  # before the plan starts
    svg = dose_log_svg(log)
    root = check_picture(log, svg)
    assert marks(root, "dose") == []
    assert title_of(root) == "Dose log, no scheduled doses"
    assert "No scheduled doses in this period." in [t.text for t in root.iter(f"{SVG}text")]
    empty = dose_log(PLAN, [], day(5, 10), day(5, 10))
    check_picture(empty, dose_log_svg(empty))


def test_unscheduled_intakes_are_rings_in_a_column_of_their_own():
    taken = [Intake(day(2, 9), 60), Intake(day(2, 21), 30, certain=False), Intake(day(6, 8), 60)]
    log = dose_log(PLAN, taken, day(1, 0), day(7, 0))
    assert len(log.unscheduled) == 2
    root = check_picture(log, dose_log_svg(log))
    assert [title_of(g) for g in marks(root, "unscheduled")] == [
        "Fri 2 Jan: 60 mg at 09:00, not for any scheduled dose",
        "Fri 2 Jan: 30 mg at 21:00, not sure it was taken, not for any scheduled dose",
    ]
    assert "Other" in [t.text for t in root.iter(f"{SVG}text")]
    # Only an unscheduled intake: no scheduled dose, but still a row for its date.
    log = dose_log(PLAN, taken[:1], day(1, 0), day(4, 0))
    root = check_picture(log, dose_log_svg(log))
    assert len(marks(root, "unscheduled")) == 1


def _circle_x(group):
    shape = list(group)[1]
    if shape.get("cx") is not None:
        return int(shape.get("cx"))
    return round(sum(int(p.split(",")[0]) for p in shape.get("points").split()) / 3)


def test_a_plan_that_changes_from_once_to_twice_daily_is_laid_out_by_dose_index():
    once = Regimen(60, [dt.time(8)], "UTC", day(5, 0), end=day(7, 0))
    twice = Regimen(30, [dt.time(9), dt.time(21)], "UTC", day(7, 0))
    log = dose_log(Plan([once, twice]), [], day(5, 0), day(9, 0))
    root = check_picture(log, dose_log_svg(log))
    xs = [int(list(g)[1].get("d").split(",")[0][1:]) for g in marks(root, "dose")]
    assert len(xs) == 6
    assert xs[0] == xs[1] == xs[2] == xs[4] < xs[3] == xs[5]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Dose 1" in texts
    assert "Dose 2" in texts
    assert "each day's first, second" in root.find(f"{SVG}desc").text


def test_rows_are_local_dates_in_each_dose_zone_and_months_are_labelled():
    plan = Regimen(60, [dt.time(20)], "America/New_York", day(30, 0))
    log = dose_log(plan, [], day(30, 0), day(3, 0, month=2))
    root = check_picture(log, dose_log_svg(log))
    # 20:00 in New York is 01:00 UTC the next day: the first dose, at 01:00 UTC on the
    # 30th, is on the 29th, a New York date.
    assert [title_of(g)[:10] for g in marks(root, "dose")] == [
        "Thu 29 Jan",
        "Fri 30 Jan",
        "Sat 31 Jan",
        "Sun 1 Feb ",
    ]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Jan 2026" in texts
    assert "Feb 2026" in texts
    assert "Sun 1" in texts


HAND_START, HAND_END = day(5, 0), day(6, 0)


def _hand_made(doses=(), unscheduled=(), start=HAND_START, end=HAND_END):
    return DoseLog(start=start, end=end, doses=doses, unscheduled=unscheduled)


def test_times_in_words_in_zones_of_ones_own_and_long_offsets():
    dose = LOG.doses[2]
    five_thirty = dt.timezone(dt.timedelta(hours=5, minutes=30))
    west = dt.timezone(-dt.timedelta(hours=3, seconds=5))
    odd = [
        attrs.evolve(
            dose,
            slot=dose.slot.astimezone(five_thirty),
            offset=dt.timedelta(days=1, hours=2, minutes=1),
        ),
        attrs.evolve(dose, status=DoseStatus.EARLY, offset=dt.timedelta(seconds=-30)),
        attrs.evolve(dose, status=DoseStatus.ON_TIME, offset=None),
        attrs.evolve(dose, slot=dose.slot.astimezone(west), extra=(Intake(day(7, 14), 60),)),
    ]
    log = _hand_made(
        doses=odd, start=day(7, 0).astimezone(five_thirty), end=day(8, 0).astimezone(west)
    )
    root = check_picture(log, dose_log_svg(log))
    titles = [title_of(g) for g in marks(root, "dose")]
    assert titles[0] == "Wed 7 Jan 13:30, 60 mg: taken 1 day 2 hours 1 minute late"
    assert titles[1] == "Wed 7 Jan 08:00, 60 mg: taken less than a minute early"
    assert titles[2] == "Wed 7 Jan 08:00, 60 mg: taken on time, at the scheduled time"
    assert [title_of(g) for g in marks(root, "extra")] == [
        "Extra intake for the 04:59 dose of Wed 7 Jan: 60 mg at 10:59"
    ]
    desc = root.find(f"{SVG}desc").text
    assert "(UTC+05:30)" in desc
    assert "(UTC-03:00:05)" in desc


class _OffsetOnly(dt.tzinfo):
    """A zone of one's own with an offset and no dst(): it cannot convert instants."""

    def utcoffset(self, _):
        return dt.timedelta(hours=1)


def test_an_extra_intake_beside_a_dose_in_a_zone_of_ones_own():
    dose = LOG.doses[6]
    slot = dose.slot.astimezone(UTC).replace(tzinfo=_OffsetOnly())
    log = _hand_made(doses=[attrs.evolve(dose, slot=slot)])
    root = check_picture(log, dose_log_svg(log))
    assert title_of(marks(root, "extra")[0]).endswith("60 mg at 18:00")


def test_a_huge_dose_is_shown_bounded():
    # An Intake refuses more than MAX_INTAKE_MG; a record made by hand may hold anything.
    huge = Intake(day(5, 9), 60)
    object.__setattr__(huge, "dose_mg", 10**5000)
    dose = attrs.evolve(LOG.doses[0], dose_mg=10**5000, extra=(huge,))
    root = check_picture(_hand_made(doses=(dose,)), dose_log_svg(_hand_made(doses=(dose,))))
    assert title_of(marks(root, "dose")[0]).startswith(
        "Mon 5 Jan 08:00, (an integer of about 5000 digits) mg"
    )


def test_a_log_made_by_hand_with_a_generator_of_extras_counts_them_once():
    dose = attrs.evolve(LOG.doses[0], extra=(i for i in [Intake(day(5, 9), 60)]))
    log = _hand_made(doses=[dose])
    root = parsed(dose_log_svg(log))
    assert legend(root)["extra"] == len(marks(root, "extra")) == 1


def test_a_log_of_3660_days_with_intakes_in_the_farthest_offsets_is_drawn():
    start = dt.datetime(2026, 1, 1, 0, 30, tzinfo=UTC)
    end = start + dt.timedelta(days=duloxinfo.MAX_SCHEDULE_DAYS)
    # The plan keeps three days off each end, so the intakes there are unscheduled.
    plan = Regimen(
        60,
        [dt.time(8)],
        "Pacific/Kiritimati",
        start + dt.timedelta(days=3),
        end=end - dt.timedelta(days=3),
    )
    west = dt.timezone(-dt.timedelta(hours=23, minutes=59))
    east = dt.timezone(dt.timedelta(hours=23, minutes=59))
    intakes = [
        Intake(start.astimezone(west), 60),
        Intake((end - dt.timedelta(minutes=1)).astimezone(east), 60),
    ]
    log = dose_log(plan, intakes, start, end)
    dates = [i.at.date() for i in log.unscheduled]
    assert (max(dates) - min(dates)).days + 1 == picture.MAX_PICTURE_DAYS == 3663
    check_picture(log, dose_log_svg(log))


def test_ten_years_of_once_daily_doses_fit_and_more_is_refused():
    start = day(1, 0)
    plan = Regimen(60, [dt.time(8)], LONDON, start)
    end = start + dt.timedelta(days=duloxinfo.MAX_SCHEDULE_DAYS)
    log = dose_log(plan, [], start, end)
    svg = dose_log_svg(log)
    check_picture(log, svg)
    assert len(svg) < 2_000_000
    far = attrs.evolve(log.doses[-1], slot=log.doses[-1].slot + dt.timedelta(days=5))
    with pytest.raises(
        duloxinfo.ScheduleError, match=r"^log: its doses and intakes span 3665 local dates"
    ):
        dose_log_svg(attrs.evolve(log, doses=(*log.doses[:-1], far)))


@pytest.mark.parametrize(
    ("log", "title", "error", "text"),
    [
        ("log", None, duloxinfo.WrongTypeError, "log: expected a duloxinfo.DoseLog, got str 'log'"),
        (LOG, 5, duloxinfo.WrongTypeError, "title: expected a str or None, got int 5"),
        (
            _hand_made(doses=5),
            None,
            duloxinfo.WrongTypeError,
            "log.doses: expected a tuple of LoggedDose",
        ),
        (
            _hand_made(doses=[object()]),
            None,
            duloxinfo.WrongTypeError,
            r"log.doses\[0\]: expected a LoggedDose",
        ),
        (
            _hand_made(doses=[attrs.evolve(LOG.doses[0], slot=dt.datetime(2026, 1, 5))]),
            None,
            duloxinfo.NaiveDatetimeError,
            r"log.doses\[0\].slot",
        ),
        (
            _hand_made(doses=[attrs.evolve(LOG.doses[0], dose_mg=45)]),
            None,
            duloxinfo.DoseError,
            r"log.doses\[0\].dose_mg: 45 mg",
        ),
        (
            _hand_made(doses=[attrs.evolve(LOG.doses[0], dose_mg="60")]),
            None,
            duloxinfo.WrongTypeError,
            r"log.doses\[0\].dose_mg",
        ),
        (
            _hand_made(doses=[attrs.evolve(LOG.doses[0], status="on-time")]),
            None,
            duloxinfo.WrongTypeError,
            r"log.doses\[0\].status: expected a DoseStatus",
        ),
        (
            _hand_made(doses=[attrs.evolve(LOG.doses[0], offset=5)]),
            None,
            duloxinfo.WrongTypeError,
            r"log.doses\[0\].offset",
        ),
        (
            _hand_made(doses=[attrs.evolve(LOG.doses[0], extra=[1])]),
            None,
            duloxinfo.WrongTypeError,
            r"log.doses\[0\].extra\[0\]: expected an Intake",
        ),
        (
            _hand_made(unscheduled="x"),
            None,
            duloxinfo.WrongTypeError,
            "log.unscheduled: expected a tuple of Intake",
        ),
        (_hand_made(start="2026-01-05"), None, duloxinfo.WrongTypeError, "log.start"),
        (_hand_made(end=dt.datetime(2026, 1, 5)), None, duloxinfo.NaiveDatetimeError, "log.end"),
    ],
)
def test_bad_input_is_refused_naming_the_field(log, title, error, text):
    with pytest.raises(error, match=f"^{text}"):
        dose_log_svg(log, title=title)


@st.composite
def logs(draw):
    plan, intakes, now = draw(situations())
    now = oracle.utc(now)
    before = dt.timedelta(seconds=draw(st.integers(0, 8 * 86_400)))
    after = dt.timedelta(seconds=draw(st.integers(0, 2 * 86_400)))
    return dose_log(plan, intakes, draw(in_any_zone(now - before)), draw(in_any_zone(now + after)))


@settings(max_examples=150)
@given(logs(), st.one_of(st.none(), st.text(max_size=20)))
def test_every_picture_parses_with_one_mark_per_slot_and_the_log_counts(log, title):
    svg = dose_log_svg(log, title=title)
    root = check_picture(log, svg)
    assert dose_log_svg(log, title=title) == svg
    if title is not None and title.strip():
        assert title_of(root) == picture._NOT_XML.sub("\ufffd", title)
    else:
        assert title_of(root).startswith("Dose log, ")


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "firefox")


def test_a_headless_browser_renders_the_picture():
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        pytest.skip(f"no headless browser installed (looked for {', '.join(BROWSERS)} on PATH)")
    with tempfile.TemporaryDirectory() as tmp:  # pragma: no cover - only with a browser
        page, png = Path(tmp) / "log.svg", Path(tmp) / "log.png"
        page.write_text(dose_log_svg(NOW_LOG), encoding="utf-8")
        if browser == "firefox":
            command = [browser, "--headless", f"--screenshot={png}", page.as_uri()]
        else:
            command = [
                browser,
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                f"--screenshot={png}",
                page.as_uri(),
            ]
        subprocess.run(command, check=True, timeout=120, capture_output=True)
        painted = png_colours(png.read_bytes())
    # Every status of the log is painted in its own colour, on the white background: the
    # browser drew the marks, not an empty or broken page.
    shown = {dose.status for dose in NOW_LOG.doses}
    assert len(shown) == len(DoseStatus)
    for status in shown:
        colour = picture.STATUS_COLOURS[status]
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in painted, f"{status.value} ({colour}) is not painted"
    assert (255, 255, 255) in painted


def png_colours(data):
    """The colours of an 8-bit RGB or RGBA PNG's opaque pixels (a browser's screenshot).

    The standard library is enough: the image data is zlib-compressed scanlines, each
    with a filter byte (PNG specification, sections 7.3 and 9).
    """
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = {}, 8
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunks.setdefault(kind, []).append(data[pos + 8 : pos + 8 + size])
        pos += 12 + size
    width, height, depth, colour_type, _, _, interlace = struct.unpack(
        ">IIBBBBB", chunks[b"IHDR"][0]
    )
    assert (depth, interlace) == (8, 0)
    assert colour_type in {2, 6}
    step = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * step
    previous, colours = bytearray(stride), set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min(
                    (abs(guess - left), 0, left),
                    (abs(guess - up), 1, up),
                    (abs(guess - corner), 2, corner),
                )
                line[i] = (line[i] + near[2]) & 0xFF
        colours.update(
            tuple(line[i : i + 3])
            for i in range(0, stride, step)
            if step == 3 or line[i + 3] == 255
        )
        previous = line
    return colours


def test_the_picture_is_public_as_duloxinfo_dose_log_svg():
    assert duloxinfo.dose_log_svg is dose_log_svg
    assert "dose_log_svg" in duloxinfo.__all__
    assert ZoneInfo(LONDON).key == LONDON


def test_the_words_for_screen_readers_are_plain_language():
    empty = dose_log(PLAN, [], day(1, 0), day(4, 0))
    for log in (LOG, empty):
        root = parsed(dose_log_svg(log))
        assert_plain(root.find(f"{SVG}desc").text)
        for group in marks(root, "dose") + marks(root, "extra"):
            assert_plain(title_of(group))
