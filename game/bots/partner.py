"""A computer partner: one role's decisions, from that role's view and nothing else.

It answers the deals that name it, proposes deals that serve it, and otherwise explores,
consults users, communicates or passes. Every refusal carries one sentence with the real
reason (a red line, below its walk-away value, too risky, more than it can give, or not
enough yet), because a partner who refuses without a reason teaches nothing.

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

from game.bots.personality import Personality, aspiration_share
from game.bots.space import best_points, option_space
from game.engine import actions as act
from game.engine.acceptability import (
    ANSWER_ACCEPTS,
    ANSWER_CANNOT,
    Answer,
    Verdict,
    answer_of,
    reason_sentence,
    worth_columns,
)
from game.engine.deals import Amounts
from game.engine.ownview import eligible, judge_in_view, project_model, project_of

View = dict[str, Any]
Legal = Callable[[act.Action], bool]


@dataclass(frozen=True)
class Decision:
    action: act.Action
    why: str  # the real reason, in one sentence


class ComputerPartner:
    def __init__(self, role: str, personality: Personality, seed: int):
        self.role = role
        self.personality = personality
        self.seed = seed
        # a whole number per (game, role): seeding from a number is ten times faster than
        # from a text, and a decision's generator is made afresh for every turn
        digest = hashlib.sha256(f"{seed}:{role}".encode()).digest()
        self._stream = int.from_bytes(digest[:8], "big") << 20

    def decide(self, view: View, legal: Legal) -> Decision:
        """The partner's main action for its turn (the view must be its own)."""
        if view["viewer"] != self.role:
            raise ValueError(f"{self.role} was shown the view of {view['viewer']}")
        rng = random.Random(self._stream + view["actions_taken"])
        waiting = self._awaiting(view)
        if waiting:  # one answer a turn: the deal that serves us best first
            best = max(waiting, key=lambda deal: self._our_points(view, deal))  # first wins ties
            return self.answer(view, best, legal, rng)
        for decision in self._proposals(view, legal, rng):
            return decision
        return self._other(view, legal, rng)

    # -- what it wants ----------------------------------------------------------------------

    def best_points(self, view: View, project_id: str) -> int:
        return best_points(self.role, view["me"], project_of(view, project_id))

    def aspiration(self, view: View, project_id: str) -> float:
        walk = view["me"]["walk_away"][project_id]
        best = self.best_points(view, project_id)
        offered = sum(1 for d in view["deals"] if self.role in d["participants"]
                      and d["proposer"] != self.role)  # fmt: skip
        share = aspiration_share(
            self.personality, view["round"], view["scenario"]["rounds"], offered
        )
        return walk + max(0, best - walk) * share

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

    def expect(self, view: View, deal: dict[str, Any]) -> tuple[Answer, Verdict]:
        """The answer key for this partner and deal: the one rule's verdict
        (``acceptability.judge``), then, for a deal worth signing, whether it reaches the
        partner's aspiration. ``answer`` does what this says."""
        said_no = [r["role"] for r in deal["rejected"]]
        verdict = judge_in_view(view, deal["project"], deal["options"], deal["participants"],
                                said_no, deal["accepted"])  # fmt: skip
        satisfied = verdict.worth and verdict.points >= self.aspiration(view, deal["project"])
        return answer_of(verdict, satisfied=satisfied), verdict

    def answer(self, view: View, deal: dict[str, Any], legal: Legal, rng) -> Decision:
        answer, verdict = self.expect(view, deal)
        project = project_model(view, deal["project"])
        names = {r["id"]: r["name"] for r in view["roles"]}
        why = reason_sentence(verdict, project, names, satisfied=answer == ANSWER_ACCEPTS)
        if answer == ANSWER_ACCEPTS:
            accept = act.Accept(self.role, deal["number"])
            if legal(accept):
                return Decision(accept, why)
        if answer == ANSWER_CANNOT or verdict.cause == "too-risky":
            return self._reject(deal["number"], why, verdict.cause)
        return self._counter_or_reject(view, deal, legal, rng, why, verdict.cause)

    def _reject(self, number: int, reason: str, cause: str) -> Decision:
        return Decision(act.Reject(self.role, number, reason, cause or "gain"), reason)

    def _counter_or_reject(self, view, deal, legal, rng, reason: str, cause: str) -> Decision:
        for proposal in self._offers(view, deal["project"], legal, rng, list(deal["participants"])):
            counter = act.Counter(
                self.role, deal["number"], proposal.participants, proposal.options, reason, cause
            )
            if legal(counter):
                return Decision(counter, reason)
        return self._reject(deal["number"], reason, cause)

    # -- proposing ----------------------------------------------------------------------------

    def _proposals(self, view: View, legal: Legal, rng) -> Iterator[Decision]:
        agreed = {a["project"] for a in view["agreements"] if a["failed_round"] is None}
        mine_open = {(d["project"], tuple(d["options"])) for d in view["deals"]
                     if d["status"] == "open" and d["proposer"] == self.role}  # fmt: skip
        projects = [p for p in view["me"]["points"] if p not in agreed]
        rng.shuffle(projects)
        for project_id in projects:
            for proposal in self._offers(view, project_id, legal, rng):
                if (project_id, proposal.options) not in mine_open:
                    yield Decision(
                        proposal, "A deal that serves our mission and leaves room for yours."
                    )
                break

    def _offers(self, view, project_id, legal, rng, participants=None) -> Iterator[act.Propose]:
        """Legal proposals at our aspiration: closest to what the others have offered, then
        the least we can live with (generous offers get signed).

        Every combination of options is weighed at once (``space.option_space``: our
        points, cost, risk and red lines per combination, made once per brief); here only
        what changes between turns is masked.
        """
        me = view["me"]
        project = project_of(view, project_id)
        target = max(self.aspiration(view, project_id), me["walk_away"][project_id])
        free = me["uncommitted_per_round"]
        group = tuple(participants or self._partners(view, project, rng))
        space = option_space(self.role, me, project, rng)
        # a new offer: nobody has said no, so the bonus is in reach where every signature
        # is needed (acceptability.bonus_in_reach), and the offer is weighed with it
        bonus = project["approval"]["unanimity_bonus"] * space.can_end_unanimous(
            group, project["approval"]
        )
        worth = worth_columns(
            points=space.points + bonus,
            walk_away=me["walk_away"][project_id],
            risk=space.risk,
            risk_tolerance=me["risk_tolerance"],
            staff=space.staff,
            budget=space.budget,
            free=Amounts(free["staff_time"], free["budget"]),
            clean=space.allowed,
        )
        fits = worth & (space.points + bonus >= target)
        blocked = tuple(sorted((b["issue"], b["option"]) for b in view["blocked"]
                               if b["project"] == project_id))  # fmt: skip
        usable = space.usable(group, blocked)
        if usable is not None:
            fits &= usable
        candidates = np.flatnonzero(fits)
        if candidates.size == 0:
            return
        # what the others have offered on this project tells what they can live with
        offered = {
            (index, option)
            for d in view["deals"]
            if d["project"] == project_id and d["proposer"] != self.role
            for index, option in enumerate(d["options"])
        }
        chosen = space.picks[candidates]
        seen = sum(
            np.array([(index, o) in offered for o in ids], dtype=int)[chosen[:, index]]
            for index, ids in enumerate(space.ids)
        ) if offered else np.zeros(candidates.size, dtype=int)  # fmt: skip
        noise = np.random.default_rng(rng.getrandbits(32)).random(candidates.size)
        order = np.lexsort((noise, space.points[candidates], -seen))
        for row in candidates[order[:20]]:
            options = tuple(ids[space.picks[row, i]] for i, ids in enumerate(space.ids))
            proposal = act.Propose(self.role, project_id, group, options)
            if legal(proposal):
                yield proposal

    def _partners(self, view: View, project, rng) -> list[str]:
        """Ourselves, the required roles, then partners from other sectors first."""
        rule = project["approval"]
        sectors = {r["id"]: r["sector"] for r in view["roles"]}
        others = [r for r in eligible(view, project) if r != self.role]
        rng.shuffle(others)
        others.sort(key=lambda r: (r not in rule["required"], sectors[r] == sectors[self.role]))
        wanted = max(rule["min_participants"], 1 + len(set(rule["required"]) - {self.role}))
        order = [r["id"] for r in view["roles"]]
        return sorted([self.role, *others[: wanted - 1]], key=order.index)

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
