"""The game's timeline as the room saw it: every public action, round by round.

Built by replaying the log, so it says what happened in order: who proposed what to whom
and on which terms, who accepted or refused and the reason they gave at the table, which
event cards came and what they did. A reason that quotes a red line (a computer partner
says no in its brief's words) is left out, as on the debrief screen
(``game/engine/narration.py``): only who said no. A team's perspective-taking predictions
are private exercises and are left out; what an exploration revealed is the explorer's and
is not said either (only that it explored).
"""

from __future__ import annotations

from game.engine import actions as act
from game.engine import deals
from game.engine.narration import heard_reason
from game.engine.record import GameRecord
from game.engine.state import GameState
from game.i18n import Translator
from game.report.html import Markup, join, table, tag
from game.report.phrases import say
from game.report.words import tag as tag_words
from game.scenario.model import Scenario


def _terms(scenario: Scenario, project_id: str, options: tuple[str, ...]) -> str:
    project = scenario.project(project_id)
    return "; ".join(o.label for o in deals.chosen_options(project, options))


def describe(before: GameState, after: GameState, action: act.Action, t: Translator) -> str | None:
    """What the room heard of ``action``, or None for a private one."""
    scenario = after.scenario

    def name(role: str) -> str:
        return scenario.role(role).name

    who = t("The trainer") if action.actor == act.TRAINER else name(action.actor)
    signed = ""
    if len(after.agreements) > len(before.agreements):
        made = after.agreements[-1]
        signed = " " + t(
            "Deal {number} is signed by {members}.",
            number=made.deal.number,
            members=", ".join(name(m) for m in made.members),
        )
    match action:
        case act.Propose() | act.Counter():
            deal = after.deals[len(before.deals)]
            values = {
                "who": who,
                "number": deal.number,
                "project": scenario.project(deal.project).title,
                "others": ", ".join(name(r) for r in deal.participants if r != action.actor),
                "terms": _terms(scenario, deal.project, deal.options),
            }
            if isinstance(action, act.Counter):
                return (
                    t(
                        "{who} answers deal {old} with deal {number} on {project} to "
                        "{others}: {terms}.",
                        old=action.deal,
                        **values,
                    )
                    + signed
                )
            return (
                t("{who} proposes deal {number} on {project} to {others}: {terms}.", **values)
                + signed
            )
        case act.Accept():
            return t("{who} accepts deal {number}.", who=who, number=action.deal) + signed
        case act.Reject():
            reason = heard_reason(scenario, action.reason, action.cause)
            if not reason:  # a computer partner's, or it quotes a red line: who said no
                return t("{who} rejects deal {number}.", who=who, number=action.deal)
            return t("{who} rejects deal {number}: “{reason}”", who=who, number=action.deal,
                     reason=reason)  # fmt: skip
        case act.Explore():
            return t("{who} explores {target}.", who=who, target=name(action.target))
        case act.ConsultUsers():
            return t(
                "{who} consults users about {project}.",
                who=who,
                project=scenario.project(action.project).title,
            )
        case act.BuildCompetence():
            return t(
                "{who} builds a new competence: {skill}.",
                who=who,
                skill=tag_words(action.competency),
            )
        case act.Communicate():
            if action.channel == "newsletter":
                return t("{who} sends a newsletter.", who=who)
            return t("{who} hands out flyers.", who=who)
        case act.Pass():
            return t("{who} passes.", who=who)
        case act.AnswerStrawPoll():
            return t(
                "{who} answers the straw poll: {answer}.",
                who=who,
                answer=t("yes") if action.yes else t("no"),
            )
        case act.Pause():
            return t("The trainer pauses the game.")
        case act.Resume():
            return t("The trainer resumes the game.")
        case act.SkipTurn():
            return t("The trainer skips the turn of {role}.", role=name(before.current_role or ""))
        case act.InjectEvent():
            return t("The trainer plays an event card.")
        case act.CallStrawPoll():
            return t(
                "The trainer calls a straw poll on {project}.",
                project=scenario.project(action.project).title,
            )
    return None  # a prediction: a team's private exercise


def timeline_rows(scenario: Scenario, record: GameRecord, t: Translator):
    """(round, number, text) for every public action and every event card, in order."""
    for number, before, action, state in record.steps(scenario):
        said = describe(before, state, action, t)
        if said is not None:
            yield before.round, str(number), said
        for news in state.news[len(before.news) :]:
            text = t("Event: {title}. {text}", title=news.title, text=news.text)
            if news.outcomes:
                text += " " + "; ".join(say(outcome, t) for outcome in news.outcomes) + "."
            yield news.round, "", text


def timeline_section(
    scenario: Scenario, record: GameRecord, t: Translator, level: int, anchor: str
) -> Markup:
    rounds: dict[int, list[list[str]]] = {}
    for round_number, number, text in timeline_rows(scenario, record, t):
        rounds.setdefault(round_number, []).append([number, text])
    parts = [tag(f"h{level}", t("Timeline"), id=anchor)]
    for round_number, rows in rounds.items():
        parts.append(tag(f"h{level + 1}", t("Round {round}", round=round_number)))
        parts.append(table([t("Action"), t("What happened")], rows, class_="timeline"))
    return join(parts)
