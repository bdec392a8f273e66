"""Replaying each golden game reproduces its final scores exactly: scores must not drift.

If a rule change is meant to change them, rewrite the games with
``python -m tests.golden.record`` and say so in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.actions import action_from_json
from game.engine.record import RULES_VERSION, GameRecord
from game.scenario.loading import load_scenario
from tests.golden.record import final_scores
from tests.helpers import BUILT_IN, ROOT

GOLDEN = sorted(Path(__file__).resolve().parent.glob("*.json"))


def test_every_built_in_scenario_has_a_golden_game():
    assert {json.loads(p.read_text())["scenario"] for p in GOLDEN} == {
        f"scenarios/{p.name}" for p in BUILT_IN
    }


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_a_golden_game_replays_to_the_same_final_scores(path):
    golden = json.loads(path.read_text())
    scenario = load_scenario(ROOT / golden["scenario"])
    actions = [action_from_json(item) for item in golden["actions"]]
    state = GameRecord("", "", golden["seed"], actions).replay(scenario)
    assert state.finished
    assert state.agreements
    assert final_scores(state) == golden["scores"]


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_a_golden_game_says_which_rules_it_was_recorded_under_and_what_changed(path):
    golden = json.loads(path.read_text())
    assert golden["rules"] == RULES_VERSION, "re-record with python -m tests.golden.record"
    assert golden["note"].strip()
