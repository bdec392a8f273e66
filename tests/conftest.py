"""Test-wide settings."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Property tests: 200 examples in a normal run; HYPOTHESIS_PROFILE=deep for a long fuzz.
settings.register_profile(
    "default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("deep", parent=settings.get_profile("default"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
