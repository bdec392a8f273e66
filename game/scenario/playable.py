"""What the table would refuse: roles, options and projects that can never be in a deal.

A file can be valid, every reference right, and still offer the room something it can
never sign: a role no project is open to, an option that costs more per round than any
team that may take it has, an option that needs a role the approval leaves no seat for,
a project on which every deal breaks a member's red line, risk tolerance or purse. The
trainer finds out in the middle of a workshop; these warnings say it before.

Why here and on plain data, not in the engine on the models: ``outofthebox validate``
must not import the pydantic models (about 0.25 s; a test holds it), and the scenario
code must not import the engine. So these checks read the document once it has passed
every other check, and ask the one rule's questions (``engine.acceptability``, a role's
position at the start) in its words: a role cannot sign a deal that crosses one of its
red lines, that costs it more per round than its resources (an option's ``cost_for``
entry, or else its ``cost``), or whose options need a role that is not signing; it
should not sign a deal riskier than it tolerates (the riskiest option's risk, one less
when an option is a ``pilot``: ``deals.chosen_risk``). A deal is
signed when its quorum accepts (every participant, without one), the required roles and
the vetoes among them. Tests hold these readings equal to ``engine.deals`` and play each
deal found here through the rules and the one rule, so the two cannot drift apart.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator
from dataclasses import dataclass

from game.scenario.crossref import Finding
from game.scenario.diagnostics import DocPath

#: (staff_time, budget), per round
Amount = tuple[int, int]
#: steps of the search for a deal (a reachable state times an option) one file may take;
#: past them a project is taken as signable, because a warning must never be a false
#: alarm. The built-in scenarios take a few hundred; a hostile file stays under a second.
MAX_WORK = 200_000
#: a point of the search for a deal: what every member has paid so far (staff time and
#: budget of each in turn), whether a pilot is chosen, whether an option above the
#: members' risk tolerance is
State = tuple[tuple[int, ...], bool, bool]
#: roles named in a message before "…"
NAMED_ROLES = 3


def _amount(node: object) -> Amount:
    node = node if isinstance(node, dict) else {}
    return (int(node.get("staff_time", 0)), int(node.get("budget", 0)))


def _fits(paid: Amount, have: Amount) -> bool:
    return paid[0] <= have[0] and paid[1] <= have[1]


def _shortfall(role: str, paid: Amount, have: Amount) -> str:
    """ "library would pay 5 budget units, it has 2": only what falls short, the way the
    rules' refusals count it."""
    nouns = ("staff hour", "budget unit")
    short = [(p, h, noun) for p, h, noun in zip(paid, have, nouns, strict=True) if p > h]
    pays = " and ".join(f"{p} {noun}{'s' * (p != 1)}" for p, _, noun in short)
    has = " and ".join(str(h) for _, h, _ in short)
    return f"{role} would pay {pays}, it has {has}"


@dataclass(frozen=True)
class TableOption:
    path: DocPath
    issue: str
    id: str
    label: str
    risk: int
    pilot: bool  # flagged ``pilot``: a deal with it runs one less risk
    cost: Amount
    cost_for: dict[str, Amount]

    def paid_by(self, role: str) -> Amount:
        """What ``role`` pays per round for this option (``deals.cost``, option by option)."""
        return self.cost_for.get(role, self.cost)


@dataclass(frozen=True)
class TableRole:
    id: str
    name: str
    resources: Amount
    risk_tolerance: int
    #: (project, issue, option) of its red lines
    red_lines: frozenset[tuple[str, str, str]]


@dataclass(frozen=True)
class TableProject:
    index: int
    id: str
    title: str
    issues: tuple[tuple[TableOption, ...], ...]
    eligible: tuple[str, ...]
    required: frozenset[str]
    vetoes: frozenset[str]
    proposers: frozenset[str]
    min_participants: int
    max_participants: int | None
    quorum: int | None

    @property
    def seats(self) -> int:
        """The most participants a deal on this project can have."""
        return min(self.max_participants or len(self.eligible), len(self.eligible))

    def seats_needed(self, roles: set[str] | frozenset[str]) -> int:
        """Participants a deal with ``roles`` at the table has at least: they, the required
        roles, and someone who may propose it (the proposer takes part in its deal)."""
        seated = set(roles) | self.required
        proposer = 1 if self.proposers and not self.proposers & seated else 0
        return len(seated) + proposer

    def can_seat(self, roles: set[str] | frozenset[str]) -> bool:
        return set(roles) <= set(self.eligible) and self.seats_needed(roles) <= self.seats


@dataclass(frozen=True)
class Witness:
    """A deal the table can sign: who accepts, who takes part, one option per issue."""

    members: tuple[str, ...]
    participants: tuple[str, ...]
    options: tuple[str, ...]
    #: the search stopped before checking it (too many combinations to follow)
    assumed: bool = False


def read_table(data: dict) -> tuple[list[TableRole], list[TableProject]]:
    """The roles and projects of a document that has passed every other check."""
    roles = [
        TableRole(
            role["id"],
            role["name"],
            _amount(role["resources"]),
            role["brief"]["risk_tolerance"],
            frozenset(
                (line["project"], line["issue"], line["option"])
                for line in role["brief"].get("red_lines", [])
            ),
        )
        for role in data["roles"]
    ]
    ids = [role.id for role in roles]
    projects = [_read_project(index, raw, ids) for index, raw in enumerate(data["projects"])]
    return roles, projects


def _read_project(index: int, raw: dict, role_ids: list[str]) -> TableProject:
    issues = tuple(
        tuple(
            TableOption(
                ("projects", index, "issues", i_index, "options", o_index),
                issue["id"],
                option["id"],
                option["label"],
                option.get("risk", 0),
                "pilot" in option.get("flags", []),
                _amount(option.get("cost")),
                {role: _amount(paid) for role, paid in option.get("cost_for", {}).items()},
            )
            for o_index, option in enumerate(issue["options"])
        )
        for i_index, issue in enumerate(raw["issues"])
    )
    open_to = raw.get("open_to") or role_ids
    approval = raw.get("approval", {})
    return TableProject(
        index,
        raw["id"],
        raw["title"],
        issues,
        tuple(role for role in role_ids if role in open_to),
        frozenset(approval.get("required", [])),
        frozenset(approval.get("vetoes", [])),
        frozenset(approval.get("proposers", [])),
        approval.get("min_participants", 2),
        approval.get("max_participants"),
        approval.get("quorum"),
    )


# -- the search for a deal the table can sign -------------------------------------------


def deal_risk(chosen: list[TableOption]) -> int:
    """The risk a deal runs (``deals.chosen_risk``): its riskiest option's, one less (never
    below 0) when one of its options makes it a trial (``pilot``)."""
    level = max((option.risk for option in chosen), default=0)
    return max(0, level - 1) if any(option.pilot for option in chosen) else level


@dataclass
class Budget:
    """What is left of ``MAX_WORK``, shared by every search of one file."""

    left: int = MAX_WORK

    def spend(self, steps: int) -> bool:
        self.left -= steps
        return self.left >= 0


@dataclass(frozen=True)
class Limits:
    """Which of a member's limits a deal must keep; dropping one tells which one bites."""

    risk: bool = True
    red_lines: bool = True
    resources: bool = True


def signable(
    project: TableProject,
    roles: dict[str, TableRole],
    limits: Limits = Limits(),
    budget: Budget | None = None,
) -> Witness | None:
    """A deal on ``project`` that a group the approval allows can sign, each member within
    its risk tolerance, clear of its red lines and able to pay from its resources per
    round; None if there is none. When the budget runs out the search stops and answers
    with an unchecked deal (``assumed``): a warning must never be a false alarm."""
    budget = Budget() if budget is None else budget
    for members in _groups(project):
        found = _options_for(project, members, roles, limits, budget)
        if found is not None:
            options, assumed = found
            return Witness(members, _participants(project, members), options, assumed)
    return None


def _groups(project: TableProject) -> Iterator[tuple[str, ...]]:
    """Groups of signing members the approval allows, smallest first.

    Without a quorum every participant signs, so members are the participants. With one,
    a deal may seat more roles than sign; those must not be required roles or vetoes (a
    veto's silence is a rejection), nor roles an option needs (they must sign too).
    """
    smallest = max(project.quorum or project.min_participants, len(project.required), 1)
    for size in range(smallest, project.seats + 1):
        for members in itertools.combinations(project.eligible, size):
            chosen = set(members)
            if not project.required <= chosen:
                continue
            if project.proposers and not project.proposers & chosen:
                continue  # the proposer accepts its own deal, so it is a member
            if project.quorum is None:
                if size >= project.min_participants:
                    yield members
            elif size + len(_silent_seats(project, chosen)) >= project.min_participants:
                yield members


def _silent_seats(project: TableProject, members: set[str]) -> list[str]:
    """Roles that may take part without signing: eligible, not members, no veto."""
    return [r for r in project.eligible if r not in members and r not in project.vetoes]


def _participants(project: TableProject, members: tuple[str, ...]) -> tuple[str, ...]:
    """The members, and as many silent participants as min_participants asks for."""
    seated = list(members)
    for role in _silent_seats(project, set(members)):
        if len(seated) >= project.min_participants:
            break
        seated.append(role)
    return tuple(r for r in project.eligible if r in seated)


def _options_for(
    project: TableProject,
    members: tuple[str, ...],
    roles: dict[str, TableRole],
    limits: Limits,
    budget: Budget,
) -> tuple[tuple[str, ...], bool] | None:
    """One option per issue that every member can sign, and whether the search gave up
    (see ``signable``); None if there is no such choice.

    Red lines are option by option and the roles an option needs must be members: both
    filter each issue on its own, and so does risk, nearly: a deal runs its riskiest
    option's risk, one less in a pilot, so an option one above the members' tolerance is
    kept and the search remembers whether a pilot makes up for it. Costs add up across
    issues, so the issues are joined in a search over what each member has paid so far,
    the same state reached twice kept once.
    """
    tolerance = min(roles[m].risk_tolerance for m in members)
    if not limits.risk:
        tolerance = 10
    per_issue = []
    for options in project.issues:
        allowed = [
            option
            for option in options
            if option.risk <= tolerance + 1  # one above is fine in a pilot
            and not (limits.red_lines and _crosses(project, option, members, roles))
            and all(role in members for role in option.cost_for)
        ]
        if not allowed:
            return None
        per_issue.append(allowed)
    if limits.resources and not _cheapest_fits(members, roles, per_issue):
        return None
    caps = _flat([roles[m].resources for m in members]) if limits.resources else ()
    steps = [
        [(o.id, _flat([o.paid_by(m) for m in members]) if caps else (), o.pilot,
          o.risk > tolerance) for o in allowed]
        for allowed in per_issue
    ]  # fmt: skip
    states: dict[State, tuple[str, ...]] = {(tuple(0 for _ in caps), False, False): ()}
    for done, step in enumerate(steps):
        if not budget.spend(len(states) * len(step)):
            chosen = next(iter(states.values()))
            return (*chosen, *(allowed[0].id for allowed in per_issue[done:])), True
        states = _step(caps, states, step)
        if not states:
            return None
    within = [chosen for (_, pilot, over), chosen in states.items() if pilot or not over]
    return (within[0], False) if within else None


def _flat(amounts: list[Amount]) -> tuple[int, ...]:
    """Members' amounts as one row of numbers: staff time, budget, staff time, …"""
    return tuple(number for amount in amounts for number in amount)


def _cheapest_fits(
    members: tuple[str, ...], roles: dict[str, TableRole], per_issue: list[list[TableOption]]
) -> bool:
    """Whether every member could pay the cheapest option of every issue (staff time and
    budget counted apart): when not, no choice can fit, and the search is not needed."""
    for member in members:
        staff = sum(min(o.paid_by(member)[0] for o in allowed) for allowed in per_issue)
        budget = sum(min(o.paid_by(member)[1] for o in allowed) for allowed in per_issue)
        if not _fits((staff, budget), roles[member].resources):
            return False
    return True


def _step(
    caps: tuple[int, ...],
    states: dict[State, tuple[str, ...]],
    step: list[tuple[str, tuple[int, ...], bool, bool]],
) -> dict[State, tuple[str, ...]]:
    """The states reachable by choosing one more issue's option: what each member has
    paid, held against ``caps`` number by number; whether a pilot is chosen; whether an
    option above the members' tolerance is (then only a pilot keeps the deal within)."""
    after: dict[State, tuple[str, ...]] = {}
    for (paid, pilot, over), chosen in states.items():
        for option_id, costs, is_pilot, too_risky in step:
            total = tuple(map(operator.add, paid, costs)) if caps else paid
            if caps and not all(map(operator.le, total, caps)):
                continue
            key = (total, pilot or is_pilot, over or too_risky)
            after.setdefault(key, (*chosen, option_id))
    return after


def _crosses(
    project: TableProject, option: TableOption, members: tuple[str, ...], roles: dict
) -> bool:
    key = (project.id, option.issue, option.id)
    return any(key in roles[m].red_lines for m in members)


# -- the warnings -----------------------------------------------------------------------


class TableChecker:
    """What the table would refuse, as warnings; run only on a file with no errors."""

    def __init__(self, data: dict):
        self.budget = Budget()
        roles, self.projects = read_table(data)
        self.roles = {role.id: role for role in roles}
        self.role_index = {role.id: index for index, role in enumerate(roles)}

    def findings(self) -> Iterator[Finding]:
        yield from self._roles_without_a_project()
        for project in self.projects:
            for options in project.issues:
                for option in options:
                    yield from self._needs_absent_roles(project, option)
                    yield from self._unaffordable(project, option)
            yield from self._unsignable(project)

    def _name(self, role: str) -> str:
        return f"{self.roles[role].name} ({role})"

    def _names(self, roles: list[str] | set[str] | frozenset[str]) -> str:
        ordered = sorted(roles, key=self.role_index.__getitem__)
        return ", ".join(ordered[:NAMED_ROLES]) + (" …" if len(ordered) > NAMED_ROLES else "")

    def _roles_without_a_project(self) -> Iterator[Finding]:
        for role_id, index in self.role_index.items():
            open_to_it = [p for p in self.projects if role_id in p.eligible]
            if any(p.can_seat({role_id}) for p in open_to_it):
                continue
            if not open_to_it:
                yield Finding(
                    ("roles", index),
                    f"no project is open to {self._name(role_id)}, so this team can never "
                    "take part in a deal",
                    f"add {role_id} to the open_to list of a project, or leave open_to out "
                    "to open the project to every role",
                    "warning",
                )
            else:
                yield Finding(
                    ("roles", index),
                    f"{self._name(role_id)} can never take part in a deal: on every project "
                    "open to it, the required roles (and one who may propose) take every "
                    "seat the approval allows",
                    "raise max_participants on one of these projects, or make the role "
                    "one of its required roles",
                    "warning",
                )

    def _needs_absent_roles(self, project: TableProject, option: TableOption) -> Iterator[Finding]:
        needed = set(option.cost_for)
        if not needed or project.can_seat(needed):
            return
        yield Finding(
            option.path,
            f'"{option.label}" needs {self._names(needed)} at the table (its cost_for '
            f'names {"them" if len(needed) > 1 else "it"}), but on "{project.title}" '
            f"{self._no_seat(project, needed)}, so no deal can choose this option",
            "take the role out of cost_for, or raise the project's max_participants",
            "warning",
        )

    def _no_seat(self, project: TableProject, needed: set[str]) -> str:
        """Why ``needed`` cannot all sit at the project's table, in the author's words."""
        outside = [r for r in needed if r not in project.eligible]
        if outside:  # an error in crossref already; said here too for completeness
            return f"{self._names(outside)} may not take part"
        seated = needed | project.required
        proposer = " and one who may propose" if project.seats_needed(needed) > len(seated) else ""
        return (
            f"a deal has at most {project.seats} participants, and it would need "
            f"{project.seats_needed(needed)}: {self._names(seated)}{proposer}"
        )

    def _unaffordable(self, project: TableProject, option: TableOption) -> Iterator[Finding]:
        seated = [r for r in project.eligible if project.can_seat({r})]
        short = [r for r in seated if not _fits(option.paid_by(r), self.roles[r].resources)]
        if not seated or len(short) < len(seated):
            return
        shown = [_shortfall(r, option.paid_by(r), self.roles[r].resources) for r in short]
        shown = shown[:NAMED_ROLES]
        yield Finding(
            option.path,
            f'no team that can take part in "{project.title}" can pay for "{option.label}" '
            "each round: " + "; ".join(shown) + (" …" if len(short) > NAMED_ROLES else ""),
            "lower its cost (or a role's cost_for), or give a role more resources",
            "warning",
        )

    def _unsignable(self, project: TableProject) -> Iterator[Finding]:
        if signable(project, self.roles, budget=self.budget) is not None:
            return
        why, fix = _WHY[self._binding_limit(project)]
        yield Finding(
            ("projects", project.index),
            f'no deal on "{project.title}" can be signed by partners who all stay within '
            "their risk tolerance, clear of their red lines and within their resources per "
            f"round, in any group the approval allows: {why}",
            fix,
            "warning",
        )

    def _binding_limit(self, project: TableProject) -> str | None:
        """The one limit whose dropping makes a deal possible, if one alone does."""
        for name in ("risk", "red_lines", "resources"):
            witness = signable(project, self.roles, Limits(**{name: False}), self.budget)
            if witness is not None and not witness.assumed:
                return name
        return None


#: a binding limit -> (why no deal can be signed, how to fix it)
_WHY: dict[str | None, tuple[str, str]] = {
    "risk": (
        "every such deal is riskier than one of its members tolerates",
        "lower the risk of some options, or raise a role's risk_tolerance",
    ),
    "red_lines": (
        "every such deal crosses one of its members' red lines",
        "drop a red line, or add an option that every required role can accept",
    ),
    "resources": (
        "every such deal costs one of its members more per round than it has",
        "lower some option costs, or give the roles more resources per round",
    ),
    None: (
        "risk, red lines and costs together rule out every deal",
        "add an option to each issue that the required roles can all accept",
    ),
}
