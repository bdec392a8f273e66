"""The deals of one project, as numpy arrays: who may take part, and every option choice.

A **deal** is a *coalition* (a set of participants the approval rule allows) together with
one option for every issue. The option choices are numbered like the cells of an array
with one axis per issue (the first issue varies slowest, options in file order), so a
project's points for a role are one flat int64 vector over the choices, built once and
shared by every coalition. Above ``max_deals`` deals a seeded uniform sample of the choices
is examined instead, the same sample for every coalition, and the report says so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from game.engine.acceptability import Position, kinds, position_at_start
from game.engine.deals import trial_risk_columns
from game.scenario.model import Project, Scenario
from game.scoring.joint import points_grid

#: exact enumeration up to this many deals (coalitions × option choices) per project
MAX_DEALS = 1_000_000
#: the sample's seed: the same file gives the same report
SAMPLE_SEED = 0


@dataclass(frozen=True)
class DealSpace:
    """Everything about a project's deals that does not depend on who answers what."""

    project: Project
    #: the roles that may take part (open_to), in the scenario's order
    roles: tuple[str, ...]
    #: allowed coalitions as positions in ``roles``: the whole table first, then smaller
    coalitions: tuple[tuple[int, ...], ...]
    #: options per issue; the number of option choices is their product
    shape: tuple[int, ...]
    #: the option choices examined (flat numbers), or None: all of them, in order
    sample: np.ndarray | None
    #: points[r, i]: role r's points for choice i, without the unanimity bonus
    points: np.ndarray
    #: clean[r, i]: choice i crosses none of role r's red lines
    clean: np.ndarray
    #: walk_away[r]: what role r has from the project without a deal
    walk_away: np.ndarray
    #: needs[k][o]: the roles (positions) option o of issue k needs among the participants
    needs: tuple[tuple[frozenset[int], ...], ...]
    #: risk[i]: the deal's risk for choice i (its riskiest option's; one less for a pilot)
    risk: np.ndarray
    #: staff[r, i], budget[r, i]: what role r pays per round for choice i
    staff: np.ndarray
    budget: np.ndarray
    #: needed[r, i]: choice i has an option that needs role r to sign
    needed: np.ndarray

    def verdicts(self, role: int, bonus: int = 0) -> np.ndarray:
        """The one rule (``acceptability.kinds``) for role ``role`` over every examined
        choice, from the scenario as written: its walk-away, its starting resources."""
        facts = self.facts[role]
        return kinds(
            points=self.points[role] + bonus,
            walk_away=int(self.walk_away[role]),
            risk=self.risk,
            risk_tolerance=facts.risk_tolerance,
            staff=self.staff[role],
            budget=self.budget[role],
            free=facts.free,
            clean=self.clean[role],
        )

    #: each role's position at the start of the game (its tolerance and resources)
    facts: tuple[Position, ...] = ()

    @property
    def choices(self) -> int:
        """How many option choices the project has (not how many are examined)."""
        return math.prod(self.shape)

    @property
    def possible(self) -> int:
        """How many deals the project has: see ``count_deals``."""
        return count_deals(self.coalitions, self.needs)

    @property
    def examined(self) -> int:
        """How many option choices are examined per coalition."""
        return self.choices if self.sample is None else len(self.sample)

    def options_of(self, flat: np.ndarray) -> np.ndarray:
        """Option positions (deals × issues) of the examined choices at positions ``flat``."""
        numbers = flat if self.sample is None else self.sample[flat]
        return np.stack(np.unravel_index(numbers, self.shape), axis=1)

    def legal(self, coalition: tuple[int, ...]) -> np.ndarray | None:
        """Which examined choices the coalition may sign: an option that names a role in
        its ``cost_for`` needs that role among the participants. None: every choice."""
        members = frozenset(coalition)
        allowed = [
            np.array([need <= members for need in issue], dtype=bool) for issue in self.needs
        ]
        if all(mask.all() for mask in allowed):
            return None
        return _spread(allowed, self.shape, self.sample, np.logical_and)


def deal_space(
    scenario: Scenario,
    project: Project,
    max_deals: int = MAX_DEALS,
    seed: int = SAMPLE_SEED,
    walk_away: Mapping[str, int] | None = None,
) -> DealSpace:
    """The project's coalitions and option choices, with every role's points on them.

    ``walk_away``: the roles' walk-away values as a game left them (events change them);
    the file's values by default."""
    roles = tuple(role.id for role in scenario.eligible_roles(project))
    coalitions = allowed_coalitions(scenario, project, roles)
    position = {role: index for index, role in enumerate(roles)}
    needs = tuple(
        tuple(frozenset(position.get(r, -1) for r in option.cost_for) for option in issue.options)
        for issue in project.issues
    )
    shape = tuple(len(issue.options) for issue in project.issues)
    total = math.prod(shape)
    sample = None
    if count_deals(coalitions, needs) > max_deals:
        size = max(1, min(total, max_deals // len(coalitions)))
        generator = np.random.default_rng(seed)
        sample = np.sort(generator.choice(total, size=size, replace=False))
    points = np.stack([_role_points(scenario, role, project, sample) for role in roles])
    clean = np.stack([_role_clean(scenario, role, project, sample) for role in roles])
    walk = [(walk_away or {}).get(role, scenario.walk_away(role, project)) for role in roles]
    per_issue_risk = [np.array([o.risk for o in issue.options]) for issue in project.issues]
    per_issue_pilot = [np.array(["pilot" in o.flags for o in i.options]) for i in project.issues]
    risk = trial_risk_columns(
        _spread(per_issue_risk, shape, sample, np.maximum),
        _spread(per_issue_pilot, shape, sample, np.logical_or),
    )
    staff = np.stack([_role_cost(project, role, shape, sample, "staff_time") for role in roles])
    budget = np.stack([_role_cost(project, role, shape, sample, "budget") for role in roles])
    needed = np.stack([
        _spread([np.array([role in o.cost_for for o in issue.options]) for issue in project.issues],
                shape, sample, np.logical_or)
        for role in roles
    ])  # fmt: skip
    facts = tuple(
        replace(position_at_start(scenario, role, project), walk_away=value)
        for role, value in zip(roles, walk, strict=True)
    )
    return DealSpace(project, roles, coalitions, shape, sample, points, clean,
                     np.array(walk, dtype=np.int64), needs, risk, staff, budget, needed,
                     facts)  # fmt: skip


def _role_cost(
    project: Project, role: str, shape: tuple[int, ...], sample: np.ndarray | None, what: str
) -> np.ndarray:
    """What ``role`` pays per round (``what``: staff_time or budget) for every choice."""
    per_issue = [
        np.array([getattr(o.cost_for.get(role, o.cost), what) for o in issue.options])
        for issue in project.issues
    ]
    return _spread(per_issue, shape, sample, np.add)


def count_deals(
    coalitions: tuple[tuple[int, ...], ...], needs: tuple[tuple[frozenset[int], ...], ...]
) -> int:
    """The possible deals: for each group, the product over the issues of the options it
    may choose (an option's ``cost_for`` roles among the participants), summed. Exact and
    instant however many deals there are."""
    total = 0
    for coalition in coalitions:
        members = frozenset(coalition)
        count = 1
        for issue in needs:
            count *= sum(need <= members for need in issue)
        total += count
    return total


def allowed_coalitions(
    scenario: Scenario, project: Project, roles: tuple[str, ...]
) -> tuple[tuple[int, ...], ...]:
    """Every set of participants the rules allow: open_to, min/max_participants, the
    required roles, and at least one role that may propose. Largest first, then in the
    order of ``itertools.combinations`` over the roles in scenario order."""
    rule = project.approval
    largest = min(rule.max_participants or len(roles), len(roles))
    smallest = max(2, rule.min_participants)
    required = {roles.index(r) for r in rule.required if r in roles}
    if len(required) < len(set(rule.required)):  # a required role may not take part
        return ()
    proposers = {roles.index(r) for r in rule.proposers if r in roles}
    found = []
    for size in range(largest, smallest - 1, -1):
        for group in itertools.combinations(range(len(roles)), size):
            if required <= set(group) and (not rule.proposers or proposers & set(group)):
                found.append(group)
    return tuple(found)


def _role_points(
    scenario: Scenario, role: str, project: Project, sample: np.ndarray | None
) -> np.ndarray:
    if sample is None:
        return points_grid(scenario, role, project).reshape(-1)
    table = scenario.role(role).brief.points[project.id]
    values = [
        np.array([table[issue.id][o.id] for o in issue.options], dtype=np.int64)
        for issue in project.issues
    ]
    return _spread(values, tuple(len(v) for v in values), sample, np.add)


def _role_clean(
    scenario: Scenario, role: str, project: Project, sample: np.ndarray | None
) -> np.ndarray:
    lines = {(line.issue, line.option) for line in scenario.role(role).brief.red_lines
             if line.project == project.id}  # fmt: skip
    per_issue = [
        np.array([(issue.id, o.id) not in lines for o in issue.options], dtype=bool)
        for issue in project.issues
    ]
    return _spread(per_issue, tuple(len(v) for v in per_issue), sample, np.logical_and)


def _spread(
    per_issue: list[np.ndarray],
    shape: tuple[int, ...],
    sample: np.ndarray | None,
    combine: np.ufunc,
) -> np.ndarray:
    """Combine one vector per issue into one value per examined choice: over the whole
    grid by broadcasting, or over the sample by looking each choice's options up."""
    if sample is None:
        result = per_issue[0].reshape([-1] + [1] * (len(shape) - 1))
        for axis, vector in enumerate(per_issue[1:], start=1):
            axes = [1] * len(shape)
            axes[axis] = -1
            result = combine(result, vector.reshape(axes))
        return np.broadcast_to(result, shape).reshape(-1)
    options = np.unravel_index(sample, shape)
    result = per_issue[0][options[0]]
    for vector, chosen in zip(per_issue[1:], options[1:], strict=True):
        result = combine(result, vector[chosen])
    return result
