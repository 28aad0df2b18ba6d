"""The wall-time policy (``duloxinfo._walltime``): one reading of a local time, used everywhere."""

import datetime as dt
import pathlib
import re
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo._walltime import wall_instant, wall_to_utc
from support.strategies import ZONES

LONDON = ZoneInfo("Europe/London")
SRC = pathlib.Path(duloxinfo.__file__).parent


def test_a_repeated_time_is_its_first_occurrence_and_a_skipped_one_moves_on_by_the_gap():
    repeated = wall_instant(dt.date(2026, 10, 25), dt.time(1, 30), LONDON)
    assert repeated == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # 01:30 BST
    skipped = wall_instant(dt.date(2026, 3, 29), dt.time(1, 30), LONDON)
    assert skipped == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)  # 02:30 BST
    assert skipped.astimezone(LONDON).time() == dt.time(2, 30)
    # The fold a time carries does not change the reading.
    assert wall_instant(dt.date(2026, 10, 25), dt.time(1, 30, fold=1), LONDON) == repeated
    assert wall_to_utc(dt.datetime(2026, 10, 25, 1, 30, fold=1), LONDON) == repeated
    # A wall time is its fields: a zone attached to it is not read.
    assert wall_to_utc(dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC), LONDON) == repeated


@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    st.times(),
    st.sampled_from(ZONES).map(ZoneInfo),
)
def test_the_policy_is_zoneinfos_reading_with_fold_0(day, time, tz):
    expected = dt.datetime.combine(day, time.replace(fold=0), tzinfo=tz).astimezone(dt.UTC)
    assert wall_instant(day, time, tz) == expected
    assert wall_instant(day, time, tz).tzinfo is dt.UTC


# An aware datetime built from a wall time, other than in the policy's own module.
_WALL_TO_AWARE = re.compile(r"combine\([^)]*tzinfo=|\.replace\(tzinfo=(?!None|_dt\.UTC)")


def test_no_other_module_turns_a_wall_time_into_an_instant():
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "_walltime.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _WALL_TO_AWARE.search(line) and ">>>" not in line
    ]
    assert found == []
