"""Computer partners: stories about what they see, what they do, and why they say no."""

from __future__ import annotations

import pytest

from game.bots.play import computer_game, decide, seat_partners
from game.engine.acceptability import (
    ANSWER_ACCEPTS,
    answer_of,
    bonus_in_reach,
    decided_by,
    judge,
    position_in_state,
)
from game.engine.state import evolve, new_game
from game.engine.views import view_for
from game.scenario.loading import check_file
from tests.helpers import BUILT_IN, TUTORIAL

SEEDS = range(12)


def scenario_of(path):
    return check_file(path).scenario()


def scrubbed(scenario, keep: str):
    """The scenario with every other role's brief replaced by nothing at all."""
    roles = []
    for role in scenario.roles:
        if role.id != keep:
            brief = role.brief.model_copy(
                update={
                    "text": "scrubbed",
                    "points": {
                        p: {i: dict.fromkeys(o, 0) for i, o in issues.items()}
                        for p, issues in role.brief.points.items()
                    },
                    "walk_away": dict.fromkeys(role.brief.walk_away, 0),
                    "red_lines": [],
                    "risk_tolerance": 5,
                }
            )
            role = role.model_copy(update={"brief": brief})
        roles.append(role)
    return scenario.model_copy(update={"roles": roles})


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.stem)
def test_a_partner_decides_the_same_when_everyone_elses_secrets_are_scrubbed(path):
    scenario = scenario_of(path)
    for seed in SEEDS[:4]:
        partners = seat_partners(scenario, seed)
        for _, state in computer_game(scenario, seed):
            if state.finished:
                break
            role = state.current_role
            blind = evolve(state, scenario=scrubbed(scenario, role))
            assert decide(blind, partners[role]) == decide(state, partners[role])


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.stem)
def test_computer_only_games_sign_an_agreement_in_most_seeds(path):
    scenario = scenario_of(path)
    signed = 0
    for seed in SEEDS:
        states = [state for _, state in computer_game(scenario, seed)]
        signed += bool(states[-1].agreements)
    assert signed > len(SEEDS) / 2, f"{signed} of {len(SEEDS)} games signed an agreement"


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.stem)
def test_every_refusal_names_the_option_that_decided_it_and_no_secret(path):
    """Each reason a partner gives is the one rule's verdict on the full state it decided
    in: it names the option and issue that decided, and never the brief's own words."""
    scenario = scenario_of(path)
    secrets = [line.reason for role in scenario.roles for line in role.brief.red_lines]
    checked = 0
    for seed in SEEDS:
        before = new_game(scenario, seed)
        for decision, after in computer_game(scenario, seed):
            action = decision.action
            if action.kind in ("reject", "counter"):
                deal = before.deal(action.deal)
                project = scenario.project(deal.project)
                position = position_in_state(before, action.actor, project)
                signing = [r for r in deal.participants if r not in dict(deal.rejected)]
                bonus = bonus_in_reach(project, deal.participants, deal.options,
                                       dict(deal.rejected))  # fmt: skip
                verdict = judge(position, project, deal.options, signing, bonus)
                assert action.cause == verdict.cause
                issue, label = decided_by(verdict, project)
                assert f"“{label}” ({issue})" in decision.why
                assert not any(secret in decision.why for secret in secrets)
                checked += 1
            before = after
    assert checked > 0


GAMES_FOR_THE_KEY = 200


def test_the_answer_key_and_the_partners_agree_in_200_computer_games():
    """At every state where a computer partner answers a deal, the answer key (from the
    partner's own view) says what the partner then does, and the full state's verdict
    gives the same kind of answer. Prints how many states were checked."""
    states = mismatches = 0
    per_scenario = GAMES_FOR_THE_KEY // len(BUILT_IN)
    for path in BUILT_IN:
        scenario = scenario_of(path)
        for seed in range(per_scenario):
            partners = seat_partners(scenario, seed)
            before = new_game(scenario, seed)
            for decision, after in computer_game(scenario, seed):
                action = decision.action
                if action.kind in ("accept", "reject", "counter"):
                    role = action.actor
                    deal = before.deal(action.deal)
                    dealt = view_for(before, role)["deals"][deal.number - 1]
                    key, _ = partners[role].expect(view_for(before, role), dealt)
                    project = scenario.project(deal.project)
                    signing = [r for r in deal.participants if r not in dict(deal.rejected)]
                    bonus = bonus_in_reach(project, deal.participants, deal.options,
                                       dict(deal.rejected))  # fmt: skip
                    full = judge(position_in_state(before, role, project), project,
                                 deal.options, signing, bonus)  # fmt: skip
                    states += 1
                    accepted = action.kind == "accept"
                    if (key == ANSWER_ACCEPTS) != accepted or answer_of(
                        full, satisfied=key == ANSWER_ACCEPTS
                    ) != key:
                        mismatches += 1
                before = after
    print(f"answer key against the partners: {states} states checked, {mismatches} mismatches")
    assert states >= 1_000 and mismatches == 0


def test_a_partner_refuses_to_decide_from_another_roles_view():
    scenario = scenario_of(TUTORIAL)
    partners = seat_partners(scenario, 1)
    state = new_game(scenario, 1)
    with pytest.raises(ValueError, match="was shown the view of"):
        partners["cafe"].decide(view_for(state, "library"), lambda action: True)


def test_the_same_game_gives_the_same_decisions():
    scenario = scenario_of(TUTORIAL)
    first = [d for d, _ in computer_game(scenario, 4)]
    again = [d for d, _ in computer_game(scenario, 4)]
    assert first == again


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.stem)
def test_views_share_what_only_the_scenario_decides_and_nobody_changes_it(path):
    """Views share their fixed parts (projects, profiles, red lines, the brief's points)
    for speed, and the partners keep option spaces made from them: a whole computer game
    must leave every one of those parts as the scenario first gave it."""
    import copy

    scenario = scenario_of(path)
    first = {role.id: view_for(new_game(scenario, 1), role.id) for role in scenario.roles}
    before = copy.deepcopy(first)
    for _decision, state in computer_game(scenario, 1):
        for role in scenario.roles:
            view_for(state, role.id)
    assert first == before
    assert first[scenario.roles[0].id]["me"]["points"] is scenario.roles[0].brief.points
