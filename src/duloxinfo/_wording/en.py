"""English: the ``reason`` of every rule's answer, written from its facts.

Private module of the wording layer.  Each public function takes the facts a rule
returned (:mod:`duloxinfo.reasons`) and returns plain sentences at US school grade
8 or below.  Nothing here decides: which dose, when and why are in the facts.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final, TypeAlias

from .._validate import utc
from .._words import (
    AS_DIRECTED,
    clock,
    date_words,
    days_missed,
    duration,
    hours,
    how_often,
    place,
    plural,
)
from .._words import moment as moment_words
from ..reasons import (
    AboveMaximum,
    AlreadyTaken,
    ContactPrescriber,
    EligibleToAsk,
    Enough,
    InteractionTiming,
    NextDose,
    NotStarted,
    OnHand,
    OtherStarts,
    OtherStopped,
    OtherStops,
    OutsidePlan,
    OversizedIntake,
    PainPlan,
    PlanEnded,
    Prescribed,
    RunsOut,
    Skip,
    SkipBecause,
    Starting,
    Taken,
    TakenAs,
    TakenEarly,
    TakeNow,
    TooClose,
    UsualMaximum,
    Wait,
    ZonesNamed,
)

__all__ = [
    "double_dose",
    "interaction_timing",
    "known_member",
    "missed_dose",
    "not_read",
    "supply",
    "titration",
]

_NO_DOUBLE: Final = "Never take two doses to make up for a missed one."
_NO_MORE: Final = "Do not take more unless your prescriber tells you to."
_ASK_PHARMACIST: Final = "Ask your pharmacist which capsules you need."

TimedFacts: TypeAlias = NotStarted | AlreadyTaken | PlanEnded | Skip | Wait | TakeNow
"""The facts of a missed-dose answer that speak of times (and so of zones)."""
MissedDoseFacts: TypeAlias = TimedFacts | ContactPrescriber

# -- the missed-dose rule --------------------------------------------------------------------


class _Times:
    """How a missed-dose reason shows its times: with their zone, or with none.

    Away from home (the zone of the plan's first phase) every time is named with its
    zone; at home, only a time in another zone.  ``named`` collects the places named,
    so that a reason whose times are all in one place away from home can say it once.
    """

    def __init__(self, zones: ZonesNamed, *, each: bool) -> None:
        self.home = zones.home
        self.away = zones.now != zones.home
        self.each = each
        self.named: set[str] = set()

    def zone(self, local: _dt.datetime) -> str:
        """`` (New York time)``, or nothing."""
        if not (self.away or local.tzinfo != self.home):
            return ""
        where = place(local.tzinfo)
        self.named.add(where)
        return f" ({where} time)" if self.each else ""

    def moment(self, local: _dt.datetime) -> str:
        """``08:00 on Monday 2 November``, with its zone where it is named."""
        return moment_words(local) + self.zone(local)

    def dose_of(self, slot: _dt.datetime) -> str:
        """``08:00 dose of Monday 2 November``, with its zone where it is named."""
        return f"{clock(slot)} dose of {date_words(slot.date())}{self.zone(slot)}"

    def next_dose(self, following: NextDose, *, first: str) -> str:
        """The sentence that says when the next dose is, and why, if the spacing moved it."""
        skip = (
            ""
            if following.passed is None
            else f"Skip your {self.dose_of(following.passed)}, as it is too soon after your "
            "last dose. "
        )
        spaced = following.spaced
        if spaced is not None:
            at, slot = following.at, following.slot
            shown = clock(at) if at.date() == slot.date() else moment_words(at)
            since = "your last dose" if spaced.is_last else f"your dose at {self.moment(spaced.at)}"
            return (
                f"{skip}{first} your {self.dose_of(slot)} at {shown}{self.zone(at)}, "
                f"{AS_DIRECTED}. That is {hours(spaced.spacing)} after {since}."
            )
        noun = "one" if following.follows_dose_now else "dose"
        return f"{skip}{first} the next {noun} at {self.moment(following.at)}, {AS_DIRECTED}."

    def then(self, following: NextDose) -> str:
        return self.next_dose(
            following, first="Then take" if following.follows_dose_now else "Take"
        )

    def taken(self, taken: Taken) -> str:
        slot = self.dose_of(taken.slot)
        match taken.taken_as:
            case TakenAs.UNSURE:
                return (
                    f"You are not sure you took your {slot}. To be safe, it counts as taken, "
                    "so do not take another."
                )
            case TakenAs.TOO_MUCH:
                return (
                    f"You took {taken.taken_mg} mg for your {taken.dose_mg} mg {slot}. That is "
                    "more than your dose, so call your doctor or pharmacist now."
                )
            case TakenAs.PART:
                return (
                    f"You took {taken.taken_mg} mg of your {taken.dose_mg} mg {slot}. Do not "
                    "take more to make up the rest, as that could be too much at one time."
                )
            case TakenAs.EARLIER_DAY:
                return (
                    f"Your dose at {self.moment(taken.first_at)} counts as your {slot}. It was "
                    "nearer to that time."
                )
            case TakenAs.TAKEN:  # pragma: no branch - the enum has no other member
                return f"You have taken your {slot}."

    def early(self, early: TakenEarly) -> str:
        return (
            f"You took your {self.dose_of(early.slot)} early, at {clock(early.at)}"
            f"{self.zone(early.at)}."
        )

    def reason(self, facts: TimedFacts) -> str:
        match facts:
            case NotStarted():
                return self.not_started(facts)
            case AlreadyTaken(taken=taken, early=early, next=following):
                also = "" if early is None else f" {self.early(early)}"
                return f"{self.taken(taken)}{also} {self.then(following)}"
            case PlanEnded():
                return self.plan_ended(facts)
            case Skip():
                return self.skip(facts)
            case Wait(slot=slot, last=last, last_is_latest=latest, ready=ready, spacing=spacing):
                which = "Your last dose was" if latest else "You took a dose"
                return (
                    f"Wait before you take your missed {self.dose_of(slot)}. {which} at "
                    f"{self.moment(last)}, and doses need {hours(spacing)} between them. "
                    f"Take it at {self.moment(ready)}, {AS_DIRECTED}."
                )
            case TakeNow():  # pragma: no branch - the last of the facts with times
                return self.take_now(facts)

    def not_started(self, facts: NotStarted) -> str:
        following = facts.next
        if following.spaced is not None or following.passed is not None:
            return f"No dose is due yet. {self.then(following)}"
        return (
            f"No dose is due yet. Take your first dose of {following.dose_mg} mg at "
            f"{self.moment(following.at)}, {AS_DIRECTED}."
        )

    def plan_ended(self, facts: PlanEnded) -> str:
        if facts.skipped is not None:
            return (
                f"Your plan has no more doses, so skip the missed {self.dose_of(facts.skipped)}. "
                f"{_NO_MORE}"
            )
        said = (
            "No dose is left for you to take now."
            if facts.taken is None
            else self.taken(facts.taken)
        )
        return f"{said} That was the last dose of your plan. {_NO_MORE}"

    def skip(self, facts: Skip) -> str:
        why = {
            SkipBecause.NEXT_IS_NEAR: "It is almost time for your next dose, so",
            SkipBecause.BREAK: "Your plan takes a break now, so",
            SkipBecause.NEXT_TAKEN_EARLY: "So",
        }[facts.because]
        if facts.early is not None:
            why = f"{self.early(facts.early)} {why}"
        return (
            f"{why} skip the missed {self.dose_of(facts.slot)}. {self.then(facts.next)} "
            "Never take two doses at once."
        )

    def take_now(self, facts: TakeNow) -> str:
        counted = (
            ""
            if facts.counts_for is None
            else f" It counts as your {self.dose_of(facts.counts_for)}, as it is nearer to that "
            "time."
        )
        then = (
            "This is the last dose of your plan." if facts.next is None else self.then(facts.next)
        )
        return (
            f"Take your {self.dose_of(facts.slot)} now: {facts.dose_mg} mg.{counted} {then} "
            f"{_NO_DOUBLE}"
        )


def _contact(facts: ContactPrescriber) -> str:
    if facts.began is None:
        return (
            f"You have missed your doses for {days_missed(facts.days, or_more=facts.or_more)} "
            "in a row. Do not take a dose now. Contact "
            "your prescriber today before you start again. If you cannot reach them, ask a "
            "pharmacist. Stopping suddenly can cause withdrawal symptoms, so do not wait."
        )
    return (
        f"You have not taken a dose since your plan began on {date_words(facts.began)}. Do "
        "not take a dose now. Contact your prescriber today before you start. If you cannot "
        "reach them, ask a pharmacist."
    )


def missed_dose(facts: MissedDoseFacts) -> str:
    """The reason of a missed-dose answer.

    Away from home, when every time is in one zone, the zone is said once at the end
    rather than after each time.
    """
    if isinstance(facts, ContactPrescriber):
        return _contact(facts)
    times = _Times(facts.zones, each=True)
    reason = times.reason(facts)
    if not times.away or len(times.named) != 1:
        return reason
    once = _Times(facts.zones, each=False)
    return f"{once.reason(facts)} All times are {times.named.pop()} time."


# -- titration -------------------------------------------------------------------------------


TitrationFacts: TypeAlias = AboveMaximum | UsualMaximum | OutsidePlan | Starting | EligibleToAsk

_OTHER_PLANS: Final = "The label has other plans for other uses, such as depression."


def _prescribed(prescribed: Prescribed) -> str:
    """The plan the prescriber wrote, as in "Your prescriber's plan is 30 mg twice daily"."""
    dose, times = prescribed.dose_mg, prescribed.doses_per_day
    daily = "" if times == 1 else f": {dose * times} mg a day"
    return f"Your prescriber's plan is {dose} mg {how_often(times)}{daily}."


def _pain_plan(pain: PainPlan) -> str:
    """The US label's pain plan, named as such, in two sentences."""
    once = how_often(1)
    return (
        "The US label has a plan for long-term muscle and joint pain and for fibromyalgia. "
        f"It is {pain.starting_mg} mg {once} for a week ({pain.starting_doses} doses), then "
        f"{pain.usual_mg} mg {once}."
    )


def _run(taken: int) -> str:
    """How many doses in a row the person is sure they took, and what starts it again."""
    doses = "no doses" if taken == 0 else plural(taken, "dose")
    return (
        f"So far, you are sure you took {doses} of it in a row. A missed dose, or one you "
        "are not sure you took, starts the count again."
    )


def titration(facts: TitrationFacts) -> str:
    """The reason of a titration status (other than contact the prescriber).

    It speaks of the plan the prescriber wrote, and names the US label's plan for
    long-term muscle and joint pain and fibromyalgia as that plan wherever it means it.
    """
    once = how_often(1)
    match facts:
        case AboveMaximum(prescribed=prescribed, daily_mg=daily, pain=pain):
            return (
                f"{_prescribed(prescribed)} That is more than {pain.maximum_mg} mg a day, the "
                "top dose in the US label's plan for long-term muscle and joint pain and for "
                f"fibromyalgia. {_OTHER_PLANS} Take {daily} mg a day only {AS_DIRECTED}, and "
                "ask them if you are unsure."
            )
        case UsualMaximum(prescribed=prescribed, pain=pain):
            return (
                f"{_prescribed(prescribed)} The US label's plan for long-term muscle and joint "
                f"pain and for fibromyalgia goes up to {pain.usual_mg} mg {once}. That is its "
                f"usual dose and its top dose. {_OTHER_PLANS} Keep to your dose {AS_DIRECTED}."
            )
        case OutsidePlan(prescribed=prescribed, pain=pain):
            return (
                f"{_prescribed(prescribed)} {_pain_plan(pain)} Your dose is not a step of that "
                f"plan. {_OTHER_PLANS} Take your dose {AS_DIRECTED}."
            )
        case EligibleToAsk(prescribed=prescribed, taken=taken, pain=pain):
            return (
                f"{_prescribed(prescribed)} You are sure you took your last {taken} doses of "
                f"it, in a row. {_pain_plan(pain)} If that is your plan, you may ask your "
                f"prescriber about {pain.usual_mg} mg {once}. Do not change the dose yourself."
            )
        case Starting():  # pragma: no branch - the last kind of titration facts
            on = f"{_prescribed(facts.prescribed)} {_run(facts.taken)}"
            step = facts.next
            if step is None:
                return f"{on} {_pain_plan(facts.pain)} Keep to your dose {AS_DIRECTED}."
            return (
                f"{on} Your plan goes on to {step.dose_mg} mg {how_often(step.doses_per_day)} "
                f"on {date_words(step.starts_on)}, as your prescriber ordered."
            )


# -- supply ----------------------------------------------------------------------------------


def _on_hand(on_hand: OnHand) -> str:
    if on_hand.of_strength is not None:
        count = sum(n for _, n in on_hand.capsules)
        have = plural(count, "capsule") if count else "no capsules"
        return f"You have {have} of {on_hand.of_strength} mg."
    parts = [f"{plural(n, 'capsule')} of {s} mg" for s, n in on_hand.capsules]
    if not parts:
        return "You have no capsules."
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"You have {listed}."


def supply(facts: Enough | RunsOut) -> str:
    """The reason of a supply forecast."""
    have = _on_hand(facts.on_hand)
    if isinstance(facts, Enough):
        rest = (
            f"That is enough for the {plural(facts.doses, 'dose')} left in your plan."
            if facts.doses
            else "Your plan has no more doses."
        )
        return f"{have} {rest}"
    out_on = date_words(facts.runs_out_on)
    if facts.left_cannot_make:
        cannot = (
            f"The capsules left then cannot make your {facts.out_mg} mg dose on {out_on}. "
            f"{_ASK_PHARMACIST}"
            if facts.doses
            else f"They cannot make your {facts.out_mg} mg dose on {out_on}. {_ASK_PHARMACIST}"
        )
    else:
        cannot = "" if facts.doses else f"That is not enough for your dose on {out_on}."
    covered = (
        f"That is enough for {plural(facts.doses, 'dose')}. You will run out on {out_on}. "
        f"{cannot}".rstrip()
        if facts.doses
        else cannot
    )
    when = "today" if facts.refill_today else f"by {date_words(facts.refill_by)}"
    return f"{have} {covered} Refill {when}."


# -- audit -----------------------------------------------------------------------------------


def double_dose(facts: OversizedIntake | TooClose) -> str:
    """The explanation of a double dose that the audit found."""
    match facts:
        case OversizedIntake(taken_mg=taken, within=within, dose_mg=dose):
            at_once = "at once" if within is None else f"within {duration(within)}"
            said = f"{taken} mg was taken {at_once}, more than the {dose} mg dose."
        case TooClose(gap=gap, spacing=spacing):  # pragma: no branch - the only other kind
            said = (
                f"Two doses were taken {duration(gap)} apart, less than the {hours(spacing)} "
                "that must be between doses."
            )
    if facts.certain:
        return said
    return f"{said} This is possible, not certain: you were not sure of one of these."


# -- the interaction check ---------------------------------------------------------------------


def _when(instant: _dt.datetime, *, up: bool = False) -> str:
    """``09:00 on Sunday 29 November 2026 (London time)``, in the zone the time was given in.

    Shown to the minute: rounded up when the time is a "not before", so that the text
    never says a moment earlier than the record.
    """
    if up and (instant.second or instant.microsecond):
        later = utc(instant).replace(second=0, microsecond=0) + _dt.timedelta(minutes=1)
        instant = later.astimezone(instant.tzinfo)
    return f"{moment_words(instant)} {instant.year} ({place(instant.tzinfo)} time)"


def _wait(span: _dt.timedelta) -> str:
    """A wait as the sources give it: ``14 days``, ``24 hours``."""
    day, hour = _dt.timedelta(days=1), _dt.timedelta(hours=1)
    if span > day and not span % day:
        return plural(span // day, "day")
    if not span % hour:
        return plural(span // hour, "hour")
    return duration(span)


def _wait_until(until: _dt.datetime, wait: _dt.timedelta) -> str:
    return (
        f"The sources say to wait until {_when(until, up=True)} before you start duloxetine. "
        f"That is {_wait(wait)}."
    )


def _stopped(event: OtherStopped) -> str:
    said = f"You stopped it at {_when(event.stopped)}."
    if event.wait is None or event.until is None:
        return (
            f"{said} The sources give no waiting time after stopping it. Ask your prescriber "
            "or pharmacist if it still matters."
        )
    if not event.over:
        return (
            f"{said} {_wait_until(event.until, event.wait)} If you already take duloxetine, do "
            "not stop it on your own: ask your prescriber now."
        )
    return (
        f"{said} The wait of {_wait(event.wait)} that the sources set ended at "
        f"{_when(event.until, up=True)}. Still tell your prescriber that you took it."
    )


def _starts(event: OtherStarts) -> str:
    said = f"It is due to start at {_when(event.starts)}."
    if event.wait is None or event.last_dose_by is None:
        return said
    before = (
        f"{said} The sources say your last dose of duloxetine must be at least "
        f"{_wait(event.wait)} before that"
    )
    if not event.passed:
        return (
            f"{before}: no later than {_when(event.last_dose_by)}. Your prescriber will plan this."
        )
    return (
        f"{before}. That time has passed. Ask your prescriber now, and do not stop duloxetine "
        "on your own."
    )


def _event(event: OtherStops | OtherStopped | OtherStarts) -> str:
    match event:
        case OtherStops(stops=stops, wait=wait, until=until):
            return f"It is due to stop at {_when(stops)}. {_wait_until(until, wait)}"
        case OtherStopped():
            return _stopped(event)
        case OtherStarts():  # pragma: no branch - the last kind of event
            return _starts(event)


def interaction_timing(facts: InteractionTiming) -> str:
    """What another medicine's stop or start means with duloxetine, and any watch still to come."""
    said = _event(facts.event)
    if facts.watch_until is None:
        return said
    return (
        f"{said} The label says to watch for signs of serotonin syndrome until "
        f"{_when(facts.watch_until, up=True)} at the latest."
    )


def _either(names: tuple[str, ...], last: str) -> str:
    """``("a", "b", "c")`` as "a, b or c" (with ``last`` for "or")."""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def not_read(unread: tuple[str, ...], suggestions: tuple[str, ...]) -> str:
    """The words for a name, or a part of a product's name, that duloxinfo could not read.

    ``unread`` names the parts of a product not read (empty when it is the whole name);
    ``suggestions`` the known names close to what was not read (never taken for them).
    """
    said = []
    if unread:
        parts = _either(tuple(f'"{part}"' for part in unread), "and")
        said.append(
            f"duloxinfo read only part of this product. It could not read {parts}, "
            "so it cannot say the product is safe with duloxetine."
        )
    if suggestions:
        said.append(
            f"Did you mean {_either(suggestions, 'or')}? duloxinfo does not guess, so it "
            "has not checked that medicine."
        )
    said.append("Check the name on the pack.")
    return " ".join(said)


def known_member(drug_class: str) -> str:
    """The words that mark a medicine put in a class by what is known of it, not by a source."""
    return (
        f"The sources name {drug_class}, but not this medicine itself. It is put with them "
        "from what is known about it, not from duloxinfo's copies of the sources."
    )
