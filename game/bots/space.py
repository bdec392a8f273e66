"""A project's option combinations as one role sees them, as numpy columns.

A computer partner weighs every combination of options at once: its points, what it
would pay, the deal's risk and whether a red line is crossed. All of that comes from the
role's own brief and the public project, which do not change during a game, so the
columns are made once per (role, brief, project) and kept; a decision then only masks
them with what changes from turn to turn (its aspiration, what it has left to give).

What is the same for every role — which combinations there are, their risk, the roles
their options need, what each role would pay — is one ``Combos`` per project, shared by
every role's space: the opponent model's readings of a role (public facts) are kept
there, so four partners reading the same offers read them once.

Projects with more combinations than ``MAX_COMBINATIONS`` are weighed on a sample of
them: one seeded sample per project (from its id, the same in every process and game),
so every partner weighs the same combinations, finds each other's offers among them,
and keeps its columns for the whole game.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from game.engine.deals import trial_risk_columns
from game.engine.ownview import red_line_reason

MAX_COMBINATIONS = 100_000  # option combinations weighed per project, a sample above
KEEP = 256  # option spaces remembered (roles × projects × scenarios in use)
#: readings kept per project's combinations (the opponent model's, per role and facts)
READINGS = 4096


@dataclass(frozen=True)
class Combos:
    """A project's combinations of options (all, or a sample), as every role sees them."""

    ids: tuple[tuple[str, ...], ...]  # each issue's option ids
    picks: np.ndarray  # one row per combination: an option index per issue
    codes: np.ndarray  # per row: its place among all combinations (ascending)
    risk: np.ndarray  # the deal's risk (its riskiest option's, one less for a pilot)
    needs: tuple[tuple[frozenset[str], ...], ...]  # per option: the roles it needs in the deal
    issue_ids: tuple[str, ...]
    #: per issue: option id -> its place
    index: tuple[dict[str, int], ...]
    #: what public facts alone decide, kept: masks per group, costs per role, readings
    kept: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def full(self) -> bool:
        return len(self.codes) == math.prod(len(ids) for ids in self.ids)

    def code_of(self, options) -> int | None:
        """The place of these options among all combinations (None: an unknown option)."""
        code = 0
        for by_id, option in zip(self.index, options, strict=True):
            at = by_id.get(option)
            if at is None:
                return None
            code = code * len(by_id) + at
        return code

    def rows_of(self, options) -> np.ndarray:
        """The rows holding exactly these options (one; a sampled space maybe none)."""
        code = self.code_of(options)
        if code is None:
            raise ValueError(f"unknown options {options}")
        if self.full:
            return np.array([code])
        at = int(np.searchsorted(self.codes, code))
        if at < len(self.codes) and self.codes[at] == code:
            return np.array([at])
        return np.array([], dtype=int)

    def chosen(self) -> np.ndarray:
        """combinations × options: 1 where the combination chooses the option (kept)."""
        matrix = self.kept.get("chosen")
        if matrix is None:
            sizes = [len(ids) for ids in self.ids]
            starts = np.cumsum([0, *sizes[:-1]])
            matrix = np.zeros((len(self.picks), sum(sizes)))
            rows = np.arange(len(self.picks))
            for i, start in enumerate(starts):
                matrix[rows, start + self.picks[:, i]] = 1.0
            self.kept["chosen"] = matrix
        return matrix

    def needs_role(self, role: str) -> np.ndarray:
        """Per combination: one of its options needs ``role`` (its ``cost_for``)."""
        key = ("needs", role)
        if key not in self.kept:
            per_issue = [np.array([role in need for need in needs]) for needs in self.needs]
            self.kept[key] = np.any(
                np.stack([per_issue[i][self.picks[:, i]] for i in range(len(per_issue))]),
                axis=0,
            )
        return self.kept[key]

    def usable(
        self, group: tuple[str, ...], blocked: tuple[tuple[str, str], ...]
    ) -> np.ndarray | None:
        """The combinations this group may choose now (public rules only): none of their
        options blocked by an event (``blocked``: (issue, option)) or needing a role that
        is not in the group. None: every one. Kept per (group, blocked) — the same few
        come back turn after turn."""
        key = (group, blocked)
        if key not in self.kept:
            self.kept[key] = self._usable_now(set(group), set(blocked))
        return self.kept[key]

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

    def costs(self, role: str, project: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        """Per combination: what ``role`` would pay per round (public: the options' costs)."""
        key = ("costs", role)
        if key not in self.kept:
            self.kept[key] = _summed(
                [option_costs(role, issue) for issue in project["issues"]], self.picks
            )
        return self.kept[key]

    def reading(self, key: object, build: Callable[[], T]) -> T:
        """``build()``, kept under ``key``: a reading of public facts (the key holds them
        all), the same for every role that asks."""
        readings = self.kept.setdefault("readings", {})
        hit = readings.get(key)
        if hit is None:
            if len(readings) >= READINGS:
                readings.clear()
            hit = readings[key] = build()
        return hit


@dataclass(frozen=True)
class OptionSpace:
    """One role's columns over a project's combinations (``combos``)."""

    combos: Combos
    points: np.ndarray  # per combination: our points
    staff: np.ndarray  # our staff time per round
    budget: np.ndarray  # our budget per round
    allowed: np.ndarray  # no option on our red lines
    #: masks of our own that only the brief and the asked facts decide, kept
    kept: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def ids(self) -> tuple[tuple[str, ...], ...]:
        return self.combos.ids

    @property
    def picks(self) -> np.ndarray:
        return self.combos.picks

    @property
    def risk(self) -> np.ndarray:
        return self.combos.risk

    @property
    def issue_ids(self) -> tuple[str, ...]:
        return self.combos.issue_ids

    def rows_of(self, options) -> np.ndarray:
        """The rows holding exactly these options (one; a sampled space maybe none)."""
        return self.combos.rows_of(options)

    def usable(
        self, group: tuple[str, ...], blocked: tuple[tuple[str, str], ...]
    ) -> np.ndarray | None:
        return self.combos.usable(group, blocked)

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
            mask = mask | self.combos.needs_role(role)
        return mask


T = TypeVar("T")
_kept: dict[tuple[str, ...], tuple[tuple[object, ...], Any]] = {}


def combos_of(project: dict[str, Any]) -> Combos:
    """The project's combinations, kept while the project is the very object (views
    share it for as long as the scenario is the same): every one, or above
    ``MAX_COMBINATIONS`` one seeded sample of them, the same in every process."""
    return _keep(("combos", project["id"]), (project,), lambda: _combos(project))


def option_space(role: str, me: dict[str, Any], project: dict[str, Any]) -> OptionSpace:
    """The columns for ``role`` (its view's ``me``) on ``project`` (from the same view).

    Kept while the view's brief, red lines and project are the very objects they were
    made from (views share them for as long as the scenario is the same); any other
    objects, e.g. a reloaded scenario's, make new columns.
    """
    return _keep(
        ("space", role, project["id"]),
        (me["points"], me["red_lines"], project),
        lambda: _columns(role, me, project, combos_of(project)),
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


def _combos(project: dict[str, Any]) -> Combos:
    issues = project["issues"]
    sizes = [len(issue["options"]) for issue in issues]
    total = math.prod(sizes)
    if total > MAX_COMBINATIONS:  # a sample, seeded by the project alone
        sample = np.random.default_rng(zlib.crc32(project["id"].encode()))
        codes = np.unique(sample.integers(0, total, MAX_COMBINATIONS))
        picks = np.stack(np.unravel_index(codes, sizes), axis=1)
    else:
        codes = np.arange(total)
        picks = np.indices(sizes).reshape(len(sizes), -1).T
    written = np.max(np.stack([np.array([o["risk"] for o in issue["options"]])[picks[:, i]]
                               for i, issue in enumerate(issues)]), axis=0)  # fmt: skip
    pilot = np.any(np.stack([np.array(["pilot" in o["flags"] for o in issue["options"]])[
        picks[:, i]] for i, issue in enumerate(issues)]), axis=0)  # fmt: skip
    ids = tuple(tuple(o["id"] for o in issue["options"]) for issue in issues)
    return Combos(
        ids=ids,
        picks=picks,
        codes=codes,
        risk=trial_risk_columns(written, pilot),  # the one rule's risk: a pilot runs one less
        needs=tuple(tuple(frozenset(o["cost_for"]) for o in issue["options"]) for issue in issues),
        issue_ids=tuple(issue["id"] for issue in issues),
        index=tuple({o: k for k, o in enumerate(options)} for options in ids),
    )


def _summed(tables: list[tuple[np.ndarray, ...]], picks: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per combination: each column of the issues' ``tables`` summed over its options."""
    return tuple(
        sum(table[c][picks[:, i]] for i, table in enumerate(tables)) for c in range(len(tables[0]))
    )


def _columns(role: str, me: dict[str, Any], project: dict[str, Any], combos: Combos) -> OptionSpace:
    tables = [_issue_table(role, me, project["id"], issue) for issue in project["issues"]]
    points, red = _summed([(t["points"], t["red"]) for t in tables], combos.picks)
    staff, budget = combos.costs(role, project)
    return OptionSpace(combos=combos, points=points, staff=staff, budget=budget, allowed=red == 0)


def _issue_table(role: str, me: dict[str, Any], project_id: str, issue) -> dict[str, Any]:
    """One issue's options as arrays: our points and red lines."""
    options, points = issue["options"], me["points"][project_id][issue["id"]]
    return {
        "points": np.array([points[o["id"]] for o in options]),
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
