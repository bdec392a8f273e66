"""A seeded random player: legal moves only, for fuzzing the rules and measuring speed.

Not a computer partner (those live in ``game.bots`` and see only views): this one reads
the full state so it can reach every corner of the rules — answer deals, counter, propose
any shape of deal, explore, consult, build, communicate, pass — and sometimes acts as the
trainer. Its generator is seeded from the game's seed, so a fuzz failure is replayable.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from game.engine import actions as act
from game.engine.rules import apply, is_legal, legal_actions
from game.engine.state import GameState

REASONS = ("Too costly for us.", "Not what our users need.", "We want our name on it.")


def random_action(state: GameState, rng: random.Random) -> act.Action:
    """One legal action, for the team whose turn it is (now and then the trainer's)."""
    role = state.current_role
    assert role is not None, "the game is over"
    if state.paused or rng.random() < 0.02:
        return rng.choice(legal_actions(state, act.TRAINER))
    if state.poll is not None and rng.random() < 0.5:
        waiting = [r for r in state.poll.participants if r not in dict(state.poll.answers)]
        if waiting:
            return act.AnswerStrawPoll(rng.choice(waiting), rng.random() < 0.5)
    if rng.random() < 0.05:
        return _random_prediction(state, rng, role)
    waiting_deals = [deal for deal in state.open_deals() if role in deal.awaiting()]
    roll = rng.random()
    if waiting_deals and roll < 0.6:
        deal = rng.choice(waiting_deals)
        choice = rng.random()
        if choice < 0.5 and is_legal(state, act.Accept(role, deal.number)):
            return act.Accept(role, deal.number)
        if choice < 0.8:
            proposal = random_proposal(state, rng, role, deal.project)
            if proposal is not None:
                return act.Counter(role, deal.number, proposal.participants, proposal.options)
        return act.Reject(role, deal.number, rng.choice(REASONS))
    if roll < 0.8:
        projects = [p.id for p in state.scenario.projects]
        proposal = random_proposal(state, rng, role, rng.choice(projects))
        if proposal is not None:
            return proposal
    return rng.choice(legal_actions(state, role, proposals=False))


def _random_prediction(state: GameState, rng: random.Random, role: str) -> act.Predict:
    target = rng.choice([r.id for r in state.scenario.roles if r.id != role])
    project = rng.choice(state.scenario.eligible_projects(target))
    ranking = [issue.id for issue in project.issues]
    rng.shuffle(ranking)
    return act.Predict(role, target, project.id, ranking=tuple(ranking))


def random_proposal(
    state: GameState, rng: random.Random, role: str, project_id: str, tries: int = 12
) -> act.Propose | None:
    """A random legal proposal by ``role`` on a project, or None if none was found."""
    project = state.scenario.project(project_id)
    eligible = [r.id for r in state.scenario.eligible_roles(project)]
    if role not in eligible:
        return None
    others = [r for r in eligible if r != role]
    rule = project.approval
    largest = min(rule.max_participants or len(eligible), len(eligible))
    smallest = max(2, rule.min_participants)
    if smallest > largest:
        return None
    for _ in range(tries):
        group = rng.sample(others, rng.randint(smallest, largest) - 1)
        group += [r for r in rule.required if r not in group and r != role]
        options = tuple(rng.choice(issue.options).id for issue in project.issues)
        proposal = act.Propose(role, project_id, (role, *group), options)
        if is_legal(state, proposal):
            return proposal
    return None


def random_game(
    state: GameState, seed: int, max_actions: int = 10_000
) -> Iterator[tuple[act.Action, GameState]]:
    """Play from ``state`` until the game ends: yields each action and the state after it."""
    rng = random.Random(seed)
    for _ in range(max_actions):
        if state.finished:
            return
        action = random_action(state, rng)
        state = apply(state, action)
        yield action, state
