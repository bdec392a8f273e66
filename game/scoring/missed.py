"""The best deals that were possible, against what a game reached: per project.

The analyser (``game/scoring/analysis``) finds every project's deals that pass its
approval rule, the deal best for the table (the largest total gain), the Nash bargaining
deal (every participant gains, the product of the gains largest) and the whole Pareto
frontier. Against those a finished game is set: the value left on the table, the
distance to the Pareto frontier (the least a frontier deal that leaves nobody worse off
would have added) and the distance to the Nash deal (the roles' gains' differences,
summed). The debrief screen and the printed report both say these numbers, from here.

Gains are counted from the scenario's walk-away values, as the analyser counts them, so
the game's outcome and the possible deals compare point for point; every role the
project is open to counts, a role outside the deal gaining 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.memo import per_object
from game.engine.state import Agreement, GameState
from game.scenario.model import Scenario
from game.scoring.analysis.project import Deal, ProjectAnalysis, analyse_project
from game.scoring.axes import member_value


@dataclass(frozen=True)
class Missed:
    """One project: what the table reached, and the best deals that were possible."""

    project: str
    signed: Agreement | None  # the agreement still standing at the end
    failed: Agreement | None  # one that a risk test broke
    gains: dict[str, int]  # each role of the table: what the game's outcome gave it
    best: Deal | None  # the deal with the largest total gain (None: no deal passes)
    nash: Deal | None  # the Nash bargaining deal (None: no deal where all gain)
    #: the fewest points a Pareto-optimal deal that leaves nobody worse off adds for the
    #: table (0: the outcome is on the frontier); None if no frontier deal does
    pareto_gap: int | None
    sampled: bool  # a project too large to enumerate: the analyser examined a sample

    @property
    def reached(self) -> int:
        return sum(self.gains.values())

    @property
    def possible(self) -> int:
        """The best total gain that was possible: the best deal's, or the game's own when
        a sampled analysis missed a deal as good as the one the table signed."""
        return max(self.best.welfare if self.best is not None else 0, self.reached)

    @property
    def left(self) -> int:
        """Value left on the table: the best total gain less what was reached."""
        return max(0, self.possible - self.reached)

    @property
    def nash_distance(self) -> int | None:
        """How far the outcome is from the Nash deal: the gains' differences, summed."""
        if self.nash is None:
            return None
        return sum(abs(self.nash.gains[r] - self.gains.get(r, 0)) for r in self.nash.gains)


def missed_deals(state: GameState) -> list[Missed]:
    """Every project of the scenario, in its order, against what its deals allowed."""
    found = []
    for project in state.scenario.projects:
        analysis = analysed(state.scenario)[project.id]
        walk = {fact.role: fact.walk_away for fact in analysis.role_facts}
        agreement = state.agreement_for(project.id)
        signed = agreement if agreement is not None and agreement.active else None
        failed = agreement if agreement is not None and not agreement.active else None
        outcome = dict(walk)
        if signed is not None:
            for role in signed.members:
                outcome[role] = member_value(state, signed, role)
        found.append(
            Missed(
                project.id,
                signed,
                failed,
                {role: outcome[role] - walk[role] for role in analysis.roles},
                analysis.welfare,
                analysis.nash,
                _gap([outcome[role] for role in analysis.roles], analysis),
                analysis.sampled,
            )
        )
    return found


@per_object
def analysed(scenario: Scenario) -> dict[str, ProjectAnalysis]:
    """Every project's analysis, made once per scenario: the debrief screen, its report
    and a comparison of several tables all ask the same questions of the same scenario."""
    return {project.id: analyse_project(scenario, project) for project in scenario.projects}


def _gap(outcome: list[int], analysis: ProjectAnalysis) -> int | None:
    """``pareto_gap``; on a sampled analysis an outcome no sampled deal matches for every
    role counts as on the frontier (the sample missed what the table found)."""
    gap = pareto_gap(outcome, analysis.frontier)
    return 0 if gap is None and analysis.sampled else gap


def pareto_gap(outcome: list[int], frontier: np.ndarray) -> int | None:
    """The least a Pareto-optimal deal giving every role at least ``outcome`` adds.

    ``frontier`` holds the frontier's outcomes, one column per deal, one row per role in
    the order of ``outcome``; all of it is searched, however many deals it holds.
    """
    if frontier.size == 0:
        return None
    reached = np.asarray(outcome, dtype=np.int64)[:, None]
    as_good = (frontier >= reached).all(axis=0)
    if not as_good.any():
        return None
    return int((frontier[:, as_good] - reached).sum(axis=0).min())
