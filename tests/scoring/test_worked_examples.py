"""Every worked example in docs/scoring.md is replayed and must give the scores it shows."""

from __future__ import annotations

import re

import pytest
import yaml

from game.engine.acceptability import judge, position_in_state
from game.engine.actions import action_from_json
from game.engine.record import GameRecord
from game.engine.state import new_game
from game.scenario.loading import load_scenario
from game.scoring.axes import perspective, score_game
from tests.helpers import ROOT

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
EXAMPLES = [yaml.safe_load(block) for block in re.findall(r"```yaml example\n(.*?)```", DOC, re.S)]
VERDICTS = [yaml.safe_load(b) for b in re.findall(r"```yaml verdicts\n(.*?)```", DOC, re.S)]


def test_the_scoring_guide_has_worked_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=[f"example-{n}" for n in range(1, 10)][: len(EXAMPLES)]
)
def test_a_worked_example_gives_the_scores_the_guide_shows(example):
    scenario = load_scenario(ROOT / example["scenario"])
    record = GameRecord("", "", example["seed"], [action_from_json(a) for a in example["actions"]])
    state = record.replay(scenario)
    scores = score_game(state)
    by_project = {s.project: s for s in scores.agreements}
    for project, expected in example.get("agreements", {}).items():
        got = by_project[project]
        assert {axis: getattr(got, axis).score for axis in expected} == expected
    for axis, value in example.get("table", {}).items():
        assert scores.table[axis].score == value
    for role, value in example.get("individual", {}).items():
        assert scores.individual[role] == value
    for role, value in example.get("perspective", {}).items():
        assert perspective(state, role).score == value


def test_the_guide_states_the_one_rule_with_worked_verdicts():
    assert VERDICTS and sum(len(block["verdicts"]) for block in VERDICTS) >= 5


@pytest.mark.parametrize("block", VERDICTS, ids=lambda b: b["project"])
def test_a_worked_verdict_is_what_the_one_rule_says(block):
    scenario = load_scenario(ROOT / block["scenario"])
    project = scenario.project(block["project"])
    state = new_game(scenario, 1)
    for case in block["verdicts"]:
        position = position_in_state(state, case["role"], project)
        verdict = judge(position, project, tuple(case["options"]), [r.id for r in scenario.roles])
        assert (verdict.kind, verdict.cause) == (case["kind"], case["cause"]), case
        if "option" in case:
            assert verdict.option == case["option"], case
        if "gain" in case:
            assert verdict.gain == case["gain"], case
