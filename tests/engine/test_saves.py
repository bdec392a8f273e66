"""Saves: after every action, atomic, resumable, undoable, and never lost to a crash."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from game.engine import actions as act
from game.engine.record import SaveError, Session, read_record, resume
from game.engine.rules import IllegalAction
from tests.helpers import FIXTURES, ROOT, SCENARIOS

TOWN = FIXTURES / "rules-town.yaml"
EXHIBIT = act.Propose(
    "library", "exhibit", ("library", "museum"), ("co-branded", "shared", "pilot")
)


def test_a_new_game_is_saved_at_once_and_after_every_action(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    assert read_record(session.path).actions == []
    session.act(EXHIBIT)
    assert read_record(session.path).actions == [EXHIBIT]


def test_resuming_replays_the_log_to_the_same_state(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    for action in (EXHIBIT, act.Accept("museum", 1), act.Explore("shop", "library")):
        session.act(action)
    record, state = resume(session.path)
    assert state == session.state
    assert record.seed == 5


def test_an_illegal_action_changes_neither_the_game_nor_the_save(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    before = session.path.read_bytes()
    with pytest.raises(IllegalAction):
        session.act(act.Pass("museum"))
    assert session.path.read_bytes() == before
    assert session.record.actions == []


def test_undo_replays_everything_but_the_last_action(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    session.act(EXHIBIT)
    before = session.state
    session.act(act.Accept("museum", 1))
    assert session.state.agreements
    assert session.undo() == before
    assert read_record(session.path).actions == [EXHIBIT]
    session.undo()
    with pytest.raises(IllegalAction, match=r"There is nothing to undo\."):
        session.undo()


def test_a_save_of_another_version_of_the_scenario_is_detected(tmp_path):
    scenario = tmp_path / "town.yaml"
    scenario.write_text(TOWN.read_text())
    session = Session.start(scenario, seed=5, folder=tmp_path)
    session.act(EXHIBIT)
    scenario.write_text(TOWN.read_text().replace("brand: 2", "brand: 3"))
    with pytest.raises(SaveError, match="has changed since this game was saved"):
        resume(session.path)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short, as by a crash in an old version
        lambda text: "",
        lambda text: "{ not json",
        lambda text: json.dumps({"format": 99}),
        lambda text: text.replace('"accept"', '"teleport"'),
    ],
    ids=["truncated", "empty", "garbage", "other-version", "unknown-action"],
)
def test_a_damaged_save_is_reported_and_never_written_over(tmp_path, damage):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    session.act(EXHIBIT)
    session.act(act.Accept("museum", 1))
    damaged = damage(session.path.read_text())
    session.path.write_text(damaged)
    with pytest.raises(SaveError) as caught:
        Session.load(session.path)
    assert str(session.path) in str(caught.value)
    with pytest.raises(SaveError, match="never writes over a save"):
        Session.start(TOWN, seed=6, path=session.path)
    assert session.path.read_text() == damaged


def test_saving_leaves_no_temporary_files_behind(tmp_path):
    session = Session.start(TOWN, seed=5, folder=tmp_path)
    session.act(EXHIBIT)
    assert [p.name for p in tmp_path.iterdir()] == [session.path.name]


def test_a_game_killed_at_random_moments_loses_at_most_the_action_in_flight(tmp_path):
    """SIGKILL a scripted game 20 times; every resume has every action it reported saved,
    plus at most the one in flight, and the save always loads."""
    save = tmp_path / "killed.json"
    scenario = SCENARIOS / "health-exchange.yaml"
    rng = random.Random(2026)
    kills = interrupted = 0
    for _attempt in range(200):
        before = len(read_record(save).actions) if save.exists() else 0
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.engine.scripted_player",
                str(save),
                str(scenario),
                "7",
                "0.01",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        first = child.stdout.readline()  # started: the interpreter's start is not the game
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        out = first + out
        reported = [line for line in out.splitlines() if line.isdigit()]
        assert "Traceback" not in err, err
        if not save.exists():
            continue  # killed before its first save
        kills += 1
        saved = len(read_record(save).actions)
        confirmed = int(reported[-1]) if reported else before
        assert confirmed <= saved <= confirmed + 1, (confirmed, saved)
        resume(save)  # always loads and replays
        if "done" in out:
            save.unlink()
        else:
            interrupted += 1
        if interrupted >= 20:
            break
    assert interrupted >= 20, f"only {interrupted} of {kills} kills landed mid-game"
