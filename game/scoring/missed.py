"""One measure per number: what a project gave the table, against the best it could have.

Every screen, report page and written agreement that says how much of a project's gain a
table reached, how much it left on the table, what a role's own share was, whether a deal
was win-lose or the Nash deal, asks this module (the win-win score's efficiency too):

* a project's **total gain** is the sum, over every role that may join it, of its points
  from the agreement (its walk-away value if it is not a member) less its walk-away value,
  with the walk-away values as the game left them (events change them);
* **reached** is that total over the **best total gain** of a deal the one rule allows
  (``game/engine/acceptability.py``: every member worth signing, the analyser's best
  deal), counted with the same walk-away values; **left on the table** is the rest;
* a role's **own share** is its gain over its own best gain on the project;
* the **Nash deal** and the deal best for the table come from the same analysis; the
  table's deal *is* the Nash deal when its terms (participants and options) are the
  Nash deal's.

The distance to the Pareto frontier is the least a frontier deal that leaves nobody worse
off would have added; the distance to the Nash deal the roles' gains' differences, summed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine import deals
from game.engine.memo import per_object
from game.engine.state import Agreement, GameState
from game.scenario.model import Scenario
from game.scoring.analysis.project import Deal, ProjectAnalysis, analyse_project
from game.scoring.joint import best_points
from game.scoring.shares import share_of
from game.scoring.value import member_value

#: analyses kept for walk-away values that events changed (one per project and values)
KEEP = 64


@dataclass(frozen=True)
class Missed:
    """One project: what the table reached, and the best deals that were possible."""

    project: str
    signed: Agreement | None  # the agreement measured (still standing at the end)
    failed: Agreement | None  # one that a risk test broke
    gains: dict[str, int]  # each role of the table: its outcome less its walk-away value
    best: Deal | None  # the deal with the largest total gain (None: no deal passes)
    nash: Deal | None  # the Nash bargaining deal (None: no deal where all gain)
    #: the fewest points a Pareto-optimal deal that leaves nobody worse off adds for the
    #: table (0: the outcome is on the frontier); None if no frontier deal does
    pareto_gap: int | None
    sampled: bool  # a project too large to enumerate: the analyser examined a sample
    own_best: dict[str, int]  # each role of the table: the most it could gain here

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
    def reached_share(self) -> int:
        """What was reached, in whole percent of the best total gain."""
        return share_of(self.reached, self.possible)

    @property
    def left_share(self) -> int:
        return share_of(self.left, self.possible)

    @property
    def pareto_gap_share(self) -> int | None:
        """The distance to the Pareto frontier in whole percent of the best total gain."""
        return None if self.pareto_gap is None else share_of(self.pareto_gap, self.possible)

    @property
    def nash_distance_share(self) -> int | None:
        """The distance to the Nash deal in whole percent of the best total gain."""
        distance = self.nash_distance
        return None if distance is None else share_of(distance, self.possible)

    def own_share(self, role: str) -> int:
        """A role's gain here in whole percent of its own best gain."""
        return self.share_of_own_best(role, self.gains)

    @property
    def members(self) -> tuple[str, ...]:
        return self.signed.members if self.signed is not None else ()

    @property
    def left_out(self) -> tuple[str, ...]:
        """The roles of the table that are not members of the agreement measured."""
        return tuple(role for role in self.gains if role not in self.members)

    @property
    def losers(self) -> tuple[str, ...]:
        """Members that end below their walk-away value: the deal is win-lose."""
        return tuple(role for role in self.members if self.gains[role] < 0)

    @property
    def is_nash(self) -> bool:
        """The table signed the Nash deal: its options, signed by the Nash deal's members
        (a quorum deal that named one more participant, who did not sign, is the same
        agreement)."""
        if self.signed is None or self.nash is None:
            return False
        options = tuple(option for _, option in self.nash.options)
        signed = (set(self.signed.members), self.signed.deal.options)
        return signed == (set(self.nash.members), options)

    def share_of_own_best(self, role: str, gains: dict[str, int]) -> int:
        """``gains[role]`` (this table's, the best deal's or the Nash deal's) in whole
        percent of the most ``role`` could gain here: its own share."""
        return share_of(gains.get(role, 0), self.own_best.get(role, 0))

    @property
    def nash_is_best(self) -> bool:
        return (
            self.nash is not None
            and self.best is not None
            and (self.nash.participants, self.nash.options)
            == (self.best.participants, self.best.options)
        )

    @property
    def nash_distance(self) -> int | None:
        """How far the outcome is from the Nash deal: the gains' differences, summed
        (0 when the table signed the Nash deal's terms)."""
        if self.nash is None:
            return None
        if self.is_nash:
            return 0
        return sum(abs(self.nash.gains[r] - self.gains.get(r, 0)) for r in self.nash.gains)


def missed_deals(state: GameState) -> list[Missed]:
    """Every project of the scenario, in its order, against what its deals allowed."""
    found = []
    for project in state.scenario.projects:
        agreement = state.agreement_for(project.id)
        signed = agreement if agreement is not None and agreement.active else None
        failed = agreement if agreement is not None and not agreement.active else None
        found.append(measure(state, project.id, signed, failed))
    return found


def measure(
    state: GameState,
    project_id: str,
    agreement: Agreement | None,
    failed: Agreement | None = None,
) -> Missed:
    """What ``agreement`` (None: no deal) gives the table of ``project_id``, against the
    best deals the one rule allows, with the walk-away values as ``state`` has them."""
    scenario = state.scenario
    project = scenario.project(project_id)
    roles = [role.id for role in scenario.eligible_roles(project)]
    walk = {role: deals.walk_away(state, role, project) for role in roles}
    analysis = analysed_with(scenario, project_id, walk)
    outcome = dict(walk)
    if agreement is not None:
        for role in agreement.members:
            outcome[role] = member_value(state, agreement, role)
    bonus = project.approval.unanimity_bonus
    return Missed(
        project_id,
        agreement,
        failed,
        {role: outcome[role] - walk[role] for role in analysis.roles},
        analysis.welfare,
        analysis.nash,
        _gap([outcome[role] for role in analysis.roles], analysis),
        analysis.sampled,
        {role: best_points(scenario, role, project) + bonus - walk[role] for role in roles},
    )


_with_walk: dict[tuple[int, str, tuple[tuple[str, int], ...]], tuple[Scenario, ProjectAnalysis]]
_with_walk = {}


def analysed_with(scenario: Scenario, project_id: str, walk: dict[str, int]) -> ProjectAnalysis:
    """The project's analysis with these walk-away values: the file's are analysed once
    per scenario (``analysed``), others once per set of values (events change few)."""
    project = scenario.project(project_id)
    if all(walk[role] == scenario.walk_away(role, project) for role in walk):
        return analysed(scenario)[project_id]
    key = (id(scenario), project_id, tuple(sorted(walk.items())))
    kept = _with_walk.get(key)
    if kept is None or kept[0] is not scenario:
        if len(_with_walk) >= KEEP:
            _with_walk.pop(next(iter(_with_walk)))
        kept = (scenario, analyse_project(scenario, project, walk_away=walk))
        _with_walk[key] = kept
    return kept[1]


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


@dataclass(frozen=True)
class TableResult:
    """A whole game against what its projects allowed: the computer partners' yardstick
    (``benchmarks/bots.py``) and the analyser's difficulty reading ask this one place."""

    reached: int  # the total gain of the agreements still standing, over every project
    possible: int  # the best total gain the one rule allowed, over every project
    signed: int  # agreements signed (a risk test may have broken some since)
    on_frontier: int  # … of them Pareto-optimal: no allowed deal was better for one and
    #: worse for none (measured on their terms, as signed)

    @property
    def share(self) -> float:
        """What was reached as a fraction of the best total gain (0 when none was possible)."""
        return self.reached / self.possible if self.possible > 0 else 0.0


def table_result(state: GameState) -> TableResult:
    """``missed_deals`` summed over the projects, and every signed agreement's place
    against the Pareto frontier."""
    missed = missed_deals(state)
    on_frontier = sum(
        measure(state, agreement.project, agreement).pareto_gap == 0
        for agreement in state.agreements
    )
    return TableResult(
        reached=sum(m.reached for m in missed),
        possible=sum(m.possible for m in missed),
        signed=len(state.agreements),
        on_frontier=on_frontier,
    )
