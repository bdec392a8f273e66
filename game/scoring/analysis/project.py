"""What a project's deals allow: the counts, the Pareto-optimal deals, the Nash bargaining
deal, the deal best for the table, and what each role can hope for.

Definitions (docs/scoring.md, "The analyser", says them for trainers):

* a participant **accepts alone** a deal that it is *worth signing* by the one rule
  (``game/engine/acceptability.py``: no red line, within its starting resources and its
  risk tolerance, at least its walk-away value); it **accepts with the others** when that
  holds with the unanimity bonus added (the bonus only comes if every participant
  accepts); a role that a deal's options need must be among those who accept;
* a deal is **unanimous** when every participant accepts with the others and it can be
  signed by all of them (``acceptability.SigningRule.can_end_unanimous``: its quorum is
  the whole group, or a role whose signature must come can answer last); otherwise a
  quorum signs it before the last answer, and it brings no bonus;
* a deal **passes the approval rule** when it is unanimous (and has at least ``quorum``
  participants), or when at least ``quorum`` participants accept alone and among them are
  every required role and veto holder that takes part and a role allowed to propose it;
* **every participant gains** when it passes and each participant ends strictly above its
  walk-away value (the bonus included where the deal is unanimous);
* a deal's **outcome** for a role of the table (every role the project is open to): a
  member's points (with the bonus if unanimous); the walk-away value for a role outside
  the deal or one that says no. Pareto optimality, the Nash product and the welfare are
  taken over outcomes of deals that pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from game.engine.acceptability import CODE_WORTH
from game.scenario.model import Project, Scenario
from game.scoring.analysis.pareto import pareto_mask
from game.scoring.analysis.space import MAX_DEALS, DealSpace, deal_space

#: Pareto-optimal deals kept in full (by decreasing welfare); all of them are counted
LISTED = 100


@dataclass(frozen=True)
class Deal:
    """One deal that passes, as the analyser reports it."""

    participants: tuple[str, ...]
    options: tuple[tuple[str, str], ...]  # (issue id, option id), issue by issue
    members: tuple[str, ...]  # the participants that accept it
    unanimous: bool
    outcome: dict[str, int]  # every role of the table: its points after the deal
    gains: dict[str, int]  # outcome − walk-away value, every role of the table

    @property
    def welfare(self) -> int:
        return sum(self.gains.values())


@dataclass(frozen=True)
class RoleFacts:
    role: str
    walk_away: int
    #: the most points it gets in any examined deal it can take part in without crossing
    #: its red lines, unanimity bonus included; None if it can take part in none
    best: int | None

    @property
    def reachable(self) -> bool:
        return self.best is not None and self.best >= self.walk_away


@dataclass(frozen=True)
class Dominated:
    """An option that is never better for anyone than another option of its issue."""

    issue: str
    option: str
    by: str


@dataclass(frozen=True)
class ProjectAnalysis:
    project: str
    roles: tuple[str, ...]
    coalitions: int
    choices: int  # option choices: the product of the issues' option counts
    possible: int  # deals: legal option choices summed over the coalitions (exact)
    examined: int  # deals examined: ``possible`` unless sampled
    approvable: int
    unanimous: int
    everyone_gains: int
    pareto_count: int
    pareto: tuple[Deal, ...]  # the first LISTED, by decreasing welfare
    #: every Pareto-optimal deal's outcome: one row per role (``roles``), one column a deal
    frontier: np.ndarray = field(compare=False, repr=False)
    nash: Deal | None
    welfare: Deal | None
    role_facts: tuple[RoleFacts, ...]
    dead_options: tuple[tuple[str, str], ...]  # (issue, option) in no Pareto-optimal deal
    dominated: tuple[Dominated, ...]
    leaders: tuple[str, ...]  # roles with the largest gain in every Pareto-optimal deal
    idle: tuple[str, ...]  # roles that gain nothing in any Pareto-optimal deal

    @property
    def sampled(self) -> bool:
        return self.examined < self.possible


@dataclass
class _Passing:
    """The deals that pass, column by column (one column per deal)."""

    coalition: np.ndarray  # index into space.coalitions
    choice: np.ndarray  # position among the examined choices
    unanimous: np.ndarray
    accepting: np.ndarray  # roles × deals: a member of the signed deal
    outcome: np.ndarray  # roles × deals


def analyse_project(
    scenario: Scenario,
    project: Project,
    max_deals: int = MAX_DEALS,
    walk_away: Mapping[str, int] | None = None,
) -> ProjectAnalysis:
    """Everything the analyser says about one project, from the scenario as written
    (walk-away values before any event), or with the walk-away values a game left
    (``walk_away``): the debrief compares a game's outcome with it."""
    space = deal_space(scenario, project, max_deals, walk_away=walk_away)
    counts, passing, best = _evaluate(space)
    gains = passing.outcome - space.walk_away[:, None]
    optimal = np.flatnonzero(pareto_mask(passing.outcome.T))
    welfare = gains.sum(axis=0)
    by_welfare = optimal[np.argsort(-welfare[optimal], kind="stable")]
    deal = partial(_deal, space, passing)
    return ProjectAnalysis(
        project=project.id,
        roles=space.roles,
        coalitions=len(space.coalitions),
        choices=space.choices,
        possible=space.possible,
        examined=counts["examined"],
        approvable=counts["approvable"],
        unanimous=counts["unanimous"],
        everyone_gains=counts["everyone_gains"],
        pareto_count=len(optimal),
        pareto=tuple(deal(int(i)) for i in by_welfare[:LISTED]),
        frontier=passing.outcome[:, optimal],
        nash=_maybe(deal, _nash(space, passing, gains, welfare)),
        welfare=_maybe(deal, int(np.argmax(welfare)) if welfare.size else None),
        role_facts=tuple(
            RoleFacts(role, int(space.walk_away[r]), None if best[r] is None else int(best[r]))
            for r, role in enumerate(space.roles)
        ),
        dead_options=_dead_options(space, passing, optimal),
        dominated=dominated_options(scenario, project),
        leaders=_leaders(space, gains[:, optimal]),
        idle=tuple(
            role
            for r, role in enumerate(space.roles)
            if optimal.size and not gains[r, optimal].any()
        ),
    )


def _maybe(make: Callable[[int], Deal], index: int | None) -> Deal | None:
    return None if index is None else make(index)


def _evaluate(space: DealSpace) -> tuple[dict[str, int], _Passing, list[int | None]]:
    """Every coalition over every examined choice: the counts, the deals that pass, and
    each role's best points."""
    rule = space.project.approval
    bonus = rule.unanimity_bonus
    walk = space.walk_away[:, None]
    roles = range(len(space.roles))
    # the one rule (game/engine/acceptability.py): a role accepts what it is worth signing
    alone = np.stack([space.verdicts(r) == CODE_WORTH for r in roles])
    together = np.stack([space.verdicts(r, bonus) == CODE_WORTH for r in roles])
    gaining = together & (space.points + bonus > walk)  # unanimous: with the bonus
    gaining_alone = alone & (space.points > walk)  # signed by a quorum: without it
    position = {role: index for index, role in enumerate(space.roles)}
    must = {position[r] for r in (*rule.required, *rule.vetoes) if r in position}
    proposers = {position[r] for r in rule.proposers if r in position}
    counts = dict.fromkeys(("examined", "approvable", "unanimous", "everyone_gains"), 0)
    best: list[int | None] = [None] * len(space.roles)
    parts: list[_Passing] = []
    for index, coalition in enumerate(space.coalitions):
        legal = space.legal(coalition)
        if legal is None:
            legal = np.ones(space.examined, dtype=bool)
        members = list(coalition)
        quorum = rule.quorum or len(coalition)
        # unanimous (with the bonus) only where every participant can sign: the quorum is
        # the whole group, or a role whose signature must come can answer last
        # (acceptability.SigningRule.can_end_unanimous)
        reachable = legal.copy()
        if quorum < len(coalition) and not must & set(coalition):
            reachable &= space.needed[members].any(axis=0)
        unanimous = reachable & together[members].all(axis=0)
        if len(coalition) < quorum:
            passes = np.zeros_like(legal)
        else:
            enough = alone[members].sum(axis=0) >= quorum
            for role in must & set(coalition):
                enough &= alone[role]
            for role in members:  # a role the options need must sign (rules._settle)
                enough &= ~space.needed[role] | alone[role]
            if rule.proposers:
                enough &= alone[sorted(proposers & set(coalition))].any(axis=0)
            passes = unanimous | (legal & enough)
        counts["examined"] += int(np.count_nonzero(legal))
        counts["approvable"] += int(np.count_nonzero(passes))
        counts["unanimous"] += int(np.count_nonzero(unanimous & passes))
        everyone = np.where(
            unanimous, gaining[members].all(axis=0), gaining_alone[members].all(axis=0)
        )
        counts["everyone_gains"] += int(np.count_nonzero(passes & everyone))
        for role in members:
            mine = space.points[role][legal & space.clean[role]]
            if mine.size:
                top = int(mine.max()) + bonus
                best[role] = top if best[role] is None else max(best[role], top)
        parts.append(_passing_part(space, index, passes, unanimous, alone, bonus))
    return counts, _join(parts, len(space.roles)), best


def _passing_part(
    space: DealSpace,
    index: int,
    passes: np.ndarray,
    unanimous: np.ndarray,
    alone: np.ndarray,
    bonus: int,
) -> _Passing:
    """The deals of one group that pass: who signs them, and the table's outcome."""
    chosen = np.flatnonzero(passes)
    together = unanimous[chosen]
    accepting = np.zeros((len(space.roles), chosen.size), dtype=bool)
    outcome = np.repeat(space.walk_away[:, None], chosen.size, axis=1)
    for role in space.coalitions[index]:
        accepting[role] = together | alone[role, chosen]
        points = space.points[role, chosen]
        outcome[role] = np.where(
            together, points + bonus, np.where(accepting[role], points, space.walk_away[role])
        )
    return _Passing(np.full(chosen.size, index), chosen, together, accepting, outcome)


def _join(parts: list[_Passing], roles: int) -> _Passing:
    if not parts:
        return _Passing(np.zeros(0, int), np.zeros(0, int), np.zeros(0, bool),
                        np.zeros((roles, 0), bool), np.zeros((roles, 0), np.int64))  # fmt: skip
    return _Passing(
        np.concatenate([p.coalition for p in parts]),
        np.concatenate([p.choice for p in parts]),
        np.concatenate([p.unanimous for p in parts]),
        np.concatenate([p.accepting for p in parts], axis=1),
        np.concatenate([p.outcome for p in parts], axis=1),
    )


def _nash(
    space: DealSpace, passing: _Passing, gains: np.ndarray, welfare: np.ndarray
) -> int | None:
    """The deal where every participant gains with the largest product of the
    participants' gains; ties go to the larger total gain, then to the first deal."""
    taking_part = np.zeros((len(space.roles), len(space.coalitions)), dtype=bool)
    for index, coalition in enumerate(space.coalitions):
        taking_part[list(coalition), index] = True
    participant = taking_part[:, passing.coalition]
    everyone = passing.unanimous & np.where(participant, gains > 0, True).all(axis=0)
    if not everyone.any():
        return None
    product = np.where(participant, gains, 1).astype(np.float64).prod(axis=0)
    product[~everyone] = -1.0
    top = np.flatnonzero(product == product.max())
    return int(top[np.argmax(welfare[top])])


def _dead_options(
    space: DealSpace, passing: _Passing, optimal: np.ndarray
) -> tuple[tuple[str, str], ...]:
    if not optimal.size:
        return ()
    chosen = space.options_of(passing.choice[optimal])
    dead = []
    for k, issue in enumerate(space.project.issues):
        used = set(np.unique(chosen[:, k]).tolist())
        dead += [(issue.id, o.id) for i, o in enumerate(issue.options) if i not in used]
    return tuple(dead)


def _leaders(space: DealSpace, gains: np.ndarray) -> tuple[str, ...]:
    if not gains.size:
        return ()
    top = gains == gains.max(axis=0)
    return tuple(role for r, role in enumerate(space.roles) if top[r].all())


def dominated_options(scenario: Scenario, project: Project) -> tuple[Dominated, ...]:
    """Options another option of the same issue beats for the whole table: every role the
    project is open to gets at least as many points from the other one and some role more,
    and the other one is on no red line and needs no participant that this one is not and
    does not. Such an option only makes sense as a concession nobody has to make."""
    roles = [role.id for role in scenario.eligible_roles(project)]
    lines: dict[tuple[str, str], set[str]] = defaultdict(set)  # (issue, option) -> roles
    for role in roles:
        for line in scenario.role(role).brief.red_lines:
            if line.project == project.id:
                lines[(line.issue, line.option)].add(role)
    found = []
    for issue in project.issues:
        points = {
            o.id: [scenario.role(r).brief.points[project.id][issue.id][o.id] for r in roles]
            for o in issue.options
        }
        for option in issue.options:
            for other in issue.options:
                if other.id != option.id and _beats(
                    points[other.id], points[option.id],
                    lines[(issue.id, other.id)], lines[(issue.id, option.id)],
                    set(other.cost_for), set(option.cost_for),
                ):  # fmt: skip
                    found.append(Dominated(issue.id, option.id, other.id))
                    break
    return tuple(found)


def _beats(
    better: list[int],
    worse: list[int],
    better_lines: set[str],
    worse_lines: set[str],
    better_needs: set[str],
    worse_needs: set[str],
) -> bool:
    return (
        all(b >= w for b, w in zip(better, worse, strict=True))
        and any(b > w for b, w in zip(better, worse, strict=True))
        and better_lines <= worse_lines
        and better_needs <= worse_needs
    )


def _deal(space: DealSpace, passing: _Passing, index: int) -> Deal:
    coalition = space.coalitions[passing.coalition[index]]
    chosen = space.options_of(passing.choice[index : index + 1])[0]
    issues = space.project.issues
    outcome = {role: int(passing.outcome[r, index]) for r, role in enumerate(space.roles)}
    return Deal(
        participants=tuple(space.roles[r] for r in coalition),
        options=tuple(
            (issue.id, issue.options[o].id) for issue, o in zip(issues, chosen, strict=True)
        ),
        members=tuple(space.roles[r] for r in coalition if passing.accepting[r, index]),
        unanimous=bool(passing.unanimous[index]),
        outcome=outcome,
        gains={role: outcome[role] - int(space.walk_away[r]) for r, role in enumerate(space.roles)},
    )
