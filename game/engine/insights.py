"""What exploring a partner can reveal: true, coarse facts about what it cares about.

"Find the connection between you and your potential partner" (seed 000). Each exploration
reveals the next fact in a fixed order — what it cares most about, its favourite option
there, whether it has a line it will not cross, how comfortable it is without a deal — so
a team learns a partner's priorities step by step, never its exact points.
"""

from __future__ import annotations

from game.engine.state import GameState, Insight


def facts_about(state: GameState, target: str) -> list[Insight]:
    """The facts in the order exploring reveals them, each with what it is about."""
    scenario = state.scenario
    role = scenario.role(target)
    brief = role.brief
    facts: list[Insight] = []
    for project in scenario.eligible_projects(target):
        table = brief.points[project.id]
        spreads = {
            issue.id: max(table[issue.id].values()) - min(table[issue.id].values())
            for issue in project.issues
        }
        top = max(project.issues, key=lambda issue: spreads[issue.id])
        favourite_id = max(table[top.id], key=lambda option: table[top.id][option])
        favourite = next(option.label for option in top.options if option.id == favourite_id)
        about = {"project": project.id, "issue": top.id}
        facts.append(Insight(target, f"In {project.title}, {role.name} cares most about: "
                             f"{_sentence(top.title)}", **about))  # fmt: skip
        facts.append(Insight(target, f'On "{top.title}", {role.name} would most like: '
                             f"{favourite}.", **about, option=favourite_id))  # fmt: skip
        lines = [line for line in brief.red_lines if line.project == project.id]
        for line in lines:
            issue = next(issue for issue in project.issues if issue.id == line.issue)
            facts.append(Insight(target, f'{role.name} has a line it will not cross on '
                                 f'"{issue.title}".'))  # fmt: skip
        best = sum(max(table[issue.id].values()) for issue in project.issues)
        walk_away = scenario.walk_away(role.id, project)
        comfort = "can live well without it" if walk_away * 2 > best else "needs it"
        facts.append(Insight(target, f"Without a deal on {project.title}, {role.name} {comfort}."))
    first: dict[str, Insight] = {}
    for fact in facts:  # a sentence said twice (two projects alike) is one fact
        first.setdefault(fact.text, fact)
    return list(first.values())


def _sentence(text: str) -> str:
    """End with one full stop: an issue titled as a question keeps its question mark."""
    return text if text.endswith((".", "?", "!")) else text + "."
