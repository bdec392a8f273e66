"""What may be said again of the table after the game, on the debrief screen and on paper.

A team that refuses a deal gives its reason aloud, and the debrief and the printed report
repeat it, but a computer partner says no to a red line in its brief's words, and a person
may read a red line out: a red line's reason is confidential, and the shared surfaces
never repeat one. No pygame, so ``game/report`` can import it as the screens do.
"""

from __future__ import annotations

from game.scenario.model import Scenario


def spoken_reason(scenario: Scenario, reason: str) -> str:
    """A "no" as the room may read it again: the team's words, or "" when they quote any
    role's red-line reason (only that the team said no may then be shown)."""
    for role in scenario.roles:
        for line in role.brief.red_lines:
            if line.reason and line.reason.strip() in reason:
                return ""
    return reason
