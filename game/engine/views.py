"""What one role may see of the game, as plain data; and what the trainer sees.

``view_for(state, role)`` holds the public table (every role's public profile, the deals
on the table with their answers, the agreements, the news) and that role's own brief and
private knowledge — and nothing of any other role's confidential brief: no points, no
walk-away values, no red lines, no risk tolerance, no exploration results, no user needs
another team found. Screens, computer partners and exports receive views, never the
state, so a secret cannot leak by accident: a test searches every serialized view for
every other role's confidential values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.deals import committed, free_this_round, per_round, uncommitted, walk_away
from game.engine.memo import Kept, per_object
from game.engine.rules import learnable_competencies
from game.engine.state import Agreement, Deal, GameState, Insight, News, RoleState
from game.scenario.model import Scenario

TRAINER = "trainer"
PUBLIC = "public"  # the room: what the projector shows between teams' private screens


def view_for(state: GameState, role: str) -> dict[str, Any]:
    """The game as ``role`` may see it (``"trainer"``: everything; ``"public"``: the room)."""
    view = _public(state, viewer=role)
    if role == PUBLIC:
        return view
    if role == TRAINER:
        view["briefs"] = {r.id: _private(state, r.id) for r in state.scenario.roles}
    else:
        view["me"] = _private(state, role)
    return view


def _public(state: GameState, viewer: str) -> dict[str, Any]:
    scenario = state.scenario
    if viewer == TRAINER:
        consulted = {p.id for p in scenario.projects}
    elif viewer == PUBLIC:
        consulted = set()
    else:
        consulted = set(state.role_state(viewer).consulted)
    static = _static(scenario)
    return {
        "viewer": viewer,
        "scenario": static.scenario,
        "rules": static.rules,
        "learnable": static.learnable,
        "round": state.round,
        "actions_taken": state.actions_taken,
        "turn_of": state.current_role,
        "order": list(state.order),
        "paused": state.paused,
        "finished": state.finished,
        "roles": [_profile(state, static, mine) for mine in state.roles],
        "projects": [
            (static.with_needs if project.id in consulted else static.projects)[project.id]
            for project in scenario.projects
        ],
        "deals": [_deal_seen(deal, viewer) for deal in state.deals],
        "agreements": [_agreement(agreement) for agreement in state.agreements],
        "blocked": [
            {"project": b.project, "issue": b.issue, "option": b.option, "until": b.until_round}
            for b in state.blocked
        ],
        "news": [news_item(n) for n in state.news],
        "poll": None
        if state.poll is None
        else {
            "project": state.poll.project,
            "participants": list(state.poll.participants),
            "options": list(state.poll.options),
            "answers": {role: yes for role, yes in state.poll.answers},
        },
    }


def news_item(news: News) -> dict[str, Any]:
    """An event card and what it did, as the room hears it."""
    return {
        "round": news.round,
        "card": news.card,
        "title": news.title,
        "text": news.text,
        "outcomes": list(news.outcomes),
    }


def _profile(state: GameState, static: _StaticParts, mine: RoleState) -> dict[str, Any]:
    fixed = static.profiles[mine.role]
    return {
        **fixed,
        "competencies": [*fixed["competencies"], *mine.gained],
        "resources_per_round": {"staff_time": mine.staff_time, "budget": mine.budget},
        "committed_per_round": committed(state, mine.role)._asdict(),
        "brand": mine.brand,
    }


@dataclass(frozen=True)
class _StaticParts:
    """The parts of every view that only the scenario decides: made once per scenario.

    Views share them, so a view is read, never changed, by whoever receives it.
    """

    scenario: dict[str, Any]
    rules: dict[str, Any]
    learnable: list[str]
    projects: dict[str, dict[str, Any]]  # without the user needs
    with_needs: dict[str, dict[str, Any]]  # for a role that consulted the project's users
    red_lines: dict[str, list[dict[str, Any]]]  # role -> its red lines
    profiles: dict[str, dict[str, Any]]  # role -> the public profile's fixed part


@per_object
def _static(scenario: Scenario) -> _StaticParts:
    projects = {p.id: p.model_dump(exclude={"user_needs"}) for p in scenario.projects}
    with_needs = {
        p.id: {**projects[p.id], "user_needs": [need.model_dump() for need in p.user_needs]}
        for p in scenario.projects
    }
    return _StaticParts(
        scenario={
            "id": scenario.id,
            "title": scenario.title,
            "summary": scenario.summary,
            "language": scenario.language,
            "rounds": scenario.rounds,
            "round_timer_seconds": scenario.round_timer_seconds,
        },
        rules=scenario.rules.model_dump(),
        learnable=learnable_competencies(scenario),
        projects=projects,
        with_needs=with_needs,
        red_lines={
            role.id: [line.model_dump() for line in role.brief.red_lines] for role in scenario.roles
        },
        profiles={
            role.id: {
                "id": role.id,
                "name": role.name,
                "kind": role.kind,
                "sector": role.sector,
                "mission": role.mission,
                "passion": role.passion,
                "ambitions": list(role.ambitions),
                "competencies": list(role.competencies),
            }
            for role in scenario.roles
        },
    )


#: each deal as a viewer sees it: a deal never changes (an answer makes a new record),
#: and every view lists every deal again
_seen = Kept(4096)


def _deal_seen(deal: Deal, viewer: str) -> dict[str, Any]:
    return _seen.get((id(deal), viewer), deal, lambda: _deal(deal, viewer))


def _deal(deal: Deal, viewer: str) -> dict[str, Any]:
    """A deal as ``viewer`` sees it: its terms and answers are public; what a computer
    partner said to the proposer (``to_proposer``) reaches only the proposer, the role
    that said it and the trainer."""
    return {
        "number": deal.number,
        "project": deal.project,
        "proposer": deal.proposer,
        "participants": list(deal.participants),
        "options": list(deal.options),
        "round": deal.round,
        "accepted": list(deal.accepted),
        "rejected": _answers(deal, viewer) if deal.rejected else [],
        "counter_of": deal.counter_of,
        "status": deal.status,
    }


def _answers(deal: Deal, viewer: str) -> list[dict[str, str]]:
    """Each no to the deal: who, what the room heard, its cause, and for the proposer (the
    speaker, the trainer) what it was told."""
    told, causes = dict(deal.to_proposer), dict(deal.causes)
    private = viewer in (deal.proposer, TRAINER)
    return [
        {
            "role": role,
            "reason": reason,
            "cause": causes.get(role, ""),
            "to_proposer": told.get(role, "") if private or viewer == role else "",
        }
        for role, reason in deal.rejected
    ]


def _agreement(agreement: Agreement) -> dict[str, Any]:
    return {
        "deal": agreement.deal.number,
        "project": agreement.project,
        "members": list(agreement.members),
        "round": agreement.round,
        "unanimous": agreement.unanimous,
        "failed_round": agreement.failed_round,
        "failure": agreement.failure,
    }


def _private(state: GameState, role_id: str) -> dict[str, Any]:
    role = state.scenario.role(role_id)
    mine = state.role_state(role_id)
    brief = role.brief
    return {
        "role": role_id,
        "brief": brief.text,
        "points": brief.points,
        "walk_away": {
            project.id: walk_away(state, role_id, project)
            for project in state.scenario.eligible_projects(role_id)
        },
        "red_lines": _static(state.scenario).red_lines[role_id],
        "risk_tolerance": brief.risk_tolerance,
        "insights": [_insight(i) for i in mine.insights],
        "consulted": list(mine.consulted),
        "predictions": [
            {
                "target": p.target,
                "project": p.project,
                "round": p.round,
                "score": p.score,
                "ranking": list(p.ranking),
                "deal": p.deal,
                "accepts": p.accepts,
                "truth": p.truth,
                "truth_ranking": list(p.truth_ranking),
                "truth_accepts": p.truth_accepts,
                "answer": p.answer,
                "countered": p.countered,
                "question": p.kind,
                "issue": p.issue,
                "choice": p.choice,
                "truth_choice": p.truth_choice,
                "verdict": p.verdict,
            }
            for p in mine.predictions
        ],
        "free_this_round": free_this_round(state, role_id)._asdict(),
        "uncommitted_per_round": uncommitted(state, role_id)._asdict(),
        "resources_per_round": per_round(state, role_id)._asdict(),
    }


def _insight(insight: Insight) -> dict[str, Any]:
    """An insight as its finder sees it: the sentence, and what it is about."""
    seen: dict[str, Any] = {"about": insight.about, "text": insight.text}
    if insight.project:
        seen["fact"] = {"project": insight.project, "issue": insight.issue,
                        "option": insight.option}  # fmt: skip
    return seen
