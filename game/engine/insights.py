"""What exploring a partner can reveal: true, coarse facts about what it cares about.

"Find the connection between you and your potential partner" (seed 000). Each exploration
reveals the next fact in a fixed order — what it cares most about, its favourite option
there, whether it has a line it will not cross, how comfortable it is without a deal — so
a team learns a partner's priorities step by step, never its exact points.
"""

from __future__ import annotations

from game.engine.state import GameState


def facts_about(state: GameState, target: str) -> list[str]:
    scenario = state.scenario
    role = scenario.role(target)
    brief = role.brief
    facts: list[str] = []
    for project in scenario.eligible_projects(target):
        table = brief.points[project.id]
        spreads = {
            issue.id: max(table[issue.id].values()) - min(table[issue.id].values())
            for issue in project.issues
        }
        top = max(project.issues, key=lambda issue: spreads[issue.id])
        favourite_id = max(table[top.id], key=lambda option: table[top.id][option])
        favourite = next(option.label for option in top.options if option.id == favourite_id)
        facts.append(f"In {project.title}, {role.name} cares most about: {_sentence(top.title)}")
        facts.append(f'On "{top.title}", {role.name} would most like: {favourite}.')
        lines = [line for line in brief.red_lines if line.project == project.id]
        for line in lines:
            issue = next(issue for issue in project.issues if issue.id == line.issue)
            facts.append(f'{role.name} has a line it will not cross on "{issue.title}".')
        best = sum(max(table[issue.id].values()) for issue in project.issues)
        walk_away = scenario.walk_away(role.id, project)
        comfort = "can live well without it" if walk_away * 2 > best else "needs it"
        facts.append(f"Without a deal on {project.title}, {role.name} {comfort}.")
    return list(dict.fromkeys(facts))


def _sentence(text: str) -> str:
    """End with one full stop: an issue titled as a question keeps its question mark."""
    return text if text.endswith((".", "?", "!")) else text + "."
