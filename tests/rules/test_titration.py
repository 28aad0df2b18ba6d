"""titration_status: every stage pinned whole, doses counted once each, never a change of dose."""

import datetime as dt

import pytest

import duloxinfo
from duloxinfo import Intake, Regimen, TitrationStage, TitrationStatus
from support.readability import assert_plain
from support.times import UTC, at, same

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)


def status(stage, taken, reason, rule):
    # ``because`` is left out of the repr that ``same`` compares; test_reasons pins the facts.
    return TitrationStatus(
        stage=stage, starting_doses_taken=taken, reason=reason, rule=rule, because=None
    )


def test_titration_stages():
    start = at(2026, 1, 5, 8)
    thirty = Regimen(30, [dt.time(8)], "UTC", start)
    week = [Intake(start + dt.timedelta(days=d), 30) for d in range(7)]
    status = duloxinfo.titration_status
    assert status(thirty, week[:3], start + dt.timedelta(days=3)).stage.value == "starting"
    six = status(thirty, week[:6], start + dt.timedelta(days=6, hours=1))
    assert (six.stage.value, six.starting_doses_taken) == ("starting", 6)
    ok = status(thirty, week, start + dt.timedelta(days=7))
    assert ok.stage is duloxinfo.TitrationStage.ELIGIBLE_TO_ASK
    assert "ask your prescriber" in ok.reason
    assert "Do not change the dose yourself." in ok.reason
    sixty = Regimen(60, [dt.time(8)], "UTC", start)
    assert status(sixty, [], start).stage is duloxinfo.TitrationStage.USUAL_MAXIMUM
    split = Regimen(30, [dt.time(8), dt.time(20)], "UTC", start)
    assert status(split, [], start).stage is duloxinfo.TitrationStage.USUAL_MAXIMUM
    high = Regimen(60, [dt.time(8), dt.time(20)], "UTC", start)
    assert status(high, [], start).stage is duloxinfo.TitrationStage.ABOVE_PAIN_MAXIMUM
    low = Regimen(20, [dt.time(8)], "UTC", start)
    assert status(low, [], start).stage is duloxinfo.TitrationStage.OUTSIDE_PLAN
    for s in duloxinfo.TitrationStage:
        assert s.value  # every stage has a stable value


def test_titration_never_counts_double_or_wrong_doses_twice():
    start = at(2026, 1, 5, 8)
    thirty = Regimen(30, [dt.time(8)], "UTC", start)
    doubled = [Intake(start + dt.timedelta(days=d // 2, hours=d % 2), 30) for d in range(14)]
    s = duloxinfo.titration_status(thirty, doubled, start + dt.timedelta(days=8))
    assert s.starting_doses_taken == 7
    assert s.stage is duloxinfo.TitrationStage.ELIGIBLE_TO_ASK


def test_titration_with_no_history_has_taken_no_starting_doses():
    start = at(2026, 1, 5, 8)
    thirty = Regimen(30, [dt.time(8)], "UTC", start)
    empty = duloxinfo.IntakeHistory([])
    assert len(empty) == 0
    s = duloxinfo.titration_status(thirty, empty, start + dt.timedelta(days=1))
    assert (s.stage, s.starting_doses_taken) == (duloxinfo.TitrationStage.STARTING, 0)


def test_titration_agrees_with_the_missed_dose_rule_when_doses_stop():
    # Issue case 8: seven doses three years ago and none since is not "eligible to ask".
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    for taken, now, reason in [
        (
            week,
            START + dt.timedelta(days=7 + 3 * 365),
            (
                "You have missed your doses for 30 days or more in a row. Do not take a dose "
                "now. Contact your prescriber today before you start again. If you cannot reach "
                "them, ask a pharmacist. Stopping suddenly can cause withdrawal symptoms, so do "
                "not wait."
            ),
        ),
        (
            [],
            START + dt.timedelta(days=10),
            (
                "You have not taken a dose since your plan began on Monday 5 January. Do not "
                "take a dose now. Contact your prescriber today before you start. If you cannot "
                "reach them, ask a pharmacist."
            ),
        ),
    ]:
        same(
            duloxinfo.titration_status(thirty, taken, now),
            status(TitrationStage.CONTACT_PRESCRIBER, 0, reason, "titration/contact-prescriber"),
        )
        advice = duloxinfo.advise_missed_dose(thirty, taken, now)
        assert (advice.action, advice.reason) == (duloxinfo.Action.CONTACT_PRESCRIBER, reason)
    # Two days missed is not yet a reason to call.
    two = duloxinfo.titration_status(thirty, week[:5], START + dt.timedelta(days=6, hours=1))
    assert (two.stage, two.starting_doses_taken) == (TitrationStage.STARTING, 5)


def test_titration_plan_says_the_plan_steps_up_as_the_prescriber_ordered():
    plan = duloxinfo.titration_plan(START.replace(hour=0), "Europe/London", dt.time(8))
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    same(
        duloxinfo.titration_status(plan, week[:3], START + dt.timedelta(days=3, hours=1)),
        status(
            TitrationStage.STARTING,
            3,
            "You are on the starting dose of 30 mg once daily, and have taken 3 of the first "
            "7 doses. Your plan goes on to 60 mg once daily on Monday 12 January, as your "
            "prescriber ordered.",
            "titration/starting",
        ),
    )
    # A week done within the plan is never "eligible to ask": the plan already says what next.
    done = duloxinfo.titration_status(plan, week, START + dt.timedelta(days=6, hours=1))
    assert (done.stage, done.starting_doses_taken) == (TitrationStage.STARTING, 7)
    sixty = [*week, Intake(START + dt.timedelta(days=7), 60)]
    later = duloxinfo.titration_status(plan, sixty, START + dt.timedelta(days=7, hours=1))
    assert later.stage is TitrationStage.USUAL_MAXIMUM


def test_titration_counts_starting_doses_only_in_the_phases_first_30_days():
    # A 30 mg phase that began long ago: the count stops at the phase's first 30 days, so a
    # week taken later than that is not counted (the work stays bounded).
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    late_week = [Intake(START + dt.timedelta(days=40 + d), 30) for d in range(7)]
    s = duloxinfo.titration_status(thirty, late_week, START + dt.timedelta(days=46, hours=1))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.STARTING, 0)
    early_week = [Intake(START + dt.timedelta(days=23 + d), 30) for d in range(7)]
    s = duloxinfo.titration_status(thirty, early_week, START + dt.timedelta(days=29, hours=1))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.ELIGIBLE_TO_ASK, 7)
    # A 60 mg intake on a 30 mg slot is not a starting dose.
    wrong = [Intake(START + dt.timedelta(days=d), 60) for d in range(7)]
    s = duloxinfo.titration_status(thirty, wrong, START + dt.timedelta(days=6, hours=1))
    assert s.starting_doses_taken == 0


@pytest.mark.parametrize(
    ("dose", "times", "expected"),
    [
        (
            60,
            ["08:00", "20:00"],
            status(
                TitrationStage.ABOVE_PAIN_MAXIMUM,
                0,
                "120 mg a day is more than the US label's 60 mg top dose for long-term muscle "
                "and joint pain and for fibromyalgia. Higher doses are used for other uses, such "
                "as depression. Keep to it only as your prescriber directs, and ask them if you "
                "are unsure.",
                "titration/above-pain-maximum",
            ),
        ),
        (
            60,
            ["08:00"],
            status(
                TitrationStage.USUAL_MAXIMUM,
                0,
                "60 mg a day is the US label's usual dose for long-term muscle and joint pain "
                "and for fibromyalgia. It is also the top dose for them. More adds side effects, not "
                "relief, so stay on it as your prescriber directs.",
                "titration/usual-maximum",
            ),
        ),
        (
            20,
            ["08:00", "20:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                "20 mg twice daily is not a step of the usual plan, which is 30 mg once daily, "
                "then 60 mg once daily. Take it as your prescriber directs.",
                "titration/outside-plan",
            ),
        ),
        (
            40,
            ["08:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                "40 mg once daily is not a step of the usual plan, which is 30 mg once daily, "
                "then 60 mg once daily. Take it as your prescriber directs.",
                "titration/outside-plan",
            ),
        ),
    ],
)
def test_titration_stages_that_do_not_count_doses(dose, times, expected):
    regimen = Regimen(dose, [dt.time.fromisoformat(t) for t in times], "UTC", START)
    taken = [Intake(START + dt.timedelta(days=d), dose) for d in range(3)]
    now = START + dt.timedelta(days=2, hours=1)
    same(duloxinfo.titration_status(regimen, taken, now), expected)


def test_titration_starting_and_eligible_count_doses_up_to_now_included():
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    same(
        duloxinfo.titration_status(thirty, week[1:], START + dt.timedelta(days=6)),
        status(
            TitrationStage.STARTING,
            6,
            "You are on the starting dose of 30 mg once daily, and have taken 6 of the first 7 "
            "doses. Keep to it as your prescriber directs. They may review it after a week.",
            "titration/starting",
        ),
    )
    # the seventh dose is taken at the very moment of asking, a week after the start
    same(
        duloxinfo.titration_status(thirty, week, START + dt.timedelta(days=7)),
        status(
            TitrationStage.ELIGIBLE_TO_ASK,
            7,
            "You have taken 30 mg once daily for a week: 7 doses. You may ask your prescriber "
            "if you should go up to 60 mg once daily. Do not change the dose yourself.",
            "titration/eligible-to-ask",
        ),
    )
    at_now = [*week[:6], Intake(START + dt.timedelta(days=7), 30)]
    assert (
        duloxinfo.titration_status(
            thirty, at_now, START + dt.timedelta(days=7)
        ).starting_doses_taken
        == 7
    )


def test_titration_counts_a_single_dose_taken_before_the_start_as_nothing():
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    early = [Intake(START - dt.timedelta(days=1), 30)]
    assert (
        duloxinfo.titration_status(thirty, early, START + dt.timedelta(days=1)).starting_doses_taken
        == 0
    )


def _every_titration_answer():
    """One answer of each stage, and each wording of STARTING and CONTACT_PRESCRIBER."""
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    plan = duloxinfo.titration_plan(START.replace(hour=0), "Europe/London", dt.time(8))
    asks = [
        (thirty, week[:3], START + dt.timedelta(days=2, hours=1)),  # starting
        (plan, week[:3], START + dt.timedelta(days=2, hours=1)),  # starting, plan steps up
        (thirty, week, START + dt.timedelta(days=7)),  # eligible to ask
        (thirty, week, START + dt.timedelta(days=40)),  # contact, restart
        (thirty, [], START + dt.timedelta(days=4)),  # contact, never started
    ]
    for dose, times in [(60, [8]), (60, [8, 20]), (20, [8, 20])]:
        regimen = Regimen(dose, [dt.time(t) for t in times], "UTC", START)
        asks.append((regimen, [Intake(START, dose)], START + dt.timedelta(hours=1)))
    return [duloxinfo.titration_status(*ask) for ask in asks]


def test_every_titration_reason_reads_at_grade_8_or_below():
    answers = _every_titration_answer()
    assert {a.stage for a in answers} == set(TitrationStage)
    assert len({a.reason for a in answers}) == len(answers)
    for answer in answers:
        assert_plain(answer.reason)
