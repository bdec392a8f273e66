"""A team's own reading of a deal, for its phone: the projector's numbers, from the server.

One truth: the phone never adds points. Its deal builder sends the terms (``read``) and
shows what comes back; each open deal naming the team comes with its reading beside the
view. Both are made here by the very functions the projector's deal builder and answer
screen call (``ownview.read_deal``, ``ownview.judge_in_view``, ``dealmath.reading_lines``),
from the team's own view only, so no other team's brief can enter a reading.
"""

from __future__ import annotations

from typing import Any

from game.engine import actions as act
from game.engine.acceptability import reason_sentence
from game.engine.ownview import (
    eligible,
    judge_in_view,
    project_model,
    project_of,
    read_deal,
    starting_terms,
)
from game.engine.rules import legal_actions
from game.engine.state import GameState
from game.i18n import Translator, screens
from game.session.dealmath import reading_lines

_translators: dict[str, Translator] = {}


def translator(language: str) -> Translator:
    """The screens' translator for a phone's language (their one table, ``da.json``)."""
    if language not in _translators:
        _translators[language] = screens(language if language in ("en", "da") else "en")
    return _translators[language]


class BadTerms(ValueError):
    """Terms a team's deal builder cannot read: the message says what is wrong."""


def terms(
    view: dict[str, Any], project_id: str, participants: list[str], options: list[str]
) -> tuple[list[str], list[str]]:
    """The terms checked against the team's own view, the builder's starting ones where
    ``participants`` or ``options`` are empty; raises ``BadTerms``."""
    me = view["me"]
    if project_id not in me["points"]:
        raise BadTerms("Your team has no stake in that project.")
    project = project_of(view, project_id)
    start_with, start_options = starting_terms(view, project_id)
    participants = list(participants) or start_with
    options = list(options) or start_options
    allowed = set(eligible(view, project))
    if me["role"] not in participants:
        participants = [me["role"], *participants]
    if not set(participants) <= allowed or len(set(participants)) != len(participants):
        raise BadTerms("Those partners cannot all sign a deal on that project.")
    issues = project["issues"]
    if len(options) != len(issues):
        raise BadTerms(f"Choose one option for each of the {len(issues)} issues.")
    for issue, option in zip(issues, options, strict=True):
        if option not in {o["id"] for o in issue["options"]}:
            raise BadTerms(f"“{option}” is not an option of {issue['title']}.")
    order = [role["id"] for role in view["roles"]]
    return sorted(participants, key=order.index), options


def same_project(view: dict[str, Any], project_id: str, deal: int | None) -> None:
    """A counter is read on its deal's own project (the counter keeps it); raises
    ``BadTerms`` for another project or a deal there is not."""
    if deal is None:
        return
    found = next((d for d in view["deals"] if d["number"] == deal), None)
    if found is None:
        raise BadTerms(f"There is no deal {deal}.")
    if found["project"] != project_id:
        raise BadTerms(f"Deal {deal} is about another project; a counter keeps its project.")


def reading(
    view: dict[str, Any],
    project_id: str,
    participants: list[str],
    options: list[str],
    language: str,
    deal: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The team's reading of these terms, as its projector screen says it: the numbers,
    the one rule's verdict and its lines (text and tone) in ``language``. For an open
    ``deal`` the answers so far count (who said no, who signed), as on the answer screen,
    and the ready-made reasons for a no come too."""
    t = translator(language)
    said_no = [answer["role"] for answer in deal["rejected"]] if deal else []
    accepted = list(deal["accepted"]) if deal else None
    own = read_deal(view, project_id, options)
    verdict = judge_in_view(view, project_id, options, participants, said_no, accepted)
    project = project_of(view, project_id)
    names = {role["id"]: role["name"] for role in view["roles"]}
    lines = reading_lines(t, own, project, verdict, names)
    found: dict[str, Any] = {
        "project": project_id,
        "participants": participants,
        "options": options,
        "points": own.points,
        "walk_away": own.walk_away,
        "with_bonus": verdict.points,
        "staff_time": own.staff_time,
        "budget": own.budget,
        "risk": verdict.risk,
        "red_lines": list(own.red_lines),
        "verdict": {"kind": verdict.kind, "cause": verdict.cause, "worth": verdict.worth},
        "lines": [{"text": text, "tone": tone} for text, tone in lines],
    }
    if deal is not None:
        reasons = []
        if not verdict.worth:
            reasons.append(reason_sentence(verdict, project_model(view, project_id), names))
        reasons += [
            t("It costs us more than we can give."),
            t("It is too risky for us."),
            t("It does not serve our mission."),
        ]
        found["reasons"] = list(dict.fromkeys(reasons))
    return found


def open_readings(view: dict[str, Any], language: str) -> dict[str, dict[str, Any]]:
    """The team's reading of every open deal naming it (deal number -> reading)."""
    role = view["me"]["role"]
    return {
        str(deal["number"]): reading(
            view, deal["project"], deal["participants"], deal["options"], language, deal
        )
        for deal in view["deals"]
        if deal["status"] == "open" and role in deal["participants"]
    }


def poll_reading(view: dict[str, Any], language: str) -> dict[str, Any] | None:
    """The team's reading of the straw poll's terms, if a poll asks it."""
    poll = view["poll"]
    if poll is None or view["me"]["role"] not in poll["participants"]:
        return None
    return reading(view, poll["project"], poll["participants"], poll["options"], language)


def moves(state: GameState, role: str) -> dict[str, Any]:
    """What the rules let the team do now, besides deals: the phone offers only these."""
    allowed = legal_actions(state, role, proposals=False)
    kinds = {action.kind for action in allowed}
    return {
        "pass": "pass" in kinds,
        "explore": [a.target for a in allowed if isinstance(a, act.Explore)],
        "consult": [a.project for a in allowed if isinstance(a, act.ConsultUsers)],
        "build": [a.competency for a in allowed if isinstance(a, act.BuildCompetence)],
        "communicate": [a.channel for a in allowed if isinstance(a, act.Communicate)],
        "accept": [a.deal for a in allowed if isinstance(a, act.Accept)],
        "poll": "poll-answer" in kinds,
    }
