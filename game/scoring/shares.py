"""A role's result as a share, for what the whole room sees: no points, no walk-aways.

Points are confidential and every brief has its own scale, so a team's points mean nothing
beside another team's, and a team that signed nothing has exactly its walk-away values:
printing its points would print a secret. The debrief screen and the printed report (every
page of it shared with the room) therefore say a role's own result as its **own gain**:
the share of the gain it could have had,

    (its individual score − its walk-away values) ÷ (its best possible points − its
    walk-away values), over the projects it may join:

0 % is what it has without any deal, 100 % its best deal on every project; a win-lose deal
takes it below 0 %, an event card may push it a little past 100 %. It is the measure the
analyser's tournament (``analysis/tournament.py``) uses to decide which role won. The
table's own gain is the mean of its roles'.

The best deals that were possible (``missed.py``) are said on the same surfaces as shares
of the best total gain a project allowed (``share_of``).
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine import deals
from game.engine.state import GameState
from game.scoring.joint import best_points


def gain_share(state: GameState, role: str, individual: int) -> float:
    """How much of the gain it could have had a role reached (0 without a deal, 1 at its
    best deal everywhere; events may push it a little outside)."""
    scenario = state.scenario
    walk = best = 0
    for project in scenario.eligible_projects(role):
        walk += deals.walk_away(state, role, project)
        best += best_points(scenario, role, project) + project.approval.unanimity_bonus
    room = best - walk
    return (individual - walk) / room if room > 0 else 0.0


def own_gains(state: GameState, individual: Mapping[str, int]) -> dict[str, int]:
    """Every role's own gain in whole percent, from its individual score
    (``Scores.individual``); not clamped, so a win-lose deal shows below 0."""
    return {
        role.id: round(100 * gain_share(state, role.id, individual[role.id]))
        for role in state.scenario.roles
    }


def table_gain(gains: Mapping[str, int]) -> int:
    """The table's own gain: the mean of its roles' (each counts once, whatever its scale)."""
    return round(sum(gains.values()) / len(gains)) if gains else 0


def share_of(part: int, whole: int) -> int:
    """``part`` as a whole percent of ``whole`` (0 when nothing was possible)."""
    return round(100 * part / whole) if whole > 0 else 0
