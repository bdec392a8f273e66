"""What may be said again of the table after the game, on the debrief screen and on paper.

A team that refuses a deal gives its reason aloud, and the debrief and the printed report
repeat it, but a computer partner says no to a red line in its brief's words, and a person
may read a red line out: a red line's reason is confidential, and the shared surfaces
never repeat one. No pygame, so ``game/report`` can import it as the screens do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.state import Deal
from game.scenario.model import Scenario


def spoken_reason(scenario: Scenario, reason: str) -> str:
    """A "no" as the room may read it again: the team's words, or "" when they quote any
    role's red-line reason (only that the team said no may then be shown)."""
    for role in scenario.roles:
        for line in role.brief.red_lines:
            if line.reason and line.reason.strip() in reason:
                return ""
    return reason


#: what the room hears of a no the rule decided: who said no, and a red line as such
HEARD_RED_LINE = "one of its red lines"


def heard_cause(cause: str) -> str:
    """What the room hears of a computer partner's no (``acceptability.Cause``): for a
    red line "one of its red lines"; for any other cause nothing beyond who said no. The
    reason itself, with its figures, is said to the proposer only."""
    return HEARD_RED_LINE if cause == "red-line" else ""


def heard_reason(scenario: Scenario, reason: str, cause: str) -> str:
    """What the room may hear of a no, at the table and after the game: the rule's cause
    (``heard_cause``) for a computer partner's, a team's own words otherwise (without any
    red line's words: ``spoken_reason``)."""
    return heard_cause(cause) if cause else spoken_reason(scenario, reason)


@dataclass(frozen=True)
class CounterChanges:
    """What a counter changed against the deal it answered: (issue title, was, now) per
    changed issue, by option label; the roles it left out and the roles it added."""

    terms: tuple[tuple[str, str, str], ...]
    left: tuple[str, ...]  # role ids
    joined: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.terms or self.left or self.joined)


def counter_changes(
    scenario: Scenario,
    project_id: str,
    old: tuple[Sequence[str], Sequence[str]],
    new: tuple[Sequence[str], Sequence[str]],
) -> CounterChanges:
    """The one comparison of a counter with its deal, ``old`` and ``new`` as (options,
    participants): the sentence the room hears (``counter_change``) and the projector's
    marked terms both come from it."""
    project = scenario.project(project_id)
    terms = []
    for issue, was, now in zip(project.issues, old[0], new[0], strict=True):
        if was != now:
            labels = {option.id: option.label for option in issue.options}
            terms.append((issue.title, labels[was], labels[now]))
    return CounterChanges(
        tuple(terms),
        tuple(r for r in old[1] if r not in new[1]),
        tuple(r for r in new[1] if r not in old[1]),
    )


def counter_change(scenario: Scenario, old: Deal, new: Deal) -> str:
    """What a counter changed, in one public line: "Branding: Library only (was
    Co-branded); without Nordtel". The terms of every deal are public."""
    changes = counter_changes(
        scenario, new.project, (old.options, old.participants), (new.options, new.participants)
    )
    parts = [f"{title}: {now} (was {was})" for title, was, now in changes.terms]
    names = {role.id: role.name for role in scenario.roles}
    if changes.left:
        parts.append("without " + ", ".join(names[r] for r in changes.left))
    if changes.joined:
        parts.append("with " + ", ".join(names[r] for r in changes.joined))
    return "; ".join(parts)
