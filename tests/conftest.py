"""Hypothesis profiles, chosen by HYPOTHESIS_PROFILE (default: ``ci`` under CI, else ``dev``).

* ``dev``: quick, for the edit-test loop (100 examples).
* ``ci``: what ``.ci/run`` uses: at least 1,000 examples per property (and so
  1,000 state-machine runs), no deadline, since CI machines are noisy.
* ``thorough``: on demand, 10,000 examples.
* ``mutation``: for mutation testing (``docs/testing.md``): 200 examples, derandomized
  so that a mutant's verdict does not depend on luck, and no example database.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation",
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
