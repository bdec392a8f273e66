"""Solo practice: when a perspective-taking exercise comes, and about whom.

No pygame here. A librarian practising alone is asked, at the moments the setting picks,
to see the game through a computer partner's eyes: at the start of their turn, how the
partner ranks the issues of a project; right after they put a deal on the table, whether
a partner it names will accept it (before that partner answers). The exercises rotate
over partners and projects, so a game visits each partner rather than asking about the
same one every time. What the partner really wanted is the engine's to say
(``Prediction.truth_ranking``, ``truth_accepts``), and only after the prediction is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import actions as act
from game.i18n import Translator
from game.session.workshop import Seat

if TYPE_CHECKING:
    from game.scenario.model import Scenario
    from game.session.workshop import Workshop

FREQUENCIES = ("every-round", "every-other-round", "last-round", "off")
DEFAULT_FREQUENCY = "every-round"
# partners with different habits, so that one practice game shows several (seats cycle on)
DEFAULT_PERSONALITIES = ("cooperative", "reciprocal", "cautious", "competitive")


@dataclass(frozen=True)
class Exercise:
    """One prediction to ask for: rank ``target``'s issues of ``project``, or (with
    ``deal``) say whether ``target`` will accept that deal."""

    role: str  # who predicts: the person practising
    target: str
    project: str
    deal: int | None = None
    #: an acceptance already predicted and now answered: its place in the predictions
    answered: int | None = None


def solo_seats(scenario: Scenario, role: str, frequency: str = DEFAULT_FREQUENCY) -> list[Seat]:
    """The person in ``role``; every other seat a computer partner, personalities in turn."""
    seats, partner = [], 0
    for item in scenario.roles:
        if item.id == role:
            seats.append(Seat(item.id, item.name, exercises=frequency))
        else:
            personality = DEFAULT_PERSONALITIES[partner % len(DEFAULT_PERSONALITIES)]
            seats.append(Seat(item.id, item.name, True, personality))
            partner += 1
    return seats


def frequency_name(t: Translator, frequency: str) -> str:
    names = {
        "every-round": t("Every round"),
        "every-other-round": t("Every other round"),
        "last-round": t("In the last round only"),
        "off": t("Off"),
    }
    return names.get(frequency, frequency)


def exercise_round(frequency: str, round_number: int, rounds: int) -> bool:
    """Whether exercises come in ``round_number`` (the last round cannot wait for the end:
    the rules take no prediction once the game is over)."""
    if frequency == "every-round":
        return True
    if frequency == "every-other-round":
        return round_number % 2 == 1
    if frequency == "last-round":
        return round_number == rounds
    return False


def _due(workshop: Workshop, kind: str, round_number: int) -> str | None:
    """The practising role if an exercise of ``kind`` may come in ``round_number``."""
    role = workshop.solo_role
    state = workshop.state
    if role is None or state.finished or (kind, round_number) in workshop.practice_skipped:
        return None
    frequency = workshop.seat(role).exercises
    if not exercise_round(frequency, round_number, state.scenario.rounds):
        return None
    return role


def ranking_exercise(workshop: Workshop) -> Exercise | None:
    """At the start of the person's turn: one partner's ranking of one project's issues,
    once per exercise round; the partner asked about least so far comes first, then an
    open project before an agreed one. A ranking already answered is never asked again:
    its truth was shown, and a second answer would only copy it."""
    state = workshop.state
    role = _due(workshop, "rank", state.round)
    if role is None or state.current_role != role:
        return None
    made = state.role_state(role).predictions
    if any(p.ranking and p.round == state.round for p in made):
        return None
    agreed = {a.project for a in state.agreements if a.active}
    candidates = []
    for order, project in enumerate(state.scenario.eligible_projects(role)):
        if len(project.issues) < 2:
            continue  # one issue: nothing to rank
        for place, partner in enumerate(state.scenario.eligible_roles(project)):
            if partner.id == role:
                continue
            if any(p.ranking and (p.target, p.project) == (partner.id, project.id) for p in made):
                continue
            about = sum(1 for p in made if p.ranking and p.target == partner.id)
            key = (about, project.id in agreed, place, order)
            candidates.append((key, partner.id, project.id))
    if not candidates:
        return None
    _, target, project = min(candidates)
    return Exercise(role, target, project)


def accept_exercise(workshop: Workshop, action: act.Action) -> Exercise | None:
    """Right after the person proposes or counters: will a partner it names accept?

    Asked before the partner answers (the screens hold the computer's turn while the
    exercise is open); about the partner asked least so far.
    """
    if not isinstance(action, act.Propose | act.Counter):
        return None
    state = workshop.state
    if not state.deals:
        return None
    deal = state.deals[-1]
    role = _due(workshop, "accept", deal.round)
    if role is None or action.actor != role or deal.proposer != role or deal.status != "open":
        return None
    made = state.role_state(role).predictions
    waiting = [r for r in deal.awaiting() if r != role]
    if not waiting:
        return None

    def asked(partner: str) -> tuple[int, int]:
        return sum(1 for p in made if p.deal is not None and p.target == partner), waiting.index(
            partner
        )

    target = min(waiting, key=asked)
    return Exercise(role, target, deal.project, deal.number)


def answered_exercises(workshop: Workshop) -> list[Exercise]:
    """The person's acceptance predictions that the partner has answered since they were
    last shown (or that closed unanswered): the answer key is shown then, once each."""
    role = workshop.solo_role
    if role is None:
        return []
    fresh = []
    for index, made in enumerate(workshop.state.role_state(role).predictions):
        if made.deal is not None and made.answer and index not in workshop.answers_shown:
            workshop.answers_shown.add(index)
            fresh.append(Exercise(role, made.target, made.project, made.deal, index))
    return fresh
