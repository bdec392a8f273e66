"""Seeded random play over every built-in scenario: 10,000 legal actions in all.

After every action the invariants hold: no negative resources, every agreement satisfies
its project's approval rule and no member's red line. The same scenario, seed and log
give an identical state. And no serialized view holds another role's confidential value:
the scenarios are first marked with secrets that cannot occur anywhere else (points and
walk-away values from 500 up, brief texts and red-line reasons with the role's name), then
every view is searched for every other role's secrets.
"""

from __future__ import annotations

import json
import re

import pytest

from game.engine import deals
from game.engine.randomplay import random_game
from game.engine.record import GameRecord
from game.engine.state import GameState, new_game
from game.engine.views import view_for
from game.scenario.loading import load_scenario
from game.scenario.model import Scenario
from game.scoring.axes import AXES, score_game
from tests.helpers import BUILT_IN

ACTIONS_PER_SCENARIO = 10_000 // len(BUILT_IN)


def with_secrets(scenario: Scenario) -> tuple[Scenario, dict[str, set[str]]]:
    """The scenario with every confidential value made unique and searchable."""
    data = scenario.model_dump()
    secrets: dict[str, set[str]] = {}
    number = 500
    for role in data["roles"]:
        mine = secrets.setdefault(role["id"], set())
        brief = role["brief"]
        brief["text"] = f"SECRET-BRIEF-{role['id']}"
        mine.add(brief["text"])
        for project, issues in brief["points"].items():
            for options in issues.values():
                for option in options:
                    number += 1
                    options[option] = number
                    mine.add(str(number))
            number += 1
            brief["walk_away"][project] = number
            mine.add(str(number))
        for line in brief["red_lines"]:
            line["reason"] = f"SECRET-REASON-{role['id']}-{line['option']}"
            mine.add(line["reason"])
    return Scenario.model_validate(data), secrets


def check_invariants(state: GameState) -> None:
    for mine in state.roles:
        assert mine.staff_time >= 0 and mine.budget >= 0
        free = deals.free_this_round(state, mine.role)
        assert free.staff_time >= 0 and free.budget >= 0
        assert 0 <= mine.brand <= 10
    for agreement in state.agreements:
        project = state.scenario.project(agreement.project)
        rule = project.approval
        members = set(agreement.members)
        assert len(members) >= (rule.quorum or len(agreement.deal.participants))
        assert set(rule.required) <= set(agreement.deal.participants)
        assert (set(rule.required) | set(rule.vetoes)) & set(agreement.deal.participants) <= members
        assert len(agreement.deal.participants) >= rule.min_participants
        for member in members:
            assert deals.red_line(state.scenario, member, project, agreement.deal.options) is None
    active = [a.project for a in state.agreements if a.active]
    assert len(active) == len(set(active)), "one active agreement per project"


def check_scores(state: GameState) -> None:
    scores = score_game(state)
    axes = [getattr(s, axis) for s in scores.agreements for axis in AXES]
    axes += [axis for role in scores.roles.values() for axis in role.values()]
    axes += list(scores.table.values())
    for axis in axes:
        assert 0 <= axis.score <= 100 and axis.reason


def check_views(state: GameState, secrets: dict[str, set[str]]) -> None:
    """Every other role's secrets are absent from the view; the viewer's own part ("me")
    is the viewer's brief exactly (its walk-away values may have moved with events, so
    they are compared by project, not searched for)."""
    for viewer in secrets:
        view = view_for(state, viewer)
        me = view.pop("me")
        assert me["role"] == viewer
        assert me["points"] == state.scenario.role(viewer).brief.points
        assert set(me["walk_away"]) <= set(state.scenario.role(viewer).brief.points)
        public = json.dumps(view, ensure_ascii=False)
        own = json.dumps(me, ensure_ascii=False)
        shown = set(re.findall(r"\d+", public))
        shown |= set(re.findall(r"SECRET-[\w-]+", public + own))
        for owner, values in secrets.items():
            if owner != viewer:
                assert not values & shown, f"{viewer} sees {owner}'s {values & shown}"
        known = {i.text for i in state.role_state(viewer).insights}
        for other in state.roles:
            for insight in other.insights:
                if other.role != viewer and insight.text not in known:
                    assert insight.text not in public + own


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.name)
def test_random_play_keeps_every_invariant_and_every_secret(path):
    scenario, secrets = with_secrets(load_scenario(path))
    played = 0
    seed = 0
    while played < ACTIONS_PER_SCENARIO:
        seed += 1
        start = new_game(scenario, seed)
        log, state = [], start
        for action, state in random_game(start, seed):
            log.append(action)
            played += 1
            check_invariants(state)
            if played % 3 == 0:
                check_views(state, secrets)
        check_views(state, secrets)
        check_scores(state)
        replayed = GameRecord("", "", seed, log).replay(scenario)
        assert replayed == state, "the same scenario, seed and log give the same game"
    assert played >= ACTIONS_PER_SCENARIO
