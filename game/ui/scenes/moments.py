"""Moments the whole room sees: an event card, and the summary at the end of a round."""

from __future__ import annotations

import pygame

from game.engine.rules import ending
from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row
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
