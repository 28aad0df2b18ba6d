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
    s = duloxinfo.titration_status(thirty, doubled, start + dt.timedelta(days=7))
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
    # One dose missed (and today's still due) is not yet a reason to call, but it ends the run.
    two = duloxinfo.titration_status(thirty, week[:5], START + dt.timedelta(days=6, hours=1))
    assert (two.stage, two.starting_doses_taken) == (TitrationStage.STARTING, 0)


def test_titration_plan_says_the_plan_steps_up_as_the_prescriber_ordered():
    plan = duloxinfo.titration_plan(START.replace(hour=0), "Europe/London", dt.time(8))
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    same(
        duloxinfo.titration_status(plan, week[:3], START + dt.timedelta(days=3, hours=1)),
        status(
            TitrationStage.STARTING,
            3,
            "Your prescriber's plan is 30 mg once daily. So far, you are sure you took 3 doses "
            "of it in a row. A missed dose, or one you are not sure you took, starts the count "
            "again. Your plan goes on to 60 mg once daily on Monday 12 January, as your "
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


def test_titration_counts_only_the_recent_run_of_the_phase_whenever_it_is():
    # A 30 mg phase that began long ago: a week taken later still counts, since it is the
    # recent run; the week is over, and the person may ask, when the eighth dose is due.
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    late_week = [Intake(START + dt.timedelta(days=40 + d), 30) for d in range(7)]
    s = duloxinfo.titration_status(thirty, late_week, START + dt.timedelta(days=46, hours=1))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.STARTING, 7)
    s = duloxinfo.titration_status(thirty, late_week, START + dt.timedelta(days=47))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.ELIGIBLE_TO_ASK, 7)
    # ... until the dose of that day is missed (its window closes at 20:00).
    s = duloxinfo.titration_status(thirty, late_week, START + dt.timedelta(days=47, hours=12))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.STARTING, 0)
    # A 60 mg intake on a 30 mg slot is not a starting dose.
    wrong = [Intake(START + dt.timedelta(days=d), 60) for d in range(7)]
    s = duloxinfo.titration_status(thirty, wrong, START + dt.timedelta(days=6, hours=1))
    assert s.starting_doses_taken == 0
    # Nor is a dose of 30 mg taken as 20 mg: a wrong dose ends the run as a missed one does.
    short = [Intake(START + dt.timedelta(days=d), 20 if d == 3 else 30) for d in range(6)]
    s = duloxinfo.titration_status(thirty, short, START + dt.timedelta(days=5, hours=1))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.STARTING, 2)


_PAIN_PLAN = (
    "The US label has a plan for long-term muscle and joint pain and for fibromyalgia. It is "
    "30 mg once daily for a week (7 doses), then 60 mg once daily."
)
_OTHER_PLANS = "The label has other plans for other uses, such as depression."
_RUN_AGAIN = "A missed dose, or one you are not sure you took, starts the count again."


@pytest.mark.parametrize(
    ("dose", "times", "expected"),
    [
        (
            60,
            ["08:00", "20:00"],
            status(
                TitrationStage.ABOVE_PAIN_MAXIMUM,
                0,
                "Your prescriber's plan is 60 mg twice daily: 120 mg a day. That is more than "
                "60 mg a day, the top dose in the US label's plan for long-term muscle and joint "
                f"pain and for fibromyalgia. {_OTHER_PLANS} Take 120 mg a day only as your "
                "prescriber directs, and ask them if you are unsure.",
                "titration/above-pain-maximum",
            ),
        ),
        # Issue 24, item 8: 60 mg is the pain plan's top dose, not everyone's; more is
        # never said to "add side effects, not relief".
        (
            60,
            ["08:00"],
            status(
                TitrationStage.USUAL_MAXIMUM,
                0,
                "Your prescriber's plan is 60 mg once daily. The US label's plan for long-term "
                "muscle and joint pain and for fibromyalgia goes up to 60 mg once daily. That "
                f"is its usual dose and its top dose. {_OTHER_PLANS} Keep to your dose as your "
                "prescriber directs.",
                "titration/usual-maximum",
            ),
        ),
        # The pain plan is once daily: 30 mg twice daily is said to be the prescriber's.
        (
            30,
            ["08:00", "20:00"],
            status(
                TitrationStage.USUAL_MAXIMUM,
                0,
                "Your prescriber's plan is 30 mg twice daily: 60 mg a day. The US label's plan "
                "for long-term muscle and joint pain and for fibromyalgia goes up to 60 mg once "
                f"daily. That is its usual dose and its top dose. {_OTHER_PLANS} Keep to your "
                "dose as your prescriber directs.",
                "titration/usual-maximum",
            ),
        ),
        # Issue 24, item 8: the label's depression regimens are the prescriber's plan, and
        # only "not a step" of the pain plan, named as such.
        (
            20,
            ["08:00", "20:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                f"Your prescriber's plan is 20 mg twice daily: 40 mg a day. {_PAIN_PLAN} Your "
                f"dose is not a step of that plan. {_OTHER_PLANS} Take your dose as your "
                "prescriber directs.",
                "titration/outside-plan",
            ),
        ),
        (
            40,
            ["08:00"],
            status(
                TitrationStage.OUTSIDE_PLAN,
                0,
                f"Your prescriber's plan is 40 mg once daily. {_PAIN_PLAN} Your dose is not a "
                f"step of that plan. {_OTHER_PLANS} Take your dose as your prescriber directs.",
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


def test_no_titration_reason_says_more_adds_side_effects_not_relief():
    for text in _every_titration_answer():
        assert "side effects" not in text.reason
        assert "usual plan" not in text.reason


def test_titration_starting_and_eligible_count_doses_up_to_now_included():
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    week = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    same(
        duloxinfo.titration_status(thirty, week[1:], START + dt.timedelta(days=6)),
        status(
            TitrationStage.STARTING,
            6,
            "Your prescriber's plan is 30 mg once daily. So far, you are sure you took 6 doses "
            f"of it in a row. {_RUN_AGAIN} {_PAIN_PLAN} Keep to your dose as your prescriber "
            "directs.",
            "titration/starting",
        ),
    )
    # a week after the start, the eighth dose is due at the very moment of asking
    same(
        duloxinfo.titration_status(thirty, week, START + dt.timedelta(days=7)),
        status(
            TitrationStage.ELIGIBLE_TO_ASK,
            7,
            "Your prescriber's plan is 30 mg once daily. You are sure you took your last 7 "
            f"doses of it, in a row. {_PAIN_PLAN} If that is your plan, you may ask your "
            "prescriber about 60 mg once daily. Do not change the dose yourself.",
            "titration/eligible-to-ask",
        ),
    )
    # the eighth taken at that moment, the seventh missed: the run is the eighth alone
    at_now = [*week[:6], Intake(START + dt.timedelta(days=7), 30)]
    s = duloxinfo.titration_status(thirty, at_now, START + dt.timedelta(days=7))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.STARTING, 1)
    # eight in a row, the eighth just taken: the first seven make a week that is over
    eight = [*week, Intake(START + dt.timedelta(days=7), 30)]
    s = duloxinfo.titration_status(thirty, eight, START + dt.timedelta(days=7, hours=1))
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.ELIGIBLE_TO_ASK, 7)


def test_issue_24_item_5_doses_not_sure_of_never_count_towards_asking():
    # Seven intakes, each "not sure": the missed-dose rule reads them as taken (the safe
    # reading there), adherence counts none of them taken, and neither does titration.
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    unsure = [Intake(START + dt.timedelta(days=d), 30, certain=False) for d in range(7)]
    now = START + dt.timedelta(days=7)
    same(
        duloxinfo.titration_status(thirty, unsure, now),
        status(
            TitrationStage.STARTING,
            0,
            "Your prescriber's plan is 30 mg once daily. So far, you are sure you took no doses "
            f"of it in a row. {_RUN_AGAIN} {_PAIN_PLAN} Keep to your dose as your prescriber "
            "directs.",
            "titration/starting",
        ),
    )
    assert duloxinfo.adherence(thirty, unsure, START, now).taken == 0
    # One unsure dose among sure ones ends the run there.
    mixed = [Intake(START + dt.timedelta(days=d), 30, certain=d != 2) for d in range(7)]
    s = duloxinfo.titration_status(thirty, mixed, now)
    assert (s.stage, s.starting_doses_taken) == (TitrationStage.STARTING, 4)


def test_issue_24_item_5_old_doses_never_count_towards_asking():
    # Seven doses three years ago, then one today: the run is today's dose alone.
    thirty = Regimen(30, [dt.time(8)], "UTC", START)
    today = START + dt.timedelta(days=3 * 365 + 7)
    old = [Intake(START + dt.timedelta(days=d), 30) for d in range(7)]
    same(
        duloxinfo.titration_status(
            thirty, [*old, Intake(today, 30)], today + dt.timedelta(hours=1)
        ),
        status(
            TitrationStage.STARTING,
            1,
            "Your prescriber's plan is 30 mg once daily. So far, you are sure you took 1 dose "
            f"of it in a row. {_RUN_AGAIN} {_PAIN_PLAN} Keep to your dose as your prescriber "
            "directs.",
            "titration/starting",
        ),
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
