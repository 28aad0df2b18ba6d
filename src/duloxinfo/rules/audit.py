"""What counts as a double dose, and :func:`audit`, which finds every one in a history."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from .._names import public_dir
from .._validate import utc
from .._wording import en
from ..choices import ONE_DOSE_WITHIN
from ..reasons import OversizedIntake, TooClose
from ._inputs import as_history, as_plan
from ._one_dose import one_dose_groups
from ._timeline import Timeline
from .intakes import Intake, IntakeHistory
from .plan import Plan
from .regimen import Regimen

__all__ = ["DoubleDose", "DoubleDoseKind", "audit"]
__dir__ = public_dir(globals())


class DoubleDoseKind(enum.Enum):
    """The two definitions of a double dose; the values are stable identifiers."""

    OVERSIZED_INTAKE = "oversized-intake"
    """(a) A dose (one intake, or intakes taken as one) larger than the dose in force."""
    TOO_CLOSE = "too-close"
    """(b) Two doses less than the spacing H apart (half the interval of the phase in
    force: 12 hours once daily, 6 hours twice daily)."""


@attrs.frozen(kw_only=True)
class DoubleDose:
    """One double dose that :func:`audit` found.

    Attributes:
        kind: Which definition it breaks.
        intakes: The intakes involved, in time order.
        slots: The scheduled doses those intakes belong to (aware, in their phases'
            zones), in time order; none for an intake no scheduled dose owns.
        certain: False when the person was not sure of one of the intakes: the double
            dose is possible, not certain.
        explanation: Plain sentences an application can show, written from ``because``.
        because: The facts the explanation is written from (:mod:`duloxinfo.reasons`):
            how much against which dose, or how far apart against which spacing.  Not in
            the JSON answer.
    """

    kind: DoubleDoseKind
    intakes: tuple[Intake, ...]
    slots: tuple[_dt.datetime, ...]
    certain: bool
    explanation: str
    because: OversizedIntake | TooClose = attrs.field(repr=False, metadata={"json": False})


def audit(
    plan: Plan | Regimen, intakes: IntakeHistory | Iterable[Intake]
) -> tuple[DoubleDose, ...]:
    """Find every double dose in a history.

    Intakes are first put together into doses: intakes within
    :data:`~duloxinfo.choices.ONE_DOSE_WITHIN` of the first of them, together no more
    than the dose in force, are one dose.  Then a double dose is

    * (a) a dose larger than the dose in force (the dose of the phase whose scheduled
      dose it belongs to, or of the phase in force when it belongs to none), or
      intakes within :data:`~duloxinfo.choices.ONE_DOSE_WITHIN` that together are, or
    * (b) two doses less than the spacing H apart: half the interval of the phase in
      force, the larger of the two phases' halves across a change of phase.

    Uncertain intakes count like any other; a double dose that involves one is
    reported as possible (``certain`` False).  Only double doses with an intake
    within the plan (from its start, before its end) are reported.  Each (b) finding
    names a dose and the latest earlier dose less than H before it (usually the one
    just before; an older one when a phase of longer interval makes it too close
    although the one just before is not), by their closest intakes, so every dose
    that is too close to an earlier one is in some finding.

    Raises:
        WrongTypeError: ``plan`` is not a :class:`~duloxinfo.rules.plan.Plan` or a
            :class:`~duloxinfo.rules.regimen.Regimen`, or ``intakes`` is not an
            iterable of :class:`~duloxinfo.rules.intakes.Intake`.

    >>> import datetime as dt
    >>> from duloxinfo import Regimen, Intake, audit
    >>> r = Regimen(60, [dt.time(8)], "UTC", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    >>> day = lambda d, h, m=0: dt.datetime(2026, 1, d, h, m, tzinfo=dt.UTC)
    >>> [f.kind.value for f in audit(r, [Intake(day(5, 8), 60), Intake(day(5, 19), 60)])]
    ['too-close']
    >>> [f.kind.value for f in audit(r, [Intake(day(5, 8), 120)])]
    ['oversized-intake']
    >>> audit(r, [Intake(day(5, 8), 30), Intake(day(5, 8, 1), 30), Intake(day(6, 8), 60)])
    ()
    """
    plan = as_plan(plan)
    history = as_history(intakes)
    audit = _Audit(Timeline(plan, history))
    found: list[DoubleDose] = []
    doses = audit.doses()
    for dose in doses:
        found.extend(audit.oversized(dose))
    for index, later in enumerate(doses):
        found.extend(audit.too_close(audit.nearest_too_close(doses, index), later))
    found.sort(key=lambda f: (utc(f.intakes[0].at), f.kind is DoubleDoseKind.TOO_CLOSE))
    return tuple(f for f in found if any(audit.within(utc(i.at)) for i in f.intakes))


class _Audit:
    """One audit: the timeline, and the slot each intake belongs to, found in one pass."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        instants = timeline.history.instants
        self.owners = dict(zip(instants, timeline.owners(instants), strict=True))

    def within(self, instant: _dt.datetime) -> bool:
        """Whether ``instant`` is from the plan's start and before its end."""
        timeline = self.timeline
        end = timeline.ends[-1]
        return timeline.starts[0] <= instant and (end is None or instant < end)

    def doses(self) -> list[tuple[Intake, ...]]:
        """The history's intakes put together into doses, in time order."""
        intakes, instants = self.timeline.history.intakes, self.timeline.history.instants
        groups = one_dose_groups(
            intakes, instants, 0, len(intakes), lambda i: self.dose_in_force(instants[i])
        )
        return [intakes[begin:end] for begin, end in groups]

    def dose_in_force(self, instant: _dt.datetime) -> int:
        """The dose of the slot an intake at ``instant`` (one of the history's) belongs to."""
        owner = self.owners[instant]
        if owner is not None:
            return self.timeline.dose(owner)
        return self.timeline.phases[self.timeline.phase_at(instant)].dose_mg

    def finding(
        self,
        kind: DoubleDoseKind,
        intakes: tuple[Intake, ...],
        because: OversizedIntake | TooClose,
    ) -> DoubleDose:
        owners = []
        for intake in intakes:
            owner = self.owners[utc(intake.at)]
            if owner is not None:
                local = owner.at.astimezone(self.timeline.phases[owner.phase].tz)
                if local not in owners:
                    owners.append(local)
        return DoubleDose(
            kind=kind,
            intakes=intakes,
            slots=tuple(owners),
            certain=because.certain,
            explanation=en.double_dose(because),
            because=because,
        )

    def oversized(self, dose: tuple[Intake, ...]) -> list[DoubleDose]:
        """(a): a dose larger than the dose in force."""
        in_force = self.dose_in_force(utc(dose[0].at))
        total = sum(i.dose_mg for i in dose)
        if total <= in_force:
            return []
        because = OversizedIntake(
            taken_mg=total,
            within=None if len(dose) == 1 else utc(dose[-1].at) - utc(dose[0].at),
            dose_mg=in_force,
            certain=all(i.certain for i in dose),
        )
        return [self.finding(DoubleDoseKind.OVERSIZED_INTAKE, dose, because)]

    def nearest_too_close(
        self, doses: list[tuple[Intake, ...]], index: int
    ) -> tuple[Intake, ...] | None:
        """The latest dose before ``doses[index]`` that is less than H before it, if any.

        Usually the dose just before; an older one when a phase of longer interval makes
        it too close although the one just before is not.
        """
        timeline = self.timeline
        later = utc(doses[index][0].at)
        # Back from ``index`` by position, not over a copy of the doses before it (a copy
        # per dose made the audit quadratic).  The walk stops within H of ``later``, and
        # only a dose at least H after the one before it walks past that one, so each dose
        # is passed over by at most a few walks: the audit is linear in the doses.
        for position in range(index - 1, -1, -1):
            earlier = doses[position]
            at = utc(earlier[-1].at)
            if later - at >= timeline.widest:
                break
            if later - utc(earlier[0].at) <= ONE_DOSE_WITHIN or later - at < timeline.spacing(
                at, later
            ):
                return earlier
        return None

    def too_close(
        self, earlier: tuple[Intake, ...] | None, later: tuple[Intake, ...]
    ) -> list[DoubleDose]:
        """(b): a dose and the earlier one less than the spacing before it (closest intakes).

        Two doses within :data:`~duloxinfo.choices.ONE_DOSE_WITHIN` of the first one's
        start were kept apart only because together they are more than the dose in
        force: that is (a).
        """
        if earlier is None:
            return []
        a, b = earlier[-1], later[0]
        a_at, b_at = utc(a.at), utc(b.at)
        if b_at - utc(earlier[0].at) <= ONE_DOSE_WITHIN:
            # Close enough to be one dose, but together more than the dose in force: (a).
            return self.oversized((*earlier, b))
        spacing = self.timeline.spacing(a_at, b_at)
        because = TooClose(
            gap=b_at - a_at,  # less than the spacing: nearest_too_close found it so
            spacing=spacing,
            certain=a.certain and b.certain,
        )
        return [self.finding(DoubleDoseKind.TOO_CLOSE, (a, b), because)]
