"""How the computer partners negotiate: rule stories over many seeded computer games."""

from __future__ import annotations

import pytest

from game.bots.play import computer_game
from game.engine import actions as act
from game.scenario.loading import check_file
from tests.helpers import BUILT_IN

SEEDS = range(15)


def games(path):
    scenario = check_file(path).scenario()
    for seed in SEEDS:
        before = None
        for decision, state in computer_game(scenario, seed):
            yield scenario, before, decision.action, state
            before = state


def offers(action):
    return isinstance(action, (act.Propose, act.Counter))


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.stem)
def test_a_partner_never_offers_again_what_a_partner_refused_for_a_reason_that_holds(path):
    """A deal refused as too risky, below a walk-away, across a red line or beyond what a
    partner can pay is not put to that partner again with the same options."""
    checked = 0
    for _, before, action, state in games(path):
        if before is None or not offers(action):
            continue
        offer = state.deals[-1]
        for deal in before.deals:
            if deal.project != offer.project or deal.options != offer.options:
                continue
            for role, cause in deal.causes:
                if cause != "gain" and role in offer.participants and role != action.actor:
                    pytest.fail(
                        f"{action.actor} offered deal {offer.number} to {role}, which had "
                        f"refused the same options in deal {deal.number} ({cause})"
                    )
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.stem)
def test_in_the_last_round_a_partner_makes_no_offer_that_nobody_is_left_to_answer(path):
    checked = 0
    for scenario, before, action, state in games(path):
        if before is None or not offers(action) or before.round < scenario.rounds:
            continue
        offer = state.deals[-1]
        later = set(before.order[before.turn + 1 :])
        rule = scenario.project(offer.project).approval
        can_sign = {action.actor} | (later & set(offer.participants))
        assert len(can_sign) >= (rule.quorum or len(offer.participants))
        checked += 1
    # (a scenario may end before its last round in every seed: then nothing is checked)
