"""Win-win, risk and innovation: 0-100 each, for every agreement, role and the table.

Every score comes with its reason in words the debrief can show. The formulas, with worked
examples that tests recompute, are in docs/scoring.md; in short:

* **win-win** — 0 if any member ends below its walk-away value (win-lose, the loser named);
  otherwise the mean of *fairness* (the smallest member's share of the gain it could have
  had) and *efficiency* (the share of the best total gain the table reached on that
  project: ``missed.measure``, the one measure every screen and report says).
* **risk** — healthy risk scores high: something at stake (a deal risk above 0) within
  every member's tolerance. Nothing at stake, beyond a member's tolerance, a member
  promising more than it has, one partner in most of the library's agreements, or too
  many new agreements at once score lower; an agreement that failed a risk test scores 10.
* **innovation** — the needed competencies covered together though no member covers them
  alone; members from different sectors (all three: the triple helix); options that are
  new or take a partner out of its usual role; user needs found by consulting users.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import deals
from game.engine.state import Agreement, GameState
from game.scenario.model import Project
from game.scoring.missed import Missed, measure
from game.scoring.value import member_value


@dataclass(frozen=True)
class Axis:
    score: int  # 0-100
    reason: str


@dataclass(frozen=True)
class AgreementScore:
    project: str
    members: tuple[str, ...]
    win_win: Axis
    risk: Axis
    innovation: Axis


@dataclass(frozen=True)
class Scores:
    """Everything the debrief shows."""

    agreements: tuple[AgreementScore, ...]
    roles: dict[str, dict[str, Axis]]  # role -> axis name -> score
    table: dict[str, Axis]
    individual: dict[str, int]  # each role's own points over all projects


AXES = ("win_win", "risk", "innovation")


def _percent(value: float) -> int:
    return max(0, min(100, round(100 * value)))


def win_win(state: GameState, agreement: Agreement) -> Axis:
    """Win-lose (0, the loser named) or the mean of fairness and efficiency, both from the
    one measure of what the project gave the table (``missed.measure``)."""
    scenario = state.scenario
    measured = measure(state, agreement.project, agreement)
    if measured.losers:
        loser = measured.losers[0]
        project = scenario.project(agreement.project)
        value = member_value(state, agreement, loser)
        return Axis(
            0,
            f"win-lose: {scenario.role(loser).name} gets {value}, below the "
            f"{deals.walk_away(state, loser, project)} it has without this deal; "
            + reached_words(measured, agreement.active),
        )
    members = list(agreement.members)
    shares = {
        role: 1.0 if measured.own_best[role] <= 0
        else measured.gains[role] / measured.own_best[role]
        for role in members
    }  # fmt: skip
    weakest = min(members, key=lambda role: shares[role])
    fairness = min(1.0, shares[weakest])
    best = measured.possible
    efficiency = 1.0 if best <= 0 else min(1.0, measured.reached / best)
    score = _percent((fairness + efficiency) / 2)
    # the verdict and whom it means, what the table reached, then who gained least: the
    # order a screen with little room cuts from the end
    reasons = ["every member gains"]
    if measured.left_out:
        reasons.append(f"left out: {', '.join(scenario.role(r).name for r in measured.left_out)}")
    reasons += [
        reached_words(measured, agreement.active),
        f"the one gaining least, {scenario.role(weakest).name}, has "
        f"{_percent(fairness)}% of what it could",
    ]
    return Axis(score, "; ".join(reasons))


def reached_words(measured: Missed, held: bool = True) -> str:
    """What the table reached on the project, as the scores say it (the report and the
    screens say it again as the one measure's share). An agreement a risk test broke
    *would have* reached it: the table has what it had without it (the missed deals)."""
    points = f"{measured.reached} of the {measured.possible} points of gain possible"
    if not held:
        return f"had it held, the table would have reached {points}"
    return f"the table reached {points}"


def risk(state: GameState, agreement: Agreement) -> Axis:
    scenario = state.scenario
    project = scenario.project(agreement.project)
    if not agreement.active:
        return Axis(10, f"it failed when tested ({agreement.failure})")
    score, reasons = _stake(state, agreement, project)
    for role in agreement.members:
        if not deals.per_round(state, role).covers(deals.committed(state, role)):
            score -= 30
            reasons.append(f"{scenario.role(role).name} has promised more than it has")
            break
    changes = too_many_changes(state, agreement)
    if changes:
        score -= 20
        reasons.append(CHANGES_REASONS[changes])
    monopoly = _monopolist(state)
    if monopoly and monopoly in agreement.members:
        score -= 20
        reasons.append(f"{scenario.role(monopoly).name} is in most of the library's agreements")
    return Axis(max(0, min(100, score)), "; ".join(reasons))


def _stake(state: GameState, agreement: Agreement, project: Project) -> tuple[int, list[str]]:
    """The starting score: is something at stake, and within what every member tolerates?

    "Nothing at stake" is read from the options as written; the tolerance is compared
    with the effective level, so a pilot (one less) can bring a deal within a cautious
    member's limits.
    """
    scenario = state.scenario
    written = deals.risk(project, agreement.deal.options)
    level = deals.effective_risk(project, agreement.deal.options)
    tolerances = {role: scenario.role(role).brief.risk_tolerance for role in agreement.members}
    timid = min(agreement.members, key=lambda role: tolerances[role])
    if written == 0:
        return 20, ["nothing is at stake"]
    pilot = f"{level} as a pilot" if level < written else ""
    if level <= tolerances[timid]:
        said = f"risk {written}, {pilot}" if pilot else f"risk {written}"
        return 100, [f"something real is at stake ({said}), within every partner's limits"]
    said = f"risk {written} ({pilot})" if pilot else f"risk {written}"
    return max(10, 100 - 20 * (level - tolerances[timid])), [
        f"{said} is beyond what {scenario.role(timid).name} tolerates"
    ]


#: why a member makes too many changes at once (``too_many_changes``), as risk() says it
CHANGES_REASONS = {
    "same-round": "too many changes at once: several agreements signed in one round",
    "after-permanent": (
        "too many changes at once: a permanent agreement signed the round before is still "
        "settling in"
    ),
}


def too_many_changes(state: GameState, agreement: Agreement) -> str | None:
    """Whether a member of this agreement makes too many changes at once, and why:
    ``"same-round"``, ``"after-permanent"`` or None (the written agreements say it too).

    A member's changes in a round are the agreements it signs in that round, and each of
    its permanent agreements (an option flagged ``permanent``) signed the round before: a
    change for good takes a round longer to settle. Two or more changes in the round this
    agreement was signed are too many ("there has to be some stability").
    """
    members = set(agreement.members)
    same_round = [
        a for a in state.agreements if a.round == agreement.round and members & set(a.members)
    ]
    if len(same_round) >= 2:
        return "same-round"
    settling = any(
        a.round == agreement.round - 1 and members & set(a.members) and _permanent(state, a)
        for a in state.agreements
    )
    return "after-permanent" if settling else None


def _permanent(state: GameState, agreement: Agreement) -> bool:
    project = state.scenario.project(agreement.project)
    chosen = deals.chosen_options(project, agreement.deal.options)
    return any("permanent" in option.flags for option in chosen)


def _monopolist(state: GameState) -> str | None:
    """A partner in more than half of the library's agreements (of two or more)."""
    library = [r.id for r in state.scenario.roles if r.kind == "librarian"]
    if not library:
        return None
    mine = [a for a in state.agreements if library[0] in a.members]
    if len(mine) < 2:
        return None
    for role in state.scenario.roles:
        if role.id != library[0] and sum(role.id in a.members for a in mine) * 2 > len(mine):
            return role.id
    return None


def innovation(state: GameState, agreement: Agreement) -> Axis:
    scenario = state.scenario
    project = scenario.project(agreement.project)
    members = agreement.members
    needs = set(project.needs)
    skills = {role: set(_competencies(state, role)) for role in members}
    covered = needs & set().union(*skills.values()) if needs else set()
    coverage = len(covered) / len(needs) if needs else 1.0
    alone = any(needs <= skills[role] for role in members) if needs else True
    sectors = {scenario.role(role).sector for role in members}
    chosen = deals.chosen_options(project, agreement.deal.options)
    new_things = sum(1 for o in chosen if {"novel", "outside-usual-role"} & set(o.flags))
    novelty = new_things / len(chosen)
    users, users_reason = _users(state, agreement, project)
    score = _percent(
        0.35 * coverage * (0.5 if alone else 1.0)
        + 0.25 * (len(sectors) - 1) / 2
        + 0.2 * novelty
        + 0.2 * users
    )
    reasons = [
        f"together they cover {len(covered)} of the {len(needs)} competencies needed"
        + (" (one partner could have done it alone)" if alone and needs else ""),
        "civic, public and market together: the triple helix"
        if len(sectors) == 3
        else f"{len(sectors)} sector{'s' * (len(sectors) != 1)}",
        f"{new_things} of {len(chosen)} choices are new or outside a partner's usual role",
        users_reason,
    ]
    return Axis(score, "; ".join(reasons))


def _users(state: GameState, agreement: Agreement, project: Project) -> tuple[float, str]:
    """The users term: 1 for a need found by consulting users and met by the deal; else
    0.5 for an option users shape (flagged ``user-led``) when a member consulted users on
    the project — users who were asked can lead — and 0 otherwise."""
    found = _needs_met(state, agreement, project)
    if found:
        return 1.0, f"it meets a need users told them about: {found[0]}"
    if _consulted(state, agreement, project):
        chosen = deals.chosen_options(project, agreement.deal.options)
        led = [o.label for o in chosen if "user-led" in o.flags]
        if led:
            return 0.5, f"users they consulted shape it: {led[0]}"
    return 0.0, "no user need found by consulting users is met"


def _competencies(state: GameState, role: str) -> tuple[str, ...]:
    return (*state.scenario.role(role).competencies, *state.role_state(role).gained)


def _consulted(state: GameState, agreement: Agreement, project: Project) -> bool:
    return any(project.id in state.role_state(role).consulted for role in agreement.members)


def _needs_met(state: GameState, agreement: Agreement, project: Project) -> list[str]:
    if not _consulted(state, agreement, project):
        return []
    chosen = {
        f"{issue.id}.{option}"
        for issue, option in zip(project.issues, agreement.deal.options, strict=True)
    }
    return [need.text for need in project.user_needs if chosen & set(need.served_by)]


def score_agreement(state: GameState, agreement: Agreement) -> AgreementScore:
    return AgreementScore(
        agreement.project,
        agreement.members,
        win_win(state, agreement),
        risk(state, agreement),
        innovation(state, agreement),
    )


def individual(state: GameState, role: str) -> int:
    """A role's own points: its deal's value where it signed, its walk-away elsewhere."""
    total = 0
    for project in state.scenario.eligible_projects(role):
        agreement = state.agreement_for(project.id)
        if agreement is not None and agreement.active and role in agreement.members:
            total += member_value(state, agreement, role)
        else:
            total += deals.walk_away(state, role, project)
    return total


def perspective(state: GameState, role: str) -> Axis | None:
    """The mean score of a role's perspective-taking predictions, if it made any."""
    predictions = [p for p in state.role_state(role).predictions if p.score is not None]
    if not predictions:
        return None
    right = sum(p.score for p in predictions) / len(predictions)
    return Axis(
        round(right),
        f"the mean of {len(predictions)} prediction{'s' * (len(predictions) != 1)} about "
        "partners, scored against what they really wanted",
    )


def score_game(state: GameState) -> Scores:
    scored = tuple(score_agreement(state, a) for a in state.agreements)
    roles: dict[str, dict[str, Axis]] = {}
    for role in state.scenario.roles:
        mine = [s for s in scored if role.id in s.members]
        roles[role.id] = {
            axis: _mean([getattr(s, axis) for s in mine], f"{role.name} signed no agreement")
            for axis in AXES
        }
    projects = len(state.scenario.projects)
    table = {}
    for axis in AXES:
        values = [getattr(s, axis).score for s in scored]
        unsigned = projects - len({s.project for s in scored})
        score = round(sum(values) / projects) if projects else 0
        table[axis] = Axis(
            score,
            f"the mean over {projects} project{'s' * (projects != 1)}"
            + (f", {unsigned} left unsigned (scored 0)" if unsigned else ""),
        )
    return Scores(
        scored, roles, table, {r.id: individual(state, r.id) for r in state.scenario.roles}
    )


def _mean(axes: list[Axis], nothing: str) -> Axis:
    if not axes:
        return Axis(0, nothing)
    return Axis(
        round(sum(a.score for a in axes) / len(axes)),
        f"the mean of {len(axes)} agreement{'s' * (len(axes) != 1)}",
    )
