"""A computer partner: one role's decisions, from that role's view and nothing else.

It answers the deals that name it, proposes deals that serve it, and otherwise explores,
consults users, communicates or passes. Every refusal carries one sentence with the real
reason (a red line, below its walk-away value, too risky, more than it can give, or not
enough yet), because a partner who refuses without a reason teaches nothing.

How it negotiates, in the manner of the ANAC agents:

* it reads the others through an opponent model (``model.beliefs``): a pure function of
  what its view shows, so a resumed or replayed game decides as the live one did;
* its offers trade across issues: at its aspiration (which falls with the rounds, by its
  personality) it picks, of the combinations that serve it, the one the others are
  estimated to like best — near the estimated Pareto frontier — and never one a partner
  has refused for a reason that still holds, nor one worth less to a partner than what
  it already refused as below its walk-away;
* it accepts an offer that beats what it expects to reach later, unless the proposer
  takes far more than it leaves (a squeezing proposer gets nothing for waiting);
* it knows when the game ends: in the last round, and for a deal about to expire that its
  own signature would sign, a deal worth signing is enough; it makes no offer that nobody
  is left to answer.

The answer key (``expect``) says what it will answer, by the one rule
(``acceptability.judge``) and the same test of "enough" that ``answer`` acts on.

Its randomness is seeded by (game seed, role, number of actions so far): the same game
gives the same decisions, and a resumed game decides as the uninterrupted one would.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.bots.model import Belief, beliefs
from game.bots.personality import Personality, aspiration_share
from game.bots.space import OptionSpace, best_points, option_space
from game.engine import actions as act
from game.engine.acceptability import (
    ANSWER_ACCEPTS,
    ANSWER_CANNOT,
    Answer,
    SigningRule,
    Verdict,
    answer_of,
    reason_sentence,
    signing_rule,
    worth_columns,
)
from game.engine.deals import Amounts
from game.engine.ownview import eligible, judge_in_view, project_model, project_of

View = dict[str, Any]
Legal = Callable[[act.Action], bool]

#: offers tried per decision, best first, until one is legal
TRIED = 12
#: a newcomer is invited beyond the fewest the rule wants only if it is estimated at least
#: this satisfied by something: a role nothing is known of counts one half, so only one whose
#: offers show what it likes
WELCOME = 0.52
#: a share of our room that is fair whatever the proposer takes
FAIR_SHARE = 0.15


@dataclass(frozen=True)
class Decision:
    action: act.Action
    why: str  # the real reason, in one sentence


@dataclass(frozen=True)
class Room:
    """The partner's room on a project: its walk-away value and the best it could have
    (the unanimity bonus included); shares of the room are what personalities ask for."""

    walk: int
    best: int

    def share(self, points: int) -> float:
        span = self.best - self.walk
        return (points - self.walk) / span if span > 0 else 1.0

    def points(self, share: float) -> float:
        return self.walk + max(0, self.best - self.walk) * share


class ComputerPartner:
    def __init__(self, role: str, personality: Personality, seed: int):
        self.role = role
        self.personality = personality
        self.seed = seed
        # a whole number per (game, role): seeding from a number is ten times faster than
        # from a text, and a decision's generator is made afresh for every turn
        digest = hashlib.sha256(f"{seed}:{role}".encode()).digest()
        self._stream = int.from_bytes(digest[:8], "big") << 20
        #: project -> (the view, the beliefs read from it): one decision's
        self._believed: dict[str, tuple[View, dict[str, Belief]]] = {}

    def decide(self, view: View, legal: Legal) -> Decision:
        """The partner's main action for its turn (the view must be its own)."""
        if view["viewer"] != self.role:
            raise ValueError(f"{self.role} was shown the view of {view['viewer']}")
        rng = random.Random(self._stream + view["actions_taken"])
        waiting = self._awaiting(view)
        if waiting:  # one answer a turn: the deal most worth answering first
            return self._answer_one(view, waiting, legal, rng)
        for decision in self._proposals(view, legal, rng):
            return decision
        return self._other(view, legal, rng)

    # -- what it wants ----------------------------------------------------------------------

    def best_points(self, view: View, project_id: str) -> int:
        return best_points(self.role, view["me"], project_of(view, project_id))

    def room(self, view: View, project_id: str) -> Room:
        bonus = project_of(view, project_id)["approval"]["unanimity_bonus"]
        return Room(view["me"]["walk_away"][project_id], self.best_points(view, project_id) + bonus)

    def aspiration(self, view: View, project_id: str, round_number: int | None = None) -> float:
        """The points it asks for on ``project_id`` in this round (or ``round_number``)."""
        conceded = 0.0
        if self.personality.reciprocal:
            conceded = self._conceded(view, project_id)
        share = aspiration_share(
            self.personality,
            view["round"] if round_number is None else round_number,
            view["scenario"]["rounds"],
            conceded,
        )
        return self.room(view, project_id).points(share)

    def _conceded(self, view: View, project_id: str) -> float:
        """How far the others have come on this project, in the satisfaction the model
        estimates they gave up between their first and latest offers (their mean)."""
        moved = [b.conceded for b in self._beliefs(view, project_id).values() if b.offers > 1]
        return sum(moved) / len(moved) if moved else 0.0

    def expected_later(self, view: View, project_id: str) -> float:
        """What it can expect from waiting: next round's aspiration, times the chance that
        rounds are left to reach it (none in the last round: then no deal is the rest)."""
        rounds, now = view["scenario"]["rounds"], view["round"]
        if now >= rounds:
            return self.room(view, project_id).walk
        chance = ((rounds - now) / max(1, rounds - 1)) ** 2
        room = self.room(view, project_id)
        later = self.aspiration(view, project_id, now + 1)
        return room.walk + (later - room.walk) * chance

    # -- answering ----------------------------------------------------------------------------

    def _awaiting(self, view: View) -> list[dict[str, Any]]:
        return [
            d for d in view["deals"]
            if d["status"] == "open" and self.role in d["participants"]
            and self.role not in d["accepted"]
            and self.role not in {r["role"] for r in d["rejected"]}
        ]  # fmt: skip

    @staticmethod
    def _our_points(view: View, deal: dict[str, Any]) -> int:
        table = view["me"]["points"][deal["project"]]
        issues = project_of(view, deal["project"])["issues"]
        return sum(table[i["id"]][o] for i, o in zip(issues, deal["options"], strict=True))

    @staticmethod
    def _rule(view: View, deal: dict[str, Any]) -> SigningRule:
        """The deal's signing rule: the one the rules sign and close it by."""
        return signing_rule(project_model(view, deal["project"]), tuple(deal["participants"]),
                            tuple(deal["options"]))  # fmt: skip

    def _signs_with_us(self, view: View, deal: dict[str, Any]) -> bool:
        """Our yes would sign the deal now (the signing rule the rules sign by)."""
        return self._rule(view, deal).signs_with({*deal["accepted"], self.role})

    def _missing(self, view: View, deal: dict[str, Any]) -> int:
        """Signatures the deal still needs after ours: how near it is to signing."""
        rule = self._rule(view, deal)
        yes = {*deal["accepted"], self.role}
        must = sum(1 for role in rule.must if role not in yes)
        return max(rule.needed - len(yes), must)

    def _expiring(self, view: View, deal: dict[str, Any]) -> bool:
        """The deal closes at the end of this round (proposed before it, or the last)."""
        return deal["round"] < view["round"] or view["round"] >= view["scenario"]["rounds"]

    def expect(self, view: View, deal: dict[str, Any]) -> tuple[Answer, Verdict]:
        """The answer key for this partner and deal: the one rule's verdict
        (``acceptability.judge``), then, for a deal worth signing, whether it is enough
        (``enough``). ``answer`` does what this says."""
        said_no = [r["role"] for r in deal["rejected"]]
        verdict = judge_in_view(view, deal["project"], deal["options"], deal["participants"],
                                said_no, deal["accepted"])  # fmt: skip
        satisfied = verdict.worth and self.enough(view, deal, verdict.points)
        return answer_of(verdict, satisfied=satisfied), verdict

    def enough(self, view: View, deal: dict[str, Any], points: int) -> bool:
        """Whether ``points`` from ``deal`` are enough to sign it: fair, and better than
        what waiting promises — or, in the last round or for a deal our yes would sign
        before it expires, simply worth signing (its verdict says that part)."""
        if not self._fair(view, deal, points):
            return False
        if self._expiring(view, deal) and (
            view["round"] >= view["scenario"]["rounds"] or self._signs_with_us(view, deal)
        ):
            return True
        return points >= self.expected_later(view, deal["project"])

    def _fair(self, view: View, deal: dict[str, Any], points: int) -> bool:
        """The proposer does not take far more of its room than it leaves us: its
        estimated satisfaction with its own deal is within our fairness of our share."""
        proposer = deal["proposer"]
        if proposer == self.role:
            return True
        belief = self._beliefs(view, deal["project"]).get(proposer)
        if belief is None or belief.offers < 2:
            return True  # one offer says nothing of how much it takes
        rows = self._space(view, deal["project"]).rows_of(deal["options"])
        if rows.size == 0:
            return True  # a sampled space without this deal: nothing to weigh it by
        theirs = float(belief.utility[rows[0]])
        ours = self.room(view, deal["project"]).share(points)
        return ours >= FAIR_SHARE or ours + self.personality.fairness >= theirs

    def _answer_one(self, view: View, waiting, legal: Legal, rng) -> Decision:
        """Accept the deal most worth it — the nearest to signing first, in the last round
        and among deals about to expire — or answer the best one with a counter or no."""
        answers = [(deal, *self.expect(view, deal)) for deal in waiting]
        acceptable = [(d, v) for d, a, v in answers if a == ANSWER_ACCEPTS]
        if acceptable:
            deal, verdict = min(
                acceptable,
                key=lambda dv: (self._missing(view, dv[0]), -int(self._expiring(view, dv[0])),
                                -dv[1].points, dv[0]["number"]),
            )  # fmt: skip
            accept = act.Accept(self.role, deal["number"])
            if legal(accept):
                return Decision(accept, self._why(view, deal, verdict, ANSWER_ACCEPTS))
        deal, answer, verdict = max(answers, key=lambda a: (a[2].points, -a[0]["number"]))
        if answer != ANSWER_CANNOT and all(self._signs_without_us(view, d) for d in waiting):
            # the others can sign these without us: our turn is better spent on an offer
            for decision in self._proposals(view, legal, rng):
                return decision
        return self._refuse(view, deal, answer, verdict, legal, rng)

    def _refuse(self, view: View, deal, answer: Answer, verdict: Verdict, legal, rng) -> Decision:
        """A deal we will not sign as it stands: a no with the reason when we cannot sign
        it, it is too risky, or the others can sign it without us (a counter would close
        it for them too); otherwise a counter, as near to it as serves us."""
        why = self._why(view, deal, verdict, answer)
        if (
            answer == ANSWER_CANNOT
            or verdict.cause == "too-risky"
            or self._signs_without_us(view, deal)
        ):
            return self._reject(deal["number"], why, verdict.cause)
        return self._counter_or_reject(view, deal, legal, rng, why, verdict.cause)

    def _signs_without_us(self, view: View, deal: dict[str, Any]) -> bool:
        """The others could still sign the deal if we said no: those who have not said no
        could still sign it by its rule (as ``rules._settle`` keeps a deal open)."""
        said_no = {r["role"] for r in deal["rejected"]} | {self.role}
        left = [role for role in deal["participants"] if role not in said_no]
        return self._rule(view, deal).signs_with(left)

    def _why(self, view: View, deal, verdict: Verdict, answer: Answer) -> str:
        project = project_model(view, deal["project"])
        names = {r["id"]: r["name"] for r in view["roles"]}
        return reason_sentence(verdict, project, names, satisfied=answer == ANSWER_ACCEPTS)

    def answer(self, view: View, deal: dict[str, Any], legal: Legal, rng) -> Decision:
        """The answer to one deal (``expect`` says which): accept, counter or refuse."""
        answer, verdict = self.expect(view, deal)
        if answer == ANSWER_ACCEPTS:
            accept = act.Accept(self.role, deal["number"])
            if legal(accept):
                return Decision(accept, self._why(view, deal, verdict, answer))
        return self._refuse(view, deal, answer, verdict, legal, rng)

    def _reject(self, number: int, reason: str, cause: str) -> Decision:
        return Decision(act.Reject(self.role, number, reason, cause or "gain"), reason)

    def _counter_or_reject(self, view, deal, legal, rng, reason: str, cause: str) -> Decision:
        group = tuple(deal["participants"])
        near = (deal["options"], self.expected_later(view, deal["project"]))
        for proposal in self._offers(view, deal["project"], legal, rng, group, near):
            if tuple(proposal.options) == tuple(deal["options"]):
                continue
            counter = act.Counter(
                self.role, deal["number"], proposal.participants, proposal.options, reason, cause
            )
            if legal(counter):
                return Decision(counter, reason)
        return self._reject(deal["number"], reason, cause)

    # -- proposing ----------------------------------------------------------------------------

    def _proposals(self, view: View, legal: Legal, rng) -> Iterator[Decision]:
        agreed = {a["project"] for a in view["agreements"] if a["failed_round"] is None}
        waiting_on = {d["project"] for d in view["deals"]
                      if d["status"] == "open" and d["proposer"] == self.role}  # fmt: skip
        projects = [p for p in view["me"]["points"] if p not in agreed and p not in waiting_on]
        rng.shuffle(projects)
        for project_id in projects:
            for proposal in self._offers(view, project_id, legal, rng):
                yield Decision(
                    proposal, "A deal that serves our mission and leaves room for yours."
                )
                break

    def _offers(
        self,
        view: View,
        project_id: str,
        legal: Legal,
        rng,
        group: tuple[str, ...] | None = None,
        near: tuple[list[str], float] | None = None,
    ) -> Iterator[act.Propose]:
        """Legal proposals at our aspiration, the others' estimated liking first.

        Every combination of options is weighed at once (``space.option_space``: our
        points, cost, risk and red lines per combination, made once per brief); the
        opponent model adds each partner's estimated satisfaction and what it has ruled
        out. Of the combinations that give us our aspiration, the best for the others is
        on the estimated Pareto frontier: it gives them what they value and keeps what we
        value.
        """
        me = view["me"]
        project = project_of(view, project_id)
        space = self._space(view, project_id)
        believed = self._beliefs(view, project_id)
        asked = self.aspiration(view, project_id) if near is None else near[1]
        target = max(asked, me["walk_away"][project_id])
        blocked = tuple(sorted((b["issue"], b["option"]) for b in view["blocked"]
                               if b["project"] == project_id))  # fmt: skip
        groups = [group] if group else self._groups(view, project, believed, rng)
        for members in groups:
            if not self._answerable(view, project, members):
                continue
            chosen = self._ranked(
                view, project, space, believed, members, blocked, target, rng,
                None if near is None else near[0],
            )  # fmt: skip
            for row in chosen[:TRIED]:
                options = tuple(ids[space.picks[row, i]] for i, ids in enumerate(space.ids))
                proposal = act.Propose(self.role, project_id, members, options)
                if legal(proposal):
                    yield proposal

    def _ranked(
        self, view, project, space: OptionSpace, believed, members, blocked, target, rng, near=None
    ):
        """Combination rows worth offering to ``members``: the others' estimated liking
        first (their least satisfied counts double), then our points; for a counter to a
        deal (``near``: its options), the fewest changes to it first."""
        me = view["me"]
        free = me["uncommitted_per_round"]
        bonus = project["approval"]["unanimity_bonus"] * space.can_end_unanimous(
            members, project["approval"]
        )
        ours = space.points + bonus
        fits = worth_columns(
            points=ours,
            walk_away=me["walk_away"][project["id"]],
            risk=space.risk,
            risk_tolerance=me["risk_tolerance"],
            staff=space.staff,
            budget=space.budget,
            free=Amounts(free["staff_time"], free["budget"]),
            clean=space.allowed,
        )
        fits &= ours >= target
        usable = space.usable(members, blocked)
        if usable is not None:
            fits &= usable
        others = [believed[r] for r in members if r != self.role and r in believed]
        liked = np.zeros(len(ours))
        if others:
            stack = np.stack([b.utility for b in others])
            liked = stack.mean(axis=0) + 2 * stack.min(axis=0)
            # never what a partner refused for a reason that still holds, nor less than it
            # refused as below its walk-away: those it would refuse again
            fits &= np.logical_and.reduce([b.possible for b in others])
        fits &= ~self._open_already(view, project["id"], space)
        rows = np.flatnonzero(fits)
        if rows.size == 0:
            return rows
        noise = np.random.default_rng(rng.getrandbits(32)).random(rows.size)
        safety = -self.personality.caution * space.risk[rows]
        keys = [noise, -ours[rows], -(liked[rows] + 0.1 * safety)]
        if near is not None:
            picks = np.array([ids.index(o) for ids, o in zip(space.ids, near, strict=True)])
            keys.append((space.picks[rows] != picks).sum(axis=1))
        order = np.lexsort(tuple(keys))
        return rows[order]

    def _open_already(self, view: View, project_id: str, space: OptionSpace) -> np.ndarray:
        """Combinations already on the table on this project: answer those, not repeat."""
        mask = np.zeros(len(space.picks), dtype=bool)
        for deal in view["deals"]:
            if deal["project"] == project_id and deal["status"] == "open":
                mask[space.rows_of(deal["options"])] = True
        return mask

    def _groups(self, view: View, project, believed: dict[str, Belief], rng) -> list[tuple]:
        """Who to invite: everyone who may join and can afford something (a larger table
        gains more) — and, in case that is too many to agree, the fewest the rule wants."""
        small = self._partners(view, project, rng)
        order = [r["id"] for r in view["roles"]]
        needs = set(project["needs"])
        skills = {r["id"]: set(r["competencies"]) for r in view["roles"]}
        welcome = [r for r in eligible(view, project) if r in believed and _welcome(
            believed[r], bool(skills[r] & needs))]  # fmt: skip
        large = tuple(sorted({*welcome, *small}, key=order.index))
        limit = project["approval"]["max_participants"]
        if limit and len(large) > limit:
            large = small
        return [large] if large == small else [large, small]

    def _partners(self, view: View, project, rng) -> tuple[str, ...]:
        """Ourselves, the required roles, then partners from other sectors first."""
        rule = project["approval"]
        sectors = {r["id"]: r["sector"] for r in view["roles"]}
        others = [r for r in eligible(view, project) if r != self.role]
        rng.shuffle(others)
        others.sort(key=lambda r: (r not in rule["required"], sectors[r] == sectors[self.role]))
        wanted = max(rule["min_participants"], 1 + len(set(rule["required"]) - {self.role}))
        order = [r["id"] for r in view["roles"]]
        return tuple(sorted([self.role, *others[: wanted - 1]], key=order.index))

    def _answerable(self, view: View, project, members: tuple[str, ...]) -> bool:
        """An offer now can still be signed: in the last round, only the roles after us
        in this round's order can answer, and the signing rule must be reachable by them."""
        if view["round"] < view["scenario"]["rounds"]:
            return True
        order = view["order"]
        later = set(order[order.index(self.role) + 1 :]) if self.role in order else set()
        can_sign = {self.role} | (later & set(members))
        rule = project["approval"]
        needed = rule["quorum"] or len(members)
        must = {*rule["required"], *rule["vetoes"]} & set(members)
        return len(can_sign) >= needed and must <= can_sign

    # -- what it reads of the others ------------------------------------------------------

    def _space(self, view: View, project_id: str) -> OptionSpace:
        """Our option space on the project (made once per brief and project)."""
        return option_space(self.role, view["me"], project_of(view, project_id))

    def _beliefs(self, view: View, project_id: str) -> dict[str, Belief]:
        """The opponent model for this view and project (read once per decision)."""
        kept = self._believed.get(project_id)
        if kept is not None and kept[0] is view:
            return kept[1]
        made = beliefs(view, project_of(view, project_id), self._space(view, project_id))
        self._believed[project_id] = (view, made)
        return made

    # -- the rest of a turn ----------------------------------------------------------------

    def _other(self, view: View, legal: Legal, rng) -> Decision:
        me = view["me"]
        known = {insight["about"] for insight in me["insights"]}
        strangers = [
            r["id"] for r in view["roles"] if r["id"] != self.role and r["id"] not in known
        ]
        if strangers and rng.random() < self.personality.explores:
            explore = act.Explore(self.role, rng.choice(strangers))
            if legal(explore):
                return Decision(explore, "We want to find the connection with this partner.")
        unconsulted = [p for p in me["points"] if p not in me["consulted"]]
        if unconsulted and view["round"] <= 2:
            consult = act.ConsultUsers(self.role, unconsulted[0])
            if legal(consult):
                return Decision(consult, "We ask our users what they need.")
        brand = next(r["brand"] for r in view["roles"] if r["id"] == self.role)
        if brand <= 3:
            communicate = act.Communicate(self.role, "newsletter")
            if legal(communicate):
                return Decision(communicate, "A stronger brand makes us a serious partner.")
        return Decision(act.Pass(self.role), "Nothing worth doing this turn.")


def _welcome(belief: Belief, skilled: bool) -> bool:
    """A partner worth inviting beyond the fewest the rule wants: it brings a competence
    the project needs or has made offers on it, something can still suit it, and it has
    refused at most one deal here (one no says what it will not take; the model then keeps
    the offers clear of it — leaving it out for good left most of the value on the table
    where the best deals need every partner)."""
    return (
        (skilled or belief.offers > 0)
        and belief.refusals <= 1
        and bool(belief.possible.any())
        and float(belief.utility.max()) >= WELCOME
    )
