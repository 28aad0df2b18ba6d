"""titration_status's readiness, proved by properties (issue 24, item 5).

1. A dose the person is not sure of never increases readiness: adding an unsure intake
   to any history never raises ``starting_doses_taken`` and never makes a person
   eligible to ask who was not.
2. Doses older than the recent run never make a person eligible: with a break (a dose
   missed, or only unsure) before ``now``, the answer counts no dose before it, is
   eligible only when the doses after it make a week that is over, and is the same
   whatever the doses before the break were (unless the missed-dose rule answers
   "contact the prescriber" for one of the two histories).
"""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from duloxinfo import Intake, Regimen, TitrationStage, titration_status

START = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)
THIRTY = Regimen(30, [dt.time(8)], "UTC", START)
DAYS = 24
WEEK = 7

# What became of each day's 08:00 dose: not taken, taken for sure, taken unsure.
NONE, SURE, UNSURE = "none", "sure", "unsure"


def _intakes(days, offsets):
    """The intakes of a list of what became of each day's dose, each within its window."""
    return [
        Intake(START + dt.timedelta(days=d, minutes=offsets[d]), 30, certain=what == SURE)
        for d, what in enumerate(days)
        if what != NONE
    ]


@st.composite
def histories(draw):
    """Days of a 30 mg once-daily plan from START, and a moment after the last of them."""
    length = draw(st.integers(1, DAYS))
    days = draw(
        st.lists(st.sampled_from([NONE, SURE, SURE, UNSURE]), min_size=length, max_size=length)
    )
    # Within 3 hours either side of 08:00: well inside the dose's own window.
    offsets = draw(st.lists(st.integers(-180, 180), min_size=DAYS, max_size=DAYS))
    # From 3 hours after the last day's dose (at the latest) to a day and a half later.
    after = draw(st.integers(3 * 60, 36 * 60))
    now = START + dt.timedelta(days=length - 1, minutes=after)
    return days, offsets, now


@given(histories(), st.data())
def test_an_unsure_intake_never_increases_readiness(case, data):
    days, offsets, now = case
    intakes = _intakes(days, offsets)
    before = titration_status(THIRTY, intakes, now)
    # An unsure intake anywhere up to now, of the dose or not.
    span = int((now - START).total_seconds() // 60)
    at = START + dt.timedelta(minutes=data.draw(st.integers(-12 * 60, span)))
    mg = data.draw(st.sampled_from([20, 30, 60]))
    after = titration_status(THIRTY, [*intakes, Intake(at, mg, certain=False)], now)
    assert after.starting_doses_taken <= before.starting_doses_taken
    if after.stage is TitrationStage.ELIGIBLE_TO_ASK:
        assert before.stage is TitrationStage.ELIGIBLE_TO_ASK


@given(histories(), st.data())
def test_doses_older_than_the_recent_run_never_make_a_person_eligible(case, data):
    days, offsets, now = case
    # A break: a day whose dose was missed, or only unsure, before the last day.
    gap = data.draw(st.integers(0, len(days) - 1))
    latest = START + dt.timedelta(days=len(days) - 1)
    kind = data.draw(st.sampled_from([NONE, UNSURE]))
    if gap == len(days) - 1 and now < latest + dt.timedelta(hours=12):
        kind = UNSURE  # a dose not taken whose window is still open is due, not missed
    days = [*days[:gap], kind, *days[gap + 1 :]]
    # Any doses before it: here all taken for sure, there none.
    full = [SURE] * gap + days[gap:]
    empty = [NONE] * gap + days[gap:]
    after_break = len(days) - gap - 1  # the scheduled doses after the break, up to now's day
    # The doses after the break whose week could be over: each followed by its next
    # scheduled time at or before now.
    over = after_break - (1 if latest + dt.timedelta(days=1) > now else 0)
    answers = [titration_status(THIRTY, _intakes(h, offsets), now) for h in (full, empty)]
    for answer in answers:
        assert answer.starting_doses_taken <= max(after_break, 0)
        if answer.stage is TitrationStage.ELIGIBLE_TO_ASK:
            assert over >= WEEK
    if TitrationStage.CONTACT_PRESCRIBER not in {a.stage for a in answers}:
        assert answers[0].stage is answers[1].stage
        assert answers[0].starting_doses_taken == answers[1].starting_doses_taken
