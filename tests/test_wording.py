"""The wording layer: English written from the facts alone, plain, and the only place rules' words live."""

import ast
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import duloxinfo
from duloxinfo import reasons as r
from duloxinfo._wording import en
from support.readability import assert_plain
from support.source import docstring_ids

PACKAGE = Path(duloxinfo.__file__).parent
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
AT_HOME = r.ZonesNamed(home=LONDON, now=LONDON)
AWAY = r.ZonesNamed(home=LONDON, now=NEW_YORK)


def london(day, hour, minute=0):
    return dt.datetime(2026, 1, day, hour, minute, tzinfo=LONDON)


def new_york(day, hour, minute=0):
    return dt.datetime(2026, 1, day, hour, minute, tzinfo=NEW_YORK)


# -- rules/ builds no sentence -----------------------------------------------------------------


def _words_outside_errors(path):
    """The string constants of ``path`` holding words, but docstrings and words for developers.

    An error's message, the ``what`` of a ``require_...`` check (``"a whole number of
    mg"``) and a problem a data check notes (``problems.append(...)``) are for developers,
    in English; the words a person reads are not here.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = docstring_ids(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name.endswith("Error") or name.startswith(("require", "problems.")):
                allowed |= {id(n) for n in ast.walk(node)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in allowed
        and " " in node.value.strip()
    ]


def test_the_rules_build_no_sentence_the_wording_layer_writes_them():
    found = {
        path.name: words
        for path in sorted((PACKAGE / "rules").glob("*.py"))
        if (words := _words_outside_errors(path))
    }
    assert found == {}


def test_the_interaction_check_builds_no_sentence_the_wording_layer_writes_them():
    # Its fixed texts are data (interactions/_data); what depends on the times and the
    # names given (a wait's dates, a suggestion, a mark of knowledge) is written in _wording.
    found = {
        path.name: words
        for path in sorted((PACKAGE / "interactions").glob("*.py"))
        if (words := _words_outside_errors(path))
    }
    assert found == {}


def test_the_scan_finds_a_sentence_built_in_a_rule(tmp_path):
    # The check above would pass on an empty scan: show that it sees a reason's words.
    planted = tmp_path / "planted.py"
    planted.write_text('reason = f"Take your {dose} mg now."\nraise DoseError("f", "a b")\n')
    assert _words_outside_errors(planted) == [(1, "Take your "), (1, " mg now.")]


def test_the_wording_never_edits_finished_text():
    for path in (PACKAGE / "_wording").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert "re" not in imported, path.name


# -- the missed-dose words ---------------------------------------------------------------------


def _next(at, *, slot=None, spaced=None, passed=None, now=False):
    return r.NextDose(
        at=at,
        slot=slot or at,
        dose_mg=60,
        passed=passed,
        spaced=spaced,
        follows_dose_now=now,
    )


def _taken(taken_as, *, mg=60, first=None):
    return r.Taken(
        slot=london(6, 8),
        taken_as=taken_as,
        taken_mg=mg,
        dose_mg=60,
        first_at=first or london(5, 23),
    )


MISSED_DOSE = {
    "not started": r.NotStarted(zones=AT_HOME, next=_next(london(7, 8))),
    "not started, spaced": r.NotStarted(
        zones=AT_HOME,
        next=_next(
            london(7, 9),
            slot=london(7, 8),
            spaced=r.SpacedFrom(at=london(6, 21), spacing=dt.timedelta(hours=12), is_last=True),
        ),
    ),
    "no dose left": r.PlanEnded(zones=AT_HOME, taken=None, skipped=None),
    "ended, taken": r.PlanEnded(zones=AT_HOME, taken=_taken(r.TakenAs.TAKEN), skipped=None),
    "ended, skipped": r.PlanEnded(zones=AT_HOME, taken=None, skipped=london(6, 8)),
    "skip, passed over": r.Skip(
        zones=AT_HOME,
        slot=london(6, 8),
        because=r.SkipBecause.NEXT_IS_NEAR,
        early=None,
        next=_next(
            london(7, 21),
            slot=london(7, 20),
            passed=london(7, 8),
            spaced=r.SpacedFrom(at=london(7, 9), spacing=dt.timedelta(hours=12), is_last=False),
        ),
    ),
    "take now": r.TakeNow(
        zones=AT_HOME,
        slot=london(6, 8),
        dose_mg=60,
        counts_for=london(6, 20),
        next=_next(london(7, 8), now=True),
    ),
    "take now, last": r.TakeNow(
        zones=AT_HOME, slot=london(6, 8), dose_mg=60, counts_for=None, next=None
    ),
    "contact, or more": r.ContactPrescriber(days=30, or_more=True, began=None),
    "contact, never started": r.ContactPrescriber(days=3, or_more=False, began=dt.date(2026, 1, 5)),
}
for taken_as in r.TakenAs:
    MISSED_DOSE[f"taken {taken_as.value}"] = r.AlreadyTaken(
        zones=AT_HOME,
        taken=_taken(taken_as, mg={r.TakenAs.TOO_MUCH: 90, r.TakenAs.PART: 30}.get(taken_as, 60)),
        early=None,
        next=_next(london(7, 8)),
    )
for because in r.SkipBecause:
    MISSED_DOSE[f"skip {because.value}"] = r.Skip(
        zones=AT_HOME,
        slot=london(6, 8),
        because=because,
        early=r.TakenEarly(slot=london(6, 20), at=london(6, 18))
        if because is r.SkipBecause.NEXT_TAKEN_EARLY
        else None,
        next=_next(london(7, 8)),
    )
for latest in (True, False):
    MISSED_DOSE[f"wait, latest {latest}"] = r.Wait(
        zones=AT_HOME,
        slot=london(6, 8),
        last=london(6, 2),
        last_is_latest=latest,
        ready=london(6, 14),
        spacing=dt.timedelta(hours=12),
    )


@pytest.mark.parametrize("name", sorted(MISSED_DOSE))
def test_every_missed_dose_fact_reads_plainly(name):
    text = en.missed_dose(MISSED_DOSE[name])
    assert text.endswith("."), text
    assert "  " not in text, text
    assert "None" not in text, text
    assert_plain(text)


def test_the_words_say_what_the_facts_hold():
    assert en.missed_dose(MISSED_DOSE["no dose left"]) == (
        "No dose is left for you to take now. That was the last dose of your plan. Do not "
        "take more unless your prescriber tells you to."
    )
    assert en.missed_dose(MISSED_DOSE["skip, passed over"]) == (
        "It is almost time for your next dose, so skip the missed 08:00 dose of Tuesday 6 "
        "January. Skip your 08:00 dose of Wednesday 7 January, as it is too soon after your "
        "last dose. Take your 20:00 dose of Wednesday 7 January at 21:00, as your prescriber "
        "directs. That is 12 hours after your dose at 09:00 on Wednesday 7 January. Never take "
        "two doses at once."
    )
    assert en.missed_dose(MISSED_DOSE["take now"]) == (
        "Take your 08:00 dose of Tuesday 6 January now: 60 mg. It counts as your 20:00 dose "
        "of Tuesday 6 January, as it is nearer to that time. Then take the next one at 08:00 "
        "on Wednesday 7 January, as your prescriber directs. Never take two doses to make up "
        "for a missed one."
    )


def test_the_spacing_said_is_the_real_time_the_facts_give_not_the_clock_difference():
    # 01:00 to 12:00 on the night the clocks go forward is 10 real hours, not 11.
    night = dt.datetime(2026, 3, 29, 1, tzinfo=LONDON)
    facts = r.Wait(
        zones=AT_HOME,
        slot=night,
        last=night,
        last_is_latest=True,
        ready=night.replace(hour=12),
        spacing=dt.timedelta(hours=10),
    )
    assert "doses need 10 hours between them" in en.missed_dose(facts)


def test_away_from_home_one_zone_is_said_once_and_two_zones_each_time():
    one = r.TakeNow(
        zones=AWAY,
        slot=new_york(6, 8),
        dose_mg=60,
        counts_for=None,
        next=_next(new_york(7, 8), now=True),
    )
    assert en.missed_dose(one) == (
        "Take your 08:00 dose of Tuesday 6 January now: 60 mg. Then take the next one at 08:00 "
        "on Wednesday 7 January, as your prescriber directs. Never take two doses to make up "
        "for a missed one. All times are New York time."
    )
    two = r.TakeNow(
        zones=AWAY,
        slot=new_york(6, 8),
        dose_mg=60,
        counts_for=None,
        next=_next(london(7, 8), now=True),
    )
    text = en.missed_dose(two)
    assert "08:00 dose of Tuesday 6 January (New York time)" in text
    assert "08:00 on Wednesday 7 January (London time)" in text
    assert "All times" not in text
    at_home = r.TakeNow(zones=AT_HOME, slot=new_york(6, 8), dose_mg=60, counts_for=None, next=None)
    assert "(New York time)" in en.missed_dose(at_home)


# -- the other rules' words --------------------------------------------------------------------

PAIN = r.PainPlan(starting_mg=30, starting_doses=7, usual_mg=60, maximum_mg=60)


def _written(dose_mg, doses_per_day):
    return r.Prescribed(dose_mg=dose_mg, doses_per_day=doses_per_day)


OTHERS = [
    *(
        en.titration(fact)
        for fact in (
            r.AboveMaximum(prescribed=_written(60, 2), daily_mg=120, pain=PAIN),
            r.AboveMaximum(prescribed=_written(90, 1), daily_mg=90, pain=PAIN),
            r.UsualMaximum(prescribed=_written(60, 1), pain=PAIN),
            r.UsualMaximum(prescribed=_written(30, 2), pain=PAIN),
            r.OutsidePlan(prescribed=_written(20, 2), pain=PAIN),
            r.OutsidePlan(prescribed=_written(40, 1), pain=PAIN),
            r.EligibleToAsk(prescribed=_written(30, 1), taken=7, pain=PAIN),
            *(
                r.Starting(prescribed=_written(30, 1), taken=taken, next=step, pain=PAIN)
                for taken in (0, 1, 3, 7)
                for step in (
                    None,
                    r.NextPhase(dose_mg=60, doses_per_day=1, starts_on=dt.date(2026, 1, 12)),
                )
            ),
        )
    ),
    *(
        en.supply(r.Enough(on_hand=r.OnHand(capsules=held, of_strength=of), doses=doses))
        for held, of in ((((30, 4),), 30), ((), 30), (((60, 2), (30, 1)), None), ((), None))
        for doses in (0, 4)
    ),
    *(
        en.supply(
            r.RunsOut(
                on_hand=r.OnHand(capsules=((30, 1),), of_strength=None),
                doses=doses,
                runs_out_on=dt.date(2026, 1, 12),
                out_mg=60,
                left_cannot_make=cannot,
                refill_by=dt.date(2026, 1, 5),
                refill_today=today,
            )
        )
        for doses in (0, 3)
        for cannot in (True, False)
        for today in (True, False)
    ),
    *(
        en.double_dose(fact)
        for certain in (True, False)
        for fact in (
            r.OversizedIntake(taken_mg=120, within=None, dose_mg=60, certain=certain),
            r.OversizedIntake(
                taken_mg=90, within=dt.timedelta(minutes=20), dose_mg=60, certain=certain
            ),
            r.TooClose(
                gap=dt.timedelta(hours=1, minutes=10),
                spacing=dt.timedelta(hours=12),
                certain=certain,
            ),
        )
    ),
]


@pytest.mark.parametrize("text", OTHERS)
def test_every_other_rules_fact_reads_plainly(text):
    assert text.endswith("."), text
    assert "  " not in text, text
    assert "None" not in text, text
    assert_plain(text)


def test_supply_words():
    held = r.OnHand(capsules=((60, 2), (30, 1)), of_strength=None)
    assert en.supply(r.Enough(on_hand=held, doses=3)) == (
        "You have 2 capsules of 60 mg and 1 capsule of 30 mg. That is enough for the 3 doses "
        "left in your plan."
    )
    none = r.OnHand(capsules=(), of_strength=30)
    assert en.supply(r.Enough(on_hand=none, doses=0)) == (
        "You have no capsules of 30 mg. Your plan has no more doses."
    )


def test_a_wait_is_said_in_days_hours_or_as_a_span():
    # The data's waits are whole days today; an hour-based wait (as US PI-G §2.10's 24-hour
    # restart once was) and any other span are said as the sources would.
    assert en._wait(dt.timedelta(days=14)) == "14 days"
    assert en._wait(dt.timedelta(hours=24)) == "24 hours"
    assert en._wait(dt.timedelta(hours=36)) == "36 hours"
    assert en._wait(dt.timedelta(minutes=90)) == "1 h 30 min"
