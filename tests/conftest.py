"""Test-wide settings."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _schema_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test run derives the compiled schema afresh, never trusting a machine's cache."""
    os.environ["OUTOFTHEBOX_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
