"""Real browsers for the device tests: the system's Chromium, driven by Playwright.

Playwright is given Debian's ``chromium`` (``executable_path``): it downloads no browser of
its own. Where Chromium is missing the browser tests skip with that reason — except under
CI (``CI=true``), where ``.ci/run`` installs it, so a missing browser there is a failure,
never a silent pass.
"""

from __future__ import annotations

import os
import shutil

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def require_chromium() -> str:
    """The browser's path; skips the test without one, or fails it under CI."""
    found = chromium()
    if found is not None:
        return found
    missing = "headless Chromium is needed (Debian: apt-get install chromium; .ci/run does)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{missing}, and this is CI: the browser test must run here")
    pytest.skip(missing)
