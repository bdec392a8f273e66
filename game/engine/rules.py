"""The rules: ``apply(state, action)`` gives the next state or raises ``IllegalAction``.

Every refusal is a sentence a person at the table understands ("The museum cannot commit
3 staff hours per round; it has 2 left"), because the screens show it as it is and the
computer partners' refusals are built on the same checks.

The turn structure (SPEC §2): rounds; in each round every role has one turn, the first
player rotating; a turn is one main action. Answering a deal is a main action too.
After the last turn of a round, deals proposed before this round expire, and an event
card may be drawn. The game ends after the last round, or as soon as every project has a
signed agreement.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from game.engine import actions as act
from game.engine import questions
from game.engine.acceptability import (
    ANSWER_ACCEPTS,
    ANSWERS,
    NO_ANSWER,
    Verdict,
    answer_of,
    bonus_in_reach,
    cannot_sign,
    judge,
    position_in_state,
    signing_rule,
)
from game.engine.deals import Amounts, describe_amounts, free_this_round
from game.engine.events import draw_after_round, play_card
from game.engine.insights import facts_about
from game.engine.memo import options_by_id, projects_by_id, role_order
from game.engine.narration import counter_change, heard_cause, spoken_reason
from game.engine.perspective import ranking_score, true_ranking
from game.engine.state import (
    Agreement,
    Deal,
    GameState,
    Prediction,
    RoleState,
    StrawPoll,
    evolve,
    turn_order,
)
from game.scenario.model import Project, Resources, Scenario


class IllegalAction(Exception):
    """An action the rules do not allow; ``str()`` is the sentence to show."""


def apply(state: GameState, action: act.Action) -> GameState:
    """The state after ``action``; raises ``IllegalAction`` with the sentence to show."""
    return pass_turn(take(state, action), action)


def is_legal(state: GameState, action: act.Action) -> bool:
    return attempt(state, action) is not None


def attempt(state: GameState, action: act.Action) -> GameState | None:
    """``take(state, action)``, or None if the rules refuse it.

    Whether an action is legal shows in the action itself: what ends the turn (the next
    round, an event card) never refuses, so a question of legality need not play it.
    """
    try:
        return take(state, action)
    except IllegalAction:
        return None


def pass_turn(taken: GameState, action: act.Action) -> GameState:
    """After ``take``: the next turn, round or the end, if ``action`` used the turn."""
    if action.uses_turn and not taken.finished:
        return _close_predictions(_end_turn(taken))
    return taken


def take(state: GameState, action: act.Action) -> GameState:
    """Check and carry out the action itself, short of passing the turn on."""
    if state.finished:
        raise IllegalAction("The game is over.")
    handler = _HANDLERS.get(type(action))
    if handler is None:
        raise IllegalAction(f"Unknown action: {action!r}.")
    if action.actor == act.TRAINER:
        if not isinstance(action, _TRAINER_ACTIONS):
            raise IllegalAction("The trainer does not play a role's turn.")
    else:
        _known_role(state, action.actor)
        if isinstance(action, _TRAINER_ACTIONS):
            raise IllegalAction(f"Only the trainer can {_TRAINER_VERBS[type(action)]}.")
        if action.uses_turn:
            _check_turn(state, action.actor)
    state = _close_predictions(handler(state, action))
    return evolve(state, actions_taken=state.actions_taken + 1)


# -- turns and rounds ---------------------------------------------------------------------


def _name(state: GameState, role: str) -> str:
    return state.scenario.role(role).name


def _known_role(state: GameState, role: str) -> None:
    if role not in role_order(state.scenario):
        raise IllegalAction(f'There is no role "{role}" in this game.')


def _check_turn(state: GameState, role: str) -> None:
    if state.paused:
        raise IllegalAction("The game is paused; the trainer resumes it.")
    if state.current_role != role:
        raise IllegalAction(
            f"It is {_name(state, state.current_role)}'s turn, not {_name(state, role)}'s."
        )


def _end_turn(state: GameState) -> GameState:
    if _everything_agreed(state):
        return _finish(state)
    if state.turn + 1 < len(state.order):
        return evolve(state, turn=state.turn + 1)
    return _end_round(state)


def _finish(state: GameState) -> GameState:
    """The game is over: a deal still on the table expires unanswered."""
    deals = tuple(evolve(d, status="expired") if d.status == "open" else d for d in state.deals)
    return evolve(state, finished=True, deals=deals)


@dataclass(frozen=True)
class Ending:
    """How a finished game ended: after the last round, or early, every project signed."""

    played: int  # the rounds played (the one it ended in counts)
    total: int  # the rounds the scenario has
    all_signed: bool  # it ended because every project was signed

    @property
    def early(self) -> bool:
        """It ended before the last round was over: every project was signed."""
        return self.all_signed and (self.played < self.total)


def ending(state: GameState) -> Ending | None:
    """How the game ended, or None while it is still being played."""
    if not state.finished:
        return None
    return Ending(state.round, state.scenario.rounds, _everything_agreed(state))


def _everything_agreed(state: GameState) -> bool:
    agreed = {a.project for a in state.agreements if a.active}
    return all(project.id in agreed for project in state.scenario.projects)


def _end_round(state: GameState) -> GameState:
    deals = tuple(
        evolve(deal, status="expired") if deal.status == "open" and deal.round < state.round
        else deal
        for deal in state.deals
    )  # fmt: skip
    state = draw_after_round(evolve(state, deals=deals))
    if state.round >= state.scenario.rounds or _everything_agreed(state):
        return _finish(state)
    next_round = state.round + 1
    return evolve(
        state,
        round=next_round,
        turn=0,
        order=turn_order(state.scenario, next_round),
        roles=tuple(evolve(mine, spent_staff_time=0, spent_budget=0) for mine in state.roles),
        blocked=tuple(block for block in state.blocked if block.until_round >= next_round),
    )


# -- deals ----------------------------------------------------------------------------------


def _project(state: GameState, project_id: str) -> Project:
    project = projects_by_id(state.scenario).get(project_id)
    if project is None:
        raise IllegalAction(f'There is no project "{project_id}".')
    return project


def check_deal_shape(
    state: GameState, project_id: str, participants: tuple[str, ...], options: tuple[str, ...]
) -> tuple[Project, tuple[str, ...]]:
    """Checks that do not depend on who proposes; returns participants in role order."""
    project = _project(state, project_id)
    if state.agreement_for(project.id) is not None and state.agreement_for(project.id).active:
        raise IllegalAction(f"{project.title} is already agreed.")
    eligible = [role.id for role in state.scenario.eligible_roles(project)]
    if len(set(participants)) != len(participants):
        raise IllegalAction("A deal names each participant once.")
    for role in participants:
        _known_role(state, role)
        if role not in eligible:
            raise IllegalAction(f"{_name(state, role)} cannot take part in {project.title}.")
    rule = project.approval
    if len(participants) < rule.min_participants:
        raise IllegalAction(f"{project.title} needs at least {rule.min_participants} participants.")
    if rule.max_participants is not None and len(participants) > rule.max_participants:
        raise IllegalAction(f"{project.title} takes at most {rule.max_participants} participants.")
    for role in rule.required:
        if role not in participants:
            raise IllegalAction(f"{project.title} needs {_name(state, role)} to take part.")
    if len(options) != len(project.issues):
        raise IllegalAction(
            f"Choose one option for each of the {len(project.issues)} issues of {project.title}."
        )
    choices = zip(project.issues, options_by_id(project), options, strict=True)
    for issue, by_id, option_id in choices:
        option = by_id.get(option_id)
        if option is None:
            raise IllegalAction(f'"{option_id}" is not an option of "{issue.title}".')
        for role in option.cost_for:
            if role not in participants:
                raise IllegalAction(f'"{option.label}" needs {_name(state, role)} to take part.')
        for block in state.blocked:
            if (block.project, block.issue, block.option) == (project.id, issue.id, option_id):
                raise IllegalAction(
                    f'"{option.label}" cannot be proposed until after round {block.until_round}.'
                )
    return project, tuple(sorted(participants, key=role_order(state.scenario).__getitem__))


def _check_willing(
    state: GameState,
    role: str,
    project: Project,
    options: tuple[str, ...],
    signing: tuple[str, ...],
) -> None:
    """The rules refuse only what a role *cannot* sign (``acceptability.judge``): a red
    line, more than it has left to give, or an option needing a role that is not signing.
    What it *should not* sign it may still sign, knowingly."""
    position = position_in_state(state, role, project, with_walk_away=False)
    verdict = cannot_sign(position, project, options, signing)
    if verdict is not None:
        raise IllegalAction(cannot_sign_sentence(state, role, project, verdict))


def cannot_sign_sentence(state: GameState, role: str, project: Project, verdict: Verdict) -> str:
    """Why ``role`` cannot sign, said to that role itself (a red line in its brief's words)."""
    name = _name(state, role)
    if verdict.cause == "red-line":
        return f"{name} cannot agree: {verdict.detail}"
    if verdict.cause == "absent-role":
        option = options_by_id(project)[_issue_index(project, verdict.issue)][verdict.option]
        return f'"{option.label}" needs {_name(state, verdict.detail)} to sign the deal.'
    need, free = verdict.need, verdict.free
    assert need is not None and free is not None
    for amount, left, what in (
        (need.staff_time, free.staff_time, "staff hour"),
        (need.budget, free.budget, "budget unit"),
    ):
        if amount > 0 and amount > left:
            return (
                f"{name} cannot commit {amount} {what}{'s' * (amount != 1)} per "
                f"round; it has {max(0, left)} left."
            )
    return f"{name} cannot sign this deal."


def _issue_index(project: Project, issue_id: str | None) -> int:
    return next(i for i, issue in enumerate(project.issues) if issue.id == issue_id)


def _put_on_table(
    state: GameState,
    proposer: str,
    project_id: str,
    participants: tuple[str, ...],
    options: tuple[str, ...],
    counter_of: int | None = None,
) -> GameState:
    project, participants = check_deal_shape(state, project_id, participants, options)
    if proposer not in participants:
        raise IllegalAction(f"{_name(state, proposer)} must take part in its own proposal.")
    if project.approval.proposers and proposer not in project.approval.proposers:
        names = ", ".join(_name(state, role) for role in project.approval.proposers)
        raise IllegalAction(f"Only {names} may propose a deal on {project.title}.")
    _check_willing(state, proposer, project, options, participants)
    deal = Deal(
        number=len(state.deals) + 1,
        project=project.id,
        proposer=proposer,
        participants=participants,
        options=tuple(options),
        round=state.round,
        accepted=(proposer,),
        counter_of=counter_of,
    )
    return _settle(evolve(state, deals=(*state.deals, deal)), deal)


def _open_deal_awaiting(state: GameState, number: int, role: str) -> Deal:
    deal = state.deal(number)
    if deal is None:
        raise IllegalAction(f"There is no deal {number}.")
    if deal.status != "open":
        raise IllegalAction(f"Deal {number} is no longer on the table ({deal.status}).")
    if role not in deal.participants:
        raise IllegalAction(f"{_name(state, role)} is not part of deal {number}.")
    if role not in deal.awaiting():
        raise IllegalAction(f"{_name(state, role)} has already answered deal {number}.")
    return deal


def _with_deal(state: GameState, deal: Deal) -> GameState:
    deals = list(state.deals)
    deals[deal.number - 1] = deal
    return evolve(state, deals=tuple(deals))


def _settle(state: GameState, deal: Deal) -> GameState:
    """Sign the deal if its signing rule is met (the approval rule, and every role its
    options need has accepted); close it if it can no longer be."""
    rule = signing_rule(state.scenario.project(deal.project), deal.participants, deal.options)
    if not rule.signs_with(_still_signing(deal)):  # those who have not said no cannot sign it
        return _with_deal(state, evolve(deal, status="rejected"))
    if not rule.signs_with(deal.accepted):
        return _with_deal(state, deal)
    signed = evolve(deal, status="signed")
    agreement = Agreement(
        deal=signed,
        members=tuple(role for role in deal.participants if role in deal.accepted),
        round=state.round,
        unanimous=len(deal.accepted) == len(deal.participants),
    )
    deals = tuple(
        signed if d.number == deal.number
        else evolve(d, status="superseded") if d.status == "open" and d.project == deal.project
        else d
        for d in state.deals
    )  # fmt: skip
    return evolve(state, deals=deals, agreements=(*state.agreements, agreement))


def _propose(state: GameState, action: act.Propose) -> GameState:
    return _put_on_table(
        state, action.actor, action.project, tuple(action.participants), tuple(action.options)
    )


def _accept(state: GameState, action: act.Accept) -> GameState:
    deal = _open_deal_awaiting(state, action.deal, action.actor)
    project = state.scenario.project(deal.project)
    _check_willing(state, action.actor, project, deal.options, _still_signing(deal))
    answered = _resolve_predictions(state, deal, action.actor, accepted=True)  # said nothing
    return _settle(answered, evolve(deal, accepted=(*deal.accepted, action.actor)))


def _still_signing(deal: Deal) -> tuple[str, ...]:
    """The participants that may still sign: all but those that said no."""
    said_no = {role for role, _ in deal.rejected}
    return tuple(role for role in deal.participants if role not in said_no)


def _reject(state: GameState, action: act.Reject) -> GameState:
    deal = _open_deal_awaiting(state, action.deal, action.actor)
    reason = str(action.reason).strip()
    if not reason:
        raise IllegalAction("Say why you reject the deal: the partners need the reason.")
    if action.cause:  # the rule's reason: the proposer is told, the room hears the cause
        heard, private = heard_cause(action.cause), reason
    else:  # a team's own words, said aloud at the table, never a red line's words
        heard = private = spoken_reason(state.scenario, reason)
    answered = _resolve_predictions(
        state, deal, action.actor, accepted=False, said=private, heard=heard
    )
    refused = _refused(deal, action.actor, heard, action.cause, private if action.cause else "")
    return _settle(answered, refused)


def _refused(deal: Deal, role: str, heard: str, cause: str, private: str, **changes) -> Deal:
    """``deal`` with ``role``'s no: what the room hears, the rule's cause, and what only
    the proposer is told."""
    return evolve(
        deal,
        rejected=(*deal.rejected, (role, heard)),
        causes=(*deal.causes, (role, cause)) if cause else deal.causes,
        to_proposer=(*deal.to_proposer, (role, private)) if private else deal.to_proposer,
        **changes,
    )


def _counter(state: GameState, action: act.Counter) -> GameState:
    deal = _open_deal_awaiting(state, action.deal, action.actor)
    number = len(state.deals) + 1
    state = _put_on_table(
        state,
        action.actor,
        deal.project,
        tuple(action.participants),
        tuple(action.options),
        counter_of=deal.number,
    )
    change = counter_change(state.scenario, deal, state.deals[-1])
    heard = f"countered with deal {number}" + (f": {change}" if change else "")
    private = action.reason.strip() if action.cause else ""  # a team's counter says the terms
    state = _resolve_predictions(
        state, deal, action.actor, accepted=False, said=private or heard, heard=heard,
        countered=number,
    )  # fmt: skip
    refused = _refused(deal, action.actor, heard, action.cause, private, status="countered")
    return _with_deal(state, refused)


def _resolve_predictions(
    state: GameState,
    deal: Deal,
    role: str,
    *,
    accepted: bool,
    said: str = "",
    heard: str = "",
    countered: int | None = None,
) -> GameState:
    """Score every prediction about ``role``'s answer to ``deal``: its real answer is the
    truth, and the answer key (``acceptability.answer_of``) says what kind of answer it
    was, from the rule's verdict on the deal as it stood when ``role`` answered. Its
    reason is what the predictor could hear: ``said`` (to the proposer) for the proposer,
    ``heard`` (by the room) for anyone else."""
    pending = [
        (mine.role, index)
        for mine in state.roles
        for index, p in enumerate(mine.predictions)
        if p.deal == deal.number and p.target == role and p.score is None and not p.answer
    ]
    if not pending:
        return state
    project = state.scenario.project(deal.project)
    said_no = [r for r, _ in deal.rejected]
    bonus = bonus_in_reach(
        project, deal.participants, deal.options, said_no, deal.accepted, answering=role
    )
    position = position_in_state(state, role, project)
    verdict = judge(position, project, deal.options, _still_signing(deal), bonus)
    answer = ANSWER_ACCEPTS if accepted else answer_of(verdict, satisfied=False)
    for predictor, index in pending:
        why = said if predictor == deal.proposer else heard

        def scored(mine: RoleState, at: int = index, why: str = why) -> RoleState:
            made = list(mine.predictions)
            p = made[at]
            made[at] = evolve(
                p, score=verdict_score(p, accepted, answer), truth_accepts=accepted,
                answer=answer, truth=why, countered=countered,
            )  # fmt: skip
            return evolve(mine, predictions=tuple(made))

        state = _change_role(state, predictor, scored)
    return state


def verdict_score(prediction: Prediction, accepted: bool, answer: str) -> int:
    """An acceptance prediction's score: for a verdict, 100 when it is the answer key's,
    50 when it was a no of the wrong kind (right that it would not accept), else 0; an
    older yes-or-no prediction scores 100 when right."""
    if not prediction.verdict:
        return 100 if prediction.accepts == accepted else 0
    if prediction.verdict == answer:
        return 100
    return 50 if not accepted and prediction.verdict != ANSWER_ACCEPTS else 0


def _close_predictions(state: GameState) -> GameState:
    """A prediction about a deal that closed before its partner answered is not scored."""
    if not any(mine.predictions for mine in state.roles):
        return state
    for mine in state.roles:
        if not any(p.deal is not None and p.score is None and not p.answer
                   for p in mine.predictions):  # fmt: skip
            continue
        made = tuple(
            evolve(p, answer=NO_ANSWER)
            if p.deal is not None and p.score is None and not p.answer
            and (state.deal(p.deal) is None or state.deal(p.deal).status != "open")
            else p
            for p in mine.predictions
        )  # fmt: skip
        state = _change_role(state, mine.role, lambda m, made=made: evolve(m, predictions=made))
    return state


# -- the other main actions -------------------------------------------------------------


def _spend(state: GameState, role: str, price: Resources, what: str) -> GameState:
    need = Amounts(price.staff_time, price.budget)
    left = free_this_round(state, role)
    if not left.covers(need):
        short = []
        if need.staff_time > left.staff_time:
            short.append(describe_amounts(Amounts(left.staff_time, 0)) if left.staff_time
                         else "no staff time")  # fmt: skip
        if need.budget > left.budget:
            short.append(describe_amounts(Amounts(0, left.budget)) if left.budget else "no budget")
        raise IllegalAction(
            f"{_name(state, role)} cannot spend {describe_amounts(need)} on {what} this round; "
            f"it has {' and '.join(short)} left."
        )
    return _change_role(
        state,
        role,
        lambda mine: evolve(
            mine,
            spent_staff_time=mine.spent_staff_time + need.staff_time,
            spent_budget=mine.spent_budget + need.budget,
        ),
    )


def _change_role(state: GameState, role: str, change: Callable[[RoleState], RoleState]):
    return evolve(
        state, roles=tuple(change(mine) if mine.role == role else mine for mine in state.roles)
    )


def _explore(state: GameState, action: act.Explore) -> GameState:
    _known_role(state, action.target)
    if action.target == action.actor:
        raise IllegalAction("Explore a partner, not yourself.")
    known = {i.text for i in state.role_state(action.actor).insights}
    fresh = [fact for fact in facts_about(state, action.target) if fact.text not in known]
    if not fresh:
        raise IllegalAction(
            f"{_name(state, action.actor)} already knows all that exploring can tell about "
            f"{_name(state, action.target)}."
        )
    state = _spend(state, action.actor, state.scenario.rules.explore_cost, "exploring")
    insight = fresh[0]
    return _change_role(
        state, action.actor, lambda mine: evolve(mine, insights=(*mine.insights, insight))
    )


def _consult(state: GameState, action: act.ConsultUsers) -> GameState:
    project = _project(state, action.project)
    if project.id in state.role_state(action.actor).consulted:
        raise IllegalAction(
            f"{_name(state, action.actor)} has already consulted users about {project.title}."
        )
    state = _spend(state, action.actor, state.scenario.rules.consult_cost, "consulting users")
    return _change_role(
        state, action.actor, lambda mine: evolve(mine, consulted=(*mine.consulted, project.id))
    )


def learnable(state: GameState) -> list[str]:
    return learnable_competencies(state.scenario)


def learnable_competencies(scenario: Scenario) -> list[str]:
    """The competencies a role may build: the scenario's list, or what projects need."""
    if scenario.rules.learnable:
        return list(scenario.rules.learnable)
    return list(dict.fromkeys(need for p in scenario.projects for need in p.needs))


def competencies(state: GameState, role: str) -> tuple[str, ...]:
    return (*state.scenario.role(role).competencies, *state.role_state(role).gained)


def _build(state: GameState, action: act.BuildCompetence) -> GameState:
    options = learnable(state)
    if action.competency not in options:
        raise IllegalAction(
            f'"{action.competency}" cannot be built here; choose one of: {", ".join(options)}.'
        )
    if action.competency in competencies(state, action.actor):
        raise IllegalAction(f"{_name(state, action.actor)} already has {action.competency}.")
    state = _spend(
        state, action.actor, state.scenario.rules.build_competence_cost, "building a competence"
    )
    return _change_role(
        state, action.actor, lambda mine: evolve(mine, gained=(*mine.gained, action.competency))
    )


def _communicate(state: GameState, action: act.Communicate) -> GameState:
    if action.channel not in ("newsletter", "flyer"):
        raise IllegalAction('Communicate with a "newsletter" or a "flyer".')
    rules = state.scenario.rules
    state = _spend(state, action.actor, rules.communicate_cost, f"a {action.channel}")
    return _change_role(
        state,
        action.actor,
        lambda mine: evolve(
            mine,
            brand=min(10, mine.brand + rules.communicate_brand_gain),
            communications=mine.communications + 1,
        ),
    )


def _pass(state: GameState, action: act.Pass) -> GameState:
    return state


# -- at any time, and the trainer's -------------------------------------------------------


def _answer_poll(state: GameState, action: act.AnswerStrawPoll) -> GameState:
    poll = state.poll
    if poll is None:
        raise IllegalAction("No straw poll is open.")
    if action.actor not in poll.participants:
        raise IllegalAction(f"{_name(state, action.actor)} is not asked in this straw poll.")
    if any(role == action.actor for role, _ in poll.answers):
        raise IllegalAction(f"{_name(state, action.actor)} has already answered the poll.")
    answers = (*poll.answers, (action.actor, bool(action.yes)))
    return evolve(state, poll=evolve(poll, answers=answers))


def _predict(state: GameState, action: act.Predict) -> GameState:
    _known_role(state, action.target)
    if action.target == action.actor:
        raise IllegalAction("Predict a partner, not yourself.")
    project = _project(state, action.project)
    if project not in state.scenario.eligible_projects(action.target):
        raise IllegalAction(f"{_name(state, action.target)} cannot take part in {project.title}.")
    if action.question in questions.CHOICE_QUESTIONS:
        try:
            truth = questions.answer(
                state, action.question, action.target, project, action.issue, action.choice
            )
        except questions.BadAnswer as error:
            raise IllegalAction(str(error)) from None
        prediction = Prediction(
            action.target, project.id, state.round, truth.score, truth=truth.sentence,
            question=action.question, issue=action.issue, choice=action.choice,
            truth_choice=truth.choice,
        )  # fmt: skip
    elif action.ranking:
        truth_ranking = true_ranking(state, action.target, project.id)
        if sorted(action.ranking) != sorted(truth_ranking):
            raise IllegalAction(f"Rank each issue of {project.title} once.")
        ranking = tuple(action.ranking)
        titles = {issue.id: issue.title for issue in project.issues}
        prediction = Prediction(
            action.target, project.id, state.round, ranking_score(ranking, truth_ranking),
            ranking=ranking, truth=", ".join(titles[i] for i in truth_ranking),
            truth_ranking=truth_ranking,
        )  # fmt: skip
    else:
        prediction = _acceptance(state, action, project)
    return _change_role(
        state,
        action.actor,
        lambda mine: evolve(mine, predictions=(*mine.predictions, prediction)),
    )


def _acceptance(state: GameState, action: act.Predict, project: Project) -> Prediction:
    """Will the partner accept the deal: one of the answer key's verdicts (or, in older
    saves, yes or no), scored when the partner answers (``_resolve_predictions``)."""
    deal = state.deal(action.deal) if action.deal is not None else None
    accepts = action.accepts
    if action.verdict:
        if action.verdict not in ANSWERS:
            raise IllegalAction(f"Predict one of the answers: {', '.join(ANSWERS)}.")
        accepts = action.verdict == ANSWER_ACCEPTS
    if deal is None or deal.project != project.id or accepts is None:
        raise IllegalAction("Predict a ranking of the issues, or whether a deal is accepted.")
    if action.target not in deal.participants:
        raise IllegalAction(f"{_name(state, action.target)} is not part of deal {deal.number}.")
    if deal.status != "open" or action.target not in deal.awaiting():
        raise IllegalAction(
            f"{_name(state, action.target)} has already answered deal {deal.number}."
        )
    return Prediction(
        action.target, project.id, state.round, None, deal=deal.number, accepts=accepts,
        question="accept" if action.verdict else "", verdict=action.verdict,
    )  # fmt: skip


def _pause(state: GameState, action: act.Pause) -> GameState:
    if state.paused:
        raise IllegalAction("The game is already paused.")
    return evolve(state, paused=True)


def _resume(state: GameState, action: act.Resume) -> GameState:
    if not state.paused:
        raise IllegalAction("The game is not paused.")
    return evolve(state, paused=False)


def _skip(state: GameState, action: act.SkipTurn) -> GameState:
    if state.paused:
        raise IllegalAction("The game is paused; resume it before skipping a turn.")
    return _end_turn(state)


def _inject(state: GameState, action: act.InjectEvent) -> GameState:
    card = next((c for c in state.scenario.events if c.id == action.card), None)
    if card is None:
        raise IllegalAction(f'There is no event card "{action.card}".')
    return play_card(state, card)


def _call_poll(state: GameState, action: act.CallStrawPoll) -> GameState:
    project, participants = check_deal_shape(
        state, action.project, tuple(action.participants), tuple(action.options)
    )
    return evolve(state, poll=StrawPoll(project.id, participants, tuple(action.options)))


_HANDLERS: dict[type, Callable] = {
    act.Propose: _propose,
    act.Accept: _accept,
    act.Reject: _reject,
    act.Counter: _counter,
    act.Explore: _explore,
    act.ConsultUsers: _consult,
    act.BuildCompetence: _build,
    act.Communicate: _communicate,
    act.Pass: _pass,
    act.AnswerStrawPoll: _answer_poll,
    act.Predict: _predict,
    act.Pause: _pause,
    act.Resume: _resume,
    act.SkipTurn: _skip,
    act.InjectEvent: _inject,
    act.CallStrawPoll: _call_poll,
}
_TRAINER_ACTIONS = (act.Pause, act.Resume, act.SkipTurn, act.InjectEvent, act.CallStrawPoll)
_TRAINER_VERBS = {
    act.Pause: "pause the game",
    act.Resume: "resume the game",
    act.SkipTurn: "skip a turn",
    act.InjectEvent: "play an event card",
    act.CallStrawPoll: "call a straw poll",
}


# -- what a role may do now ---------------------------------------------------------------


def legal_actions(state: GameState, role: str, *, proposals: bool = True) -> list[act.Action]:
    """Every action ``role`` (or ``"trainer"``) may take now.

    ``proposals=False`` leaves out proposals and counters, which can number thousands;
    ``legal_proposals`` lists them for one project.
    """
    return [action for action in _candidates(state, role, proposals) if is_legal(state, action)]


def _candidates(state: GameState, role: str, proposals: bool) -> Iterator[act.Action]:
    if state.finished:
        return
    if role == act.TRAINER:
        yield act.Resume() if state.paused else act.Pause()
        yield act.SkipTurn()
        for card in state.scenario.events:
            yield act.InjectEvent(card=card.id)
        return
    if state.poll is not None:
        yield act.AnswerStrawPoll(role, True)
        yield act.AnswerStrawPoll(role, False)
    if state.current_role != role or state.paused:
        return
    yield act.Pass(role)
    yield act.Communicate(role, "newsletter")
    yield act.Communicate(role, "flyer")
    for other in state.scenario.roles:
        if other.id != role:
            yield act.Explore(role, other.id)
    for project in state.scenario.projects:
        yield act.ConsultUsers(role, project.id)
    for competency in learnable(state):
        yield act.BuildCompetence(role, competency)
    for deal in state.open_deals():
        if role in deal.awaiting():
            yield act.Accept(role, deal.number)
            yield act.Reject(role, deal.number, "This deal does not work for us.")
            if proposals:
                for proposal in legal_proposals(state, role, deal.project):
                    yield act.Counter(role, deal.number, proposal.participants, proposal.options)
    if proposals:
        for project in state.scenario.projects:
            yield from legal_proposals(state, role, project.id)


def legal_proposals(state: GameState, role: str, project_id: str) -> Iterator[act.Propose]:
    project = state.scenario.project(project_id)
    eligible = [r.id for r in state.scenario.eligible_roles(project)]
    if role not in eligible:
        return
    others = [r for r in eligible if r != role]
    rule = project.approval
    largest = min(rule.max_participants or len(eligible), len(eligible))
    all_options = [[option.id for option in issue.options] for issue in project.issues]
    for size in range(max(2, rule.min_participants), largest + 1):
        for group in itertools.combinations(others, size - 1):
            participants = (role, *group)
            for options in itertools.product(*all_options):
                proposal = act.Propose(role, project_id, participants, options)
                if is_legal(state, proposal):
                    yield proposal
