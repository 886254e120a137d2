"""Shared test configuration: Hypothesis profiles.

Profiles: ``default`` (100 examples, no deadline), ``ci`` (the same, derandomized and
without the example database, so a CI run is reproducible), ``dev`` (20 examples,
for quick local runs).  Choose one with ``HYPOTHESIS_PROFILE=...``; when the
variable is unset, ``ci`` is used if ``CI`` is set in the environment, else ``default``.

The tests folder is on ``sys.path`` (it has no ``__init__.py``), so test files
import the helpers as ``from oracle import assert_same`` and
``from strategies import exprs``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SLOW = [HealthCheck.too_slow]

settings.register_profile("default", deadline=None, max_examples=100, suppress_health_check=SLOW)
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=100,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=SLOW,
)
settings.register_profile("dev", deadline=None, max_examples=20, suppress_health_check=SLOW)

_ci = os.environ.get("CI", "").lower() not in ("", "0", "false")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _ci else "default"))
