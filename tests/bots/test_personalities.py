"""The personalities differ, and a learner can tell them apart from their offers alone."""

from __future__ import annotations

from game.bots.partner import ComputerPartner
from game.bots.personality import PERSONALITIES, concession_curve
from game.bots.play import play_turn
from game.engine import actions as act
from game.engine.deals import points
from game.engine.state import new_game
from game.scenario.loading import check_file
from game.scoring.joint import best_points
from tests.helpers import BUILT_IN

SEEDS = range(10)


def offer_shares(personality: str) -> dict[int, list[float]]:
    """Round -> the share of its room each offer gave its proposer, over games where
    every seat has ``personality`` (what the offers show, read with the answer key)."""
    shares: dict[int, list[float]] = {}
    for path in BUILT_IN:
        scenario = check_file(path).scenario()
        for seed in SEEDS:
            partners = {r.id: ComputerPartner(r.id, PERSONALITIES[personality], seed)
                        for r in scenario.roles}  # fmt: skip
            state = new_game(scenario, seed)
            while not state.finished:
                decision, after = play_turn(state, partners[state.current_role])
                if isinstance(decision.action, (act.Propose, act.Counter)):
                    deal = after.deals[-1]
                    project = scenario.project(deal.project)
                    walk = scenario.walk_away(deal.proposer, project)
                    best = best_points(scenario, deal.proposer, project)
                    got = points(scenario, deal.proposer, project, deal.options)
                    if best > walk:
                        shares.setdefault(state.round, []).append((got - walk) / (best - walk))
                state = after
    return shares


def early(shares: dict[int, list[float]]) -> float:
    found = shares.get(1, []) + shares.get(2, [])
    return sum(found) / len(found)


def test_each_personality_concedes_on_its_own_curve():
    curves = {name: concession_curve(p, 6) for name, p in PERSONALITIES.items()}
    assert all(curve == sorted(curve, reverse=True) for curve in curves.values())
    assert curves["competitive"][3] > curves["cautious"][3] > curves["cooperative"][3]


def test_a_tough_partner_asks_for_more_in_its_first_offers_than_a_cooperative_one():
    """Read from the offers alone: the competitive partner's early offers keep more of
    its room than the cautious partner's, and those more than the cooperative's."""
    asked = {name: early(offer_shares(name)) for name in ("competitive", "cautious", "cooperative")}
    assert asked["competitive"] > asked["cautious"] > asked["cooperative"], asked
