"""Moments the whole room sees: an event card, and the summary at the end of a round."""

from __future__ import annotations

import pygame

from game.engine.rules import ending
from game.ui.painter import PAD, Painter
from game.ui.scenes.base import Scene, button_row, content_bottom
from game.ui.words import deal_line, prose


class EventCardScene(Scene):
    name = "event"

    def __init__(self, app, news: dict):
        super().__init__(app)
        self.news = news

    def draw(self, painter: Painter) -> None:
        t = self.t
        width, _ = painter.size
        area = self.header(painter, t("Event card"))
        card = pygame.Rect(width // 2 - 700, area.top, 1400, area.height)
        inner = painter.panel(card, self.news["title"], edge=painter.theme.accent)
        top = inner.top + painter.text(inner, prose(self.news["text"]), "body") + 24
        outcomes = ["► " + outcome for outcome in self.news["outcomes"]]
        room = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
        painter.paragraphs(room, outcomes, "body", painter.theme.accent, gap=10)
        button_row(
            painter, self.footer(painter), [(t("Go on"), self.app.pop, pygame.K_RETURN, True)]
        )


class RoundSummaryScene(Scene):
    name = "round"

    def __init__(self, app, round_number: int):
        super().__init__(app)
        self.round = round_number
        # the table the round before left: a deal it did not change is not news again
        self.before = app.workshop.view_at_round_end(round_number - 1)

    def draw(self, painter: Painter) -> None:
        t = self.t
        view = self.app.workshop.public_view()
        end = ending(self.app.workshop.state)
        rounds = view["scenario"]["rounds"]
        if end is not None and end.early:  # a moment of its own, before the final scores
            heading = t("Every project is signed")
            subtitle = t("The game ends in round {round} of {rounds}.", round=end.played,
                         rounds=rounds)  # fmt: skip
        else:
            heading, subtitle = t("Round {round} is over", round=self.round), ""
        area = self.header(painter, heading, subtitle)
        titles = {p["id"]: p["title"] for p in view["projects"]}
        names = {r["id"]: r["name"] for r in view["roles"]}
        lines = []
        earlier = {deal["number"]: deal for deal in (self.before or {}).get("deals", [])}
        for deal in view["deals"]:
            # what this round did: every deal it proposed or changed (answered, signed,
            # let expire), against the table the round before left
            if earlier.get(deal["number"]) == deal:
                continue
            line = deal_line(t, deal, names, titles)
            for answer in deal["rejected"]:
                line += "\n   ✗ " + names[answer["role"]]
                if answer["reason"]:  # the room hears a computer partner's no as who said it
                    line += ": “" + answer["reason"] + "”"
            lines.append(line)
        for news in view["news"]:
            if news["round"] == self.round:
                lines.append(t("Event: {title}", title=news["title"]))
        if not lines:
            lines.append(t("A quiet round: no deals and no events."))
        if view["finished"]:
            lines.append(t("The game is over: the scores are next."))
        else:
            first = view["turn_of"]
            lines.append(
                t(
                    "Next: round {round}; {team} starts.",
                    round=view["round"],
                    team=self.app.workshop.seat(first).team,
                )
            )
            if view["round"] == rounds:  # announced as it begins
                lines.append(t("Round {round} is the last round: a deal now, or none at all.",
                               round=rounds))  # fmt: skip
        inner = painter.panel(area)
        painter.paragraphs(inner, ["• " + line for line in lines], "body", gap=10)
        button_row(
            painter, self.footer(painter), [(t("Go on"), self.app.pop, pygame.K_RETURN, True)]
        )


#: the scenes of moments the room goes through after an action, before the table again
MOMENT_SCENES = ("signed", "event", "round")


class SignedScene(Scene):
    """A deal signed: the room sees it happen, with who signed and its terms in full."""

    name = "signed"

    def __init__(self, app, number: int):
        super().__init__(app)
        self.number = number

    def draw(self, painter: Painter) -> None:
        from game.session.room import issue_and_option, room_deal

        t = self.t
        workshop = self.app.workshop
        view = workshop.public_view()
        deal = next(d for d in view["deals"] if d["number"] == self.number)
        names = {role["id"]: team_name(workshop, role["id"]) for role in view["roles"]}
        said = room_deal(t, workshop.state.scenario, view, deal, names)
        signers = [names[r] for r in deal["participants"] if r in deal["accepted"]]
        width, _ = painter.size
        # a heading that wraps (a long project name at the largest text size is never cut)
        top = 16
        for text, size, colour, bold in (
            (t("Deal {number} signed: {project}", number=self.number, project=said.project),
             "title", painter.theme.accent, True),
            (t("Signed by {teams}.", teams=", ".join(signers)), "body", None, False),
        ):  # fmt: skip
            need = painter.text_height(text, width - 80, size, bold)
            painter.text(pygame.Rect(40, top, width - 80, need + 4), text, size, colour, bold)
            top += need + 8
        area = pygame.Rect(40, top + 10, width - 80, content_bottom(painter) - top - 10)
        lines = [issue_and_option(term.issue, term.option) for term in said.terms]
        left_out = [names[r] for r in deal["participants"] if r not in deal["accepted"]]
        if left_out:
            lines.append(t("Not in it: {teams}", teams=", ".join(left_out)))
        items = ["• " + line for line in lines]
        card_w = min(area.width, 1600)
        heading = t("What they agreed")
        need = 2 * PAD + painter.line_height("heading", True) + 8  # the panel's own parts
        need += sum(painter.text_height(item, card_w - 2 * PAD, "body") + 10 for item in items)
        card = pygame.Rect(max(area.left, width // 2 - 800), area.top, card_w,
                           min(area.height, need))  # fmt: skip
        inner = painter.panel(card, heading, edge=painter.theme.accent)
        painter.paragraphs(inner, items, "body", gap=10)
        button_row(
            painter, self.footer(painter), [(t("Go on"), self.app.pop, pygame.K_RETURN, True)]
        )


def team_name(workshop, role: str) -> str:
    """The name the room knows a team by: its own (Team Red), else its role's."""
    return workshop.seat(role).team.strip() or workshop.name(role)
