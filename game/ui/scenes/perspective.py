"""The end of a practice game: every prediction, its score and the partner's truth.

Shown before the final scores (and reachable from them), because in solo practice the
perspective-taking is the lesson. From here the same game can be played again from
another seat: the same scenario file and seed, the person in that role, the computer in
every other; seeing the same deals from the other side of the table is the exercise.
"""

from __future__ import annotations

import pygame

from game.session.workshop import CannotStart
from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row
from game.ui.scenes.exercise import answer_words, choice_label, question_title, said_words

BLOCK_GAP = 16  # between two predictions


class PerspectiveScene(PrivateScene):
    name = "perspective"

    def __init__(self, app, role: str):
        super().__init__(app, role)
        self.page = 0

    def draw(self, painter: Painter) -> None:
        t = self.t
        workshop = self.app.workshop
        view = workshop.private_view(self.role)
        predictions = view["me"]["predictions"]
        mean = workshop.perspective(self.role)
        subtitle = (
            t(
                "Perspective-taking: {score} of 100, the mean of {count} predictions.",
                score=mean.score,
                count=sum(1 for p in predictions if p["score"] is not None),
            )
            if mean is not None
            else t("You made no predictions in this game.")
        )
        area = self.header(
            painter, t("Through your partners' eyes"), subtitle, secret=workshop.name(self.role)
        )
        left = pygame.Rect(area.left, area.top, area.width * 3 // 5, area.height)
        right = pygame.Rect(left.right + 30, area.top, area.right - left.right - 30, area.height)
        pages = self.draw_predictions(painter, left, view, predictions)
        self.draw_replay(painter, right)
        buttons = []
        if pages > 1:
            buttons = [
                (t("Previous"), lambda: self.turn(-1), pygame.K_LEFT, self.page > 0),
                (t("Next"), lambda: self.turn(+1), pygame.K_RIGHT, self.page < pages - 1),
            ]
        buttons.append((t("Final scores"), self.scores, pygame.K_RETURN, True))
        button_row(painter, self.footer(painter), buttons)

    def draw_predictions(self, painter: Painter, rect: pygame.Rect, view, predictions) -> int:
        """One block per prediction, whole, as many as fit on a page; returns the pages."""
        t = self.t
        inner = painter.panel(rect, t("Your predictions"))
        if not predictions:
            painter.text(
                inner,
                t("Exercises come at the moments chosen before the game (Practise alone)."),
                "small",
                painter.theme.muted,
            )
            return 1
        pages: list[list[list[tuple[str, str, bool]]]] = [[]]
        room = inner.height
        for prediction in predictions:
            block = self.lines(view, prediction)
            height = self.block_height(painter, inner.width, block)
            if pages[-1] and height > room:
                pages.append([])
                room = inner.height
            pages[-1].append(block)
            room -= height
        self.page = min(self.page, len(pages) - 1)
        top = inner.top
        for block in pages[self.page]:
            for number, (text, tone, bold) in enumerate(block):
                indent = 20 if number else 0
                box = pygame.Rect(
                    inner.left + indent, top, inner.width - indent, inner.bottom - top
                )
                top += painter.text(box, text, "small", painter.tone(tone), bold, max_lines=3)
            top += BLOCK_GAP
        return len(pages)

    def block_height(self, painter: Painter, width: int, block) -> int:
        """The logical height a prediction's lines take (each wrapped to at most three)."""
        px = painter.px("small")
        height = BLOCK_GAP
        for number, (text, _, bold) in enumerate(block):
            room = painter.layout.to_px(pygame.Rect(0, 0, width - (20 if number else 0), 1)).width
            lines = min(3, len(painter.type.wrap(text, px, bold, room)))
            height += painter.line_height("small", bold) * lines
        return height

    def lines(self, view, prediction) -> list[tuple[str, str, bool]]:
        """Three lines: what was asked and its score; what we said; what was true."""
        t = self.t
        names = {role["id"]: role["name"] for role in view["roles"]}
        project = next(p for p in view["projects"] if p["id"] == prediction["project"])
        partner = names[prediction["target"]]
        score = prediction["score"]
        mark = "·" if score is None else "✓" if score == 100 else "✗" if score == 0 else "~"
        kind = prediction.get("question", "")
        if kind not in ("", "rank", "accept"):  # a choice question
            asked = t("Round {round}: {question}", round=prediction["round"],
                      question=question_title(t, kind, partner))  # fmt: skip
            said = t("You: {answer}", answer=choice_label(t, kind, prediction["choice"], project,
                                                          prediction["issue"]))  # fmt: skip
            truth = t("{partner}: {answer}", partner=partner, answer=choice_label(
                t, kind, prediction["truth_choice"], project, prediction["issue"]))  # fmt: skip
        elif prediction["deal"] is None:
            asked = t(
                "Round {round}: how {partner} ranks {project}",
                round=prediction["round"],
                partner=partner,
                project=project["title"],
            )
            said = t("You: {ranking}", ranking=numbered(project, prediction["ranking"]))
            ranking = numbered(project, prediction["truth_ranking"])
            truth = t("{partner}: {ranking}", partner=partner, ranking=ranking)
        else:
            asked = t(
                "Round {round}: will {partner} accept deal {number}?",
                round=prediction["round"],
                partner=partner,
                number=prediction["deal"],
            )
            if prediction.get("verdict"):
                said = said_words(t, prediction)
            else:
                said = (
                    t("You: it will accept") if prediction["accepts"] else t("You: it will say no")
                )
            if not prediction["answer"]:
                truth = t("{partner} has not answered yet", partner=partner)
            elif score is None:
                truth = t("The deal closed before {partner} answered: not scored", partner=partner)
            else:
                truth = answer_words(t, prediction, partner)
        heading = f"{mark} {'—' if score is None else score:>3} · {asked}"
        return [(heading, "accent", True), (said, "text", False), (truth, "muted", False)]

    def draw_replay(self, painter: Painter, rect: pygame.Rect) -> None:
        t = self.t
        workshop = self.app.workshop
        inner = painter.panel(rect, t("From another seat"))
        used = painter.text(inner, t("The same scenario and the same luck, from another seat."),
                            "small", painter.theme.muted, max_lines=3)  # fmt: skip
        others = [seat.role for seat in workshop.seats if seat.role != self.role]
        top = inner.top + used + 16
        gap = 12
        height = min(90, (inner.bottom - top - gap * (len(others) - 1)) // max(1, len(others)))
        for index, role in enumerate(others):
            painter.button(
                pygame.Rect(inner.left, top + index * (height + gap), inner.width, height),
                t("Play again as {role}", role=workshop.name(role)),
                lambda r=role: self.play_again(r),
                size="small",
            )

    def turn(self, step: int) -> None:
        self.page = max(0, self.page + step)

    def scores(self) -> None:
        """To the final scores, underneath (or onto them, when opened from a running app)."""
        if len(self.app.scenes) > 1:
            self.app.pop()
        else:
            self.app.replace(self.app.make("scores"))

    def play_again(self, role: str) -> None:
        from game.ui.scenes.solo import begin_solo

        try:
            workshop = self.app.workshop.play_again_as(role, self.app.saves)
        except CannotStart as error:
            self.app.error = str(error)
            return
        self.app.message = self.app.error = ""
        begin_solo(self.app, workshop)


def numbered(project: dict, ranking) -> str:
    """A ranking of issue ids as "1. Title  2. Title …" (titles may hold commas)."""
    titles = {issue["id"]: issue["title"] for issue in project["issues"]}
    return "   ".join(f"{place}. {titles[issue]}" for place, issue in enumerate(ranking, 1))
