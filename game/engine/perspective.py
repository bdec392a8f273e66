"""Perspective-taking: "see yourself with other people's eyes" (seed 000).

A player predicts a partner — how it ranks the issues of a project, or whether it will
accept a deal — and is scored against the partner's confidential truth:

* a ranking scores 100 × (1 − D ÷ Dmax), D the Spearman footrule distance (the sum over
  issues of how many places the predicted position is off) and Dmax its largest possible
  value, ⌊n²/2⌋ for n issues; an issue's importance to a partner is the spread of its
  points over the options (ties keep the project's order);
* an acceptance prediction scores 100 when right, 0 when wrong, once the partner has
  answered: its real answer is the truth. The answer key says what kind of answer it was
  (cannot sign, would refuse, holds out for more, accepts: ``acceptability.answer_of``),
  and why, in a sentence that names the issue and option that decided it.
"""

from __future__ import annotations

from game.engine.state import GameState


def true_ranking(state: GameState, target: str, project_id: str) -> tuple[str, ...]:
    project = state.scenario.project(project_id)
    table = state.scenario.role(target).brief.points[project_id]
    spread = {i.id: max(table[i.id].values()) - min(table[i.id].values()) for i in project.issues}
    order = [issue.id for issue in project.issues]
    return tuple(sorted(order, key=lambda issue: (-spread[issue], order.index(issue))))


def ranking_score(predicted: tuple[str, ...], truth: tuple[str, ...]) -> int:
    distance = sum(abs(predicted.index(issue) - truth.index(issue)) for issue in truth)
    worst = len(truth) ** 2 // 2
    return 100 if worst == 0 else round(100 * (1 - distance / worst))
