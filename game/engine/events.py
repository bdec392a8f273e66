"""The event deck: which cards can be drawn, the seeded draw after a round, and effects.

Effects are data from the scenario's small vocabulary (change a resource, the brand or a
walk-away value; test risky agreements; block an option), never code.
"""

from __future__ import annotations

from game.engine import chance
from game.engine.deals import effective_risk
from game.engine.state import Agreement, Blocked, GameState, News, RoleState, evolve
from game.scenario.model import (
    BlockOption,
    ChangeBrand,
    ChangeResource,
    ChangeWalkAway,
    EventCard,
    RiskTest,
)


def can_be_drawn(state: GameState, card: EventCard) -> bool:
    if card.id in state.drawn and not card.repeatable:
        return False
    when = card.when
    signed = {agreement.project for agreement in state.agreements if agreement.active}
    count = len(signed)
    checks = (
        when.round_at_least is None or state.round >= when.round_at_least,
        when.round_at_most is None or state.round <= when.round_at_most,
        when.agreements_at_least is None or count >= when.agreements_at_least,
        when.agreements_at_most is None or count <= when.agreements_at_most,
        all(project in signed for project in when.signed),
        all(project not in signed for project in when.unsigned),
        when.role_in_agreement is None
        or any(
            when.role_in_agreement in agreement.members
            for agreement in state.agreements
            if agreement.active
        ),
    )
    return all(checks)


def draw_after_round(state: GameState) -> GameState:
    """Maybe draw a card (``rules.event_chance``), by seeded chance, and play it."""
    rules = state.scenario.rules
    roll = chance.uniform(state.seed, state.chance_counter)
    state = evolve(state, chance_counter=state.chance_counter + 1)
    cards = [card for card in state.scenario.events if can_be_drawn(state, card)]
    if roll >= rules.event_chance or not cards:
        return state
    index = chance.weighted_index(state.seed, state.chance_counter, [c.weight for c in cards])
    state = evolve(state, chance_counter=state.chance_counter + 1)
    return play_card(state, cards[index])


def play_card(state: GameState, card: EventCard) -> GameState:
    outcomes: list[str] = []
    for effect in card.effects:
        state = _apply_effect(state, card, effect, outcomes)
    news = News(state.round, card.id, card.title, card.text, tuple(outcomes))
    return evolve(state, drawn=(*state.drawn, card.id), news=(*state.news, news))


def _targets(state: GameState, target: str) -> list[str]:
    if target == "all":
        return [role.id for role in state.scenario.roles]
    if target == "signed-participants":
        members = {m for a in state.agreements if a.active for m in a.members}
        return [role.id for role in state.scenario.roles if role.id in members]
    return [target]


def _change_roles(state: GameState, roles: list[str], change) -> GameState:
    return evolve(
        state, roles=tuple(change(mine) if mine.role in roles else mine for mine in state.roles)
    )


def _apply_effect(state: GameState, card: EventCard, effect, outcomes: list[str]) -> GameState:
    scenario = state.scenario
    if isinstance(effect, ChangeResource):
        roles = _targets(state, effect.role)

        def change(mine: RoleState) -> RoleState:
            value = max(0, getattr(mine, effect.resource) + effect.amount)
            return evolve(mine, **{effect.resource: value})

        word = "staff time" if effect.resource == "staff_time" else "budget"
        outcomes += [f"{scenario.role(r).name}: {word} {effect.amount:+d} per round" for r in roles]
        return _change_roles(state, roles, change)
    if isinstance(effect, ChangeBrand):
        roles = _targets(state, effect.role)
        outcomes += [f"{scenario.role(r).name}: brand {effect.amount:+d}" for r in roles]
        return _change_roles(
            state,
            roles,
            lambda mine: evolve(mine, brand=min(10, max(0, mine.brand + effect.amount))),
        )
    if isinstance(effect, ChangeWalkAway):
        roles = _targets(state, effect.role)
        outcomes += [
            f"{scenario.role(r).name}: life without a deal on "
            f"{scenario.project(effect.project).title} got "
            f"{'better' if effect.amount > 0 else 'worse'}"
            for r in roles
        ]
        return _change_roles(
            state,
            roles,
            lambda mine: evolve(
                mine, walk_away_change=(*mine.walk_away_change, (effect.project, effect.amount))
            ),
        )
    if isinstance(effect, RiskTest):
        return _risk_test(state, card, effect, outcomes)
    if isinstance(effect, BlockOption):
        until = state.round + effect.rounds
        project = scenario.project(effect.project)
        issue = next(issue for issue in project.issues if issue.id == effect.issue)
        label = next(option.label for option in issue.options if option.id == effect.option)
        outcomes.append(f'"{label}" cannot be proposed until after round {until}')
        blocked = Blocked(effect.project, effect.issue, effect.option, until)
        return evolve(state, blocked=(*state.blocked, blocked))
    raise TypeError(f"unknown effect {effect!r}")


def _risk_test(state: GameState, card: EventCard, effect: RiskTest, outcomes: list[str]):
    agreements: list[Agreement] = []
    counter = state.chance_counter
    for agreement in state.agreements:
        project = state.scenario.project(agreement.project)
        if agreement.active and effective_risk(project, agreement.deal.options) > effect.above:
            fails = chance.uniform(state.seed, counter) < effect.chance
            counter += 1
            if fails:
                agreement = evolve(agreement, failed_round=state.round, failure=card.title)
                outcomes.append(f"{project.title} failed the test: the agreement ends")
            else:
                outcomes.append(f"{project.title} held")
        agreements.append(agreement)
    if counter == state.chance_counter:
        outcomes.append("no agreement was risky enough to be tested")
    return evolve(state, agreements=tuple(agreements), chance_counter=counter)
