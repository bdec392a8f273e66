"""What a computer partner believes about the others on one project, from its own view.

An opponent model in the manner of the ANAC/GENIUS frequency models (the HardHeaded
agent's): a partner cannot see the others' points, but every deal on the table says
something about them, and that is all it reads:

* **the options a role puts forward** (its proposals and counters) are ones it likes;
  its first offers, made at its highest aspiration, weigh most, later ones less
  (``DECAY``), so what it gave up between two offers shows as a concession;
* **an issue it never moves on** between its offers matters to it; an issue it changes
  in a counter matters too, and the option it changed away from is one it dislikes;
* **a deal it accepts** tells a little: its options are good enough for it;
* **a refusal's public cause** tells most: "too risky" bounds its risk limit from above,
  "below our walk-away" says that deal (and, by the model, anything it values less) is
  not enough, "a red line" says one of those options is banned for it; what it can
  afford is public (its resources and commitments), so that is known exactly;
* **what exploring it found out** (its most important issue, its favourite option there).

The model is a pure function of the view (the deals, the public profiles, the partner's
own insights): a resumed, undone or replayed game decides exactly as the live one did.
Everything is numpy columns over the partner's own option space (``space.OptionSpace``),
so weighing every combination for every other role costs a few vector operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.bots.space import Combos, OptionSpace
from game.engine.acceptability import affordable_columns
from game.engine.deals import Amounts

#: how much less each later offer of a role counts than its previous one
DECAY = 0.6
#: what one acceptance of a deal counts, against a first offer's 1
ACCEPTED = 0.3
#: an issue's weight grows by this each time a role keeps its option between two offers
KEPT = 0.3
#: … and by this when a role changes it in a counter (it cared enough to change it)
CHANGED = 0.5
#: what exploring's "cares most about" adds to an issue's weight
MOST_IMPORTANT = 2.0
#: an option a red-line refusal may have been about is worth this share of its value
SUSPECT = 0.3
#: the most combinations weighed through one option matrix (larger: issue by issue)
MATRIX_ROWS = 20_000


@dataclass(frozen=True)
class Belief:
    """One other role, as the partner estimates it, over the option space's combinations."""

    role: str
    #: per combination: the role's estimated satisfaction, 0 (its worst) … 1 (its best)
    utility: np.ndarray
    #: per combination: nothing the role has shown rules it out (its resources, a risk it
    #: refused, a red line it named, a deal it refused as below its walk-away)
    possible: np.ndarray
    offers: int  # how many offers it made on this project
    #: how far it has come towards us: its first offer's estimated satisfaction for it
    #: less its latest one's (0 with fewer than two offers)
    conceded: float
    refusals: int = 0  # deals on this project it said no to for a reason the rule gave


#: what the model reads of one role on one project, all public but the hint: its offers
#: (each with the options of the deal it countered, if any), the deals it accepted (and
#: whether it proposed them), its refusals and their causes, what exploring it found out
#: (issue, option), and what it has left to pay per round
Facts = tuple[
    tuple[tuple[tuple[str, ...], tuple[str, ...] | None], ...],
    tuple[tuple[tuple[str, ...], bool], ...],
    tuple[tuple[str, tuple[str, ...]], ...],
    tuple[str | None, str | None] | None,
    Amounts,
]


def beliefs(view: dict[str, Any], project: dict[str, Any], space: OptionSpace) -> dict[str, Belief]:
    """The partner's belief about every other role that may join ``project``.

    Each belief is read from that role's facts alone (``Facts``) and kept with the
    project's combinations under them: the same facts give the same belief to whoever
    asks, in this game or another, so only a role that did something new is read again.
    """
    me = view["me"]["role"]
    profiles = {r["id"]: r for r in view["roles"]}
    eligible = [
        role for role in (project["open_to"] or list(profiles)) if role != me and role in profiles
    ]
    facts = _facts(view, project, eligible, profiles)
    combos = space.combos
    return {
        role: combos.reading(
            ("belief", role, facts[role]),
            lambda role=role: _belief(role, facts[role], project, combos),
        )
        for role in eligible
    }


def _facts(
    view: dict[str, Any],
    project: dict[str, Any],
    roles: list[str],
    profiles: dict[str, dict[str, Any]],
) -> dict[str, Facts]:
    """Every role's facts on the project, in one pass over the deals (in their order)."""
    offers: dict[str, list] = {role: [] for role in roles}
    accepts: dict[str, list] = {role: [] for role in roles}
    refusals: dict[str, list] = {role: [] for role in roles}
    terms: dict[int, tuple[str, ...]] = {}
    for deal in view["deals"]:
        if deal["project"] != project["id"]:
            continue
        options = terms[deal["number"]] = tuple(deal["options"])
        proposer = deal["proposer"]
        if proposer in offers:
            countered = terms.get(deal["counter_of"]) if deal["counter_of"] else None
            offers[proposer].append((options, countered))
        for role in deal["accepted"]:
            if role in accepts:
                accepts[role].append((options, role == proposer))
        for answer in deal["rejected"]:
            if answer["role"] in refusals:
                refusals[answer["role"]].append((answer["cause"], options))
    hints = _explored(view, project)
    facts: dict[str, Facts] = {}
    for role in roles:
        has = profiles[role]["resources_per_round"]
        promised = profiles[role]["committed_per_round"]
        free = Amounts(
            has["staff_time"] - promised["staff_time"], has["budget"] - promised["budget"]
        )
        hint = hints.get(role)
        facts[role] = (
            tuple(offers[role]),
            tuple(accepts[role]),
            tuple(refusals[role]),
            None if hint is None else (hint.get("issue"), hint.get("option")),
            free,
        )
    return facts


def _explored(view: dict[str, Any], project: dict[str, Any]) -> dict[str, dict[str, str]]:
    """What the partner's own explorations found: role -> {"issue": …, "option": …}."""
    found: dict[str, dict[str, str]] = {}
    for insight in view["me"]["insights"]:
        fact = insight.get("fact")
        if fact and fact.get("project") == project["id"]:
            found.setdefault(insight["about"], {}).update(
                {k: v for k, v in fact.items() if k in ("issue", "option") and v}
            )
    return found


def _belief(role: str, facts: Facts, project: dict[str, Any], space: Combos) -> Belief:
    offers, accepts, refusals, hint, free = facts
    index = space.index
    value = [np.zeros(len(ids)) for ids in space.ids]
    weight = np.ones(len(space.ids))
    for k, (options, countered) in enumerate(offers):
        for i, option in enumerate(options):
            value[i][index[i][option]] += DECAY**k
        if k:
            before = offers[k - 1][0]
            weight += KEPT * np.array([a == b for a, b in zip(before, options, strict=True)])
        if countered is not None:
            for i, (old, new) in enumerate(zip(countered, options, strict=True)):
                if old != new:
                    weight[i] += CHANGED
                    value[i][index[i][old]] -= DECAY**k
    for options, own in accepts:
        if not own:
            for i, option in enumerate(options):
                value[i][index[i][option]] += ACCEPTED
    if hint:
        issue, favourite = hint
        at = next((i for i, one in enumerate(space.issue_ids) if one == issue), None)
        if at is not None:
            weight[at] += MOST_IMPORTANT
            if favourite in index[at]:
                value[at][index[at][favourite]] += 1.0
    # refusals: what the role said no to, and why (the cause is public)
    risk_limit = None  # a risk it refused as too high
    suspects: list[set[tuple[int, int]]] = []
    below: list[tuple[str, ...]] = []
    refused: list[tuple[str, ...]] = []
    for cause, options in refusals:
        if cause == "too-risky":
            risk = _deal_risk(space, options)
            risk_limit = risk if risk_limit is None else min(risk_limit, risk)
        elif cause == "red-line":
            suspects.append({(i, index[i][o]) for i, o in enumerate(options)})
        elif cause == "below-walk-away":
            below.append(options)
        if cause and cause != "gain":
            refused.append(options)
    # an option it offered or accepted is on none of its red lines
    clean = {(i, index[i][o]) for options, _ in accepts for i, o in enumerate(options)}
    banned: set[tuple[int, int]] = set()
    for group in suspects:
        left = group - clean
        if len(left) == 1:
            banned |= left
        for i, k in left:
            value[i][k] -= SUSPECT * (1 + value[i][k])
    utility = _utility(space, value, weight)
    possible = _affordable(role, free, project, space).copy()
    if risk_limit is not None:
        possible &= space.risk < risk_limit
    for i, k in banned:
        possible &= space.picks[:, i] != k
    for options in refused:
        possible &= ~_matches(space, options)
    if below:  # at or under the most it refused as below its walk-away: refused again
        floor = max(_utility_of(utility, space, o) for o in below)
        possible &= utility > floor
    conceded = 0.0
    if len(offers) > 1:  # its first offer's estimated satisfaction less its latest's
        first, latest = offers[0][0], offers[-1][0]
        conceded = _utility_of(utility, space, first) - _utility_of(utility, space, latest)
    utility.flags.writeable = possible.flags.writeable = False  # shared: read, never changed
    return Belief(role, utility, possible, len(offers), conceded, len(refused))


def _utility(space: Combos, value: list[np.ndarray], weight: np.ndarray) -> np.ndarray:
    """Per combination: the weighted mean of each issue's option value, each issue's
    values stretched to 0 … 1 (an issue nothing is known of counts one half): one product
    of the space's option matrix with the options' weighted values."""
    parts = []
    for i, raw in enumerate(value):
        low, high = raw.min(), raw.max()
        scaled = (raw - low) / (high - low) if high > low else np.full(raw.size, 0.5)
        parts.append(weight[i] * scaled)
    if len(space.picks) > MATRIX_ROWS:  # a large (sampled) space: no matrix that big
        return sum(part[space.picks[:, i]] for i, part in enumerate(parts)) / weight.sum()
    return space.chosen() @ (np.concatenate(parts) / weight.sum())


def _affordable(role: str, free: Amounts, project: dict[str, Any], space: Combos) -> np.ndarray:
    """Per combination: the role can pay its share per round, as its public resources and
    commitments say (the one rule's *cannot sign* for resources, read from outside)."""
    key = ("afford", role, free)
    if key not in space.kept:
        staff, budget = space.costs(role, project)
        space.kept[key] = affordable_columns(staff, budget, free)
    return space.kept[key]


def _matches(space: Combos, options) -> np.ndarray:
    mask = np.zeros(len(space.picks), dtype=bool)
    mask[space.rows_of(options)] = True
    return mask


def _utility_of(utility: np.ndarray, space: Combos, options) -> float:
    hit = space.rows_of(options)
    return float(utility[hit[0]]) if hit.size else 0.0


def _deal_risk(space: Combos, options) -> int:
    hit = space.rows_of(options)
    return int(space.risk[hit[0]]) if hit.size else 99
