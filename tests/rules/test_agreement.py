"""The five rules never contradict one another on the same history (issue 24).

For one plan, history and moment, ``advise_missed_dose``, ``dose_log``, ``titration_status``,
``supply_forecast`` (with ``supply_from_fills``, whose answer alone says ``due_now``) and
``audit`` each answer, and every field of one answer that another answer also speaks of
must agree.  The log is the common ground: asked with ``now`` over about the last nine
days (further back when the advice's slot is older), it says which intakes each scheduled
dose has and whether a dose not taken is still due or missed.

1. The advice's slot is the log's latest slot at or before now, and the log judges it as
   the advice does: taken exactly when the advice says it was (``ALREADY_TAKEN``, or a
   ``PLAN_ENDED`` that names it taken), due exactly when a take-now dose counts for it;
   what the advice says was taken (mg, not sure, too much, first intake, taken early) is
   what the log holds; ``missed_in_a_row`` is the log's trailing run of slots with no
   intake; the next dose named is a slot the log shows not taken, and every slot before it
   that the log shows not taken is accounted for.
2. A dose taken as advised (now, at the end of a wait, at ``next_dose_at``) is, in the
   log, the only intake of the slot the advice names, and a dose the person is sure of.
3. Titration stops at ``CONTACT_PRESCRIBER`` exactly when the advice does, and its
   ``starting_doses_taken`` and eligibility are the log's recent run.
4. Supply counts a dose due now exactly when the advice says to take one now or after a
   wait, and then the doses the log shows not taken, in order, passing over the slot the
   due dose counts for.
5. The audit's findings name, for each intake, the slot the log gives it, and a slot the
   log gives more than one dose, too close together, is in a finding.

Cases are ``situations()`` (any plan, any short history, any moment) and ``daily_runs()``:
up to twenty scheduled doses taken for sure, but for a few faults, on the starting dose, the
label's titration plan, a restart after a trip, a step to twice daily or twice daily, ending
now and then in misses, so that titration's ``ELIGIBLE_TO_ASK``, runs of misses to
``CONTACT_PRESCRIBER``, waits and take-now doses that count for the next slot appear.  The
planted bugs tried against these properties are listed in the commit that added them.
"""

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from duloxinfo import (
    CONTACT_PRESCRIBER_AFTER_DAYS,
    LABEL,
    ONE_DOSE_WITHIN,
    Action,
    DoseStatus,
    Fill,
    Intake,
    Plan,
    Regimen,
    TitrationStage,
    advise_missed_dose,
    audit,
    dose_log,
    dose_times,
    reasons,
    supply_forecast,
    supply_from_fills,
    titration_plan,
    titration_status,
)
from support import oracle
from support.oracle import utc
from support.safety import situations
from support.strategies import ZONES, day_times, in_any_zone, near, times_of_day

TICK = dt.timedelta(microseconds=1)
DAY = dt.timedelta(days=1)
MINUTE = dt.timedelta(minutes=1)
# Nine days: enough for titration's walk (N + 2 = 9 once-daily doses) and for three days
# of misses in a row, with pauses between phases.
LOOK_BACK = 9 * DAY
SURE = frozenset({DoseStatus.ON_TIME, DoseStatus.EARLY, DoseStatus.LATE})
NOT_TAKEN = frozenset({DoseStatus.MISSED, DoseStatus.DUE})
STRENGTHS = (60, 40, 30, 20)


# -- cases ---------------------------------------------------------------------------------

FAULTS = ("early", "late", "unsure", "none", "twice", "other", "capsules", "stray")


def spread(lo, hi):
    """An integer from ``lo`` to ``hi``, spread over the whole range: ``st.integers`` draws
    mostly near the low end of a wide one."""
    step = max((hi - lo) // 20, 1)
    return st.tuples(st.sampled_from(range(lo, hi + 1, step)), st.integers(0, step - 1)).map(
        lambda t: min(sum(t), hi)
    )


KINDS = ("starting", "titration", "restart", "step", "twice", "twice")
# How the history ends: as drawn, a run of that many misses, or (-1) a late dose and a miss.
ENDS = (0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 5, 7, -1, -1)


@st.composite
def daily_runs(
    draw,
    kinds=KINDS,
    ends=ENDS,
    faults=(0, 1, 1, 2, 3, 4),
    kinds_of_fault=FAULTS,
    since=-1 / 10,
    upto=3 / 2,
):
    """A plan of daily doses and a history of what became of each: a run, ending now and then
    in misses, and a moment around the last dose drawn and the next (or the one after).

    The plan is the starting dose (30 mg once daily) open-ended, the label's titration plan,
    a restart of the starting dose after a trip (a new phase, perhaps after a pause), a step
    to twice daily, or twice daily.  Each dose is taken for sure near its time, but for a
    few faults among the last ten (early or late within its window, not for sure, not at
    all, twice, as another dose, as two capsules, or at any time up to a day either side)
    and perhaps a run of misses, or a late dose and a miss, at the end.  ``since`` and
    ``upto`` bound the moment, as parts of the time from the last dose drawn to the next.
    """
    zone = draw(st.sampled_from(ZONES))
    start = draw(near(zone, days=3))
    at = draw(times_of_day())
    kind = draw(st.sampled_from(kinds))
    if kind == "starting":
        plan = Regimen(30, [at], zone, start)
    elif kind == "titration":
        plan = titration_plan(start, zone, at)
    elif kind == "restart":
        leave = start + dt.timedelta(hours=draw(st.integers(3 * 24, 9 * 24)))
        pause = dt.timedelta(hours=draw(st.sampled_from([0, 0, 12, 48])))
        away = Regimen(30, [draw(times_of_day())], draw(st.sampled_from(ZONES)), leave + pause)
        plan = Plan([Regimen(30, [at], zone, start, end=leave), away])
    elif kind == "step":  # to twice daily: the once-daily spacing holds into it
        leave = start + dt.timedelta(hours=draw(st.integers(3 * 24, 9 * 24)))
        then = Regimen(20, draw(day_times(2)), zone, leave)
        plan = Plan([Regimen(30, [at], zone, start, end=leave), then])
    else:  # twice daily, its times perhaps uneven: a dose late for one is near the next
        plan = Regimen(draw(st.sampled_from([20, 30, 40, 60])), draw(day_times(2)), zone, start)
    slots = [utc(s) for s in dose_times(plan, start, start + 20 * DAY)]
    count = draw(st.sampled_from(range(1, min(len(slots) - 1, 20) + 1)))  # uniform: long runs too
    what = ["sure"] * count
    # Faults among the last ten doses drawn, where the recent run and the advice look.
    for _ in range(draw(st.sampled_from(faults))):
        what[count - 1 - draw(st.sampled_from(range(min(count, 10))))] = draw(
            st.sampled_from(kinds_of_fault)
        )
    missed = draw(st.sampled_from(ends))
    if missed < 0:
        what[-2:] = ["late", "none"][-count:]
    else:
        what = what[: max(count - missed, 0)] + ["none"] * min(missed, count)
    intakes = []
    for i, how in enumerate(what):
        slot, phase = slots[i], oracle.phases(plan)[oracle.phase_at(plan, slots[i])]
        if how == "none":
            continue
        # Early or late within its window: up to H, or the midpoint with a nearer neighbour.
        dose, h = phase.dose_mg, oracle.spacing_of(phase) // MINUTE
        before = min(h, (slot - slots[i - 1]) // 2 // MINUTE) if i else h
        after = min(h, (slots[i + 1] - slot) // 2 // MINUTE)
        minutes = {
            "early": (-before + 1, -before // 4),
            "late": (after // 4, after - 1),
            "stray": (-2 * h, 2 * h),
        }.get(how, (-90, 90))
        taken = slot + draw(spread(*minutes)) * MINUTE
        if how == "capsules" and dose in {40, 60}:
            second = taken + draw(st.integers(1, 10)) * MINUTE
            intakes += [Intake(taken, dose // 2), Intake(second, dose // 2)]
            continue
        mg = (20 if dose != 20 else 30) if how == "other" else dose
        intakes.append(Intake(draw(in_any_zone(taken)), mg, certain=how != "unsure"))
        if how == "twice":
            intakes.append(Intake(taken + draw(st.integers(31, 180)) * MINUTE, dose))
    gap = (slots[count] - slots[count - 1]) // dt.timedelta(seconds=1)
    now = slots[count - 1] + dt.timedelta(seconds=draw(spread(int(gap * since), int(gap * upto))))
    intakes = [i for i in intakes if utc(i.at) <= now]
    return plan, intakes, draw(in_any_zone(now))


def cases():
    """Any plan and short history; a run of daily doses; a late dose, then a missed one, on
    twice-daily times perhaps uneven (or a step to them), asked soon after: where the
    missed dose waits for the late one, counts for the next slot if taken now, or is
    skipped."""
    return st.one_of(
        situations(),
        daily_runs(),
        daily_runs(kinds=("twice", "step"), ends=(-1,), since=0, upto=1),
    )


# -- the log, asked the advice's questions -------------------------------------------------


def _judged(plan, intakes, now, advice):
    """The log's slots at or before ``now``, in time order, judged at ``now``, and its start.

    The log's period ends before ``now`` (its end is excluded and may not be after ``now``),
    so a slot exactly at ``now`` comes from a log of the next microsecond: its window holds
    ``now`` (a slot is in its own window), so with no intake it is due.
    """
    lo = utc(now) - LOOK_BACK
    if advice.slot is not None:
        lo = min(lo, utc(advice.slot) - LOOK_BACK)
    doses = list(dose_log(plan, intakes, lo, now, now=now).doses)
    at_now = dose_log(plan, intakes, now, utc(now) + TICK).doses
    doses.extend(d if d.intakes else attrs.evolve(d, status=DoseStatus.DUE) for d in at_now)
    return lo, doses


def _slot(plan, intakes, instant):
    """The log's record of the slot at ``instant``, which must be a slot of the plan."""
    (found,) = dose_log(plan, intakes, instant, utc(instant) + TICK).doses
    assert utc(found.slot) == utc(instant)
    return found


def _given_to(plan, intakes, new):
    """The log's record of the slot a new intake belongs to, with it; None when unscheduled."""
    at = utc(new.at)
    log = dose_log(plan, [*intakes, new], at - 3 * DAY, at + 3 * DAY)
    found = [d for d in log.doses if any(i is new for i in d.intakes)]
    if not found:
        assert any(i is new for i in log.unscheduled)
        return None
    (only,) = found
    return only


def _interval(plan, slot):
    """The interval of the phase of ``slot``: what a missed dose is worth in days."""
    phase = oracle.phases(plan)[oracle.phase_at(plan, slot)]
    return DAY / len(phase.times)


def _mg(doses):
    return sum(i.dose_mg for i in doses)


# -- 1. the advice and the log -------------------------------------------------------------


@given(cases())
def test_the_log_judges_the_advised_slot_as_the_advice_does(case):
    plan, intakes, now = case
    advice = advise_missed_dose(plan, intakes, now)
    facts = advice.because
    lo, judged = _judged(plan, intakes, now, advice)
    taken = facts.taken if isinstance(facts, reasons.AlreadyTaken | reasons.PlanEnded) else None

    if advice.slot is None:
        # No slot yet: the log has none at or before now either.
        assert judged == []
        assert advice.missed_in_a_row == 0
    else:
        current = judged[-1]
        assert repr(current.slot) == repr(advice.slot)
        if isinstance(facts, reasons.PlanEnded):
            assert (taken is None) != (facts.skipped is None)
            assert utc(taken.slot if taken is not None else facts.skipped) == utc(advice.slot)
        if taken is not None:
            assert current.intakes
            assert current.status not in NOT_TAKEN
        else:
            # TAKE_NOW, SKIP, CONTACT_PRESCRIBER, NOT_DUE (a wait), PLAN_ENDED (skipped).
            assert current.intakes == ()
            assert current.status in NOT_TAKEN
        if advice.action is Action.TAKE_NOW:
            # Due (its window open at now) exactly when the dose taken now counts for it.
            assert (current.status is DoseStatus.DUE) == (facts.counts_for is None), advice
            if facts.counts_for is not None:
                assert utc(facts.counts_for) > utc(now)
                assert _slot(plan, intakes, facts.counts_for).intakes == ()
        check_missed_run(plan, advice, lo, judged)

    if taken is not None:
        # What the advice says was taken is what the log holds for that slot.
        d = current if advice.slot is not None else _slot(plan, intakes, taken.slot)
        if advice.slot is None:  # the plan's first dose, taken early
            assert utc(taken.slot) > utc(now)
            assert d.intakes
        assert (taken.taken_mg, taken.dose_mg) == (_mg(d.intakes), d.dose_mg)
        assert utc(taken.first_at) == utc(d.intakes[0].at)
        if taken.taken_as is reasons.TakenAs.UNSURE:
            assert d.status is DoseStatus.NOT_SURE
        if d.status in SURE:
            assert taken.taken_as is not reasons.TakenAs.UNSURE
        too_much = all(i.certain for i in d.intakes) and _mg(d.intakes) > d.dose_mg
        assert advice.get_advice_now == too_much
    else:
        assert not advice.get_advice_now

    # A slot the advice says was taken early is, in the log, a later slot with intakes.
    early = getattr(facts, "early", None)
    if early is not None:
        d = _slot(plan, intakes, early.slot)
        assert utc(early.slot) > utc(now)
        assert d.intakes
        assert utc(d.intakes[0].at) == utc(early.at)

    check_next_dose(plan, intakes, now, advice)


def check_missed_run(plan, advice, lo, judged):
    """``missed_in_a_row`` is the log's trailing run of slots with no intake, up to the slot.

    Exact when a slot with an intake ends the run inside the log's period, or the period
    holds every slot of the plan up to now; otherwise the advice, which looks further
    back, counts at least as many.  Three days' worth is where the advice contacts the
    prescriber.
    """
    run, days, ended = 0, dt.timedelta(0), False
    for d in reversed(judged):
        if d.intakes:
            ended = True
            break
        run += 1
        days += _interval(plan, d.slot)
    exact = ended or lo <= utc(oracle.phases(plan)[0].start)
    if exact:
        assert advice.missed_in_a_row == run, (advice, run)
    else:
        assert advice.missed_in_a_row >= run, (advice, run)
    contact = advice.action is Action.CONTACT_PRESCRIBER
    if days >= CONTACT_PRESCRIBER_AFTER_DAYS * DAY:
        assert contact, (advice, run)
    if contact and exact:
        assert days >= CONTACT_PRESCRIBER_AFTER_DAYS * DAY, (advice, run)


def check_next_dose(plan, intakes, now, advice):
    """The next dose the advice names is a slot the log shows not taken, of the dose named,
    and every slot after now and before it that the log shows not taken is the one a dose
    taken now counts for, or one passed over (and said to be)."""
    following = getattr(advice.because, "next", None)
    if following is None:
        return
    assert repr(following.at) == repr(advice.next_dose_at)
    d = _slot(plan, intakes, following.slot)
    assert (d.intakes, d.dose_mg) == ((), following.dose_mg)
    assert utc(following.slot) > utc(now)
    now_for = None
    if advice.action is Action.TAKE_NOW:
        now_for = utc(advice.because.counts_for or advice.slot)
    for d in dose_log(plan, intakes, utc(now) + TICK, following.slot).doses:
        if not d.intakes:
            passed = following.passed is not None and utc(d.slot) >= utc(following.passed)
            assert utc(d.slot) == now_for or passed, (advice, d)


# -- 2. doses taken as advised, in the log -------------------------------------------------


@given(cases())
def test_a_dose_taken_as_advised_is_the_log_s_only_dose_of_the_slot_the_advice_names(case):
    plan, intakes, now = case
    advice = advise_missed_dose(plan, intakes, now)
    facts = advice.because
    taken = list(intakes)
    if advice.action is Action.TAKE_NOW:
        new = Intake(now, advice.dose_mg)
        d = _given_to(plan, taken, new)
        assert d is not None
        assert utc(d.slot) == utc(facts.counts_for or advice.slot)
        assert (d.taken, d.extra, d.status in SURE) == ((new,), (), True)
        # One dose in force: the missed slot's, or the smaller of the slot it counts for.
        assert advice.dose_mg == min(_slot(plan, intakes, advice.slot).dose_mg, d.dose_mg)
        taken.append(new)
    elif isinstance(facts, reasons.Wait):
        # After the wait, the missed dose is the only dose of its slot, or of the next one.
        assert utc(facts.ready) == utc(advice.next_dose_at)
        new = Intake(facts.ready, _slot(plan, intakes, advice.slot).dose_mg)
        d = _given_to(plan, taken, new)
        assert d is not None
        assert utc(d.slot) >= utc(advice.slot)
        assert (d.taken, d.extra) == ((new,), ())
    following = getattr(facts, "next", None)
    if following is not None:
        new = Intake(following.at, following.dose_mg)
        d = _given_to(plan, taken, new)
        assert d is not None
        assert repr(d.slot) == repr(following.slot)
        assert (d.taken, d.extra, d.status in SURE) == ((new,), (), True)


# -- 3. titration and the log --------------------------------------------------------------


# Runs on the starting dose, perhaps broken once or twice by a dose that does not count
# (not sure, another dose, missed) or does (early, late).
RUNS = daily_runs(
    kinds=("starting", "restart"),
    ends=(0, 1),
    faults=(0, 1, 2),
    kinds_of_fault=("unsure", "other", "none", "early", "late"),
)


@given(st.booleans().flatmap(lambda runs: RUNS if runs else cases()))  # half of them runs
def test_titration_counts_the_recent_run_the_log_shows(case):
    plan, intakes, now = case
    advice = advise_missed_dose(plan, intakes, now)
    status = titration_status(plan, intakes, now)
    contact = advice.action is Action.CONTACT_PRESCRIBER
    assert (status.stage is TitrationStage.CONTACT_PRESCRIBER) == contact
    if contact:
        assert (status.starting_doses_taken, status.reason) == (0, advice.reason)
        return
    phases = oracle.phases(plan)
    index = oracle.phase_at(plan, now)
    phase = phases[index]
    starting = LABEL.starting_dose_mg.value
    needed = LABEL.starting_period.value // DAY
    if (phase.dose_mg, len(phase.times)) != (starting, 1):
        assert status.starting_doses_taken == 0
        assert status.stage not in {TitrationStage.STARTING, TitrationStage.ELIGIBLE_TO_ASK}
        return
    _, judged = _judged(plan, intakes, now, advice)
    own = [d for d in judged if utc(d.slot) >= utc(phase.start)]  # the phase in force's
    run, newest_counted = 0, False
    for position, d in enumerate(reversed(own)):
        if position == 0 and d.status is DoseStatus.DUE:
            continue  # still due: neither counts nor ends the run
        if d.status not in SURE or _mg(d.taken) != phase.dose_mg:
            break
        newest_counted = newest_counted or position == 0
        run += 1
    assert status.starting_doses_taken == min(run, needed), (status, run)
    # Eligible: a week of the run over (each dose followed by its next time by now), on a
    # plan that does not go on by itself.
    over = run - 1 if newest_counted else run
    eligible = index == len(phases) - 1 and over >= needed
    assert (status.stage is TitrationStage.ELIGIBLE_TO_ASK) == eligible, (status, run)
    if not eligible:
        assert status.stage is TitrationStage.STARTING


# -- 4. supply, the advice and the log -----------------------------------------------------


@given(cases())
def test_supply_counts_the_doses_the_log_shows_still_to_take(case):
    plan, intakes, now = case
    advice = advise_missed_dose(plan, intakes, now)
    now_utc = utc(now)

    # The dose due now, by the advice: now, or at the end of a wait, for the missed slot.
    due = None
    if advice.action is Action.TAKE_NOW:
        due = (now_utc, advice.dose_mg)
    elif advice.action is Action.NOT_DUE and advice.slot is not None:
        due = (utc(advice.next_dose_at), _slot(plan, intakes, advice.slot).dose_mg)
    fills = [Fill(now_utc.date() - 30 * DAY, s, 100) for s in STRENGTHS]
    assert supply_from_fills(plan, fills, now, intakes=intakes).due_now == (due is not None)

    # The doses still to take: the one due, then every slot after now the log shows not
    # taken, but the one the due dose counts for (in the log, with it added).
    counts_for = None
    if due is not None:
        new = Intake(due[0], due[1])
        d = _given_to(plan, intakes, new)
        assert d is not None
        assert d.intakes == (new,)  # its slot has no intake but it
        counts_for = utc(d.slot)
    ahead = dose_log(plan, intakes, now_utc + TICK, now_utc + LOOK_BACK).doses
    expected = [] if due is None else [due]
    expected += [
        (utc(d.slot), d.dose_mg) for d in ahead if not d.intakes and utc(d.slot) != counts_for
    ]

    # supply_forecast with capsules for exactly the first few of them: it covers those, in
    # that order, and runs out at the next, if the plan has one.
    begin = max(now_utc, utc(oracle.phases(plan)[0].start))
    needed = [p.dose_mg for p in oracle.phases(plan) if p.end is None or utc(p.end) > begin]
    strength = next(
        (s for s in STRENGTHS if all(mg % s == 0 for mg in needed + [m for _, m in expected])),
        None,
    )
    if strength is None:  # whole capsules of one strength cannot make every dose ahead
        return
    k = min(3, len(expected))
    supply = supply_forecast(
        plan, strength, sum(m for _, m in expected[:k]) // strength, now, intakes=intakes
    )
    assert supply.doses_left == k, (supply, expected)
    if k:
        assert utc(supply.last_covered_dose) == expected[k - 1][0], (supply, expected)
    last = oracle.phases(plan)[-1].end
    all_ahead = last is not None and utc(last) <= now_utc + LOOK_BACK
    if k == len(expected) and all_ahead:
        assert supply.runs_out_on is None, (supply, expected)
    elif k < len(expected):
        out = expected[k][0]
        zone = oracle.phases(plan)[oracle.phase_at(plan, out)].tz
        assert supply.runs_out_on == out.astimezone(zone).date(), (supply, expected)


# -- 5. the audit and the log --------------------------------------------------------------


@given(cases())
def test_the_audit_names_the_slots_the_log_gives_its_intakes(case):
    plan, intakes, now = case
    if not intakes:
        return
    first = min(utc(i.at) for i in intakes)
    # Every intake's slot is within a day or two of it: this log holds every intake.
    log = dose_log(plan, intakes, first - 3 * DAY, utc(now) + 3 * DAY)
    slot_of = {id(i): d for d in log.doses for i in d.intakes}
    unscheduled = {id(i) for i in log.unscheduled}
    findings = audit(plan, intakes)
    for finding in findings:
        slots = []
        for intake in finding.intakes:
            assert (id(intake) in slot_of) != (id(intake) in unscheduled), intake
            d = slot_of.get(id(intake))
            if d is not None and utc(d.slot) not in map(utc, slots):
                slots.append(d.slot)
        assert [repr(s) for s in finding.slots] == [repr(s) for s in slots], finding
        # More than one dose of one slot, too close or too much together: the log gives
        # that slot an extra dose.
        if len(finding.intakes) > 1 and len({id(slot_of.get(id(i))) for i in finding.intakes}) == 1:
            d = slot_of.get(id(finding.intakes[0]))
            assert d is None or d.extra, (finding, d)

    # The other way: two doses the log gives one slot, further apart than one dose's
    # capsules and nearer than the least spacing of the plan, both within the plan, are
    # in a finding with an intake of that slot.
    least = min(oracle.spacing_of(p) for p in oracle.phases(plan))
    start = utc(oracle.phases(plan)[0].start)
    end = oracle.phases(plan)[-1].end
    within = lambda i: start <= utc(i.at) and (end is None or utc(i.at) < utc(end))  # noqa: E731
    found = {id(i) for f in findings for i in f.intakes}
    for d in log.doses:
        close = any(
            ONE_DOSE_WITHIN < abs(utc(x.at) - utc(y.at)) < least and within(x) and within(y)
            for x in d.extra
            for y in d.taken
        )
        if close:
            assert any(id(i) in found for i in d.intakes), d
