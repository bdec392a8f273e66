"""What the room reads of each deal on the projector: its terms in full, every answer,
and what a counter changed.

No pygame: the projector's table draws these lines, and a browser's room view may use
the same ones. Everything here comes from the public view (``Workshop.public_view``) and
the scenario's public parts (project, issue and option names): a deal's terms and who
answered how are public; a team's points, walk-away and red lines never are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.narration import HEARD_RED_LINE, counter_changes
from game.i18n import Translator
from game.scenario.model import Scenario


@dataclass(frozen=True)
class Term:
    """One issue of a deal and its chosen option; ``was`` the option a counter replaced."""

    issue: str
    option: str
    was: str = ""


@dataclass(frozen=True)
class Answer:
    role: str
    kind: str  # "accepted", "rejected" or "waiting"
    heard: str = ""  # a no's reason as the room heard it ("" if none was given aloud)


@dataclass(frozen=True)
class RoomDeal:
    number: int
    project: str  # its title
    proposer: str  # role id
    terms: tuple[Term, ...]
    answers: tuple[Answer, ...]
    counter_of: int | None = None
    #: a counter's changes in a line ("staff time 2 → 1; without Nordtel"), "" if none
    changed: str = ""


def room_deal(
    t: Translator, scenario: Scenario, view: dict[str, Any], deal: dict[str, Any], names
) -> RoomDeal:
    """``deal`` of the public ``view`` as the room reads it; ``names`` maps role ids to
    the names the room knows the teams by."""
    project = next(p for p in view["projects"] if p["id"] == deal["project"])
    earlier = next((d for d in view["deals"] if d["number"] == deal["counter_of"]), None)
    replaced: dict[str, str] = {}
    changed = ""
    if earlier is not None and earlier["project"] == deal["project"]:
        changes = counter_changes(
            scenario,
            deal["project"],
            (earlier["options"], earlier["participants"]),
            (deal["options"], deal["participants"]),
        )
        replaced = {title: was for title, was, _ in changes.terms}
        parts = [f"{title.rstrip(':')} {was} → {now}" for title, was, now in changes.terms]
        if changes.left:
            parts.append(t("without {roles}", roles=", ".join(names[r] for r in changes.left)))
        if changes.joined:
            parts.append(t("with {roles}", roles=", ".join(names[r] for r in changes.joined)))
        changed = "; ".join(parts)
    terms = []
    for issue, option_id in zip(project["issues"], deal["options"], strict=False):
        label = next((o["label"] for o in issue["options"] if o["id"] == option_id), option_id)
        terms.append(Term(issue["title"], label, replaced.get(issue["title"], "")))
    return RoomDeal(
        number=deal["number"],
        project=project["title"],
        proposer=deal["proposer"],
        terms=tuple(terms),
        answers=answers(t, deal),
        counter_of=deal["counter_of"],
        changed=changed,
    )


def answers(t: Translator, deal: dict[str, Any]) -> tuple[Answer, ...]:
    """Each participant's answer in the scenario's role order: a no with what the room
    heard of it (a team's own words, or for a computer partner's red line "one of its red
    lines": ``heard_cause``)."""
    rejected = {item["role"]: item for item in deal["rejected"]}
    said = []
    for role in deal["participants"]:
        if role in rejected:
            heard = rejected[role]["reason"]  # the rules keep what the room heard
            if heard == HEARD_RED_LINE:
                heard = t("one of its red lines")
            said.append(Answer(role, "rejected", heard))
        elif role in deal["accepted"]:
            said.append(Answer(role, "accepted"))
        else:
            said.append(Answer(role, "waiting"))
    return tuple(said)


def issue_and_option(issue: str, option: str) -> str:
    """ "Budget: 2", and "Who teaches? Librarians" for an issue asked as a question."""
    return f"{issue} {option}" if issue.rstrip().endswith(("?", ":")) else f"{issue}: {option}"
