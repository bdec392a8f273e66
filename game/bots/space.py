"""A project's option combinations as one role sees them, as numpy columns.

A computer partner weighs every combination of options at once: its points, what it
would pay, the deal's risk and whether a red line is crossed. All of that comes from the
role's own brief and the public project, which do not change during a game, so the
columns are made once per (role, brief, project) and kept; a decision then only masks
them with what changes from turn to turn (its aspiration, what it has left to give).

Projects with more combinations than ``MAX_COMBINATIONS`` are weighed on a fresh seeded
sample each time instead (never kept: the sample belongs to the decision's generator).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from game.engine.deals import trial_risk_columns
from game.engine.ownview import red_line_reason

MAX_COMBINATIONS = 100_000  # option combinations weighed per project and decision
KEEP = 256  # option spaces remembered (roles × projects × scenarios in use)


@dataclass(frozen=True)
class OptionSpace:
    ids: tuple[tuple[str, ...], ...]  # each issue's option ids
    picks: np.ndarray  # one row per combination: an option index per issue
    points: np.ndarray  # per combination: our points
    staff: np.ndarray  # our staff time per round
    budget: np.ndarray  # our budget per round
    risk: np.ndarray  # the deal's risk (its riskiest option's, one less for a pilot)
    allowed: np.ndarray  # no option on our red lines
    needs: tuple[tuple[frozenset[str], ...], ...]  # per option: the roles it needs in the deal
    issue_ids: tuple[str, ...]
    _usable: dict[tuple[object, ...], np.ndarray | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def rows_of(self, options) -> np.ndarray:
        """The rows holding exactly these options (one; a sampled space maybe none)."""
        picks = [ids.index(o) for ids, o in zip(self.ids, options, strict=True)]
        sizes = [len(ids) for ids in self.ids]
        if len(self.picks) == math.prod(sizes):  # every combination, in np.indices order
            return np.array([int(np.ravel_multi_index(picks, sizes))])
        return np.flatnonzero(np.all(self.picks == np.array(picks), axis=1))

    def can_end_unanimous(
        self, group: tuple[str, ...], approval: dict[str, Any]
    ) -> np.ndarray | bool:
        """Per combination: can a deal of ``group`` be signed by every participant
        (``acceptability.SigningRule.can_end_unanimous``: its quorum is the whole group,
        or a role whose signature must come, a required role, a veto or a role one of its
        options needs, can answer last)? Only then can it bring the unanimity bonus."""
        if (approval["quorum"] or len(group)) >= len(group):
            return True
        if (set(approval["required"]) | set(approval["vetoes"])) & set(group):
            return True
        mask: np.ndarray | bool = False
        for role in group:
            mask = mask | self.needs_role(role)
        return mask

    def needs_role(self, role: str) -> np.ndarray:
        """Per combination: one of its options needs ``role`` (its ``cost_for``)."""
        key = ("needs", role)
        if key not in self._usable:
            per_issue = [np.array([role in need for need in needs]) for needs in self.needs]
            self._usable[key] = np.any(
                np.stack([per_issue[i][self.picks[:, i]] for i in range(len(per_issue))]),
                axis=0,
            )
        return self._usable[key]

    def usable(
        self, group: tuple[str, ...], blocked: tuple[tuple[str, str], ...]
    ) -> np.ndarray | None:
        """The combinations this group may choose now (public rules only): none of their
        options blocked by an event (``blocked``: (issue, option)) or needing a role that
        is not in the group. None: every one. Kept per (group, blocked) — the same few
        come back turn after turn."""
        key = (group, blocked)
        if key not in self._usable:
            self._usable[key] = self._usable_now(set(group), set(blocked))
        return self._usable[key]

    def _usable_now(self, group: set[str], blocked: set[tuple[str, str]]) -> np.ndarray | None:
        issue_ids = self.issue_ids
        mask = None
        for index, (ids, needs) in enumerate(zip(self.ids, self.needs, strict=True)):
            out = np.array([(issue_ids[index], o) in blocked or not need <= group
                            for o, need in zip(ids, needs, strict=True)])  # fmt: skip
            if out.any():
                ok = ~out[self.picks[:, index]]
                mask = ok if mask is None else mask & ok
        return mask


T = TypeVar("T")
_kept: dict[tuple[str, ...], tuple[tuple[object, ...], Any]] = {}


def option_space(
    role: str, me: dict[str, Any], project: dict[str, Any], rng: random.Random
) -> OptionSpace:
    """The columns for ``role`` (its view's ``me``) on ``project`` (from the same view).

    Kept while the view's brief, red lines and project are the very objects they were
    made from (views share them for as long as the scenario is the same); any other
    objects, e.g. a reloaded scenario's, make new columns.
    """
    sizes = [len(issue["options"]) for issue in project["issues"]]
    if math.prod(sizes) > MAX_COMBINATIONS:
        sample = np.random.default_rng(rng.getrandbits(32))
        picks = np.stack([sample.integers(0, n, MAX_COMBINATIONS) for n in sizes], axis=1)
        return _columns(role, me, project, picks)
    return _keep(
        ("space", role, project["id"]),
        (me["points"], me["red_lines"], project),
        lambda: _columns(role, me, project, np.indices(sizes).reshape(len(sizes), -1).T),
    )


def best_points(role: str, me: dict[str, Any], project: dict[str, Any]) -> int:
    """The most ``role`` can get from a deal on ``project`` without crossing a red line:
    its favourite allowed option on every issue. If an issue allows none, no deal is
    acceptable and its best deal of all counts (as ``game/scoring/joint.best_points``)."""

    def best() -> int:
        tables = [_issue_table(role, me, project["id"], i) for i in project["issues"]]
        allowed = [table["points"][table["red"] == 0] for table in tables]
        if all(points.size for points in allowed):
            return sum(int(points.max()) for points in allowed)
        return sum(int(table["points"].max()) for table in tables)

    return _keep(("best", role, project["id"]), (me["points"], me["red_lines"], project), best)


def _keep(key: tuple[str, ...], sources: tuple[object, ...], build: Callable[[], T]) -> T:
    """``build()``, kept under ``key`` while ``sources`` are the very same objects."""
    hit = _kept.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], sources, strict=True)):
        return hit[1]
    value = build()
    if len(_kept) >= KEEP:
        _kept.pop(next(iter(_kept)))
    _kept[key] = (sources, value)
    return value


def _columns(
    role: str, me: dict[str, Any], project: dict[str, Any], picks: np.ndarray
) -> OptionSpace:
    tables = [_issue_table(role, me, project["id"], issue) for issue in project["issues"]]

    def column(name: str) -> np.ndarray:
        return sum(table[name][picks[:, i]] for i, table in enumerate(tables))

    written = np.max(np.stack([t["risk"][picks[:, i]] for i, t in enumerate(tables)]), axis=0)
    pilot = np.any(np.stack([t["pilot"][picks[:, i]] for i, t in enumerate(tables)]), axis=0)
    risk = trial_risk_columns(written, pilot)  # the one rule's risk: a pilot runs one less
    return OptionSpace(
        ids=tuple(tuple(t["ids"]) for t in tables),
        picks=picks,
        points=column("points"),
        staff=column("staff"),
        budget=column("budget"),
        risk=risk,
        allowed=column("red") == 0,
        needs=tuple(
            tuple(frozenset(o["cost_for"]) for o in issue["options"]) for issue in project["issues"]
        ),
        issue_ids=tuple(issue["id"] for issue in project["issues"]),
    )


def _issue_table(role: str, me: dict[str, Any], project_id: str, issue) -> dict[str, Any]:
    """One issue's options as arrays: our points, cost, risk and red lines."""
    options = issue["options"]
    staff, budget = option_costs(role, issue)
    points = me["points"][project_id][issue["id"]]
    return {
        "ids": [o["id"] for o in options],
        "points": np.array([points[o["id"]] for o in options]),
        "staff": staff,
        "budget": budget,
        "risk": np.array([o["risk"] for o in options]),
        "pilot": np.array(["pilot" in o["flags"] for o in options]),
        "red": np.array(
            [red_line_reason(me, project_id, issue["id"], o["id"]) is not None for o in options],
            dtype=int,
        ),
    }


def option_costs(role: str, issue: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Per option of ``issue``: what ``role`` would pay per round, staff time and budget
    (its own price where the option names one, else the option's cost). Public: the
    partner's own columns and its reading of the others' purses both come from here."""
    costs = [o["cost_for"].get(role, o["cost"]) for o in issue["options"]]
    return (
        np.array([c["staff_time"] for c in costs], dtype=int),
        np.array([c["budget"] for c in costs], dtype=int),
    )
