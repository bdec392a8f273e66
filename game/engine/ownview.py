"""A deal as one role sees it, from its own view only: points, cost, red lines.

No state: these read the view a role was given (``views.view_for``), so the screens can
show a team its own numbers live and the computer partners can weigh a deal, both without
ever touching another role's secrets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.acceptability import (
    Verdict,
    bonus_in_reach,
    judge,
    position_in_view,
    read_terms,
)
from game.scenario.model import Project


@dataclass(frozen=True)
class OwnReading:
    points: int
    walk_away: int
    staff_time: int
    budget: int
    risk: int  # the deal's risk, one less for a pilot
    red_lines: tuple[str, ...]  # the reasons of the red lines this deal crosses


def project_of(view: dict[str, Any], project_id: str) -> dict[str, Any]:
    return next(p for p in view["projects"] if p["id"] == project_id)


_models: dict[int, tuple[dict[str, Any], Project]] = {}


def project_model(view: dict[str, Any], project_id: str) -> Project:
    """The public project of a view as the scenario's model, for the one rule
    (``acceptability.judge``). Views share their project parts for as long as the
    scenario is the same, so each is read once."""
    data = project_of(view, project_id)
    kept = _models.get(id(data))
    if kept is None or kept[0] is not data:
        if len(_models) > 512:
            _models.clear()
        kept = (data, Project.model_validate(data))
        _models[id(data)] = kept
    return kept[1]


def judge_in_view(
    view: dict[str, Any],
    project_id: str,
    options: list[str] | tuple[str, ...],
    participants: list[str] | tuple[str, ...],
    said_no: list[str] | tuple[str, ...] = (),
    accepted: list[str] | tuple[str, ...] | None = None,
) -> Verdict:
    """The one rule (``acceptability.judge``) for the viewing team, from its own view, on
    a deal with these participants, of whom ``said_no`` refused and ``accepted`` signed
    already (None: a deal still being built): what its screen warns about and what a
    computer partner answers by (the bonus while it is in reach)."""
    project = project_model(view, project_id)
    signing = [role for role in participants if role not in said_no]
    answering = None if accepted is None else view["me"]["role"]
    bonus = bonus_in_reach(project, participants, tuple(options), said_no, accepted, answering)
    return judge(position_in_view(view, project_id), project, tuple(options), signing, bonus)


def eligible(view: dict[str, Any], project: dict[str, Any]) -> list[str]:
    ids = [role["id"] for role in view["roles"]]
    return [r for r in ids if r in project["open_to"]] if project["open_to"] else ids


def red_line_reason(me: dict[str, Any], project: str, issue: str, option: str) -> str | None:
    for line in me["red_lines"]:
        if (line["project"], line["issue"], line["option"]) == (project, issue, option):
            return line["reason"]
    return None


def read_deal(view: dict[str, Any], project_id: str, options: list[str]) -> OwnReading:
    """What a deal means for the viewing team (``view["me"]``): the one rule's own reading
    of it (``acceptability.read_terms``: points without the bonus, cost, risk as a pilot
    lowers it), and every red line it crosses."""
    position = position_in_view(view, project_id)
    project = project_model(view, project_id)
    read = read_terms(position, project, tuple(options))
    lines = position.line_map
    crossed = tuple(
        lines[(issue.id, option.id)]
        for issue, option in zip(project.issues, read.chosen, strict=True)
        if (issue.id, option.id) in lines
    )
    return OwnReading(read.score, position.walk_away, read.staff, read.budget, read.level,
                      crossed)  # fmt: skip


def allowed_options(me: dict[str, Any], project_id: str, issue: dict[str, Any]) -> list[str]:
    """The options of an issue that are not on the role's red lines."""
    return [
        o["id"]
        for o in issue["options"]
        if red_line_reason(me, project_id, issue["id"], o["id"]) is None
    ]


def best_options(view: dict[str, Any], project_id: str) -> list[str]:
    """The team's favourite option on every issue, never one on its red lines."""
    me = view["me"]
    project = project_of(view, project_id)
    chosen = []
    for issue in project["issues"]:
        allowed = allowed_options(me, project_id, issue)
        table = me["points"][project_id][issue["id"]]
        chosen.append(max(allowed or [issue["options"][0]["id"]], key=lambda o: table[o]))
    return chosen


def starting_terms(view: dict[str, Any], project_id: str) -> tuple[list[str], list[str]]:
    """Where a deal builder starts for the viewing team on a project: (participants,
    options) — its favourite options and the fewest partners the approval rule wants,
    required partners first. The projector's builder and the phone's start alike."""
    me = view["me"]["role"]
    project = project_of(view, project_id)
    rule = project["approval"]
    others = [r for r in eligible(view, project) if r != me]
    others.sort(key=lambda r: r not in rule["required"])
    wanted = max(rule["min_participants"], 1 + len(set(rule["required"]) - {me}))
    order = [r["id"] for r in view["roles"]]
    participants = sorted([me, *others[: wanted - 1]], key=order.index)
    return participants, best_options(view, project_id)
