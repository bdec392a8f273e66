"""Seating computer partners at a game: each is shown its own view and nothing else.

``legal`` is the one question a partner may ask of the real game: would the rules allow
this action of mine? The answer depends only on public facts and the asker's own brief.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.bots.partner import ComputerPartner, Decision
from game.bots.personality import PERSONALITIES
from game.engine import actions as act
from game.engine.rules import apply, attempt, pass_turn
from game.engine.state import GameState, new_game
from game.engine.views import view_for
from game.scenario.model import Scenario


def decide(state: GameState, partner: ComputerPartner) -> Decision:
    """The partner's decision for its turn (the caller plays it)."""
    return _decided(state, partner)[0]


def play_turn(state: GameState, partner: ComputerPartner) -> tuple[Decision, GameState]:
    """The partner's decision and the game after it.

    The partner's legality questions are answered by trying the action; the state that
    try gave is kept, so the action it picks is not played a second time.
    """
    decision, tried = _decided(state, partner)
    taken = tried.get(decision.action)
    if taken is None:
        return decision, apply(state, decision.action)
    return decision, pass_turn(taken, decision.action)


def _decided(
    state: GameState, partner: ComputerPartner
) -> tuple[Decision, dict[act.Action, GameState | None]]:
    """The decision, from the partner's own view, and every action it tried on the way."""
    view = view_for(state, partner.role)
    tried: dict[act.Action, GameState | None] = {}

    def legal(action: act.Action) -> bool:
        if action.actor != partner.role:
            return False
        if action not in tried:
            tried[action] = attempt(state, action)
        return tried[action] is not None

    return partner.decide(view, legal), tried


def seat_partners(scenario: Scenario, seed: int, personalities: dict[str, str] | None = None):
    """A computer partner for every role; personalities rotate unless given.

    The rotation turns with the seed, so that over a run of games every role meets every
    personality as often: who wins a tournament then says something about the scenario,
    not about which seat happened to get the tough negotiator.
    """
    names = list(PERSONALITIES)
    chosen = personalities or {}
    return {
        role.id: ComputerPartner(
            role.id,
            PERSONALITIES[chosen.get(role.id, names[(index + seed) % len(names)])],
            seed,
        )
        for index, role in enumerate(scenario.roles)
    }


def computer_game(
    scenario: Scenario, seed: int, personalities: dict[str, str] | None = None, limit: int = 2_000
) -> Iterator[tuple[Decision, GameState]]:
    """A whole game played by computer partners: each decision and the state after it."""
    partners = seat_partners(scenario, seed, personalities)
    state = new_game(scenario, seed)
    for _ in range(limit):
        if state.finished:
            return
        decision, state = play_turn(state, partners[state.current_role])
        yield decision, state
