"""Fills and the proportion of days covered: PQA's worked examples, hand cases, properties.

Every worked example here is written out, with its arithmetic, on the docs page
docs/supply-and-pdc.md.
"""

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import duloxinfo
from duloxinfo import Plan, Regimen
from duloxinfo.choices import PDC_THRESHOLD
from duloxinfo.rules.fills import (
    DaysCovered,
    Fill,
    FillCoverage,
    proportion_of_days_covered,
)
from support.strategies import plans

UTC = dt.UTC
D = dt.date


PQA_YEAR = D(2018, 1, 1)


def daily(dose=60, start=PQA_YEAR, times=(dt.time(8),), tz="UTC", end=None):
    at = dt.datetime.combine(start, dt.time(0), tzinfo=ZoneInfo(tz))
    return Regimen(dose, list(times), tz, at, end=end)


def spans(result):
    return [(c.starts_on, c.ends_on) for c in result.coverage]


# -- PQA's own example claims (pdc-dr.js.txt: dateOfFill, daysSupply, dateOfFirstDose, ...) ------


def test_pqa_example_a_fill_dispensed_before_the_last_ends_starts_the_day_after():
    # 2018/01/01 and 2018/03/25, 90 days each: the second's first dose is 2018/04/01 and its
    # last 2018/06/29.  90 capsules of 60 mg at 60 mg once daily are 90 days.
    fills = [Fill(D(2018, 1, 1), 60, 90), Fill(D(2018, 3, 25), 60, 90)]
    r = proportion_of_days_covered(daily(), fills, D(2018, 1, 1), D(2018, 12, 31))
    assert spans(r) == [(D(2018, 1, 1), D(2018, 3, 31)), (D(2018, 4, 1), D(2018, 6, 29))]
    assert [c.days_supply for c in r.coverage] == [90, 90]
    assert (r.days_covered, r.days_in_period, r.calendar_days) == (180, 365, 365)
    assert r.gaps == ((D(2018, 6, 30), D(2018, 12, 31)),)


def test_pqa_example_three_fills_the_third_shifted_to_the_year_end():
    # 2018/03/25 (to 06/22), 2018/07/05 (to 10/02), 2018/09/25: first dose 10/03, last 12/31.
    fills = [
        Fill(D(2018, 3, 25), 60, 90),
        Fill(D(2018, 7, 5), 60, 90),
        Fill(D(2018, 9, 25), 60, 90),
    ]
    r = proportion_of_days_covered(daily(), fills, D(2018, 3, 25), D(2018, 12, 31))
    assert spans(r) == [
        (D(2018, 3, 25), D(2018, 6, 22)),
        (D(2018, 7, 5), D(2018, 10, 2)),
        (D(2018, 10, 3), D(2018, 12, 31)),
    ]
    # 282 days from 25 March to 31 December; 23 June to 4 July (12 days) uncovered.
    assert (r.days_covered, r.days_in_period) == (270, 282)
    assert r.gaps == ((D(2018, 6, 23), D(2018, 7, 4)),)


def test_pqa_example_thirty_day_fills():
    # 2018/10/04 (to 11/02) and 2018/11/01: first dose 11/03, last 12/02.
    fills = [Fill(D(2018, 10, 4), 60, 30), Fill(D(2018, 11, 1), 60, 30)]
    r = proportion_of_days_covered(daily(), fills, D(2018, 10, 4), D(2018, 12, 31))
    assert spans(r) == [(D(2018, 10, 4), D(2018, 11, 2)), (D(2018, 11, 3), D(2018, 12, 2))]


# -- joelmontavon/pdc-python's worked examples, recast as duloxetine fills ------------------------

SAMEDRUG = [D(2022, 1, 1), D(2022, 3, 25), D(2022, 7, 5), D(2022, 9, 25)]
NONADH = [D(2022, 1, 1), D(2022, 3, 25), D(2022, 9, 25)]
YEAR = (D(2022, 1, 1), D(2022, 12, 31))

# Each way gives every fill 90 days' supply: (the plan, the capsules of one fill).
NINETY_DAYS = [
    pytest.param(daily(60, D(2022, 1, 1)), [(60, 90)], id="60 mg daily: 90 x 60 mg"),
    pytest.param(daily(60, D(2022, 1, 1)), [(30, 180)], id="60 mg daily: 180 x 30 mg"),
    pytest.param(
        daily(30, D(2022, 1, 1), times=(dt.time(8), dt.time(20))),
        [(30, 180)],
        id="30 mg twice daily: 180 x 30 mg",
    ),
    pytest.param(daily(90, D(2022, 1, 1)), [(60, 90), (30, 90)], id="90 mg daily: 60 + 30 mg"),
    pytest.param(daily(50, D(2022, 1, 1)), [(20, 90), (30, 90)], id="50 mg daily: 20 + 30 mg"),
]


def _fills(dates, parts):
    return [Fill(day, strength, capsules) for day in dates for strength, capsules in parts]


@pytest.mark.parametrize(("plan", "parts"), NINETY_DAYS)
def test_pdc_python_samedrug_is_360_of_365(plan, parts):
    # 01-01..03-31, 04-01..06-29 (shifted), 07-05..10-02, 10-03..12-31 (shifted):
    # 06-30..07-04 uncovered, 5 days.
    r = proportion_of_days_covered(plan, _fills(SAMEDRUG, parts), *YEAR)
    assert (r.days_covered, r.days_in_period) == (360, 365)
    assert round(r.pdc, 3) == 0.986
    assert r.meets_threshold
    assert r.gaps == ((D(2022, 6, 30), D(2022, 7, 4)),)


@pytest.mark.parametrize(("plan", "parts"), NINETY_DAYS)
def test_pdc_python_nonadh_is_270_of_365(plan, parts):
    # 01-01..03-31, 04-01..06-29, then nothing until 09-25..12-23.
    r = proportion_of_days_covered(plan, _fills(NONADH, parts), *YEAR)
    assert (r.days_covered, r.days_in_period) == (270, 365)
    assert round(r.pdc, 3) == 0.740
    assert not r.meets_threshold
    assert r.gaps == ((D(2022, 6, 30), D(2022, 9, 24)), (D(2022, 12, 24), D(2022, 12, 31)))


def test_pdc_python_concuse_starts_at_the_first_fill():
    # pdc-python's CONCUSE is two drugs taken together (lisinopril 01-02 and 03-25, losartan
    # 03-25, 07-05, 09-25); duloxinfo has one drug, so these are one drug's fills on those
    # dates, with the same 360 of 364 days.  First fill 2022-01-02: PQA's period starts
    # there, 364 days; the caller says so.
    dates = [D(2022, 1, 2), D(2022, 3, 25), D(2022, 7, 5), D(2022, 9, 25)]
    r = proportion_of_days_covered(
        daily(60, D(2022, 1, 1)), _fills(dates, [(60, 90)]), D(2022, 1, 2), D(2022, 12, 31)
    )
    assert (r.days_covered, r.days_in_period, round(r.pdc, 3)) == (360, 364, 0.989)


# -- duloxinfo's adaptations, by hand ------------------------------------------------------------


def test_a_fill_lasts_by_the_dose_in_force_on_the_days_it_covers():
    # The label's titration: 30 mg a day for 7 days from 5 January, then 60 mg.  37 capsules
    # of 30 mg (1,110 mg): 7 days of 30 mg (210 mg), then 900 mg is 15 days of 60 mg.
    plan = duloxinfo.titration_plan(dt.datetime(2026, 1, 5, tzinfo=UTC), "UTC", dt.time(8))
    r = proportion_of_days_covered(
        plan, [Fill(D(2026, 1, 5), 30, 37)], D(2026, 1, 5), D(2026, 2, 3)
    )
    assert spans(r) == [(D(2026, 1, 5), D(2026, 1, 26))]
    assert (r.days_covered, r.days_in_period) == (22, 30)


def test_a_rest_too_small_for_a_day_joins_a_fill_that_comes_in_time_and_is_lost_otherwise():
    plan = daily(60, D(2026, 1, 1))
    # 31 x 30 mg is 15 days of 60 mg and 30 mg over.  The next fill comes on day 15, while
    # the first still lasts: its 870 mg and the 30 mg make 15 more days.
    on_time = [Fill(D(2026, 1, 1), 30, 31), Fill(D(2026, 1, 15), 30, 29)]
    r = proportion_of_days_covered(plan, on_time, D(2026, 1, 1), D(2026, 1, 31))
    assert spans(r) == [(D(2026, 1, 1), D(2026, 1, 16)), (D(2026, 1, 16), D(2026, 1, 30))]
    assert r.days_covered == 30
    assert [c.days_supply for c in r.coverage] == [16, 15]  # 16 January is made of both
    # Two days late, the 30 mg rest was used up on the 16th, the first day not covered.
    late = [Fill(D(2026, 1, 1), 30, 31), Fill(D(2026, 1, 17), 30, 29)]
    r = proportion_of_days_covered(plan, late, D(2026, 1, 1), D(2026, 1, 31))
    assert spans(r) == [(D(2026, 1, 1), D(2026, 1, 15)), (D(2026, 1, 17), D(2026, 1, 30))]
    assert (r.days_covered, r.gaps) == (
        29,
        ((D(2026, 1, 16), D(2026, 1, 16)), (D(2026, 1, 31), D(2026, 1, 31))),
    )


def test_days_without_a_dose_are_not_in_the_period_and_keep_the_supply():
    # 60 mg daily 1 to 10 January (ten doses), a pause, then from 21 January.
    first = daily(60, D(2026, 1, 1), end=dt.datetime(2026, 1, 11, tzinfo=UTC))
    then = daily(60, D(2026, 1, 21))
    plan = Plan([first, then])
    r = proportion_of_days_covered(
        plan, [Fill(D(2026, 1, 1), 60, 15)], D(2026, 1, 1), D(2026, 1, 31)
    )
    assert (r.days_in_period, r.calendar_days) == (21, 31)
    # 10 days, the pause, then 5 more from the 21st: 15 of 21.
    assert spans(r) == [(D(2026, 1, 1), D(2026, 1, 25))]
    assert r.days_covered == 15
    assert r.gaps == ((D(2026, 1, 26), D(2026, 1, 31)),)


def test_a_fill_before_the_period_covers_the_days_it_reaches_into_it():
    r = proportion_of_days_covered(
        daily(60, D(2025, 12, 1)), [Fill(D(2025, 12, 20), 60, 30)], D(2026, 1, 1), D(2026, 1, 31)
    )
    # 20 December to 18 January: 18 days of January.
    assert (r.days_covered, r.days_in_period) == (18, 31)
    assert (r.index_date, r.dates_of_service, r.treatment_days, r.eligible) == (
        None,
        0,
        None,
        False,
    )


def test_the_days_a_plan_has_a_dose_follow_its_own_zone_and_its_start_and_end():
    # A phase from 22:00 UTC on 1 January in Tokyo (07:00 on the 2nd there) at 08:00: the
    # first dose is Tokyo's 2 January.  The next phase starts 12:00 UTC on 5 January in
    # New York (07:00 there), so its first 08:00 is New York's 5 January: 5 January has
    # Tokyo's 08:00 (23:00 UTC on the 4th) and New York's.
    tokyo = Regimen(
        60,
        [dt.time(8)],
        "Asia/Tokyo",
        dt.datetime(2026, 1, 1, 22, tzinfo=UTC),
        end=dt.datetime(2026, 1, 5, 12, tzinfo=UTC),
    )
    new_york = Regimen(60, [dt.time(8)], "America/New_York", tokyo.end)
    plan = Plan([tokyo, new_york])
    r = proportion_of_days_covered(
        plan, [Fill(D(2026, 1, 1), 60, 5)], D(2026, 1, 1), D(2026, 1, 10)
    )
    # Dose days: 2, 3, 4, 5 (two doses), 6 ... 10: nine days; 1 January has none.
    assert r.days_in_period == 9
    # 300 mg: 2, 3, 4 January (180 mg), then 5 January needs 120 mg: 120 left covers it.
    assert (r.days_covered, spans(r)) == (4, [(D(2026, 1, 2), D(2026, 1, 5))])


def test_the_record_reports_pqa_eligibility_without_refusing():
    plan = daily(60, D(2026, 1, 1))
    one = proportion_of_days_covered(
        plan, [Fill(D(2026, 1, 1), 60, 90)], D(2026, 1, 1), D(2026, 6, 30)
    )
    assert (one.dates_of_service, one.eligible, one.treatment_days) == (1, False, 181)
    same_day = [Fill(D(2026, 1, 1), 60, 90), Fill(D(2026, 1, 1), 30, 30)]
    r = proportion_of_days_covered(plan, same_day, D(2026, 1, 1), D(2026, 6, 30))
    assert (r.dates_of_service, r.eligible) == (1, False)  # two fills, one date of service
    two = [Fill(D(2026, 1, 1), 60, 90), Fill(D(2026, 4, 1), 60, 90)]
    r = proportion_of_days_covered(plan, two, D(2026, 1, 1), D(2026, 4, 1))
    assert (r.index_date, r.treatment_days, r.eligible) == (D(2026, 1, 1), 91, True)
    r = proportion_of_days_covered(plan, two, D(2026, 1, 1), D(2026, 3, 31))
    assert (r.dates_of_service, r.eligible) == (1, False)  # the second is after the end
    assert len(r.coverage) == 1
    short = proportion_of_days_covered(plan, two, D(2026, 1, 2), D(2026, 4, 1))
    assert (short.index_date, short.treatment_days, short.eligible) == (D(2026, 4, 1), 1, False)


def test_the_threshold_is_80_percent_exactly():
    assert Fraction(4, 5) == PDC_THRESHOLD
    plan = daily(60, D(2026, 1, 1))
    at = proportion_of_days_covered(
        plan, [Fill(D(2026, 1, 1), 60, 8)], D(2026, 1, 1), D(2026, 1, 10)
    )
    below = proportion_of_days_covered(
        plan, [Fill(D(2026, 1, 1), 60, 7)], D(2026, 1, 1), D(2026, 1, 10)
    )
    assert (at.pdc, at.meets_threshold, below.meets_threshold) == (0.8, True, False)


def test_an_exact_answer():
    plan = daily(60, D(2026, 1, 1))
    fill = Fill(D(2026, 1, 3), 60, 2)
    r = proportion_of_days_covered(plan, [fill], D(2026, 1, 1), D(2026, 1, 4))
    assert r == DaysCovered(
        pdc=0.5,
        days_covered=2,
        days_in_period=4,
        calendar_days=4,
        meets_threshold=False,
        dates_of_service=1,
        index_date=D(2026, 1, 3),
        treatment_days=2,
        eligible=False,
        coverage=(
            FillCoverage(fill=fill, starts_on=D(2026, 1, 3), ends_on=D(2026, 1, 4), days_supply=2),
        ),
        gaps=((D(2026, 1, 1), D(2026, 1, 2)),),
    )
    # A fill before the plan starts waits for it: the days before have no dose.
    early = Fill(D(2025, 1, 1), 60, 1)
    r = proportion_of_days_covered(plan, [early], D(2026, 1, 1), D(2026, 1, 4))
    assert r.coverage == (
        FillCoverage(fill=early, starts_on=D(2026, 1, 1), ends_on=D(2026, 1, 1), days_supply=1),
    )
    # A fill too small for one day's dose covers no day.
    small = Fill(D(2026, 1, 1), 20, 2)
    r = proportion_of_days_covered(plan, [small], D(2026, 1, 1), D(2026, 1, 4))
    assert r.coverage == (FillCoverage(fill=small, starts_on=None, ends_on=None, days_supply=0),)
    assert (r.days_covered, r.pdc) == (0, 0.0)


def test_bad_fills_and_periods_are_refused_naming_the_field():
    with pytest.raises(duloxinfo.DoseError, match=r"^strength_mg: 25 is not a marketed capsule"):
        Fill(D(2026, 1, 1), 25, 30)
    with pytest.raises(
        duloxinfo.SupplyError,
        match=r"^capsules: expected a number of capsules of at least 1, got 0",
    ):
        Fill(D(2026, 1, 1), 60, 0)
    with pytest.raises(
        duloxinfo.WrongTypeError,
        match=r"^capsules: expected a whole number of capsules, got float 2.5",
    ):
        Fill(D(2026, 1, 1), 60, 2.5)
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^dispensed_on: expected a date, got datetime"
    ):
        Fill(dt.datetime(2026, 1, 1, tzinfo=UTC), 60, 30)
    with pytest.raises(duloxinfo.InvalidDatetimeError, match=r"^dispensed_on: 0001-01-01"):
        Fill(D(1, 1, 1), 60, 30)
    plan = daily(60, D(2026, 1, 1))
    with pytest.raises(
        duloxinfo.ScheduleError, match=r"^last_day: 2026-01-01 is before the first day, 2026-01-02;"
    ):
        proportion_of_days_covered(plan, [], D(2026, 1, 2), D(2026, 1, 1))
    with pytest.raises(
        duloxinfo.ScheduleError, match=r"^last_day: the plan schedules no dose from 2025-01-01"
    ):
        proportion_of_days_covered(plan, [], D(2025, 1, 1), D(2025, 12, 31))
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^fills\[1\]: expected a duloxinfo.Fill, got str"
    ):
        proportion_of_days_covered(
            plan, [Fill(D(2026, 1, 1), 60, 1), "60"], D(2026, 1, 1), D(2026, 1, 2)
        )
    with pytest.raises(duloxinfo.WrongTypeError, match=r"^fills: expected an iterable of Fill"):
        proportion_of_days_covered(plan, Fill(D(2026, 1, 1), 60, 1), D(2026, 1, 1), D(2026, 1, 2))
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^first_day: expected a date, got datetime"
    ):
        proportion_of_days_covered(plan, [], dt.datetime(2026, 1, 1, tzinfo=UTC), D(2026, 1, 2))
    with pytest.raises(
        duloxinfo.WrongTypeError, match=r"^plan: expected a duloxinfo.Plan or Regimen"
    ):
        proportion_of_days_covered(None, [], D(2026, 1, 1), D(2026, 1, 2))


def test_a_plan_near_the_last_supported_year_is_counted():
    late = daily(60, D(9998, 12, 1))
    r = proportion_of_days_covered(
        late, [Fill(D(9998, 12, 1), 60, 90)], D(9998, 12, 1), D(9998, 12, 31)
    )
    assert (r.days_covered, r.days_in_period) == (31, 31)
    early = Regimen(60, [dt.time(8)], "Pacific/Kiritimati", dt.datetime(2, 1, 1, 12, tzinfo=UTC))
    r = proportion_of_days_covered(early, [Fill(D(2, 1, 2), 60, 1)], D(2, 1, 2), D(2, 1, 3))
    assert (r.days_covered, r.days_in_period) == (1, 2)


# -- an independent oracle, day by day ----------------------------------------------------------


def _oracle_daily_mg(plan, first, last):
    """Each date's mg, the simplest way: every phase's wall times on every date, kept when the
    instant is in the phase."""
    phases = plan.phases if isinstance(plan, Plan) else (plan,)
    need = {}
    for p in phases:
        lo = p.start.astimezone(UTC)
        hi = None if p.end is None else p.end.astimezone(UTC)
        day = first - dt.timedelta(days=1)
        while day <= last + dt.timedelta(days=1):
            instants = {dt.datetime.combine(day, t, tzinfo=p.tz).astimezone(UTC) for t in p.times}
            kept = [x for x in instants if lo <= x and (hi is None or x < hi)]
            need[day] = need.get(day, 0) + p.dose_mg * len(kept)
            day += dt.timedelta(days=1)
    return need


def _oracle(plan, fills, start, end):
    """Days covered, day by day: the supply is a pool of mg; a day with a dose takes its mg
    when the pool holds it, else the pool is emptied."""
    first = min([start, *(f.dispensed_on for f in fills)])
    need = _oracle_daily_mg(plan, first, end)
    pool, covered, dose_days = 0, 0, 0
    day = first
    while day <= end:
        pool += sum(f.capsules * f.strength_mg for f in fills if f.dispensed_on == day)
        mg = need.get(day, 0)
        if mg:
            if day >= start:
                dose_days += 1
            if pool >= mg:
                pool -= mg
                covered += day >= start
            else:
                pool = 0
        day += dt.timedelta(days=1)
    return covered, dose_days


def _pqa(fills, per_day, start, end):
    """PQA's own algorithm for a constant dose: days' supply per claim, each claim starting
    the day after the previous one ends, covered days counted in the period."""
    days, following = set(), None
    for f in sorted(fills, key=lambda f: f.dispensed_on):
        supply = f.capsules * f.strength_mg // per_day
        begin = f.dispensed_on if following is None else max(f.dispensed_on, following)
        days |= {begin + dt.timedelta(days=i) for i in range(supply)}
        following = begin + dt.timedelta(days=supply)
    return len([d for d in days if start <= d <= end])


BASE = D(2026, 3, 1)


@st.composite
def fills_near(draw, base=BASE, most=6):
    count = draw(st.integers(0, most))
    return [
        Fill(
            base + dt.timedelta(days=draw(st.integers(-20, 60))),
            draw(st.sampled_from([20, 30, 40, 60])),
            draw(st.integers(1, 40)),
        )
        for _ in range(count)
    ]


def _period(data, base=BASE):
    start = base + dt.timedelta(days=data.draw(st.integers(-10, 30)))
    end = start + dt.timedelta(days=data.draw(st.integers(0, 60)))
    return start, end


def _plan_with_doses(data, start, end):
    plan = data.draw(plans())
    try:
        proportion_of_days_covered(plan, [], start, end)
    except duloxinfo.ScheduleError:
        return None
    return plan


@given(data=st.data())
def test_pdc_agrees_with_a_day_by_day_oracle_on_any_plan(data):
    plan = data.draw(plans())
    base = plan.start.date() if isinstance(plan, Regimen) else plan.phases[0].start.date()
    fills = data.draw(fills_near(base))
    start, end = _period(data, base)
    covered, dose_days = _oracle(plan, fills, start, end)
    if not dose_days:
        with pytest.raises(duloxinfo.ScheduleError):
            proportion_of_days_covered(plan, fills, start, end)
        return
    r = proportion_of_days_covered(plan, fills, start, end)
    assert (r.days_covered, r.days_in_period) == (covered, dose_days)
    assert 0 <= r.pdc <= 1
    assert r.days_covered <= r.days_in_period <= r.calendar_days
    assert r.days_covered + sum((b - a).days + 1 for a, b in r.gaps) == r.days_in_period


@given(
    per_day=st.sampled_from([(60, 1), (30, 2), (90, 1), (40, 1), (120, 1)]),
    data=st.data(),
)
def test_with_whole_days_per_fill_it_is_pqas_shift_forward(per_day, data):
    dose, times = per_day
    plan = daily(dose, D(2026, 1, 1), times=[dt.time(8), dt.time(20)][:times])
    daily_mg = dose * times
    fills = []
    for _ in range(data.draw(st.integers(0, 6))):
        strength = data.draw(st.sampled_from([s for s in (20, 30, 40, 60) if daily_mg % s == 0]))
        days = data.draw(st.integers(1, 60))
        day = D(2026, 1, 1) + dt.timedelta(days=data.draw(st.integers(0, 90)))
        fills.append(Fill(day, strength, days * daily_mg // strength))
    start, end = D(2026, 1, 1) + dt.timedelta(days=data.draw(st.integers(0, 30))), D(2026, 6, 30)
    r = proportion_of_days_covered(plan, fills, start, end)
    assert r.days_covered == _pqa(fills, daily_mg, start, end)


@given(data=st.data())
def test_adding_a_fill_never_lowers_the_pdc(data):
    plan = data.draw(plans())
    base = plan.start.date() if isinstance(plan, Regimen) else plan.phases[0].start.date()
    start, end = _period(data, base)
    fills = data.draw(fills_near(base))
    extra = data.draw(fills_near(base, most=1).filter(bool))[0]
    try:
        before = proportion_of_days_covered(plan, fills, start, end)
    except duloxinfo.ScheduleError:
        return
    after = proportion_of_days_covered(plan, [*fills, extra], start, end)
    assert after.days_covered >= before.days_covered
    assert after.pdc >= before.pdc


@given(
    zone=st.sampled_from(["UTC", "Europe/London", "America/New_York", "Asia/Kathmandu"]),
    shift=st.integers(-4000, 4000),
    data=st.data(),
)
def test_moving_every_date_by_whole_days_leaves_the_pdc_unchanged(zone, shift, data):
    # The plan moves by whole local days (its wall times are the same), and so do the fills
    # and the period.
    by = dt.timedelta(days=shift)
    times = data.draw(st.sampled_from([[dt.time(8)], [dt.time(2, 30), dt.time(14, 30)]]))
    hours = data.draw(st.integers(0, 23))

    def plan(moved):
        tz = ZoneInfo(zone)
        begin = dt.datetime.combine(BASE + moved, dt.time(hours), tzinfo=tz)
        first = Regimen(60, times, zone, begin, end=begin + dt.timedelta(days=9))
        then = dt.datetime.combine(BASE + moved + dt.timedelta(days=12), dt.time(hours), tzinfo=tz)
        return Plan([first, Regimen(30, times, zone, then)])

    fills = data.draw(fills_near())
    start = BASE + dt.timedelta(days=data.draw(st.integers(1, 30)))
    end = start + dt.timedelta(days=data.draw(st.integers(4, 60)))  # longer than the pause
    r = proportion_of_days_covered(plan(dt.timedelta(0)), fills, start, end)
    moved = [Fill(f.dispensed_on + by, f.strength_mg, f.capsules) for f in fills]
    m = proportion_of_days_covered(plan(by), moved, start + by, end + by)
    assert (m.pdc, m.days_covered, m.days_in_period, m.eligible) == (
        r.pdc,
        r.days_covered,
        r.days_in_period,
        r.eligible,
    )
    assert [len(m.gaps), [c.days_supply for c in m.coverage]] == [
        len(r.gaps),
        [c.days_supply for c in r.coverage],
    ]
