"""The end of a practice game: every prediction, its score and the partner's truth.

Shown before the final scores (and reachable from them), because in solo practice the
perspective-taking is the lesson. From here the same game can be played again from
another seat: the same scenario file and seed, the person in that role, the computer in
every other; seeing the same deals from the other side of the table is the exercise.
"""

from __future__ import annotations

import pygame

from game.engine.state import QUESTIONS
from game.session.progress import ANONYMOUS, GameEntry, ProgressError, ProgressStore, learner_name
from game.session.workshop import CannotStart
from game.ui.charts import Line, progress_chart
from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row
from game.ui.scenes.exercise import answer_words, choice_label, question_title, said_words
from game.ui.words import question_kind_name

BLOCK_GAP = 16  # between two predictions
MAX_GAMES_SHOWN = 12  # the chart's latest games; older ones stay in the file


class PerspectiveScene(PrivateScene):
    name = "perspective"

    def __init__(self, app, role: str):
        super().__init__(app, role)
        self.page = 0
        self._progress: tuple[list[GameEntry], str] | None = None  # read once, when drawn

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
        left = pygame.Rect(area.left, area.top, area.width // 2, area.height)
        right = pygame.Rect(left.right + 30, area.top, area.right - left.right - 30, area.height)
        pages = self.draw_predictions(painter, left, view, predictions)
        chart_h = right.height * 2 // 3
        self.draw_progress(painter, pygame.Rect(right.left, right.top, right.width, chart_h))
        self.draw_replay(
            painter,
            pygame.Rect(
                right.left, right.top + chart_h + 20, right.width, right.height - chart_h - 20
            ),
        )
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

    def progress(self) -> tuple[list[GameEntry], str]:
        """The learner's games so far (this one included, once it has ended) and a note
        when the progress file had trouble; read from disk once for this screen."""
        if self._progress is None:
            workshop = self.app.workshop
            note = workshop.progress_note
            try:
                games = ProgressStore(workshop.progress_folder).entries(self.learner)
            except ProgressError as error:
                games, note = [], str(error)
            self._progress = (games, note)
        return self._progress

    @property
    def learner(self) -> str:
        return learner_name(self.app.workshop.seat(self.role).learner)

    def draw_progress(self, painter: Painter, rect: pygame.Rect) -> None:
        """One line per kind of question over the learner's games (the engine's scores,
        kept by game/session/progress.py)."""
        t = self.t
        games, note = self.progress()
        inner = painter.panel(rect, t("Your progress"))
        if note:
            inner.top += painter.text(inner, note, "small", painter.theme.bad, max_lines=3) + 8
        if not games:
            painter.text(inner, t("Finish a practice game to see your progress here."),
                         "small", painter.theme.muted)  # fmt: skip
            return
        recent = games[-MAX_GAMES_SHOWN:]
        lines = [
            Line(
                question_kind_name(t, kind),
                tuple(g.scores[kind].mean if kind in g.scores else None for g in recent),
                index,
            )
            for index, kind in enumerate(QUESTIONS)
            if any(kind in g.scores for g in recent)
        ]
        first = len(games) - len(recent) + 1
        labels = [str(number) for number in range(first, len(games) + 1)]
        name = t("anonymous") if self.learner == ANONYMOUS else self.learner
        if len(games) == 1:
            said = t("{name}: one game so far; each game adds a point.", name=name)
        else:
            said = t("{name}: the score of each kind of question, game by game.", name=name)
        used = painter.text(inner, said, "small", painter.theme.muted, max_lines=2)
        chart = pygame.Rect(inner.left, inner.top + used + 6, inner.width,
                            inner.height - used - 6)  # fmt: skip
        if lines:
            progress_chart(painter, chart, lines, labels)
        else:
            painter.text(chart, t("No prediction was scored in these games yet."), "small",
                         painter.theme.muted)  # fmt: skip

    def draw_replay(self, painter: Painter, rect: pygame.Rect) -> None:
        """The same game again, from any seat (the same seed and partners: to compare), or
        a fresh one from this seat (a new seed and other partners)."""
        t = self.t
        workshop = self.app.workshop
        inner = rect  # buttons only: their words say what each game is
        roles = [seat.role for seat in workshop.seats]
        buttons = [
            (
                t("Play a fresh game: new luck, other partners"),
                lambda: self.play_again(self.role, True),
            )
        ] + [
            (
                t("Play the same game, as {role}", role=workshop.name(role)),
                lambda r=role: self.play_again(r),
            )
            for role in roles
        ]
        gap = 8
        height = min(70, (inner.height - gap * (len(buttons) - 1)) // max(1, len(buttons)))
        for index, (label, click) in enumerate(buttons):
            painter.button(
                pygame.Rect(inner.left, inner.top + index * (height + gap), inner.width, height),
                label,
                click,
                size="small",
                selected=index == 0,
            )

    def turn(self, step: int) -> None:
        self.page = max(0, self.page + step)

    def scores(self) -> None:
        """To the final scores, underneath (or onto them, when opened from a running app)."""
        if len(self.app.scenes) > 1:
            self.app.pop()
        else:
            self.app.replace(self.app.make("scores"))

    def play_again(self, role: str, fresh: bool = False) -> None:
        from game.ui.scenes.solo import begin_solo

        try:
            workshop = self.app.workshop.play_again_as(role, self.app.saves, fresh=fresh)
        except CannotStart as error:
            self.app.error = str(error)
            return
        self.app.message = self.app.error = ""
        begin_solo(self.app, workshop)


def numbered(project: dict, ranking) -> str:
    """A ranking of issue ids as "1. Title  2. Title …" (titles may hold commas)."""
    titles = {issue["id"]: issue["title"] for issue in project["issues"]}
    return "   ".join(f"{place}. {titles[issue]}" for place, issue in enumerate(ranking, 1))
