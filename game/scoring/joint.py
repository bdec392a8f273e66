"""The best a project could have given: exact, by enumerating every deal with numpy.

A project's deals are every combination of one option per issue. For the win-win
efficiency term we need the best *joint* gain a set of partners could have reached on it
(the value left on the table is the distance to it); for fairness, the most each partner
could have got. Both are computed over the whole outcome space at once: each issue adds an
axis, so the points of a deal are a sum of broadcast vectors, and options on a member's
red lines are masked out. Up to about 10^6 deals this takes milliseconds.
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


def allowed_mask(scenario: Scenario, roles: list[str], project: Project) -> np.ndarray:
    """True where no role in ``roles`` has a red line among the deal's options."""
    mask = np.ones([len(issue.options) for issue in project.issues], dtype=bool)
    for role in roles:
        for line in scenario.role(role).brief.red_lines:
            if line.project != project.id:
                continue
            axis = next(k for k, issue in enumerate(project.issues) if issue.id == line.issue)
            position = next(
                i for i, o in enumerate(project.issues[axis].options) if o.id == line.option
            )
            index = [slice(None)] * len(project.issues)
            index[axis] = position
            mask[tuple(index)] = False
    return mask


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


def best_joint_gain(
    scenario: Scenario, project: Project, members: list[str], walk_aways: dict[str, int]
) -> int:
    """The largest sum of gains over walk-away values that ``members`` could have reached
    together on ``project``, over every deal none of them has a red line against."""
    total = sum(points_grid(scenario, role, project) - walk_aways[role] for role in members)
    mask = allowed_mask(scenario, members, project)
    if not mask.any():
        return 0
    return int(np.asarray(total)[mask].max())
