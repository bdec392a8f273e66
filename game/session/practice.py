"""Solo practice: when a perspective-taking exercise comes, and about whom.

No pygame here. A librarian practising alone is asked, at the moments the setting picks,
to see the game through a computer partner's eyes. At the start of their turn, one
question of ``TURN_QUESTIONS``: how the partner ranks the issues of a project, what it
gets without a deal, its favourite option on an issue, its risk limit, or (once it has
made an offer or answered one) what kind of partner it is. The kinds rotate — the one
asked least so far comes next — so a game asks each. Right after the person puts a deal
on the table: which answer a partner it names will give it (before that partner
answers). The exercises rotate over partners and projects too, so a game visits each
partner. What the partner really wanted is the engine's to say (``Prediction.truth``,
``truth_choice``, ``answer``), and only after the prediction is made; the reasons from
its brief come from ``explained``, for the person practising alone only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import actions as act
from game.engine.questions import (
    PERSONALITY,
    PREFERRED,
    RISK_LIMIT,
    WALK_AWAY,
    risk_choices,
    walk_away_choices,
)
from game.i18n import Translator
from game.session.explain import Revealed, revealed
from game.session.workshop import Seat

if TYPE_CHECKING:
    from game.scenario.model import Scenario
    from game.session.workshop import Workshop

FREQUENCIES = ("every-round", "every-other-round", "last-round", "off")
DEFAULT_FREQUENCY = "every-round"
# partners with different habits, so that one practice game shows several (seats cycle on)
DEFAULT_PERSONALITIES = ("cooperative", "reciprocal", "cautious", "competitive")
#: the questions asked at the start of the person's turn, in the order they first come
TURN_QUESTIONS = ("rank", WALK_AWAY, PREFERRED, RISK_LIMIT, PERSONALITY)


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
    #: which question (``state.QUESTIONS``): "rank" or "accept" when left out
    question: str = ""
    issue: str = ""  # a preferred-option question: the issue

    @property
    def kind(self) -> str:
        if self.question:
            return self.question
        return "accept" if self.deal is not None else "rank"


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


def _turn_role(workshop: Workshop) -> str | None:
    """The practising role, at the start of its turn in an exercise round that has had
    no turn question yet (one a turn: skipping one skips the round's)."""
    state = workshop.state
    role = _due(workshop, "rank", state.round)
    if role is None or state.current_role != role:
        return None
    if any((kind, state.round) in workshop.practice_skipped for kind in TURN_QUESTIONS):
        return None
    made = state.role_state(role).predictions
    if any(p.kind in TURN_QUESTIONS and p.round == state.round for p in made):
        return None
    return role


def turn_exercise(workshop: Workshop) -> Exercise | None:
    """At the start of the person's turn, once per exercise round: a question of the kind
    asked least so far (``TURN_QUESTIONS`` order on a tie) that has a partner to ask
    about; None if no kind has."""
    role = _turn_role(workshop)
    if role is None:
        return None
    made = workshop.state.role_state(role).predictions
    asked = {kind: sum(1 for p in made if p.kind == kind) for kind in TURN_QUESTIONS}
    for kind in sorted(TURN_QUESTIONS, key=lambda k: (asked[k], TURN_QUESTIONS.index(k))):
        exercise = _PICKERS[kind](workshop, role)
        if exercise is not None:
            return exercise
    return None


def ranking_exercise(workshop: Workshop) -> Exercise | None:
    """The ranking a turn question would ask now, if one is due (the ``turn_exercise``
    kinds aside)."""
    role = _turn_role(workshop)
    return None if role is None else _ranking(workshop, role)


def _ranking(workshop: Workshop, role: str) -> Exercise | None:
    """One partner's ranking of one project's issues; the partner asked about least so
    far comes first, then an open project before an agreed one. A ranking already
    answered is never asked again: its truth was shown, and a second answer would only
    copy it."""
    state = workshop.state
    made = state.role_state(role).predictions
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
    return Exercise(role, target, project, question="rank")


def _about(workshop: Workshop, role: str, kind: str) -> Exercise | None:
    """A partner and project for a walk-away or preferred-option question (and for the
    latter an issue): never one already asked, the partner asked about least (in any
    question) first, then
    an open project before an agreed one, then the scenario's order."""
    state = workshop.state
    everything = state.role_state(role).predictions
    made = [p for p in everything if p.kind == kind]
    agreed = {a.project for a in state.agreements if a.active}
    candidates = []
    for order, project in enumerate(state.scenario.eligible_projects(role)):
        issues = [issue.id for issue in project.issues] if kind == PREFERRED else [""]
        for place, partner in enumerate(state.scenario.eligible_roles(project)):
            if partner.id == role:
                continue
            about = sum(1 for p in everything if p.target == partner.id)
            for at, issue in enumerate(issues):
                if any((p.target, p.project, p.issue) == (partner.id, project.id, issue)
                       for p in made):  # fmt: skip
                    continue
                key = (about, project.id in agreed, place, order, at)
                candidates.append((key, partner.id, project.id, issue))
    if not candidates:
        return None
    _, target, project, issue = min(candidates)
    return Exercise(role, target, project, question=kind, issue=issue)


def _risk_limit(workshop: Workshop, role: str) -> Exercise | None:
    """A partner's risk limit is the same on every project: each partner once, the one
    asked about least (in any question) first."""
    state = workshop.state
    made = state.role_state(role).predictions
    asked = {p.target for p in made if p.kind == RISK_LIMIT}
    candidates = [
        (sum(1 for p in made if p.target == partner.id), place, partner.id)
        for place, partner in enumerate(state.scenario.roles)
        if partner.id != role
        and partner.id not in asked
        and state.scenario.eligible_projects(partner.id)
    ]
    if not candidates:
        return None
    target = min(candidates)[2]
    project = state.scenario.eligible_projects(target)[0]
    return Exercise(role, target, project.id, question=RISK_LIMIT)


def has_shown_itself(workshop: Workshop, partner: str) -> bool:
    """The partner has made an offer or answered one: there is something to read it by."""
    for deal in workshop.state.deals:
        answered = partner in deal.accepted or any(r == partner for r, _ in deal.rejected)
        if deal.proposer == partner or answered:
            return True
    return False


def _personality(workshop: Workshop, role: str) -> Exercise | None:
    """What kind of partner one is: each computer partner whose kind the game knows,
    once, after it has shown itself on the table."""
    state = workshop.state
    asked = {p.target for p in state.role_state(role).predictions if p.kind == PERSONALITY}
    for partner in state.scenario.roles:
        if partner.id == role or partner.id in asked or state.personality(partner.id) is None:
            continue
        projects = state.scenario.eligible_projects(partner.id)
        if projects and has_shown_itself(workshop, partner.id):
            return Exercise(role, partner.id, projects[0].id, question=PERSONALITY)
    return None


_PICKERS = {
    "rank": _ranking,
    WALK_AWAY: lambda workshop, role: _about(workshop, role, WALK_AWAY),
    PREFERRED: lambda workshop, role: _about(workshop, role, PREFERRED),
    RISK_LIMIT: _risk_limit,
    PERSONALITY: _personality,
}


def exercise_of(workshop: Workshop, kind: str) -> Exercise | None:
    """The question of ``kind`` (one of ``TURN_QUESTIONS``) the person would be asked
    now, whatever the round and the setting: None if there is no partner to ask it about."""
    role = workshop.solo_role
    return None if role is None else _PICKERS[kind](workshop, role)


def explained(workshop: Workshop, index: int) -> Revealed | None:
    """The partner's brief behind the practising person's prediction number ``index``,
    once it is scored: solo practice only (a workshop has no such door)."""
    role = workshop.solo_role
    if role is None:
        return None
    return revealed(workshop.state, role, index)


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
    return Exercise(role, target, deal.project, deal.number, question="accept")


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
            fresh.append(Exercise(role, made.target, made.project, made.deal, index, "accept"))
    return fresh


def choices_for(workshop: Workshop, exercise: Exercise) -> tuple[str, ...]:
    """The answers a choice question offers, in the order shown: the walk-away ranges
    and risk bands (``questions``), the issue's options, or the kinds of partner."""
    from game.bots.personality import PERSONALITIES

    state = workshop.state
    project = state.scenario.project(exercise.project)
    if exercise.kind == WALK_AWAY:
        return walk_away_choices(state, project)
    if exercise.kind == RISK_LIMIT:
        return risk_choices()
    if exercise.kind == PREFERRED:
        issue = next(i for i in project.issues if i.id == exercise.issue)
        return tuple(option.id for option in issue.options)
    if exercise.kind == PERSONALITY:
        return tuple(PERSONALITIES)
    return ()
