"""What a deal means for each role: its points, its cost, its risk, its red lines.

Pure functions of the scenario and the state; the rules, the scoring, the views and the
computer partners all ask the same questions here.
"""

from __future__ import annotations

from typing import NamedTuple

from game.engine.memo import options_by_id
from game.engine.state import GameState
from game.scenario.model import Option, Project, RedLine, Scenario


class Amounts(NamedTuple):
    staff_time: int
    budget: int

    def __add__(self, other: object) -> Amounts:  # type: ignore[override]
        assert isinstance(other, Amounts)
        return Amounts(self.staff_time + other.staff_time, self.budget + other.budget)

    def __sub__(self, other: Amounts) -> Amounts:
        return Amounts(self.staff_time - other.staff_time, self.budget - other.budget)

    def covers(self, need: Amounts) -> bool:
        return self.staff_time >= need.staff_time and self.budget >= need.budget


NOTHING = Amounts(0, 0)


def chosen_options(project: Project, options: tuple[str, ...]) -> list[Option]:
    """The Option records a deal picks, issue by issue."""
    return [
        by_id[option_id] for by_id, option_id in zip(options_by_id(project), options, strict=True)
    ]


def points(scenario: Scenario, role: str, project: Project, options: tuple[str, ...]) -> int:
    table = scenario.role(role).brief.points[project.id]
    return sum(
        table[issue.id][option] for issue, option in zip(project.issues, options, strict=True)
    )


def cost(role: str, project: Project, options: tuple[str, ...]) -> Amounts:
    """What ``role`` pays per round for a deal it takes part in."""
    staff_time = budget = 0
    for option in chosen_options(project, options):
        paid = option.cost_for.get(role, option.cost)
        staff_time += paid.staff_time
        budget += paid.budget
    return Amounts(staff_time, budget)


def risk(project: Project, options: tuple[str, ...]) -> int:
    """A deal's risk is its riskiest option's (docs/scenario-format.md)."""
    return max((option.risk for option in chosen_options(project, options)), default=0)


def effective_risk(project: Project, options: tuple[str, ...]) -> int:
    """The risk a deal runs once signed: its riskiest option's, one less (never below 0)
    when an option makes it a trial (flagged ``pilot``).

    The one rule's "too risky" (``acceptability.judge``), the risk score's tolerance
    comparison and the events' risk tests all weigh this (docs/scoring.md, Risk).
    """
    return chosen_risk(chosen_options(project, options))


def chosen_risk(chosen: list[Option]) -> int:
    """``effective_risk`` of the options a deal picks (the one rule reads it so)."""
    level = max((option.risk for option in chosen), default=0)
    return trial_risk(level, any("pilot" in option.flags for option in chosen))


def trial_risk(level: int, pilot: bool) -> int:
    """A pilot runs one less risk than its riskiest option (never below 0). The option
    spaces of the analyser and the computer partners apply the same over numpy columns
    (``trial_risk_columns``); a test holds the two equal deal by deal."""
    return max(0, level - 1) if pilot else level


def trial_risk_columns(level, pilot):
    """``trial_risk`` over numpy columns: the deals' riskiest options and pilot flags."""
    import numpy as np

    return np.where(pilot, np.maximum(level - 1, 0), level)


def red_line(
    scenario: Scenario, role: str, project: Project, options: tuple[str, ...]
) -> RedLine | None:
    chosen = {(issue.id, option) for issue, option in zip(project.issues, options, strict=True)}
    for line in scenario.role(role).brief.red_lines:
        if line.project == project.id and (line.issue, line.option) in chosen:
            return line
    return None


def walk_away(state: GameState, role: str, project: Project) -> int:
    """What ``role`` gets from ``project`` without a deal, as events have changed it."""
    base = state.scenario.walk_away(role, project)
    change = sum(amount for name, amount in state.role_state(role).walk_away_change
                 if name == project.id)  # fmt: skip
    return base + change


def per_round(state: GameState, role: str) -> Amounts:
    mine = state.role_state(role)
    return Amounts(mine.staff_time, mine.budget)


def committed(state: GameState, role: str, *, before_round: int | None = None) -> Amounts:
    """Per-round costs of the role's active agreements (signed before a round, if given)."""
    total = NOTHING
    for agreement in state.agreements:
        if not agreement.active or role not in agreement.members:
            continue
        if before_round is not None and agreement.round >= before_round:
            continue
        project = state.scenario.project(agreement.project)
        total = total + cost(role, project, agreement.deal.options)
    return total


def uncommitted(state: GameState, role: str) -> Amounts:
    """What the role has not yet promised to agreements, per round."""
    return per_round(state, role) - committed(state, role)


def free_this_round(state: GameState, role: str) -> Amounts:
    """What the role can still spend on actions this round (never below zero)."""
    mine = state.role_state(role)
    left = (
        per_round(state, role)
        - committed(state, role, before_round=state.round)
        - Amounts(mine.spent_staff_time, mine.spent_budget)
    )
    return Amounts(max(0, left.staff_time), max(0, left.budget))


def describe_amounts(amounts: Amounts) -> str:
    parts = []
    if amounts.staff_time:
        parts.append(f"{amounts.staff_time} staff hour{'s' * (amounts.staff_time != 1)}")
    if amounts.budget:
        parts.append(f"{amounts.budget} budget unit{'s' * (amounts.budget != 1)}")
    return " and ".join(parts) or "nothing"
