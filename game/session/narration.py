"""What the room hears after each action: one public sentence, and the actor's private part.

The public sentence never holds a secret: it names who did what, and what came of it on
the table (a deal proposed, signed, rejected; a team's own reason is said aloud at the
table, a computer partner's only to the proposer — the room hears who said no and, for a
red line, "one of its red lines"; a counter says what it changed). What an exploration
revealed goes only to the team that explored.
"""

from __future__ import annotations

from game.engine import actions as act
from game.engine.narration import counter_change, heard_reason
from game.engine.state import GameState
from game.i18n import Translator


def describe(before: GameState, after: GameState, action: act.Action, t: Translator) -> str:
    scenario = after.scenario

    def name(role: str) -> str:
        return scenario.role(role).name

    def title(project: str) -> str:
        return scenario.project(project).title

    who = t("The trainer") if action.actor == act.TRAINER else name(action.actor)
    match action:
        case act.Propose() | act.Counter():
            deal = after.deals[len(before.deals)]
            others = ", ".join(name(r) for r in deal.participants if r != action.actor)
            values = {
                "who": who,
                "number": deal.number,
                "project": title(deal.project),
                "others": others,
            }
            if isinstance(action, act.Counter):
                sentence = t(
                    "{who} answers deal {old} with a counter: "
                    "deal {number} on {project} to {others}.",
                    old=action.deal,
                    **values,
                )
                change = counter_change(scenario, before.deal(action.deal), deal)
                if change:
                    sentence += " " + t("It changes {change}.", change=change)
            else:
                sentence = t("{who} proposes deal {number} on {project} to {others}.", **values)
            return sentence + _signed(after, deal.number, t)
        case act.Accept():
            return t("{who} accepts deal {number}.", who=who, number=action.deal) + _signed(
                after, action.deal, t
            )
        case act.Reject():
            heard = heard_reason(scenario, action.reason, action.cause)
            if not heard:  # a computer partner's reason is said to the proposer only
                return t("{who} rejects deal {number}.", who=who, number=action.deal)
            if action.cause:  # a red line, as such
                return t("{who} rejects deal {number}: one of its red lines.",
                         who=who, number=action.deal)  # fmt: skip
            return t(
                "{who} rejects deal {number}: “{reason}”",
                who=who,
                number=action.deal,
                reason=heard,
            )
        case act.Explore():
            return t("{who} explores {target}.", who=who, target=name(action.target))
        case act.ConsultUsers():
            return t(
                "{who} consults users about {project}.", who=who, project=title(action.project)
            )
        case act.BuildCompetence():
            return t("{who} builds a new competence: {what}.", who=who, what=action.competency)
        case act.Communicate():
            channel = t("a newsletter") if action.channel == "newsletter" else t("a flyer")
            return t("{who} sends out {channel}; its brand grows.", who=who, channel=channel)
        case act.Pass():
            return t("{who} passes.", who=who)
        case act.SkipTurn():
            skipped = before.current_role
            return t("The trainer skips {role}'s turn.", role=name(skipped) if skipped else "")
        case act.Pause():
            return t("The trainer pauses the game.")
        case act.Resume():
            return t("The game goes on.")
        case act.InjectEvent():
            return t("The trainer plays an event card.")
        case act.CallStrawPoll():
            return t("The trainer calls a straw poll on {project}.", project=title(action.project))
        case act.AnswerStrawPoll():
            return t("{who} answers the straw poll.", who=who)
        case act.Predict():
            return t("{who} makes a prediction.", who=who)
    return ""


def _signed(after: GameState, number: int, t: Translator) -> str:
    deal = after.deal(number)
    if deal is None:
        return ""
    if deal.status == "signed":
        return " " + t("The deal is signed!")
    if deal.status == "rejected":
        return " " + t("The deal cannot be signed any more.")
    return ""


def private_result(before: GameState, after: GameState, action: act.Action) -> str:
    """What only the actor learns: the fact an exploration revealed, the users' needs."""
    if isinstance(action, act.Explore):
        mine = after.role_state(action.actor).insights
        if len(mine) > len(before.role_state(action.actor).insights):
            return mine[-1].text
    if isinstance(action, act.ConsultUsers):
        needs = after.scenario.project(action.project).user_needs
        return "\n".join(f"• {need.text}" for need in needs)
    return ""
