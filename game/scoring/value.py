"""What an agreement gives one of its members: its points, with the unanimity bonus.

Below everything else in ``game/scoring``, so that the axes, the measure of what a
project gave the table (``missed.py``) and the lessons all count a member's value the
same way.
"""

from __future__ import annotations

from game.engine import deals
from game.engine.state import Agreement, GameState


def member_value(state: GameState, agreement: Agreement, role: str) -> int:
    project = state.scenario.project(agreement.project)
    bonus = project.approval.unanimity_bonus if agreement.unanimous else 0
    return deals.points(state.scenario, role, project, agreement.deal.options) + bonus
