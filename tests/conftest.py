"""Test-wide settings."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests: 200 examples in a normal run; HYPOTHESIS_PROFILE=deep for a long fuzz.
settings.register_profile(
    "default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("deep", parent=settings.get_profile("default"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True, scope="session")
def _schema_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test run derives the compiled schema afresh, never trusting a machine's cache."""
    os.environ["OUTOFTHEBOX_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
