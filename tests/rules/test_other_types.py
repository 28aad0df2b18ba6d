"""The rules given other libraries' datetimes and integers: pendulum, numpy, hostile ones.

Every public rule turns a ``datetime`` subclass into a plain ``datetime`` and an integer
with ``__index__`` into an ``int`` where it comes in (``duloxinfo._validate``), so its
answer is the one the plain values give, made of plain values, and nothing but a
``DuloxinfoError`` escapes.
"""

import datetime as dt

import numpy as np
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import (
    Intake,
    Plan,
    Regimen,
    adherence,
    advise_missed_dose,
    audit,
    dose_log,
    supply_forecast,
    titration_status,
)
from support.foreign import INTEGERS, Hostile, Kind, canonical, foreign, not_plain
from support.safety import situations
from support.times import LONDON, daily, jan


def _ask(plan, intakes, now, start):
    """Each rule's answer (or the DuloxinfoError it raises) for one question."""
    questions = {
        "advise_missed_dose": lambda: advise_missed_dose(plan, intakes, now),
        "audit": lambda: audit(plan, intakes),
        "supply_forecast": lambda: supply_forecast(plan, 20, 60, now, intakes=intakes),
        "dose_log": lambda: dose_log(plan, intakes, start, now, now=now),
        "adherence": lambda: adherence(plan, intakes, start, now, now=now),
        "titration_status": lambda: titration_status(plan, intakes, now),
    }
    answers = {}
    for name, question in questions.items():
        try:
            answers[name] = question()
        except duloxinfo.DuloxinfoError as error:  # anything else fails the test
            answers[name] = (type(error), str(error))
    return answers


def _regimen(phase, kind, integer):
    return Regimen(
        integer(phase.dose_mg),
        phase.times,
        phase.tz,
        foreign(phase.start, kind),
        end=foreign(phase.end, kind),
    )


# A quarter of the profile's examples (25 in dev, 250 in ci): each asks six rules twice.
@settings(max_examples=max(10, settings.default.max_examples // 4))
@given(situations(), st.data())
def test_answers_for_other_datetime_and_integer_types_are_those_for_plain_ones(case, data):
    plan, intakes, now = case
    kinds = st.sampled_from(Kind)
    integer = data.draw(st.sampled_from(INTEGERS))
    phases = plan.phases if isinstance(plan, Plan) else (plan,)
    others = [_regimen(p, data.draw(kinds), integer) for p in phases]
    other_plan = Plan(others) if isinstance(plan, Plan) else others[0]
    other_intakes = [
        Intake(foreign(i.at, data.draw(kinds)), integer(i.dose_mg), certain=i.certain)
        for i in intakes
    ]
    other_now = foreign(now, data.draw(kinds))
    start = now - dt.timedelta(days=3)  # pendulum's own arithmetic keeps the wall clock
    other_start = foreign(start, data.draw(kinds))

    expected = _ask(plan, intakes, now, start)
    answers = _ask(other_plan, other_intakes, other_now, other_start)

    assert canonical(answers) == canonical(expected)
    assert not_plain(answers) == []
    assert not_plain((other_plan, other_intakes)) == []


# Named examples: the types the issue found crashing or refused. ---------------------------


def test_pendulum_datetimes_give_the_plain_answers_of_advise_audit_and_supply():
    london = pendulum.timezone("Europe/London")
    regimen = Regimen(60, [dt.time(8)], london, pendulum.datetime(2026, 1, 5, tz=london))
    taken = [Intake(pendulum.datetime(2026, 1, 6, 8, 5, tz=london), 60)]
    now = pendulum.datetime(2026, 1, 7, 9, tz=london)
    plain = daily(start=jan(5, 0)), [Intake(jan(6, 8, 5), 60)], jan(7, 9)

    assert type(regimen.start) is dt.datetime
    assert type(regimen.tz) is type(regimen.start.tzinfo) is type(LONDON)
    assert regimen == plain[0]
    advice = advise_missed_dose(regimen, taken, now)
    assert advice == advise_missed_dose(*plain)
    assert advice.action is duloxinfo.Action.TAKE_NOW
    assert advice.slot == jan(7, 8)
    assert type(advice.slot) is dt.datetime
    assert audit(regimen, taken + taken) == audit(plain[0], plain[1] * 2) != ()
    supply = supply_forecast(regimen, 60, 10, now, intakes=taken)
    assert supply == supply_forecast(plain[0], 60, 10, plain[2], intakes=plain[1])
    assert not_plain((advice, supply)) == []


def test_numpy_integers_are_doses_and_counts_and_come_back_as_ints():
    regimen = Regimen(np.int64(60), [dt.time(8)], "Europe/London", jan(5, 0))
    intake = Intake(jan(6, 8), np.int32(60))
    fill = duloxinfo.Fill(dt.date(2026, 1, 5), np.uint8(60), np.int16(30))
    assert (regimen.dose_mg, intake.dose_mg, fill.strength_mg, fill.capsules) == (60, 60, 60, 30)
    assert not_plain((regimen, intake, fill)) == []
    supply = supply_forecast(regimen, np.int64(60), np.int64(10), jan(7, 9))
    assert supply == supply_forecast(regimen, 60, 10, jan(7, 9))
    assert supply.doses_left == 10
    doses = duloxinfo.next_doses(regimen, jan(7, 9), np.int64(3))
    assert [d.day for d in doses] == [8, 9, 10]


def test_a_hostile_subclass_in_a_repeated_hour_keeps_its_instant():
    # 01:30 on 25 October 2026 happens twice in London; fold=1 is the second, in GMT.
    second = dt.datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)
    regimen = Regimen(60, [dt.time(8)], "Europe/London", Hostile.of(second))
    assert (regimen.start.hour, regimen.start.fold) == (1, 1)
    assert regimen.start.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)
