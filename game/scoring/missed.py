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

from game.engine.state import Agreement, GameState
from game.scoring.analysis.project import Deal, analyse_project
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
        return self.best.welfare if self.best is not None else 0

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
        analysis = analyse_project(state.scenario, project)
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
                pareto_gap([outcome[role] for role in analysis.roles], analysis.frontier),
                analysis.sampled,
            )
        )
    return found


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
