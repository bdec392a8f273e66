"""The most each role could get from a project, and a role's points over every deal.

For fairness the win-win score needs the most each partner could have got (its best
allowed option on every issue); the analyser needs a role's points for every combination
of options as one numpy grid (each issue adds an axis, so the points of a deal are a sum
of broadcast vectors). The best *total* gain of the table is the analyser's
(``missed.measure``), over the deals the one rule allows.
"""

from __future__ import annotations

import numpy as np

from game.scenario.model import Project, Scenario


def points_grid(scenario: Scenario, role: str, project: Project) -> np.ndarray:
    """``grid[i1, i2, …]``: the role's points for the deal choosing option i_k on issue k."""
    table = scenario.role(role).brief.points[project.id]
    grid = np.zeros((), dtype=np.int64)
    for axis, issue in enumerate(project.issues):
        values = np.array([table[issue.id][o.id] for o in issue.options], dtype=np.int64)
        shape = [1] * len(project.issues)
        shape[axis] = len(values)
        grid = grid + values.reshape(shape)
    return grid


def best_points(scenario: Scenario, role: str, project: Project) -> int:
    """The most ``role`` can get from a deal on ``project`` that it could accept.

    Red lines ban single options, so the best deal is the best allowed option of every
    issue, found issue by issue (no grid of every deal: a project may have 10^8). If an
    issue has no allowed option at all, no deal is acceptable and the best of any deal
    counts instead (``game/bots/space.best_points`` says the same from a role's view).
    """
    table = scenario.role(role).brief.points[project.id]
    banned = {
        (line.issue, line.option)
        for line in scenario.role(role).brief.red_lines
        if line.project == project.id
    }
    allowed = [
        [table[issue.id][o.id] for o in issue.options if (issue.id, o.id) not in banned]
        for issue in project.issues
    ]
    if all(allowed):
        return sum(max(points) for points in allowed)
    return sum(max(table[issue.id].values()) for issue in project.issues)
