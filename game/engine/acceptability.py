"""One rule for "would sign" (SPEC §4): whether a role can sign a deal, and whether it should.

Every question of the kind "would this role sign this deal?" is answered here and nowhere
else: the rules (which refuse only what a role *cannot* sign), the computer partners, the
perspective exercises' answer key, the analyser's counts and its best and Nash deals, the
missed-deals page, the report and the written agreements. docs/scoring.md states the rule
with worked examples that tests recompute.

A verdict is one of three:

* **cannot sign** — the deal crosses one of the role's red lines; it costs more per round
  than the role has left after what its agreements already commit; or an option needs a
  role that is not signing (it left the deal, or said no);
* **should not sign** — its points (with the unanimity bonus where one applies) are below
  its walk-away value as events have left it; or the deal's risk (its riskiest option's,
  one less for a pilot: ``deals.effective_risk``) is above the risk the role tolerates.
  A human team may still sign knowingly: its own screen warns it first, and the risk
  score counts the cost;
* **worth signing** — otherwise; its *gain* is its points less its walk-away value.

The checks run in that order and the first that applies decides, so every verdict names
the one issue and option that decided it (``Verdict.issue``, ``Verdict.option``). The
rule reads a role's own position (``Position``: what its brief and the state say of it, or
what its own view says — the two readers give the same position) and the public terms of
the deal; it never needs another role's secrets. ``kinds`` is the same rule over numpy
columns of many deals at once, for the analyser and the computer partners' option spaces;
a test holds it equal to ``judge`` deal by deal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from game.engine.deals import Amounts, chosen_options, trial_risk, uncommitted, walk_away
from game.engine.memo import Kept, roles_by_id
from game.engine.state import GameState
from game.scenario.model import Option, Project, Scenario

Kind = Literal["cannot sign", "should not sign", "worth signing"]
CANNOT: Kind = "cannot sign"
SHOULD_NOT: Kind = "should not sign"
WORTH: Kind = "worth signing"

#: what decided a verdict; each names its own issue and option
Cause = Literal[
    "red-line", "resources", "absent-role", "below-walk-away", "too-risky", "gain"
]  # fmt: skip

#: ``kinds`` codes, in the order of the verdicts' strength
CODE_CANNOT, CODE_SHOULD_NOT, CODE_WORTH = 0, 1, 2


@dataclass(frozen=True)
class Position:
    """What one role knows of its own side of one project: its brief and its table."""

    role: str
    project: str
    points: Mapping[str, Mapping[str, int]]  # issue id -> option id -> its points
    walk_away: int  # as events have left it
    risk_tolerance: int
    red_lines: tuple[tuple[str, str, str], ...]  # (issue, option, the brief's reason)
    free: Amounts  # staff time and budget per round not yet promised to agreements

    @property
    def line_map(self) -> dict[tuple[str, str], str]:
        """(issue, option) -> the red line's reason."""
        return _brief_parts.get(("lines", self.red_lines), None, lambda: {
            (issue, option): reason for issue, option, reason in self.red_lines
        })  # fmt: skip

    @property
    def favourites(self) -> dict[str, int]:
        """Each issue's most points for the role: what a deal's option is held against."""
        return _brief_parts.get(("best", id(self.points)), self.points, lambda: {
            issue: max(table.values()) for issue, table in self.points.items()
        })  # fmt: skip


#: a brief's fixed parts as the rule reads them, many times a turn (a brief never changes)
_brief_parts = Kept(512)
#: each deal's signing rule: the same deals are weighed again and again
_signing_rules = Kept(4096)


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    cause: Cause
    points: int  # its points from the deal, the bonus included
    walk_away: int
    risk: int  # the deal's risk
    issue: str | None = None  # the issue whose option decided the verdict
    option: str | None = None
    detail: str = ""  # a red line's reason (the role's own secret), or the missing role
    need: Amounts | None = None  # a deal it cannot afford: what it would pay per round
    free: Amounts | None = None  # … and what it has left
    risk_tolerance: int = 0  # the role's own: for its own screen, never for another's

    @property
    def gain(self) -> int:
        return self.points - self.walk_away

    @property
    def signable(self) -> bool:
        """The rules allow it to sign (it may still be a bad idea)."""
        return self.kind != CANNOT

    @property
    def worth(self) -> bool:
        return self.kind == WORTH


def position_in_state(
    state: GameState, role: str, project: Project, *, with_walk_away: bool = True
) -> Position:
    """The role's position from the full state (the rules', the analyser's reading).

    ``with_walk_away=False`` leaves the walk-away at 0, for ``cannot_sign``, which never
    reads it: the rules ask it for every deal a computer partner weighs."""
    brief = roles_by_id(state.scenario)[role].brief
    return Position(
        role=role,
        project=project.id,
        points=brief.points[project.id],
        walk_away=walk_away(state, role, project) if with_walk_away else 0,
        risk_tolerance=brief.risk_tolerance,
        red_lines=_lines(brief.red_lines, project.id),
        free=uncommitted(state, role),
    )


def position_at_start(scenario: Scenario, role: str, project: Project) -> Position:
    """The role's position before the game begins: the file's walk-away and resources,
    nothing committed (the analyser's and the authoring checks' reading)."""
    definition = scenario.role(role)
    return Position(
        role=role,
        project=project.id,
        points=definition.brief.points[project.id],
        walk_away=scenario.walk_away(role, project),
        risk_tolerance=definition.brief.risk_tolerance,
        red_lines=_lines(definition.brief.red_lines, project.id),
        free=Amounts(definition.resources.staff_time, definition.resources.budget),
    )


def position_in_view(view: Mapping[str, Any], project_id: str) -> Position:
    """The viewing role's position from its own view (``views.view_for``): what a team's
    screen and a computer partner read. Equal to ``position_in_state`` for the same role."""
    me = view["me"]
    free = me["uncommitted_per_round"]
    return Position(
        role=me["role"],
        project=project_id,
        points=me["points"][project_id],
        walk_away=me["walk_away"][project_id],
        risk_tolerance=me["risk_tolerance"],
        red_lines=_lines(me["red_lines"], project_id),
        free=Amounts(free["staff_time"], free["budget"]),
    )


def _lines(lines: Any, project_id: str) -> tuple[tuple[str, str, str], ...]:
    def field(line: Any, name: str) -> str:
        return line[name] if isinstance(line, Mapping) else getattr(line, name)

    def read() -> tuple[tuple[str, str, str], ...]:
        return tuple(
            (field(line, "issue"), field(line, "option"), field(line, "reason"))
            for line in lines
            if field(line, "project") == project_id
        )

    return _brief_parts.get(("read", id(lines), project_id), lines, read)


@dataclass(frozen=True)
class SigningRule:
    """What a deal needs to be signed: ``needed`` of its ``of`` participants' signatures,
    those of ``must`` among them (required roles, veto holders, roles its options need)."""

    needed: int
    of: int
    must: tuple[str, ...]

    @property
    def can_end_unanimous(self) -> bool:
        """Whether the deal can be signed by every participant: it signs at the quorum's
        last yes, so only if the quorum is the whole group, or a role whose signature
        must come (a required role, a veto, a role an option needs) can answer last."""
        return self.needed >= self.of or bool(self.must)

    def signs_with(self, accepted: Iterable[str]) -> bool:
        """Whether these acceptances sign the deal (``rules._settle`` signs by this)."""
        yes = set(accepted)
        return len(yes) >= self.needed and set(self.must) <= yes


def signing_rule(project: Project, participants: tuple[str, ...], options) -> SigningRule:
    """The one statement of when a deal signs: the rules sign by it, the table shows it."""
    key = (id(project), tuple(participants), tuple(options))
    return _signing_rules.get(
        key, project, lambda: _signing_rule(project, tuple(participants), tuple(options))
    )


def _signing_rule(project: Project, participants: tuple[str, ...], options) -> SigningRule:
    rule = project.approval
    wanted = {*rule.required, *rule.vetoes, *needed_roles(project, tuple(options))}
    must = tuple(role for role in participants if role in wanted)
    return SigningRule(rule.quorum or len(participants), len(participants), must)


def bonus_in_reach(
    project: Project,
    participants: Iterable[str],
    options: tuple[str, ...],
    said_no: Iterable[str],
    accepted: Iterable[str] | None = None,
    answering: str | None = None,
) -> int:
    """The unanimity bonus a deal may still bring to a role weighing it: none once anyone
    has said no; none if the deal cannot end unanimous (``SigningRule.can_end_unanimous``);
    and for a role answering it (``answering``, with those who ``accepted`` before), none
    if its yes signs the deal while others have not answered. The rules, the partners,
    the answer key, a team's screen and the analyser all count it so."""
    if any(True for _ in said_no):
        return 0
    group = tuple(participants)
    rule = signing_rule(project, group, tuple(options))
    if not rule.can_end_unanimous:
        return 0
    if answering is not None:
        yes = {*(accepted or ()), answering}
        if rule.signs_with(yes) and yes != set(group):
            return 0  # signed by this yes, before the rest: not unanimous
    return project.approval.unanimity_bonus


def needed_roles(project: Project, options: tuple[str, ...]) -> tuple[str, ...]:
    """The roles the deal's options rely on (their ``cost_for``), in the options' order:
    a deal signs only when each of them has accepted it."""

    def read() -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for option in chosen_options(project, options):
            for role in option.cost_for:
                seen.setdefault(role)
        return tuple(seen)

    return _brief_parts.get(("needs", id(project), tuple(options)), project, read)


@dataclass(frozen=True)
class _Reading:
    """One pass over a deal's chosen options for one role: what the rule reads."""

    chosen: list[Option]
    score: int  # points, the bonus included
    staff: int
    budget: int
    paid: list[tuple[int, int]]  # each option's (staff, budget) for the role
    riskiest: int | None  # the option with the highest written risk
    level: int  # the deal's risk: the riskiest option's, one less for a pilot
    crossed: int | None  # the first option on one of the role's red lines


def read_terms(position: Position, project: Project, options: tuple[str, ...], bonus: int = 0):
    """One pass over the deal's options for the role: what the rule reads (the deal
    builder shows the same reading)."""
    chosen = chosen_options(project, options)
    issues = project.issues
    role, points, lines = position.role, position.points, position.line_map
    score, staff, budget = bonus, 0, 0
    riskiest, written, pilot, crossed = None, -1, False, None
    paid: list[tuple[int, int]] = []
    for at, option in enumerate(chosen):  # one pass: points, cost, risk, red lines
        issue_id = issues[at].id
        score += points[issue_id][option.id]
        price = option.cost_for.get(role, option.cost)
        paid.append((price.staff_time, price.budget))
        staff += price.staff_time
        budget += price.budget
        if option.risk > written:
            riskiest, written = at, option.risk
        pilot = pilot or "pilot" in option.flags
        if crossed is None and lines and (issue_id, option.id) in lines:
            crossed = at
    level = trial_risk(max(0, written), pilot)  # a pilot runs one less risk (deals.py)
    return _Reading(chosen, score, staff, budget, paid, riskiest, level, crossed)


def _verdict(position, project, read: _Reading, kind: Kind, cause: Cause, at, **more):
    issue = project.issues[at].id if at is not None else None
    option = read.chosen[at].id if at is not None else None
    return Verdict(
        kind, cause, read.score, position.walk_away, read.level, issue, option,
        risk_tolerance=position.risk_tolerance, **more,
    )  # fmt: skip


def _cannot(position: Position, project: Project, read: _Reading, signing) -> Verdict | None:
    """The first *cannot sign* check that applies, or None."""
    if read.crossed is not None:
        at = read.crossed
        detail = position.line_map[(project.issues[at].id, read.chosen[at].id)]
        return _verdict(position, project, read, CANNOT, "red-line", at, detail=detail)
    free = position.free
    short_staff = read.staff > 0 and read.staff > free.staff_time
    short_budget = read.budget > 0 and read.budget > free.budget
    if short_staff or short_budget:  # what a deal does not ask for is never short
        which = 0 if short_staff else 1
        at = max(range(len(read.paid)), key=lambda i: read.paid[i][which])
        need = Amounts(read.staff, read.budget)
        return _verdict(position, project, read, CANNOT, "resources", at, need=need, free=free)
    if signing is not None:
        present = set(signing)
        for at, option in enumerate(read.chosen):
            missing = next((r for r in option.cost_for if r not in present), None)
            if missing is not None:
                return _verdict(position, project, read, CANNOT, "absent-role", at,
                                detail=missing)  # fmt: skip
    return None


def cannot_sign(
    position: Position,
    project: Project,
    options: tuple[str, ...],
    signing: Iterable[str] | None = None,
) -> Verdict | None:
    """``judge``'s verdict if it is *cannot sign*, else None: all the rules refuse on (and
    they ask it for every deal a computer partner weighs, so it stops there)."""
    return _cannot(position, project, read_terms(position, project, options, 0), signing)


def judge(
    position: Position,
    project: Project,
    options: tuple[str, ...],
    signing: Iterable[str] | None = None,
    bonus: int = 0,
) -> Verdict:
    """The verdict of ``position``'s role on the deal (``options``, one per issue).

    ``signing``: the roles that may still sign it (its participants less those that said
    no); None skips the check of the roles the options need. ``bonus``: the unanimity
    bonus, where the deal would be signed by every participant.
    """
    read = read_terms(position, project, options, bonus)
    refused = _cannot(position, project, read, signing)
    if refused is not None:
        return refused
    if read.score < position.walk_away:
        at = _costliest_choice(position, project.issues, read.chosen)
        return _verdict(position, project, read, SHOULD_NOT, "below-walk-away", at)
    if read.level > position.risk_tolerance:
        return _verdict(position, project, read, SHOULD_NOT, "too-risky", read.riskiest)
    at = _costliest_choice(position, project.issues, read.chosen)
    return _verdict(position, project, read, WORTH, "gain", at)


def _costliest_choice(position: Position, issues, chosen: list[Option]) -> int:
    """The issue where the deal's option costs the role most against its favourite there
    (the first such issue on a tie): what a counter would change first."""
    best, points = position.favourites, position.points
    lost = [best[issue.id] - points[issue.id][option.id] for issue, option in
            zip(issues, chosen, strict=True)]  # fmt: skip
    return lost.index(max(lost))


def kinds(
    *,
    points: np.ndarray,
    walk_away: int | np.ndarray,
    risk: np.ndarray,
    risk_tolerance: int,
    staff: np.ndarray,
    budget: np.ndarray,
    free: Amounts,
    clean: np.ndarray,
    present: np.ndarray | None = None,
) -> np.ndarray:
    """``judge`` over columns of deals at once: a ``CODE_*`` per deal.

    ``points`` include any bonus; ``clean``: no red line crossed; ``present``: every role
    the options need is signing (None: not checked, as ``judge`` with ``signing=None``).
    """
    cannot = _cannot_columns(staff, budget, free, clean, present)
    should_not = (points < walk_away) | (risk > risk_tolerance)
    return np.where(cannot, CODE_CANNOT, np.where(should_not, CODE_SHOULD_NOT, CODE_WORTH))


def worth_columns(
    *,
    points: np.ndarray,
    walk_away: int | np.ndarray,
    risk: np.ndarray,
    risk_tolerance: int,
    staff: np.ndarray,
    budget: np.ndarray,
    free: Amounts,
    clean: np.ndarray,
    present: np.ndarray | None = None,
) -> np.ndarray:
    """``kinds(...) == CODE_WORTH``, in fewer steps (a computer partner asks it every
    turn): the deals the role is worth signing."""
    worth = ~_cannot_columns(staff, budget, free, clean, present)
    worth &= points >= walk_away
    worth &= risk <= risk_tolerance
    return worth


def _cannot_columns(
    staff: np.ndarray,
    budget: np.ndarray,
    free: Amounts,
    clean: np.ndarray,
    present: np.ndarray | None,
) -> np.ndarray:
    """``judge``'s *cannot sign* over columns: a red line, a resource the deal asks more
    of than the role has left (a resource it does not ask for is never short), or a
    needed role not signing."""
    cannot = ~clean | ~affordable_columns(staff, budget, free)
    if present is not None:
        cannot |= ~present
    return cannot


def affordable_columns(staff: np.ndarray, budget: np.ndarray, free: Amounts) -> np.ndarray:
    """Per deal: the role can pay what it asks per round (``judge``'s resource check over
    columns): a resource the deal does not ask for is never short, one it asks for must
    be left uncommitted. A computer partner reads the others' by this from their public
    resources."""
    return ((staff == 0) | (staff <= free.staff_time)) & ((budget == 0) | (budget <= free.budget))


# -- the answer key -------------------------------------------------------------------------

Answer = Literal["cannot sign", "would refuse", "holds out for more", "accepts"]
ANSWER_CANNOT: Answer = "cannot sign"
ANSWER_REFUSES: Answer = "would refuse"
ANSWER_HOLDS_OUT: Answer = "holds out for more"
ANSWER_ACCEPTS: Answer = "accepts"
ANSWERS: tuple[Answer, ...] = (ANSWER_CANNOT, ANSWER_REFUSES, ANSWER_HOLDS_OUT, ANSWER_ACCEPTS)
#: a prediction about a deal that closed before its partner answered
NO_ANSWER = "did not answer"


def answer_of(verdict: Verdict, *, satisfied: bool) -> Answer:
    """How a role answers a deal: the rule's verdict, then (only for a deal worth signing)
    whether it is satisfied or holds out for more. A computer partner is satisfied when the
    deal reaches its aspiration (``bots.personality``); a team's real answer says it."""
    if verdict.kind == CANNOT:
        return ANSWER_CANNOT
    if verdict.kind == SHOULD_NOT:
        return ANSWER_REFUSES
    return ANSWER_ACCEPTS if satisfied else ANSWER_HOLDS_OUT


# -- what the verdict says: one sentence that names the issue and option ----------------------


def decided_by(verdict: Verdict, project: Project) -> tuple[str, str] | None:
    """The (issue title, option label) that decided the verdict, if one did."""
    for issue in project.issues:
        if issue.id == verdict.issue:
            for option in issue.options:
                if option.id == verdict.option:
                    return issue.title, option.label
    return None


def reason_sentence(
    verdict: Verdict, project: Project, name_of: Mapping[str, str], *, satisfied: bool = True
) -> str:
    """The role's reason, in its own voice ("we"), with public figures only: the option
    and issue that decided, the deal's risk, the public resources. Never its points,
    walk-away, risk tolerance, nor a red line's own words: the proposer may read it."""
    answer = answer_of(verdict, satisfied=satisfied)
    where = decided_by(verdict, project)
    choice = f"“{where[1]}” ({where[0]})" if where else "This deal"
    if answer == ANSWER_ACCEPTS:
        return "It serves us well enough, and better than no deal."
    if answer == ANSWER_HOLDS_OUT:
        return f"{choice} gives us too little yet; we hope for a better offer."
    match verdict.cause:
        case "red-line":
            return f"{choice} crosses one of our red lines."
        case "resources":
            need, free = verdict.need or Amounts(0, 0), verdict.free or Amounts(0, 0)
            return (
                f"{choice} costs more than we have left: the deal asks {need.staff_time} staff "
                f"time and {need.budget} budget a round of us, and we have "
                f"{max(0, free.staff_time)} and {max(0, free.budget)} uncommitted."
            )
        case "absent-role":
            return f"{choice} needs {name_of.get(verdict.detail, verdict.detail)} to sign."
        case "below-walk-away":
            return f"{choice} leaves us with less than we have without a deal."
        case "too-risky":
            return f"{choice} makes the deal too risky for us (risk {verdict.risk})."
    return "This deal does not work for us."
