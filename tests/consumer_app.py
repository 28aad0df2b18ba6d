"""A small application built on duloxinfo, as a user of the package would write it.

Three jobs:

* ``mypy --strict`` checks it in ``.ci/run``, so the types an application sees through
  the public API (``py.typed``, the lazy content names, the frozen records) are checked,
  not only the library's own.
* ``.ci/run`` runs it with the wheel installed in a fresh virtual environment, from a
  folder outside the source tree: the installed package alone must be enough.
* ``tests/test_package.py`` runs it against the package under test.

It exits 0 and prints ``consumer app: ok`` when everything works.
"""

from __future__ import annotations

import datetime as dt
import sys
from zoneinfo import ZoneInfo

import duloxinfo


def _expect(condition: bool, what: str) -> None:
    if not condition:
        sys.exit(f"consumer app: {what}")


def show_dosage_page() -> str:
    """What a patient portal does: render one section of the guide, with its sources."""
    guide: duloxinfo.Guide = duloxinfo.guide()
    _expect(guide is duloxinfo.guide(), "guide() is cached")
    how: duloxinfo.HowToTake = guide.how_to_take
    _expect((how.starting.dose_mg, how.usual.dose_mg) == (30, 60), "the label's doses")
    first: duloxinfo.Statement = guide.about.paragraphs[0]
    _expect("muscle spasm is not an approved use" in first.text.casefold(), "said first")
    urgent: tuple[duloxinfo.SafetyWarning, ...] = guide.urgent_warnings
    _expect(all(warning.urgent for warning in urgent), "urgent warnings are typed")
    serious = [
        entry.medicines
        for entry in guide.other_medicines.entries
        if entry.seriousness is duloxinfo.Seriousness.DO_NOT_COMBINE
    ]
    _expect(bool(serious), "medicines never to combine")
    claims: tuple[duloxinfo.SeedClaim, ...] = duloxinfo.seed_claims()
    _expect(claims[0].verdict is duloxinfo.Verdict.NOT_APPROVED_USE, "the seed is reviewed")
    html: str = duloxinfo.render_html(guide.section("how_to_take"))
    _expect(html.startswith('<article class="duloxinfo-guide">'), "an HTML fragment")
    _expect(duloxinfo.check_guide(guide) == (), "the shipped guide passes its checks")
    return html


def remind(now: dt.datetime) -> duloxinfo.MissedDoseAdvice:
    """What a reminder app does: ask what to do about this morning's dose."""
    london = ZoneInfo("Europe/London")
    regimen = duloxinfo.Regimen(
        60, [dt.time(8)], "Europe/London", dt.datetime(2026, 3, 2, 8, tzinfo=london)
    )
    history = duloxinfo.IntakeHistory(
        [duloxinfo.Intake(dt.datetime(2026, 3, 2, 8, 5, tzinfo=london), 60)]
    )
    advice = duloxinfo.advise_missed_dose(regimen, history, now)
    taken = list(history.intakes)
    if advice.dose_mg:
        taken.append(duloxinfo.Intake(now, advice.dose_mg))
    _expect(duloxinfo.audit(regimen, taken) == (), "taking the advised dose is no double dose")
    supply: duloxinfo.Supply = duloxinfo.supply_forecast(regimen, 60, 28, now)
    # A plan that ends may need no refill: the dates are then None, and an app must say so.
    if supply.refill_by is not None and supply.runs_out_on is not None:
        _expect(supply.refill_by <= supply.runs_out_on, "refill before running out")
    else:
        _expect(supply.rule == "supply/enough", "no refill date only when there is enough")
    status: duloxinfo.TitrationStatus = duloxinfo.titration_status(regimen, history, now)
    _expect(status.stage is duloxinfo.TitrationStage.USUAL_MAXIMUM, "60 mg is the usual maximum")
    plan: duloxinfo.Plan = duloxinfo.titration_plan(regimen.start, "Europe/London", dt.time(8))
    on_plan = duloxinfo.advise_missed_dose(plan, history, now)
    if on_plan.next_dose_at is not None:  # None: call the prescriber, or the plan has ended
        _expect(on_plan.next_dose_at > now, "the next dose is after now")
    return advice


def handle_bad_input() -> str:
    """What every application does at its edge: one except clause for the library's errors."""
    try:
        duloxinfo.Regimen(25, [dt.time(8)], "Europe/London", dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    except duloxinfo.DuloxinfoError as error:
        return str(error)
    sys.exit("consumer app: a 25 mg regimen was accepted")


def main() -> None:
    """Run the three jobs and say so."""
    show_dosage_page()
    advice = remind(dt.datetime(2026, 3, 3, 11, tzinfo=ZoneInfo("Europe/London")))
    _expect(advice.action is duloxinfo.Action.TAKE_NOW, "a forgotten morning dose is taken")
    _expect(advice.dose_mg == 60, "exactly one dose")
    _expect(handle_bad_input().startswith("dose_mg: 25"), "the error names the field")
    print(f"consumer app: ok (duloxinfo {duloxinfo.__version__})")  # noqa: T201


if __name__ == "__main__":
    main()
