"""Mutation testing of the rules with mutmut, and the score it must reach.

    python .ci/mutation.py           # every mutant of src/duloxinfo/rules (about 45 minutes)
    python .ci/mutation.py --quick   # the missed-dose decision and the timeline it stands on

Runs ``mutmut run`` (configured in pyproject.toml) with the derandomized ``mutation``
Hypothesis profile, then counts the verdicts of the selected mutants and exits 1 when
fewer than 95% are killed (a timeout counts as killed: the tests noticed).  Surviving
mutants are listed; docs/testing.md says which ones are equivalent and why.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys

THRESHOLD = 0.95
# The missed-dose decision and the timeline (attribution, spacing, windows) it stands on.
QUICK = (
    "duloxinfo.rules.missed_dose.*",
    "duloxinfo.rules._timeline.*",
)


def main() -> int:
    """Run mutmut on the selection; print the score; 1 if it is under the threshold."""
    quick = sys.argv[1:] == ["--quick"]
    selection = QUICK if quick else ("duloxinfo.rules.*",)
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
    subprocess.run(["mutmut", "run", "--max-children", "2", *selection], check=True, env=env)
    listing = subprocess.run(
        ["mutmut", "results", "--all", "true"], check=True, capture_output=True, text=True
    ).stdout
    verdicts = {}
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name and any(fnmatch.fnmatch(name, pattern) for pattern in selection):
            verdicts[name] = status
    caught = sum(status in {"killed", "timeout"} for status in verdicts.values())
    survivors = sorted(name for name, status in verdicts.items() if status == "survived")
    unchecked = sorted(n for n, s in verdicts.items() if s not in {"killed", "timeout", "survived"})
    score = caught / len(verdicts) if verdicts else 0.0
    for name in survivors:
        print(f"survived: {name}")
    for name in unchecked:
        print(f"{verdicts[name]}: {name}")
    print(
        f"mutation score ({'quick' if quick else 'all rules'}): {caught}/{len(verdicts)} "
        f"killed = {score:.1%} (at least {THRESHOLD:.0%} required)"
    )
    return 0 if score >= THRESHOLD else 1


if __name__ == "__main__":
    sys.exit(main())
