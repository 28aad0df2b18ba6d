"""titration_status: every stage pinned whole, doses counted once each, never a change of dose."""

import datetime as dt

import pytest

import duloxinfo
from duloxinfo import Intake, Regimen, TitrationStage, TitrationStatus
from support.times import UTC, at, same

START = dt.datetime(2026, 1, 5, 8, tzinfo=UTC)


def status(stage, taken, reason, rule):
    return TitrationStatus(stage=stage, starting_doses_taken=taken, reason=reason, rule=rule)


def test_titration_stages():
    start = at(2026, 1, 5, 8)
    thirty = Regimen(30, [dt.time(8)], "UTC", start)
    week = [Intake(start + dt.timedelta(days=d), 30) for d in range(7)]
    status = duloxinfo.titration_status
    assert status(thirty, week[:3], start + dt.timedelta(days=3)).stage.value == "starting"
    six = status(thirty, week[:6], start + dt.timedelta(days=8))
    assert (six.stage.value, six.starting_doses_taken) == ("starting", 6)
    ok = status(thirty, week, start + dt.timedelta(days=7))
    assert ok.stage is duloxinfo.TitrationStage.ELIGIBLE_TO_ASK
    assert "ask your prescriber" in ok.reason
    assert "do not change the dose yourself" in ok.reason
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
    s = duloxinfo.titration_status(thirty, empty, start + dt.timedelta(days=10))
    assert (s.stage, s.starting_doses_taken) == (duloxinfo.TitrationStage.STARTING, 0)


@pytest.mark.parametrize(
    ("dose", "times", "expected"),
    [
        (
            60,
            ["08:00", "20:00"],
            status(
                TitrationStage.ABOVE_PAIN_MAXIMUM,
                0,
                "120 mg a day is above the label's 60 mg maximum for pain, a dose labelled only "
                "for depression and anxiety; keep to it only as your prescriber directs and ask "
                "them if you are unsure.",
                "titration/above-pain-maximum",
            ),
        ),
        (
            60,
            ["08:00"],
            status(
                TitrationStage.USUAL_MAXIMUM,
                0,
                "60 mg a day is the usual dose and the label's maximum for chronic "
                "musculoskeletal pain and fibromyalgia; higher doses add side effects, not "
                "benefit, so stay on it as your prescriber directs.",
                "titration/usual-maximum",
            ),
        ),
        (
            20,
            ["08:00", "20:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                "20 mg twice daily is not a step of the usual plan (30 mg once daily, then 60 mg "
                "once daily); take it as your prescriber directs.",
                "titration/outside-plan",
            ),
        ),
        (
            40,
            ["08:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                "40 mg once daily is not a step of the usual plan (30 mg once daily, then 60 mg "
                "once daily); take it as your prescriber directs.",
                "titration/outside-plan",
            ),
        ),
    ],
)
def test_titration_stages_that_do_not_count_doses(dose, times, expected):
    regimen = Regimen(dose, [dt.time.fromisoformat(t) for t in times], "UTC", START)
    taken = [Intake(START + dt.timedelta(days=d), dose) for d in range(3)]
    same(duloxinfo.titration_status(regimen, taken, START + dt.timedelta(days=9)), expected)


def test_titration_starting_and_eligible_count_doses_up_to_now_included():
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    same(
        duloxinfo.titration_status(thirty, week[1:], START + dt.timedelta(days=6)),
        status(
            TitrationStage.STARTING,
            6,
            "You are on the starting dose of 30 mg once daily (6 of the first 7 doses "
            "taken); keep to it as your prescriber directs, who may review it after a week.",
            "titration/starting",
        ),
    )
    # the seventh dose is taken at the very moment of asking, a week after the start
    same(
        duloxinfo.titration_status(thirty, week, START + dt.timedelta(days=7)),
        status(
            TitrationStage.ELIGIBLE_TO_ASK,
            7,
            "You have taken 30 mg once daily for a week (7 doses), so you may ask your "
            "prescriber whether to go up to 60 mg once daily; do not change the dose yourself.",
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
