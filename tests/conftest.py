"""Hypothesis profiles: `ci` (chosen when CI=true, as .ci/run runs) is derandomised, so a CI run
tries the same examples every time and a red build is reproducible, not a roll of the dice;
`dev` (the default elsewhere) explores new random examples on every run and remembers failures.
HYPOTHESIS_PROFILE=NAME picks one explicitly."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "dev"))
