"""A device action's origin is saved with it: in the same write, undone with it, and a
save without origins (an older one, a laptop game) loads as before."""

from __future__ import annotations

import json

import pytest

from game.engine import actions as act
from game.engine.record import Origin, SaveError, Session, read_record
from tests.helpers import FIXTURES

TOWN = FIXTURES / "rules-town.yaml"
EXHIBIT = act.Propose(
    "library", "exhibit", ("library", "museum"), ("co-branded", "shared", "pilot")
)
TABLET = Origin("library", "library-tablet", 3)


def test_a_device_actions_origin_is_in_its_log_entry_of_the_save(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    session.act(EXHIBIT, TABLET)
    session.act(act.Accept("museum", 1))  # on the laptop: no origin
    entries = json.loads(session.path.read_text(encoding="utf-8"))["actions"]
    assert entries[0]["origin"] == {"role": "library", "device": "library-tablet", "seq": 3}
    assert "origin" not in entries[1]
    record = read_record(session.path)
    assert record.actions == [EXHIBIT, act.Accept("museum", 1)]
    assert record.origins == {0: TABLET}
    assert list(record.device_origins()) == [TABLET]


def test_a_save_without_origins_loads_as_it_always_did(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    session.act(EXHIBIT)
    data = json.loads(session.path.read_text(encoding="utf-8"))
    assert "answered" not in data and all("origin" not in e for e in data["actions"])
    loaded = Session.load(session.path)
    assert loaded.state == session.state and loaded.record.origins == {}


def test_an_undone_device_action_stays_answered(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    session.act(EXHIBIT, TABLET)
    session.undo()
    record = read_record(session.path)
    assert record.actions == [] and record.origins == {}
    assert record.answered == [TABLET]  # sent again after a crash, it is not applied again
    assert list(record.device_origins()) == [TABLET]


def test_an_action_whose_save_fails_is_not_in_play_either(tmp_path, monkeypatch):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    before, saved = session.state, session.path.read_bytes()

    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("game.engine.record.write_atomically", full_disk)
    with pytest.raises(OSError):
        session.act(EXHIBIT, TABLET)
    assert session.state is before and session.record.actions == []
    assert session.record.origins == {} and session.path.read_bytes() == saved


@pytest.mark.parametrize(
    "origin",
    [
        {"role": "library", "device": "x"},
        {"role": 1, "device": "x", "seq": 1},
        {"role": "library", "device": "x", "seq": 0},
        {"role": "library", "device": "x", "seq": True},
        "tablet",
    ],
)
def test_a_damaged_origin_is_a_damaged_save(tmp_path, origin):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    session.act(EXHIBIT, TABLET)
    data = json.loads(session.path.read_text(encoding="utf-8"))
    data["actions"][0]["origin"] = origin
    session.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="the save is damaged"):
        read_record(session.path)
