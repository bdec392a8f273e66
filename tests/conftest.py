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


@pytest.fixture(autouse=True)
def devices_listen_on_loopback_only(monkeypatch):
    """A test that starts a game with devices never listens on a LAN address: where the
    game would pick the laptop's address on the network, it gets 127.0.0.1."""
    monkeypatch.setattr("game.ui.devices.lan_address", lambda: "127.0.0.1")
    yield
    from game.devices.running import ServerThread

    ServerThread.stop_all()  # a story that staged a game with devices: it stops listening
