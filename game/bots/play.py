"""Seating computer partners at a game: each is shown its own view and nothing else.

``legal`` is the one question a partner may ask of the real game: would the rules allow
this action of mine? The answer depends only on public facts and the asker's own brief.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.bots.partner import ComputerPartner, Decision
from game.bots.personality import PERSONALITIES
from game.engine import actions as act
from game.engine.rules import apply, is_legal
from game.engine.state import GameState, new_game
from game.engine.views import view_for
from game.scenario.model import Scenario


def decide(state: GameState, partner: ComputerPartner) -> Decision:
    view = view_for(state, partner.role)

    def legal(action: act.Action) -> bool:
        return action.actor == partner.role and is_legal(state, action)

    return partner.decide(view, legal)


def seat_partners(scenario: Scenario, seed: int, personalities: dict[str, str] | None = None):
    """A computer partner for every role; personalities rotate unless given."""
    names = list(PERSONALITIES)
    chosen = personalities or {}
    return {
        role.id: ComputerPartner(
            role.id, PERSONALITIES[chosen.get(role.id, names[index % len(names)])], seed
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
        decision = decide(state, partners[state.current_role])
        state = apply(state, decision.action)
        yield decision, state
